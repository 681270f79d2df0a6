//! Property test: the time and events stages never panic, and every span they
//! return lies inside the body on UTF-8 character boundaries.

use dateline_core::events::{timeline, ArticleInput};
use dateline_core::segment::segment;
use dateline_core::span::Span;
use dateline_core::time::timexes;
use dateline_core::Date;
use proptest::prelude::*;

/// Words that exercise the temporal and event patterns, mixed with noise.
const WORDS: &[&str] = &[
    "Wednesday", "on", "Thursday", "said", "earlier", "later", "last", "next", "week", "the", "same", "day", "a",
    "two-hour", "more", "than", "delay", "after", "following", "meeting", "with", "Putin", "press", "conference",
    "held", "ordered", "strike", "attack", "2013", "'80s", "1990s", "March", "May", "3", "18:00", "UTC", "p.m.",
    "days", "before", "ago", "every", "weekly", "Christmas", "summer", "quarter", "fourth", "of", "“", "”", "\"",
    ",", ".", "-", "é", "日本", "7/8/07", "2017-04-12", "Q1", "mid-2011", "he", "agreed", "to", "set", "up", "Lavrov",
    "Tillerson", "told", "reporters", "will", "be", "is", "now", "recently", "future", "decade", "years", "\n",
];

fn check(body: &str) {
    let anchor = Date::parse("2017-04-12").unwrap();
    let seg = segment(body);
    let times = timexes(body, &seg, anchor);
    let ok = |span: Span| span.start <= span.end && span.end <= body.len() && body.is_char_boundary(span.start) && body.is_char_boundary(span.end);
    for t in &times {
        assert!(ok(t.span), "timex span {:?} in {body:?}", t.span);
        assert!(!t.value.is_empty());
        if let Some((_, rel)) = t.relation {
            assert!(ok(rel));
        }
    }
    let input = [ArticleInput { id: "a", body, segmentation: &seg, timexes: &times, published: anchor, mentions: &[] }];
    let story = timeline(&input);
    for item in &story.items {
        for &(_, span) in &item.evidence {
            assert!(ok(span), "evidence span {span:?} in {body:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(body in "\\PC{0,300}") {
        check(&body);
    }

    #[test]
    fn temporal_word_salad_never_panics(words in prop::collection::vec(prop::sample::select(WORDS), 0..60)) {
        check(&words.join(" "));
    }
}
