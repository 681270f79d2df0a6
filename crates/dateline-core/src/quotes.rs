//! Quotation marks: the quoted regions of a body, found before entities
//! (names inside quotes are not antecedents for pronouns outside them) and
//! attributed in [`crate::attribution`].
//!
//! Rules, within one paragraph:
//! * `“` always opens (and so does a misprinted `”` before a letter at the
//!   paragraph start or after a space); it closes at `”`, or at a straight `"` that is not
//!   followed by a letter (the mismatched “...", common in copy-edited
//!   news), or at another `“` followed by a space (a misprinted closer).
//! * A straight `"` opens after a space, an opener or the paragraph start,
//!   and closes at the next `"` or `”`.
//! * Two apostrophes `''` open and close like `"` (some wire copy).
//! * `‘` opens a single-quoted region after a space or the start and closes
//!   at a `’` not followed by a letter (so "don’t" stays inside). Single
//!   quotes inside a double-quoted region are nested quotes and ignored.
//! * A quote still open at the end of the paragraph runs to its end (news
//!   convention: a quote continued in the next paragraph leaves the closing
//!   mark off).
//!
//! The content excludes the marks, surrounding spaces and a trailing comma.

use crate::case::Letter;
use crate::segment::Segmentation;
use crate::span::Span;

/// One quoted region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// From the opening mark to the end of the closing mark (or the paragraph).
    pub outer: Span,
    /// The quoted words: no marks, no surrounding spaces, no trailing comma.
    pub content: Span,
    /// Whether a closing mark was found in the paragraph.
    pub closed: bool,
    /// Index of the paragraph.
    pub paragraph: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Curly,
    Straight,
    Apostrophes,
    Single,
}

/// The quoted regions of `body`, in order.
pub fn find(body: &str, seg: &Segmentation) -> Vec<Quoted> {
    let mut out = Vec::new();
    for (p, &para) in seg.paragraphs.iter().enumerate() {
        scan_paragraph(body, para, p, &mut out);
    }
    out
}

fn scan_paragraph(body: &str, para: Span, index: usize, out: &mut Vec<Quoted>) {
    let text = para.text(body);
    let mut open: Option<(Mark, usize, usize)> = None; // mark, start of mark, end of mark
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’') {
            prev = Some(c);
            continue;
        }
        let next = iter.peek().map(|&(_, n)| n);
        let after_space = prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | ':' | '“' | '‘'));
        let next_is_letter = next.is_some_and(char::is_alnum);
        let mut close_at: Option<usize> = None; // end of the closing mark
        match open {
            None => match c {
                '“' => open = Some((Mark::Curly, i, i + c.len_utf8())),
                // a misprinted opener: ”Word at the start or after a space
                '”' if after_space && next_is_letter => open = Some((Mark::Curly, i, i + c.len_utf8())),
                '"' if after_space || (next_is_letter && !prev.is_some_and(char::is_alnum)) => {
                    open = Some((Mark::Straight, i, i + 1))
                }
                '\'' if next == Some('\'') && after_space => {
                    iter.next();
                    open = Some((Mark::Apostrophes, i, i + 2));
                }
                '‘' if after_space && next_is_letter => open = Some((Mark::Single, i, i + c.len_utf8())),
                _ => {}
            },
            Some((mark, _, _)) => match (mark, c) {
                (Mark::Curly, '”') | (Mark::Straight, '"' | '”') => close_at = Some(i + c.len_utf8()),
                (Mark::Curly, '"') if !next_is_letter => close_at = Some(i + 1),
                (Mark::Curly, '“') if next.is_none_or(char::is_whitespace) => close_at = Some(i + c.len_utf8()),
                (Mark::Apostrophes, '\'') if next == Some('\'') => {
                    iter.next();
                    close_at = Some(i + 2);
                }
                (Mark::Single, '’') if !next_is_letter => close_at = Some(i + c.len_utf8()),
                _ => {}
            },
        }
        if let (Some(end), Some((_, start, inner))) = (close_at, open) {
            push(body, para, index, start, inner, i, end, true, out);
            open = None;
        }
        prev = Some(c);
    }
    if let Some((_, start, inner)) = open {
        push(body, para, index, start, inner, text.len(), text.len(), false, out);
    }
}

#[allow(clippy::too_many_arguments)]
fn push(body: &str, para: Span, index: usize, start: usize, inner_start: usize, inner_end: usize, end: usize, closed: bool, out: &mut Vec<Quoted>) {
    let base = para.start;
    let mut content = Span::new(base + inner_start, base + inner_end.max(inner_start)).trim(body);
    while content.text(body).ends_with(',') {
        content = Span::new(content.start, content.end - 1).trim(body);
    }
    if content.is_empty() || !content.text(body).chars().any(char::is_alnum) {
        return;
    }
    out.push(Quoted { outer: Span::new(base + start, base + end), content, closed, paragraph: index });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn contents(text: &str) -> Vec<&str> {
        find(text, &segment(text)).iter().map(|q| q.content.text(text)).collect()
    }

    #[test]
    fn marks() {
        assert_eq!(contents("“It is over,” he said."), ["It is over"]);
        assert_eq!(contents("“Mismatched marks\" from here, he said."), ["Mismatched marks"]);
        assert_eq!(contents("He called it \"orderly\" and ''fine.''"), ["orderly", "fine."]);
        assert_eq!(contents("It’s ‘in their heads,’ he said; don’t worry."), ["in their heads"]);
        assert_eq!(contents("“Open to the end\n“Next"), ["Open to the end", "Next"]);
        assert_eq!(contents("A 5'6\" man."), Vec::<&str>::new());
        assert_eq!(contents("”Misprinted opener,” she said."), ["Misprinted opener"]);
    }
}
