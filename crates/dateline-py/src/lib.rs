//! `dateline`: the extraction engine as a Python module.
//!
//! ```python
//! import dateline
//! a = dateline.extract_article({"id": "a1", "title": None, "outlet": None, "url": None,
//!                               "published": "2017-04-12", "body": "..."})
//! story = dateline.merge([a, ...])   # the CLI's story JSON (schema 1) as a dict
//! groups = dateline.group_stories([a, ...])   # the engine's grouping into stories
//! dateline.merge(members, story=groups[0])    # one story, as `dateline merge --stories` writes it
//! ```
//!
//! `extract_article_json` and `merge_json` give the same as JSON text (str),
//! and `merge` also takes JSON texts: a job that only ships and stores
//! extractions (Spark) skips building Python dicts, which costs more than
//! the extraction itself.
//!
//! `extract_article` runs every per-article stage
//! (`dateline_core::story::extract_article`); `merge` merges per-article
//! extractions into a story (`dateline_core::story::merge`), so
//! `merge([extract_article(a) for a in articles])` is the story that
//! `dateline extract` prints for the same articles. `group_stories` groups a
//! corpus into stories (`dateline_core::story::group`) from the extractions
//! or their small `article_keys`, so a corpus spread over machines is
//! grouped in one place and each story merged where its articles are
//! (`dateline_core::story::merge_as`). The extractions are plain
//! dicts (JSON values): they can be pickled, shipped to other processes or
//! machines (Spark), stored as JSON and merged later.
//!
//! Values cross the boundary as JSON text (serde_json on this side, Python's
//! `json` module on the other): no extra dependency, and the engine's serde
//! types stay the one definition of the format. The engine runs with the GIL
//! released, so Python threads extract in parallel.
//!
//! Bad input raises `ValueError` naming the article and the field.

use std::collections::HashMap;

use dateline_core::story::{self, ArticleExtraction, ArticleKeys, StoryGroup};
use dateline_core::{Date, Document};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

/// Runs every per-article stage of the engine over one article.
///
/// `article` is a dict with `id` (non-empty str), `published` (str,
/// `YYYY-MM-DD`), `body` (str) and optionally `title`, `outlet`, `url` and
/// `path` (where the article came from, as the CLI's file paths; str or
/// None); other keys are ignored. Returns the per-article extraction as a
/// dict (JSON values), the input of `merge`.
#[pyfunction]
fn extract_article<'py>(py: Python<'py>, article: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    json_loads(py, extract_json(py, article)?)
}

/// `extract_article` with the extraction as JSON text (a str): what a job
/// that only stores or ships extractions needs, without building the dict
/// (building it takes longer than the extraction itself).
#[pyfunction]
fn extract_article_json(py: Python<'_>, article: &Bound<'_, PyAny>) -> PyResult<String> {
    extract_json(py, article)
}

/// Merges per-article extractions (in story order) into one story: the
/// story JSON of the `dateline extract` contract (schema 1) as a dict, with
/// entities and events across the articles. Each item is a dict from
/// `extract_article` or a JSON text from `extract_article_json`; as with
/// `dateline merge`, each is checked (schema, spans inside the body, its own
/// entity and event ids) and the article ids must differ. `text=True` puts
/// each article's body in the story (`articles[].text`, as `--text`), so the
/// story opens in the explorer without its articles.
///
/// Without `story`, the story's `stories` is the grouping of these articles
/// (as `dateline merge`); with `story` (one item of `group_stories`, whose
/// `articles` are these articles' ids in this order), the story is that
/// group on its own, as `dateline merge --stories` writes each.
#[pyfunction]
#[pyo3(signature = (articles, *, text = false, story = None))]
fn merge<'py>(py: Python<'py>, articles: &Bound<'py, PyAny>, text: bool, story: Option<&Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
    json_loads(py, merge_texts(py, articles, text, story)?)
}

/// `merge` with the story as JSON text (a str): byte for byte what
/// `dateline extract` prints, without its final newline.
#[pyfunction]
#[pyo3(signature = (articles, *, text = false, story = None))]
fn merge_json(py: Python<'_>, articles: &Bound<'_, PyAny>, text: bool, story: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    merge_texts(py, articles, text, story)
}

/// What the story grouping reads of one article (a dict or JSON text from
/// `extract_article[_json]`): its id, date, title and weighted keys, a few
/// hundred bytes; `group_stories` takes these in place of the extractions.
#[pyfunction]
fn article_keys<'py>(py: Python<'py>, extraction: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let text = item_text(py, extraction, "article_keys", None)?;
    let json = py.detach(move || -> Result<String, String> {
        let extraction = parse_extraction(&text, "article_keys", None)?;
        serde_json::to_string(&story::article_keys(&extraction)).map_err(|e| format!("article_keys: cannot write JSON: {e}"))
    });
    json_loads(py, json.map_err(PyValueError::new_err)?)
}

/// Groups a corpus into stories (the engine's grouping: articles that share
/// people, organisations and happenings, follow-ups within 14 days). Items
/// are per-article extractions (dicts or JSON texts) or their
/// `article_keys`, in corpus order, with different ids. Returns the stories
/// as `dateline merge` lists them: `[{"id", "title", "articles": [ids],
/// "from", "to"}]`, numbered in the order of their first article's date.
#[pyfunction]
fn group_stories<'py>(py: Python<'py>, articles: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let texts = item_texts(py, articles, "group_stories")?;
    let json = py.detach(move || -> Result<String, String> {
        let mut keys: Vec<ArticleKeys> = Vec::with_capacity(texts.len());
        let mut ids: HashMap<String, usize> = HashMap::with_capacity(texts.len());
        for (i, text) in texts.iter().enumerate() {
            let value: serde_json::Value = serde_json::from_str(text).map_err(|e| format!("group_stories: item {i}: not JSON: {e}"))?;
            let k = if value.get("document").is_some() {
                story::article_keys(&parse_extraction(text, "group_stories", Some(i))?)
            } else {
                serde_json::from_value::<ArticleKeys>(value)
                    .map_err(|e| format!("group_stories: item {i}{}: neither a per-article extraction nor its article_keys: {e}", id_hint(text)))?
            };
            if let Some(first) = ids.insert(k.id.clone(), i) {
                return Err(format!("group_stories: item {i}: article id {:?} is item {first}'s too (ids must differ)", k.id));
            }
            keys.push(k);
        }
        serde_json::to_string(&story::group(&keys)).map_err(|e| format!("group_stories: cannot write JSON: {e}"))
    });
    json_loads(py, json.map_err(PyValueError::new_err)?)
}

fn extract_json(py: Python<'_>, article: &Bound<'_, PyAny>) -> PyResult<String> {
    let (document, path) = document_of(article)?;
    let json = py.detach(move || {
        let mut extraction = story::extract_article(&document);
        extraction.path = path.unwrap_or_default();
        serde_json::to_string(&extraction)
    });
    json.map_err(|e| PyValueError::new_err(format!("extract_article: cannot write the extraction as JSON: {e}")))
}

fn merge_texts(py: Python<'_>, articles: &Bound<'_, PyAny>, with_text: bool, group: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    let texts = item_texts(py, articles, "merge")?;
    let group = match group {
        Some(g) if !g.is_none() => {
            let text = item_text(py, g, "merge: story", None)?;
            let group: StoryGroup = serde_json::from_str(&text)
                .map_err(|e| PyValueError::new_err(format!("merge: story: not a story of group_stories: {e}")))?;
            Some(group)
        }
        _ => None,
    };
    let json = py.detach(move || -> Result<String, String> {
        let mut extractions: Vec<ArticleExtraction> = Vec::with_capacity(texts.len());
        let mut ids: HashMap<String, usize> = HashMap::with_capacity(texts.len());
        for (i, text) in texts.iter().enumerate() {
            let extraction = parse_extraction(text, "merge", Some(i))?;
            let id = &extraction.document.id;
            if let Some(first) = ids.insert(id.clone(), i) {
                return Err(format!("merge: item {i}: article id {id:?} is item {first}'s too (ids must differ within a story)"));
            }
            extractions.push(extraction);
        }
        let mut story = match group {
            None => story::merge(&extractions),
            Some(group) => {
                let given: Vec<&str> = extractions.iter().map(|a| a.document.id.as_str()).collect();
                if group.articles != given {
                    return Err(format!(
                        "merge: story {:?} has the articles {:?}, in that order; given {:?}",
                        group.id, group.articles, given
                    ));
                }
                story::merge_as(&extractions, vec![group])
            }
        };
        if with_text {
            for (out, article) in story.articles.iter_mut().zip(&extractions) {
                out.text = Some(article.document.body.clone());
            }
        }
        serde_json::to_string(&story).map_err(|e| format!("merge: cannot write the story as JSON: {e}"))
    });
    json.map_err(PyValueError::new_err)
}

/// A per-article extraction from its JSON text, checked as `dateline merge`
/// checks its lines; errors name the function and the item.
fn parse_extraction(text: &str, what: &str, item: Option<usize>) -> Result<ArticleExtraction, String> {
    let whose = match item {
        Some(i) => format!("{what}: item {i}"),
        None => what.to_string(),
    };
    let extraction: ArticleExtraction = serde_json::from_str(text)
        .map_err(|e| format!("{whose}{}: not a per-article extraction: {e}", id_hint(text)))?;
    extraction.check().map_err(|e| format!("{whose} (id {:?}): {e}", extraction.document.id))?;
    Ok(extraction)
}

/// The JSON texts of a list of dicts or JSON texts.
fn item_texts(py: Python<'_>, items: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if items.is_instance_of::<PyString>() || items.is_instance_of::<PyDict>() {
        return Err(PyValueError::new_err(format!(
            "{what}: expected a list of per-article extractions (from extract_article), got {}",
            type_name(items)
        )));
    }
    let iter = items.try_iter().map_err(|_| {
        PyValueError::new_err(format!("{what}: expected a list of per-article extractions, got {}", type_name(items)))
    })?;
    let mut texts: Vec<String> = Vec::new();
    for (i, item) in iter.enumerate() {
        texts.push(item_text(py, &item?, what, Some(i))?);
    }
    Ok(texts)
}

/// The JSON text of a dict (through Python's json module) or a str as it is.
fn item_text(py: Python<'_>, item: &Bound<'_, PyAny>, what: &str, index: Option<usize>) -> PyResult<String> {
    let at = index.map(|i| format!(" item {i}:")).unwrap_or_default();
    if let Ok(text) = item.cast::<PyString>() {
        return text.extract();
    }
    if !item.is_instance_of::<PyDict>() {
        return Err(PyValueError::new_err(format!(
            "{what}:{at} expected a dict from extract_article (or its JSON text), got {}",
            type_name(item)
        )));
    }
    let dumps = py.import("json")?.getattr("dumps")?;
    let text = dumps.call1((item,)).map_err(|e| PyValueError::new_err(format!("{what}:{at} not JSON values: {e}")))?;
    text.extract()
}

/// The document an article dict describes and its path, or a `ValueError`
/// naming the field.
fn document_of(article: &Bound<'_, PyAny>) -> PyResult<(Document, Option<String>)> {
    let dict = article.cast::<PyDict>().map_err(|_| {
        PyValueError::new_err(format!(
            "extract_article: expected a dict with id, published, body (and optional title, outlet, url), got {}",
            type_name(article)
        ))
    })?;
    let id = match text_field(dict, "id", "")? {
        Some(id) if !id.trim().is_empty() => id,
        Some(_) => return Err(PyValueError::new_err("extract_article: field 'id' is empty")),
        None => return Err(PyValueError::new_err("extract_article: missing field 'id'")),
    };
    let whose = format!(" (article {id:?})");
    let published = text_field(dict, "published", &whose)?
        .ok_or_else(|| PyValueError::new_err(format!("extract_article{whose}: missing field 'published' (YYYY-MM-DD)")))?;
    let published = Date::parse(&published)
        .map_err(|e| PyValueError::new_err(format!("extract_article{whose}: field 'published' {published:?}: {e}")))?;
    let body = text_field(dict, "body", &whose)?
        .ok_or_else(|| PyValueError::new_err(format!("extract_article{whose}: missing field 'body'")))?;
    let document = Document {
        id,
        title: text_field(dict, "title", &whose)?,
        outlet: text_field(dict, "outlet", &whose)?,
        url: text_field(dict, "url", &whose)?,
        published,
        body,
    };
    Ok((document, text_field(dict, "path", &whose)?))
}

/// A str field of an article dict: None when absent or None; an error for
/// any other type.
fn text_field(dict: &Bound<'_, PyDict>, key: &str, whose: &str) -> PyResult<Option<String>> {
    match dict.get_item(key)? {
        None => Ok(None),
        Some(value) if value.is_none() => Ok(None),
        Some(value) => match value.cast::<PyString>() {
            Ok(s) => Ok(Some(s.extract::<String>()?)),
            Err(_) => Err(PyValueError::new_err(format!(
                "extract_article{whose}: field '{key}' must be a str, got {}",
                type_name(&value)
            ))),
        },
    }
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "an unknown type".to_string())
}

/// ` (id "x")` when an extraction's JSON text has its document's id, for
/// error messages.
fn id_hint(text: &str) -> String {
    let value = serde_json::from_str::<serde_json::Value>(text).ok();
    let id = value.as_ref().and_then(|v| v.get("document")?.get("id")?.as_str().map(str::to_string));
    id.map(|id| format!(" (id {id:?})")).unwrap_or_default()
}

fn json_loads(py: Python<'_>, json: String) -> PyResult<Bound<'_, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

/// The module `dateline`.
#[pymodule]
fn dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract_article, m)?)?;
    m.add_function(wrap_pyfunction!(extract_article_json, m)?)?;
    m.add_function(wrap_pyfunction!(merge, m)?)?;
    m.add_function(wrap_pyfunction!(merge_json, m)?)?;
    m.add_function(wrap_pyfunction!(article_keys, m)?)?;
    m.add_function(wrap_pyfunction!(group_stories, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", story::SCHEMA)?;
    Ok(())
}
