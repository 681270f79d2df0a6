//! Labels: a short clause for each event, as a newsroom timeline writes it:
//! who did what to whom ("Delfin Lorenzana orders a heightened alert from
//! troops"), a passive as a headline does ("At least 20 killed between the
//! two blasts"), a statement with its speaker and content ("Sheriff Bill
//! Brown says the fire is the worst-case scenario"), a noun event as its
//! phrase ("Referendum seeking to create a new autonomous region"). Time
//! expressions are left out (the item shows its date). An event whose label
//! would have no actor where it needs one gets `None`.

use crate::case::{Case, Letter};
use crate::segment::TokenKind;

use super::clause::noun_phrase;
use super::read::{ends_phrase, is_pronoun, is_verbish, Name, Tok};
use super::triggers::Trigger;
use super::words::third_person;
use super::Class;

/// The most words of an object or a statement's content in a label.
const OBJECT_WORDS: usize = 8;
const CONTENT_WORDS: usize = 10;

/// What a label is made of, from the clause pass.
pub(super) struct LabelParts<'a> {
    /// The actor: the named subject, or the statement's speaker.
    pub actor: Option<String>,
    /// For a statement: the words of its content (from the attribution
    /// stage's quote when there is one).
    pub content: Option<&'a str>,
    /// The clause's first and last tokens.
    pub start: usize,
    pub end: usize,
}

/// The label of trigger `tr`; `None` when a verb event has no actor to name
/// (a statement by someone unknown, "Dies").
pub(super) fn make_label(toks: &[Tok<'_>], names: &[Name], tr: &Trigger, parts: &LabelParts<'_>) -> Option<String> {
    // A named actor ("Conyers") takes a singular verb; a common noun
    // phrase may be plural ("Rebels").
    let (actor, named) = match &parts.actor {
        Some(a) => (Some(a.clone()), true),
        None => actor_phrase(toks, names, tr.at).map_or((None, false), |(a, named)| (Some(a), named)),
    };
    let label = match (tr.verb, tr.class) {
        (Some(_), Class::Statement) => {
            let content = parts.content.map(|c| words_of(c, CONTENT_WORDS)).unwrap_or_else(|| statement_content(toks, tr.at, parts.end));
            let actor = actor?;
            let verb = if plural(&actor, named) { tr.word.clone() } else { third_person(&tr.word) };
            format!("{actor} {verb} {content}")
        }
        (Some(_), _) => {
            let object = if parts.end > tr.at { text_of(toks, tr.at + 1, parts.end, OBJECT_WORDS) } else { String::new() };
            let actor = actor?;
            let verb = if passive(toks, tr.at) {
                toks[tr.at].lower.to_string()
            } else if plural(&actor, named) {
                tr.word.clone()
            } else {
                third_person(&tr.word)
            };
            format!("{actor} {verb} {object}")
        }
        (None, _) => {
            let phrase = noun_label(toks, tr.at);
            // A bare noun ("Election") says little: the clause that reports it does.
            if phrase.split_whitespace().count() < 3 && parts.start < tr.at {
                let clause = text_of(toks, parts.start, parts.end.max(tr.at), 10);
                let actor = parts.actor.clone().or_else(|| actor_phrase(toks, names, parts.start).map(|(a, _)| a));
                match actor.filter(|a| !clause.starts_with(a.as_str()) && toks[parts.start].name.is_none()) {
                    Some(actor) if is_verbish(&toks[parts.start]) => format!("{actor} {clause}"),
                    _ => clause,
                }
            } else {
                phrase
            }
        }
    };
    Some(capitalise(label.trim()))
}

/// The subject before the verb at `k` (auxiliaries, adverbs and time
/// expressions between them skipped): an entity's name, or a noun phrase
/// ("The second blast", "At least 20", "Twin bombings"); and whether it is
/// a name.
fn actor_phrase(toks: &[Tok<'_>], names: &[Name], k: usize) -> Option<(String, bool)> {
    let mut j = k;
    while j > 0 {
        let t = &toks[j - 1];
        let before_time = matches!(t.lower.as_ref(), "on" | "in" | "at" | "by") && toks[j].timex;
        let skip = t.timex || before_time || is_auxiliary(&t.lower) || t.lower.ends_with("ly") && t.kind == TokenKind::Word && t.lower.len() > 4;
        if !skip {
            break;
        }
        j -= 1;
    }
    let end = j.checked_sub(1)?;
    if let Some(n) = toks[end].name {
        return Some((names[n].display.clone(), true));
    }
    let head = &toks[end];
    if head.kind == TokenKind::Punct || is_pronoun(&head.lower) || is_clause_word(&head.lower) || head.quoted {
        return None;
    }
    let noun_phrase_start = |end: usize| {
        let mut start = end;
        while start > 0 && end - start < 5 {
            let t = &toks[start - 1];
            if t.kind == TokenKind::Punct || t.timex || t.quoted || is_clause_word(&t.lower) || is_verbish(t) || t.name.is_some() {
                break;
            }
            start -= 1;
        }
        start
    };
    let mut start = noun_phrase_start(end);
    // "Farmers in the province": a noun with its prepositional phrase.
    if start >= 2 && matches!(toks[start - 1].lower.as_ref(), "in" | "of" | "from" | "at") && toks[start - 2].kind == TokenKind::Word && !is_clause_word(&toks[start - 2].lower) && !is_verbish(&toks[start - 2]) && toks[start - 2].name.is_none() && !toks[start - 2].quoted {
        start = noun_phrase_start(start - 2);
    }
    // "at least 20", "at most five": a quantifier, not a place.
    if start > 0 && matches!(toks[start].lower.as_ref(), "least" | "most") && toks[start - 1].lower == "at" {
        start -= 1;
    }
    Some((text_of(toks, start, end, 6), false))
}

/// Be-forms and modals that stand between a subject and its verb.
fn is_auxiliary(lower: &str) -> bool {
    matches!(
        lower,
        "was" | "were" | "is" | "are" | "be" | "been" | "being" | "has" | "have" | "had" | "will" | "would" | "could" | "can" | "may"
            | "might" | "should" | "must" | "not" | "n't" | "also" | "then" | "reportedly" | "allegedly" | "later" | "subsequently"
    )
}

/// Words that start or join clauses and prepositional phrases: never inside a subject.
fn is_clause_word(lower: &str) -> bool {
    matches!(
        lower,
        "that" | "which" | "who" | "whom" | "and" | "or" | "but" | "after" | "before" | "since" | "while" | "when" | "where" | "if"
            | "because" | "as" | "of" | "in" | "on" | "at" | "to" | "for" | "with" | "by" | "from" | "into" | "over" | "during"
            | "following" | "between" | "against" | "about" | "under" | "according" | "said" | "says"
    )
}

/// A participle after a form of "be" ("were killed", "was arrested").
fn passive(toks: &[Tok<'_>], k: usize) -> bool {
    let before = toks[..k].iter().rev().find(|t| !(t.lower.ends_with("ly") && t.lower.len() > 4));
    before.is_some_and(|t| matches!(t.lower.as_ref(), "was" | "were" | "is" | "are" | "be" | "been" | "being"))
}

/// "Rebels", "At least 20", "White House officials": takes the plural
/// verb. A one-word name ("Conyers") is singular.
fn plural(actor: &str, named: bool) -> bool {
    let last = actor.rsplit(' ').next().unwrap_or(actor);
    // ("-ss", "-us", "-is": "the press", "the virus", "the crisis")
    let ends_in_s = last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us") && !last.ends_with("is");
    let lower_plural = ends_in_s || super::words::PLURAL_NOUNS.contains(&last.to_lower());
    let common_head = actor.contains(' ') && lower_plural && last.chars().next().is_some_and(char::is_lower);
    if named {
        return common_head;
    }
    let one_noun = !actor.contains(' ') && lower_plural && last.chars().skip(1).all(char::is_lower);
    common_head || one_noun || last.chars().all(|c| c.is_ascii_digit())
}

/// A statement's content written after its verb ("said that the talks
/// failed"), when the attribution stage gave none.
fn statement_content(toks: &[Tok<'_>], at: usize, end: usize) -> String {
    let mut c = at + 1;
    while c < toks.len() && (toks[c].timex || matches!(toks[c].lower.as_ref(), "that" | "on" | "earlier" | "later" | "," | "for" | "to" | "-" | "–" | "—")) {
        c += 1;
    }
    let stop = toks[c.min(toks.len().saturating_sub(1))..].iter().position(|t| matches!(t.text, "." | ";" | "“" | "”" | "\"")).map_or(toks.len() - 1, |p| c + p - 1);
    if c < toks.len() && stop >= c {
        text_of(toks, c, stop.max(end.min(stop)), CONTENT_WORDS)
    } else {
        String::new()
    }
}

/// A noun event's label: its phrase without the determiner, with what
/// follows it when the phrase alone is short ("Referendum seeking to
/// create a new autonomous region").
fn noun_label(toks: &[Tok<'_>], at: usize) -> String {
    let (ns, mut ne) = noun_phrase(toks, at);
    let mut from = ns;
    while from < at && matches!(toks[from].lower.as_ref(), "a" | "an" | "the" | "its" | "his" | "her" | "their" | "this" | "that") {
        from += 1;
    }
    // Short: the words that follow, to the end of the phrase ("Statement
    // Smith made only days before the vote").
    if ne + 1 - from < 3 {
        while ne + 1 < toks.len() && ne + 1 - from < 9 && !ends_phrase(&toks[ne + 1]) {
            ne += 1;
        }
    }
    text_of(toks, from, ne, 10)
}

/// The text of tokens `from..=to` with at most `max` words (then "…"), no
/// quotation marks, no time expressions or the preposition before one.
fn text_of(toks: &[Tok<'_>], from: usize, to: usize, max: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    let to = to.min(toks.len() - 1);
    for (k, t) in toks.iter().enumerate().take(to + 1).skip(from) {
        if n >= max {
            out.push('…');
            break;
        }
        let before_time = matches!(t.lower.as_ref(), "on" | "in" | "at" | "since" | "by") && toks.get(k + 1).is_some_and(|x| x.timex);
        if matches!(t.text, "“" | "”" | "\"") || t.timex || before_time {
            continue;
        }
        let glue = t.kind == TokenKind::Punct && !matches!(t.text, "(" | "[" | "$") || t.text.starts_with('\'') || t.text.starts_with('’');
        if !out.is_empty() && !glue {
            out.push(' ');
        }
        out.push_str(t.text);
        n += 1;
    }
    out.trim_end_matches([',', '.', ';', ':', ' ']).to_string()
}

/// At most `max` words of `text` (then "…"), without quotation marks; a
/// first word that is capitalised only because it opened the quote ("We",
/// "The") in lower case.
fn words_of(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().map(|w| w.trim_matches(['“', '”', '"'])).filter(|w| !w.is_empty()).collect();
    let mut out = words[..words.len().min(max)].join(" ");
    if let Some(first) = words.first() {
        let lower = first.to_lower();
        let opener = matches!(lower.as_str(), "we" | "the" | "it" | "this" | "there" | "they" | "our" | "a" | "an" | "these" | "those" | "that" | "he" | "she" | "you" | "my" | "its" | "their" | "his" | "her" | "in" | "on" | "at" | "if" | "when" | "what" | "no" | "there's" | "it's" | "we're" | "we've" | "we'll");
        if opener {
            out.replace_range(..first.len(), &lower);
        }
    }
    if words.len() > max {
        out.push('…');
    }
    out.trim_end_matches([',', '.', ';', ':']).to_string()
}

fn capitalise(label: &str) -> String {
    let mut chars = label.chars();
    match chars.next() {
        Some(c) => crate::case::upper_char(c).to_string() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::Fixture;

    /// The label of the event whose trigger reads `trigger`.
    fn label(text: &str, trigger: &str) -> Option<String> {
        let f = Fixture::new(text);
        let events = f.events();
        let e = events.iter().find(|e| e.trigger.text(text) == trigger).unwrap_or_else(|| panic!("no event {trigger:?} in {events:#?}"));
        e.label.clone()
    }

    #[test]
    fn a_verb_takes_its_named_subject_and_object() {
        assert_eq!(label("John Smith met Mary Jones in Rome on Monday.", "met").as_deref(), Some("John Smith meets Mary Jones in Rome"));
    }

    #[test]
    fn a_common_noun_subject_is_the_actor() {
        assert_eq!(label("Twin bombings yesterday struck the cathedral in the old town.", "struck").as_deref(), Some("Twin bombings strike the cathedral in the old town"));
    }

    #[test]
    fn a_plural_without_s_takes_a_plural_verb() {
        let got = label("At least seventeen people died in the hotel fire on Tuesday.", "died").unwrap();
        assert!(got.starts_with("At least seventeen people die "), "{got}");
    }

    #[test]
    fn a_plural_speaker_takes_a_plural_verb() {
        let got = label("Chinese officials confirmed the virus had spread to Beijing.", "confirmed").unwrap();
        assert!(got.starts_with("Chinese officials confirm "), "{got}");
        let got = label("The virus killed six people in the town.", "killed").unwrap();
        assert!(got.starts_with("The virus kills "), "{got}");
    }

    #[test]
    fn a_passive_reads_like_a_headline() {
        assert_eq!(label("Between the two blasts, at least 20 were killed.", "killed").as_deref(), Some("At least 20 killed"));
    }

    #[test]
    fn no_actor_no_label() {
        assert_eq!(label("He said the talks had failed.", "said"), None);
    }

    #[test]
    fn a_bare_event_noun_is_labelled_by_its_clause() {
        let got = label("Farmers in the province rejected the plan in the referendum.", "referendum").unwrap();
        assert_eq!(got, "Farmers in the province rejected the plan in the referendum");
    }

    #[test]
    fn a_statement_names_its_speaker_and_content() {
        let got = label("“We will rebuild the bridge before winter,” Mayor Ana Ortiz said on Monday.", "said").unwrap();
        assert_eq!(got, "Ana Ortiz says we will rebuild the bridge before winter");
    }
}
