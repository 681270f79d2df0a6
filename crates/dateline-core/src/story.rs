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
    /// The full segmentation, for the explorer; not serialised.
    #[serde(skip)]
    pub segmentation: Segmentation,
}

#[derive(Clone, Debug, Serialize)]
pub struct TimexOut {
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
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
    // Stages 2-5 per article; entities are merged across articles as they come.
    let mut registry = Registry::default();
    let mut per_article = Vec::with_capacity(inputs.len());
    for input in inputs {
        let doc = input.document;
        let body = doc.body.as_str();
        let segmentation = segment(body);
        let quoted = quotes::find(body, &segmentation);
        let ents = entities::resolve(body, &segmentation, &quoted);
        let attributions = attribute(body, &segmentation, &quoted, &ents);
        let ids = registry.merge(&ents);
        let mentions: Vec<(Span, String)> =
            ents.mentions.iter().filter_map(|m| Some((m.span, ids[m.entity?].clone()))).collect();
        let timexes = time::timexes(body, &segmentation, doc.published);
        per_article.push((segmentation, attributions, ids, mentions, timexes));
    }

    // Stage 6 over the whole story.
    let event_inputs: Vec<events::ArticleInput<'_>> = inputs
        .iter()
        .zip(&per_article)
        .map(|(input, (segmentation, _, _, mentions, timexes))| events::ArticleInput {
            id: &input.document.id,
            body: &input.document.body,
            segmentation,
            timexes,
            published: input.document.published,
            mentions,
        })
        .collect();
    let timeline = events::timeline(&event_inputs);
    let events = timeline
        .items
        .iter()
        .enumerate()
        .map(|(n, item)| EventOut {
            id: format!("v{}", n + 1),
            label: item.label.clone(),
            when: When {
                value: item.value.clone(),
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
        .zip(per_article)
        .map(|(input, (segmentation, attributions, ids, mentions, timexes))| {
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
                        value: t.value.clone(),
                        modifier: t.modifier.map(str::to_string),
                        note: t.note.clone(),
                    })
                    .collect(),
                quotes: quotes_out(&attributions, &id),
                mentions: mentions.into_iter().map(|(span, entity)| MentionOut { span, entity }).collect(),
                segmentation,
            }
        })
        .collect();
    Story { schema: SCHEMA, articles, entities: registry.entities, events }
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
}
