//! The events stage's word lists and verb forms: speech and action verbs,
//! event nouns, and the lemma of an inflected verb.

use std::sync::OnceLock;

use crate::lexicon::{trim_suffix, Map, WordSet};

use super::read::VerbLemmas;

/// `data/event_words.txt`: every list below is one of its sections.
const EVENT_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/data/event_words.txt"));

/// Speech verbs (lemmas): a clause with one of these reports a statement.
pub(super) static SPEECH: WordSet = WordSet::section(EVENT_WORDS, "speech");

/// Action verbs (lemmas) that report a happening.
pub(super) static ACTION: WordSet = WordSet::section(EVENT_WORDS, "action");

/// Verbs whose object noun is the event ("held a press conference").
pub(super) static LIGHT: WordSet = WordSet::section(EVENT_WORDS, "light");

/// Events that other events happen at (a press conference, talks).
pub(super) static FRAME_NOUNS: WordSet = WordSet::section(EVENT_WORDS, "frame-nouns");

/// Nouns of happenings (an attack, an election, a deal).
pub(super) static OCCURRENCE_NOUNS: WordSet = WordSet::section(EVENT_WORDS, "occurrence-nouns");

/// Plural nouns without an "-s" ("people", "children").
pub(super) static PLURAL_NOUNS: WordSet = WordSet::section(EVENT_WORDS, "plural-nouns");

/// Irregular verb forms, written `form=lemma`.
pub(super) static IRREGULAR: WordSet = WordSet::section(EVENT_WORDS, "irregular");

/// Speech acts that are news by themselves ("announced", "denied").
pub(super) static NEWS_STATEMENTS: WordSet = WordSet::section(EVENT_WORDS, "news-statements");

/// Words without content for matching events across articles.
pub(super) static STOP: WordSet = WordSet::section(EVENT_WORDS, "stop");

/// Words of titles and roles, stripped from names.
pub(super) static TITLES: WordSet = WordSet::section(EVENT_WORDS, "title-words");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    Past,
    Present,
    Base,
    Ing,
}

/// The lemma of an irregular form.
pub(super) fn irregular(form: &str) -> Option<&'static str> {
    static MAP: OnceLock<Map<&'static str, &'static str>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut map = Map::default();
        for pair in IRREGULAR.words() {
            if let Some((f, l)) = pair.split_once('=') {
                map.entry(f).or_insert(l);
            }
        }
        map
    });
    map.get(form).copied()
}

/// Every speech and action verb: (the word, a speech verb, an action verb).
pub(super) fn verb_table() -> &'static Map<&'static str, (&'static str, bool, bool)> {
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
pub(super) fn joined<'b>(buf: &'b mut [u8; 48], stem: &str, suffix: &str) -> Option<&'b str> {
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
pub(super) fn verb_lemmas(lower: &str) -> VerbLemmas {
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

pub(super) fn third_person(lemma: &str) -> String {
    match lemma {
        "say" => "says".into(),
        "have" => "has".into(),
        "do" => "does".into(),
        l if l.ends_with('y') && !l.ends_with("ay") && !l.ends_with("ey") && !l.ends_with("oy") => format!("{}ies", &l[..l.len() - 1]),
        l if l.ends_with('s') || l.ends_with("sh") || l.ends_with("ch") || l.ends_with('x') || l.ends_with('z') => format!("{l}es"),
        l => format!("{l}s"),
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::sections;

    #[test]
    fn every_list_is_a_section_of_the_data_file() {
        let names: Vec<&str> = sections(EVENT_WORDS).collect();
        for list in [&SPEECH, &ACTION, &LIGHT, &FRAME_NOUNS, &OCCURRENCE_NOUNS, &IRREGULAR, &STOP, &TITLES, &NEWS_STATEMENTS, &PLURAL_NOUNS] {
            assert!(!list.words().is_empty());
        }
        assert_eq!(names.len(), 10, "{names:?}");
    }

    #[test]
    fn verb_forms_find_their_lemma() {
        assert_eq!(verb_lemmas("said").0, Some(("say", Form::Past)));
        assert_eq!(verb_lemmas("told").0, Some(("tell", Form::Past)));
        assert_eq!(verb_lemmas("ordered").1, Some(("order", Form::Past)));
        assert_eq!(verb_lemmas("agreed").1, Some(("agree", Form::Past)));
        assert_eq!(verb_lemmas("bombing").1, Some(("bomb", Form::Ing)));
        assert_eq!(verb_lemmas("denies").0, Some(("deny", Form::Present)));
        assert_eq!(verb_lemmas("stopped").1, None);
        assert_eq!(verb_lemmas("has").1, None);
        assert_eq!(irregular("withdrew"), Some("withdraw"));
    }

    #[test]
    fn third_person_forms() {
        assert_eq!(third_person("say"), "says");
        assert_eq!(third_person("deny"), "denies");
        assert_eq!(third_person("launch"), "launches");
        assert_eq!(third_person("meet"), "meets");
    }

}
