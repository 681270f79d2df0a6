//! The events stage's word lists and verb forms: speech and action verbs,
//! event nouns, and the lemma of an inflected verb.

use std::sync::OnceLock;

use crate::lexicon::{trim_suffix, Map, WordSet};

use super::read::VerbLemmas;

pub(super) static SPEECH: WordSet = WordSet::new(&[
    "say", "tell", "note", "insist", "reveal", "repeat", "reiterate", "add", "warn", "announce", "claim", "state",
    "accuse", "blast", "criticize", "criticise", "urge", "suggest", "deny", "argue", "explain", "stress",
    "acknowledge", "admit", "confirm", "declare", "speak", "comment", "respond", "reply", "tweet", "praise",
    "condemn", "threaten", "promise", "vow", "predict", "point", "discuss", "talk", "express", "emphasize",
    "emphasise", "remark", "concede", "contend", "maintain", "assert", "allege", "advise", "ask", "call",
    "write", "testify", "echo",
]);

pub(super) static ACTION: WordSet = WordSet::new(&[
    "order", "attack", "strike", "launch", "kill", "agree", "sign", "meet", "visit", "elect", "vote", "resign",
    "appoint", "nominate", "arrest", "release", "ban", "impose", "sanction", "invade", "withdraw", "deploy",
    "establish", "suspend", "resume", "close", "bomb", "shoot", "die", "crash", "explode", "collapse", "approve",
    "reject", "veto", "sue", "charge", "convict", "sentence", "raid", "seize", "capture", "destroy", "occupy",
    "evacuate", "rescue", "decide", "cancel", "postpone", "unveil", "acquire", "buy", "sell", "merge", "fire",
    "hold", "host", "win", "lose", "expel", "retaliate",
]);

/// Verbs whose object noun is the event ("held a press conference").
pub(super) static LIGHT: WordSet = WordSet::new(&["hold", "host", "have", "give", "attend", "conduct", "stage", "carry", "make", "order", "launch", "begin", "start", "end", "sign", "reach", "strike", "announce", "mount", "call"]);

pub(super) static FRAME_NOUNS: WordSet = WordSet::new(&[
    "meeting", "meetings", "conference", "talks", "summit", "visit", "trip", "interview", "hearing", "speech",
    "session", "ceremony", "briefing", "conversation", "negotiations", "tour", "rally", "debate",
]);

pub(super) static OCCURRENCE_NOUNS: WordSet = WordSet::new(&[
    "attack", "attacks", "strike", "strikes", "airstrike", "airstrikes", "bombing", "explosion", "shooting",
    "election", "elections", "vote", "referendum", "commitment", "agreement", "deal", "treaty", "ceasefire",
    "invasion", "crash", "earthquake", "protest", "protests", "coup", "massacre", "assassination", "arrest",
    "resignation", "raid", "decision", "statement", "remarks", "sanctions", "collapse", "takeover", "merger",
    "acquisition", "bankruptcy", "lawsuit", "trial", "verdict", "ruling", "layoffs", "launch", "announcement",
]);

pub(super) const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"), ("says", "say"), ("told", "tell"), ("met", "meet"), ("held", "hold"), ("spoke", "speak"),
    ("struck", "strike"), ("wrote", "write"), ("shot", "shoot"), ("won", "win"), ("lost", "lose"), ("sold", "sell"),
    ("bought", "buy"), ("withdrew", "withdraw"), ("withdrawn", "withdraw"), ("took", "take"), ("fell", "fall"),
    ("rose", "rise"), ("began", "begin"), ("gave", "give"), ("made", "make"), ("sent", "send"), ("fought", "fight"),
    ("brought", "bring"), ("had", "have"), ("has", "have"), ("died", "die"), ("written", "write"), ("spoken", "speak"),
    ("given", "give"), ("begun", "begin"), ("chosen", "choose"), ("chose", "choose"), ("led", "lead"), ("did", "do"),
];

pub(super) static STOP: WordSet = WordSet::new(&[
    "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "that", "this",
    "these", "those", "it", "its", "he", "she", "they", "them", "his", "her", "their", "we", "our", "i", "you",
    "was", "were", "is", "are", "be", "been", "has", "have", "had", "will", "would", "said", "says", "say", "not",
    "as", "after", "before", "during", "about", "into", "over", "also", "which", "who", "what", "there", "two",
    "said", "told", "than", "more", "very", "between", "both", "any", "some", "all", "himself", "herself", "itself",
    "s", "t", "we've", "he's", "she's", "it's", "did", "do", "does", "can", "could", "should", "may", "might",
]);

pub(super) static TITLES: WordSet = WordSet::new(&[
    "president", "secretary", "minister", "foreign", "defense", "defence", "prime", "chancellor", "senator", "sen",
    "rep", "representative", "governor", "gov", "general", "gen", "king", "queen", "prince", "mr", "mrs", "ms",
    "dr", "pope", "vice", "deputy", "chief", "spokesman", "spokeswoman", "ambassador", "of", "state", "former",
    "interior", "finance", "justice", "attorney", "commander", "leader", "director", "chairman", "ceo", "judge",
    "mayor", "sheriff", "officer", "lt", "col", "capt", "adm", "sgt", "professor", "prof", "rev", "lord", "lady",
    "sir", "dame", "emir", "sheikh", "supreme", "first", "lady", "executive", "press", "national", "security",
    "adviser", "advisor", "counselor", "spokesperson", "u.s.", "us", "the",
]);

/// Sentence openers that are not names when capitalised.
pub(super) static OPENERS: WordSet = WordSet::new(&[
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

pub(super) fn weekday_or_month(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "january" | "february"
            | "march" | "april" | "may" | "june" | "july" | "august" | "september" | "october" | "november"
            | "december"
    )
}

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
        for &(f, l) in IRREGULAR {
            map.entry(f).or_insert(l);
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

