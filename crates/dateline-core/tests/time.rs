//! Data-driven cases for the time stage: `tests/data/time/*.txt` (format in
//! the folder's README). Each text line is an article body; the caret lines
//! under it list every expression the stage must find, with type and value.

use std::fmt::Write as _;

use dateline_core::segment::segment;
use dateline_core::time::timexes;
use dateline_core::Date;

mod carets;
use carets::underline;

/// A marked expression: type, value and, optionally, `mod=...`.
struct Expected {
    start: usize,
    end: usize,
    kind: String,
    value: String,
    modifier: Option<String>,
}

struct Case {
    file: String,
    line: usize,
    anchor: Date,
    text: String,
    expected: Vec<Expected>,
}

fn load_cases() -> Vec<Case> {
    carets::load("time", Some("anchor"))
        .into_iter()
        .map(|c| {
            let anchor = c.header.as_deref().map(|d| Date::parse(d).unwrap()).unwrap_or_else(|| panic!("{}:{}: no `anchor:` line before the first case", c.file, c.line));
            let expected = c
                .marks
                .into_iter()
                .map(|m| {
                    let mut words = m.expect.into_iter();
                    let kind = words.next().expect("type");
                    let value = words.next().expect("value");
                    let modifier = words.next().map(|m| m.trim_start_matches("mod=").to_string());
                    Expected { start: m.start, end: m.end, kind, value, modifier }
                })
                .collect();
            Case { file: c.file, line: c.line, anchor, text: c.text, expected }
        })
        .collect()
}

#[test]
fn time_cases() {
    let cases = load_cases();
    assert!(cases.len() > 60, "expected the case files to be found");
    let mut report = String::new();
    let mut failed = 0;
    for case in &cases {
        let seg = segment(&case.text);
        let found = timexes(&case.text, &seg, case.anchor);
        let mut problems = Vec::new();
        for e in &case.expected {
            let hit = found.iter().find(|t| t.span.start == e.start && t.span.end == e.end);
            match hit {
                None => problems.push(format!("{}  missing {} {}", underline(&case.text, e.start, e.end), e.kind, e.value)),
                Some(t) => {
                    let mod_ok = e.modifier.as_deref().is_none_or(|m| t.modifier == Some(m));
                    if t.kind.name() != e.kind || t.value.to_string() != e.value || !mod_ok {
                        problems.push(format!(
                            "{}  expected {} {}{}, got {} {} {:?} ({})",
                            underline(&case.text, e.start, e.end),
                            e.kind,
                            e.value,
                            e.modifier.as_deref().map(|m| format!(" mod={m}")).unwrap_or_default(),
                            t.kind.name(),
                            t.value,
                            t.modifier,
                            t.note
                        ));
                    }
                }
            }
        }
        for t in &found {
            assert!(!t.note.is_empty(), "every value carries a note: {:?}", t);
            if !case.expected.iter().any(|e| e.start == t.span.start && e.end == t.span.end) {
                problems.push(format!("{}  unexpected {} {} ({})", underline(&case.text, t.span.start, t.span.end), t.kind.name(), t.value, t.note));
            }
        }
        if !problems.is_empty() {
            failed += 1;
            let _ = writeln!(report, "\n{}:{} (anchor {})\n{}", case.file, case.line, case.anchor, case.text);
            for p in problems {
                let _ = writeln!(report, "{p}");
            }
        }
    }
    assert!(failed == 0, "{failed} of {} cases failed:{report}", cases.len());
}
