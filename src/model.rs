//! Plain view models: what the components show, computed from the engine's
//! output without any reactive or DOM types, so it is tested natively.
//!
//! - [`timeline`]: timeline items grouped by day, background apart;
//! - [`speaker_panels`]: one panel per speaker, quotes grouped by article,
//!   the same quote from several outlets merged, wording differences marked;
//! - [`reader_articles`]: every article by paragraph and sentence, each
//!   sentence cut into pieces carrying its quote and time marks;
//! - [`selected_sentences`]: the sentences a selection points at.

use dateline_core::case::{Case, Letter};

pub use dateline_core::story::Diff;
use dateline_core::story::{ArticleResult, EntityOut, EventOut, QuoteOut, Said, SaidBasis, Story, ViaOut};
use dateline_core::sort::{sort, sort_by, sort_by_key};
use dateline_core::span::SpanIndex;
use dateline_core::timex::TimexValue;
use dateline_core::{Date, Document, Span};

use crate::state::{Selection, ViewState};

// Hash maps and sets with the engine's small fixed hasher, not std's SipHash:
// the wasm then has one hasher and shares the map code with the engine. They
// are only looked up (or sorted after), so the hash order never shows.
type Map<K, V> = dateline_core::lexicon::Map<K, V>;
type Set<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<dateline_core::lexicon::WordHasher>>;

/// How many speaker colours the stylesheet defines (`.c0` .. `.c7`).
pub const COLOURS: usize = 8;

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The documents and the engine's story over them, in the same order.
#[derive(Clone, Debug)]
pub struct Corpus {
    pub docs: Vec<Document>,
    pub story: Story,
    /// Position of each article and entity by id.
    articles: Map<String, usize>,
    entities: Map<String, usize>,
}

impl Corpus {
    pub fn new(docs: Vec<Document>, story: Story) -> Corpus {
        let articles = story.articles.iter().enumerate().map(|(i, a)| (a.id.clone(), i)).collect();
        let entities = story.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        Corpus { docs, story, articles, entities }
    }

    /// No articles yet: what the page shows until the engine's first run ends.
    pub fn empty() -> Corpus {
        let story = Story { schema: dateline_core::story::SCHEMA, articles: Vec::new(), entities: Vec::new(), events: Vec::new(), stories: Vec::new() };
        Corpus::new(Vec::new(), story)
    }

    pub fn article(&self, id: &str) -> Option<(&Document, &ArticleResult)> {
        let i = self.position(id)?;
        Some((&self.docs[i], &self.story.articles[i]))
    }

    /// The article's position in the story.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.articles.get(id).copied()
    }

    pub fn entity(&self, id: &str) -> Option<&EntityOut> {
        self.entities.get(id).map(|&i| &self.story.entities[i])
    }
}

/// The outlet's name, or the article id when the article names none (two
/// articles without an outlet count as two sources).
/// The outlet of an article; without one, the start of its title (or its id).
pub fn outlet_name(doc: &Document) -> String {
    if let Some(outlet) = doc.outlet.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
        return outlet.to_string();
    }
    let title = doc.title.as_deref().map(str::trim).filter(|t| !t.is_empty()).unwrap_or(&doc.id);
    let short: String = title.split_whitespace().scan(0, |len, w| {
        *len += w.chars().count() + 1;
        (*len <= 28).then_some(w)
    }).collect::<Vec<_>>().join(" ");
    if short.is_empty() || short.len() == title.len() { title.to_string() } else { format!("{short}…") }
}

/// An article's title; without one, its first words (ids of pasted
/// articles are slugs, not something to read).
pub fn display_title(doc: &Document) -> String {
    if let Some(title) = doc.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        return title.to_string();
    }
    // Only the first words are read: this is called per item of a long story.
    let mut words = doc.body.split_whitespace();
    let mut short: Vec<&str> = Vec::new();
    let mut len = 0;
    let cut = loop {
        let Some(w) = words.next() else { break false };
        len += w.chars().count() + 1;
        if len > 60 {
            break true;
        }
        short.push(w);
    };
    match (short.is_empty(), cut) {
        (true, _) => doc.id.clone(),
        (false, false) => short.join(" "),
        (false, true) => format!("{}…", short.join(" ").trim_end_matches(['.', ',', ';', ':'])),
    }
}

/// A resolution note of at most three clauses ("a; b; c (+2 more)").
fn short_note(note: &str) -> String {
    let clauses: Vec<&str> = note.split("; ").collect();
    if clauses.len() <= 3 {
        note.to_string()
    } else {
        format!("{} (+{} more)", clauses[..3].join("; "), clauses.len() - 3)
    }
}

/// `Wed, Apr 12, 2017`.
pub fn pretty_date(d: Date) -> String {
    format!("{}, {} {}, {}", WEEKDAYS[d.weekday().index() as usize], MONTHS[d.month as usize - 1], d.day, d.year)
}

/// `Apr 12, 2017`.
pub fn short_date(d: Date) -> String {
    format!("{} {}, {}", MONTHS[d.month as usize - 1], d.day, d.year)
}

/// A TIMEX3 value as people read it: `2017-04-11` -> `Tue, Apr 11, 2017`,
/// `2017-04-11T10:00` -> `Tue, Apr 11, 2017 T10:00`, `2017-04` -> `Apr 2017`,
/// `2013` stays, anything else (weeks, durations, `PAST_REF`) is written as
/// it is.
pub fn pretty_timex(value: &TimexValue) -> String {
    match *value {
        TimexValue::Day(d) => pretty_date(d),
        TimexValue::Time(d, time) => format!("{} T{time}", pretty_date(d)),
        TimexValue::Month { year, month } => format!("{} {year:04}", MONTHS[usize::from(month) - 1]),
        _ => value.to_string(),
    }
}

/// [`pretty_timex`] of a value given as text (a story's JSON); text that is
/// not a TIMEX3 value is returned as it is.
pub fn pretty_value(value: &str) -> String {
    match TimexValue::parse(value) {
        Ok(v) => pretty_timex(&v),
        Err(_) => value.to_string(),
    }
}

/// Title-cases a participant given as a lower-case name (`united states`).
fn display_name(raw: &str) -> String {
    if raw.chars().any(char::is_upper) {
        return raw.to_string();
    }
    raw.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => std::iter::once(dateline_core::case::upper_char(f)).chain(c).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What stands for an article's text when a story file does not carry it
/// (then the document's body is empty).
pub const NO_TEXT: &str = "[the text is not in the file]";
pub const NO_TEXT_READER: &str = "[The text of this article is not in the story file: its quotes and dates are in the timeline and the speaker panels, without their sentences.]";

/// The text of `span`, or nothing when it is not inside `body` (a story file
/// without the article's text).
fn text_at(body: &str, span: Span) -> &str {
    body.get(span.start..span.end).unwrap_or("")
}

fn lower(s: &str) -> String {
    s.to_lower()
}

// ---------------------------------------------------------------- filters

/// An option of the entity filter: the value kept in the URL and its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterOption {
    pub value: String,
    pub label: String,
}

/// The filter menus' options: speakers (entities quoted at least once, most
/// quoted first), entities (the engine's entities, then participants that
/// are not entities yet), and outlets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterOptions {
    pub speakers: Vec<FilterOption>,
    pub entities: Vec<FilterOption>,
    pub outlets: Vec<FilterOption>,
}

pub fn filter_options(corpus: &Corpus) -> FilterOptions {
    let speakers = speaker_order(&corpus.story)
        .into_iter()
        .filter_map(|(id, _)| corpus.entity(&id).map(|e| FilterOption { value: id.clone(), label: e.name.clone() }))
        .collect();
    let mut entities: Vec<FilterOption> =
        corpus.story.entities.iter().map(|e| FilterOption { value: e.id.clone(), label: e.name.clone() }).collect();
    let labels: Set<String> = entities.iter().map(|e| e.label.to_ascii_lowercase()).collect();
    // Participants that are no entity, once each (as first written).
    let mut seen: Set<String> = Set::default();
    let mut loose: Vec<FilterOption> = Vec::new();
    for ev in &corpus.story.events {
        for p in &ev.participants {
            if corpus.entity(p).is_none() && !labels.contains(&p.to_ascii_lowercase()) && seen.insert(lower(p)) {
                let label = display_name(p);
                loose.push(FilterOption { value: lower(&label), label });
            }
        }
    }
    sort_by_key(&mut entities, |e| lower(&e.label));
    sort_by_key(&mut loose, |e| lower(&e.label));
    entities.extend(loose);
    let mut outlets: Vec<String> = corpus.docs.iter().map(outlet_name).collect();
    sort(&mut outlets);
    outlets.dedup();
    FilterOptions {
        speakers,
        entities,
        outlets: outlets.into_iter().map(|o| FilterOption { value: o.clone(), label: o }).collect(),
    }
}

/// Whether a participant (an entity id, or a name when the engine had none)
/// is the entity `want` (an id, or a lower-case name from [`filter_options`]).
fn participant_is(corpus: &Corpus, participant: &str, want: &str) -> bool {
    if participant == want || participant.eq_ignore_ascii_case(want) {
        return true;
    }
    if let Some(e) = corpus.entity(want) {
        return e.name.eq_ignore_ascii_case(participant)
            || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(participant));
    }
    if let Some(e) = corpus.entity(participant) {
        return e.name.eq_ignore_ascii_case(want);
    }
    false
}

// ---------------------------------------------------------------- timeline

/// One sentence of evidence for a timeline item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceView {
    pub article: String,
    pub title: String,
    pub outlet: String,
    /// The sentence(s) holding the evidence span, as in the reader.
    pub text: String,
}

/// A timeline item as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineItem {
    pub id: String,
    pub label: String,
    /// The TIMEX3 value, or empty when the item only has bounds.
    pub value: String,
    /// `Tue, Apr 11, 2017`, `2013`, or `before Thu, Apr 6, 2017`.
    pub when: String,
    /// Only bounded (or undated): shown as uncertain.
    pub uncertain: bool,
    pub participants: Vec<String>,
    /// Distinct outlets among the evidence, sorted.
    pub outlets: Vec<String>,
    pub evidence: Vec<EvidenceView>,
    pub note: String,
}

/// The items of one day (or year, or bound) in time order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayGroup {
    pub heading: String,
    pub uncertain: bool,
    pub items: Vec<TimelineItem>,
}

/// The timeline: dated groups in time order, and the background items.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    pub days: Vec<DayGroup>,
    pub background: Vec<TimelineItem>,
    /// Items before filtering.
    pub total: usize,
}

/// The day an item sorts on, and its group heading.
fn placement(ev: &EventOut) -> (String, String, bool) {
    if let Some(v) = &ev.when.value {
        return (format!("{v} 1"), pretty_value(v), false);
    }
    match (&ev.when.earliest, &ev.when.latest) {
        (Some(a), Some(b)) => (format!("{a} 2"), format!("between {} and {}", pretty_value(a), pretty_value(b)), true),
        (None, Some(b)) => (format!("{b} 0"), format!("before {}", pretty_value(b)), true),
        (Some(a), None) => (format!("{a} 2"), format!("after {}", pretty_value(a)), true),
        (None, None) => ("~".into(), "Undated".into(), true),
    }
}

/// The indices of an article's sentences that `span` touches: those
/// overlapping it, or for an empty span the one holding it. Sentences are in
/// order and disjoint, so they are found by binary search.
fn sentences_touching(article: &ArticleResult, span: Span) -> impl Iterator<Item = usize> + '_ {
    let from = article.sentences.partition_point(|s| s.end < span.start);
    (from..article.sentences.len())
        .take_while(move |&i| article.sentences[i].start <= span.end)
        .filter(move |&i| {
            let s = article.sentences[i];
            s.overlaps(span) || (span.is_empty() && s.contains(span))
        })
}

/// The sentences covering `span` in one article, joined.
fn sentence_text(doc: &Document, article: &ArticleResult, span: Span) -> String {
    if doc.body.is_empty() {
        return NO_TEXT.into();
    }
    let parts: Vec<&str> = sentences_touching(article, span).map(|i| text_at(&doc.body, article.sentences[i])).collect();
    if parts.is_empty() {
        text_at(&doc.body, span).to_string()
    } else {
        parts.join(" ")
    }
}

fn item_view(corpus: &Corpus, ev: &EventOut) -> TimelineItem {
    let (_, when, uncertain) = placement(ev);
    let evidence: Vec<EvidenceView> = ev
        .evidence
        .iter()
        .filter_map(|e| {
            let (doc, art) = corpus.article(&e.article)?;
            Some(EvidenceView {
                article: e.article.clone(),
                title: display_title(doc),
                outlet: outlet_name(doc),
                text: sentence_text(doc, art, e.span),
            })
        })
        .collect();
    let mut deduped: Vec<EvidenceView> = Vec::new();
    for e in evidence {
        if !deduped.iter().any(|d| d.article == e.article && d.text == e.text) {
            deduped.push(e);
        }
    }
    let mut outlets: Vec<String> = deduped.iter().map(|e| e.outlet.clone()).collect();
    sort(&mut outlets);
    outlets.dedup();
    let participants = ev
        .participants
        .iter()
        .map(|p| corpus.entity(p).map(|e| e.name.clone()).unwrap_or_else(|| display_name(p)))
        .collect();
    TimelineItem {
        id: ev.id.clone(),
        label: ev.label.clone(),
        value: ev.when.value.clone().unwrap_or_default(),
        when,
        uncertain,
        participants,
        outlets,
        evidence: deduped,
        note: short_note(&ev.note),
    }
}

fn event_matches(corpus: &Corpus, ev: &EventOut, item: &TimelineItem, state: &ViewState) -> bool {
    if let Some(want) = state.speaker.as_deref().or(state.entity.as_deref()) {
        let wanted: Vec<&str> = [state.speaker.as_deref(), state.entity.as_deref()].into_iter().flatten().collect();
        let _ = want;
        if !wanted.iter().all(|w| ev.participants.iter().any(|p| participant_is(corpus, p, w))) {
            return false;
        }
    }
    if let Some(outlet) = &state.outlet {
        if !item.outlets.contains(outlet) {
            return false;
        }
    }
    let q = lower(state.query.trim());
    if !q.is_empty() {
        let hay = format!(
            "{} {} {} {}",
            item.label,
            item.participants.join(" "),
            item.when,
            item.evidence.iter().map(|e| e.text.as_str()).collect::<Vec<_>>().join(" ")
        );
        if !lower(&hay).contains(&q) {
            return false;
        }
    }
    true
}

/// The timeline for `state`'s filters: dated items grouped by day in time
/// order (bounded items in their own, uncertain group just before the day
/// that bounds them), background items apart.
pub fn timeline(corpus: &Corpus, state: &ViewState) -> Timeline {
    let mut dated: Vec<(String, usize, String, bool, TimelineItem)> = Vec::new();
    let mut background = Vec::new();
    for (n, ev) in corpus.story.events.iter().enumerate() {
        let item = item_view(corpus, ev);
        if !event_matches(corpus, ev, &item, state) {
            continue;
        }
        if ev.background {
            background.push(item);
            continue;
        }
        let (key, heading, uncertain) = placement(ev);
        dated.push((key, n, heading, uncertain, item));
    }
    sort_by(&mut dated, |a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut days: Vec<DayGroup> = Vec::new();
    for (_, _, heading, uncertain, item) in dated {
        match days.last_mut() {
            Some(g) if g.heading == heading => g.items.push(item),
            _ => days.push(DayGroup { heading, uncertain, items: vec![item] }),
        }
    }
    Timeline { days, background, total: corpus.story.events.len() }
}

// ---------------------------------------------------------------- speakers

/// Another outlet's version of the same quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub article: String,
    pub index: usize,
    pub outlet: String,
    /// Empty when the wording is the same.
    pub diff: Vec<Diff>,
}

/// One quote or reported statement as a speaker panel shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteView {
    pub article: String,
    pub index: usize,
    /// `direct`, `reported` or `mixed`.
    pub kind: String,
    pub text: String,
    /// The cue verb as written (`said`, `told`), if any.
    pub cue: String,
    /// The speaker mention at the cue (`he`, `the foreign minister`).
    pub source: String,
    /// When it was said, as people read it, and how that was found.
    pub when: String,
    pub when_note: String,
    /// "repeating Mattis": the speaker of a quote this one carries.
    pub repeating: Option<String>,
    /// "quoted by Tillerson": the speaker whose statement carries this one.
    pub quoted_by: Option<String>,
    /// Every outlet carrying it, this article's first.
    pub outlets: Vec<String>,
    pub variants: Vec<Variant>,
    pub colour: Option<usize>,
}

/// A panel's quotes from one article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleQuotes {
    pub article: String,
    pub title: String,
    pub outlet: String,
    pub quotes: Vec<QuoteView>,
}

/// One speaker with everything they said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerPanel {
    /// Entity id; empty for the unattributed quotes.
    pub id: String,
    pub name: String,
    pub titles: Vec<String>,
    pub affiliation: Option<String>,
    pub aliases: Vec<String>,
    pub count: usize,
    pub colour: Option<usize>,
    pub groups: Vec<ArticleQuotes>,
}

/// Speakers by number of quotes (most first), then name.
fn speaker_order(story: &Story) -> Vec<(String, usize)> {
    let mut counts: Map<&str, usize> = Map::default();
    for a in &story.articles {
        for q in &a.quotes {
            // A quote counts for its speaker and for whoever relayed it.
            let relay = q.via.as_ref().and_then(|v| v.speaker.as_ref());
            for s in q.speaker.iter().chain(relay) {
                *counts.entry(s.as_str()).or_default() += 1;
            }
        }
    }
    let names: Map<&str, &str> = story.entities.iter().map(|e| (e.id.as_str(), e.name.as_str())).collect();
    let name = |id: &str| names.get(id).copied().unwrap_or_default();
    let mut out: Vec<(String, usize)> = counts.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    sort_by(&mut out, |a, b| b.1.cmp(&a.1).then_with(|| name(&a.0).cmp(name(&b.0))).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The colour of each speaker, by rank.
pub fn speaker_colours(story: &Story) -> Map<String, usize> {
    speaker_order(story).into_iter().enumerate().map(|(i, (id, _))| (id, i % COLOURS)).collect()
}

fn span_text(body: &str, span: Option<Span>) -> String {
    span.and_then(|s| body.get(s.start..s.end)).unwrap_or("").trim().to_string()
}

/// When a quote was said, as people read it, and how the engine found it.
fn said_text(doc: &Document, said: Option<&Said>) -> (String, String) {
    match said {
        Some(Said { basis: SaidBasis::Event, value, note, .. }) => (pretty_value(&value.to_string()), note.clone()),
        Some(Said { basis: SaidBasis::Sentence, value, note, .. }) => (pretty_timex(value), note.clone()),
        Some(Said { basis: SaidBasis::Published, note, .. }) => (format!("by {}", short_date(doc.published)), note.clone()),
        None => (format!("by {}", short_date(doc.published)), "the article's publication date".into()),
    }
}

/// The name of a quote's speaker, or its source mention, or "someone".
fn speaker_name(corpus: &Corpus, body: &str, q: &QuoteOut) -> String {
    q.speaker
        .as_deref()
        .and_then(|id| corpus.entity(id))
        .map(|e| e.aliases.iter().min_by_key(|a| a.len()).cloned().filter(|a| !a.is_empty()).unwrap_or_else(|| e.name.clone()))
        .or_else(|| Some(span_text(body, q.source)).filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "someone".into())
}

/// The name of whoever relayed a quote, or the relaying mention.
fn via_name(corpus: &Corpus, body: &str, via: &ViaOut) -> String {
    via.speaker
        .as_deref()
        .and_then(|id| corpus.entity(id))
        .map(|e| e.name.clone())
        .or_else(|| Some(span_text(body, via.source)).filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "someone".into())
}

fn quote_matches(corpus: &Corpus, doc: &Document, q: &QuoteOut, state: &ViewState) -> bool {
    if let Some(outlet) = &state.outlet {
        if &outlet_name(doc) != outlet {
            return false;
        }
    }
    if let Some(s) = &state.speaker {
        if q.speaker.as_deref() != Some(s.as_str()) {
            return false;
        }
    }
    if let Some(e) = &state.entity {
        let art = corpus.article(&doc.id).map(|(_, a)| a);
        let sentence = art.and_then(|a| a.sentences.iter().copied().find(|s| s.overlaps(q.content)));
        let about = art.is_some_and(|a| {
            a.mentions.iter().any(|m| &m.entity == e && sentence.is_some_and(|s| s.overlaps(m.span)))
        });
        if q.speaker.as_deref() != Some(e.as_str()) && !about {
            return false;
        }
    }
    let query = lower(state.query.trim());
    if !query.is_empty() {
        let text = lower(&span_text(&doc.body, Some(q.content)));
        let who = q.speaker.as_deref().and_then(|id| corpus.entity(id)).map(|e| lower(&e.name)).unwrap_or_default();
        if !text.contains(&query) && !who.contains(&query) {
            return false;
        }
    }
    true
}

/// The speaker panels for `state`'s filters: one per speaker, most quoted
/// first, then one for the quotes nobody could be named for (id `""`).
pub fn speaker_panels(corpus: &Corpus, state: &ViewState) -> Vec<SpeakerPanel> {
    let colours = speaker_colours(&corpus.story);
    // Every quote, with its speaker key ("" when unknown).
    struct Q<'a> {
        a: usize,
        i: usize,
        q: &'a QuoteOut,
        text: String,
    }
    let mut all: Vec<Q<'_>> = Vec::new();
    for (a, art) in corpus.story.articles.iter().enumerate() {
        for (i, q) in art.quotes.iter().enumerate() {
            let body = &corpus.docs[a].body;
            all.push(Q { a, i, q, text: if body.is_empty() { NO_TEXT.into() } else { q.text(body) } });
        }
    }
    let mut order: Vec<String> = speaker_order(&corpus.story).into_iter().map(|(id, _)| id).collect();
    order.push(String::new());
    // Per article, made when first needed: its quotes by span (for nesting).
    let mut quote_indexes: Vec<Option<SpanIndex>> = corpus.story.articles.iter().map(|_| None).collect();
    let mut panels = Vec::new();
    for id in order {
        // A speaker's quotes, and the ones they relayed ("He repeated what X said").
        let relayed_by = |q: &QuoteOut| q.via.as_ref().and_then(|v| v.speaker.as_deref()).is_some_and(|v| !id.is_empty() && v == id);
        let mine: Vec<&Q<'_>> =
            all.iter().filter(|x| x.q.speaker.as_deref().unwrap_or("") == id || relayed_by(x.q)).collect();
        let visible: Vec<&Q<'_>> =
            mine.iter().copied().filter(|x| quote_matches(corpus, &corpus.docs[x.a], x.q, state)).collect();
        if visible.is_empty() {
            continue;
        }
        // The same quote in other outlets (the engine links them): shown once,
        // on its first wording, when that one is shown.
        let shown: Set<(usize, usize)> = visible.iter().map(|x| (x.a, x.i)).collect();
        let position = |article: &str, quote: usize| corpus.position(article).map(|a| (a, quote));
        let mut groups: Vec<ArticleQuotes> = Vec::new();
        for x in visible.iter().copied() {
            if x.q.variant_of.as_ref().and_then(|b| position(&b.article, b.quote)).is_some_and(|b| shown.contains(&b)) {
                continue;
            }
            let doc = &corpus.docs[x.a];
            let art = &corpus.story.articles[x.a];
            let mut outlets = vec![outlet_name(doc)];
            let mut variants = Vec::new();
            for v in &x.q.variants {
                let Some(b) = position(&v.article, v.quote).filter(|b| shown.contains(b)) else { continue };
                let other = &corpus.docs[b.0];
                outlets.push(outlet_name(other));
                variants.push(Variant { article: other.id.clone(), index: v.quote, outlet: outlet_name(other), diff: v.diff.clone() });
            }
            let quote_index = quote_indexes[x.a].get_or_insert_with(|| SpanIndex::new(art.quotes.iter().map(|q| q.content)));
            let (when, when_note) = said_text(doc, x.q.said.as_ref());
            // Quotes inside this one or holding it overlap it.
            let around: Vec<usize> = quote_index.overlapping(x.q.content);
            let nested = |outer: bool| -> Option<String> {
                around
                    .iter()
                    .map(|&o| &art.quotes[o])
                    .filter(|o| o.speaker != x.q.speaker || o.speaker.is_none())
                    .find(|o| if outer { x.q.content.contains(o.content) && o.content != x.q.content } else { o.content.contains(x.q.content) && o.content != x.q.content })
                    .map(|o| speaker_name(corpus, &doc.body, o))
            };
            let view = QuoteView {
                article: art.id.clone(),
                index: x.i,
                kind: x.q.kind.clone(),
                text: x.text.clone(),
                cue: span_text(&doc.body, x.q.cue),
                source: span_text(&doc.body, x.q.source),
                when,
                when_note,
                repeating: if relayed_by(x.q) { Some(speaker_name(corpus, &doc.body, x.q)) } else { nested(true) },
                quoted_by: match &x.q.via {
                    Some(via) if !relayed_by(x.q) => Some(via_name(corpus, &doc.body, via)),
                    _ => nested(false),
                },
                outlets,
                variants,
                colour: colours.get(&id).copied(),
            };
            match groups.iter_mut().find(|g| g.article == art.id) {
                Some(g) => g.quotes.push(view),
                None => groups.push(ArticleQuotes {
                    article: art.id.clone(),
                    title: display_title(doc),
                    outlet: outlet_name(doc),
                    quotes: vec![view],
                }),
            }
        }
        let entity = corpus.entity(&id);
        panels.push(SpeakerPanel {
            id: id.clone(),
            name: entity.map(|e| e.name.clone()).unwrap_or_else(|| if id.is_empty() { "Unattributed".into() } else { id.clone() }),
            titles: entity.map(|e| e.titles.clone()).unwrap_or_default(),
            affiliation: entity.and_then(|e| e.affiliation.clone()),
            aliases: entity.map(|e| e.aliases.clone()).unwrap_or_default(),
            count: mine.len(),
            colour: colours.get(&id).copied(),
            groups,
        });
    }
    panels
}

// ---------------------------------------------------------------- reader

/// A date in the text, for the reader's mark and its tooltip.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexMark {
    /// Index in the article's timexes (for the description's id).
    pub index: usize,
    pub kind: String,
    pub value: String,
    /// `Tue, Apr 11, 2017 — weekday; past tense ...`.
    pub tip: String,
}

/// A run of a sentence's text with the same marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    /// The quote index this text belongs to (as quote content).
    pub quote: Option<usize>,
    /// The speaker's colour (None for an unknown speaker).
    pub colour: Option<usize>,
    pub timex: Option<TimexMark>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderSentence {
    pub index: usize,
    pub text: String,
    pub boilerplate: bool,
    pub pieces: Vec<Piece>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderParagraph {
    pub sentences: Vec<ReaderSentence>,
}

/// One article as the reader shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderArticle {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub published: String,
    pub imported: bool,
    /// For an article of a story file without its text: one paragraph saying so.
    pub paragraphs: Vec<ReaderParagraph>,
    /// Every timex tooltip, for `aria-describedby`.
    pub tips: Vec<(usize, String)>,
}

/// The reader's paragraphs, each with its sentences' text.
#[cfg(test)]
pub fn reader_paragraphs(doc: &Document, result: &ArticleResult) -> Vec<ReaderParagraph> {
    reader_paragraphs_with(doc, result, &Map::default())
}

fn reader_paragraphs_with(doc: &Document, result: &ArticleResult, colours: &Map<String, usize>) -> Vec<ReaderParagraph> {
    let body = doc.body.as_str();
    let mut out: Vec<ReaderParagraph> = result.paragraphs.iter().map(|_| ReaderParagraph { sentences: Vec::new() }).collect();
    // Sentences and paragraphs both come in text order: walk them together.
    let mut paragraph = 0;
    let mut boilerplate = result.boilerplate.iter().peekable();
    let quote_index = SpanIndex::new(result.quotes.iter().map(|q| q.content));
    let timex_index = SpanIndex::new(result.timexes.iter().map(|t| t.span));
    for (index, &span) in result.sentences.iter().enumerate() {
        while paragraph + 1 < result.paragraphs.len() && result.paragraphs[paragraph].end <= span.start {
            paragraph += 1;
        }
        while boilerplate.next_if(|b| b.end <= span.start).is_some() {}
        let is_boilerplate = boilerplate.peek() == Some(&&span);
        // The marks overlapping the sentence, in the order of their lists.
        let quotes = quote_index.overlapping(span);
        let timexes = timex_index.overlapping(span);
        // Cut points: the sentence's ends and every mark boundary inside it.
        let mut cuts: Vec<usize> = vec![span.start, span.end];
        let bounds = quotes.iter().map(|&i| result.quotes[i].content).chain(timexes.iter().map(|&i| result.timexes[i].span));
        for mark in bounds {
            cuts.extend([mark.start, mark.end].into_iter().filter(|&p| p > span.start && p < span.end));
        }
        cuts.retain(|&p| body.is_char_boundary(p));
        sort(&mut cuts);
        cuts.dedup();
        let mut pieces: Vec<Piece> = Vec::new();
        for w in cuts.windows(2) {
            let piece = Span::new(w[0], w[1]);
            // The innermost quote holding the piece.
            let quote = quotes
                .iter()
                .copied()
                .filter(|&i| result.quotes[i].content.contains(piece))
                .min_by_key(|&i| result.quotes[i].content.len());
            let colour = quote.and_then(|i| result.quotes[i].speaker.as_ref()).and_then(|s| colours.get(s).copied());
            let timex = timexes.iter().copied().find(|&i| result.timexes[i].span.contains(piece)).map(|i| {
                let t = &result.timexes[i];
                TimexMark { index: i, kind: t.kind.clone(), value: t.value.to_string(), tip: timex_tip(&t.kind, &t.value, &t.note) }
            });
            let text = text_at(body, piece).to_string();
            match pieces.last_mut() {
                Some(last) if last.quote == quote && last.timex == timex => last.text.push_str(&text),
                _ => pieces.push(Piece { text, quote, colour, timex }),
            }
        }
        let Some(p) = out.get_mut(paragraph) else { continue };
        p.sentences.push(ReaderSentence {
            index,
            text: text_at(body, span).to_string(),
            boilerplate: is_boilerplate,
            pieces,
        });
    }
    out.retain(|p| !p.sentences.is_empty());
    out
}

/// What the reader shows of an article whose text a story file does not
/// carry: a paragraph saying so (rendered as a sentence, by the same code).
fn no_text() -> Vec<ReaderParagraph> {
    let text = NO_TEXT_READER.to_string();
    let piece = Piece { text: text.clone(), quote: None, colour: None, timex: None };
    vec![ReaderParagraph { sentences: vec![ReaderSentence { index: 0, text, boilerplate: true, pieces: vec![piece] }] }]
}

/// The tooltip of a date: its value as read, the TIMEX3 value, and the note.
pub fn timex_tip(kind: &str, value: &TimexValue, note: &str) -> String {
    let pretty = pretty_timex(value);
    let value = value.to_string();
    let head = if pretty == value { format!("{kind} {value}") } else { format!("{pretty} ({value})") };
    if note.is_empty() {
        head
    } else {
        format!("{head} — {note}")
    }
}

/// Every article for the reader, in story order.
pub fn reader_articles(corpus: &Corpus, imported: &[String]) -> Vec<ReaderArticle> {
    let colours = speaker_colours(&corpus.story);
    corpus
        .docs
        .iter()
        .zip(&corpus.story.articles)
        .map(|(doc, art)| ReaderArticle {
            id: doc.id.clone(),
            title: display_title(doc),
            outlet: outlet_name(doc),
            published: doc.published.to_string(),
            imported: imported.contains(&doc.id),
            paragraphs: if doc.body.is_empty() { no_text() } else { reader_paragraphs_with(doc, art, &colours) },
            tips: art.timexes.iter().enumerate().map(|(i, t)| (i, timex_tip(&t.kind, &t.value, &t.note))).collect(),
        })
        .collect()
}

/// Sentences as `(article id, sentence index)`, sorted, each once (a sorted
/// `Vec`: a `BTreeSet` brings one more copy of the standard library's sort
/// into the wasm).
pub type Sentences = Vec<(String, usize)>;

/// The sorted indices of `article`'s sentences in `set` (look one up with
/// `binary_search`).
pub fn sentences_of(set: &Sentences, article: &str) -> Vec<usize> {
    // (the set is sorted by article: its run, found by binary search, as a
    // B-tree range would; each article's memo reads only its own run)
    let from = set.partition_point(|(a, _)| a.as_str() < article);
    set[from..].iter().take_while(|(a, _)| a == article).map(|&(_, i)| i).collect()
}

/// `out` sorted, each once.
fn sorted(mut out: Sentences) -> Sentences {
    sort(&mut out);
    out.dedup();
    out
}

/// The sentences a selection points at, as `(article id, sentence index)`:
/// an item's evidence, or a quote's sentences (content, cue and source) in
/// its own article and in every other outlet carrying the same quote.
pub fn selected_sentences(corpus: &Corpus, selection: Option<&Selection>) -> Sentences {
    let mut out = Sentences::new();
    let mut mark = |article: &str, span: Span| {
        if let Some((_, art)) = corpus.article(article) {
            out.extend(sentences_touching(art, span).map(|i| (article.to_string(), i)));
        }
    };
    match selection {
        None => {}
        Some(Selection::Event(id)) => {
            if let Some(ev) = corpus.story.events.iter().find(|e| &e.id == id) {
                for e in &ev.evidence {
                    mark(&e.article, e.span);
                }
            }
        }
        Some(Selection::Quote { article, index }) => {
            let Some((_, art)) = corpus.article(article) else { return Sentences::new() };
            let Some(q) = art.quotes.get(*index) else { return Sentences::new() };
            for s in [Some(q.content), q.cue, q.source].into_iter().flatten() {
                mark(article, s);
            }
            // The same quote in other outlets: its first wording and every variant of that.
            let base = q.variant_of.as_ref().and_then(|b| Some((b.article.clone(), corpus.article(&b.article)?.1.quotes.get(b.quote)?)));
            let (base_id, base) = base.unwrap_or((article.clone(), q));
            let others = std::iter::once((base_id, base)).chain(base.variants.iter().filter_map(|v| Some((v.article.clone(), corpus.article(&v.article)?.1.quotes.get(v.quote)?))));
            for (id, o) in others {
                for s in [Some(o.content), o.cue, o.source].into_iter().flatten() {
                    mark(&id, s);
                }
            }
        }
    }
    sorted(out)
}

/// Sentences matching the free-text or entity filter, for the reader's marks.
pub fn matching_sentences(corpus: &Corpus, state: &ViewState) -> Sentences {
    let mut out = Sentences::new();
    let q = lower(state.query.trim());
    let entity = state.entity.as_deref().or(state.speaker.as_deref());
    if q.is_empty() && entity.is_none() {
        return out;
    }
    for (doc, art) in corpus.docs.iter().zip(&corpus.story.articles) {
        for (i, s) in art.sentences.iter().enumerate() {
            let text = text_at(&doc.body, *s);
            let text_hit = !q.is_empty() && lower(text).contains(&q);
            let entity_hit = entity.is_some_and(|e| {
                art.mentions.iter().any(|m| m.entity == e && s.overlaps(m.span))
                    || art.quotes.iter().any(|x| x.speaker.as_deref() == Some(e) && s.overlaps(x.content))
                    || corpus.entity(e).map_or_else(
                        || lower(text).contains(e),
                        |ent| text.contains(&ent.name),
                    )
            });
            if text_hit || (q.is_empty() && entity_hit) || (text_hit && entity_hit) {
                out.push((doc.id.clone(), i));
            }
        }
    }
    sorted(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use dateline_core::story::{extract, Input, MentionOut};

    pub fn doc(id: &str, outlet: Option<&str>, body: &str) -> Document {
        Document {
            id: id.into(),
            title: Some(format!("Title {id}")),
            outlet: outlet.map(str::to_string),
            published: Date::new(2017, 4, 12).unwrap(),
            url: None,
            body: body.into(),
        }
    }

    pub fn corpus(docs: Vec<Document>) -> Corpus {
        let inputs: Vec<Input<'_>> = docs.iter().map(|d| Input { document: d, path: "" }).collect();
        let story = extract(&inputs);
        Corpus::new(docs, story)
    }

    /// The only place building engine quote/entity values: the attribution
    /// branch may add fields; then only these two helpers change.
    pub fn quote(body: &str, content: &str, kind: &str, cue: &str, source: &str, speaker: Option<&str>) -> QuoteOut {
        let find = |s: &str| {
            (!s.is_empty()).then(|| {
                let at = body.find(s).unwrap_or_else(|| panic!("{s:?} not in body"));
                Span::new(at, at + s.len())
            })
        };
        let cue_span = find(cue);
        QuoteOut {
            content: find(content).unwrap(),
            kind: kind.into(),
            cue: cue_span,
            source: find(source),
            speaker: speaker.map(str::to_string),
            cue_verb: cue_span.map(|c| c.text(body).to_lower()),
            partial: false,
            speakers: Vec::new(),
            via: None,
            parts: Vec::new(),
            said: None,
            variants: Vec::new(),
            variant_of: None,
        }
    }

    pub fn entity(id: &str, name: &str, titles: &[&str], aliases: &[&str], affiliation: Option<&str>) -> EntityOut {
        EntityOut {
            id: id.into(),
            name: name.into(),
            kind: "person".into(),
            titles: titles.iter().map(|s| s.to_string()).collect(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            affiliation: affiliation.map(str::to_string),
        }
    }

    const A: &str = "Tillerson said on Tuesday that Mattis had told him \"the regime did it\". \"We will not accept this,\" Tillerson told reporters.\nLavrov said the talks were useful.";
    const B: &str = "\"We will never accept this,\" Tillerson said.\nOther news.";

    /// Two outlets, hand-made quotes and entities over real segmentation.
    pub fn quoted() -> Corpus {
        let mut c = corpus(vec![doc("a", Some("Outlet A"), A), doc("b", Some("Outlet B"), B)]);
        c.story.entities = vec![
            entity("e1", "Rex Tillerson", &["Secretary of State"], &["Tillerson"], Some("United States")),
            entity("e2", "James Mattis", &["Defense Secretary"], &["Mattis"], Some("United States")),
            entity("e3", "Sergey Lavrov", &[], &["Lavrov"], Some("Russia")),
        ];
        c.story.articles[0].quotes = vec![
            quote(A, "that Mattis had told him \"the regime did it\"", "reported", "said", "Tillerson", Some("e1")),
            quote(A, "the regime did it", "direct", "told", "Mattis", Some("e2")),
            quote(A, "We will not accept this,", "direct", "told reporters", "Tillerson told", Some("e1")),
            quote(A, "the talks were useful", "reported", "said the", "Lavrov", Some("e3")),
        ];
        c.story.articles[0].mentions = vec![MentionOut { span: Span::new(0, 9), entity: "e1".into() }];
        c.story.articles[1].quotes = vec![quote(B, "We will never accept this,", "direct", "said", "Tillerson", Some("e1"))];
        // What the engine's story stage adds: when each was said, and the same quote in outlet B.
        c.story.articles[0].quotes[0].said = Some(Said {
            basis: SaidBasis::Sentence,
            event: None,
            value: TimexValue::parse("2017-04-11").unwrap(),
            note: "'on Tuesday' in the same sentence".into(),
        });
        let diff = dateline_core::story::word_diff("We will not accept this,", "We will never accept this,");
        c.story.articles[0].quotes[2].variants = vec![dateline_core::story::QuoteVariant { article: "b".into(), quote: 0, diff }];
        c.story.articles[1].quotes[0].variant_of = Some(dateline_core::story::QuoteRef { article: "a".into(), quote: 2 });
        c
    }

    #[test]
    fn an_article_without_its_text_still_shows_its_items_and_says_why_no_text() {
        // A story file may leave an article's text out: its spans then point nowhere.
        let mut c = quoted();
        c.docs[0].body = String::new();
        let all = ViewState::default();
        let panels = speaker_panels(&c, &all);
        let quotes: Vec<&QuoteView> = panels.iter().flat_map(|p| &p.groups).flat_map(|g| &g.quotes).collect();
        assert!(quotes.iter().any(|q| q.article == "a" && q.text == NO_TEXT));
        for item in timeline(&c, &all).days.iter().flat_map(|d| &d.items) {
            assert!(item.evidence.iter().all(|e| (e.article == "a") == (e.text == NO_TEXT)), "{item:?}");
        }
        let readers = reader_articles(&c, &[]);
        assert_eq!(readers[0].paragraphs[0].sentences[0].text, NO_TEXT_READER);
        assert!(readers[1].paragraphs[0].sentences[0].text.contains("never accept"));
        let search = ViewState { query: "regime".into(), entity: Some("e1".into()), ..Default::default() };
        assert!(matching_sentences(&c, &search).iter().all(|(a, _)| a == "b"));
        let _ = (speaker_panels(&c, &search), selected_sentences(&c, Some(&Selection::Quote { article: "a".into(), index: 1 })));
    }

    #[test]
    fn paragraphs_keep_every_sentence_in_order() {
        let d = doc("a", None, "One. Two.\nRecommended\nThree.");
        let c = corpus(vec![d]);
        let paras = reader_paragraphs(&c.docs[0], &c.story.articles[0]);
        let texts: Vec<Vec<&str>> =
            paras.iter().map(|p| p.sentences.iter().map(|s| s.text.as_str()).collect()).collect();
        assert_eq!(texts, vec![vec!["One.", "Two."], vec!["Recommended"], vec!["Three."]]);
        assert!(paras[1].sentences[0].boilerplate);
        assert_eq!(paras[2].sentences[0].index, 3);
    }

    #[test]
    fn values_read_as_dates() {
        assert_eq!(pretty_value("2017-04-06"), "Thu, Apr 6, 2017");
        assert_eq!(pretty_value("2017-04"), "Apr 2017");
        assert_eq!(pretty_value("2013"), "2013");
        assert_eq!(pretty_value("P1W"), "P1W");
        assert_eq!(pretty_value("2017-04-06T10:00"), "Thu, Apr 6, 2017 T10:00");
        assert_eq!(pretty_value("2017-04-06TMO"), "Thu, Apr 6, 2017 TMO");
        assert_eq!(pretty_value("2017-W14"), "2017-W14");
        assert_eq!(pretty_value("FU"), "FU");
        assert_eq!(pretty_value(""), "");
    }

    fn seeds() -> Corpus {
        let docs = crate::corpus::CORPUS.iter().map(|a| a.document()).collect();
        corpus(docs)
    }

    #[test]
    fn timeline_groups_by_day_in_order_with_bounds_uncertain() {
        let c = seeds();
        let t = timeline(&c, &ViewState::default());
        assert_eq!(t.total, c.story.events.len());
        let shown: usize = t.days.iter().map(|d| d.items.len()).sum::<usize>() + t.background.len();
        assert_eq!(shown, t.total);
        // One group per heading, headings unique.
        let headings: Vec<&str> = t.days.iter().map(|d| d.heading.as_str()).collect();
        let unique: BTreeSet<&str> = headings.iter().copied().collect();
        assert_eq!(unique.len(), headings.len(), "{headings:?}");
        // The bounded attack is "before Thu, Apr 6", uncertain, placed before that day.
        let before = t.days.iter().position(|d| d.heading == "before Thu, Apr 6, 2017").expect("a bounded group");
        assert!(t.days[before].uncertain);
        assert!(t.days[before].items.iter().all(|i| i.value.is_empty()));
        let day = t.days.iter().position(|d| d.heading == "Thu, Apr 6, 2017").unwrap();
        assert!(before < day);
        assert_eq!(t.days[0].heading, "2013");
        // Merged across outlets: an item with two sources.
        let merged = t.days.iter().flat_map(|d| &d.items).find(|i| i.outlets.len() == 2).expect("a merged item");
        assert!(merged.evidence.iter().any(|e| e.outlet == "Townhall"));
    }

    #[test]
    fn timeline_filters_by_outlet_text_and_participant() {
        let c = seeds();
        let all = timeline(&c, &ViewState::default());
        let townhall = timeline(&c, &ViewState { outlet: Some("Townhall".into()), ..Default::default() });
        let n = |t: &Timeline| t.days.iter().map(|d| d.items.len()).sum::<usize>() + t.background.len();
        assert!(n(&townhall) > 0 && n(&townhall) < n(&all));
        assert!(townhall.days.iter().flat_map(|d| &d.items).all(|i| i.outlets.contains(&"Townhall".to_string())));
        let q = timeline(&c, &ViewState { query: "PUTIN".into(), ..Default::default() });
        assert!(n(&q) > 0 && n(&q) < n(&all));
        let opts = filter_options(&c);
        let moscow = opts.entities.iter().find(|e| e.label == "Moscow").expect("participant option");
        let t = timeline(&c, &ViewState { entity: Some(moscow.value.clone()), ..Default::default() });
        assert!(t.days.iter().flat_map(|d| &d.items).all(|i| i.participants.iter().any(|p| p == "Moscow")));
        assert!(n(&t) >= 1);
        assert_eq!(opts.outlets.len(), 2);
    }

    #[test]
    fn panels_order_merge_and_mark_nesting() {
        let c = quoted();
        let panels = speaker_panels(&c, &ViewState::default());
        let names: Vec<&str> = panels.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Rex Tillerson", "James Mattis", "Sergey Lavrov"]);
        let t = &panels[0];
        assert_eq!((t.count, t.titles[0].as_str(), t.affiliation.as_deref()), (3, "Secretary of State", Some("United States")));
        // Three quotes, one carried by both outlets: shown once with two badges.
        let quotes: Vec<&QuoteView> = t.groups.iter().flat_map(|g| &g.quotes).collect();
        assert_eq!(quotes.len(), 2);
        let shared = quotes.iter().find(|q| q.outlets.len() == 2).expect("merged");
        assert_eq!(shared.outlets, ["Outlet A", "Outlet B"]);
        assert_eq!(shared.variants[0].diff, vec![Diff::Same("We will".into()), Diff::Removed("not".into()), Diff::Added("never".into()), Diff::Same("accept this,".into())]);
        assert_eq!(shared.cue, "told reporters");
        // Nesting, both ways.
        let reported = quotes.iter().find(|q| q.kind == "reported").unwrap();
        assert_eq!(reported.repeating.as_deref(), Some("Mattis"));
        assert_eq!(reported.when, "Tue, Apr 11, 2017");
        let mattis = &panels[1].groups[0].quotes[0];
        assert_eq!(mattis.quoted_by.as_deref(), Some("Tillerson"));
        // Colours by rank.
        assert_eq!((panels[0].colour, panels[1].colour), (Some(0), Some(1)));
    }

    #[test]
    fn outlet_falls_back_to_a_short_title_and_notes_are_capped() {
        let mut d = doc("x", None, "Body.");
        d.title = Some("Tillerson says U.S.-Russia relations have hit a low point".into());
        assert_eq!(outlet_name(&d), "Tillerson says U.S.-Russia…");
        d.title = Some("Short title".into());
        assert_eq!(outlet_name(&d), "Short title");
        assert_eq!(outlet_name(&doc("x", Some(" Wire "), "B.")), "Wire");
        assert_eq!(short_note("a; b; c"), "a; b; c");
        assert_eq!(short_note("a; b; c; d; e"), "a; b; c (+2 more)");
    }

    #[test]
    fn an_articles_share_of_a_sentence_set() {
        let set = sorted(vec![("a".into(), 3), ("ab".into(), 1), ("b".into(), 0), ("a".into(), 0), ("a".into(), 3)]);
        assert_eq!(sentences_of(&set, "a"), [0, 3]);
        assert_eq!(sentences_of(&set, "ab"), [1]);
        assert!(sentences_of(&set, "c").is_empty());
    }

    #[test]
    fn an_untitled_article_is_titled_by_its_first_words() {
        let mut d = doc("my-on-tuesday-the-minister", None, "  On Tuesday the minister said the talks, which began last week in Geneva, had made progress.");
        d.title = None;
        assert_eq!(display_title(&d), "On Tuesday the minister said the talks, which began last…");
        d.body = "Foreign ministers said the negotiations made good progress. Afterwards they left.".into();
        assert_eq!(display_title(&d), "Foreign ministers said the negotiations made good progress…");
        d.body = "Short text.".into();
        assert_eq!(display_title(&d), "Short text.");
        d.body = " \n ".into();
        assert_eq!(display_title(&d), "my-on-tuesday-the-minister");
        d.title = Some("Given".into());
        assert_eq!(display_title(&d), "Given");
    }

    #[test]
    fn interrupted_quotes_show_their_parts() {
        let body = "“We are ready,” she said. “We will not wait.”";
        let c = corpus(vec![doc("a", Some("A"), body)]);
        let q = &c.story.articles[0].quotes[0];
        assert_eq!(q.parts.len(), 2, "{q:?}");
        assert_eq!(q.text(body), "We are ready … We will not wait.");
    }

    #[test]
    fn relayed_quotes_show_in_both_panels() {
        // The engine records "He repeated what X said" as X's quote, relayed by him.
        let body = "Secretary of State Rex Tillerson spoke in Moscow. He repeated what Defense Secretary James Mattis said on Tuesday - that the regime clearly orchestrated the attack.";
        let c = corpus(vec![doc("a", Some("Outlet A"), body)]);
        let relayed = c.story.articles[0].quotes.iter().find(|q| q.via.is_some()).expect("the engine records the relay");
        assert!(relayed.speaker.is_some());
        let panels = speaker_panels(&c, &ViewState::default());
        let quotes_of = |name: &str| -> Vec<QuoteView> {
            panels.iter().filter(|p| p.name == name).flat_map(|p| p.groups.iter().flat_map(|g| g.quotes.clone())).collect()
        };
        let mattis = quotes_of("James Mattis");
        assert!(mattis.iter().any(|q| q.quoted_by.as_deref() == Some("Rex Tillerson")), "{mattis:?}");
        let tillerson = quotes_of("Rex Tillerson");
        assert!(tillerson.iter().any(|q| q.repeating.as_deref().is_some_and(|r| r.contains("Mattis"))), "{tillerson:?}");
    }

    #[test]
    fn panels_follow_filters() {
        let c = quoted();
        let only = |s: ViewState| speaker_panels(&c, &s).into_iter().map(|p| p.name).collect::<Vec<_>>();
        assert_eq!(only(ViewState { speaker: Some("e3".into()), ..Default::default() }), ["Sergey Lavrov"]);
        assert_eq!(only(ViewState { outlet: Some("Outlet B".into()), ..Default::default() }), ["Rex Tillerson"]);
        assert_eq!(only(ViewState { query: "regime".into(), ..Default::default() }), ["Rex Tillerson", "James Mattis"]);
        // Without names, quotes land in the unattributed panel, never merged.
        let mut c2 = quoted();
        for a in &mut c2.story.articles {
            for q in &mut a.quotes {
                // As the engine gives it: nobody named, nothing linked.
                q.speaker = None;
                q.variants.clear();
                q.variant_of = None;
            }
        }
        let p = speaker_panels(&c2, &ViewState::default());
        assert_eq!((p.len(), p[0].id.as_str(), p[0].name.as_str()), (1, "", "Unattributed"));
        assert_eq!(p[0].groups.iter().map(|g| g.quotes.len()).sum::<usize>(), 5);
    }

    #[test]
    fn reader_pieces_carry_quote_and_time_marks() {
        let c = quoted();
        let arts = reader_articles(&c, &[]);
        let s = &arts[0].paragraphs[0].sentences[0];
        let joined: String = s.pieces.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, s.text, "pieces cover the sentence exactly");
        let tue = s.pieces.iter().find(|p| p.timex.is_some()).unwrap();
        assert_eq!(tue.text, "Tuesday");
        assert!(tue.timex.as_ref().unwrap().tip.starts_with("Tue, Apr 11, 2017 (2017-04-11) — "));
        let inner = s.pieces.iter().find(|p| p.text == "the regime did it").unwrap();
        assert_eq!((inner.quote, inner.colour), (Some(1), Some(1)));
        assert!(s.pieces.iter().any(|p| p.quote == Some(0) && p.colour == Some(0)));
    }

    #[test]
    fn selections_point_at_sentences_in_each_article() {
        let c = quoted();
        let sel = selected_sentences(&c, Some(&Selection::Quote { article: "a".into(), index: 2 }));
        assert_eq!(sel.into_iter().collect::<Vec<_>>(), [("a".to_string(), 1), ("b".to_string(), 0)]);
        let s = seeds();
        let ev = s.story.events.iter().find(|e| e.evidence.iter().map(|x| &x.article).collect::<BTreeSet<_>>().len() == 2).unwrap();
        let sel = selected_sentences(&s, Some(&Selection::Event(ev.id.clone())));
        let arts: BTreeSet<&str> = sel.iter().map(|(a, _)| a.as_str()).collect();
        assert_eq!(arts.len(), 2);
        assert!(selected_sentences(&s, Some(&Selection::Event("nope".into()))).is_empty());
        assert!(selected_sentences(&s, Some(&Selection::Quote { article: "x".into(), index: 9 })).is_empty());
    }

    #[test]
    fn matching_sentences_follow_query() {
        let c = quoted();
        let m = matching_sentences(&c, &ViewState { query: "lavrov".into(), ..Default::default() });
        assert_eq!(m.into_iter().collect::<Vec<_>>(), [("a".to_string(), 2)]);
        assert!(matching_sentences(&c, &ViewState::default()).is_empty());
    }
}

