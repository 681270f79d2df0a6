//! Saved web pages (`.html`, `.htm`) as articles. The browser's `DOMParser`
//! reads the page into a detached document, which never runs its scripts,
//! loads nothing and is never shown; [`parts`] copies out the few things the
//! article needs as plain strings ([`PageParts`]), and [`page_form`], a plain
//! function tested natively, picks the article's metadata and body:
//!
//! - headline: `og:title`, else the first `<h1>`, else `<title>`, else the
//!   JSON-LD `headline`;
//! - published: `article:published_time`, else JSON-LD `datePublished`, else
//!   the first `<time datetime>`;
//! - outlet: `og:site_name`, else JSON-LD `publisher.name`;
//! - URL: `<link rel=canonical>`, else `og:url`, else JSON-LD `url`;
//! - body: JSON-LD `articleBody`, else the paragraphs of `<article>`, else of
//!   `<main>`, else of the whole page.

use dateline_core::case::Case;
use crate::json::{self, Json};

use crate::import::ImportForm;

/// What the page's DOM gives, as plain strings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageParts {
    /// `<meta>` tags: (`property` or `name`, lower-cased; `content`).
    pub metas: Vec<(String, String)>,
    /// The text of each `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    pub h1: Option<String>,
    pub title: Option<String>,
    /// The `datetime` of the first `<time datetime>`.
    pub time: Option<String>,
    /// The `href` of `<link rel=canonical>`.
    pub canonical: Option<String>,
    /// The text of each `<p>` of `<article>` (else `<main>`, else the page).
    pub paragraphs: Vec<String>,
}

/// Collapses runs of white space (a DOM's text keeps the page's indentation).
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(text: Option<&str>) -> Option<String> {
    text.map(squash).filter(|t| !t.is_empty())
}

/// The JSON-LD object describing the article: the first object (at any
/// depth, in `@graph` or arrays) whose `@type` is an article type.
pub fn json_ld_article(scripts: &[String]) -> Option<Json> {
    fn is_article(t: &Json) -> bool {
        let article = |s: &str| s.ends_with("Article") || s == "BlogPosting" || s == "LiveBlogPosting" || s == "Report";
        match t {
            Json::Str(s) => article(s),
            Json::Arr(a) => a.iter().any(|t| matches!(t, Json::Str(s) if article(s))),
            _ => false,
        }
    }
    fn find(v: &Json) -> Option<&Json> {
        match v {
            Json::Obj(fields) => {
                if v.get("@type").is_some_and(is_article) {
                    return Some(v);
                }
                fields.iter().find_map(|(_, v)| find(v))
            }
            Json::Arr(a) => a.iter().find_map(find),
            _ => None,
        }
    }
    scripts.iter().filter_map(|s| json::parse(s.trim()).ok()).find_map(|v| find(&v).cloned())
}

/// A JSON-LD value as text: a string, or the `name` (else `@id`) of an
/// object, or the first of an array that has one.
fn ld_text(v: Option<&Json>) -> Option<String> {
    match v? {
        Json::Str(s) => non_empty(Some(s)),
        o @ Json::Obj(_) => ld_text(o.get("name")).or_else(|| ld_text(o.get("@id"))),
        Json::Arr(a) => a.iter().find_map(|v| ld_text(Some(v))),
        _ => None,
    }
}

/// The `YYYY-MM-DD` a date or date-time starts with (`2017-04-12T10:00:00Z`
/// gives the date as the page wrote it), when it is a real date.
pub fn date_of(text: &str) -> Option<String> {
    let day = text.trim().get(..10)?;
    dateline_core::Date::parse(day).ok().map(|d| d.to_string())
}

/// An absolute http(s) URL, else nothing.
fn absolute_url(text: Option<String>) -> Option<String> {
    text.filter(|u| {
        let lower = u.to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    })
}

/// The import form filled from a saved page, or why the page has no article.
/// `name` (the file name) is for messages.
pub fn page_form(name: &str, parts: &PageParts) -> Result<ImportForm, String> {
    let meta = |key: &str| parts.metas.iter().find(|(k, v)| k == key && !v.trim().is_empty()).map(|(_, v)| squash(v));
    let ld = json_ld_article(&parts.json_ld);
    let ld_field = |key: &str| ld.as_ref().and_then(|o| o.get(key));
    let title = meta("og:title")
        .or_else(|| non_empty(parts.h1.as_deref()))
        .or_else(|| non_empty(parts.title.as_deref()))
        .or_else(|| ld_text(ld_field("headline")));
    let date = meta("article:published_time")
        .and_then(|d| date_of(&d))
        .or_else(|| ld_text(ld_field("datePublished")).and_then(|d| date_of(&d)))
        .or_else(|| parts.time.as_deref().and_then(date_of));
    let outlet = meta("og:site_name").or_else(|| ld_field("publisher").and_then(|p| ld_text(Some(p))));
    let url = absolute_url(non_empty(parts.canonical.as_deref()))
        .or_else(|| absolute_url(meta("og:url")))
        .or_else(|| absolute_url(ld_text(ld_field("url"))));
    let ld_body = ld_field("articleBody").and_then(|b| if let Json::Str(b) = b { Some(b) } else { None }).map(|b| b.replace("\r\n", "\n").trim().to_string()).filter(|b| !b.is_empty());
    let body = ld_body.unwrap_or_else(|| {
        parts.paragraphs.iter().map(|p| squash(p)).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("\n\n")
    });
    if body.is_empty() {
        return Err(format!("{name}: no article text found (no JSON-LD articleBody and no paragraphs)."));
    }
    Ok(ImportForm {
        text: body,
        date: date.unwrap_or_default(),
        title: title.unwrap_or_default(),
        outlet: outlet.unwrap_or_default(),
        url: url.unwrap_or_default(),
    })
}

/// Reads `html` with the browser's `DOMParser` into a detached document
/// (its scripts never run, nothing loads, nothing is shown) and copies out
/// its [`PageParts`]. `None` when the browser cannot parse it.
pub fn parts(html: &str) -> Option<PageParts> {
    use wasm_bindgen::JsCast;
    let parser = web_sys::DomParser::new().ok()?;
    let doc = parser.parse_from_string(html, web_sys::SupportedType::TextHtml).ok()?;
    let all = |selector: &str| -> Vec<web_sys::Element> {
        let Ok(list) = doc.query_selector_all(selector) else { return Vec::new() };
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect()
    };
    let first = |selector: &str| doc.query_selector(selector).ok().flatten();
    let text = |e: &web_sys::Element| e.text_content().unwrap_or_default();
    let metas = all("meta[content]")
        .iter()
        .filter_map(|m| {
            let key = m.get_attribute("property").or_else(|| m.get_attribute("name"))?;
            Some((key.trim().to_lower(), m.get_attribute("content")?))
        })
        .collect();
    let paragraphs = ["article p", "main p", "p"]
        .iter()
        .map(|s| all(s).iter().map(text).collect::<Vec<_>>())
        .find(|p| p.iter().any(|t| !t.trim().is_empty()))
        .unwrap_or_default();
    Some(PageParts {
        metas,
        json_ld: all("script[type='application/ld+json']").iter().map(text).collect(),
        h1: first("h1").map(|e| text(&e)),
        title: first("title").map(|e| text(&e)),
        time: first("time[datetime]").and_then(|e| e.get_attribute("datetime")),
        canonical: first("link[rel=canonical]").and_then(|e| e.get_attribute("href")),
        paragraphs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metas(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn open_graph_and_article_metadata_win() {
        let parts = PageParts {
            metas: metas(&[
                ("og:title", " Talks  resume\n in Geneva "),
                ("og:site_name", "The Daily"),
                ("article:published_time", "2017-04-12T09:30:00+02:00"),
            ]),
            json_ld: vec![r#"{"@type":"NewsArticle","headline":"LD","datePublished":"2016-01-01","publisher":{"name":"LD Times"},"articleBody":"From JSON-LD.\r\nSecond line."}"#.into()],
            h1: Some("H1".into()),
            title: Some("Title | The Daily".into()),
            time: Some("2015-05-05".into()),
            canonical: Some("https://daily.example/talks".into()),
            paragraphs: vec!["Para.".into()],
        };
        let f = page_form("a.html", &parts).unwrap();
        assert_eq!(f.title, "Talks resume in Geneva");
        assert_eq!(f.outlet, "The Daily");
        assert_eq!(f.date, "2017-04-12");
        assert_eq!(f.url, "https://daily.example/talks");
        assert_eq!(f.text, "From JSON-LD.\nSecond line.", "JSON-LD articleBody first");
    }

    #[test]
    fn json_ld_fills_in_and_is_found_in_graphs() {
        let ld = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Site"},
            {"@type":["ReportageNewsArticle"],"headline":"Deep","datePublished":"2019-03-15T06:00:00Z",
             "publisher":[{"@type":"Organization","name":"Graph News"}],"url":"https://graph.example/x"}]}"#;
        let parts = PageParts {
            json_ld: vec!["not json".into(), ld.into()],
            paragraphs: vec!["  First   paragraph. ".into(), "".into(), "Second.".into()],
            ..Default::default()
        };
        let f = page_form("b.htm", &parts).unwrap();
        assert_eq!((f.title.as_str(), f.date.as_str(), f.outlet.as_str(), f.url.as_str()), ("Deep", "2019-03-15", "Graph News", "https://graph.example/x"));
        assert_eq!(f.text, "First paragraph.\n\nSecond.");
    }

    #[test]
    fn fallbacks_h1_title_and_time() {
        let parts = PageParts {
            h1: Some("\n  The H1 ".into()),
            title: Some("The title".into()),
            time: Some("2020-02-29T10:00".into()),
            canonical: Some("/relative/path".into()),
            paragraphs: vec!["Text.".into()],
            ..Default::default()
        };
        let f = page_form("c.html", &parts).unwrap();
        assert_eq!((f.title.as_str(), f.date.as_str(), f.url.as_str(), f.outlet.as_str()), ("The H1", "2020-02-29", "", ""));
        let only_title = PageParts { title: Some("The title".into()), paragraphs: vec!["Text.".into()], ..Default::default() };
        assert_eq!(page_form("d.html", &only_title).unwrap().title, "The title");
    }

    #[test]
    fn bad_dates_and_links_are_left_out() {
        assert_eq!(date_of("2017-02-30"), None);
        assert_eq!(date_of("April 12"), None);
        assert_eq!(date_of("2017-04-12"), Some("2017-04-12".into()));
        let parts = PageParts {
            metas: metas(&[("article:published_time", "yesterday"), ("og:url", "javascript:alert(1)")]),
            paragraphs: vec!["Text.".into()],
            ..Default::default()
        };
        let f = page_form("e.html", &parts).unwrap();
        assert_eq!((f.date.as_str(), f.url.as_str()), ("", ""));
    }

    #[test]
    fn a_page_without_text_is_refused_by_name() {
        let parts = PageParts { title: Some("Empty".into()), paragraphs: vec!["  ".into()], ..Default::default() };
        assert!(page_form("empty.html", &parts).unwrap_err().starts_with("empty.html: no article text"));
    }
}
