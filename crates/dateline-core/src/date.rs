//! [`Date`]: a proleptic Gregorian calendar date, the engine's own (no clock, no time zone).

use std::fmt;
use std::sync::OnceLock;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lexicon::{section_entries, section_words};

/// A calendar date. The engine never reads the clock: every date it knows of
/// comes from an article (its publication date) or from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Days of the week, Monday first (ISO 8601).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday .. 6 for Sunday.
    pub fn index(self) -> u8 {
        self as u8
    }

    /// `Monday` .. `Sunday`.
    pub fn name(self) -> &'static str {
        names().weekdays[self as usize]
    }
}

const CALENDAR: &str = include_str!(concat!(env!("OUT_DIR"), "/data/calendar.txt"));

/// The names of `data/calendar.txt`, read once (short lists: scanned, not hashed).
struct Names {
    /// `January` .. `December`.
    months: Vec<&'static str>,
    /// `Monday` .. `Sunday`.
    weekdays: Vec<&'static str>,
    /// Lower-case abbreviations ("sept") and their month.
    abbreviations: Vec<(&'static str, u8)>,
}

fn names() -> &'static Names {
    static NAMES: OnceLock<Names> = OnceLock::new();
    NAMES.get_or_init(|| {
        let months = section_words(CALENDAR, "months");
        let weekdays = section_words(CALENDAR, "weekdays");
        assert!(months.len() == 12 && weekdays.len() == 7, "data/calendar.txt: 12 months and 7 weekdays");
        let mut abbreviations = Vec::new();
        for (month, forms) in section_entries(CALENDAR, "month_abbreviations") {
            let month: u8 = month.parse().unwrap_or_else(|_| panic!("data/calendar.txt: “{month}” is not a month number"));
            abbreviations.extend(forms.split_whitespace().map(|f| (f, month)));
        }
        Names { months, weekdays, abbreviations }
    })
}

/// The position (from 1) of the name that is `lower` in lower case (names are ASCII).
fn position_lower(names: &[&str], lower: &str) -> Option<u8> {
    let same = |n: &str| n.len() == lower.len() && n.bytes().zip(lower.bytes()).all(|(a, b)| a.to_ascii_lowercase() == b);
    names.iter().position(|n| same(n)).map(|i| i as u8 + 1)
}

/// The name of a month (1-12): `January` .. `December`.
pub fn month_name(month: u8) -> &'static str {
    names().months[usize::from(month) - 1]
}

/// Whether `word` is a month name as written ("May").
pub fn is_month_name(word: &str) -> bool {
    names().months.contains(&word)
}

/// Whether `word` is a month or weekday name as written in running text ("May", "Wednesday").
pub fn is_month_or_weekday(word: &str) -> bool {
    is_month_name(word) || names().weekdays.contains(&word)
}

/// The month of a lower-case month name ("april" -> 4).
pub fn month_of_lower(lower: &str) -> Option<u8> {
    position_lower(&names().months, lower)
}

/// The month of a lower-case abbreviation without its period ("sept" -> 9).
pub fn month_of_abbreviation(lower: &str) -> Option<u8> {
    names().abbreviations.iter().find(|(a, _)| *a == lower).map(|&(_, m)| m)
}

/// The weekday of a lower-case weekday name ("thursday").
pub fn weekday_of_lower(lower: &str) -> Option<Weekday> {
    position_lower(&names().weekdays, lower).map(|n| Weekday::ALL[usize::from(n) - 1])
}

/// Whether `year` is a leap year.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1-12) of `year`.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, or `None` when the fields do not name a real day.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD` strictly.
    pub fn parse(text: &str) -> Result<Date, String> {
        let bytes = text.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shape_ok {
            return Err(format!("“{text}” is not a date of the form YYYY-MM-DD"));
        }
        let year = text[0..4].parse().map_err(|_| format!("bad year in “{text}”"))?;
        let month = text[5..7].parse().map_err(|_| format!("bad month in “{text}”"))?;
        let day = text[8..10].parse().map_err(|_| format!("bad day in “{text}”"))?;
        Date::new(year, month, day).ok_or_else(|| format!("“{text}” is not a day of the calendar"))
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(self) -> (i32, u8) {
        let weekday = i64::from(self.weekday().index());
        let thursday = self.add_days(3 - weekday);
        let jan1 = Date { year: thursday.year, month: 1, day: 1 };
        let week = (thursday.days_since_epoch() - jan1.days_since_epoch()) / 7 + 1;
        (thursday.year, week as u8)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Read back from `YYYY-MM-DD`.
impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display_round_trip() {
        let date = Date::parse("2017-04-12").unwrap();
        assert_eq!(date, Date { year: 2017, month: 4, day: 12 });
        assert_eq!(date.to_string(), "2017-04-12");
    }

    #[test]
    fn parse_rejects_bad_input() {
        for bad in ["2017-4-12", "2017-02-30", "2017-13-01", "yesterday", "", "2017-04-12x", "２０１７-04-12"] {
            assert!(Date::parse(bad).is_err(), "{bad} should fail");
        }
        assert!(Date::parse("2016-02-29").is_ok());
        assert!(Date::parse("1900-02-29").is_err());
    }

    #[test]
    fn weekdays_and_arithmetic() {
        let date = Date::parse("2017-04-12").unwrap();
        assert_eq!(date.weekday(), Weekday::Wednesday);
        assert_eq!(date.add_days(-6).to_string(), "2017-04-06");
        assert_eq!(date.add_days(-6).weekday(), Weekday::Thursday);
        assert_eq!(Date::parse("2000-03-01").unwrap().add_days(-1).to_string(), "2000-02-29");
        assert_eq!(Date::parse("1969-12-31").unwrap().days_since_epoch(), -1);
    }

    #[test]
    fn epoch_round_trip_over_centuries() {
        for days in (-200_000..200_000).step_by(997) {
            assert_eq!(Date::from_days_since_epoch(days).days_since_epoch(), days);
        }
    }

    #[test]
    fn names_from_the_data_file() {
        assert_eq!(month_name(1), "January");
        assert_eq!(month_name(12), "December");
        assert_eq!(Weekday::Wednesday.name(), "Wednesday");
        assert!(is_month_name("May") && !is_month_name("may") && !is_month_name("Monday"));
        assert!(is_month_or_weekday("Monday") && is_month_or_weekday("June") && !is_month_or_weekday("Jun"));
        assert_eq!(month_of_lower("april"), Some(4));
        assert_eq!(month_of_abbreviation("sept"), Some(9));
        assert_eq!(month_of_abbreviation("sep"), Some(9));
        assert_eq!(month_of_abbreviation("april"), None);
        assert_eq!(weekday_of_lower("sunday"), Some(Weekday::Sunday));
        assert_eq!(weekday_of_lower("Sunday"), None);
        assert_eq!(month_of_lower("APRIL"), None);
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(Date::parse("2017-04-12").unwrap().iso_week(), (2017, 15));
        assert_eq!(Date::parse("2021-01-01").unwrap().iso_week(), (2020, 53));
        assert_eq!(Date::parse("2018-12-31").unwrap().iso_week(), (2019, 1));
    }
}
