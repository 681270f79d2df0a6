//! The articles embedded at build time (see `build.rs`).

#[cfg(test)]
use dateline_core::story::Input;
use dateline_core::{Date, Document};

use crate::import::StoredArticle;
#[cfg(test)]
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

/// The documents to extract: the embedded articles, then the imported
/// ones (those whose stored date reads); and the path of each (empty for
/// imports).
pub fn documents(imported: &[StoredArticle]) -> (Vec<Document>, Vec<&'static str>) {
    let mut docs: Vec<Document> = CORPUS.iter().map(EmbeddedArticle::document).collect();
    let mut paths: Vec<&'static str> = CORPUS.iter().map(|a| a.file).collect();
    for a in imported {
        if let Some(d) = a.document() {
            docs.push(d);
            paths.push("");
        }
    }
    (docs, paths)
}

/// Runs the engine over the embedded corpus and the imported articles, all at once.
#[cfg(test)]
pub fn build_corpus(imported: &[StoredArticle]) -> Corpus {
    let (docs, paths) = documents(imported);
    let inputs: Vec<Input<'_>> = docs.iter().zip(&paths).map(|(document, path)| Input { document, path }).collect();
    let story = dateline_core::story::extract(&inputs);
    Corpus::new(docs, story)
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
    fn articles_one_by_one_then_merged_give_the_story() {
        // What the page does (each article apart, then the merge) is the engine's story.
        let (docs, paths) = documents(&[]);
        let mut articles: Vec<_> = docs.iter().map(dateline_core::story::extract_article).collect();
        for (a, p) in articles.iter_mut().zip(&paths) {
            a.path = p.to_string();
        }
        let merged = dateline_core::story::merge(&articles);
        assert_eq!(merged, build_corpus(&[]).story);
    }

    #[test]
    fn engine_runs_on_the_corpus() {
        let corpus = build_corpus(&[]);
        assert_eq!(corpus.story.articles.len(), CORPUS.len());
        assert!(corpus.story.articles.iter().all(|a| !a.sentences.is_empty()));
    }
}
