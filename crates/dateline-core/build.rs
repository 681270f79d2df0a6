//! Copies the word lists (`data/*.txt`) into `$OUT_DIR/data/` without their
//! comment lines, blank lines and indentation: the engine embeds these copies
//! (`include_str!`), which keeps the files' documentation out of the
//! explorer's wasm (about 3 KB gzip). Every reader of the lists skips such
//! lines (`lexicon::data_lines`), so the words read are the same.
//!
//! The long sorted lists (given names, verbs, event nouns) are also
//! front-coded (see [`front_code`]; read back by `lexicon::front_decoded`):
//! about 2.7 KB gzip less in the wasm.

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
        let front = path.file_name().is_some_and(|n| FRONT_CODED.iter().any(|f| n == *f));
        let mut kept = String::new();
        let mut prev = "";
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            kept.push_str(&if front { front_code(line, &mut prev) } else { line.to_string() });
            kept.push('\n');
        }
        std::fs::write(out.join(path.file_name().unwrap()), kept).unwrap();
    }
}

/// The data files whose words are front-coded.
const FRONT_CODED: [&str; 3] = ["given_names.txt", "verbs.txt", "event_nouns.txt"];

/// A line of words with each word as the number of leading bytes (at most 9)
/// it shares with the word before it in the file (`prev`), then the rest:
/// `m aaron abdul abe` becomes `m aaron 1bdul 2e`. No listed word starts
/// with a digit (checked), so the coding is unambiguous.
fn front_code<'a>(line: &'a str, prev: &mut &'a str) -> String {
    let mut out = String::new();
    for w in line.split_whitespace() {
        assert!(!w.starts_with(|c: char| c.is_ascii_digit()), "{FRONT_CODED:?}: a word starts with a digit: {w}");
        let mut k = prev.bytes().zip(w.bytes()).take(9).take_while(|(a, b)| a == b).count();
        while !w.is_char_boundary(k) {
            k -= 1;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if k > 0 {
            out.push(char::from(b'0' + k as u8));
        }
        out.push_str(&w[k..]);
        *prev = w;
    }
    out
}

