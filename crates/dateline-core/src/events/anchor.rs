//! Time anchoring: every event gets a time, in this order — explicit (a
//! date of its sentence), from the event whose clause holds it, inherited
//! (a statement from its speaker's last date; a reported event from its
//! report), bounded ("after X"), or none (perfect aspect, vague times).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::date::Date;
use crate::segment::Segmentation;
use crate::span::{Span, SpanIndex};
use crate::time::{Timex, TimexType};
use crate::timex::TimexValue;

use super::merge::{compatible, roots};
use super::read::Tok;
use super::triggers::Trigger;
use super::{Class, Event, EventTime, SentenceRead};

/// What the article has said about time so far.
#[derive(Default)]
pub(super) struct Discourse {
    /// The last explicit day (range of one day) given to an event or mentioned.
    last_day: Option<Date>,
    /// The last day each speaker was given.
    speaker_day: BTreeMap<String, Date>,
}

impl Discourse {
    /// After a sentence: its own day, else its last one-day date, is the discourse's day.
    pub(super) fn update(&mut self, sentence_day: Option<Date>, sentence_timexes: &[&Timex]) {
        if let Some(d) = sentence_day {
            self.last_day = Some(d);
        }
        for t in sentence_timexes {
            if let Some(r) = t.range.filter(|r| r.0 == r.1 && t.relation.is_none() && matches!(t.kind, TimexType::Date | TimexType::Time)) {
                self.last_day = Some(r.0);
            }
        }
    }
}

pub(super) fn day_time(day: Date, note: String) -> EventTime {
    EventTime { value: Some(TimexValue::Day(day)), range: Some((day, day)), earliest: None, latest: None, note }
}

/// Explicit times: each dated expression of the sentence goes to the nearest
/// trigger (verbs before nouns; "after"/"before" between them separates
/// clauses). Returns trigger index -> its timex.
pub(super) fn explicit_times<'t>(toks: &[Tok<'_>], triggers: &[Trigger], sentence_timexes: &[&'t Timex]) -> BTreeMap<usize, &'t Timex> {
    let token_of = |span: Span| toks.iter().position(|t| t.span.overlaps(span)).unwrap_or(0);
    let mut explicit: BTreeMap<usize, &Timex> = BTreeMap::new();
    for tx in sentence_timexes {
        let dated = matches!(tx.kind, TimexType::Date | TimexType::Time) && tx.range.is_some() && tx.relation.is_none();
        if !dated {
            continue;
        }
        let at = token_of(tx.span);
        let nearest = triggers
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.absorbed)
            .min_by_key(|(_, t)| {
                let d = if t.at > at { t.at - at } else { at - t.at };
                // Verbs are preferred over nouns; "after"/"before" between them separates clauses.
                let (lo, hi) = (t.at.min(at), t.at.max(at));
                let crossing = toks[lo..hi].iter().filter(|x| matches!(x.lower.as_ref(), "after" | "before" | "following" | "since" | "because" | "while" | "when")).count();
                (d + if t.verb.is_none() { 2 } else { 0 } + 6 * crossing, t.verb.is_none())
            })
            .map(|(i, _)| i);
        if let Some(i) = nearest {
            explicit.entry(i).or_insert(tx);
        }
    }
    explicit
}

/// A vague time ("previously", "recently") leaves the nearest event without a date.
pub(super) fn vague_triggers(toks: &[Tok<'_>], triggers: &[Trigger], sentence_timexes: &[&Timex], explicit: &BTreeMap<usize, &Timex>) -> BTreeSet<usize> {
    let token_of = |span: Span| toks.iter().position(|t| t.span.overlaps(span)).unwrap_or(0);
    let mut vague_triggers: BTreeSet<usize> = BTreeSet::new();
    for tx in sentence_timexes {
        if tx.value.is_reference() || tx.kind == TimexType::Set {
            let at = token_of(tx.span);
            if let Some(i) = triggers.iter().enumerate().filter(|(_, t)| !t.absorbed).min_by_key(|(_, t)| t.at.abs_diff(at)).map(|(i, _)| i) {
                if !explicit.contains_key(&i) {
                    vague_triggers.insert(i);
                }
            }
        }
    }
    vague_triggers
}

/// Gives an event the time of the expression that dates it.
pub(super) fn set_explicit(ev: &mut Event, tx: &Timex, published: Date, body: &str) {
    let (first_day, last_day) = tx.range.unwrap_or((published, published));
    ev.time = EventTime {
        // A time of day gives its day.
        value: Some(tx.value.day().map_or(tx.value, TimexValue::Day)),
        range: Some((first_day, last_day)),
        earliest: None,
        latest: None,
        note: format!("explicit: '{}' ({})", tx.span.text(body), tx.note),
    };
    ev.explicit = true;
    ev.vague = false;
}

/// Times for the events of one sentence (from `first`) that have none of
/// their own: (a) from an explicitly dated event of their clause; (b)
/// statements from their speaker's last date, the discourse's, or the
/// publication; (c) frames and nouns in a statement's clause; (d) events
/// reported in a statement take its date; (e) other frames and past-tense
/// actions the discourse's day.
pub(super) fn sentence_times(events: &mut [Event], first: usize, body: &str, discourse: &mut Discourse, published: Date, seg: &Segmentation, paragraph: usize) {
    // (a) Events in the clause of an explicitly dated event share its time
    // ("held a press conference ... Wednesday", "said during a visit to Rome Wednesday").
    share_clause_time(events, first, body, true);
    // (b) Statements without a time: the speaker's last date, else the discourse's, else publication.
    for i in first..events.len() {
        if events[i].class != Class::Statement || events[i].reported && !events[i].time.known() && (first..events.len()).any(|j| j != i && events[j].class == Class::Statement && !events[j].reported) {
            continue;
        }
        if !events[i].time.known() && !events[i].vague {
            let from_speaker = events[i].speaker.as_ref().and_then(|s| discourse.speaker_day.get(s).map(|d| (*d, "the speaker's last date in the article".to_string())));
            let (day, why) = from_speaker
                .or_else(|| discourse.last_day.map(|d| (d, "the last day of the discourse".to_string())))
                .unwrap_or((published, "the publication date".to_string()));
            events[i].time = day_time(day, format!("inherited: {why} ({day})"));
        }
        if let (Some(sp), Some(r)) = (&events[i].speaker, events[i].time.range) {
            if r.0 == r.1 {
                discourse.speaker_day.insert(sp.clone(), r.0);
            }
        }
    }
    // (c) Frames and nouns in a statement's clause ("said during a joint press conference").
    share_clause_time(events, first, body, false);
    // (d) Events reported in a statement or quote take the statement's date.
    for i in first..events.len() {
        if events[i].time.known() || events[i].vague || !events[i].reported {
            continue;
        }
        let reporter = (first..events.len())
            .filter(|&j| j != i && events[j].class == Class::Statement && events[j].time.range.is_some())
            .min_by_key(|&j| events[j].trigger.start.abs_diff(events[i].trigger.start))
            .or_else(|| (0..first).rev().take(4).find(|&j| events[j].class == Class::Statement && events[j].time.range.is_some() && seg.sentences[events[j].sentence].paragraph == paragraph));
        if let Some(j) = reporter {
            let t = events[j].time.clone();
            let note = format!("reported in '{}' ({}): taken as its date", events[j].trigger.text(body), t.value.map(|v| v.to_string()).unwrap_or_default());
            events[i].time = EventTime { note, ..t };
        }
    }
    // (e) Other frames, and actions told in the past tense: the discourse's day.
    for i in first..events.len() {
        let e = &events[i];
        let eligible = !e.time.known() && !e.vague && !e.definite && (e.class == Class::Frame || e.class == Class::Occurrence && e.verb_past);
        if eligible {
            let (day, why) = discourse.last_day.map(|d| (d, "the last day of the discourse")).unwrap_or((published, "the publication date"));
            events[i].time = day_time(day, format!("inherited: {why} ({day})"));
        }
    }
}

/// Relations that bound events once all of them are known.
#[derive(Default)]
pub(super) struct Bounds {
    /// (relation token range, bound day, kind, same day).
    relations: Vec<(Span, Date, &'static str, bool)>,
    /// (event index, span of what it preceded).
    before: Vec<(usize, Span)>,
}

/// Collects the bounds of one sentence: "after/following/since X" bounds X
/// by the sentence's day; "N days before X" bounds the event it qualifies.
pub(super) fn collect_bounds(bounds: &mut Bounds, events: &[Event], first: usize, s: &SentenceRead<'_, '_>, sentence_day: Option<Date>) {
    let (toks, sentence_timexes) = (&s.toks, &s.timexes);
    let relations = &mut bounds.relations;
    let before_relations = &mut bounds.before;
    let main_day = sentence_day.or_else(|| events[first..].iter().find_map(|e| e.time.range.filter(|r| r.0 == r.1).map(|r| r.0)));
    for (k, t) in toks.iter().enumerate() {
        let rel = match t.lower.as_ref() {
            "after" | "following" => "after",
            "since" => "since",
            _ => continue,
        };
        let bound_of_duration = sentence_timexes.iter().any(|x| x.relation.is_some() && x.span.end <= t.span.start && t.span.start - x.span.end <= 1);
        if t.quoted || bound_of_duration {
            continue;
        }
        let span_end = toks[k + 1..].iter().take(12).take_while(|x| !matches!(x.text, "," | ";" | "." | "“" | "\"")).last().map(|x| x.span.end);
        let Some(span_end) = span_end else { continue };
        let target = Span::new(toks[(k + 1).min(toks.len() - 1)].span.start, span_end);
        // Hours between the two ("a more than two-hour delay following X"): the same day.
        let hours = sentence_timexes.iter().any(|x| x.kind == TimexType::Duration && x.value.is_time_duration() && x.span.end <= t.span.start && t.span.start - x.span.end < 12);
        if let Some(day) = main_day {
            relations.push((target, day, rel, hours));
        }
    }
    // "N days before X": the event the expression qualifies happened before X.
    // "(on Thursday,) a day after X": X happened N days before the sentence's day.
    for tx in sentence_timexes {
        match tx.relation {
            Some(("before", target)) => {
                if let Some(i) = (first..events.len()).filter(|&i| events[i].trigger.end <= tx.span.start).last() {
                    before_relations.push((i, target));
                }
            }
            Some(("after", target)) => {
                let dated_inside = sentence_timexes.iter().any(|x| target.contains(x.span));
                // the event is near the start of what follows "after" ("a day after Mayor Lee
                // ordered repairs"), not in a later phrase ("two days after Trump in what was
                // his first trip"): its first few words
                let head = toks.iter().filter(|t| target.contains(t.span)).take(AFTER_HEAD_WORDS).last().map(|t| Span::new(target.start, t.span.end));
                if let (Some(day), Some(days), Some(head), false) = (main_day, exact_days(&tx.value), head, dated_inside) {
                    relations.push((head, day.add_days(-days), "at", false));
                }
            }
            _ => {}
        }
    }
}

/// How many words after "a day after" the event it dates may start.
const AFTER_HEAD_WORDS: usize = 5;

/// The whole days of a duration in days or weeks ("a day", "two weeks").
fn exact_days(value: &TimexValue) -> Option<i64> {
    let TimexValue::Duration(d) = value else { return None };
    let per = match d.unit {
        crate::timex::DurationUnit::Day => 1,
        crate::timex::DurationUnit::Week => 7,
        _ => return None,
    };
    let n = d.amount.filter(|n| n.fract() == 0.0 && *n >= 1.0 && *n <= 3650.0)?;
    Some(n as i64 * per)
}

/// Coreference within the article: a definite event noun refers back to the
/// last event with the same lemma (searched among the earlier events of
/// that lemma only) and is dropped in its favour.
pub(super) fn definite_references(events: &mut [Event]) {
    let mut by_lemma: HashMap<String, Vec<usize>> = HashMap::new();
    for i in 0..events.len() {
        if events[i].class == Class::Statement {
            continue;
        }
        if !events[i].explicit {
            let earlier = by_lemma.get(&events[i].lemma).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&j) = earlier.iter().rev().find(|&&j| compatible(&events[j].time, &events[i].time)) {
                if events[i].definite || events[i].time.range == events[j].time.range {
                    events[i].at_frame = None;
                    events[i].dropped = true;
                    // remember which event it refers to, via a merge later (same lemma and article).
                }
            }
        }
        by_lemma.entry(events[i].lemma.clone()).or_default().push(i);
    }
    drop(by_lemma);
}

/// Applies the article's bounds once every event has its own time.
pub(super) fn apply_bounds(events: &mut [Event], bounds: Bounds, body: &str) {
    let Bounds { relations, before: before_relations } = bounds;
    let roots = roots(&events);
    let trigger_index = SpanIndex::new(events.iter().map(|e| e.trigger));
    // Apply bounds: the event whose trigger lies in the relation's span.
    for (target, day, rel, same_day) in relations {
        let Some(i) = trigger_index.inside(target).into_iter().find(|&i| events[i].class != Class::Statement) else { continue };
        let root = roots[i];
        for idx in [i, root] {
            let e = &mut events[idx];
            match rel {
                // "a day after X": X's day, whatever the sentence's own date says
                "at" => {
                    e.time = day_time(day, format!("{day}: by the distance to the sentence's date ('{}')", target.text(body)));
                }
                _ if e.explicit => continue,
                "after" | "since" if same_day => {
                    e.time = day_time(day, format!("the same day as what followed it within hours ({day})"));
                }
                "after" | "since" => {
                    if e.time.range.is_some_and(|r| r.0 <= day) && e.time.value.is_some() && !e.definite {
                        continue;
                    }
                    e.time.value = None;
                    e.time.range = None;
                    if e.time.latest.is_none_or(|l| day < l) {
                        e.time.latest = Some(day);
                        e.time.note = format!("bounded: before {day}, when something that followed it happened");
                    }
                }
                _ => {
                    if e.time.value.is_none() && e.time.earliest.is_none_or(|l| day > l) {
                        e.time.earliest = Some(day);
                        e.time.note = format!("bounded: after {day}, when something before it happened");
                    }
                }
            }
        }
    }
    // Events referred to by definite mentions take the bounds their mentions got.
    for i in 0..events.len() {
        if !events[i].dropped {
            continue;
        }
        let root = roots[i];
        if root != i {
            let (l, e) = (events[i].time.latest, events[i].time.earliest);
            let note = events[i].time.note.clone();
            let r = &mut events[root];
            if !r.explicit && r.time.value.is_none() {
                if let Some(l) = l {
                    if r.time.latest.is_none_or(|x| l < x) {
                        r.time.latest = Some(l);
                        r.time.note = note;
                    }
                }
                if let Some(e) = e {
                    if r.time.earliest.is_none_or(|x| e > x) {
                        r.time.earliest = Some(e);
                    }
                }
            }
        }
    }
    // Referred-to noun events without a time are bounded by the clause that mentions them.
    for (i, target) in before_relations {
        let Some(&j) = trigger_index.inside(target).first() else { continue };
        let root = roots[j];
        let bound = events[root].time.latest.or(events[root].time.range.map(|r| r.0));
        if let Some(b) = bound {
            let e = &mut events[i];
            if !e.explicit {
                e.time = EventTime { value: None, range: None, earliest: None, latest: Some(b), note: format!("bounded: before '{}' ({b})", target.text(body)) };
            }
        }
    }
}

/// dated event whose clause holds them, or that their clause holds. With
/// `explicit_only`, only explicitly dated hosts count.
pub(super) fn share_clause_time(events: &mut [Event], first: usize, body: &str, explicit_only: bool) {
    for i in first..events.len() {
        if events[i].time.known() || events[i].class == Class::Statement && !explicit_only {
            continue;
        }
        let probe = Span::new(events[i].evidence.start.max(events[i].trigger.start), events[i].trigger.end);
        let host = (first..events.len()).find(|&j| {
            j != i
                && (events[j].explicit || !explicit_only)
                && events[j].time.range.is_some_and(|r| r.0 == r.1)
                && (events[j].evidence.contains(probe) || events[i].evidence.contains(events[j].trigger))
                && !(events[j].class == Class::Statement && events[i].class == Class::Statement)
        });
        // A definite reference in a dated report: known by that day.
        let definite_noun = events[i].definite && !events[i].is_verb && events[i].class == Class::Occurrence;
        let host = host.or_else(|| {
            (!explicit_only && definite_noun)
                .then(|| (first..events.len()).find(|&j| j != i && events[j].class == Class::Statement && events[j].time.range.is_some_and(|r| r.0 == r.1)))
                .flatten()
        });
        if let Some(j) = host {
            if events[i].class == Class::Frame && events[j].class == Class::Statement {
                // The speaker was at the frame event ("said during a joint press conference").
                if let Some(sp) = events[j].speaker.clone() {
                    if !events[i].participants.contains(&sp) {
                        events[i].participants.push(sp);
                    }
                }
            }
            let t = events[j].time.clone();
            if events[i].definite && !events[i].is_verb && events[i].class == Class::Occurrence {
                // "condemned the attack" on D: the attack is known by then, not dated by it.
                let day = t.range.map(|r| r.1);
                events[i].time = EventTime { latest: day, note: format!("bounded: referred to by '{}' on {}", events[j].trigger.text(body), t.value.map(|v| v.to_string()).unwrap_or_default()), ..EventTime::default() };
            } else if events[i].is_verb || events[i].class == Class::Frame || !explicit_only || !events[i].definite {
                let note = format!("from '{}' in the same clause ({})", events[j].trigger.text(body), t.value.map(|v| v.to_string()).unwrap_or_default());
                events[i].time = EventTime { note, ..t };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Fixture;

    /// (trigger text, value or bounds) of each event.
    fn times(text: &str) -> Vec<(String, String)> {
        let f = Fixture::new(text);
        f.events()
            .iter()
            .map(|e| {
                let t = &e.time;
                let when = match (t.value, t.earliest, t.latest) {
                    (Some(v), _, _) => v.to_string(),
                    (None, Some(a), None) => format!("after {a}"),
                    (None, None, Some(b)) => format!("before {b}"),
                    _ => "-".to_string(),
                };
                (e.trigger.text(text).to_string(), when)
            })
            .collect()
    }

    #[test]
    fn each_date_goes_to_the_nearest_event() {
        let got = times("Smith said Wednesday that Jones resigned on Monday.");
        assert!(got.contains(&("said".into(), "2017-04-12".into())), "{got:?}");
        assert!(got.contains(&("resigned".into(), "2017-04-10".into())), "{got:?}");
    }

    #[test]
    fn after_bounds_what_came_before() {
        let got = times("Smith spoke to reporters on Tuesday after the raid on the compound.");
        assert!(got.contains(&("raid".into(), "before 2017-04-11".into())), "{got:?}");
    }

    #[test]
    fn an_event_reported_in_a_dated_statement_takes_its_date() {
        let got = times("Ministers met in Rome on Monday. “We agreed to set up a working group,” the minister said.");
        assert!(got.contains(&("agreed".into(), "2017-04-10".into())), "{got:?}");
    }
}
