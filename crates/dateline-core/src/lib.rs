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
//! 2. [`segment`]: paragraphs, sentences and tokens ([`segment::Segmentation`]),
//!    with boilerplate lines flagged by their shape.
//! 3. Mentions and entities, 4. attribution: built in `entities` and
//!    `attribution` (another branch); the events stage takes their mentions
//!    as a plain `(Span, entity id)` list.
//! 5. [`time`]: temporal expressions ([`time::Timex`]: DATE, TIME, DURATION,
//!    SET) normalised to TIMEX3 values against the publication date, in two
//!    phases (fields from the text, then resolution: weekdays by tense,
//!    anaphora by the last day mentioned), each with a note on how.
//! 6. [`events`]: clause-level events with participants and a time (explicit,
//!    from the governing event, bounded by "after X", or inherited from the
//!    report), statements absorbed by the frame event they were made at, and
//!    the story timeline ([`events::Timeline`]) merging the same event across
//!    articles.
//!
//! [`story::extract`] runs the stages over a set of documents and returns the
//! [`story::Story`], which serialises to the CLI's JSON contract (schema 1).

pub mod date;
pub mod document;
pub mod events;
pub mod segment;
pub mod span;
pub mod story;
pub mod time;

pub use date::Date;
pub use document::Document;
pub use span::Span;
