//! Property tests: any input, however hostile, never panics, and every span
//! the pipeline reports lies inside the body on UTF-8 character boundaries.

use dateline_core::story::{extract, Input, Story};
use dateline_core::{Date, Document, Span};
use proptest::prelude::*;

fn run(body: &str) -> Story {
    let doc = Document {
        id: "p".into(),
        title: None,
        outlet: None,
        published: Date::new(2017, 4, 12).unwrap(),
        url: None,
        body: body.into(),
    };
    extract(&[Input { document: &doc, path: "p.txt" }])
}

fn check_span(body: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= body.len(), "{what} {span:?} out of bounds ({})", body.len());
    assert!(body.is_char_boundary(span.start) && body.is_char_boundary(span.end), "{what} {span:?} splits a character");
}

fn check(body: &str) {
    let story = run(body);
    let article = &story.articles[0];
    for &s in article.paragraphs.iter().chain(&article.sentences) {
        check_span(body, s, "sentence/paragraph");
        assert!(!s.text(body).trim().is_empty(), "empty sentence {s:?}");
    }
    for pair in article.sentences.windows(2) {
        assert!(pair[0].end <= pair[1].start, "sentences overlap or go backwards: {pair:?}");
    }
    for t in &article.segmentation.tokens {
        check_span(body, t.span, "token");
    }
    for t in &article.timexes {
        check_span(body, t.span, "timex");
    }
    for q in &article.quotes {
        check_span(body, q.content, "quote content");
        q.cue.into_iter().chain(q.source).for_each(|s| check_span(body, s, "quote cue/source"));
    }
    for m in &article.mentions {
        check_span(body, m.span, "mention");
    }
    for e in &story.events {
        e.evidence.iter().for_each(|ev| check_span(body, ev.span, "evidence"));
    }
}

/// Text built from the pieces news is made of, in any order.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’s ".to_string()),
        Just("said ".to_string()),
        Just("Tillerson ".to_string()),
        Just("on Thursday ".to_string()),
        Just("... ".to_string()),
        Just(". . . ".to_string()),
        Just("1.) ".to_string()),
        Just("• ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("---\n".to_string()),
        Just(". ".to_string()),
        Just("? ".to_string()),
        Just("é".to_string()),
        Just("🎉".to_string()),
        Just("\u{200f}".to_string()),
        "[a-zA-Z]{1,8} ",
        "[0-9]{1,4}",
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(body in any::<String>()) {
        check(&body);
    }

    #[test]
    fn news_shaped_strings(body in newsy()) {
        check(&body);
    }
}

#[test]
fn edge_cases() {
    for body in ["", " ", "\n\n\n", ".", "...", "“", "a.b.c.", "1.)", "• ", "\u{0}\u{1}\r\n", "é.É", "Mr.", "---\n---\n"] {
        check(body);
    }
}
