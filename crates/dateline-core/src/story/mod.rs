//! The story: every stage's output for a set of articles, in the shape of the
//! CLI's JSON contract (schema 1, see DESIGN.md).
//!
//! Extraction is two steps, so that articles can be read apart (on several
//! threads, in a Web Worker, on a cluster) and brought together later:
//!
//! * [`extract_article`] runs every per-article stage (segmentation, quotes,
//!   entities, attribution, time, the article's events) and returns an
//!   [`ArticleExtraction`], which names entities by the article's own ids;
//! * [`merge`] brings articles together: the same entity across articles
//!   becomes one, the events of every article merge into the story
//!   timeline, and the [`Story`] is assembled.
//!
//! [`extract`] is the two in sequence. Both results serialise and
//! deserialise losslessly (serde). [`group`] sorts a corpus's articles into
//! stories (the same happening and its follow-ups); [`merge`] reports them.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::lexicon::Map;
use crate::document::Document;
use crate::entities::EntityKind;
use crate::events;
use crate::span::Span;
use crate::timex::TimexValue;

mod article;
mod group;
mod merge;
mod quotes;

pub use article::{extract_article, ArticleSteps};
pub use group::{article_keys, group, ArticleKeys, StoryGroup};
pub use merge::{merge, merge_as, merge_as_with, InOrder, MergeSteps, PerArticle};
#[cfg(feature = "stories")]
pub use merge::merge_stories;
pub use quotes::{word_diff, Diff, QuoteRef, QuoteVariant, Said, SaidBasis};

pub const SCHEMA: u32 = 1;

/// The extraction result for a set of articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub schema: u32,
    pub articles: Vec<ArticleResult>,
    pub entities: Vec<EntityOut>,
    pub events: Vec<EventOut>,
    /// The articles grouped into stories ([`group`]); not emitted
    /// without the `stories` feature.
    #[cfg_attr(not(feature = "stories"), serde(skip))]
    #[serde(default)]
    pub stories: Vec<StoryGroup>,
}

impl Story {
    /// Puts each article's body in `articles[].text`, from the extractions
    /// it was merged from (by article id): a story that reads without its
    /// files.
    pub fn add_texts(&mut self, extractions: &[ArticleExtraction]) {
        let bodies: Map<&str, &str> = extractions.iter().map(|a| (a.document.id.as_str(), a.document.body.as_str())).collect();
        for a in &mut self.articles {
            a.text = bodies.get(a.id.as_str()).map(|b| b.to_string());
        }
    }
}

/// What was extracted from one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleResult {
    pub id: String,
    /// The path the article came from, as given (empty for pasted text).
    pub path: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub published: Date,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    /// Sentences recognised as boilerplate (section labels, bylines, calls to action).
    pub boilerplate: Vec<Span>,
    pub timexes: Vec<TimexOut>,
    pub quotes: Vec<QuoteOut>,
    pub mentions: Vec<MentionOut>,
    /// TimeML event mentions (head words with a class); not emitted
    /// without the `event-mentions` feature.
    #[cfg_attr(not(feature = "event-mentions"), serde(skip))]
    #[serde(default)]
    pub event_mentions: Vec<EventMentionOut>,
    /// The article's body, when the story carries its texts (`dateline
    /// merge --text`): a story that opens without its articles.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimexOut {
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: String,
    /// Serialised as its TIMEX3 string (`2017-04-11`, `P1W`).
    pub value: TimexValue,
    /// TIMEX3 `mod` (`MORE_THAN`, `START`, ...), when there is one.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// How the value was resolved (anchor, cue, the alternative rejected), for the reader.
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteOut {
    pub content: Span,
    pub kind: String,
    pub cue: Option<Span>,
    pub source: Option<Span>,
    pub speaker: Option<String>,
    /// The cue verb's lemma ("say", "insist") or "according to".
    pub cue_verb: Option<String>,
    /// A few quoted words inside a sentence.
    pub partial: bool,
    /// A joint speaker ("They agreed"): every entity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    /// Who relayed the quote ("He repeated what X said"), if anyone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<ViaOut>,
    /// When the content is one turn interrupted by the attribution
    /// (“A,” she said. “B.”) or cut by "according to X": the pieces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Span>,
    /// In a story: when it was said, and at what ([`merge`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub said: Option<Said>,
    /// In a story: the same quote in other outlets' articles, on its first wording.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<QuoteVariant>,
    /// In a story: the first wording of this quote, when another article has it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant_of: Option<QuoteRef>,
}

impl QuoteOut {
    /// What was quoted: the parts joined by "…" when the attribution
    /// interrupts it (“A,” she said. “B.”), else the content; trimmed. A span
    /// outside `body` reads as empty.
    pub fn text(&self, body: &str) -> String {
        let piece = |s: Span| body.get(s.start..s.end).unwrap_or("").trim();
        if self.parts.len() > 1 {
            self.parts.iter().map(|&p| piece(p)).collect::<Vec<_>>().join(" … ")
        } else {
            piece(self.content).to_string()
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ViaOut {
    pub cue: Span,
    pub source: Option<Span>,
    pub speaker: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionOut {
    pub span: Span,
    pub entity: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventMentionOut {
    pub span: Span,
    /// `OCCURRENCE`, `REPORTING`, `STATE`, `I_ACTION`, `I_STATE`, `ASPECTUAL` or `PERCEPTION`.
    pub class: String,
    /// The time of the mention's event.
    pub when: When,
    /// Entity ids of the mention's clause.
    pub participants: Vec<String>,
    /// The story event (timeline item) it is a mention of, if any.
    pub event: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityOut {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub titles: Vec<String>,
    pub aliases: Vec<String>,
    pub affiliation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventOut {
    pub id: String,
    pub label: String,
    pub when: When,
    pub participants: Vec<String>,
    pub evidence: Vec<Evidence>,
    /// Undated: shown apart from the dated items.
    pub background: bool,
    /// How the time was found (explicit, inherited, bounded), for the reader.
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct When {
    pub value: Option<String>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
}

impl When {
    /// A time's value and bounds, written as TIMEX3 strings.
    pub(crate) fn of(value: Option<TimexValue>, earliest: Option<Date>, latest: Option<Date>) -> When {
        When { value: value.map(|v| v.to_string()), earliest: earliest.map(|d| d.to_string()), latest: latest.map(|d| d.to_string()) }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub article: String,
    pub span: Span,
}

/// One article through every per-article stage ([`extract_article`]): its
/// metadata and body, what the stages found, its entities and its events.
/// Entity ids (`e1`, `e2`, ...) are the article's own: `eN` is
/// `entities[N - 1]`; [`merge`] maps them to the story's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleExtraction {
    pub schema: u32,
    pub document: Document,
    /// The path the article came from, as given (empty for pasted text).
    #[serde(default)]
    pub path: String,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub boilerplate: Vec<Span>,
    pub timexes: Vec<TimexOut>,
    pub quotes: Vec<QuoteOut>,
    pub mentions: Vec<MentionOut>,
    /// Empty without the `event-mentions` feature.
    #[serde(default)]
    pub event_mentions: Vec<ArticleEventMention>,
    pub entities: Vec<ArticleEntity>,
    /// The article's clause events, before the story merge.
    pub events: Vec<events::Event>,
}

impl ArticleExtraction {
    /// Whether [`merge`] can take this extraction as it is (one read from a
    /// file may have been written by another version or edited): the
    /// schema it was written with, every span inside the body on character
    /// boundaries, every entity id one of its own entities, every event
    /// index one of its events. The error names the first problem.
    pub fn check(&self) -> Result<(), String> {
        if self.schema != SCHEMA {
            return Err(format!("schema {} (this engine reads schema {SCHEMA})", self.schema));
        }
        let body = self.document.body.as_str();
        let span = |what: &str, s: Span| -> Result<(), String> {
            if s.end <= body.len() && body.is_char_boundary(s.start) && body.is_char_boundary(s.end) {
                Ok(())
            } else {
                Err(format!("{what} [{}, {}] is not inside the body ({} bytes) on character boundaries", s.start, s.end, body.len()))
            }
        };
        let entity = |what: &str, id: &str| -> Result<(), String> {
            if local_index(id).is_some_and(|i| i < self.entities.len()) {
                Ok(())
            } else {
                Err(format!("{what} names entity “{id}”, which the article does not have"))
            }
        };
        for &s in self.paragraphs.iter().chain(&self.sentences).chain(&self.boilerplate) {
            span("a sentence or paragraph", s)?;
        }
        for t in &self.timexes {
            span("a time expression", t.span)?;
        }
        for q in &self.quotes {
            let via = q.via.iter().flat_map(|v| [Some(v.cue), v.source]).flatten();
            for s in [Some(q.content), q.cue, q.source].into_iter().flatten().chain(q.parts.iter().copied()).chain(via) {
                span("a quote", s)?;
            }
            for id in q.speaker.iter().chain(&q.speakers).chain(q.via.iter().flat_map(|v| &v.speaker)) {
                entity("a quote", id)?;
            }
        }
        for m in &self.mentions {
            span("an entity mention", m.span)?;
            entity("an entity mention", &m.entity)?;
        }
        for m in &self.event_mentions {
            span("an event mention", m.span)?;
            m.participants.iter().try_for_each(|id| entity("an event mention", id))?;
            if m.event.is_some_and(|e| e >= self.events.len()) {
                return Err(format!("an event mention names event {:?} of {}", m.event, self.events.len()));
            }
        }
        for e in &self.events {
            span("an event", e.evidence)?;
            span("an event", e.trigger)?;
            e.participants.iter().chain(&e.speaker).try_for_each(|id| entity("an event", id))?;
            if e.at_frame.is_some_and(|f| f >= self.events.len()) {
                return Err(format!("an event names frame {:?} of {}", e.at_frame, self.events.len()));
            }
        }
        Ok(())
    }
}

/// An event mention of one article: as [`EventMentionOut`], typed, with
/// `event` the index of its clause event in [`ArticleExtraction::events`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleEventMention {
    pub span: Span,
    pub class: events::mentions::EventClass,
    pub when: MentionTime,
    pub participants: Vec<String>,
    pub event: Option<usize>,
}

/// A mention's time as [`When`] writes it, typed.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionTime {
    pub value: Option<TimexValue>,
    pub earliest: Option<Date>,
    pub latest: Option<Date>,
}

impl MentionTime {
    pub(crate) fn of(t: &events::EventTime) -> MentionTime {
        MentionTime { value: t.value, earliest: t.earliest, latest: t.latest }
    }

    pub(crate) fn when(self) -> When {
        When::of(self.value, self.earliest, self.latest)
    }
}

/// An entity of one article, with what the story merge compares.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleEntity {
    pub name: String,
    pub kind: EntityKind,
    pub titles: Vec<String>,
    pub aliases: Vec<String>,
    pub affiliation: Option<String>,
    /// For persons: the lower-cased given name and surname.
    pub given: Option<String>,
    pub surname: Option<String>,
}

/// The id an article gives its `index`-th entity.
pub(crate) fn local_id(index: usize) -> String {
    format!("e{}", index + 1)
}

/// The index of the entity an article id names: `e3` is 2. Only the ids
/// [`local_id`] writes (`e03` and `e0` are none).
pub(crate) fn local_index(id: &str) -> Option<usize> {
    let index = id.strip_prefix('e')?.parse::<usize>().ok()?.checked_sub(1)?;
    (local_id(index) == id).then_some(index)
}

/// An input to [`extract`]: a document and where it came from.
pub struct Input<'a> {
    pub document: &'a Document,
    pub path: &'a str,
}

/// Runs every stage over `inputs` and assembles the story: [`merge`] of
/// each input's [`extract_article`].
pub fn extract(inputs: &[Input<'_>]) -> Story {
    let mut extraction = Extraction::default();
    while extraction.step(inputs) {}
    extraction.finish(inputs)
}

/// The extraction of a story one step at a time, for a caller that must stay
/// responsive (the explorer runs a few steps per task). A step runs part of
/// one article's stages ([`ArticleSteps`]); [`Extraction::finish`] merges the
/// articles. Stepping to the end gives exactly [`extract`]'s result. Every
/// call must pass the same `inputs`.
#[derive(Default)]
pub struct Extraction {
    done: Vec<ArticleExtraction>,
    current: ArticleSteps,
}

impl Extraction {
    /// Runs the next step; false when only [`Extraction::finish`] is left.
    pub fn step(&mut self, inputs: &[Input<'_>]) -> bool {
        let Some(input) = inputs.get(self.done.len()) else {
            return false;
        };
        if let Some(mut article) = self.current.step(input.document) {
            article.path = input.path.to_string();
            self.done.push(article);
        }
        self.done.len() < inputs.len()
    }

    /// How many articles are through every per-article stage.
    pub fn articles_done(&self) -> usize {
        self.done.len()
    }

    /// Runs the steps left and merges the articles into the story.
    pub fn finish(mut self, inputs: &[Input<'_>]) -> Story {
        while self.step(inputs) {}
        merge(&self.done)
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, body: &str) -> Document {
        Document { id: id.into(), title: None, outlet: None, published: Date::new(2020, 1, 1).unwrap(), url: None, body: body.into() }
    }

    #[test]
    fn local_ids_read_back_only_as_written() {
        assert_eq!(local_index(&local_id(2)), Some(2));
        for bad in ["e0", "e03", "x3", "e", "e-1", "3"] {
            assert_eq!(local_index(bad), None, "{bad}");
        }
    }

    #[test]
    fn same_person_across_articles_is_one_entity() {
        let a = doc("a", "Foreign Minister Khalid al-Rashid met reporters. Al-Rashid said the talks were useful.");
        let b = doc("b", "Rashid said on Monday that the border would reopen. Minister Khalid al-Rashid spoke in Cairo.");
        let story = extract(&[Input { document: &a, path: "a" }, Input { document: &b, path: "b" }]);
        let people: Vec<&EntityOut> = story.entities.iter().filter(|e| e.kind == "person").collect();
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].name, "Khalid al-Rashid");
        assert!(people[0].titles.iter().any(|t| t == "Foreign Minister"));
        let speakers: Vec<&Option<String>> = story.articles.iter().flat_map(|a| a.quotes.iter().map(|q| &q.speaker)).collect();
        assert!(speakers.iter().all(|s| s.as_deref() == Some(people[0].id.as_str())), "{speakers:?}");
    }

    #[test]
    fn stepping_gives_the_same_story_with_progress() {
        let a = doc("a", "Foreign Minister Khalid al-Rashid met reporters on Monday. \"It went well,\" he said.\n\nThe talks resume on Friday.");
        let b = doc("b", "Rashid said on Monday that the border would reopen.");
        let inputs = [Input { document: &a, path: "a" }, Input { document: &b, path: "b" }];
        let mut extraction = Extraction::default();
        let mut steps = 0;
        let mut done = vec![extraction.articles_done()];
        while extraction.step(&inputs) {
            steps += 1;
            done.push(extraction.articles_done());
        }
        assert_eq!(steps, 5, "three steps per article, the last one returns false");
        assert_eq!(done, [0, 0, 0, 1, 1, 1]);
        assert_eq!(extraction.articles_done(), 2);
        assert_eq!(format!("{:?}", extraction.finish(&inputs)), format!("{:?}", extract(&inputs)));
        // Finishing early runs the steps left.
        let mut early = Extraction::default();
        early.step(&inputs);
        assert_eq!(format!("{:?}", early.finish(&inputs)), format!("{:?}", extract(&inputs)));
        assert!(!Extraction::default().step(&[]));
    }

    #[test]
    fn merging_in_steps_gives_the_same_story() {
        let a = doc("a", "Foreign Minister Khalid al-Rashid met reporters on Monday. \"It went well,\" he said.\n\nThe talks resume on Friday.");
        let b = doc("b", "Rashid said on Monday that the border would reopen. Al-Rashid met reporters in Cairo on Monday.");
        let articles = [extract_article(&a), extract_article(&b)];
        let in_steps = |articles: &[ArticleExtraction]| {
            let mut merging = MergeSteps::new(articles);
            let mut steps = 1;
            loop {
                match merging.step() {
                    Some(story) => return (story, steps),
                    None => steps += 1,
                }
            }
        };
        let (story, steps) = in_steps(&articles);
        assert_eq!(steps, 2 + 1 + 2 + 1, "each article's events, the timeline, each article's result, the story");
        assert!(story.events.iter().any(|e| e.evidence.len() == 2), "the meeting is one item: {:?}", story.events);
        assert_eq!(format!("{story:?}"), format!("{:?}", merge(&articles)));
        assert_eq!(in_steps(&[]).1, 2, "no articles: the (empty) timeline, then the story");
    }
}
