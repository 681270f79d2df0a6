//! Transcripts: a paragraph that opens with a speaker label in capitals and a
//! colon ("WALLACE: Let's start…", "MR. TRUMP: We will…"), quoted or not,
//! is that speaker's turn.
//!
//! A label is one to three words in capital letters (a title such as "MR."
//! included). It counts when it names a person of the article (by surname
//! or full name) or when the article is a transcript (some label opens at
//! least two paragraphs): a one-off "UPDATE:" or "WASHINGTON:" is no speaker.

use std::collections::HashMap;

use crate::entities::EntityKind;
use crate::span::Span;

use super::Ctx;

/// A speaker label found at the start of a paragraph or quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Label {
    /// The label's words ("WALLACE", "MR. TRUMP").
    pub span: Span,
    /// The colon after it.
    pub colon: Span,
    /// The first token after the colon.
    pub rest: usize,
    /// The person it names, when one person of the article matches.
    pub speaker: Option<usize>,
}

/// The labels that open paragraphs (after an opening quotation mark, if
/// any), counted by their text.
pub(super) fn label_counts<'a>(cx: &Ctx<'a>) -> HashMap<&'a str, usize> {
    let mut counts = HashMap::new();
    for s in cx.seg.sentences.iter() {
        let opens_paragraph = cx
            .seg
            .paragraphs
            .get(s.paragraph)
            .is_some_and(|p| p.start == s.span.start);
        if !opens_paragraph || s.tokens.is_empty() {
            continue;
        }
        let mut k = s.tokens.start;
        if super::is_open_mark(cx.text(k)) {
            k += 1;
        }
        if let Some((a, colon)) = label_shape(cx, k, s.tokens.end) {
            let text =
                Span::new(cx.tokens[a].span.start, cx.tokens[colon - 1].span.end).text(cx.body);
            *counts.entry(text).or_insert(0) += 1;
        }
    }
    counts
}

/// The label starting at token `k` (before token `end`), if it counts.
pub(super) fn label_at(
    cx: &Ctx<'_>,
    k: usize,
    end: usize,
    counts: &HashMap<&str, usize>,
) -> Option<Label> {
    let (a, colon) = label_shape(cx, k, end)?;
    if colon + 1 >= end {
        return None;
    }
    let span = Span::new(cx.tokens[a].span.start, cx.tokens[colon - 1].span.end);
    let speaker = person_named(cx, span.text(cx.body));
    // In a transcript (some label opens two paragraphs) every label counts.
    let transcript = counts.values().any(|&n| n >= 2);
    if speaker.is_none() && !transcript {
        return None;
    }
    Some(Label {
        span,
        colon: cx.tokens[colon].span,
        rest: colon + 1,
        speaker,
    })
}

/// Tokens `k..colon` are one to three words in capitals (each with at
/// least two letters; abbreviation periods allowed) and token `colon` is
/// ":". Returns `(k, colon)`.
fn label_shape(cx: &Ctx<'_>, k: usize, end: usize) -> Option<(usize, usize)> {
    let mut j = k;
    let mut words = 0;
    while j < end && cx.text(j) != ":" {
        let t = cx.text(j);
        if t == "." && words > 0 {
            j += 1;
            continue;
        }
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        if letters < 2
            || t.chars().any(|c| c.is_lowercase())
            || !t
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        {
            return None;
        }
        words += 1;
        if words > 3 {
            return None;
        }
        j += 1;
    }
    (words > 0 && j < end).then_some((k, j))
}

/// The one person of the article whose surname (or full name) is the
/// label's last word (or whole text), compared without case.
fn person_named(cx: &Ctx<'_>, label: &str) -> Option<usize> {
    let last = label
        .rsplit([' ', '.'])
        .find(|w| !w.is_empty())?
        .to_lowercase();
    let whole = label.to_lowercase();
    let mut found = None;
    for (i, e) in cx
        .ents
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Person)
    {
        let matches = e.surname.as_deref() == Some(last.as_str()) || e.name.to_lowercase() == whole;
        if matches {
            if found.is_some() {
                return None;
            }
            found = Some(i);
        }
    }
    found
}
