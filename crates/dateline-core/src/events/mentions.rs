//! **Event mentions**: TimeML EVENT extents, one head word each ("stabbed",
//! "attack", "said", "sales"), with a TimeML class.
//!
//! Read from the word classes of [`crate::tag`], boilerplate sentences and
//! words inside temporal expressions or entity names skipped:
//!
//! * every main verb is an event, copulas included ("is a record"), not the
//!   auxiliaries or modals that help it;
//! * a noun is an event when its lemma usually denotes one
//!   (`data/event_nouns.txt`: "sale", "crash", "deal") or it has an eventive
//!   suffix (-tion, -ment, -ance, -ure, -sis, ...: "election", "agreement")
//!   and is not listed as a static noun ("government"), or it is the `-ing`
//!   noun of a common verb ("the bombing");
//! * the class comes from the lemma (`data/event_classes.txt`: "say"
//!   REPORTING, "begin" ASPECTUAL, "want" I_STATE...), else OCCURRENCE.
//!
//! Tense, perfect aspect and negation are read from the auxiliaries before a
//! verb. Cost: linear in the tokens (the excluded spans are sorted once).

use std::borrow::Cow;

use crate::lexicon::{irregular_verb, news_event_noun, verb_lemma, word, word_class, WordInfo};
use crate::segment::Segmentation;
use crate::span::Span;
use crate::tag::{has_verb_stem, with_e, with_y, Tag, VerbForm};

/// A TimeML event class (serialised by its TimeML name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EventClass {
    Occurrence,
    Reporting,
    State,
    IAction,
    IState,
    Aspectual,
    Perception,
}

impl EventClass {
    /// The TimeML name: `OCCURRENCE`, `REPORTING`, `I_ACTION`...
    pub fn name(self) -> &'static str {
        match self {
            EventClass::Occurrence => "OCCURRENCE",
            EventClass::Reporting => "REPORTING",
            EventClass::State => "STATE",
            EventClass::IAction => "I_ACTION",
            EventClass::IState => "I_STATE",
            EventClass::Aspectual => "ASPECTUAL",
            EventClass::Perception => "PERCEPTION",
        }
    }

    /// The class of a TimeML name; None for anything else.
    pub fn parse(name: &str) -> Option<EventClass> {
        Some(match name {
            "OCCURRENCE" => EventClass::Occurrence,
            "REPORTING" => EventClass::Reporting,
            "STATE" => EventClass::State,
            "I_ACTION" => EventClass::IAction,
            "I_STATE" => EventClass::IState,
            "ASPECTUAL" => EventClass::Aspectual,
            "PERCEPTION" => EventClass::Perception,
            _ => return None,
        })
    }
}

/// The word class of an event mention's head.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pos {
    Verb,
    Noun,
    Adjective,
}

/// Tense of a verb mention, from its form and auxiliaries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    Past,
    Present,
    /// will, shall, going to
    Future,
    /// to sell, may sell, selling without an auxiliary
    Infinitive,
    /// Nouns.
    None,
}

/// One event mention of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventMention {
    /// The head word.
    pub span: Span,
    /// Its index in [`Segmentation::tokens`].
    pub token: usize,
    /// Its index in [`Segmentation::sentences`].
    pub sentence: usize,
    pub class: EventClass,
    pub pos: Pos,
    /// Lower-case lemma: "sell" for "sold", "sale" for "sales".
    pub lemma: String,
    pub tense: Tense,
    /// Perfect aspect ("has sold").
    pub perfect: bool,
    /// Negated ("did not sell").
    pub negated: bool,
}

/// The event mentions of an article, in text order. `tags` is
/// [`crate::tag::tag`]'s output for `seg`; a word inside one of the
/// `exclude` spans (temporal expressions, entity names) is never an event.
pub fn find(body: &str, seg: &Segmentation, tags: &[Tag], exclude: &[Span]) -> Vec<EventMention> {
    let _ = body;
    let mut exclude = exclude.to_vec();
    crate::sort::sort_by_key(&mut exclude, |s| (s.start, s.end));
    let mut ex = 0;
    let mut out = Vec::new();
    for (si, s) in seg.sentences.iter().enumerate() {
        if s.boilerplate {
            continue;
        }
        for i in s.tokens.clone() {
            let Some(&tag) = tags.get(i) else { break };
            let span = seg.tokens[i].span;
            while ex < exclude.len() && exclude[ex].end <= span.start {
                ex += 1;
            }
            // Any excluded span that overlaps this token (they are sorted by start).
            if exclude[ex..].iter().take_while(|x| x.start < span.end).any(|x| x.end > span.start) && !named_event_head(seg, tags, i) {
                continue;
            }
            if let Some(m) = mention(seg, tags, s.tokens.start, i, si, tag) {
                out.push(m);
            }
        }
    }
    out
}

/// The head of a named event: the capitalised last word of a name that is
/// a news event noun ("the Worldwide Developers Conference", "the Summer
/// Games").
fn named_event_head(seg: &Segmentation, tags: &[Tag], i: usize) -> bool {
    tags[i] == Tag::Name && i > 0 && tags[i - 1] == Tag::Name && tags.get(i + 1) != Some(&Tag::Name) && news_event_noun(&noun_lemma(seg.lower(i)))
}

/// An adjective that is the predicate of a copula ("was profitable",
/// "remained weak"): a state.
fn predicative(seg: &Segmentation, tags: &[Tag], first: usize, i: usize) -> bool {
    let mut k = i;
    while k > first {
        k -= 1;
        match tags[k] {
            Tag::Adv | Tag::Neg => continue,
            Tag::Verb(_) => return matches!(seg.lower(k), "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "'re" | "'m" | "am")
                || matches!(verb_lemma_of(seg.lower(k), VerbForm::Past).as_str(), "become" | "remain" | "seem" | "appear" | "stay"),
            _ => return false,
        }
    }
    false
}

/// Token `i` as an event mention, if it is one.
fn mention(seg: &Segmentation, tags: &[Tag], first: usize, i: usize, sentence: usize, tag: Tag) -> Option<EventMention> {
    let lower = seg.lower(i);
    let mut info: Option<&WordInfo> = None;
    let (pos, lemma) = match tag {
        Tag::Verb(form) => (Pos::Verb, verb_lemma_of(lower, form)),
        Tag::Adj if predicative(seg, tags, first, i) => (Pos::Adjective, lower.to_string()),
        Tag::Name if named_event_head(seg, tags, i) => (Pos::Noun, noun_lemma(lower).into_owned()),
        Tag::Noun => {
            // "per share", "per day": a unit.
            if i > 0 && seg.lower(i - 1) == "per" {
                return None;
            }
            let lemma = noun_lemma(lower);
            info = word(&lemma);
            // A modifier of another noun ("defence contract") is an event only when listed as news event noun ("sales figures").
            let modifier = matches!(tags.get(i + 1), Some(Tag::Noun)) && !info.is_some_and(|w| w.news_event);
            if modifier || !eventive_noun(&lemma, info.is_some_and(|w| w.event_noun)) {
                return None;
            }
            (Pos::Noun, lemma.into_owned())
        }
        _ => return None,
    };
    let listed = if pos == Pos::Noun && tag == Tag::Noun { info } else { word(&lemma) }.and_then(WordInfo::event_class);
    if listed == Some("NONE") {
        return None;
    }
    let default = if pos == Pos::Adjective { EventClass::State } else { EventClass::Occurrence };
    let class = listed.and_then(EventClass::parse).unwrap_or(default);
    let (tense, perfect, negated) = match tag {
        Tag::Verb(form) => verb_features(seg, tags, first, i, form),
        _ => (Tense::None, false, false),
    };
    Some(EventMention { span: seg.tokens[i].span, token: i, sentence, class, pos, lemma, tense, perfect, negated })
}

/// Noun endings that make an event ("election", "agreement", "failure").
const EVENT_SUFFIXES: &[&str] = &["tion", "sion", "ment", "ance", "ence", "ure", "sis", "ism"];

/// Whether a noun lemma is an event: `listed` (its [`crate::lexicon::WordInfo::event_noun`]), else by suffix.
fn eventive_noun(lemma: &str, listed: bool) -> bool {
    if listed {
        return true;
    }
    if lemma.len() > 5 && EVENT_SUFFIXES.iter().any(|s| lemma.ends_with(s)) {
        return true;
    }
    // The -ing noun of a verb ("the bombing"), unless listed as a thing ("building").
    lemma.strip_suffix("ing").is_some_and(|stem| stem.len() > 2) && has_verb_stem(lemma) && word_class(lemma).is_none()
}

/// The singular of a plural noun: sales -> sale, crises -> crisis, companies -> company.
pub fn noun_lemma(lower: &str) -> Cow<'_, str> {
    let lower = lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")).unwrap_or(lower);
    if let Some(stem) = lower.strip_suffix("ies").filter(|s| s.len() > 1) {
        return Cow::Owned(format!("{stem}y"));
    }
    if let Some(stem) = lower.strip_suffix("ses").filter(|s| s.ends_with('i')) {
        return Cow::Owned(format!("{stem}sis")); // crises
    }
    for suffix in ["sses", "ches", "shes", "xes", "zes"] {
        if lower.ends_with(suffix) {
            return Cow::Borrowed(&lower[..lower.len() - 2]);
        }
    }
    match lower.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !lower.ends_with("ss") && !lower.ends_with("us") && !lower.ends_with("is") => Cow::Borrowed(stem),
        _ => Cow::Borrowed(lower),
    }
}

/// The listed verb lemma a regular -ed or -ing stem comes from, trying the
/// likeliest first: "tri" -> try, "planne" -> plan, "clos" -> close.
fn listed_verb(stem: &str, suffix: &str) -> Option<String> {
    // The verb list is ASCII: a stem with other characters is no listed verb.
    if stem.is_empty() || !stem.is_ascii() {
        return None;
    }
    let b = stem.as_bytes();
    if let Some(y) = stem.strip_suffix('i').filter(|_| suffix == "ed") {
        if with_y(y, verb_lemma) {
            return Some(format!("{y}y"));
        }
    }
    let doubled = b.len() > 2 && b[b.len() - 1] == b[b.len() - 2] && !matches!(b[b.len() - 1], b'l' | b's' | b'e' | b'o');
    if doubled && verb_lemma(&stem[..stem.len() - 1]) {
        return Some(stem[..stem.len() - 1].to_string());
    }
    if verb_lemma(stem) {
        return Some(stem.to_string());
    }
    with_e(stem, verb_lemma).then(|| format!("{stem}e"))
}

/// The lemma of a verb form: fell -> fall, planned -> plan, sells -> sell, is -> be.
pub fn verb_lemma_of(lower: &str, form: VerbForm) -> String {
    match lower {
        "is" | "are" | "was" | "were" | "am" | "been" | "being" | "be" | "'s" | "'re" | "'m" => return "be".into(),
        "has" | "had" | "having" | "have" | "'ve" => return "have".into(),
        "does" | "did" | "doing" | "done" | "do" => return "do".into(),
        _ => {}
    }
    if let Some(lemma) = irregular_verb(lower) {
        return lemma.to_string();
    }
    let (stem, suffix) = match form {
        VerbForm::Past | VerbForm::Participle => (lower.strip_suffix("ed"), "ed"),
        VerbForm::Ing => (lower.strip_suffix("ing"), "ing"),
        VerbForm::Present => (lower.strip_suffix("es").filter(|s| s.ends_with(['s', 'x', 'z', 'h', 'o'])).or_else(|| lower.strip_suffix('s')), "s"),
        VerbForm::Base => (None, ""),
    };
    let Some(stem) = stem else { return lower.to_string() };
    if suffix == "s" {
        if let Some(y) = lower.strip_suffix("ies") {
            return format!("{y}y");
        }
        return stem.to_string();
    }
    listed_verb(stem, suffix).unwrap_or_else(|| {
        if suffix == "ed" && stem.ends_with('i') {
            format!("{}y", &stem[..stem.len() - 1])
        } else {
            stem.to_string()
        }
    })
}

/// Tense, perfect and negation from a verb's form and the auxiliaries,
/// modals, "to" and negations right before it.
fn verb_features(seg: &Segmentation, tags: &[Tag], first: usize, i: usize, form: VerbForm) -> (Tense, bool, bool) {
    let (mut tense, mut perfect, mut negated) = (None, false, false);
    let mut k = i;
    while k > first {
        k -= 1;
        match tags[k] {
            Tag::Adv => continue,
            Tag::Neg => negated = true,
            Tag::Aux | Tag::Modal if seg.lower(k).ends_with("n't") || seg.lower(k).ends_with("n’t") || seg.lower(k) == "cannot" => {
                negated = true;
                let base = seg.lower(k).trim_end_matches("n't").trim_end_matches("n’t");
                tense = tense.or(match base {
                    "did" | "was" | "were" | "had" => Some(Tense::Past),
                    "wo" => Some(Tense::Future),
                    "do" | "does" | "is" | "are" | "has" | "have" => Some(Tense::Present),
                    _ => Some(Tense::Infinitive),
                });
            }
            Tag::Aux => match seg.lower(k) {
                "has" | "have" | "'ve" => (perfect, tense) = (true, tense.or(Some(Tense::Present))),
                "had" => (perfect, tense) = (true, tense.or(Some(Tense::Past))),
                "is" | "are" | "am" | "does" | "do" | "'s" | "'re" | "'m" => tense = tense.or(Some(Tense::Present)),
                "was" | "were" | "did" => tense = tense.or(Some(Tense::Past)),
                _ => {}
            },
            Tag::Modal => {
                let future = matches!(seg.lower(k), "will" | "shall" | "'ll" | "wo");
                tense = Some(if future { Tense::Future } else { Tense::Infinitive });
            }
            Tag::To => tense = tense.or(Some(Tense::Infinitive)),
            _ => break,
        }
    }
    let own = match form {
        VerbForm::Past | VerbForm::Participle => Tense::Past,
        VerbForm::Present => Tense::Present,
        VerbForm::Base | VerbForm::Ing => Tense::Infinitive,
    };
    (tense.unwrap_or(own), perfect, negated)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::tag::tag;

    fn found(text: &str) -> Vec<(String, EventClass)> {
        let seg = segment(text);
        let tags = tag(text, &seg);
        find(text, &seg, &tags, &[]).into_iter().map(|m| (m.span.text(text).to_string(), m.class)).collect()
    }

    #[test]
    fn verbs_and_event_nouns() {
        let got = found("The rebels attacked the town and the army said the assault failed.");
        let words: Vec<&str> = got.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["attacked", "said", "assault", "failed"]);
        assert_eq!(got[1].1, EventClass::Reporting);
    }

    #[test]
    fn auxiliaries_are_not_events() {
        let got = found("Sales have fallen and the company will not sell the plant.");
        let words: Vec<&str> = got.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["Sales", "fallen", "sell"]);
    }

    #[test]
    fn lemmas_and_features() {
        let text = "The firm did not sell the unit; it had planned a merger.";
        let seg = segment(text);
        let tags = tag(text, &seg);
        let ms = find(text, &seg, &tags, &[]);
        let sell = ms.iter().find(|m| m.lemma == "sell").expect("sell");
        assert!(sell.negated);
        assert_eq!(sell.tense, Tense::Past);
        let plan = ms.iter().find(|m| m.lemma == "plan").expect("plan");
        assert!(plan.perfect);
        assert_eq!(noun_lemma("crises"), "crisis");
        assert_eq!(noun_lemma("companies"), "company");
        assert_eq!(verb_lemma_of("stopped", VerbForm::Past), "stop");
        assert_eq!(verb_lemma_of("fell", VerbForm::Past), "fall");
    }

    #[test]
    fn excluded_spans_are_skipped() {
        let text = "The vote was held on Monday.";
        let seg = segment(text);
        let tags = tag(text, &seg);
        let held = Span::new(13, 17);
        assert_eq!(held.text(text), "held");
        let ms = find(text, &seg, &tags, &[held]);
        assert!(ms.iter().all(|m| m.span != held));
        assert_eq!(EventClass::parse("I_STATE"), Some(EventClass::IState));
        assert_eq!(EventClass::IAction.name(), "I_ACTION");
    }
}
