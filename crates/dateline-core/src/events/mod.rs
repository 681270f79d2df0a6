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
//!      dated verb, or the frame of a statement ("said during a trip to
//!      Moscow Wednesday") shares its time;
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

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::OnceLock;

use crate::date::Date;
use crate::lexicon::{trim_suffix, Map, WordSet};
use crate::segment::{Segmentation, TokenKind};
use crate::span::{Span, SpanIndex};
use crate::time::{Timex, TimexType};
use crate::timex::TimexValue;

/// One article as the events stage reads it. `mentions` are entity mentions
/// (span → entity id) from the entity stage; empty means "derive participants
/// from capitalised names".
pub struct ArticleInput<'a> {
    pub id: &'a str,
    pub body: &'a str,
    pub segmentation: &'a Segmentation,
    pub timexes: &'a [Timex],
    pub published: Date,
    pub mentions: &'a [(Span, String)],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// A speech act: said, told, noted, blasted.
    Statement,
    /// Something done or happening: ordered, agreed, an attack, a commitment.
    Occurrence,
    /// An event others happen at: a press conference, talks, a meeting, a trip.
    Frame,
}

/// How an event got its time.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
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

/// One clause-level event of one article.
#[derive(Clone, Debug)]
pub struct Event {
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
    pub label: String,
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

/// Reads the events of every article and merges them into the story timeline.
pub fn timeline(articles: &[ArticleInput<'_>]) -> Timeline {
    let mut events = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        events.extend(article_events(a, article));
    }
    merge_timeline(articles, events)
}

/// Merges the events read from each article ([`article_events`], in article
/// order) into the story timeline.
pub fn merge_timeline(articles: &[ArticleInput<'_>], mut events: Vec<Event>) -> Timeline {
    let items = merge(articles, &mut events);
    Timeline { events, items }
}

// ------------------------------------------------------------------ lexicon

static SPEECH: WordSet = WordSet::new(&[
    "say", "tell", "note", "insist", "reveal", "repeat", "reiterate", "add", "warn", "announce", "claim", "state",
    "accuse", "blast", "criticize", "criticise", "urge", "suggest", "deny", "argue", "explain", "stress",
    "acknowledge", "admit", "confirm", "declare", "speak", "comment", "respond", "reply", "tweet", "praise",
    "condemn", "threaten", "promise", "vow", "predict", "point", "discuss", "talk", "express", "emphasize",
    "emphasise", "remark", "concede", "contend", "maintain", "assert", "allege", "advise", "ask", "call",
    "write", "testify", "echo",
]);

static ACTION: WordSet = WordSet::new(&[
    "order", "attack", "strike", "launch", "kill", "agree", "sign", "meet", "visit", "elect", "vote", "resign",
    "appoint", "nominate", "arrest", "release", "ban", "impose", "sanction", "invade", "withdraw", "deploy",
    "establish", "suspend", "resume", "close", "bomb", "shoot", "die", "crash", "explode", "collapse", "approve",
    "reject", "veto", "sue", "charge", "convict", "sentence", "raid", "seize", "capture", "destroy", "occupy",
    "evacuate", "rescue", "decide", "cancel", "postpone", "unveil", "acquire", "buy", "sell", "merge", "fire",
    "hold", "host", "win", "lose", "expel", "retaliate",
]);

/// Verbs whose object noun is the event ("held a press conference").
static LIGHT: WordSet = WordSet::new(&["hold", "host", "have", "give", "attend", "conduct", "stage", "carry", "make", "order", "launch", "begin", "start", "end", "sign", "reach", "strike", "announce", "mount", "call"]);

static FRAME_NOUNS: WordSet = WordSet::new(&[
    "meeting", "meetings", "conference", "talks", "summit", "visit", "trip", "interview", "hearing", "speech",
    "session", "ceremony", "briefing", "conversation", "negotiations", "tour", "rally", "debate",
]);

static OCCURRENCE_NOUNS: WordSet = WordSet::new(&[
    "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "bombing", "explosion", "shooting",
    "election", "elections", "vote", "referendum", "commitment", "agreement", "deal", "treaty", "ceasefire",
    "invasion", "crash", "earthquake", "protest", "protests", "coup", "massacre", "assassination", "arrest",
    "resignation", "raid", "decision", "statement", "remarks", "sanctions", "collapse", "takeover", "merger",
    "acquisition", "bankruptcy", "lawsuit", "trial", "verdict", "ruling", "layoffs", "launch", "announcement",
]);

const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"), ("says", "say"), ("told", "tell"), ("met", "meet"), ("held", "hold"), ("spoke", "speak"),
    ("struck", "strike"), ("wrote", "write"), ("shot", "shoot"), ("won", "win"), ("lost", "lose"), ("sold", "sell"),
    ("bought", "buy"), ("withdrew", "withdraw"), ("withdrawn", "withdraw"), ("took", "take"), ("fell", "fall"),
    ("rose", "rise"), ("began", "begin"), ("gave", "give"), ("made", "make"), ("sent", "send"), ("fought", "fight"),
    ("brought", "bring"), ("had", "have"), ("has", "have"), ("died", "die"), ("written", "write"), ("spoken", "speak"),
    ("given", "give"), ("begun", "begin"), ("chosen", "choose"), ("chose", "choose"), ("led", "lead"), ("did", "do"),
];

static STOP: WordSet = WordSet::new(&[
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "that", "this",
    "these", "those", "it", "its", "he", "she", "they", "them", "his", "her", "their", "we", "our", "i", "you",
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would", "said", "says", "say", "not",
    "as", "after", "before", "during", "about", "into", "over", "also", "which", "who", "what", "there", "two",
    "said", "told", "than", "more", "very", "between", "both", "any", "some", "all", "himself", "herself", "itself",
    "s", "t", "we've", "he's", "she's", "it's", "did", "do", "does", "can", "could", "should", "may", "might",
]);

static TITLES: WordSet = WordSet::new(&[
    "president", "secretary", "minister", "foreign", "defense", "defence", "prime", "chancellor", "senator", "sen",
    "rep", "representative", "governor", "gov", "general", "gen", "king", "queen", "prince", "mr", "mrs", "ms",
    "dr", "pope", "vice", "deputy", "chief", "spokesman", "spokeswoman", "ambassador", "of", "state", "former",
    "interior", "finance", "justice", "attorney", "commander", "leader", "director", "chairman", "ceo", "judge",
    "mayor", "sheriff", "officer", "lt", "col", "capt", "adm", "sgt", "professor", "prof", "rev", "lord", "lady",
    "sir", "dame", "emir", "sheikh", "supreme", "first", "lady", "executive", "press", "national", "security",
    "adviser", "advisor", "counselor", "spokesperson", "u.s.", "us", "the",
]);

/// Sentence openers that are not names when capitalised.
static OPENERS: WordSet = WordSet::new(&[
    "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his",
    "her", "their", "our", "my", "your", "there", "here", "but", "and", "or", "so", "yet", "however", "in", "on",
    "at", "for", "with", "as", "after", "before", "when", "while", "if", "although", "though", "because", "since",
    "what", "why", "how", "who", "where", "which", "some", "many", "most", "not", "now", "then", "still", "also",
    "meanwhile", "earlier", "later", "today", "yesterday", "all", "both", "each", "such", "other", "another",
    "several", "according", "during", "despite", "by", "from", "to", "under", "over", "among", "do", "does", "did",
    "is", "are", "was", "were", "will", "would", "can", "could", "should", "let", "please", "thus", "instead",
    "indeed", "nor", "every", "no", "one", "only", "just", "even", "disagreement", "relations", "officials",
    "russian", "american", "syrian", "chinese", "british", "french", "german", "israeli", "iranian", "iraqi",
    "ukrainian", "turkish", "european", "western", "north", "south", "east", "west", "recommended", "join", "read",
]);

fn weekday_or_month(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january" | "february"
            | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november"
            | "december"
    )
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Past,
    Present,
    Base,
    Ing,
}

/// The lemma of an irregular form.
fn irregular(form: &str) -> Option<&'static str> {
    static MAP: OnceLock<Map<&'static str, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = Map::default();
        for &(f, l) in IRREGULAR {
            map.entry(f).or_insert(l);
        }
        map
    });
    map.get(form).copied()
}

/// Every speech and action verb: (the word, a speech verb, an action verb).
fn verb_table() -> &'static Map<&'static str, (&'static str, bool, bool)> {
    static MAP: OnceLock<Map<&'static str, (&'static str, bool, bool)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: Map<&'static str, (&'static str, bool, bool)> = Map::default();
        for &w in SPEECH.words() {
            map.entry(w).or_insert((w, false, false)).1 = true;
        }
        for &w in ACTION.words() {
            map.entry(w).or_insert((w, false, false)).2 = true;
        }
        map
    })
}

/// `stem` followed by `suffix`, written into `buf` (None when it does not
/// fit: no list word is that long).
fn joined<'b>(buf: &'b mut [u8; 48], stem: &str, suffix: &str) -> Option<&'b str> {
    let n = stem.len() + suffix.len();
    if n > buf.len() {
        return None;
    }
    buf[..stem.len()].copy_from_slice(stem.as_bytes());
    buf[stem.len()..n].copy_from_slice(suffix.as_bytes());
    std::str::from_utf8(&buf[..n]).ok()
}

/// A verb form's lemma and form as a speech verb and as an action verb:
/// for each list, the first candidate stem (the irregular form's lemma, the
/// word, then the stems of "-ed", "-ing" and "-s" forms) that it holds.
fn verb_lemmas(lower: &str) -> VerbLemmas {
    let lower = trim_suffix(lower, "'s");
    // The lists and the irregular forms are ASCII, and every candidate keeps
    // the word's other characters.
    if !lower.is_ascii() {
        return (None, None);
    }
    if let Some(lemma) = irregular(lower) {
        let form = if lower.ends_with('s') && lemma != "have" || lower == "has" { Form::Present } else { Form::Past };
        return (SPEECH.get(lemma).map(|l| (l, form)), ACTION.get(lemma).map(|l| (l, form)));
    }
    let table = verb_table();
    let mut found: VerbLemmas = (None, None);
    // Offers a candidate to both lists; true once both have their lemma.
    let mut offer = |cand: &str, form: Form| {
        if let Some(&(word, speech, action)) = table.get(cand) {
            if speech && found.0.is_none() {
                found.0 = Some((word, form));
            }
            if action && found.1.is_none() {
                found.1 = Some((word, form));
            }
        }
        found.0.is_some() && found.1.is_some()
    };
    let (mut buf_e, mut buf_y) = ([0u8; 48], [0u8; 48]);
    if offer(lower, Form::Base) {
        return found;
    }
    if let Some(stem) = lower.strip_suffix("ed") {
        let undoubled = if stem.len() > 2 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2] { &stem[..stem.len() - 1] } else { stem };
        let e = joined(&mut buf_e, stem, "e").unwrap_or("");
        let ied = stem.strip_suffix('i').and_then(|s| joined(&mut buf_y, s, "y")).unwrap_or("");
        for cand in [stem, undoubled, e, ied] {
            if offer(cand, Form::Past) {
                return found;
            }
        }
    }
    if let Some(stem) = lower.strip_suffix("ing") {
        let undoubled = if stem.len() > 2 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2] { &stem[..stem.len() - 1] } else { stem };
        let e = joined(&mut buf_e, stem, "e").unwrap_or("");
        for cand in [stem, undoubled, e] {
            if offer(cand, Form::Ing) {
                return found;
            }
        }
    }
    if let Some(stem) = lower.strip_suffix('s') {
        let es = lower.strip_suffix("es").unwrap_or("");
        let ies = lower.strip_suffix("ies").and_then(|s| joined(&mut buf_y, s, "y")).unwrap_or("");
        for cand in [stem, es, ies] {
            if offer(cand, Form::Present) {
                return found;
            }
        }
    }
    found
}

fn third_person(lemma: &str) -> String {
    match lemma {
        "say" => "says".into(),
        "have" => "has".into(),
        "do" => "does".into(),
        l if l.ends_with('y') && !l.ends_with("ay") && !l.ends_with("ey") && !l.ends_with("oy") => format!("{}ies", &l[..l.len() - 1]),
        l if l.ends_with('s') || l.ends_with("sh") || l.ends_with("ch") || l.ends_with('x') || l.ends_with('z') => format!("{l}es"),
        l => format!("{l}s"),
    }
}

// ------------------------------------------------------------------ sentence reading

#[derive(Clone, Debug)]
struct Tok<'a> {
    span: Span,
    text: &'a str,
    lower: Cow<'a, str>,
    kind: TokenKind,
    quoted: bool,
    /// Part of a name sequence (index into the sentence's names).
    name: Option<usize>,
    /// Covered by a temporal expression.
    timex: bool,
    /// `verb_lemmas` of the word: as a speech verb and as an action verb,
    /// worked out on first use (see [`Tok::verbs`]).
    verbs: OnceCell<VerbLemmas>,
}

/// A word's lemma and form as a speech verb and as an action verb.
type VerbLemmas = (Option<(&'static str, Form)>, Option<(&'static str, Form)>);

impl Tok<'_> {
    fn verbs(&self) -> VerbLemmas {
        *self.verbs.get_or_init(|| verb_lemmas(&self.lower))
    }
}

#[derive(Clone, Debug)]
struct Name {
    /// Token range of the name without titles.
    start: usize,
    key: String,
    display: String,
}

fn is_cap(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase())
}

fn is_pronoun(lower: &str) -> bool {
    let stem = lower.split(['\'', '’']).next().unwrap_or(lower);
    matches!(stem, "he" | "she" | "they" | "we" | "i" | "it" | "you")
}

fn read_sentence<'a>(body: &'a str, seg: &'a Segmentation, si: usize, quoted_at_start: bool, timexes: &[&Timex]) -> (Vec<Tok<'a>>, Vec<Name>, bool) {
    let sentence = &seg.sentences[si];
    let sentence_tokens = seg.sentence_tokens(sentence);
    let mut toks: Vec<Tok<'a>> = Vec::with_capacity(sentence_tokens.len());
    let mut quoted = quoted_at_start;
    for (i, t) in sentence.tokens.clone().zip(sentence_tokens) {
        let text = t.span.text(body);
        let mut q = quoted;
        match text {
            "“" => {
                quoted = true;
                q = true;
            }
            "”" => {
                quoted = false;
            }
            "\"" => {
                quoted = !quoted;
                q = true;
            }
            _ => {}
        }
        let timex = timexes.iter().any(|x| x.span.overlaps(t.span) && x.kind != TimexType::Duration);
        toks.push(Tok { span: t.span, text, lower: Cow::Borrowed(seg.lower(i)), kind: t.kind, quoted: q, name: None, timex, verbs: OnceCell::new() });
    }
    // Name sequences: capitalised words (not openers, weekdays, months), with inner "of"/"al-".
    let mut names = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let capital = |k: usize| {
            let t = &toks[k];
            t.kind == TokenKind::Word && is_cap(t.text) && !t.timex && !weekday_or_month(&t.lower) && !is_pronoun(&t.lower)
                && !(k == 0 && OPENERS.contains(&t.lower.as_ref()))
                && !(k > 0 && matches!(toks[k - 1].text, "“" | "\"") && OPENERS.contains(&t.lower.as_ref()))
        };
        if !capital(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < toks.len() {
            if capital(end) {
                end += 1;
            } else if matches!(toks[end].lower.as_ref(), "of" | "for" | "the") && end + 1 < toks.len() && capital(end + 1) && end > start {
                end += 1;
            } else {
                break;
            }
        }
        // Strip leading titles and demonyms ("Secretary of State Rex Tillerson", "Russian Foreign Minister").
        let mut s = start;
        while s + 1 < end && (TITLES.contains(&toks[s].lower.trim_end_matches('.')) || is_demonym(&toks[s].lower)) {
            s += 1;
        }
        while s < end && matches!(toks[s].lower.as_ref(), "of" | "for" | "the") {
            s += 1;
        }
        let words: Vec<&str> = toks[s..end].iter().map(|t| trim_suffix(trim_suffix(t.text, "'s"), "’s")).collect();
        let only_title = end - s == 1 && (TITLES.contains(&toks[s].lower.as_ref()) || is_demonym(&toks[s].lower));
        if !words.is_empty() && !only_title {
            let display = words.join(" ");
            let last = words.last().copied().unwrap_or("");
            let last = last.strip_prefix("al-").or_else(|| last.strip_prefix("Al-")).unwrap_or(last);
            let key = if words.len() >= 2 && words.iter().all(|w| w.chars().count() > 1) && !is_place_phrase(&display) { last.to_lowercase() } else { display.to_lowercase() };
            let index = names.len();
            for t in &mut toks[s..end] {
                t.name = Some(index);
            }
            names.push(Name { start: s, key, display });
        }
        i = end;
    }
    (toks, names, quoted)
}

/// A nationality word ("Russian", "Syrian"), from the countries lexicon.
fn is_demonym(lower: &str) -> bool {
    crate::lexicon::demonym(lower).is_some()
}

/// Multi-word names keyed as a whole rather than by their last word.
fn is_place_phrase(display: &str) -> bool {
    let last = display.rsplit(' ').next().unwrap_or("");
    matches!(last, "House" | "States" | "Kingdom" | "Nations" | "Union" | "Department" | "Ministry" | "Council" | "Party" | "Administration" | "Office" | "Court" | "Army" | "Forces" | "Agency" | "Organization" | "Weapons" | "State" | "Republic" | "Korea" | "Africa" | "America" | "Province" | "City")
}

/// Words that end the object or complement of a trigger.
fn ends_phrase(t: &Tok<'_>) -> bool {
    matches!(t.text, "," | ";" | ":" | "." | "!" | "?" | "”" | "“" | "\"" | "(" | ")" | "—" | "–" | "-" | "[" | "]")
        || matches!(t.lower.as_ref(), "that" | "which" | "who" | "whom" | "because" | "after" | "before" | "since" | "while" | "although" | "though" | "but" | "and" | "for" | "as" | "following" | "if" | "when" | "where" | "whether" | "until")
}

fn is_verbish(t: &Tok<'_>) -> bool {
    let l = t.lower.as_ref();
    t.kind == TokenKind::Word
        && t.name.is_none()
        && (matches!(l, "is" | "was" | "were" | "are" | "comes" | "came" | "remained" | "remains" | "has" | "have" | "had" | "said" | "says")
            || t.verbs().0.is_some_and(|v| v.1 != Form::Ing)
            || t.verbs().1.is_some_and(|v| v.1 != Form::Ing)
            || (l.len() > 4 && l.ends_with("ed") && !is_cap(t.text)))
}

/// A trigger found in a sentence, before time and merging.
#[derive(Clone, Debug)]
struct Trigger {
    at: usize,
    /// Last token of a multi-word trigger ("press conference").
    head_end: usize,
    lemma: String,
    /// The verb's own lemma, for labels ("hold" in "held a press conference").
    word: String,
    class: Class,
    verb: Option<Form>,
    perfect: bool,
    /// Event noun objects merged into this verb (token index of the noun).
    noun_object: Option<usize>,
    /// Absorbed into another trigger of the sentence.
    absorbed: bool,
}

fn find_triggers(toks: &[Tok<'_>]) -> Vec<Trigger> {
    let mut out: Vec<Trigger> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || t.name.is_some() || t.timex {
            continue;
        }
        let l = t.lower.as_ref();
        let prev = if k > 0 { toks[k - 1].lower.as_ref() } else { "" };
        let prev2 = if k > 1 { toks[k - 2].lower.as_ref() } else { "" };
        let modal = matches!(prev, "to" | "will" | "would" | "can" | "could" | "should" | "may" | "might" | "must" | "not" | "n't" | "did" | "does" | "do" | "'ll");
        // Event nouns (not after a pronoun, a modal or "to").
        let noun_class = if FRAME_NOUNS.contains(&l) { Some(Class::Frame) } else if OCCURRENCE_NOUNS.contains(&l) { Some(Class::Occurrence) } else { None };
        if let Some(class) = noun_class {
            let verb_use = modal || is_pronoun(prev) || (matches!(prev, "is" | "was" | "were" | "are" | "be") && l.ends_with("ing"));
            let gerund_noun = l == "meeting" && matches!(prev, "after" | "before" | "following" | "a" | "the" | "his" | "her" | "their" | "this" | "that" | "unexpected");
            if !verb_use || gerund_noun {
                let lemma = match l {
                    "conference" if matches!(prev, "press" | "news") => "press conference".to_string(),
                    "meeting" | "meetings" => "meet".into(),
                    "agreement" => "agree".into(),
                    "talks" | "conversation" | "negotiations" => "talks".into(),
                    "remarks" => "statement".into(),
                    x => x.trim_end_matches('s').to_string(),
                };
                // Plain nouns need a determiner, adjective, or noun before them ("a cruise missile strike").
                let np = k > 0 && (toks[k - 1].kind == TokenKind::Word || toks[k - 1].kind == TokenKind::Number || toks[k - 1].text == "”" || toks[k - 1].text == "’s");
                if np || gerund_noun {
                    out.push(Trigger { at: k, head_end: k, word: lemma.clone(), lemma, class, verb: None, perfect: false, noun_object: None, absorbed: false });
                    continue;
                }
            }
        }
        // Verbs.
        let (speech, action) = t.verbs();
        let (lemma, form, class) = match (speech, action) {
            (Some((lm, f)), _) => (lm, f, Class::Statement),
            (None, Some((lm, f))) => (lm, f, Class::Occurrence),
            _ => continue,
        };
        if form == Form::Ing || is_cap(t.text) && k > 0 {
            continue;
        }
        let next = toks.get(k + 1).map(|x| x.lower.as_ref()).unwrap_or("");
        if form == Form::Base && !matches!(prev, "will" | "'ll" | "shall" | "did" | "would") && !(prev == "to" && matches!(prev2, "set" | "due" | "going" | "scheduled" | "expected" | "plans" | "planned")) {
            continue;
        }
        // "bombs", "strikes": present-tense actions read like plural nouns; news tells actions in the past.
        if form == Form::Present && class == Class::Occurrence {
            continue;
        }
        // "call" only as "called for/on"; "point" as "pointed to/out"; "add"/"note" fine.
        if lemma == "call" && !matches!(next, "for" | "on") {
            continue;
        }
        if lemma == "point" && !matches!(next, "to" | "out") {
            continue;
        }
        if matches!(lemma, "close" | "fire" | "charge" | "release" | "state" | "order" | "sentence" | "vote" | "deal" | "hold") && form == Form::Present {
            continue;
        }
        let perfect = matches!(prev, "has" | "have" | "had" | "'ve" | "'s" | "repeatedly") || matches!(prev2, "has" | "have" | "had") && prev.ends_with("ly") || l.ends_with("'ve");
        let perfect = perfect || (k > 0 && toks[k - 1].text.ends_with("'ve"));
        // A participle after "be" or after an event noun ("the attack carried out by", "believed to be launched by").
        let aux = if prev.ends_with("ly") { prev2 } else { prev };
        let passive_after_noun = matches!(aux, "be" | "been" | "being") && out.iter().rev().any(|tr| tr.verb.is_none() && k - tr.at <= 6);
        if passive_after_noun || aux == "being" {
            continue;
        }
        // "The attack was condemned": a passive speech act has no speaker to show.
        if class == Class::Statement && matches!(aux, "was" | "were" | "is" | "are" | "be" | "been") && form == Form::Past {
            continue;
        }
        // "Tillerson agreed.": assent, a statement.
        let class = if lemma == "agree" && matches!(next, "." | "," | "" | "with") { Class::Statement } else { class };
        // "Russia says ...": a standing position, not an event of a day.
        let perfect = perfect || (class == Class::Statement && form == Form::Present);
        out.push(Trigger { at: k, head_end: k, lemma: lemma.to_string(), word: lemma.to_string(), class, verb: Some(form), perfect, noun_object: None, absorbed: false });
    }
    // A verb with an event noun as its object is one event; a verb right after
    // an event noun in a relative clause ("the attack that killed") belongs to it.
    for v in 0..out.len() {
        if out[v].verb.is_none() {
            continue;
        }
        let at = out[v].at;
        if let Some(n) = (v + 1..out.len()).find(|&n| out[n].verb.is_none() && out[n].at > at && out[n].at - at <= 5 && !toks[at + 1..out[n].at].iter().any(ends_phrase)) {
            let light = LIGHT.contains(&out[v].lemma.as_str()) || out[v].lemma == out[n].lemma;
            if light && out[v].class != Class::Statement {
                out[v].noun_object = Some(out[n].at);
                out[v].lemma = out[n].lemma.clone();
                out[v].class = out[n].class;
                out[n].absorbed = true;
            }
        }
        if at >= 2 && matches!(toks[at - 1].lower.as_ref(), "that" | "which") && out.iter().any(|n| n.verb.is_none() && n.at + 1 == at - 1) {
            out[v].absorbed = true;
        }
    }
    out
}

/// The noun phrase around an event noun at `k`: (first token, last token),
/// with a following prepositional complement.
fn noun_phrase(toks: &[Tok<'_>], k: usize) -> (usize, usize) {
    let mut s = k;
    while s > 0 {
        let t = &toks[s - 1];
        let l = t.lower.as_ref();
        let part = (t.kind == TokenKind::Word || t.kind == TokenKind::Number || t.text == "’" || t.text == "'")
            && !matches!(l, "of" | "over" | "in" | "on" | "at" | "during" | "after" | "before" | "following" | "for" | "with" | "by" | "from" | "to" | "into" | "about" | "and" | "or" | "that" | "which")
            && !is_verbish(t);
        if !part {
            break;
        }
        s -= 1;
        if matches!(l, "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our" | "this" | "that") {
            break;
        }
    }
    let mut e = k;
    let complement = toks.get(k + 1).is_some_and(|t| matches!(t.lower.as_ref(), "with" | "of" | "on" | "against" | "in" | "by" | "into" | "to" | "between" | "carried"));
    if complement {
        let mut j = k + 1;
        while j < toks.len() && j <= k + 9 {
            if j > k + 1 && (ends_phrase(&toks[j]) && toks[j].text != "-") || (j > k + 2 && is_verbish(&toks[j]) && toks[j].lower != "carried") {
                break;
            }
            e = j;
            j += 1;
        }
        // An apposition naming the partner: ", Foreign Minister Sergey Lavrov."
        if toks.get(e + 1).is_some_and(|t| t.text == ",") {
            let mut first = e + 2;
            while toks.get(first).is_some_and(|t| t.name.is_none() && is_cap(t.text) && TITLES.contains(&t.lower.trim_end_matches('.'))) {
                first += 1;
            }
            if let Some(n) = toks.get(first).and_then(|t| t.name) {
                let mut j = first;
                while j < toks.len() && (toks[j].name == Some(n) || TITLES.contains(&toks[j].lower.as_ref()) && is_cap(toks[j].text)) {
                    j += 1;
                }
                if toks.get(j).is_none_or(|t| matches!(t.text, "." | "," | ";")) && j > e + 2 {
                    e = j - 1;
                }
            }
        }
    }
    (s, e)
}

/// The subject of the trigger at `k`: the name or pronoun nearest before it in
/// the clause, or (inverted, "said Tillerson") the name right after it.
fn subject(toks: &[Tok<'_>], names: &[Name], k: usize) -> (Option<usize>, Option<usize>) {
    // returns (name index, start token of the subject)
    let mut j = k;
    let mut steps = 0;
    // "Russia, a top Assad backer, says": skip the apposition.
    if k >= 2 && toks[k - 1].text == "," {
        if let Some(open) = (0..k - 1).rev().take(8).find(|&c| toks[c].text == ",") {
            if open > 0 {
                if let Some(n) = toks[open - 1].name {
                    return (Some(n), Some(names[n].start));
                }
            }
        }
    }
    while j > 0 && steps < 8 {
        j -= 1;
        steps += 1;
        let t = &toks[j];
        if let Some(n) = t.name {
            return (Some(n), Some(names[n].start.min(j)));
        }
        if is_pronoun(&t.lower) {
            return (None, Some(j));
        }
        if matches!(t.text, ";" | "“" | "\"" ) || (t.text == "," && !(j > 0 && matches!(toks[j - 1].text, "”" | "\""))) && steps > 1 {
            break;
        }
        if matches!(t.text, "”") || t.lower == "that" {
            return (None, None);
        }
    }
    if let Some(n) = toks.get(k + 1).and_then(|t| t.name) {
        return (Some(n), None);
    }
    // "The Trump administration concluded ..., and on Thursday ordered": the sentence's subject.
    if let Some(n) = names.iter().position(|n| n.start <= 3 && n.start < k) {
        if !toks[..names[n].start].iter().any(|t| t.kind == TokenKind::Punct) && !toks[names[n].start..k].iter().any(|t| t.lower == "that") {
            return (Some(n), None);
        }
    }
    (None, None)
}

// ------------------------------------------------------------------ per article

struct Discourse {
    /// The last explicit day (range of one day) given to an event or mentioned.
    last_day: Option<Date>,
    /// The last day each speaker was given.
    speaker_day: BTreeMap<String, Date>,
}

fn day_time(day: Date, note: String) -> EventTime {
    EventTime { value: Some(TimexValue::Day(day)), range: Some((day, day)), earliest: None, latest: None, note }
}

/// Reads the events of one article, the `a`-th of the story.
pub fn article_events(a: usize, article: &ArticleInput<'_>) -> Vec<Event> {
    let body = article.body;
    let seg = article.segmentation;
    let mut events: Vec<Event> = Vec::new();
    let mut discourse = Discourse { last_day: None, speaker_day: BTreeMap::new() };
    let mut last_speaker: Option<(String, String)> = None;
    let mut speakers_seen: BTreeSet<String> = BTreeSet::new();
    // Bounds to apply once all events are known: (sentence, relation token range, bound day, kind, same day).
    let mut relations: Vec<(usize, Span, Date, &'static str, bool)> = Vec::new();
    let mut before_relations: Vec<(usize, Span)> = Vec::new(); // (event index, span of what it preceded)
    let mut quoted = false;
    let mut paragraph = usize::MAX;
    let timex_index = SpanIndex::new(article.timexes.iter().map(|t| t.span));
    let mention_index = SpanIndex::new(article.mentions.iter().map(|(span, _)| *span));
    for (si, sentence) in seg.sentences.iter().enumerate() {
        if sentence.paragraph != paragraph {
            paragraph = sentence.paragraph;
            quoted = false;
        }
        if sentence.boilerplate {
            continue;
        }
        let sentence_timexes: Vec<&Timex> = timex_index.inside(sentence.span).into_iter().map(|i| &article.timexes[i]).collect();
        // The timexes that overlap any token of the sentence.
        let sentence_tokens = seg.sentence_tokens(sentence);
        let reach = match (sentence_tokens.first(), sentence_tokens.last()) {
            (Some(a), Some(b)) => sentence.span.cover(a.span).cover(b.span),
            _ => sentence.span,
        };
        let near_timexes: Vec<&Timex> = timex_index.overlapping(reach).into_iter().map(|i| &article.timexes[i]).collect();
        let (toks, names, still_quoted) = read_sentence(body, seg, si, quoted, &near_timexes);
        quoted = still_quoted;
        let triggers = find_triggers(&toks);
        let first = events.len();
        // Explicit times: each dated expression goes to the nearest trigger.
        let token_of = |span: Span| toks.iter().position(|t| t.span.overlaps(span)).unwrap_or(0);
        let mut explicit: BTreeMap<usize, &Timex> = BTreeMap::new();
        for tx in &sentence_timexes {
            let dated = matches!(tx.kind, TimexType::Date | TimexType::Time) && tx.range.is_some() && tx.relation.is_none();
            if !dated {
                continue;
            }
            let at = token_of(tx.span);
            let nearest = triggers
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.absorbed)
                .min_by_key(|(_, t)| {
                    let d = if t.at > at { t.at - at } else { at - t.at };
                    // Verbs are preferred over nouns; "after"/"before" between them separates clauses.
                    let (lo, hi) = (t.at.min(at), t.at.max(at));
                    let crossing = toks[lo..hi].iter().filter(|x| matches!(x.lower.as_ref(), "after" | "before" | "following" | "since" | "because" | "while" | "when")).count();
                    (d + if t.verb.is_none() { 2 } else { 0 } + 6 * crossing, t.verb.is_none())
                })
                .map(|(i, _)| i);
            if let Some(i) = nearest {
                explicit.entry(i).or_insert(tx);
            }
        }
        // A vague time ("previously", "recently") leaves the nearest event without a date.
        let mut vague_triggers: BTreeSet<usize> = BTreeSet::new();
        for tx in &sentence_timexes {
            if tx.value.is_reference() || tx.kind == TimexType::Set {
                let at = token_of(tx.span);
                if let Some(i) = triggers.iter().enumerate().filter(|(_, t)| !t.absorbed).min_by_key(|(_, t)| t.at.abs_diff(at)).map(|(i, _)| i) {
                    if !explicit.contains_key(&i) {
                        vague_triggers.insert(i);
                    }
                }
            }
        }
        // The sentence's own time, for bounds: its first explicit day, else (later) its first event's.
        let sentence_day = sentence_timexes.iter().find_map(|t| t.range.filter(|r| r.0 == r.1 && t.relation.is_none()).map(|r| r.0));
        for (ti, tr) in triggers.iter().enumerate() {
            if tr.absorbed {
                continue;
            }
            let k = tr.at;
            let (subj, subj_start) = subject(&toks, &names, k);
            // Evidence and participants.
            let (ev_start, ev_end) = if tr.verb.is_some() {
                let end_tok = match tr.noun_object {
                    Some(n) => noun_phrase(&toks, n).1,
                    None => {
                        let mut e = k;
                        let mut j = k + 1;
                        while j < toks.len() && j <= k + 8 && !ends_phrase(&toks[j]) {
                            if j > k + 1 && triggers.iter().any(|o| o.at == j && o.verb.is_some()) {
                                break;
                            }
                            e = j;
                            j += 1;
                        }
                        e
                    }
                };
                let mut s = subj_start.filter(|s| *s < k).unwrap_or(k);
                if let Some(tx) = explicit.get(&ti) {
                    let at = token_of(tx.span);
                    if at < s {
                        s = if at > 0 && matches!(toks[at - 1].lower.as_ref(), "on" | "in" | "at") { at - 1 } else { at };
                    }
                }
                (s, end_tok.max(k))
            } else {
                let (s, e) = noun_phrase(&toks, k);
                // Extend back to the governing verb of the clause.
                let mut g = s;
                let mut j = s;
                let mut steps = 0;
                while j > 0 && steps < 8 {
                    j -= 1;
                    steps += 1;
                    if matches!(toks[j].text, "," | ";" | ".") {
                        break;
                    }
                    if is_verbish(&toks[j]) || (toks[j].lower.ends_with("ing") && toks[j].lower.len() > 5 && toks[j].name.is_none()) {
                        g = j;
                        break;
                    }
                }
                (g, e)
            };
            let evidence = Span::new(toks[ev_start].span.start, toks[ev_end].span.end);
            let mut participants: Vec<String> = Vec::new();
            let add = |participants: &mut Vec<String>, n: usize| {
                let key = names[n].key.clone();
                if !participants.contains(&key) {
                    participants.push(key);
                }
            };
            if let Some(n) = subj.filter(|_| tr.verb.is_some()) {
                add(&mut participants, n);
            }
            for t in &toks[ev_start..=ev_end] {
                if let Some(n) = t.name {
                    add(&mut participants, n);
                }
            }
            // With the entity stage: the entities mentioned in the subject and the evidence.
            if !article.mentions.is_empty() {
                let subject_span = subj_start.map(|s| Span::new(toks[s].span.start, toks[k].span.start));
                let mut near = Vec::new();
                mention_index.push_overlapping(evidence, &mut near);
                if let Some(s) = subject_span {
                    mention_index.push_overlapping(s, &mut near);
                }
                crate::sort::sort(&mut near);
                near.dedup();
                participants = near
                    .into_iter()
                    .map(|i| article.mentions[i].1.clone())
                    .fold(Vec::new(), |mut v, id| {
                        if !v.contains(&id) {
                            v.push(id);
                        }
                        v
                    });
            }
            let words: BTreeSet<String> = toks[ev_start..=ev_end]
                .iter()
                .filter(|t| t.kind == TokenKind::Word && t.lower.len() > 2 && !STOP.contains(&t.lower.as_ref()) && !t.timex)
                .map(|t| trim_suffix(&t.lower, "'s").trim_end_matches('s').to_string())
                .collect();
            let modifiers: BTreeSet<String> = if tr.verb.is_none() {
                let (np_start, _) = noun_phrase(&toks, k);
                toks[np_start..k]
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word && t.lower.len() > 2 && !STOP.contains(&t.lower.as_ref()) && !t.timex && !tr.lemma.contains(t.lower.as_ref()))
                    .map(|t| t.lower.trim_end_matches('s').to_string())
                    .collect()
            } else {
                BTreeSet::new()
            };
            let pronoun = subj.is_none() && subj_start.is_some_and(|s| matches!(toks[s].lower.as_ref(), "he" | "she"));
            let pronoun_speaker = if pronoun {
                let in_sentence = toks[..k].iter().rev().find_map(|t| t.name.filter(|n| speakers_seen.contains(&names[*n].key)));
                in_sentence.map(|n| (names[n].key.clone(), names[n].display.clone())).or_else(|| last_speaker.clone())
            } else {
                None
            };
            let speaker = if tr.class == Class::Statement || tr.lemma == "statement" {
                subj.map(|n| names[n].key.clone())
                    .or_else(|| {
                        // "a statement Tillerson himself made"
                        toks[k + 1..].iter().take(3).find_map(|t| t.name).map(|n| names[n].key.clone())
                    })
                    // "he said": the last person named as a speaker.
                    .or_else(|| pronoun_speaker.as_ref().map(|(key, _)| key.clone()))
            } else {
                None
            };
            if tr.class == Class::Statement {
                if let Some(n) = subj {
                    last_speaker = Some((names[n].key.clone(), names[n].display.clone()));
                    speakers_seen.insert(names[n].key.clone());
                } else if let Some(p) = &pronoun_speaker {
                    last_speaker = Some(p.clone());
                }
            }
            let plain_subject = (k > 0 && tr.verb.is_some() && toks[k - 1].kind == TokenKind::Word && toks[k - 1].name.is_none() && !is_pronoun(&toks[k - 1].lower) && toks[k - 1].lower.ends_with('s') && !STOP.contains(&toks[k - 1].lower.as_ref()))
                .then(|| {
                    let mut w = toks[k - 1].text.to_string();
                    if let Some(c) = w.get(0..1) {
                        w = c.to_uppercase() + &w[1..];
                    }
                    w
                });
            let who = subj
                .map(|n| names[n].display.clone())
                .or_else(|| pronoun_speaker.as_ref().filter(|_| tr.verb.is_some()).map(|(_, d)| d.clone()))
                .or(plain_subject);
            if let (true, Some(key)) = (tr.verb.is_some(), pronoun_speaker.as_ref().map(|(k, _)| k.clone())) {
                if !participants.contains(&key) {
                    participants.insert(0, key);
                }
            }
            let label = make_label(&toks, &names, tr, who, ev_start, ev_end);
            let reported = toks[k].quoted
                || (tr.class != Class::Statement && tr.verb.is_some() && triggers.iter().any(|o| o.class == Class::Statement && o.verb.is_some() && o.at < k));
            let cued = explicit.get(&ti).is_some_and(|t| t.note.contains("cue '"));
            let definite = tr.verb.is_none() && k > 0 && toks[..k].iter().rev().take(4).any(|t| matches!(t.lower.as_ref(), "the" | "its" | "his" | "her" | "their" | "this" | "that"));
            let mut ev = Event {
                article: a,
                sentence: si,
                trigger: Span::new(toks[k].span.start, toks[tr.head_end].span.end),
                lemma: tr.lemma.clone(),
                class: tr.class,
                evidence,
                participants,
                speaker,
                time: EventTime::default(),
                explicit: false,
                label,
                words,
                modifiers,
                at_frame: None,
                reported,
                vague: (tr.perfect && !toks[k].quoted && !reported) || vague_triggers.contains(&ti),
                cued,
                verb_past: tr.verb == Some(Form::Past) && !tr.perfect,
                is_verb: tr.verb.is_some(),
                definite,
                dropped: false,
            };
            if let Some(tx) = explicit.get(&ti) {
                let (first_day, last_day) = tx.range.unwrap_or((article.published, article.published));
                ev.time = EventTime {
                    // A time of day gives its day.
                    value: Some(tx.value.day().map_or(tx.value, TimexValue::Day)),
                    range: Some((first_day, last_day)),
                    earliest: None,
                    latest: None,
                    note: format!("explicit: '{}' ({})", tx.span.text(body), tx.note),
                };
                ev.explicit = true;
                ev.vague = false;
            }
            // A dated expression inside the noun phrase ("its 2013 commitment") counts as explicit too.
            events.push(ev);
        }
        // (a) Events in the clause of an explicitly dated event share its time
        // ("held a press conference ... Wednesday", "said during a trip to Moscow Wednesday").
        share_clause_time(&mut events, first, body, true);
        // (b) Statements without a time: the speaker's last date, else the discourse's, else publication.
        for i in first..events.len() {
            if events[i].class != Class::Statement || events[i].reported && !events[i].time.known() && (first..events.len()).any(|j| j != i && events[j].class == Class::Statement && !events[j].reported) {
                continue;
            }
            if !events[i].time.known() && !events[i].vague {
                let from_speaker = events[i].speaker.as_ref().and_then(|s| discourse.speaker_day.get(s).map(|d| (*d, format!("the last date of {s} in the article"))));
                let (day, why) = from_speaker
                    .or_else(|| discourse.last_day.map(|d| (d, "the last day of the discourse".to_string())))
                    .unwrap_or((article.published, "the publication date".to_string()));
                events[i].time = day_time(day, format!("inherited: {why} ({day})"));
            }
            if let (Some(sp), Some(r)) = (&events[i].speaker, events[i].time.range) {
                if r.0 == r.1 {
                    discourse.speaker_day.insert(sp.clone(), r.0);
                }
            }
        }
        // (c) Frames and nouns in a statement's clause ("said during a joint press conference").
        share_clause_time(&mut events, first, body, false);
        // (d) Events reported in a statement or quote take the statement's date.
        for i in first..events.len() {
            if events[i].time.known() || events[i].vague || !events[i].reported {
                continue;
            }
            let reporter = (first..events.len())
                .filter(|&j| j != i && events[j].class == Class::Statement && events[j].time.range.is_some())
                .min_by_key(|&j| events[j].trigger.start.abs_diff(events[i].trigger.start))
                .or_else(|| (0..first).rev().take(4).find(|&j| events[j].class == Class::Statement && events[j].time.range.is_some() && seg.sentences[events[j].sentence].paragraph == sentence.paragraph));
            if let Some(j) = reporter {
                let t = events[j].time.clone();
                let note = format!("reported in '{}' ({}): taken as its date", events[j].trigger.text(body), t.value.map(|v| v.to_string()).unwrap_or_default());
                events[i].time = EventTime { note, ..t };
            }
        }
        // (e) Other frames, and actions told in the past tense: the discourse's day.
        for i in first..events.len() {
            let e = &events[i];
            let eligible = !e.time.known() && !e.vague && !e.definite && (e.class == Class::Frame || e.class == Class::Occurrence && e.verb_past);
            if eligible {
                let (day, why) = discourse.last_day.map(|d| (d, "the last day of the discourse")).unwrap_or((article.published, "the publication date"));
                events[i].time = day_time(day, format!("inherited: {why} ({day})"));
            }
        }
        // Bounds from "after/following/before/since X" in this sentence.
        let main_day = sentence_day.or_else(|| events[first..].iter().find_map(|e| e.time.range.filter(|r| r.0 == r.1).map(|r| r.0)));
        for (k, t) in toks.iter().enumerate() {
            let rel = match t.lower.as_ref() {
                "after" | "following" => "after",
                "since" => "since",
                _ => continue,
            };
            let bound_of_duration = sentence_timexes.iter().any(|x| x.relation.is_some() && x.span.end <= t.span.start && t.span.start - x.span.end <= 1);
            if t.quoted || bound_of_duration {
                continue;
            }
            let span_end = toks[k + 1..].iter().take(12).take_while(|x| !matches!(x.text, "," | ";" | "." | "“" | "\"")).last().map(|x| x.span.end);
            let Some(span_end) = span_end else { continue };
            let target = Span::new(toks[(k + 1).min(toks.len() - 1)].span.start, span_end);
            // Hours between the two ("a more than two-hour delay following X"): the same day.
            let hours = sentence_timexes.iter().any(|x| x.kind == TimexType::Duration && x.value.is_time_duration() && x.span.end <= t.span.start && t.span.start - x.span.end < 12);
            if let Some(day) = main_day {
                relations.push((si, target, day, rel, hours));
            }
        }
        // "N days before X": the event the expression qualifies happened before X.
        for tx in &sentence_timexes {
            if let Some(("before", target)) = tx.relation {
                if let Some(i) = (first..events.len()).filter(|&i| events[i].trigger.end <= tx.span.start).last() {
                    before_relations.push((i, target));
                }
            }
        }
        if let Some(d) = sentence_day {
            discourse.last_day = Some(d);
        }
        for t in &sentence_timexes {
            if let Some(r) = t.range.filter(|r| r.0 == r.1 && t.relation.is_none() && matches!(t.kind, TimexType::Date | TimexType::Time)) {
                discourse.last_day = Some(r.0);
            }
        }
    }
    // Coreference within the article: a definite event noun refers back to the
    // last event with the same lemma (searched among the earlier events of
    // that lemma only).
    let mut by_lemma: HashMap<String, Vec<usize>> = HashMap::new();
    for i in 0..events.len() {
        if events[i].class == Class::Statement {
            continue;
        }
        if !events[i].explicit {
            let earlier = by_lemma.get(&events[i].lemma).map(Vec::as_slice).unwrap_or(&[]);
            if let Some(&j) = earlier.iter().rev().find(|&&j| compatible(&events[j].time, &events[i].time)) {
                if events[i].definite || events[i].time.range == events[j].time.range {
                    events[i].at_frame = None;
                    events[i].dropped = true;
                    // remember which event it refers to, via a merge later (same lemma and article).
                }
            }
        }
        by_lemma.entry(events[i].lemma.clone()).or_default().push(i);
    }
    drop(by_lemma);
    // From here on, triggers and what is dropped do not change until the
    // statements at frames below: the roots and the trigger index hold.
    let roots = roots(&events);
    let trigger_index = SpanIndex::new(events.iter().map(|e| e.trigger));
    // Apply bounds: the event whose trigger lies in the relation's span.
    for (_si, target, day, rel, same_day) in relations {
        let Some(i) = trigger_index.inside(target).into_iter().find(|&i| events[i].class != Class::Statement) else { continue };
        let root = roots[i];
        for idx in [i, root] {
            let e = &mut events[idx];
            if e.explicit {
                continue;
            }
            match rel {
                "after" | "since" if same_day => {
                    e.time = day_time(day, format!("the same day as what followed it within hours ({day})"));
                }
                "after" | "since" => {
                    if e.time.range.is_some_and(|r| r.0 <= day) && e.time.value.is_some() && !e.definite {
                        continue;
                    }
                    e.time.value = None;
                    e.time.range = None;
                    if e.time.latest.is_none_or(|l| day < l) {
                        e.time.latest = Some(day);
                        e.time.note = format!("bounded: before {day}, when something that followed it happened");
                    }
                }
                _ => {
                    if e.time.value.is_none() && e.time.earliest.is_none_or(|l| day > l) {
                        e.time.earliest = Some(day);
                        e.time.note = format!("bounded: after {day}, when something before it happened");
                    }
                }
            }
        }
    }
    // Events referred to by definite mentions take the bounds their mentions got.
    for i in 0..events.len() {
        if !events[i].dropped {
            continue;
        }
        let root = roots[i];
        if root != i {
            let (l, e) = (events[i].time.latest, events[i].time.earliest);
            let note = events[i].time.note.clone();
            let r = &mut events[root];
            if !r.explicit && r.time.value.is_none() {
                if let Some(l) = l {
                    if r.time.latest.is_none_or(|x| l < x) {
                        r.time.latest = Some(l);
                        r.time.note = note;
                    }
                }
                if let Some(e) = e {
                    if r.time.earliest.is_none_or(|x| e > x) {
                        r.time.earliest = Some(e);
                    }
                }
            }
        }
    }
    // Referred-to noun events without a time are bounded by the clause that mentions them.
    for (i, target) in before_relations {
        let Some(&j) = trigger_index.inside(target).first() else { continue };
        let root = roots[j];
        let bound = events[root].time.latest.or(events[root].time.range.map(|r| r.0));
        if let Some(b) = bound {
            let e = &mut events[i];
            if !e.explicit {
                e.time = EventTime { value: None, range: None, earliest: None, latest: Some(b), note: format!("bounded: before '{}' ({b})", target.text(body)) };
            }
        }
    }
    // Statements at a frame event belong to it: the first frame of the day
    // whose participants include the speaker or are unknown. Frames are
    // indexed by day (the first of the day; the first without participants;
    // the first with each participant).
    let mut first_frame: HashMap<Date, usize> = HashMap::new();
    let mut first_open_frame: HashMap<Date, usize> = HashMap::new();
    let mut first_frame_with: HashMap<(Date, String), usize> = HashMap::new();
    for (f, e) in events.iter().enumerate() {
        let Some((day, last)) = e.time.range else { continue };
        if e.class != Class::Frame || e.dropped || day != last {
            continue;
        }
        first_frame.entry(day).or_insert(f);
        if e.participants.is_empty() {
            first_open_frame.entry(day).or_insert(f);
        }
        for p in &e.participants {
            first_frame_with.entry((day, p.clone())).or_insert(f);
        }
    }
    for i in 0..events.len() {
        if events[i].class != Class::Statement || events[i].cued {
            continue;
        }
        let Some(day) = events[i].time.range.filter(|r| r.0 == r.1).map(|r| r.0) else { continue };
        let frame = match &events[i].speaker {
            None => first_frame.get(&day).copied(),
            Some(s) => {
                let with = first_frame_with.get(&(day, s.clone())).copied();
                let open = first_open_frame.get(&day).copied();
                with.into_iter().chain(open).min()
            }
        };
        if let Some(f) = frame {
            events[i].at_frame = Some(f);
            events[i].dropped = true;
        }
    }
    // No time at all, perfect-aspect statements: not timeline items.
    for e in &mut events {
        if e.vague && !e.explicit {
            e.dropped = true;
        }
    }
    events
}

/// Gives events of a sentence (from `first`) without a time the time of a
/// dated event whose clause holds them, or that their clause holds. With
/// `explicit_only`, only explicitly dated hosts count.
fn share_clause_time(events: &mut [Event], first: usize, body: &str, explicit_only: bool) {
    for i in first..events.len() {
        if events[i].time.known() || events[i].class == Class::Statement && !explicit_only {
            continue;
        }
        let probe = Span::new(events[i].evidence.start.max(events[i].trigger.start), events[i].trigger.end);
        let host = (first..events.len()).find(|&j| {
            j != i
                && (events[j].explicit || !explicit_only)
                && events[j].time.range.is_some_and(|r| r.0 == r.1)
                && (events[j].evidence.contains(probe) || events[i].evidence.contains(events[j].trigger))
                && !(events[j].class == Class::Statement && events[i].class == Class::Statement)
        });
        // A definite reference in a dated report: known by that day.
        let definite_noun = events[i].definite && !events[i].is_verb && events[i].class == Class::Occurrence;
        let host = host.or_else(|| {
            (!explicit_only && definite_noun)
                .then(|| (first..events.len()).find(|&j| j != i && events[j].class == Class::Statement && events[j].time.range.is_some_and(|r| r.0 == r.1)))
                .flatten()
        });
        if let Some(j) = host {
            if events[i].class == Class::Frame && events[j].class == Class::Statement {
                // The speaker was at the frame event ("said during a joint press conference").
                if let Some(sp) = events[j].speaker.clone() {
                    if !events[i].participants.contains(&sp) {
                        events[i].participants.push(sp);
                    }
                }
            }
            let t = events[j].time.clone();
            if events[i].definite && !events[i].is_verb && events[i].class == Class::Occurrence {
                // "condemned the attack" on D: the attack is known by then, not dated by it.
                let day = t.range.map(|r| r.1);
                events[i].time = EventTime { latest: day, note: format!("bounded: referred to by '{}' on {}", events[j].trigger.text(body), t.value.map(|v| v.to_string()).unwrap_or_default()), ..EventTime::default() };
            } else if events[i].is_verb || events[i].class == Class::Frame || !explicit_only || !events[i].definite {
                let note = format!("from '{}' in the same clause ({})", events[j].trigger.text(body), t.value.map(|v| v.to_string()).unwrap_or_default());
                events[i].time = EventTime { note, ..t };
            }
        }
    }
}

/// For each event, the event a definite mention refers back to (the first
/// non-statement with its lemma in its article); itself when it is not
/// dropped or is a statement.
fn roots(events: &[Event]) -> Vec<usize> {
    let mut first: HashMap<(usize, &str), usize> = HashMap::new();
    let mut out = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        if e.class == Class::Statement {
            out.push(i);
            continue;
        }
        let root = *first.entry((e.article, e.lemma.as_str())).or_insert(i);
        out.push(if e.dropped { root } else { i });
    }
    out
}

fn compatible(a: &EventTime, b: &EventTime) -> bool {
    let span = |t: &EventTime| -> Option<(Date, Date)> {
        match (t.range, t.earliest, t.latest) {
            (Some(r), _, _) => Some(r),
            (None, e, l) if e.is_some() || l.is_some() => Some((e.unwrap_or(Date { year: -9999, month: 1, day: 1 }), l.unwrap_or(Date { year: 9999, month: 12, day: 31 }))),
            _ => None,
        }
    };
    match (span(a), span(b)) {
        (Some(x), Some(y)) => x.0 <= y.1 && y.0 <= x.1,
        _ => true,
    }
}

fn make_label(toks: &[Tok<'_>], names: &[Name], tr: &Trigger, who: Option<String>, s: usize, e: usize) -> String {
    let _ = names;
    let text_of = |from: usize, to: usize, max: usize| -> String {
        let mut out = String::new();
        let mut n = 0;
        for t in &toks[from..=to.min(toks.len() - 1)] {
            if n >= max {
                out.push('…');
                break;
            }
            if matches!(t.text, "“" | "”" | "\"") {
                continue;
            }
            let glue = t.kind == TokenKind::Punct && !matches!(t.text, "(" | "[" | "$") || t.text.starts_with('\'') || t.text.starts_with('’');
            if !out.is_empty() && !glue {
                out.push(' ');
            }
            out.push_str(t.text);
            n += 1;
        }
        out.trim_end_matches([',', '.', ';', ':']).to_string()
    };
    let label = match (tr.verb, tr.class) {
        (Some(_), Class::Statement) => {
            let mut c = tr.at + 1;
            while c < toks.len() && (toks[c].timex || matches!(toks[c].lower.as_ref(), "that" | "on" | "earlier" | "later" | "," | "for" | "to" | "-" | "–" | "—")) {
                c += 1;
            }
            let end = toks[c.min(toks.len().saturating_sub(1))..].iter().position(|t| matches!(t.text, "." | ";" | "“" | "”" | "\"")).map_or(toks.len() - 1, |p| c + p - 1);
            let content = if c < toks.len() && end >= c { text_of(c, end, 10) } else { String::new() };
            format!("{} {} {}", who.unwrap_or_else(|| "Someone".into()), third_person(&tr.word), content)
        }
        (Some(_), _) => {
            let obj = if e > tr.at { text_of(tr.at + 1, e, 8) } else { String::new() };
            // "Countries agree", "Tillerson agrees".
            let plural = who.as_deref().is_some_and(|w| !w.contains(' ') && w.ends_with('s') && w.chars().skip(1).all(char::is_lowercase));
            let verb = if plural { tr.word.clone() } else { third_person(&tr.word) };
            format!("{} {} {}", who.unwrap_or_default(), verb, obj)
        }
        (None, _) => {
            let (ns, ne) = noun_phrase(toks, tr.at);
            let mut from = ns;
            while from < tr.at && matches!(toks[from].lower.as_ref(), "a" | "an" | "the" | "its" | "his" | "her" | "their" | "this" | "that") {
                from += 1;
            }
            let np = text_of(from, ne, 10);
            np
        }
    };
    let _ = s;
    let label = label.trim().to_string();
    let mut chars = label.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => label,
    }
}

// ------------------------------------------------------------------ the timeline

fn lemma_family(l: &str) -> &str {
    match l {
        "airstrike" => "strike",
        "remarks" => "statement",
        x => x,
    }
}

/// The day an event's time points at: the end of its value, else a bound.
fn anchor_day(t: &EventTime) -> Option<Date> {
    t.range.map(|r| r.1).or(t.latest).or(t.earliest)
}

/// Whether two events (of different articles, or the same article) are the same event.
fn same_event(a: &Event, b: &Event) -> bool {
    if lemma_family(&a.lemma) != lemma_family(&b.lemma) || a.class != b.class {
        return false;
    }
    if !compatible(&a.time, &b.time) {
        return false;
    }
    let across = a.article != b.article;
    if across && !(a.time.known() && b.time.known()) {
        return false;
    }
    // Bounds alone only place an event near another: within two weeks.
    if a.time.range.is_none() || b.time.range.is_none() {
        if let (Some(x), Some(y)) = (anchor_day(&a.time), anchor_day(&b.time)) {
            if (x.days_since_epoch() - y.days_since_epoch()).abs() > 14 {
                return false;
            }
        }
    }
    if a.class == Class::Statement {
        // Statements: same speaker, same day.
        return a.speaker.is_some() && a.speaker == b.speaker && a.time.range.is_some() && a.time.range == b.time.range;
    }
    let shared_participants = a.participants.iter().any(|p| b.participants.contains(p));
    let disjoint = !a.participants.is_empty() && !b.participants.is_empty() && !shared_participants;
    let trigger = a.lemma.as_str();
    let shared_words = a.words.iter().filter(|w| b.words.contains(*w) && !trigger.contains(w.as_str())).count();
    let both_dated_same = a.time.range.is_some_and(|r| r.0 == r.1) && a.time.range == b.time.range;
    let shared_modifier = a.modifiers.iter().any(|m| b.modifiers.contains(m));
    if across {
        shared_words >= 2
            || shared_modifier
            || (shared_participants && (shared_words >= 1 || both_dated_same))
            || (a.class == Class::Frame && both_dated_same && !disjoint)
    } else {
        shared_participants || (!disjoint && (shared_words >= 1 || both_dated_same))
    }
}

/// How many earlier candidates of the same trigger family each event is compared with.
const MERGE_WINDOW: usize = 256;

fn merge(articles: &[ArticleInput<'_>], events: &mut [Event]) -> Vec<Item> {
    // Union-find over events that stay on the timeline or refer to one that does.
    let n = events.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let roots = roots(events);
    // Definite mentions join the event they refer to.
    for i in 0..n {
        if events[i].dropped && events[i].at_frame.is_none() && events[i].class != Class::Statement {
            let r = roots[i];
            if r != i {
                let (x, y) = (find(&mut parent, i), find(&mut parent, r));
                parent[x] = y;
            }
        }
    }
    let in_timeline = |events: &[Event], i: usize| !events[i].dropped || (events[i].at_frame.is_none() && events[i].class != Class::Statement && roots[i] != i);
    // Candidates for the same event share a trigger family and class
    // (`same_event` requires both): compare within those buckets only, and
    // each event with at most the last `MERGE_WINDOW` of its bucket, so a huge
    // story stays near-linear.
    let live: Vec<usize> = (0..n).filter(|&i| in_timeline(events, i)).collect();
    let mut buckets: BTreeMap<(&str, Class), Vec<usize>> = BTreeMap::new();
    for &i in &live {
        buckets.entry((lemma_family(&events[i].lemma), events[i].class)).or_default().push(i);
    }
    for bucket in buckets.values() {
        for (x, &j) in bucket.iter().enumerate() {
            for &i in &bucket[x.saturating_sub(MERGE_WINDOW)..x] {
                // Already one item: nothing to learn from comparing them.
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if ri != rj && same_event(&events[i], &events[j]) {
                    parent[rj] = ri;
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        if in_timeline(events, i) {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().push(i);
        }
    }
    let mut names = DisplayNames::new(articles, events);
    let mut items: Vec<Item> = Vec::new();
    for (_, members) in groups {
        let live_members: Vec<usize> = members.iter().copied().filter(|&i| !events[i].dropped).collect();
        if live_members.is_empty() {
            continue;
        }
        // Time: the most specific value; bounds intersected.
        let mut value: Option<(TimexValue, (Date, Date))> = None;
        let mut earliest: Option<Date> = None;
        let mut latest: Option<Date> = None;
        let mut notes: Vec<String> = Vec::new();
        let mut seen_notes: HashSet<&str> = HashSet::new();
        for &i in &members {
            let t = &events[i].time;
            if let (Some(v), Some(r)) = (&t.value, t.range) {
                let better = match &value {
                    None => true,
                    Some((_, cur)) => (r.1.days_since_epoch() - r.0.days_since_epoch()) < (cur.1.days_since_epoch() - cur.0.days_since_epoch()),
                };
                if better {
                    value = Some((*v, r));
                }
            }
            if let Some(l) = t.latest {
                latest = Some(latest.map_or(l, |x: Date| x.min(l)));
            }
            if let Some(e) = t.earliest {
                earliest = Some(earliest.map_or(e, |x: Date| x.max(e)));
            }
            if !t.note.is_empty() && seen_notes.insert(t.note.as_str()) {
                notes.push(t.note.clone());
            }
        }
        let background = value.is_none() && earliest.is_none() && latest.is_none();
        if background && members.len() < 2 {
            continue;
        }
        let (value, earliest, latest) = match value {
            Some((v, _)) => (Some(v), None, None),
            None => (None, earliest, latest),
        };
        // Label: from the explicitly dated member, else the first live one.
        let verb = |i: usize| events[i].is_verb;
        let lead = live_members
            .iter()
            .copied()
            .find(|&i| events[i].explicit && verb(i))
            .or_else(|| live_members.iter().copied().find(|&i| verb(i) && !events[i].participants.is_empty()))
            .or_else(|| members.iter().copied().find(|&i| verb(i) && events[i].time.known()))
            .or_else(|| live_members.iter().copied().find(|&i| events[i].explicit))
            .unwrap_or(live_members[0]);
        let mut participants: Vec<&str> = Vec::new();
        let mut seen_participants: HashSet<&str> = HashSet::new();
        for &i in &live_members {
            for p in &events[i].participants {
                if seen_participants.insert(p.as_str()) {
                    participants.push(p.as_str());
                }
            }
        }
        let mut evidence: Vec<(usize, Span)> = members.iter().map(|&i| (events[i].article, events[i].evidence)).collect();
        crate::sort::sort(&mut evidence);
        evidence.dedup();
        items.push(Item {
            label: events[lead].label.clone(),
            value,
            earliest,
            latest,
            participants: participants.iter().map(|p| names.display(p)).collect(),
            evidence,
            background,
            note: notes.join("; "),
            members,
        });
    }
    crate::sort::sort_by_key(&mut items, |it| {
        let key = it
            .value
            .as_ref()
            .and_then(sort_day)
            .or(it.latest)
            .or(it.earliest)
            .map_or(i64::MAX, |d| d.days_since_epoch());
        (it.background, key, it.evidence.first().copied())
    });
    items
}

/// The day a timeline item sorts on: a day itself, a month's first day, and
/// the first of January for the other values with a year (years, and, as
/// before the values were typed, weeks, quarters, halves and seasons, whose
/// true first day is `value.first_day()`); none for decades and references.
fn sort_day(value: &TimexValue) -> Option<Date> {
    match *value {
        TimexValue::Day(d) | TimexValue::Time(d, _) => Some(d),
        TimexValue::Month { year, month } => Date::new(year, month, 1),
        _ => value.year().and_then(|year| Date::new(year, 1, 1)),
    }
}

/// Display forms of participant keys, each worked out once.
struct DisplayNames<'e> {
    articles: &'e [ArticleInput<'e>],
    events: &'e [Event],
    /// Every entity id of the story's mentions.
    ids: HashSet<&'e str>,
    /// Each event's evidence text in lower case, made when first needed.
    lower: Vec<String>,
    known: HashMap<String, String>,
}

impl<'e> DisplayNames<'e> {
    fn new(articles: &'e [ArticleInput<'e>], events: &'e [Event]) -> Self {
        let ids = articles.iter().flat_map(|a| a.mentions.iter().map(|(_, id)| id.as_str())).collect();
        DisplayNames { articles, events, ids, lower: Vec::new(), known: HashMap::new() }
    }

    fn display(&mut self, key: &str) -> String {
        if self.ids.contains(key) {
            return key.to_string();
        }
        if let Some(name) = self.known.get(key) {
            return name.clone();
        }
        if self.lower.is_empty() {
            self.lower = self.events.iter().map(|e| e.evidence.text(self.articles[e.article].body).to_lowercase()).collect();
        }
        let name = display_name(self.articles, self.events, &self.lower, key);
        self.known.insert(key.to_string(), name.clone());
        name
    }
}

/// The display form of a name key (not an entity id): the longest name seen
/// with that key. `lower` holds each event's evidence text in lower case.
fn display_name(articles: &[ArticleInput<'_>], events: &[Event], lower: &[String], key: &str) -> String {
    let mut best = key.to_string();
    for (e, lowered) in events.iter().zip(lower) {
        let text = e.evidence.text(articles[e.article].body);
        // The longest capitalised run in the evidence that ends with the key.
        for (pos, _) in lowered.match_indices(key) {
            let end = pos + key.len();
            if !text.is_char_boundary(end) || !text.is_char_boundary(pos) {
                continue;
            }
            let before = &text[..pos];
            let mut start = pos;
            for word in before.split_inclusive(' ').rev() {
                let w = word.trim();
                if w.starts_with(|c: char| c.is_uppercase()) && !TITLES.contains(&w.to_lowercase().as_str()) && !w.ends_with(',') {
                    start -= word.len();
                } else {
                    break;
                }
            }
            let cand = text[start..end].trim();
            if cand.len() > best.len() && cand.split(' ').count() <= 4 {
                best = cand.to_string();
            }
        }
    }
    best
}
