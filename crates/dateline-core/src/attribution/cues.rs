//! Cues: the words of speech that open a report ("said", "according to",
//! "Trump's claim that"), each with its source and speaker, found in a
//! sentence's words outside quotes ([`find_cues`]).

use super::*;

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
pub(super) fn find_cues(cx: &Ctx<'_>, range: std::ops::Range<usize>) -> Vec<Cue> {
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
        let noun_like = DETERMINERS.contains(prev_lower) || prev.is_some_and(|p| cx.possessive(p, false));
        // "in a Facebook post on Tuesday, called it": a noun after a name
        // ("the EastMed project, which …": such a noun before punctuation)
        let in_medium = noun_after_name(cx, k, lemma)
            && (k >= range.start + 3 && matches!(cx.lower(k - 3), "in" | "on" | "via" | "during") && (k + 1 >= range.end || cx.lower(k + 1) != "that") || k + 1 < range.end && matches!(cx.text(k + 1), "," | ";" | ")" | "at" | "of"));
        // "was accused", "was previously accused", "has been widely reported"
        // ("is more closely related")
        let before_adverbs = (range.start..k).rev().find(|&j| !ADVERBS.contains(cx.lower(j)) && !matches!(cx.lower(j), "more" | "most" | "less") && !(cx.lower(j).ends_with("ly") && cx.lower(j).len() > 4));
        let passive = before_adverbs.is_some_and(|j| BE.contains(cx.lower(j))) && !lower.ends_with("ing");
        // "as noted", "as reported": a comment clause, no source
        let as_clause = prev_lower == "as";
        // "one million confirmed infections", "two reported cases": an adjective
        let after_number = lower.ends_with("ed")
            && prev.is_some_and(|p| cx.tokens[p].kind == TokenKind::Number || matches!(prev_lower, "million" | "billion" | "thousand" | "hundred" | "dozen" | "several" | "many" | "other" | "few"))
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
        let after_preposition = lower.ends_with("ed") && matches!(prev_lower, "into" | "of" | "for" | "with" | "about" | "from" | "over" | "against" | "in" | "on" | "at" | "by" | "amid" | "despite" | "among" | "amongst" | "between" | "including");
        // "six states", "the U.S. state of Ohio", "Maryland state law": after a
        // number or a place, a word of [place-nouns] is the noun
        let place_noun = PLACE_NOUNS.contains(lemma)
            && prev.is_some_and(|p| cx.tokens[p].kind == TokenKind::Number || cx.mention_ending(p).is_some_and(|mi| cx.ents.mentions[mi].entity.is_some_and(|e| cx.ents.entities[e].kind == EntityKind::Place)));
        // "Politico quoted Tim Manning as saying …": the one quoted speaks
        if let Some(source) = (participle && class == CueClass::Say && prev_lower == "as").then(|| quoted_as(cx, k - 1, range.start)).flatten() {
            let (speaker, speakers) = speaker_of(cx, source);
            cues.push(Cue { first: k, end: k + 1, lemma, class, according: false, participle: true, source: Some(source), side: Side::Before, speaker, speakers });
            k += 1;
            continue;
        }
        if noun_like || in_medium || place_noun || passive || infinitive || after_number || after_preposition || as_clause {
            k += 1;
            continue;
        }
        // Particles that belong to the cue.
        let mut end = k + 1;
        let next_lower = if end < range.end { cx.lower(end) } else { "" };
        match lemma {
            "call" if matches!(next_lower, "for" | "on") => end += 1,
            // "he continued." / "she continued: “...”", not "talks are continuing" or "continued to fall"
            // (after a quote, "he continued in the speech" is speech)
            "continue" if be_at.is_some() || (end < range.end && cx.is_word(end) && !cx.in_quote[end] && next_lower != "that" && !(matches!(next_lower, "in" | "during" | "at") && (k.saturating_sub(4)..k).any(|q| is_close_mark(cx.text(q))))) => {
                k += 1;
                continue;
            }
            _ if is_naming(lemma) && !names_with_quote(cx, end, range.end) && !(lemma == "call" && names_as(cx, end, range.end)) => {
                k += 1;
                continue;
            }
            "point" => {
                if matches!(next_lower, "to" | "out") {
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
        let showing = class == CueClass::Think && EVIDENCE_VERBS.contains(lemma) && end < range.end && !PHRASE_OPENERS.contains(cx.lower(end)) && !has_that_soon(cx, end, range.end);
        let evidence = |(a, b): (usize, usize)| (a..b).any(|j| EVIDENCE.contains(cx.lower(j)) && !cx.in_quote[j]);
        // (in the subject, or in the first words of a sentence whose long
        // subject runs to the verb: "Video of the incident shows", "The
        // average of polls taken over the past two weeks shows")
        // (not after another verb of speech: "Reports said both were showing")
        let said_before = || (range.start..k).any(|j| !cx.in_quote[j] && cx.text(j).starts_with(char::is_lower) && lexicon::cue_verb(cx.text(j)).is_some_and(|(_, c)| c == CueClass::Say));
        let in_subject = showing && subject_before(cx, k, range.start).is_some_and(evidence);
        let whole_subject = (showing && !in_subject && !lower.ends_with("ing") && evidence((range.start, k.min(range.start + 6))) && !said_before()).then(|| {
            let mut b = k;
            while b > range.start + 1 && matches!(cx.text(b - 1), "," | "—" | "–") {
                b -= 1;
            }
            (range.start, b)
        });
        let shown = in_subject || whole_subject.is_some();
        let class = if shown { CueClass::Act } else { class };
        if class == CueClass::Think && !has_that_soon(cx, end, range.end) && !bare_clause(cx, end, range.end) {
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
            // (nor of a cue inside a that-clause: "told the audience that
            // she believes …, saying that": the teller)
            let main = cues.iter().rev().find(|c| c.source.is_some_and(|s| !restrictive_relative(cx, s) && !(s.0 > range.start && cx.lower(s.0 - 1) == "that"))).cloned();
            // "footage of Hillary Clinton asking, “...”": the name right before it
            let doer = (!after_comma).then(|| cx.mention_ending(k - 1)).flatten().map(|mi| {
                let m = &cx.ents.mentions[mi];
                (cx.token_end_at(m.span.start), k)
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
        if let Some(s) = whole_subject {
            cue.source = Some(s);
            cue.side = Side::Before;
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
            // (a participle's source is no subject of a finite verb: "cited X
            // as stating …, and claimed")
            let main = cues.iter().rev().find(|c| c.source.is_some() && !c.participle).map(|c| c.source);
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
    if !crate::time::past_form(lower) {
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
pub(super) fn is_naming(lemma: &str) -> bool {
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
    let object_start = DETERMINERS.contains(first) || matches!(first, "it" | "him" | "her" | "them" | "this" | "that" | "his" | "their" | "its") || cx.text(from).starts_with(char::is_upper);
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
    let possessor = k.checked_sub(1).filter(|&p| p >= start && !cx.in_quote[p]).filter(|&p| cx.possessive(p, true));
    let source = match possessor {
        Some(p) => {
            // the possessive name may be several words: "Donald Trump's"
            let first = cx.mentions_starting_in(cx.tokens[start].span.start, cx.tokens[p].span.start).filter(|(_, m)| m.span.end >= cx.tokens[p].span.start && m.span.start <= cx.tokens[p].span.start).map(|(_, m)| cx.token_end_at(m.span.start)).next().unwrap_or(p);
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

/// The one quoted before "as" at token `as_at` ("quoted Tim Manning, a
/// former official, as saying", "quoted a spokesman as saying"): a name
/// after the verb, else the phrase up to "as".
fn quoted_as(cx: &Ctx<'_>, as_at: usize, start: usize) -> Option<(usize, usize)> {
    let verb = (start.max(as_at.saturating_sub(12))..as_at).rev().find(|&q| matches!(cx.lower(q), "quoted" | "quotes" | "quoting"))?;
    let first = verb + 1;
    let name_end = cx.mention_starting(first).filter(|&mi| cx.ents.mentions[mi].kind == MentionKind::Name).map(|mi| cx.token_from(cx.ents.mentions[mi].span.end));
    let mut end = name_end.unwrap_or(as_at).min(as_at);
    while end > first && cx.text(end - 1) == "," {
        end -= 1;
    }
    (end > first && (first..end).all(|q| !cx.in_quote[q])).then_some((first, end))
}

/// Whether an inverted source ending at token `b` ends its clause.
fn inverted_np_ends(cx: &Ctx<'_>, b: usize, end: usize) -> bool {
    if b >= end {
        return true;
    }
    let w = cx.lower(b);
    !cx.is_word(b) || is_day_word(w) || matches!(w, "in" | "on" | "at" | "during" | "after" | "before" | "of" | "to" | "with" | "from" | "as" | "this" | "last" | "earlier" | "later" | "when" | "while" | "who" | "adding" | "according")
}

/// The form of "be" of a progressive ending at the participle `k` ("is
/// demanding", "is once again questioning"), skipping adverbs.
fn progressive_be(cx: &Ctx<'_>, k: usize, start: usize) -> Option<usize> {
    let mut j = k;
    while j > start && j + 4 > k {
        let w = cx.lower(j - 1);
        if matches!(w, "is" | "are" | "was" | "were" | "'s" | "’s" | "am" | "been") {
            return Some(j - 1);
        }
        let adverb = ADVERBS.contains(w) && !matches!(w, "has" | "have" | "had") || (w.ends_with("ly") && w.len() > 4);
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

/// Whether a complement clause without "that" starts at token `k`: a
/// subject of a few words, then an auxiliary ("found the company was in
/// breach", "believe the deal will pass"; not "found the body", "believe
/// him", "believe it to have", "know what it was").
pub(super) fn bare_clause(cx: &Ctx<'_>, k: usize, end: usize) -> bool {
    if k >= end || !cx.is_word(k) || cx.in_quote[k] || NOT_FINDING.contains(cx.lower(k)) {
        return false;
    }
    (k + 1..end.min(k + 7))
        .take_while(|&j| !cx.in_quote[j] && (cx.is_word(j) || cx.tokens[j].kind == TokenKind::Number))
        .any(|j| AUXILIARIES.contains(cx.lower(j)) && cx.lower(j - 1) != "to")
}

/// Whether a cue verb starts at token `k` (after "and"/"but"), directly or
/// after a pronoun or name subject: "and said", "and he noted".
pub(super) fn coordinated_cue(cx: &Ctx<'_>, k: usize, end: usize) -> bool {
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
        Some(mi) => cx.token_from(cx.ents.mentions[mi].span.end),
        None if k < end && matches!(cx.lower(k), "he" | "she" | "they" | "we" | "i") => k + 1,
        None => return false,
    };
    finite_cue(skip_adverbs(subject_end))
}

/// Whether a subject starting at token `k` (a pronoun or a name), one verb
/// and a coordinated cue follow ("…, I laughed and said"): a new clause
/// with its own report.
pub(super) fn verb_and_cue(cx: &Ctx<'_>, k: usize, end: usize) -> bool {
    let subject_end = match cx.mention_starting(k) {
        Some(mi) => cx.token_end_at(cx.ents.mentions[mi].span.end),
        None if k < end && matches!(cx.lower(k), "he" | "she" | "they" | "we" | "i") => k + 1,
        None => return false,
    };
    let verb = subject_end;
    verb + 2 < end && cx.is_word(verb) && !cx.in_quote[verb] && cx.text(verb).starts_with(char::is_lower) && matches!(cx.lower(verb + 1), "and" | "but") && coordinated_cue(cx, verb + 2, end)
}
