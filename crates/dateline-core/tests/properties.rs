//! Property tests: any input, no panic; every span of the output lies inside
//! the body, on character boundaries, with start <= end.

use dateline_core::story::{extract, Input};
use dateline_core::{Date, Document, Span};
use proptest::prelude::*;

fn check(body: &str) {
    let doc = Document { id: "p".into(), title: None, outlet: None, published: Date::new(2020, 1, 1).unwrap(), url: None, body: body.to_string() };
    let story = extract(&[Input { document: &doc, path: "" }]);
    let ok = |s: Span| s.start <= s.end && s.end <= body.len() && body.is_char_boundary(s.start) && body.is_char_boundary(s.end);
    let art = &story.articles[0];
    for q in &art.quotes {
        assert!(ok(q.content), "content {:?} in {body:?}", q.content);
        for s in [q.cue, q.source].into_iter().flatten() {
            assert!(ok(s), "span {s:?} in {body:?}");
        }
        if let Some(id) = &q.speaker {
            assert!(story.entities.iter().any(|e| &e.id == id));
        }
    }
    for m in &art.mentions {
        assert!(ok(m.span), "mention {:?} in {body:?}", m.span);
        assert!(story.entities.iter().any(|e| e.id == m.entity));
    }
    for s in art.sentences.iter().chain(&art.paragraphs) {
        assert!(ok(*s));
    }
}

/// News-like text: words that exercise names, titles, cues, pronouns and
/// every kind of quotation mark, joined by spaces, punctuation and breaks.
fn newsy() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "“", "”", "\"", "‘", "’", "'", "''", ",", ".", ":", "-", "—", "―", "(", ")", "\n", "\n\n", "said", "says",
        "told", "according", "to", "that", "he", "she", "they", "The", "the", "foreign", "minister", "Secretary",
        "of", "State", "Rex", "Mary", "Lopez", "Lopez’s", "al-Assad", "Russian", "White", "House", "officials",
        "administration", "Mr.", "U.S.", "repeated", "what", "insisted", "called", "for", "and", "Wednesday", "é",
        "日本", "🙂", "a", "witness", "We", "won", "é’s", "X:", "Ł", "ǅ", "\u{a0}",
    ]);
    prop::collection::vec(words, 0..60).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(body in "\\PC{0,200}") {
        check(&body);
    }

    #[test]
    fn newsy_text_keeps_spans_valid(body in newsy()) {
        check(&body);
    }

    #[test]
    fn newsy_text_without_spaces(body in newsy().prop_map(|s| s.replace(' ', ""))) {
        check(&body);
    }
}
