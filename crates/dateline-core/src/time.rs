//! Stage 5, **Time**: temporal expressions (TIMEX3 DATE, TIME, DURATION, SET)
//! normalised against the publication date.
//!
//! Two phases, for every expression:
//!
//! 1. **Parse**: scan the words of each sentence (boilerplate skipped) and
//!    collect *fields* from the text, without computing anything: a weekday,
//!    month, day, year, a relative offset ("last week": week −1), a duration
//!    amount and unit, a modifier ("more than", "early"), a cue ("earlier"),
//!    a part of day. Hyphenated words are read as their parts ("two-hour").
//! 2. **Resolve**: turn the fields into a TIMEX3 value against the anchor,
//!    which is the publication date (`Document::published`; the engine never
//!    reads the clock) or, for anaphora ("the same day"), the last day
//!    mentioned before. Every value carries a short `note` saying how it was
//!    resolved: the anchor, the cue used, and the alternative rejected.
//!
//! Rules:
//!
//! * A bare weekday is resolved by the tense of its governing verb, found near
//!   it in the clause: past or present ("on Thursday ordered", "said
//!   Wednesday") = the last such day on or before the anchor (the publication
//!   day itself when it is that weekday); future ("will meet Friday", "is set
//!   to begin on Wednesday") = the next one on or after it. "earlier"/"later"
//!   before a weekday are cues of the same kind; "last"/"next" are strict.
//! * A month or month-and-day without a year takes the year that puts it on
//!   the side of the anchor that the tense asks for, else the nearest one.
//! * Years, months, weeks, quarters, seasons and decades keep their own
//!   granularity: "2013" → `2013`, "April" → `2017-04`, "last week" →
//!   `2017-W14`, "the fourth quarter" → `2016-Q4`, "summer 2012" → `2012-SU`,
//!   "the 1990s" → `199`.
//! * Durations are never turned into dates: "a two-hour delay" → `PT2H`,
//!   "a week of sparring" → `P1W`, "several years" → `PXY`. Only "N units
//!   ago" (and "N units later", from the last day mentioned) are dates.
//! * "N days before/after X" is a bound relative to an event, not a
//!   date: it is a DURATION whose note says so; the events stage reads the
//!   relation.
//! * Anaphora: "the same day", "that day", "the next day", "the day before"
//!   resolve against the last day-granular date mentioned before them.
//! * Sets: "every week" → `P1W`, "weekly", "annual", "every Monday" →
//!   `XXXX-WXX-1`.
//! * Vague references: `PAST_REF` ("recently", "previously"), `PRESENT_REF`
//!   ("now", "currently"), `FUTURE_REF` ("the future", but not "the future
//!   of ...").
//! * Ranges ("from 2009 to 2011", "between April and June") are read as their
//!   two ends; holidays common in news (Christmas, New Year's Day, Easter,
//!   Thanksgiving, Independence Day, ...) resolve in the anchor's year by the
//!   same tense rule as months.

use crate::case::{Case, Letter};
use std::borrow::Cow;
use std::sync::OnceLock;

use crate::date::{days_in_month, month_of_abbreviation, month_of_lower, weekday_of_lower, Date, Weekday};
use crate::lexicon::{section_entries, section_words, trim_suffix, Map, WordSet};
use crate::segment::{Segmentation, TokenKind};
use crate::span::Span;
use crate::timex::{Duration, DurationUnit, PartOfDay, Reference, Season, TimeOfDay, TimexValue};

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn name(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression, normalised. The stage's output is a list of these,
/// in text order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    pub span: Span,
    pub kind: TimexType,
    /// The TIMEX3 value: `2017-04-11`, `2013`, `2017-W14`, `PT2H`, `P1W`, `PAST_REF`.
    pub value: TimexValue,
    /// The TIMEX3 `mod` attribute (`MORE_THAN`, `START`, `APPROX`, ...).
    pub modifier: Option<&'static str>,
    /// How the value was resolved: anchor, cue, the alternative rejected.
    pub note: String,
    /// The calendar days the value covers (first, last), for dates and times.
    pub range: Option<(Date, Date)>,
    /// Index of the sentence in the segmentation.
    pub sentence: usize,
    /// For "N days before/after X": the relation word (`before`/`after`) and
    /// the span of what follows it; the expression is then not a date.
    pub relation: Option<(&'static str, Span)>,
}

/// Finds and normalises the temporal expressions of a body. `anchor` is the
/// publication date.
pub fn timexes(body: &str, seg: &Segmentation, anchor: Date) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut discourse = Discourse { anchor, last_day: None, last_day_text: String::new(), last_year: None };
    for (si, sentence) in seg.sentences.iter().enumerate() {
        if sentence.boilerplate {
            continue;
        }
        let words = pieces(body, seg, si);
        let mut i = 0;
        let mut sentence_day: Option<Date> = None;
        while i < words.len() {
            let Some(m) = parse_at(&words, i) else {
                i += 1;
                continue;
            };
            if holiday_in_name(&words, &m) {
                i = m.end.max(i + 1);
                continue;
            }
            let span = Span::new(words[m.start].span.start, words[m.end - 1].span.end);
            let tense = tense_near(&words, m.start, m.end);
            if let Some(mut timex) = resolve(&m.fields, &mut discourse, sentence_day, tense, span.text(body)) {
                timex.span = span;
                timex.sentence = si;
                if let Some(rel) = m.relation {
                    timex.relation = Some(rel);
                }
                if timex.kind != TimexType::Duration {
                    if let Some((first, last)) = timex.range {
                        if first == last {
                            sentence_day = Some(first);
                            discourse.last_day = Some(first);
                            discourse.last_day_text = span.text(body).to_string();
                        }
                        if first.year == last.year {
                            discourse.last_year = Some(first.year);
                        }
                    }
                }
                out.push(timex);
            }
            i = m.end.max(i + 1);
        }
    }
    out
}

/// A holiday word that is part of a name ("the Greenfield Christmas Fund",
/// "Easter Seals", "the May Day Parade Committee"): followed by a
/// capitalised word that is no day, month or part of a holiday itself.
fn holiday_in_name(words: &[Word<'_>], m: &Match) -> bool {
    if m.fields.holiday.is_none() {
        return false;
    }
    let Some(next) = words.get(m.end) else { return false };
    let time_word = crate::date::weekday_of_lower(&next.lower).is_some() || crate::date::month_of_lower(&next.lower).is_some() || matches!(next.lower.as_ref(), "day" | "eve" | "week" | "weekend" | "holiday" | "holidays");
    next.kind == TokenKind::Word && next.cap() && !next.hyphen && !time_word
}

// ------------------------------------------------------------------ words

/// A word of a sentence as the parser sees it: hyphenated tokens are split
/// into their parts, each with its own span.
#[derive(Clone, Debug)]
struct Word<'a> {
    span: Span,
    text: &'a str,
    lower: Cow<'a, str>,
    /// Joined to the previous word by a hyphen ("two-hour": "hour").
    hyphen: bool,
    kind: TokenKind,
    /// What the time vocabulary says of the word, looked up once.
    info: &'static WordInfo,
    /// The unit it names, and whether in the plural ("days").
    unit: Option<(Unit, bool)>,
}

impl<'a> Word<'a> {
    fn new(span: Span, text: &'a str, lower: &'a str, hyphen: bool, kind: TokenKind) -> Word<'a> {
        let info = word_info(lower);
        // The table has every unit in the singular and the plural; possessives are read apart.
        let unit = if lower.ends_with("'s") || lower.ends_with("’s") { unit_of(lower) } else { info.unit };
        Word { span, text, lower: Cow::Borrowed(lower), hyphen, kind, info, unit }
    }

    fn cap(&self) -> bool {
        self.text.starts_with(|c: char| c.is_upper())
    }
}

fn pieces<'a>(body: &'a str, seg: &'a Segmentation, si: usize) -> Vec<Word<'a>> {
    let range = seg.sentences[si].tokens.clone();
    let mut out = Vec::with_capacity(range.len());
    for (i, token) in range.clone().zip(&seg.tokens[range]) {
        let text = token.span.text(body);
        let lower = seg.lower(i);
        if token.kind == TokenKind::Punct || !text.contains('-') {
            out.push(Word::new(token.span, text, lower, false, token.kind));
            continue;
        }
        let mut pos = token.span.start;
        for (n, (part, lower_part)) in text.split('-').zip(lower.split('-')).enumerate() {
            if !part.is_empty() {
                let kind = if part.starts_with(|c: char| c.is_ascii_digit()) { TokenKind::Number } else { TokenKind::Word };
                out.push(Word::new(Span::new(pos, pos + part.len()), part, lower_part, n > 0, kind));
            }
            pos += part.len() + 1;
        }
    }
    out
}

// ------------------------------------------------------------------ fields

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Amount {
    N(f64),
    /// Unspecified ("several", "a few", bare plurals): `X`.
    X,
}

/// What the parse phase collected for one expression.
#[derive(Clone, Debug, Default)]
struct Fields {
    weekday: Option<Weekday>,
    month: Option<u8>,
    day: Option<u8>,
    year: Option<i32>,
    /// "last"/"next"/"this" before a weekday, month, season or unit: −1, +1, 0.
    shift: Option<i32>,
    /// A relative unit: "last week" = (Week, −1), "today" = (Day, 0).
    relative: Option<(Unit, i32)>,
    /// "N units ago" (negative) / "from now" (positive), from the anchor.
    ago: Option<(Amount, Unit, i32)>,
    /// Anaphora on the last day mentioned: offset in days ("the same day" = 0).
    anaphor: Option<i64>,
    /// "N units later/earlier" relative to the last day mentioned.
    anaphor_shift: Option<(Amount, Unit, i32)>,
    quarter: Option<u8>,
    half: Option<u8>,
    season: Option<Season>,
    decade: Option<i32>,
    part_of_day: Option<PartOfDay>,
    hour: Option<u8>,
    minute: Option<u8>,
    utc: bool,
    duration: Option<(Amount, Unit)>,
    set: Option<TimexValue>,
    reference: Option<Reference>,
    modifier: Option<&'static str>,
    /// "earlier"/"later" before a weekday or "today".
    cue: Option<&'static str>,
    holiday: Option<Holiday>,
    /// "of this/last/next year": a year relative to the anchor's.
    year_offset: Option<i32>,
    /// A year written with two digits ("'82").
    two_digit_year: bool,
    /// The expression is the "current" one of its unit ("this year", "this week").
    kind: Option<TimexType>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Holiday {
    Fixed(u8, u8),
    /// nth weekday of a month (n = −1: the last).
    Nth(i8, Weekday, u8),
    /// Days from Easter Sunday.
    Easter(i64),
}

// ------------------------------------------------------------------ resolution

struct Discourse {
    anchor: Date,
    last_day: Option<Date>,
    last_day_text: String,
    last_year: Option<i32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// The tense found near an expression, and the word that showed it.
#[derive(Clone, Debug)]
struct TenseCue {
    tense: Tense,
    word: String,
}

fn timex(kind: TimexType, value: TimexValue, note: String, range: Option<(Date, Date)>) -> Timex {
    Timex { span: Span::default(), kind, value, modifier: None, note, range, sentence: 0, relation: None }
}

/// A DATE covering the days of its value.
fn date_timex(value: TimexValue, note: String) -> Timex {
    timex(TimexType::Date, value, note, value.range())
}

fn add_months(year: i32, month: u8, delta: i32) -> (i32, u8) {
    let index = year * 12 + i32::from(month) - 1 + delta;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

/// The quarter `offset` quarters from the anchor's.
fn quarter_from(anchor: Date, offset: i32) -> TimexValue {
    let current = (anchor.month - 1) / 3 + 1;
    let index = anchor.year * 4 + i32::from(current) - 1 + offset;
    TimexValue::Quarter { year: index.div_euclid(4), quarter: (index.rem_euclid(4) + 1) as u8 }
}

/// A duration value; decades and centuries with a number are written in years.
fn duration_value(amount: Amount, unit: Unit) -> Duration {
    let amount = match amount {
        Amount::N(n) => Some(n),
        Amount::X => None,
    };
    let (unit, scale) = match unit {
        Unit::Second => (DurationUnit::Second, 1.0),
        Unit::Minute => (DurationUnit::Minute, 1.0),
        Unit::Hour => (DurationUnit::Hour, 1.0),
        Unit::Day => (DurationUnit::Day, 1.0),
        Unit::Week | Unit::Weekend => (DurationUnit::Week, 1.0),
        Unit::Month => (DurationUnit::Month, 1.0),
        Unit::Quarter => (DurationUnit::Quarter, 1.0),
        Unit::Year => (DurationUnit::Year, 1.0),
        Unit::Decade if amount.is_none() => (DurationUnit::Decade, 1.0),
        Unit::Decade => (DurationUnit::Year, 10.0),
        Unit::Century if amount.is_none() => (DurationUnit::Century, 1.0),
        Unit::Century => (DurationUnit::Year, 100.0),
    };
    Duration { amount: amount.map(|n| n * scale), unit }
}

fn easter(year: i32) -> Date {
    // Anonymous Gregorian algorithm.
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date { year, month: month as u8, day: day as u8 }
}

fn holiday_date(h: Holiday, year: i32) -> Option<Date> {
    match h {
        Holiday::Fixed(m, d) => Date::new(year, m, d),
        Holiday::Easter(offset) => Some(easter(year).add_days(offset)),
        Holiday::Nth(n, wd, month) => {
            if n > 0 {
                let first = Date::new(year, month, 1)?;
                let delta = (i64::from(wd.index()) - i64::from(first.weekday().index())).rem_euclid(7);
                Some(first.add_days(delta + 7 * (i64::from(n) - 1)))
            } else {
                let last = Date::new(year, month, days_in_month(year, month))?;
                let delta = (i64::from(last.weekday().index()) - i64::from(wd.index())).rem_euclid(7);
                Some(last.add_days(-delta))
            }
        }
    }
}

/// Picks among the years around the anchor's the one a tense asks for: past →
/// the latest on or before the anchor, future → the earliest on or after it,
/// else the nearest. `key` maps a year to the period's (first, last) day.
fn pick_year(anchor: Date, tense: Tense, key: impl Fn(i32) -> Option<(Date, Date)>) -> Option<(i32, String)> {
    let candidates: Vec<(i32, (Date, Date))> = (anchor.year - 1..=anchor.year + 1).filter_map(|y| key(y).map(|r| (y, r))).collect();
    let this = candidates.iter().find(|(y, _)| *y == anchor.year).copied();
    let (chosen, why) = match tense {
        Tense::Past => (candidates.iter().filter(|(_, r)| r.0 <= anchor).max_by_key(|(_, r)| r.0).copied(), "past tense: on or before"),
        Tense::Future => (candidates.iter().filter(|(_, r)| r.1 >= anchor).min_by_key(|(_, r)| r.0).copied(), "future tense: on or after"),
        _ => (
            candidates
                .iter()
                .min_by_key(|(_, r)| {
                    let a = anchor.days_since_epoch();
                    if r.0.days_since_epoch() > a {
                        r.0.days_since_epoch() - a
                    } else if r.1.days_since_epoch() < a {
                        a - r.1.days_since_epoch()
                    } else {
                        0
                    }
                })
                .copied(),
            "nearest to",
        ),
    };
    let (year, _) = chosen.or(this)?;
    let rejected = if year == anchor.year { String::new() } else { format!("; not {}", anchor.year) };
    Some((year, format!("year from the anchor {anchor} ({why} it){rejected}")))
}

fn tense_note(t: &TenseCue) -> String {
    match t.tense {
        Tense::Past => format!("past tense ('{}')", t.word),
        Tense::Present => format!("present tense ('{}')", t.word),
        Tense::Future => format!("future ('{}')", t.word),
        Tense::Unknown => "no tense cue (news default: the past)".into(),
    }
}

fn resolve(f: &Fields, d: &mut Discourse, sentence_day: Option<Date>, tense: TenseCue, text: &str) -> Option<Timex> {
    let anchor = d.anchor;
    let mut out = resolve_value(f, d, sentence_day, &tense, text)?;
    if out.modifier.is_none() {
        out.modifier = f.modifier;
    }
    if let Some(kind) = f.kind {
        out.kind = kind;
    }
    let _ = anchor;
    Some(out)
}

fn resolve_value(f: &Fields, d: &Discourse, sentence_day: Option<Date>, tense: &TenseCue, text: &str) -> Option<Timex> {
    let anchor = d.anchor;
    let mut owned;
    let f = if let (None, Some(offset)) = (f.year, f.year_offset) {
        owned = f.clone();
        owned.year = Some(anchor.year + offset);
        &owned
    } else {
        f
    };
    let day_out = |date: Date, note: String| {
        let mut t = timex(TimexType::Date, TimexValue::Day(date), note, Some((date, date)));
        if let Some(part) = f.part_of_day {
            t.kind = TimexType::Time;
            t.value = TimexValue::Time(date, TimeOfDay::Part(part));
        }
        if let Some(hour) = f.hour {
            t.kind = TimexType::Time;
            t.value = TimexValue::Time(date, TimeOfDay::Clock { hour, minute: f.minute.unwrap_or(0), utc: f.utc });
        }
        Some(t)
    };
    if let Some(r) = f.reference {
        let what = match r {
            Reference::Past => "the past",
            Reference::Present => "the present",
            Reference::Future => "the future",
        };
        return Some(timex(TimexType::Date, TimexValue::Reference(r), format!("vague reference to {what}, no date"), None));
    }
    if let Some(set) = f.set {
        return Some(timex(TimexType::Set, set, "a recurrence (SET), not a date".into(), None));
    }
    if let Some((amount, unit, sign)) = f.ago {
        return resolve_offset(anchor, amount, unit, sign, &format!("from the publication date {anchor}"), f);
    }
    if let Some((amount, unit, sign)) = f.anaphor_shift {
        let base = d.last_day.unwrap_or(anchor);
        let from = match d.last_day {
            Some(day) => format!("from the last day mentioned ({day}, '{}')", d.last_day_text),
            None => format!("from the publication date {anchor} (no day mentioned before)"),
        };
        return resolve_offset(base, amount, unit, sign, &from, f);
    }
    if let Some((amount, unit)) = f.duration {
        let mut t = timex(TimexType::Duration, TimexValue::Duration(duration_value(amount, unit)), "a duration: not anchored, not a date".into(), None);
        t.modifier = f.modifier;
        return Some(t);
    }
    if let Some(offset) = f.anaphor {
        let (base, from) = match d.last_day {
            Some(day) => (day, format!("the last day mentioned ({day}, '{}')", d.last_day_text)),
            None => (anchor, format!("no day mentioned before: the publication date {anchor}")),
        };
        let date = base.add_days(offset);
        let how = match offset {
            0 => "same day as".to_string(),
            1 => "the day after".to_string(),
            -1 => "the day before".to_string(),
            n => format!("{n} days from"),
        };
        return day_out(date, format!("anaphora: {how} {from}"));
    }
    if let Some(h) = f.holiday {
        let year = match f.year {
            Some(y) => y,
            None => pick_year(anchor, tense.tense, |y| holiday_date(h, y).map(|x| (x, x)))?.0,
        };
        let date = holiday_date(h, year)?;
        return day_out(date, format!("holiday '{text}' in {year} ({})", tense_note(tense)));
    }
    // Explicit calendar dates.
    if let (Some(month), Some(day)) = (f.month, f.day) {
        let (year, why) = match f.year {
            Some(y) => (y, "year given".to_string()),
            None => pick_year(anchor, tense.tense, |y| Date::new(y, month, day).map(|x| (x, x)))
                .map(|(y, n)| (y, format!("{n}, {}", tense_note(tense))))?,
        };
        let date = Date::new(year, month, day)?;
        let mut note = format!("calendar date; {why}");
        if let Some(wd) = f.weekday {
            if date.weekday() != wd {
                note.push_str(&format!("; the text says {} but {date} is a {}", wd.name(), date.weekday().name()));
            }
        }
        return day_out(date, note);
    }
    if let Some(wd) = f.weekday {
        return resolve_weekday(wd, f, anchor, sentence_day, tense, day_out);
    }
    if let (Some(month), None) = (f.month, f.day) {
        let (year, why) = match (f.year, f.shift) {
            (Some(y), _) => (y, "year given".to_string()),
            (None, Some(-1)) => {
                let y = if month < anchor.month { anchor.year } else { anchor.year - 1 };
                (y, format!("'last': the latest before the anchor {anchor}"))
            }
            (None, Some(1)) => {
                let y = if month > anchor.month { anchor.year } else { anchor.year + 1 };
                (y, format!("'next': the first after the anchor {anchor}"))
            }
            (None, Some(_)) => (anchor.year, format!("'this': the anchor's year ({anchor})")),
            (None, None) => pick_year(anchor, tense.tense, |year| TimexValue::Month { year, month }.range())
                .map(|(y, n)| (y, format!("{n}, {}", tense_note(tense))))?,
        };
        return Some(date_timex(TimexValue::Month { year, month }, format!("a month, kept at month granularity; {why}")));
    }
    if let Some(q) = f.quarter {
        let year = match f.year {
            Some(y) => y,
            None => {
                match f.shift {
                    Some(s) => {
                        return Some(date_timex(quarter_from(anchor, s), format!("quarter relative to the publication date {anchor}")));
                    }
                    None => pick_year(anchor, tense.tense, |year| TimexValue::Quarter { year, quarter: q }.range())?.0,
                }
            }
        };
        return Some(date_timex(TimexValue::Quarter { year, quarter: q }, format!("a quarter, kept at quarter granularity ({})", tense_note(tense))));
    }
    if let Some(half) = f.half {
        let year = f.year.unwrap_or(anchor.year);
        return Some(date_timex(TimexValue::Half { year, half }, "a half year".into()));
    }
    if let Some(season) = f.season {
        let key = |y: i32| Some(season.range(y));
        let (year, why) = match (f.year, f.shift) {
            (Some(y), _) => (y, "year given".to_string()),
            (None, Some(0)) => (anchor.year, "'this': the anchor's year".to_string()),
            (None, Some(shift)) => {
                let this = pick_year(anchor, if shift < 0 { Tense::Past } else { Tense::Future }, key)?.0;
                let in_it = key(this).is_some_and(|r| r.0 <= anchor && anchor <= r.1);
                (if in_it { this + shift } else { this }, format!("'{}' from the anchor {anchor}", if shift < 0 { "last" } else { "next" }))
            }
            (None, None) => pick_year(anchor, tense.tense, key).map(|(y, n)| (y, format!("{n}, {}", tense_note(tense))))?,
        };
        return Some(date_timex(TimexValue::Season { year, season }, format!("a season; {why}")));
    }
    if let Some(dec) = f.decade {
        return Some(date_timex(TimexValue::Decade(dec), "a decade, kept at decade granularity".into()));
    }
    if let Some(year) = f.year {
        let why = if f.two_digit_year { "a year written with two digits, read in the 1900s or 2000s".to_string() } else { "a year, kept at year granularity".to_string() };
        return Some(date_timex(TimexValue::Year(year), why));
    }
    if let Some((unit, offset)) = f.relative {
        return resolve_relative(unit, offset, f, anchor, day_out, text);
    }
    if f.part_of_day.is_some() || f.hour.is_some() {
        let (base, why) = match sentence_day {
            Some(day) => (day, format!("the day named in the sentence ({day})")),
            None => (anchor, format!("the publication date {anchor}")),
        };
        let mut t = day_out(base, format!("a time of day on {why}"))?;
        t.kind = TimexType::Time;
        return Some(t);
    }
    None
}

fn resolve_offset(base: Date, amount: Amount, unit: Unit, sign: i32, from: &str, f: &Fields) -> Option<Timex> {
    // Beyond ten thousand units the calendar arithmetic means nothing: unspecified.
    let amount = match amount {
        Amount::N(n) if !(0.0..=10_000.0).contains(&n) => Amount::X,
        a => a,
    };
    let Amount::N(n) = amount else {
        let value = if sign < 0 { Reference::Past } else { Reference::Future };
        return Some(timex(TimexType::Date, TimexValue::Reference(value), format!("an unspecified time {from}"), None));
    };
    let n = n.round() as i64 * i64::from(sign);
    let note = format!("{} {:?}s {} {from}", n.abs(), unit, if sign < 0 { "back" } else { "forward" }).to_lower();
    let mut t = match unit {
        Unit::Day => date_timex(TimexValue::Day(base.add_days(n)), note),
        Unit::Week | Unit::Weekend => date_timex(TimexValue::Day(base.add_days(7 * n)), note),
        Unit::Month => {
            let (year, month) = add_months(base.year, base.month, n as i32);
            date_timex(TimexValue::Month { year, month }, note)
        }
        Unit::Year | Unit::Decade | Unit::Century | Unit::Quarter => {
            let k = match unit {
                Unit::Decade => 10,
                Unit::Century => 100,
                _ => 1,
            };
            if unit == Unit::Quarter {
                let (year, m) = add_months(base.year, base.month, 3 * n as i32);
                date_timex(TimexValue::Quarter { year, quarter: (m - 1) / 3 + 1 }, note)
            } else {
                date_timex(TimexValue::Year(base.year + (n * k) as i32), note)
            }
        }
        Unit::Hour | Unit::Minute | Unit::Second => {
            let value = if sign < 0 { Reference::Past } else { Reference::Future };
            timex(TimexType::Time, TimexValue::Reference(value), note, Some((base, base)))
        }
    };
    t.modifier = f.modifier;
    Some(t)
}

fn resolve_weekday(
    wd: Weekday,
    f: &Fields,
    anchor: Date,
    sentence_day: Option<Date>,
    tense: &TenseCue,
    day_out: impl Fn(Date, String) -> Option<Timex>,
) -> Option<Timex> {
    let diff_back = (i64::from(anchor.weekday().index()) - i64::from(wd.index())).rem_euclid(7);
    let back = anchor.add_days(-diff_back); // on or before
    let forward = anchor.add_days((i64::from(wd.index()) - i64::from(anchor.weekday().index())).rem_euclid(7)); // on or after
    let same = diff_back == 0;
    let _ = sentence_day;
    let (date, note) = match (f.shift, f.cue) {
        (Some(-1), _) => {
            let d = if same { anchor.add_days(-7) } else { back };
            (d, format!("'last {}': the one before the publication date {anchor}", wd.name()))
        }
        (Some(1), _) => {
            let d = if same { anchor.add_days(7) } else { forward };
            (d, format!("'next {}': the one after the publication date {anchor}", wd.name()))
        }
        (Some(_), _) => {
            let monday = anchor.add_days(-i64::from(anchor.weekday().index()));
            (monday.add_days(i64::from(wd.index())), format!("'this {}': in the publication week of {anchor}", wd.name()))
        }
        (None, Some("earlier")) => (back, format!("cue 'earlier': the {} on or before the publication date {anchor}{}", wd.name(), if same { " (that day itself)" } else { "" })),
        (None, Some(_)) => (forward, format!("cue 'later': the {} on or after the publication date {anchor}{}", wd.name(), if same { " (that day itself)" } else { "" })),
        (None, None) => match tense.tense {
            Tense::Future => (
                forward,
                if same {
                    format!("{}: the publication day {anchor} is a {}", tense_note(tense), wd.name())
                } else {
                    format!("{}: the next {} after {anchor}; not the previous one, {}", tense_note(tense), wd.name(), back)
                },
            ),
            _ => (
                back,
                if same {
                    format!("{}: the publication day {anchor} is a {}", tense_note(tense), wd.name())
                } else {
                    format!("{}: the last {} before {anchor}; not the next one, {}", tense_note(tense), wd.name(), forward)
                },
            ),
        },
    };
    day_out(date, format!("weekday; {note}"))
}

fn resolve_relative(
    unit: Unit,
    offset: i32,
    f: &Fields,
    anchor: Date,
    day_out: impl Fn(Date, String) -> Option<Timex>,
    text: &str,
) -> Option<Timex> {
    let rel = match offset {
        0 => "the same",
        o if o < 0 => "the previous",
        _ => "the next",
    };
    let note = format!("'{text}': {rel} {} as the publication date {anchor}", format!("{unit:?}").to_lower());
    match unit {
        Unit::Day => {
            let date = anchor.add_days(i64::from(offset));
            let cue = match f.cue {
                Some(c) => format!(" (cue '{c}': still that day)"),
                None => String::new(),
            };
            day_out(date, format!("{note}{cue}"))
        }
        Unit::Week => Some(date_timex(TimexValue::week_of(anchor.add_days(7 * i64::from(offset))), note)),
        Unit::Weekend => {
            let TimexValue::Week { year, week } = TimexValue::week_of(anchor.add_days(7 * i64::from(offset))) else { return None };
            Some(date_timex(TimexValue::Weekend { year, week }, note))
        }
        Unit::Month => {
            let (year, month) = add_months(anchor.year, anchor.month, offset);
            Some(date_timex(TimexValue::Month { year, month }, note))
        }
        Unit::Quarter => Some(date_timex(quarter_from(anchor, offset), note)),
        Unit::Year => Some(date_timex(TimexValue::Year(anchor.year + offset), note)),
        Unit::Decade => Some(date_timex(TimexValue::Decade(anchor.year / 10 + offset), note)),
        // A century is kept without a range (not a span of days an event can take).
        Unit::Century => Some(timex(TimexType::Date, TimexValue::Century(anchor.year / 100 + offset), note, None)),
        _ => None,
    }
}

// ------------------------------------------------------------------ lexicon

const TIME_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/data/time_words.txt"));

/// Words that, before a bare month name, make it a date ("in June", "since April").
static MONTH_CONTEXT: WordSet = WordSet::section(TIME_WORDS, "month_context");
/// Words between a number and its unit ("six straight days").
static UNIT_ADJECTIVES: WordSet = WordSet::section(TIME_WORDS, "unit_adjectives");
/// Nouns that, after a four-digit number, show it is a count, not a year.
static COUNT_NOUNS: WordSet = WordSet::section(TIME_WORDS, "count_nouns");
/// Capitalised words that make a weekday a name ("Black Monday").
static WEEKDAY_NAMES: WordSet = WordSet::section(TIME_WORDS, "weekday_names");
static UTC_ZONES: WordSet = WordSet::section(TIME_WORDS, "utc_zones");
static TIME_ZONES: WordSet = WordSet::section(TIME_WORDS, "time_zones");

/// A phrase (its lower-case words) and what it stands for.
type Phrase<T> = (Vec<&'static str>, T);

/// The `key: words` sections of `data/time_words.txt`, read once.
struct TimeWords {
    /// Unit forms as listed (singular).
    units: Vec<(&'static str, Unit)>,
    /// Every word of the one-word sections (units in the singular and the
    /// plural, numbers, parts of day, ...) and the first words of phrases.
    words: Map<String, WordInfo>,
    /// In the file's order.
    quantity_modifiers: Vec<Phrase<&'static str>>,
    position_modifiers: Vec<Phrase<&'static str>>,
    /// In the file's order, where a longer phrase comes before a shorter one with the same start.
    holidays: Vec<Phrase<Holiday>>,
}

fn time_words() -> &'static TimeWords {
    static WORDS: OnceLock<TimeWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: Map<String, WordInfo> = Map::default();
        fill(&mut words, "numbers", &|i, key| first(&mut i.number, crate::timex::parse_decimal(key)));
        fill(&mut words, "parts_of_day", &|i, key| first(&mut i.part_of_day, PartOfDay::from_code(key)));
        fill(&mut words, "seasons", &|i, key| first(&mut i.season, Season::from_code(key)));
        fill(&mut words, "shifts", &|i, key| first(&mut i.shift, key.parse().ok()));
        fill(&mut words, "ordinals", &|i, key| first(&mut i.ordinal, key.parse().ok()));
        fill(&mut words, "sets", &|i, key| first(&mut i.set, TimexValue::parse(key).ok()));
        fill(&mut words, "references", &|i, key| {
            let reference = match TimexValue::parse(key) {
                Ok(TimexValue::Reference(r)) => Some(r),
                _ => None,
            };
            first(&mut i.reference, reference)
        });
        let mut units = Vec::new();
        for (name, forms) in section_entries(TIME_WORDS, "units") {
            let unit = unit_named(name).unwrap_or_else(|| bad_entry("units", name));
            for form in forms.split_whitespace() {
                units.push((form, unit));
                // As unit_of reads them: a final s is the plural's, so a singular form in -s is never read as such.
                if !form.ends_with('s') {
                    first(&mut info_mut(&mut words, form).unit, Some((unit, false)));
                }
                first(&mut info_mut(&mut words, &format!("{form}s")).unit, Some((unit, true)));
            }
        }
        for word in section_words(TIME_WORDS, "vague_amounts") {
            info_mut(&mut words, word).vague_amount = true;
        }
        let quantity_modifiers: Vec<Phrase<&'static str>> = phrases("quantity_modifiers").collect();
        let position_modifiers: Vec<Phrase<&'static str>> = phrases("position_modifiers").collect();
        let holidays: Vec<Phrase<Holiday>> =
            phrases("holidays").map(|(phrase, rule)| (phrase, holiday_rule(rule).unwrap_or_else(|| bad_entry("holidays", rule)))).collect();
        for (phrase, _) in &quantity_modifiers {
            info_mut(&mut words, phrase[0]).opens_quantity = true;
        }
        for (phrase, _) in &position_modifiers {
            info_mut(&mut words, phrase[0]).opens_position = true;
        }
        for (phrase, _) in &holidays {
            info_mut(&mut words, phrase[0]).opens_holiday = true;
        }
        TimeWords { units, words, quantity_modifiers, position_modifiers, holidays }
    })
}

fn info_mut<'m>(words: &'m mut Map<String, WordInfo>, word: &str) -> &'m mut WordInfo {
    words.entry(word.to_string()).or_default()
}

/// Sets `slot` to `value` unless it is set already (the first line naming a
/// word wins); whether there was a value.
fn first<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let read = value.is_some();
    if slot.is_none() {
        *slot = value;
    }
    read
}

/// For each word of the `key: word word ...` lines of section `[name]`:
/// `set(its info, key)`, which says whether it could read the key.
fn fill(words: &mut Map<String, WordInfo>, name: &str, set: &dyn Fn(&mut WordInfo, &str) -> bool) {
    for (key, list) in section_entries(TIME_WORDS, name) {
        for word in list.split_whitespace() {
            if !set(info_mut(words, word), key) {
                bad_entry(name, key);
            }
        }
    }
}

fn bad_entry(section: &str, key: &str) -> ! {
    panic!("data/time_words.txt [{section}]: cannot read “{key}”")
}

/// What the time vocabulary says of one word (lower case).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct WordInfo {
    /// The unit it names, and whether in the plural ("days").
    unit: Option<(Unit, bool)>,
    number: Option<f64>,
    /// An unspecified number ("several").
    vague_amount: bool,
    part_of_day: Option<PartOfDay>,
    season: Option<Season>,
    /// "last" -1, "next" +1, "this" 0.
    shift: Option<i32>,
    ordinal: Option<u8>,
    /// A recurrence in one word ("weekly").
    set: Option<TimexValue>,
    reference: Option<Reference>,
    /// The first word of a quantity modifier ("more" of "more than").
    opens_quantity: bool,
    /// The first word of a position modifier ("the" of "the end of").
    opens_position: bool,
    /// The first word of a holiday ("christmas").
    opens_holiday: bool,
}

static NO_INFO: WordInfo = WordInfo {
    unit: None,
    number: None,
    vague_amount: false,
    part_of_day: None,
    season: None,
    shift: None,
    ordinal: None,
    set: None,
    reference: None,
    opens_quantity: false,
    opens_position: false,
    opens_holiday: false,
};

fn word_info(lower: &str) -> &'static WordInfo {
    time_words().words.get(lower).unwrap_or(&NO_INFO)
}

fn info_at(w: &[Word<'_>], i: usize) -> &'static WordInfo {
    w.get(i).map_or(&NO_INFO, |x| x.info)
}

fn unit_at(w: &[Word<'_>], i: usize) -> Option<(Unit, bool)> {
    w.get(i).and_then(|x| x.unit)
}


/// Section `[name]` of `key: phrase` lines, as (the phrase's words, the key).
fn phrases(name: &'static str) -> impl Iterator<Item = Phrase<&'static str>> {
    section_entries(TIME_WORDS, name).into_iter().map(|(key, phrase)| (phrase.split_whitespace().collect(), key))
}

fn unit_named(name: &str) -> Option<Unit> {
    Some(match name {
        "second" => Unit::Second,
        "minute" => Unit::Minute,
        "hour" => Unit::Hour,
        "day" => Unit::Day,
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        "decade" => Unit::Decade,
        "century" => Unit::Century,
        _ => return None,
    })
}

/// A holiday rule: `MM-DD`; `easter`, `easter+N`, `easter-N`; `MM WEEKDAY N`.
fn holiday_rule(rule: &str) -> Option<Holiday> {
    if let Some(offset) = rule.strip_prefix("easter") {
        return Some(Holiday::Easter(if offset.is_empty() { 0 } else { offset.parse().ok()? }));
    }
    match rule.split_whitespace().collect::<Vec<_>>().as_slice() {
        [date] => {
            let (month, day) = date.split_once('-')?;
            Some(Holiday::Fixed(month.parse().ok()?, day.parse().ok()?))
        }
        [month, weekday, n] => Some(Holiday::Nth(n.parse().ok()?, weekday_of_lower(weekday)?, month.parse().ok()?)),
        _ => None,
    }
}

fn month_of(w: &Word<'_>, allow_abbr: bool) -> Option<u8> {
    if !w.cap() {
        return None;
    }
    if let Some(month) = month_of_lower(&w.lower) {
        return Some(month);
    }
    if allow_abbr {
        return month_of_abbreviation(w.lower.trim_end_matches('.'));
    }
    None
}

fn weekday_of(w: &Word<'_>) -> Option<Weekday> {
    if !w.cap() {
        return None;
    }
    weekday_of_lower(trim_suffix(&w.lower, "'s"))
}

fn unit_of(lower: &str) -> Option<(Unit, bool)> {
    let lower = trim_suffix(trim_suffix(lower, "'s"), "’s");
    let (stem, plural) = match lower.strip_suffix('s') {
        Some(s) if lower != "weekdays" => (s, true),
        _ => (lower, false),
    };
    let unit = time_words().units.iter().find(|(form, _)| *form == stem)?.1;
    Some((unit, plural))
}

/// A number at `i` ("18", "two", "twenty-five", "two and a half", "several"):
/// its end and amount.
fn number_at(w: &[Word<'_>], i: usize) -> Option<(usize, Amount)> {
    let first = w.get(i)?;
    if first.kind == TokenKind::Number {
        let digits = first.lower.replace(',', "");
        let n: f64 = crate::timex::parse_decimal(&digits)?;
        return Some((i + 1, Amount::N(n)));
    }
    if first.info.vague_amount {
        return Some((i + 1, Amount::X));
    }
    match first.lower.as_ref() {
        "a" if w.get(i + 1).is_some_and(|x| x.lower == "few") => return Some((i + 2, Amount::X)),
        "a" if w.get(i + 1).is_some_and(|x| x.lower == "couple") && w.get(i + 2).is_some_and(|x| x.lower == "of") => {
            return Some((i + 3, Amount::N(2.0)))
        }
        "half" if w.get(i + 1).is_some_and(|x| x.lower == "a" || x.lower == "an") => return Some((i + 2, Amount::N(0.5))),
        _ => {}
    }
    let mut n = first.info.number?;
    let mut end = i + 1;
    // "twenty-five", "twenty five"
    if n >= 20.0 && n < 100.0 {
        if let Some(next) = w.get(end).and_then(|x| x.info.number).filter(|v| *v >= 1.0 && *v < 10.0) {
            if w[end].lower != "a" && w[end].lower != "an" {
                n += next;
                end += 1;
            }
        }
    }
    // "two and a half"
    if w.get(end).is_some_and(|x| x.lower == "and")
        && w.get(end + 1).is_some_and(|x| x.lower == "a")
        && w.get(end + 2).is_some_and(|x| x.lower == "half")
    {
        n += 0.5;
        end += 3;
    }
    Some((end, Amount::N(n)))
}

/// A day of the month ("18", "2nd", "31st").
fn day_of(w: &Word<'_>) -> Option<u8> {
    if w.kind != TokenKind::Number {
        return None;
    }
    let t = w.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w.lower[t.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || t.len() > 2 {
        return None;
    }
    t.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

/// A year at `i` (1800-2100), unless the context shows a count or an amount.
fn year_of(w: &[Word<'_>], i: usize) -> Option<i32> {
    let x = w.get(i)?;
    if x.kind != TokenKind::Number || x.text.len() != 4 || !x.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = x.text.parse().ok()?;
    if !(1800..=2100).contains(&y) {
        return None;
    }
    if i > 0 && matches!(w[i - 1].text, "$" | "£" | "€" | "#" | "¥" | "No." | "no." | "No" | "number" | "Number" | "+" | "±") {
        return None;
    }
    if let Some(next) = w.get(i + 1) {
        if COUNT_NOUNS.contains(&*next.lower) || next.text == ":" || (next.text == "," && w.get(i + 2).is_some_and(|n| n.kind == TokenKind::Number && n.text.len() == 3)) {
            return None;
        }
    }
    Some(y)
}

/// A holiday common in news at word `i` (the first word capitalised): its end and rule.
fn holiday_at(w: &[Word<'_>], i: usize) -> Option<(usize, Holiday)> {
    let x = w.get(i)?;
    if !x.cap() || !x.info.opens_holiday {
        return None;
    }
    let (phrase, holiday) = time_words().holidays.iter().find(|(phrase, _)| phrase.iter().enumerate().all(|(k, p)| lower_at(w, i + k) == *p))?;
    Some((i + phrase.len(), *holiday))
}

// ------------------------------------------------------------------ parse

/// A parsed expression: its words `[start, end)` and fields.
struct Match {
    start: usize,
    end: usize,
    fields: Fields,
    relation: Option<(&'static str, Span)>,
}

fn lower_at<'w>(w: &'w [Word<'_>], i: usize) -> &'w str {
    w.get(i).map(|x| x.lower.as_ref()).unwrap_or("")
}

/// Tries every pattern at word `i`; modifiers ("more than", "early") first.
fn parse_at(w: &[Word<'_>], i: usize) -> Option<Match> {
    if w[i].kind == TokenKind::Punct && w[i].text != "'" && w[i].text != "’" {
        return None;
    }
    // Quantity modifiers, kept only before durations.
    let quantity = &time_words().quantity_modifiers;
    // Each table is tried only when the word can open one of its entries.
    let quantity_first = w[i].info.opens_quantity;
    for (words, modifier) in quantity.iter().filter(|_| quantity_first) {
        if words.iter().enumerate().all(|(k, x)| lower_at(w, i + k) == *x) {
            let j = i + words.len();
            if let Some(mut m) = core_at(w, j) {
                let quantitative = m.fields.duration.is_some() || m.fields.ago.is_some() || m.fields.anaphor_shift.is_some();
                if quantitative && !(words.as_slice() == ["some"] && m.fields.duration.is_some_and(|d| d.0 == Amount::X)) {
                    m.start = i;
                    m.fields.modifier = Some(modifier);
                    return Some(m);
                }
            }
        }
    }
    // Position modifiers, kept only before dates.
    let position = &time_words().position_modifiers;
    let position_first = w[i].info.opens_position;
    for (words, modifier) in position.iter().filter(|_| position_first) {
        if words.iter().enumerate().all(|(k, x)| lower_at(w, i + k) == *x) {
            let j = i + words.len();
            if let Some(mut m) = core_at(w, j) {
                let f = &m.fields;
                let dated = f.year.is_some() || f.month.is_some() || f.relative.is_some_and(|r| r.0 >= Unit::Week) || f.season.is_some() || f.decade.is_some() || f.quarter.is_some();
                if dated && f.duration.is_none() && f.weekday.is_none() && f.day.is_none() {
                    m.start = i;
                    m.fields.modifier = Some(modifier);
                    return Some(m);
                }
            }
        }
    }
    // "earlier"/"later" before a weekday, today, or this week/month/year.
    if matches!(lower_at(w, i), "earlier" | "later") {
        if let Some(mut m) = core_at(w, i + 1) {
            let f = &m.fields;
            let fits = (f.weekday.is_some() && f.shift.is_none() && f.day.is_none()) || f.relative.is_some_and(|r| r.1 == 0);
            if fits {
                m.fields.cue = Some(if lower_at(w, i) == "earlier" { "earlier" } else { "later" });
                m.start = i;
                return Some(m);
            }
        }
    }
    core_at(w, i)
}

/// The expression patterns proper.
fn core_at(w: &[Word<'_>], i: usize) -> Option<Match> {
    let x = w.get(i)?;
    let l = x.lower.as_ref();
    let mk = |end: usize, fields: Fields| Some(Match { start: i, end, fields, relation: None });
    let mut f = Fields::default();

    // Vague references.
    let prev = if i > 0 { lower_at(w, i - 1) } else { "" };
    if let Some(r) = x.info.reference {
        f.reference = Some(r);
        return mk(i + 1, f);
    }
    match l {
        "now" if !w.get(i + 1).is_some_and(|x| x.hyphen) && !matches!(prev, "will" | "would" | "can" | "could" | "must" | "should" | "may" | "might" | "'ll") => {
            if matches!(lower_at(w, i + 1), "that") {
                return None;
            }
            f.reference = Some(Reference::Present);
            return mk(i + 1, f);
        }
        "the" if lower_at(w, i + 1) == "future" && lower_at(w, i + 2) != "of" => {
            f.reference = Some(Reference::Future);
            return mk(i + 2, f);
        }
        "the" if matches!(lower_at(w, i + 1), "near" | "long" | "short") && matches!(lower_at(w, i + 2), "future" | "term") && lower_at(w, i + 3) != "of" => {
            f.reference = Some(Reference::Future);
            return mk(i + 3, f);
        }
        "the" if lower_at(w, i + 1) == "past" && prev == "in" && unit_at(w, i + 2).is_none() && number_at(w, i + 2).is_none() => {
            f.reference = Some(Reference::Past);
            return mk(i + 2, f);
        }
        "the" if lower_at(w, i + 1) == "time" && lower_at(w, i + 2) == "being" => {
            f.reference = Some(Reference::Present);
            return mk(i + 3, f);
        }
        "the" if lower_at(w, i + 1) == "moment" && prev == "at" => {
            f.reference = Some(Reference::Present);
            return mk(i + 2, f);
        }
        "these" if lower_at(w, i + 1) == "days" => {
            f.reference = Some(Reference::Present);
            return mk(i + 2, f);
        }
        _ => {}
    }

    // Sets.
    // "daily", "weekly", "annual".
    if let Some(value) = x.info.set {
        f.set = Some(value);
        return mk(i + 1, f);
    }
    if matches!(l, "every" | "each") && !matches!(prev, "of") {
        let mut j = i + 1;
        let other = lower_at(w, j) == "other";
        if other {
            j += 1;
        }
        let amount = number_at(w, j).filter(|(e, _)| unit_at(w, *e).is_some());
        let (j, n) = match amount {
            Some((e, Amount::N(n))) => (e, n * if other { 2.0 } else { 1.0 }),
            _ => (j, if other { 2.0 } else { 1.0 }),
        };
        if let Some((unit, _)) = unit_at(w, j) {
            f.set = Some(TimexValue::Duration(duration_value(Amount::N(n), unit)));
            return mk(j + 1, f);
        }
        if let Some(wd) = w.get(j).and_then(weekday_of) {
            f.set = Some(TimexValue::EveryWeekday(wd));
            return mk(j + 1, f);
        }
        if let Some(p) = info_at(w, j).part_of_day {
            f.set = Some(TimexValue::EveryPartOfDay(p));
            return mk(j + 1, f);
        }
        return None;
    }
    // "once a week", "twice a year", "three times a month", "per year".
    if matches!(l, "once" | "twice") || (l == "times" && i > 0) {
        let j = i + 1;
        if matches!(lower_at(w, j), "a" | "an" | "per" | "each" | "every") {
            if let Some((unit, false)) = unit_at(w, j + 1) {
                f.set = Some(TimexValue::Duration(duration_value(Amount::N(1.0), unit)));
                let start = if l == "times" && i > 0 && number_at(w, i - 1).is_some() { i - 1 } else { i };
                return Some(Match { start, end: j + 2, fields: f, relation: None });
            }
        }
    }

    // Times of day: "18:00 UTC", "6:40 p.m.", "8 a.m.", "0800 GMT", "noon".
    if let Some(m) = time_of_day(w, i) {
        return Some(m);
    }

    // Today, yesterday, tomorrow, tonight (+ part of day).
    let day_word = match l {
        "today" => Some((0, None)),
        "yesterday" => Some((-1, None)),
        "tomorrow" => Some((1, None)),
        "tonight" => Some((0, Some(PartOfDay::Night))),
        _ => None,
    };
    if let Some((offset, part)) = day_word {
        if lower_at(w, i + 1) == "'s" && l == "today" && lower_at(w, i + 2) != "" {
            // "today's" as possessive still names the day.
        }
        f.relative = Some((Unit::Day, offset));
        f.part_of_day = part;
        let mut end = i + 1;
        if part.is_none() {
            if let Some(p) = info_at(w, end).part_of_day {
                f.part_of_day = Some(p);
                end += 1;
            }
        }
        return mk(end, f);
    }
    if matches!(l, "this" | "last") {
        if let Some(p) = info_at(w, i + 1).part_of_day {
            if l == "this" || p == PartOfDay::Night {
                f.relative = Some((Unit::Day, if l == "last" { -1 } else { 0 }));
                f.part_of_day = Some(p);
                return mk(i + 2, f);
            }
        }
    }

    // Weekdays, with an optional date and part of day: "Thursday", "Monday, April 10, 2017", "Friday morning".
    if let Some(m) = weekday_phrase(w, i) {
        return Some(m);
    }
    // Calendar dates and months.
    if let Some(m) = calendar(w, i) {
        return Some(m);
    }
    // Holidays.
    if let Some((end, h)) = holiday_at(w, i) {
        f.holiday = Some(h);
        let mut end = end;
        if let Some(y) = year_of(w, end) {
            f.year = Some(y);
            end += 1;
        }
        return mk(end, f);
    }

    // Anaphora: "the same day", "that day", "the following day", "the day before".
    if let Some(m) = anaphor(w, i) {
        return Some(m);
    }

    // "[the] last/next/this/past <unit|season|quarter>"
    let (det, j) = if l == "the" { (true, i + 1) } else { (false, i) };
    if let Some(shift) = info_at(w, j).shift {
        let k = j + 1;
        if let Some(season) = info_at(w, k).season {
            f.season = Some(season);
            f.shift = Some(shift);
            return mk(k + 1, f);
        }
        if let Some((unit, false)) = unit_at(w, k) {
            // "the past week", "the next year": a duration; "last week", "the last quarter": a date.
            let past_period = det && matches!(lower_at(w, j), "past" | "coming" | "next" | "following" | "previous") && unit != Unit::Quarter;
            if matches!(lower_at(w, j), "following" | "previous") && det && unit == Unit::Day {
                // handled as anaphora
            } else if past_period || (lower_at(w, j) == "past" && !det) {
                f.duration = Some((Amount::N(1.0), unit));
                return mk(k + 1, f);
            } else if unit >= Unit::Week || unit == Unit::Weekend {
                f.relative = Some((unit, shift));
                return mk(k + 1, f);
            }
        }
        if lower_at(w, j) != "past" {
            if let Some(q) = w.get(k).and_then(|x| x.info.ordinal).filter(|_| lower_at(w, k + 1) == "quarter") {
                let _ = q;
            }
        }
    }

    // Quarters and halves: "the fourth quarter [of 2005]", "Q1 2017", "first-quarter", "the first half of 2017".
    if let Some(m) = quarter(w, i) {
        return Some(m);
    }
    // Seasons: "summer 2012", "the summer of 2012", "in the fall", "Autumn".
    if let Some(m) = season(w, i) {
        return Some(m);
    }
    // Decades: "the 1990s", "the '90s", "the 70s".
    if let Some(m) = decade(w, i) {
        return Some(m);
    }
    // Years.
    if let Some(y) = year_of(w, i) {
        f.year = Some(y);
        return mk(i + 1, f);
    }
    if matches!(l, "'" | "’") && w.get(i + 1).is_some_and(|x| x.kind == TokenKind::Number && x.text.len() == 2 && x.text.bytes().all(|b| b.is_ascii_digit())) && !w.get(i + 1).is_some_and(|x| x.hyphen) {
        let yy: i32 = w[i + 1].text.parse().ok()?;
        if i + 1 > 0 && (matches!(prev, "since" | "in" | "of" | "until" | "by") || w.get(i + 2).is_none_or(|n| n.kind == TokenKind::Punct)) {
            f.year = Some(if yy > 30 { 1900 + yy } else { 2000 + yy });
            f.two_digit_year = true;
            return mk(i + 2, f);
        }
    }

    // Durations and offsets: "two years", "a two-hour delay", "18 months", "three days ago", "days before".
    duration(w, i)
}

fn time_of_day(w: &[Word<'_>], i: usize) -> Option<Match> {
    let l = lower_at(w, i);
    let mut f = Fields::default();
    let zone = |k: usize| UTC_ZONES.contains(lower_at(w, k));
    if matches!(l, "noon" | "midday" | "midnight") && matches!(if i > 0 { lower_at(w, i - 1) } else { "" }, "at" | "by" | "before" | "after" | "until" | "from" | "around") {
        f.hour = Some(if l == "midnight" { 0 } else { 12 });
        f.minute = Some(0);
        return Some(Match { start: i, end: i + 1, fields: f, relation: None });
    }
    let x = w.get(i)?;
    if x.kind != TokenKind::Number || !x.text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut end;
    let (mut hour, minute): (u32, u32);
    if w.get(i + 1).is_some_and(|c| c.text == ":") && w.get(i + 2).is_some_and(|m| m.text.len() == 2 && m.text.bytes().all(|b| b.is_ascii_digit())) {
        hour = x.text.parse().ok()?;
        minute = w[i + 2].text.parse().ok()?;
        end = i + 3;
    } else if x.text.len() == 4 && zone(i + 1) {
        hour = x.text[..2].parse().ok()?;
        minute = x.text[2..].parse().ok()?;
        end = i + 1;
    } else if x.text.len() <= 2 && matches!(lower_at(w, i + 1), "a.m." | "p.m." | "am" | "pm" | "a.m" | "p.m" | "o'clock") {
        hour = x.text.parse().ok()?;
        minute = 0;
        end = i + 1;
    } else {
        return None;
    }
    if hour > 24 || minute > 59 {
        return None;
    }
    match lower_at(w, end) {
        "a.m." | "am" | "a.m" => {
            if hour == 12 {
                hour = 0;
            }
            end += 1;
        }
        "p.m." | "pm" | "p.m" => {
            if hour < 12 {
                hour += 12;
            }
            end += 1;
        }
        "o'clock" => end += 1,
        _ => {}
    }
    if zone(end) {
        f.utc = true;
        end += 1;
    } else if TIME_ZONES.contains(lower_at(w, end)) {
        end += 1;
    }
    f.hour = Some(hour as u8);
    f.minute = Some(minute as u8);
    // "16:15 UTC, June 1st", "12:00 UTC Monday", "at 16:00 UTC today": the day it is on.
    let k = if lower_at(w, end) == "," { end + 1 } else { end };
    let day = weekday_phrase(w, k).or_else(|| calendar(w, k).filter(|m| m.fields.day.is_some()));
    if let Some(m) = day {
        f.weekday = m.fields.weekday;
        f.month = m.fields.month;
        f.day = m.fields.day;
        f.year = m.fields.year;
        f.shift = m.fields.shift;
        end = m.end;
    } else if let Some(offset) = match lower_at(w, k) {
        "today" => Some(0),
        "yesterday" => Some(-1),
        "tomorrow" => Some(1),
        _ => None,
    } {
        f.relative = Some((Unit::Day, offset));
        end = k + 1;
    }
    Some(Match { start: i, end, fields: f, relation: None })
}

fn weekday_phrase(w: &[Word<'_>], i: usize) -> Option<Match> {
    let mut f = Fields::default();
    let mut j = i;
    if let Some(shift) = info_at(w, i).shift.filter(|_| w.get(i + 1).and_then(weekday_of).is_some()) {
        f.shift = Some(shift);
        j += 1;
    }
    let wd = weekday_of(w.get(j)?)?;
    // "Black Monday" and the like are names, not this week's days.
    if i > 0 && f.shift.is_none() && w[i - 1].cap() && WEEKDAY_NAMES.contains(w[i - 1].lower.as_ref()) {
        return None;
    }
    f.weekday = Some(wd);
    let mut end = j + 1;
    // ", April 10, 2017" / " 10 April"
    let k = if lower_at(w, end) == "," { end + 1 } else { end };
    if let Some(m) = calendar(w, k).filter(|m| m.fields.day.is_some()) {
        f.month = m.fields.month;
        f.day = m.fields.day;
        f.year = m.fields.year;
        end = m.end;
    }
    if let Some(p) = info_at(w, end).part_of_day {
        f.part_of_day = Some(p);
        end += 1;
    }
    Some(Match { start: i, end, fields: f, relation: None })
}

fn calendar(w: &[Word<'_>], i: usize) -> Option<Match> {
    let mut f = Fields::default();
    let x = w.get(i)?;
    let prev = if i > 0 { lower_at(w, i - 1) } else { "" };
    // ISO "2017-04-12" (split into pieces by hyphens).
    if let Some(y) = year_of(w, i) {
        if let (Some(m), Some(d)) = (w.get(i + 1), w.get(i + 2)) {
            if m.hyphen && d.hyphen && m.text.len() == 2 && d.text.len() == 2 {
                if let (Ok(mo), Ok(da)) = (m.text.parse::<u8>(), d.text.parse::<u8>()) {
                    if Date::new(y, mo, da).is_some() {
                        f.year = Some(y);
                        f.month = Some(mo);
                        f.day = Some(da);
                        return Some(Match { start: i, end: i + 3, fields: f, relation: None });
                    }
                }
            }
        }
    }
    // US "7/8/07" or "7/8/2007".
    if x.kind == TokenKind::Number && w.get(i + 1).is_some_and(|s| s.text == "/") && w.get(i + 3).is_some_and(|s| s.text == "/") {
        let (m, d, y) = (x.text.parse::<u8>().ok(), w.get(i + 2).and_then(|d| d.text.parse::<u8>().ok()), w.get(i + 4).and_then(|y| y.text.parse::<i32>().ok()));
        if let (Some(m), Some(d), Some(y)) = (m, d, y) {
            let y = if y < 100 { if y > 30 { 1900 + y } else { 2000 + y } } else { y };
            if Date::new(y, m, d).is_some() {
                f.year = Some(y);
                f.month = Some(m);
                f.day = Some(d);
                return Some(Match { start: i, end: i + 5, fields: f, relation: None });
            }
        }
    }
    // Month first: "June 18", "June 18, 2008", "June 2008", "June", "Sept. 5".
    if let Some(month) = month_of(x, true) {
        let full = month_of(x, false).is_some();
        let mut j = i + 1;
        if !full && lower_at(w, j) == "." {
            j += 1;
        }
        if let Some(day) = w.get(j).and_then(day_of).filter(|_| !w.get(j + 1).is_some_and(|n| COUNT_NOUNS.contains(&*n.lower) || n.text == ":" || n.text == "%")) {
            f.month = Some(month);
            f.day = Some(day);
            let mut end = j + 1;
            let k = if lower_at(w, end) == "," { end + 1 } else { end };
            if let Some(y) = year_of(w, k) {
                f.year = Some(y);
                end = k + 1;
            }
            return Some(Match { start: i, end, fields: f, relation: None });
        }
        if !full {
            return None;
        }
        let k = if lower_at(w, j) == "," || lower_at(w, j) == "of" { j + 1 } else { j };
        if let Some(y) = year_of(w, k) {
            f.month = Some(month);
            f.year = Some(y);
            return Some(Match { start: i, end: k + 1, fields: f, relation: None });
        }
        if lower_at(w, j) == "of" && matches!(lower_at(w, j + 1), "this" | "last" | "next") && lower_at(w, j + 2) == "year" {
            f.month = Some(month);
            f.year_offset = info_at(w, j + 1).shift;
            return Some(Match { start: i, end: j + 3, fields: f, relation: None });
        }
        // A bare month: only after a preposition or a shift word; "May" and "March" are also verbs.
        let shift = i.checked_sub(1).and_then(|k| info_at(w, k).shift).filter(|_| matches!(prev, "last" | "next" | "this"));
        let guarded = MONTH_CONTEXT.contains(&prev) || (i > 0 && w[i - 1].hyphen == false && prev == "mid");
        if guarded || shift.is_some() {
            f.month = Some(month);
            if let Some(s) = shift {
                f.shift = Some(s);
                return Some(Match { start: i - 1, end: i + 1, fields: f, relation: None });
            }
            return Some(Match { start: i, end: i + 1, fields: f, relation: None });
        }
        return None;
    }
    // Day first: "11 December [2009]", "the 5th of May".
    let (start, j) = if x.lower == "the" { (i, i + 1) } else { (i, i) };
    if let Some(day) = w.get(j).and_then(day_of) {
        let k = if lower_at(w, j + 1) == "of" { j + 2 } else { j + 1 };
        if let Some(month) = w.get(k).and_then(|m| month_of(m, true)) {
            if start == i && x.lower == "the" && k == j + 1 {
                return None;
            }
            let mut kk = k + 1;
            if lower_at(w, kk) == "." && month_of(&w[k], false).is_none() {
                kk += 1;
            }
            f.day = Some(day);
            f.month = Some(month);
            let mut end = kk;
            let yk = if lower_at(w, end) == "," { end + 1 } else { end };
            if let Some(y) = year_of(w, yk) {
                f.year = Some(y);
                end = yk + 1;
            }
            return Some(Match { start, end, fields: f, relation: None });
        }
    }
    None
}

fn anaphor(w: &[Word<'_>], i: usize) -> Option<Match> {
    let l = lower_at(w, i);
    let mut f = Fields::default();
    let prev = if i > 0 { lower_at(w, i - 1) } else { "" };
    let a = lower_at(w, i + 1);
    let b = lower_at(w, i + 2);
    let mk = |end: usize, f: Fields| Some(Match { start: i, end, fields: f, relation: None });
    match (l, a, b) {
        ("the", "year" | "month", _) if prev == "of" && b != "'s" => {
            f.relative = Some((if a == "year" { Unit::Year } else { Unit::Month }, 0));
            mk(i + 2, f)
        }
        ("the", "same", "day") => {
            f.anaphor = Some(0);
            mk(i + 3, f)
        }
        ("that", "day", _) if !matches!(lower_at(w, i + 2), "when" | "that") => {
            f.anaphor = Some(0);
            mk(i + 2, f)
        }
        ("the", "following" | "next", "day") => {
            f.anaphor = Some(1);
            mk(i + 3, f)
        }
        ("the", "previous", "day") => {
            f.anaphor = Some(-1);
            mk(i + 3, f)
        }
        ("the", "day", "before" | "earlier") if w.get(i + 3).is_none_or(|x| x.kind == TokenKind::Punct) || b == "earlier" => {
            f.anaphor = Some(-1);
            mk(i + 3, f)
        }
        ("the", "day", "after" | "later") if w.get(i + 3).is_none_or(|x| x.kind == TokenKind::Punct) || b == "later" => {
            f.anaphor = Some(1);
            mk(i + 3, f)
        }
        ("the", "day", _) if matches!(prev, "end" | "ended" | "ending" | "ends" | "finish" | "finished" | "finishing" | "close" | "closed" | "closing" | "in" | "for" | "during" | "on") && !matches!(b, "of" | "when" | "that" | "after" | "before" | "'s") => {
            f.anaphor = Some(0);
            mk(i + 2, f)
        }
        _ => None,
    }
}

fn quarter(w: &[Word<'_>], i: usize) -> Option<Match> {
    let mut f = Fields::default();
    let mut j = if lower_at(w, i) == "the" { i + 1 } else { i };
    let l = lower_at(w, j);
    // "Q1 2017"
    if l.len() == 2 && l.starts_with('q') && w[j].cap() {
        let q: u8 = l[1..].parse().ok().filter(|q| (1..=4).contains(q))?;
        f.quarter = Some(q);
        let mut end = j + 1;
        if let Some(y) = year_of(w, end) {
            f.year = Some(y);
            end += 1;
        }
        return Some(Match { start: i, end, fields: f, relation: None });
    }
    let mut shift = None;
    if matches!(l, "last" | "previous" | "next" | "this" | "current") && lower_at(w, j + 1) == "quarter" {
        shift = info_at(w, j).shift;
    }
    if let Some(s) = shift {
        f.quarter = Some(1);
        f.shift = Some(s);
        return Some(Match { start: i, end: j + 2, fields: f, relation: None });
    }
    let ord = match l {
        "final" | "last" if lower_at(w, j + 1) == "quarter" && (lower_at(w, j + 2) == "of" || year_of(w, j + 2).is_some()) => 4,
        _ => info_at(w, j).ordinal?,
    };
    j += 1;
    let unit = lower_at(w, j);
    if unit == "quarter" {
        f.quarter = Some(ord);
    } else if unit == "half" && ord <= 2 {
        f.half = Some(ord);
    } else {
        return None;
    }
    let mut end = j + 1;
    if lower_at(w, end) == "of" {
        if let Some(y) = year_of(w, end + 1) {
            f.year = Some(y);
            end += 2;
        } else if matches!(lower_at(w, end + 1), "this" | "last" | "next") && lower_at(w, end + 2) == "year" {
            f.year_offset = info_at(w, end + 1).shift;
            end += 3;
        }
    } else if let Some(y) = year_of(w, end) {
        f.year = Some(y);
        end += 1;
    }
    if f.quarter.is_none() && f.year.is_none() && i == j - 1 {
        // "first half" without a year or "the": too vague.
    }
    Some(Match { start: i, end, fields: f, relation: None })
}

fn season(w: &[Word<'_>], i: usize) -> Option<Match> {
    let mut f = Fields::default();
    let l = lower_at(w, i);
    let (start, j) = if l == "the" { (i, i + 1) } else { (i, i) };
    let s = info_at(w, j).season?;
    let prev = if i > 0 { lower_at(w, i - 1) } else { "" };
    f.season = Some(s);
    let mut end = j + 1;
    if lower_at(w, end) == "of" && year_of(w, end + 1).is_some() {
        f.year = year_of(w, end + 1);
        end += 2;
    } else if let Some(y) = year_of(w, end) {
        f.year = Some(y);
        end += 1;
    }
    // "fall" and "spring" are also verbs and nouns: require a date context.
    let capitalised_inside = j == i && i > 0 && w[i].cap();
    let context = capitalised_inside || f.year.is_some() || l == "the" && matches!(prev, "in" | "during" | "by" | "this" | "over" | "until" | "through" | "since") || matches!(prev, "in" | "this" | "last" | "next" | "early" | "late" | "mid" | "during");
    if !context {
        return None;
    }
    if j == i && l == "fall" && !capitalised_inside && f.year.is_none() && !matches!(prev, "this" | "last" | "next" | "early" | "late" | "mid") {
        return None;
    }
    Some(Match { start, end, fields: f, relation: None })
}

fn decade(w: &[Word<'_>], i: usize) -> Option<Match> {
    let mut f = Fields::default();
    let l = lower_at(w, i);
    let (start, mut j) = if l == "the" { (i, i + 1) } else { (i, i) };
    if matches!(lower_at(w, j), "'" | "’") {
        j += 1;
    }
    let x = w.get(j)?;
    let t = x.lower.as_ref();
    let digits = t.strip_suffix("s").or_else(|| t.strip_suffix("'s"))?;
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let dec = match digits.len() {
        4 if digits.ends_with('0') => digits[..3].parse::<i32>().ok()?,
        2 if digits.ends_with('0') && (j > start || i > 0 && matches!(lower_at(w, i - 1), "the" | "in" | "of" | "and" | "or" | "to" | "early" | "late" | "mid")) => {
            let yy: i32 = digits.parse().ok()?;
            (if yy >= 30 { 1900 + yy } else { 2000 + yy }) / 10
        }
        _ => return None,
    };
    f.decade = Some(dec);
    Some(Match { start, end: j + 1, fields: f, relation: None })
}

fn duration(w: &[Word<'_>], i: usize) -> Option<Match> {
    let mut f = Fields::default();
    let l = lower_at(w, i);
    let prev = if i > 0 { lower_at(w, i - 1) } else { "" };
    // "the past/next/last/first/coming N units", "the past few years"
    let mut j = i;
    let mut framed = false;
    if l == "the" && matches!(lower_at(w, i + 1), "past" | "next" | "last" | "first" | "coming" | "following" | "previous" | "final") {
        j = i + 2;
        framed = true;
    } else if matches!(l, "past" | "next" | "last" | "recent") && number_at(w, i + 1).is_some_and(|(e, _)| unit_at(w, e).is_some_and(|u| u.1)) {
        j = i + 1;
        framed = true;
    }
    let number = number_at(w, j).map(|(e, a)| {
        // "six straight days", "the past five trading days", "two consecutive quarters"
        let skip = UNIT_ADJECTIVES.contains(lower_at(w, e));
        (if skip && unit_at(w, e + 1).is_some() { e + 1 } else { e }, a)
    });
    let (mut k, amount) = match number {
        Some((e, a)) if unit_at(w, e).is_some() => (e, a),
        _ => {
            // Bare plurals: "for years", "in recent years", "over the years", "minutes".
            let (unit, plural) = unit_at(w, j)?;
            let long = w.get(j + 1).is_some_and(|x| x.hyphen && matches!(x.lower.as_ref(), "long" | "old"));
            let bare_ok = plural
                && (framed
                    || long
                    || matches!(prev, "for" | "in" | "over" | "within" | "recent" | "past" | "coming" | "next" | "of")
                    || (l == "the" && false));
            // "days before the attack", "years later": a bound or an offset, unspecified.
            if plural && j == i && matches!(lower_at(w, j + 1), "before" | "after" | "earlier" | "later" | "ago") {
                f.duration = Some((Amount::X, unit));
                let rel = lower_at(w, j + 1);
                let follows = w.get(j + 2).filter(|x| x.kind != TokenKind::Punct);
                if let (Some(first), "before" | "after") = (follows, rel) {
                    let mut rel_end = first.span.end;
                    for x in &w[j + 2..] {
                        if matches!(x.text, "," | "." | ";" | ":" | "“" | "\"" | "(" | "—") {
                            break;
                        }
                        rel_end = x.span.end;
                    }
                    let relation = if rel == "before" { "before" } else { "after" };
                    return Some(Match { start: i, end: j + 1, fields: f, relation: Some((relation, Span::new(first.span.start, rel_end))) });
                }
                return Some(Match { start: i, end: j + 1, fields: f, relation: None });
            }
            let recent = l == "recent" || prev == "recent";
            if recent && plural && unit >= Unit::Day {
                let start = if l == "recent" { i } else { i - 1 };
                f.reference = Some(Reference::Past);
                let _ = start;
                f.reference = None;
                f.duration = Some((Amount::X, unit));
                return Some(Match { start, end: j + 1, fields: f, relation: None });
            }
            if l == "the" && lower_at(w, i + 1) == "years" && prev == "over" {
                f.duration = Some((Amount::X, Unit::Year));
                return Some(Match { start: i, end: i + 2, fields: f, relation: None });
            }
            if !bare_ok || j != i && !framed {
                return None;
            }
            if unit < Unit::Week && !framed && !long && !matches!(prev, "for" | "within" | "in") {
                // "minutes" and "days" are too common outside of time.
                if !(unit == Unit::Minute && matches!(prev, "in" | "within")) && !matches!(prev, "for") {
                    return None;
                }
            }
            (j, Amount::X)
        }
    };
    let (unit, _) = unit_at(w, k)?;
    // "a week" is a duration in "a week ago", "a week of", "for a week", "more than a week";
    // "a second A380", "a quarter of its dealers", "a day when" are not.
    if matches!(lower_at(w, j), "a" | "an") && k == j + 1 {
        if matches!(unit, Unit::Second | Unit::Quarter) && !matches!(lower_at(w, k + 1), "ago" | "later" | "earlier") {
            return None;
        }
        let after_ok = matches!(lower_at(w, k + 1), "of" | "ago" | "later" | "earlier" | "before" | "after" | "from" | "long" | "old" | "" | "." | "," | ";" | "and" | "or" | "now" | "in" | "to" | "since")
            || w.get(k + 1).is_some_and(|x| x.hyphen);
        let before_ok = matches!(prev, "for" | "in" | "within" | "than" | "over" | "after" | "about" | "nearly" | "almost" | "around" | "only" | "just" | "least" | "past" | "last" | "next" | "of");
        let hyphen_adj = w.get(k).is_some_and(|x| x.hyphen);
        if !(after_ok || before_ok || hyphen_adj) || (unit == Unit::Day && lower_at(w, k + 1) != "of" && !before_ok && !matches!(lower_at(w, k + 1), "ago" | "later" | "earlier" | "before" | "after")) {
            return None;
        }
    }
    // "one day" (some day), "a day when": not durations.
    if unit == Unit::Day && matches!(l, "one") && !framed && !matches!(lower_at(w, k + 1), "ago" | "later" | "earlier" | "before" | "after") {
        return None;
    }
    // "a 5-year-old": an age, still a duration.
    k += 1;
    if w.get(k).is_some_and(|x| x.hyphen && matches!(x.lower.as_ref(), "long" | "old")) {
        k += 1;
    }
    let next = lower_at(w, k);
    match next {
        "ago" | "earlier" | "before" | "later" | "after" | "from" | "hence" if !framed => {
            let sign = if matches!(next, "ago" | "earlier" | "before") { -1 } else { 1 };
            if next == "from" && lower_at(w, k + 1) != "now" {
                f.duration = Some((amount, unit));
                return Some(Match { start: i, end: k, fields: f, relation: None });
            }
            let end = if next == "from" { k + 2 } else { k + 1 };
            let follows = w.get(end).filter(|x| x.kind != TokenKind::Punct);
            match next {
                "ago" | "hence" | "from" => f.ago = Some((amount, unit, sign)),
                // "two days later" (anaphoric) vs "days before the attack" (a bound).
                _ if follows.is_none() => f.anaphor_shift = Some((amount, unit, sign)),
                _ => {
                    f.duration = Some((amount, unit));
                    let rel_start = w[end].span.start;
                    let mut rel_end = w[end].span.end;
                    for x in &w[end..] {
                        if matches!(x.text, "," | "." | ";" | ":" | "“" | "\"" | "(" | "—") {
                            break;
                        }
                        rel_end = x.span.end;
                    }
                    let relation = if sign < 0 { "before" } else { "after" };
                    return Some(Match { start: i, end: k, fields: f, relation: Some((relation, Span::new(rel_start, rel_end))) });
                }
            }
            Some(Match { start: i, end, fields: f, relation: None })
        }
        _ => {
            f.duration = Some((amount, unit));
            Some(Match { start: i, end: k, fields: f, relation: None })
        }
    }
}

// ------------------------------------------------------------------ tense

static IRREGULAR_PAST: WordSet = WordSet::section(TIME_WORDS, "irregular_past");

static NOT_PAST: WordSet = WordSet::section(TIME_WORDS, "not_past");

static FUTURE: WordSet = WordSet::section(TIME_WORDS, "future_cues");

/// Whether a lower-case word is a past form of a verb: an irregular one
/// ("told", "went") or a word in "-ed" that is not an adjective or noun
/// ("need", "united", "based"). Small lists, so any stage may ask (the
/// explorer carries them anyway for tense).
pub fn past_form(lower: &str) -> bool {
    IRREGULAR_PAST.contains(lower) || (lower.len() >= 5 && lower.ends_with("ed") && !NOT_PAST.contains(lower))
}

static PRESENT: WordSet = WordSet::section(TIME_WORDS, "present_cues");

fn word_tense(w: &[Word<'_>], k: usize) -> Option<Tense> {
    let x = &w[k];
    let l = x.lower.as_ref();
    if x.kind != TokenKind::Word {
        return None;
    }
    if FUTURE.contains(&l) || l.ends_with("'ll") || l.ends_with("’ll") {
        if l == "going" && lower_at(w, k + 1) != "to" {
            return None;
        }
        if matches!(l, "plan" | "plans") && lower_at(w, k + 1) != "to" {
            return None;
        }
        if l == "due" && lower_at(w, k + 1) != "to" && lower_at(w, k + 1) != "on" && lower_at(w, k + 1) != "in" {
            return None;
        }
        return Some(Tense::Future);
    }
    if l == "set" && lower_at(w, k + 1) == "to" {
        return Some(Tense::Future);
    }
    let before = if k > 0 { w[k - 1].lower.as_ref() } else { "" };
    if l == "be" {
        // "to be held", "will be renewed", "may be signed": the future.
        return matches!(before, "to" | "will" | "would" | "may" | "might" | "should" | "must" | "can" | "won't" | "'ll" | "shall").then_some(Tense::Future);
    }
    let is_past_form = past_form(&l);
    if is_past_form && matches!(before, "be" | "being") {
        // A passive participle: the auxiliary before it decides.
        return None;
    }
    if is_past_form && matches!(before, "is" | "are" | "am") {
        // "is held": a present passive.
        return Some(Tense::Present);
    }
    if matches!(l, "may" | "might" | "should" | "must") && !x.cap() {
        return Some(Tense::Future);
    }
    // "it arrives", "he says": a present-tense verb after a pronoun subject.
    if matches!(before, "it" | "he" | "she" | "who") && l.len() > 3 && l.ends_with('s') && !l.ends_with("ss") {
        return Some(Tense::Present);
    }
    if IRREGULAR_PAST.contains(&l) {
        return Some(Tense::Past);
    }
    if PRESENT.contains(&l) {
        return Some(Tense::Present);
    }
    if l.len() >= 5 && l.ends_with("ed") && !NOT_PAST.contains(&l) && !(x.cap() && k > 0) {
        // An adjective before a noun ("a proposed deal") is not the verb.
        if k > 0 && matches!(w[k - 1].lower.as_ref(), "a" | "an" | "the" | "its" | "their" | "his" | "her") {
            return None;
        }
        return Some(Tense::Past);
    }
    None
}

/// The tense of the verb nearest to words `[start, end)` in the sentence
/// (within 12 words before and 8 after; nearest wins, before on ties).
fn tense_near(w: &[Word<'_>], start: usize, end: usize) -> TenseCue {
    let mut best: Option<(usize, Tense, usize)> = None;
    for dist in 1..=12usize {
        let left = start.checked_sub(dist);
        if let Some(k) = left {
            if matches!(w[k].text, ";") {
                // clause boundary: stop looking left
            } else if let Some(t) = word_tense(w, k) {
                best = Some((dist, t, k));
                break;
            }
        }
        let right = end + dist - 1;
        if dist <= 8 && right < w.len() {
            if let Some(t) = word_tense(w, right) {
                best = Some((dist, t, right));
                break;
            }
        }
    }
    match best {
        Some((_, tense, k)) => TenseCue { tense, word: w[k].text.to_string() },
        None => TenseCue { tense: Tense::Unknown, word: String::new() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_words_load() {
        let t = time_words();
        assert_eq!(unit_of("fortnights"), Some((Unit::Week, true)));
        assert_eq!(unit_of("yr"), Some((Unit::Year, false)));
        // The table's units agree with unit_of.
        for word in ["day", "days", "min", "mins", "minss", "hours", "weekend", "weekends", "centuries", "weekdays", "the", "is", "s"] {
            assert_eq!(word_info(word).unit, unit_of(word), "{word}");
        }
        assert!(word_info("several").vague_amount);
        assert_eq!(word_info("dozen").number, Some(12.0));
        assert_eq!(word_info("an").number, Some(1.0));
        assert_eq!(word_info("ninety").number, Some(90.0));
        assert_eq!(word_info("overnight").part_of_day, Some(PartOfDay::Night));
        assert_eq!(word_info("fall").season, Some(Season::Fall));
        assert_eq!(word_info("previous").shift, Some(-1));
        assert_eq!(word_info("4th").ordinal, Some(4));
        assert!(word_info("more").opens_quantity && word_info("the").opens_position && !word_info("the").opens_quantity);
        assert_eq!(word_info("said"), &NO_INFO);
        assert_eq!(word_info("fortnightly").set.map(|v| v.to_string()).as_deref(), Some("P2W"));
        assert_eq!(word_info("lately").reference, Some(Reference::Past));
        assert_eq!(t.quantity_modifiers.len(), 16);
        assert_eq!(t.quantity_modifiers[6], (vec!["no", "more", "than"], "EQUAL_OR_LESS"));
        assert_eq!(t.position_modifiers.len(), 10);
        assert!(COUNT_NOUNS.contains("tonnes") && IRREGULAR_PAST.contains("withdrew") && NOT_PAST.contains("so-called"));
        assert!(FUTURE.contains("won't") && PRESENT.contains("notes") && MONTH_CONTEXT.contains("till"));
    }

    #[test]
    fn holiday_rules() {
        assert_eq!(holiday_rule("12-25"), Some(Holiday::Fixed(12, 25)));
        assert_eq!(holiday_rule("easter"), Some(Holiday::Easter(0)));
        assert_eq!(holiday_rule("easter-2"), Some(Holiday::Easter(-2)));
        assert_eq!(holiday_rule("easter+1"), Some(Holiday::Easter(1)));
        assert_eq!(holiday_rule("11 thursday 4"), Some(Holiday::Nth(4, Weekday::Thursday, 11)));
        assert_eq!(holiday_rule("05 monday -1"), Some(Holiday::Nth(-1, Weekday::Monday, 5)));
        assert_eq!(holiday_rule("christmas"), None);
        // A phrase never comes after a shorter one it starts with ("christmas eve" before "christmas").
        let holidays = &time_words().holidays;
        assert_eq!(holidays.len(), 37);
        for (k, (shorter, _)) in holidays.iter().enumerate() {
            assert!(holidays[k + 1..].iter().all(|(longer, _)| !longer.starts_with(shorter)), "{shorter:?}");
        }
        assert_eq!(holiday_date(Holiday::Nth(4, Weekday::Thursday, 11), 2017), Date::new(2017, 11, 23));
    }
}
