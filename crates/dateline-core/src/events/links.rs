//! Every event mention tied to the rest of the story: its participants (the
//! entities of its clause), its time (the explicit time of its clause, else
//! its clause event's, else bounds, else the report's date for what a
//! statement reports) and the clause event it belongs to, whose timeline
//! item then ties the mentions of one happening across articles.

use crate::span::{Span, SpanIndex};
use crate::time::{Timex, TimexType};
use crate::timex::TimexValue;

use super::mentions::{EventClass, EventMention, Tense};

/// The sentences of an article's lead (headline and first sentence): what
/// they report without a time of its own is the news of the publication day.
const LEAD_SENTENCES: usize = 2;
use super::{ArticleInput, Event, EventTime};

/// What the story knows of one event mention.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MentionLink {
    pub when: EventTime,
    /// Entity ids, in text order.
    pub participants: Vec<String>,
    /// Index (into the article's events) of the clause event whose trigger
    /// or clause holds the mention.
    pub event: Option<usize>,
}

/// Links each of `article`'s event mentions; `events` are the article's own
/// clause events (from [`super::article_events`]).
pub fn link_mentions(article: &ArticleInput<'_>, events: &[Event]) -> Vec<MentionLink> {
    if article.event_mentions.is_empty() {
        return Vec::new();
    }
    let clauses = clause_bounds(article);
    let triggers = SpanIndex::new(events.iter().map(|e| e.trigger));
    let evidence = SpanIndex::new(events.iter().map(|e| e.evidence));
    article
        .event_mentions
        .iter()
        .map(|m| {
            let clause = clauses.get(m.token).copied().unwrap_or(m.span);
            let event = host_event(events, &triggers, &evidence, m);
            let near = near_span(article, m.token, clause);
            MentionLink { when: time_of(article, events, m, clause, event), participants: participants_in(article, near), event }
        })
        .collect()
}

/// For each token, the span of its clause: the sentence cut at ";", ":",
/// dashes, parentheses and quotation marks, and at a comma before a
/// conjunction, a relative pronoun or a subordinator.
fn clause_bounds(article: &ArticleInput<'_>) -> Vec<Span> {
    let seg = article.segmentation;
    let mut out = vec![Span::new(0, 0); seg.tokens.len()];
    for sentence in &seg.sentences {
        let range = sentence.tokens.clone();
        let mut start = range.start;
        for i in range.clone() {
            let next_lower = if i + 1 < range.end { seg.lower(i + 1) } else { "" };
            let cut = match seg.lower(i) {
                ";" | ":" | "—" | "–" | "(" | ")" | "“" | "”" | "\"" => true,
                "," => matches!(next_lower, "and" | "but" | "while" | "which" | "who" | "whom" | "where" | "when" | "although" | "though" | "after" | "before" | "because" | "as" | "since" | "whereas"),
                _ => false,
            };
            if cut || i + 1 == range.end {
                let span = Span::new(seg.tokens[start].span.start, seg.tokens[i].span.end);
                out[start..=i].fill(span);
                start = i + 1;
            }
        }
    }
    out
}

/// How far (in tokens) from its head word a mention's participants are
/// looked for, within its clause (SemEval-2015 Task 4 dev: 3 tokens 0.18,
/// 8 tokens 0.20, the whole clause 0.19).
const REACH: usize = 8;

/// The part of the clause within [`REACH`] tokens of token `k`: where a
/// mention's arguments are.
fn near_span(article: &ArticleInput<'_>, k: usize, clause: Span) -> Span {
    let tokens = &article.segmentation.tokens;
    let from = tokens[k.saturating_sub(REACH)].span.start.max(clause.start);
    let to = tokens[(k + REACH).min(tokens.len() - 1)].span.end.min(clause.end);
    Span::new(from, to.max(from))
}

/// The clause event a mention belongs to: the first (in event order) of its
/// sentence that it triggers, else the first whose evidence holds it.
/// `triggers` and `evidence` index the events' spans, so a sentence of
/// thousands of events is not scanned for each mention.
fn host_event(events: &[Event], triggers: &SpanIndex, evidence: &SpanIndex, m: &EventMention) -> Option<usize> {
    let same = |i: &usize| events[*i].sentence == m.sentence;
    let triggered = triggers.overlapping(m.span).into_iter().find(same);
    triggered.or_else(|| evidence.overlapping(m.span).into_iter().filter(same).find(|&i| events[i].evidence.contains(m.span) && events[i].time.known()))
}

/// The entities mentioned in the clause (names, resolved pronouns and role
/// nouns), each once, in text order.
fn participants_in(article: &ArticleInput<'_>, clause: Span) -> Vec<String> {
    let mentions = &article.entities.mentions;
    let first = mentions.partition_point(|m| m.span.start < clause.start);
    let mut out: Vec<String> = Vec::new();
    for m in mentions[first..].iter().take_while(|m| m.span.start < clause.end) {
        let Some(e) = m.entity else { continue };
        for id in std::iter::once(e).chain(m.members.iter().copied()).map(|e| &article.ids[e]) {
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
    }
    out
}

/// A mention's time: an explicit date in its clause; else its clause
/// event's time; else, for a statement, the report's date.
fn time_of(article: &ArticleInput<'_>, events: &[Event], m: &EventMention, clause: Span, event: Option<usize>) -> EventTime {
    let timexes = article.timexes;
    let first = timexes.partition_point(|t| t.span.start < clause.start);
    let dated = |t: &&Timex| t.relation.is_none() && t.range.is_some() && matches!(t.kind, TimexType::Date | TimexType::Time);
    let explicit = timexes[first..].iter().take_while(|t| t.span.start < clause.end).find(dated);
    if let Some(t) = explicit {
        // A time of day gives its day.
        let value = t.value.day().map_or(t.value, TimexValue::Day);
        return EventTime { value: Some(value), range: t.range, earliest: None, latest: None, note: format!("explicit: '{}'", t.span.text(article.body)) };
    }
    if let Some(e) = event.map(|i| &events[i]).filter(|e| e.time.known()) {
        return EventTime { note: format!("from its clause event ({})", e.time.note), ..e.time.clone() };
    }
    let lead = m.sentence < LEAD_SENTENCES && !m.negated && matches!(m.tense, Tense::Past | Tense::Present | Tense::None);
    if m.class == EventClass::Reporting || lead {
        let day = article.published;
        let why = if lead { "the lead's news: the publication date" } else { "a report: the publication date" };
        return EventTime { value: Some(TimexValue::Day(day)), range: Some((day, day)), earliest: None, latest: None, note: why.into() };
    }
    EventTime::default()
}

#[cfg(test)]
mod tests {
    use super::super::{article_events, Fixture};
    use super::*;

    /// Each mention's text with its time value and participant names.
    fn links(text: &str) -> Vec<(String, Option<String>, Vec<String>)> {
        let f = Fixture::new(text);
        let tags = crate::tag::tag(text, &f.seg);
        let exclude: Vec<Span> = f.timexes.iter().map(|t| t.span).chain(f.entities.mentions.iter().map(|m| m.span)).collect();
        let mentions = crate::events::mentions::find(text, &f.seg, &tags, &exclude);
        let input = ArticleInput { event_mentions: &mentions, ..f.input() };
        let events = article_events(0, &input);
        let links = link_mentions(&input, &events);
        mentions
            .iter()
            .zip(links)
            .map(|(m, l)| (m.span.text(text).to_string(), l.when.value.map(|v| v.to_string()), l.participants.iter().map(|p| f.name(p).to_string()).collect()))
            .collect()
    }

    #[test]
    fn a_mention_takes_the_explicit_time_and_the_entities_of_its_clause() {
        let got = links("Acme Corp. bought Zeta Labs on Monday, and the deal was praised by analysts.");
        let bought = got.iter().find(|l| l.0 == "bought").unwrap();
        assert_eq!(bought.1.as_deref(), Some("2017-04-10"));
        assert_eq!(bought.2, ["Acme", "Zeta Labs"]);
    }

    #[test]
    fn a_mention_without_a_time_of_its_own_after_the_lead_stays_undated() {
        let got = links("Heavy rain fell on Monday. Officials met. Later the bridge may collapse.");
        let collapse = got.iter().find(|l| l.0 == "collapse").unwrap();
        assert_eq!(collapse.1, None);
    }

    #[test]
    fn a_report_is_dated_by_publication() {
        let got = links("Rain fell. Roads closed. Mayor Ana Ortiz said the city would rebuild the bridge.");
        let said = got.iter().find(|l| l.0 == "said").unwrap();
        assert_eq!(said.1.as_deref(), Some("2017-04-12"));
        assert_eq!(said.2, ["Ana Ortiz"]);
    }

    #[test]
    fn clauses_end_at_a_comma_before_a_conjunction() {
        let f = Fixture::new("Acme sued Zeta, and the court ruled quickly.");
        let input = f.input();
        let clauses = clause_bounds(&input);
        let texts: Vec<&str> = clauses.iter().map(|s| s.text(&f.body)).collect();
        assert_eq!(texts[0], "Acme sued Zeta,");
        assert_eq!(texts[texts.len() - 1], "and the court ruled quickly.");
    }
}
