//! Where the engine runs. Each article is extracted on its own
//! ([`extract_article`]) and the page merges the story ([`MergeSteps`]):
//!
//! 1. a result cached in IndexedDB under [`cache_key`] (the engine's version
//!    and a hash of the article) is taken as it is;
//! 2. else a Web Worker extracts it: the worker runs the same wasm module as
//!    the page (the page posts it the compiled module and the URL of the JS
//!    glue, as wasm-bindgen's `wasm-in-web-worker` example does), from a
//!    Blob URL, so the single-file edition (`file://`) has one too (it is
//!    sent the glue's source instead of its URL); it calls
//!    [`worker_extract`] and posts the result back as JSON;
//! 3. where no worker starts, the page runs the article's steps itself, a
//!    few per task (`ArticleSteps`), as before the worker.
//!
//! The page never blocks for an article: it only reads results (in lines,
//! a few per task: [`result_lines`]), merges (a step at a time), and renders. [`cache_key`]
//! is plain and tested natively.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use dateline_core::story::{extract_article, ArticleExtraction, ArticleSteps, MergeSteps};
use dateline_core::Document;
use js_sys::{Array, Function, Promise};
use leptos::prelude::Set;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::model::Corpus;
use crate::schedule::ExtractCtx;
use crate::{storage, web};

/// The engine's version: a hash of its sources and data (see `build.rs`).
pub const ENGINE: &str = env!("DATELINE_ENGINE");

/// How long the page may run the engine itself before it yields (fallback).
const SLICE_MS: f64 = 25.0;

/// The largest result cached, in bytes of JSON (a result is about 20 times
/// its article: a 2 MB article is extracted again rather than kept as 40 MB).
const CACHE_MAX_BYTES: usize = 16_000_000;

/// The key of `doc`'s cached result: the engine's version and a 64-bit
/// FNV-1a hash of every field of the document.
pub fn cache_key(doc: &Document) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let published = doc.published.to_string();
    let fields = [Some(doc.id.as_str()), doc.title.as_deref(), doc.outlet.as_deref(), Some(&published), doc.url.as_deref(), Some(&doc.body)];
    for field in fields {
        // A missing field and an empty one differ; fields are delimited.
        let tag = if field.is_some() { 1u8 } else { 2u8 };
        for b in std::iter::once(tag).chain(field.unwrap_or("").bytes()).chain([0xff]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    format!("{ENGINE}-{h:016x}")
}

/// In the worker: the extraction of one document (given by its fields, as
/// [`doc_fields`] sends them), as JSON; nothing when its date does not read.
#[wasm_bindgen]
pub fn worker_extract(id: String, title: Option<String>, outlet: Option<String>, published: &str, url: Option<String>, body: String) -> Option<String> {
    let published = dateline_core::Date::parse(published).ok()?;
    let doc = Document { id, title, outlet, published, url, body };
    Some(result_lines(extract_article(&doc)))
}

/// Items of a long list per line of a result (see [`result_lines`]): a
/// line reads in about a millisecond.
const LINE_ITEMS: usize = 200;

/// `a` as the worker sends it and the cache keeps it: lines of JSON, the
/// first the extraction without its long lists, then each of those lists
/// [`LINE_ITEMS`] items per line (`{"events":[…]}`). The page reads a line
/// at a time ([`read_result`]): a 99 KB article's result is 2.3 MB, which
/// would take the page over 50 ms to read at once.
fn result_lines(mut a: ArticleExtraction) -> String {
    use std::mem::take;
    let (timexes, quotes, mentions, events) = (take(&mut a.timexes), take(&mut a.quotes), take(&mut a.mentions), take(&mut a.events));
    let mut out = crate::json::write(&a, false);
    lines(&mut out, "timexes", &timexes);
    lines(&mut out, "quotes", &quotes);
    lines(&mut out, "mentions", &mentions);
    lines(&mut out, "events", &events);
    out
}

/// `items` after `out`, [`LINE_ITEMS`] per line, as `{"key":[…]}`.
fn lines<T: serde::Serialize>(out: &mut String, key: &str, items: &[T]) {
    for part in items.chunks(LINE_ITEMS) {
        out.push_str("\n{\"");
        out.push_str(key);
        out.push_str("\":");
        out.push_str(&crate::json::write(part, false));
        out.push('}');
    }
}

/// `doc`'s fields as the worker passes them to [`worker_extract`].
fn doc_fields(doc: &Document) -> Array {
    let opt = |s: &Option<String>| s.as_deref().map_or(JsValue::UNDEFINED, JsValue::from_str);
    [JsValue::from_str(&doc.id), opt(&doc.title), opt(&doc.outlet), JsValue::from_str(&doc.published.to_string()), opt(&doc.url), JsValue::from_str(&doc.body)]
        .into_iter()
        .collect()
}

/// The worker's script (a classic worker: module workers from a Blob URL do
/// not start from `file://`): imports the glue (by its URL; in the
/// single-file edition, from its source text, through a Blob URL of its
/// own), instantiates the module it is sent, then answers `[id, document]`
/// with `[id, extraction]` (or `[id, , error]`).
const WORKER_JS: &str = "let g;onmessage=async({data:[i,a,b,c]})=>{try{if(i===0){g=await import(c?URL.createObjectURL(new Blob([c],{type:'text/javascript'})):b);await g.default({module_or_path:a});postMessage([0])}else{const r=g.worker_extract(...a);postMessage(r===undefined?[i,,'unreadable document']:[i,r])}}catch(e){postMessage([i,,String(e)])}}";

#[wasm_bindgen]
extern "C" {
    type ImportMeta;
    /// The glue's own `import.meta`: its URL is what the worker imports.
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// The page's worker and the answers it owes.
struct Worker {
    worker: web_sys::Worker,
    /// Settles when the worker has instantiated the module (or failed to).
    ready: Promise,
    /// (job id, resolve, reject) of each job sent and not answered.
    waiting: Rc<RefCell<Vec<(u32, Function, Function)>>>,
    next: Cell<u32>,
    _listeners: (Closure<dyn FnMut(web_sys::MessageEvent)>, Closure<dyn FnMut(JsValue)>),
}

thread_local! {
    /// The worker, once started; `None` inside also after it failed.
    static WORKER: RefCell<Option<Rc<Worker>>> = const { RefCell::new(None) };
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Answers the job `id` (0: the worker's start) with `value` or `error`.
fn settle(waiting: &RefCell<Vec<(u32, Function, Function)>>, id: u32, value: JsValue, error: JsValue) {
    let entry = {
        let mut w = waiting.borrow_mut();
        w.iter().position(|e| e.0 == id).map(|i| w.remove(i))
    };
    if let Some((_, resolve, reject)) = entry {
        let _ = if error.is_undefined() { resolve.call1(&JsValue::NULL, &value) } else { reject.call1(&JsValue::NULL, &error) };
    }
}

/// Starts the worker (once per page); `None` when the browser refuses.
fn start() -> Option<Rc<Worker>> {
    let blob = web::blob(WORKER_JS, "text/javascript")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let worker = web_sys::Worker::new(&url).ok()?;
    let waiting: Rc<RefCell<Vec<(u32, Function, Function)>>> = Rc::default();
    let ready = {
        let waiting = waiting.clone();
        Promise::new(&mut |resolve, reject| waiting.borrow_mut().push((0, resolve, reject)))
    };
    let on_message = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            let data = Array::from(&e.data());
            let id = data.get(0).as_f64().unwrap_or(-1.0) as u32;
            settle(&waiting, id, data.get(1), data.get(2));
        })
    };
    // A script error (the worker could not load at all): every job fails.
    let on_error = {
        let waiting = waiting.clone();
        Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let ids: Vec<u32> = waiting.borrow().iter().map(|e| e.0).collect();
            for id in ids {
                settle(&waiting, id, JsValue::UNDEFINED, JsValue::from_str("the worker stopped"));
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let glue = IMPORT_META.with(ImportMeta::url);
    // The single-file edition's glue is a Blob URL of the page's, which a
    // worker cannot import: it gets the source (see scripts/postbuild.mjs).
    let source = leptos::prelude::document().get_element_by_id("dateline-js").and_then(|e| e.text_content());
    let message = Array::of4(&JsValue::from(0), &wasm_bindgen::module(), &JsValue::from_str(&glue), &source.map_or(JsValue::UNDEFINED, |s| JsValue::from_str(&s)));
    worker.post_message(&message).ok()?;
    Some(Rc::new(Worker { worker, ready, waiting, next: Cell::new(1), _listeners: (on_message, on_error) }))
}

/// Starts the worker now, so it is ready when the first article needs it;
/// the layout's `data-engine` says where extraction runs once it is known.
pub fn warm_up(ctx: ExtractCtx) {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    let Some(w) = start() else {
        ctx.engine.set("main");
        return;
    };
    WORKER.with(|slot| *slot.borrow_mut() = Some(w.clone()));
    leptos::task::spawn_local(async move {
        match JsFuture::from(w.ready.clone()).await {
            Ok(_) => ctx.engine.set("worker"),
            Err(_) => stop(ctx),
        }
    });
}

/// Gives up on the worker: the page extracts from now on.
fn stop(ctx: ExtractCtx) {
    if let Some(w) = WORKER.with(|slot| slot.borrow_mut().take()) {
        w.worker.terminate();
    }
    ctx.engine.set("main");
}

/// The worker's extraction of `doc`: its JSON as the browser's string.
async fn in_worker(w: &Worker, doc: &Document) -> Result<JsValue, JsValue> {
    JsFuture::from(w.ready.clone()).await?;
    let id = w.next.get();
    w.next.set(id + 1);
    let answer = Promise::new(&mut |resolve, reject| w.waiting.borrow_mut().push((id, resolve, reject)));
    w.worker.post_message(&Array::of2(&JsValue::from(id), &doc_fields(doc)))?;
    JsFuture::from(answer).await
}

/// The page's own extraction of `doc`, a slice of steps per task; `None`
/// when a newer run superseded this one.
async fn on_page(ctx: ExtractCtx, generation: u64, doc: &Document) -> Option<ArticleExtraction> {
    let mut steps = ArticleSteps::default();
    loop {
        let start = js_sys::Date::now();
        while js_sys::Date::now() - start < SLICE_MS {
            if let Some(a) = steps.step(doc) {
                return Some(a);
            }
        }
        web::sleep(0).await;
        if !ctx.current(generation) {
            return None;
        }
    }
}

/// A cached or sent result (see [`result_lines`]) being read, a line at a time.
struct Reading<'a> {
    lines: std::str::Split<'a, char>,
    a: ArticleExtraction,
}

impl<'a> Reading<'a> {
    /// The first line read: `None` when it does not read or is not exactly `doc`'s.
    fn start(json: &'a str, doc: &Document) -> Option<Self> {
        let mut lines = json.split('\n');
        let a = crate::json::parse(lines.next()?).ok().and_then(|v| crate::story_file::read::extraction(&v).ok())?;
        (a.document == *doc).then_some(Reading { lines, a })
    }

    /// Reads the next line: `Some(false)` when none is left, `None` when it does not read.
    fn line(&mut self) -> Option<bool> {
        let Some(line) = self.lines.next() else { return Some(false) };
        let v = crate::json::parse(line).ok()?;
        crate::story_file::read::extraction_part(&v, &mut self.a).ok()?;
        Some(true)
    }

    /// The extraction, checked: in a shape `merge` takes.
    fn finish(self) -> Option<ArticleExtraction> {
        self.a.check().ok()?;
        Some(self.a)
    }
}

/// A cached or sent result, read with `pace` between its lines.
async fn read_result(json: &str, doc: &Document, pace: &mut Pace) -> Option<ArticleExtraction> {
    let mut reading = Reading::start(json, doc)?;
    loop {
        if pace.due() {
            web::sleep(0).await;
        }
        if !reading.line()? {
            if pace.due() {
                web::sleep(0).await;
            }
            return reading.finish();
        }
    }
}

/// When to yield to the page: [`PACE_MS`] after the clock started or last
/// said to yield.
struct Pace(f64);

/// How long the page reads results, or merges, before it yields.
const PACE_MS: f64 = 15.0;

impl Pace {
    fn new() -> Self {
        Pace(js_sys::Date::now())
    }

    /// Whether to yield now (the clock starts again).
    fn due(&mut self) -> bool {
        let now = js_sys::Date::now();
        let due = now - self.0 > PACE_MS;
        if due {
            self.0 = now;
        }
        due
    }
}

/// The story of `docs` (with their `paths`), each article from the cache,
/// the worker or the page, with progress; `None` when a newer run
/// superseded this one.
pub async fn extract(ctx: ExtractCtx, generation: u64, docs: Vec<Document>, paths: Vec<&'static str>) -> Option<Corpus> {
    warm_up(ctx);
    let keys: Vec<String> = docs.iter().map(cache_key).collect();
    let cached = storage::cached_results(&keys).await;
    let mut done: Vec<Option<ArticleExtraction>> = Vec::with_capacity(docs.len());
    let mut pace = Pace::new();
    for (i, doc) in docs.iter().enumerate() {
        done.push(match cached.get(i as u32).as_string() {
            Some(json) => read_result(&json, doc, &mut pace).await,
            None => None,
        });
    }
    if !ctx.current(generation) {
        return None;
    }
    for i in 0..docs.len() {
        if done[i].is_some() {
            continue;
        }
        ctx.show_progress(i, docs.len());
        let worker = WORKER.with(|slot| slot.borrow().clone());
        let mut article = None;
        if let Some(w) = worker {
            match in_worker(&w, &docs[i]).await {
                Ok(sent) => {
                    // Read in short tasks, from the next one (this one took
                    // the message in); cached as the browser's string, in a
                    // task of its own.
                    web::sleep(0).await;
                    let mut pace = Pace::new();
                    let json = sent.as_string().unwrap_or_default();
                    article = read_result(&json, &docs[i], &mut pace).await;
                    if article.is_some() && json.len() <= CACHE_MAX_BYTES {
                        let key = keys[i].clone();
                        leptos::task::spawn_local(async move {
                            web::sleep(0).await;
                            storage::cache_result(&key, &sent).await
                        });
                    }
                }
                Err(_) => stop(ctx),
            }
        }
        let article = match article {
            Some(a) => a,
            None => on_page(ctx, generation, &docs[i]).await?,
        };
        done[i] = Some(article);
        if !ctx.current(generation) {
            return None;
        }
    }
    {
        let keys = keys.clone();
        leptos::task::spawn_local(async move { storage::prune_results(&keys).await });
    }
    ctx.show_progress(docs.len(), docs.len());
    let mut articles: Vec<ArticleExtraction> = done.into_iter().flatten().collect();
    for (a, path) in articles.iter_mut().zip(&paths) {
        a.path = path.to_string();
    }
    // The merge in steps, from a task of its own (after the progress is painted).
    let mut merging = MergeSteps::new(&articles);
    let mut pace = Pace(0.0);
    let story = loop {
        if pace.due() {
            web::sleep(0).await;
            if !ctx.current(generation) {
                return None;
            }
        }
        if let Some(story) = merging.step() {
            break story;
        }
    };
    Some(Corpus::new(docs, story))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::Date;

    /// A result read at once (the page reads it a line per step, see `read_result`).
    fn read_now(json: &str, doc: &Document) -> Option<ArticleExtraction> {
        let mut reading = Reading::start(json, doc)?;
        while reading.line()? {}
        reading.finish()
    }

    fn doc() -> Document {
        Document { id: "a".into(), title: Some("T".into()), outlet: None, published: Date::new(2020, 1, 2).unwrap(), url: None, body: "Body.".into() }
    }

    #[test]
    fn the_key_changes_with_every_field_and_carries_the_engine_version() {
        let base = cache_key(&doc());
        assert!(base.starts_with(&format!("{ENGINE}-")));
        assert_eq!(base, cache_key(&doc()), "stable");
        let variants = [
            Document { id: "b".into(), ..doc() },
            Document { title: None, ..doc() },
            Document { title: Some(String::new()), ..doc() },
            Document { outlet: Some("T".into()), ..doc() },
            Document { published: Date::new(2020, 1, 3).unwrap(), ..doc() },
            Document { url: Some("https://x".into()), ..doc() },
            Document { body: "Body!".into(), ..doc() },
        ];
        let mut keys: Vec<String> = variants.iter().map(cache_key).collect();
        keys.push(base);
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "every change gives a new key");
    }

    /// The explorer's engine has no event mentions; in a workspace build
    /// (`cargo test --workspace`) the CLI's features give it some, and
    /// the reader leaves them out.
    fn without_event_mentions(mut a: ArticleExtraction) -> ArticleExtraction {
        a.event_mentions.clear();
        a
    }

    #[test]
    fn the_worker_entry_point_extracts_a_document_given_by_its_fields() {
        let d = Document { body: "\"We will win,\" Jane Smith said on Tuesday.".into(), url: Some("https://example.com/a".into()), ..doc() };
        let json = worker_extract(d.id.clone(), d.title.clone(), d.outlet.clone(), "2020-01-02", d.url.clone(), d.body.clone()).unwrap();
        let back = read_now(&json, &d).expect("the result reads back and checks");
        assert_eq!(back, without_event_mentions(extract_article(&d)));
        assert!(!back.quotes.is_empty() && !back.entities.is_empty());
        assert!(read_now(&json, &doc()).is_none(), "a result of another document is refused");
        assert!(read_now("{not json", &d).is_none());
        assert!(read_now(&json.replace("\"schema\":1", "\"schema\":2"), &d).is_none(), "another schema is refused");
        let quote = format!("\"content\":[{},{}]", back.quotes[0].content.start, back.quotes[0].content.end);
        assert!(json.contains(&quote));
        assert!(read_now(&json.replace(&quote, "\"content\":[1,999]"), &d).is_none(), "a span outside the body is refused");
        assert_eq!(worker_extract("a".into(), None, None, "2020-13-40", None, "Text.".into()), None, "an unreadable date");
    }

    #[test]
    fn every_field_of_a_long_extraction_reads_back() {
        // Events with times and frames, entities of every kind, quotes with parts.
        let body = "President Ana Ortiz of Brazil met Chancellor Ben Adler in Berlin on Monday. \
            \"We agreed on trade,\" Ortiz said at a news conference after the talks. \"The tariffs go.\" \
            Acme Corp. said in a statement on Tuesday that it would close two plants in 2021. \
            Police said the fire started around 3 p.m. and was put out by Wednesday.";
        let d = Document { body: body.into(), ..doc() };
        let a = extract_article(&d);
        assert!(a.events.len() >= 3, "{:?}", a.events);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(read_now(&json, &d), Some(without_event_mentions(a)), "a result in one line (as `extract --jsonl` writes it) reads too");
    }

    #[test]
    fn a_long_result_is_sent_in_short_lines_and_read_back_whole() {
        let body = "On Monday the minister said the talks had made progress. \"We will meet again,\" she told reporters in Geneva. ".repeat(150);
        let d = Document { body, ..doc() };
        let a = without_event_mentions(extract_article(&d));
        assert!(a.events.len() > 2 * LINE_ITEMS && a.quotes.len() > LINE_ITEMS, "{} events", a.events.len());
        let json = result_lines(a.clone());
        let lines: Vec<&str> = json.split('\n').collect();
        let lists = [a.timexes.len(), a.quotes.len(), a.mentions.len(), a.events.len()];
        assert_eq!(lines.len(), 1 + lists.iter().map(|n| n.div_ceil(LINE_ITEMS)).sum::<usize>());
        for line in &lines[1..] {
            let crate::json::Json::Obj(fields) = crate::json::parse(line).unwrap() else { panic!("{line}") };
            assert!(matches!(&fields[..], [(_, crate::json::Json::Arr(items))] if items.len() <= LINE_ITEMS), "one list, {LINE_ITEMS} items at most");
        }
        let broken = json.replacen("{\"events\":[", "{\"events\":[[", 1);
        assert_eq!(read_now(&broken, &d), None, "a line that does not read fails the whole");
        assert_eq!(read_now(&json, &d), Some(a));
    }
}
