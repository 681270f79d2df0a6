//! Copies the word lists (`data/*.txt`) into `$OUT_DIR/data/` without their
//! comment lines, blank lines and indentation: the engine embeds these copies
//! (`include_str!`), which keeps the files' documentation out of the
//! explorer's wasm (about 3 KB gzip). Every reader of the lists skips such
//! lines (`lexicon::data_lines`), so the words read are the same.

use std::path::PathBuf;

fn main() {
    let data = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap()).join("data");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("data");
    std::fs::create_dir_all(&out).unwrap();
    println!("cargo:rerun-if-changed={}", data.display());
    for entry in std::fs::read_dir(&data).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut kept = String::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            kept.push_str(line);
            kept.push('\n');
        }
        std::fs::write(out.join(path.file_name().unwrap()), kept).unwrap();
    }
}
