//! [`Span`]: the one position type of the engine.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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

/// Read back from `[start, end]`; an end before the start is an error.
impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Span, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(deserializer)?;
        if end < start {
            return Err(D::Error::custom(format!("span [{start}, {end}] ends before it starts")));
        }
        Ok(Span::new(start, end))
    }
}

/// A list of spans (in any order) indexed by start, to find the ones
/// overlapping a span without scanning them all. Queries answer with indices
/// into the original list, in ascending order, so a caller that scanned the
/// list in order sees the same spans in the same order.
#[derive(Clone, Debug, Default)]
pub struct SpanIndex {
    /// (start, end, original index), sorted by start.
    sorted: Vec<(usize, usize, usize)>,
    /// The longest span's length: a span overlapping `[a, b)` starts at or
    /// after `a - longest`.
    longest: usize,
}

impl SpanIndex {
    pub fn new(spans: impl IntoIterator<Item = Span>) -> SpanIndex {
        let mut sorted: Vec<(usize, usize, usize)> = spans.into_iter().enumerate().map(|(i, s)| (s.start, s.end, i)).collect();
        crate::sort::sort_by_key(&mut sorted, |&(start, _, i)| (start, i));
        let longest = sorted.iter().map(|&(s, e, _)| e - s).max().unwrap_or(0);
        SpanIndex { sorted, longest }
    }

    /// Indices of the spans that overlap `span` (as [`Span::overlaps`]), ascending.
    pub fn overlapping(&self, span: Span) -> Vec<usize> {
        let mut out = Vec::new();
        self.push_overlapping(span, &mut out);
        crate::sort::sort(&mut out);
        out
    }

    /// Indices of the spans lying inside `span` (as [`Span::contains`]), ascending.
    pub fn inside(&self, span: Span) -> Vec<usize> {
        let from = self.sorted.partition_point(|&(s, _, _)| s < span.start);
        let mut out: Vec<usize> = self.sorted[from..].iter().take_while(|&&(s, _, _)| s <= span.end).filter(|&&(_, e, _)| e <= span.end).map(|&(_, _, i)| i).collect();
        crate::sort::sort(&mut out);
        out
    }

    /// Appends the indices of the spans overlapping `span` (unsorted).
    pub fn push_overlapping(&self, span: Span, out: &mut Vec<usize>) {
        let from = self.sorted.partition_point(|&(s, _, _)| s < span.start.saturating_sub(self.longest));
        for &(s, e, i) in &self.sorted[from..] {
            if s >= span.end {
                break;
            }
            if Span::new(s, e).overlaps(span) {
                out.push(i);
            }
        }
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
    fn index_agrees_with_a_scan() {
        let mut state: u64 = 7;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize % n
        };
        let spans: Vec<Span> = (0..300).map(|_| {
            let (s, long) = (next(500), next(10) == 0);
            Span::new(s, s + next(if long { 60 } else { 8 }))
        }).collect();
        let index = SpanIndex::new(spans.iter().copied());
        for _ in 0..500 {
            let a = next(520);
            let q = Span::new(a, a + next(30));
            let scan: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].overlaps(q)).collect();
            assert_eq!(index.overlapping(q), scan, "{q:?}");
            let scan: Vec<usize> = (0..spans.len()).filter(|&i| q.contains(spans[i])).collect();
            assert_eq!(index.inside(q), scan, "{q:?}");
        }
    }

    #[test]
    fn serialises_as_pair() {
        assert_eq!(serde_json::to_string(&Span::new(3, 8)).unwrap(), "[3,8]");
    }
}
