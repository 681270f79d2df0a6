//! The story: every stage's output for a set of articles, in the shape of the
//! CLI's JSON contract (schema 1, see DESIGN.md).

use serde::Serialize;

use crate::date::Date;
use crate::document::Document;
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
    let segmentations: Vec<Segmentation> = inputs.iter().map(|input| segment(&input.document.body)).collect();
    let times: Vec<Vec<time::Timex>> = inputs
        .iter()
        .zip(&segmentations)
        .map(|(input, seg)| time::timexes(&input.document.body, seg, input.document.published))
        .collect();
    let event_inputs: Vec<events::ArticleInput<'_>> = inputs
        .iter()
        .zip(&segmentations)
        .zip(&times)
        .map(|((input, seg), timexes)| events::ArticleInput {
            id: &input.document.id,
            body: &input.document.body,
            segmentation: seg,
            timexes,
            published: input.document.published,
            mentions: &[],
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
        .zip(segmentations)
        .zip(&times)
        .map(|((input, segmentation), times)| {
            let doc = input.document;
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
                timexes: times
                    .iter()
                    .map(|t| TimexOut {
                        span: t.span,
                        kind: t.kind.name().to_string(),
                        value: t.value.clone(),
                        modifier: t.modifier.map(str::to_string),
                        note: t.note.clone(),
                    })
                    .collect(),
                quotes: Vec::new(),
                mentions: Vec::new(),
                segmentation,
            }
        })
        .collect();
    Story { schema: SCHEMA, articles, entities: Vec::new(), events }
}
