//! Calendar dates (`YYYY-MM-DD`), validated, ordered, four bytes.

use std::fmt;
use std::num::NonZeroU32;

/// A real calendar day between years 1 and 9999, stored as `y << 9 | m << 5 | d` so that
/// integer order is date order (and `Option<Date>` is four bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(NonZeroU32);

impl Date {
    /// 0001-01-01.
    pub const MIN: Date = Date(NonZeroU32::MIN.saturating_add((1 << 9) | (1 << 5)));

    /// A date from its parts, or `None` if it is not a real day.
    pub fn from_ymd(y: u32, m: u32, d: u32) -> Option<Date> {
        if !(1..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        NonZeroU32::new((y << 9) | (m << 5) | d).map(Date)
    }

    /// Parse exactly `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        Date::from_ymd(num(0..4)?, num(5..7)?, num(8..10)?)
    }

    /// Year.
    pub fn year(self) -> u32 {
        self.0.get() >> 9
    }
    /// Month, 1–12.
    pub fn month(self) -> u32 {
        (self.0.get() >> 5) & 0xF
    }
    /// Day of the month.
    pub fn day(self) -> u32 {
        self.0.get() & 0x1F
    }

    /// Today in Vietnam (UTC+7), from the system clock.
    ///
    /// Not on `wasm32`, which has no system clock: there the binding passes the browser's
    /// day ([`Date::from_unix_millis`]), so a missing clock is a compile error, not 1970.
    #[cfg(not(target_family = "wasm"))]
    #[allow(clippy::cast_precision_loss)] // milliseconds since 1970 stay far below 2^53
    pub fn today() -> Date {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        Date::from_unix_millis(ms as f64)
    }

    /// The day in Vietnam (UTC+7) at `ms` milliseconds after 1970-01-01T00:00Z (JavaScript's
    /// `Date.now()`); non-finite values give 1970-01-01.
    #[allow(clippy::cast_possible_truncation, clippy::cast_precision_loss)]
    pub fn from_unix_millis(ms: f64) -> Date {
        const DAY_MS: f64 = 86_400_000.0;
        let days = ((ms + 7.0 * 3_600_000.0) / DAY_MS).floor();
        let days = if days.is_finite() { days as i64 } else { 0 };
        Date::from_days_since_epoch(days)
    }

    /// Parse `YYYY-MM-DD`, or the argument error `bad_date` at `path`.
    pub fn parse_at(s: &str, path: &str) -> Result<Date, crate::Error> {
        Date::parse(s).ok_or_else(|| {
            crate::Error::Argument(crate::Problem::new(
                crate::Code::BadDate,
                path,
                format!("`{s}` is not a real day written YYYY-MM-DD"),
            ))
        })
    }

    /// A number in the order of the days (later days, larger numbers), for sort keys.
    pub(crate) fn ordinal(self) -> u32 {
        self.0.get()
    }

    /// Days from 1970-01-01 to this date (negative before it; proleptic Gregorian calendar).
    ///
    /// ```
    /// use tthc::Date;
    /// let d = Date::parse("2026-07-01").unwrap();
    /// assert_eq!(d.days_since_epoch(), 20_635);
    /// assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
    /// ```
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            i64::from(self.year()),
            i64::from(self.month()),
            i64::from(self.day()),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// The date `days` after 1970-01-01 (proleptic Gregorian calendar).
    pub fn from_days_since_epoch(days: i64) -> Date {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        let clamp = |v: i64| u32::try_from(v).unwrap_or(1);
        Date::from_ymd(clamp(y), clamp(m), clamp(d)).unwrap_or(Date::MIN)
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn parses_real_days_only() {
        assert_eq!(
            Date::parse("2018-12-31").map(|d| d.to_string()).as_deref(),
            Some("2018-12-31")
        );
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("2023-02-29").is_none());
        assert!(Date::parse("2018-13-01").is_none());
        assert!(Date::parse("2018-1-01").is_none());
        assert!(Date::parse("31/12/2018").is_none());
        assert!(Date::parse("２018-12-31").is_none());
        assert!(Date::parse("2018-12-31") < Date::parse("2019-01-01"));
    }

    #[test]
    fn days_round_trip() {
        for days in [-700_000, -1, 0, 1, 59, 60, 11_016, 20_635, 2_000_000] {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days, "{d}");
        }
        let a = Date::parse("2024-02-28").expect("day");
        let b = Date::parse("2024-03-01").expect("day");
        assert_eq!(a.days_until(b), 2);
        assert_eq!(b.days_until(a), -2);
    }

    #[test]
    fn civil_from_days() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(20_635).to_string(),
            "2026-07-01"
        );
        assert_eq!(
            Date::from_days_since_epoch(11_016).to_string(),
            "2000-02-29"
        );
    }
}
