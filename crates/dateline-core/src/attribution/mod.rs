//! Stage 4, **Attribution**: who said what ([`Attributions`]).
//!
//! Every quote has a content span, a kind (direct, reported, mixed), the cue
//! (the verb or "according to"), the source mention at the cue and the
//! resolved speaker entity (none when the source cannot be resolved: never a
//! guess).
//!
//! The passes, one file each: the cues of a sentence (`cues.rs`), the
//! source phrase before or after a cue (`subject.rs`), its speaker
//! (`speaker.rs`), the content (`content.rs`); this file walks the
//! sentences, takes the quotes without a cue, and joins the parts.
//!
//! Rules, per sentence (boilerplate skipped), outside quotation marks:
//! * **Cues** are verbs from the cue lexicon in any inflection (say, tell,
//!   insist, reveal, note, reiterate, blast, call for, point to, ...), plus
//!   "according to". A verb after an article or possessive is a noun ("the
//!   report"), after a form of "be" a passive, after "to" an infinitive: none
//!   is a cue. Belief verbs ("concluded", "believes") and "be confident/sure
//!   that" count only with an explicit "that".
//! * **Source**: the mention right before the verb (skipping adverbs,
//!   auxiliaries, "himself", and a parenthetical or appositive between
//!   commas: "Russia, a top Assad backer, says"), or, after a quote or comma,
//!   right after it ("said Caddell", "said the foreign minister"); for
//!   "according to", the phrase after it; for a participle (", adding that"),
//!   the source of the clause it hangs on. A noun phrase that is no known
//!   mention is still a source, with no speaker.
//! * **Content**, in order of preference:
//!   1. a quote that ends right before the source and cue (`“...,” he said`)
//!      or starts right after them (`he said: “...”`): a direct quote;
//!   2. the clause before a closing `, X said`: reported, or mixed when it
//!      contains quoted words (and the quoted words are direct quotes too);
//!   3. the clause after the cue, after objects of telling ("told
//!      reporters"), time phrases ("Wednesday", "on Tuesday", "earlier
//!      Wednesday", "the same day") and an optional "that" or colon; without
//!      "that" it must start like a clause. It ends at the sentence end, or at
//!      ", and"/", but"/";" (unless "that" follows) or at a comma before
//!      another cue;
//!   4. for "according to X": the rest of the sentence.
//! * **Nested**: "He repeated what X said on Tuesday - that ...": the content
//!   is X's; the relaying cue and speaker are kept in [`Quote::via`].
//! * **Quotes without a cue**: a quote that opens its sentence continues the
//!   previous quote's speaker in the same paragraph, or in the previous
//!   paragraph when the quote opens its own paragraph; quoted words inside a
//!   sentence take the speaker of a cue in that sentence, or of the previous
//!   sentence in the paragraph when it had one; otherwise no speaker.
//!
//! * **Transcripts and interviews** (`transcript.rs`): a paragraph opening
//!   with a speaker label ("WALLACE:", "((Naomi Lee))") is that speaker's
//!   turn.
//! * **Documents** (`documents.rs`): "the statement said", "It read" after "X
//!   issued a statement": the issuer speaks.
//! * **Nouns of speech** before "that" ("Trump's claim that …") are cues too
//!   (`[cue-nouns]` in `data/attribution_words.txt`).
//!
//! Quoted regions (from [`crate::quotes::find`]) and mentions (from
//! [`crate::entities::resolve`]) come in text order; lookups by position
//! binary-search them, so the stage stays near-linear on long articles.


use crate::case::Letter;
use crate::date;
use crate::entities::{Entities, EntityKind, Mention, MentionKind};
use crate::lexicon::{self, lc, CueClass, Gender, Map, WordSet};
use crate::quotes::Quoted;
use crate::segment::{Segmentation, Token, TokenKind};
use crate::span::Span;

mod content;
mod cues;
mod documents;
mod speaker;
mod subject;
mod transcript;

use content::*;
use cues::*;
use speaker::*;
use subject::*;

/// The output of stage 4 for one article.
#[derive(Clone, Debug, Default)]
pub struct Attributions {
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Reported,
    Mixed,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// Who relayed a quote ("He repeated what X said").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relay {
    pub cue: Span,
    pub source: Option<Span>,
    pub speaker: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub content: Span,
    pub kind: QuoteKind,
    pub cue: Option<Span>,
    /// The cue verb's lemma ("say", "insist"), or "according to".
    pub cue_verb: Option<&'static str>,
    pub source: Option<Span>,
    /// The speaker: an index into [`Entities::entities`].
    pub speaker: Option<usize>,
    /// For a joint speaker ("They agreed"): every entity.
    pub speakers: Vec<usize>,
    /// A few quoted words inside a sentence rather than a quoted sentence.
    pub partial: bool,
    pub via: Option<Relay>,
    /// When the content is one speaker's turn interrupted by the attribution
    /// (“A,” she said. “B.”): the quoted pieces; the content covers them all.
    pub parts: Vec<Span>,
}

/// The speaker of a sentence's attribution: speaker, joint speakers, cue, source.
type SentenceSpeaker = (Option<usize>, Vec<usize>, Option<Span>, Option<Span>);

/// The last direct quote: paragraph, the sentence it (or its cue) ends in, speaker, joint speakers, and
/// its index in the output when a cue attributed it.
type Turn = (usize, usize, Option<usize>, Vec<usize>, Option<usize>);

/// Whether a quote that continues a cued quote in the same paragraph is
/// merged into it (one turn, PARC/PolNeAR style) or kept as its own quote.
const MERGE_TURNS: bool = true;

/// Whether the quoted words inside reported speech (a mixed quote) are also
/// quotes of their own (the seed gold's convention) or only part of the one
/// mixed item (PolNeAR's convention).
const FRAGMENTS_AS_QUOTES: bool = true;

/// Where a cue found its source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Before,
    After,
    None,
}

#[derive(Clone, Debug)]
struct Cue {
    /// Token range of the cue words.
    first: usize,
    end: usize,
    lemma: &'static str,
    class: CueClass,
    according: bool,
    participle: bool,
    /// Token range of the source, if any.
    source: Option<(usize, usize)>,
    side: Side,
    speaker: Option<usize>,
    speakers: Vec<usize>,
}

/// `data/attribution_words.txt`: every `WordSet` below is one of its sections.
const ATTRIBUTION_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/data/attribution_words.txt"));

/// Adverbs and auxiliaries skipped between a subject and its verb ("he also said", "she has said").
static ADVERBS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "adverbs");

/// Cue verbs that are also common nouns.
static NOUNY: WordSet = WordSet::section(ATTRIBUTION_WORDS, "nouny");

/// Forms of "be".
static BE: WordSet = WordSet::section(ATTRIBUTION_WORDS, "be");

/// Nouns of a text someone issues ("the statement said").
static DOCUMENTS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "documents");

/// Nouns of speech and their verbs ("claim" → claim, "warning" → warn).
fn cue_noun(lower: &str) -> Option<&'static str> {
    static NOUNS: std::sync::OnceLock<lexicon::Map<&'static str, &'static str>> = std::sync::OnceLock::new();
    let nouns = NOUNS.get_or_init(|| lexicon::section_entries(ATTRIBUTION_WORDS, "cue-nouns").into_iter().flat_map(|(verb, forms)| forms.split_whitespace().map(move |f| (f, verb))).collect());
    nouns.get(lower).copied()
}

/// Modal and auxiliary verbs (a phrase with one is a clause).
static AUXILIARIES: WordSet = WordSet::section(ATTRIBUTION_WORDS, "auxiliaries");

/// Determiners and possessives that start a noun phrase.
static DETERMINERS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "determiners");

/// Words that open a leading phrase before a sentence's subject.
static PHRASE_OPENERS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "phrase-openers");

/// Words that cannot be in a subject noun phrase.
static NOT_SUBJECT: WordSet = WordSet::section(ATTRIBUTION_WORDS, "not-subject");
static SPEAKS_FOR: WordSet = WordSet::section(ATTRIBUTION_WORDS, "speaks-for");
static RELATIONS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "relations");
static EVIDENCE: WordSet = WordSet::section(ATTRIBUTION_WORDS, "evidence");
static EVIDENCE_VERBS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "evidence-verbs");
static PLACE_NOUNS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "place-nouns");

/// Words that start a clause (a zero-"that" complement).
static CLAUSE_STARTERS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "clause-starters");

/// Words that do not start a zero-"that" complement.
static NOT_CLAUSE: WordSet = WordSet::section(ATTRIBUTION_WORDS, "not-clause");

/// Words that do not open a belief's or finding's clause without "that".
static NOT_FINDING: WordSet = WordSet::section(ATTRIBUTION_WORDS, "not-finding");

/// Verbs of telling: an object (the listener) comes before the content.
static TELLING: WordSet = WordSet::section(ATTRIBUTION_WORDS, "telling");

/// A weekday name or "today", "yesterday", "tonight", "tomorrow" (lower case).
fn is_day_word(lower: &str) -> bool {
    date::weekday_of_lower(lower).is_some() || matches!(lower, "today" | "yesterday" | "tonight" | "tomorrow")
}

/// A month name or abbreviation (lower case).
fn is_month_word(lower: &str) -> bool {
    date::month_of_lower(lower).is_some() || date::month_of_abbreviation(lower).is_some()
}

/// Nouns of a time of day or a period ("morning", "week").
static TIME_WORDS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "time-words");

/// Adjectives that, after a form of "be" and before "that", make a belief cue.
static BELIEF_ADJECTIVES: WordSet = WordSet::section(ATTRIBUTION_WORDS, "belief-adjectives");

fn is_open_mark(s: &str) -> bool {
    matches!(s, "“" | "\"" | "‘" | "'")
}

fn is_close_mark(s: &str) -> bool {
    matches!(s, "”" | "\"" | "’" | "'")
}

struct Ctx<'a> {
    body: &'a str,
    seg: &'a Segmentation,
    quoted: &'a [Quoted],
    ents: &'a Entities,
    tokens: &'a [Token],
    /// Per token: inside quotation marks (marks included).
    in_quote: Vec<bool>,
    /// Mentions outside quotes by end byte: the longest (earliest start) one.
    by_end: Map<usize, usize>,
}

impl<'a> Ctx<'a> {
    fn text(&self, k: usize) -> &'a str {
        self.tokens[k].span.text(self.body)
    }

    /// Token `k` in lower case, from the token table.
    fn lower(&self, k: usize) -> &'a str {
        self.seg.lower(k)
    }

    /// Whether token `k` is a possessive: a name's "'s", or with `pronoun`
    /// also "his", "her", "their", "its".
    #[inline(never)]
    fn possessive(&self, k: usize, pronoun: bool) -> bool {
        let t = self.text(k);
        // (and a plural's apostrophe: "protesters' demands", unless a
        // single quote opened shortly before: "'We are protesters' said")
        let opens = |q: usize| matches!(self.text(q), "'" | "‘") && self.tokens.get(q + 1).is_some_and(|n| n.span.start == self.tokens[q].span.end);
        let plural = matches!(t, "'" | "’") && k > 0 && self.tokens[k - 1].span.end == self.tokens[k].span.start && self.text(k - 1).ends_with('s') && !self.in_quote[k - 1] && !(k.saturating_sub(40)..k - 1).rev().take_while(|&q| !matches!(self.text(q), "." | "!" | "?")).any(opens);
        t.ends_with("'s") || t.ends_with("’s") || plural || pronoun && matches!(self.lower(k), "his" | "her" | "their" | "its")
    }

    fn is_word(&self, k: usize) -> bool {
        self.tokens[k].kind != TokenKind::Punct
    }

    /// The longest mention ending at the end of token `k` (outside quotes).
    #[inline(never)]
    fn mention_ending(&self, k: usize) -> Option<usize> {
        self.by_end.get(&self.tokens[k].span.end).copied()
    }

    fn mention_starting(&self, k: usize) -> Option<usize> {
        let start = self.tokens[k].span.start;
        let ms = &self.ents.mentions;
        let i = ms.partition_point(|m| m.span.start < start);
        ms[i..].iter().take_while(|m| m.span.start == start).enumerate().filter(|(_, m)| !m.in_quote).max_by_key(|(_, m)| m.span.end).map(|(j, _)| i + j)
    }

    /// The mentions starting at a byte in `from..=to`, with their indices, in
    /// order (the entity stage sorts mentions by start).
    fn mentions_starting_in(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, &'a Mention)> + 'a {
        let ms: &'a [Mention] = &self.ents.mentions;
        let i = ms.partition_point(|m| m.span.start < from);
        ms[i..].iter().enumerate().take_while(move |(_, m)| m.span.start <= to).map(move |(j, m)| (i + j, m))
    }

    /// The quoted regions (index, region) whose key (`outer.start`,
    /// `outer.end`, `content.start`: each non-decreasing, as the regions are
    /// disjoint and in text order) lies in `from..=to`, in order.
    fn quotes_by(&self, key: fn(&Quoted) -> usize, from: usize, to: usize) -> impl Iterator<Item = (usize, &'a Quoted)> + 'a {
        let qs: &'a [Quoted] = self.quoted;
        let i = qs.partition_point(|q| key(q) < from);
        qs[i..].iter().enumerate().take_while(move |(_, q)| key(q) <= to).map(move |(j, q)| (i + j, q))
    }

    /// The first token that starts at or after byte `byte`. Not inlined,
    /// like [`Ctx::token_end_at`].
    #[inline(never)]
    fn token_from(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < byte)
    }

    /// The first token that ends after byte `byte` (the token holding it, or
    /// the next one). Not inlined: every pass calls it, and its inlined
    /// copies cost the explorer's wasm 2 KB.
    #[inline(never)]
    fn token_end_at(&self, byte: usize) -> usize {
        self.tokens.partition_point(|t| t.span.end <= byte)
    }
}

/// Attributes the quotes and reported speech of one article.
pub fn attribute(body: &str, seg: &Segmentation, quoted: &[Quoted], ents: &Entities) -> Attributions {
    let tokens = &seg.tokens;
    let mut in_quote = vec![false; tokens.len()];
    for q in quoted {
        let a = tokens.partition_point(|t| t.span.start < q.outer.start);
        let b = tokens.partition_point(|t| t.span.end <= q.outer.end);
        for f in in_quote.iter_mut().take(b).skip(a) {
            *f = true;
        }
    }
    let mut by_end: Map<usize, usize> = Map::default();
    for (i, m) in ents.mentions.iter().enumerate().filter(|(_, m)| !m.in_quote) {
        let slot = by_end.entry(m.span.end).or_insert(i);
        if ents.mentions[*slot].span.start > m.span.start {
            *slot = i;
        }
    }
    debug_assert!(ents.mentions.windows(2).all(|w| w[0].span.start <= w[1].span.start), "mentions sorted by start");
    debug_assert!(
        quoted.windows(2).all(|w| w[0].content.start <= w[1].content.start && w[0].outer.start <= w[1].outer.start && w[0].outer.end <= w[1].outer.end && w[0].paragraph <= w[1].paragraph),
        "quoted regions disjoint and in text order"
    );
    let cx = Ctx { body, seg, quoted, ents, tokens, in_quote, by_end };
    let labels = transcript::label_counts(&cx);
    let mut out: Vec<Quote> = Vec::new();
    // quote index -> attributed
    let mut taken = vec![false; quoted.len()];
    // the end of a transcript turn: its paragraph's later sentences are in it
    let mut turn_end = 0;
    // the last transcript turn and its paragraph (an answer goes on in the next paragraph)
    let mut last_turn: Option<(usize, Quote)> = None;
    // sentence -> had an attribution with a speaker (for implicit continuation)
    let mut sentence_speaker: Vec<Option<SentenceSpeaker>> = vec![None; seg.sentences.len()];

    for (si, sentence) in seg.sentences.iter().enumerate() {
        if sentence.boilerplate || sentence.span.start < turn_end {
            continue;
        }
        let range = sentence.tokens.clone();
        if let Some(q) = transcript_turn(&cx, si, &labels, &mut last_turn, &mut taken) {
            turn_end = q.content.end;
            sentence_speaker[si] = Some((q.speaker, q.speakers.clone(), q.cue, q.source));
            out.push(q);
            continue;
        }
        let cues = find_cues(&cx, range.clone());
        if cues.is_empty() {
            if let Some(q) = name_colon_clause(&cx, range.clone(), &mut taken) {
                sentence_speaker[si] = Some((q.speaker, q.speakers.clone(), q.cue, q.source));
                out.push(q);
                continue;
            }
        }
        let mut consumed_until = range.start; // tokens before this are inside some content
        let mut relay: Option<Relay> = None;
        for cue in &cues {
            if cue.first < consumed_until && relay.is_none() {
                continue;
            }
            let cue_span = Span::new(tokens[cue.first].span.start, tokens[cue.end - 1].span.end);
            let source_span = cue.source.map(|(a, b)| Span::new(tokens[a].span.start, tokens[b - 1].span.end)).map(|s| trim_possessive(body, s));
            let make = |content: Span, kind: QuoteKind, partial: bool, relay: &Option<Relay>| Quote {
                content,
                kind,
                cue: Some(cue_span),
                cue_verb: Some(if cue.according { "according to" } else { cue.lemma }),
                source: source_span,
                speaker: cue.speaker,
                speakers: cue.speakers.clone(),
                partial,
                via: relay.clone(),
                parts: Vec::new(),
            };
            // Nested: "repeated what X said".
            if matches!(cue.lemma, "repeat" | "echo" | "reiterate" | "confirm") && cue.end < range.end && cx.lower(cue.end) == "what" {
                relay = Some(Relay { cue: cue_span, source: source_span, speaker: cue.speaker });
                continue;
            }
            let left = match (cue.side, cue.source) {
                (Side::Before, Some((a, _))) => a,
                _ => cue.first,
            };
            let right = match (cue.side, cue.source) {
                (Side::After, Some((_, b))) => b,
                _ => cue.end,
            };
            let mut produced = false;
            // 1. A quote right before the source and cue.
            // A clause after the cue wins over an unquoted clause before it
            // ("In a statement, X said the ...").
            // "The plant, Vance said, will open ...": the cue interrupts the clause.
            let interrupts = left > range.start && cx.text(left - 1) == "," && parenthetical_rest(&cx, right, range.end).is_some();
            let after = if interrupts { None } else { content_after(&cx, range.clone(), cue, right) };
            let has_after = after.is_some();
            // the content starts right after the cue ("said Kim's state is …")
            let right_after = after.is_some_and(|(c, _)| right < range.end && c.start == tokens[right].span.start);
            if !cue.according && !cue.participle {
                // (a quote that ended the previous sentence is not what "X said
                // Kim's state is ..." says)
                let sentence_start = tokens[range.start].span.start;
                if let Some(content) = content_before(&cx, range.clone(), left, right, consumed_until).filter(|c| !(right_after && c.start < sentence_start)) {
                    let qs = quotes_in(&cx, content);
                    let starts_with_quote = qs.first().is_some_and(|&qi| quoted[qi].outer.start <= content.start);
                    if starts_with_quote {
                        for qi in take_new(&qs, &mut taken) {
                            out.push(make(quoted[qi].content, QuoteKind::Direct, false, &relay));
                        }
                        // “Hopefully,” the president said, “this museum ...”: a
                        // sentence interrupted by the cue is one quote; a new
                        // sentence is another quote with the same cue.
                        // “A,” she said on Monday, referring to the bill, “b ...”: the
                        // cue phrase runs on before the turn resumes.
                        let resumed = || continuation_after(&cx, right, range.end).filter(|&qi| !taken[qi]);
                        if let Some(qi) = quote_right_after(&cx, right).filter(|&qi| !taken[qi]).or_else(resumed) {
                            taken[qi] = true;
                            let next = quoted[qi].content;
                            match out.last_mut() {
                                Some(prev) if prev.kind == QuoteKind::Direct && prev.cue == Some(cue_span) && continues_sentence(body, prev.content, next) => {
                                    prev.parts = vec![prev.content, next];
                                    prev.content = prev.content.cover(next);
                                }
                                _ => out.push(make(next, QuoteKind::Direct, false, &relay)),
                            }
                        }
                        produced = true;
                        // the quote, source and cue are used: a later cue's content starts after them
                        consumed_until = consumed_until.max(right);
                    } else if cue.class != CueClass::Act && !has_after {
                        let kind = reported_or_mixed(&qs);
                        out.push(make(content, kind, false, &relay));
                        for qi in take_new(&qs, &mut taken).into_iter().filter(|_| FRAGMENTS_AS_QUOTES) {
                            out.push(make(quoted[qi].content, QuoteKind::Mixed, true, &relay));
                        }
                        produced = true;
                        consumed_until = consumed_until.max(right).max(cx.token_end_at(content.end));
                    }
                }
            }
            // 4. "according to X": the rest of the sentence; a quoted
            // sentence after it is a direct quote ("According to X, “...”").
            if cue.according && cue.first == range.start {
                if let Some(qi) = quoted_sentence_after(&cx, right, range.end).filter(|&qi| !taken[qi]) {
                    taken[qi] = true;
                    out.push(make(quoted[qi].content, QuoteKind::Direct, false, &relay));
                    produced = true;
                    consumed_until = range.end;
                }
            }
            if cue.according && !produced {
                if let Some((content, parts)) = content_according(&cx, range.clone(), cue, consumed_until) {
                    let qs = quotes_in(&cx, content);
                    let kind = reported_or_mixed(&qs);
                    let mut q = make(content, kind, false, &relay);
                    q.parts = parts;
                    out.push(q);
                    for qi in take_new(&qs, &mut taken).into_iter().filter(|_| FRAGMENTS_AS_QUOTES) {
                        out.push(make(quoted[qi].content, QuoteKind::Mixed, true, &relay));
                    }
                    produced = true;
                    consumed_until = range.end;
                }
            }
            // 3. The clause after the cue.
            if !produced {
                if let Some((content, ends_at)) = content_after(&cx, range.clone(), cue, right) {
                    let qs = quotes_in(&cx, content);
                    let whole_quote = qs.len() == 1 && {
                        let q = quoted[qs[0]];
                        q.outer.start <= content.start && q.outer.end + 2 >= content.end
                    };
                    // "said that “...”", "called it “...”": quoted words in a reported clause
                    let naming = is_naming(cue.lemma) && cue.end == cue.first + 1;
                    let after_that = word_before(&cx, content.start, "that");
                    // "praised her on Twitter: “...”": a quoted sentence after a
                    // colon that ends the content is what was said
                    // (also a quote of several sentences that runs on past
                    // the content's end: "tweeted her reasoning saying, “A. B.”")
                    let spills = Some(quoted.partition_point(|q| q.outer.start <= content.start)).filter(|&qi| quoted.get(qi).is_some_and(|q| q.outer.start < content.end && q.outer.end > content.end && after_participle_cue(&cx, q.outer.start)));
                    let after_colon = qs.last().copied().or(spills).filter(|&qi| {
                        let q = quoted[qi];
                        q.outer.start > content.start && q.outer.end + 2 >= content.end && !is_partial(&cx, qi) && (word_before(&cx, q.outer.start, ":") || after_participle_cue(&cx, q.outer.start))
                    });
                    if let Some(qi) = after_colon {
                        if !taken[qi] {
                            taken[qi] = true;
                            out.push(make(quoted[qi].content, QuoteKind::Direct, false, &relay));
                        }
                    } else if whole_quote {
                        let qi = qs[0];
                        // "accused him of “…”", "promised jobs and “…”": quoted words in a phrase
                        let in_phrase = quoted[qi].outer.start > 0 && {
                            let open = cx.token_end_at(quoted[qi].outer.start);
                            open > 0 && matches!(cx.lower(open - 1), "of" | "and" | "or" | "as" | "for" | "about" | "with" | "like" | "than" | "into" | "from" | "by" | "a" | "an" | "the" | "his" | "her" | "their" | "its")
                        };
                        let kind = if after_that || naming || in_phrase { QuoteKind::Mixed } else { QuoteKind::Direct };
                        if !taken[qi] {
                            taken[qi] = true;
                            out.push(make(quoted[qi].content, kind, false, &relay));
                        }
                    } else if qs.first().is_some_and(|&qi| quoted[qi].outer.start <= content.start && (!is_partial(&cx, qi) || after_comma_or_colon(&cx, qi))) && !after_that {
                        // "said: “...” and more", "wrote, “We won,” on Twitter":
                        // the quotes are direct (not "claimed “a few words” the
                        // rest of the clause": mixed)
                        let kind = if naming { QuoteKind::Mixed } else { QuoteKind::Direct };
                        for qi in take_new(&qs, &mut taken) {
                            out.push(make(quoted[qi].content, kind, false, &relay));
                        }
                    } else {
                        let kind = reported_or_mixed(&qs);
                        out.push(make(content, kind, false, &relay));
                        for qi in take_new(&qs, &mut taken).into_iter().filter(|_| FRAGMENTS_AS_QUOTES) {
                            out.push(make(quoted[qi].content, QuoteKind::Mixed, true, &relay));
                        }
                    }
                    consumed_until = consumed_until.max(ends_at);
                    produced = true;
                }
            }
            // A quote right after the cue in the next sentence ("X said: “A. B.”").
            if !produced && !cue.according {
                if let Some(qi) = quote_right_after(&cx, right) {
                    if !taken[qi] {
                        taken[qi] = true;
                        out.push(make(quoted[qi].content, QuoteKind::Direct, false, &relay));
                        produced = true;
                    }
                }
            }
            if produced {
                relay = None;
                if cue.speaker.is_some() || sentence_speaker[si].is_none() {
                    sentence_speaker[si] = Some((cue.speaker, cue.speakers.clone(), Some(cue_span), source_span));
                }
            }
        }
        // Partial quotes in a sentence with a cue take its speaker.
        if sentence_speaker[si].is_none() {
            if let Some(cue) = cues.iter().find(|c| c.source.is_some()) {
                let cue_span = Span::new(tokens[cue.first].span.start, tokens[cue.end - 1].span.end);
                let source_span = cue.source.map(|(a, b)| trim_possessive(body, Span::new(tokens[a].span.start, tokens[b - 1].span.end)));
                sentence_speaker[si] = Some((cue.speaker, cue.speakers.clone(), Some(cue_span), source_span));
            }
        }
    }

    // Quotes no cue claimed: continuations and partial quotes.
    // paragraph, sentence, speaker, speakers, index in `out` of a cued quote
    let mut last_direct: Option<Turn> = None;
    // the cue, cue verb and source of the turn `last_direct` continues
    let mut turn_source: (Option<Span>, Option<&'static str>, Option<Span>) = (None, None, None);
    let mut order: Vec<usize> = (0..quoted.len()).collect();
    crate::sort::sort_by_key(&mut order, |&i| quoted[i].outer.start);
    let mut claimed_by: Vec<Option<usize>> = vec![None; quoted.len()];
    for (oi, q) in out.iter().enumerate() {
        if q.kind == QuoteKind::Direct {
            if let Some((qi, _)) = cx.quotes_by(|x| x.content.start, q.content.start, q.content.start).find(|(_, x)| x.content == q.content) {
                claimed_by[qi] = Some(oi);
            }
        }
    }
    for qi in order {
        let q = quoted[qi];
        let Some(si) = seg.sentence_at(q.content.start) else { continue };
        if seg.sentences[si].boilerplate {
            continue;
        }
        // the sentence the quote ends in (a turn resumes in the next one)
        let end_si = seg.sentence_at(q.content.end.saturating_sub(1)).unwrap_or(si).max(si);
        if let Some(oi) = claimed_by[qi] {
            let quote = &out[oi];
            // (“A?” she asked. “B.”: the turn resumes after the cue's sentence)
            let cue_si = quote.cue.and_then(|c| seg.sentence_at(c.start)).map_or(end_si, |c| c.max(end_si));
            last_direct = Some((q.paragraph, cue_si, quote.speaker, quote.speakers.clone(), quote.cue.map(|_| oi)));
            turn_source = (quote.cue, quote.cue_verb, quote.source);
            continue;
        }
        if taken[qi] {
            continue;
        }
        let partial = is_partial(&cx, qi);
        let kind = if partial { QuoteKind::Mixed } else { QuoteKind::Direct };
        if let Some(label) = transcript::label_at(&cx, cx.token_end_at(q.content.start), cx.token_end_at(q.content.end), &labels) {
            let content = Span::new(tokens[label.rest].span.start, q.content.end);
            out.push(Quote { content, kind: QuoteKind::Direct, cue: label.colon, cue_verb: label.colon.map(|_| ":"), source: Some(label.span), speaker: label.speaker, speakers: Vec::new(), partial: false, via: None, parts: Vec::new() });
            last_direct = Some((q.paragraph, end_si, label.speaker, Vec::new(), Some(out.len() - 1)));
            turn_source = (label.colon, label.colon.map(|_| ":"), Some(label.span));
            continue;
        }
        if !partial {
            if let Some((cue, mi)) = dash_or_colon_source(&cx, q) {
                let m = &ents.mentions[mi];
                out.push(Quote { content: q.content, kind, cue: Some(cue), cue_verb: Some(":"), source: Some(m.span), speaker: m.entity, speakers: m.members.clone(), partial, via: None, parts: Vec::new() });
                last_direct = Some((q.paragraph, end_si, m.entity, m.members.clone(), Some(out.len() - 1)));
                turn_source = (Some(cue), Some(":"), Some(m.span));
                continue;
            }
        }
        // "X praised her on Twitter: “...”": a quote after a colon that ends
        // a clause is said by that clause's subject.
        if !partial {
            if let Some((colon, (a, b))) = colon_clause_subject(&cx, q, si) {
                let source = Span::new(tokens[a].span.start, tokens[b - 1].span.end);
                let (speaker, speakers) = speaker_of(&cx, (a, b));
                if speaker.is_some() {
                    out.push(Quote { content: q.content, kind, cue: Some(colon), cue_verb: Some(":"), source: Some(source), speaker, speakers: speakers.clone(), partial, via: None, parts: Vec::new() });
                    last_direct = Some((q.paragraph, end_si, speaker, speakers, Some(out.len() - 1)));
                    turn_source = (Some(colon), Some(":"), Some(source));
                    continue;
                }
            }
        }
        let mut quote = Quote { content: q.content, kind, cue: None, cue_verb: None, source: None, speaker: None, speakers: Vec::new(), partial, via: None, parts: Vec::new() };
        if !partial {
            if let Some((p, psi, speaker, speakers, cued)) = last_direct.clone() {
                // The same speaker's turn right after the attribution, in the
                // same paragraph: one quote, when the quote opens the next
                // sentence (not "…,” she said on Twitter. Later she wrote, “…”,
                // nor after a sentence of other words between).
                let opens_sentence = body[seg.sentences[si].span.start..q.outer.start].trim().is_empty();
                if let Some(oi) = cued.filter(|_| p == q.paragraph && MERGE_TURNS && opens_sentence && si == psi + 1) {
                    let prev = &mut out[oi];
                    if prev.parts.is_empty() {
                        prev.parts.push(prev.content);
                    }
                    prev.parts.push(q.content);
                    prev.content = prev.content.cover(q.content);
                    last_direct = Some((p, end_si, speaker, speakers, cued));
                    continue;
                }
                let opens_paragraph = seg.paragraphs.get(q.paragraph).is_some_and(|para| q.outer.start == para.start);
                let prev_para_ok = opens_paragraph && q.paragraph == p + 1 && paragraph_is_quote_only(&cx, q.paragraph);
                if p == q.paragraph || prev_para_ok {
                    // the same turn: its speaker, and the source and cue it was attributed with
                    quote.speaker = speaker;
                    quote.speakers = speakers.clone();
                    (quote.cue, quote.cue_verb, quote.source) = turn_source;
                } else {
                    turn_source = (None, None, None);
                }
            }
            // “…,” she said. “…”: after a sentence whose cue named the speaker
            // in the same paragraph (the quote before it was partial or reported).
            let prev_sentence = si.checked_sub(1).filter(|&p| seg.sentences[p].paragraph == seg.sentences[si].paragraph);
            if let Some((speaker, speakers, cue, source)) = prev_sentence.and_then(|p| sentence_speaker[p].clone()).filter(|s| s.0.is_some() && quote.cue.is_none()) {
                quote.speaker = speaker;
                quote.speakers = speakers;
                (quote.cue, quote.source) = (cue, source);
            }
            last_direct = Some((q.paragraph, end_si, quote.speaker, quote.speakers.clone(), None));
        } else if let Some((speaker, speakers, cue, source)) = sentence_speaker[si].clone() {
            quote.speaker = speaker;
            quote.speakers = speakers;
            quote.cue = cue;
            quote.source = source;
        } else if si > 0 && seg.sentences[si - 1].paragraph == seg.sentences[si].paragraph {
            if let Some((speaker, speakers, _, _)) = sentence_speaker[si - 1].clone() {
                quote.speaker = speaker;
                quote.speakers = speakers;
            }
        }
        // A few quoted words in title case that nobody says are a title or a
        // name ("Face the Nation", "Hero of the Soviet Union"), not a quote.
        // (a label after a verb of naming is: "it was labeled “Largely Accurate.”")
        let open = cx.token_end_at(q.outer.start);
        let labelled = open > 0 && (matches!(cx.lower(open - 1), "labeled" | "labelled" | "rated") || lexicon::cue_verb(cx.text(open - 1)).is_some_and(|(lemma, _)| is_naming(lemma)));
        if partial && quote.cue.is_none() && quote.speaker.is_none() && quote.speakers.is_empty() && !labelled && is_title(q.content.text(body)) {
            continue;
        }
        out.push(quote);
    }
    crate::sort::sort_by_key(&mut out, |q| (q.content.start, q.content.end));
    out.dedup_by(|a, b| a.content == b.content);
    Attributions { quotes: out }
}

/// A transcript turn without quotation marks: the sentence `si` opens its
/// paragraph with a speaker label ("PENCE: Well, look…"), or, in a
/// transcript, opens the paragraph right after a turn's (the answer goes
/// on). The content is the rest of the paragraph, and the quotes inside it
/// are part of it. `last_turn` keeps the last turn and its paragraph.
fn transcript_turn(cx: &Ctx<'_>, si: usize, labels: &Map<&str, usize>, last_turn: &mut Option<(usize, Quote)>, taken: &mut [bool]) -> Option<Quote> {
    let sentence = &cx.seg.sentences[si];
    let p = sentence.paragraph;
    let para = *cx.seg.paragraphs.get(p)?;
    if para.start != sentence.span.start || sentence.tokens.is_empty() {
        return None;
    }
    let previous = last_turn.take().filter(|(tp, _)| tp + 1 == p && transcript::is_transcript(labels));
    if cx.in_quote[sentence.tokens.start] {
        return None;
    }
    let last = cx.token_end_at(para.end).checked_sub(1)?;
    let quote = match transcript::label_at(cx, sentence.tokens.start, sentence.tokens.end, labels) {
        Some(label) => Quote {
            content: Span::new(cx.tokens[label.rest].span.start, cx.tokens[last].span.end),
            kind: QuoteKind::Direct,
            cue: label.colon,
            cue_verb: label.colon.map(|_| ":"),
            source: Some(label.span),
            speaker: label.speaker,
            speakers: Vec::new(),
            partial: false,
            via: None,
            parts: Vec::new(),
        },
        None => {
            let (_, turn) = previous?;
            Quote { content: Span::new(cx.tokens[sentence.tokens.start].span.start, cx.tokens[last].span.end), ..turn }
        }
    };
    take_new(&quotes_in(cx, quote.content), taken);
    *last_turn = Some((p, quote.clone()));
    Some(quote)
}

/// "Pat Lee: Voters Are Worried About the Economy": a name, a colon and a
/// clause of at least three words (headline style): reported speech, or mixed
/// with its quoted words (taken). A quote right after the colon is left to
/// [`dash_or_colon_source`].
fn name_colon_clause(cx: &Ctx<'_>, range: std::ops::Range<usize>, taken: &mut [bool]) -> Option<Quote> {
    let mi = cx.mention_starting(range.start)?;
    let m = &cx.ents.mentions[mi];
    if m.kind != MentionKind::Name {
        return None;
    }
    let colon = cx.token_from(m.span.end);
    if colon + 1 >= range.end || cx.text(colon) != ":" || cx.in_quote[colon + 1] {
        return None;
    }
    let mut last = range.end;
    while last > colon + 1 && !cx.in_quote[last - 1] && matches!(cx.text(last - 1), "." | "," | "!" | "?" | ";" | ":") {
        last -= 1;
    }
    let words = (colon + 1..last).filter(|&j| cx.is_word(j)).count();
    if words < 3 {
        return None;
    }
    let content = Span::new(cx.tokens[colon + 1].span.start, cx.tokens[last - 1].span.end);
    let qs = quotes_in(cx, content);
    let kind = reported_or_mixed(&qs);
    if !FRAGMENTS_AS_QUOTES {
        take_new(&qs, taken);
    }
    Some(Quote {
        content,
        kind,
        cue: Some(cx.tokens[colon].span),
        cue_verb: Some(":"),
        source: Some(m.span),
        speaker: m.entity,
        speakers: m.members.clone(),
        partial: false,
        via: None,
        parts: Vec::new(),
    })
}

/// “...” ― Esther Tapia: a dash and a name after the quote, ending the
/// paragraph; or "Name: ‘...’" at the start of a sentence. Returns the cue
/// (the dash or colon) and the mention.
fn dash_or_colon_source(cx: &Ctx<'_>, q: Quoted) -> Option<(Span, usize)> {
    let body = cx.body;
    let para = cx.seg.paragraphs[q.paragraph];
    let after = &body[q.outer.end..para.end];
    let trimmed = after.trim_start();
    if let Some(dash) = trimmed.chars().next().filter(|c| matches!(c, '―' | '—' | '–' | '-')) {
        let dash_start = q.outer.end + (after.len() - trimmed.len());
        let rest = &trimmed[dash.len_utf8()..];
        let name_start = dash_start + dash.len_utf8() + (rest.len() - rest.trim_start().len());
        let mi = cx.mentions_starting_in(name_start, name_start).find(|(_, m)| m.kind == MentionKind::Name).map(|(i, _)| i)?;
        let tail = body.get(cx.ents.mentions[mi].span.end..para.end).unwrap_or("").trim();
        if tail.is_empty() || tail == "." || tail.starts_with(',') {
            return Some((Span::new(dash_start, dash_start + dash.len_utf8()), mi));
        }
        return None;
    }
    let si = cx.seg.sentence_at(q.outer.start)?;
    let sentence = cx.seg.sentences[si].span;
    let before = body[sentence.start..q.outer.start].trim_end();
    let colon = before.strip_suffix(':')?;
    let name_end = sentence.start + colon.trim_end().len();
    let mi = cx.mentions_starting_in(sentence.start, sentence.start).find(|(_, m)| m.span.end == name_end && m.kind == MentionKind::Name).map(|(i, _)| i)?;
    let colon_at = sentence.start + colon.len();
    Some((Span::new(colon_at, colon_at + 1), mi))
}

/// For a quote right after a colon that ends a clause of its sentence
/// ("Mary Quant described Day to the BBC: “...”"): the colon and the
/// clause's subject (a mention the entity stage saw as a subject).
fn colon_clause_subject(cx: &Ctx<'_>, q: Quoted, si: usize) -> Option<(Span, (usize, usize))> {
    let sentence = &cx.seg.sentences[si];
    let open = cx.token_end_at(q.outer.start);
    let colon = open.checked_sub(1).filter(|&c| c > sentence.tokens.start && cx.text(c) == ":" && !cx.in_quote[c])?;
    let subject = first_subject(cx, sentence.tokens.start, colon)?;
    Some((cx.tokens[colon].span, subject))
}

/// The number of words of `text`, counted up to `most` (a content can run
/// to the end of a long sentence: counting it all for each cue is quadratic).
fn words_up_to(text: &str, most: usize) -> usize {
    text.split_whitespace().take(most).count()
}

/// Whether `text` is a few words in title case: at most four, the first
/// and every one of over three letters capitalised ("Hero of the Soviet
/// Union", "COVID-19").
fn is_title(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let capital = |w: &str| w.chars().find(|c| c.is_alpha()).is_none_or(char::is_upper);
    words.clone().take(5).count() <= 4 && words.next().is_some_and(capital) && words.all(|w| w.len() <= 3 || capital(w))
}

/// A possessive source ("Tillerson's") keeps only the name.
fn trim_possessive(body: &str, span: Span) -> Span {
    let text = span.text(body);
    for suffix in ["'s", "’s"] {
        if text.ends_with(suffix) && text.len() > suffix.len() {
            return Span::new(span.start, span.end - suffix.len());
        }
    }
    span
}

/// Indices of the quoted regions whose marks lie inside `span`.
/// The regions are in text order (sorted by content start) and a region's
/// content lies inside its marks: only those whose content starts in `span`
/// can qualify.
fn quotes_in(cx: &Ctx<'_>, span: Span) -> Vec<usize> {
    let from = cx.quoted.partition_point(|q| q.content.start < span.start);
    cx.quoted[from..]
        .iter()
        .take_while(|q| q.content.start <= span.end)
        .enumerate()
        .filter(|(_, q)| span.start <= q.outer.start && q.outer.end <= span.end + 1 && q.content.end <= span.end)
        .map(|(i, _)| from + i)
        .collect()
}

/// Whether a quote is a few words inside running text rather than a quoted
/// sentence: it does not open its sentence (or follow a cue and colon/comma),
/// or it has at most three words and no final punctuation.
fn is_partial(cx: &Ctx<'_>, qi: usize) -> bool {
    let q = cx.quoted[qi];
    let text = q.content.text(cx.body);
    let words = words_up_to(text, 4);
    let Some(si) = cx.seg.sentence_at(q.outer.start) else { return true };
    let sentence = cx.seg.sentences[si].span;
    let before = cx.body[sentence.start..q.outer.start].trim_end();
    let capital = text.starts_with(|c: char| c.is_upper());
    let capital_sentence = capital && text.ends_with(['.', '!', '?']);
    let opens = before.is_empty() || before.ends_with(':') || before.chars().all(|c| !c.is_alnum());
    // (“...,” or a quoted sentence right after the verb: 'chanted "What now?"',
    // not after a passive: 'was labeled “Mostly True.”')
    let after_cue = (before.ends_with(',') || capital_sentence) && {
        let mut words = before.trim_end_matches(',').rsplit(char::is_whitespace);
        let last_word = words.next().unwrap_or("");
        let passive = words.next().is_some_and(|w| BE.contains(lc(w).as_ref()));
        lexicon::cue_verb(last_word).is_some() && (before.ends_with(',') || !passive)
    };
    !((opens || after_cue) && (words >= 4 || capital_sentence))
}

/// Whether the quote `qi` opens right after a comma or colon ("wrote, “We won”").
fn after_comma_or_colon(cx: &Ctx<'_>, qi: usize) -> bool {
    let open = cx.token_end_at(cx.quoted[qi].outer.start);
    open > 0 && matches!(cx.text(open - 1), "," | ":")
}

fn paragraph_is_quote_only(cx: &Ctx<'_>, p: usize) -> bool {
    let para = cx.seg.paragraphs[p];
    let covered: usize = cx.quotes_by(|q| q.paragraph, p, p).map(|(_, q)| q.outer.len()).sum();
    covered * 10 >= para.len() * 9
}

/// The quote that starts right after token `right` (skipping a colon, comma
/// or dash), possibly in the next sentence of the paragraph.
fn quote_right_after(cx: &Ctx<'_>, right: usize) -> Option<usize> {
    let mut k = right;
    while k < cx.tokens.len() && matches!(cx.text(k), ":" | "," | "—" | "-" | "–") {
        k += 1;
    }
    if k >= cx.tokens.len() || k == right && right > 0 && cx.text(right - 1) != ":" {
        return None;
    }
    let start = cx.tokens[k].span.start;
    cx.quotes_by(|q| q.outer.start, start, start).next().map(|(i, _)| i)
}

/// The quote right after token `right` and a comma or colon that runs to
/// the end of the sentence (or beyond) and has four words or more: a quoted
/// sentence ("According to X, “...”").
fn quoted_sentence_after(cx: &Ctx<'_>, right: usize, end: usize) -> Option<usize> {
    let qi = quote_right_after(cx, right)?;
    let q = cx.quoted[qi];
    // (a quote running past the sentence end leaves no rest)
    let last = cx.tokens[end.checked_sub(1)?].span.end;
    let ends_sentence = cx.body.get(q.outer.end..last).unwrap_or("").chars().all(|c| !c.is_alnum());
    (ends_sentence && words_up_to(q.content.text(cx.body), 4) >= 4).then_some(qi)
}

/// Whether the token before byte `at` (skipping a comma: "that, “...”") is
/// `word` (lower case).
fn word_before(cx: &Ctx<'_>, at: usize, word: &str) -> bool {
    let Some(mut j) = cx.token_end_at(at).checked_sub(1) else { return false };
    if cx.text(j) == "," && j > 0 {
        j -= 1;
    }
    cx.lower(j) == word
}

/// Whether byte `at` follows a speech participle and a comma ("…
/// reasoning saying, “...”").
fn after_participle_cue(cx: &Ctx<'_>, at: usize) -> bool {
    let j = cx.token_end_at(at);
    j >= 2 && cx.text(j - 1) == "," && cx.lower(j - 2).ends_with("ing") && lexicon::cue_verb(cx.text(j - 2)).is_some_and(|(_, c)| c == CueClass::Say)
}

/// Whether the quote `next` goes on with the sentence of the quote `prev`
/// interrupted by the cue: it starts in lower case, or with "I" after a
/// comma (“If you ask,” she said, “I would go.”).
fn continues_sentence(body: &str, prev: Span, next: Span) -> bool {
    let text = next.text(body);
    let pronoun_i = text.strip_prefix('I').is_some_and(|rest| rest.starts_with([' ', '\'', '’']));
    text.starts_with(char::is_lower) || (pronoun_i && body[prev.end..].starts_with(','))
}

/// How many tokens after a cue an interrupted turn may resume.
const RESUME_WITHIN: usize = 24;

/// The quote that resumes an interrupted turn later in the sentence: the
/// quote before the cue ends with a comma (`“A,” he said …`), the words
/// between the cue (ending at token `right`) and the next quote have no
/// sentence or clause break and end with a comma or "but"/"and", and the
/// next quote starts in lower case.
fn continuation_after(cx: &Ctx<'_>, right: usize, end: usize) -> Option<usize> {
    let cue_start = cx.tokens[right.checked_sub(1)?].span.start;
    let before = cx.quoted.partition_point(|q| q.outer.end <= cue_start);
    let prev = cx.quoted.get(before.checked_sub(1)?)?;
    let closes_with_comma = cx.body[prev.content.end..prev.outer.end].starts_with(',');
    // (a few words at most: a long sentence is not scanned again for each cue)
    let k = (right..end.min(right + RESUME_WITHIN)).find(|&k| cx.in_quote[k])?;
    let (qi, next) = cx.quotes_by(|q| q.outer.start, cx.tokens[k].span.start, cx.tokens[k].span.start).next()?;
    let between = (right..k).map(|j| cx.text(j));
    let no_break = between.clone().all(|t| !matches!(t, "." | "!" | "?" | ";" | ":" | "—" | "–"));
    let joins = k > right && matches!(cx.lower(k - 1), "," | "but" | "and");
    let lower = next.content.text(cx.body).starts_with(char::is_lower);
    (closes_with_comma && no_break && joins && lower).then_some(qi)
}

/// The quotes among `qs` not yet attributed, now marked as taken.
fn take_new(qs: &[usize], taken: &mut [bool]) -> Vec<usize> {
    qs.iter().copied().filter(|&qi| !std::mem::replace(&mut taken[qi], true)).collect()
}

/// Reported speech, or mixed when it contains quoted words.
fn reported_or_mixed(qs: &[usize]) -> QuoteKind {
    if qs.is_empty() {
        QuoteKind::Reported
    } else {
        QuoteKind::Mixed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn quotes(text: &str) -> Vec<(String, &'static str, Option<String>)> {
        let seg = segment(text);
        let q = crate::quotes::find(text, &seg);
        let e = crate::entities::resolve(text, &seg, &q);
        let a = attribute(text, &seg, &q, &e);
        a.quotes.iter().map(|x| (x.content.text(text).to_string(), x.kind.as_str(), x.speaker.map(|s| e.entities[s].name.clone()))).collect()
    }

    #[test]
    fn basic() {
        let got = quotes("“We won,” Jane Roe said. “It was hard.”\nShe said that the team was tired.");
        assert_eq!(got, [
            // one turn interrupted by the attribution is one quote (with parts)
            ("We won,” Jane Roe said. “It was hard.".to_string(), "direct", Some("Jane Roe".to_string())),
            ("the team was tired".to_string(), "reported", Some("Jane Roe".to_string())),
        ]);
    }

    #[test]
    fn every_list_is_a_section_of_the_data_file() {
        let names: Vec<&str> = lexicon::sections(ATTRIBUTION_WORDS).collect();
        for (name, list) in [("adverbs", &ADVERBS), ("nouny", &NOUNY), ("be", &BE), ("auxiliaries", &AUXILIARIES), ("documents", &DOCUMENTS), ("determiners", &DETERMINERS), ("clause-starters", &CLAUSE_STARTERS), ("not-clause", &NOT_CLAUSE), ("not-finding", &NOT_FINDING), ("telling", &TELLING),  ("time-words", &TIME_WORDS), ("belief-adjectives", &BELIEF_ADJECTIVES), ("phrase-openers", &PHRASE_OPENERS), ("not-subject", &NOT_SUBJECT), ("speaks-for", &SPEAKS_FOR), ("relations", &RELATIONS), ("evidence", &EVIDENCE), ("evidence-verbs", &EVIDENCE_VERBS), ("place-nouns", &PLACE_NOUNS)] {
            assert!(names.contains(&name), "[{name}] is missing from data/attribution_words.txt");
            assert!(!list.words().is_empty(), "[{name}] is empty");
        }
        assert_eq!(cue_noun("warnings"), Some("warn"), "[cue-nouns] in data/attribution_words.txt");
        assert_eq!(names.len(), 20, "{names:?}");
    }
}
