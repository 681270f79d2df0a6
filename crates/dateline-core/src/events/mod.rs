//! Stage 6, **Events and the story timeline**.
//!
//! Per article, events are read from clauses (boilerplate sentences skipped):
//!
//! * **Triggers** come from compact word lists: speech verbs ("said",
//!   "told", "blasted"), action verbs ("ordered", "agreed", "met"), frame
//!   nouns (a "press conference", "talks", a "meeting", a "trip": events that
//!   other events happen at) and occurrence nouns ("attack", "strike",
//!   "commitment", "election"). A light or action verb with an event noun as
//!   its object is one event ("held a press conference", "ordered a cruise
//!   missile strike"); a verb in a relative clause after an event noun ("the
//!   attack that killed ...") belongs to that noun.
//! * **Participants** are the names in the clause: the subject before the
//!   trigger and the names in its object. They come from the entity stage
//!   (`mentions`: span → entity id) when it is given, else from capitalised
//!   name sequences (titles such as "Secretary of State" stripped).
//! * **Time**, in this order:
//!   1. *explicit*: a DATE/TIME expression of the sentence goes to the
//!      nearest trigger ("on Thursday ordered", "said Wednesday", "its 2013
//!      commitment");
//!   2. *from the governing event*: a noun event that is the object of a
//!      dated verb, or the frame of a statement ("said during a visit to
//!      Rome Wednesday") shares its time;
//!   3. *bounded*: "after X"/"following X" bounds X by the time of its
//!      sentence (latest), "before X" from below; hours between them ("a
//!      two-hour delay following X") put X on the same day; "N days before
//!      X" bounds the event it qualifies by X;
//!   4. *inherited*: a statement with no time of its own takes the last date
//!      its speaker was given in the article, else the last explicit day of
//!      the discourse, else the publication date; an event reported inside a
//!      statement takes the statement's date. Perfect-aspect statements ("has
//!      repeatedly advised") have no time of their own and are dropped.
//! * **Statements at a frame event** (a press conference, talks) belong to
//!   it instead of each becoming a timeline item: same day, speaker among the
//!   frame's participants or unknown, no "earlier"/"later" cue. Events
//!   reported in those statements ("we've agreed to establish a working
//!   group") still stand on their own.
//!
//! The **timeline** merges events into items: within an article, the same
//! trigger (or a definite reference, "the attack") on a compatible time is one
//! event; across articles, the same trigger with a compatible time and shared
//! participants or content words. Each item has a label, its time (a value,
//! or only bounds), participants and the evidence spans from every article
//! that reports it. Items are ordered by time; undated items are kept apart
//! at the end (`background`) and only when mentioned more than once.
//!
//! **Cost** is near-linear in the article's length: timexes, mentions and
//! triggers are found by span through a [`SpanIndex`]; coreference looks only
//! at earlier events with the same lemma, a statement's frame is looked up by
//! day and participant, and a definite mention's root by (article, lemma).
//! Merging compares an event only with the last `MERGE_WINDOW` (256) events
//! of its trigger family and class, and skips pairs already in one item.

mod anchor;
mod clause;
mod frames;
mod label;
pub mod links;
pub mod mentions;
mod merge;
mod read;
mod triggers;
mod words;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::attribution::Attributions;
use crate::date::Date;
use crate::entities::Entities;
use crate::quotes::Quoted;
use crate::segment::Segmentation;
use crate::span::{Span, SpanIndex};
use crate::time::Timex;
use crate::timex::TimexValue;

use anchor::{Bounds, Discourse};
use read::{read_sentence, Name, Tok};
use triggers::{find_triggers, Trigger};

/// One article as the events stage reads it: the outputs of every earlier
/// stage, which it never re-derives.
pub struct ArticleInput<'a> {
    pub body: &'a str,
    pub published: Date,
    pub segmentation: &'a Segmentation,
    pub quoted: &'a [Quoted],
    pub entities: &'a Entities,
    /// The story-wide id of each of `entities.entities`.
    pub ids: &'a [String],
    pub attributions: &'a Attributions,
    pub timexes: &'a [Timex],
    /// The article's event mentions ([`mentions::find`]).
    pub event_mentions: &'a [mentions::EventMention],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Class {
    /// A speech act: said, told, noted, blasted.
    Statement,
    /// Something done or happening: ordered, agreed, an attack, a commitment.
    Occurrence,
    /// An event others happen at: a press conference, talks, a meeting, a trip.
    Frame,
}

/// How an event got its time.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct EventTime {
    /// A TIMEX3 value (`2017-04-12`, `2013`) when the time is known.
    pub value: Option<TimexValue>,
    /// The days that value covers.
    pub range: Option<(Date, Date)>,
    pub earliest: Option<Date>,
    pub latest: Option<Date>,
    /// A short account: explicit, inherited from what, bounded by what.
    pub note: String,
}

impl EventTime {
    fn known(&self) -> bool {
        self.range.is_some() || self.earliest.is_some() || self.latest.is_some()
    }
}

/// One clause-level event of one article. It serialises (without its
/// article index, which the story merge sets) so that an article's events
/// can travel with its [`crate::story::ArticleExtraction`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    #[serde(skip)]
    pub article: usize,
    pub sentence: usize,
    pub trigger: Span,
    /// The trigger's lemma ("say", "agree", "press conference").
    pub lemma: String,
    pub class: Class,
    /// The clause (or noun phrase with its governing verb) that reports it.
    pub evidence: Span,
    /// Participant keys (entity ids, or names when there is no entity stage).
    pub participants: Vec<String>,
    /// For statements: the speaker's key, when named.
    pub speaker: Option<String>,
    pub time: EventTime,
    /// Whether the time came from the text of the clause itself.
    pub explicit: bool,
    /// None when the event has no actor to name (it is then no timeline item).
    pub label: Option<String>,
    /// Content words (lower case) for merging.
    pub words: BTreeSet<String>,
    /// For noun events, the words modifying the noun ("chemical" in "the chemical attack").
    pub modifiers: BTreeSet<String>,
    /// Index (into the same article's events) of the frame it happened at.
    pub at_frame: Option<usize>,
    /// Reported inside a statement or a quote.
    pub reported: bool,
    /// Perfect aspect or a vague time: no time of its own.
    pub vague: bool,
    /// "earlier"/"later" marked the time.
    pub cued: bool,
    /// A verb in the simple past ("ordered").
    pub verb_past: bool,
    /// Triggered by a verb (else by a noun).
    pub is_verb: bool,
    /// Definite or possessive noun ("the attack", "its commitment").
    pub definite: bool,
    /// Dropped from the timeline (absorbed by a frame, merged into another event, or without time).
    pub dropped: bool,
}

/// A timeline item: one event, possibly reported by several articles.
#[derive(Clone, Debug)]
pub struct Item {
    pub label: String,
    pub value: Option<TimexValue>,
    pub earliest: Option<Date>,
    pub latest: Option<Date>,
    pub participants: Vec<String>,
    /// (article index, span) for every report of the event.
    pub evidence: Vec<(usize, Span)>,
    /// Undated: kept apart from the dated items.
    pub background: bool,
    pub note: String,
    /// Indices into [`Timeline::events`].
    pub members: Vec<usize>,
}

/// The stage's output: every event of every article, and the merged timeline.
#[derive(Clone, Debug, Default)]
pub struct Timeline {
    pub events: Vec<Event>,
    pub items: Vec<Item>,
}

/// Merges the events read from each article ([`article_events`], in article
/// order) into the story timeline.
pub fn merge_timeline(mut events: Vec<Event>) -> Timeline {
    let items = merge::merge(&mut events);
    Timeline { events, items }
}

// ------------------------------------------------------------------ lexicon

// ------------------------------------------------------------------ per article

/// One sentence as the passes read it: its tokens and names, its triggers,
/// and which triggers its time expressions date (or make vague).
struct SentenceRead<'a, 't> {
    index: usize,
    toks: Vec<Tok<'a>>,
    names: Vec<Name>,
    /// The sentence's time expressions.
    timexes: Vec<&'t Timex>,
    triggers: Vec<Trigger>,
    /// Trigger index -> the expression that dates it.
    explicit: BTreeMap<usize, &'t Timex>,
    /// Triggers left without a date by a vague time ("recently").
    vague: BTreeSet<usize>,
    /// The quotes (indices into the attributions) whose cue is in the sentence.
    cues: Vec<usize>,
    /// The quotes whose content overlaps the sentence.
    contents: Vec<usize>,
}

impl SentenceRead<'_, '_> {
    /// The first token overlapping `span` (0 when none does).
    fn token_of(&self, span: Span) -> usize {
        self.toks.iter().position(|t| t.span.overlaps(span)).unwrap_or(0)
    }
}

/// Span indexes of an article's time expressions and quote cues.
struct Indexes {
    timexes: SpanIndex,
    cues: SpanIndex,
    contents: SpanIndex,
}

impl Indexes {
    fn new(article: &ArticleInput<'_>) -> Indexes {
        let none = Span::new(usize::MAX, usize::MAX);
        Indexes {
            timexes: SpanIndex::new(article.timexes.iter().map(|t| t.span)),
            cues: SpanIndex::new(article.attributions.quotes.iter().map(|q| q.cue.unwrap_or(none))),
            contents: SpanIndex::new(article.attributions.quotes.iter().map(|q| q.content)),
        }
    }
}

/// Reads sentence `si`: tokens, names, triggers and their explicit times.
fn read<'a, 't>(article: &ArticleInput<'a>, index: &Indexes, timexes: &'t [Timex], si: usize, part: &Part) -> SentenceRead<'a, 't> {
    let timex_index = &index.timexes;
    let sentence_timexes: Vec<&Timex> = timex_index.inside(part.span).into_iter().map(|i| &timexes[i]).collect();
    // The timexes that overlap any token of the sentence.
    let tokens = &article.segmentation.tokens[part.tokens.clone()];
    let reach = match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => part.span.cover(a.span).cover(b.span),
        _ => part.span,
    };
    let near_timexes: Vec<&Timex> = timex_index.overlapping(reach).into_iter().map(|i| &timexes[i]).collect();
    let (toks, names) = read_sentence(article, part.tokens.clone(), part.span, &near_timexes);
    let triggers = find_triggers(&toks);
    let explicit = anchor::explicit_times(&toks, &triggers, &sentence_timexes);
    let vague = anchor::vague_triggers(&toks, &triggers, &sentence_timexes, &explicit);
    let cues = index.cues.overlapping(part.span);
    let contents = index.contents.overlapping(part.span);
    SentenceRead { index: si, toks, names, timexes: sentence_timexes, triggers, explicit, vague, cues, contents }
}

/// The most tokens read as one sentence. Prose sentences are far shorter; a
/// longer run (a list, text without full stops, hostile input) is read in
/// parts of this size, so the per-sentence passes stay linear overall.
const MAX_SENTENCE_TOKENS: usize = 160;

/// A sentence, or a part of an overlong one: its tokens and its span.
struct Part {
    tokens: std::ops::Range<usize>,
    span: Span,
}

/// The parts sentence `si` is read in: itself, or pieces of at most
/// [`MAX_SENTENCE_TOKENS`] tokens.
fn parts(seg: &Segmentation, si: usize) -> Vec<Part> {
    let sentence = &seg.sentences[si];
    let range = sentence.tokens.clone();
    if range.len() <= MAX_SENTENCE_TOKENS {
        return vec![Part { tokens: range, span: sentence.span }];
    }
    (range.start..range.end)
        .step_by(MAX_SENTENCE_TOKENS)
        .map(|from| {
            let to = (from + MAX_SENTENCE_TOKENS).min(range.end);
            Part { tokens: from..to, span: Span::new(seg.tokens[from].span.start, seg.tokens[to - 1].span.end) }
        })
        .collect()
}

/// The events of one sentence (or part): a clause event per trigger, then
/// their times; the bounds it sets and the day it leaves the discourse at.
fn read_part(a: usize, article: &ArticleInput<'_>, events: &mut Vec<Event>, discourse: &mut Discourse, bounds: &mut Bounds, s: SentenceRead<'_, '_>) {
    let seg = article.segmentation;
    let first = events.len();
    for (ti, tr) in s.triggers.iter().enumerate() {
        if tr.absorbed {
            continue;
        }
        let mut ev = clause::clause_event(a, article, &s, ti);
        if let Some(tx) = s.explicit.get(&ti) {
            anchor::set_explicit(&mut ev, tx, article.published, article.body);
        }
        events.push(ev);
    }
    // The sentence's own time, for bounds: its first explicit day, else (later) its first event's.
    let sentence_day = s.timexes.iter().find_map(|t| t.range.filter(|r| r.0 == r.1 && t.relation.is_none()).map(|r| r.0));
    let paragraph = seg.sentences[s.index].paragraph;
    anchor::sentence_times(events, first, article.body, discourse, article.published, seg, paragraph);
    anchor::collect_bounds(bounds, events, first, &s, sentence_day);
    discourse.update(sentence_day, &s.timexes);
}

/// Reads the events of one article, the `a`-th of the story: per sentence,
/// triggers -> clause events (participants) -> times; then, over the
/// article, definite references, bounds and statements at frames.
pub fn article_events(a: usize, article: &ArticleInput<'_>) -> Vec<Event> {
    let body = article.body;
    let seg = article.segmentation;
    let mut events: Vec<Event> = Vec::new();
    let mut discourse = Discourse::default();
    let mut bounds = Bounds::default();
    let index = Indexes::new(article);
    for (si, sentence) in seg.sentences.iter().enumerate() {
        if sentence.boilerplate {
            continue;
        }
        for part in parts(seg, si) {
            let s = read(article, &index, article.timexes, si, &part);
            read_part(a, article, &mut events, &mut discourse, &mut bounds, s);
        }
    }
    anchor::definite_references(&mut events);
    anchor::apply_bounds(&mut events, bounds, body);
    frames::attach_statements(&mut events);
    frames::keep_news_statements(&mut events);
    // No time at all, perfect-aspect statements: not timeline items.
    for e in &mut events {
        if e.vague && !e.explicit {
            e.dropped = true;
        }
    }
    events
}

/// A test article: its text read by the stages before this one.
#[cfg(test)]
pub(crate) struct Fixture {
    pub body: String,
    pub seg: Segmentation,
    pub quoted: Vec<Quoted>,
    pub entities: Entities,
    pub ids: Vec<String>,
    pub attributions: Attributions,
    pub timexes: Vec<Timex>,
    pub published: Date,
}

#[cfg(test)]
impl Fixture {
    pub(crate) fn new(body: &str) -> Fixture {
        let published = Date::new(2017, 4, 12).unwrap();
        let seg = crate::segment::segment(body);
        let quoted = crate::quotes::find(body, &seg);
        let entities = crate::entities::resolve(body, &seg, &quoted);
        let attributions = crate::attribution::attribute(body, &seg, &quoted, &entities);
        let ids = (0..entities.entities.len()).map(|e| format!("e{e}")).collect();
        let timexes = crate::time::timexes(body, &seg, published);
        Fixture { body: body.to_string(), seg, quoted, entities, ids, attributions, timexes, published }
    }

    pub(crate) fn input(&self) -> ArticleInput<'_> {
        ArticleInput {
            body: &self.body,
            published: self.published,
            segmentation: &self.seg,
            quoted: &self.quoted,
            entities: &self.entities,
            ids: &self.ids,
            attributions: &self.attributions,
            timexes: &self.timexes,
            event_mentions: &[],
        }
    }

    /// Sentence `si` as the passes read it.
    fn sentence(&self, si: usize) -> SentenceRead<'_, '_> {
        let part = parts(&self.seg, si).remove(0);
        read(&self.input(), &Indexes::new(&self.input()), &self.timexes, si, &part)
    }

    /// The events of the article (before merging).
    pub(crate) fn events(&self) -> Vec<Event> {
        article_events(0, &self.input())
    }

    /// The display name of an entity id.
    pub(crate) fn name(&self, id: &str) -> &str {
        &self.entities.entities[id[1..].parse::<usize>().unwrap()].name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_read_once_into_triggers_and_times() {
        let f = Fixture::new("On Thursday the president ordered a missile strike.");
        let s = f.sentence(0);
        let lemmas: Vec<&str> = s.triggers.iter().filter(|t| !t.absorbed).map(|t| t.lemma.as_str()).collect();
        assert_eq!(lemmas, ["strike"]);
        assert_eq!(s.explicit.len(), 1);
        assert_eq!(s.token_of(s.explicit.values().next().unwrap().span), 1);
    }

    #[test]
    fn article_events_are_dated_and_labelled() {
        let f = Fixture::new("John Smith met Mary Jones in Rome on Monday. Smith said the talks went well.");
        let events = f.events();
        let met = events.iter().find(|e| e.lemma == "meet").unwrap();
        assert_eq!(met.time.value.map(|v| v.to_string()).as_deref(), Some("2017-04-10"));
        assert_eq!(met.label.as_deref(), Some("John Smith meets Mary Jones in Rome"));
        let names: Vec<&str> = met.participants.iter().map(|p| f.name(p)).collect();
        assert_eq!(names, ["John Smith", "Mary Jones", "Rome"]);
    }
}
