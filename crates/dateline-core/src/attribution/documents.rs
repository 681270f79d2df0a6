//! Documents as sources: "The ministry issued a statement. The statement
//! said …", "X released a statement which read …", "… a statement. It read
//! …", "the judge's statement reads …". The speaker is the document's
//! issuer: the owner before a possessive, or the subject of the clause that
//! names the document earlier, in the source's sentence or the two before.
//! No issuer found: no speaker (never a guess).

use super::{first_subject, mention_speaker, Ctx, DOCUMENTS};
use crate::entities::{EntityKind, Mention};

/// How far back (in sentences) the document may have been named.
const SENTENCES_BACK: usize = 2;

/// The issuer (speaker, joint speakers) of the document a source (tokens
/// `a..b`) names or refers to.
pub(super) fn issuer(cx: &Ctx<'_>, (a, b): (usize, usize)) -> Option<(Option<usize>, Vec<usize>)> {
    let head = b.checked_sub(1)?;
    let pronoun = b == a + 1 && matches!(cx.lower(a), "which" | "it" | "that");
    if !pronoun && !is_document(cx, head) {
        return None;
    }
    // "the judge's statement", "the NHC advisory": the owner
    if let Some(m) = owner(cx, a, head).filter(|_| !pronoun) {
        return Some((m.entity, m.members.clone()));
    }
    let named = earlier_mention(cx, a)?;
    let si = cx.seg.sentence_at(cx.tokens[named].span.start)?;
    let subject = first_subject(cx, cx.seg.sentences[si].tokens.start, named)?;
    let (speaker, speakers) = mention_speaker(cx, subject);
    speaker.map(|_| (speaker, speakers))
}

/// The name that owns the head noun at token `head` of a source starting at
/// token `a`: a possessive before it ("the judge's statement", "RIAA's DMCA
/// notice"), else an organisation or group named right before it ("a
/// Hampshire Police spokesman", "the NHC advisory", "an AEW press release").
pub(super) fn owner<'c>(cx: &'c Ctx<'_>, a: usize, head: usize) -> Option<&'c Mention> {
    let possessive = (a..head).find(|&k| cx.possessive(k, false));
    let named = match possessive {
        Some(k) => cx.mentions_starting_in(cx.tokens[a].span.start, cx.tokens[k].span.start).map(|(_, m)| m).find(|m| m.span.end >= cx.tokens[k].span.start && m.span.end <= cx.tokens[k].span.end),
        None => (a..head).rev().take(2).find_map(|k| cx.mention_ending(k)).map(|mi| &cx.ents.mentions[mi]).filter(|m| m.entity.is_some_and(|e| matches!(cx.ents.entities[e].kind, EntityKind::Organization | EntityKind::Group))),
    };
    named.filter(|m| m.entity.is_some() && !m.in_quote)
}

/// Whether token `k` is a document noun ("statement", "statements").
fn is_document(cx: &Ctx<'_>, k: usize) -> bool {
    let w = cx.lower(k);
    DOCUMENTS.contains(w) || w.strip_suffix('s').is_some_and(|s| DOCUMENTS.contains(s))
}

/// The last document noun before token `a` (outside quotes), in its
/// sentence or the [`SENTENCES_BACK`] before.
fn earlier_mention(cx: &Ctx<'_>, a: usize) -> Option<usize> {
    let si = cx.seg.sentence_at(cx.tokens[a].span.start)?;
    // (at most TOKENS_BACK tokens: a run-on "sentence" is not rescanned for every source)
    let first = cx.seg.sentences[si.saturating_sub(SENTENCES_BACK)].tokens.start.max(a.saturating_sub(TOKENS_BACK));
    (first..a).rev().find(|&k| !cx.in_quote[k] && is_document(cx, k))
}

/// How far back (in tokens) the document may have been named.
const TOKENS_BACK: usize = 200;

#[cfg(test)]
mod tests {
    use crate::segment::segment;

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let seg = segment(text);
        let q = crate::quotes::find(text, &seg);
        let e = crate::entities::resolve(text, &seg, &q);
        let a = super::super::attribute(text, &seg, &q, &e);
        a.quotes.iter().map(|x| (x.content.text(text).to_string(), x.speaker.map(|s| e.entities[s].name.clone()))).collect()
    }

    #[test]
    fn a_statement_speaks_for_its_issuer() {
        let got = speakers("The Kestrel Transit Authority issued a statement on Monday. The statement said fares would rise.");
        assert_eq!(got, [("fares would rise".to_string(), Some("Kestrel Transit Authority".to_string()))]);
        let got = speakers("Acme Widgets released a statement which read, “We regret the delay.”");
        assert_eq!(got, [("We regret the delay.".to_string(), Some("Acme Widgets".to_string()))]);
    }

    #[test]
    fn no_issuer_no_speaker() {
        let got = speakers("The statement said fares would rise.");
        assert_eq!(got, [("fares would rise".to_string(), None)]);
    }
}
