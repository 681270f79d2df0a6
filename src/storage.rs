//! The user's articles in IndexedDB: one record per article, written when it
//! is added, so a full store refuses one article and keeps the others.
//! A record is the JSON of a [`StoredArticle`] under the key
//! `{seq:010} {id}`: keys sort in the order the articles were added.
//! IndexedDB itself is reached through `src/web/store.js`
//! (`self.datelineStore`), a few lines of JS that turn its requests into
//! promises (smaller than the same through `web-sys`; see the README). On
//! first load the articles of the old `localStorage` key are moved in, then
//! the key is removed.
//!
//! [`read_records`], [`record_key`] and [`quota_message`] are plain and
//! tested natively; the rest awaits the browser.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::backup;
use crate::import::StoredArticle;
use crate::web;

/// The object store of the articles.
const ARTICLES: &str = "articles";
/// The object store of the engine's results (see `engine`).
const RESULTS: &str = "results";

/// The key of the `seq`-th article added.
pub fn record_key(seq: u64, id: &str) -> String {
    format!("{seq:010} {id}")
}

/// The articles of the records `(key, value)` in key order (the order they
/// were added), with the key of each; a message per record that cannot be
/// read (it stays stored, untouched); the next free `seq`.
pub fn read_records(records: &[(String, String)]) -> (Vec<(String, StoredArticle)>, Vec<String>, u64) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (key, value) in records {
        match crate::json::parse(value).and_then(|v| crate::import::read_article(&v)) {
            Ok(a) if a.document().is_some() => articles.push((key.clone(), a)),
            Ok(a) => errors.push(format!("“{}” has an unreadable date ({}); it is kept in storage but not shown.", a.id, a.published)),
            Err(e) => errors.push(format!("A stored article could not be read ({e}); it is kept in storage untouched.")),
        }
    }
    let next = records.iter().filter_map(|(k, _)| k.get(..10)?.parse::<u64>().ok()).max().map_or(0, |s| s + 1);
    (articles, errors, next)
}

/// What to tell the user when storing `title` failed with the DOM error `name`.
pub fn quota_message(title: &str, name: &str) -> String {
    if name == "QuotaExceededError" {
        format!("“{title}” did not fit in this browser's storage (it is full), so it was not added; your other articles are kept. Remove some to make room.")
    } else {
        format!("“{title}” could not be stored ({name}), so it was not added; your other articles are kept.")
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = datelineStore, js_name = all, catch)]
    fn js_all(store: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = datelineStore, js_name = put, catch)]
    fn js_put(store: &str, key: &str, value: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = datelineStore, js_name = del, catch)]
    fn js_del(store: &str, key: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = datelineStore, js_name = persist, catch)]
    fn js_persist() -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = datelineStore, js_name = getMany, catch)]
    fn js_get_many(store: &str, keys: Array) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = datelineStore, js_name = prune, catch)]
    fn js_prune(store: &str, keep: Array) -> Result<Promise, JsValue>;
}

/// The name of a DOM error (`QuotaExceededError`), or its text.
fn error_name(e: JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.name())))
        .unwrap_or_else(|| "unknown error".into())
}

async fn call(p: Result<Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(p.map_err(error_name)?).await.map_err(error_name)
}

thread_local! {
    /// The `seq` of the next article added.
    static NEXT: Cell<u64> = const { Cell::new(0) };
    /// The record key of each stored article, by id.
    static KEYS: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Stores one article (after the others); the DOM error's name on failure.
pub async fn add(article: &StoredArticle) -> Result<(), String> {
    let seq = NEXT.with(Cell::get);
    let key = record_key(seq, &article.id);
    let value = crate::json::write(article, false);
    call(js_put(ARTICLES, &key, &JsValue::from_str(&value))).await?;
    NEXT.with(|n| n.set(seq + 1));
    KEYS.with(|k| k.borrow_mut().push((article.id.clone(), key)));
    Ok(())
}

/// Removes one article.
pub async fn remove(id: &str) -> Result<(), String> {
    let key = KEYS.with(|k| k.borrow().iter().find(|(i, _)| i == id).map(|(_, key)| key.clone()));
    let Some(key) = key else { return Ok(()) };
    call(js_del(ARTICLES, &key)).await?;
    KEYS.with(|k| k.borrow_mut().retain(|(i, _)| i != id));
    Ok(())
}

fn array(keys: &[String]) -> Array {
    keys.iter().map(|k| JsValue::from_str(k)).collect()
}

/// The cached results under `keys`, as the browser's strings (the page
/// takes each in when it reads it: a long article's is megabytes): not a
/// string where there is none, empty when the cache cannot be read.
pub async fn cached_results(keys: &[String]) -> Array {
    call(js_get_many(RESULTS, array(keys))).await.map(|v| Array::from(&v)).unwrap_or_default()
}

/// Caches a result; a full store only means it is extracted again next time.
pub async fn cache_result(key: &str, json: &JsValue) {
    let _ = call(js_put(RESULTS, key, json)).await;
}

/// Forgets every cached result but those under `keep` (older engines,
/// removed articles).
pub async fn prune_results(keep: &[String]) {
    let _ = call(js_prune(RESULTS, array(keep))).await;
}

/// The stored articles in the order they were added, after moving in those
/// of the old `localStorage` key; and messages to show (unreadable records,
/// storage unavailable, a move that did not complete). Asks the browser to
/// keep the storage (`navigator.storage.persist()`).
pub async fn load() -> (Vec<StoredArticle>, Vec<String>) {
    let _ = call(js_persist()).await;
    let records = match call(js_all(ARTICLES)).await {
        Ok(v) => {
            let pair = Array::from(&v);
            let (keys, values) = (Array::from(&pair.get(0)), Array::from(&pair.get(1)));
            (0..keys.length().min(values.length())).map(|i| (keys.get(i).as_string().unwrap_or_default(), values.get(i).as_string().unwrap_or_default())).collect::<Vec<_>>()
        }
        Err(e) => {
            // No IndexedDB (a private window of some browsers): show what the
            // old store holds, and say that nothing new can be kept.
            let (legacy, error) = web::legacy_imports();
            let mut messages = vec![format!("This browser does not allow storage ({e}): articles you add last until you leave the page.")];
            messages.extend(error);
            return (legacy.unwrap_or_default(), messages);
        }
    };
    let (keyed, mut messages, next) = read_records(&records);
    NEXT.with(|n| n.set(next));
    KEYS.with(|k| *k.borrow_mut() = keyed.iter().map(|(key, a)| (a.id.clone(), key.clone())).collect());
    let mut articles: Vec<StoredArticle> = keyed.into_iter().map(|(_, a)| a).collect();
    let (legacy, error) = web::legacy_imports();
    messages.extend(error);
    if let Some(legacy) = legacy {
        // Moved like a backup restored: an article already moved (a move cut
        // short before the key was removed) is not doubled.
        let plan = backup::restore(&articles, &[], legacy);
        let mut moved = true;
        for a in plan.added {
            match add(&a).await {
                Ok(()) => articles.push(a),
                Err(e) => {
                    moved = false;
                    let title = a.title.clone().unwrap_or_else(|| a.id.clone());
                    messages.push(format!("{} It stays in the old storage and is moved on the next visit.", quota_message(&title, &e)));
                }
            }
        }
        if moved {
            web::remove_legacy_imports();
        }
    }
    (articles, messages)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str) -> StoredArticle {
        StoredArticle { id: id.into(), title: None, outlet: None, published: "2020-01-02".into(), body: "Text.".into(), url: None }
    }

    #[test]
    fn records_read_in_key_order_and_bad_ones_are_reported() {
        let rec = |seq, id: &str| (record_key(seq, id), serde_json::to_string(&art(id)).unwrap());
        let bad_date = (record_key(9, "my-bad"), serde_json::to_string(&StoredArticle { published: "nope".into(), ..art("my-bad") }).unwrap());
        let (articles, errors, next) = read_records(&[rec(1, "my-a"), rec(5, "my-b"), (record_key(7, "x"), "{oops".into()), bad_date]);
        assert_eq!(articles.iter().map(|(k, a)| (k.as_str(), a.id.as_str())).collect::<Vec<_>>(), [("0000000001 my-a", "my-a"), ("0000000005 my-b", "my-b")]);
        assert_eq!(errors.len(), 2);
        assert!(errors[0].contains("kept in storage untouched") && errors[1].contains("“my-bad”"));
        assert_eq!(next, 10, "after every key, readable or not");
        assert_eq!(read_records(&[]).2, 0);
        assert!(record_key(2, "a") < record_key(10, "a"), "keys sort by seq");
    }

    #[test]
    fn a_full_store_names_the_article() {
        let m = quota_message("Big story", "QuotaExceededError");
        assert!(m.starts_with("“Big story” did not fit") && m.contains("other articles are kept"), "{m}");
        assert!(quota_message("X", "UnknownError").contains("(UnknownError)"));
    }
}
