//! The user's own articles: checking what was pasted or dropped, and the
//! stored form kept in the browser. Plain functions, tested natively.

use dateline_core::case::Case;
use dateline_core::document::parse_article;
use dateline_core::{Date, Document};
use serde::Serialize;

use crate::json::{self, Json};

/// The largest article accepted, in bytes of UTF-8 text: 2 MB. The engine
/// extracts it in a worker, off the page (see `engine`); longer ones are
/// refused with a message.
pub const MAX_BYTES: usize = 2_000_000;

/// The key under which imported articles are kept in `localStorage`.
pub const STORAGE_KEY: &str = "dateline.imported.v1";

/// An imported article as stored: enough to rebuild its [`Document`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StoredArticle {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: String,
    pub body: String,
    /// Where the article was published (a saved page's canonical URL).
    /// Absent in records stored before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl StoredArticle {
    /// The document to extract; `None` when the stored date is unreadable.
    pub fn document(&self) -> Option<Document> {
        Some(Document {
            id: self.id.clone(),
            title: self.title.clone(),
            outlet: self.outlet.clone(),
            published: Date::parse(&self.published).ok()?,
            url: self.url.clone(),
            body: self.body.clone(),
        })
    }
}

/// What the import form holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportForm {
    pub text: String,
    pub date: String,
    pub title: String,
    pub outlet: String,
    /// Not a field of the form: the URL of a saved web page it was filled from.
    pub url: String,
}

/// A lower-case id from a title or file name: `My Story!` -> `my-story`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "article".into() } else { out }
}

/// `base` (prefixed `my-`), made unique among `taken`.
pub fn unique_id(base: &str, taken: &[String]) -> String {
    let stem = format!("my-{}", slug(base));
    let mut id = stem.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    id
}

/// Checks the form and builds the article to store. The text may open with
/// the project's article header; the form's fields win over it.
pub fn prepare(form: &ImportForm, taken: &[String]) -> Result<StoredArticle, String> {
    if form.text.trim().is_empty() {
        return Err("The article is empty: paste its text or choose a .txt or .md file.".into());
    }
    if form.text.len() > MAX_BYTES {
        return Err(format!(
            "The article is too long ({} KB); the limit is {} KB. Split it into several articles.",
            form.text.len() / 1000,
            MAX_BYTES / 1000
        ));
    }
    let (header, offset) = parse_article(&form.text).map_err(|e| format!("The article's header is malformed ({e})."))?;
    let body = form.text[offset..].to_string();
    if body.trim().is_empty() {
        return Err("The article has a header but no text after it.".into());
    }
    let date = form.date.trim();
    let published = if !date.is_empty() {
        Date::parse(date).map_err(|_| format!("“{date}” is not a date: give the publication date as YYYY-MM-DD."))?
    } else {
        header.published.ok_or("Give the publication date: every “yesterday” and “on Tuesday” is read from it.")?
    };
    let pick = |form: &str, header: Option<String>| {
        let form = form.trim();
        if form.is_empty() { header.filter(|h| !h.trim().is_empty()) } else { Some(form.to_string()) }
    };
    let title = pick(&form.title, header.title);
    let outlet = pick(&form.outlet, header.outlet);
    let first_line = body.lines().find(|l| !l.trim().is_empty()).unwrap_or("article");
    let base = title.clone().unwrap_or_else(|| first_line.chars().take(40).collect());
    let url = Some(form.url.trim().to_string()).filter(|u| !u.is_empty());
    Ok(StoredArticle { id: unique_id(&base, taken), title, outlet, published: published.to_string(), body, url })
}

/// What a chosen or dropped file is, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `.txt`, `.md`: the article's text, maybe with the project's header.
    Text,
    /// `.html`, `.htm`: a saved web page (see `webpage`).
    Page,
    /// `.json`: a backup of the user's articles (see `backup`).
    Backup,
}

/// The kind of a file, or why it cannot be imported.
pub fn file_kind(name: &str) -> Result<FileKind, String> {
    let lower = name.to_lower();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "txt" | "md" | "text" | "markdown" => Ok(FileKind::Text),
        "html" | "htm" => Ok(FileKind::Page),
        "json" => Ok(FileKind::Backup),
        _ => Err(format!("{name}: only .txt, .md, saved web pages (.html) and Dateline backups (.json) can be imported.")),
    }
}

/// The largest saved web page or backup file read, in bytes: a saved page
/// carries much more than its article (scripts, styles, menus).
pub const MAX_FILE_BYTES: usize = 50_000_000;

/// The largest file of `kind` read.
pub fn max_file_bytes(kind: FileKind) -> usize {
    match kind {
        FileKind::Text => MAX_BYTES,
        FileKind::Page | FileKind::Backup => MAX_FILE_BYTES,
    }
}

/// The text of a dropped or chosen file, or why it cannot be used.
pub fn file_text(name: &str, size: usize, bytes: &[u8]) -> Result<String, String> {
    let limit = max_file_bytes(file_kind(name)?);
    if size > limit {
        return Err(format!("{name} is too large ({} KB); the limit is {} KB.", size / 1000, limit / 1000));
    }
    if bytes.contains(&0) {
        return Err(format!("{name} looks like a binary file, not text."));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text (is it a binary file?)."))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(format!("{name} is empty."));
    }
    Ok(text.replace("\r\n", "\n"))
}

/// The file name without its extension, as a default title.
pub fn file_title(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    stem.replace(['_', '-'], " ").trim().to_string()
}

/// Reads what is stored. A corrupt entry is an error (the caller keeps the
/// raw text and never overwrites it); entries with unreadable dates are
/// skipped.
pub fn parse_stored(json: Option<&str>) -> Result<Vec<StoredArticle>, String> {
    match json {
        None => Ok(Vec::new()),
        Some(text) if text.trim().is_empty() => Ok(Vec::new()),
        Some(text) => read_stored(text)
            .map(|v| v.into_iter().filter(|a| a.document().is_some()).collect())
            .map_err(|e| format!("The stored articles could not be read ({e}); they are kept untouched.")),
    }
}

/// The stored list, as [`to_stored`] writes it (see [`read_article`]).
pub fn read_stored(text: &str) -> Result<Vec<StoredArticle>, String> {
    let Json::Arr(items) = json::parse(text)? else { return Err("not a list".into()) };
    items.iter().enumerate().map(|(i, a)| read_article(a).map_err(|e| format!("article {i}: {e}"))).collect()
}

/// One stored article: `id`, `published` and `body` text, `title`,
/// `outlet` and `url` text or null (or missing); other fields ignored.
pub fn read_article(a: &Json) -> Result<StoredArticle, String> {
    if !matches!(a, Json::Obj(_)) {
        return Err("not an object".into());
    }
    let field = |key: &str| match a.get(key) {
        None | Some(Json::Null) => Ok(None),
        Some(Json::Str(s)) => Ok(Some(s.clone())),
        Some(_) => Err(format!("“{key}” is not text")),
    };
    let need = |key: &str| field(key)?.ok_or_else(|| format!("“{key}” is missing"));
    Ok(StoredArticle { id: need("id")?, title: field("title")?, outlet: field("outlet")?, published: need("published")?, body: need("body")?, url: field("url")? })
}

pub fn to_stored(articles: &[StoredArticle]) -> String {
    crate::json::write(articles, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(text: &str, date: &str) -> ImportForm {
        ImportForm { text: text.into(), date: date.into(), ..Default::default() }
    }

    #[test]
    fn bad_input_gets_a_clear_message() {
        assert!(prepare(&form("  \n", "2020-01-02"), &[]).unwrap_err().contains("empty"));
        assert!(prepare(&form("Text.", ""), &[]).unwrap_err().contains("publication date"));
        assert!(prepare(&form("Text.", "02/01/2020"), &[]).unwrap_err().contains("YYYY-MM-DD"));
        assert!(prepare(&form(&"x".repeat(MAX_BYTES + 1), "2020-01-02"), &[]).unwrap_err().contains("too long"));
        assert!(prepare(&form("---\ntitle: T\n---\n", "2020-01-02"), &[]).unwrap_err().contains("no text"));
        assert!(prepare(&form("---\nfoo: T\n---\nx", "2020-01-02"), &[]).unwrap_err().contains("malformed"));
    }

    #[test]
    fn header_fills_what_the_form_leaves_out() {
        let text = "---\ntitle: Big news\noutlet: Daily\npublished: 2017-04-12\n---\nBody here.";
        let a = prepare(&form(text, ""), &[]).unwrap();
        assert_eq!((a.title.as_deref(), a.outlet.as_deref(), a.published.as_str(), a.body.as_str()), (Some("Big news"), Some("Daily"), "2017-04-12", "Body here."));
        assert_eq!(a.id, "my-big-news");
        let f = ImportForm { title: "Other".into(), date: "2020-01-02".into(), ..form(text, "") };
        let b = prepare(&f, &["my-other".into()]).unwrap();
        assert_eq!((b.id.as_str(), b.published.as_str()), ("my-other-2", "2020-01-02"));
        let c = prepare(&form("\n\"We will win,\" Jane Smith said.", "2020-01-02"), &[]).unwrap();
        assert_eq!((c.id.as_str(), c.title, c.outlet), ("my-we-will-win-jane-smith-said", None, None));
    }

    #[test]
    fn files_are_checked() {
        assert_eq!(file_text("a.TXT", 5, b"hi\r\nx").unwrap(), "hi\nx");
        assert!(file_text("a.pdf", 5, b"hello").unwrap_err().contains("only .txt, .md"));
        assert_eq!(file_kind("Page.HTM"), Ok(FileKind::Page));
        assert_eq!(file_kind("a.html"), Ok(FileKind::Page));
        assert_eq!(file_kind("backup.json"), Ok(FileKind::Backup));
        assert_eq!(file_kind("notes.markdown"), Ok(FileKind::Text));
        assert!(file_text("big.html", MAX_BYTES + 1, b"<p>x</p>").is_ok(), "a saved page may be larger than its article");
        assert!(file_text("a.txt", 4, b"a\0bc").unwrap_err().contains("binary"));
        assert!(file_text("a.md", 2, &[0xff, 0xfe]).unwrap_err().contains("UTF-8"));
        assert!(file_text("a.md", MAX_BYTES + 1, b"x").unwrap_err().contains("too large"));
        assert!(file_text("a.md", 1, b" ").unwrap_err().contains("empty"));
        assert_eq!(file_title("my_great-story.md"), "my great story");
    }

    #[test]
    fn storage_round_trips_and_never_eats_corrupt_data() {
        let a = prepare(&form("Some text.", "2020-01-02"), &[]).unwrap();
        let json = to_stored(std::slice::from_ref(&a));
        assert_eq!(parse_stored(Some(&json)).unwrap(), vec![a.clone()]);
        assert_eq!(parse_stored(None).unwrap(), vec![]);
        assert!(parse_stored(Some("{not json")).is_err());
        assert!(parse_stored(Some("{}")).is_err());
        assert!(parse_stored(Some(r#"[{"id": "a", "published": "2020-01-02"}]"#)).unwrap_err().contains("“body” is missing"));
        assert!(parse_stored(Some(r#"[{"id": "a", "published": "2020-01-02", "body": 1}]"#)).unwrap_err().contains("“body” is not text"));
        let fewer = r#"[{"id": "a", "published": "2020-01-02", "body": "B", "extra": [1]}]"#;
        let b = StoredArticle { id: "a".into(), title: None, outlet: None, published: "2020-01-02".into(), body: "B".into(), url: None };
        assert_eq!(parse_stored(Some(fewer)).unwrap(), vec![b]);
        let bad = json.replace("2020-01-02", "nope");
        assert_eq!(parse_stored(Some(&bad)).unwrap(), vec![]);
        assert_eq!(a.document().unwrap().body, "Some text.");
    }

    #[test]
    fn old_records_without_a_url_still_read_and_new_ones_keep_it() {
        let old = r#"[{"id":"my-a","title":null,"outlet":"X","published":"2020-01-02","body":"Text."}]"#;
        let read = parse_stored(Some(old)).unwrap();
        assert_eq!(read[0].url, None);
        assert!(!to_stored(&read).contains("url"), "no url field written when there is none");
        let f = ImportForm { url: " https://example.com/a ".into(), ..form("Text.", "2020-01-02") };
        let a = prepare(&f, &[]).unwrap();
        assert_eq!(a.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(a.document().unwrap().url.as_deref(), Some("https://example.com/a"));
        assert_eq!(parse_stored(Some(&to_stored(std::slice::from_ref(&a)))).unwrap(), vec![a]);
    }
}
