//! Articles brought together into a story: [`merge`].


use crate::entities::EntityKind;
use crate::lexicon::Map;
use crate::events;
use crate::timex::TimexValue;

#[cfg(feature = "stories")]
use super::group::{article_keys, group, ArticleKeys};
use super::group::StoryGroup;
use super::quotes;
use super::{
    local_index, ArticleEntity, ArticleExtraction, ArticleResult, EntityOut, EventMentionOut,
    EventOut, Evidence, MentionOut, QuoteOut, Story, ViaOut, When, SCHEMA,
};

/// Merges per-article extractions (in story order) into the story: one
/// entity per person or organisation across articles, the events of every
/// article merged into the timeline, each article's ids mapped to the
/// story's. An id an article does not define (hand-edited input) is dropped.
pub fn merge(articles: &[ArticleExtraction]) -> Story {
    merge_as(articles, stories(articles))
}

/// The stories of `articles` ([`group`]).
#[cfg(feature = "stories")]
fn stories(articles: &[ArticleExtraction]) -> Vec<StoryGroup> {
    let keys: Vec<ArticleKeys> = articles.iter().map(article_keys).collect();
    group(&keys)
}

/// Built without the `stories` feature (the explorer): none.
#[cfg(not(feature = "stories"))]
fn stories(_: &[ArticleExtraction]) -> Vec<StoryGroup> {
    Vec::new()
}

/// The corpus grouped into stories ([`group`]) and each story merged on its
/// own: one [`Story`] per group, in group order, whose `stories` is that
/// group. What a corpus of many stories is, one story at a time.
#[cfg(feature = "stories")]
pub fn merge_stories(articles: &[ArticleExtraction]) -> Vec<Story> {
    let keys: Vec<ArticleKeys> = articles.iter().map(article_keys).collect();
    let index: Map<&str, usize> = articles.iter().enumerate().map(|(i, a)| (a.document.id.as_str(), i)).collect();
    group(&keys)
        .into_iter()
        .map(|g| {
            let members: Vec<&ArticleExtraction> = g.articles.iter().filter_map(|id| index.get(id.as_str())).map(|&i| &articles[i]).collect();
            merge_refs(members, vec![g], &InOrder)
        })
        .collect()
}

/// The story of `articles`, reporting `stories` as their grouping. With a
/// group of [`group`] and its articles, in its order: that story as
/// [`merge_stories`] gives it, for a caller that groups in one place and
/// merges each story in another (the Spark job).
pub fn merge_as(articles: &[ArticleExtraction], stories: Vec<StoryGroup>) -> Story {
    merge_as_with(articles, stories, &InOrder)
}

/// How the merge runs its per-article step (each article's result, with the
/// story's ids): [`InOrder`] here and in the page; a caller with threads
/// (the CLI) runs the steps on them. Results come back in article order.
pub trait PerArticle {
    fn run(&self, articles: usize, step: &(dyn Fn(usize) -> ArticleResult + Sync)) -> Vec<ArticleResult>;
}

/// The per-article steps one after the other.
pub struct InOrder;

impl PerArticle for InOrder {
    fn run(&self, articles: usize, step: &(dyn Fn(usize) -> ArticleResult + Sync)) -> Vec<ArticleResult> {
        (0..articles).map(step).collect()
    }
}

/// [`merge_as`] with the per-article steps run by `each`: the same story.
pub fn merge_as_with(articles: &[ArticleExtraction], stories: Vec<StoryGroup>, each: &dyn PerArticle) -> Story {
    merge_refs(articles.iter().collect(), stories, each)
}

/// [`merge_as`] of articles held anywhere (a story's members, not copied).
fn merge_refs(articles: Vec<&ArticleExtraction>, stories: Vec<StoryGroup>, each: &dyn PerArticle) -> Story {
    let mut m = MergeSteps::of(articles, stories);
    for a in 0..m.articles.len() {
        m.add(a);
    }
    m.merge_timeline();
    let results = each.run(m.articles.len(), &|a| m.result(a));
    m.finish(results)
}

/// [`merge`] a step at a time, for a caller that yields between steps (the
/// page): each article's entities and events, then the timeline, then each
/// article's result with the story's ids, then the story. The same story.
pub struct MergeSteps<'a> {
    articles: Vec<&'a ArticleExtraction>,
    stories: Vec<StoryGroup>,
    registry: Registry,
    /// Per article added: its ids, and its first clause event's index.
    maps: Vec<(IdMap, usize)>,
    clause_events: Vec<events::Event>,
    timeline: Option<Merged>,
    results: Vec<ArticleResult>,
}

impl<'a> MergeSteps<'a> {
    pub fn new(articles: &'a [ArticleExtraction]) -> Self {
        Self::of(articles.iter().collect(), stories(articles))
    }

    fn of(articles: Vec<&'a ArticleExtraction>, stories: Vec<StoryGroup>) -> Self {
        let maps = Vec::with_capacity(articles.len());
        MergeSteps { articles, stories, registry: Registry::default(), maps, clause_events: Vec::new(), timeline: None, results: Vec::new() }
    }

    /// Does the next step; after the last, the story.
    pub fn step(&mut self) -> Option<Story> {
        let n = self.articles.len();
        if self.maps.len() < n {
            self.add(self.maps.len());
        } else if self.timeline.is_none() {
            self.merge_timeline();
        } else if self.results.len() < n {
            let result = self.result(self.results.len());
            self.results.push(result);
        } else {
            let results = std::mem::take(&mut self.results);
            return Some(self.finish(results));
        }
        None
    }

    /// Article `a`'s entities into the story's, its clause events with the story's ids.
    fn add(&mut self, a: usize) {
        let article = self.articles[a];
        let map = IdMap::new(self.registry.merge(&article.entities));
        let first = self.clause_events.len();
        self.clause_events.extend(article.events.iter().map(|e| map.event(a, e)));
        self.maps.push((map, first));
    }

    /// The clause events of every article merged into the timeline's items.
    fn merge_timeline(&mut self) {
        let timeline = events::merge_timeline(std::mem::take(&mut self.clause_events));
        let mut item_of: Vec<Option<usize>> = vec![None; timeline.events.len()];
        for (i, item) in timeline.items.iter().enumerate() {
            for &e in &item.members {
                item_of[e] = Some(i);
            }
        }
        let values = timeline.items.iter().map(|item| item.value).collect();
        let articles = &self.articles;
        let events = timeline
            .items
            .into_iter()
            .enumerate()
            .map(|(n, item)| EventOut {
                id: item_id(n),
                label: item.label,
                when: When::of(item.value, item.earliest, item.latest),
                participants: item.participants,
                evidence: item.evidence.iter().map(|&(a, span)| Evidence { article: articles[a].document.id.clone(), span }).collect(),
                background: item.background,
                note: item.note,
            })
            .collect();
        self.timeline = Some(Merged { events, values, item_of });
    }

    /// Article `a`'s result, with the story's ids.
    fn result(&self, a: usize) -> ArticleResult {
        let (article, (map, first_event)) = (self.articles[a], &self.maps[a]);
        let item_of = self.timeline.as_ref().map_or(&[][..], |t| &t.item_of);
        let event_count = article.events.len();
        let event_mentions = article
            .event_mentions
            .iter()
            .map(|m| EventMentionOut {
                span: m.span,
                class: m.class.name().to_string(),
                when: m.when.when(),
                participants: map.ids(&m.participants),
                event: m.event.filter(|&e| e < event_count).and_then(|e| item_of.get(first_event + e).copied().flatten()).map(item_id),
            })
            .collect();
        article_result(article, map, event_mentions)
    }

    /// The story, from every article's result.
    fn finish(&mut self, mut results: Vec<ArticleResult>) -> Story {
        let Merged { events, values, .. } = self.timeline.take().unwrap_or_default();
        let bodies: Vec<&str> = self.articles.iter().map(|a| a.document.body.as_str()).collect();
        let outlets: Vec<String> = self.articles.iter().map(|a| a.document.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()).unwrap_or(&a.document.id).to_string()).collect();
        quotes::set_said(&mut results, &bodies, &events, &values);
        quotes::link_variants(&mut results, &bodies, &outlets);
        let entities = std::mem::take(&mut self.registry.entities);
        Story { schema: SCHEMA, articles: results, entities, events, stories: std::mem::take(&mut self.stories) }
    }
}

/// The timeline merged: its items, each item's time value, and the item of
/// each clause event (for its mentions' `event`).
#[derive(Default)]
struct Merged {
    events: Vec<EventOut>,
    values: Vec<Option<TimexValue>>,
    item_of: Vec<Option<usize>>,
}

/// The story's id of its timeline item `n`.
fn item_id(n: usize) -> String {
    format!("v{}", n + 1)
}

fn article_result(
    article: &ArticleExtraction,
    map: &IdMap,
    event_mentions: Vec<EventMentionOut>,
) -> ArticleResult {
    let doc = &article.document;
    ArticleResult {
        id: doc.id.clone(),
        path: article.path.clone(),
        title: doc.title.clone(),
        outlet: doc.outlet.clone(),
        url: doc.url.clone(),
        published: doc.published,
        paragraphs: article.paragraphs.clone(),
        sentences: article.sentences.clone(),
        boilerplate: article.boilerplate.clone(),
        timexes: article.timexes.clone(),
        quotes: article.quotes.iter().map(|q| map.quote(q)).collect(),
        mentions: article
            .mentions
            .iter()
            .filter_map(|m| {
                Some(MentionOut {
                    span: m.span,
                    entity: map.id(&m.entity)?.clone(),
                })
            })
            .collect(),
        event_mentions,
        text: None,
    }
}

/// One article's entity ids (`e1`, `e2`, ...) and the story's for each.
struct IdMap {
    /// The story's id of `e{n + 1}`.
    global: Vec<String>,
}

impl IdMap {
    fn new(global: Vec<String>) -> IdMap {
        IdMap { global }
    }

    fn id(&self, local: &str) -> Option<&String> {
        self.global.get(local_index(local)?)
    }

    /// The story's ids of `locals`, in order, each once.
    fn ids(&self, locals: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(locals.len());
        for g in locals.iter().filter_map(|l| self.id(l)) {
            if !out.contains(g) {
                out.push(g.clone());
            }
        }
        out
    }

    /// A clause event of article `a`, with the story's ids.
    fn event(&self, a: usize, e: &events::Event) -> events::Event {
        let mut e = e.clone();
        e.article = a;
        e.participants = self.ids(&e.participants);
        e.speaker = e.speaker.as_deref().and_then(|s| self.id(s)).cloned();
        e
    }

    fn quote(&self, q: &QuoteOut) -> QuoteOut {
        let speaker = |s: &Option<String>| s.as_deref().and_then(|s| self.id(s)).cloned();
        QuoteOut {
            speaker: speaker(&q.speaker),
            speakers: self.ids(&q.speakers),
            via: q.via.as_ref().map(|v| ViaOut {
                cue: v.cue,
                source: v.source,
                speaker: speaker(&v.speaker),
            }),
            ..q.clone()
        }
    }
}

/// The story's entities across articles: the same person (same surname, no
/// conflicting given name) or the same organisation, place or group (same
/// name) is one entity with the union of aliases and titles.
#[derive(Default)]
pub(super) struct Registry {
    entities: Vec<EntityOut>,
    /// per global entity: kind, lower-case given name and surname
    keys: Vec<(EntityKind, Option<String>, Option<String>)>,
    /// Persons by surname, in the order they were added.
    by_surname: Map<String, Vec<usize>>,
    /// The others by kind and name (ASCII case folded): the first added.
    by_name: Map<(EntityKind, String), usize>,
}

impl Registry {
    /// Adds one article's entities; returns the story's id of each.
    pub(super) fn merge(&mut self, entities: &[ArticleEntity]) -> Vec<String> {
        let mut ids = Vec::with_capacity(entities.len());
        for e in entities {
            let index = match self.find(e) {
                Some(i) => {
                    self.absorb(i, e);
                    i
                }
                None => {
                    self.entities.push(EntityOut {
                        id: format!("e{}", self.entities.len() + 1),
                        name: e.name.clone(),
                        kind: e.kind.as_str().to_string(),
                        titles: e.titles.clone(),
                        aliases: e
                            .aliases
                            .iter()
                            .filter(|a| **a != e.name)
                            .cloned()
                            .collect(),
                        affiliation: e.affiliation.clone(),
                    });
                    let i = self.entities.len() - 1;
                    match (&e.surname, e.kind) {
                        (Some(surname), EntityKind::Person) => self.by_surname.entry(surname.clone()).or_default().push(i),
                        (_, EntityKind::Person) => {}
                        (_, kind) => {
                            self.by_name.entry((kind, e.name.to_ascii_lowercase())).or_insert(i);
                        }
                    }
                    self.keys.push((e.kind, e.given.clone(), e.surname.clone()));
                    i
                }
            };
            ids.push(self.entities[index].id.clone());
        }
        ids
    }

    /// The story entity `e` is: a person with the same surname and no
    /// conflicting given name, else anything of the same kind and name.
    fn find(&self, e: &ArticleEntity) -> Option<usize> {
        if e.kind == EntityKind::Person {
            let same_surname = e.surname.as_ref().and_then(|s| self.by_surname.get(s))?;
            return same_surname.iter().copied().find(|&i| {
                let given = &self.keys[i].1;
                given.is_none() || e.given.is_none() || *given == e.given
            });
        }
        self.by_name.get(&(e.kind, e.name.to_ascii_lowercase())).copied()
    }

    /// Adds `e`'s names, titles and affiliation to story entity `i`.
    fn absorb(&mut self, i: usize, e: &ArticleEntity) {
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
    }
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}
