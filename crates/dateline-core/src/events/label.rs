//! Labels: a short clause for each event ("Tillerson meets Putin").

use crate::segment::TokenKind;

use super::clause::noun_phrase;
use super::read::Tok;
use super::triggers::Trigger;
use super::words::third_person;
use super::Class;


/// The label of trigger `tr`, whose clause ends at token `e`: "who verb
/// object" for verbs, the noun phrase for nouns. Time expressions are left
/// out (the item shows its date).
pub(super) fn make_label(toks: &[Tok<'_>], tr: &Trigger, who: Option<String>, e: usize) -> String {
    let text_of = |from: usize, to: usize, max: usize| -> String {
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
        out.trim_end_matches([',', '.', ';', ':']).to_string()
    };
    let label = match (tr.verb, tr.class) {
        (Some(_), Class::Statement) => {
            let mut c = tr.at + 1;
            while c < toks.len() && (toks[c].timex || matches!(toks[c].lower.as_ref(), "that" | "on" | "earlier" | "later" | "," | "for" | "to" | "-" | "–" | "—")) {
                c += 1;
            }
            let end = toks[c.min(toks.len().saturating_sub(1))..].iter().position(|t| matches!(t.text, "." | ";" | "“" | "”" | "\"")).map_or(toks.len() - 1, |p| c + p - 1);
            let content = if c < toks.len() && end >= c { text_of(c, end, 10) } else { String::new() };
            format!("{} {} {}", who.unwrap_or_else(|| "Someone".into()), third_person(&tr.word), content)
        }
        (Some(_), _) => {
            let obj = if e > tr.at { text_of(tr.at + 1, e, 8) } else { String::new() };
            // "Countries agree", "Tillerson agrees".
            let plural = who.as_deref().is_some_and(|w| !w.contains(' ') && w.ends_with('s') && w.chars().skip(1).all(char::is_lowercase));
            let verb = if plural { tr.word.clone() } else { third_person(&tr.word) };
            format!("{} {} {}", who.unwrap_or_default(), verb, obj)
        }
        (None, _) => {
            let (ns, ne) = noun_phrase(toks, tr.at);
            let mut from = ns;
            while from < tr.at && matches!(toks[from].lower.as_ref(), "a" | "an" | "the" | "its" | "his" | "her" | "their" | "this" | "that") {
                from += 1;
            }
            let np = text_of(from, ne, 10);
            np
        }
    };
    let label = label.trim().to_string();
    let mut chars = label.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => label,
    }
}
