//! Reading articles: article files and folders (`extract`), and the CSV
//! files of the Wikinews sample (`bench`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use dateline_core::document::{decode, parse_article};
use dateline_core::{Date, Document};

/// The article files of `path`: the file itself, or a folder's `.txt` and
/// `.md` files (not hidden ones), sorted by name.
pub fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {}", path.display(), io_reason(&e)))?;
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let entries = std::fs::read_dir(path).map_err(|e| format!("{}: {}", path.display(), io_reason(&e)))?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|p| {
            let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
            let ext = p.extension().and_then(|e| e.to_str());
            !hidden && p.is_file() && matches!(ext, Some("txt" | "md"))
        })
        .collect();
    if found.is_empty() {
        return Err(format!("{}: folder has no .txt or .md articles", path.display()));
    }
    found.sort();
    out.extend(found);
    Ok(())
}

/// An I/O error as a reader would say it.
pub fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Each file's article id: its stem, made unique with `-2`, `-3`, ... in order.
pub fn ids(paths: &[PathBuf]) -> Vec<String> {
    let mut taken: HashSet<String> = HashSet::new();
    paths
        .iter()
        .map(|path| {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string();
            let mut id = stem.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{stem}-{n}");
                n += 1;
            }
            taken.insert(id.clone());
            id
        })
        .collect()
}

/// Reads one article file into a document with id `id`.
pub fn load(path: &Path, published: Option<Date>, id: String) -> Result<Document, String> {
    let name = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {}", io_reason(&e)))?;
    let text = decode(bytes).map_err(|e| format!("{name}:{}: {}", e.line, e.message))?;
    let (header, offset) = parse_article(&text).map_err(|e| format!("{name}:{}: {}", e.line, e.message))?;
    let published = header.published.or(published).ok_or_else(|| {
        format!("{name}: no publication date; give --published YYYY-MM-DD or a `published:` header line")
    })?;
    let mut body = text;
    body.drain(..offset);
    Ok(Document { id, title: header.title, outlet: header.outlet, published, url: header.url, body })
}

/// Every article of the CSV files (`url,date,title,text`, RFC 4180) in
/// `path` (a file or a folder of them), ids `a1`, `a2`, ... by row.
pub fn csv_documents(path: &Path) -> Result<Vec<Document>, String> {
    let path = path.to_path_buf();
    let mut files = Vec::new();
    if path.is_dir() {
        let entries = std::fs::read_dir(&path).map_err(|e| format!("{}: {}", path.display(), io_reason(&e)))?;
        files.extend(entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "csv")));
        files.sort();
    } else {
        files.push(path.clone());
    }
    if files.is_empty() {
        return Err(format!("{}: no .csv files", path.display()));
    }
    let mut documents = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {}", file.display(), io_reason(&e)))?;
        let rows = parse_csv(&text);
        let header = rows.first().ok_or_else(|| format!("{}: empty CSV", file.display()))?;
        let col = |name: &str| header.iter().position(|h| h == name).ok_or_else(|| format!("{}: no `{name}` column", file.display()));
        let (date_col, text_col) = (col("date")?, col("text")?);
        for row in rows.iter().skip(1) {
            let (Some(date), Some(body)) = (row.get(date_col), row.get(text_col)) else { continue };
            let published = Date::parse(date).unwrap_or(Date::new(2020, 1, 1).expect("valid date"));
            documents.push(Document { id: format!("a{}", documents.len() + 1), title: None, outlet: None, published, url: None, body: body.clone() });
        }
    }
    Ok(documents)
}

/// Rows of an RFC 4180 CSV text (double-quoted fields may hold commas,
/// line breaks and doubled quotes).
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}
