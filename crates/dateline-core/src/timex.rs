//! [`TimexValue`]: a TIMEX3 value, typed. The time stage builds it directly;
//! `Display` writes the TIMEX3 string (`2017-04-11`, `2017-W15`, `PT2H`,
//! `PAST_REF`, ...) and [`TimexValue::parse`] reads one back, for consumers
//! of the JSON. Consumers ask for what they need ([`TimexValue::range`],
//! [`TimexValue::first_day`], [`TimexValue::day`]) instead of slicing strings.

use std::fmt;
use std::str::FromStr;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::{days_in_month, Date, Weekday};

/// A part of the day (TIMEX3 `MO`, `AF`, `EV`, `NI`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// A season (TIMEX3 `SP`, `SU`, `FA`, `WI`); winter runs from December into
/// the next year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

/// A vague reference (`PAST_REF`, `PRESENT_REF`, `FUTURE_REF`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reference {
    Past,
    Present,
    Future,
}

/// The unit of a [`Duration`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DurationUnit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// A duration (`P2W`, `PT2H`, `PXY`); also the period of a regular SET
/// (`P1D` = daily).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Duration {
    /// `None` when unspecified ("several years": `PXY`). Amounts are read
    /// from text: finite and not negative.
    pub amount: Option<f64>,
    pub unit: DurationUnit,
}

/// A time of day: a part of the day or a clock time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    Part(PartOfDay),
    Clock { hour: u8, minute: u8, utc: bool },
}

/// A TIMEX3 value. Years are written with at least four digits, decades with
/// three (`199` = the 1990s) and centuries with two (`20` = the 2000s).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimexValue {
    /// `2017-04-11`
    Day(Date),
    /// `2017-04-11TMO`, `2017-04-11T15:00`, `2017-04-11T15:00Z`
    Time(Date, TimeOfDay),
    /// `2017-04`
    Month { year: i32, month: u8 },
    /// `2017-W15` (ISO 8601 week-numbering year and week)
    Week { year: i32, week: u8 },
    /// `2017-W15-WE`: the Saturday and Sunday of that week
    Weekend { year: i32, week: u8 },
    /// `2017-Q2`
    Quarter { year: i32, quarter: u8 },
    /// `2017-H1`
    Half { year: i32, half: u8 },
    /// `2017-SU`
    Season { year: i32, season: Season },
    /// `2013`
    Year(i32),
    /// `199`: the years 1990-1999
    Decade(i32),
    /// `20`: the years 2000-2099
    Century(i32),
    /// `P2W`, `PT2H`, `PXY`
    Duration(Duration),
    /// `XXXX-WXX-1`: every Monday (a SET)
    EveryWeekday(Weekday),
    /// `XXXX-XX-XXTNI`: every night (a SET)
    EveryPartOfDay(PartOfDay),
    /// `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`
    Reference(Reference),
}

// Amounts are never NaN (they are read from digits), so equality is total.
impl Eq for Duration {}
impl Eq for TimexValue {}

impl PartOfDay {
    pub const ALL: [PartOfDay; 4] = [PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::Evening, PartOfDay::Night];

    /// The TIMEX3 code: `MO`, `AF`, `EV`, `NI`.
    pub fn code(self) -> &'static str {
        ["MO", "AF", "EV", "NI"][self as usize]
    }

    pub fn from_code(code: &str) -> Option<PartOfDay> {
        PartOfDay::ALL.into_iter().find(|p| p.code() == code)
    }
}

impl Season {
    pub const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];

    /// The TIMEX3 code: `SP`, `SU`, `FA`, `WI`.
    pub fn code(self) -> &'static str {
        ["SP", "SU", "FA", "WI"][self as usize]
    }

    pub fn from_code(code: &str) -> Option<Season> {
        Season::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The first month: March, June, September, December.
    pub fn start_month(self) -> u8 {
        3 * (self as u8 + 1)
    }

    /// The days of the season that starts in `year` (winter ends in February of the next year).
    pub fn range(self, year: i32) -> (Date, Date) {
        let start = self.start_month();
        let end_year = if start == 12 { year + 1 } else { year };
        (month_range(year, start).0, month_range(end_year, start % 12 + 2).1)
    }
}

impl Reference {
    pub fn code(self) -> &'static str {
        match self {
            Reference::Past => "PAST_REF",
            Reference::Present => "PRESENT_REF",
            Reference::Future => "FUTURE_REF",
        }
    }
}

impl DurationUnit {
    /// Hours, minutes and seconds, written after `PT`.
    pub fn is_time(self) -> bool {
        matches!(self, DurationUnit::Second | DurationUnit::Minute | DurationUnit::Hour)
    }

    fn code(self) -> &'static str {
        match self {
            DurationUnit::Second => "S",
            DurationUnit::Minute | DurationUnit::Month => "M",
            DurationUnit::Hour => "H",
            DurationUnit::Day => "D",
            DurationUnit::Week => "W",
            DurationUnit::Quarter => "Q",
            DurationUnit::Year => "Y",
            DurationUnit::Decade => "DE",
            DurationUnit::Century => "CE",
        }
    }

    fn from_code(code: &str, time: bool) -> Option<DurationUnit> {
        Some(match (time, code) {
            (true, "S") => DurationUnit::Second,
            (true, "M") => DurationUnit::Minute,
            (true, "H") => DurationUnit::Hour,
            (false, "D") => DurationUnit::Day,
            (false, "W") => DurationUnit::Week,
            (false, "M") => DurationUnit::Month,
            (false, "Q") => DurationUnit::Quarter,
            (false, "Y") => DurationUnit::Year,
            (false, "DE") => DurationUnit::Decade,
            (false, "CE") => DurationUnit::Century,
            _ => return None,
        })
    }
}

/// The first and last day of a month.
pub fn month_range(year: i32, month: u8) -> (Date, Date) {
    (Date { year, month, day: 1 }, Date { year, month, day: days_in_month(year, month) })
}

/// The Monday of an ISO week.
fn iso_week_monday(year: i32, week: u8) -> Date {
    // 4 January is always in week 1.
    let jan4 = Date { year, month: 1, day: 4 };
    jan4.add_days(-i64::from(jan4.weekday().index()) + 7 * (i64::from(week) - 1))
}

impl TimexValue {
    /// Parses a TIMEX3 value as [`Display`](fmt::Display) writes it.
    pub fn parse(text: &str) -> Result<TimexValue, String> {
        parse_value(text).ok_or_else(|| format!("“{text}” is not a TIMEX3 value Dateline writes"))
    }

    /// The week of `date` (`2017-W15`).
    pub fn week_of(date: Date) -> TimexValue {
        let (year, week) = date.iso_week();
        TimexValue::Week { year, week }
    }

    /// The calendar days the value covers, first and last; `None` for
    /// durations, sets and vague references.
    pub fn range(&self) -> Option<(Date, Date)> {
        let year_range = |y: i32| (Date { year: y, month: 1, day: 1 }, Date { year: y, month: 12, day: 31 });
        let months = |y: i32, first: u8, last: u8| (month_range(y, first).0, month_range(y, last).1);
        Some(match *self {
            TimexValue::Day(d) | TimexValue::Time(d, _) => (d, d),
            TimexValue::Month { year, month } => month_range(year, month),
            TimexValue::Week { year, week } => {
                let monday = iso_week_monday(year, week);
                (monday, monday.add_days(6))
            }
            TimexValue::Weekend { year, week } => {
                let monday = iso_week_monday(year, week);
                (monday.add_days(5), monday.add_days(6))
            }
            TimexValue::Quarter { year, quarter } => months(year, quarter * 3 - 2, quarter * 3),
            TimexValue::Half { year, half } => months(year, half * 6 - 5, half * 6),
            TimexValue::Season { year, season } => season.range(year),
            TimexValue::Year(y) => year_range(y),
            TimexValue::Decade(d) => (year_range(d * 10).0, year_range(d * 10 + 9).1),
            TimexValue::Century(c) => (year_range(c * 100).0, year_range(c * 100 + 99).1),
            TimexValue::Duration(_) | TimexValue::EveryWeekday(_) | TimexValue::EveryPartOfDay(_) | TimexValue::Reference(_) => {
                return None
            }
        })
    }

    /// The first day the value covers.
    pub fn first_day(&self) -> Option<Date> {
        self.range().map(|r| r.0)
    }

    /// The day of a day or a time of day.
    pub fn day(&self) -> Option<Date> {
        match *self {
            TimexValue::Day(d) | TimexValue::Time(d, _) => Some(d),
            _ => None,
        }
    }

    /// The year of a calendar value finer than a decade (`2017-W15`: 2017).
    pub fn year(&self) -> Option<i32> {
        match *self {
            TimexValue::Day(d) | TimexValue::Time(d, _) => Some(d.year),
            TimexValue::Month { year, .. }
            | TimexValue::Week { year, .. }
            | TimexValue::Weekend { year, .. }
            | TimexValue::Quarter { year, .. }
            | TimexValue::Half { year, .. }
            | TimexValue::Season { year, .. }
            | TimexValue::Year(year) => Some(year),
            _ => None,
        }
    }

    /// `PAST_REF`, `PRESENT_REF` or `FUTURE_REF`.
    pub fn is_reference(&self) -> bool {
        matches!(self, TimexValue::Reference(_))
    }

    /// A duration in hours, minutes or seconds (`PT2H`).
    pub fn is_time_duration(&self) -> bool {
        matches!(self, TimexValue::Duration(d) if d.unit.is_time())
    }
}

impl fmt::Display for PartOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for TimeOfDay {
    /// `MO`, `15:00`, `15:00Z` (without the `T`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TimeOfDay::Part(p) => f.write_str(p.code()),
            TimeOfDay::Clock { hour, minute, utc } => write!(f, "{hour:02}:{minute:02}{}", if utc { "Z" } else { "" }),
        }
    }
}

/// A decimal number without exponent or sign ("2", "2.5", "1000"), read
/// by hand: `str::parse::<f64>` would cost the explorer several KB of wasm.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if whole.is_empty() && fraction.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = |part: &str| part.bytes().fold(0.0f64, |value, b| value * 10.0 + f64::from(b - b'0'));
    Some(digits(whole) + digits(fraction) / 10f64.powi(fraction.len().min(300) as i32))
}

/// An amount as TIMEX3 writes it: `2`, `2.5`, `X`.
fn write_amount(f: &mut fmt::Formatter<'_>, amount: Option<f64>) -> fmt::Result {
    match amount {
        None => f.write_str("X"),
        Some(n) if n.fract() == 0.0 => write!(f, "{}", n as i64),
        Some(n) => {
            // Two decimals at most, written by hand: float formatting would
            // cost the explorer several KB of wasm.
            let hundredths = (n * 100.0).round() as i64;
            let (whole, part) = (hundredths / 100, (hundredths % 100).abs());
            if part == 0 {
                return write!(f, "{whole}");
            }
            let digits = format!("{part:02}");
            write!(f, "{whole}.{}", digits.trim_end_matches('0'))
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.unit.is_time() { "PT" } else { "P" })?;
        write_amount(f, self.amount)?;
        f.write_str(self.unit.code())
    }
}

impl fmt::Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            TimexValue::Day(d) => write!(f, "{d}"),
            TimexValue::Time(d, t) => write!(f, "{d}T{t}"),
            TimexValue::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            TimexValue::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            TimexValue::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            TimexValue::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            TimexValue::Half { year, half } => write!(f, "{year:04}-H{half}"),
            TimexValue::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            TimexValue::Year(y) => write!(f, "{y:04}"),
            TimexValue::Decade(d) => write!(f, "{d:03}"),
            TimexValue::Century(c) => write!(f, "{c:02}"),
            TimexValue::Duration(d) => write!(f, "{d}"),
            TimexValue::EveryWeekday(w) => write!(f, "XXXX-WXX-{}", w.index() + 1),
            TimexValue::EveryPartOfDay(p) => write!(f, "XXXX-XX-XXT{p}"),
            TimexValue::Reference(r) => f.write_str(r.code()),
        }
    }
}

impl FromStr for TimexValue {
    type Err = String;

    fn from_str(text: &str) -> Result<TimexValue, String> {
        TimexValue::parse(text)
    }
}

impl Serialize for TimexValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Read back from its TIMEX3 string.
impl<'de> Deserialize<'de> for TimexValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TimexValue, D::Error> {
        let text = String::deserialize(deserializer)?;
        TimexValue::parse(&text).map_err(D::Error::custom)
    }
}

// ------------------------------------------------------------------ parsing

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A number of one or two digits in `range`.
fn small(text: &str, range: std::ops::RangeInclusive<u8>) -> Option<u8> {
    let n = u8::try_from(digits(text).filter(|_| text.len() <= 2)?).ok()?;
    range.contains(&n).then_some(n)
}

fn parse_value(text: &str) -> Option<TimexValue> {
    for r in [Reference::Past, Reference::Present, Reference::Future] {
        if text == r.code() {
            return Some(TimexValue::Reference(r));
        }
    }
    if let Some(rest) = text.strip_prefix('P') {
        return parse_duration(rest).map(TimexValue::Duration);
    }
    if let Some(day) = text.strip_prefix("XXXX-WXX-") {
        let n = small(day, 1..=7)?;
        return Some(TimexValue::EveryWeekday(Weekday::ALL[usize::from(n - 1)]));
    }
    if let Some(part) = text.strip_prefix("XXXX-XX-XXT") {
        return PartOfDay::from_code(part).map(TimexValue::EveryPartOfDay);
    }
    if let Some((date, time)) = text.split_once('T') {
        let TimexValue::Day(d) = parse_calendar(date)? else { return None };
        return Some(TimexValue::Time(d, parse_time_of_day(time)?));
    }
    parse_calendar(text)
}

/// `2H`, `2.5Y`, `XDE` (after the `P`).
fn parse_duration(text: &str) -> Option<Duration> {
    let (time, rest) = match text.strip_prefix('T') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let split = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'X')).filter(|&i| i > 0)?;
    let (number, unit) = rest.split_at(split);
    let amount = match number {
        "X" => None,
        n if n.bytes().all(|b| b.is_ascii_digit() || b == b'.') => Some(parse_decimal(n)?),
        _ => return None,
    };
    Some(Duration { amount, unit: DurationUnit::from_code(unit, time)? })
}

/// `MO`, `15:00`, `15:00Z` (after the `T`).
fn parse_time_of_day(text: &str) -> Option<TimeOfDay> {
    if let Some(p) = PartOfDay::from_code(text) {
        return Some(TimeOfDay::Part(p));
    }
    let (clock, utc) = match text.strip_suffix('Z') {
        Some(c) => (c, true),
        None => (text, false),
    };
    let (h, m) = clock.split_once(':')?;
    if h.len() != 2 || m.len() != 2 {
        return None;
    }
    Some(TimeOfDay::Clock { hour: small(h, 0..=24)?, minute: small(m, 0..=59)?, utc })
}

/// Years and what follows them: `2017`, `-005`, `199`, `20`, `2017-04`,
/// `2017-04-11`, `2017-W15`, `2017-W15-WE`, `2017-Q2`, `2017-H1`, `2017-SU`.
fn parse_calendar(text: &str) -> Option<TimexValue> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (year_text, rest) = match unsigned.split_once('-') {
        Some((y, rest)) => (y, Some(rest)),
        None => (unsigned, None),
    };
    let magnitude = i32::try_from(digits(year_text)?).ok()?;
    let year = if negative { -magnitude } else { magnitude };
    let Some(rest) = rest else {
        return Some(match year_text.len() {
            _ if negative => TimexValue::Year(year),
            2 => TimexValue::Century(year),
            3 => TimexValue::Decade(year),
            1 => return None,
            _ => TimexValue::Year(year),
        });
    };
    if year_text.len() < 4 && !negative {
        return None;
    }
    if let Some(season) = Season::from_code(rest) {
        return Some(TimexValue::Season { year, season });
    }
    if let Some(week) = rest.strip_prefix('W') {
        return match week.split_once('-') {
            Some((w, "WE")) => Some(TimexValue::Weekend { year, week: small(w, 1..=53)? }),
            Some(_) => None,
            None => Some(TimexValue::Week { year, week: small(week, 1..=53)? }),
        };
    }
    if let Some(q) = rest.strip_prefix('Q') {
        return Some(TimexValue::Quarter { year, quarter: small(q, 1..=4)? });
    }
    if let Some(h) = rest.strip_prefix('H') {
        return Some(TimexValue::Half { year, half: small(h, 1..=2)? });
    }
    match rest.split_once('-') {
        None if rest.len() == 2 => Some(TimexValue::Month { year, month: small(rest, 1..=12)? }),
        Some((m, d)) if m.len() == 2 && d.len() == 2 => Some(TimexValue::Day(Date::new(year, small(m, 1..=12)?, small(d, 1..=31)?)?)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn every_variant() -> Vec<TimexValue> {
        let d = date("2017-04-11");
        let duration = |amount, unit| TimexValue::Duration(Duration { amount, unit });
        vec![
            TimexValue::Day(d),
            TimexValue::Time(d, TimeOfDay::Part(PartOfDay::Morning)),
            TimexValue::Time(d, TimeOfDay::Part(PartOfDay::Night)),
            TimexValue::Time(d, TimeOfDay::Clock { hour: 15, minute: 0, utc: false }),
            TimexValue::Time(d, TimeOfDay::Clock { hour: 6, minute: 40, utc: true }),
            TimexValue::Month { year: 2017, month: 4 },
            TimexValue::Week { year: 2017, week: 15 },
            TimexValue::Weekend { year: 2017, week: 15 },
            TimexValue::Quarter { year: 2016, quarter: 4 },
            TimexValue::Half { year: 2017, half: 1 },
            TimexValue::Season { year: 2012, season: Season::Summer },
            TimexValue::Season { year: 2012, season: Season::Winter },
            TimexValue::Year(2013),
            TimexValue::Year(-7983),
            TimexValue::Year(12017),
            TimexValue::Decade(199),
            TimexValue::Century(20),
            duration(Some(2.0), DurationUnit::Hour),
            duration(Some(1.0), DurationUnit::Week),
            duration(Some(2.5), DurationUnit::Year),
            duration(Some(30.0), DurationUnit::Second),
            duration(None, DurationUnit::Year),
            duration(None, DurationUnit::Minute),
            duration(None, DurationUnit::Decade),
            duration(None, DurationUnit::Century),
            duration(Some(1.0), DurationUnit::Quarter),
            duration(Some(3.0), DurationUnit::Month),
            duration(Some(18.0), DurationUnit::Day),
            TimexValue::EveryWeekday(Weekday::Monday),
            TimexValue::EveryWeekday(Weekday::Sunday),
            TimexValue::EveryPartOfDay(PartOfDay::Evening),
            TimexValue::Reference(Reference::Past),
            TimexValue::Reference(Reference::Present),
            TimexValue::Reference(Reference::Future),
        ]
    }

    #[test]
    fn decimals_are_read_and_written_by_hand() {
        assert_eq!(super::parse_decimal("2"), Some(2.0));
        assert_eq!(super::parse_decimal("2.5"), Some(2.5));
        assert_eq!(super::parse_decimal("0.25"), Some(0.25));
        assert_eq!(super::parse_decimal("1000"), Some(1000.0));
        assert_eq!(super::parse_decimal("."), None);
        assert_eq!(super::parse_decimal("1e5"), None);
        assert_eq!(super::parse_decimal("-2"), None);
        for (amount, text) in [(0.001, "P0D"), (2.5, "P2.5Y"), (0.25, "P0.25D"), (1.5, "PT1.5H"), (3.0, "P3M")] {
            let unit = if text.starts_with("PT") { DurationUnit::Hour } else if text.ends_with('Y') { DurationUnit::Year } else if text.ends_with('D') { DurationUnit::Day } else { DurationUnit::Month };
            assert_eq!(TimexValue::Duration(Duration { amount: Some(amount), unit }).to_string(), text);
        }
    }

    #[test]
    fn display_writes_timex3() {
        let written: Vec<String> = every_variant().iter().map(ToString::to_string).collect();
        assert_eq!(
            written,
            [
                "2017-04-11", "2017-04-11TMO", "2017-04-11TNI", "2017-04-11T15:00", "2017-04-11T06:40Z", "2017-04",
                "2017-W15", "2017-W15-WE", "2016-Q4", "2017-H1", "2012-SU", "2012-WI", "2013", "-7983", "12017", "199",
                "20", "PT2H", "P1W", "P2.5Y", "PT30S", "PXY", "PTXM", "PXDE", "PXCE", "P1Q", "P3M", "P18D",
                "XXXX-WXX-1", "XXXX-WXX-7", "XXXX-XX-XXTEV", "PAST_REF", "PRESENT_REF", "FUTURE_REF",
            ]
        );
    }

    #[test]
    fn every_variant_round_trips() {
        for value in every_variant() {
            let text = value.to_string();
            assert_eq!(TimexValue::parse(&text), Ok(value), "{text}");
            assert_eq!(text.parse::<TimexValue>().map(|v| v.to_string()), Ok(text.clone()));
        }
    }

    #[test]
    fn amounts_are_written_like_timex3() {
        let hours = |n: f64| TimexValue::Duration(Duration { amount: Some(n), unit: DurationUnit::Hour }).to_string();
        assert_eq!(hours(0.5), "PT0.5H");
        assert_eq!(hours(2.25), "PT2.25H");
        assert_eq!(hours(1.0 / 3.0), "PT0.33H");
        assert_eq!(hours(100.0), "PT100H");
    }

    #[test]
    fn parse_rejects_what_it_does_not_write() {
        for bad in ["", "FU", "PAS", "2017-13", "2017-02-30", "2017-W54", "2017-Q5", "2017-H3", "2017-XX", "P", "PH", "PT2D", "P2", "1", "2017-04-11T25:00", "2017-04-11TXX", "XXXX-WXX-8", "17-04"] {
            assert!(TimexValue::parse(bad).is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn ranges() {
        let range = |text: &str| {
            let (a, b) = TimexValue::parse(text).unwrap().range().unwrap();
            (a.to_string(), b.to_string())
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(range("2017-04-11"), pair("2017-04-11", "2017-04-11"));
        assert_eq!(range("2017-04-11T15:00"), pair("2017-04-11", "2017-04-11"));
        assert_eq!(range("2017-04"), pair("2017-04-01", "2017-04-30"));
        assert_eq!(range("2016-02"), pair("2016-02-01", "2016-02-29"));
        assert_eq!(range("2017-W15"), pair("2017-04-10", "2017-04-16"));
        assert_eq!(range("2020-W53"), pair("2020-12-28", "2021-01-03"));
        assert_eq!(range("2019-W01"), pair("2018-12-31", "2019-01-06"));
        assert_eq!(range("2017-W15-WE"), pair("2017-04-15", "2017-04-16"));
        assert_eq!(range("2016-Q4"), pair("2016-10-01", "2016-12-31"));
        assert_eq!(range("2017-Q1"), pair("2017-01-01", "2017-03-31"));
        assert_eq!(range("2017-H2"), pair("2017-07-01", "2017-12-31"));
        assert_eq!(range("2012-SU"), pair("2012-06-01", "2012-08-31"));
        assert_eq!(range("2015-WI"), pair("2015-12-01", "2016-02-29"));
        assert_eq!(range("2013"), pair("2013-01-01", "2013-12-31"));
        assert_eq!(range("199"), pair("1990-01-01", "1999-12-31"));
        assert_eq!(range("20"), pair("2000-01-01", "2099-12-31"));
        for none in ["P1W", "PAST_REF", "XXXX-WXX-1", "XXXX-XX-XXTNI"] {
            assert_eq!(TimexValue::parse(none).unwrap().range(), None, "{none}");
        }
        assert_eq!(TimexValue::parse("2017-W15").unwrap().first_day(), Some(date("2017-04-10")));
    }

    #[test]
    fn week_of_a_date() {
        assert_eq!(TimexValue::week_of(date("2017-04-12")).to_string(), "2017-W15");
        assert_eq!(TimexValue::week_of(date("2021-01-01")).to_string(), "2020-W53");
        for text in ["2017-04-12", "2021-01-01", "2018-12-31", "2016-01-03"] {
            let d = date(text);
            let (first, last) = TimexValue::week_of(d).range().unwrap();
            assert!(first <= d && d <= last && first.weekday() == Weekday::Monday, "{text}");
        }
    }

    #[test]
    fn accessors() {
        let v = TimexValue::parse("2017-04-11T15:00").unwrap();
        assert_eq!(v.day(), Some(date("2017-04-11")));
        assert_eq!(TimexValue::parse("2017-W15").unwrap().year(), Some(2017));
        assert!(TimexValue::parse("FUTURE_REF").unwrap().is_reference());
        assert!(TimexValue::parse("PT2H").unwrap().is_time_duration());
        assert!(!TimexValue::parse("P2D").unwrap().is_time_duration());
    }
}
