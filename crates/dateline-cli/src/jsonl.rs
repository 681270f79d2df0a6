//! JSON Lines: `extract --jsonl` (articles in, one per-article extraction
//! out per line, streaming) and `merge` (extractions in, the story out).
//!
//! Lines are read from files in order, or from standard input. A bad line is
//! reported on standard error with its file and line number and skipped;
//! with `strict`, the first one ends the run.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, Write};
use std::path::PathBuf;

use dateline_core::story::{extract_article, merge, merge_stories, ArticleExtraction, Story};
use dateline_core::Document;

use crate::parallel;

/// Lines read before a batch is extracted: enough for every thread to stay
/// busy, few enough that memory stays bounded whatever the input's length.
const BATCH_LINES: usize = 64;
/// A batch also ends after this many bytes of input.
const BATCH_BYTES: usize = 16 << 20;

/// How a run over lines went.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub done: usize,
    pub skipped: usize,
}

impl Report {
    /// The run's result: an error when lines were skipped.
    pub fn result(&self) -> Result<(), String> {
        match self.skipped {
            0 => Ok(()),
            n => Err(format!("{n} bad line{} skipped, {} processed", if n == 1 { "" } else { "s" }, self.done)),
        }
    }
}

/// One input line: where it is, and its text.
struct Line {
    place: String,
    text: String,
}

/// Calls `batch` with the non-empty lines of `paths` (standard input when
/// there are none, or for `-`), a batch at a time.
fn read_batches(paths: &[PathBuf], mut batch: impl FnMut(Vec<Line>) -> Result<(), String>) -> Result<(), String> {
    let stdin = [PathBuf::from("-")];
    let paths = if paths.is_empty() { &stdin[..] } else { paths };
    let mut lines: Vec<Line> = Vec::new();
    let mut bytes = 0;
    for path in paths {
        let (name, reader): (String, Box<dyn BufRead>) = if path.as_os_str() == "-" {
            ("<stdin>".to_string(), Box::new(std::io::stdin().lock()))
        } else {
            let file = std::fs::File::open(path).map_err(|e| format!("{}: {}", path.display(), crate::files::io_reason(&e)))?;
            (path.display().to_string(), Box::new(std::io::BufReader::new(file)))
        };
        for (n, text) in reader.lines().enumerate() {
            let text = text.map_err(|e| format!("{name}:{}: {e}", n + 1))?;
            if text.trim().is_empty() {
                continue;
            }
            bytes += text.len();
            lines.push(Line { place: format!("{name}:{}", n + 1), text });
            if lines.len() >= BATCH_LINES || bytes >= BATCH_BYTES {
                batch(std::mem::take(&mut lines))?;
                bytes = 0;
            }
        }
    }
    if !lines.is_empty() {
        batch(lines)?;
    }
    Ok(())
}

/// Reports a bad line; in strict mode it ends the run.
fn bad(report: &mut Report, strict: bool, place: &str, message: &str) -> Result<(), String> {
    if strict {
        return Err(format!("{place}: {message}"));
    }
    eprintln!("dateline: {place}: {message} (line skipped)");
    report.skipped += 1;
    Ok(())
}

/// An article line: `{"id", "title", "outlet", "url", "published", "body"}`.
pub fn parse_article(text: &str) -> Result<Document, String> {
    let doc: Document = serde_json::from_str(text).map_err(|e| format!("not an article: {e}"))?;
    if doc.id.trim().is_empty() {
        return Err("the article's `id` is empty".to_string());
    }
    Ok(doc)
}

/// `extract --jsonl`: every article line of `paths` to one line of its
/// extraction on `out`, in input order, `jobs` articles at a time.
pub fn extract(paths: &[PathBuf], jobs: usize, strict: bool, out: &mut impl Write) -> Result<Report, String> {
    let mut report = Report::default();
    read_batches(paths, |lines| {
        let results = parallel::map(&lines, jobs, |line| parse_article(&line.text).map(|doc| serde_json::to_string(&extract_article(&doc))));
        for (line, result) in lines.iter().zip(results) {
            match result {
                Ok(json) => {
                    let json = json.map_err(|e| format!("{}: writing JSON: {e}", line.place))?;
                    writeln!(out, "{json}").map_err(|e| format!("writing output: {e}"))?;
                    report.done += 1;
                }
                Err(message) => bad(&mut report, strict, &line.place, &message)?,
            }
        }
        Ok(())
    })?;
    out.flush().map_err(|e| format!("writing output: {e}"))?;
    Ok(report)
}

/// Reads the extraction lines of `paths` for `merge`: each checked, and an
/// article id met twice refused.
pub fn read_extractions(paths: &[PathBuf], strict: bool) -> Result<(Vec<ArticleExtraction>, Report), String> {
    let mut report = Report::default();
    let mut articles: Vec<ArticleExtraction> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    read_batches(paths, |lines| {
        for line in lines {
            let parsed = serde_json::from_str::<ArticleExtraction>(&line.text)
                .map_err(|e| format!("not an article extraction (from `dateline extract --jsonl`): {e}"))
                .and_then(|a| a.check().map(|()| a).map_err(|e| format!("article extraction: {e}")))
                .and_then(|a| if ids.contains(&a.document.id) { Err(format!("article id {:?} already read", a.document.id)) } else { Ok(a) });
            match parsed {
                Ok(article) => {
                    ids.insert(article.document.id.clone());
                    articles.push(article);
                    report.done += 1;
                }
                Err(message) => bad(&mut report, strict, &line.place, &message)?,
            }
        }
        Ok(())
    })?;
    Ok((articles, report))
}

/// The story of `articles`, with their texts when `with_text`.
pub fn story(articles: &[ArticleExtraction], with_text: bool) -> Story {
    let mut story = merge(articles);
    if with_text {
        add_texts(&mut story, articles);
    }
    story
}

/// `articles` grouped into stories, each merged on its own, with their
/// texts when `with_text`.
pub fn stories(articles: &[ArticleExtraction], with_text: bool) -> Vec<Story> {
    let mut stories = merge_stories(articles);
    if with_text {
        for story in &mut stories {
            add_texts(story, articles);
        }
    }
    stories
}

fn add_texts(story: &mut Story, articles: &[ArticleExtraction]) {
    let bodies: HashMap<&str, &str> = articles.iter().map(|a| (a.document.id.as_str(), a.document.body.as_str())).collect();
    for a in &mut story.articles {
        a.text = bodies.get(a.id.as_str()).map(|b| b.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_line_needs_an_id_a_date_and_a_body() {
        let ok = parse_article(r#"{"id":"a","published":"2020-03-04","body":"It rained.","title":null,"extra":1}"#).unwrap();
        assert_eq!((ok.id.as_str(), ok.title, ok.published.to_string()), ("a", None, "2020-03-04".to_string()));
        let missing = parse_article(r#"{"id":"a","body":"x"}"#).unwrap_err();
        assert!(missing.contains("published"), "{missing}");
        let bad_date = parse_article(r#"{"id":"a","published":"2020-13-01","body":"x"}"#).unwrap_err();
        assert!(bad_date.contains("2020-13-01") || bad_date.contains("month"), "{bad_date}");
        assert!(parse_article(r#"{"id":" ","published":"2020-03-04","body":"x"}"#).unwrap_err().contains("empty"));
        assert!(parse_article("not json").is_err());
    }

    #[test]
    fn a_report_with_skipped_lines_is_an_error() {
        assert_eq!(Report { done: 3, skipped: 0 }.result(), Ok(()));
        assert_eq!(Report { done: 3, skipped: 1 }.result(), Err("1 bad line skipped, 3 processed".to_string()));
    }
}
