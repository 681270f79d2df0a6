//! Archives: `--jobs`, `extract --jsonl` and `merge`, run as processes.
//! The per-article step and the merge give the story `extract` gives.

mod common;

#[allow(dead_code)]
#[path = "../src/files.rs"]
mod files;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{dateline, temp_file};
use dateline_core::Document;

fn articles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../articles")
}

fn wikinews_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/wikinews-sample")
}

fn ok(out: &Output) -> &[u8] {
    assert!(out.status.success(), "exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    &out.stdout
}

/// `dateline args...` with `input` on stdin.
fn dateline_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dateline")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

/// The documents of the repository's article folder, as `extract` reads them.
fn folder_documents() -> Vec<Document> {
    let mut paths = Vec::new();
    files::collect_files(&articles_dir(), &mut paths).unwrap();
    paths.iter().zip(files::ids(&paths)).map(|(p, id)| files::load(p, None, id).unwrap()).collect()
}

fn jsonl(docs: &[Document]) -> String {
    docs.iter().map(|d| serde_json::to_string(d).unwrap() + "\n").collect()
}

/// A story without what differs between reading files and reading lines:
/// the paths.
fn without_paths(mut story: serde_json::Value) -> serde_json::Value {
    for a in story["articles"].as_array_mut().unwrap() {
        a.as_object_mut().unwrap().remove("path");
    }
    story
}

fn story(bytes: &[u8]) -> serde_json::Value {
    serde_json::from_slice(bytes).expect("a story")
}

#[test]
fn jobs_do_not_change_the_story() {
    let dir = articles_dir();
    let one = dateline(&["extract", "--jobs", "1", dir.to_str().unwrap()]);
    let two = dateline(&["extract", "--jobs", "2", dir.to_str().unwrap()]);
    let all = dateline(&["extract", dir.to_str().unwrap()]);
    assert_eq!(ok(&one), ok(&two));
    assert_eq!(ok(&one), ok(&all));
}

#[test]
fn lines_extracted_then_merged_give_the_folder_story() {
    let docs = folder_documents();
    let lines = dateline_stdin(&["extract", "--jsonl"], jsonl(&docs).as_bytes());
    let extracted = String::from_utf8(ok(&lines).to_vec()).unwrap();
    assert_eq!(extracted.lines().count(), docs.len(), "one line per article");
    let merged = dateline_stdin(&["merge"], extracted.as_bytes());
    let folder = dateline(&["extract", articles_dir().to_str().unwrap()]);
    assert_eq!(without_paths(story(ok(&merged))), without_paths(story(ok(&folder))));

    // --text: the story carries each body.
    let with_text = story(ok(&dateline_stdin(&["merge", "--text"], extracted.as_bytes())));
    for (a, d) in with_text["articles"].as_array().unwrap().iter().zip(&docs) {
        assert_eq!(a["text"].as_str(), Some(d.body.as_str()));
    }
    assert!(story(ok(&folder))["articles"][0].get("text").is_none(), "no text unless asked");
}

#[test]
fn wikinews_articles_merged_from_lines_equal_one_extraction() {
    let dir = wikinews_dir();
    if !dir.exists() {
        panic!("{} is missing: the shared data sets sit beside the checkout", dir.display());
    }
    let mut docs = files::csv_documents(&dir).unwrap();
    assert!(docs.len() >= 295, "{} articles", docs.len());
    // Ids whose name order is the line order: the folder is read in name order.
    for (i, d) in docs.iter_mut().enumerate() {
        d.id = format!("wn{:04}", i + 1);
    }
    let input = temp_file("wikinews.jsonl", jsonl(&docs).as_bytes());
    let lines = dateline(&["extract", "--jsonl", "--jobs", "2", input.to_str().unwrap()]);
    let lines_file = temp_file("wikinews-extracted.jsonl", ok(&lines));
    let merged = dateline(&["merge", lines_file.to_str().unwrap()]);
    // The same articles as files, extracted in one call.
    let folder = input.parent().unwrap().join("wikinews-files");
    std::fs::create_dir_all(&folder).unwrap();
    for d in &docs {
        std::fs::write(folder.join(format!("{}.txt", d.id)), format!("---\npublished: {}\n---\n{}", d.published, d.body)).unwrap();
    }
    let one = dateline(&["extract", folder.to_str().unwrap()]);
    assert_eq!(without_paths(story(ok(&merged))), without_paths(story(ok(&one))));
}

#[test]
fn a_bad_line_is_named_and_skipped_unless_strict() {
    let docs = folder_documents();
    let good = jsonl(&docs);
    let mut lines: Vec<&str> = good.lines().collect();
    lines.insert(1, r#"{"id":"broken","body":"No date."}"#);
    let input = temp_file("with-bad-line.jsonl", (lines.join("\n") + "\n").as_bytes());
    let out = dateline(&["extract", "--jsonl", input.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("with-bad-line.jsonl:2:") && stderr.contains("published"), "{stderr}");
    assert!(stderr.contains("1 bad line skipped"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), docs.len(), "the other lines are processed");

    let strict = dateline(&["extract", "--jsonl", "--strict", input.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&strict.stderr);
    assert_eq!(strict.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("with-bad-line.jsonl:2:"), "{stderr}");
}

#[test]
fn merge_refuses_extractions_it_cannot_trust() {
    let docs = folder_documents();
    let extracted = String::from_utf8(ok(&dateline_stdin(&["extract", "--jsonl"], jsonl(&docs).as_bytes())).to_vec()).unwrap();
    let first = extracted.lines().next().unwrap();
    let mut tampered: serde_json::Value = serde_json::from_str(first).unwrap();
    tampered["document"]["id"] = "other".into();
    tampered["sentences"][0] = serde_json::json!([0, 1_000_000]);
    let input = format!("{extracted}{tampered}\n{first}\nnot json\n");
    let out = dateline_stdin(&["merge"], input.as_bytes());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let n = docs.len();
    assert!(stderr.contains(&format!("<stdin>:{}: article extraction: a sentence or paragraph", n + 1)), "{stderr}");
    assert!(stderr.contains(&format!("<stdin>:{}: article id", n + 2)) && stderr.contains("already read"), "{stderr}");
    assert!(stderr.contains(&format!("<stdin>:{}: not an article extraction", n + 3)), "{stderr}");
    assert_eq!(story(&out.stdout)["articles"].as_array().unwrap().len(), n, "the good lines are merged");
}

#[test]
fn merge_stories_writes_one_story_per_line_and_every_article_once() {
    // The seed articles and three unrelated Wikinews articles.
    let mut docs = folder_documents();
    let seeds: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    docs.extend(files::csv_documents(&wikinews_dir()).unwrap().into_iter().take(3));
    let extracted = ok(&dateline_stdin(&["extract", "--jsonl"], jsonl(&docs).as_bytes())).to_vec();
    let out = dateline_stdin(&["merge", "--stories", "--text"], &extracted);
    let lines: Vec<serde_json::Value> = String::from_utf8(ok(&out).to_vec()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let mut seen: Vec<String> = Vec::new();
    for story in &lines {
        let group = &story["stories"].as_array().unwrap()[..];
        assert_eq!(group.len(), 1, "each line is one story");
        let ids: Vec<String> = story["articles"].as_array().unwrap().iter().map(|a| a["id"].as_str().unwrap().to_string()).collect();
        assert_eq!(group[0]["articles"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()).collect::<Vec<_>>(), ids);
        assert!(story["articles"].as_array().unwrap().iter().all(|a| a["text"].is_string()));
        if ids.contains(&seeds[0]) {
            assert_eq!(ids, seeds, "the seed articles are one story, alone");
        }
        seen.extend(ids);
    }
    seen.sort();
    let mut all: Vec<String> = docs.iter().map(|d| d.id.clone()).collect();
    all.sort();
    assert_eq!(seen, all, "every article in exactly one story");
}
