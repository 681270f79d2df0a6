//! `dateline`: the engine on the command line.
//!
//! ```text
//! dateline extract [--published YYYY-MM-DD] PATH...
//! dateline bench [PATH]
//! ```
//!
//! `extract` prints one JSON document (the contract in DESIGN.md) to stdout.
//! PATH is an article file (plain text, or the project's format with a header)
//! or a folder of them (`.txt` and `.md`, sorted by name). Errors go to
//! stderr, one line, with a non-zero exit.
//!
//! `bench` runs the whole pipeline natively, on one thread, over every article
//! of the CSV files (`url,date,title,text`, RFC 4180) in PATH (a file or a
//! folder; default `../shared/data/wikinews-sample`), each article as its own
//! story, and prints the throughput in MB/s of body text.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dateline_core::document::{decode, parse_article};
use dateline_core::story::{extract, Input};
use dateline_core::{Date, Document};

const USAGE: &str = "usage: dateline extract [--published YYYY-MM-DD] PATH... | dateline bench [PATH]";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("dateline: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("extract") => cmd_extract(&args[1..]),
        Some("bench") => cmd_bench(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}; {USAGE}")),
        None => Err(USAGE.to_string()),
    }
}

fn cmd_extract(args: &[String]) -> Result<(), String> {
    let mut published: Option<Date> = None;
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--published" => {
                let value = it.next().ok_or("--published needs a date (YYYY-MM-DD)")?;
                published = Some(Date::parse(value).map_err(|e| format!("--published: {e}"))?);
            }
            flag if flag.starts_with("--published=") => {
                published = Some(Date::parse(&flag["--published=".len()..]).map_err(|e| format!("--published: {e}"))?);
            }
            flag if flag.starts_with('-') && flag.len() > 1 => return Err(format!("unknown option {flag:?}; {USAGE}")),
            path => paths.push(PathBuf::from(path)),
        }
    }
    if paths.is_empty() {
        return Err(format!("no article given; {USAGE}"));
    }
    let mut files: Vec<PathBuf> = Vec::new();
    for path in &paths {
        collect_files(path, &mut files)?;
    }
    let mut documents = Vec::with_capacity(files.len());
    let mut ids: Vec<String> = Vec::new();
    for file in &files {
        let doc = load(file, published, &ids)?;
        ids.push(doc.id.clone());
        documents.push(doc);
    }
    let display: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let inputs: Vec<Input<'_>> =
        documents.iter().zip(&display).map(|(document, path)| Input { document, path }).collect();
    let story = extract(&inputs);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    serde_json::to_writer(&mut out, &story).map_err(|e| format!("writing JSON: {e}"))?;
    writeln!(out).and_then(|()| out.flush()).map_err(|e| format!("writing JSON: {e}"))
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
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

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Reads one article file into a document; `taken` are ids already in use.
fn load(path: &Path, published: Option<Date>, taken: &[String]) -> Result<Document, String> {
    let name = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("{name}: {}", io_reason(&e)))?;
    let text = decode(bytes).map_err(|e| format!("{name}:{}: {}", e.line, e.message))?;
    let (header, offset) = parse_article(&text).map_err(|e| format!("{name}:{}: {}", e.line, e.message))?;
    let published = header.published.or(published).ok_or_else(|| {
        format!("{name}: no publication date; give --published YYYY-MM-DD or a `published:` header line")
    })?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_string();
    let mut id = stem.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{stem}-{n}");
        n += 1;
    }
    let mut body = text;
    body.drain(..offset);
    Ok(Document { id, title: header.title, outlet: header.outlet, published, url: header.url, body })
}

fn cmd_bench(args: &[String]) -> Result<(), String> {
    let path = PathBuf::from(args.first().map_or("../shared/data/wikinews-sample", String::as_str));
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
        for (i, row) in rows.iter().enumerate().skip(1) {
            let (Some(date), Some(body)) = (row.get(date_col), row.get(text_col)) else { continue };
            let published = Date::parse(date).unwrap_or(Date::new(2020, 1, 1).expect("valid date"));
            documents.push(Document { id: format!("a{i}"), title: None, outlet: None, published, url: None, body: body.clone() });
        }
    }
    let bytes: usize = documents.iter().map(|d| d.body.len()).sum();
    let run = || {
        let mut quotes = 0;
        for document in &documents {
            let story = extract(&[Input { document, path: "" }]);
            quotes += story.articles.iter().map(|a| a.quotes.len()).sum::<usize>();
        }
        quotes
    };
    let quotes = run(); // warm-up: lexicons are built on first use
    let start = std::time::Instant::now();
    let mut times = Vec::new();
    while times.len() < 5 || start.elapsed().as_secs_f64() < 3.0 {
        let pass = std::time::Instant::now();
        std::hint::black_box(run());
        times.push(pass.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let (best, median) = (times[0], times[times.len() / 2]);
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {:.2} MB, {} quotes; {} passes on one thread: median {:.3} s ({:.2} MB/s), best {:.3} s ({:.2} MB/s)",
        documents.len(),
        mb,
        quotes,
        times.len(),
        median,
        mb / median,
        best,
        mb / best
    );
    Ok(())
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
