//! Hostile input through the command line: markup and script, very long
//! lines, a 5 MB article, right-to-left text and emoji, control characters,
//! invalid UTF-8 and random bytes. Each gives a result or a clear one-line
//! error, never a panic; spans stay on character boundaries.

mod common;

use std::time::Instant;

use common::{dateline, temp_file};

/// Runs `extract` on `text` and checks the result: JSON, every span inside the
/// body on character boundaries.
fn extract_ok(name: &str, text: &str) -> serde_json::Value {
    let path = temp_file(name, text.as_bytes());
    let out = dateline(&["extract", "--published", "2020-03-01", path.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{name}: exit {:?}: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let mut spans = Vec::new();
    collect_spans(&json["articles"][0], &mut spans);
    for (s, e) in spans {
        assert!(s <= e && e <= text.len(), "{name}: span [{s}, {e}) outside the body ({})", text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{name}: span [{s}, {e}) splits a character");
    }
    json
}

/// Every `[start, end]` pair of numbers anywhere in the value.
fn collect_spans(v: &serde_json::Value, out: &mut Vec<(usize, usize)>) {
    match v {
        serde_json::Value::Array(items) => {
            if let [serde_json::Value::Number(a), serde_json::Value::Number(b)] = items.as_slice() {
                out.push((a.as_u64().unwrap() as usize, b.as_u64().unwrap() as usize));
            } else {
                items.iter().for_each(|i| collect_spans(i, out));
            }
        }
        serde_json::Value::Object(map) => map.values().for_each(|i| collect_spans(i, out)),
        _ => {}
    }
}

#[test]
fn markup_and_script_are_just_text() {
    let text = "<script>alert('x')</script> Officials said <b>nothing</b>.\n<img src=x onerror=\"alert(1)\"> “<i>No</i>,” he said.";
    let json = extract_ok("markup.txt", text);
    assert!(!json["articles"][0]["sentences"].as_array().unwrap().is_empty());
}

#[test]
fn right_to_left_emoji_and_control_characters() {
    let text = "قال الوزير يوم الأربعاء إن المحادثات كانت مثمرة. 🇺🇸🤝🇷🇺 “Deal done 🎉,” Mr. Smith said \u{200f}Monday.\n\u{0}\u{1}\u{7f}\u{202e}Reversed text\u{202c}. שלום עולם.\r\nTabs\tand\u{b}vertical\u{c}feeds.";
    extract_ok("rtl.txt", text);
}

#[test]
fn very_long_lines_and_a_5_mb_article() {
    let sentence = "Officials said on Tuesday that the talks, held in Geneva with U.S. Secretary Jane Doe, would resume “soon,” according to Mr. Smith. ";
    let long_line = sentence.repeat(2_000); // one 260 KB paragraph
    extract_ok("long-line.txt", &long_line);
    let no_breaks = "a".repeat(1_000_000); // one 1 MB word
    extract_ok("one-word.txt", &no_breaks);

    let paragraph = format!("{}\n", sentence.repeat(8));
    let big = paragraph.repeat(5 * 1024 * 1024 / paragraph.len() + 1);
    assert!(big.len() >= 5 * 1024 * 1024);
    let started = Instant::now();
    let json = extract_ok("five-mb.txt", &big);
    let sentences = json["articles"][0]["sentences"].as_array().unwrap().len();
    assert!(sentences > 30_000, "{sentences} sentences");
    eprintln!("5 MB article: {sentences} sentences in {:?}", started.elapsed());
}

#[test]
fn invalid_utf8_and_random_bytes_give_a_clear_error() {
    // A simple deterministic generator: the same bytes every run.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for n in 0..20 {
        let bytes: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        let path = temp_file(&format!("random-{n}.bin"), &bytes);
        let out = dateline(&["extract", "--published", "2020-03-01", path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        match std::str::from_utf8(&bytes) {
            Ok(_) => assert!(out.status.success(), "{stderr}"),
            Err(_) => {
                assert_eq!(out.status.code(), Some(2), "{stderr}");
                assert!(stderr.contains("not valid UTF-8") && stderr.contains(&format!("random-{n}.bin")), "{stderr}");
            }
        }
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    // Overlong encodings, lone surrogates, truncated sequences.
    for (n, bytes) in [&b"ok \xc0\xaf"[..], b"\xed\xa0\x80", b"caf\xc3", b"\xff\xfe\x00t\x00e"].iter().enumerate() {
        let path = temp_file(&format!("bad-{n}.txt"), bytes);
        let out = dateline(&["extract", "--published", "2020-03-01", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));
    }
}

#[test]
fn random_valid_text_never_panics() {
    let alphabet: Vec<char> = "abc XYZ.,;:!?“”\"'’()[]-—\n\t0123456789éü日本🎉\u{200f}\u{0}".chars().collect();
    let mut state: u64 = 42;
    let mut next = || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    for n in 0..10 {
        let text: String = (0..20_000).map(|_| alphabet[next() % alphabet.len()]).collect();
        extract_ok(&format!("random-text-{n}.txt"), &text);
    }
}
