//! A corpus grouped into stories: articles that report the same happening
//! or its follow-ups ([`group`]).
//!
//! Each article is summed up by its keys ([`ArticleKeys`]): the people,
//! organisations, places and groups it is about, and the happenings it
//! reports (the lemmas of its occurrence and frame events). A key weighs
//! more when the article puts it in its headline or lead, or names it
//! often, and less when many articles of the corpus share it (inverse
//! document frequency), so "the United States" binds two articles less than
//! "Magnitogorsk" does.
//!
//! Articles are then read in publication order, as a wire editor reads the
//! news (single-pass clustering, as in topic detection and tracking): an
//! article joins the story it is most similar to (cosine of its keys and the
//! sum of the story's) if that story had news within [`FOLLOW_UP_DAYS`], the
//! similarity reaches [`JOIN`] and they share more than places (a person, an
//! organisation, a happening: two stories can happen in one city);
//! otherwise it starts a story. Comparing
//! with the whole story rather than with its closest article keeps a chain of
//! loosely related articles from becoming one story.

use crate::case::Case;
use crate::lexicon::Map;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::events::Class;

use super::{local_index, ArticleExtraction};

/// The similarity an article needs to join a story.
pub const JOIN: f64 = 0.3;
/// How long after a story's last article a follow-up still joins it.
pub const FOLLOW_UP_DAYS: i64 = 14;
/// Sentences of an article's lead (after its headline).
const LEAD_SENTENCES: usize = 2;
/// A key named this often counts fully.
const MENTIONS_CAP: usize = 3;

/// One story of a corpus: its articles in corpus order, a title, and the
/// span of their publication dates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoryGroup {
    pub id: String,
    pub title: String,
    pub articles: Vec<String>,
    /// The first and last publication dates of its articles.
    pub from: Date,
    pub to: Date,
}

/// What [`group`] reads of an article: small, so that a corpus too big for
/// one machine can send every article's keys to one place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleKeys {
    pub id: String,
    pub published: Date,
    pub title: String,
    /// (key, weight): `person:surname`, `place:name`, `event:lemma`, ...
    pub keys: Vec<(String, f64)>,
}

/// An article's keys: its entities (by surname for persons, by name for
/// the others) weighted by their mentions, doubled in the headline or
/// lead; the lemmas of its happenings (not statements), counted once.
pub fn article_keys(article: &ArticleExtraction) -> ArticleKeys {
    let doc = &article.document;
    let lead_end = article.sentences.iter().filter(|s| !article.boilerplate.contains(s)).nth(LEAD_SENTENCES - 1).map_or(usize::MAX, |s| s.end);
    let title = doc.title.as_deref().unwrap_or_default().to_lower();
    let mut weights: Map<String, f64> = Map::default();
    let mut mentions: Vec<(usize, bool)> = vec![(0, false); article.entities.len()];
    for m in &article.mentions {
        if let Some(counted) = local_index(&m.entity).and_then(|i| mentions.get_mut(i)) {
            counted.0 += 1;
            counted.1 |= m.span.start < lead_end;
        }
    }
    for (e, &(count, in_lead)) in article.entities.iter().zip(&mentions) {
        if count == 0 {
            continue;
        }
        let name = e.surname.clone().unwrap_or_else(|| e.name.to_lower());
        let in_headline = !title.is_empty() && title.contains(&name);
        let weight = count.min(MENTIONS_CAP) as f64 * if in_lead || in_headline { 2.0 } else { 1.0 };
        *weights.entry(format!("{}:{name}", e.kind.as_str())).or_default() += weight;
    }
    for e in article.events.iter().filter(|e| matches!(e.class, Class::Occurrence | Class::Frame)) {
        weights.entry(format!("event:{}", e.lemma)).or_insert(1.0);
    }
    let mut keys: Vec<(String, f64)> = weights.into_iter().collect();
    crate::sort::sort_by(&mut keys, |a, b| a.0.cmp(&b.0));
    let title = doc.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| first_sentence(article));
    ArticleKeys { id: doc.id.clone(), published: doc.published, title, keys }
}

/// The first sentence, cut at a word near 80 characters: a title for an
/// article without one.
fn first_sentence(article: &ArticleExtraction) -> String {
    let body = article.document.body.as_str();
    let text = article.sentences.iter().find(|s| !article.boilerplate.contains(s)).map_or("", |s| s.text(body)).trim();
    if text.chars().count() <= 80 {
        return text.to_string();
    }
    let cut: String = text.chars().take(80).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}

/// A story being built: its articles (indices) and the sum of their keys.
struct Building {
    members: Vec<usize>,
    centroid: Map<usize, f64>,
    last: Date,
}

/// Groups articles (in corpus order) into stories, numbered `s1`, `s2`, ...
/// in the order their first article was published.
pub fn group(articles: &[ArticleKeys]) -> Vec<StoryGroup> {
    let (vectors, is_place) = weighted_vectors(articles);
    let mut order: Vec<usize> = (0..articles.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| articles[a].published.cmp(&articles[b].published));
    let mut stories: Vec<Building> = Vec::new();
    // For each key, the stories holding it: the only candidates an article is compared with.
    let mut holding: Map<usize, Vec<usize>> = Map::default();
    for a in order {
        let v = &vectors[a];
        let date = articles[a].published;
        let mut candidates: Vec<usize> = v.iter().flat_map(|(k, _)| holding.get(k).into_iter().flatten().copied()).collect();
        crate::sort::sort(&mut candidates);
        candidates.dedup();
        let best = candidates
            .into_iter()
            .filter(|&s| date.days_since_epoch() - stories[s].last.days_since_epoch() <= FOLLOW_UP_DAYS)
            .filter(|&s| v.iter().any(|(k, _)| !is_place[*k] && stories[s].centroid.contains_key(k)))
            .map(|s| (s, cosine(v, &stories[s].centroid)))
            .filter(|&(_, sim)| sim >= JOIN)
            .fold(None, |best: Option<(usize, f64)>, (s, sim)| if best.is_some_and(|(_, b)| b >= sim) { best } else { Some((s, sim)) });
        let s = match best {
            Some((s, _)) => s,
            None => {
                stories.push(Building { members: Vec::new(), centroid: Map::default(), last: date });
                stories.len() - 1
            }
        };
        let story = &mut stories[s];
        story.members.push(a);
        story.last = story.last.max(date);
        for &(k, w) in v {
            let entry = story.centroid.entry(k).or_default();
            if *entry == 0.0 {
                holding.entry(k).or_default().push(s);
            }
            *entry += w;
        }
    }
    stories
        .into_iter()
        .enumerate()
        .map(|(n, mut story)| {
            crate::sort::sort(&mut story.members);
            let title = story
                .members
                .iter()
                .map(|&a| (a, cosine(&vectors[a], &story.centroid)))
                .fold(None, |best: Option<(usize, f64)>, (a, sim)| if best.is_some_and(|(_, b)| b >= sim) { best } else { Some((a, sim)) })
                .map_or_else(String::new, |(a, _)| articles[a].title.clone());
            let dates = story.members.iter().map(|&a| articles[a].published);
            StoryGroup {
                id: format!("s{}", n + 1),
                title,
                articles: story.members.iter().map(|&a| articles[a].id.clone()).collect(),
                from: dates.clone().min().expect("a story has an article"),
                to: dates.max().expect("a story has an article"),
            }
        })
        .collect()
}

/// Each article's keys as (key index, weight × inverse document frequency),
/// and whether each key is a place.
fn weighted_vectors(articles: &[ArticleKeys]) -> (Vec<Vec<(usize, f64)>>, Vec<bool>) {
    let mut index: Map<&str, usize> = Map::default();
    let mut df: Vec<usize> = Vec::new();
    let ids: Vec<Vec<(usize, f64)>> = articles
        .iter()
        .map(|a| {
            a.keys
                .iter()
                .map(|(k, w)| {
                    let next = index.len();
                    let i = *index.entry(k.as_str()).or_insert(next);
                    if i == df.len() {
                        df.push(0);
                    }
                    df[i] += 1;
                    (i, *w)
                })
                .collect()
        })
        .collect();
    let mut is_place = vec![false; df.len()];
    for (key, &i) in &index {
        is_place[i] = key.starts_with("place:");
    }
    let n = articles.len() as f64;
    let vectors = ids.into_iter().map(|v| v.into_iter().map(|(k, w)| (k, w * (1.0 + n / df[k] as f64).ln())).collect()).collect();
    (vectors, is_place)
}

fn cosine(v: &[(usize, f64)], centroid: &Map<usize, f64>) -> f64 {
    let dot: f64 = v.iter().map(|(k, w)| w * centroid.get(k).copied().unwrap_or(0.0)).sum();
    let nv: f64 = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    let nc: f64 = centroid.values().map(|w| w * w).sum::<f64>().sqrt();
    if nv == 0.0 || nc == 0.0 {
        0.0
    } else {
        dot / (nv * nc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(id: &str, date: &str, keys: &[(&str, f64)]) -> ArticleKeys {
        ArticleKeys { id: id.into(), published: Date::parse(date).unwrap(), title: format!("title {id}"), keys: keys.iter().map(|(k, w)| (k.to_string(), *w)).collect() }
    }

    #[test]
    fn shared_rare_keys_make_a_story_and_common_ones_do_not() {
        let corpus = [
            keys("fire1", "2019-09-02", &[("place:santa cruz island", 4.0), ("event:fire", 1.0), ("organization:coast guard", 2.0), ("place:united states", 1.0)]),
            keys("quake", "2019-09-02", &[("place:albania", 4.0), ("event:earthquake", 1.0), ("place:united states", 1.0)]),
            keys("fire2", "2019-09-04", &[("place:santa cruz island", 2.0), ("event:fire", 1.0), ("person:brown", 2.0), ("organization:coast guard", 1.0)]),
            keys("vote", "2019-09-03", &[("person:johnson", 4.0), ("event:vote", 1.0), ("place:united kingdom", 2.0)]),
        ];
        let stories = group(&corpus);
        let sets: Vec<Vec<&str>> = stories.iter().map(|s| s.articles.iter().map(String::as_str).collect()).collect();
        assert_eq!(sets, [vec!["fire1", "fire2"], vec!["quake"], vec!["vote"]]);
        // Places alone do not make a story.
        let paris = [keys("a", "2019-09-26", &[("place:paris", 4.0), ("place:france", 2.0), ("person:chirac", 4.0)]), keys("b", "2019-10-03", &[("place:paris", 4.0), ("place:france", 2.0), ("event:stab", 1.0)])];
        assert_eq!(group(&paris).len(), 2);
        assert_eq!((stories[0].from.to_string(), stories[0].to.to_string()), ("2019-09-02".into(), "2019-09-04".into()));
        assert_eq!(stories.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["s1", "s2", "s3"]);
    }

    #[test]
    fn a_story_quiet_for_too_long_takes_no_follow_up() {
        let a = [("person:smith", 4.0), ("place:kent", 2.0)];
        let corpus = [keys("a", "2020-01-01", &a), keys("b", "2020-01-10", &a), keys("c", "2020-03-01", &a)];
        let sets: Vec<Vec<String>> = group(&corpus).into_iter().map(|s| s.articles).collect();
        assert_eq!(sets, [vec!["a".to_string(), "b".into()], vec!["c".into()]]);
    }

    #[test]
    fn articles_keep_corpus_order_within_a_story_and_every_article_is_in_one() {
        let k = [("person:smith", 4.0)];
        let corpus = [keys("late", "2020-01-05", &k), keys("early", "2020-01-01", &k), keys("alone", "2020-01-02", &[])];
        let stories = group(&corpus);
        assert_eq!(stories[0].articles, ["late", "early"]);
        assert_eq!(stories.iter().map(|s| s.articles.len()).sum::<usize>(), 3);
        assert!(group(&[]).is_empty());
    }
}
