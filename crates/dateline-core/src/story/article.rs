//! Every per-article stage, in three steps: [`extract_article`].

use std::collections::HashMap;

use crate::attribution::{attribute, Attributions};
use crate::document::Document;
use crate::entities::{self, Entities};
use crate::events::{self, links::MentionLink, mentions::EventMention};
use crate::quotes::{self, Quoted};
use crate::segment::{segment, Segmentation};
#[cfg(feature = "event-mentions")]
use crate::span::Span;
#[cfg(feature = "event-mentions")]
use crate::tag;
use crate::time::{self, Timex};

use super::merge::Registry;
use super::{
    local_id, ArticleEntity, ArticleEventMention, ArticleExtraction, MentionOut, QuoteOut,
    TimexOut, ViaOut, When, SCHEMA,
};

/// Runs every per-article stage over `document`.
pub fn extract_article(document: &Document) -> ArticleExtraction {
    let mut steps = ArticleSteps::default();
    loop {
        if let Some(article) = steps.step(document) {
            return article;
        }
    }
}

/// One article's stages a step at a time: segmentation, quotes and
/// entities; then attribution, time and event mentions; then its events.
/// Every call must pass the same document.
#[derive(Default)]
pub struct ArticleSteps {
    read: Option<(Segmentation, Vec<Quoted>, Entities)>,
    attributed: Option<Attributed>,
}

/// One article through attribution and time.
struct Attributed {
    segmentation: Segmentation,
    quoted: Vec<Quoted>,
    entities: Entities,
    ids: Vec<String>,
    attributions: Attributions,
    timexes: Vec<Timex>,
    /// TimeML event mentions, in text order.
    event_mentions: Vec<EventMention>,
}

impl ArticleSteps {
    /// Runs the next step; the article's extraction after the third, and
    /// then the steps start over.
    pub fn step(&mut self, doc: &Document) -> Option<ArticleExtraction> {
        let body = doc.body.as_str();
        if let Some(attributed) = self.attributed.take() {
            return Some(finish(doc, attributed));
        }
        if let Some((segmentation, quoted, entities)) = self.read.take() {
            let attributions = attribute(body, &segmentation, &quoted, &entities);
            let timexes = time::timexes(body, &segmentation, doc.published);
            let event_mentions = event_mentions(body, &segmentation, &timexes, &entities);
            let ids = key_ids(&entities.entities.iter().map(entity_out).collect::<Vec<_>>());
            self.attributed = Some(Attributed {
                segmentation,
                quoted,
                entities,
                ids,
                attributions,
                timexes,
                event_mentions,
            });
        } else {
            let segmentation = segment(body);
            let quoted = quotes::find(body, &segmentation);
            let entities = entities::resolve(body, &segmentation, &quoted);
            self.read = Some((segmentation, quoted, entities));
        }
        None
    }
}

/// The article's events and the links of its event mentions, and the
/// extraction assembled.
fn finish(doc: &Document, a: Attributed) -> ArticleExtraction {
    let input = events::ArticleInput {
        body: &doc.body,
        published: doc.published,
        segmentation: &a.segmentation,
        quoted: &a.quoted,
        entities: &a.entities,
        ids: &a.ids,
        attributions: &a.attributions,
        timexes: &a.timexes,
        event_mentions: &a.event_mentions,
    };
    let article_events = events::article_events(0, &input);
    let links = events::links::link_mentions(&input, &article_events);
    let seg = &a.segmentation;
    ArticleExtraction {
        schema: SCHEMA,
        document: doc.clone(),
        path: String::new(),
        paragraphs: seg.paragraphs.clone(),
        sentences: seg.sentences.iter().map(|s| s.span).collect(),
        boilerplate: seg
            .sentences
            .iter()
            .filter(|s| s.boilerplate)
            .map(|s| s.span)
            .collect(),
        timexes: a.timexes.iter().map(timex_out).collect(),
        quotes: quotes_out(&a.attributions),
        mentions: a
            .entities
            .mentions
            .iter()
            .filter_map(|m| {
                Some(MentionOut {
                    span: m.span,
                    entity: local_id(m.entity?),
                })
            })
            .collect(),
        event_mentions: a
            .event_mentions
            .iter()
            .zip(&links)
            .map(|(m, link)| event_mention_out(m, link))
            .collect(),
        entities: a.entities.entities.iter().map(entity_out).collect(),
        events: article_events,
    }
}

/// The key the events stage gives each entity: its own id, or the id of the
/// first entity of the article the story merge will take it for.
fn key_ids(entities: &[ArticleEntity]) -> Vec<String> {
    let merged = Registry::default().merge(entities);
    let mut first: HashMap<&str, usize> = HashMap::new();
    merged
        .iter()
        .enumerate()
        .map(|(i, m)| local_id(*first.entry(m.as_str()).or_insert(i)))
        .collect()
}

fn timex_out(t: &Timex) -> TimexOut {
    TimexOut {
        span: t.span,
        kind: t.kind.name().to_string(),
        value: t.value,
        modifier: t.modifier.map(str::to_string),
        note: t.note.clone(),
    }
}

fn event_mention_out(m: &EventMention, link: &MentionLink) -> ArticleEventMention {
    ArticleEventMention {
        span: m.span,
        class: m.class.name().to_string(),
        when: When::of(&link.when),
        participants: link.participants.clone(),
        event: link.event,
    }
}

fn entity_out(e: &entities::Entity) -> ArticleEntity {
    ArticleEntity {
        name: e.name.clone(),
        kind: e.kind,
        titles: e.titles.clone(),
        aliases: e.aliases.clone(),
        affiliation: e.affiliation.clone(),
        given: e.given.clone(),
        surname: e.surname.clone(),
    }
}

/// The article's event mentions; words inside temporal expressions and
/// entity mentions are not events.
#[cfg(feature = "event-mentions")]
fn event_mentions(
    body: &str,
    seg: &Segmentation,
    timexes: &[Timex],
    ents: &Entities,
) -> Vec<EventMention> {
    let tags = tag::tag(body, seg);
    let exclude: Vec<Span> = timexes
        .iter()
        .map(|t| t.span)
        .chain(ents.mentions.iter().map(|m| m.span))
        .collect();
    events::mentions::find(body, seg, &tags, &exclude)
}

/// Built without the `event-mentions` feature (the explorer): none.
#[cfg(not(feature = "event-mentions"))]
fn event_mentions(_: &str, _: &Segmentation, _: &[Timex], _: &Entities) -> Vec<EventMention> {
    Vec::new()
}

fn quotes_out(attributions: &Attributions) -> Vec<QuoteOut> {
    attributions
        .quotes
        .iter()
        .map(|q| QuoteOut {
            content: q.content,
            kind: q.kind.as_str().to_string(),
            cue: q.cue,
            source: q.source,
            speaker: q.speaker.map(local_id),
            cue_verb: q.cue_verb.map(str::to_string),
            partial: q.partial,
            speakers: q.speakers.iter().map(|&e| local_id(e)).collect(),
            via: q.via.as_ref().map(|v| ViaOut {
                cue: v.cue,
                source: v.source,
                speaker: v.speaker.map(local_id),
            }),
            parts: q.parts.clone(),
            said: None,
            variants: Vec::new(),
            variant_of: None,
        })
        .collect()
}
