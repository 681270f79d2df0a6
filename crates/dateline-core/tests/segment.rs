//! Data-driven sentence segmentation tests: `tests/data/sentences.txt`.

use dateline_core::segment::segment;

struct Case {
    name: String,
    input: String,
    expected: Vec<String>,
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

fn cases() -> Vec<Case> {
    let raw = include_str!("data/sentences.txt");
    let mut out = Vec::new();
    for block in raw.split("\n===\n") {
        let lines: Vec<&str> = block.lines().collect();
        let name = lines.iter().rev().find(|l| l.starts_with('#')).map_or("?", |l| l.trim_start_matches("# ")).to_string();
        let body: Vec<&str> = lines.into_iter().filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
        let split = body.iter().position(|l| *l == "---").unwrap_or_else(|| panic!("case {name:?} has no --- line"));
        out.push(Case {
            name,
            input: unescape(&body[..split].join("\n")),
            expected: body[split + 1..].iter().map(|l| unescape(l)).collect(),
        });
    }
    out
}

#[test]
fn sentence_cases() {
    let cases = cases();
    assert!(cases.len() >= 10);
    let mut failures = Vec::new();
    for case in &cases {
        let seg = segment(&case.input);
        let got: Vec<String> = seg.sentences.iter().map(|s| s.span.text(&case.input).to_string()).collect();
        if got != case.expected {
            failures.push(format!("{}:\n  expected {:?}\n  got      {:?}", case.name, case.expected, got));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
