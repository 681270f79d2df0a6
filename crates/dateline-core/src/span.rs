//! [`Span`]: the one position type of the engine.

use serde::{Serialize, Serializer};

/// A half-open range `[start, end)` of UTF-8 byte offsets into an article body.
///
/// Spans are created by one stage and only read by later ones; they never move.
/// Serialised as a two-element array `[start, end]`, as the CLI contract says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`. Panics in debug builds when `start > end`.
    pub const fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers.
    pub fn text(self, body: &str) -> &str {
        &body[self.start..self.end]
    }

    /// Whether `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span without leading and trailing whitespace.
    pub fn trim(self, body: &str) -> Span {
        let text = self.text(body);
        let start = self.start + (text.len() - text.trim_start().len());
        let end = self.end - (text.len() - text.trim_end().len());
        Span::new(start, end.max(start))
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_and_text() {
        let body = "  hello  ";
        let span = Span::new(0, body.len()).trim(body);
        assert_eq!(span, Span::new(2, 7));
        assert_eq!(span.text(body), "hello");
        assert_eq!(Span::new(3, 3).trim("a  b"), Span::new(3, 3));
    }

    #[test]
    fn relations() {
        let a = Span::new(0, 5);
        assert!(a.contains(Span::new(1, 5)));
        assert!(!a.contains(Span::new(1, 6)));
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(!a.overlaps(Span::new(5, 9)));
        assert_eq!(a.cover(Span::new(7, 9)), Span::new(0, 9));
    }

    #[test]
    fn serialises_as_pair() {
        assert_eq!(serde_json::to_string(&Span::new(3, 8)).unwrap(), "[3,8]");
    }
}
