//! Data-driven cases for the events stage: `tests/data/events/*.txt` (format
//! in the folder's README).

use dateline_core::story::{extract, EventOut, Evidence, Input};
use dateline_core::{Date, Document};

struct Case {
    origin: String,
    anchor: Date,
    texts: Vec<String>,
    checks: Vec<String>,
}

fn load_cases() -> Vec<Case> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/events");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let mut current: Option<Case> = None;
        for (n, line) in std::fs::read_to_string(&path).unwrap().lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            if line.trim().is_empty() {
                cases.extend(current.take());
                continue;
            }
            if let Some(date) = line.strip_prefix("anchor:") {
                cases.extend(current.take());
                current = Some(Case { origin: format!("{name}:{}", n + 1), anchor: Date::parse(date.trim()).unwrap(), texts: Vec::new(), checks: Vec::new() });
                continue;
            }
            let case = current.as_mut().unwrap_or_else(|| panic!("{name}:{}: no anchor", n + 1));
            match line.strip_prefix("text:") {
                Some(text) => case.texts.push(text.trim().to_string()),
                None => case.checks.push(line.to_string()),
            }
        }
        cases.extend(current);
    }
    cases
}

/// The text of an evidence span: article "a{i}" is the case's i-th text.
fn evidence_text<'c>(case: &'c Case, ev: &Evidence) -> &'c str {
    let article = ev.article.strip_prefix('a').and_then(|i| i.parse::<usize>().ok()).expect("article ids are a0, a1, ...");
    ev.span.text(&case.texts[article])
}

fn holds(case: &Case, item: &EventOut, needle: &str) -> bool {
    item.evidence.iter().any(|ev| {
        let text = evidence_text(case, ev);
        text.contains(needle) || needle.contains(text) && text.len() > 8
    })
}

#[test]
fn event_cases() {
    let cases = load_cases();
    assert!(cases.len() >= 10);
    let mut failures = Vec::new();
    for case in &cases {
        // The whole pipeline: the events stage reads every earlier stage's output.
        let docs: Vec<Document> = case
            .texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document { id: format!("a{i}"), title: None, outlet: None, published: case.anchor, url: None, body: t.clone() })
            .collect();
        let inputs: Vec<Input<'_>> = docs.iter().map(|d| Input { document: d, path: "" }).collect();
        let story = extract(&inputs);
        let items = &story.events;
        let show = || {
            items
                .iter()
                .map(|it| {
                    let evidence: Vec<&str> = it.evidence.iter().map(|ev| evidence_text(case, ev)).collect();
                    format!("  {:?} {:?}..{:?} {} {:?}", it.when.value, it.when.earliest, it.when.latest, it.label, evidence)
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        for check in &case.checks {
            let ok = if let Some(rest) = check.strip_prefix("expect:") {
                let (needle, want) = rest.split_once("=>").expect("expect: text => field value");
                let (field, value) = want.trim().split_once(' ').expect("field value");
                items.iter().find(|it| holds(case, it, needle.trim())).is_some_and(|it| match field {
                    "value" => it.when.value.as_deref() == Some(value),
                    "latest" => it.when.value.is_none() && it.when.latest.as_deref() == Some(value),
                    "earliest" => it.when.value.is_none() && it.when.earliest.as_deref() == Some(value),
                    other => panic!("unknown field {other}"),
                })
            } else if let Some(rest) = check.strip_prefix("merged:") {
                let (a, b) = rest.split_once('|').expect("merged: a | b");
                items.iter().any(|it| holds(case, it, a.trim()) && holds(case, it, b.trim()))
            } else if let Some(rest) = check.strip_prefix("absent:") {
                !items.iter().any(|it| holds(case, it, rest.trim()))
            } else {
                panic!("{}: unknown check {check:?}", case.origin)
            };
            if !ok {
                failures.push(format!("{}: {check}\n{}", case.origin, show()));
            }
        }
    }
    assert!(failures.is_empty(), "{} checks failed:\n{}", failures.len(), failures.join("\n"));
}
