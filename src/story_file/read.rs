//! A story's JSON tree ([`Json`]) read into the engine's [`Story`], field by
//! field, as `dateline extract`/`merge` write it (schema 1); and one
//! article's extraction ([`extraction`], as `extract --jsonl` writes it,
//! or in lines: [`extraction_part`]), which is how the engine's worker and
//! the results cache hand results to
//! the page (see `engine`). Lists and
//! optional fields may be missing (read as empty); what the explorer needs
//! must be there; `event_mentions` and `stories` are not read (the
//! explorer is built without them). Every span must end after it starts and, when the file
//! carries the article's text, lie inside it on character boundaries: a
//! story read here never makes the views slice outside a text. The error
//! names the field (`articles[2].quotes[0].content`) and what is wrong.
//!
//! Reading never stops early: a problem is noted (the first one is
//! reported) and a default read in its place. Building the structs then has
//! no early exits, which keeps this code small in the wasm (the `?` of each
//! field made the compiler write the cleanup of every half-built struct).

use std::cell::Cell;

use dateline_core::entities::EntityKind;
use dateline_core::events::{Class, Event, EventTime};
use dateline_core::story::{
    ArticleEntity, ArticleExtraction, ArticleResult, Diff, EntityOut, EventOut, Evidence, MentionOut, QuoteOut, QuoteRef, QuoteVariant, Said, SaidBasis, Story,
    TimexOut, ViaOut, When, SCHEMA,
};
use dateline_core::timex::TimexValue;
use dateline_core::{Date, Document, Span};

use crate::json::Json;

/// The first problem found.
type Problem = Cell<Option<String>>;

fn fail(p: &Problem, what: String) {
    let first = p.take();
    p.set(first.or(Some(what)));
}

/// Read in place of a bad date.
const NO_DATE: Date = Date { year: 2000, month: 1, day: 1 };

/// An object being read: its fields, where it is in the file, the text its
/// spans point into (when the file carries it), and the problem so far.
struct Obj<'a> {
    fields: &'a [(String, Json)],
    at: &'a str,
    text: Option<&'a str>,
    p: &'a Problem,
}

/// How a list's items are read: (value, its place, the text, the problem).
type Item<T> = fn(&Json, &str, Option<&str>, &Problem) -> T;

fn obj<'a>(v: &'a Json, at: &'a str, text: Option<&'a str>, p: &'a Problem) -> Obj<'a> {
    let fields: &[(String, Json)] = match v {
        Json::Obj(fields) => fields,
        _ => {
            fail(p, format!("{at}: expected an object"));
            &[]
        }
    };
    Obj { fields, at, text, p }
}

fn uint(v: &Json) -> Option<usize> {
    match v {
        Json::Num(Some(n)) => usize::try_from(*n).ok(),
        _ => None,
    }
}

impl<'a> Obj<'a> {
    /// The field's value; a null counts as missing.
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Json::Null)
    }

    fn path(&self, key: &str) -> String {
        if self.at.is_empty() { key.to_string() } else { format!("{}.{key}", self.at) }
    }

    fn fail(&self, key: &str, what: &str) {
        fail(self.p, format!("{}: {what}", self.path(key)));
    }

    fn opt_str(&self, key: &str) -> Option<String> {
        match self.get(key) {
            None => None,
            Some(Json::Str(s)) => Some(s.clone()),
            Some(_) => {
                self.fail(key, "expected text");
                None
            }
        }
    }

    /// Text that must be there.
    fn str(&self, key: &str) -> String {
        if self.get(key).is_none() {
            self.fail(key, "missing");
        }
        self.opt_str(key).unwrap_or_default()
    }

    fn uint(&self, key: &str) -> usize {
        self.get(key).and_then(uint).unwrap_or_else(|| {
            self.fail(key, "expected a whole number");
            0
        })
    }

    fn flag(&self, key: &str) -> bool {
        match self.get(key) {
            None => false,
            Some(Json::Bool(b)) => *b,
            Some(_) => {
                self.fail(key, "expected true or false");
                false
            }
        }
    }

    fn opt_uint(&self, key: &str) -> Option<usize> {
        self.get(key).map(|_| self.uint(key))
    }

    fn opt_date(&self, key: &str) -> Option<Date> {
        let text = self.opt_str(key)?;
        Date::parse(&text).map_err(|e| self.fail(key, &e)).ok()
    }

    fn timex(&self, key: &str) -> TimexValue {
        TimexValue::parse(&self.str(key)).unwrap_or_else(|e| {
            self.fail(key, &e);
            TimexValue::Day(NO_DATE)
        })
    }

    fn opt_span(&self, key: &str) -> Option<Span> {
        self.get(key).map(|v| span(v, &self.path(key), self.text, self.p))
    }

    fn span(&self, key: &str) -> Span {
        self.opt_span(key).unwrap_or_else(|| {
            self.fail(key, "missing");
            Span::default()
        })
    }

    /// An object field, read by `read` when it is there.
    fn opt<T>(&self, key: &str, read: fn(&Obj<'_>) -> T) -> Option<T> {
        let v = self.get(key)?;
        let at = self.path(key);
        Some(read(&obj(v, &at, self.text, self.p)))
    }

    fn list<T>(&self, key: &str, item: Item<T>) -> Vec<T> {
        let mut out = Vec::new();
        self.list_into(key, item, &mut out);
        out
    }

    /// The list's items, after those of `out`.
    fn list_into<T>(&self, key: &str, item: Item<T>, out: &mut Vec<T>) {
        self.each(key, &mut |v, at| out.push(item(v, at, self.text, self.p)));
    }

    /// Calls `f` on each item of a list with its place (one copy of this
    /// code for every kind of item).
    fn each(&self, key: &str, f: &mut dyn FnMut(&Json, &str)) {
        match self.get(key) {
            None => {}
            Some(Json::Arr(items)) => {
                let at = self.path(key);
                for (i, v) in items.iter().enumerate() {
                    f(v, &format!("{at}[{i}]"));
                }
            }
            Some(_) => self.fail(key, "expected a list"),
        }
    }

    fn strs(&self, key: &str) -> Vec<String> {
        self.list(key, |v, at, _, p| match v {
            Json::Str(s) => s.clone(),
            _ => {
                fail(p, format!("{at}: expected text"));
                String::new()
            }
        })
    }
}

/// `[start, end]`, inside `text` on character boundaries when there is one.
fn span(v: &Json, at: &str, text: Option<&str>, p: &Problem) -> Span {
    let (start, end) = match v {
        Json::Arr(a) if a.len() == 2 => (uint(&a[0]), uint(&a[1])),
        _ => (None, None),
    };
    let (Some(start), Some(end)) = (start, end) else {
        fail(p, format!("{at}: expected [start, end], two whole numbers"));
        return Span::default();
    };
    if end < start {
        fail(p, format!("{at}: [{start}, {end}] ends before it starts"));
        return Span::default();
    }
    if let Some(t) = text {
        if t.get(start..end).is_none() {
            fail(p, format!("{at}: [{start}, {end}] is not inside the article's text ({} bytes) on character boundaries", t.len()));
        }
    }
    Span::new(start, end)
}

fn timex(v: &Json, at: &str, text: Option<&str>, p: &Problem) -> TimexOut {
    let o = obj(v, at, text, p);
    TimexOut { span: o.span("span"), kind: o.str("type"), value: o.timex("value"), modifier: o.opt_str("mod"), note: o.opt_str("note").unwrap_or_default() }
}

fn diff(v: &Json, at: &str, _: Option<&str>, p: &Problem) -> Diff {
    if let Json::Obj(f) = v {
        if let [(k, Json::Str(words))] = f.as_slice() {
            let words = words.clone();
            match k.as_str() {
                "same" => return Diff::Same(words),
                "added" => return Diff::Added(words),
                "removed" => return Diff::Removed(words),
                _ => {}
            }
        }
    }
    fail(p, format!("{at}: expected {{\"same\"|\"added\"|\"removed\": words}}"));
    Diff::Same(String::new())
}

fn said(s: &Obj<'_>) -> Said {
    let basis = match s.str("basis").as_str() {
        "event" => SaidBasis::Event,
        "sentence" => SaidBasis::Sentence,
        "published" => SaidBasis::Published,
        other => {
            s.fail("basis", &format!("“{other}” is not event, sentence or published"));
            SaidBasis::Published
        }
    };
    Said { basis, event: s.opt_str("event"), value: s.timex("value"), note: s.opt_str("note").unwrap_or_default() }
}

fn quote(v: &Json, at: &str, text: Option<&str>, p: &Problem) -> QuoteOut {
    let o = obj(v, at, text, p);
    QuoteOut {
        content: o.span("content"),
        kind: o.str("kind"),
        cue: o.opt_span("cue"),
        source: o.opt_span("source"),
        speaker: o.opt_str("speaker"),
        cue_verb: o.opt_str("cue_verb"),
        partial: o.flag("partial"),
        speakers: o.strs("speakers"),
        via: o.opt("via", |w| ViaOut { cue: w.span("cue"), source: w.opt_span("source"), speaker: w.opt_str("speaker") }),
        parts: o.list("parts", span),
        said: o.opt("said", said),
        variants: o.list("variants", |v, at, t, p| {
            let o = obj(v, at, t, p);
            QuoteVariant { article: o.str("article"), quote: o.uint("quote"), diff: o.list("diff", diff) }
        }),
        variant_of: o.opt("variant_of", |r| QuoteRef { article: r.str("article"), quote: r.uint("quote") }),
    }
}

fn mention(v: &Json, at: &str, text: Option<&str>, p: &Problem) -> MentionOut {
    let o = obj(v, at, text, p);
    MentionOut { span: o.span("span"), entity: o.str("entity") }
}

/// An article, and its document (an empty body when the file has no text).
fn article(v: &Json, at: &str, _: Option<&str>, p: &Problem) -> (ArticleResult, Document) {
    let o = obj(v, at, None, p);
    let text = o.opt_str("text");
    let o = Obj { text: text.as_deref(), fields: o.fields, at: o.at, p };
    let id = o.str("id");
    if id.is_empty() {
        o.fail("id", "empty");
    }
    let published = Date::parse(&o.str("published")).unwrap_or_else(|e| {
        o.fail("published", &e);
        NO_DATE
    });
    let result = ArticleResult {
        id: id.clone(),
        path: o.opt_str("path").unwrap_or_default(),
        title: o.opt_str("title"),
        outlet: o.opt_str("outlet"),
        url: o.opt_str("url"),
        published,
        paragraphs: o.list("paragraphs", span),
        sentences: o.list("sentences", span),
        boilerplate: o.list("boilerplate", span),
        timexes: o.list("timexes", timex),
        quotes: o.list("quotes", quote),
        mentions: o.list("mentions", mention),
        event_mentions: Vec::new(),
        text: None,
    };
    let doc = Document { id, title: result.title.clone(), outlet: result.outlet.clone(), published, url: result.url.clone(), body: text.unwrap_or_default() };
    (result, doc)
}

fn entity(v: &Json, at: &str, _: Option<&str>, p: &Problem) -> EntityOut {
    let o = obj(v, at, None, p);
    EntityOut {
        id: o.str("id"),
        name: o.str("name"),
        kind: o.opt_str("kind").unwrap_or_default(),
        titles: o.strs("titles"),
        aliases: o.strs("aliases"),
        affiliation: o.opt_str("affiliation"),
    }
}

fn event(v: &Json, at: &str, _: Option<&str>, p: &Problem) -> EventOut {
    let o = obj(v, at, None, p);
    EventOut {
        id: o.str("id"),
        label: o.str("label"),
        when: o.opt("when", |w| When { value: w.opt_str("value"), earliest: w.opt_str("earliest"), latest: w.opt_str("latest") })
            .unwrap_or(When { value: None, earliest: None, latest: None }),
        participants: o.strs("participants"),
        // Checked against the evidence's article in `story`.
        evidence: o.list("evidence", |v, at, _, p| {
            let o = obj(v, at, None, p);
            Evidence { article: o.str("article"), span: o.span("span") }
        }),
        background: o.flag("background"),
        note: o.opt_str("note").unwrap_or_default(),
    }
}

/// One of `names` (the variants' names, in order) for a field's text.
fn variant<T: Copy>(o: &Obj<'_>, key: &str, names: &[&str], values: &[T]) -> T {
    let text = o.str(key);
    match names.iter().position(|n| *n == text) {
        Some(i) => values[i],
        None => {
            o.fail(key, &format!("“{text}” is not one of {}", names.join(", ")));
            values[0]
        }
    }
}

fn article_entity(v: &Json, at: &str, _: Option<&str>, p: &Problem) -> ArticleEntity {
    let o = obj(v, at, None, p);
    use EntityKind::*;
    ArticleEntity {
        name: o.str("name"),
        kind: variant(&o, "kind", &["person", "organization", "place", "group", "product"], &[Person, Organization, Place, Group, Product]),
        titles: o.strs("titles"),
        aliases: o.strs("aliases"),
        affiliation: o.opt_str("affiliation"),
        given: o.opt_str("given"),
        surname: o.opt_str("surname"),
    }
}

fn event_time(t: &Obj<'_>) -> EventTime {
    let range = t.get("range").map(|_| {
        let ends = t.strs("range");
        match ends.iter().map(|d| Date::parse(d)).collect::<Result<Vec<_>, _>>().as_deref() {
            Ok([from, to]) => (*from, *to),
            _ => {
                t.fail("range", "expected two dates");
                (NO_DATE, NO_DATE)
            }
        }
    });
    let value = t.get("value").map(|_| t.timex("value"));
    EventTime { value, range, earliest: t.opt_date("earliest"), latest: t.opt_date("latest"), note: t.opt_str("note").unwrap_or_default() }
}

fn clause_event(v: &Json, at: &str, text: Option<&str>, p: &Problem) -> Event {
    let o = obj(v, at, text, p);
    use Class::*;
    Event {
        article: 0,
        sentence: o.uint("sentence"),
        trigger: o.span("trigger"),
        lemma: o.str("lemma"),
        class: variant(&o, "class", &["statement", "occurrence", "frame"], &[Statement, Occurrence, Frame]),
        evidence: o.span("evidence"),
        participants: o.strs("participants"),
        speaker: o.opt_str("speaker"),
        time: o.opt("time", event_time).unwrap_or_default(),
        explicit: o.flag("explicit"),
        label: o.opt_str("label"),
        words: o.strs("words").into_iter().collect(),
        modifiers: o.strs("modifiers").into_iter().collect(),
        at_frame: o.opt_uint("at_frame"),
        reported: o.flag("reported"),
        vague: o.flag("vague"),
        cued: o.flag("cued"),
        verb_past: o.flag("verb_past"),
        is_verb: o.flag("is_verb"),
        definite: o.flag("definite"),
        dropped: o.flag("dropped"),
    }
}

/// One article's extraction (without event mentions: the explorer has
/// none), as far as `v` has it: the first line of a result (see
/// `engine::result_lines`); [`extraction_part`] adds the lines after it,
/// and [`ArticleExtraction::check`] checks the whole once all are read.
pub fn extraction(v: &Json) -> Result<ArticleExtraction, String> {
    let p = Problem::default();
    let o = obj(v, "", None, &p);
    let document = o
        .opt("document", |d| Document {
            id: d.str("id"),
            title: d.opt_str("title"),
            outlet: d.opt_str("outlet"),
            published: d.opt_date("published").unwrap_or(NO_DATE),
            url: d.opt_str("url"),
            body: d.str("body"),
        })
        .ok_or("no “document”")?;
    let mut a = ArticleExtraction {
        schema: o.uint("schema") as u32,
        path: o.opt_str("path").unwrap_or_default(),
        paragraphs: Vec::new(),
        sentences: Vec::new(),
        boilerplate: Vec::new(),
        timexes: Vec::new(),
        quotes: Vec::new(),
        mentions: Vec::new(),
        event_mentions: Vec::new(),
        entities: Vec::new(),
        events: Vec::new(),
        document,
    };
    lists(&o, &mut a);
    p.take().map_or(Ok(a), Err)
}

/// A later line of a result: more items of the lists it has, appended to
/// `a`'s (item numbers in an error count from the line's first item).
pub fn extraction_part(v: &Json, a: &mut ArticleExtraction) -> Result<(), String> {
    let p = Problem::default();
    lists(&obj(v, "", None, &p), a);
    p.take().map_or(Ok(()), Err)
}

/// The items of `o`'s lists, appended to `a`'s (spans are checked against
/// the body by `check`, once all are read).
fn lists(o: &Obj<'_>, a: &mut ArticleExtraction) {
    o.list_into("paragraphs", span, &mut a.paragraphs);
    o.list_into("sentences", span, &mut a.sentences);
    o.list_into("boilerplate", span, &mut a.boilerplate);
    o.list_into("timexes", timex, &mut a.timexes);
    o.list_into("quotes", quote, &mut a.quotes);
    o.list_into("mentions", mention, &mut a.mentions);
    o.list_into("entities", article_entity, &mut a.entities);
    o.list_into("events", clause_event, &mut a.events);
}

/// The first id given twice.
fn repeated<'a>(ids: impl Iterator<Item = &'a String>) -> Option<&'a String> {
    let mut seen: dateline_core::lexicon::Map<&str, usize> = Default::default();
    ids.into_iter().find(|id| seen.insert(id.as_str(), 0).is_some())
}

/// The story in `v` and its documents (in the story's order).
pub fn story(v: &Json) -> Result<(Story, Vec<Document>), String> {
    let Json::Obj(fields) = v else { return Err("not a story JSON: expected an object with “articles”".into()) };
    let p = Problem::default();
    let o = Obj { fields, at: "", text: None, p: &p };
    if o.get("articles").is_none() {
        return Err(if o.get("document").is_some() {
            "one article's extraction (a line of `dateline extract --jsonl`), not a story: merge it first (`dateline merge --text`)".into()
        } else {
            "not a story JSON: no “articles” list".into()
        });
    }
    if o.get("schema").and_then(uint) != Some(SCHEMA as usize) {
        return Err(format!("not a story of schema {SCHEMA} (the “schema” field)"));
    }
    let (articles, docs): (Vec<ArticleResult>, Vec<Document>) = o.list("articles", article).into_iter().unzip();
    let entities = o.list("entities", entity);
    let events = o.list("events", event);
    if let Some(e) = p.take() {
        return Err(e);
    }
    if articles.is_empty() {
        return Err("the story has no articles".into());
    }
    for (what, id) in [
        ("articles", repeated(articles.iter().map(|a| &a.id))),
        ("entities", repeated(entities.iter().map(|e| &e.id))),
        ("events", repeated(events.iter().map(|e| &e.id))),
    ] {
        if let Some(id) = id {
            return Err(format!("two {what} have the id “{id}”"));
        }
    }
    for (k, ev) in events.iter().enumerate() {
        for (j, e) in ev.evidence.iter().enumerate() {
            let at = format!("events[{k}].evidence[{j}]");
            let Some(doc) = docs.iter().find(|d| d.id == e.article) else {
                return Err(format!("{at}.article: no article “{}” in the story", e.article));
            };
            if !doc.body.is_empty() && doc.body.get(e.span.start..e.span.end).is_none() {
                return Err(format!("{at}.span: [{}, {}] is not inside the text of “{}” on character boundaries", e.span.start, e.span.end, doc.id));
            }
        }
    }
    Ok((Story { schema: SCHEMA, articles, entities, events, stories: Vec::new() }, docs))
}
