//! The story: every stage's output for a set of articles, in the shape of the
//! CLI's JSON contract (schema 1, see DESIGN.md).

use serde::Serialize;

use crate::attribution::{attribute, Attributions};
use crate::date::Date;
use crate::document::Document;
use crate::entities::{self, Entities, EntityKind};
use crate::quotes;
use crate::segment::{segment, Segmentation};
use crate::span::Span;
use crate::timex::TimexValue;
#[cfg(feature = "event-mentions")]
use crate::tag;
use crate::{events, time};

pub const SCHEMA: u32 = 1;

/// The extraction result for a set of articles.
#[derive(Clone, Debug, Serialize)]
pub struct Story {
    pub schema: u32,
    pub articles: Vec<ArticleResult>,
    pub entities: Vec<EntityOut>,
    pub events: Vec<EventOut>,
}

/// What was extracted from one article.
#[derive(Clone, Debug, Serialize)]
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
    pub event_mentions: Vec<EventMentionOut>,
    /// The full segmentation, for the explorer; not serialised.
    #[serde(skip)]
    pub segmentation: Segmentation,
}

#[derive(Clone, Debug, Serialize)]
pub struct TimexOut {
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: String,
    /// Serialised as its TIMEX3 string (`2017-04-11`, `P1W`).
    pub value: TimexValue,
    /// TIMEX3 `mod` (`MORE_THAN`, `START`, ...), when there is one.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<String>,
    /// How the value was resolved (anchor, cue, the alternative rejected), for the reader.
    pub note: String,
}

#[derive(Clone, Debug, Serialize)]
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<String>,
    /// Who relayed the quote ("He repeated what X said"), if anyone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<ViaOut>,
    /// When the content is one turn interrupted by the attribution
    /// (“A,” she said. “B.”) or cut by "according to X": the pieces.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Span>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ViaOut {
    pub cue: Span,
    pub source: Option<Span>,
    pub speaker: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct MentionOut {
    pub span: Span,
    pub entity: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct EventMentionOut {
    pub span: Span,
    /// `OCCURRENCE`, `REPORTING`, `STATE`, `I_ACTION`, `I_STATE`, `ASPECTUAL` or `PERCEPTION`.
    pub class: &'static str,
    /// The time of the mention's event.
    pub when: When,
    /// Entity ids of the mention's clause.
    pub participants: Vec<String>,
    /// The story event (timeline item) it is a mention of, if any.
    pub event: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct EntityOut {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub titles: Vec<String>,
    pub aliases: Vec<String>,
    pub affiliation: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
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

#[derive(Clone, Debug, Serialize)]
pub struct When {
    pub value: Option<String>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
}

impl When {
    fn of(t: &events::EventTime) -> When {
        When { value: t.value.map(|v| v.to_string()), earliest: t.earliest.map(|d| d.to_string()), latest: t.latest.map(|d| d.to_string()) }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Evidence {
    pub article: String,
    pub span: Span,
}

/// An input to [`extract`]: a document and where it came from.
pub struct Input<'a> {
    pub document: &'a Document,
    pub path: &'a str,
}

/// Runs every stage over `inputs` and assembles the story.
pub fn extract(inputs: &[Input<'_>]) -> Story {
    let mut extraction = Extraction::default();
    while extraction.step(inputs) {}
    extraction.finish(inputs)
}

/// The extraction of a story one step at a time, for a caller that must stay
/// responsive (the explorer runs a few steps per task). A step runs part of
/// one article's stages; [`Extraction::finish`] merges the timeline and
/// assembles the [`Story`]. Stepping to the end gives exactly [`extract`]'s
/// result. Every call must pass the same `inputs`.
#[derive(Default)]
pub struct Extraction {
    /// Entities merged across the articles analysed so far.
    registry: Registry,
    /// Articles through stages 2-5 (their events are in `events`).
    analysed: Vec<Analysed>,
    /// The article in progress: through stage 3, then through stage 5.
    read: Option<(Segmentation, Vec<quotes::Quoted>, Entities)>,
    attributed: Option<Analysed>,
    /// Stage 6's events of the articles analysed so far, in article order.
    events: Vec<events::Event>,
}

/// One article through stages 2-5, with the global id of each of its entities.
struct Analysed {
    segmentation: Segmentation,
    quoted: Vec<quotes::Quoted>,
    entities: Entities,
    attributions: Attributions,
    ids: Vec<String>,
    timexes: Vec<time::Timex>,
    /// TimeML event mentions, in text order.
    event_mentions: Vec<events::mentions::EventMention>,
    /// Each event mention's time, participants and clause event.
    links: Vec<events::links::MentionLink>,
}

impl Extraction {
    /// Runs the next step; false when only [`Extraction::finish`] is left.
    /// Three steps per article: segmentation, quotes and entities; then
    /// attribution, the cross-article entity merge and time; then its events.
    pub fn step(&mut self, inputs: &[Input<'_>]) -> bool {
        let a = self.analysed.len();
        let Some(input) = inputs.get(a) else { return false };
        let doc = input.document;
        let body = doc.body.as_str();
        if let Some(mut analysed) = self.attributed.take() {
            let input = event_input(doc, &analysed);
            let article_events = events::article_events(a, &input);
            analysed.links = events::links::link_mentions(&input, &article_events);
            self.events.extend(article_events);
            self.analysed.push(analysed);
        } else if let Some((segmentation, quoted, ents)) = self.read.take() {
            let attributions = attribute(body, &segmentation, &quoted, &ents);
            let ids = self.registry.merge(&ents);
            let timexes = time::timexes(body, &segmentation, doc.published);
            let event_mentions = event_mentions(body, &segmentation, &timexes, &ents);
            self.attributed = Some(Analysed { segmentation, quoted, entities: ents, attributions, ids, timexes, event_mentions, links: Vec::new() });
        } else {
            let segmentation = segment(body);
            let quoted = quotes::find(body, &segmentation);
            let ents = entities::resolve(body, &segmentation, &quoted);
            self.read = Some((segmentation, quoted, ents));
        }
        self.analysed.len() < inputs.len()
    }

    /// How many articles are through every per-article stage.
    pub fn articles_done(&self) -> usize {
        self.analysed.len()
    }

    /// Merges the events into the story timeline and assembles the story;
    /// runs the steps left first.
    pub fn finish(mut self, inputs: &[Input<'_>]) -> Story {
        while self.step(inputs) {}
        let timeline = events::merge_timeline(self.events);
        // The timeline item of each clause event, for its mentions' `event`.
        let mut item_of: Vec<Option<usize>> = vec![None; timeline.events.len()];
        for (i, item) in timeline.items.iter().enumerate() {
            for &e in &item.members {
                item_of[e] = Some(i);
            }
        }
        let events = timeline
            .items
            .iter()
            .enumerate()
            .map(|(n, item)| EventOut {
                id: format!("v{}", n + 1),
                label: item.label.clone(),
                when: When {
                    value: item.value.map(|v| v.to_string()),
                    earliest: item.earliest.map(|d| d.to_string()),
                    latest: item.latest.map(|d| d.to_string()),
                },
                participants: item.participants.clone(),
                evidence: item.evidence.iter().map(|&(a, span)| Evidence { article: inputs[a].document.id.clone(), span }).collect(),
                background: item.background,
                note: item.note.clone(),
            })
            .collect();

        let articles = inputs
            .iter()
            .zip(self.analysed)
            .enumerate()
            .map(|(a, (input, Analysed { segmentation, entities, attributions, ids, timexes, event_mentions, links, .. }))| {
                // The article's clause events come together, in article order.
                let first_event = timeline.events.partition_point(|e| e.article < a);
                let doc = input.document;
                let id = |e: usize| ids[e].clone();
                ArticleResult {
                    id: doc.id.clone(),
                    path: input.path.to_string(),
                    title: doc.title.clone(),
                    outlet: doc.outlet.clone(),
                    url: doc.url.clone(),
                    published: doc.published,
                    paragraphs: segmentation.paragraphs.clone(),
                    sentences: segmentation.sentences.iter().map(|s| s.span).collect(),
                    boilerplate: segmentation.sentences.iter().filter(|s| s.boilerplate).map(|s| s.span).collect(),
                    timexes: timexes
                        .iter()
                        .map(|t| TimexOut {
                            span: t.span,
                            kind: t.kind.name().to_string(),
                            value: t.value,
                            modifier: t.modifier.map(str::to_string),
                            note: t.note.clone(),
                        })
                        .collect(),
                    quotes: quotes_out(&attributions, &id),
                    mentions: entities.mentions.iter().filter_map(|m| Some(MentionOut { span: m.span, entity: id(m.entity?) })).collect(),
                    event_mentions: event_mentions
                        .iter()
                        .zip(&links)
                        .map(|(m, link)| EventMentionOut {
                            span: m.span,
                            class: m.class.name(),
                            when: When::of(&link.when),
                            participants: link.participants.clone(),
                            event: link.event.and_then(|e| item_of[first_event + e]).map(|i| format!("v{}", i + 1)),
                        })
                        .collect(),
                    segmentation,
                }
            })
            .collect();
        Story { schema: SCHEMA, articles, entities: self.registry.entities, events }
    }
}

/// The article's event mentions; words inside temporal expressions and
/// entity mentions are not events.
#[cfg(feature = "event-mentions")]
fn event_mentions(body: &str, seg: &Segmentation, timexes: &[time::Timex], ents: &Entities) -> Vec<events::mentions::EventMention> {
    let tags = tag::tag(body, seg);
    let exclude: Vec<Span> = timexes.iter().map(|t| t.span).chain(ents.mentions.iter().map(|m| m.span)).collect();
    events::mentions::find(body, seg, &tags, &exclude)
}

/// Built without the `event-mentions` feature (the explorer): none.
#[cfg(not(feature = "event-mentions"))]
fn event_mentions(_: &str, _: &Segmentation, _: &[time::Timex], _: &Entities) -> Vec<events::mentions::EventMention> {
    Vec::new()
}

/// What the events stage reads of one analysed article.
fn event_input<'a>(doc: &'a Document, analysed: &'a Analysed) -> events::ArticleInput<'a> {
    events::ArticleInput {
        body: &doc.body,
        published: doc.published,
        segmentation: &analysed.segmentation,
        quoted: &analysed.quoted,
        entities: &analysed.entities,
        ids: &analysed.ids,
        attributions: &analysed.attributions,
        timexes: &analysed.timexes,
        event_mentions: &analysed.event_mentions,
    }
}

fn quotes_out(attributions: &Attributions, id: &dyn Fn(usize) -> String) -> Vec<QuoteOut> {
    attributions
        .quotes
        .iter()
        .map(|q| QuoteOut {
            content: q.content,
            kind: q.kind.as_str().to_string(),
            cue: q.cue,
            source: q.source,
            speaker: q.speaker.map(id),
            cue_verb: q.cue_verb.map(str::to_string),
            partial: q.partial,
            speakers: q.speakers.iter().map(|&e| id(e)).collect(),
            via: q.via.as_ref().map(|v| ViaOut { cue: v.cue, source: v.source, speaker: v.speaker.map(id) }),
            parts: q.parts.clone(),
        })
        .collect()
}

/// The story's entities across articles: the same person (same surname, no
/// conflicting given name) or the same organisation, place or group (same
/// name) is one entity with the union of aliases and titles.
#[derive(Default)]
struct Registry {
    entities: Vec<EntityOut>,
    /// per global entity: kind, lower-case given name and surname
    keys: Vec<(EntityKind, Option<String>, Option<String>)>,
}

impl Registry {
    /// Adds one article's entities; returns the global id of each.
    fn merge(&mut self, ents: &Entities) -> Vec<String> {
        let mut ids = Vec::with_capacity(ents.entities.len());
        for e in &ents.entities {
            let found = self.keys.iter().position(|(kind, given, surname)| {
                *kind == e.kind
                    && match e.kind {
                        EntityKind::Person => {
                            surname.is_some() && *surname == e.surname && (given.is_none() || e.given.is_none() || *given == e.given)
                        }
                        _ => false,
                    }
            });
            let found = found.or_else(|| {
                (e.kind != EntityKind::Person).then(|| self.entities.iter().position(|g| g.kind == e.kind.as_str() && g.name.eq_ignore_ascii_case(&e.name))).flatten()
            });
            let index = match found {
                Some(i) => {
                    let g = &mut self.entities[i];
                    if self.keys[i].1.is_none() && e.given.is_some() {
                        let old = std::mem::replace(&mut g.name, e.name.clone());
                        push_unique(&mut g.aliases, old);
                        self.keys[i].1 = e.given.clone();
                    } else if g.name != e.name {
                        push_unique(&mut g.aliases, e.name.clone());
                    }
                    for a in &e.aliases {
                        push_unique(&mut g.aliases, a.clone());
                    }
                    for t in &e.titles {
                        if !g.titles.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                            g.titles.push(t.clone());
                        }
                    }
                    if g.affiliation.is_none() {
                        g.affiliation = e.affiliation.clone();
                    }
                    let name = g.name.clone();
                    g.aliases.retain(|a| *a != name);
                    i
                }
                None => {
                    self.entities.push(EntityOut {
                        id: format!("e{}", self.entities.len() + 1),
                        name: e.name.clone(),
                        kind: e.kind.as_str().to_string(),
                        titles: e.titles.clone(),
                        aliases: e.aliases.iter().filter(|a| **a != e.name).cloned().collect(),
                        affiliation: e.affiliation.clone(),
                    });
                    self.keys.push((e.kind, e.given.clone(), e.surname.clone()));
                    self.entities.len() - 1
                }
            };
            ids.push(self.entities[index].id.clone());
        }
        ids
    }
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, body: &str) -> Document {
        Document { id: id.into(), title: None, outlet: None, published: Date::new(2020, 1, 1).unwrap(), url: None, body: body.into() }
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
}
