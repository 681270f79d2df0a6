//! Data-driven cases for the events stage: `tests/data/events/*.txt` (format
//! in the folder's README).

use dateline_core::events::{timeline, ArticleInput, Item};
use dateline_core::segment::{segment, Segmentation};
use dateline_core::time::{timexes, Timex};
use dateline_core::Date;

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

fn holds(case: &Case, item: &Item, needle: &str) -> bool {
    item.evidence.iter().any(|&(a, span)| span.text(&case.texts[a]).contains(needle) || needle.contains(span.text(&case.texts[a])) && span.text(&case.texts[a]).len() > 8)
}

#[test]
fn event_cases() {
    let cases = load_cases();
    assert!(cases.len() >= 10);
    let mut failures = Vec::new();
    for case in &cases {
        let segs: Vec<Segmentation> = case.texts.iter().map(|t| segment(t)).collect();
        let times: Vec<Vec<Timex>> = case.texts.iter().zip(&segs).map(|(t, s)| timexes(t, s, case.anchor)).collect();
        let ids: Vec<String> = (0..case.texts.len()).map(|i| format!("a{i}")).collect();
        let inputs: Vec<ArticleInput<'_>> = (0..case.texts.len())
            .map(|i| ArticleInput { id: &ids[i], body: &case.texts[i], segmentation: &segs[i], timexes: &times[i], published: case.anchor, mentions: &[] })
            .collect();
        let story = timeline(&inputs);
        let show = || {
            story
                .items
                .iter()
                .map(|it| format!("  {:?} {:?}..{:?} {} {:?}", it.value.map(|v| v.to_string()), it.earliest, it.latest, it.label, it.evidence.iter().map(|&(a, s)| s.text(&case.texts[a])).collect::<Vec<_>>()))
                .collect::<Vec<_>>()
                .join("\n")
        };
        for check in &case.checks {
            let ok = if let Some(rest) = check.strip_prefix("expect:") {
                let (needle, want) = rest.split_once("=>").expect("expect: text => field value");
                let (field, value) = want.trim().split_once(' ').expect("field value");
                story.items.iter().find(|it| holds(case, it, needle.trim())).is_some_and(|it| match field {
                    "value" => it.value.map(|v| v.to_string()).as_deref() == Some(value),
                    "latest" => it.value.is_none() && it.latest.map(|d| d.to_string()).as_deref() == Some(value),
                    "earliest" => it.value.is_none() && it.earliest.map(|d| d.to_string()).as_deref() == Some(value),
                    other => panic!("unknown field {other}"),
                })
            } else if let Some(rest) = check.strip_prefix("merged:") {
                let (a, b) = rest.split_once('|').expect("merged: a | b");
                story.items.iter().any(|it| holds(case, it, a.trim()) && holds(case, it, b.trim()))
            } else if let Some(rest) = check.strip_prefix("absent:") {
                !story.items.iter().any(|it| holds(case, it, rest.trim()))
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
