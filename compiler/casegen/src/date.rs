//! Calendar dates as day numbers (days since 1970-01-01), with the month arithmetic of
//! compiler/doc/records.md: adding months keeps the day of the month and clamps it to the
//! month's last day.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i32);

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    /// A valid date (the caller's promise; checked in debug builds).
    pub fn ymd(y: i32, m: u32, d: u32) -> Date {
        debug_assert!((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m));
        let y = if m <= 2 { y - 1 } else { y };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = (y - era * 400) as u32;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Date(era * 146_097 + doe as i32 - 719_468)
    }

    pub fn to_ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = (z - era * 146_097) as u32;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe as i32 + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        (if m <= 2 { y + 1 } else { y }, m, d)
    }

    /// `YYYY-MM-DD`, nothing else.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let t = &s[r];
            if t.bytes().all(|c| c.is_ascii_digit()) {
                t.parse().ok()
            } else {
                None
            }
        };
        let (y, m, d) = (num(0..4)? as i32, num(5..7)?, num(8..10)?);
        if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Date::ymd(y, m, d))
    }

    /// Monday is 0, Sunday 6.
    pub fn weekday(self) -> u32 {
        (self.0 + 3).rem_euclid(7) as u32
    }

    pub fn add_days(self, n: i32) -> Date {
        Date(self.0 + n)
    }

    /// `n` months later (or earlier), the day clamped to the month's last day.
    pub fn add_months(self, n: i32) -> Date {
        let (y, m, d) = self.to_ymd();
        let total = y * 12 + (m as i32 - 1) + n;
        let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        Date::ymd(ny, nm, d.min(days_in_month(ny, nm)))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.to_ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_weekdays() {
        for n in -1000..30_000 {
            let d = Date(n);
            let (y, m, dd) = d.to_ymd();
            assert_eq!(Date::ymd(y, m, dd), d);
            assert_eq!(Date::parse(&d.to_string()), Some(d));
        }
        assert_eq!(Date::ymd(1970, 1, 1), Date(0));
        // 1 April 2020 was a Wednesday; 29 February 2020 a Saturday.
        assert_eq!(Date::ymd(2020, 4, 1).weekday(), 2);
        assert_eq!(Date::ymd(2020, 2, 29).weekday(), 5);
        assert_eq!(Date::parse("2021-02-29"), None);
        assert_eq!(Date::parse("2021-2-28"), None);
    }

    #[test]
    fn months_clamp_to_the_last_day() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(d("2020-02-29").add_months(12), d("2021-02-28"));
        assert_eq!(d("2020-01-31").add_months(1), d("2020-02-29"));
        assert_eq!(d("2021-01-31").add_months(1), d("2021-02-28"));
        assert_eq!(d("2020-03-31").add_months(11), d("2021-02-28"));
        assert_eq!(d("2020-05-15").add_months(-13), d("2019-04-15"));
    }
}
