//! A backup of the user's articles: one JSON file that "Export my articles"
//! writes and importing restores exactly. Plain functions, tested natively.
//!
//! Shape: the JSON array of [`StoredArticle`]s that the old `localStorage`
//! store held (`[{"id", "title", "outlet", "published", "body", "url"?}]`),
//! in the order they were added: one reader for both, no second format.

use crate::import::{to_stored, StoredArticle, MAX_BYTES};

/// The file name of a backup.
pub const FILE_NAME: &str = "dateline-my-articles.json";

/// The backup of `articles`, in their order.
pub fn to_backup(articles: &[StoredArticle]) -> String {
    to_stored(articles) + "\n"
}

/// The articles of a backup file named `name`, or why it cannot be read.
/// Every article is checked as an import would be.
pub fn parse_backup(name: &str, text: &str) -> Result<Vec<StoredArticle>, String> {
    let articles = crate::import::read_stored(text.trim_start_matches('\u{feff}'))
        .map_err(|e| format!("{name} is not a backup of Dateline articles ({e})."))?;
    for a in &articles {
        let label = a.title.clone().unwrap_or_else(|| a.id.clone());
        if a.id.trim().is_empty() || a.body.trim().is_empty() {
            return Err(format!("{name}: the article “{label}” has no id or no text."));
        }
        if a.document().is_none() {
            return Err(format!("{name}: the article “{label}” has no readable date ({}).", a.published));
        }
        if a.body.len() > MAX_BYTES {
            return Err(format!("{name}: the article “{label}” is longer than the {} KB limit.", MAX_BYTES / 1000));
        }
    }
    Ok(articles)
}

/// What restoring a backup does.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Restore {
    /// The articles to add, in the backup's order (an id already taken by a
    /// different article gets a suffix: `my-x-2`).
    pub added: Vec<StoredArticle>,
    /// The titles (else ids) of articles already present, left out.
    pub duplicates: Vec<String>,
}

/// Whether two articles are the same apart from their ids.
fn same_article(a: &StoredArticle, b: &StoredArticle) -> bool {
    (&a.title, &a.outlet, &a.published, &a.body, &a.url) == (&b.title, &b.outlet, &b.published, &b.body, &b.url)
}

/// Restores `incoming` next to `existing` (and `taken` ids of other articles,
/// e.g. the embedded ones): an article equal to one present (or earlier in
/// the backup) is a duplicate, never doubled; the others keep their ids
/// unless taken.
pub fn restore(existing: &[StoredArticle], taken: &[String], incoming: Vec<StoredArticle>) -> Restore {
    let mut out = Restore::default();
    let mut ids: Vec<String> = taken.iter().cloned().chain(existing.iter().map(|a| a.id.clone())).collect();
    for mut a in incoming {
        if existing.iter().chain(&out.added).any(|e| same_article(e, &a)) {
            out.duplicates.push(a.title.clone().unwrap_or_else(|| a.id.clone()));
            continue;
        }
        if ids.contains(&a.id) {
            let stem = a.id.clone();
            let mut n = 2;
            while ids.contains(&format!("{stem}-{n}")) {
                n += 1;
            }
            a.id = format!("{stem}-{n}");
        }
        ids.push(a.id.clone());
        out.added.push(a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, body: &str) -> StoredArticle {
        StoredArticle {
            id: id.into(),
            title: Some(format!("Title “{id}”")),
            outlet: None,
            published: "2020-01-02".into(),
            body: body.into(),
            url: Some("https://example.com/é".into()),
        }
    }

    #[test]
    fn round_trip_is_lossless() {
        let articles = vec![art("my-a", "Line one.\n\n\"Quoted,\" she said. Ünïcödé ✓ \u{1F600}"), StoredArticle { url: None, outlet: Some("O".into()), ..art("my-b", "B.") }];
        let text = to_backup(&articles);
        assert_eq!(parse_backup("b.json", &text).unwrap(), articles);
        let restored = restore(&[], &["seed".into()], parse_backup("b.json", &text).unwrap());
        assert_eq!(restored, Restore { added: articles, duplicates: vec![] });
    }

    #[test]
    fn duplicates_are_reported_not_doubled() {
        let a = art("my-a", "A.");
        let b = art("my-b", "B.");
        let r = restore(&[a.clone()], &[], vec![a.clone(), b.clone(), b.clone()]);
        assert_eq!(r.added, vec![b]);
        assert_eq!(r.duplicates, vec!["Title “my-a”", "Title “my-b”"]);
        // The same content under another id is still a duplicate.
        let r = restore(&[a.clone()], &[], vec![StoredArticle { id: "my-other".into(), ..a.clone() }]);
        assert!(r.added.is_empty() && r.duplicates.len() == 1);
    }

    #[test]
    fn a_taken_id_of_a_different_article_gets_a_suffix() {
        let a = art("my-a", "A.");
        let other = art("my-a", "Another text.");
        let r = restore(&[a.clone(), art("my-a-2", "x")], &[], vec![other.clone()]);
        assert_eq!(r.added, vec![StoredArticle { id: "my-a-3".into(), ..other }]);
    }

    #[test]
    fn bad_files_are_refused_by_name() {
        assert!(parse_backup("x.json", "{}").unwrap_err().starts_with("x.json is not a backup of Dateline articles"));
        assert!(parse_backup("x.json", "[1,2]").is_err());
        assert!(parse_backup("x.json", r#"[{"id":"a"}]"#).unwrap_err().contains("“published” is missing"));
        let bad_date = to_backup(&[StoredArticle { published: "2020-13-01".into(), ..art("my-a", "A.") }]);
        assert!(parse_backup("x.json", &bad_date).unwrap_err().contains("“Title “my-a””"));
        let empty = to_backup(&[art("my-a", " ")]);
        assert!(parse_backup("x.json", &empty).unwrap_err().contains("no id or no text"));
    }
}
