//! Data-driven attribution cases: `tests/data/attribution/*.txt`.
//!
//! A file holds cases separated by a line `===`. A case is the article body,
//! a line `---`, then the expected output, one item per line:
//!
//! ```text
//! quote direct | We will rebuild | cue said | source Mayor Ana Ortiz | speaker Ana Ortiz
//! entity Ana Ortiz | person | Mayor | -
//! ```
//!
//! Every quote of the article must be listed, in text order (`-` for none).
//! `entity` lines name entities that must exist (name | kind | titles joined
//! by `; ` | affiliation). Lines starting with `#` are comments. On a mismatch
//! the test prints the body with each quote's content underlined (`^^^`).
//! Set `DATELINE_BLESS=1` to rewrite the expectations from the output.

use dateline_core::story::{extract, Input, Story};
use dateline_core::{Date, Document};

fn render(story: &Story, body: &str) -> Vec<String> {
    let art = &story.articles[0];
    let name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| story.entities.iter().find(|e| &e.id == id))
            .map_or("-".to_string(), |e| e.name.clone())
    };
    let text = |s: Option<dateline_core::Span>| s.map_or("-".to_string(), |s| s.text(body).to_string());
    art.quotes
        .iter()
        .map(|q| {
            let mut line = format!(
                "quote {} | {} | cue {} | source {} | speaker {}",
                q.kind,
                q.content.text(body),
                text(q.cue),
                text(q.source),
                name(&q.speaker)
            );
            if let Some(via) = &q.via {
                line.push_str(&format!(" | via {} {} ({})", text(Some(via.cue)), text(via.source), name(&via.speaker)));
            }
            line
        })
        .collect()
}

fn underline(story: &Story, body: &str) -> String {
    let mut out = String::new();
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        out.push_str(line.trim_end_matches('\n'));
        out.push('\n');
        for q in &story.articles[0].quotes {
            let (s, e) = (q.content.start, q.content.end);
            let line_end = line_start + line.len();
            if s < line_end && e > line_start {
                let from = s.max(line_start) - line_start;
                let to = e.min(line_end) - line_start;
                let pad = line[..from].chars().count();
                let width = line[from..to].trim_end_matches('\n').chars().count().max(1);
                out.push_str(&format!("{}{} {}\n", " ".repeat(pad), "^".repeat(width), q.kind));
            }
        }
        line_start += line.len();
    }
    out
}

#[test]
fn attribution_cases() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/attribution");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
    files.sort();
    assert!(!files.is_empty());
    let bless = std::env::var_os("DATELINE_BLESS").is_some();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in files {
        let content = std::fs::read_to_string(&file).unwrap();
        let mut blessed = Vec::new();
        for case in content.split("\n===\n") {
            let case = if case.ends_with("\n---") { format!("{case}\n") } else { case.to_string() };
            let Some((input, expected)) = case.split_once("\n---\n") else { panic!("{}: case without ---", file.display()) };
            // leading comment lines describe the case
            let body: String = input.lines().skip_while(|l| l.starts_with('#')).collect::<Vec<_>>().join("\n");
            let header: Vec<&str> = input.lines().take_while(|l| l.starts_with('#')).collect();
            let doc = Document { id: "case".into(), title: None, outlet: None, published: Date::new(2020, 5, 6).unwrap(), url: None, body: body.clone() };
            let story = extract(&[Input { document: &doc, path: "" }]);
            let got = render(&story, &body);
            let want: Vec<&str> = expected.lines().filter(|l| l.starts_with("quote ")).collect();
            let entities: Vec<&str> = expected.lines().filter(|l| l.starts_with("entity ")).collect();
            count += 1;
            if bless {
                let mut text = header.join("\n");
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(&body);
                text.push_str("\n---\n");
                for l in &got {
                    text.push_str(l);
                    text.push('\n');
                }
                for l in &entities {
                    text.push_str(l);
                    text.push('\n');
                }
                blessed.push(text.trim_end().to_string());
                continue;
            }
            if got != want {
                failures.push(format!("{}: {}\n{}\n  want:\n    {}\n  got:\n    {}", file.display(), header.join(" "), underline(&story, &body), want.join("\n    "), got.join("\n    ")));
            }
            for line in entities {
                let parts: Vec<&str> = line["entity ".len()..].split(" | ").map(str::trim).collect();
                let found = story.entities.iter().any(|e| {
                    e.name == parts[0]
                        && parts.get(1).is_none_or(|k| e.kind == *k)
                        && parts.get(2).is_none_or(|t| *t == "-" || t.split("; ").all(|t| e.titles.iter().any(|x| x == t)))
                        && parts.get(3).is_none_or(|a| (*a == "-" && e.affiliation.is_none()) || e.affiliation.as_deref() == Some(*a))
                });
                if !found {
                    failures.push(format!("{}: missing {line}; entities: {:?}", file.display(), story.entities.iter().map(|e| (&e.name, &e.kind, &e.titles, &e.affiliation)).collect::<Vec<_>>()));
                }
            }
        }
        if bless {
            std::fs::write(&file, blessed.join("\n===\n") + "\n").unwrap();
        }
    }
    assert!(failures.is_empty(), "{} of {count} cases failed:\n\n{}", failures.len(), failures.join("\n\n"));
}
