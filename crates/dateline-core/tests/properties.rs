//! Property tests: any input, however hostile, never panics, and every span
//! the pipeline reports lies inside the body on UTF-8 character boundaries;
//! every entity id it reports exists; every extraction round-trips through JSON.
//!
//! `PROPTEST_CASES=N` sets the number of cases per property (default 300);
//! a long run is the engine's fuzzing.

use dateline_core::story::{extract, extract_article, merge, ArticleExtraction, Input, Story};
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
    assert!(span.start <= span.end && span.end <= body.len(), "{what} {span:?} out of bounds ({}) in {body:?}", body.len());
    assert!(body.is_char_boundary(span.start) && body.is_char_boundary(span.end), "{what} {span:?} splits a character in {body:?}");
}

fn check(body: &str) {
    let story = run(body);
    let article = &story.articles[0];
    let entity_exists = |id: &str| story.entities.iter().any(|e| e.id == id);
    for &s in article.paragraphs.iter().chain(&article.sentences) {
        check_span(body, s, "sentence/paragraph");
        assert!(!s.text(body).trim().is_empty(), "empty sentence {s:?}");
    }
    for pair in article.sentences.windows(2) {
        assert!(pair[0].end <= pair[1].start, "sentences overlap or go backwards: {pair:?}");
    }
    for t in &dateline_core::segment::segment(body).tokens {
        check_span(body, t.span, "token");
    }
    for t in &article.timexes {
        check_span(body, t.span, "timex");
        let text = t.value.to_string();
        assert!(!text.is_empty(), "timex without value");
        assert_eq!(text.parse::<dateline_core::timex::TimexValue>().map(|v| v.to_string()), Ok(text.clone()), "value round trip");
    }
    for q in &article.quotes {
        check_span(body, q.content, "quote content");
        q.cue.into_iter().chain(q.source).for_each(|s| check_span(body, s, "quote cue/source"));
        q.speaker.iter().chain(&q.speakers).for_each(|id| assert!(entity_exists(id), "speaker {id}"));
    }
    for m in &article.mentions {
        check_span(body, m.span, "mention");
        assert!(entity_exists(&m.entity), "mention entity {}", m.entity);
    }
    for e in &story.events {
        e.evidence.iter().for_each(|ev| check_span(body, ev.span, "evidence"));
    }
}

/// Pieces news is made of: names, titles, cues, pronouns, quotation marks,
/// dates, abbreviations and list markers, plus noise and other scripts.
const PIECES: &[&str] = &[
    "“", "”", "\"", "‘", "’", "'", "''", ",", ".", ". ", "? ", ":", "-", "—", "(", ")", "[", "]", "\n", "\n\n", "---\n",
    "said", "says", "told", "according", "to", "that", "he", "she", "they", "The", "the", "foreign", "minister",
    "Secretary", "of", "State", "Rex", "Mary", "Lopez", "Lopez’s", "al-Assad", "Russian", "White", "House",
    "officials", "administration", "Mr.", "U.S.", "repeated", "what", "insisted", "called", "for", "and", "We", "won",
    "Wednesday", "on", "Thursday", "earlier", "later", "last", "next", "week", "same", "day", "two-hour", "more",
    "than", "delay", "after", "meeting", "press", "conference", "held", "ordered", "strike", "attack", "2013",
    "'80s", "1990s", "March", "May", "3", "18:00", "p.m.", "days", "before", "ago", "every", "Christmas", "summer",
    "quarter", "7/8/07", "2017-04-12", "mid-2011", "will", "now", "recently", "... ", ". . . ", "1.) ", "• ", "é",
    "日本", "🙂", "🎉", "\u{200f}", "\u{a0}", "\u{0}", "\r\n", "Ł", "ǅ", "X:", "<script>", "</p>", "&amp;",
];

fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|w| w.join(" "))
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(300)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_strings(body in any::<String>()) {
        check(&body);
    }

    #[test]
    fn printable_strings(body in "\\PC{0,300}") {
        check(&body);
    }

    #[test]
    fn news_shaped_strings(body in newsy()) {
        check(&body);
    }

    #[test]
    fn news_shaped_strings_without_spaces(body in newsy().prop_map(|s| s.replace(' ', ""))) {
        check(&body);
    }

    /// An article's extraction travels through JSON unchanged, and so does
    /// the story merged from it.
    #[test]
    fn article_extraction_round_trips_through_json(body in newsy()) {
        let doc = Document { id: "p".into(), title: Some("T".into()), outlet: None, published: Date::new(2017, 4, 12).unwrap(), url: None, body };
        let article = extract_article(&doc);
        let json = serde_json::to_string(&article).unwrap();
        let back: ArticleExtraction = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(&back, &article);
        let story = merge(&[back]);
        let story_back: Story = serde_json::from_str(&serde_json::to_string(&story).unwrap()).unwrap();
        prop_assert_eq!(story_back, story);
    }
}

#[test]
fn edge_cases() {
    for body in ["", " ", "\n\n\n", ".", "...", "“", "”", "\"", "a.b.c.", "1.)", "• ", "\u{0}\u{1}\r\n", "é.É", "Mr.", "---\n---\n", "“”", "\"\"\"", "said", "He said", "“A,” he said. “B", "The Mr. said", "said insisted he &amp; - said insisted “"] {
        check(body);
    }
}

/// Quote-dense bodies: quotes, cues, names and pronouns in any order.
const QUOTE_PIECES: &[&str] = &[
    "He said \"x\" ", "“We won,” she said. ", "“A,” Mary Lopez said, “b.” ", "Lopez said that the plan failed. ",
    "according to officials, ", "\"It is over\" ", "“", "”", ", ", ". ", "\n\n", "They told reporters: ", "‘no’ ",
    "the minister insisted ", "police said ", "“Yes.” ", "Rex Lopez, a spokesman, said ", "and said ",
    "“We will win,” he said on the long road to the coast and ",
];

fn quote_dense(units: &[usize], n: usize) -> String {
    (0..n).map(|i| QUOTE_PIECES[units[i % units.len()] % QUOTE_PIECES.len()]).collect()
}

/// The seconds the quote, entity and attribution stages take on `body`
/// (the best of three runs).
fn attribution_seconds(body: &str) -> f64 {
    use dateline_core::{attribution, entities, quotes, segment};
    let seg = segment::segment(body);
    let quoted = quotes::find(body, &seg);
    let ents = entities::resolve(body, &seg, &quoted);
    (0..3)
        .map(|_| {
            let t = std::time::Instant::now();
            let q = quotes::find(body, &seg);
            let a = attribution::attribute(body, &seg, &q, &ents);
            std::hint::black_box(a.quotes.len());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases().min(60)))]

    /// Dense quotes never panic.
    #[test]
    fn quote_dense_strings(units in prop::collection::vec(0..QUOTE_PIECES.len(), 1..80)) {
        check(&quote_dense(&units, units.len()));
    }
}

/// Attribution is linear in the input: eight times the quotes take well under
/// 64 times as long (quadratic), in one paragraph or in many (the bound, 40
/// times, leaves room for caches and a busy machine); and 20,000 pieces take
/// well under a second even unoptimised.
/// `QUOTE_DENSE_UNITS=N` sets the smaller size (default 2,500 pieces).
#[test]
fn quote_dense_scales_linearly() {
    let patterns: &[&[usize]] = &[&[0], &[1], &[2, 3], &[4, 5, 6, 7, 8], &[9, 10, 11, 12, 13, 14, 15, 16, 17], &[0, 8, 5, 13, 16, 2, 7], &[18]];
    for units in patterns {
        let n = std::env::var("QUOTE_DENSE_UNITS").ok().and_then(|n| n.parse().ok()).unwrap_or(2_500);
        let small = quote_dense(units, n);
        let large = quote_dense(units, 8 * n);
        let (a, b) = (attribution_seconds(&small), attribution_seconds(&large));
        eprintln!("{units:?}: {a:.4}s -> {b:.4}s");
        assert!(b < 2.0, "{units:?}: {} pieces {b:.4}s", 8 * n);
        // (under 50 ms the ratio is noise: a quadratic pass takes seconds here)
        assert!(b < 0.05 || b < a * 40.0, "{units:?}: {n} pieces {a:.4}s, {} pieces {b:.4}s (quadratic?)", 8 * n);
    }
}

/// The whole pipeline on a quote-dense article: 20,000 quotes in one
/// article (one run without a full stop, the worst case for the sentence
/// passes) run in linear time: 4x the quotes take well under 16x the time.
#[test]
fn whole_pipeline_on_20000_quotes_is_linear() {
    let seconds = |n: usize| {
        let body = "He said \"x\" ".repeat(n);
        let t = std::time::Instant::now();
        let story = run(&body);
        std::hint::black_box(story.articles[0].quotes.len());
        t.elapsed().as_secs_f64()
    };
    let (small, large) = (seconds(5_000), seconds(20_000));
    eprintln!("5,000 quotes {small:.3}s, 20,000 quotes {large:.3}s");
    assert!(large < 5.0, "20,000 quotes took {large:.3}s");
    assert!(large < 0.05 || large < small * 10.0, "5,000 quotes {small:.3}s, 20,000 quotes {large:.3}s (quadratic?)");
}

/// Speaking groups and "the company" link to what was named before them
/// within a bounded look-back: 4x as many take well under 16x the time.
#[test]
fn speaking_groups_link_in_linear_time() {
    let seconds = |n: usize| {
        let body = "Police said the fire spread near Ann Lee. The company said Acme Corp. was sorry. ".repeat(n);
        let t = std::time::Instant::now();
        let story = run(&body);
        std::hint::black_box(story.articles[0].quotes.len());
        t.elapsed().as_secs_f64()
    };
    let (small, large) = (seconds(2_500), seconds(10_000));
    eprintln!("2,500 pairs {small:.3}s, 10,000 pairs {large:.3}s");
    assert!(large < 0.05 || large < small * 10.0, "2,500 pairs {small:.3}s, 10,000 pairs {large:.3}s (quadratic?)");
}
