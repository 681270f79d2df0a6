//! Data-driven cases for the time stage: `tests/data/time/*.txt` (format in
//! the folder's README). Each text line is an article body; the caret lines
//! under it list every expression the stage must find, with type and value.

use std::fmt::Write as _;

use dateline_core::segment::segment;
use dateline_core::time::timexes;
use dateline_core::Date;

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
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/time");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    let mut cases: Vec<Case> = Vec::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let mut anchor: Option<Date> = None;
        for (n, line) in std::fs::read_to_string(&path).unwrap().lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(date) = line.strip_prefix("anchor:") {
                anchor = Some(Date::parse(date.trim()).unwrap());
                continue;
            }
            let trimmed = line.trim_start();
            if trimmed.starts_with('^') {
                let case = cases.last_mut().unwrap_or_else(|| panic!("{file}:{}: caret line before any text", n + 1));
                let column = line.chars().count() - trimmed.chars().count();
                let carets = trimmed.chars().take_while(|c| *c == '^').count();
                let mut rest = trimmed[carets..].split_whitespace();
                let kind = rest.next().expect("type").to_string();
                let value = rest.next().expect("value").to_string();
                let modifier = rest.next().map(|m| m.trim_start_matches("mod=").to_string());
                let byte = |c: usize| case.text.char_indices().nth(c).map_or(case.text.len(), |(b, _)| b);
                let (start, end) = (byte(column), byte(column + carets));
                case.expected.push(Expected { start, end, kind, value, modifier });
                continue;
            }
            let anchor = anchor.unwrap_or_else(|| panic!("{file}:{}: no `anchor:` line before the first case", n + 1));
            cases.push(Case { file: file.clone(), line: n + 1, anchor, text: line.to_string(), expected: Vec::new() });
        }
    }
    cases
}

fn underline(text: &str, start: usize, end: usize) -> String {
    let pad = text[..start].chars().count();
    let width = text[start..end].chars().count().max(1);
    format!("{}{}", " ".repeat(pad), "^".repeat(width))
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
