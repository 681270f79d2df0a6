//! Stage 1, **Document**: an article's body and metadata, and the project's
//! article file format.
//!
//! An article file is either plain text (the whole file is the body) or starts
//! with a small header between two `---` lines:
//!
//! ```text
//! ---
//! title: Tillerson meets Lavrov in Moscow
//! outlet: Townhall
//! published: 2017-04-12
//! url: https://example.com/story
//! ---
//! The body, byte for byte. Spans are offsets into it.
//! ```
//!
//! Keys are `title`, `outlet`, `published` (YYYY-MM-DD) and `url`; each at most
//! once. The body starts on the line after the closing `---`.

use std::fmt;

use crate::date::Date;

/// One article, ready for extraction. `published` is the reference date for
/// every relative time expression in `body`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// A short identifier, unique within a story (the file stem).
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Date,
    pub url: Option<String>,
    pub body: String,
}

/// The metadata an article file's header gives (all optional at this level).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<Date>,
    pub url: Option<String>,
}

/// What is wrong with an article file (its encoding or its header), and on
/// which line (1-based).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for HeaderError {}

const FENCE: &str = "---";

/// An article file's bytes as text; the error names the line and byte of the
/// first invalid UTF-8 sequence.
pub fn decode(bytes: Vec<u8>) -> Result<String, HeaderError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        HeaderError { line, message: format!("not valid UTF-8 (byte {at})") }
    })
}

/// Splits an article file into its header and the byte offset where the body
/// starts. A file that does not open with a `---` line has no header: the
/// whole text is the body (offset 0).
pub fn parse_article(text: &str) -> Result<(Header, usize), HeaderError> {
    let mut lines = LineIter { text, pos: 0 };
    match lines.next() {
        Some((_, line)) if line.trim_end() == FENCE => {}
        _ => return Ok((Header::default(), 0)),
    }
    let mut header = Header::default();
    let mut number = 1;
    while let Some((_, line)) = lines.next() {
        number += 1;
        let line = line.trim_end_matches(['\r', '\n']);
        if line.trim_end() == FENCE {
            return Ok((header, lines.pos));
        }
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| HeaderError { line: number, message };
        let Some((key, value)) = line.split_once(':') else {
            return Err(err(format!("expected `key: value`, found “{line}”")));
        };
        let (key, value) = (key.trim(), value.trim());
        if value.is_empty() {
            return Err(err(format!("`{key}` has no value")));
        }
        let slot = match key {
            "title" => &mut header.title,
            "outlet" => &mut header.outlet,
            "url" => &mut header.url,
            "published" => {
                if header.published.is_some() {
                    return Err(err("`published` is given twice".into()));
                }
                header.published = Some(Date::parse(value).map_err(|e| err(format!("published: {e}")))?);
                continue;
            }
            _ => {
                return Err(err(format!(
                    "unknown key `{key}` (expected title, outlet, published or url)"
                )))
            }
        };
        if slot.is_some() {
            return Err(err(format!("`{key}` is given twice")));
        }
        *slot = Some(value.to_string());
    }
    Err(HeaderError { line: number, message: "the header has no closing `---` line".into() })
}

/// Lines with their terminators, remembering the byte position after each.
struct LineIter<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LineIter<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let len = rest.find('\n').map_or(rest.len(), |i| i + 1);
        self.pos += len;
        Some((start, &rest[..len]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_has_no_header() {
        assert_eq!(parse_article("Just a body.\n").unwrap(), (Header::default(), 0));
        assert_eq!(parse_article("").unwrap(), (Header::default(), 0));
    }

    #[test]
    fn header_fields_and_body_offset() {
        let text = "---\ntitle: A: B\noutlet: Townhall\npublished: 2017-04-12\n\nurl: https://x.test/a\n---\nBody.";
        let (header, offset) = parse_article(text).unwrap();
        assert_eq!(header.title.as_deref(), Some("A: B"));
        assert_eq!(header.outlet.as_deref(), Some("Townhall"));
        assert_eq!(header.published, Date::new(2017, 4, 12));
        assert_eq!(header.url.as_deref(), Some("https://x.test/a"));
        assert_eq!(&text[offset..], "Body.");
    }

    #[test]
    fn crlf_header() {
        let text = "---\r\npublished: 2020-01-02\r\n---\r\nBody";
        let (header, offset) = parse_article(text).unwrap();
        assert_eq!(header.published, Date::new(2020, 1, 2));
        assert_eq!(&text[offset..], "Body");
    }

    #[test]
    fn decode_names_the_line_of_bad_bytes() {
        assert_eq!(decode(b"ok\n".to_vec()).unwrap(), "ok\n");
        let err = decode(b"a\nb\n\xffc".to_vec()).unwrap_err();
        assert_eq!((err.line, err.message.as_str()), (3, "not valid UTF-8 (byte 4)"));
    }

    #[test]
    fn errors_name_the_line() {
        let cases = [
            ("---\ntitle: x\npublished: 2017-13-01\n---\n", 3, "published"),
            ("---\ntitle x\n---\n", 2, "key: value"),
            ("---\nauthor: x\n---\n", 2, "unknown key `author`"),
            ("---\ntitle: x\ntitle: y\n---\n", 3, "twice"),
            ("---\ntitle:\n---\n", 2, "no value"),
            ("---\ntitle: x\n", 2, "no closing"),
        ];
        for (text, line, needle) in cases {
            let err = parse_article(text).unwrap_err();
            assert_eq!(err.line, line, "{text:?}: {err}");
            assert!(err.to_string().contains(needle), "{text:?}: {err}");
        }
    }
}
