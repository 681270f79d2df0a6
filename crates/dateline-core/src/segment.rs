//! Stage 2, **Segmentation**: paragraphs, sentences and tokens of a body.
//!
//! * Paragraphs are separated by line breaks. A single line break inside a
//!   sentence (hard-wrapped or PDF text) is joined instead: the line does not
//!   end like a sentence, has at least four words, and the next line starts in
//!   lower case.
//! * Sentences end at `.`, `!`, `?` and ellipses, with any closing quotes or
//!   brackets, when what follows starts a sentence. A period after an
//!   abbreviation ends a sentence only when the next word could not continue
//!   it: titles (`Mr.`, `Gen.`) never end one, acronyms (`U.S.`) only before a
//!   function word ("How", "The"), other abbreviations (`Co.`, `Inc.`) before
//!   any capitalised word. Numbered, lettered and bulleted lists split at each
//!   item.
//! * Boilerplate is recognised by shape, not by a phrase list: a paragraph
//!   that does not end like a sentence and is very short (section labels such
//!   as "Recommended"), a short last paragraph without final punctuation (calls
//!   to action), a byline ("By Jane Doe"), a bare URL, or a short all-capitals
//!   line. Boilerplate sentences are kept (the reader shows them) but flagged,
//!   and later stages skip them.
//! * Tokens are words (letters and digits, with inner apostrophes, hyphens and
//!   abbreviation periods), numbers, and single punctuation characters.

use crate::case::{Case, Letter};
use crate::date::{is_month_name, is_month_or_weekday, Weekday};
use crate::lexicon::WordSet;
use crate::span::Span;

/// The output of segmentation for one body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Segmentation {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    /// The token table every later stage reads (with [`Segmentation::lower`]).
    pub tokens: Vec<Token>,
    /// Every token's text in lower case, one after another; token `i`'s is
    /// `lower_text[lower_ends[i - 1]..lower_ends[i]]`. Built once here so no
    /// stage lower-cases words again.
    lower_text: String,
    lower_ends: Vec<u32>,
}

/// One sentence: its trimmed span, its paragraph, and its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`Segmentation::paragraphs`].
    pub paragraph: usize,
    /// Range of indices into [`Segmentation::tokens`].
    pub tokens: std::ops::Range<usize>,
    /// A section label, byline or call to action: shown, never extracted from.
    pub boilerplate: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with digits, inner apostrophes, hyphens, abbreviation periods).
    Word,
    /// Starts with a digit: `2013`, `100.00`, `1,000`, `5th`.
    Number,
    /// Any other single non-space character.
    Punct,
}

impl Segmentation {
    /// Token `i`'s text in lower case.
    pub fn lower(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.lower_ends[i - 1] as usize };
        &self.lower_text[start..self.lower_ends[i] as usize]
    }

    /// Fills the lower-case column of the token table.
    fn lower_tokens(&mut self, body: &str) {
        self.lower_text.reserve(self.tokens.iter().map(|t| t.span.len()).sum());
        self.lower_ends.reserve(self.tokens.len());
        for t in &self.tokens {
            let text = t.span.text(body);
            if text.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
                self.lower_text.push_str(&text.to_lower());
            } else {
                self.lower_text.push_str(text);
            }
            self.lower_ends.push(self.lower_text.len() as u32);
        }
    }

    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        &self.tokens[sentence.tokens.clone()]
    }

    /// The index of the sentence containing byte offset `at`, if any.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        (i < self.sentences.len() && self.sentences[i].span.start <= at).then_some(i)
    }
}

/// Segments `body` into paragraphs, sentences and tokens.
pub fn segment(body: &str) -> Segmentation {
    let paragraphs = paragraphs(body);
    let mut out = Segmentation::default();
    let last = paragraphs.len().saturating_sub(1);
    for (p, &para) in paragraphs.iter().enumerate() {
        let boiler = is_boilerplate(para.text(body), p, last);
        for span in sentences_in(body, para) {
            let first = out.tokens.len();
            tokenize_into(body, span, &mut out.tokens);
            out.sentences.push(Sentence { span, paragraph: p, tokens: first..out.tokens.len(), boilerplate: boiler });
        }
    }
    out.paragraphs = paragraphs;
    out.lower_tokens(body);
    out
}

// ------------------------------------------------------------------ paragraphs

fn paragraphs(body: &str) -> Vec<Span> {
    let mut lines: Vec<Span> = Vec::new();
    let mut pos = 0;
    for line in body.split_inclusive('\n') {
        let span = Span::new(pos, pos + line.len()).trim(body);
        pos += line.len();
        if !span.is_empty() {
            lines.push(span);
        } else {
            lines.push(Span::new(span.start, span.start)); // blank line: a hard break
        }
    }
    let mut out: Vec<Span> = Vec::new();
    let mut open: Option<Span> = None;
    for line in lines {
        if line.is_empty() {
            out.extend(open.take());
            continue;
        }
        open = Some(match open {
            Some(prev) if continues_line(prev.text(body), line.text(body)) => prev.cover(line),
            Some(prev) => {
                out.push(prev);
                line
            }
            None => line,
        });
    }
    out.extend(open);
    out
}

/// Whether `next` continues the sentence that `prev` (a paragraph so far) leaves open.
fn continues_line(prev: &str, next: &str) -> bool {
    let last_line = prev.rsplit('\n').next().unwrap_or(prev);
    let ends_open = !last_line.ends_with(['.', '!', '?', ':', ';', '"', '”', '’', ')', '…']);
    let next_lower = next.chars().next().is_some_and(char::is_lower);
    ends_open && next_lower && last_line.split_whitespace().count() >= 4
}

// ------------------------------------------------------------------ boilerplate

fn is_boilerplate(text: &str, index: usize, last: usize) -> bool {
    // Only the first words matter (every test below is on at most 10 words).
    let words: Vec<&str> = text.split_whitespace().take(11).collect();
    let ends_like_sentence = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']).ends_with(['.', '!', '?', '…']);
    let all_caps = || {
        let letters = text.chars().filter(|c| c.is_alpha());
        letters.clone().count() >= 3 && letters.clone().all(char::is_upper)
    };
    let byline = words.len() >= 2
        && words.len() <= 6
        && matches!(words[0], "By" | "BY" | "by")
        && words[1..].iter().all(|w| w.starts_with(|c: char| c.is_upper()) || matches!(*w, "and" | "&" | "|"));
    let bare_url = words.len() == 1 && (words[0].starts_with("http://") || words[0].starts_with("https://") || words[0].starts_with("www."));
    let label = index > 0 && !ends_like_sentence && words.len() <= 3 && !text.ends_with(':');
    let call_to_action = index > 0 && index == last && !ends_like_sentence && words.len() <= 10;
    // "Follow Jane Roe on Twitter @janeroe." closing an article
    let follow = index > 0 && index == last && words.len() <= 10 && words.first().is_some_and(|w| w.trim_start_matches(['"', '“']) == "Follow") && text.contains('@');
    byline || bare_url || label || call_to_action || follow || (words.len() <= 4 && !ends_like_sentence && all_caps())
}

// ------------------------------------------------------------------ sentences

const ABBREVIATIONS_TXT: &str = include_str!(concat!(env!("OUT_DIR"), "/data/abbreviations.txt"));

/// Titles and other abbreviations that precede a name: a period after them never ends a sentence.
static TITLES: WordSet = WordSet::section(ABBREVIATIONS_TXT, "titles");

/// Abbreviations that may end a sentence: a period after them ends one before
/// any capitalised word.
static ABBREVIATIONS: WordSet = WordSet::section(ABBREVIATIONS_TXT, "abbreviations");

/// Closed-class words that begin sentences and rarely follow an acronym inside one.
static STARTERS: WordSet = WordSet::section(ABBREVIATIONS_TXT, "starters");

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '›' | '}')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '‹' | '{' | '¿' | '¡')
}

/// Sentence spans (trimmed, in order) within one paragraph.
fn sentences_in(body: &str, para: Span) -> Vec<Span> {
    let text = para.text(body);
    let mut cuts: Vec<usize> = list_item_starts(text);
    cuts.extend(opening_date_line(text));
    cuts.extend(credit_line(text));
    // The list markers themselves ("1.", "a.") never end a sentence.
    let mut markers: Vec<(usize, usize)> = if cuts.is_empty() { Vec::new() } else { std::iter::once(0).chain(cuts.iter().copied()).map(|c| (c, marker_end(text, c))).collect() };
    // Sorted by start, with the furthest end reached so far: `i` is inside a
    // marker when a marker starting at or before it reaches past it.
    crate::sort::sort(&mut markers);
    let reach: Vec<usize> = markers.iter().scan(0, |far, &(_, e)| {
        *far = e.max(*far);
        Some(*far)
    }).collect();
    let in_marker = |i: usize| {
        let k = markers.partition_point(|&(s, _)| s <= i);
        k > 0 && reach[k - 1] > i
    };
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap();
        if !matches!(c, '.' | '!' | '?' | '…') || in_marker(i) {
            i += c.len_utf8();
            continue;
        }
        // A spaced ellipsis ". . ." is read as one unit.
        let spaced = spaced_ellipsis_len(text, i);
        if spaced > 0 {
            let dots = text[i..i + spaced].matches('.').count();
            let attached = text[..i].chars().next_back().is_some_and(|p| !p.is_whitespace());
            let after = skip_closers(text, i + spaced);
            if attached && after < text.len() && starts_sentence(text, after, true) {
                // "compounds. . . . The": the attached period ends the sentence,
                // the ellipsis opens the next one.
                cuts.push(i + 1);
            } else if dots >= 4 && (after >= text.len() || starts_sentence(text, after, true)) {
                cuts.push(after);
            }
            i += spaced;
            continue;
        }
        let mut end = i;
        let mut dots = 0;
        while let Some(t) = text[end..].chars().next().filter(|t| matches!(t, '.' | '!' | '?' | '…')) {
            if t == '.' {
                dots += 1;
            }
            end += t.len_utf8();
        }
        let run = &text[i..end];
        let end_with_closers = skip_closers(text, end);
        if is_boundary(text, i, run, dots, end_with_closers) {
            cuts.push(end_with_closers);
        }
        i = end.max(i + 1);
    }
    crate::sort::sort(&mut cuts);
    cuts.dedup();
    let mut out = Vec::new();
    let mut start = 0;
    for cut in cuts.into_iter().chain(std::iter::once(text.len())) {
        if cut > start {
            let span = Span::new(para.start + start, para.start + cut).trim(body);
            if !span.is_empty() {
                out.push(span);
            }
            start = cut;
        }
    }
    out
}

/// Skips closing quotes and brackets after a terminator. An opening curly
/// quote directly followed by a space or the end is a misprinted closer.
fn skip_closers(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[at..].chars().next() {
        let misprinted = matches!(c, '“' | '‘') && text[at + c.len_utf8()..].chars().next().is_none_or(char::is_whitespace);
        if !(is_closer(c) || misprinted) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// Length of a spaced ellipsis (". . ." with at least three dots) starting at `at`, or 0.
fn spaced_ellipsis_len(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = at;
    let mut dots = 0;
    while end < bytes.len() && bytes[end] == b'.' {
        dots += 1;
        end += 1;
        if end + 1 < bytes.len() && bytes[end] == b' ' && bytes[end + 1] == b'.' {
            end += 1;
        } else {
            break;
        }
    }
    if dots >= 3 && text[at..end].contains(' ') {
        end - at
    } else {
        0
    }
}

/// The next word after `at` (skipping spaces and openers), with its start.
fn next_word(text: &str, at: usize) -> (usize, &str) {
    let rest = &text[at..];
    let skip = rest.len() - rest.trim_start_matches(|c: char| c.is_whitespace() || is_opener(c)).len();
    let start = at + skip;
    let word_end = text[start..].find(char::is_whitespace).map_or(text.len(), |e| start + e);
    let word = text[start..word_end].trim_end_matches(|c: char| !c.is_alnum());
    (start, word)
}

/// Whether the text from `at` (after whitespace and openers) begins a new sentence.
fn starts_sentence(text: &str, at: usize, needs_space: bool) -> bool {
    if at >= text.len() {
        return true;
    }
    let has_space = text[at..].starts_with(char::is_whitespace);
    if needs_space && !has_space {
        return false;
    }
    let (_, word) = next_word(text, at);
    match word.chars().next() {
        Some(c) => c.is_upper() || c.is_num() || (c.is_alpha() && !c.is_lower()),
        None => !text[at..].trim().is_empty(),
    }
}

/// The word that ends at byte `at` (exclusive), back to whitespace or an opener.
fn word_before(text: &str, at: usize) -> &str {
    let start = text[..at].rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘')).map_or(0, |i| {
        i + text[i..].chars().next().unwrap().len_utf8()
    });
    &text[start..at]
}

fn is_boundary(text: &str, at: usize, run: &str, dots: usize, after: usize) -> bool {
    if text[after..].trim().is_empty() {
        return true;
    }
    let spaced = text[after..].starts_with(char::is_whitespace);
    let (next_start, next) = next_word(text, after);
    let next_first = next.chars().next();
    let next_upper = next_first.is_some_and(|c| c.is_upper() || (c.is_alpha() && !c.is_lower()));
    if !spaced {
        // "world.Today": no space, but a lower-case letter or digit, a period and a capital.
        let prev = word_before(text, at);
        let joined = text[next_start..].split(char::is_whitespace).next().unwrap_or("");
        let in_address = prev.contains('@') || prev.contains("://") || prev.starts_with("www.") || joined.contains('@');
        let prev_char = text[..at].chars().next_back();
        return run == "."
            && after == at + 1
            && next_upper
            && next.chars().count() >= 2
            && next.chars().skip(1).all(|c| !c.is_upper())
            && prev_char.is_some_and(|c| c.is_lower() || c.is_ascii_digit())
            && !in_address
            && !TITLES.contains(&prev.trim_end_matches('.'))
            && !prev.contains('.');
    }
    let Some(first) = next_first else {
        // Only punctuation follows ("-- ", "—"): a boundary after ! and ?, not after a period.
        return run != ".";
    };
    if first.is_lower() {
        return false;
    }
    if dots == 0 {
        return true; // ! ? …
    }
    if dots >= 4 {
        return true;
    }
    if dots == 3 || run.contains('…') {
        // "that... She": an ellipsis attached to a word ends the sentence before a
        // capital; an elision "[...]" before a capital too, but not before a
        // parenthesis ("[...]" (Smith 55)).
        let prev_char = text[..at].chars().next_back();
        if prev_char == Some('[') {
            let rest = text[after..].trim_start();
            return rest.starts_with(|c: char| c.is_upper());
        }
        return prev_char.is_some_and(|c| !c.is_whitespace()) && next_upper;
    }
    let prev = word_before(text, at);
    let bare = prev.trim_start_matches(|c: char| !c.is_alnum());
    if bare.is_empty() {
        return true;
    }
    if first.is_num() {
        return !(TITLES.contains(&bare) || ABBREVIATIONS.contains(&bare));
    }
    if bare.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return true; // "$100.00. It"
    }
    if TITLES.contains(&bare) {
        return false;
    }
    let letters = bare.chars().filter(|c| c.is_alpha()).count();
    let acronym = bare.contains('.') && bare.split('.').all(|part| part.chars().count() <= 2);
    let initial = letters == 1 && bare.chars().count() == 1 && bare.chars().all(char::is_upper);
    if initial {
        // "Jonas E. Smith", "writer L. Ron Hubbard"; but "you and I. Did", "vitamin C. The".
        let head = text[..at - bare.len()].trim_end();
        let pronoun_i = bare == "I" && !word_before(text, head.len()).starts_with(char::is_upper);
        return pronoun_i || STARTERS.contains(&next);
    }
    if acronym {
        let lower = bare.to_ascii_lowercase();
        if lower == "a.m" || lower == "p.m" {
            // "He left at 6 P.M. Mr. Smith then ...": after a clause of five or more
            // words a time closes the sentence; "At 5 a.m. Mr. Smith" opens one.
            return STARTERS.contains(&next)
                || (next_upper && !is_month_or_weekday(next) && words_since_boundary_at_least(text, at, 5));
        }
        if matches!(lower.as_str(), "e.g" | "i.e" | "ph.d") {
            return false;
        }
        return STARTERS.contains(&next);
    }
    if ABBREVIATIONS.contains(&bare) {
        return next_upper;
    }
    true
}

/// Whether at least `n` words stand between the last sentence-ending mark
/// before `at` and `at`.
fn words_since_boundary_at_least(text: &str, at: usize, n: usize) -> bool {
    // Read backwards from `at` to the last boundary (or until `n` words are
    // seen): a long paragraph is not rescanned from its start for each period.
    let head = &text[..at];
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in head.char_indices().rev() {
        let ends_word = head[..i].ends_with(|p: char| p.is_lower()) && !head[..i].ends_with("a.m") && !head[..i].ends_with("p.m");
        if matches!(c, '!' | '?') || (c == '.' && head[i + 1..].starts_with(' ') && ends_word) {
            break;
        }
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
            if words >= n {
                return true;
            }
        }
    }
    words >= n
}

/// A paragraph that opens with a full date and no punctuation after it
/// ("Thursday, May 7, 2015 On Tuesday, ..."): the date line is a sentence.
fn opening_date_line(text: &str) -> Option<usize> {
    let mut words = text.split_inclusive(' ');
    let mut pos = 0;
    let mut take = |pred: &dyn Fn(&str) -> bool| -> Option<()> {
        let w = words.next()?;
        pos += w.len();
        pred(w.trim()).then_some(())
    };
    let weekday = |w: &str| Weekday::ALL.iter().any(|d| d.name() == w.trim_end_matches(','));
    let month = |w: &str| is_month_name(w);
    let day = |w: &str| w.ends_with(',') && w.trim_end_matches(',').parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    let year = |w: &str| w.len() == 4 && w.parse::<u16>().is_ok();
    take(&weekday)?;
    take(&month)?;
    take(&day)?;
    take(&year)?;
    text[pos..].starts_with(|c: char| c.is_upper()).then_some(pos)
}

/// A short credit at the end of a paragraph, run on after text without final
/// punctuation: "... Ahmed Mohamed Image: Twitter / NASA." splits before
/// "Image:". The label is one capitalised word and a colon; the credit has at
/// most six words, and is not a quotation ("Angela Stone: “We will ...”" is
/// a speaker and her words).
fn credit_line(text: &str) -> Option<usize> {
    let colon = text.rfind(": ")?;
    let label_start = text[..colon].rfind(' ')? + 1;
    let label = &text[label_start..colon];
    let shaped = label.starts_with(|c: char| c.is_upper()) && label.chars().skip(1).all(|c| c.is_lower());
    let before = text[..label_start].trim_end().chars().next_back()?;
    let credit_words = text[colon + 1..].split_whitespace().count();
    // "Angela Stone: “We will ...”" is a speaker and a quote, not a credit.
    let quoted = text[colon + 1..].trim_start().starts_with(['“', '"', '‘', '\'']);
    (shaped && before.is_alnum() && credit_words <= 6 && !quoted && !text[..label_start].contains(':')).then_some(label_start)
}

// ------------------------------------------------------------------ lists

/// Byte offsets (within a paragraph) where list items 2.. start, when the
/// paragraph opens with a list marker: `1.)`, `1)`, `1.`, `a.`, `•`, `⁃`.
fn list_item_starts(text: &str) -> Vec<usize> {
    let Some((style, first_num)) = marker_at(text, 0) else { return Vec::new() };
    let mut expect = first_num + 1;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(rel) = text[i..].find(char::is_whitespace) {
        let ws = i + rel;
        let at = ws + text[ws..].len() - text[ws..].trim_start().len();
        if at >= text.len() {
            break;
        }
        if let Some((s, n)) = marker_at(text, at) {
            if s == style && (style == MarkerStyle::Bullet || n == expect) {
                out.push(at);
                expect = n + 1;
            }
        }
        i = at.max(ws + 1);
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum MarkerStyle {
    NumberDotParen,
    NumberParen,
    NumberDot,
    LetterDot,
    Bullet,
}

/// A list marker at `at`: its style and ordinal.
fn marker_at(text: &str, at: usize) -> Option<(MarkerStyle, u32)> {
    let rest = &text[at..];
    if rest.starts_with(['•', '⁃', '▪', '◦']) {
        return Some((MarkerStyle::Bullet, 0));
    }
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = &rest[digits..];
    let followed = |s: &str| s.is_empty() || s.starts_with(char::is_whitespace);
    if digits > 0 && digits <= 3 {
        let n: u32 = rest[..digits].parse().ok()?;
        if let Some(tail) = after.strip_prefix(".)") {
            return followed(tail).then_some((MarkerStyle::NumberDotParen, n));
        }
        if let Some(tail) = after.strip_prefix(')') {
            return followed(tail).then_some((MarkerStyle::NumberParen, n));
        }
        if let Some(tail) = after.strip_prefix('.') {
            let upper_next = tail.trim_start().starts_with(|c: char| c.is_upper());
            return (tail.starts_with(' ') && upper_next).then_some((MarkerStyle::NumberDot, n));
        }
        return None;
    }
    let mut chars = rest.chars();
    let letter = chars.next()?;
    if letter.is_ascii_lowercase() && chars.next() == Some('.') && chars.next() == Some(' ') {
        let upper_next = rest[3..].trim_start().starts_with(|c: char| c.is_upper());
        return upper_next.then_some((MarkerStyle::LetterDot, u32::from(letter) - u32::from('a') + 1));
    }
    None
}

/// Where the marker that starts at `at` ends (so its own period is not a sentence end).
fn marker_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let skip = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let mut end = at + skip;
    // "• 9." : a bullet followed by a numbered marker.
    let after = &text[end..];
    let ws = after.len() - after.trim_start().len();
    if rest.starts_with(['•', '⁃', '▪', '◦']) && skip <= 3 {
        if let Some(n) = after.trim_start().find(char::is_whitespace) {
            if after.trim_start()[..n].trim_end_matches(['.', ')']).chars().all(|c| c.is_ascii_digit()) {
                end += ws + n;
            }
        }
    }
    end
}

// ------------------------------------------------------------------ tokens

fn tokenize_into(body: &str, span: Span, out: &mut Vec<Token>) {
    let text = span.text(body);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alnum() {
            out.push(Token { span: Span::new(span.start + i, span.start + i + c.len_utf8()), kind: TokenKind::Punct });
            continue;
        }
        let mut end = i + c.len_utf8();
        loop {
            let rest = &text[end..];
            let mut it = rest.chars();
            match it.next() {
                Some(d) if d.is_alnum() => end += d.len_utf8(),
                // Inner joiners: don't, al-Assad, U.S, 1,000, 100.00
                Some(j @ ('\'' | '’' | '-' | '.' | ',' | '&')) if it.next().is_some_and(|n| n.is_alnum()) => {
                    if j == ',' && !(text[..end].ends_with(|p: char| p.is_ascii_digit()) && rest[1..].starts_with(|n: char| n.is_ascii_digit())) {
                        break;
                    }
                    if j == '&' && !text[i..end].chars().all(|c| c.is_upper()) {
                        break;
                    }
                    end += j.len_utf8();
                }
                _ => break,
            }
        }
        // "U.S." keeps its final period when the word is an acronym of single letters.
        let word = &text[i..end];
        if text[end..].starts_with('.') && word.contains('.') && word.split('.').all(|p| p.chars().count() == 1) {
            end += 1;
        }
        while chars.peek().is_some_and(|&(j, _)| j < end) {
            chars.next();
        }
        let kind = if c.is_num() { TokenKind::Number } else { TokenKind::Word };
        out.push(Token { span: Span::new(span.start + i, span.start + end), kind });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        segment(text).sentences.iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn token_table_has_every_word_in_lower_case() {
        let body = "Él dijo: “NATO’s Chief met İstanbul officials.” 2017";
        let seg = segment(body);
        let lower: Vec<&str> = (0..seg.tokens.len()).map(|i| seg.lower(i)).collect();
        let expected: Vec<String> = seg.tokens.iter().map(|t| t.span.text(body).to_lower()).collect();
        assert_eq!(lower, expected);
        assert!(lower.contains(&"chief"));
    }

    #[test]
    fn abbreviations_and_acronyms() {
        assert_eq!(sentences("Mr. Smith met Gen. Jones in the U.S. on Monday. They talked."), [
            "Mr. Smith met Gen. Jones in the U.S. on Monday.",
            "They talked."
        ]);
        assert_eq!(sentences("I live in the U.S. How about you?"), ["I live in the U.S.", "How about you?"]);
        assert_eq!(sentences("He works for the U.S. Navy."), ["He works for the U.S. Navy."]);
    }

    #[test]
    fn quotes_close_their_sentence() {
        let text = "“It is over,” he said. “We won.” The crowd cheered.";
        assert_eq!(sentences(text), ["“It is over,” he said.", "“We won.”", "The crowd cheered."]);
        assert_eq!(sentences("\"This is great.\" she said."), ["\"This is great.\" she said."]);
    }

    #[test]
    fn lines_are_paragraphs_and_boilerplate_is_flagged() {
        let text = "First paragraph here.\nRecommended\nSecond one.\nJoin the conversation as a VIP Member";
        let seg = segment(text);
        assert_eq!(seg.paragraphs.len(), 4);
        let flags: Vec<bool> = seg.sentences.iter().map(|s| s.boilerplate).collect();
        assert_eq!(flags, [false, true, false, true]);
    }

    #[test]
    fn bylines_are_boilerplate() {
        let seg = segment("Storm hits coast\nBy Jane Doe and John Roe\nThe storm hit.");
        assert!(seg.sentences[1].boilerplate);
        assert!(!seg.sentences[0].boilerplate);
        assert!(!seg.sentences[2].boilerplate);
    }

    #[test]
    fn tokens() {
        let text = "Al-Assad's U.S.-backed foes don't pay $1,000.00.";
        let seg = segment(text);
        let toks: Vec<&str> = seg.tokens.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(toks, ["Al-Assad's", "U.S.", "-", "backed", "foes", "don't", "pay", "$", "1,000.00", "."]);
    }

    #[test]
    fn speaker_and_colon_is_not_a_credit() {
        assert_eq!(sentences("Angela Stone: “We will not back down.”"), ["Angela Stone: “We will not back down.”"]);
        assert_eq!(sentences("Rescuers searched the ruins Image: Jane Roe"), ["Rescuers searched the ruins", "Image: Jane Roe"]);
    }

    #[test]
    fn sentence_at() {
        let seg = segment("One. Two.");
        assert_eq!(seg.sentence_at(0), Some(0));
        assert_eq!(seg.sentence_at(4), None);
        assert_eq!(seg.sentence_at(5), Some(1));
    }
}
