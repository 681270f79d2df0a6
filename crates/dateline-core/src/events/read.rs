//! Reading one sentence: its tokens (from the token table) with quote and
//! timex marks, and the name sequences in it.

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::case::Letter;
use crate::segment::TokenKind;
use crate::span::Span;
use crate::time::{Timex, TimexType};

use super::words::{verb_lemmas, Form};
use super::ArticleInput;

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

/// An entity mention of the sentence, as the entity stage resolved it.
#[derive(Clone, Debug)]
pub(super) struct Name {
    /// The mention's first token.
    pub(super) start: usize,
    /// The entity's story-wide id.
    pub(super) key: String,
    /// The entity's name.
    pub(super) display: String,
}

pub(super) fn is_cap(text: &str) -> bool {
    text.starts_with(|c: char| c.is_upper())
}

pub(super) fn is_pronoun(lower: &str) -> bool {
    let stem = lower.split(['\'', '’']).next().unwrap_or(lower);
    matches!(stem, "he" | "she" | "they" | "we" | "i" | "it" | "you")
}

/// Reads the tokens `range` (a sentence, whose span is `span`): its tokens, marked where a quote
/// (the quotes stage), a time expression (`timexes`, the time stage) or a
/// resolved entity mention (the entity stage: names, pronouns and role nouns
/// alike) covers them, and one [`Name`] per such mention.
pub(super) fn read_sentence<'a>(article: &ArticleInput<'a>, range: std::ops::Range<usize>, span: Span, timexes: &[&Timex]) -> (Vec<Tok<'a>>, Vec<Name>) {
    let seg = article.segmentation;
    let quoted = article.quoted;
    let mut toks: Vec<Tok<'a>> = Vec::with_capacity(range.len());
    let mut q = quoted.partition_point(|r| r.outer.end <= seg.tokens.get(range.start).map_or(0, |t| t.span.start));
    for i in range {
        let t = seg.tokens[i];
        while q < quoted.len() && quoted[q].outer.end <= t.span.start {
            q += 1;
        }
        let in_quote = quoted.get(q).is_some_and(|r| r.outer.start <= t.span.start);
        let timex = timexes.iter().any(|x| x.span.overlaps(t.span) && x.kind != TimexType::Duration);
        let text = t.span.text(article.body);
        toks.push(Tok { span: t.span, text, lower: Cow::Borrowed(seg.lower(i)), kind: t.kind, quoted: in_quote, name: None, timex, verbs: OnceCell::new() });
    }
    let names = mark_names(article, span, &mut toks);
    (toks, names)
}

/// One [`Name`] per resolved entity mention in `span`, its tokens marked.
fn mark_names(article: &ArticleInput<'_>, span: Span, toks: &mut [Tok<'_>]) -> Vec<Name> {
    let ents = article.entities;
    let mut names = Vec::new();
    let first = ents.mentions.partition_point(|m| m.span.start < span.start);
    for m in ents.mentions[first..].iter().take_while(|m| m.span.start < span.end) {
        let Some(e) = m.entity else { continue };
        let from = toks.partition_point(|t| t.span.start < m.span.start);
        let to = toks.partition_point(|t| t.span.end <= m.span.end).max(from);
        let covered: Vec<usize> = (from..to).filter(|&k| toks[k].name.is_none()).collect();
        let Some(&start) = covered.first() else { continue };
        for &k in &covered {
            toks[k].name = Some(names.len());
        }
        names.push(Name { start, key: article.ids[e].clone(), display: ents.entities[e].name.clone() });
    }
    names
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

#[cfg(test)]
mod tests {
    use super::super::Fixture;

    #[test]
    fn names_are_the_entity_stage_mentions() {
        let f = Fixture::new("Health Minister Clara Mendes met Mayor Ben Adler in Lisbon.");
        let s = f.sentence(0);
        let names: Vec<&str> = s.names.iter().map(|n| n.display.as_str()).collect();
        assert_eq!(names, ["Clara Mendes", "Ben Adler", "Lisbon"]);
        let met = s.toks.iter().find(|t| t.text == "met").unwrap();
        assert!(met.name.is_none());
        assert!(s.toks.iter().any(|t| t.text == "Adler" && t.name == Some(1)));
    }

    #[test]
    fn quote_and_time_marks_come_from_their_stages() {
        let f = Fixture::new("“We agreed on Monday,” the minister said.");
        let s = f.sentence(0);
        let tok = |text: &str| s.toks.iter().find(|t| t.text == text).unwrap();
        assert!(tok("We").quoted && tok("agreed").quoted);
        assert!(!tok("minister").quoted);
        assert!(tok("Monday").timex && !tok("agreed").timex);
    }
}
