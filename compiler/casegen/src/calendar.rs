//! The working-day calendar, read from the `calendar` item of the spec's records.pmf (its
//! `weekend`, `years` and `holiday` lines), so the generator and the spec cannot disagree
//! about a bank holiday. The working-day number is records.md's: the number of working days
//! from the calendar's first day up to and including the date; a non-working day has the
//! number of the working day before it.

use crate::date::Date;

/// The spec file the calendar and the record fields are read from, built into the program.
pub const RECORDS_PMF: &str = include_str!("../../../spec/2019-consultation/records.pmf");

pub struct Calendar {
    pub first: Date,
    pub last: Date,
    /// Working-day number of each date from `first`.
    wdn: Vec<u32>,
    working: Vec<bool>,
    /// The working days in order: `work_days[n - 1]` has number `n`.
    work_days: Vec<Date>,
}

const DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

impl Calendar {
    /// The first `calendar` item of a .pmf text.
    pub fn from_spec(text: &str) -> Result<Calendar, String> {
        let mut lines = text.lines().enumerate();
        lines
            .by_ref()
            .find(|(_, l)| l.starts_with("calendar "))
            .ok_or("records.pmf has no calendar")?;
        let mut weekend = [false; 7];
        let mut years = None;
        let mut holidays = Vec::new();
        for (n, line) in lines {
            let l = line.trim();
            if l == "}" {
                break;
            }
            let mut words = l.split_whitespace();
            match words.next() {
                Some("weekend") => {
                    for w in words {
                        let i = DAYS
                            .iter()
                            .position(|d| *d == w)
                            .ok_or(format!("records.pmf:{}: unknown day {w}", n + 1))?;
                        weekend[i] = true;
                    }
                }
                Some("years") => {
                    let v: Vec<&str> = words.collect();
                    match v.as_slice() {
                        [a, "to", b] => {
                            let a: i32 = a
                                .parse()
                                .map_err(|_| format!("records.pmf:{}: bad year", n + 1))?;
                            let b: i32 = b
                                .parse()
                                .map_err(|_| format!("records.pmf:{}: bad year", n + 1))?;
                            years = Some((a, b));
                        }
                        _ => return Err(format!("records.pmf:{}: bad years line", n + 1)),
                    }
                }
                Some("holiday") => {
                    let d = words.next().and_then(Date::parse).ok_or(format!(
                        "records.pmf:{}: a holiday needs a date YYYY-MM-DD",
                        n + 1
                    ))?;
                    holidays.push(d);
                }
                _ => {}
            }
        }
        let (a, b) = years.ok_or("records.pmf: the calendar has no years line")?;
        let first = Date::ymd(a, 1, 1);
        let last = Date::ymd(b, 12, 31);
        let len = (last.0 - first.0 + 1) as usize;
        let mut working = vec![true; len];
        for (i, w) in working.iter_mut().enumerate() {
            if weekend[first.add_days(i as i32).weekday() as usize] {
                *w = false;
            }
        }
        for h in holidays {
            if h < first || h > last {
                return Err(format!(
                    "records.pmf: holiday {h} is outside the calendar's years"
                ));
            }
            working[(h.0 - first.0) as usize] = false;
        }
        let mut wdn = Vec::with_capacity(len);
        let mut work_days = Vec::new();
        let mut n = 0;
        for (i, w) in working.iter().enumerate() {
            if *w {
                n += 1;
                work_days.push(first.add_days(i as i32));
            }
            wdn.push(n);
        }
        Ok(Calendar {
            first,
            last,
            wdn,
            working,
            work_days,
        })
    }

    /// The calendar of the shipped spec.
    pub fn shipped() -> Calendar {
        Calendar::from_spec(RECORDS_PMF).expect("the shipped records.pmf has a calendar")
    }

    fn ix(&self, d: Date) -> usize {
        assert!(
            d >= self.first && d <= self.last,
            "{d} is outside the calendar ({} to {})",
            self.first,
            self.last
        );
        (d.0 - self.first.0) as usize
    }

    pub fn wdn(&self, d: Date) -> u32 {
        self.wdn[self.ix(d)]
    }

    pub fn is_working(&self, d: Date) -> bool {
        self.working[self.ix(d)]
    }

    /// The working day numbered `n`.
    pub fn working_day(&self, n: u32) -> Date {
        self.work_days[n as usize - 1]
    }

    /// Every date `e` on or after `s` with `wdn(e) - wdn(s) == k`, as a range `(lo, hi)`: the
    /// dates a decision can take to be exactly `k` working days after `s`.
    pub fn offset_range(&self, s: Date, k: u32) -> (Date, Date) {
        let n = self.wdn(s) + k;
        let lo = if k == 0 { s } else { self.working_day(n) };
        let hi = self.working_day(n + 1).add_days(-1);
        (lo, hi)
    }

    /// A date `s` on or before `e` with `wdn(e) - wdn(s) == k`: `e` itself for 0, else the
    /// working day numbered `wdn(e) - k`.
    pub fn back(&self, e: Date, k: u32) -> Date {
        if k == 0 {
            e
        } else {
            self.working_day(self.wdn(e) - k)
        }
    }
}

/// The field ids of each `record` of a .pmf text, in order: the columns of its file.
pub fn record_fields(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("record ") {
            let id = rest
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .to_string();
            out.push((id, Vec::new()));
            inside = true;
        } else if line.starts_with('}') {
            inside = false;
        } else if inside {
            let mut w = line.split_whitespace();
            if w.next() == Some("field") {
                if let (Some(f), Some(last)) = (w.next(), out.last_mut()) {
                    last.1.push(f.to_string());
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn working_days_follow_records_md() {
        let c = Calendar::shipped();
        assert_eq!(c.first, d("2018-01-01"));
        assert_eq!(c.last, d("2026-12-31"));
        // 2018-01-01 is a bank holiday (number 0); 2018-01-02 is the first working day.
        assert_eq!(c.wdn(d("2018-01-01")), 0);
        assert_eq!(c.wdn(d("2018-01-02")), 1);
        // A Saturday has the number of the Friday before.
        assert_eq!(c.wdn(d("2020-05-23")), c.wdn(d("2020-05-22")));
        // Friday 22 May 2020, bank holiday Monday 25 May: the next working day is Tuesday 26.
        assert!(!c.is_working(d("2020-05-25")));
        assert_eq!(
            c.offset_range(d("2020-05-22"), 1),
            (d("2020-05-26"), d("2020-05-26"))
        );
        assert_eq!(
            c.offset_range(d("2020-05-22"), 0),
            (d("2020-05-22"), d("2020-05-25"))
        );
        // Christmas 2020: Friday 25 and Monday 28 (Boxing Day substitute) are holidays.
        assert_eq!(c.offset_range(d("2020-12-24"), 1).0, d("2020-12-29"));
        assert_eq!(c.back(d("2020-12-29"), 1), d("2020-12-24"));
        // Every holiday line of the spec is a non-working day.
        let holidays = RECORDS_PMF
            .lines()
            .filter(|l| l.trim_start().starts_with("holiday "))
            .count();
        assert_eq!(holidays, 75, "the holidays of 2018 to 2026 in records.pmf");
        for l in RECORDS_PMF
            .lines()
            .filter(|l| l.trim_start().starts_with("holiday "))
        {
            let day = Date::parse(l.split_whitespace().nth(1).unwrap()).unwrap();
            assert!(!c.is_working(day), "{day}");
        }
    }

    #[test]
    fn a_calendar_without_years_is_refused() {
        let e = Calendar::from_spec("calendar x \"X\" {\n  weekend saturday\n}\n").err();
        assert!(e.unwrap().contains("no years line"));
        let e = Calendar::from_spec(
            "calendar x \"X\" {\n  years 2020 to 2020\n  holiday 2020-02-30 \"X\"\n}\n",
        )
        .err();
        assert!(e.unwrap().contains("records.pmf:3"));
    }
}
