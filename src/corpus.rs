//! The articles embedded at build time (see `build.rs`).

use dateline_core::story::{Extraction, Input};
use dateline_core::{Date, Document};

use crate::import::StoredArticle;
use crate::model::Corpus;

/// One article compiled into the app.
#[derive(Debug)]
pub struct EmbeddedArticle {
    /// The file stem: unique, used in URLs and evidence.
    pub id: &'static str,
    /// Path relative to the project, e.g. `articles/x.txt`.
    pub file: &'static str,
    pub title: &'static str,
    pub outlet: Option<&'static str>,
    pub url: Option<&'static str>,
    pub published: Date,
    pub body: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/corpus.rs"));

impl EmbeddedArticle {
    pub fn document(&self) -> Document {
        Document {
            id: self.id.to_string(),
            title: Some(self.title.to_string()),
            outlet: self.outlet.map(str::to_string),
            published: self.published,
            url: self.url.map(str::to_string),
            body: self.body.to_string(),
        }
    }
}

/// The engine's run over the embedded corpus and the imported articles, a
/// step at a time (see [`Extraction`]), so the page can stay responsive.
pub struct Pending {
    docs: Vec<Document>,
    paths: Vec<&'static str>,
    extraction: Extraction,
}

impl Pending {
    /// The embedded articles, then the imported ones (those whose stored date reads).
    pub fn new(imported: &[StoredArticle]) -> Pending {
        let mut docs: Vec<Document> = CORPUS.iter().map(EmbeddedArticle::document).collect();
        let mut paths: Vec<&'static str> = CORPUS.iter().map(|a| a.file).collect();
        for a in imported {
            if let Some(d) = a.document() {
                docs.push(d);
                paths.push("");
            }
        }
        Pending { docs, paths, extraction: Extraction::default() }
    }

    /// Runs one step; false when only [`Pending::finish`] is left.
    pub fn step(&mut self) -> bool {
        self.extraction.step(&inputs(&self.docs, &self.paths))
    }

    /// (articles through their own stages, articles in all).
    pub fn progress(&self) -> (usize, usize) {
        (self.extraction.articles_done(), self.docs.len())
    }

    /// Merges the timeline and assembles the story.
    pub fn finish(self) -> Corpus {
        let story = self.extraction.finish(&inputs(&self.docs, &self.paths));
        Corpus::new(self.docs, story)
    }
}

fn inputs<'a>(docs: &'a [Document], paths: &'a [&'static str]) -> Vec<Input<'a>> {
    docs.iter().zip(paths).map(|(document, path)| Input { document, path }).collect()
}

/// Runs the engine over the embedded corpus and the imported articles, all at once.
#[cfg(test)]
pub fn build_corpus(imported: &[StoredArticle]) -> Corpus {
    let mut pending = Pending::new(imported);
    while pending.step() {}
    pending.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_is_embedded_with_metadata() {
        assert!(CORPUS.len() >= 2);
        for article in CORPUS {
            assert!(!article.title.is_empty());
            assert!(!article.body.trim().is_empty());
            assert!(article.file.starts_with("articles/"));
        }
    }

    #[test]
    fn bodies_match_their_files_after_the_header() {
        for article in CORPUS {
            let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + article.file).unwrap();
            assert!(text.ends_with(article.body), "{}", article.file);
        }
    }

    #[test]
    fn stepping_reports_progress_and_gives_the_same_corpus() {
        let mut pending = Pending::new(&[]);
        let mut seen = vec![pending.progress()];
        while pending.step() {
            seen.push(pending.progress());
        }
        let total = CORPUS.len();
        assert_eq!(seen.first(), Some(&(0, total)));
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0 && w[1].0 <= total), "{seen:?}");
        assert_eq!(pending.progress(), (total, total));
        let stepped = pending.finish();
        assert_eq!(format!("{:?}", stepped.story), format!("{:?}", build_corpus(&[]).story));
    }

    #[test]
    fn engine_runs_on_the_corpus() {
        let corpus = build_corpus(&[]);
        assert_eq!(corpus.story.articles.len(), CORPUS.len());
        assert!(corpus.story.articles.iter().all(|a| !a.sentences.is_empty()));
    }
}
