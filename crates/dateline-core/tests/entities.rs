//! Data-driven entity cases: `tests/data/entities/*.txt`.
//!
//! A file holds cases separated by a line `===`. A case is the article body
//! (leading `#` lines describe it), a line `---`, then one expectation per
//! line:
//!
//! ```text
//! mention Kestrel Aero | organization | Kestrel Aero
//! no UTC
//! entity Dana Whitlow | person | CEO | Kestrel Aero
//! ```
//!
//! * `mention TEXT | KIND [| ENTITY]`: some mention's text is TEXT, its
//!   entity has that kind (and that name);
//! * `no TEXT`: no mention's text is TEXT;
//! * `entity NAME | KIND | TITLES | AFFILIATION`: an entity of the story
//!   (titles joined by `; `, `-` for none or any).
//!
//! Every case was written for the project (made-up names), one pattern each.

use dateline_core::story::{extract, Input, Story};
use dateline_core::{Date, Document};

fn mentions(story: &Story, body: &str) -> Vec<(String, String, String)> {
    story.articles[0]
        .mentions
        .iter()
        .map(|m| {
            let e = story.entities.iter().find(|e| e.id == m.entity);
            (m.span.text(body).to_string(), e.map_or("-".into(), |e| e.kind.clone()), e.map_or("-".into(), |e| e.name.clone()))
        })
        .collect()
}

fn check(line: &str, story: &Story, found: &[(String, String, String)]) -> bool {
    if let Some(rest) = line.strip_prefix("mention ") {
        let parts: Vec<&str> = rest.split(" | ").map(str::trim).collect();
        return found.iter().any(|(text, kind, name)| text == parts[0] && parts.get(1).is_none_or(|k| kind == k) && parts.get(2).is_none_or(|n| name == n));
    }
    if let Some(text) = line.strip_prefix("no ") {
        return !found.iter().any(|(t, _, _)| t == text.trim());
    }
    if let Some(rest) = line.strip_prefix("entity ") {
        let parts: Vec<&str> = rest.split(" | ").map(str::trim).collect();
        return story.entities.iter().any(|e| {
            e.name == parts[0]
                && parts.get(1).is_none_or(|k| e.kind == *k)
                && parts.get(2).is_none_or(|t| *t == "-" || t.split("; ").all(|t| e.titles.iter().any(|x| x == t)))
                && parts.get(3).is_none_or(|a| *a == "-" || e.affiliation.as_deref() == Some(*a))
        });
    }
    panic!("unknown expectation: {line}");
}

#[test]
fn entity_cases() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/entities");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    let mut count = 0;
    for file in files {
        let content = std::fs::read_to_string(&file).unwrap();
        for case in content.split("\n===\n") {
            let Some((input, expected)) = case.split_once("\n---\n") else { panic!("{}: case without ---", file.display()) };
            let body: String = input.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n");
            let header: Vec<&str> = input.lines().filter(|l| l.starts_with('#')).collect();
            let doc = Document { id: "case".into(), title: None, outlet: None, published: Date::new(2020, 5, 6).unwrap(), url: None, body: body.clone() };
            let story = extract(&[Input { document: &doc, path: "" }]);
            let found = mentions(&story, &body);
            count += 1;
            for line in expected.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                if !check(line, &story, &found) {
                    let ents: Vec<_> = story.entities.iter().map(|e| (&e.name, &e.kind, &e.titles, &e.affiliation)).collect();
                    failures.push(format!("{}: {}\n  failed: {line}\n  mentions: {found:?}\n  entities: {ents:?}", file.display(), header.join(" ")));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} expectations failed in {count} cases:\n\n{}", failures.len(), failures.join("\n\n"));
}
