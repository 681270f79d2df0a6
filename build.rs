//! Embeds the corpus: every `articles/*.txt` file becomes an entry of
//! `CORPUS` (in `$OUT_DIR/corpus.rs`, included by `src/corpus.rs`); and
//! names the engine's version, `DATELINE_ENGINE`: a hash of the engine's
//! sources, data and manifest, so cached results of an older engine are
//! never reused (see `src/engine.rs`).
//!
//! Each file must carry the project's header (see `dateline_core::document`)
//! with a `title` and a `published` date. Anything wrong fails the build with
//! the file name, the line and what is wrong.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use dateline_core::document::{decode, parse_article};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let dir = root.join("articles");
    println!("cargo:rerun-if-changed={}", dir.display());
    let engine = root.join("crates").join("dateline-core");
    println!("cargo:rerun-if-changed={}", engine.display());
    let mut files = Vec::new();
    walk(&engine, &mut files);
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let rel = path.strip_prefix(&engine).unwrap().to_string_lossy().into_owned();
        for b in rel.bytes().chain([0]).chain(std::fs::read(path).unwrap_or_default()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=DATELINE_ENGINE={hash:016x}");
    match generate(&dir) {
        Ok(code) => {
            let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("corpus.rs");
            std::fs::write(&out, code).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
        }
        Err(message) => fail(&message),
    }
}

/// Every file under `dir` that makes the engine (not its build output or tests).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !matches!(name.as_str(), "target" | "tests" | "benches") {
                walk(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1);
}

fn generate(dir: &Path) -> Result<String, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("articles/: {e}"))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("articles/ has no .txt article; the explorer needs at least one".into());
    }
    let mut code = String::from("pub static CORPUS: &[EmbeddedArticle] = &[\n");
    for path in &files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = format!("articles/{}", path.file_name().unwrap().to_string_lossy());
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
        let text = decode(bytes).map_err(|e| format!("{name}:{}: {}", e.line, e.message))?;
        let (header, offset) = parse_article(&text).map_err(|e| format!("{name}:{}: {}", e.line, e.message))?;
        if offset == 0 {
            return Err(format!("{name}:1: missing header; start the file with a `---` line, `title:` and `published:` lines, and a closing `---`"));
        }
        let published = header.published.ok_or_else(|| format!("{name}: the header has no `published: YYYY-MM-DD` line"))?;
        let title = header.title.ok_or_else(|| format!("{name}: the header has no `title:` line"))?;
        if text[offset..].trim().is_empty() {
            return Err(format!("{name}: the article has no text after its header"));
        }
        let id = path.file_stem().unwrap().to_string_lossy();
        writeln!(
            code,
            "    EmbeddedArticle {{ id: {id:?}, file: {name:?}, title: {title:?}, outlet: {outlet:?}, url: {url:?}, \
             published: Date {{ year: {y}, month: {m}, day: {d} }}, body: {body:?} }},",
            outlet = header.outlet,
            url = header.url,
            y = published.year,
            m = published.month,
            d = published.day,
            body = &text[offset..],
        )
        .unwrap();
    }
    code.push_str("];\n");
    Ok(code)
}
