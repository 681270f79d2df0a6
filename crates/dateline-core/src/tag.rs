//! **Word classes** of every token: a small part-of-speech tagger for the
//! stages that need to tell a verb from a noun (event mentions first).
//!
//! One pass per sentence over [`Segmentation::tokens`], no model:
//!
//! 1. *Lexical*: punctuation and numbers by token kind; function words,
//!    auxiliaries and modals from `data/word_classes.txt`; capitalised words
//!    inside a sentence are names (in a title-case headline only acronyms
//!    are); an open word by its form: an irregular past ("fell", from
//!    `data/irregular.txt`), `-ed`, `-ing`, `-ly`, adjective suffixes, and
//!    else a word that is a noun or, when it is a common verb lemma
//!    (`data/verbs.txt`) or ends in `-s`, maybe a verb.
//! 2. *Context* settles those: after a determiner, possessive, adjective,
//!    number or preposition a word is a noun; after "to", a modal, "do" or a
//!    subject pronoun a base form is a verb; an `-s` word after a name or
//!    noun and before what may start its object is a present-tense verb
//!    ("EADS wins a contract", "sales fall 5%"). "be", "have" and "do" are
//!    auxiliaries when a verb form follows ("has fallen", "was sold"), and
//!    main verbs otherwise ("is a record").
//!
//! Cost: linear, one hash lookup or two per token.

use crate::case::Letter;
use crate::lexicon::{verb_lemma, word, word_class, WordClass, WordInfo};
use crate::segment::{Segmentation, TokenKind};

/// A token's word class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tag {
    Det,
    Pron,
    /// my, his, their; and a word with a possessive 's ("Apple's").
    Poss,
    Prep,
    Conj,
    /// who, which, what, where, when, how.
    Wh,
    Modal,
    /// "to" before a verb or elsewhere.
    To,
    /// A form of be, have or do that helps a following verb.
    Aux,
    /// not, n't, never.
    Neg,
    Adv,
    Adj,
    Num,
    Punct,
    /// A proper name, title or unit: never an event.
    Name,
    Noun,
    Verb(VerbForm),
}

/// The form of a verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// sell, be
    Base,
    /// sells, is
    Present,
    /// sold, sealed (past or participle when nothing tells them apart)
    Past,
    /// sold after have or be: "has sold", "was sold"
    Participle,
    /// selling
    Ing,
}

impl Tag {
    pub fn is_verb(self) -> bool {
        matches!(self, Tag::Verb(_))
    }

    /// Ends a noun phrase's left edge: a following word is a noun or adjective.
    fn nominal_left(self) -> bool {
        matches!(self, Tag::Det | Tag::Poss | Tag::Adj | Tag::Num | Tag::Prep)
    }
}

/// What the lexical pass leaves open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Guess {
    Tag(Tag),
    /// An `-s` word: plural noun or present verb (true when its stem is a listed verb).
    PluralOrVerb(bool),
    /// A common verb lemma: noun or base verb.
    BaseOrNoun,
    Be,
    Have,
    Do,
}

/// One tag per token of `seg` (boilerplate sentences too).
pub fn tag(body: &str, seg: &Segmentation) -> Vec<Tag> {
    let mut tags = vec![Tag::Punct; seg.tokens.len()];
    let mut guesses = Vec::new();
    for s in &seg.sentences {
        let range = s.tokens.clone();
        let title_case = is_title_case(body, seg, range.clone());
        guesses.clear();
        guesses.extend(range.clone().enumerate().map(|(k, i)| lexical(body, seg, i, k == 0, title_case)));
        for k in 0..guesses.len() {
            tags[range.start + k] = resolve(seg, range.start, &guesses, &tags[range.start..range.start + k], k);
        }
    }
    tags
}

/// A headline in title case: three or more capitalised words and no open word in lower case.
fn is_title_case(body: &str, seg: &Segmentation, range: std::ops::Range<usize>) -> bool {
    let mut caps = 0;
    for i in range {
        let t = &seg.tokens[i];
        if t.kind != TokenKind::Word {
            continue;
        }
        if t.span.text(body).starts_with(|c: char| c.is_upper()) {
            caps += 1;
        } else if word_class(seg.lower(i)).is_none() {
            return false; // an open word in lower case
        }
    }
    caps >= 3
}

fn is_acronym(text: &str) -> bool {
    text.chars().filter(|c| c.is_upper()).count() >= 2 && !text.chars().any(|c| c.is_lower())
}

/// The word's class from its own form and the lists.
fn lexical(body: &str, seg: &Segmentation, i: usize, first: bool, title_case: bool) -> Guess {
    let t = &seg.tokens[i];
    match t.kind {
        TokenKind::Punct => return Guess::Tag(Tag::Punct),
        TokenKind::Number => return Guess::Tag(Tag::Num),
        TokenKind::Word => {}
    }
    let lower = seg.lower(i);
    let text = t.span.text(body);
    if let Some(stem) = lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")) {
        if !stem.is_empty() && word_class(lower).is_none() {
            return Guess::Tag(Tag::Poss);
        }
    }
    if is_acronym(text) && lower != "i" {
        return Guess::Tag(Tag::Name);
    }
    let capital = text.starts_with(|c: char| c.is_upper());
    // A capitalised word inside a sentence is a name, unless a short
    // function word ("The" after a quotation mark); saves a lookup per name.
    if !first && !title_case && capital && lower.len() > 5 {
        return Guess::Tag(Tag::Name);
    }
    let info = word(lower);
    if let Some(class) = info.and_then(|w| w.class) {
        return Guess::Tag(match class {
            WordClass::Det => Tag::Det,
            WordClass::Pron => Tag::Pron,
            WordClass::Poss => Tag::Poss,
            WordClass::Prep if lower == "to" => Tag::To,
            WordClass::Prep => Tag::Prep,
            WordClass::Conj => Tag::Conj,
            WordClass::Wh => Tag::Wh,
            WordClass::Modal => Tag::Modal,
            WordClass::Be => return Guess::Be,
            WordClass::Have => return Guess::Have,
            WordClass::Do => return Guess::Do,
            WordClass::Neg => Tag::Neg,
            WordClass::Adv => Tag::Adv,
            WordClass::Adj => Tag::Adj,
            WordClass::Noun => Tag::Noun,
            WordClass::Name => Tag::Name,
        });
    }
    if !first && !title_case && capital {
        return Guess::Tag(Tag::Name);
    }
    let guess = open_word(lower, info.copied().unwrap_or_default());
    // A capitalised -ing or -ed word whose stem is no verb is a name ("Boeing").
    if capital && matches!(guess, Guess::Tag(Tag::Verb(VerbForm::Ing | VerbForm::Past))) && info.is_none_or(|w| !w.irregular) && !has_verb_stem(lower) {
        return Guess::Tag(Tag::Name);
    }
    guess
}

/// Whether an -ed, -ing or -s word comes from a listed verb lemma.
pub fn has_verb_stem(lower: &str) -> bool {
    if !lower.is_ascii() {
        return false; // the verb list is ASCII
    }
    let stems = |stem: &str| {
        let b = stem.as_bytes();
        let undoubled = (b.len() > 2 && b[b.len() - 1] == b[b.len() - 2]).then(|| &stem[..stem.len() - 1]);
        verb_lemma(stem) || undoubled.is_some_and(verb_lemma) || with_e(stem, verb_lemma) || stem.strip_suffix('i').is_some_and(|s| with_y(s, verb_lemma))
    };
    if let Some(stem) = lower.strip_suffix("ing").or_else(|| lower.strip_suffix("ed")) {
        return !stem.is_empty() && stems(stem);
    }
    if let Some(stem) = lower.strip_suffix("ies") {
        return with_y(stem, verb_lemma);
    }
    lower.strip_suffix('s').is_some_and(|s| verb_lemma(s) || s.strip_suffix('e').is_some_and(verb_lemma))
}

/// `f(stem + "e")` without allocating for short words.
pub(crate) fn with_e(stem: &str, f: impl Fn(&str) -> bool) -> bool {
    with_suffix(stem, b'e', f)
}

pub(crate) fn with_y(stem: &str, f: impl Fn(&str) -> bool) -> bool {
    with_suffix(stem, b'y', f)
}

fn with_suffix(stem: &str, c: u8, f: impl Fn(&str) -> bool) -> bool {
    let mut buf = [0u8; 32];
    let n = stem.len();
    if n >= buf.len() {
        return false;
    }
    buf[..n].copy_from_slice(stem.as_bytes());
    buf[n] = c;
    std::str::from_utf8(&buf[..=n]).is_ok_and(f)
}

/// Adjective endings (after the event-noun check: "arrival" is listed).
const ADJ_SUFFIXES: &[&str] = &["ous", "ful", "able", "ible", "ical", "ic", "less", "ish", "ive", "ary", "ial", "ian"];

/// An open-class word by its form.
fn open_word(lower: &str, info: WordInfo) -> Guess {
    let n = lower.len();
    if info.irregular {
        return Guess::Tag(Tag::Verb(VerbForm::Past));
    }
    if info.verb {
        return Guess::BaseOrNoun;
    }
    if n > 3 && lower.ends_with("ed") {
        return Guess::Tag(Tag::Verb(VerbForm::Past));
    }
    if n > 4 && lower.ends_with("ing") {
        return Guess::Tag(Tag::Verb(VerbForm::Ing));
    }
    if n > 4 && lower.ends_with("ly") {
        return Guess::Tag(Tag::Adv);
    }
    if n > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") && !lower.ends_with("is") {
        return Guess::PluralOrVerb(has_verb_stem(lower));
    }
    if n > 4 && ADJ_SUFFIXES.iter().any(|s| lower.ends_with(s)) && !info.event_noun {
        return Guess::Tag(Tag::Adj);
    }
    Guess::Tag(Tag::Noun)
}

/// Whether a token may start the object or complement of a verb before it.
fn object_start(g: Option<&Guess>) -> bool {
    match g {
        None => true,
        Some(Guess::Tag(t)) => matches!(t, Tag::Det | Tag::Poss | Tag::Num | Tag::Prep | Tag::To | Tag::Adv | Tag::Name | Tag::Pron | Tag::Punct | Tag::Adj | Tag::Conj | Tag::Wh | Tag::Noun),
        Some(Guess::PluralOrVerb(_)) => true,
        Some(_) => false,
    }
}

/// Whether a token clearly starts what follows a verb: an object, an adverb, a clause.
fn clear_object(g: Option<&Guess>) -> bool {
    matches!(g, Some(Guess::Tag(Tag::Det | Tag::Poss | Tag::Num | Tag::Pron | Tag::To | Tag::Adv | Tag::Adj | Tag::Wh | Tag::Conj | Tag::Name)))
}

/// Whether the word before token `k` is a plural noun or a name (a subject for a base-form verb).
fn plural_or_name(guesses: &[Guess], k: usize) -> bool {
    k > 0 && matches!(guesses[k - 1], Guess::PluralOrVerb(_) | Guess::Tag(Tag::Name) | Guess::Tag(Tag::Pron) | Guess::Tag(Tag::Wh))
}

/// Whether a token is a verb form that an auxiliary before it may help.
fn helped(g: Guess) -> bool {
    matches!(g, Guess::Tag(Tag::Verb(_)) | Guess::BaseOrNoun | Guess::Be | Guess::Have)
}

/// The tag of token `k` of the sentence, given the tags before it.
fn resolve(seg: &Segmentation, start: usize, guesses: &[Guess], before: &[Tag], k: usize) -> Tag {
    let prev = before.last().copied();
    let next = guesses.get(k + 1);
    // The next word that is not an adverb or negation, for auxiliaries.
    let verb_after = || guesses[k + 1..].iter().take(3).copied().find(|g| !matches!(g, Guess::Tag(Tag::Adv | Tag::Neg)));
    // The word before, past adverbs ("the store currently sells").
    let before_adverbs = before.iter().rev().copied().find(|t| *t != Tag::Adv);
    let subject_before = matches!(before_adverbs, Some(Tag::Name | Tag::Pron | Tag::Wh | Tag::Noun));
    match guesses[k] {
        Guess::Tag(Tag::Verb(VerbForm::Past)) => match prev {
            Some(Tag::Aux) => Tag::Verb(VerbForm::Participle),
            Some(Tag::Det | Tag::Poss) if matches!(next, Some(Guess::Tag(Tag::Noun | Tag::Name)) | Some(Guess::PluralOrVerb(_) | Guess::BaseOrNoun)) => Tag::Adj,
            _ => Tag::Verb(VerbForm::Past),
        },
        Guess::Tag(Tag::Noun) if matches!(prev, Some(Tag::Modal | Tag::Aux | Tag::Neg)) => Tag::Verb(VerbForm::Base),
        Guess::Tag(Tag::Verb(VerbForm::Ing)) if prev.is_some_and(|p| matches!(p, Tag::Det | Tag::Poss | Tag::Adj | Tag::Name | Tag::Noun)) => {
            if matches!(next, Some(Guess::Tag(Tag::Noun) | Guess::PluralOrVerb(_) | Guess::BaseOrNoun)) {
                Tag::Adj
            } else if matches!(prev, Some(Tag::Name | Tag::Noun)) {
                Tag::Verb(VerbForm::Ing)
            } else {
                Tag::Noun
            }
        }
        Guess::Tag(t) => t,
        Guess::PluralOrVerb(verb_stem) => {
            let clear_object = clear_object(next);
            // "that includes", "which sells": a relative pronoun is the subject.
            let relative = k > 0 && matches!(seg.lower(start + k - 1), "that" | "which" | "who");
            let headline_subject = k == 1 && matches!(next, Some(Guess::Tag(Tag::Noun)));
            let subject = (subject_before && !prev.is_some_and(Tag::nominal_left)) || relative;
            if subject && (object_start(next) || verb_stem && next == Some(&Guess::BaseOrNoun)) && (clear_object || verb_stem || headline_subject) {
                Tag::Verb(VerbForm::Present)
            } else {
                Tag::Noun
            }
        }
        Guess::BaseOrNoun => match prev {
            Some(Tag::To | Tag::Modal | Tag::Neg) => Tag::Verb(VerbForm::Base),
            Some(Tag::Aux) => Tag::Verb(VerbForm::Base),
            Some(Tag::Pron) => Tag::Verb(VerbForm::Present),
            // "stocks fall 5%", "GM cut 900 jobs": a plural or name subject and a clear object.
            Some(Tag::Name | Tag::Noun | Tag::Wh) if plural_or_name(guesses, k) && (clear_object(next) || matches!(next, Some(Guess::Tag(Tag::Prep)))) => Tag::Verb(VerbForm::Present),
            _ => Tag::Noun,
        },
        Guess::Be => match verb_after() {
            Some(Guess::Tag(Tag::Verb(VerbForm::Past | VerbForm::Ing)) | Guess::BaseOrNoun | Guess::Be | Guess::Tag(Tag::To)) => Tag::Aux,
            _ => Tag::Verb(VerbForm::Present),
        },
        Guess::Have => match verb_after() {
            Some(Guess::Tag(Tag::Verb(VerbForm::Past)) | Guess::Be | Guess::BaseOrNoun | Guess::Do) => Tag::Aux,
            _ => Tag::Verb(VerbForm::Present),
        },
        Guess::Do => match verb_after() {
            Some(g) if helped(g) || matches!(next, Some(Guess::Tag(Tag::Neg))) => Tag::Aux,
            _ => Tag::Verb(VerbForm::Present),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn tags(text: &str) -> Vec<(String, Tag)> {
        let seg = segment(text);
        let t = tag(text, &seg);
        seg.tokens.iter().zip(t).map(|(tok, t)| (tok.span.text(text).to_string(), t)).collect()
    }

    fn tag_of(text: &str, word: &str) -> Tag {
        tags(text).into_iter().find(|(w, _)| w == word).map(|(_, t)| t).unwrap_or_else(|| panic!("{word} not in {text}"))
    }

    #[test]
    fn verbs_and_nouns_by_context() {
        let s = "The company plans to cut jobs after sales fell.";
        assert_eq!(tag_of(s, "company"), Tag::Noun);
        assert_eq!(tag_of(s, "plans"), Tag::Verb(VerbForm::Present));
        assert_eq!(tag_of(s, "cut"), Tag::Verb(VerbForm::Base));
        assert_eq!(tag_of(s, "jobs"), Tag::Noun);
        assert_eq!(tag_of(s, "sales"), Tag::Noun);
        assert_eq!(tag_of(s, "fell"), Tag::Verb(VerbForm::Past));
        assert_eq!(tag_of("Its plans were approved by the board.", "plans"), Tag::Noun);
        assert_eq!(tag_of("Its plans were approved by the board.", "were"), Tag::Aux);
        assert_eq!(tag_of("Its plans were approved by the board.", "approved"), Tag::Verb(VerbForm::Participle));
    }

    #[test]
    fn auxiliaries_and_copulas() {
        let s = "Profit has fallen and the outlook is weak.";
        assert_eq!(tag_of(s, "has"), Tag::Aux);
        assert_eq!(tag_of(s, "fallen"), Tag::Verb(VerbForm::Participle));
        assert_eq!(tag_of(s, "is"), Tag::Verb(VerbForm::Present));
        assert_eq!(tag_of("He did not resign.", "did"), Tag::Aux);
    }

    #[test]
    fn names_and_headlines() {
        assert_eq!(tag_of("Shares of Acme Corp rose.", "Acme"), Tag::Name);
        assert_eq!(tag_of("Acme Wins Big Defence Contract", "Wins"), Tag::Verb(VerbForm::Present));
        assert_eq!(tag_of("Acme's profit rose.", "Acme's"), Tag::Poss);
        assert!(tags("").is_empty());
    }
}
