//! Contents: the reported words of a cue, after it ([`content_after`]:
//! "said (that) …", a to-infinitive, a colon or quote) or before it
//! ([`content_before`]: "…, she said"), and after "according to".

use super::*;

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

/// Content before the source (`content, X said`): from the sentence start (or
/// the start of a quote that spans sentences) to the comma before the source.
pub(super) fn content_before(cx: &Ctx<'_>, range: std::ops::Range<usize>, left: usize, right: usize, floor: usize) -> Option<Span> {
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
        if matches!(rest, "that" | ":") || (right < range.end && cx.in_quote[right] && is_open_mark(cx.text(right))) {
            return None;
        }
    }
    // (not the punctuation that ends an earlier content: ", watched it")
    let mut first = range.start.max(floor);
    while first < sep && matches!(cx.text(first), "," | ";" | ":" | "—" | "–") {
        first += 1;
    }
    let mut start_byte = cx.tokens[first].span.start;
    let end_tok = sep;
    // skip the separator and closing marks to find the content end
    let mut e = end_tok + 1;
    while e > range.start && matches!(cx.text(e - 1), "," | "—" | "–" | "-") {
        e -= 1;
    }
    if e <= first {
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
pub(super) fn parenthetical_rest(cx: &Ctx<'_>, right: usize, end: usize) -> Option<usize> {
    if right + 1 >= end || cx.text(right) != "," || cx.in_quote[right + 1] || !cx.is_word(right + 1) {
        return None;
    }
    let next = cx.lower(right + 1);
    if next.ends_with("ing") || matches!(next, "according" | "when" | "while" | "after" | "before" | "as" | "because" | "since" | "though" | "although" | "if" | "and" | "but" | "who" | "which" | "in" | "on" | "at" | "with") {
        return None;
    }
    // ", said Jo Lee, a longtime adviser to …": an appositive of the source
    if matches!(next, "a" | "an" | "the" | "his" | "her" | "their" | "its" | "one" | "whose") {
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
pub(super) fn content_according(cx: &Ctx<'_>, range: std::ops::Range<usize>, cue: &Cue, floor: usize) -> Option<(Span, Vec<Span>)> {
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
        matches!(first, "since" | "after" | "before" | "in" | "on" | "at" | "for" | "during" | "by" | "until" | "as" | "from" | "over" | "under" | "despite" | "last" | "this" | "earlier")
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
pub(super) fn content_after(cx: &Ctx<'_>, range: std::ops::Range<usize>, cue: &Cue, right: usize) -> Option<(Span, usize)> {
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
            matches!(w, "that" | "how" | "what" | "whether" | "why" | "when" | "where" | ":" | "," | "to" | "on" | "in" | "during" | "the") && !(w == "the" && j == k)
                // a clause after the listener: "told the press a search had failed", "told voters he would win"
                || (j > k && matches!(w, "a" | "an" | "he" | "she" | "they" | "it" | "we" | "i" | "there" | "this" | "these"))
                || (cx.in_quote[j] && is_open_mark(cx.text(j)))
                || is_day_word(w)
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
        if is_day_word(w) || is_month_word(w) || (ADVERBS.contains(w) && w != "that") || (w.ends_with("ly") && w.len() > 4) || in_date {
            k += 1;
            continue;
        }
        if matches!(w, "on" | "earlier" | "later" | "last" | "this" | "next" | "late" | "early") && k + 1 < end {
            let n = cx.lower(k + 1);
            if is_day_word(n) || is_month_word(n) || TIME_WORDS.contains(n) || (cx.tokens[k + 1].kind == TokenKind::Number) {
                k += 2;
                continue;
            }
        }
        if matches!(w, "morning" | "afternoon" | "evening" | "night") {
            k += 1;
            continue;
        }
        if w == "the" && k + 2 < end && cx.lower(k + 1) == "same" && TIME_WORDS.contains(cx.lower(k + 2)) {
            k += 3;
            continue;
        }
        // (a verb after "to", not a name or an article: "pledged to Senator X")
        if w == "to" && k == right && infinitive_ok && k + 1 < end && cx.is_word(k + 1) && !cx.in_quote[k + 1] && cx.text(k + 1).starts_with(char::is_lower) && !DETERMINERS.contains(cx.lower(k + 1)) {
            infinitive = true;
            break;
        }
        // "in a statement", "in an interview with X", "on Twitter", "to
        // reporters", "says of the plan, “...”"
        if matches!(w, "in" | "to" | "on" | "during" | "at" | "through" | "via" | "from" | "after" | "before" | "of" | "about") {
            let stop = (k + 1..end.min(k + 14)).find(|&j| {
                let x = cx.lower(j);
                let clock = x == ":" && cx.tokens[j - 1].kind == TokenKind::Number;
                matches!(x, "that" | "," | ":") && !clock || (cx.in_quote[j] && is_open_mark(cx.text(j)))
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
    // "said nothing was decided", "says too much is made of it": a
    // quantifier before a verb is the subject (with the adverbs before it)
    let quantifier = matches!(cx.lower(k), "much" | "more" | "less" | "little" | "nothing" | "something" | "anything") && k + 1 < end && (BE.contains(cx.lower(k + 1)) || AUXILIARIES.contains(cx.lower(k + 1)));
    while quantifier && k > right && ADVERBS.contains(cx.lower(k - 1)) {
        k -= 1;
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
            let stop = cx.token_end_at(q.outer.end).clamp(k + 1, end.max(k + 1));
            return Some((q.outer, stop));
        }
    }
    let clause_like = quantifier
        || CLAUSE_STARTERS.contains(first)
        || cx.text(k).starts_with(char::is_upper)
        || cx.tokens[k].kind == TokenKind::Number
        || (cx.is_word(k) && !NOT_CLAUSE.contains(first) && !(first.ends_with("ly") && first.len() > 4) && (lexicon::cue_verb(&first).is_none() || NOUNY.contains(first)));
    let ok = match cue.class {
        CueClass::Think => saw_that || super::cues::bare_clause(cx, k, end),
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
                    || (matches!(n, "and" | "but" | "yet" | "whereas") && !(j + 2 < end && cx.lower(j + 2) == "that") && j > k + 3);
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
