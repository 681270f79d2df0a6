//! The story's quotes across articles: when each was said, and the same
//! quote as other outlets worded it.

use crate::case::{Case, Letter};

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::lexicon::Map;
use crate::span::{Span, SpanIndex};
use crate::timex::TimexValue;

use super::{ArticleResult, EventOut, QuoteOut};

/// When a quote was said, and how that was found.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Said {
    pub basis: SaidBasis,
    /// The timeline item it was said at, for [`SaidBasis::Event`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Serialised as its TIMEX3 string.
    pub value: TimexValue,
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SaidBasis {
    /// A dated timeline item reported in the quote's sentence (the press
    /// conference it was said at, the statement itself).
    Event,
    /// A date in the quote's sentence, outside the quote.
    Sentence,
    /// Nothing closer: by the article's publication date.
    Published,
}

/// Another article's wording of the same quote.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteVariant {
    pub article: String,
    /// Index into that article's quotes.
    pub quote: usize,
    /// Word diff against this quote; empty when the wording is the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub diff: Vec<Diff>,
}

/// A quote that is another article's quote worded again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteRef {
    pub article: String,
    pub quote: usize,
}

/// A run of words of a diff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Diff {
    Same(String),
    /// Words the variant has and the first wording does not.
    Added(String),
    /// Words the first wording has and the variant does not.
    Removed(String),
}

/// Sets `said` on every quote of the story: the first dated timeline item
/// (in timeline order) with evidence in the quote's sentence outside the
/// quote, else a date in that sentence outside the quote, else the
/// publication date. `values` are the timeline items' values, typed.
pub(super) fn set_said(articles: &mut [ArticleResult], bodies: &[&str], events: &[EventOut], values: &[Option<TimexValue>]) {
    // Per article: (dated item, evidence span).
    let position: Map<&str, usize> = articles.iter().enumerate().map(|(a, art)| (art.id.as_str(), a)).collect();
    let mut dated: Vec<Vec<(usize, Span)>> = vec![Vec::new(); articles.len()];
    for (k, e) in events.iter().enumerate().filter(|&(k, _)| values[k].is_some()) {
        for x in &e.evidence {
            if let Some(&a) = position.get(x.article.as_str()) {
                dated[a].push((k, x.span));
            }
        }
    }
    drop(position);
    for ((art, body), evidence) in articles.iter_mut().zip(bodies).zip(dated) {
        let index = SpanIndex::new(evidence.iter().map(|e| e.1));
        for q in 0..art.quotes.len() {
            let said = said(art, body, &art.quotes[q], &evidence, &index, events, values);
            art.quotes[q].said = Some(said);
        }
    }
}

fn said(art: &ArticleResult, body: &str, q: &QuoteOut, evidence: &[(usize, Span)], index: &SpanIndex, events: &[EventOut], values: &[Option<TimexValue>]) -> Said {
    let cue = q.cue.unwrap_or(q.content);
    let at = art.sentences.partition_point(|s| s.end <= cue.start);
    if let Some(&sentence) = art.sentences.get(at).filter(|s| s.overlaps(cue) || s.contains(cue)) {
        let first = index.overlapping(sentence).into_iter().filter(|&i| !q.content.contains(evidence[i].1)).map(|i| evidence[i].0).min();
        if let Some((e, value)) = first.and_then(|k| Some((&events[k], values[k]?))) {
            return Said { basis: SaidBasis::Event, event: Some(e.id.clone()), value, note: format!("from the timeline: {}", e.note) };
        }
        // Timexes come in text order: only the sentence's are looked at.
        let from = art.timexes.partition_point(|t| t.span.start < sentence.start);
        let mut in_sentence = art.timexes[from..].iter().take_while(|t| t.span.start < sentence.end);
        if let Some(t) = in_sentence.find(|t| t.kind == "DATE" && sentence.contains(t.span) && !q.content.contains(t.span)) {
            let note = format!("'{}' in the same sentence: {}", t.span.text(body), t.note);
            return Said { basis: SaidBasis::Sentence, event: None, value: t.value, note };
        }
    }
    published(art.published)
}

fn published(date: Date) -> Said {
    Said { basis: SaidBasis::Published, event: None, value: TimexValue::Day(date), note: "the article's publication date".to_string() }
}

/// Links the same quote of one speaker across articles from different
/// outlets: the first wording (in article order) lists the others as
/// `variants` with a word diff, and each other one points back
/// (`variant_of`). An outlet counts once per quote; unnamed speakers are
/// never linked.
pub(super) fn link_variants(articles: &mut [ArticleResult], bodies: &[&str], outlets: &[String]) {
    // Every quote with a named speaker, by speaker: (article, index).
    let mut named: Vec<(&str, usize, usize)> = Vec::new();
    for (a, art) in articles.iter().enumerate() {
        for (i, q) in art.quotes.iter().enumerate() {
            if let Some(speaker) = &q.speaker {
                named.push((speaker.as_str(), a, i));
            }
        }
    }
    crate::sort::sort_by(&mut named, |x, y| x.0.cmp(y.0));
    // Only a speaker quoted in two articles or more can have variants: the
    // text and words of the others' quotes are not needed.
    let mut all: Vec<(&str, usize, usize, String, Words)> = Vec::new();
    for run in named.chunk_by(|x, y| x.0 == y.0) {
        if run.iter().all(|q| q.1 == run[0].1) {
            continue;
        }
        for &(speaker, a, i) in run {
            let text = articles[a].quotes[i].text(bodies[a]);
            let words = words(&text);
            all.push((speaker, a, i, text, words));
        }
    }
    let mut links: Vec<((usize, usize), QuoteVariant)> = Vec::new();
    let mut backs: Vec<((usize, usize), QuoteRef)> = Vec::new();
    for run in all.chunk_by(|x, y| x.0 == y.0) {
        let quotes: Vec<(usize, usize, &String, &Words)> = run.iter().map(|q| (q.1, q.2, &q.3, &q.4)).collect();
        let pairs = pairs_with_copies(&quotes);
        let mut taken = vec![false; quotes.len()];
        // The outlets already carrying quote `k` (pairs come grouped by `k`).
        let mut seen: (usize, Vec<&String>) = (usize::MAX, Vec::new());
        for (k, l) in pairs {
            let (&(a, i, text, words), &(b, j, other, other_words)) = (&quotes[k], &quotes[l]);
            if seen.0 != k {
                seen = (k, vec![&outlets[a]]);
            }
            // (a copy goes with its first quote even when that one is a variant itself)
            let copy = words == other_words;
            if (taken[k] && !copy) || taken[l] || seen.1.contains(&&outlets[b]) || a == b || !same_quote(words, other_words) {
                continue;
            }
            seen.1.push(&outlets[b]);
            taken[l] = true;
            let diff = word_diff(text, other);
            let diff = if diff.iter().all(|d| matches!(d, Diff::Same(_))) { Vec::new() } else { diff };
            links.push(((a, i), QuoteVariant { article: articles[b].id.clone(), quote: j, diff }));
            backs.push(((b, j), QuoteRef { article: articles[a].id.clone(), quote: i }));
        }
    }
    drop(all);
    for ((a, i), variant) in links {
        articles[a].quotes[i].variants.push(variant);
    }
    for ((b, j), first) in backs {
        articles[b].quotes[j].variant_of = Some(first);
    }
}

/// The pairs of one speaker's quotes to compare, in order: each exact copy
/// (the same words) with the first quote of its words, and the
/// [`candidate_pairs`] of the distinct quotes. Copies are many when one
/// agency story runs in many papers; comparing only distinct quotes keeps
/// that linear.
fn pairs_with_copies(quotes: &[(usize, usize, &String, &Words)]) -> Vec<(usize, usize)> {
    let mut first: Map<&Words, usize> = Map::default();
    let mut distinct: Vec<usize> = Vec::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (x, q) in quotes.iter().enumerate() {
        match first.get(q.3) {
            Some(&f) => pairs.push((f, x)),
            None => {
                first.insert(q.3, x);
                distinct.push(x);
            }
        }
    }
    pairs.extend(candidate_pairs(distinct.iter().map(|&x| (quotes[x].0, quotes[x].3))).into_iter().map(|(k, l)| (distinct[k], distinct[l])));
    crate::sort::sort(&mut pairs);
    pairs
}

/// Pairs `(k, l)`, `k < l`, of quotes from different articles that may be
/// the same quote, in order: those sharing one of the rarer words each
/// quote has (its rarest 40% and one more, enough that a pair passing
/// [`same_quote`] shares one of the smaller quote's). Words in more than
/// [`POSTINGS_CAP`] quotes are not used (a hostile article repeating one
/// quote thousands of times stays linear).
fn candidate_pairs<'a>(quotes: impl Iterator<Item = (usize, &'a Words)> + Clone) -> Vec<(usize, usize)> {
    // Each word's quotes (word -> index into `postings`).
    let mut word: Map<&str, usize> = Map::default();
    let mut postings: Vec<Vec<usize>> = Vec::new();
    for (k, (_, words)) in quotes.clone().enumerate() {
        for w in words {
            let next = postings.len();
            let i = *word.entry(w.as_str()).or_insert(next);
            if i == next {
                postings.push(Vec::new());
            }
            postings[i].push(k);
        }
    }
    let articles: Vec<usize> = quotes.clone().map(|(a, _)| a).collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for (k, (a, words)) in quotes.enumerate() {
        let mut rare: Vec<&Vec<usize>> = words.iter().filter_map(|w| word.get(w.as_str())).map(|&i| &postings[i]).filter(|p| p.len() <= POSTINGS_CAP).collect();
        crate::sort::sort_by_key(&mut rare, |p| p.len());
        for posting in rare.iter().take(words.len() * 2 / 5 + 1) {
            pairs.extend(posting.iter().filter(|&&l| l != k && articles[l] != a).map(|&l| (k.min(l), k.max(l))));
        }
    }
    crate::sort::sort(&mut pairs);
    pairs.dedup();
    pairs
}

/// The most quotes (of one speaker) a word may be in and still pair them.
const POSTINGS_CAP: usize = 200;

/// A quote's distinct words, sorted (a sorted `Vec`: a `BTreeSet` would
/// bring one more copy of the standard library's sort into the wasm).
type Words = Vec<String>;

/// The distinct lower-case words, apostrophes kept (curly ones made straight).
fn words(text: &str) -> Words {
    let mut words: Words = text.split(|c: char| !c.is_alnum() && c != '\'' && c != '’').filter(|w| !w.is_empty()).map(|w| w.to_lower().replace('’', "'")).collect();
    crate::sort::sort(&mut words);
    words.dedup();
    words
}

/// Whether two wordings are the same quote: most words shared.
fn same_quote(a: &Words, b: &Words) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    // both are sorted: count the shared words in one merge
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, shared) = (i + 1, j + 1, shared + 1),
        }
    }
    let small = a.len().min(b.len()) as f64;
    let union = (a.len() + b.len() - shared) as f64;
    let shared = shared as f64;
    shared / union >= 0.6 || (small >= 4.0 && shared / small >= 0.85)
}

/// Word diff of `other` against `base` (longest common subsequence over
/// words, punctuation kept with its word); runs of one kind are joined.
/// Quotes are short; a pair over [`DIFF_WORDS`] words each is not diffed
/// word by word but given as removed and added whole.
pub fn word_diff(base: &str, other: &str) -> Vec<Diff> {
    let a: Vec<&str> = base.split_whitespace().collect();
    let b: Vec<&str> = other.split_whitespace().collect();
    if a.len() > DIFF_WORDS || b.len() > DIFF_WORDS {
        return vec![Diff::Removed(a.join(" ")), Diff::Added(b.join(" "))];
    }
    let key = |w: &str| w.trim_matches(|c: char| !c.is_alnum()).to_lower().replace('’', "'");
    let ka: Vec<String> = a.iter().map(|w| key(w)).collect();
    let kb: Vec<String> = b.iter().map(|w| key(w)).collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if ka[i] == kb[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut out: Vec<Diff> = Vec::new();
    let mut push = |d: Diff| match (out.last_mut(), &d) {
        (Some(Diff::Same(x)), Diff::Same(y)) | (Some(Diff::Added(x)), Diff::Added(y)) | (Some(Diff::Removed(x)), Diff::Removed(y)) => {
            x.push(' ');
            x.push_str(y);
        }
        _ => out.push(d),
    };
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && ka[i] == kb[j] {
            push(Diff::Same(b[j].to_string()));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            push(Diff::Removed(a[i].to_string()));
            i += 1;
        } else {
            push(Diff::Added(b[j].to_string()));
            j += 1;
        }
    }
    out
}

/// The longest quote diffed word by word (the table is quadratic).
pub const DIFF_WORDS: usize = 400;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_quote_is_tolerant_of_case_and_punctuation_but_not_of_other_words() {
        assert!(same_quote(&words("We will win, and soon"), &words("we will win and soon!")));
        assert!(same_quote(&words("It’s a low point"), &words("it's a low point")));
        assert!(!same_quote(&words("We will win"), &words("The talks were useful")));
        assert!(!same_quote(&words(""), &words("anything")));
    }

    #[test]
    fn word_diff_marks_what_changed() {
        let d = word_diff("there is a low level of trust", "there is a low level of trust between us");
        assert_eq!(d, [Diff::Same("there is a low level of trust".into()), Diff::Added("between us".into())]);
        let d = word_diff("relations have hit a low point", "relations are at a low point");
        assert_eq!(
            d,
            [Diff::Same("relations".into()), Diff::Removed("have hit".into()), Diff::Added("are at".into()), Diff::Same("a low point".into())]
        );
        assert_eq!(word_diff("Same words.", "same words"), [Diff::Same("same words".into())]);
    }

    #[test]
    fn candidates_come_from_other_articles_sharing_a_rare_word() {
        let q = [(0, words("we will not accept this")), (0, words("we will not accept this")), (1, words("we will never accept this")), (2, words("the talks were useful"))];
        let pairs = candidate_pairs(q.iter().map(|(a, w)| (*a, w)));
        assert_eq!(pairs, [(0, 2), (1, 2)], "never within one article, never without a shared word");
        // One word in thousands of quotes pairs none of them.
        let many: Vec<(usize, Words)> = (0..2 * POSTINGS_CAP).map(|a| (a, words("x"))).collect();
        assert!(candidate_pairs(many.iter().map(|(a, w)| (*a, w))).is_empty());
    }

    #[test]
    fn copies_pair_with_their_first_quote_only() {
        // 40 papers carry the same three quotes (one speaker), and one paper a near variant.
        let texts = ["we will rebuild the bridge before winter", "the budget is balanced and taxes will not rise", "nobody expected the flood"];
        let words: Vec<Words> = texts.iter().map(|t| words(t)).chain([words("we will rebuild the old bridge before winter")]).collect();
        let text = String::new();
        let mut quotes: Vec<(usize, usize, &String, &Words)> = Vec::new();
        for paper in 0..40 {
            for w in &words[..3] {
                quotes.push((paper, quotes.len(), &text, w));
            }
        }
        quotes.push((40, quotes.len(), &text, &words[3]));
        let pairs = pairs_with_copies(&quotes);
        // each copy once with its first, and the variant with the first of its near twin
        assert_eq!(pairs.len(), 3 * 39 + 1, "{pairs:?}");
        assert!(pairs.contains(&(0, 3)) && pairs.contains(&(0, 120)));
        assert!(pairs.windows(2).all(|w| w[0] < w[1]), "in order");
    }

    #[test]
    fn a_very_long_pair_is_not_diffed_word_by_word() {
        let long = "word ".repeat(DIFF_WORDS + 1);
        assert_eq!(word_diff(&long, "word").len(), 2);
    }
}
