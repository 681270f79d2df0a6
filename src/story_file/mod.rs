//! Opening a story computed elsewhere: the JSON that `dateline extract
//! --text`, `dateline merge --text` or the Spark job (one file per story)
//! write. It is shown as it is, without running the engine: an in-memory
//! view until the user goes back to their articles (or reloads). Plain
//! functions, tested natively; `crate::json` reads the text, `read` the story.

pub mod read;
pub mod view;

use crate::model::{display_title, Corpus};

/// The largest story file accepted, in bytes.
pub const MAX_BYTES: usize = 64_000_000;

/// A story read from a file.
pub struct Opened {
    /// The file's name, as the user chose it.
    pub name: String,
    pub corpus: Corpus,
    /// The titles of the articles whose text the file does not carry.
    pub missing: Vec<String>,
}

/// Reads a story file; the error names the file and what is wrong.
pub fn open(name: &str, size: usize, bytes: &[u8]) -> Result<Opened, String> {
    let fail = |what: &str| format!("Could not open {name}: {what}. Nothing was changed.");
    if size > MAX_BYTES {
        return Err(fail(&format!("it is too large ({} MB; the limit is {} MB)", size / 1_000_000, MAX_BYTES / 1_000_000)));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| fail("it is not UTF-8 text"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let tree = crate::json::parse(text).map_err(|e| fail(&format!("it is not JSON ({e})")))?;
    let (story, docs) = read::story(&tree).map_err(|e| fail(&e))?;
    let missing = docs.iter().filter(|d| d.body.is_empty()).map(display_title).collect();
    Ok(Opened { name: name.to_string(), corpus: Corpus::new(docs, story), missing })
}

impl Opened {
    /// What the banner says: the file, how much it holds, the missing texts.
    pub fn summary(&self) -> String {
        let c = &self.corpus;
        let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        let mut s = format!(
            "Showing {}: {}, {}, {}, computed elsewhere (not extracted here; not kept after a reload).",
            self.name,
            n(c.docs.len(), "article", "articles"),
            n(c.story.events.len(), "timeline item", "timeline items"),
            n(c.story.articles.iter().map(|a| a.quotes.len()).sum(), "quote", "quotes"),
        );
        if !self.missing.is_empty() {
            let titles: Vec<String> = self.missing.iter().map(|t| format!("“{t}”")).collect();
            s.push_str(&format!(" The file has no text for {}: {}.", n(self.missing.len(), "article", "articles"), titles.join(", ")));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::build_corpus;
    use crate::model;
    use crate::state::ViewState;

    /// The embedded corpus's story as `dateline extract --text` writes it.
    fn story_json(with_text: bool) -> (Corpus, String) {
        let c = build_corpus(&[]);
        let mut story = c.story.clone();
        if with_text {
            for (a, d) in story.articles.iter_mut().zip(&c.docs) {
                a.text = Some(d.body.clone());
            }
        }
        let json = serde_json::to_string_pretty(&story).unwrap();
        (c, json)
    }

    #[test]
    fn a_story_with_texts_opens_as_the_engine_made_it() {
        let (c, json) = story_json(true);
        let o = open("story.json", json.len(), json.as_bytes()).unwrap();
        assert!(o.missing.is_empty());
        assert_eq!(o.corpus.docs, c.docs);
        // The explorer does not read event mentions or stories (built without them;
        // `cargo test --workspace` turns the engine's features on).
        let mut want = c.story.clone();
        want.stories.clear();
        for a in &mut want.articles {
            a.event_mentions.clear();
        }
        assert_eq!(o.corpus.story, want);
        let v = ViewState::default();
        assert_eq!(model::timeline(&o.corpus, &v), model::timeline(&c, &v));
        assert_eq!(model::speaker_panels(&o.corpus, &v), model::speaker_panels(&c, &v));
        assert_eq!(model::reader_articles(&o.corpus, &[]), model::reader_articles(&c, &[]));
        assert!(o.summary().starts_with(&format!("Showing story.json: {} articles, {} timeline items", c.docs.len(), c.story.events.len())), "{}", o.summary());
        // What the app exports opens too.
        let exported = crate::export::story_json(&o.corpus);
        assert!(open("x.json", exported.len(), exported.as_bytes()).is_ok());
    }

    #[test]
    fn missing_texts_are_named_and_the_views_still_build() {
        let (c, json) = story_json(false);
        let o = open("s.json", json.len(), json.as_bytes()).unwrap();
        let titles: Vec<String> = c.docs.iter().map(model::display_title).collect();
        assert_eq!(o.missing, titles);
        assert!(o.summary().contains("The file has no text for 2 articles"), "{}", o.summary());
        let v = ViewState { query: "said".into(), entity: Some("e1".into()), ..Default::default() };
        let t = model::timeline(&o.corpus, &ViewState::default());
        assert_eq!(t.total, c.story.events.len());
        assert!(t.days.iter().flat_map(|d| &d.items).all(|i| i.evidence.iter().all(|e| e.text == model::NO_TEXT)));
        let panels = model::speaker_panels(&o.corpus, &ViewState::default());
        assert!(!panels.is_empty() && panels.iter().flat_map(|p| &p.groups).flat_map(|g| &g.quotes).all(|q| q.text == model::NO_TEXT));
        let _ = (model::speaker_panels(&o.corpus, &v), model::matching_sentences(&o.corpus, &v), model::timeline(&o.corpus, &v));
        let readers = model::reader_articles(&o.corpus, &[]);
        assert!(readers.iter().all(|r| r.paragraphs.len() == 1 && r.paragraphs[0].sentences[0].text == model::NO_TEXT_READER));
        let sel = crate::state::Selection::Quote { article: c.story.articles[0].id.clone(), index: 0 };
        let _ = model::selected_sentences(&o.corpus, Some(&sel));
    }

    fn err(json: &str) -> String {
        open("bad.json", json.len(), json.as_bytes()).err().unwrap()
    }

    #[test]
    fn a_bad_file_is_refused_naming_the_file_and_the_problem() {
        let art = r#"{"id": "a", "published": "2017-04-12", "text": "Hello world."#;
        let cases = [
            ("not json", "not JSON (line 1, column 1"),
            ("[1, 2]", "not a story JSON"),
            (r#"{"schema": 1}"#, "no “articles” list"),
            (r#"{"schema": 1, "document": {}}"#, "merge it first"),
            (r#"{"schema": 2, "articles": []}"#, "schema 1"),
            (r#"{"schema": 1, "articles": []}"#, "no articles"),
            (r#"{"schema": 1, "articles": [{"id": "a"}]}"#, "articles[0].published: missing"),
            (r#"{"schema": 1, "articles": [{"id": "a", "published": "12/04/2017"}]}"#, "articles[0].published: “12/04/2017” is not a date"),
            (&format!(r#"{{"schema": 1, "articles": [{art}", "sentences": [[0, 99]]}}]}}"#), "articles[0].sentences[0]: [0, 99] is not inside the article's text (12 bytes)"),
            (&format!(r#"{{"schema": 1, "articles": [{art}", "sentences": [[5, 2]]}}]}}"#), "[5, 2] ends before it starts"),
            (&format!(r#"{{"schema": 1, "articles": [{art}", "quotes": [{{"content": [0, 5], "kind": "direct", "cue": [1, "x"]}}]}}]}}"#), "articles[0].quotes[0].cue: expected [start, end]"),
            (&format!(r#"{{"schema": 1, "articles": [{art}", "timexes": [{{"span": [0, 5], "type": "DATE", "value": "soon"}}]}}]}}"#), "articles[0].timexes[0].value: “soon” is not a TIMEX3 value"),
            (&format!(r#"{{"schema": 1, "articles": [{art}"}}, {art}"}}]}}"#), "two articles have the id “a”"),
            (&format!(r#"{{"schema": 1, "articles": [{art}"}}], "entities": [{{"id": "e1", "name": "A"}}, {{"id": "e1", "name": "B"}}]}}"#), "two entities have the id “e1”"),
            (&format!(r#"{{"schema": 1, "articles": [{art}"}}], "events": [{{"id": "v1", "label": "x", "evidence": [{{"article": "b", "span": [0, 1]}}]}}]}}"#), "events[0].evidence[0].article: no article “b”"),
            (&format!(r#"{{"schema": 1, "articles": [{art}"}}], "events": [{{"id": "v1", "label": "x", "evidence": [{{"article": "a", "span": [0, 100]}}]}}]}}"#), "events[0].evidence[0].span: [0, 100] is not inside the text of “a”"),
            (&format!(r#"{{"schema": 1, "articles": [{art}", "quotes": [{{"content": [0, 5], "kind": "direct", "said": {{"basis": "later", "value": "2017"}}}}]}}]}}"#), "articles[0].quotes[0].said.basis: “later”"),
        ];
        for (json, want) in cases {
            let e = err(json);
            assert!(e.starts_with("Could not open bad.json: ") && e.ends_with("Nothing was changed."), "{e}");
            assert!(e.contains(want), "{json}\n=> {e}\nwanted {want:?}");
        }
        // A span cutting a character in two.
        let e = err(r#"{"schema": 1, "articles": [{"id": "a", "published": "2017-04-12", "text": "é", "sentences": [[0, 1]]}]}"#);
        assert!(e.contains("character boundaries"), "{e}");
        assert!(open("x.json", 3, &[0xff, 0xfe, 0]).err().unwrap().contains("not UTF-8"));
        assert!(open("x.json", MAX_BYTES + 1, b"{}").err().unwrap().contains("too large"));
    }

    #[test]
    fn any_cut_of_a_story_opens_or_fails_cleanly() {
        let (_, json) = story_json(true);
        let json = json.replace("\n", "");
        // Every prefix (on a char boundary) of the first part of the file, and a few edits.
        for i in (0..json.len().min(3000)).chain([json.len() / 2, json.len() - 1]) {
            if let Some(p) = json.get(..i) {
                assert!(open("x.json", p.len(), p.as_bytes()).is_err());
            }
        }
        for (from, to) in [("\"published\"", "\"publishd\""), ("[", "{"), ("1", "-1"), ("0", "99999999999"), ("\"id\"", "\"di\"")] {
            let edited = json.replacen(from, to, 3);
            if let Ok(o) = open("x.json", edited.len(), edited.as_bytes()) {
                let v = ViewState::default();
                let _ = (model::timeline(&o.corpus, &v), model::speaker_panels(&o.corpus, &v), model::reader_articles(&o.corpus, &[]));
            }
        }
    }
}
