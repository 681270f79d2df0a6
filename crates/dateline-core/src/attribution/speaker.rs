//! Speakers: the entity a source names or refers to: a name, a pronoun by
//! gender and recency, a role, an organisation by its head noun, or the
//! issuer of a document ([`speaker_of`]).

use super::*;

/// The speaker entity of a source token range, with "he"/"she" checked
/// against the speaker's gender.
pub(super) fn speaker_of(cx: &Ctx<'_>, source: (usize, usize)) -> (Option<usize>, Vec<usize>) {
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
pub(super) fn mention_speaker(cx: &Ctx<'_>, (a, b): (usize, usize)) -> (Option<usize>, Vec<usize>) {
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
    let after = |m: &Mention| cx.body.get(m.span.end..span.end).unwrap_or("").trim_start_matches([',', ' ']).split_whitespace().next();
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
    // (not a place that says where: "officials in Omsk")
    let best = best.filter(|m| locative_before(cx, m, a).is_none());
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
    // `documents::issuer`); "CNN's projections": the owner, unless the head
    // is a person of their own ("his family", "Johnson's critics",
    // "Chelyabinsk's governor") or the owner is in a phrase of its own
    // ("critics from across Britain's political spectrum")
    let head = cx.lower(b - 1);
    let owned = || {
        let possessive = (a..b - 1).find(|&k| cx.possessive(k, true));
        possessive.is_some_and(|p| !(a..p).any(|k| PHRASE_OPENERS.contains(cx.lower(k)))) && !RELATIONS.contains(head) && !lexicon::title_head(head) && lexicon::title(head).is_none()
    };
    if best.is_none() && b >= a + 2 && (SPEAKS_FOR.contains(head) || owned()) {
        if let Some(m) = documents::owner(cx, a, b - 1) {
            return (m.entity, m.members.clone());
        }
    }
    // "the governor of Ohio": Ohio is no speaker ("a spokesman for Acme":
    // Acme is; see the `speaks-for` words)
    if let Some(m) = best {
        let first = name_list_start(cx, m, a);
        let of = first - usize::from(first > a && (cx.lower(first - 1) == "the" || cx.possessive(first - 1, false)));
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
