//! Subjects: the source phrase before a cue verb ([`subject_before`], in
//! passes: what to skip, then a name or a generic noun phrase) or after it
//! ([`np_after`]), and the sentence's opening subject.

use super::*;

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
    heads.then(|| cx.token_end_at(head.span.start).max(start))
}

/// The first token of a list of names that ends with "and" or "or" and the
/// name `m` ("Ohio, Texas, and Utah"), else the first token of `m`.
pub(super) fn name_list_start(cx: &Ctx<'_>, m: &Mention, start: usize) -> usize {
    let mut list = cx.token_end_at(m.span.start).max(start);
    if m.kind != MentionKind::Name || list == start || !matches!(cx.text(list - 1), "and" | "or") {
        return list;
    }
    let mut p = list - 1;
    loop {
        p -= usize::from(p > start && cx.text(p - 1) == ",");
        let Some(mi) = (p > start).then(|| cx.mention_ending(p - 1)).flatten().filter(|&mi| cx.ents.mentions[mi].kind == MentionKind::Name) else {
            return list;
        };
        list = cx.token_end_at(cx.ents.mentions[mi].span.start).max(start);
        p = list;
        if p == start || cx.text(p - 1) != "," {
            return list;
        }
    }
}

/// The lower-case head noun before the preposition that opens a name's
/// phrase ("governor" in "the governor of Ohio", "spokesman" in "a
/// spokesman for the ministry"); `of` is the token after the preposition.
pub(super) fn head_before_complement(cx: &Ctx<'_>, of: usize, start: usize) -> Option<usize> {
    let prep = of.checked_sub(1).filter(|&p| p > start && matches!(cx.lower(p), "of" | "for" | "at" | "from" | "in"))?;
    let head = prep - 1;
    let word = cx.text(head);
    (cx.is_word(head) && !cx.in_quote[head] && word.starts_with(char::is_lower) && lexicon::cue_verb(word).is_none() && !BE.contains(word) && !AUXILIARIES.contains(word)).then_some(head)
}

/// The subject right before the verb at `k`: (first token, end token).
/// Three passes: skip what stands between the subject and its verb
/// ([`skip_to_subject`]), then take the name ([`named_subject`]) or the
/// noun phrase ([`generic_subject`]) that ends there.
pub(super) fn subject_before(cx: &Ctx<'_>, k: usize, start: usize) -> Option<(usize, usize)> {
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
        // ("his family said": an -ly word after a determiner is a noun)
        let ly_adverb = w.ends_with("ly") && w.len() > 4 && !(j >= start + 2 && DETERMINERS.contains(cx.lower(j - 2)));
        if (ADVERBS.contains(w) || ly_adverb) && (j - 1 == start || !cx.text(j - 1).starts_with(char::is_upper)) {
            j -= 1;
            continue;
        }
        // "the court this month rejected", "the mayor on Tuesday said"
        if j >= start + 2 && (TIME_WORDS.contains(w) || is_day_word(w)) && matches!(cx.lower(j - 2), "this" | "last" | "next" | "on" | "earlier" | "later") {
            j -= 2;
            continue;
        }
        // "who in 2010 said", "the minister in March told"
        if j >= start + 2 && (is_month_word(w) || w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())) && cx.lower(j - 2) == "in" {
            j -= 2;
            continue;
        }
        // ", however," / ", meanwhile," / ", a top Assad backer,"
        if w == "," {
            match comma_phrase(cx, j, start)? {
                CommaPhrase::Skip(p) => {
                    // "Ann Lee, 59, of Ashton, said": an aside after an
                    // appositive of a name ends that name
                    if let Some(CommaPhrase::AfterName(q)) = comma_phrase(cx, p + 1, start) {
                        j = q;
                        break;
                    }
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
    let mut p = (start..j - 1).rev().find(|&p| cx.text(p) == ",")?;
    // "a teacher from Dayton, Ohio,": a state or country after the place
    // in "from X" or "of X" belongs to that phrase
    if region_after_place(cx, p, j) {
        p = (start..p).rev().find(|&q| cx.text(q) == ",").unwrap_or(p);
    }
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
        && inner.len() <= if after_name { if inner[0] == "who" { 40 } else { 24 } } else { 8 }
        && (after_name || inner.len() <= 2 || matches!(inner[0], "a" | "an" | "the" | "who" | "which" | "whose" | "its" | "his" | "her" | "their" | "for" | "in" | "on" | "at" | "of" | "from"))
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
        // (a place after a preposition says where: ", of Ashton,")
        let place = m.entity.is_some_and(|e| cx.ents.entities[e].kind == EntityKind::Place) && role_words.iter().any(|&q| matches!(cx.lower(q), "of" | "from" | "in"));
        let role_only = role_words.len() <= 6 && !place && role_words.iter().all(|&q| cx.is_word(q) && cx.text(q).starts_with(char::is_lower));
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

/// Whether the phrase between the commas at `p` and `j - 1` is a region
/// (one to three capitalised words: "Ohio", "Md.") after a place, a few
/// capitalised words after "from", "of" or "in" ("from Dayton, Ohio,").
fn region_after_place(cx: &Ctx<'_>, p: usize, j: usize) -> bool {
    // (a name that is no place is no region: ", Mariela Belski,")
    let named = cx.mention_starting(p + 1).is_some_and(|mi| cx.ents.mentions[mi].entity.is_some_and(|e| cx.ents.entities[e].kind != EntityKind::Place));
    let region = p + 1 < j - 1 && j - 1 - p <= 4 && !named && (p + 1..j - 1).all(|q| cx.text(q) == "." || capitalised_word(cx, q));
    let mut f = p;
    while f > p.saturating_sub(4) && f > 1 && capitalised_word(cx, f - 1) {
        f -= 1;
    }
    region && f < p && matches!(cx.lower(f - 1), "from" | "of" | "in")
}

/// The subject when a name ends at token `last` (mention `mi`): the name,
/// a list of names, or the phrase the name completes ("the governor of
/// Ohio", "Mr. Morgan of the Sierra Club").
fn named_subject(cx: &Ctx<'_>, mi: usize, last: usize, start: usize) -> (usize, usize) {
    let m = &cx.ents.mentions[mi];
    let first = cx.token_end_at(m.span.start);
    // "Hospital officials in Omsk said": the place says where; the subject
    // comes before it (within twelve tokens, so the search stays linear)
    if let Some(prep) = locative_before(cx, m, start) {
        if let Some((outer, _)) = subject_before(cx, prep, start.max(prep.saturating_sub(12))).filter(|&(_, e)| e == prep) {
            return (outer, last + 1);
        }
    }
    // "Tillerson and Lavrov"
    if first >= start + 2 && cx.lower(first - 1) == "and" {
        if let Some(mj) = cx.mention_ending(first - 2) {
            if !cx.ents.mentions[mj].members.is_empty() {
                let f2 = cx.token_end_at(cx.ents.mentions[mj].span.start);
                return (f2, last + 1);
            }
        }
    }
    // "Mr. Morgan of the Sierra Club", "Ann Lee of Australia's Acme
    // University": the person before "of" is the head; "the governors
    // of Ohio, Texas and Utah": the whole list is the complement.
    let mut of = name_list_start(cx, m, start);
    if of > start && (cx.lower(of - 1) == "the" || cx.possessive(of - 1, false)) {
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

/// The locative preposition before a place named at mention `m` ("officials
/// in Omsk", "in China's Guangdong Province", "in Munich, Germany"): such a
/// place says where, it is no speaker.
pub(super) fn locative_before(cx: &Ctx<'_>, m: &Mention, start: usize) -> Option<usize> {
    if !m.entity.is_some_and(|e| cx.ents.entities[e].kind == EntityKind::Place) {
        return None;
    }
    let mut p = cx.token_end_at(m.span.start);
    // (a city before its country or state)
    if p >= start + 2 && cx.text(p - 1) == "," {
        if let Some(city) = cx.mention_ending(p - 2) {
            p = cx.token_end_at(cx.ents.mentions[city].span.start);
        }
    }
    if p > start && (cx.lower(p - 1) == "the" || cx.possessive(p - 1, false)) {
        p -= 1;
    }
    (p > start && matches!(cx.lower(p - 1), "in" | "at" | "near" | "inside" | "outside" | "across" | "throughout" | "around")).then(|| p - 1)
}

/// The subject when no name ends at token `last`: a pronoun, or a generic
/// noun phrase back to a determiner or a clause boundary.
fn generic_subject(cx: &Ctx<'_>, last: usize, start: usize) -> Option<(usize, usize)> {
    // A possessive name ("Tillerson's") is not a subject of the verb.
    let lw = cx.lower(last);
    if matches!(lw, "i" | "we" | "you" | "it" | "who" | "which" | "that" | "this" | "there") {
        return if matches!(lw, "that" | "there" | "this") { None } else { Some((last, last + 1)) };
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
    if matches!(lw, "of" | "to" | "in" | "on" | "at" | "for" | "with" | "by" | "and" | "or" | "but" | "the" | "a" | "an" | "not" | "also" | "when" | "where" | "while" | "as" | "if" | "because") || AUXILIARIES.contains(lw) || BE.contains(lw) {
        return None;
    }
    // "Ferrand in relaying the news to parliament said": the object of a
    // gerund after a preposition; the subject comes before the preposition
    if first >= start + 3 && cx.lower(first - 1).ends_with("ing") && matches!(cx.lower(first - 2), "in" | "by" | "after" | "before" | "while" | "when") {
        let p = first - 2;
        return subject_before(cx, p, start.max(p.saturating_sub(12))).filter(|&(_, e)| e == p);
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

/// Whether the cue word at token `k` is a noun after a determiner, maybe an
/// adjective, and a name ("a Facebook post", "the Kremlin statement", "a
/// senior Catholic figure"): written as its lemma.
pub(super) fn noun_after_name(cx: &Ctx<'_>, k: usize, lemma: &str) -> bool {
    let determiner = |j: usize| DETERMINERS.contains(cx.lower(j));
    k >= 2 && cx.lower(k) == lemma && capitalised_word(cx, k - 1) && (determiner(k - 2) || k >= 3 && determiner(k - 3) && cx.text(k - 2).starts_with(char::is_lower))
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
        if !cx.is_word(p) || cx.in_quote[p] || matches!(pw, "that" | "which" | "who" | "and" | "but" | "or" | "if" | "when" | "because" | "while" | "as" | "after" | "before" | "since" | "by" | "of" | "from") || lexicon::cue_verb(&pw).is_some() && !DETERMINERS.contains(pw) && !after_determiner {
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
pub(super) fn first_subject(cx: &Ctx<'_>, start: usize, k: usize) -> Option<(usize, usize)> {
    let a = cx.tokens[after_dateline(cx, start, k)].span.start;
    let b = cx.tokens[k].span.start;
    let (_, m) = cx.mentions_starting_in(a, b).find(|(_, m)| m.subject && !m.in_quote && m.span.end <= b)?;
    let first = cx.token_end_at(m.span.start);
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
pub(super) fn restrictive_relative(cx: &Ctx<'_>, (a, b): (usize, usize)) -> bool {
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
pub(super) fn opening_subject(cx: &Ctx<'_>, start: usize, k: usize) -> Option<(usize, usize)> {
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
    cx.text(k).starts_with(char::is_lower) && crate::time::past_form(w)
}

/// The noun phrase starting at token `k` ("the foreign minister", "Caddell",
/// "a spokesman for the ministry" up to a comma or preposition).
pub(super) fn np_after(cx: &Ctx<'_>, k: usize, end: usize) -> Option<(usize, usize)> {
    if k >= end || cx.in_quote[k] || !cx.is_word(k) {
        return None;
    }
    let lw = cx.lower(k);
    // (a phrase after a preposition is no source: "said in 2010 that")
    if matches!(lw, "me" | "us" | "him" | "them" | "you" | "her" | "it") || PHRASE_OPENERS.contains(lw) {
        return None;
    }
    // (a possessive before a noun only starts the phrase: "his wife",
    // "Johnson's critics")
    let owner = |last: usize| cx.possessive(last - 1, true) && last < end && cx.is_word(last) && cx.text(last).starts_with(char::is_lower);
    if let Some(mi) = cx.mention_starting(k).filter(|&mi| !owner(cx.token_end_at(cx.ents.mentions[mi].span.end - 1) + 1)) {
        let m = &cx.ents.mentions[mi];
        let mut last = cx.token_from(m.span.end).max(k + 1);
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
        // "UCL astronomer Angelos Tsiaras", "Acme assistant coach Ben Lee":
        // a role in lower case and the person after it
        // (not after a preposition: "Cameron Easley for Morning Consult")
        for q in last..end.min(last + 4) {
            let person = cx.mention_starting(q).filter(|&p| (q > last || cx.text(q).starts_with(char::is_lower)) && cx.ents.mentions[p].entity.is_some_and(|e| cx.ents.entities[e].kind == EntityKind::Person));
            if let Some(p) = person {
                last = cx.token_from(cx.ents.mentions[p].span.end);
                break;
            }
            if !(cx.is_word(q) && cx.text(q).starts_with(char::is_lower)) || PHRASE_OPENERS.contains(cx.lower(q)) {
                break;
            }
        }
        return Some((k, last));
    }
    // (a name's first word is no verb: "Judge Miller's statement")
    if lexicon::cue_verb(&lw).is_some() && !DETERMINERS.contains(lw) && cx.mention_starting(k).is_none() || matches!(lw, "me" | "us" | "him" | "them" | "you" | "that" | "on" | "in" | "at" | "to" | "during" | "after" | "before" | "with" | "for" | "of" | "by" | "about" | "it" | "this") || is_day_word(lw) {
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
        // (a finite verb ends it: "said the event brought back memories")
        let verb = j > k && !DETERMINERS.contains(cx.lower(j - 1)) && is_finite_verb(cx, j) && !(j + 1 < end && cx.lower(j + 1) == "by");
        if !cx.is_word(j) || cx.in_quote[j] || verb || (j > k && !acronym && (matches!(w, "in" | "on" | "at" | "to" | "during" | "after" | "before" | "that" | "with" | "and" | "who" | "which" | "when" | "while" | "as" | "he" | "she" | "they" | "we" | "i") || participle || is_day_word(w) || lexicon::cue_verb(w).is_some() && !DETERMINERS.contains(cx.lower(j - 1)) && cx.tokens[j - 1].kind != TokenKind::Number && !nouny(w))) {
            break;
        }
        // (a name inside is taken whole: "a 1989 report from the National
        // Transportation Safety Board")
        if let Some(mi) = cx.mention_starting(j).filter(|&mi| j > k && cx.ents.mentions[mi].kind == MentionKind::Name) {
            let e = cx.token_from(cx.ents.mentions[mi].span.end);
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
    // "his wife, Amanda,", "the El Paso mayor, Dee Margo,": a name in
    // apposition to a person's phrase ends it
    let person_phrase = || (k..j).any(|q| cx.possessive(q, true)) || lexicon::title_head(cx.lower(j - 1)) || SPEAKS_FOR.contains(cx.lower(j - 1));
    if j > k && j + 2 < end && cx.text(j) == "," && person_phrase() {
        if let Some(mi) = cx.mention_starting(j + 1).filter(|&mi| cx.ents.mentions[mi].kind == MentionKind::Name) {
            let e = cx.token_end_at(cx.ents.mentions[mi].span.end - 1) + 1;
            if e >= end || matches!(cx.text(e), "," | ".") {
                j = e.min(end);
            }
        }
    }
    (j > k).then_some((k, j))
}

/// Whether a cue word is also a common noun, singular or plural ("the
/// agency's situation report", "police reports").
pub(super) fn nouny(lower: &str) -> bool {
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
        && (!is_day_word(lw) || lw == "today")
        && !is_month_word(lw)
}
