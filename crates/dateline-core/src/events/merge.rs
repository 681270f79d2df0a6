//! Merging across articles: the same happening reported by several
//! articles (or referred to again in one) becomes one timeline item, with
//! its time, participants, label and every piece of evidence.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::lexicon::{KeySet, Map};
use crate::span::Span;
use crate::timex::TimexValue;

use super::{Class, Event, EventTime, Item};

/// For each event, the event a definite mention refers back to (the first
/// non-statement with its lemma in its article); itself when it is not
/// dropped or is a statement.
pub(super) fn roots(events: &[Event]) -> Vec<usize> {
    let mut first: Map<(usize, &str), usize> = Map::default();
    let mut out = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        if e.class == Class::Statement {
            out.push(i);
            continue;
        }
        let root = *first.entry((e.article, e.lemma.as_str())).or_insert(i);
        out.push(if e.dropped { root } else { i });
    }
    out
}

pub(super) fn compatible(a: &EventTime, b: &EventTime) -> bool {
    let span = |t: &EventTime| -> Option<(Date, Date)> {
        match (t.range, t.earliest, t.latest) {
            (Some(r), _, _) => Some(r),
            (None, e, l) if e.is_some() || l.is_some() => Some((e.unwrap_or(Date { year: -9999, month: 1, day: 1 }), l.unwrap_or(Date { year: 9999, month: 12, day: 31 }))),
            _ => None,
        }
    };
    match (span(a), span(b)) {
        (Some(x), Some(y)) => x.0 <= y.1 && y.0 <= x.1,
        _ => true,
    }
}

pub(super) fn lemma_family(l: &str) -> &str {
    match l {
        "airstrike" => "strike",
        "remarks" => "statement",
        x => x,
    }
}

/// The day an event's time points at: the end of its value, else a bound.
pub(super) fn anchor_day(t: &EventTime) -> Option<Date> {
    t.range.map(|r| r.1).or(t.latest).or(t.earliest)
}

/// Whether two events (of different articles, or the same article) are the same event.
pub(super) fn same_event(a: &Event, b: &Event) -> bool {
    if lemma_family(&a.lemma) != lemma_family(&b.lemma) || a.class != b.class {
        return false;
    }
    if !compatible(&a.time, &b.time) {
        return false;
    }
    let across = a.article != b.article;
    if across && !(a.time.known() && b.time.known()) {
        return false;
    }
    // Bounds alone only place an event near another: within two weeks.
    if a.time.range.is_none() || b.time.range.is_none() {
        if let (Some(x), Some(y)) = (anchor_day(&a.time), anchor_day(&b.time)) {
            if (x.days_since_epoch() - y.days_since_epoch()).abs() > 14 {
                return false;
            }
        }
    }
    if a.class == Class::Statement {
        // Statements: same speaker, same day.
        return a.speaker.is_some() && a.speaker == b.speaker && a.time.range.is_some() && a.time.range == b.time.range;
    }
    let shared_participants = a.participants.iter().any(|p| b.participants.contains(p));
    let disjoint = !a.participants.is_empty() && !b.participants.is_empty() && !shared_participants;
    let trigger = a.lemma.as_str();
    let shared_words = a.words.iter().filter(|w| b.words.contains(*w) && !trigger.contains(w.as_str())).count();
    let both_dated_same = a.time.range.is_some_and(|r| r.0 == r.1) && a.time.range == b.time.range;
    let shared_modifier = a.modifiers.iter().any(|m| b.modifiers.contains(m));
    if across {
        shared_words >= 2
            || shared_modifier
            || (shared_participants && (shared_words >= 1 || both_dated_same))
            || (a.class == Class::Frame && both_dated_same && !disjoint)
    } else {
        shared_participants || (!disjoint && (shared_words >= 1 || both_dated_same))
    }
}

/// How many earlier candidates of the same trigger family each event is compared with.
pub(super) const MERGE_WINDOW: usize = 256;

pub(super) fn merge(events: &mut [Event]) -> Vec<Item> {
    // Union-find over events that stay on the timeline or refer to one that does.
    let n = events.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let roots = roots(events);
    // Definite mentions join the event they refer to.
    for i in 0..n {
        if events[i].dropped && events[i].at_frame.is_none() && events[i].class != Class::Statement {
            let r = roots[i];
            if r != i {
                let (x, y) = (find(&mut parent, i), find(&mut parent, r));
                parent[x] = y;
            }
        }
    }
    let in_timeline = |events: &[Event], i: usize| !events[i].dropped || (events[i].at_frame.is_none() && events[i].class != Class::Statement && roots[i] != i);
    // Candidates for the same event share a trigger family and class
    // (`same_event` requires both): compare within those buckets only, and
    // each event with at most the last `MERGE_WINDOW` of its bucket, so a huge
    // story stays near-linear.
    let live: Vec<usize> = (0..n).filter(|&i| in_timeline(events, i)).collect();
    let mut buckets: BTreeMap<(&str, Class), Vec<usize>> = BTreeMap::new();
    for &i in &live {
        buckets.entry((lemma_family(&events[i].lemma), events[i].class)).or_default().push(i);
    }
    for bucket in buckets.values() {
        for (x, &j) in bucket.iter().enumerate() {
            let mut rj = find(&mut parent, j);
            for &i in &bucket[x.saturating_sub(MERGE_WINDOW)..x] {
                // Already one item: nothing to learn from comparing them.
                let ri = find(&mut parent, i);
                if ri != rj && same_event(&events[i], &events[j]) {
                    parent[rj] = ri;
                    rj = ri;
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        if in_timeline(events, i) {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
    }
    let mut items: Vec<Item> = Vec::new();
    for (_, members) in groups {
        let live_members: Vec<usize> = members.iter().copied().filter(|&i| !events[i].dropped).collect();
        if live_members.is_empty() {
            continue;
        }
        // Time: the most specific value; bounds intersected.
        let mut value: Option<(TimexValue, (Date, Date))> = None;
        let mut earliest: Option<Date> = None;
        let mut latest: Option<Date> = None;
        let mut notes: Vec<String> = Vec::new();
        let mut seen_notes: KeySet<&str> = KeySet::default();
        for &i in &members {
            let t = &events[i].time;
            if let (Some(v), Some(r)) = (&t.value, t.range) {
                let better = match &value {
                    None => true,
                    Some((_, cur)) => (r.1.days_since_epoch() - r.0.days_since_epoch()) < (cur.1.days_since_epoch() - cur.0.days_since_epoch()),
                };
                if better {
                    value = Some((*v, r));
                }
            }
            if let Some(l) = t.latest {
                latest = Some(latest.map_or(l, |x: Date| x.min(l)));
            }
            if let Some(e) = t.earliest {
                earliest = Some(earliest.map_or(e, |x: Date| x.max(e)));
            }
            if !t.note.is_empty() && seen_notes.insert(t.note.as_str()) {
                notes.push(t.note.clone());
            }
        }
        let background = value.is_none() && earliest.is_none() && latest.is_none();
        if background && members.len() < 2 {
            continue;
        }
        let (value, earliest, latest) = match value {
            Some((v, _)) => (Some(v), None, None),
            None => (None, earliest, latest),
        };
        // Label: from the explicitly dated member, else the first live one;
        // only members with a label count, and without one there is no item.
        let labelled = |i: &usize| events[*i].label.is_some();
        let verb = |i: usize| events[i].is_verb;
        let Some(lead) = live_members
            .iter()
            .copied()
            .filter(labelled)
            .find(|&i| events[i].explicit && verb(i))
            .or_else(|| live_members.iter().copied().filter(labelled).find(|&i| verb(i) && !events[i].participants.is_empty()))
            .or_else(|| members.iter().copied().filter(labelled).find(|&i| verb(i) && events[i].time.known()))
            .or_else(|| live_members.iter().copied().filter(labelled).find(|&i| events[i].explicit))
            .or_else(|| live_members.iter().copied().find(labelled))
        else {
            continue;
        };
        let mut participants: Vec<&str> = Vec::new();
        let mut seen_participants: KeySet<&str> = KeySet::default();
        for &i in &live_members {
            for p in &events[i].participants {
                if seen_participants.insert(p.as_str()) {
                    participants.push(p.as_str());
                }
            }
        }
        let label = events[lead].label.clone().unwrap_or_default();
        let articles = members.iter().map(|&i| events[i].article).collect::<KeySet<usize>>().len();
        // A label under three words ("A trial", "Following announcement")
        // names no happening a reader can place: kept only when several
        // articles report it.
        if label.split_whitespace().count() < 3 && articles < 2 {
            continue;
        }
        let mut evidence: Vec<(usize, Span)> = members.iter().map(|&i| (events[i].article, events[i].evidence)).collect();
        crate::sort::sort(&mut evidence);
        evidence.dedup();
        items.push(Item {
            label,
            value,
            earliest,
            latest,
            participants: participants.iter().map(|p| p.to_string()).collect(),
            evidence,
            background,
            note: notes.join("; "),
            members,
        });
    }
    crate::sort::sort_by_key(&mut items, |it| {
        let key = it
            .value
            .as_ref()
            .and_then(sort_day)
            .or(it.latest)
            .or(it.earliest)
            .map_or(i64::MAX, |d| d.days_since_epoch());
        (it.background, key, it.evidence.first().copied())
    });
    items
}

/// The day a timeline item sorts on: a day itself, a month's first day, and
/// the first of January for the other values with a year (years, and, as
/// before the values were typed, weeks, quarters, halves and seasons, whose
/// true first day is `value.first_day()`); none for decades and references.
fn sort_day(value: &TimexValue) -> Option<Date> {
    match *value {
        TimexValue::Day(d) | TimexValue::Time(d, _) => Some(d),
        TimexValue::Month { year, month } => Date::new(year, month, 1),
        _ => value.year().and_then(|year| Date::new(year, 1, 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u8) -> Date {
        Date::new(2017, 4, d).unwrap()
    }

    #[test]
    fn times_are_compatible_when_their_days_can_meet() {
        let on = |d: u8| EventTime { value: Some(TimexValue::Day(day(d))), range: Some((day(d), day(d))), ..EventTime::default() };
        let before = |d: u8| EventTime { latest: Some(day(d)), ..EventTime::default() };
        assert!(compatible(&on(3), &on(3)) && !compatible(&on(3), &on(4)));
        assert!(compatible(&on(3), &before(6)) && !compatible(&on(7), &before(6)));
        assert!(compatible(&on(3), &EventTime::default()));
    }

    #[test]
    fn items_sort_by_the_first_day_of_their_value() {
        assert_eq!(sort_day(&TimexValue::Day(day(12))), Some(day(12)));
        assert_eq!(sort_day(&TimexValue::Month { year: 2017, month: 4 }), Some(day(1)));
        assert_eq!(sort_day(&TimexValue::Year(2013)), Date::new(2013, 1, 1));
    }

    #[test]
    fn the_same_happening_in_two_articles_is_one_item() {
        use super::super::Fixture;
        let a = Fixture::new("John Smith met Mary Jones in Rome on Monday.");
        let b = Fixture::new("Mary Jones met John Smith in Rome on Monday to discuss trade.");
        let mut events = super::super::article_events(0, &a.input());
        let mut second = super::super::article_events(1, &b.input());
        // The two fixtures number their entities alike: e0 and e1 are the same people.
        events.append(&mut second);
        let items = merge(&mut events);
        let meetings: Vec<&Item> = items.iter().filter(|i| i.label.contains("meets")).collect();
        assert_eq!(meetings.len(), 1, "{items:#?}");
        assert_eq!(meetings[0].evidence.len(), 2);
    }
}
