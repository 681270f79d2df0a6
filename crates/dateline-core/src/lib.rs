//! # Dateline's extraction engine
//!
//! Reads news articles and extracts what a story explorer shows: sentences,
//! temporal expressions, who said what, entities and a timeline of events.
//! Pure Rust with no web dependencies: it builds natively (the CLI, the tests)
//! and for `wasm32-unknown-unknown` (the explorer). It never reads the clock;
//! each article carries its publication date, the reference for every
//! relative expression.
//!
//! # Steps
//!
//! Each stage is one module with one output type. Spans ([`Span`]) are
//! half-open byte ranges into the article body, created once and never moved.
//!
//! 1. [`document`]: an article's body and metadata ([`Document`]), and the
//!    article file format with its header.
//! 2. [`segment`]: paragraphs, sentences and the one token table every later
//!    stage reads ([`segment::Segmentation`]: each token's span, kind and
//!    lower case), with boilerplate lines flagged by their shape.
//!    [`quotes`] then finds the quoted regions ([`quotes::Quoted`]): curly,
//!    straight and mismatched marks, quotes running to the paragraph end.
//! 3. [`entities`]: mentions of people, organisations, places and groups,
//!    titles split from names, and coreference of surnames, pronouns and role
//!    nouns within the article ([`entities::Entities`]). Across articles,
//!    [`story::extract`] merges the same person or organisation into one entity.
//! 4. [`attribution`]: direct quotes, reported speech ("X said that ...",
//!    "according to X"), mixed quotes, continuations and nested relays, each
//!    with its cue, source mention and resolved speaker
//!    ([`attribution::Attributions`]).
//! 5. [`time`]: temporal expressions ([`time::Timex`]: DATE, TIME, DURATION,
//!    SET) normalised to TIMEX3 values against the publication date, in two
//!    phases (fields from the text, then resolution: weekdays by tense,
//!    anaphora by the last day mentioned), each with a note on how. Values
//!    are typed ([`timex::TimexValue`]) and written as TIMEX3 strings.
//! 6. [`events`]: a folder of passes, each consuming the earlier stages'
//!    outputs (quotes, entity mentions, attributions, timexes), never
//!    re-deriving them: [`events::mentions`] finds TimeML event mentions
//!    (one head word each, with a class) from the word classes of [`tag`];
//!    per sentence, triggers become clause events with participants and a
//!    label, then a time (explicit, from the governing event, inherited,
//!    bounded by "after X"); statements made at a frame event join it and
//!    only statements that are news stay on the timeline; the story timeline
//!    ([`events::Timeline`]) merges the same happening across articles; and
//!    [`events::links`] gives every event mention its time, participants and
//!    timeline item.
//!
//! [`sort`] is the one stable sort everything uses, and [`case`] the one
//! letter case (`to_lower()`, not `str::to_lowercase`): both keep std's
//! larger code and tables out of the explorer's wasm.
//!
//! The word lists behind stages 3 and 4 (given names, countries, titles,
//! organisations, cue verbs) are data files compiled in by [`lexicon`]; so
//! are the month and weekday names ([`date`]), segmentation's abbreviations
//! and the time stage's vocabulary (`data/*.txt`).
//!
//! [`story::extract`] runs the stages over a set of documents and returns the
//! [`story::Story`], which serialises to the CLI's JSON contract (schema 1).
//! It is two steps: [`story::extract_article`] runs every per-article stage
//! (an [`story::ArticleExtraction`], which can be computed anywhere and
//! travels as JSON), and [`story::merge`] brings articles together.

pub mod attribution;
pub mod case;
pub mod date;
pub mod document;
pub mod entities;
pub mod events;
pub mod lexicon;
pub mod quotes;
pub mod segment;
pub mod sort;
pub mod span;
pub mod story;
pub mod tag;
pub mod time;
pub mod timex;

pub use date::Date;
pub use document::Document;
pub use span::Span;
