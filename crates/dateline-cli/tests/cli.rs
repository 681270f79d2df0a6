//! The command line, run as a process: the JSON contract and the errors.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{dateline, temp_file};

fn articles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles")
}

fn json(out: &Output) -> serde_json::Value {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// Asserts a one-line error on stderr that mentions `needle`, exit code 2, nothing on stdout.
fn assert_error(out: &Output, needle: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(out.stdout.is_empty());
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.contains(needle), "{needle:?} not in {stderr:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn folder_of_articles_follows_the_contract() {
    let dir = articles_dir();
    let out = json(&dateline(&["extract", dir.to_str().unwrap()]));
    assert_eq!(out["schema"], 1);
    let articles = out["articles"].as_array().unwrap();
    assert!(articles.len() >= 2);
    for a in articles {
        let id = a["id"].as_str().unwrap();
        let file = std::fs::read_to_string(dir.join(format!("{id}.txt"))).unwrap();
        let (_, offset) = dateline_core::document::parse_article(&file).unwrap();
        let body = &file[offset..];
        assert_eq!(a["published"].as_str().unwrap().len(), 10);
        assert!(a["title"].is_string(), "{id}: the header's title");
        let mut last = 0;
        for s in a["sentences"].as_array().unwrap() {
            let (start, end) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
            assert!(last <= start && start < end && end <= body.len(), "{id}: sentence {s}");
            assert_eq!(body[start..end].trim(), &body[start..end], "{id}: sentences are trimmed");
            last = end;
        }
        assert!(body[last..].trim().is_empty(), "{id}: sentences cover the body to its end");
        for key in ["timexes", "quotes", "mentions"] {
            assert!(a[key].is_array(), "{id}: {key}");
        }
    }
    assert!(out["entities"].is_array() && out["events"].is_array());
}

#[test]
fn plain_text_with_published_flag() {
    let path = temp_file("plain.txt", "First sentence. Second one.\nAnother paragraph.".as_bytes());
    let out = json(&dateline(&["extract", "--published", "2017-04-12", path.to_str().unwrap()]));
    let a = &out["articles"][0];
    assert_eq!(a["id"], "plain");
    assert_eq!(a["path"], path.to_str().unwrap());
    assert_eq!(a["published"], "2017-04-12");
    assert!(a["title"].is_null() && a["outlet"].is_null());
    assert_eq!(a["sentences"], serde_json::json!([[0, 15], [16, 27], [28, 46]]));
}

#[test]
fn spans_are_byte_offsets() {
    let path = temp_file("bytes.txt", "Déjà vu. “Quoted” text.".as_bytes());
    let out = json(&dateline(&["extract", "--published=2020-01-01", path.to_str().unwrap()]));
    assert_eq!(out["articles"][0]["sentences"], serde_json::json!([[0, 10], [11, 29]]));
}

#[test]
fn same_stem_in_two_folders_gets_distinct_ids() {
    let a = temp_file("same.txt", b"One.");
    let dir = a.parent().unwrap().join("sub");
    std::fs::create_dir_all(&dir).unwrap();
    let b = dir.join("same.txt");
    std::fs::write(&b, b"Two.").unwrap();
    let out = json(&dateline(&["extract", "--published", "2020-01-01", a.to_str().unwrap(), b.to_str().unwrap()]));
    assert_eq!(out["articles"][0]["id"], "same");
    assert_eq!(out["articles"][1]["id"], "same-2");
}

#[test]
fn errors_are_one_line_and_name_the_problem() {
    assert_error(&dateline(&["extract", "--published", "2017-04-12", "/no/such/file.txt"]), "/no/such/file.txt: no such file");
    assert_error(&dateline(&["extract", "--published", "2017-13-01", "x.txt"]), "--published");
    assert_error(&dateline(&["extract", "--published"]), "--published needs a date");
    assert_error(&dateline(&["extract"]), "no article given");
    assert_error(&dateline(&["extract", "--frobnicate", "x.txt"]), "unknown option");
    assert_error(&dateline(&["frobnicate"]), "unknown command");
    assert_error(&dateline(&[]), "usage");

    let binary = temp_file("binary.txt", b"ok\nstill ok\n\xff\xfe bad");
    assert_error(&dateline(&["extract", "--published", "2020-01-01", binary.to_str().unwrap()]), "binary.txt:3: not valid UTF-8");

    let undated = temp_file("undated.txt", b"No date anywhere.");
    assert_error(&dateline(&["extract", undated.to_str().unwrap()]), "no publication date");

    let header = temp_file("header.txt", b"---\ntitle: T\npublished: 2017-02-30\n---\nBody.");
    assert_error(&dateline(&["extract", header.to_str().unwrap()]), "header.txt:3: published");

    let empty_dir = temp_file("x", b"").parent().unwrap().join("empty");
    std::fs::create_dir_all(&empty_dir).unwrap();
    assert_error(&dateline(&["extract", "--published", "2020-01-01", empty_dir.to_str().unwrap()]), "no .txt or .md");
}

#[test]
fn header_date_wins_over_flag_and_body_excludes_header() {
    let path = temp_file("with-header.txt", b"---\ntitle: A title\noutlet: Wire\npublished: 2019-05-06\n---\nBody text here.");
    let out = json(&dateline(&["extract", "--published", "2020-01-01", path.to_str().unwrap()]));
    let a = &out["articles"][0];
    assert_eq!(a["published"], "2019-05-06");
    assert_eq!(a["title"], "A title");
    assert_eq!(a["outlet"], "Wire");
    assert_eq!(a["sentences"], serde_json::json!([[0, 15]]));
}

/// The story stage links quotes across articles: the same quote in two
/// outlets (with a word diff), and when each quote was said (at a timeline
/// item, by a date in its sentence, or by the publication date).
#[test]
fn quotes_carry_their_variants_and_when_they_were_said() {
    let out = json(&dateline(&["extract", articles_dir().to_str().unwrap()]));
    let articles = out["articles"].as_array().unwrap();
    let events: Vec<&str> = out["events"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    let mut linked = 0;
    for a in articles {
        for q in a["quotes"].as_array().unwrap() {
            let said = &q["said"];
            match said["basis"].as_str().unwrap() {
                "event" => assert!(events.contains(&said["event"].as_str().unwrap()), "{said}"),
                "sentence" | "published" => assert!(said.get("event").is_none(), "{said}"),
                other => panic!("basis {other}"),
            }
            assert!(!said["value"].as_str().unwrap().is_empty() && !said["note"].as_str().unwrap().is_empty());
            for v in q.get("variants").and_then(|v| v.as_array()).into_iter().flatten() {
                let other = articles.iter().find(|x| x["id"] == v["article"]).expect("variant article");
                assert_ne!(other["id"], a["id"], "a variant comes from another article");
                let back = &other["quotes"][v["quote"].as_u64().unwrap() as usize];
                assert_eq!(back["variant_of"]["article"], a["id"]);
                assert_eq!(back["speaker"], q["speaker"], "the same speaker");
                linked += 1;
            }
        }
    }
    assert!(linked >= 2, "the seed articles share quotes of Tillerson: {linked}");
    assert!(articles.iter().flat_map(|a| a["quotes"].as_array().unwrap()).any(|q| q["said"]["basis"] == "event"));
}
