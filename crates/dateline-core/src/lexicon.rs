//! Compact word lists compiled into the engine (`data/*.txt`, embedded without
//! their comments by `build.rs`; each file says
//! where it came from and under which license), parsed once on first use.
//!
//! * given names with gender (US Census 1990, plus a short international list);
//! * countries with demonyms and aliases (Debian iso-codes plus our own);
//! * titles and roles, with an implied gender or country;
//! * organisations with aliases and a country;
//! * attribution cue verbs with a class (speech, speech act, belief);
//! * places that are not countries, with demonyms (continents, regions,
//!   states and provinces, large cities);
//! * name cues: words that tell what a capitalised name is (or that it is
//!   none: currency codes, time zones).
//! * word classes for tagging and event mentions: function words, common
//!   verbs and their irregular forms, eventive nouns, event classes.
//!
//! Other stages keep their own word lists in data files too (`calendar.txt`,
//! `time_words.txt`, `abbreviations.txt`), read with [`section`] and
//! [`WordSet::section`].
//!
//! Lookups take the word as written; they lower-case where the list does.

use crate::case::{Case, Letter};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small fast hasher for short word keys (the Fx hash of rustc); the
/// tables are fixed data, so hash flooding is no concern.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut buf = [0u8; 8];
            buf[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash map with [`WordHasher`]: every map of the engine (std's default
/// SipHash costs code size in the explorer's wasm and buys nothing here).
pub type Map<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A hash set with [`WordHasher`].
pub type KeySet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// A fixed set of words, hashed on first use: listed in the code, or the
/// words of a section of a data file.
pub struct WordSet {
    source: Source,
    table: OnceLock<(Vec<&'static str>, Set)>,
}

type Set = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

enum Source {
    List(&'static [&'static str]),
    /// A data file's text and a section name.
    Section(&'static str, &'static str),
}

impl WordSet {
    pub const fn new(list: &'static [&'static str]) -> WordSet {
        WordSet { source: Source::List(list), table: OnceLock::new() }
    }

    /// The words of section `[name]` of a data file (see [`section`]).
    pub const fn section(text: &'static str, name: &'static str) -> WordSet {
        WordSet { source: Source::Section(text, name), table: OnceLock::new() }
    }

    pub fn contains(&self, word: impl AsRef<str>) -> bool {
        self.contains_str(word.as_ref())
    }

    // (not inlined: the engine asks its lists in hundreds of places, and
    // inlined copies of the lookup cost the explorer's wasm)
    #[inline(never)]
    fn contains_str(&self, word: &str) -> bool {
        self.table().1.contains(word)
    }

    /// The words, as listed.
    pub fn words(&self) -> &[&'static str] {
        &self.table().0
    }

    /// The list's own copy of `word`, when it has it.
    pub fn get(&self, word: &str) -> Option<&'static str> {
        self.table().1.get(word).copied()
    }

    fn table(&self) -> &(Vec<&'static str>, Set) {
        self.table.get_or_init(|| {
            let list: Vec<&'static str> = match self.source {
                Source::List(list) => list.to_vec(),
                Source::Section(text, name) => section_words(text, name),
            };
            let set = list.iter().copied().collect();
            (list, set)
        })
    }
}

/// The lines of section `[name]` of a data file: the lines after a line
/// `[name]` and before the next `[...]` line, trimmed, without blank lines
/// and `#` comments.
pub fn section(text: &'static str, name: &str) -> Vec<&'static str> {
    let mut inside = false;
    let mut lines = Vec::new();
    for line in data_lines(text) {
        if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = header == name;
        } else if inside {
            lines.push(line);
        }
    }
    lines
}

/// The whitespace-separated words of section `[name]`.
pub fn section_words(text: &'static str, name: &str) -> Vec<&'static str> {
    let mut words = Vec::new();
    for line in section(text, name) {
        words.extend(line.split_whitespace());
    }
    words
}

/// The lines `key: words` of section `[name]`, as (key, words).
pub fn section_entries(text: &'static str, name: &str) -> Vec<(&'static str, &'static str)> {
    section(text, name).into_iter().filter_map(|line| line.split_once(':')).map(|(key, words)| (key.trim(), words.trim())).collect()
}

/// The section names of a data file, in order.
pub fn sections(text: &str) -> impl Iterator<Item = &str> {
    text.lines().filter_map(|l| l.trim().strip_prefix('[').and_then(|l| l.strip_suffix(']')))
}

/// A word in lower case, borrowed when it already is (any script).
pub fn lc(s: &str) -> Cow<'_, str> {
    if s.chars().any(|c| c.is_upper()) {
        Cow::Owned(s.to_lower())
    } else {
        Cow::Borrowed(s)
    }
}

/// `s` in lower case (`str::to_lowercase`), borrowed when it is ASCII
/// without capitals.
pub fn lowercase(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.to_lower())
    }
}

/// `s` without every trailing copy of `suffix` (as `trim_end_matches` with a
/// string pattern, without building a searcher for each call).
pub fn trim_suffix<'a>(mut s: &'a str, suffix: &str) -> &'a str {
    if suffix.is_empty() {
        return s;
    }
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

const GIVEN_NAMES: &str = include_str!(concat!(env!("OUT_DIR"), "/data/given_names.txt"));
const GIVEN_NAMES_INTL: &str = include_str!(concat!(env!("OUT_DIR"), "/data/given_names_intl.txt"));
const COUNTRIES: &str = include_str!(concat!(env!("OUT_DIR"), "/data/countries.txt"));
const TITLES: &str = include_str!(concat!(env!("OUT_DIR"), "/data/titles.txt"));
const ORGANIZATIONS: &str = include_str!(concat!(env!("OUT_DIR"), "/data/organizations.txt"));
const CUE_VERBS: &str = include_str!(concat!(env!("OUT_DIR"), "/data/cue_verbs.txt"));
const PLACES: &str = include_str!(concat!(env!("OUT_DIR"), "/data/places.txt"));
const NAME_CUES: &str = include_str!(concat!(env!("OUT_DIR"), "/data/name_cues.txt"));
const WORD_CLASSES: &str = include_str!(concat!(env!("OUT_DIR"), "/data/word_classes.txt"));
const VERBS: &str = include_str!(concat!(env!("OUT_DIR"), "/data/verbs.txt"));
const IRREGULAR_VERBS: &str = include_str!(concat!(env!("OUT_DIR"), "/data/irregular.txt"));
const EVENT_NOUNS: &str = include_str!(concat!(env!("OUT_DIR"), "/data/event_nouns.txt"));
const NEWS_EVENT_NOUNS: &str = include_str!(concat!(env!("OUT_DIR"), "/data/news_event_nouns.txt"));
const EVENT_CLASSES: &str = include_str!(concat!(env!("OUT_DIR"), "/data/event_classes.txt"));

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

/// A section of `data/name_cues.txt`: words that tell what a capitalised
/// name is (or that a capitalised word is no name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameCue {
    /// An ISO currency code ("USD").
    Currency,
    /// A time-zone abbreviation, no name after a clock time ("EST").
    Zone,
    /// A time-zone abbreviation that is never a name ("UTC").
    ZoneAlways,
    /// A lower-case noun before a name that makes it an organisation ("airline").
    OrgNoun,
    /// A lower-case word after a name that makes it an organisation ("shares").
    OrgAfter,
    /// The last word of an event's name ("Conference").
    EventHead,
    /// A capitalised noun that takes a number without naming a product
    /// ("Chapter 11", "Article 5").
    NumberedNoun,
}

/// The class of an attribution cue verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueClass {
    /// Speech with a clause or a quote: say, tell, insist, reveal.
    Say,
    /// A speech act whose object is the content: call for, blast, cite.
    Act,
    /// Belief or cognition with a clause: believe, conclude, expect.
    Think,
}

#[derive(Clone, Debug)]
pub struct Title {
    pub gender: Gender,
    pub country: Option<&'static str>,
}

#[derive(Clone, Debug)]
pub struct Org {
    pub name: &'static str,
    pub country: Option<&'static str>,
}

struct Tables {
    given: Map<&'static str, Gender>,
    /// lower-cased country name or alias -> canonical name
    countries: Map<String, &'static str>,
    /// lower-cased demonym -> canonical country
    demonyms: Map<String, &'static str>,
    /// lower-case title (words separated by one space) -> info
    titles: Map<&'static str, Title>,
    /// the last word of every title, for role nouns ("the secretary")
    title_heads: Map<&'static str, ()>,
    /// the first word of every title
    title_starts: Map<&'static str, ()>,
    /// lower-cased organisation name or alias -> info
    orgs: Map<String, Org>,
    /// cue verb forms: lemma -> class; irregular form -> lemma
    cues: Map<String, (CueClass, &'static str)>,
    /// lower-cased place names (not countries)
    places: Map<String, ()>,
    /// lower-cased demonym of a place that is not a country -> the place
    place_demonyms: Map<String, &'static str>,
    /// (section, word as listed)
    name_cues: HashSet<(NameCue, &'static str), BuildHasherDefault<WordHasher>>,
    /// cue lemmas whose content can be a to-infinitive ("pledged to push")
    infinitive_cues: Map<&'static str, ()>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(build)
}

/// The lines of a data file, trimmed, without blank lines and `#` comments.
pub fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lines of a data file the engine's `build.rs` front-coded, each as its
/// words: a word that starts with a digit k is the first k bytes of the word
/// before it in the file, then its own text (`m aaron 1bdul 2e` is
/// `m aaron abdul abe`). The tables are built once, so the few words that
/// are decoded into new strings live as long as the program.
fn front_decoded(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    let mut prev: &'static str = "";
    data_lines(text).map(move |line| {
        let mut words = Vec::new();
        for w in line.split_whitespace() {
            let k = usize::from(w.as_bytes()[0].wrapping_sub(b'0'));
            prev = match prev.get(..k).filter(|_| (1..=9).contains(&k)) {
                Some(prefix) => Box::leak([prefix, &w[1..]].concat().into_boxed_str()),
                None => w,
            };
            words.push(prev);
        }
        words
    })
}

fn build() -> Tables {
    let mut given = Map::default();
    let lines = front_decoded(GIVEN_NAMES).chain(data_lines(GIVEN_NAMES_INTL).map(|l| l.split_whitespace().collect()));
    for words in lines {
        let gender = match words.first().copied() {
            Some("m") => Gender::Male,
            Some("f") => Gender::Female,
            _ => Gender::Unknown,
        };
        for w in words.into_iter().skip(1) {
            given.entry(w).or_insert(gender);
        }
    }
    let mut countries = Map::default();
    let mut demonyms = Map::default();
    for line in data_lines(COUNTRIES) {
        let mut parts = line.split('|');
        let name = parts.next().unwrap_or("").trim();
        if name.is_empty() {
            continue;
        }
        countries.insert(name.to_lower(), name);
        for d in parts.next().unwrap_or("").split(',').map(str::trim).filter(|d| !d.is_empty()) {
            demonyms.insert(d.to_lower(), name);
        }
        for a in parts.next().unwrap_or("").split(',').map(str::trim).filter(|a| !a.is_empty()) {
            countries.insert(a.to_lower(), name);
        }
    }
    let mut titles = Map::default();
    let mut title_heads = Map::default();
    let mut title_starts = Map::default();
    for line in data_lines(TITLES) {
        let mut parts = line.split('|');
        let title = parts.next().unwrap_or("").trim();
        let gender = match parts.next().map(str::trim) {
            Some("m") => Gender::Male,
            Some("f") => Gender::Female,
            _ => Gender::Unknown,
        };
        let country = parts.next().map(str::trim).filter(|c| !c.is_empty());
        if let Some(first) = title.split(' ').next() {
            // (a token never holds its abbreviation's dot: "Sen." is "Sen", ".")
            title_starts.insert(first.trim_end_matches('.'), ());
        }
        if let Some(head) = title.rsplit(' ').next() {
            if !head.ends_with('.') {
                title_heads.insert(head, ());
            }
        }
        titles.entry(title).or_insert(Title { gender, country });
    }
    let mut orgs = Map::default();
    for line in data_lines(ORGANIZATIONS) {
        let mut parts = line.split('|');
        let name = parts.next().unwrap_or("").trim();
        let aliases = parts.next().unwrap_or("");
        let country = parts.next().map(str::trim).filter(|c| !c.is_empty());
        orgs.insert(name.to_lower(), Org { name, country });
        for a in aliases.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            // Aliases are matched as written (case-sensitive acronyms like "IS"
            // must not match "is"); we store them lower-cased and check case at lookup.
            orgs.entry(a.to_lower()).or_insert(Org { name, country });
        }
    }
    let mut cues = Map::default();
    let mut infinitive_cues = Map::default();
    for line in data_lines(CUE_VERBS) {
        let mut words = line.split_whitespace();
        let (Some(lemma), Some(class)) = (words.next(), words.next()) else { continue };
        let class = match class.strip_suffix("+to") {
            Some(c) => {
                infinitive_cues.insert(lemma, ());
                c
            }
            None => class,
        };
        let class = match class {
            "act" => CueClass::Act,
            "think" => CueClass::Think,
            _ => CueClass::Say,
        };
        for form in words {
            cues.entry(form.to_string()).or_insert((class, lemma));
        }
        for form in inflections(lemma) {
            cues.entry(form).or_insert((class, lemma));
        }
        cues.insert(lemma.to_string(), (class, lemma));
    }
    let mut places = Map::default();
    let mut place_demonyms = Map::default();
    for line in data_lines(PLACES) {
        let (name, demonyms) = line.split_once('|').unwrap_or((line, ""));
        places.insert(name.to_lower(), ());
        for d in demonyms.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            place_demonyms.insert(d.to_lower(), name);
        }
    }
    let mut name_cues = HashSet::default();
    for line in data_lines(NAME_CUES) {
        let mut words = line.split_whitespace();
        let section = match words.next() {
            Some("currency") => NameCue::Currency,
            Some("zone") => NameCue::Zone,
            Some("zone_always") => NameCue::ZoneAlways,
            Some("org_noun") => NameCue::OrgNoun,
            Some("org_after") => NameCue::OrgAfter,
            Some("event_head") => NameCue::EventHead,
            Some("numbered_noun") => NameCue::NumberedNoun,
            _ => continue,
        };
        for w in words {
            name_cues.insert((section, w));
        }
    }
    Tables { given, countries, demonyms, titles, title_heads, title_starts, orgs, cues, places, place_demonyms, name_cues, infinitive_cues }
}

/// Runs `f` on the word in lower case, without allocating for short ASCII words.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.len() <= 48 && bytes.is_ascii() {
        let mut buf = [0u8; 48];
        for (d, s) in buf.iter_mut().zip(bytes) {
            *d = s.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8
        f(std::str::from_utf8(&buf[..bytes.len()]).unwrap_or(""))
    } else {
        f(&word.to_lower())
    }
}

/// Whether a lower-case word starts some title ("foreign", "secretary").
pub fn title_start(lower: &str) -> bool {
    tables().title_starts.contains_key(lower)
}

/// Gender of a given name ("Rex" -> male), if it is one.
pub fn given_name(word: &str) -> Option<Gender> {
    with_lower(word, |w| tables().given.get(w).copied())
}

/// The canonical country for a name or alias ("U.S." -> "United States").
pub fn country(name: &str) -> Option<&'static str> {
    if name.len() <= 3 && name.chars().all(|c| c.is_ascii_uppercase()) && !matches!(name, "US" | "UK" | "USA" | "UAE" | "PRC" | "DRC") {
        return None;
    }
    with_lower(name, |w| tables().countries.get(w).copied())
}

/// The country of a demonym ("Russian" -> "Russia").
pub fn demonym(word: &str) -> Option<&'static str> {
    with_lower(word, |w| tables().demonyms.get(w).copied())
}

/// Whether a name is a known place that is not a country ("California",
/// "Los Angeles", "Middle East").
pub fn place(name: &str) -> bool {
    with_lower(name, |w| tables().places.contains_key(w))
}

/// The place of a demonym of a place that is not a country ("Californian"
/// -> "California", "European" -> "Europe").
pub fn place_demonym(word: &str) -> Option<&'static str> {
    with_lower(word, |w| tables().place_demonyms.get(w).copied())
}

/// Whether `word`, as written, is listed in a section of the name cues.
pub fn name_cue(cue: NameCue, word: &str) -> bool {
    tables().name_cues.contains(&(cue, word))
}

/// A title given in lower case, words separated by single spaces.
pub fn title(lower: &str) -> Option<&'static Title> {
    tables().titles.get(lower)
}

/// Whether a lower-case word ends some title ("secretary", "minister").
pub fn title_head(lower: &str) -> bool {
    tables().title_heads.contains_key(lower)
}

/// An organisation by name or alias, as written. Short all-capital aliases
/// match only when written in capitals ("IS" but not "Is").
pub fn organization(name: &str) -> Option<&'static Org> {
    let org = with_lower(name, |w| tables().orgs.get(w))?;
    let acronym_alias = name.len() <= 4 && !org.name.eq_ignore_ascii_case(name);
    if acronym_alias && !name.chars().all(|c| !c.is_lower()) {
        return None;
    }
    Some(org)
}

/// The listed class of a function word or of an open word the suffix rules
/// would get wrong (`data/word_classes.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordClass {
    Det,
    Pron,
    Poss,
    Prep,
    Conj,
    Wh,
    Modal,
    Be,
    Have,
    Do,
    Neg,
    Adv,
    Adj,
    Noun,
    /// Titles, units and abbreviations that are never events.
    Name,
}

impl WordClass {
    fn parse(s: &str) -> Option<WordClass> {
        Some(match s {
            "DET" => WordClass::Det,
            "PRON" => WordClass::Pron,
            "POSS" => WordClass::Poss,
            "PREP" => WordClass::Prep,
            "CONJ" => WordClass::Conj,
            "WH" => WordClass::Wh,
            "MODAL" => WordClass::Modal,
            "BE" => WordClass::Be,
            "HAVE" => WordClass::Have,
            "DO" => WordClass::Do,
            "NEG" => WordClass::Neg,
            "ADV" => WordClass::Adv,
            "ADJ" => WordClass::Adj,
            "NOUN" => WordClass::Noun,
            "NAME" => WordClass::Name,
            _ => return None,
        })
    }
}

/// What the lists say about one lower-case word (one lookup for the tagger
/// and event mentions). Eight bytes, so the table stays small in cache.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WordInfo {
    /// Its function-word class (`data/word_classes.txt`).
    pub class: Option<WordClass>,
    /// A common verb lemma (`data/verbs.txt`).
    pub verb: bool,
    /// A noun lemma that usually denotes an event (`data/event_nouns.txt` or `data/news_event_nouns.txt`).
    pub event_noun: bool,
    /// Listed in the hand-written `data/news_event_nouns.txt`.
    pub news_event: bool,
    /// Index + 1 into [`EVENT_CLASS_NAMES`] (`data/event_classes.txt`); 0 when unlisted.
    class_index: u8,
    /// An irregular past or participle (`data/irregular.txt`; its lemma: [`irregular_verb`]).
    pub irregular: bool,
}

/// The class names `data/event_classes.txt` may use.
const EVENT_CLASS_NAMES: &[&str] = &["OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION", "NONE"];

impl WordInfo {

    /// Its TimeML class name as a predicate (`data/event_classes.txt`), or `NONE`.
    pub fn event_class(&self) -> Option<&'static str> {
        EVENT_CLASS_NAMES.get(usize::from(self.class_index).checked_sub(1)?).copied()
    }
}

/// The function-word classes alone (`data/word_classes.txt`, the first
/// class a word is listed with). [`word_class`] and [`irregular_verb`] read
/// their own small tables rather than [`word`]'s, which also holds the verb
/// and event-noun lists: a stage that asks only for those does not bring
/// every list into the explorer's wasm (~8 KB gzip; the explorer does not
/// tag).
fn classes() -> &'static Map<&'static str, WordClass> {
    static TABLE: OnceLock<Map<&'static str, WordClass>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: Map<&'static str, WordClass> = Map::default();
        for line in data_lines(WORD_CLASSES) {
            let mut words = line.split_whitespace();
            let Some(class) = words.next().and_then(WordClass::parse) else { continue };
            for w in words {
                map.entry(w).or_insert(class);
            }
        }
        map
    })
}

/// Irregular past and participle forms -> their lemma (`data/irregular.txt`;
/// a form of two verbs keeps the first).
fn irregular_forms() -> &'static Map<&'static str, &'static str> {
    static TABLE: OnceLock<Map<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: Map<&'static str, &'static str> = Map::default();
        for line in data_lines(IRREGULAR_VERBS) {
            let mut forms = line.split_whitespace();
            let Some(lemma) = forms.next() else { continue };
            for form in forms {
                map.entry(form).or_insert(lemma);
            }
        }
        map
    })
}

/// The word table: every list, one entry per word.
fn word_tables() -> &'static Map<&'static str, WordInfo> {
    static TABLE: OnceLock<Map<&'static str, WordInfo>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: Map<&'static str, WordInfo> = Map::default();
        for (&w, &class) in classes() {
            map.entry(w).or_default().class = Some(class);
        }
        let words = |text: &'static str| data_lines(text).flat_map(str::split_whitespace);
        for w in front_decoded(VERBS).flatten() {
            map.entry(w).or_default().verb = true;
        }
        for &form in irregular_forms().keys() {
            map.entry(form).or_default().irregular = true;
        }
        for w in front_decoded(EVENT_NOUNS).flatten() {
            map.entry(w).or_default().event_noun = true;
        }
        for w in words(NEWS_EVENT_NOUNS) {
            let info = map.entry(w).or_default();
            info.event_noun = true;
            info.news_event = true;
        }
        for line in data_lines(EVENT_CLASSES) {
            let mut words = line.split_whitespace();
            let Some(index) = words.next().and_then(|c| EVENT_CLASS_NAMES.iter().position(|n| *n == c)) else { continue };
            for w in words {
                let info = map.entry(w).or_default();
                if info.class_index == 0 {
                    info.class_index = index as u8 + 1;
                }
            }
        }
        map
    })
}

/// Everything the word lists say about a lower-case word, if they list it.
pub fn word(lower: &str) -> Option<&'static WordInfo> {
    word_tables().get(lower)
}

/// The listed class of a lower-case word, if it is listed.
pub fn word_class(lower: &str) -> Option<WordClass> {
    classes().get(lower).copied()
}

/// Whether a lower-case word is a common verb lemma ("sell", "fall").
pub fn verb_lemma(lower: &str) -> bool {
    word(lower).is_some_and(|w| w.verb)
}

/// The lemma of an irregular past or participle form ("fell" -> "fall").
pub fn irregular_verb(lower: &str) -> Option<&'static str> {
    irregular_forms().get(lower).copied()
}

/// Whether a singular noun lemma usually denotes an event ("sale", "crash").
pub fn event_noun(lemma: &str) -> bool {
    word(lemma).is_some_and(|w| w.event_noun)
}

/// Whether a singular noun lemma is a news event noun ("summit", "crash"),
/// the hand-written part of [`event_noun`]'s list.
pub fn news_event_noun(lemma: &str) -> bool {
    word(lemma).is_some_and(|w| w.news_event)
}

/// The TimeML class name listed for a predicate lemma (`REPORTING` for "say").
pub fn event_class(lemma: &str) -> Option<&'static str> {
    word(lemma).and_then(WordInfo::event_class)
}

/// Regular inflections of a verb lemma, over-generated (both with and
/// without a doubled final consonant): say -> says, sayed, saying...
fn inflections(lemma: &str) -> Vec<String> {
    let b = lemma.as_bytes();
    let last = b.last().copied().unwrap_or(b'a');
    let vowel = |c: u8| b"aeiou".contains(&c);
    let mut out = Vec::new();
    if let Some(stem) = lemma.strip_suffix('y').filter(|s| !s.is_empty() && !vowel(*s.as_bytes().last().unwrap())) {
        out.push(format!("{stem}ies"));
        out.push(format!("{stem}ied"));
        out.push(format!("{lemma}ing"));
    } else if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
        out.push(format!("{lemma}es"));
    } else {
        out.push(format!("{lemma}s"));
    }
    if let Some(stem) = lemma.strip_suffix('e') {
        out.push(format!("{lemma}d"));
        out.push(format!("{stem}ing"));
    } else {
        out.push(format!("{lemma}ed"));
        out.push(format!("{lemma}ing"));
        if b.len() >= 3 && !vowel(last) && !matches!(last, b'w' | b'x' | b'y') && vowel(b[b.len() - 2]) {
            out.push(format!("{lemma}{}ed", last as char));
            out.push(format!("{lemma}{}ing", last as char));
        }
    }
    out
}

/// A cue verb form ("insisted", "tells", "called") -> (lemma, class).
/// Regular inflections are generated from the lemma list; irregular forms
/// ("told", "wrote") are listed.
pub fn cue_verb(word: &str) -> Option<(&'static str, CueClass)> {
    if word.len() < 3 || word.len() > 24 {
        return None;
    }
    let cues = &tables().cues;
    let hit = if word.bytes().any(|c| c.is_ascii_uppercase()) {
        cues.get(word.to_lower().as_str())
    } else {
        cues.get(word)
    };
    hit.map(|&(class, lemma)| (lemma, class))
}

/// Whether a cue lemma's content can be a to-infinitive ("pledged to push
/// for ...", "refused to endorse ..."): class marked `+to` in the cue list.
pub fn cue_takes_infinitive(lemma: &str) -> bool {
    tables().infinitive_cues.contains_key(lemma)
}

#[cfg(test)]
mod tests {
    #[test]
    fn word_sets_read_their_section_of_a_data_file() {
        static DATA: &str = "# a comment line\n[one]\nalpha beta\n# not a word\ngamma\n\n[two]\ndelta\n";
        static ONE: super::WordSet = super::WordSet::section(DATA, "one");
        static TWO: super::WordSet = super::WordSet::section(DATA, "two");
        assert_eq!(ONE.words(), ["alpha", "beta", "gamma"]);
        assert!(TWO.contains("delta") && !TWO.contains("alpha"));
        assert_eq!(ONE.get("beta"), Some("beta"));
        assert_eq!(super::sections(DATA).collect::<Vec<_>>(), ["one", "two"]);
    }

    use super::*;

    #[test]
    fn the_embedded_front_coded_lists_decode_to_their_data_files() {
        for (name, embedded) in [("given_names", GIVEN_NAMES), ("verbs", VERBS), ("event_nouns", EVENT_NOUNS)] {
            let file = std::fs::read_to_string(format!("{}/data/{name}.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let plain: Vec<Vec<&str>> = data_lines(Box::leak(file.into_boxed_str())).map(|l| l.split_whitespace().collect()).collect();
            let decoded: Vec<Vec<&str>> = front_decoded(embedded).collect();
            assert_eq!(decoded, plain, "{name}");
            assert!(embedded.len() < plain.iter().flatten().map(|w| w.len() + 1).sum::<usize>() * 9 / 10, "{name} is front-coded");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(given_name("Rex"), Some(Gender::Male));
        assert_eq!(given_name("Sergey"), Some(Gender::Male));
        assert_eq!(given_name("Mary"), Some(Gender::Female));
        assert_eq!(country("U.S."), Some("United States"));
        assert_eq!(country("Russia"), Some("Russia"));
        assert_eq!(demonym("Russian"), Some("Russia"));
        assert!(title("secretary of state").is_some());
        assert_eq!(title("secretary of state").unwrap().country, Some("United States"));
        assert!(title_head("minister"));
        assert_eq!(organization("OPCW").map(|o| o.name), Some("Organization for the Prohibition of Chemical Weapons"));
        assert!(organization("Is").is_none());
        assert!(place("California") && place("los angeles") && !place("Acme"));
        assert_eq!(place_demonym("European"), Some("Europe"));
        assert!(name_cue(NameCue::ZoneAlways, "UTC") && name_cue(NameCue::OrgNoun, "airline") && !name_cue(NameCue::OrgNoun, "Airline"));
        assert_eq!(word_class("the"), Some(WordClass::Det));
        assert_eq!(word_class("was"), Some(WordClass::Be));
        assert!(verb_lemma("sell"));
        assert_eq!(irregular_verb("fell"), Some("fall"));
        assert!(event_noun("crash"));
        assert_eq!(event_class("say"), Some("REPORTING"));
    }

    #[test]
    fn sections() {
        const TEXT: &str = "# a data file\n[one]\na b\n# a comment\nc\n[two]\nx: y z\nw:v\n";
        assert_eq!(section_words(TEXT, "one"), ["a", "b", "c"]);
        assert_eq!(section_entries(TEXT, "two"), [("x", "y z"), ("w", "v")]);
        assert!(section(TEXT, "three").is_empty());
        static SET: WordSet = WordSet::section(TEXT, "one");
        assert!(SET.contains("b") && !SET.contains("x"));
        assert_eq!(SET.words(), ["a", "b", "c"]);
    }

    #[test]
    fn cue_inflections() {
        for (form, lemma) in [
            ("said", "say"), ("says", "say"), ("insisted", "insist"), ("reiterated", "reiterate"), ("noted", "note"),
            ("told", "tell"), ("tells", "tell"), ("blasted", "blast"), ("admitted", "admit"), ("denies", "deny"),
            ("denied", "deny"), ("saying", "say"), ("adding", "add"), ("argues", "argue"), ("wrote", "write"),
            ("slammed", "slam"), ("revealed", "reveal"), ("called", "call"), ("warning", "warn"),
        ] {
            assert_eq!(cue_verb(form).map(|c| c.0), Some(lemma), "{form}");
        }
        assert_eq!(cue_verb("table"), None);
        assert_eq!(cue_verb("the"), None);
    }
}
