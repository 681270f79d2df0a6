//! The browser: URL hash and history, localStorage, theme, downloads,
//! scrolling and file reading. Thin wrappers over `web_sys`; no logic.

use leptos::prelude::{document, window};
use wasm_bindgen::{JsCast, JsValue};

use crate::import::{self, StoredArticle};

const THEME_KEY: &str = "dateline.theme";

/// The location hash, `#` included (empty when none).
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Puts `hash` (or nothing) in the URL: a new history entry when `push`.
pub fn set_hash(hash: &str, push: bool) {
    let w = window();
    let loc = w.location();
    let base = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
    let url = if hash.is_empty() { base } else { format!("{base}{hash}") };
    if let Ok(h) = w.history() {
        let _ = if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
        };
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The articles of the old `localStorage` store (`None` when there is
/// none), and a message when it cannot be read: then it is copied aside and
/// left in place, never overwritten.
pub fn legacy_imports() -> (Option<Vec<StoredArticle>>, Option<String>) {
    let Some(s) = storage() else { return (None, None) };
    let Some(raw) = s.get_item(import::STORAGE_KEY).ok().flatten() else { return (None, None) };
    match import::parse_stored(Some(&raw)) {
        Ok(v) => (Some(v), None),
        Err(e) => {
            let backup = format!("{}.unreadable", import::STORAGE_KEY);
            if s.get_item(&backup).ok().flatten().is_none() {
                let _ = s.set_item(&backup, &raw);
            }
            (None, Some(format!("{e} A copy is under “{backup}”.")))
        }
    }
}

/// Removes the old `localStorage` store, once its articles are moved.
pub fn remove_legacy_imports() {
    if let Some(s) = storage() {
        let _ = s.remove_item(import::STORAGE_KEY);
    }
}

/// Dark when chosen before, else when the system prefers it.
pub fn initial_dark() -> bool {
    match storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten()).as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches()),
    }
}

pub fn apply_theme(dark: bool) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", if dark { "dark" } else { "light" });
    }
}

pub fn store_theme(dark: bool) {
    if let Some(s) = storage() {
        let _ = s.set_item(THEME_KEY, if dark { "dark" } else { "light" });
    }
}

/// `text` as a Blob of type `mime`.
pub fn blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).ok()
}

/// Saves `text` as a file through a temporary link.
pub fn download(name: &str, mime: &str, text: &str) {
    let Some(blob) = blob(text, mime) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    leptos::prelude::set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(5));
}

fn scroll(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls the first highlighted sentence of each article into view.
pub fn scroll_to_selected() {
    if let Ok(Some(el)) = document().query_selector("[data-testid=sentence][data-selected=true]") {
        scroll(&el);
    }
}

/// Scrolls to the element with `id` and focuses its heading.
pub fn scroll_to_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        el.scroll_into_view();
        if let Ok(Some(h)) = el.query_selector("h3") {
            if let Ok(h) = h.dyn_into::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        }
    }
}

/// The bytes of a chosen or dropped file.
pub async fn read_file(file: &web_sys::File) -> Option<Vec<u8>> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buf).to_vec())
}

/// A future that resolves after `ms` milliseconds (a task of its own).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
