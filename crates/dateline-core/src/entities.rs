//! Stage 3, **Mentions and entities** of one article: names of people,
//! organisations, places and groups, with titles split off, and coreference
//! of surnames, pronouns and role nouns to them ([`Entities`]).
//!
//! Rules:
//! * A **name** is a run of capitalised words within a sentence (particles
//!   such as `al-`, `bin`, `van` and the connectors `of`, `for`, `the`, `and`
//!   join a run only inside organisation names and titles: "Secretary of
//!   State", "Organization for the Prohibition of Chemical Weapons"). A
//!   possessive (`Tillerson's`, `Tillerson’s`) ends the run and is left out of
//!   the name. Function words, months and weekdays never start a name; a single
//!   sentence-initial word is a name only when the lexicons or the rest of the
//!   article say so.
//! * **Titles** at the start of a run are split off, longest first, with a
//!   country or demonym before them giving the affiliation ("Russian Foreign
//!   Minister Sergey Lavrov" = Sergey Lavrov, Foreign Minister, Russia). A
//!   lower-case title just before a name ("pollster Pat Caddell") is recorded
//!   too. Some titles imply a country ("Secretary of State": United States).
//! * **Kinds** by evidence, weighed over every mention of a name in the
//!   article (so all agree): the shape (lexicons of organisations,
//!   countries, places and demonyms; head words such as Ministry, Airlines,
//!   Inc.; titles; a given name; model numbers and camel case for products),
//!   counted once per name, plus the context of each mention, summed: an
//!   apposition noun ("carmaker Acme", "Acme, the carrier", "Jane Roe, the
//!   chief executive"), a following word ("Acme shares", "Acme CEO Jane
//!   Roe"), "Chicago-based Acme", "a stake in Acme", a locative preposition
//!   (weak), a cue verb (weak). A single word is also the surname of a
//!   person named in full, the first word of an organisation named in full
//!   ("Acme" after "Acme Widgets"), a maker ("Acme 300"), and, seen twice, a
//!   company. Names listed together lend each other an organisation's or a
//!   place's kind; groups are a name or demonym with a collective noun
//!   ("White House officials", "Russian officials"). Money and time-zone
//!   tokens ("US$", "USD", "18:00 UTC") and event names ("Acme Conference")
//!   are no names.
//! * **Organisation, title, person**: "Acme CEO Jane Roe" is the organisation
//!   Acme (a mention of its own) and the person Jane Roe, titled CEO, of
//!   Acme, whose mention spans all of it.
//! * **Within the article**, person names with the same surname (and no
//!   conflicting given name) are one entity; organisations and places by name.
//! * **Pronouns** (he, she, they and their forms) resolve to the most salient
//!   compatible antecedent outside quotes: the subject of the same sentence,
//!   then the subject of each earlier sentence (up to four back), then any
//!   compatible mention there. Gender comes from given names, titles and
//!   earlier pronouns; "they" takes a conjoined subject ("Tillerson and Lavrov")
//!   or a group or organisation.
//! * **Role nouns** ("the foreign minister", "the secretary", "the Russian
//!   president") resolve to the most recently mentioned person whose titles
//!   contain the role (and whose affiliation matches the demonym, if any).
//!   Unresolved pronouns and roles stay unresolved: never a guess.


use crate::case::{Case, Letter};
use crate::date::{is_month_name, is_month_or_weekday};
use crate::lexicon::{self, Gender, Map, NameCue, WordSet};
use crate::quotes::Quoted;
use crate::segment::{Segmentation, Token, TokenKind};
use crate::span::Span;

/// The output of stage 3 for one article.
#[derive(Clone, Debug, Default)]
pub struct Entities {
    pub entities: Vec<Entity>,
    /// Mentions in text order (by start).
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Group,
    /// A product or model ("iPod", "A380", "Boeing 787").
    Product,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Group => "group",
            EntityKind::Product => "product",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub gender: Gender,
    /// Titles as written ("Secretary of State"), first seen first.
    pub titles: Vec<String>,
    /// Other names in the text ("Tillerson", "Rex Tillerson").
    pub aliases: Vec<String>,
    pub affiliation: Option<String>,
    /// For persons: the lower-cased given name and surname.
    pub given: Option<String>,
    pub surname: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A name, with any title written before it.
    Name,
    /// he, she, they and their forms.
    Pronoun,
    /// "the foreign minister", "the Russian president".
    Role,
}

#[derive(Clone, Debug)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
    /// The entity, when resolved.
    pub entity: Option<usize>,
    /// Index of the sentence.
    pub sentence: usize,
    /// Whether it looks like the subject of its sentence.
    pub subject: bool,
    /// Inside a quotation.
    pub in_quote: bool,
    /// For a conjoined subject ("Tillerson and Lavrov"): every member; for a
    /// plural pronoun resolved to one, the same list.
    pub members: Vec<usize>,
}

/// `data/entity_words.txt`: every `WordSet` below is one of its sections.
const ENTITY_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/data/entity_words.txt"));

/// Words that never start a name even when capitalised.
static STOP: WordSet = WordSet::section(ENTITY_WORDS, "stop");

/// Capitalised head words that make a run an organisation.
static ORG_HEADS: WordSet = WordSet::section(ENTITY_WORDS, "org-heads");

/// Legal and generic endings left out of an organisation's entity name
/// ("Acme Inc." is Acme).
static LEGAL_SUFFIXES: WordSet = WordSet::section(ENTITY_WORDS, "legal-suffixes");

/// The lower-case end of a hyphenated word that leaves its capitalised
/// start a name ("Chicago-based", "Acme-led"); the value says whether the
/// start is a place.
fn hyphen_suffix(word: &str) -> Option<(&str, bool)> {
    let (stem, suffix) = word.rsplit_once('-')?;
    let place = match suffix {
        "based" | "born" | "headquartered" | "bound" => true,
        "led" | "owned" | "backed" | "made" | "built" | "run" | "controlled" | "funded" | "sponsored" | "style" | "era" | "brand" | "branded" => false,
        _ => return None,
    };
    (!stem.is_empty()).then_some((stem, place))
}

/// Capitalised head words that make a run a place.
static PLACE_HEADS: WordSet = WordSet::section(ENTITY_WORDS, "place-heads");

/// Lower-case collective nouns that turn a preceding name into a group.
static GROUP_NOUNS: WordSet = WordSet::section(ENTITY_WORDS, "group-nouns");

/// Words that may stand before a collective noun in a group that speaks
/// without a name ("local authorities", "state media").
static GROUP_MODIFIERS: WordSet = WordSet::section(ENTITY_WORDS, "group-modifiers");

/// Nouns that, after "the", refer back to the organisation last named
/// ("The company said").
static ORG_REFERENCES: WordSet = WordSet::section(ENTITY_WORDS, "org-references");

/// Collective nouns too vague to be a speaker on their own ("people said").
static SILENT_GROUPS: WordSet = WordSet::section(ENTITY_WORDS, "silent-groups");

/// Prepositions: a mention right after one is not a subject.
static PREPOSITIONS: WordSet = WordSet::section(ENTITY_WORDS, "prepositions");

/// Name particles written in lower case inside a name.
static PARTICLES: WordSet = WordSet::section(ENTITY_WORDS, "particles");

/// Titles written as abbreviations; their period may sit inside a run.
static ABBREV_TITLES: WordSet = WordSet::section(ENTITY_WORDS, "abbrev-titles");

fn is_pronoun(lower: &str) -> Option<(Gender, bool)> {
    match lower {
        "he" | "him" | "his" | "himself" => Some((Gender::Male, false)),
        "she" | "her" | "hers" | "herself" => Some((Gender::Female, false)),
        "they" | "them" | "their" | "theirs" | "themselves" => Some((Gender::Unknown, true)),
        _ => None,
    }
}

fn strip_possessive(word: &str) -> (&str, bool) {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (word, false)
}

/// Whether a word can be part of a name: capitalised, or a particle-prefixed
/// capitalised word ("al-Assad").
fn namey(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) if c.is_upper() => true,
        Some(c) if c.is_lower() => {
            if is_camel_product(word) {
                return true;
            }
            for p in ["al-", "el-", "ad-", "as-", "ash-", "bin-", "ibn-", "d'", "d’"] {
                if let Some(rest) = word.strip_prefix(p) {
                    return rest.starts_with(char::is_upper);
                }
            }
            false
        }
        _ => false,
    }
}

/// A product name written in camel case from a lower-case letter ("iPod",
/// "iOS", "eBay"): `i` or `e` then a capital, or a longer word with a
/// capital second letter and lower-case letters after it.
fn is_camel_product(word: &str) -> bool {
    let b = word.as_bytes();
    if b.len() < 3 || !b[1].is_ascii_uppercase() || !b.iter().all(|c| c.is_ascii_alphanumeric()) {
        return false;
    }
    matches!(b[0], b'i' | b'e') || (b.len() >= 5 && b[0].is_ascii_lowercase() && b[2..].iter().any(u8::is_ascii_lowercase))
}

/// A model code: a capital letter, then letters, hyphens and at least two
/// digits ("A380", "F-35", "A350s").
fn is_model_code(word: &str) -> bool {
    let b = word.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_uppercase()
        && b.iter().filter(|c| c.is_ascii_digit()).count() >= 2
        && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
}

/// A model number after a name ("Boeing 787", "iPhone 4", "737-800"): at
/// most four digits, maybe with letters or a hyphenated part, and no year.
fn is_model_number(word: &str) -> bool {
    let b = word.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 4 || b.len() > 10 || !b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-') {
        return false;
    }
    let year = digits == 4 && matches!(&word[..2], "18" | "19" | "20");
    !year
}

/// Words after a number that make it a quantity, not a model number.
fn quantity_word(word: &str) -> bool {
    matches!(word, "%" | "percent" | "per" | "million" | "billion" | "trillion" | "thousand" | "points" | "point" | "years" | "year" | "days" | "months" | "hours" | "minutes" | "people" | "times" | "to" | "-" | "–")
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alpha()).count();
    (2..=6).contains(&letters) && word.chars().all(|c| c.is_upper() || c == '.' || c == '&' || c.is_ascii_digit())
}

/// The lower-cased last name word with a particle prefix removed
/// ("al-Assad" -> "assad").
pub fn surname_key(word: &str) -> String {
    let lower = word.to_lower();
    for p in ["al-", "el-", "ad-", "as-", "ash-", "bin-", "ibn-"] {
        if let Some(rest) = lower.strip_prefix(p) {
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    lower
}

/// A role noun before resolution: span, sentence, title, country, inside a
/// quote, first token.
type RoleNoun = (Span, usize, String, Option<&'static str>, bool, usize);

/// A raw name run before linking.
struct Run {
    /// Whole mention span (title words included, possessive excluded).
    span: Span,
    /// The name words (after titles).
    name: Vec<String>,
    titles: Vec<String>,
    affiliation: Option<String>,
    gender: Gender,
    kind: Option<EntityKind>,
    sentence: usize,
    /// Token index of the first and one past the last token of the run.
    first: usize,
    last: usize,
    /// A group formed with the following collective noun, with its span.
    group: Option<(Span, String)>,
    in_quote: bool,
    /// Only a title (a role written with capitals: "the President").
    role_only: bool,
    /// Evidence for its kind from its shape (the same for every mention of
    /// a name, so counted once per name) and from its context (summed).
    shape: Votes,
    context: Votes,
    /// The entity name to link to, when not the name itself (a country for
    /// a demonym, a longer organisation name for its first word).
    canon: Option<String>,
    /// Cut short before a title and a name ("Acme CEO Jane Roe").
    before_title: bool,
    /// The name ends a hyphenated word ("Chicago-based"): whether that
    /// makes it a place.
    hyphen_place: Option<bool>,
    /// Ends with a model number ("Boeing 787").
    numbered: bool,
    /// The name's key ([`name_key`]), once the name is final.
    key: String,
}

/// Evidence for what a name is: weights per kind, summed over the clues
/// (shape, lexicons, context) of every mention of the name in the article.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Votes {
    person: f32,
    org: f32,
    place: f32,
    product: f32,
}

impl Votes {
    fn add(&mut self, kind: EntityKind, weight: f32) {
        match kind {
            EntityKind::Person => self.person += weight,
            EntityKind::Organization | EntityKind::Group => self.org += weight,
            EntityKind::Place => self.place += weight,
            EntityKind::Product => self.product += weight,
        }
    }

    fn merge(&mut self, other: &Votes) {
        self.person += other.person;
        self.org += other.org;
        self.place += other.place;
        self.product += other.product;
    }

    fn max(&mut self, other: &Votes) {
        self.person = self.person.max(other.person);
        self.org = self.org.max(other.org);
        self.place = self.place.max(other.place);
        self.product = self.product.max(other.product);
    }

    /// The kind with the most weight, if any has some; ties go to person,
    /// then organisation, then place.
    fn best(&self) -> Option<EntityKind> {
        let mut best = None;
        let mut top = 0.0;
        for (kind, w) in [(EntityKind::Person, self.person), (EntityKind::Organization, self.org), (EntityKind::Place, self.place), (EntityKind::Product, self.product)] {
            if w > top {
                top = w;
                best = Some(kind);
            }
        }
        best
    }
}

/// Finds the entities and mentions of one article.
pub fn resolve(body: &str, seg: &Segmentation, quoted: &[Quoted]) -> Entities {
    let tokens = &seg.tokens;
    // quoted contents are in text order: a binary search finds the candidate
    let inside_quote = |span: Span| {
        let i = quoted.partition_point(|q| q.content.start <= span.start);
        i > 0 && quoted[i - 1].content.contains(span)
    };
    // Words capitalised mid-sentence anywhere in the article: a sentence-initial
    // word is only a name when it also appears so (or a lexicon knows it).
    // Those that also start a name there ("Acme" in "rival Acme") are in
    // `mid_starts`.
    let mut mid_caps: Map<&str, ()> = Map::default();
    let mut mid_starts: Map<&str, ()> = Map::default();
    for sentence in seg.sentences.iter().filter(|s| !s.boilerplate) {
        let toks = seg.sentence_tokens(sentence);
        for (k, t) in toks.iter().enumerate().skip(1) {
            let w = strip_possessive(t.span.text(body)).0;
            if t.kind == TokenKind::Word && namey(w) {
                mid_caps.insert(w, ());
                if !(toks[k - 1].kind == TokenKind::Word && namey(toks[k - 1].span.text(body))) {
                    mid_starts.insert(w, ());
                }
                // "Acme Inc." at the start of a sentence: Acme is a name
                if k == 1 && LEGAL_SUFFIXES.contains(w) {
                    let first = strip_possessive(toks[0].span.text(body)).0;
                    mid_caps.insert(first, ());
                    mid_starts.insert(first, ());
                }
            }
        }
    }
    // Pass 1: runs and role nouns.
    let mut runs: Vec<Run> = Vec::new();
    let mut roles: Vec<RoleNoun> = Vec::new();
    let mut pronouns: Vec<(Span, usize, Gender, bool, bool, usize)> = Vec::new(); // span, sentence, gender, plural, in_quote, token
    // Speaking groups and "the company", in text order: span, sentence, in_quote, token, whether "the company".
    let mut speaking: Vec<(Span, usize, bool, usize, bool)> = Vec::new();
    for (si, sentence) in seg.sentences.iter().enumerate() {
        if sentence.boilerplate {
            continue;
        }
        let range = sentence.tokens.clone();
        let first_word = range.clone().find(|&k| tokens[k].kind != TokenKind::Punct);
        let mut i = range.start;
        while i < range.end {
            let tok = tokens[i];
            let text = tok.span.text(body);
            if tok.kind != TokenKind::Word {
                i += 1;
                continue;
            }
            let lower = lexicon::lc(text);
            if let Some((gender, plural)) = is_pronoun(&lower) {
                pronouns.push((tok.span, si, gender, plural, inside_quote(tok.span), i));
                i += 1;
                continue;
            }
            // Role nouns: "the [Russian] foreign minister".
            if lower == "the" {
                if let Some((end, title, country)) = role_at(body, tokens, i + 1, range.end) {
                    let span = Span::new(tok.span.start, tokens[end - 1].span.end);
                    roles.push((span, si, title, country, inside_quote(span), i));
                    i = end;
                    continue;
                }
            }
            if let Some(span) = speaking_group(body, tokens, i, range.clone()) {
                speaking.push((span, si, inside_quote(span), i, false));
                i += 1;
                continue;
            }
            if let Some(span) = speaking_org_reference(body, tokens, i, range.clone()) {
                speaking.push((span, si, inside_quote(span), i, true));
                i += 1;
                continue;
            }
            let (word, _) = strip_possessive(text);
            let sentence_initial = Some(i) == first_word;
            let next_namey = i + 1 < range.end && tokens[i + 1].kind == TokenKind::Word && namey(tokens[i + 1].span.text(body));
            let initial_noise = sentence_initial && is_sentence_initial_noise(word, &mid_caps);
            let plural = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
            // ("Sen. Jane Roe said": a title before a name is not noise)
            let titled = title_at(body, tokens, i, range.end, false).is_some_and(|(k, _)| k < range.end && tokens[k].kind == TokenKind::Word && namey(tokens[k].span.text(body)));
            let noise = initial_noise && !next_namey && !titled && (plural || !followed_by_cue(body, tokens, i + 1, range.end));
            // "Actual Acme deliveries": a sentence-initial word known nowhere
            // else before a name known elsewhere is not part of it.
            let next_word = strip_possessive(tokens.get(i + 1).map_or("", |t| t.span.text(body))).0;
            let lead_noise = initial_noise
                && next_namey
                && ((mid_starts.contains_key(next_word) && adjective_like(word)) || lexicon::name_cue(NameCue::OrgNoun, &lower))
                && !lexicon::title_start(&lower)
                && lexicon::organization(&format!("{word} {}", tokens[i + 1].span.text(body))).is_none();
            // "We've", "It's", "They'll": a stop word with a contraction.
            let contracted = word.split_once(['\'', '’']).is_some_and(|(stem, _)| STOP.contains(stem));
            if !namey(word) || STOP.contains(word) || contracted || noise || lead_noise || money_or_zone(body, tokens, i) {
                i += 1;
                continue;
            }
            let run = scan_run(body, tokens, i, range.end, si, sentence_initial);
            let next = run.last.max(i + 1);
            let mut run = run;
            // "Acme CEO Jane Roe": the person's mention takes in the
            // organisation's (which stays a mention of its own), as a
            // demonym or country before a title does.
            if let Some(org) = runs.last().filter(|r| r.before_title && r.last == i && !r.name.is_empty()) {
                if !run.titles.is_empty() && run.span.start > org.span.start {
                    run.span = Span::new(org.span.start, run.span.end);
                    run.affiliation.get_or_insert_with(|| display_name(&org.name));
                }
            }
            run.in_quote = inside_quote(run.span);
            // A lexicon's word is final: no context can outweigh it.
            let settled = run.shape.org >= 10.0 || run.shape.place >= 10.0;
            if !run.name.is_empty() && !settled {
                run.context = context_votes(body, tokens, &run, range.start, range.end);
            }
            if !run.name.is_empty() || run.role_only || run.group.is_some() {
                runs.push(run);
            }
            i = next;
        }
    }
    // Kinds by the evidence of every mention of each name.
    let coordinated = coordinated_runs(body, tokens, &runs);
    decide_kinds(&mut runs, &coordinated);
    // Pass 2: linking, in text order.
    let mut out = Entities::default();
    let mut by_key: Map<String, usize> = Map::default(); // "p:surname", "p:surname:given", "o:name"
    let mut full_names: Map<usize, usize> = Map::default();
    let mut mentions: Vec<(Mention, usize)> = Vec::new(); // with token index
    // Speaking groups and "the company" link to what was named before them:
    // each is linked when the runs reach it, so `mentions` stays in text order.
    let mut next_speaking = 0;
    for run in runs.iter().map(Some).chain([None]) {
        let upto = run.map_or(usize::MAX, |r| r.span.start);
        while let Some(&(span, sentence, in_quote, tok, org_ref)) = speaking.get(next_speaking).filter(|g| g.0.start < upto) {
            next_speaking += 1;
            if let Some(id) = speaking_entity(&mut out.entities, &mut by_key, &mentions, span.text(body), sentence, org_ref) {
                mentions.push((Mention { span, kind: MentionKind::Name, entity: Some(id), sentence, subject: false, in_quote, members: Vec::new() }, tok));
            }
        }
        let Some(run) = run else { break };
        if let Some(kind) = run.kind {
            let id = link(&mut out.entities, &mut by_key, &mut full_names, run, kind);
            mentions.push((
                Mention { span: run.span, kind: MentionKind::Name, entity: Some(id), sentence: run.sentence, subject: false, in_quote: run.in_quote, members: Vec::new() },
                run.first,
            ));
        } else if run.role_only {
            roles.push((run.span, run.sentence, run.titles.first().cloned().unwrap_or_default().to_lower(), run.affiliation.as_deref().and_then(lexicon::country), run.in_quote, run.first));
        }
        if let Some((span, name)) = &run.group {
            let key = format!("g:{}", name.to_lower());
            let id = *by_key.entry(key).or_insert_with(|| {
                out.entities.push(Entity {
                    name: name.clone(),
                    kind: EntityKind::Group,
                    gender: Gender::Unknown,
                    titles: Vec::new(),
                    aliases: Vec::new(),
                    affiliation: run.affiliation.clone().or_else(|| affiliation_of_name(&run.name.join(" "))),
                    given: None,
                    surname: None,
                });
                out.entities.len() - 1
            });
            mentions.push((
                Mention { span: *span, kind: MentionKind::Name, entity: Some(id), sentence: run.sentence, subject: false, in_quote: run.in_quote, members: Vec::new() },
                run.first,
            ));
        }
    }
    for &(span, sentence, _, _, in_quote, tok) in &roles {
        mentions.push((Mention { span, kind: MentionKind::Role, entity: None, sentence, subject: false, in_quote, members: Vec::new() }, tok));
    }
    for &(span, sentence, _, _, in_quote, tok) in &pronouns {
        mentions.push((Mention { span, kind: MentionKind::Pronoun, entity: None, sentence, subject: false, in_quote, members: Vec::new() }, tok));
    }
    crate::sort::sort_by_key(&mut mentions, |(m, _)| (m.span.start, std::cmp::Reverse(m.span.end)));
    // Subjects: the first mention of a sentence outside quotes that is not
    // after a preposition and not an object or possessive pronoun.
    let mut last_sentence = usize::MAX;
    for (m, tok) in mentions.iter_mut() {
        if m.in_quote || m.sentence == last_sentence {
            continue;
        }
        let text = m.span.text(body).to_lower();
        let object_pronoun = m.kind == MentionKind::Pronoun && !matches!(text.as_str(), "he" | "she" | "they");
        let start = seg.sentences[m.sentence].tokens.start;
        let after_prep = (start..*tok).rev().map(|k| lexicon::lc(tokens[k].span.text(body))).find(|w| !matches!(w.as_ref(), "the" | "a" | "an" | "his" | "her" | "their" | "its" | "," | "“" | "\"" | "‘"));
        let after_prep = after_prep.is_some_and(|w| PREPOSITIONS.contains(w));
        if !object_pronoun && !after_prep {
            m.subject = true;
            last_sentence = m.sentence;
        }
    }
    // Conjoined subjects: "Tillerson and Lavrov".
    for k in 0..mentions.len().saturating_sub(1) {
        let (a, b) = (&mentions[k].0, &mentions[k + 1].0);
        if a.subject && a.kind == MentionKind::Name && b.kind == MentionKind::Name && a.sentence == b.sentence && a.span.end <= b.span.start
            && body[a.span.end..b.span.start].trim() == "and" {
                if let (Some(x), Some(y)) = (a.entity, b.entity) {
                    mentions[k].0.members = vec![x, y];
                }
            }
    }
    let mut mentions: Vec<Mention> = mentions.into_iter().map(|(m, _)| m).collect();
    // (mentions are in text order)
    let named = |k: usize| mentions.get(mentions.partition_point(|m| m.span.start < tokens[k].span.start)).is_some_and(|m| m.span.start == tokens[k].span.start);
    let plural_subjects: Vec<bool> = seg.sentences.iter().map(|s| plural_noun_subject(body, tokens, s.tokens.clone(), &named)).collect();
    // Pass 3: roles and pronouns, in order, with salience.
    let role_info: Map<usize, (String, Option<&'static str>)> = roles.iter().map(|r| (r.0.start, (r.2.clone(), r.3))).collect();
    for k in 0..mentions.len() {
        if mentions[k].entity.is_some() {
            continue;
        }
        match mentions[k].kind {
            MentionKind::Role => {
                let Some((title, country)) = role_info.get(&mentions[k].span.start) else { continue };
                let found = mentions[..k].iter().rev().filter_map(|m| m.entity).find(|&e| {
                    let ent = &out.entities[e];
                    ent.kind == EntityKind::Person
                        && ent.titles.iter().any(|t| contains_words(&t.to_lower(), title))
                        && country.is_none_or(|c| ent.affiliation.as_deref().is_none_or(|a| a == c))
                });
                mentions[k].entity = found;
                if let (Some(e), Some(c)) = (found, country) {
                    out.entities[e].affiliation.get_or_insert_with(|| c.to_string());
                }
            }
            MentionKind::Pronoun if !mentions[k].in_quote => {
                let text = mentions[k].span.text(body).to_lower();
                let Some((gender, plural)) = is_pronoun(&text) else { continue };
                if let Some((e, members)) = antecedent(&mentions, k, &out.entities, gender, plural, &plural_subjects) {
                    mentions[k].entity = Some(e);
                    mentions[k].members = members;
                    let ent = &mut out.entities[e];
                    if ent.kind == EntityKind::Person && ent.gender == Gender::Unknown && !plural {
                        ent.gender = gender;
                    }
                }
            }
            _ => {}
        }
    }
    out.mentions = mentions;
    out
}

/// Whether `needle` occurs in `hay` as whole words.
fn contains_words(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay == needle
        || hay.starts_with(&format!("{needle} "))
        || hay.ends_with(&format!(" {needle}"))
        || hay.contains(&format!(" {needle} "))
}

/// The most salient compatible antecedent of the pronoun at `k`.
/// How many mentions back a pronoun's antecedent is looked for.
const ANTECEDENT_WINDOW: usize = 64;

fn antecedent(mentions: &[Mention], k: usize, entities: &[Entity], gender: Gender, plural: bool, plural_subjects: &[bool]) -> Option<(usize, Vec<usize>)> {
    let this = &mentions[k];
    let fits = |m: &Mention| -> Option<(usize, Vec<usize>)> {
        if m.in_quote {
            return None;
        }
        if plural {
            if m.members.len() >= 2 {
                return Some((m.members[0], m.members.clone()));
            }
            let e = m.entity?;
            return matches!(entities[e].kind, EntityKind::Group | EntityKind::Organization).then(|| (e, Vec::new()));
        }
        let e = m.entity?;
        let ent = &entities[e];
        let ok = ent.kind == EntityKind::Person && (ent.gender == Gender::Unknown || ent.gender == gender) && m.members.is_empty();
        ok.then(|| (e, Vec::new()))
    };
    // Only the last `ANTECEDENT_WINDOW` mentions are candidates: a pronoun
    // refers to something near, and the search stays linear in the article.
    let earlier = &mentions[k.saturating_sub(ANTECEDENT_WINDOW)..k];
    let k = earlier.len();
    // Same sentence: the subject first, then the nearest.
    let same: Vec<&Mention> = earlier.iter().rev().take_while(|m| m.sentence == this.sentence).collect();
    if let Some(hit) = same.iter().filter(|m| m.subject).find_map(|m| fits(m)) {
        return Some(hit);
    }
    // "Shareholders were furious. They said": the plural noun, which names no entity.
    let noun_subject = |s: usize| plural && plural_subjects.get(s) == Some(&true);
    if noun_subject(this.sentence) {
        return None;
    }
    if let Some(hit) = same.iter().find_map(|m| fits(m)) {
        return Some(hit);
    }
    // Earlier sentences, up to four back: subject, then any, nearest first.
    let mut idx = k - same.len();
    let mut steps = 0;
    let mut after = this.sentence;
    while idx > 0 && steps < 4 {
        let s = earlier[idx - 1].sentence;
        // (sentences without mentions in between)
        if (s + 1..after).any(noun_subject) {
            return None;
        }
        after = s;
        let group_start = earlier[..idx].iter().rposition(|m| m.sentence != s).map_or(0, |p| p + 1);
        let group = &earlier[group_start..idx];
        if let Some(hit) = group.iter().filter(|m| m.subject).find_map(&fits) {
            return Some(hit);
        }
        if noun_subject(s) {
            return None;
        }
        if let Some(hit) = group.iter().rev().find_map(&fits) {
            return Some(hit);
        }
        if this.sentence.saturating_sub(s) > 4 {
            break;
        }
        idx = group_start;
        steps += 1;
    }
    None
}

/// Whether the sentence in `range` opens with a plural noun of people
/// ([`GROUP_NOUNS`]), its subject ("Shareholders were furious", "The
/// residents left"): a "they" after it is most likely them. `named`: a name
/// starts at the token (a speaking group, "Officers said", is an entity of
/// its own).
fn plural_noun_subject(body: &str, tokens: &[Token], range: std::ops::Range<usize>, named: &dyn Fn(usize) -> bool) -> bool {
    let k = range.start + usize::from(tokens[range.start].span.text(body).eq_ignore_ascii_case("the"));
    k < range.end && GROUP_NOUNS.contains(&lexicon::lc(tokens[k].span.text(body))) && tokens[k].span.text(body).ends_with('s') && !named(k)
}

/// Money and time-zone tokens, which are no names: a currency prefix ("US$",
/// "AU$"), an ISO currency code ("USD"), a time zone after a clock time
/// ("18:00 UTC", "6 p.m. EST") or one that is never a name ("UTC").
fn money_or_zone(body: &str, tokens: &[Token], i: usize) -> bool {
    let t = tokens[i];
    let w = t.span.text(body);
    let currency_sign = |k: usize| tokens.get(k).is_some_and(|n| n.span.start == t.span.end && matches!(n.span.text(body), "$" | "€" | "£" | "¥"));
    if w.contains('$') || currency_sign(i + 1) {
        return true;
    }
    // codes and zones are short and in capitals
    if w.len() > 4 || !w.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    if lexicon::name_cue(NameCue::Currency, w) || lexicon::name_cue(NameCue::ZoneAlways, w) {
        return true;
    }
    // the clock time may end the previous sentence ("7 p.m. EST")
    if !lexicon::name_cue(NameCue::Zone, w) || i == 0 {
        return false;
    }
    let clock = |k: usize| {
        let w = tokens[k].span.text(body);
        w.bytes().any(|b| b.is_ascii_digit()) || matches!(lexicon::lc(w).as_ref(), "a.m." | "p.m." | "a.m" | "p.m" | "am" | "pm" | "noon" | "midnight" | "(")
    };
    clock(i - 1) || (i >= 2 && tokens[i - 1].span.text(body) == "." && clock(i - 2))
}

/// A word with the ending of an English adjective or adverb ("Actual",
/// "Republican", "Islamic", "Recently"): a capitalised one needs more than
/// its capital to be taken for a name.
fn adjective_like(word: &str) -> bool {
    let w = lexicon::lc(word);
    w.len() >= 6
        && ["al", "ly", "ive", "ous", "ful", "less", "able", "ible", "ic", "ical", "an", "ian", "ish", "ese", "ern", "ary", "ory", "ent", "ant"]
            .iter()
            .any(|s| w.ends_with(s))
}

/// A sentence-initial capitalised word that is probably not a name: not in a
/// lexicon and not capitalised elsewhere in the article.
fn is_sentence_initial_noise(word: &str, mid_caps: &Map<&str, ()>) -> bool {
    !(mid_caps.contains_key(word)
        || lexicon::given_name(word).is_some()
        || lexicon::place(word)
        || lexicon::country(word).is_some()
        || lexicon::demonym(word).is_some()
        || lexicon::place_demonym(word).is_some()
        || lexicon::organization(word).is_some()
        || lexicon::title(&word.to_lower()).is_some()
        || is_acronym(word))
}

/// The longest title starting at token `i`: (token end, title as written, lower-case key).
fn title_at(body: &str, tokens: &[Token], i: usize, end: usize, capitalised: bool) -> Option<(usize, String)> {
    if i >= end || !lexicon::title_start(&lexicon::lc(tokens[i].span.text(body))) {
        return None;
    }
    let mut best = None;
    let mut key = String::new();
    let mut k = i;
    while k < end && k < i + 6 {
        let t = tokens[k];
        let w = t.span.text(body);
        if t.kind != TokenKind::Word || (capitalised && !namey(w) && !matches!(w, "of" | "the" | "for" | "and" | "general")) {
            break;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&w.to_lower());
        k += 1;
        let with_dot = k < end && tokens[k].span.text(body) == "." && tokens[k].span.start == t.span.end;
        if lexicon::title(&key).is_some() {
            best = Some((k, key.clone()));
        }
        if with_dot {
            // "Sen.", and on: "Lt. Gov."
            key.push('.');
            k += 1;
            if lexicon::title(&key).is_some() {
                best = Some((k, key.clone()));
            }
        }
    }
    best
}

/// "the [Russian] foreign minister": (token end, title, country).
fn role_at(body: &str, tokens: &[Token], i: usize, end: usize) -> Option<(usize, String, Option<&'static str>)> {
    let mut k = i;
    let mut country = None;
    if k < end {
        let w = tokens[k].span.text(body);
        if let Some(c) = lexicon::demonym(w).or_else(|| lexicon::country(w)) {
            country = Some(c);
            k += 1;
        }
    }
    let (title_end, title) = title_at(body, tokens, k, end, false)?;
    // "the secretary of state Rex Tillerson" is a name run, not a role.
    if title_end < end && namey(tokens[title_end].span.text(body)) && tokens[title_end].kind == TokenKind::Word {
        return None;
    }
    // Titles that are also common nouns need a country or a capital to be roles.
    if matches!(title.as_str(), "head" | "chief" | "officer" | "official" | "host" | "leader" | "author" | "chair" | "speaker" | "major" | "general" | "justice" | "judge" | "doctor" | "coach" | "captain" | "manager" | "director") && country.is_none() {
        return None;
    }
    Some((title_end, title, country))
}

/// Scans a name run starting at token `i` (a capitalised word).
fn scan_run(body: &str, tokens: &[Token], i: usize, end: usize, sentence: usize, sentence_initial: bool) -> Run {
    let mut run = Run {
        span: tokens[i].span,
        name: Vec::new(),
        titles: Vec::new(),
        affiliation: None,
        gender: Gender::Unknown,
        kind: None,
        sentence,
        first: i,
        last: i,
        group: None,
        in_quote: false,
        role_only: false,
        shape: Votes::default(),
        context: Votes::default(),
        canon: None,
        before_title: false,
        hyphen_place: None,
        numbered: false,
        key: String::new(),
    };
    let mut k = i;
    // A country or demonym, then titles ("Russian Foreign Minister", "U.S. Ambassador").
    let first = tokens[k].span.text(body);
    let lead_country = lexicon::demonym(first).or_else(|| lexicon::country(first));
    if let Some(c) = lead_country {
        if title_at(body, tokens, k + 1, end, true).is_some() {
            run.affiliation = Some(c.to_string());
            k += 1;
        }
    }
    // "Former", "Acting" and the like before a title are skipped. A title
    // starting a sentence may go on in lower case ("Chief executive Jane Roe").
    while let Some((tend, key)) = title_at(body, tokens, k, end, !(sentence_initial && k == i)) {
        let written = Span::new(tokens[k].span.start, tokens[tend - 1].span.end).text(body).to_string();
        let info = lexicon::title(&key).unwrap();
        if run.gender == Gender::Unknown {
            run.gender = info.gender;
        }
        if run.affiliation.is_none() {
            run.affiliation = info.country.map(str::to_string);
        }
        if !matches!(key.as_str(), "mr." | "mrs." | "ms." | "miss" | "dr." | "mr" | "mrs" | "ms" | "dr") {
            run.titles.push(written);
        }
        k = tend;
        if !(k < end && tokens[k].kind == TokenKind::Word && namey(tokens[k].span.text(body))) {
            break;
        }
    }
    let mut had_title = k > i && (!run.titles.is_empty() || run.gender != Gender::Unknown);
    // A lower-case title just before the run ("pollster Pat Caddell") is part
    // of the mention.
    let mut lead_start = i;
    if !had_title && i > 0 {
        for back in (1..=3).rev() {
            if i < back {
                continue;
            }
            let words: Vec<String> = (i - back..i).map(|j| tokens[j].span.text(body).to_lower()).collect();
            let key = words.join(" ");
            if tokens[i - back..i].iter().all(|t| t.kind == TokenKind::Word) && lexicon::title(&key).is_some() && !matches!(key.as_str(), "head" | "host" | "leader") {
                run.titles.push(key);
                lead_start = i - back;
                break;
            }
        }
    }
    // The name words.
    let name_start = k;
    let mut org_like = false;
    let mut possessive = false;
    // The byte end of a hyphenated last word's capitalised start ("Chicago-based").
    let mut cut_end = None;
    while k < end && !possessive && cut_end.is_none() {
        let t = tokens[k];
        let w = t.span.text(body);
        if t.kind == TokenKind::Punct {
            // "Mr." style periods inside the run
            let prev = if k > name_start { tokens[k - 1].span.text(body) } else { "" };
            // and a middle initial: "John G. Roberts"
            let initial = k > name_start + 1 && prev.len() == 1 && prev.chars().all(|c| c.is_ascii_uppercase()) && tokens[k - 1].span.end == t.span.start;
            if w == "." && (ABBREV_TITLES.contains(prev) || initial) && k + 1 < end && namey(tokens[k + 1].span.text(body)) {
                if initial {
                    if let Some(last) = run.name.last_mut() {
                        last.push('.');
                    }
                }
                k += 1;
                continue;
            }
            break;
        }
        let (stem, poss) = strip_possessive(w);
        if t.kind == TokenKind::Number {
            // A model number: "Boeing 787", "iPhone 4".
            let quantity = k + 1 < end && quantity_word(&lexicon::lc(tokens[k + 1].span.text(body)));
            let noun = run.name.len() == 1 && lexicon::name_cue(NameCue::NumberedNoun, &run.name[0]);
            if (1..=2).contains(&run.name.len()) && !org_like && !run.numbered && !noun && is_model_number(stem) && !quantity {
                run.name.push(stem.to_string());
                run.numbered = true;
                possessive = poss;
                k += 1;
                continue;
            }
            break;
        }
        if let Some((head, place)) = hyphen_suffix(stem) {
            if namey(head) && !STOP.contains(head) && !poss {
                run.name.push(head.to_string());
                run.hyphen_place = Some(place);
                cut_end = Some(t.span.start + head.len());
                k += 1;
            }
            break;
        }
        // (a month after a given name is a surname: "Theresa May", not "Theresa May 5")
        let surname_month = run.name.len() == 1 && lexicon::given_name(&run.name[0]).is_some() && !(k + 1 < end && tokens[k + 1].kind == TokenKind::Number);
        let surname_month = surname_month && is_month_name(stem);
        if namey(stem) && !(k > name_start && is_month_or_weekday(stem) && !surname_month) && !(k > name_start && STOP.contains(stem) && stem != "The" && !surname_month) {
            if stem == "The" && k > name_start && !org_like {
                break;
            }
            // "Acme CEO Jane Roe": the organisation ends before the title.
            if k > name_start && title_splits(body, tokens, k, end) {
                run.before_title = true;
                break;
            }
            // "the United States Barack Obama", "its UK iPod store": a place
            // name does not run on into a person's or a product's, nor an
            // organisation's into a person's ("Amnesty International John Tam").
            let given = lexicon::given_name(stem).is_some();
            if k > name_start && (given || is_camel_product(stem)) && {
                let so_far = run.name.join(" ");
                // (not "Air France": a given name that is also a place)
                let person_next = given && k + 1 < end && namey(tokens[k + 1].span.text(body)) && lexicon::country(stem).is_none() && !lexicon::place(stem);
                let org = person_next && (lexicon::organization(&so_far).is_some() || run.name.len() >= 2 && ORG_HEADS.contains(&run.name[run.name.len() - 1]));
                lexicon::country(&so_far).is_some() || lexicon::place(&so_far) || org
            } {
                break;
            }
            if ORG_HEADS.contains(stem) {
                org_like = true;
            }
            run.name.push(stem.to_string());
            possessive = poss;
            k += 1;
            continue;
        }
        let lower = w.to_lower();
        let namey_at = |j: usize| j < end && tokens[j].kind == TokenKind::Word && namey(tokens[j].span.text(body));
        // (through "the": "League for the Defence of Human Rights")
        let next_namey = namey_at(k + 1) || (matches!(lower.as_str(), "of" | "for") && k + 1 < end && tokens[k + 1].span.text(body) == "the" && namey_at(k + 2));
        let connector = matches!(lower.as_str(), "of" | "for" | "the" | "and" | "on") && (org_like || title_words(&run.name));
        let and_in_org = lower == "and" && k + 1 < end && {
            let ext = format!("{} and {}", run.name.join(" "), tokens[k + 1].span.text(body));
            lexicon::organization(&ext).is_some() || ext.rsplit(' ').next().is_some_and(|h| ORG_HEADS.contains(h))
        };
        if !run.name.is_empty() && (next_namey || lower == "the") && (connector || and_in_org || PARTICLES.contains(w)) && lower != "and" || (and_in_org && next_namey) {
            run.name.push(w.to_string());
            k += 1;
            continue;
        }
        break;
    }
    // Trailing connectors are not part of the name.
    while cut_end.is_none() && run.name.last().is_some_and(|w| matches!(w.as_str(), "of" | "for" | "the" | "and" | "on") || PARTICLES.contains(w.as_str())) {
        run.name.pop();
        k -= 1;
    }
    run.last = k.max(i + 1);
    let last_tok = tokens[run.last - 1];
    let mut span_end = last_tok.span.end;
    if let Some(e) = cut_end {
        span_end = e;
    } else if possessive {
        let (stem, _) = strip_possessive(last_tok.span.text(body));
        span_end = last_tok.span.start + stem.len();
    }
    run.span = Span::new(tokens[lead_start].span.start, span_end);
    if run.name.is_empty() {
        run.role_only = !run.titles.is_empty();
        // "Russian officials": a demonym or country alone, then a collective noun.
        if lead_country.is_some() && run.titles.is_empty() {
            run.name.push(first.to_string());
            run.last = i + 1;
            run.span = tokens[i].span;
        } else {
            return run;
        }
    }
    // A capitalised one-word title before an organisation's name is part of
    // it ("General Motors").
    if org_like && had_title && name_start == i + 1 && lead_start == i && run.titles.len() == 1 {
        run.name.insert(0, first.to_string());
        run.titles.clear();
        run.gender = Gender::Unknown;
        run.affiliation = None;
        had_title = false;
    }
    let full = run.name.join(" ");
    // The name of an event is no entity ("Paris Air Show").
    if run.name.len() >= 2 && run.name.last().is_some_and(|w| lexicon::name_cue(NameCue::EventHead, w)) && lexicon::organization(&full).is_none() {
        run.name.clear();
        return run;
    }
    // A collective noun after the run makes a group.
    if !possessive && cut_end.is_none() && run.last < end {
        let noun_tok = tokens[run.last];
        let noun = noun_tok.span.text(body);
        if GROUP_NOUNS.contains(noun) || (noun == "intelligence" && run.last + 1 < end && tokens[run.last + 1].span.text(body) == "community") {
            let mut noun_end = noun_tok.span.end;
            let mut label = noun.to_string();
            if noun == "intelligence" && run.last + 1 < end && tokens[run.last + 1].span.text(body) == "community" {
                noun_end = tokens[run.last + 1].span.end;
                label = "intelligence community".to_string();
            }
            let base = Span::new(tokens[name_start.min(run.last - 1)].span.start, run.span.end);
            let base_text = base.text(body);
            run.group = Some((Span::new(run.span.start, noun_end), format!("{base_text} {label}")));
            if run.affiliation.is_none() {
                run.affiliation = affiliation_of_name(&full);
            }
        }
    }
    run.key = name_key(&run.name);
    run.shape = shape_votes(&full, &run, had_title, org_like);
    run.kind = run.shape.best();
    let demonym = if run.name.len() == 1 { lexicon::demonym(&full) } else { None }.or_else(|| lexicon::place_demonym(&full));
    if run.group.is_some() && (run.kind == Some(EntityKind::Place) || demonym.is_some()) {
        // "U.S. officials", "Russian government": the group stands alone.
        run.kind = None;
        run.name.clear();
    } else if let Some(country) = demonym {
        // "the Irish economy": the country.
        run.canon = Some(country.to_string());
    }
    run
}

/// Whether a capitalised title at `k`, inside a run, is followed by a name:
/// the run before it is an organisation ("Acme CEO Jane Roe", "Acme Chief
/// Executive Jane Roe"). Single-word titles that are also surnames or name
/// words (King, Judge, General) do not split a run.
fn title_splits(body: &str, tokens: &[Token], k: usize, end: usize) -> bool {
    let Some((tend, key)) = title_at(body, tokens, k, end, true) else { return false };
    let next_is_name = tend < end && tokens[tend].kind == TokenKind::Word && namey(tokens[tend].span.text(body));
    let ends_run = tend >= end || tokens[tend].kind != TokenKind::Word || !namey(tokens[tend].span.text(body));
    let written = tokens[k].span.text(body);
    let strong = key.contains(' ')
        || (written.len() >= 2 && written.chars().all(|c| c.is_ascii_uppercase()))
        || matches!(key.as_str(), "president" | "chairman" | "chairwoman" | "spokesman" | "spokeswoman" | "spokesperson" | "director" | "founder" | "secretary" | "minister" | "ambassador" | "commissioner" | "executive");
    // "Santa Barbara County Sheriff Bill Brown": any title before a given name
    let before_given_name = next_is_name && lexicon::given_name(tokens[tend].span.text(body)).is_some();
    let strong = strong || before_given_name;
    let before_is_title_word = k >= 1 && lexicon::title_start(&lexicon::lc(tokens[k - 1].span.text(body)));
    let strong_end = key.contains(' ') || (written.len() >= 2 && written.chars().all(|c| c.is_ascii_uppercase()));
    strong && !before_is_title_word && (next_is_name || (ends_run && strong_end))
}

fn title_words(name: &[String]) -> bool {
    name.first().is_some_and(|w| lexicon::title_head(&w.to_lower()))
}

fn affiliation_of_name(name: &str) -> Option<String> {
    lexicon::country(name)
        .or_else(|| lexicon::demonym(name))
        .or_else(|| lexicon::organization(name).and_then(|o| o.country))
        .map(str::to_string)
}

/// Evidence from a name's own shape: lexicons, head words, titles, given
/// names, model numbers.
fn shape_votes(full: &str, run: &Run, had_title: bool, org_like: bool) -> Votes {
    let mut v = Votes::default();
    let n = run.name.len();
    let last = run.name.last().map_or("", String::as_str);
    if lexicon::organization(full).is_some() {
        v.org += 10.0;
        return v;
    }
    if lexicon::country(full).is_some() || (n == 1 && lexicon::demonym(full).is_some()) || lexicon::place_demonym(full).is_some() {
        v.place += 10.0;
        return v;
    }
    if lexicon::place(full) {
        v.place += 5.0;
    }
    if run.numbered || run.name.iter().any(|w| is_model_code(w) || is_camel_product(w)) {
        v.product += 4.0;
    }
    if org_like || ORG_HEADS.contains(last) {
        v.org += if LEGAL_SUFFIXES.contains(last) { 6.0 } else { 4.0 };
    }
    if n == 1 && is_acronym(full) {
        v.org += 3.0;
    }
    if had_title || !run.titles.is_empty() {
        v.person += 5.0;
    }
    if PLACE_HEADS.contains(last) {
        v.place += 4.0;
    }
    if run.hyphen_place == Some(true) {
        let known = lexicon::place(full) || lexicon::country(full).is_some();
        v.place += if known { 3.0 } else { 1.0 };
    }
    if n >= 2 {
        if lexicon::given_name(&run.name[0]).is_some() {
            v.person += 2.0;
        }
        let wordlike = |w: &String| w.chars().any(char::is_lower) && w.chars().all(|c| c.is_alpha() || matches!(c, '-' | '\'' | '’' | '.'));
        let placey = |w: &String| lexicon::country(w).is_some() || lexicon::demonym(w).is_some() || lexicon::place(w) || lexicon::place_demonym(w).is_some();
        if n <= 4 && run.name.iter().all(wordlike) && !run.name.iter().any(placey) {
            v.person += 1.0;
        } else {
            v.org += 1.0;
        }
    }
    v
}

/// Evidence from the words around a run in its sentence (tokens
/// `start..end`): apposition nouns ("aircraft maker Acme", "Acme, the
/// carrier", "Jane Roe, the chief executive"), following words ("Acme
/// shares", "Acme chief executive Jane Roe"), "Chicago-based Acme",
/// "Springfield, Illinois", and a cue verb ("Roe said").
fn context_votes(body: &str, tokens: &[Token], run: &Run, start: usize, end: usize) -> Votes {
    let mut v = Votes::default();
    let text = |k: usize| tokens[k].span.text(body);
    let lower = |k: usize| lexicon::lc(tokens[k].span.text(body));
    // Before the name.
    if run.first > start {
        let stake = run.first >= start + 2
            && lower(run.first - 1) == "in"
            && matches!(lower(run.first - 2).as_ref(), "stake" | "stakes" | "share" | "shares" | "interest" | "investment" | "invested" | "invest" | "investing");
        if stake {
            v.org += 2.0;
        }
        v.place += match lower(run.first - 1).as_ref() {
            _ if stake => 0.0,
            "in" | "near" | "outside" | "inside" | "throughout" | "across" => 1.0,
            "at" | "from" | "around" | "via" | "into" => 0.5,
            "to" | "toward" | "towards" => 0.25,
            _ => 0.0,
        };
        let mut p = run.first - 1;
        if text(p) == "," && p > start {
            p -= 1;
        }
        let w = text(p);
        if lexicon::name_cue(NameCue::OrgNoun, &lexicon::lc(w)) || w == "based" || w.ends_with("-based") || w.ends_with("-headquartered") {
            v.org += 3.0;
        } else if w == "of" && p > start && lexicon::title_head(&lower(p - 1)) {
            v.org += 2.0;
        } else if w == "the" && p > start + 1 && text(p - 1) == "of" && lexicon::title_head(&lower(p - 2)) {
            v.org += 2.0;
        }
    }
    if run.before_title {
        v.org += 3.0;
    }
    if titled_apposition(body, tokens, run, start, end) {
        v.person += 3.0;
    }
    // After the name.
    let a = run.last;
    let possessive = run.span.end < tokens[run.last - 1].span.end;
    if a < end {
        let w = text(a);
        let lw = lower(a);
        let lower_or_acronym = w.chars().next().is_some_and(char::is_lower) || is_acronym(w);
        if tokens[a].kind == TokenKind::Word && lower_or_acronym && lexicon::name_cue(NameCue::OrgAfter, &lw) {
            v.org += 2.0;
        } else if possessive && tokens[a].kind == TokenKind::Number {
            v.org += 1.5;
        }
        if w.chars().next().is_some_and(char::is_lower) {
            if let Some((tend, _)) = title_at(body, tokens, a, end, false) {
                if tend < end && tokens[tend].kind == TokenKind::Word && namey(text(tend)) {
                    v.org += 3.0;
                }
            }
        }
        if w == "based" {
            v.place += 3.0;
        }
        // "Acme is the largest carmaker", "Roe was a senator"
        let copula = matches!(w, "is" | "was" | "remains" | "became");
        let article = a + 1 < end && matches!(lower(a + 1).as_ref(), "the" | "a" | "an");
        if copula && article {
            if let Some(kind) = apposition_kind(body, tokens, a + 1, end) {
                v.add(kind, 2.0);
            }
        }
        if w == "," && !possessive && a + 1 < end {
            let next = strip_possessive(text(a + 1));
            let two = (a + 2 < end).then(|| format!("{} {}", text(a + 1), text(a + 2)));
            let place = !next.1 && (lexicon::place(next.0) || lexicon::country(next.0).is_some() || two.is_some_and(|t| lexicon::place(&t)));
            if place && run.hyphen_place.is_none() {
                v.place += 3.0;
            } else if let Some(kind) = apposition_kind(body, tokens, a + 1, end) {
                v.add(kind, 3.0);
            }
        }
    }
    if followed_by_cue(body, tokens, run.last, end) || preceded_by_inverted_cue(body, tokens, run.first) {
        v.person += 0.5;
    }
    // "Ahola challenged himself", "Lee, who …", "Lee herself": only people
    let reflexive = (a..end.min(a + 3)).any(|k| matches!(lower(k).as_ref(), "himself" | "herself"));
    let who = a + 1 < end && text(a) == "," && lower(a + 1) == "who";
    if reflexive || who {
        v.person += 3.0;
    }
    v
}

/// A name set off by commas after "<title> of <Name>": "the mayor of
/// Springfield, Jane Roe, said" names the mayor, whatever kind the name
/// before the comma is.
fn titled_apposition(body: &str, tokens: &[Token], run: &Run, start: usize, end: usize) -> bool {
    let text = |k: usize| tokens[k].span.text(body);
    if run.first < start + 4 || text(run.first - 1) != "," || run.last >= end || text(run.last) != "," {
        return false;
    }
    let mut k = run.first - 2;
    let capital = |k: usize| tokens[k].kind == TokenKind::Word && text(k).chars().next().is_some_and(char::is_upper);
    while k > start + 1 && run.first - k <= 6 && (capital(k) || text(k) == "the") {
        k -= 1;
    }
    k < run.first - 2 && text(k) == "of" && lexicon::title_head(&lexicon::lc(text(k - 1)))
}

/// What an apposition after a comma says the name before it is: ", the
/// carrier" and ", Acme's rival" an organisation; ", the chief executive"
/// and ", 49," a person.
fn apposition_kind(body: &str, tokens: &[Token], mut j: usize, end: usize) -> Option<EntityKind> {
    if j < end && tokens[j].kind == TokenKind::Number {
        let age = tokens[j].span.text(body).len() <= 3 && j + 1 < end && tokens[j + 1].span.text(body) == ",";
        return age.then_some(EntityKind::Person);
    }
    if j < end && matches!(lexicon::lc(tokens[j].span.text(body)).as_ref(), "the" | "a" | "an" | "its" | "their" | "his" | "her") {
        j += 1;
    }
    let mut head = None;
    let mut n = 0;
    while j < end && n < 6 && tokens[j].kind == TokenKind::Word {
        let w = lexicon::lc(tokens[j].span.text(body));
        if PREPOSITIONS.contains(w.as_ref()) || matches!(w.as_ref(), "who" | "which" | "that" | "and" | "or" | "said" | "says" | "has" | "had" | "is" | "was" | "will") {
            break;
        }
        head = Some(w);
        j += 1;
        n += 1;
    }
    let head = head?;
    let head = strip_possessive(&head).0;
    if lexicon::name_cue(NameCue::OrgNoun, head) {
        Some(EntityKind::Organization)
    } else if lexicon::title_head(head) || lexicon::title(head).is_some() {
        Some(EntityKind::Person)
    } else {
        None
    }
}

/// The key that mentions of one name share: lower case, without legal
/// endings ("Acme Co." and "Acme" are one).
fn name_key(name: &[String]) -> String {
    let mut words: &[String] = name;
    while words.len() >= 2 && words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(w.as_str())) {
        words = &words[..words.len() - 1];
    }
    words.join(" ").to_lower()
}

/// The display name for a key's organisation: the name without legal endings.
fn display_name(name: &[String]) -> String {
    let mut words: &[String] = name;
    while words.len() >= 2 && words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(w.as_str())) {
        words = &words[..words.len() - 1];
    }
    words.join(" ")
}

/// Decides the kind of every name from the evidence of all its mentions in
/// the article, so that they agree. A single word also counts as the
/// surname of a person named in full, as the first word of a two-word
/// organisation ("Acme" after "Acme Widgets": one entity), or as the maker
/// in a model name ("Acme" in "Acme 300"); an unknown word seen twice with
/// no other clue is taken for an organisation.
fn decide_kinds(runs: &mut [Run], coordinated: &[(usize, usize)]) {
    let decisions = decisions(runs, coordinated);
    for (run, (kind, canon)) in runs.iter_mut().zip(decisions) {
        if !run.name.is_empty() {
            run.kind = kind;
            if canon.is_some() && run.canon.is_none() {
                run.canon = canon;
            }
        }
    }
}

/// For each run: its kind, and the longer organisation name it joins.
fn decisions(runs: &[Run], coordinated: &[(usize, usize)]) -> Vec<(Option<EntityKind>, Option<String>)> {
    // per key: the sum of contexts, the strongest shape, the count
    let mut totals: Map<&str, (Votes, Votes, usize)> = Map::default();
    totals.reserve(runs.len());
    for run in runs.iter().filter(|r| !r.name.is_empty()) {
        let e = totals.entry(run.key.as_str()).or_default();
        e.0.merge(&run.context);
        e.1.max(&run.shape);
        e.2 += 1;
    }
    let total = |key: &str| totals.get(key).map(|&(mut c, s, _)| {
        c.merge(&s);
        c
    });
    let mut surnames: Map<String, ()> = Map::default();
    // first word of a multi-word organisation -> its name, None when several
    let mut org_starts: Map<&str, Option<String>> = Map::default();
    let mut makers: Map<&str, ()> = Map::default();
    for run in runs.iter().filter(|r| r.name.len() >= 2 && r.key.contains(' ')) {
        let first = run.key.split(' ').next().unwrap_or("");
        match total(&run.key).and_then(|v| v.best()) {
            Some(EntityKind::Person) => {
                surnames.insert(surname_key(run.name.last().unwrap()), ());
            }
            Some(EntityKind::Organization) => {
                let shown = display_name(&run.name);
                let words: Vec<&str> = shown.split(' ').collect();
                let rest = words.last().copied().unwrap_or("");
                let generic = words.len() >= 2 && words[1..].iter().all(|w| ORG_HEADS.contains(*w));
                let surname_like = words.len() == 2 && !ORG_HEADS.contains(rest) && !PLACE_HEADS.contains(rest) && !lexicon::place(rest) && lexicon::country(rest).is_none();
                let joinable = generic || surname_like;
                let e = org_starts.entry(first).or_insert_with(|| Some(shown.clone()));
                if !joinable || e.as_deref() != Some(shown.as_str()) {
                    *e = None;
                }
            }
            Some(EntityKind::Product) if run.numbered && !is_camel_product(&run.name[0]) && !is_model_code(&run.name[0]) => {
                makers.insert(first, ());
            }
            _ => {}
        }
    }
    // Per key: the evidence, with the clues a single word takes from the
    // other names.
    let mut decided: Map<&str, Votes> = Map::default();
    decided.reserve(totals.len());
    for (&key, &(_, _, count)) in &totals {
        let mut v = total(key).unwrap_or_default();
        if !key.contains(' ') {
            if count >= 2 && lexicon::given_name(key).is_none() && !adjective_like(key) {
                v.org += (0.5 * count as f32).min(3.0);
            }
            // (a known person's surname is not short for an organisation
            // named after that person: "Clinton" beside "Clinton Foundation")
            let surname = surnames.contains_key(&surname_key(key));
            if surname {
                v.person += 3.0;
            }
            if makers.contains_key(key) {
                v.org += 2.0;
            }
            if org_starts.contains_key(key) && !surname {
                v.org += 3.0;
            }
        }
        decided.insert(key, v);
    }
    // Names listed together are alike ("Acme, Initech and Globex";
    // "Springfield and Shelbyville"): an organisation or a place lends its
    // kind to the names it is listed with.
    // Two rounds: a name that took the kind passes it along the list.
    for threshold in [3.0, 1.5] {
        let mut lent: Vec<(&str, EntityKind)> = Vec::new();
        for &(a, b) in coordinated {
            let (ka, kb) = (runs[a].key.as_str(), runs[b].key.as_str());
            for (from, to) in [(ka, kb), (kb, ka)] {
                let (Some(v), Some(w)) = (decided.get(from), decided.get(to)) else { continue };
                let strong = v.org.max(v.place) >= threshold && w.org.max(w.place) < 1.5 && w.person < 1.5;
                if let Some(kind @ (EntityKind::Organization | EntityKind::Place)) = v.best().filter(|_| strong) {
                    lent.push((to, kind));
                }
            }
        }
        for (key, kind) in lent {
            if let Some(v) = decided.get_mut(key) {
                v.add(kind, 1.5);
            }
        }
    }
    runs.iter()
        .map(|run| {
            let kind = decided.get(run.key.as_str()).and_then(Votes::best);
            let joins = kind == Some(EntityKind::Organization) && !run.key.contains(' ');
            let canon = if joins { org_starts.get(run.key.as_str()).cloned().flatten() } else { None };
            (kind, canon)
        })
        .collect()
}

/// Pairs of runs (indices) listed together in a sentence: only commas,
/// "and", "or" or "&" between them.
fn coordinated_runs(body: &str, tokens: &[Token], runs: &[Run]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for a in 0..runs.len().saturating_sub(1) {
        let (x, y) = (&runs[a], &runs[a + 1]);
        if x.name.is_empty() || y.name.is_empty() || x.sentence != y.sentence || x.group.is_some() || y.first <= x.last {
            continue;
        }
        let between = &tokens[x.last..y.first];
        let joined = between.iter().all(|t| matches!(t.span.text(body), "," | "and" | "or" | "&" | "the"));
        if joined && between.len() <= 3 {
            pairs.push((a, a + 1));
        }
    }
    pairs
}

/// Links a classified run to an entity of the article, creating it if needed.
/// A bare surname goes to the person with that surname named in full most
/// often so far (on a tie, the first with a listed given name, else the
/// first): "Biden" after "Joe Biden" twice
/// and "Hunter Biden" once is Joe Biden. `full_names` counts those mentions.
fn link(entities: &mut Vec<Entity>, by_key: &mut Map<String, usize>, full_names: &mut Map<usize, usize>, run: &Run, kind: EntityKind) -> usize {
    let full = run.name.join(" ");
    let id = match kind {
        EntityKind::Person => {
            let surname = surname_key(run.name.last().unwrap());
            let given = (run.name.len() >= 2).then(|| run.name[0].to_lower());
            let key = format!("p:{surname}");
            let named = given.as_ref().and_then(|g| by_key.get(&format!("p:{surname}:{g}")).copied());
            let id = match (named, by_key.get(&key).copied()) {
                (Some(e), _) => e,
                (None, Some(e)) if given.is_none() || entities[e].given.is_none() || entities[e].given == given || word_before_surname(&entities[e], &run.name, given.as_deref()) => {
                    // (the name without a word before it replaces it:
                    // "Cosmonaut Alexei Leonov", then "Alexei Leonov")
                    // (not "Pierluisi Urrutia" for "Pedro R. Pierluisi Urrutia")
                    let shorter = entities[e].name.strip_suffix(full.as_str()).is_some_and(|lead| lead.ends_with(' ') && lead.split_whitespace().all(|w| lexicon::given_name(w).is_none()));
                    if given.is_some() && (entities[e].given.is_none() || shorter) {
                        entities[e].given.clone_from(&given);
                        let old = std::mem::replace(&mut entities[e].name, full.clone());
                        push_unique(&mut entities[e].aliases, old);
                    }
                    e
                }
                _ => {
                    entities.push(Entity {
                        name: full.clone(),
                        kind,
                        gender: Gender::Unknown,
                        titles: Vec::new(),
                        aliases: Vec::new(),
                        affiliation: None,
                        given: given.clone(),
                        surname: Some(surname.clone()),
                    });
                    by_key.entry(key.clone()).or_insert(entities.len() - 1);
                    entities.len() - 1
                }
            };
            if let Some(g) = given {
                by_key.insert(format!("p:{surname}:{g}"), id);
                let n = *full_names.entry(id).and_modify(|n| *n += 1).or_insert(1);
                // (on a tie, a listed given name wins: "Anthony Boccaletti"
                // over "Astronomer Anthony Boccaletti")
                let listed = |e: usize| entities[e].given.as_deref().is_some_and(|g| lexicon::given_name(g).is_some());
                if by_key.get(&key).is_some_and(|&e| e != id && (full_names.get(&e).copied().unwrap_or(0), listed(e)) < (n, listed(id))) {
                    by_key.insert(key, id);
                }
            }
            id
        }
        _ => {
            let canonical = lexicon::organization(&full)
                .map(|o| o.name.to_string())
                .or_else(|| lexicon::country(&full).map(str::to_string))
                .or_else(|| run.canon.clone())
                .unwrap_or_else(|| display_name(&run.name));
            let key = format!("o:{}", canonical.to_lower());
            *by_key.entry(key).or_insert_with(|| {
                let affiliation = lexicon::organization(&full).and_then(|o| o.country).map(str::to_string);
                entities.push(Entity {
                    name: canonical,
                    kind,
                    gender: Gender::Unknown,
                    titles: Vec::new(),
                    aliases: Vec::new(),
                    affiliation,
                    given: None,
                    surname: None,
                });
                entities.len() - 1
            })
        }
    };
    let ent = &mut entities[id];
    if full != ent.name {
        push_unique(&mut ent.aliases, full.clone());
    }
    if kind == EntityKind::Person {
        if let Some(s) = run.name.last() {
            if run.name.len() >= 2 {
                push_unique(&mut ent.aliases, s.clone());
            }
        }
        if ent.gender == Gender::Unknown {
            ent.gender = if run.gender != Gender::Unknown { run.gender } else { run.name.first().and_then(|g| if run.name.len() >= 2 { lexicon::given_name(g) } else { None }).unwrap_or(Gender::Unknown) };
        }
        for t in &run.titles {
            if !ent.titles.iter().any(|x| x.eq_ignore_ascii_case(t)) {
                ent.titles.push(t.clone());
            }
        }
        if ent.affiliation.is_none() {
            ent.affiliation = run.affiliation.clone();
        }
    }
    id
}

/// Whether the person `e` and a run named `name` (first word `given`, in
/// lower case) share the word before the surname: "Alexei Leonov" and
/// "Cosmonaut Alexei Leonov", either way round.
fn word_before_surname(e: &Entity, name: &[String], given: Option<&str>) -> bool {
    // (a particle is part of the surname: "Van Halen" is not "Eddie Van Halen")
    let not_particle = |w: &&str| !PARTICLES.contains(*w);
    let run_lead = &name[..name.len().saturating_sub(1)];
    let entity_lead = e.name.rsplit_once(' ').map_or("", |(lead, _)| lead);
    e.given.as_deref().filter(not_particle).is_some_and(|g| run_lead.iter().any(|x| x.eq_ignore_ascii_case(g)))
        || given.filter(not_particle).is_some_and(|g| entity_lead.split(' ').any(|x| x.eq_ignore_ascii_case(g)))
}

fn push_unique(list: &mut Vec<String>, item: String) {
    if !list.contains(&item) {
        list.push(item);
    }
}

/// Whether a cue verb follows token `k` (after adverbs and auxiliaries).
fn followed_by_cue(body: &str, tokens: &[Token], mut k: usize, end: usize) -> bool {
    while k < end {
        let w = tokens[k].span.text(body);
        let lower = w.to_lower();
        if matches!(lower.as_str(), "also" | "has" | "had" | "have" | "later" | "then" | "previously" | "again" | "himself" | "herself" | "would" | "will" | "did" | "not") || (lower.ends_with("ly") && lower.len() > 4) {
            k += 1;
            continue;
        }
        return lexicon::cue_verb(w).is_some_and(|(_, c)| c == lexicon::CueClass::Say) && w.chars().next().is_some_and(char::is_lower);
    }
    false
}

/// A group that speaks, named only by its collective noun: "police said",
/// "local officials have said", "..., investigators said", "according to
/// authorities". The span takes in the modifiers before the noun ("state
/// media"); a noun before a name ("Police Chief Ann Lee") or a vague one
/// ("people") is none.
fn speaking_group(body: &str, tokens: &[Token], i: usize, range: std::ops::Range<usize>) -> Option<Span> {
    let text = tokens[i].span.text(body);
    // (called for every word: no allocation for one in lower case)
    let lower = lexicon::lc(text);
    let capital = text.starts_with(char::is_upper);
    if !GROUP_NOUNS.contains(lower.as_ref()) || SILENT_GROUPS.contains(lower.as_ref()) || (capital && i != range.start) {
        return None;
    }
    if tokens.get(i + 1).is_some_and(|t| i + 1 < range.end && t.kind == TokenKind::Word && namey(t.span.text(body))) {
        return None;
    }
    let mut first = i;
    while first > range.start && is_group_modifier(body, tokens, first - 1, range.start) {
        first -= 1;
    }
    let det = usize::from(first > range.start && tokens[first - 1].span.text(body).eq_ignore_ascii_case("the"));
    // "attorneys for the family", "officials at the embassy": the complement is part of the group
    let complement = i + 2 < range.end && matches!(tokens[i + 1].span.text(body), "for" | "of" | "at");
    let words = (i + 2..range.end.min(i + 6)).take_while(|&k| tokens[k].kind == TokenKind::Word && lexicon::cue_verb(tokens[k].span.text(body)).is_none());
    let last = words.last().filter(|&k| complement && speaks(body, tokens, first - det, k, range.clone())).unwrap_or(i);
    speaks(body, tokens, first - det, last, range).then(|| Span::new(tokens[first].span.start, tokens[last].span.end))
}

/// "The company said", "..., the airline said", "according to the
/// ministry": "the" and a noun that refers back to an organisation,
/// speaking. The span of the noun phrase.
fn speaking_org_reference(body: &str, tokens: &[Token], i: usize, range: std::ops::Range<usize>) -> Option<Span> {
    let the = i > range.start && tokens[i - 1].span.text(body).eq_ignore_ascii_case("the");
    let text = tokens[i].span.text(body);
    if !the || !text.starts_with(char::is_lower) || !ORG_REFERENCES.contains(text) {
        return None;
    }
    speaks(body, tokens, i - 1, i, range).then(|| Span::new(tokens[i - 1].span.start, tokens[i].span.end))
}

/// Whether the noun phrase of tokens `first..=head` is the source of a
/// speech cue: a cue verb after it ("police said", "officials have said"),
/// an inverted cue before it ("..., police said" read backwards: "said
/// police"), or "according to" before it.
fn speaks(body: &str, tokens: &[Token], first: usize, head: usize, range: std::ops::Range<usize>) -> bool {
    let according = first >= range.start + 2 && tokens[first - 2].span.text(body).eq_ignore_ascii_case("according") && tokens[first - 1].span.text(body) == "to";
    according || followed_by_cue(body, tokens, head + 1, range.end) || preceded_by_inverted_cue(body, tokens, first)
}

/// Whether token `k` is a modifier of a speaking group: a listed word in
/// lower case, or capitalised as the sentence's first word.
fn is_group_modifier(body: &str, tokens: &[Token], k: usize, sentence_start: usize) -> bool {
    let text = tokens[k].span.text(body);
    (text.starts_with(char::is_lower) || k == sentence_start) && GROUP_MODIFIERS.contains(&text.to_lower())
}

/// The entity a speaking group (or, with `org_ref`, "the company") at
/// `phrase` in `sentence` stands for, from the mentions before it (`earlier`,
/// in text order; only the last [`ANTECEDENT_WINDOW`] are looked at, so
/// linking stays linear in the article):
/// - "the company": the organisation named last in this sentence or the one
///   before, else none (no guess further back);
/// - a group: the last organisation whose name has the group's noun ("police"
///   for "Chicago Police Department"), or group whose name ends with it
///   ("government" after "Samoan government"), else one group per wording
///   ("police", "the police" and "Police" are one).
fn speaking_entity(entities: &mut Vec<Entity>, by_key: &mut Map<String, usize>, earlier: &[(Mention, usize)], phrase: &str, sentence: usize, org_ref: bool) -> Option<usize> {
    let near = earlier.iter().rev().take(ANTECEDENT_WINDOW).map(|(m, _)| m);
    if org_ref {
        return near.take_while(|m| m.sentence + 1 >= sentence).filter_map(|m| m.entity).find(|&e| entities[e].kind == EntityKind::Organization);
    }
    let head = phrase.rsplit(' ').next().unwrap_or(phrase);
    let stands_for = |e: &Entity| match e.kind {
        EntityKind::Organization => e.name.split(' ').any(|w| w.eq_ignore_ascii_case(head)),
        EntityKind::Group => e.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(head)),
        _ => false,
    };
    if let Some(e) = near.filter_map(|m| m.entity).find(|&e| stands_for(&entities[e])) {
        return Some(e);
    }
    // one group per wording whatever its case; named as first written
    Some(*by_key.entry(format!("g:{}", phrase.to_lower())).or_insert_with(|| {
        let mut chars = phrase.chars();
        let name = chars.next().map(|c| crate::case::upper_char(c).to_string() + chars.as_str()).unwrap_or_default();
        entities.push(Entity { name, kind: EntityKind::Group, gender: Gender::Unknown, titles: Vec::new(), aliases: Vec::new(), affiliation: None, given: None, surname: None });
        entities.len() - 1
    }))
}

/// "..., said Caddell": a cue verb right before the name, after a comma or quote.
fn preceded_by_inverted_cue(body: &str, tokens: &[Token], k: usize) -> bool {
    if k < 2 {
        return false;
    }
    let verb = tokens[k - 1].span.text(body);
    let before = tokens[k - 2].span.text(body);
    lexicon::cue_verb(verb).is_some_and(|(_, c)| c == lexicon::CueClass::Say) && matches!(before, "," | "”" | "\"" | "’")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn run(text: &str) -> (Entities, Vec<(String, String)>) {
        let seg = segment(text);
        let q = crate::quotes::find(text, &seg);
        let e = resolve(text, &seg, &q);
        let pairs = e.mentions.iter().filter_map(|m| Some((m.span.text(text).to_string(), e.entities[m.entity?].name.clone()))).collect();
        (e, pairs)
    }

    #[test]
    fn titles_and_affiliation() {
        let (e, _) = run("Secretary of State Rex Tillerson met Russian Foreign Minister Sergey Lavrov on Wednesday.");
        let t = e.entities.iter().find(|x| x.name == "Rex Tillerson").unwrap();
        assert_eq!(t.titles, ["Secretary of State"]);
        assert_eq!(t.affiliation.as_deref(), Some("United States"));
        let l = e.entities.iter().find(|x| x.name == "Sergey Lavrov").unwrap();
        assert_eq!(l.titles, ["Foreign Minister"]);
        assert_eq!(l.affiliation.as_deref(), Some("Russia"));
    }

    #[test]
    fn coreference() {
        let text = "Jane Roe met Foreign Minister John Doe. Roe’s aides were upset. The foreign minister said he was sorry. She left.";
        let (_, pairs) = run(text);
        let find = |s: &str| pairs.iter().find(|(m, _)| m == s).map(|(_, e)| e.as_str());
        assert_eq!(find("Roe"), Some("Jane Roe"));
        assert_eq!(find("The foreign minister"), Some("John Doe"));
        assert_eq!(find("he"), Some("John Doe"));
        assert_eq!(find("She"), Some("Jane Roe"));
    }

    #[test]
    fn word_shapes() {
        assert!(is_camel_product("iPod") && is_camel_product("iOS") && is_camel_product("eBay"));
        assert!(!is_camel_product("kWh") && !is_camel_product("mAh") && !is_camel_product("Apple"));
        assert!(is_model_code("A380") && is_model_code("F-35") && !is_model_code("CO2") && !is_model_code("Boeing"));
        assert!(is_model_number("787") && is_model_number("737-800") && is_model_number("4") && !is_model_number("2010") && !is_model_number("12345"));
        assert_eq!(hyphen_suffix("Chicago-based"), Some(("Chicago", true)));
        assert_eq!(hyphen_suffix("Acme-led"), Some(("Acme", false)));
        assert_eq!(hyphen_suffix("long-range"), None);
        assert!(adjective_like("Actual") && adjective_like("Republican") && !adjective_like("Boeing") && !adjective_like("Acme"));
        assert_eq!(name_key(&["Acme".to_string(), "Co".to_string()]), "acme");
        assert_eq!(display_name(&["Acme".to_string(), "Widgets".to_string(), "Inc".to_string()]), "Acme Widgets");
    }

    #[test]
    fn votes_pick_the_heaviest_kind() {
        let mut v = Votes::default();
        assert_eq!(v.best(), None);
        v.add(EntityKind::Place, 1.0);
        v.add(EntityKind::Organization, 2.5);
        assert_eq!(v.best(), Some(EntityKind::Organization));
        v.add(EntityKind::Person, 2.5);
        assert_eq!(v.best(), Some(EntityKind::Person), "ties go to person");
    }

    #[test]
    fn money_and_zones_are_no_names() {
        let kinds = |text: &str| {
            let (e, _) = run(text);
            e.mentions.iter().filter_map(|m| Some((m.span.text(text).to_string(), e.entities[m.entity?].kind))).collect::<Vec<_>>()
        };
        let found = kinds("Acme paid US$ 5 million at 10:00 GMT and 9 a.m. PST, or 4 million EUR.");
        assert!(found.iter().all(|(t, _)| !matches!(t.as_str(), "US" | "GMT" | "PST" | "EUR")), "{found:?}");
    }

    #[test]
    fn organisation_evidence_outweighs_a_cue_verb() {
        let (e, _) = run("Carmaker Drossel said it would cut jobs. Drossel said sales fell. Drossel shares dropped.");
        let d = e.entities.iter().find(|x| x.name == "Drossel").unwrap();
        assert_eq!(d.kind, EntityKind::Organization);
        assert_eq!(e.mentions.iter().filter(|m| m.entity.is_some_and(|i| e.entities[i].name == "Drossel")).count(), 3);
    }

    #[test]
    fn organisation_title_person() {
        let text = "Brevik Systems CEO Lena Moor said the deal was done.";
        let (e, _) = run(text);
        let moor = e.entities.iter().find(|x| x.name == "Lena Moor").unwrap();
        assert_eq!(moor.kind, EntityKind::Person);
        assert_eq!(moor.titles, ["CEO"]);
        assert_eq!(moor.affiliation.as_deref(), Some("Brevik Systems"));
        assert!(e.entities.iter().any(|x| x.name == "Brevik Systems" && x.kind == EntityKind::Organization));
        // the person's mention is the first of the sentence: its subject
        let first = e.mentions.iter().find(|m| m.subject).unwrap();
        assert_eq!(first.span.text(text), "Brevik Systems CEO Lena Moor");
    }

    #[test]
    fn groups_and_particles() {
        let (e, pairs) = run("White House officials said the Bashar al-Assad regime and the Trump administration disagree.");
        assert!(e.entities.iter().any(|x| x.name == "White House officials" && x.kind == EntityKind::Group));
        assert!(e.entities.iter().any(|x| x.name == "Trump administration" && x.kind == EntityKind::Group));
        assert!(pairs.iter().any(|(m, n)| m == "Bashar al-Assad" && n == "Bashar al-Assad"));
    }

    #[test]
    fn every_list_is_a_section_of_the_data_file() {
        let names: Vec<&str> = lexicon::sections(ENTITY_WORDS).collect();
        for (name, list) in [("stop", &STOP), ("org-heads", &ORG_HEADS), ("legal-suffixes", &LEGAL_SUFFIXES), ("place-heads", &PLACE_HEADS), ("group-nouns", &GROUP_NOUNS), ("group-modifiers", &GROUP_MODIFIERS), ("silent-groups", &SILENT_GROUPS), ("org-references", &ORG_REFERENCES), ("prepositions", &PREPOSITIONS), ("particles", &PARTICLES), ("abbrev-titles", &ABBREV_TITLES)] {
            assert!(names.contains(&name), "[{name}] is missing from data/entity_words.txt");
            assert!(!list.words().is_empty(), "[{name}] is empty");
        }
        assert_eq!(names.len(), 11, "{names:?}");
    }
}
