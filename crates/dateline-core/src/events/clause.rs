//! Participants: for each trigger, the clause that reports it (evidence),
//! its subject and the entities mentioned there, and for statements the
//! speaker (named, or "he"/"she" for the last one named).

use std::collections::BTreeSet;

use crate::lexicon::trim_suffix;
use crate::segment::TokenKind;
use crate::span::Span;

use crate::attribution::Quote;

use super::label::{make_label, LabelParts};
use super::read::{ends_phrase, is_cap, is_pronoun, is_verbish, Name, Tok};
use super::triggers::Trigger;
use super::words::{Form, STOP, TITLES};
use super::{ArticleInput, Class, Event, EventTime, SentenceRead};

/// with a following prepositional complement.
/// The noun phrase around an event noun at `k`: (first token, last token),
pub(super) fn noun_phrase(toks: &[Tok<'_>], k: usize) -> (usize, usize) {
    let mut s = k;
    while s > 0 {
        let t = &toks[s - 1];
        let l = t.lower.as_ref();
        let part = (t.kind == TokenKind::Word || t.kind == TokenKind::Number || t.text == "’" || t.text == "'")
            && !matches!(l, "of" | "over" | "in" | "on" | "at" | "during" | "after" | "before" | "following" | "for" | "with" | "by" | "from" | "to" | "into" | "about" | "and" | "or" | "that" | "which")
            && !is_verbish(t);
        if !part {
            break;
        }
        s -= 1;
        if matches!(l, "a" | "an" | "the" | "its" | "his" | "her" | "their" | "our" | "this" | "that") {
            break;
        }
    }
    let mut e = k;
    let complement = toks.get(k + 1).is_some_and(|t| matches!(t.lower.as_ref(), "with" | "of" | "on" | "against" | "in" | "by" | "into" | "to" | "between" | "carried"));
    if complement {
        let mut j = k + 1;
        while j < toks.len() && j <= k + 9 {
            if j > k + 1 && (ends_phrase(&toks[j]) && toks[j].text != "-") || (j > k + 2 && is_verbish(&toks[j]) && toks[j].lower != "carried") {
                break;
            }
            e = j;
            j += 1;
        }
        // An apposition naming the partner: ", Trade Minister Ana Ortiz."
        if toks.get(e + 1).is_some_and(|t| t.text == ",") {
            let mut first = e + 2;
            while toks.get(first).is_some_and(|t| t.name.is_none() && is_cap(t.text) && TITLES.contains(&t.lower.trim_end_matches('.'))) {
                first += 1;
            }
            if let Some(n) = toks.get(first).and_then(|t| t.name) {
                let mut j = first;
                while j < toks.len() && (toks[j].name == Some(n) || TITLES.contains(&toks[j].lower.as_ref()) && is_cap(toks[j].text)) {
                    j += 1;
                }
                if toks.get(j).is_none_or(|t| matches!(t.text, "." | "," | ";")) && j > e + 2 {
                    e = j - 1;
                }
            }
        }
    }
    (s, e)
}

/// The subject of the trigger at `k`: the name or pronoun nearest before it in
/// the clause, or (inverted, "said Ortiz") the name right after it.
pub(super) fn subject(toks: &[Tok<'_>], names: &[Name], k: usize) -> (Option<usize>, Option<usize>) {
    // returns (name index, start token of the subject)
    let mut j = k;
    let mut steps = 0;
    // "Acme, a parts maker, says": skip the apposition.
    if k >= 2 && toks[k - 1].text == "," {
        if let Some(open) = (0..k - 1).rev().take(8).find(|&c| toks[c].text == ",") {
            if open > 0 {
                if let Some(n) = toks[open - 1].name {
                    return (Some(n), Some(names[n].start));
                }
            }
        }
    }
    // "the families of those who lost": a restrictive relative's subject
    // is the noun before it, which names no one ("X, who visited" is X, and
    // so is "X, the driver who killed").
    if k >= 2 && matches!(toks[k - 1].lower.as_ref(), "who" | "which") && toks[k - 2].kind == TokenKind::Word && toks[k - 2].name.is_none() {
        let before = (0..k - 2).rev().take(6).find(|&j| toks[j].kind != TokenKind::Word);
        if let Some(n) = before.filter(|&c| c > 0 && toks[c].text == ",").and_then(|c| toks[c - 1].name) {
            return (Some(n), Some(names[n].start));
        }
        return (None, Some(k - 1));
    }
    while j > 0 && steps < 8 {
        j -= 1;
        steps += 1;
        let t = &toks[j];
        if let Some(n) = t.name {
            return (Some(n), Some(names[n].start.min(j)));
        }
        if is_pronoun(&t.lower) {
            return (None, Some(j));
        }
        if matches!(t.text, ";" | "“" | "\"" ) || (t.text == "," && !(j > 0 && matches!(toks[j - 1].text, "”" | "\""))) && steps > 1 {
            break;
        }
        if matches!(t.text, "”") || t.lower == "that" {
            return (None, None);
        }
    }
    if let Some(n) = toks.get(k + 1).and_then(|t| t.name) {
        return (Some(n), None);
    }
    // "The administration concluded that ..., and on Thursday ordered": a
    // verb coordinated with the main one shares the sentence's subject.
    let mut c = k;
    while c > 0 && (toks[c - 1].timex || matches!(toks[c - 1].lower.as_ref(), "on" | "in" | "at" | "then" | "later" | "also") || toks[c - 1].lower.ends_with("ly")) {
        c -= 1;
    }
    let coordinated = c > 0 && toks[c - 1].lower == "and";
    if let Some(n) = names.iter().position(|n| n.start <= 3 && n.start < k) {
        if !toks[..names[n].start].iter().any(|t| t.kind == TokenKind::Punct) && (coordinated || !toks[names[n].start..k].iter().any(|t| t.lower == "that")) {
            return (Some(n), None);
        }
    }
    (None, None)
}

// ------------------------------------------------------------------ the clause event

/// The event of trigger `ti` of a sentence: its evidence, participants,
/// speaker, label and aspect; its time is set by the anchoring pass.
pub(super) fn clause_event(a: usize, article: &ArticleInput<'_>, s: &SentenceRead<'_, '_>, ti: usize) -> Event {
    let (toks, names, triggers) = (&s.toks, &s.names, &s.triggers);
    let tr = &triggers[ti];
    let k = tr.at;
    let (subj, subj_start) = subject(toks, names, k);
    let (ev_start, ev_end) = evidence_extent(s, ti, subj_start);
    let evidence = Span::new(toks[ev_start].span.start, toks[ev_end].span.end);
    let from = subj_start.unwrap_or(ev_start).min(ev_start);
    let mut participants: Vec<String> = Vec::new();
    for t in &toks[from..=ev_end] {
        if let Some(key) = t.name.map(|n| &names[n].key) {
            if !participants.contains(key) {
                participants.push(key.clone());
            }
        }
    }
    let statement = tr.class == Class::Statement || tr.lemma == "statement";
    let cued = statement.then(|| cued_quote(article, s, ti)).flatten();
    let speaker = statement.then(|| speaker_of(article, s, ti, subj, cued)).flatten();
    let actor = match (cued.and_then(|q| q.speaker), subj) {
        (Some(e), _) if tr.class == Class::Statement => Some(article.entities.entities[e].name.clone()),
        (_, Some(n)) => Some(names[n].display.clone()),
        _ => first_person_speaker(article, s, k, subj_start),
    };
    let content = cued.filter(|_| tr.class == Class::Statement).map(|q| q.content.text(article.body));
    let label = make_label(toks, names, tr, &LabelParts { actor, content, start: ev_start, end: ev_end });
    let reported = toks[k].quoted
        || (tr.class != Class::Statement && tr.verb.is_some() && triggers.iter().any(|o| o.class == Class::Statement && o.verb.is_some() && o.at < k));
    let cued = s.explicit.get(&ti).is_some_and(|t| t.note.contains("cue '"));
    let definite = tr.verb.is_none() && k > 0 && toks[..k].iter().rev().take(4).any(|t| matches!(t.lower.as_ref(), "the" | "its" | "his" | "her" | "their" | "this" | "that"));
    let (words, modifiers) = match_words(toks, tr, ev_start, ev_end);
    Event {
        article: a,
        sentence: s.index,
        trigger: Span::new(toks[k].span.start, toks[tr.head_end].span.end),
        lemma: tr.lemma.clone(),
        class: tr.class,
        evidence,
        participants,
        speaker,
        time: EventTime::default(),
        explicit: false,
        label,
        words,
        modifiers,
        at_frame: None,
        reported,
        vague: (tr.perfect && !toks[k].quoted && !reported) || s.vague.contains(&ti),
        cued,
        verb_past: tr.verb == Some(Form::Past) && !tr.perfect,
        is_verb: tr.verb.is_some(),
        definite,
        dropped: false,
    }
}

/// The tokens (first, last) of the clause that reports trigger `ti`: for a
/// verb, from its subject (or an explicit time before it) to the end of its
/// object; for a noun, its noun phrase and the verb that governs it.
fn evidence_extent(s: &SentenceRead<'_, '_>, ti: usize, subj_start: Option<usize>) -> (usize, usize) {
    let (toks, triggers) = (&s.toks, &s.triggers);
    let tr = &triggers[ti];
    let k = tr.at;
    if tr.verb.is_none() {
        let (start, end) = noun_phrase(toks, k);
        // Extend back to the governing verb of the clause.
        let mut j = start;
        let mut steps = 0;
        while j > 0 && steps < 8 {
            j -= 1;
            steps += 1;
            if matches!(toks[j].text, "," | ";" | ".") {
                break;
            }
            if is_verbish(&toks[j]) || (toks[j].lower.ends_with("ing") && toks[j].lower.len() > 5 && toks[j].name.is_none()) {
                return (j, end);
            }
        }
        return (start, end);
    }
    let end = match tr.noun_object {
        Some(n) => noun_phrase(toks, n).1,
        None => {
            let mut e = k;
            let mut j = k + 1;
            while j < toks.len() && j <= k + 8 && !ends_phrase(&toks[j]) {
                if j > k + 1 && triggers.iter().any(|o| o.at == j && o.verb.is_some()) {
                    break;
                }
                e = j;
                j += 1;
            }
            e
        }
    };
    let mut start = subj_start.filter(|s| *s < k).unwrap_or(k);
    if let Some(tx) = s.explicit.get(&ti) {
        let at = s.token_of(tx.span);
        if at < start {
            start = if at > 0 && matches!(toks[at - 1].lower.as_ref(), "on" | "in" | "at") { at - 1 } else { at };
        }
    }
    (start, end.max(k))
}

/// The quote (from the attribution stage) whose cue is trigger `ti`.
fn cued_quote<'q>(article: &ArticleInput<'q>, s: &SentenceRead<'_, '_>, ti: usize) -> Option<&'q Quote> {
    let trigger = s.toks[s.triggers[ti].at].span;
    let quotes = &article.attributions.quotes;
    s.cues.iter().map(|&q| &quotes[q]).find(|q| q.cue.is_some_and(|c| c.overlaps(trigger)))
}

/// "We agreed ..." inside a quote: the speaker (and their side) did it. The
/// speaker of the quote holding token `k` (or its source as written, "the
/// minister", when it names no entity), when its subject is "I" or "we".
fn first_person_speaker(article: &ArticleInput<'_>, s: &SentenceRead<'_, '_>, k: usize, subj_start: Option<usize>) -> Option<String> {
    let pronoun = s.toks[subj_start?].lower.split(['\'', '’']).next().unwrap_or("").to_string();
    if !matches!(pronoun.as_str(), "i" | "we") || !s.toks[k].quoted {
        return None;
    }
    let quotes = &article.attributions.quotes;
    let quote = s.contents.iter().map(|&q| &quotes[q]).find(|q| q.content.contains(s.toks[k].span))?;
    match (quote.speaker, quote.source) {
        (Some(e), _) => Some(article.entities.entities[e].name.clone()),
        (None, Some(source)) => Some(source.text(article.body).to_string()),
        _ => None,
    }
}

/// Who made a statement: the speaker the attribution stage found for the
/// quote it cues, else the named subject, else a name right after it ("a
/// statement Smith made"). Unknown stays unknown.
fn speaker_of(article: &ArticleInput<'_>, s: &SentenceRead<'_, '_>, ti: usize, subj: Option<usize>, cued: Option<&Quote>) -> Option<String> {
    if let Some(speaker) = cued.and_then(|q| q.speaker) {
        return Some(article.ids[speaker].clone());
    }
    let tr = &s.triggers[ti];
    subj.or_else(|| s.toks[tr.at + 1..].iter().take(3).find_map(|t| t.name)).map(|n| s.names[n].key.clone())
}

/// Content words of the clause, and for a noun event the words modifying
/// the noun ("chemical" in "the chemical attack"), for matching across articles.
fn match_words(toks: &[Tok<'_>], tr: &Trigger, ev_start: usize, ev_end: usize) -> (BTreeSet<String>, BTreeSet<String>) {
    let content = |t: &Tok<'_>| t.kind == TokenKind::Word && t.lower.len() > 2 && !STOP.contains(&t.lower.as_ref()) && !t.timex;
    let words = toks[ev_start..=ev_end].iter().filter(|t| content(t)).map(|t| trim_suffix(&t.lower, "'s").trim_end_matches('s').to_string()).collect();
    let modifiers = if tr.verb.is_none() {
        let (np_start, _) = noun_phrase(toks, tr.at);
        toks[np_start..tr.at].iter().filter(|t| content(t) && !tr.lemma.contains(t.lower.as_ref())).map(|t| t.lower.trim_end_matches('s').to_string()).collect()
    } else {
        BTreeSet::new()
    };
    (words, modifiers)
}

#[cfg(test)]
mod tests {
    use super::super::Fixture;

    #[test]
    fn an_apposition_between_subject_and_verb_is_skipped() {
        let f = Fixture::new("Acme Corp, a maker of parts, ordered a recall on Monday.");
        let e = f.events().into_iter().find(|e| e.lemma == "order").unwrap();
        assert_eq!(f.name(&e.participants[0]), "Acme");
    }

    #[test]
    fn a_coordinated_verb_shares_the_sentence_subject() {
        let f = Fixture::new("Acme Corp concluded that sales fell, and on Thursday ordered a recall.");
        let e = f.events().into_iter().find(|e| e.lemma == "order").unwrap();
        assert_eq!(e.label.as_deref(), Some("Acme orders a recall"));
    }

    #[test]
    fn a_restrictive_relative_names_no_one_but_an_apposition_names_its_name() {
        let f = Fixture::new("Mayor Ana Ortiz offered condolences to the families of those who lost their homes.");
        let lost = f.events().into_iter().find(|e| e.lemma == "lose");
        assert!(lost.as_ref().is_none_or(|e| e.label.is_none()), "{lost:?}");
        let f = Fixture::new("Police named Tom Hale, a local man who died in the flood on Monday.");
        let died = f.events().into_iter().find(|e| e.lemma == "die").unwrap();
        assert_eq!(died.label.as_deref(), Some("Tom Hale dies in the flood"));
    }

    #[test]
    fn a_statement_speaker_comes_from_attribution() {
        let f = Fixture::new("Mayor Ana Ortiz spoke first. “It is over,” she said on Monday.");
        let said = f.events().into_iter().find(|e| e.lemma == "say").unwrap();
        assert_eq!(said.speaker.as_deref().map(|s| f.name(s)), Some("Ana Ortiz"));
    }
}
