//! Plain view models: what the components show, computed from the engine's
//! output without any reactive or DOM types, so it is tested natively.

use dateline_core::story::ArticleResult;
use dateline_core::Document;

/// An article as the article list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleSummary {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub published: String,
    pub sentences: usize,
}

/// A paragraph of the reader: its sentences' texts, in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderParagraph {
    pub sentences: Vec<ReaderSentence>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReaderSentence {
    pub index: usize,
    pub text: String,
    pub boilerplate: bool,
}

pub fn summarize(doc: &Document, result: &ArticleResult) -> ArticleSummary {
    ArticleSummary {
        id: doc.id.clone(),
        title: doc.title.clone().unwrap_or_else(|| doc.id.clone()),
        outlet: doc.outlet.clone().unwrap_or_else(|| "Unknown outlet".to_string()),
        published: doc.published.to_string(),
        sentences: result.sentences.len(),
    }
}

/// The reader's paragraphs, each with its sentences' text.
pub fn reader_paragraphs(doc: &Document, result: &ArticleResult) -> Vec<ReaderParagraph> {
    let seg = &result.segmentation;
    let mut out: Vec<ReaderParagraph> = seg.paragraphs.iter().map(|_| ReaderParagraph { sentences: Vec::new() }).collect();
    for (index, sentence) in seg.sentences.iter().enumerate() {
        out[sentence.paragraph].sentences.push(ReaderSentence {
            index,
            text: sentence.span.text(&doc.body).to_string(),
            boilerplate: sentence.boilerplate,
        });
    }
    out.retain(|p| !p.sentences.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::story::{extract, Input};
    use dateline_core::Date;

    fn doc(body: &str) -> Document {
        Document {
            id: "a".into(),
            title: None,
            outlet: None,
            published: Date::new(2020, 1, 2).unwrap(),
            url: None,
            body: body.into(),
        }
    }

    #[test]
    fn paragraphs_keep_every_sentence_in_order() {
        let d = doc("One. Two.\nRecommended\nThree.");
        let story = extract(&[Input { document: &d, path: "" }]);
        let paras = reader_paragraphs(&d, &story.articles[0]);
        let texts: Vec<Vec<&str>> =
            paras.iter().map(|p| p.sentences.iter().map(|s| s.text.as_str()).collect()).collect();
        assert_eq!(texts, vec![vec!["One.", "Two."], vec!["Recommended"], vec!["Three."]]);
        assert!(paras[1].sentences[0].boilerplate);
        assert_eq!(paras[2].sentences[0].index, 3);
    }

    #[test]
    fn summary_falls_back_for_missing_metadata() {
        let d = doc("Text.");
        let story = extract(&[Input { document: &d, path: "" }]);
        let s = summarize(&d, &story.articles[0]);
        assert_eq!((s.title.as_str(), s.outlet.as_str(), s.published.as_str(), s.sentences), ("a", "Unknown outlet", "2020-01-02", 1));
    }
}
