//! Triggers: the words of a sentence that report an event (speech and
//! action verbs, frame and occurrence nouns), a light verb and its event
//! noun joined into one.

use crate::segment::TokenKind;

use super::read::{ends_phrase, is_cap, is_pronoun, Tok};
use super::words::{Form, FRAME_NOUNS, LIGHT, OCCURRENCE_NOUNS};
use super::Class;

/// A trigger found in a sentence, before time and merging.
#[derive(Clone, Debug)]
pub(super) struct Trigger {
    pub(super) at: usize,
    /// Last token of a multi-word trigger ("press conference").
    pub(super) head_end: usize,
    pub(super) lemma: String,
    /// The verb's own lemma, for labels ("hold" in "held a press conference").
    pub(super) word: String,
    pub(super) class: Class,
    pub(super) verb: Option<Form>,
    pub(super) perfect: bool,
    /// Event noun objects merged into this verb (token index of the noun).
    pub(super) noun_object: Option<usize>,
    /// Absorbed into another trigger of the sentence.
    pub(super) absorbed: bool,
}

pub(super) fn find_triggers(toks: &[Tok<'_>]) -> Vec<Trigger> {
    let mut out: Vec<Trigger> = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || t.name.is_some() || t.timex {
            continue;
        }
        let l = t.lower.as_ref();
        let prev = if k > 0 { toks[k - 1].lower.as_ref() } else { "" };
        let prev2 = if k > 1 { toks[k - 2].lower.as_ref() } else { "" };
        let modal = matches!(prev, "to" | "will" | "would" | "can" | "could" | "should" | "may" | "might" | "must" | "not" | "n't" | "did" | "does" | "do" | "'ll");
        // Event nouns (not after a pronoun, a modal or "to").
        let noun_class = if FRAME_NOUNS.contains(&l) { Some(Class::Frame) } else if OCCURRENCE_NOUNS.contains(&l) { Some(Class::Occurrence) } else { None };
        if let Some(class) = noun_class {
            let verb_use = modal || is_pronoun(prev) || (matches!(prev, "is" | "was" | "were" | "are" | "be") && l.ends_with("ing"));
            let gerund_noun = l == "meeting" && matches!(prev, "after" | "before" | "following" | "a" | "the" | "his" | "her" | "their" | "this" | "that" | "unexpected");
            if !verb_use || gerund_noun {
                let lemma = match l {
                    "conference" if matches!(prev, "press" | "news") => "press conference".to_string(),
                    "meeting" | "meetings" => "meet".into(),
                    "agreement" => "agree".into(),
                    "talks" | "conversation" | "negotiations" => "talks".into(),
                    "remarks" => "statement".into(),
                    x => x.trim_end_matches('s').to_string(),
                };
                // Plain nouns need a determiner, adjective, or noun before them ("a cruise missile strike").
                let np = k > 0 && (toks[k - 1].kind == TokenKind::Word || toks[k - 1].kind == TokenKind::Number || toks[k - 1].text == "”" || toks[k - 1].text == "’s");
                if np || gerund_noun {
                    out.push(Trigger { at: k, head_end: k, word: lemma.clone(), lemma, class, verb: None, perfect: false, noun_object: None, absorbed: false });
                    continue;
                }
            }
        }
        // Verbs.
        let (speech, action) = t.verbs();
        let (lemma, form, class) = match (speech, action) {
            (Some((lm, f)), _) => (lm, f, Class::Statement),
            (None, Some((lm, f))) => (lm, f, Class::Occurrence),
            _ => continue,
        };
        if form == Form::Ing || is_cap(t.text) && k > 0 {
            continue;
        }
        let next = toks.get(k + 1).map(|x| x.lower.as_ref()).unwrap_or("");
        if form == Form::Base && !matches!(prev, "will" | "'ll" | "shall" | "did" | "would") && !(prev == "to" && matches!(prev2, "set" | "due" | "going" | "scheduled" | "expected" | "plans" | "planned")) {
            continue;
        }
        // "bombs", "strikes": present-tense actions read like plural nouns; news tells actions in the past.
        if form == Form::Present && class == Class::Occurrence {
            continue;
        }
        // "call" only as "called for/on"; "point" as "pointed to/out"; "add"/"note" fine.
        if lemma == "call" && !matches!(next, "for" | "on") {
            continue;
        }
        if lemma == "point" && !matches!(next, "to" | "out") {
            continue;
        }
        if matches!(lemma, "close" | "fire" | "charge" | "release" | "state" | "order" | "sentence" | "vote" | "deal" | "hold") && form == Form::Present {
            continue;
        }
        let perfect = matches!(prev, "has" | "have" | "had" | "'ve" | "'s" | "repeatedly") || matches!(prev2, "has" | "have" | "had") && prev.ends_with("ly") || l.ends_with("'ve");
        let perfect = perfect || (k > 0 && toks[k - 1].text.ends_with("'ve"));
        // A participle after "be" or after an event noun ("the attack carried out by", "believed to be launched by").
        let aux = if prev.ends_with("ly") { prev2 } else { prev };
        let passive_after_noun = matches!(aux, "be" | "been" | "being") && out.iter().rev().any(|tr| tr.verb.is_none() && k - tr.at <= 6);
        if passive_after_noun || aux == "being" {
            continue;
        }
        // "The attack was condemned": a passive speech act has no speaker to show.
        if class == Class::Statement && matches!(aux, "was" | "were" | "is" | "are" | "be" | "been") && form == Form::Past {
            continue;
        }
        // "Ortiz agreed.": assent, a statement.
        let class = if lemma == "agree" && matches!(next, "." | "," | "" | "with") { Class::Statement } else { class };
        // "Russia says ...": a standing position, not an event of a day.
        let perfect = perfect || (class == Class::Statement && form == Form::Present);
        out.push(Trigger { at: k, head_end: k, lemma: lemma.to_string(), word: lemma.to_string(), class, verb: Some(form), perfect, noun_object: None, absorbed: false });
    }
    // A verb with an event noun as its object is one event; a verb right after
    // an event noun in a relative clause ("the attack that killed") belongs to it.
    for v in 0..out.len() {
        if out[v].verb.is_none() {
            continue;
        }
        let at = out[v].at;
        if let Some(n) = (v + 1..out.len()).find(|&n| out[n].verb.is_none() && out[n].at > at && out[n].at - at <= 5 && !toks[at + 1..out[n].at].iter().any(ends_phrase)) {
            let light = LIGHT.contains(&out[v].lemma.as_str()) || out[v].lemma == out[n].lemma;
            if light && out[v].class != Class::Statement {
                out[v].noun_object = Some(out[n].at);
                out[v].lemma = out[n].lemma.clone();
                out[v].class = out[n].class;
                out[n].absorbed = true;
            }
        }
        if at >= 2 && matches!(toks[at - 1].lower.as_ref(), "that" | "which") && out.iter().any(|n| n.verb.is_none() && n.at + 1 == at - 1) {
            out[v].absorbed = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::Fixture;

    /// (lemma, absorbed, is a verb) of each trigger of the first sentence.
    fn triggers(text: &str) -> Vec<(String, bool, bool)> {
        let f = Fixture::new(text);
        f.sentence(0).triggers.iter().map(|t| (t.lemma.clone(), t.absorbed, t.verb.is_some())).collect()
    }

    #[test]
    fn a_light_verb_and_its_event_noun_are_one_trigger() {
        assert_eq!(triggers("The ministers held a press conference."), [("press conference".into(), false, true), ("press conference".into(), true, false)]);
    }

    #[test]
    fn a_verb_in_a_relative_clause_after_an_event_noun_belongs_to_it() {
        let got = triggers("The rebels denied the attack that killed ten people.");
        assert!(got.contains(&("attack".into(), false, false)));
        assert!(got.contains(&("kill".into(), true, true)), "{got:?}");
    }

    #[test]
    fn present_tense_actions_and_bare_base_forms_are_no_events() {
        assert_eq!(triggers("The company sells cars and buys parts."), []);
        assert_eq!(triggers("They will meet in Rome."), [("meet".into(), false, true)]);
    }
}
