//! Data-driven cases for event mentions: `tests/data/mentions/*.txt` (format
//! in the folder's README). Each text line is an article body; the caret
//! lines under it list every event mention the engine must emit, with its
//! TimeML class, and nothing else may be emitted.

use std::fmt::Write as _;

use dateline_core::story::{extract, Input};
use dateline_core::{Date, Document};

mod carets;
use carets::underline;

struct Expected {
    start: usize,
    end: usize,
    class: String,
}

struct Case {
    file: String,
    line: usize,
    text: String,
    expected: Vec<Expected>,
}

fn load_cases() -> Vec<Case> {
    carets::load("mentions", None)
        .into_iter()
        .map(|c| {
            let expected = c.marks.into_iter().map(|m| Expected { start: m.start, end: m.end, class: m.expect.into_iter().next().expect("class") }).collect();
            Case { file: c.file, line: c.line, text: c.text, expected }
        })
        .collect()
}

#[test]
fn mention_cases() {
    let cases = load_cases();
    assert!(cases.len() > 30, "expected the case files to be found");
    let mut report = String::new();
    let mut failed = 0;
    for case in &cases {
        let doc = Document { id: "case".into(), title: None, outlet: None, published: Date::new(2020, 3, 4).unwrap(), url: None, body: case.text.clone() };
        let story = extract(&[Input { document: &doc, path: "case" }]);
        let found = &story.articles[0].event_mentions;
        let mut problems = Vec::new();
        for e in &case.expected {
            match found.iter().find(|m| m.span.start == e.start && m.span.end == e.end) {
                None => problems.push(format!("{}  missing {}", underline(&case.text, e.start, e.end), e.class)),
                Some(m) if m.class != e.class => problems.push(format!("{}  expected {}, got {}", underline(&case.text, e.start, e.end), e.class, m.class)),
                Some(_) => {}
            }
        }
        for m in found {
            if !case.expected.iter().any(|e| e.start == m.span.start && e.end == m.span.end) {
                problems.push(format!("{}  unexpected {}", underline(&case.text, m.span.start, m.span.end), m.class));
            }
        }
        if !problems.is_empty() {
            failed += 1;
            let _ = writeln!(report, "\n{}:{}\n{}", case.file, case.line, case.text);
            for p in problems {
                let _ = writeln!(report, "{p}");
            }
        }
    }
    assert!(failed == 0, "{failed} of {} cases failed:{report}", cases.len());
}

/// Words that stress the tagger and the lemma rules: verb-like endings after
/// characters of every width (U+0820 is three bytes, the last two equal).
const PIECES: &[&str] = &[
    "The", "the", "company", "said", "sales", "fell", "plans", "to", "cut", "jobs", "has", "been", "is", "was",
    "profitable", "Summit", "Global", "didn't", "won’t", "per", "share", "election", "bombing", "crises", "ࠠed",
    "ࠠing", "ࠠs", "ßßed", "ied", "ed", "ing", "s", "'s", "’s", "n't", "Boeing", "A320", "5%", ",", ".", "\n", " ",
    "日本ed", "🙂ing", "é", "\u{0}",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn mentions_are_tokens_in_order(words in proptest::collection::vec(proptest::sample::select(PIECES), 0..40)) {
        let body = words.join(" ");
        let doc = Document { id: "p".into(), title: None, outlet: None, published: Date::new(2020, 3, 4).unwrap(), url: None, body: body.clone() };
        let story = extract(&[Input { document: &doc, path: "p" }]);
        let article = &story.articles[0];
        let mut last_end = 0;
        for m in &article.event_mentions {
            assert!(m.span.start >= last_end && m.span.start < m.span.end && m.span.end <= body.len(), "{m:?} in {body:?}");
            assert!(body.is_char_boundary(m.span.start) && body.is_char_boundary(m.span.end));
            assert!(dateline_core::segment::segment(&body).tokens.iter().any(|t| t.span == m.span), "a mention is one token: {m:?}");
            last_end = m.span.end;
        }
    }
}
