//! Transcripts and interviews: a paragraph that opens with a speaker label,
//! quoted or not, is that speaker's turn. Two label forms:
//!
//! * a name in capitals and a colon: "WALLACE: Let's start…", "MR. TRUMP:";
//! * a name in parentheses, single or double, and an optional colon:
//!   "((Naomi Lee)) Well, I guess…", "(Q) What…", "((WN)) : How…".
//!
//! A label has one to four words. It counts when it names a person of the
//! article (by surname or full name) or when the article is a transcript
//! (some label opens at least two paragraphs): a one-off "UPDATE:" or
//! "WASHINGTON:" is no speaker. In a transcript, a paragraph without a
//! label right after a turn goes on with that turn (an answer of several
//! paragraphs).

use crate::case::{Case, Letter};

use crate::entities::EntityKind;
use crate::lexicon::Map;
use crate::span::Span;

use super::Ctx;

/// A speaker label found at the start of a paragraph or quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Label {
    /// The label's words ("WALLACE", "MR. TRUMP", "Naomi Lee").
    pub span: Span,
    /// The colon after the words, the cue (none after parentheses alone).
    pub colon: Option<Span>,
    /// The first token after the label.
    pub rest: usize,
    /// The person it names, when one person of the article matches.
    pub speaker: Option<usize>,
}

/// Token positions of a label: its words `words.0..words.1`, its marker
/// (colon or parentheses) up to `rest`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Shape {
    words: (usize, usize),
    marker: (usize, usize),
    rest: usize,
}

/// The labels that open paragraphs (after an opening quotation mark, if
/// any), counted by their text.
pub(super) fn label_counts<'a>(cx: &Ctx<'a>) -> Map<&'a str, usize> {
    let mut counts = Map::default();
    for s in cx.seg.sentences.iter() {
        let opens_paragraph = cx.seg.paragraphs.get(s.paragraph).is_some_and(|p| p.start == s.span.start);
        if !opens_paragraph || s.tokens.is_empty() {
            continue;
        }
        let mut k = s.tokens.start;
        if super::is_open_mark(cx.text(k)) {
            k += 1;
        }
        if let Some(shape) = label_shape(cx, k, s.tokens.end) {
            *counts.entry(words_span(cx, shape).text(cx.body)).or_insert(0) += 1;
        }
    }
    counts
}

/// Whether the article is a transcript: some label opens two paragraphs.
pub(super) fn is_transcript(counts: &Map<&str, usize>) -> bool {
    counts.values().any(|&n| n >= 2)
}

/// The label starting at token `k` (before token `end`), if it counts.
pub(super) fn label_at(cx: &Ctx<'_>, k: usize, end: usize, counts: &Map<&str, usize>) -> Option<Label> {
    let shape = label_shape(cx, k, end)?;
    if shape.rest >= end {
        return None;
    }
    let span = words_span(cx, shape);
    let person = person_named(cx, span.text(cx.body));
    if person.is_none() && !is_transcript(counts) {
        return None;
    }
    let speaker = person.or_else(|| entity_named(cx, span.text(cx.body)));
    let colon = (cx.text(shape.rest - 1) == ":").then(|| cx.tokens[shape.rest - 1].span);
    Some(Label { span, colon, rest: shape.rest, speaker })
}

fn words_span(cx: &Ctx<'_>, shape: Shape) -> Span {
    Span::new(cx.tokens[shape.words.0].span.start, cx.tokens[shape.words.1 - 1].span.end)
}

fn label_shape(cx: &Ctx<'_>, k: usize, end: usize) -> Option<Shape> {
    capitals_colon(cx, k, end).or_else(|| parenthesised(cx, k, end))
}

/// Tokens from `k` are one to four words in capitals (each with at least
/// two letters; abbreviation periods allowed), then ":".
fn capitals_colon(cx: &Ctx<'_>, k: usize, end: usize) -> Option<Shape> {
    let j = label_words(cx, k, end, |t| !t.chars().any(char::is_lower))?;
    (j < end && cx.text(j) == ":").then_some(Shape { words: (k, j), marker: (j, j + 1), rest: j + 1 })
}

/// "((Naomi Lee))", "(Q)": one or two opening parentheses, one to four
/// capitalised words, as many closing ones, an optional colon.
fn parenthesised(cx: &Ctx<'_>, k: usize, end: usize) -> Option<Shape> {
    let opens = (k..end.min(k + 2)).take_while(|&j| cx.text(j) == "(").count();
    if opens == 0 {
        return None;
    }
    let first = k + opens;
    let j = label_words(cx, first, end, |t| t.starts_with(char::is_upper) || t == "-")?;
    let closes = (j..end.min(j + opens)).take_while(|&c| cx.text(c) == ")").count();
    if closes != opens {
        return None;
    }
    let mut rest = j + closes;
    if rest < end && cx.text(rest) == ":" {
        rest += 1;
    }
    Some(Shape { words: (first, j), marker: (j, rest), rest })
}

/// The end of one to four label words from `k` that pass `word_ok`;
/// abbreviation periods between them are part of the label.
fn label_words(cx: &Ctx<'_>, k: usize, end: usize, word_ok: impl Fn(&str) -> bool) -> Option<usize> {
    let mut j = k;
    let mut words = 0;
    while j < end {
        let t = cx.text(j);
        if t == "." && words > 0 {
            j += 1;
            continue;
        }
        if !cx.is_word(j) || !word_ok(t) || !t.chars().all(|c| c.is_alpha() || matches!(c, '.' | '-' | '\'' | '’')) {
            break;
        }
        words += 1;
        if words > 4 {
            return None;
        }
        j += 1;
    }
    (words > 0).then_some(j)
}

/// The one person whose surname is the label's last word (without case).
fn person_named(cx: &Ctx<'_>, label: &str) -> Option<usize> {
    let last = label.rsplit([' ', '.']).find(|w| !w.is_empty())?.to_lower();
    only(cx.ents.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person && e.surname.as_deref() == Some(last.as_str())).map(|(i, _)| i))
}

/// For a label in mixed case ("Perttu Ahola"; one in capitals is an entity
/// of its own), the one entity (not a place) whose full name it is.
fn entity_named(cx: &Ctx<'_>, label: &str) -> Option<usize> {
    if !label.chars().any(char::is_lower) {
        return None;
    }
    let whole = label.to_lower();
    only(cx.ents.entities.iter().enumerate().filter(|(_, e)| e.kind != EntityKind::Place && e.name.to_lower() == whole).map(|(i, _)| i))
}

/// The item when there is exactly one.
fn only(mut items: impl Iterator<Item = usize>) -> Option<usize> {
    let first = items.next()?;
    items.next().is_none().then_some(first)
}
