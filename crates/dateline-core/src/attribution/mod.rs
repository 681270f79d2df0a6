//! Stage 4, **Attribution**: who said what ([`Attributions`]).
//!
//! Every quote has a content span, a kind (direct, reported, mixed), the cue
//! (the verb or "according to"), the source mention at the cue and the
//! resolved speaker entity (none when the source cannot be resolved: never a
//! guess).
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

mod documents;
mod transcript;

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
static EVIDENCE: WordSet = WordSet::section(ATTRIBUTION_WORDS, "evidence");
static EVIDENCE_VERBS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "evidence-verbs");
static PLACE_NOUNS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "place-nouns");

/// Words that start a clause (a zero-"that" complement).
static CLAUSE_STARTERS: WordSet = WordSet::section(ATTRIBUTION_WORDS, "clause-starters");

/// Words that do not start a zero-"that" complement.
static NOT_CLAUSE: WordSet = WordSet::section(ATTRIBUTION_WORDS, "not-clause");

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

    /// The token index whose span ends at or before `byte`, at or after `from`.
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
                    let after_colon = qs.last().copied().filter(|&qi| {
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
                            let open = cx.tokens.partition_point(|t| t.span.end <= quoted[qi].outer.start);
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
    let colon = cx.tokens.partition_point(|t| t.span.start < m.span.end);
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
    let open = cx.tokens.partition_point(|t| t.span.end <= cx.quoted[qi].outer.start);
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
    let Some(mut j) = cx.tokens.partition_point(|t| t.span.end <= at).checked_sub(1) else { return false };
    if cx.text(j) == "," && j > 0 {
        j -= 1;
    }
    cx.lower(j) == word
}

/// Whether byte `at` follows a speech participle and a comma ("…
/// reasoning saying, “...”").
fn after_participle_cue(cx: &Ctx<'_>, at: usize) -> bool {
    let j = cx.tokens.partition_point(|t| t.span.end <= at);
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

/// A headline in title case: three capitalised words or more, and in lower
/// case only short function words ("of", "to", "in", "and"). (The word
/// classes of [`crate::tag`] would tell more, at the cost of their tables in
/// the explorer, which does not tag.)
fn is_title_case(cx: &Ctx<'_>, range: std::ops::Range<usize>) -> bool {
    let mut caps = 0;
    for k in range.filter(|&k| cx.tokens[k].kind == TokenKind::Word) {
        if cx.text(k).starts_with(char::is_upper) {
            caps += 1;
        } else if !matches!(cx.lower(k), "a" | "an" | "the" | "of" | "in" | "on" | "at" | "to" | "for" | "and" | "or" | "but" | "by" | "from" | "with" | "as" | "vs" | "is" | "be") {
            return false;
        }
    }
    caps >= 3
}

/// Finds the cues of one sentence, with their sources.
fn find_cues(cx: &Ctx<'_>, range: std::ops::Range<usize>) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    // "Former Doctor Says Clinton Hid Health Problems": in a title-case
    // headline a capitalised verb is a cue too
    let title_case = is_title_case(cx, range.clone());
    let mut k = range.start;
    while k < range.end {
        if cx.in_quote[k] || !cx.is_word(k) {
            k += 1;
            continue;
        }
        let w = cx.text(k);
        let lower = lc(w);
        // "according to X"
        if lower == "according" && k + 1 < range.end && cx.lower(k + 1) == "to" {
            let source = np_after(cx, k + 2, range.end);
            let (speaker, speakers) = source.map(|s| speaker_of(cx, s)).unwrap_or((None, Vec::new()));
            cues.push(Cue { first: k, end: k + 2, lemma: "according to", class: CueClass::Say, according: true, participle: false, source, side: Side::After, speaker, speakers });
            k += 2;
            continue;
        }
        // "be confident that"
        if BELIEF_ADJECTIVES.contains(lower.as_ref()) && k > range.start && BE.contains(cx.lower(k - 1)) && k + 1 < range.end && cx.lower(k + 1) == "that" {
            let src = subject_before(cx, k - 1, range.start);
            if let Some(source) = src {
                let (speaker, speakers) = speaker_of(cx, source);
                cues.push(Cue { first: k - 1, end: k + 1, lemma: "be confident", class: CueClass::Think, according: false, participle: false, source: Some(source), side: Side::Before, speaker, speakers });
            }
            k += 1;
            continue;
        }
        // "Trump's claim that …", "issued a warning that …": a noun of speech
        let before_that = k + 1 < range.end && cx.lower(k + 1) == "that" && !cx.in_quote[k + 1];
        if let Some(lemma) = cue_noun(lower.as_ref()).filter(|_| before_that) {
            if let Some(cue) = noun_cue(cx, k, lemma, range.start) {
                cues.push(cue);
            }
            k += 1;
            continue;
        }
        let Some((lemma, class)) = lexicon::cue_verb(w) else {
            k += 1;
            continue;
        };
        // "state media reported": the first word of a longer mention is no verb
        let opens_mention = cx.mention_starting(k).is_some_and(|mi| cx.ents.mentions[mi].span.end > cx.tokens[k].span.end);
        // "Having said that, …", "That said, …": an idiom, nobody speaks
        let idiom = k > range.start && k + 2 < range.end && cx.lower(k - 1) == "having" && cx.lower(k + 1) == "that" && cx.text(k + 2) == ","
            || k == range.start + 1 && k + 1 < range.end && matches!(cx.lower(k - 1), "that" | "this") && cx.text(k + 1) == ",";
        if idiom {
            k += 1;
            continue;
        }
        if opens_mention || !w.starts_with(|c: char| c.is_lower()) && !(title_case && k > range.start && class == CueClass::Say) {
            k += 1;
            continue;
        }
        let prev = prev_word(k, range.start);
        let prev_lower = prev.map(|p| cx.lower(p)).unwrap_or_default();
        // "is demanding", "is once again questioning": a progressive is a finite verb
        // whose subject comes before the form of "be".
        let be_at = progressive_be(cx, k, range.start).filter(|_| lower.ends_with("ing"));
        let participle = lower.ends_with("ing") && be_at.is_none();
        let noun_like = DETERMINERS.contains(prev_lower) || prev.is_some_and(|p| cx.text(p).ends_with("'s") || cx.text(p).ends_with("’s"));
        // "in a Facebook post on Tuesday, called it": a noun after a name
        // ("the EastMed project, which …": such a noun before punctuation)
        let in_medium = noun_after_name(cx, k, lemma)
            && (k >= range.start + 3 && matches!(cx.lower(k - 3), "in" | "on" | "via" | "during") && (k + 1 >= range.end || cx.lower(k + 1) != "that") || k + 1 < range.end && matches!(cx.text(k + 1), "," | ";" | ")"));
        // "was accused", "was previously accused", "has been widely reported"
        let before_adverbs = (range.start..k).rev().find(|&j| !ADVERBS.contains(cx.lower(j)) && !(cx.lower(j).ends_with("ly") && cx.lower(j).len() > 4));
        let passive = before_adverbs.is_some_and(|j| BE.contains(cx.lower(j))) && !lower.ends_with("ing");
        // "as noted", "as reported": a comment clause, no source
        let as_clause = prev_lower == "as";
        // "one million confirmed infections", "two reported cases": an adjective
        let after_number = lower.ends_with("ed")
            && prev.is_some_and(|p| cx.tokens[p].kind == TokenKind::Number || matches!(prev_lower.as_ref(), "million" | "billion" | "thousand" | "hundred" | "dozen"))
            && k + 1 < range.end
            && cx.text(k + 1).starts_with(char::is_lower)
            && !CLAUSE_STARTERS.contains(cx.lower(k + 1))
            && !matches!(cx.lower(k + 1), "that" | "to");
        let infinitive = prev_lower == "to";
        // "was described by Johnson as …": the agent of a passive speaks
        if passive && class == CueClass::Say && k + 1 < range.end && cx.lower(k + 1) == "by" {
            if let Some(source) = np_after(cx, k + 2, range.end).filter(|&(a, b)| cx.mentions_starting_in(cx.tokens[a].span.start, cx.tokens[b - 1].span.start).next().is_some()) {
                let (speaker, speakers) = speaker_of(cx, source);
                cues.push(Cue { first: k, end: k + 2, lemma, class, according: false, participle: false, source: Some(source), side: Side::After, speaker, speakers });
                k = source.1;
                continue;
            }
        }
        // "an investigation into alleged misconduct": an -ed word after a preposition is an adjective
        let after_preposition = lower.ends_with("ed") && matches!(prev_lower.as_ref(), "into" | "of" | "for" | "with" | "about" | "from" | "over" | "against" | "in" | "on" | "at" | "by" | "amid" | "despite" | "among" | "between");
        // "six states", "the U.S. state of Ohio", "Maryland state law": after a
        // number or a place, a word of [place-nouns] is the noun
        let place_noun = PLACE_NOUNS.contains(lemma)
            && prev.is_some_and(|p| cx.tokens[p].kind == TokenKind::Number || cx.mention_ending(p).is_some_and(|mi| cx.ents.mentions[mi].entity.is_some_and(|e| cx.ents.entities[e].kind == EntityKind::Place)));
        if noun_like || in_medium || place_noun || passive || infinitive || after_number || after_preposition || as_clause {
            k += 1;
            continue;
        }
        // Particles that belong to the cue.
        let mut end = k + 1;
        let next_lower = if end < range.end { cx.lower(end) } else { "" };
        match lemma {
            "call" if matches!(next_lower.as_ref(), "for" | "on") => end += 1,
            // "he continued." / "she continued: “...”", not "talks are continuing" or "continued to fall"
            "continue" if be_at.is_some() || (end < range.end && cx.is_word(end) && !cx.in_quote[end] && next_lower != "that") => {
                k += 1;
                continue;
            }
            _ if is_naming(lemma) && !names_with_quote(cx, end, range.end) && !(lemma == "call" && names_as(cx, end, range.end)) => {
                k += 1;
                continue;
            }
            "point" => {
                if matches!(next_lower.as_ref(), "to" | "out") {
                    end += 1;
                } else {
                    k += 1;
                    continue;
                }
            }
            _ => {}
        }
        // "Polls show a close race": after a subject of evidence, a verb of
        // showing takes its object as content
        // (not "found on the Internet"; with "that", a belief cue as before)
        let shown = class == CueClass::Think
            && EVIDENCE_VERBS.contains(lemma)
            && end < range.end
            && !PHRASE_OPENERS.contains(cx.lower(end))
            && !has_that_soon(cx, end, range.end)
            && subject_before(cx, k, range.start).is_some_and(|(a, b)| (a..b).any(|j| EVIDENCE.contains(cx.lower(j))));
        let class = if shown { CueClass::Act } else { class };
        if class == CueClass::Think && !has_that_soon(cx, end, range.end) {
            k += 1;
            continue;
        }
        if participle {
            // ", adding that ...": the source is that of the main clause.
            let after_comma = k > range.start && matches!(cx.text(k - 1), "," | "—" | "-");
            // "made headlines saying that ...": without a comma, only a speech
            // verb with "that" right after it.
            let with_that = class == CueClass::Say && end < range.end && cx.lower(end) == "that";
            // "tweeted her reasoning saying, “...”": a quote right after it
            // ("asking her, “...”": an object pronoun first)
            let object = usize::from(end + 1 < range.end && matches!(cx.lower(end), "him" | "her" | "them" | "me" | "us" | "you"));
            let with_quote = class == CueClass::Say && quote_right_after(cx, end + object).is_some() && end + object < range.end && matches!(cx.text(end + object), "," | ":");
            if !after_comma && !with_that && !with_quote {
                k += 1;
                continue;
            }
            // (not the cue of a restrictive relative clause: "defended not
            // paying an architect who said he was cheated, saying, “...”")
            let main = cues.iter().rev().find(|c| c.source.is_some_and(|s| !restrictive_relative(cx, s))).cloned();
            // "footage of Hillary Clinton asking, “...”": the name right before it
            let doer = (!after_comma).then(|| cx.mention_ending(k - 1)).flatten().map(|mi| {
                let m = &cx.ents.mentions[mi];
                (cx.tokens.partition_point(|t| t.span.end <= m.span.start), k)
            });
            let (source, speaker, speakers) = match (doer, main) {
                (Some(d), _) => {
                    let (sp, sps) = speaker_of(cx, d);
                    (Some(d), sp, sps)
                }
                (None, Some(c)) => (c.source, c.speaker, c.speakers),
                (None, None) => {
                    let s = opening_subject(cx, range.start, k).or_else(|| first_subject(cx, range.start, k));
                    let (sp, sps) = s.map(|s| speaker_of(cx, s)).unwrap_or((None, Vec::new()));
                    (s, sp, sps)
                }
            };
            cues.push(Cue { first: k, end, lemma, class, according: false, participle: true, source, side: Side::None, speaker, speakers });
            k = end;
            continue;
        }
        // Source: before, or after (inverted) when the verb follows a comma or quote.
        let inverted_slot = k == range.start || (k > range.start && matches!(cx.text(k - 1), "," | "”" | "\"" | "’" | "'"));
        let after_comma = k > range.start && cx.text(k - 1) == ",";
        let mut cue = Cue { first: k, end, lemma, class, according: false, participle: false, source: None, side: Side::None, speaker: None, speakers: Vec::new() };
        if after_comma {
            if let Some(s) = subject_before(cx, k, range.start) {
                cue.source = Some(s);
                cue.side = Side::Before;
            }
        }
        if inverted_slot && cue.source.is_none() {
            // After a plain comma, "said the union" must end there ("..., said
            // the union." but not "..., said the union expected").
            if let Some(s) = np_after(cx, end, range.end).filter(|&(_, b)| !after_comma || inverted_np_ends(cx, b, range.end)) {
                cue.source = Some(s);
                cue.side = Side::After;
            }
        }
        if cue.source.is_none() {
            if let Some(s) = subject_before(cx, be_at.unwrap_or(k), range.start) {
                cue.source = Some(s);
                cue.side = Side::Before;
            }
        }
        // "... and said": the subject of the coordinated verb.
        // ("and repeatedly says"; "…, I laughed and said": the subject of
        // the verb before "and" when it opens a new clause)
        let conj = adverbs_before(cx, k, range.start).checked_sub(1).filter(|&a| a > range.start && matches!(cx.lower(a), "and" | "but"));
        if let (None, Some(a)) = (cue.source, conj) {
            let main = cues.iter().rev().find(|c| c.source.is_some()).map(|c| c.source);
            let main = coordinated_subject(cx, a, range.start, &cues).map(Some).or(main).unwrap_or_else(|| first_subject(cx, range.start, k));
            if let Some(s) = main {
                cue.source = Some(s);
                cue.side = Side::None;
            }
        }
        // Present forms of verbs that are also nouns ("attack", "reports")
        // need a known mention as subject.
        let present = lower == lemma || lower.ends_with('s');
        if present && NOUNY.contains(lemma) && cue.side == Side::Before {
            let is_mention = cue.source.is_some_and(|(a, b)| {
                let span = Span::new(cx.tokens[a].span.start, cx.tokens[b - 1].span.end);
                cx.mentions_starting_in(span.start, span.end).any(|(_, m)| span.contains(m.span) && trim_possessive(cx.body, span).end == m.span.end)
            });
            // "leaders warn that ...", "rebels claim they ...": a complement clause makes it a verb
            let that_follows = end < range.end && matches!(cx.lower(end), "that" | "he" | "she" | "they" | "we" | "i" | "it");
            if !is_mention && !that_follows {
                cue.source = None;
            }
        }
        if let Some(s) = cue.source {
            let (speaker, speakers) = speaker_of(cx, s);
            cue.speaker = speaker;
            cue.speakers = speakers;
            cues.push(cue);
        }
        k = end;
    }
    cues
}

/// The first of the adverbs right before token `k` ("and repeatedly
/// says"): `k` itself when there are none.
fn adverbs_before(cx: &Ctx<'_>, k: usize, start: usize) -> usize {
    let mut j = k;
    while j > start && !cx.in_quote[j - 1] && {
        let w = cx.lower(j - 1);
        ADVERBS.contains(w) || (w.ends_with("ly") && w.len() > 4 && !cx.text(j - 1).starts_with(char::is_upper))
    } {
        j -= 1;
    }
    j
}

/// The subject of a past-tense verb right before the "and" at `a` ("I
/// laughed and said"), when it is the subject of a new clause: no cue with
/// a source comes before it, or it follows a comma after them ("when my
/// mother mentioned it, I laughed and said"; not "she said he failed and
/// added").
fn coordinated_subject(cx: &Ctx<'_>, a: usize, start: usize, cues: &[Cue]) -> Option<(usize, usize)> {
    let verb = a.checked_sub(1).filter(|&v| v > start && !cx.in_quote[v] && cx.text(v).starts_with(char::is_lower))?;
    let lower = cx.lower(verb);
    if !crate::time::past_form(lower.as_ref()) {
        return None;
    }
    let subject = subject_before(cx, verb, start)?;
    let after_comma = subject.0 > start && cx.text(subject.0 - 1) == ",";
    let sourced = cues.iter().filter(|c| c.source.is_some());
    let before_it = sourced.clone().all(|c| c.end <= subject.0);
    (before_it && (after_comma || sourced.count() == 0)).then_some(subject)
}

/// Verbs that name or characterise their object ("called it a “farce”"):
/// cues only with quoted words after a short object.
fn is_naming(lemma: &str) -> bool {
    matches!(lemma, "call" | "brand" | "dub" | "term")
}

/// "called the plan a “disaster”", "branded the North an “outlaw nation”":
/// after a naming verb, a short object and then quoted words, before any
/// clause break. The quoted words are what the subject called it.
fn names_with_quote(cx: &Ctx<'_>, from: usize, end: usize) -> bool {
    (from..end.min(from + 8)).take_while(|&j| cx.in_quote[j] || !matches!(cx.text(j), "," | ";" | "." | ":" | "—")).any(|j| cx.in_quote[j])
}

/// "called her vote a mistake", "called it a common ailment": after "call",
/// an object (a determiner, pronoun or name first) and then "a"/"an"
/// starting the name given to it, before any clause break. Not "called
/// the office a day later".
fn names_as(cx: &Ctx<'_>, from: usize, end: usize) -> bool {
    if from >= end || cx.in_quote[from] || !cx.is_word(from) {
        return false;
    }
    let first = cx.lower(from);
    let object_start = DETERMINERS.contains(first) || matches!(first.as_ref(), "it" | "him" | "her" | "them" | "this" | "that" | "his" | "their" | "its") || cx.text(from).starts_with(char::is_upper);
    let article = (from + 1..end.min(from + 10)).take_while(|&j| cx.is_word(j) && !cx.in_quote[j]).find(|&j| matches!(cx.lower(j), "a" | "an"));
    let named = article.is_some_and(|j| j + 1 < end && cx.is_word(j + 1) && !TIME_WORDS.contains(cx.lower(j + 1)) && !matches!(cx.lower(j + 1), "day" | "few" | "lot" | "bit" | "number" | "couple"));
    object_start && named
}

/// The cue of a noun of speech at `k` ("claim" before "that"): its source
/// is the possessor before it ("Trump's claim", "his warning"), else the
/// subject of the clause it is the object of ("The ministry issued a
/// warning that"), else none.
fn noun_cue(cx: &Ctx<'_>, k: usize, lemma: &'static str, start: usize) -> Option<Cue> {
    let mut cue = Cue { first: k, end: k + 1, lemma, class: CueClass::Say, according: false, participle: false, source: None, side: Side::None, speaker: None, speakers: Vec::new() };
    let possessor = k.checked_sub(1).filter(|&p| p >= start && !cx.in_quote[p]).filter(|&p| {
        let t = cx.text(p);
        t.ends_with("'s") || t.ends_with("’s") || matches!(cx.lower(p), "his" | "her" | "their" | "its")
    });
    let source = match possessor {
        Some(p) => {
            // the possessive name may be several words: "Donald Trump's"
            let first = cx.mentions_starting_in(cx.tokens[start].span.start, cx.tokens[p].span.start).filter(|(_, m)| m.span.end >= cx.tokens[p].span.start && m.span.start <= cx.tokens[p].span.start).map(|(_, m)| cx.tokens.partition_point(|t| t.span.end <= m.span.start)).next().unwrap_or(p);
            Some((first, p + 1))
        }
        None => first_subject(cx, start, k),
    };
    if let Some(s) = source {
        let (speaker, speakers) = speaker_of(cx, s);
        (cue.source, cue.side, cue.speaker, cue.speakers) = (Some(s), Side::Before, speaker, speakers);
    }
    Some(cue)
}

/// Whether an inverted source ending at token `b` ends its clause.
fn inverted_np_ends(cx: &Ctx<'_>, b: usize, end: usize) -> bool {
    if b >= end {
        return true;
    }
    let w = cx.lower(b);
    !cx.is_word(b) || is_day_word(w.as_ref()) || matches!(w.as_ref(), "in" | "on" | "at" | "during" | "after" | "before" | "of" | "to" | "with" | "from" | "as" | "this" | "last" | "earlier" | "later" | "when" | "while" | "who" | "adding" | "according")
}

/// The form of "be" of a progressive ending at the participle `k` ("is
/// demanding", "is once again questioning"), skipping adverbs.
fn progressive_be(cx: &Ctx<'_>, k: usize, start: usize) -> Option<usize> {
    let mut j = k;
    while j > start && j + 4 > k {
        let w = cx.lower(j - 1);
        if matches!(w.as_ref(), "is" | "are" | "was" | "were" | "'s" | "’s" | "am" | "been") {
            return Some(j - 1);
        }
        let adverb = ADVERBS.contains(w) && !matches!(w.as_ref(), "has" | "have" | "had") || (w.ends_with("ly") && w.len() > 4);
        if !adverb {
            return None;
        }
        j -= 1;
    }
    None
}

fn prev_word(k: usize, start: usize) -> Option<usize> {
    (k > start).then(|| k - 1)
}

fn has_that_soon(cx: &Ctx<'_>, k: usize, end: usize) -> bool {
    (k..end.min(k + 5)).any(|j| cx.lower(j) == "that" && !cx.in_quote[j])
}

/// The speaker entity of a source token range, with "he"/"she" checked
/// against the speaker's gender.
fn speaker_of(cx: &Ctx<'_>, source: (usize, usize)) -> (Option<usize>, Vec<usize>) {
    let (speaker, speakers) = mention_speaker(cx, source);
    if speaker.is_none() {
        if let Some(issuer) = documents::issuer(cx, source) {
            return issuer;
        }
    }
    if source.1 != source.0 + 1 {
        return (speaker, speakers);
    }
    let gender = match cx.lower(source.0) {
        "he" => Gender::Male,
        "she" => Gender::Female,
        _ => return (speaker, speakers),
    };
    (pronoun_speaker(cx, source.0, gender, speaker), speakers)
}

/// The person a "he"/"she" at token `k` refers to: the last person before
/// it whose gender is known to agree, unless the entity stage's choice (of
/// agreeing or unknown gender) or a person of unknown gender comes first;
/// none when the choice disagrees and nothing agrees (never a guess).
fn pronoun_speaker(cx: &Ctx<'_>, k: usize, gender: Gender, chosen: Option<usize>) -> Option<usize> {
    let ents = &cx.ents.entities;
    let person_gender = |e: usize| (ents[e].kind == EntityKind::Person).then_some(ents[e].gender);
    let chosen_gender = chosen.and_then(person_gender);
    if chosen_gender == Some(gender) {
        return chosen;
    }
    let fallback = chosen.filter(|_| chosen_gender == Some(Gender::Unknown));
    let start = cx.tokens[k].span.start;
    let ms = &cx.ents.mentions;
    let before = ms.partition_point(|m| m.span.start < start);
    for m in ms[..before].iter().rev().take(60).filter(|m| !m.in_quote && m.members.is_empty()) {
        match m.entity.and_then(|e| person_gender(e).map(|g| (e, g))) {
            Some((e, g)) if g == gender => return Some(e),
            Some((e, _)) if Some(e) == chosen => return fallback,
            Some((_, Gender::Unknown)) => return fallback,
            _ => {}
        }
    }
    fallback
}

/// The speaker entity of a source token range: the mention covering its end.
fn mention_speaker(cx: &Ctx<'_>, (a, b): (usize, usize)) -> (Option<usize>, Vec<usize>) {
    // (without an abbreviation's period: "Acme Inc.")
    let b = b - usize::from(b > a + 1 && cx.text(b - 1) == ".");
    let span = Span::new(cx.tokens[a].span.start, cx.tokens[b - 1].span.end);
    // A mention ending where the source ends (the head of the phrase), or
    // covering the whole source.
    // Mentions are sorted by start: those starting at the source's start, and
    // those starting inside it.
    let at_start = || cx.mentions_starting_in(span.start, span.start).map(|(_, m)| m);
    let inside = || cx.mentions_starting_in(span.start, span.end).map(|(_, m)| m);
    let ends_person = || inside().any(|m| m.span.end == span.end && m.entity.is_some_and(|e| cx.ents.entities[e].kind == EntityKind::Person));
    // (the first name of the phrase: "study author Ann Lee of Acme")
    let first_name = inside().next().map_or(span.start, |m| m.span.start);
    // (not a lower-case role before "of": "the president of Turkey" is no
    // earlier president)
    let after = |m: &Mention| cx.body[m.span.end..span.end].trim_start_matches([',', ' ']).split_whitespace().next();
    let person_of = cx.mentions_starting_in(first_name, first_name).map(|(_, m)| m).find(|m| {
        !m.in_quote
            && !(m.kind == MentionKind::Role && after(m) == Some("of") && m.span.text(cx.body).rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_lower)))
            && m.span.end < span.end
            && m.entity.is_some_and(|e| match cx.ents.entities[e].kind {
                EntityKind::Person => true,
                EntityKind::Organization | EntityKind::Group => !ends_person(),
                _ => false,
            })
            && matches!(after(m), Some("of" | "at" | "from" | "in"))
    });
    let best = person_of.or_else(|| {
        inside()
            .filter(|m| !m.in_quote && span.contains(m.span) && (trim_possessive(cx.body, span).end == m.span.end || m.span == span))
            .max_by_key(|m| m.span.len())
    });
    let best = best.or_else(|| {
        // the first mention of a short phrase like "Tillerson and Lavrov"
        at_start().find(|m| !m.in_quote && span.contains(m.span) && !m.members.is_empty())
    });
    // "who"/"which": the mention right before it (", who said").
    if best.is_none() && matches!(span.text(cx.body), "who" | "which" | "Who") {
        let mut k = a;
        while k > 0 && matches!(cx.text(k - 1), ",") {
            k -= 1;
        }
        if k > 0 {
            if let Some(mi) = cx.mention_ending(k - 1) {
                let m = &cx.ents.mentions[mi];
                return (m.entity, m.members.clone());
            }
        }
    }
    // "a Hampshire Police spokesman": who the head speaks for (documents:
    // `documents::issuer`)
    if best.is_none() && b >= a + 2 && SPEAKS_FOR.contains(cx.lower(b - 1)) {
        if let Some(m) = documents::owner(cx, a, b - 1) {
            return (m.entity, m.members.clone());
        }
    }
    // "the governor of Ohio": Ohio is no speaker ("a spokesman for Acme":
    // Acme is; see the `speaks-for` words)
    if let Some(m) = best {
        let first = name_list_start(cx, m, a);
        let of = first - usize::from(first > a && (cx.lower(first - 1) == "the" || cx.text(first - 1).ends_with("'s") || cx.text(first - 1).ends_with("’s")));
        if head_before_complement(cx, of, a).is_some_and(|h| !SPEAKS_FOR.contains(cx.lower(h)) && !DOCUMENTS.contains(cx.lower(h))) {
            return (None, Vec::new());
        }
    }
    match best {
        Some(m) => {
            // conjoined: "Tillerson and Lavrov said"
            let conj = at_start().find(|x| x.members.len() >= 2 && x.kind == MentionKind::Name);
            if let Some(c) = conj.filter(|_| m.kind == MentionKind::Name && span.start != m.span.start) {
                return (c.members.first().copied(), c.members.clone());
            }
            (m.entity, m.members.clone())
        }
        None => (organisation_by_head(cx, a, b), Vec::new()),
    }
}

/// The first token of the name that heads a phrase whose complement starts
/// at token `of`, after "of", "at", "from" or "in" and maybe a comma: a
/// person ("Mr. Morgan of the Sierra Club", "Anderson Cooper, of CNN,"), or
/// an organisation or group unless the complement is a person ("the Aam
/// Aadmi Party in Goa", not "House of Commons Speaker John Bercow").
fn named_head(cx: &Ctx<'_>, of: usize, start: usize, complement_person: bool) -> Option<usize> {
    if of < start + 2 || !matches!(cx.lower(of - 1), "of" | "at" | "from" | "in") {
        return None;
    }
    let before = if of >= start + 3 && cx.text(of - 2) == "," { of - 3 } else { of - 2 };
    let head = &cx.ents.mentions[cx.mention_ending(before)?];
    let heads = match head.entity.map(|e| cx.ents.entities[e].kind) {
        Some(EntityKind::Person) => true,
        Some(EntityKind::Organization | EntityKind::Group) => !complement_person,
        _ => false,
    };
    heads.then(|| cx.tokens.partition_point(|t| t.span.end <= head.span.start).max(start))
}

/// The first token of a list of names that ends with "and" or "or" and the
/// name `m` ("Ohio, Texas, and Utah"), else the first token of `m`.
fn name_list_start(cx: &Ctx<'_>, m: &Mention, start: usize) -> usize {
    let mut list = cx.tokens.partition_point(|t| t.span.end <= m.span.start).max(start);
    if m.kind != MentionKind::Name || list == start || !matches!(cx.text(list - 1), "and" | "or") {
        return list;
    }
    let mut p = list - 1;
    loop {
        p -= usize::from(p > start && cx.text(p - 1) == ",");
        let Some(mi) = (p > start).then(|| cx.mention_ending(p - 1)).flatten().filter(|&mi| cx.ents.mentions[mi].kind == MentionKind::Name) else {
            return list;
        };
        list = cx.tokens.partition_point(|t| t.span.end <= cx.ents.mentions[mi].span.start).max(start);
        p = list;
        if p == start || cx.text(p - 1) != "," {
            return list;
        }
    }
}

/// The lower-case head noun before the preposition that opens a name's
/// phrase ("governor" in "the governor of Ohio", "spokesman" in "a
/// spokesman for the ministry"); `of` is the token after the preposition.
fn head_before_complement(cx: &Ctx<'_>, of: usize, start: usize) -> Option<usize> {
    let prep = of.checked_sub(1).filter(|&p| p > start && matches!(cx.lower(p), "of" | "for" | "at" | "from" | "in"))?;
    let head = prep - 1;
    let word = cx.text(head);
    (cx.is_word(head) && !cx.in_quote[head] && word.starts_with(char::is_lower) && lexicon::cue_verb(word).is_none() && !BE.contains(word) && !AUXILIARIES.contains(word)).then_some(head)
}

/// A generic source whose head noun names an organisation mentioned before
/// ("police" after "the Oakdale Police Department", "the agency" after "the
/// Environmental Protection Agency"): the most recent such organisation. The
/// head must be a word of the organisation's name, so "officials" or "the
/// government" stay unresolved.
fn organisation_by_head(cx: &Ctx<'_>, a: usize, b: usize) -> Option<usize> {
    if b != a + 1 && !(b == a + 2 && cx.lower(a) == "the") {
        return None;
    }
    let head = cx.text(b - 1);
    if !head.starts_with(char::is_lower) || head.len() < 4 {
        return None;
    }
    let start = cx.tokens[a].span.start;
    let ms = &cx.ents.mentions;
    let before = ms.partition_point(|m| m.span.start < start);
    ms[..before].iter().rev().take(60).filter_map(|m| m.entity).find(|&e| {
        let ent = &cx.ents.entities[e];
        ent.kind == EntityKind::Organization && ent.name.split_whitespace().any(|w| w.eq_ignore_ascii_case(head))
    })
}

/// The subject right before the verb at `k`: (first token, end token).
/// Three passes: skip what stands between the subject and its verb
/// ([`skip_to_subject`]), then take the name ([`named_subject`]) or the
/// noun phrase ([`generic_subject`]) that ends there.
fn subject_before(cx: &Ctx<'_>, k: usize, start: usize) -> Option<(usize, usize)> {
    let (a, b) = match skip_to_subject(cx, k, start)? {
        Skipped::Source(source) => source,
        Skipped::To(j) => {
            if j == start || cx.in_quote[j - 1] || !cx.is_word(j - 1) {
                return None;
            }
            match cx.mention_ending(j - 1) {
                Some(mi) => named_subject(cx, mi, j - 1, start),
                None => generic_subject(cx, j - 1, start)?,
            }
        }
    };
    // "Acme Inc. said": the source keeps the abbreviation's period
    Some((a, if b < k && cx.text(b) == "." { b + 1 } else { b }))
}

/// Where [`skip_to_subject`] stopped.
enum Skipped {
    /// The subject ends before this token.
    To(usize),
    /// A name set off by commas is the whole source ("the union leader, Sam
    /// Ortiz, said").
    Source((usize, usize)),
}

/// Skips back from the verb at `k` over adverbs, times, an abbreviation's
/// period, a short parenthetical and phrases set off by commas.
fn skip_to_subject(cx: &Ctx<'_>, k: usize, start: usize) -> Option<Skipped> {
    let mut j = k;
    while j > start {
        let w = cx.lower(j - 1);
        // "Acme Inc. said": a period inside the sentence ends an abbreviation
        if w == "." && j >= start + 2 && cx.is_word(j - 2) && cx.tokens[j - 2].span.end == cx.tokens[j - 1].span.start {
            j -= 1;
            continue;
        }
        // (capitalised only at the sentence's start: "USA Today noted")
        if (ADVERBS.contains(w) || w.ends_with("ly") && w.len() > 4) && (j - 1 == start || !cx.text(j - 1).starts_with(char::is_upper)) {
            j -= 1;
            continue;
        }
        // "the court this month rejected", "the mayor on Tuesday said"
        if j >= start + 2 && (TIME_WORDS.contains(w) || is_day_word(w.as_ref())) && matches!(cx.lower(j - 2), "this" | "last" | "next" | "on" | "earlier" | "later") {
            j -= 2;
            continue;
        }
        // "who in 2010 said", "the minister in March told"
        if j >= start + 2 && (is_month_word(w.as_ref()) || w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())) && cx.lower(j - 2) == "in" {
            j -= 2;
            continue;
        }
        // ", however," / ", meanwhile," / ", a top Assad backer,"
        if w == "," {
            match comma_phrase(cx, j, start)? {
                CommaPhrase::Skip(p) => {
                    j = p;
                    continue;
                }
                CommaPhrase::AfterName(p) => {
                    j = p;
                    break;
                }
                CommaPhrase::Source(source) => return Some(Skipped::Source(source)),
            }
        }
        break;
    }
    // "Rep. Elijah E. Cummings (D-Md.) said": skip a short parenthetical.
    if j > start + 1 && cx.text(j - 1) == ")" {
        if let Some(o) = (start.max(j.saturating_sub(8))..j - 1).rev().find(|&q| cx.text(q) == "(") {
            j = o;
        }
    }
    Some(Skipped::To(j))
}

/// What a phrase between two commas before a verb is.
enum CommaPhrase {
    /// An aside to skip; the subject ends before this token.
    Skip(usize),
    /// An appositive of the name that ends before this token: that name is
    /// the subject.
    AfterName(usize),
    /// A name set off by commas (after a role noun) is the source.
    Source((usize, usize)),
}

/// The phrase ending with the comma before token `j` (", however,", ", a
/// top Assad backer,", ", Sam Ortiz,"), or `None` when it is a clause.
fn comma_phrase(cx: &Ctx<'_>, j: usize, start: usize) -> Option<CommaPhrase> {
    let p = (start..j - 1).rev().find(|&p| cx.text(p) == ",")?;
    let inner: Vec<&str> = (p + 1..j - 1).map(|q| cx.lower(q)).collect();
    // after a name, any short phrase without a cue is an appositive
    let mut name_end = p;
    if name_end > start && cx.text(name_end - 1) == ")" {
        if let Some(o) = (start..name_end - 1).rev().find(|&q| cx.text(q) == "(") {
            name_end = o;
        }
    }
    let after_name = name_end > start && cx.mention_ending(name_end - 1).is_some_and(|mi| cx.ents.mentions[mi].kind == MentionKind::Name);
    let appositive = !inner.is_empty()
        && inner.len() <= if after_name { 24 } else { 8 }
        && (after_name || inner.len() <= 2 || matches!(inner[0], "a" | "an" | "the" | "who" | "which" | "whose" | "its" | "his" | "her" | "their" | "for" | "in" | "on" | "at"))
        // ", the losses would outstrip the gains," is a clause ("who has served" is not)
        && (matches!(inner[0], "who" | "which" | "whose") || !inner.iter().any(|x| AUXILIARIES.contains(x)))
        // ", and the talks failed," is a clause
        && !matches!(inner[0], "and" | "but" | "or" | "so")
        && !inner.iter().enumerate().any(|(i, &x)| (x == "that" && !(relative_that(&inner, i) || after_name && i > 1)) || lexicon::cue_verb(x).is_some_and(|(lemma, c)| c == CueClass::Say && !(i > 1 && noun_after_name(cx, p + 1 + i, lemma))) && !x.ends_with("ing") && x != "who" && !noun_after(&inner, i) && cx.text(p + 1 + i).starts_with(char::is_lower));
    // "The governor of Ohio, Mike DeWine, said": the person
    // named between the commas is the source (below)
    let is_person = |mi: usize| cx.ents.mentions[mi].entity.is_some_and(|e| cx.ents.entities[e].kind == EntityKind::Person);
    let person_between = cx.mention_ending(j - 2).is_some_and(|mi| is_person(mi) && cx.ents.mentions[mi].span.start == cx.tokens[p + 1].span.start)
        && !cx.mention_ending(name_end - 1).is_some_and(is_person);
    if appositive && after_name && !person_between {
        return Some(CommaPhrase::AfterName(name_end));
    }
    // "the union leader, Sam Ortiz, said": the name is the source
    // (before its acronym: ", the Syrian Democratic Forces (SDF),")
    let name_last = match cx.text(j - 2) {
        ")" => (p + 2..j - 2).rev().find(|&q| cx.text(q) == "(").map_or(j - 2, |o| o - 1),
        _ => j - 2,
    };
    if let Some(mi) = cx.mention_ending(name_last) {
        let m = &cx.ents.mentions[mi];
        // (after a lower-case role noun or two: ", herpetologist Ann Lee,")
        let role_words = (p + 1..j - 1).take_while(|&q| cx.tokens[q].span.start < m.span.start).collect::<Vec<_>>();
        let role_only = role_words.len() <= 6 && role_words.iter().all(|&q| cx.is_word(q) && cx.text(q).starts_with(char::is_lower));
        if m.kind == MentionKind::Name && m.span.start >= cx.tokens[p + 1].span.start && role_only {
            // the source spans the noun phrase and its name
            let mut first = p;
            while first > start && first + 6 > p && cx.is_word(first - 1) && !cx.in_quote[first - 1] {
                first -= 1;
                if DETERMINERS.contains(cx.lower(first)) {
                    break;
                }
            }
            return Some(CommaPhrase::Source((first, name_last + 1)));
        }
    }
    (appositive && p > start).then_some(CommaPhrase::Skip(p))
}

/// The subject when a name ends at token `last` (mention `mi`): the name,
/// a list of names, or the phrase the name completes ("the governor of
/// Ohio", "Mr. Morgan of the Sierra Club").
fn named_subject(cx: &Ctx<'_>, mi: usize, last: usize, start: usize) -> (usize, usize) {
    let m = &cx.ents.mentions[mi];
    let first = cx.tokens.partition_point(|t| t.span.end <= m.span.start);
    // "Tillerson and Lavrov"
    if first >= start + 2 && cx.lower(first - 1) == "and" {
        if let Some(mj) = cx.mention_ending(first - 2) {
            if !cx.ents.mentions[mj].members.is_empty() {
                let f2 = cx.tokens.partition_point(|t| t.span.end <= cx.ents.mentions[mj].span.start);
                return (f2, last + 1);
            }
        }
    }
    // "Mr. Morgan of the Sierra Club", "Ann Lee of Australia's Acme
    // University": the person before "of" is the head; "the governors
    // of Ohio, Texas and Utah": the whole list is the complement.
    let mut of = name_list_start(cx, m, start);
    if of > start && (cx.lower(of - 1) == "the" || cx.text(of - 1).ends_with("'s") || cx.text(of - 1).ends_with("’s")) {
        of -= 1;
    }
    let complement_person = m.entity.is_some_and(|e| cx.ents.entities[e].kind == EntityKind::Person);
    if let Some(head) = named_head(cx, of, start, complement_person) {
        return (head, last + 1);
    }
    // "The governor of Ohio said": a lower-case head noun before the
    // preposition heads the subject; the name is its complement.
    if let Some(head) = head_before_complement(cx, of, start) {
        return (np_start(cx, head, start), last + 1);
    }
    (first.max(start), last + 1)
}

/// The subject when no name ends at token `last`: a pronoun, or a generic
/// noun phrase back to a determiner or a clause boundary.
fn generic_subject(cx: &Ctx<'_>, last: usize, start: usize) -> Option<(usize, usize)> {
    // A possessive name ("Tillerson's") is not a subject of the verb.
    let lw = cx.lower(last);
    if matches!(lw.as_ref(), "i" | "we" | "you" | "it" | "who" | "which" | "that" | "this" | "there") {
        return if matches!(lw.as_ref(), "that" | "there" | "this") { None } else { Some((last, last + 1)) };
    }
    let mut first = np_start(cx, last, start);
    // "a report by the state auditor": the head noun and its complement
    if first >= start + 2 && matches!(cx.lower(first - 1), "by" | "of" | "from") && cx.is_word(first - 2) && !cx.in_quote[first - 2] {
        let outer = np_start(cx, first - 2, start);
        if outer < first - 2 && DETERMINERS.contains(cx.lower(outer)) {
            first = outer;
        }
    }
    // "Ann Lee of the county health office": the name before "of" is the head
    if let Some(head) = named_head(cx, first, start, false) {
        return Some((head, last + 1));
    }
    // Heads that are not nouns (prepositions, conjunctions) make no subject.
    if matches!(lw.as_ref(), "of" | "to" | "in" | "on" | "at" | "for" | "with" | "by" | "and" | "or" | "but" | "the" | "a" | "an" | "not" | "also" | "when" | "where" | "while" | "as" | "if" | "because") || AUXILIARIES.contains(lw) || BE.contains(lw) {
        return None;
    }
    // "the banner at the hall read", "protesters marching through the
    // streets chanted": the noun phrase is the object of a preposition; the
    // subject comes before it.
    if first > start && matches!(cx.lower(first - 1), "at" | "in" | "on" | "from" | "through" | "near" | "inside" | "outside" | "across" | "around" | "along" | "under" | "behind") {
        let mut p = first - 1;
        if p > start && cx.lower(p - 1).ends_with("ing") {
            p -= 1;
        }
        // (within twelve tokens, so chains of phrases stay linear)
        return subject_before(cx, p, start.max(p.saturating_sub(12))).filter(|&(_, e)| e == p).map(|(outer, _)| (outer, last + 1));
    }
    Some((first, last + 1))
}

/// The token after a clock time starting at token `k` ("11:30", "11:30 am",
/// "9 p.m.", with a short parenthetical such as "(1830 UTC)" after it).
fn clock_time(cx: &Ctx<'_>, k: usize, end: usize) -> Option<usize> {
    let number = |j: usize| j < end && cx.tokens[j].kind == TokenKind::Number;
    if !number(k) {
        return None;
    }
    let minutes = k + 2 < end && cx.text(k + 1) == ":" && number(k + 2);
    let mut j = if minutes { k + 3 } else { k + 1 };
    let meridiem = j < end && matches!(cx.lower(j), "am" | "pm" | "a.m" | "p.m" | "a.m." | "p.m.");
    if !minutes && !meridiem {
        return None;
    }
    j += usize::from(meridiem);
    j += usize::from(j < end && cx.text(j) == "." && cx.tokens[j - 1].span.end == cx.tokens[j].span.start);
    if j < end && cx.text(j) == "(" {
        if let Some(close) = (j + 1..end.min(j + 5)).find(|&q| cx.text(q) == ")") {
            j = close + 1;
        }
    }
    Some(j)
}

/// Whether the cue word at token `k` is a noun after a determiner and a name
/// ("a Facebook post", "the Kremlin statement"): written as its lemma.
fn noun_after_name(cx: &Ctx<'_>, k: usize, lemma: &str) -> bool {
    k >= 2 && cx.lower(k) == lemma && DETERMINERS.contains(cx.lower(k - 2)) && capitalised_word(cx, k - 1)
}

/// Whether the cue-like word at `i` of a phrase is a noun: after a
/// preposition or determiner ("in remarks to ABC", "in a statement").
fn noun_after(inner: &[&str], i: usize) -> bool {
    i > 0 && (DETERMINERS.contains(inner[i - 1]) || matches!(inner[i - 1], "in" | "of" | "with" | "after" | "during" | "his" | "her" | "their" | "its"))
}

/// Whether the "that" at `i` of an appositive is a relative pronoun ("the
/// agency that oversees the program"): the phrase starts with an article
/// and the word before "that" is no cue verb.
fn relative_that(inner: &[&str], i: usize) -> bool {
    i > 1 && matches!(inner[0], "a" | "an" | "the") && lexicon::cue_verb(&inner[i - 1]).is_none()
}

/// The first token of a generic noun phrase ending at token `last`: back to
/// a determiner or a clause boundary, at most eight words. A cue verb right
/// after a determiner is a noun ("the state auditor").
fn np_start(cx: &Ctx<'_>, last: usize, start: usize) -> usize {
    let mut first = last;
    let mut words = 0;
    while first > start && words < 8 {
        let p = first - 1;
        let pw = cx.lower(p);
        let after_determiner = p > start && DETERMINERS.contains(cx.lower(p - 1));
        if !cx.is_word(p) || cx.in_quote[p] || matches!(pw.as_ref(), "that" | "which" | "who" | "and" | "but" | "or" | "if" | "when" | "because" | "while" | "as" | "after" | "before" | "since" | "by" | "of" | "from") || lexicon::cue_verb(&pw).is_some() && !DETERMINERS.contains(pw) && !after_determiner {
            break;
        }
        first = p;
        words += 1;
        if DETERMINERS.contains(pw) {
            break;
        }
    }
    first
}

/// The first subject-like mention of the sentence before token `k`.
fn first_subject(cx: &Ctx<'_>, start: usize, k: usize) -> Option<(usize, usize)> {
    let a = cx.tokens[after_dateline(cx, start, k)].span.start;
    let b = cx.tokens[k].span.start;
    let (_, m) = cx.mentions_starting_in(a, b).find(|(_, m)| m.subject && !m.in_quote && m.span.end <= b)?;
    let first = cx.tokens.partition_point(|t| t.span.end <= m.span.start);
    let end = cx.token_end_at(m.span.end) + usize::from(cx.tokens.get(cx.token_end_at(m.span.end)).is_some_and(|t| t.span.start < m.span.end));
    Some((first, end.max(first + 1)))
}

/// The first token after a dateline or heading in capitals that opens a
/// sentence before token `k` ("BRUSSELS — Leaders met …", "A NEW PLAN -
/// The council …"), else `start`.
fn after_dateline(cx: &Ctx<'_>, start: usize, k: usize) -> usize {
    const DATELINE_WORDS: usize = 8;
    // (a few words at most, so every cue of a long sentence looks at few)
    let caps = (start..k).take(DATELINE_WORDS + 1).take_while(|&j| cx.is_word(j) && cx.text(j).chars().any(char::is_upper) && !cx.text(j).chars().any(char::is_lower)).count();
    let dash = start + caps;
    if caps > 0 && caps <= DATELINE_WORDS && dash + 1 < k && matches!(cx.text(dash), "-" | "—" | "–") {
        dash + 1
    } else {
        start
    }
}

/// Whether a source is the pronoun of a restrictive relative clause ("an
/// architect who said"): "who", "which" or "that" right after a word, not
/// after a comma (", who said" goes on about the same person).
fn restrictive_relative(cx: &Ctx<'_>, (a, b): (usize, usize)) -> bool {
    b == a + 1 && a > 0 && matches!(cx.lower(a), "who" | "which" | "that") && cx.is_word(a - 1)
}

/// How far into a sentence [`opening_subject`] looks for its subject.
const OPENING_WITHIN: usize = 16;

/// The subject that opens the sentence starting at token `start`, before
/// token `k`: after a leading adverbial phrase and its comma ("At the
/// fair, the band leader called …"), a name or a noun phrase up to its
/// verb ("Small groups of protesters continued …"): the verb is a past
/// form, an auxiliary or a modal. None when no verb closes the phrase
/// within a few words.
fn opening_subject(cx: &Ctx<'_>, start: usize, k: usize) -> Option<(usize, usize)> {
    let start = after_dateline(cx, start, k);
    let limit = k.min(start + OPENING_WITHIN);
    let mut j = start;
    // (one phrase after another: "In 2017, after the vote, the mayor …")
    while j < limit && PHRASE_OPENERS.contains(cx.lower(j)) {
        j = (j..limit).find(|&c| cx.text(c) == ",")? + 1;
    }
    if j >= limit || cx.in_quote[j] || !cx.is_word(j) {
        return None;
    }
    if let Some(mi) = cx.mention_starting(j) {
        let end = cx.token_end_at(cx.ents.mentions[mi].span.end).max(j + 1);
        return (end < limit && is_finite_verb(cx, end)).then_some((j, end));
    }
    let mut e = j + usize::from(DETERMINERS.contains(cx.lower(j)));
    while e < limit && cx.is_word(e) && !cx.in_quote[e] && !is_finite_verb(cx, e) {
        if NOT_SUBJECT.contains(cx.lower(e)) {
            return None;
        }
        e += 1;
    }
    (e > j && e < limit && is_finite_verb(cx, e)).then_some((j, e))
}

/// Whether token `k` looks like the finite verb after a subject: a past
/// form ("continued", "called", "told"), or an auxiliary or modal.
fn is_finite_verb(cx: &Ctx<'_>, k: usize) -> bool {
    let w = cx.lower(k);
    if BE.contains(w) || AUXILIARIES.contains(w) {
        return true;
    }
    cx.text(k).starts_with(char::is_lower) && crate::time::past_form(w.as_ref())
}

/// The noun phrase starting at token `k` ("the foreign minister", "Caddell",
/// "a spokesman for the ministry" up to a comma or preposition).
fn np_after(cx: &Ctx<'_>, k: usize, end: usize) -> Option<(usize, usize)> {
    if k >= end || cx.in_quote[k] || !cx.is_word(k) {
        return None;
    }
    let lw = cx.lower(k);
    // (a phrase after a preposition is no source: "said in 2010 that")
    if matches!(lw.as_ref(), "me" | "us" | "him" | "them" | "you" | "her" | "it") || PHRASE_OPENERS.contains(lw) {
        return None;
    }
    if let Some(mi) = cx.mention_starting(k) {
        let m = &cx.ents.mentions[mi];
        let mut last = cx.tokens.partition_point(|t| t.span.start < m.span.end).max(k + 1);
        // a name the mention cut short: "USA Today" after the country "USA",
        // "Minister of Information Ali al-Iryani" after the title
        while last < end && last < k + 8 {
            if capitalised_word(cx, last) || (cx.lower(last).starts_with("al-") && last > k) {
                last += 1;
            } else if cx.lower(last) == "of" && last + 1 < end && capitalised_word(cx, last + 1) {
                last += 2;
            } else {
                break;
            }
        }
        return Some((k, last));
    }
    if lexicon::cue_verb(&lw).is_some() && !DETERMINERS.contains(lw) || matches!(lw.as_ref(), "me" | "us" | "him" | "them" | "you" | "that" | "on" | "in" | "at" | "to" | "during" | "after" | "before" | "with" | "for" | "of" | "by" | "about" | "it" | "this") || is_day_word(lw.as_ref()) {
        return None;
    }
    let mut j = k;
    while j < end && j < k + 8 {
        let w = cx.lower(j);
        // (an acronym is a name: "the WHO")
        let acronym = cx.text(j).len() > 1 && !cx.text(j).chars().any(char::is_lower);
        // (a participle after the head ends the phrase: "the report dated May 5")
        // ("a poll published by NBC News": through the agent)
        let participle = j > k + 1 && w.ends_with("ed") && cx.text(j).starts_with(char::is_lower) && !DETERMINERS.contains(cx.lower(j - 1)) && !cx.lower(j - 1).ends_with("ly") && !(j + 1 < end && cx.lower(j + 1) == "by");
        if !cx.is_word(j) || cx.in_quote[j] || (j > k && !acronym && (matches!(w, "in" | "on" | "at" | "to" | "during" | "after" | "before" | "that" | "with" | "and" | "who" | "which" | "when" | "while" | "as" | "he" | "she" | "they" | "we" | "i") || participle || is_day_word(w) || lexicon::cue_verb(w).is_some() && !DETERMINERS.contains(cx.lower(j - 1)) && cx.tokens[j - 1].kind != TokenKind::Number && !nouny(w))) {
            break;
        }
        // (a name inside is taken whole: "a 1989 report from the National
        // Transportation Safety Board")
        if let Some(mi) = cx.mention_starting(j).filter(|&mi| j > k && cx.ents.mentions[mi].kind == MentionKind::Name) {
            let e = cx.tokens.partition_point(|t| t.span.start < cx.ents.mentions[mi].span.end);
            if e <= end {
                // (the agent or origin ends it: "… by NBC News last week")
                let agent = matches!(cx.lower(j - 1), "by" | "from");
                j = e;
                if agent {
                    break;
                }
                continue;
            }
        }
        j += 1;
    }
    (j > k).then_some((k, j))
}

/// Whether a cue word is also a common noun, singular or plural ("the
/// agency's situation report", "police reports").
fn nouny(lower: &str) -> bool {
    NOUNY.contains(lower) || lower.strip_suffix('s').is_some_and(|s| NOUNY.contains(s))
}

/// Whether token `k` continues a name: a capitalised word right after the
/// previous token, outside quotes, and no weekday or month (a capitalised
/// "Today" inside a sentence is a name: "USA Today").
fn capitalised_word(cx: &Ctx<'_>, k: usize) -> bool {
    let w = cx.text(k);
    let lw = cx.lower(k);
    k > 0
        && cx.is_word(k)
        && !cx.in_quote[k]
        && w.starts_with(char::is_upper)
        && cx.tokens[k - 1].span.end < cx.tokens[k].span.start
        && (!is_day_word(lw.as_ref()) || lw == "today")
        && !is_month_word(lw.as_ref())
}

/// Content before the source (`content, X said`): from the sentence start (or
/// the start of a quote that spans sentences) to the comma before the source.
fn content_before(cx: &Ctx<'_>, range: std::ops::Range<usize>, left: usize, right: usize, floor: usize) -> Option<Span> {
    // The subject phrase may start before the mention ("Clinton campaign
    // spokesman Brian Fallon", "Mr. Morgan of the Sierra Club").
    let mut left = left;
    let mut steps = 0;
    while left > range.start.max(floor) && steps < 8 && !cx.in_quote[left - 1] {
        let t = cx.text(left - 1);
        let abbrev_dot = t == "." && left >= 2 && cx.tokens[left - 2].span.end == cx.tokens[left - 1].span.start && cx.text(left - 2).len() <= 4;
        if !(cx.is_word(left - 1) || abbrev_dot) || matches!(cx.lower(left - 1), "that" | "and" | "but" | "which" | "who") {
            break;
        }
        left -= 1;
        steps += 1;
    }
    if left <= range.start.max(floor) {
        // “Is it?” Graham asked. — the quote ended the previous sentence.
        if left == range.start && floor <= range.start && left > 0 && is_close_mark(cx.text(left - 1)) && ends_clause(cx, right, range.end) {
            let end = cx.tokens[left - 1].span.end;
            let para = cx.seg.sentences[cx.seg.sentence_at(cx.tokens[left].span.start)?].paragraph;
            return cx.quotes_by(|q| q.outer.end, end, end).find(|(_, q)| q.paragraph == para).map(|(_, q)| q.outer);
        }
        return None;
    }
    let sep = left - 1;
    let sep_text = cx.text(sep);
    let ok_sep = matches!(sep_text, "," | "”" | "\"" | "’" | "—" | "–" | "-" | "'" | "?" | "!" | ":") || (sep_text == "." && cx.in_quote[sep]);
    if !ok_sep {
        return None;
    }
    // After the source and cue only adverbials may follow (no "that", colon or quote).
    if right < range.end {
        let rest = cx.lower(right);
        if matches!(rest.as_ref(), "that" | ":") || (right < range.end && cx.in_quote[right] && is_open_mark(cx.text(right))) {
            return None;
        }
    }
    let mut start_byte = cx.tokens[range.start.max(floor)].span.start;
    let end_tok = sep;
    // skip the separator and closing marks to find the content end
    let mut e = end_tok + 1;
    while e > range.start && matches!(cx.text(e - 1), "," | "—" | "–" | "-") {
        e -= 1;
    }
    if e <= range.start.max(floor) {
        return None;
    }
    let mut end_byte = cx.tokens[e - 1].span.end;
    // A quoted sentence ending right here is the content on its own
    // ("X scolded him: “...,” she said").
    let sep_end = cx.tokens[sep].span.end;
    let ending_at = |end: usize| cx.quotes_by(|q| q.outer.end, end, end).next().map(|(i, _)| i);
    if let Some(qi) = ending_at(sep_end).into_iter().chain(ending_at(end_byte)).min() {
        if !is_partial(cx, qi) && cx.quoted[qi].outer.start > start_byte {
            return Some(cx.quoted[qi].outer);
        }
    }
    // A quote that closes here but opened in an earlier sentence.
    let left_start = cx.tokens[left].span.start;
    if let Some((_, q)) = cx.quotes_by(|q| q.outer.end, end_byte, end_byte.max(left_start)).find(|(_, q)| q.outer.end == end_byte || (q.outer.start < start_byte && q.outer.end <= left_start)) {
        if q.outer.start < start_byte && floor <= range.start {
            start_byte = q.outer.start;
            end_byte = end_byte.max(q.outer.end);
        }
    }
    // "The museum, Mr. Obama said, would ...": the cue sits inside the clause.
    if let Some(last) = parenthetical_rest(cx, right, range.end) {
        end_byte = end_byte.max(cx.tokens[last - 1].span.end);
    }
    // Leading adverbials ("On Tuesday,") are not content of a closing cue: require a clause.
    let span = Span::new(start_byte, end_byte);
    let words = words_up_to(span.text(cx.body), 3);
    let starts_quote = cx.quotes_by(|q| q.outer.start, start_byte, start_byte).next().is_some();
    if words < 3 && !starts_quote {
        return None;
    }
    // Leading conjunction-free: "But ..." keeps it; a leading quote keeps its mark out later.
    Some(span)
}

/// After a cue set off by commas inside a clause ("The museum, he said,
/// would ..."), the end token of the rest of the clause: up to a semicolon or
/// the sentence end, without final punctuation. None when the comma starts a
/// participle ("adding that"), "according to" or a subordinate clause.
fn parenthetical_rest(cx: &Ctx<'_>, right: usize, end: usize) -> Option<usize> {
    if right + 1 >= end || cx.text(right) != "," || cx.in_quote[right + 1] || !cx.is_word(right + 1) {
        return None;
    }
    let next = cx.lower(right + 1);
    if next.ends_with("ing") || matches!(next.as_ref(), "according" | "when" | "while" | "after" | "before" | "as" | "because" | "since" | "though" | "although" | "if" | "and" | "but" | "who" | "which" | "in" | "on" | "at" | "with") {
        return None;
    }
    // ", said Jo Lee, a longtime adviser to …": an appositive of the source
    if matches!(next.as_ref(), "a" | "an" | "the" | "his" | "her" | "their" | "its" | "one" | "whose") {
        return None;
    }
    let stop = (right + 1..end).find(|&j| !cx.in_quote[j] && cx.text(j) == ";").unwrap_or(end);
    let mut last = stop;
    while last > right + 1 && !cx.in_quote[last - 1] && matches!(cx.text(last - 1), "." | "," | "!" | "?" | ":" | "-" | "—") {
        last -= 1;
    }
    (last > right + 2).then_some(last)
}

/// The content of "according to X": the sentence without the phrase, with
/// its two parts when the phrase sits in the middle.
fn content_according(cx: &Ctx<'_>, range: std::ops::Range<usize>, cue: &Cue, floor: usize) -> Option<(Span, Vec<Span>)> {
    let (_, src_end) = cue.source?;
    let start = range.start.max(floor);
    let trim_end = |mut e: usize, from: usize| {
        while e > from && matches!(cx.text(e - 1), "." | "," | "!" | "?" | ";" | ":" | "-" | "—") && !cx.in_quote[e - 1] {
            e -= 1;
        }
        e
    };
    let span = |a: usize, b: usize| (b > a).then(|| Span::new(cx.tokens[a].span.start, cx.tokens[b - 1].span.end));
    let before = span(start, trim_end(cue.first, start));
    let mut after_start = src_end;
    // "According to X of the police of Y, the deaths …": a sentence that
    // opens with the phrase has its content after the comma that closes it.
    if cue.first == range.start {
        if let Some(comma) = (src_end..range.end.min(src_end + 25)).find(|&j| cx.text(j) == "," && !cx.in_quote[j]) {
            after_start = comma;
        }
    }
    while after_start < range.end && matches!(cx.text(after_start), "," | ":" | "-" | "—") {
        after_start += 1;
    }
    let after = span(after_start, trim_end(range.end, after_start));
    let words = |s: Option<Span>| s.map_or(0, |s| words_up_to(s.text(cx.body), 6));
    // "Since their discovery, according to the academy, over 4,000 …": a
    // short adverbial before the phrase is not what was said
    let adverbial = before.is_some_and(|b| words(Some(b)) <= 5 && {
        let first = cx.lower(start);
        matches!(first.as_ref(), "since" | "after" | "before" | "in" | "on" | "at" | "for" | "during" | "by" | "until" | "as" | "from" | "over" | "under" | "despite" | "last" | "this" | "earlier")
    });
    let before = before.filter(|_| !adverbial);
    match (before, after) {
        (Some(b), Some(a)) if words(Some(b)) >= 2 && words(Some(a)) >= 2 => Some((b.cover(a), vec![b, a])),
        (Some(b), _) if words(Some(b)) >= 3 => Some((b, Vec::new())),
        (_, Some(a)) if words(Some(a)) >= 3 => Some((a, Vec::new())),
        _ => None,
    }
}

/// Whether nothing but adverbials follows the cue up to the sentence end.
fn ends_clause(cx: &Ctx<'_>, right: usize, end: usize) -> bool {
    right >= end || !(matches!(cx.lower(right), "that" | ":") || (cx.in_quote[right] && is_open_mark(cx.text(right))))
}

/// The clause after the cue. Returns the content span and the token where it ends.
fn content_after(cx: &Ctx<'_>, range: std::ops::Range<usize>, cue: &Cue, right: usize) -> Option<(Span, usize)> {
    let end = range.end;
    let mut k = right;
    let telling = TELLING.contains(cue.lemma);
    let mut saw_that = false;
    let mut saw_colon = false;
    // "pledged to push ...", "urged voters to ...": a to-infinitive content
    let infinitive_ok = lexicon::cue_takes_infinitive(cue.lemma);
    let mut infinitive = false;
    // the object of telling: "told reporters", "told Breitbart News Daily host Alex Marlow"
    if telling && cue.side != Side::After {
        let stop = (k..end.min(k + 12)).find(|&j| {
            let w = cx.lower(j);
            matches!(w.as_ref(), "that" | "how" | "what" | "whether" | "why" | "when" | "where" | ":" | "," | "to" | "on" | "in" | "during" | "the") && !(w == "the" && j == k)
                // a clause after the listener: "told the press a search had failed", "told voters he would win"
                || (j > k && matches!(w.as_ref(), "a" | "an" | "he" | "she" | "they" | "it" | "we" | "i" | "there" | "this" | "these"))
                || (cx.in_quote[j] && is_open_mark(cx.text(j)))
                || is_day_word(w.as_ref())
        });
        match stop {
            // the listener and the infinitive are the content: "urged voters to act"
            Some(j) if j > k && infinitive_ok && cx.lower(j) == "to" => infinitive = true,
            Some(j) if j > k => k = j,
            // no listener: "warned that", "asked how", "told: “...”"
            Some(j) if j == k && matches!(cx.lower(j), "that" | "how" | "what" | "whether" | "why" | "when" | "where" | ":") => {}
            _ if cx.in_quote.get(k).copied().unwrap_or(false) => {}
            _ => return None,
        }
    }
    // time phrases and adverbs
    while !infinitive {
        if k >= end {
            return None;
        }
        let w = cx.lower(k);
        // after "that" the content begins ("found that 1 in 4 …")
        if cx.in_quote[k] || (saw_that && w != ",") {
            break;
        }
        // (a number only in a date or a time: "said on 5 May", "at 11:30 am
        // (1830 UTC)", not "said 55 people …")
        if let Some(after) = clock_time(cx, k, end) {
            k = after;
            continue;
        }
        let in_date = cx.tokens[k].kind == TokenKind::Number && (k > right && is_month_word(cx.lower(k - 1)) || k + 1 < end && is_month_word(cx.lower(k + 1)));
        if is_day_word(w.as_ref()) || is_month_word(w.as_ref()) || (ADVERBS.contains(w) && w != "that") || (w.ends_with("ly") && w.len() > 4) || in_date {
            k += 1;
            continue;
        }
        if matches!(w.as_ref(), "on" | "earlier" | "later" | "last" | "this" | "next" | "late" | "early") && k + 1 < end {
            let n = cx.lower(k + 1);
            if is_day_word(n.as_ref()) || is_month_word(n.as_ref()) || TIME_WORDS.contains(n) || (cx.tokens[k + 1].kind == TokenKind::Number) {
                k += 2;
                continue;
            }
        }
        if matches!(w.as_ref(), "morning" | "afternoon" | "evening" | "night") {
            k += 1;
            continue;
        }
        if w == "the" && k + 2 < end && cx.lower(k + 1) == "same" && TIME_WORDS.contains(cx.lower(k + 2)) {
            k += 3;
            continue;
        }
        if w == "to" && k == right && infinitive_ok && k + 1 < end && cx.is_word(k + 1) && !cx.in_quote[k + 1] {
            infinitive = true;
            break;
        }
        // "in a statement", "in an interview with X", "on Twitter", "to
        // reporters", "says of the plan, “...”"
        if matches!(w.as_ref(), "in" | "to" | "on" | "during" | "at" | "through" | "via" | "from" | "after" | "before" | "of" | "about") {
            let stop = (k + 1..end.min(k + 14)).find(|&j| {
                let x = cx.lower(j);
                let clock = x == ":" && cx.tokens[j - 1].kind == TokenKind::Number;
                matches!(x.as_ref(), "that" | "," | ":") && !clock || (cx.in_quote[j] && is_open_mark(cx.text(j)))
            });
            // "said after the meeting he would ...": a subject pronoun starts the clause
            let pronoun = || (k + 2..end.min(k + 7)).find(|&j| matches!(cx.lower(j), "he" | "she" | "they" | "we" | "i") && !cx.in_quote[j]);
            // ("said once in office he would …, renamed …": before a far comma too)
            let pronoun = pronoun().filter(|&p| cue.class == CueClass::Say && !saw_that && stop.is_none_or(|j| p < j && cx.text(j) == "," && !matches!(cx.lower(p - 1), "whether" | "if" | "how" | "what" | "why" | "when" | "where")));
            let stop = pronoun.or(stop);
            match stop {
                Some(j) if cue.class != CueClass::Act && (cx.text(j) != "," || (j + 1 < end && (cx.lower(j + 1) == "that" || (cx.in_quote[j + 1] && is_open_mark(cx.text(j + 1)))))) => {
                    k = j;
                    continue;
                }
                _ if cue.class == CueClass::Act && k == right => break,
                _ => return None,
            }
        }
        if w == "," {
            k += 1;
            continue;
        }
        if w == "that" && !saw_that {
            saw_that = true;
            k += 1;
            continue;
        }
        if w == ":" || w == "-" || w == "—" || w == "–" {
            saw_colon = true;
            k += 1;
            continue;
        }
        break;
    }
    if k >= end {
        return None;
    }
    let first = cx.lower(k);
    let quote_start = cx.in_quote[k];
    // A quote right after the cue is the content, even across sentences.
    if quote_start {
        // (a few quoted words followed by more of the clause are a mixed quote, below)
        let at = cx.tokens[k].span.start;
        let whole = cx.quotes_by(|q| q.outer.start, at, at).next().map(|(i, _)| i).filter(|&qi| {
            let q = cx.quoted[qi];
            let rest_of_sentence = cx.body.get(q.outer.end..cx.tokens[end - 1].span.end).unwrap_or("").trim_start_matches([',', '.', ' ', '!', '?', ';']);
            !is_partial(cx, qi) || rest_of_sentence.is_empty() || rest_of_sentence.starts_with(|c: char| !c.is_alnum())
        });
        if let Some(q) = whole.map(|qi| cx.quoted[qi]) {
            let stop = cx.tokens.partition_point(|t| t.span.end <= q.outer.end).clamp(k + 1, end.max(k + 1));
            return Some((q.outer, stop));
        }
    }
    let clause_like = CLAUSE_STARTERS.contains(first)
        || cx.text(k).starts_with(char::is_upper)
        || cx.tokens[k].kind == TokenKind::Number
        || (cx.is_word(k) && !NOT_CLAUSE.contains(first) && !(first.ends_with("ly") && first.len() > 4) && (lexicon::cue_verb(&first).is_none() || NOUNY.contains(first)));
    let ok = match cue.class {
        CueClass::Think => saw_that,
        CueClass::Act => true,
        CueClass::Say => infinitive || saw_that || saw_colon || quote_start || (clause_like && cue.side != Side::After) || cue.according,
    };
    if !ok {
        return None;
    }
    // The end: sentence end, or a clause boundary.
    let mut j = k;
    let mut stop = end;
    // "The senator, who said in 2010 that the goal was to win, spoke …": a
    // relative clause between commas ends at its closing comma.
    let relative = cue.source.is_some_and(|(a, b)| b == a + 1 && a > 0 && matches!(cx.lower(a), "who" | "which") && cx.text(a - 1) == ",");
    while j < end {
        // “... because “nobody will,” she said.”, “...,” echoing ...: a quote
        // closing with a comma before another source and cue, or a cue
        // participle, ends the content.
        let source_and_cue = |j: usize| j + 2 < end && lexicon::cue_verb(cx.text(j + 2)).is_some() && cx.mentions_starting_in(cx.tokens[j + 1].span.start, cx.tokens[j + 1].span.start).next().is_some();
        let cue_participle = |j: usize| j + 1 < end && cx.lower(j + 1).ends_with("ing") && lexicon::cue_verb(cx.text(j + 1)).is_some();
        if cx.in_quote[j] && j > k && is_close_mark(cx.text(j)) && cx.text(j - 1) == "," && (source_and_cue(j) || cue_participle(j)) {
            stop = j + 1;
            break;
        }
        if !cx.in_quote[j] {
            let w = cx.text(j);
            if w == ";" || (relative && w == "," && j > k) {
                stop = j;
                break;
            }
            // The object of a speech act ends at a comma or an adjunct:
            // "attacked her opponent as a fraud | during the debate".
            // ("denounced the annexation | in an on-air diatribe", "thanked voters | on Twitter")
            let manner = j + 1 < end && ((cx.lower(j) == "in" && matches!(cx.lower(j + 1), "a" | "an")) || (cx.lower(j) == "on" && cx.text(j + 1).starts_with(char::is_upper)));
            if cue.class == CueClass::Act && !infinitive && j > k && (w == "," || manner || matches!(cx.lower(j), "during" | "after" | "before" | "while" | "when" | "because" | "despite" | "since" | "following" | "amid")) {
                stop = j;
                break;
            }
            // "... and said she would ...", "... — and he noted ...": a new report.
            if matches!(w, "and" | "but") && j > k + 2 && coordinated_cue(cx, j + 1, end) {
                stop = j;
                break;
            }
            // ", Mr. Jo Lee said …", "― Lee boasted": a name and a cue start a new report
            let name_then_cue = || {
                j + 1 < end
                    && cx.mention_starting(j + 1).is_some_and(|mi| {
                        let after = cx.token_end_at(cx.ents.mentions[mi].span.end);
                        after < end && lexicon::cue_verb(cx.text(after)).is_some() && cx.text(after).starts_with(char::is_lower)
                    })
            };
            if matches!(w, "―" | "—" | "–" | "-") && j > k && name_then_cue() {
                stop = j;
                break;
            }
            if w == "," && j + 1 < end {
                let n = cx.lower(j + 1);
                let name_then_cue = name_then_cue();
                let next_is_cue = name_then_cue
                    || verb_and_cue(cx, j + 1, end)
                    || (j + 2 < end && lexicon::cue_verb(cx.text(j + 2)).is_some() && cx.mentions_starting_in(cx.tokens[j + 1].span.start, cx.tokens[j + 1].span.start).next().is_some())
                    || (lexicon::cue_verb(&n).is_some() && n.ends_with("ing"))
                    || (n == "according")
                    // ", although they say …": a subordinate clause with its own report
                    || (matches!(n, "although" | "though" | "while" | "whereas" | "because") && coordinated_cue(cx, j + 2, end))
                    || (matches!(n.as_ref(), "and" | "but" | "yet" | "whereas") && !(j + 2 < end && cx.lower(j + 2) == "that") && j > k + 3);
                if next_is_cue {
                    stop = j;
                    break;
                }
            }
        }
        j += 1;
    }
    let mut last = stop;
    while last > k && !cx.in_quote[last - 1] && matches!(cx.text(last - 1), "." | "," | "!" | "?" | ";" | ":" | "-" | "—") {
        last -= 1;
    }
    if last <= k {
        return None;
    }
    let span = Span::new(cx.tokens[k].span.start, cx.tokens[last - 1].span.end);
    if words_up_to(span.text(cx.body), 2) < 2 && !quote_start {
        return None;
    }
    Some((span, stop))
}

/// Whether a cue verb starts at token `k` (after "and"/"but"), directly or
/// after a pronoun or name subject: "and said", "and he noted".
fn coordinated_cue(cx: &Ctx<'_>, k: usize, end: usize) -> bool {
    let finite_cue = |j: usize| {
        j < end && !cx.in_quote[j] && cx.text(j).starts_with(char::is_lower) && {
            let w = cx.lower(j);
            !w.ends_with("ing") && lexicon::cue_verb(&w).is_some_and(|(_, class)| class != CueClass::Think)
        }
    };
    // "and repeatedly says": adverbs before the verb
    let skip_adverbs = |mut j: usize| {
        while j < end && !cx.in_quote[j] && (ADVERBS.contains(cx.lower(j)) || (cx.lower(j).ends_with("ly") && cx.lower(j).len() > 4)) {
            j += 1;
        }
        j
    };
    if k >= end || finite_cue(skip_adverbs(k)) {
        return k < end;
    }
    let subject_end = match cx.mention_starting(k) {
        Some(mi) => cx.tokens.partition_point(|t| t.span.start < cx.ents.mentions[mi].span.end),
        None if k < end && matches!(cx.lower(k), "he" | "she" | "they" | "we" | "i") => k + 1,
        None => return false,
    };
    finite_cue(skip_adverbs(subject_end))
}

/// Whether a subject starting at token `k` (a pronoun or a name), one verb
/// and a coordinated cue follow ("…, I laughed and said"): a new clause
/// with its own report.
fn verb_and_cue(cx: &Ctx<'_>, k: usize, end: usize) -> bool {
    let subject_end = match cx.mention_starting(k) {
        Some(mi) => cx.token_end_at(cx.ents.mentions[mi].span.end),
        None if k < end && matches!(cx.lower(k), "he" | "she" | "they" | "we" | "i") => k + 1,
        None => return false,
    };
    let verb = subject_end;
    verb + 2 < end && cx.is_word(verb) && !cx.in_quote[verb] && cx.text(verb).starts_with(char::is_lower) && matches!(cx.lower(verb + 1), "and" | "but") && coordinated_cue(cx, verb + 2, end)
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
        for (name, list) in [("adverbs", &ADVERBS), ("nouny", &NOUNY), ("be", &BE), ("auxiliaries", &AUXILIARIES), ("documents", &DOCUMENTS), ("determiners", &DETERMINERS), ("clause-starters", &CLAUSE_STARTERS), ("not-clause", &NOT_CLAUSE), ("telling", &TELLING),  ("time-words", &TIME_WORDS), ("belief-adjectives", &BELIEF_ADJECTIVES), ("phrase-openers", &PHRASE_OPENERS), ("not-subject", &NOT_SUBJECT), ("speaks-for", &SPEAKS_FOR), ("evidence", &EVIDENCE), ("evidence-verbs", &EVIDENCE_VERBS), ("place-nouns", &PLACE_NOUNS)] {
            assert!(names.contains(&name), "[{name}] is missing from data/attribution_words.txt");
            assert!(!list.words().is_empty(), "[{name}] is empty");
        }
        assert_eq!(cue_noun("warnings"), Some("warn"), "[cue-nouns] in data/attribution_words.txt");
        assert_eq!(names.len(), 18, "{names:?}");
    }
}
