//! The `^^^` snapshot format of the data-driven cases (`tests/data/time`,
//! `tests/data/mentions`): a text line is an article body, and each caret
//! line under it marks a span of that text, followed by what is expected
//! there. `#` starts a comment line; a `key: value` header line (such as
//! `anchor: 2017-04-12`) applies to the cases after it.

// Each test file uses part of this module.
#![allow(dead_code)]

/// One marked span: byte offsets into the case's text, and the words after the carets.
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub expect: Vec<String>,
}

pub struct Case {
    pub file: String,
    pub line: usize,
    /// The last header line's value before this case, if any.
    pub header: Option<String>,
    pub text: String,
    pub marks: Vec<Mark>,
}

/// Every case of the `.txt` files of `tests/data/<folder>`, in file order;
/// `header` names the header line's key (e.g. "anchor").
pub fn load(folder: &str, header: Option<&str>) -> Vec<Case> {
    let dir = format!("{}/tests/data/{folder}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    let mut cases: Vec<Case> = Vec::new();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let mut current_header: Option<String> = None;
        for (n, line) in std::fs::read_to_string(&path).unwrap().lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(value) = header.and_then(|key| line.strip_prefix(key)).and_then(|rest| rest.strip_prefix(':')) {
                current_header = Some(value.trim().to_string());
                continue;
            }
            let trimmed = line.trim_start();
            if trimmed.starts_with('^') {
                let case = cases.last_mut().unwrap_or_else(|| panic!("{file}:{}: caret line before any text", n + 1));
                let column = line.chars().count() - trimmed.chars().count();
                let carets = trimmed.chars().take_while(|c| *c == '^').count();
                let byte = |c: usize| case.text.char_indices().nth(c).map_or(case.text.len(), |(b, _)| b);
                let expect = trimmed[carets..].split_whitespace().map(str::to_string).collect();
                case.marks.push(Mark { start: byte(column), end: byte(column + carets), expect });
                continue;
            }
            cases.push(Case { file: file.clone(), line: n + 1, header: current_header.clone(), text: line.to_string(), marks: Vec::new() });
        }
    }
    cases
}

/// Carets under `text[start..end]`, for a failure report.
pub fn underline(text: &str, start: usize, end: usize) -> String {
    let pad = text[..start].chars().count();
    let width = text[start..end].chars().count().max(1);
    format!("{}{}", " ".repeat(pad), "^".repeat(width))
}
