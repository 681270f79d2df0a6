//! Reading one sentence: its tokens (from the token table) with quote and
//! timex marks, and the name sequences in it.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::lexicon::trim_suffix;
use crate::segment::{Segmentation, TokenKind};
use crate::span::Span;
use crate::time::{Timex, TimexType};

use super::words::{verb_lemmas, weekday_or_month, Form, GROUP_HEADS, OPENERS, TITLES};

#[derive(Clone, Debug)]
pub(super) struct Tok<'a> {
    pub(super) span: Span,
    pub(super) text: &'a str,
    pub(super) lower: Cow<'a, str>,
    pub(super) kind: TokenKind,
    pub(super) quoted: bool,
    /// Part of a name sequence (index into the sentence's names).
    pub(super) name: Option<usize>,
    /// Covered by a temporal expression.
    pub(super) timex: bool,
    /// `verb_lemmas` of the word: as a speech verb and as an action verb,
    /// worked out on first use (see [`Tok::verbs`]).
    pub(super) verbs: OnceCell<VerbLemmas>,
}

/// A word's lemma and form as a speech verb and as an action verb.
pub(super) type VerbLemmas = (Option<(&'static str, Form)>, Option<(&'static str, Form)>);

impl Tok<'_> {
    pub(super) fn verbs(&self) -> VerbLemmas {
        *self.verbs.get_or_init(|| verb_lemmas(&self.lower))
    }
}

#[derive(Clone, Debug)]
pub(super) struct Name {
    /// Token range of the name without titles.
    pub(super) start: usize,
    pub(super) key: String,
    pub(super) display: String,
}

pub(super) fn is_cap(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase())
}

pub(super) fn is_pronoun(lower: &str) -> bool {
    let stem = lower.split(['\'', '’']).next().unwrap_or(lower);
    matches!(stem, "he" | "she" | "they" | "we" | "i" | "it" | "you")
}

pub(super) fn read_sentence<'a>(body: &'a str, seg: &'a Segmentation, si: usize, quoted_at_start: bool, timexes: &[&Timex]) -> (Vec<Tok<'a>>, Vec<Name>, bool) {
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
pub(super) fn is_demonym(lower: &str) -> bool {
    crate::lexicon::demonym(lower).is_some()
}

/// Multi-word names keyed as a whole rather than by their last word.
pub(super) fn is_place_phrase(display: &str) -> bool {
    let last = display.rsplit(' ').next().unwrap_or("");
    GROUP_HEADS.contains(last)
}

/// Words that end the object or complement of a trigger.
pub(super) fn ends_phrase(t: &Tok<'_>) -> bool {
    matches!(t.text, "," | ";" | ":" | "." | "!" | "?" | "”" | "“" | "\"" | "(" | ")" | "—" | "–" | "-" | "[" | "]")
        || matches!(t.lower.as_ref(), "that" | "which" | "who" | "whom" | "because" | "after" | "before" | "since" | "while" | "although" | "though" | "but" | "and" | "for" | "as" | "following" | "if" | "when" | "where" | "whether" | "until")
}

pub(super) fn is_verbish(t: &Tok<'_>) -> bool {
    let l = t.lower.as_ref();
    t.kind == TokenKind::Word
        && t.name.is_none()
        && (matches!(l, "is" | "was" | "were" | "are" | "comes" | "came" | "remained" | "remains" | "has" | "have" | "had" | "said" | "says")
            || t.verbs().0.is_some_and(|v| v.1 != Form::Ing)
            || t.verbs().1.is_some_and(|v| v.1 != Form::Ing)
            || (l.len() > 4 && l.ends_with("ed") && !is_cap(t.text)))
}
