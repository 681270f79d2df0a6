//! Participants: for each trigger, the clause that reports it (evidence),
//! its subject and the entities mentioned there, and for statements the
//! speaker (named, or "he"/"she" for the last one named).

use std::collections::BTreeSet;

use crate::segment::TokenKind;
use crate::span::{Span, SpanIndex};

use super::label::make_label;
use super::read::{ends_phrase, is_cap, is_pronoun, is_verbish, Name, Tok};
use super::words::{Form, STOP, TITLES};
use super::{ArticleInput, Class, Event, EventTime, SentenceRead};
use crate::lexicon::trim_suffix;

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
        // An apposition naming the partner: ", Foreign Minister Sergey Lavrov."
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
/// the clause, or (inverted, "said Tillerson") the name right after it.
pub(super) fn subject(toks: &[Tok<'_>], names: &[Name], k: usize) -> (Option<usize>, Option<usize>) {
    // returns (name index, start token of the subject)
    let mut j = k;
    let mut steps = 0;
    // "Russia, a top Assad backer, says": skip the apposition.
    if k >= 2 && toks[k - 1].text == "," {
        if let Some(open) = (0..k - 1).rev().take(8).find(|&c| toks[c].text == ",") {
            if open > 0 {
                if let Some(n) = toks[open - 1].name {
                    return (Some(n), Some(names[n].start));
                }
            }
        }
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
    // "The Trump administration concluded ..., and on Thursday ordered": the sentence's subject.
    if let Some(n) = names.iter().position(|n| n.start <= 3 && n.start < k) {
        if !toks[..names[n].start].iter().any(|t| t.kind == TokenKind::Punct) && !toks[names[n].start..k].iter().any(|t| t.lower == "that") {
            return (Some(n), None);
        }
    }
    (None, None)
}

// ------------------------------------------------------------------ per article


/// Who spoke last in the article, for "he said".
#[derive(Default)]
pub(super) struct Speakers {
    /// The last named speaker: (key, display name).
    last: Option<(String, String)>,
    /// Every speaker named so far.
    seen: BTreeSet<String>,
}

/// The event of trigger `ti` of a sentence: its evidence, participants,
/// speaker, label and aspect; its time is set by the anchoring pass.
pub(super) fn clause_event(a: usize, article: &ArticleInput<'_>, mention_index: &SpanIndex, s: &SentenceRead<'_, '_>, ti: usize, speakers: &mut Speakers) -> Event {
    let (si, toks, names, triggers, explicit, vague_triggers) = (s.index, &s.toks, &s.names, &s.triggers, &s.explicit, &s.vague);
    let tr = &triggers[ti];
    let token_of = |span: Span| s.token_of(span);
    let Speakers { last: last_speaker, seen: speakers_seen } = speakers;
        let k = tr.at;
        let (subj, subj_start) = subject(&toks, &names, k);
        // Evidence and participants.
        let (ev_start, ev_end) = if tr.verb.is_some() {
            let end_tok = match tr.noun_object {
                Some(n) => noun_phrase(&toks, n).1,
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
            let mut s = subj_start.filter(|s| *s < k).unwrap_or(k);
            if let Some(tx) = explicit.get(&ti) {
                let at = token_of(tx.span);
                if at < s {
                    s = if at > 0 && matches!(toks[at - 1].lower.as_ref(), "on" | "in" | "at") { at - 1 } else { at };
                }
            }
            (s, end_tok.max(k))
        } else {
            let (s, e) = noun_phrase(&toks, k);
            // Extend back to the governing verb of the clause.
            let mut g = s;
            let mut j = s;
            let mut steps = 0;
            while j > 0 && steps < 8 {
                j -= 1;
                steps += 1;
                if matches!(toks[j].text, "," | ";" | ".") {
                    break;
                }
                if is_verbish(&toks[j]) || (toks[j].lower.ends_with("ing") && toks[j].lower.len() > 5 && toks[j].name.is_none()) {
                    g = j;
                    break;
                }
            }
            (g, e)
        };
        let evidence = Span::new(toks[ev_start].span.start, toks[ev_end].span.end);
        let mut participants: Vec<String> = Vec::new();
        let add = |participants: &mut Vec<String>, n: usize| {
            let key = names[n].key.clone();
            if !participants.contains(&key) {
                participants.push(key);
            }
        };
        if let Some(n) = subj.filter(|_| tr.verb.is_some()) {
            add(&mut participants, n);
        }
        for t in &toks[ev_start..=ev_end] {
            if let Some(n) = t.name {
                add(&mut participants, n);
            }
        }
        // With the entity stage: the entities mentioned in the subject and the evidence.
        if !article.mentions.is_empty() {
            let subject_span = subj_start.map(|s| Span::new(toks[s].span.start, toks[k].span.start));
            let mut near = Vec::new();
            mention_index.push_overlapping(evidence, &mut near);
            if let Some(s) = subject_span {
                mention_index.push_overlapping(s, &mut near);
            }
            crate::sort::sort(&mut near);
            near.dedup();
            participants = near
                .into_iter()
                .map(|i| article.mentions[i].1.clone())
                .fold(Vec::new(), |mut v, id| {
                    if !v.contains(&id) {
                        v.push(id);
                    }
                    v
                });
        }
        let words: BTreeSet<String> = toks[ev_start..=ev_end]
            .iter()
            .filter(|t| t.kind == TokenKind::Word && t.lower.len() > 2 && !STOP.contains(&t.lower.as_ref()) && !t.timex)
            .map(|t| trim_suffix(&t.lower, "'s").trim_end_matches('s').to_string())
            .collect();
        let modifiers: BTreeSet<String> = if tr.verb.is_none() {
            let (np_start, _) = noun_phrase(&toks, k);
            toks[np_start..k]
                .iter()
                .filter(|t| t.kind == TokenKind::Word && t.lower.len() > 2 && !STOP.contains(&t.lower.as_ref()) && !t.timex && !tr.lemma.contains(t.lower.as_ref()))
                .map(|t| t.lower.trim_end_matches('s').to_string())
                .collect()
        } else {
            BTreeSet::new()
        };
        let pronoun = subj.is_none() && subj_start.is_some_and(|s| matches!(toks[s].lower.as_ref(), "he" | "she"));
        let pronoun_speaker = if pronoun {
            let in_sentence = toks[..k].iter().rev().find_map(|t| t.name.filter(|n| speakers_seen.contains(&names[*n].key)));
            in_sentence.map(|n| (names[n].key.clone(), names[n].display.clone())).or_else(|| last_speaker.clone())
        } else {
            None
        };
        let speaker = if tr.class == Class::Statement || tr.lemma == "statement" {
            subj.map(|n| names[n].key.clone())
                .or_else(|| {
                    // "a statement Tillerson himself made"
                    toks[k + 1..].iter().take(3).find_map(|t| t.name).map(|n| names[n].key.clone())
                })
                // "he said": the last person named as a speaker.
                .or_else(|| pronoun_speaker.as_ref().map(|(key, _)| key.clone()))
        } else {
            None
        };
        if tr.class == Class::Statement {
            if let Some(n) = subj {
                *last_speaker = Some((names[n].key.clone(), names[n].display.clone()));
                speakers_seen.insert(names[n].key.clone());
            } else if let Some(p) = &pronoun_speaker {
                *last_speaker = Some(p.clone());
            }
        }
        let plain_subject = (k > 0 && tr.verb.is_some() && toks[k - 1].kind == TokenKind::Word && toks[k - 1].name.is_none() && !is_pronoun(&toks[k - 1].lower) && toks[k - 1].lower.ends_with('s') && !STOP.contains(&toks[k - 1].lower.as_ref()))
            .then(|| {
                let mut w = toks[k - 1].text.to_string();
                if let Some(c) = w.get(0..1) {
                    w = c.to_uppercase() + &w[1..];
                }
                w
            });
        let who = subj
            .map(|n| names[n].display.clone())
            .or_else(|| pronoun_speaker.as_ref().filter(|_| tr.verb.is_some()).map(|(_, d)| d.clone()))
            .or(plain_subject);
        if let (true, Some(key)) = (tr.verb.is_some(), pronoun_speaker.as_ref().map(|(k, _)| k.clone())) {
            if !participants.contains(&key) {
                participants.insert(0, key);
            }
        }
        let label = make_label(toks, tr, who, ev_end);
        let reported = toks[k].quoted
            || (tr.class != Class::Statement && tr.verb.is_some() && triggers.iter().any(|o| o.class == Class::Statement && o.verb.is_some() && o.at < k));
        let cued = explicit.get(&ti).is_some_and(|t| t.note.contains("cue '"));
        let definite = tr.verb.is_none() && k > 0 && toks[..k].iter().rev().take(4).any(|t| matches!(t.lower.as_ref(), "the" | "its" | "his" | "her" | "their" | "this" | "that"));
        let ev = Event {
            article: a,
            sentence: si,
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
            vague: (tr.perfect && !toks[k].quoted && !reported) || vague_triggers.contains(&ti),
            cued,
            verb_past: tr.verb == Some(Form::Past) && !tr.perfect,
            is_verb: tr.verb.is_some(),
            definite,
            dropped: false,
        };
    ev
}
