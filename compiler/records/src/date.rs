//! Calendar dates as day numbers, the financial year a period names, and the working-day
//! calendar's table (records.md "Working days"), computed once here so that every SQL dialect
//! and the embedded engine read the same numbers.

use pmf_ir::records::Calendar;

/// A calendar date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

impl Date {
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Reads `YYYY-MM-DD` exactly (four-digit year, two-digit month and day).
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            let s = &text[r];
            s.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| s.parse().ok())
                .flatten()
        };
        Date::new(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
    }

    /// The number of days since 1970-01-01 (negative before it).
    pub fn day_number(self) -> i64 {
        // Days before each month in a year that starts in March, so that the leap day is last.
        let (y, m) = if self.month <= 2 {
            (i64::from(self.year) - 1, self.month + 9)
        } else {
            (i64::from(self.year), self.month - 3)
        };
        let era = y.div_euclid(400);
        let year_of_era = y - era * 400;
        let day_of_year = (153 * i64::from(m) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The day after.
    pub fn next(self) -> Date {
        if self.day < days_in_month(self.year, self.month) {
            Date {
                day: self.day + 1,
                ..self
            }
        } else if self.month < 12 {
            Date {
                month: self.month + 1,
                day: 1,
                ..self
            }
        } else {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        }
    }

    /// The day of the week, lower case English (`monday` ...).
    pub fn weekday(self) -> &'static str {
        const DAYS: [&str; 7] = [
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "monday",
            "tuesday",
            "wednesday",
        ];
        DAYS[self.day_number().rem_euclid(7) as usize]
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A period counted: a financial year, 1 April to 31 March, both days included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// As written, e.g. `2020-21`.
    pub label: String,
    pub start: Date,
    pub end: Date,
}

impl Period {
    /// The financial year `YYYY-YY` (the second year the first's next, e.g. 2020-21).
    pub fn parse(label: &str) -> Option<Period> {
        let b = label.as_bytes();
        if b.len() != 7
            || b[4] != b'-'
            || !label
                .bytes()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit())
        {
            return None;
        }
        let first: i32 = label[..4].parse().ok()?;
        let second: i32 = label[5..].parse().ok()?;
        if (first + 1) % 100 != second {
            return None;
        }
        Some(Period {
            label: label.to_string(),
            start: Date::new(first, 4, 1)?,
            end: Date::new(first + 1, 3, 31)?,
        })
    }
}

/// One day of a working-day calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarDay {
    pub date: Date,
    pub working: bool,
    /// Working days from the calendar's first day up to and including this one; a day that is
    /// not a working day has the number of the working day before it.
    pub number: u32,
}

/// Every day of the calendar's years, 1 January of the first to 31 December of the last.
/// Holidays whose dates do not read are a fault of the checker, reported as an error.
pub fn calendar_days(calendar: &Calendar) -> Result<Vec<CalendarDay>, String> {
    let mut holidays = Vec::new();
    for h in &calendar.holidays {
        holidays.push(Date::parse(&h.date).ok_or_else(|| {
            format!(
                "calendar `{}`: the holiday date `{}` is not a date",
                calendar.id, h.date
            )
        })?);
    }
    let first = Date::new(calendar.first_year, 1, 1)
        .ok_or_else(|| format!("calendar `{}`: bad first year", calendar.id))?;
    if calendar.last_year < calendar.first_year || calendar.last_year - calendar.first_year > 200 {
        return Err(format!(
            "calendar `{}`: the years {} to {} are not a range of at most 200 years",
            calendar.id, calendar.first_year, calendar.last_year
        ));
    }
    let mut days = Vec::new();
    let mut day = first;
    let mut number = 0;
    while day.year <= calendar.last_year {
        let working =
            !calendar.weekend.iter().any(|w| w == day.weekday()) && !holidays.contains(&day);
        if working {
            number += 1;
        }
        days.push(CalendarDay {
            date: day,
            working,
            number,
        });
        day = day.next();
    }
    Ok(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_and_weekdays() {
        let d = Date::parse("1970-01-01").unwrap();
        assert_eq!(d.day_number(), 0);
        assert_eq!(d.weekday(), "thursday");
        let d = Date::parse("2020-12-25").unwrap();
        assert_eq!(d.weekday(), "friday");
        assert_eq!(Date::parse("2000-03-01").unwrap().day_number(), 11017);
        assert_eq!(Date::parse("1969-12-31").unwrap().day_number(), -1);
        // Every day of four centuries follows the one before.
        let mut d = Date::new(1900, 1, 1).unwrap();
        let mut n = d.day_number();
        while d.year < 2300 {
            let e = d.next();
            assert_eq!(e.day_number(), n + 1, "{e}");
            n += 1;
            d = e;
        }
    }

    #[test]
    fn dates_read_strictly() {
        assert!(Date::parse("2021-02-29").is_none());
        assert!(Date::parse("2020-02-29").is_some());
        assert!(Date::parse("2020-2-9").is_none());
        assert!(Date::parse("2020-13-01").is_none());
        assert!(Date::parse("+020-01-01").is_none());
    }

    #[test]
    fn periods() {
        let p = Period::parse("2020-21").unwrap();
        assert_eq!(p.start.to_string(), "2020-04-01");
        assert_eq!(p.end.to_string(), "2021-03-31");
        assert!(Period::parse("2020-22").is_none());
        assert!(Period::parse("2099-00").is_some());
        assert!(Period::parse("20x0-21").is_none());
    }
}
