//! Exports: the story as the CLI prints it, the quotes as CSV, the timeline
//! as TimelineJS JSON. Plain functions, tested natively.

use serde::Serialize;

use dateline_core::sort::sort_by;
use dateline_core::timex::TimexValue;
use dateline_core::Date;

use crate::model::{self, outlet_name, pretty_value, Corpus};

/// The story as the CLI's JSON (the same serde output, one line, newline).
pub fn story_json(corpus: &Corpus) -> String {
    let mut s = crate::json::write(&corpus.story, false);
    s.push('\n');
    s
}

/// A CSV cell (RFC 4180 quoting). A cell that a spreadsheet would read as a
/// formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
/// gets a leading `'`, so it stays text.
fn csv_field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The UTF-8 byte order mark: spreadsheets then read the CSV as UTF-8.
pub const BOM: char = '\u{feff}';

/// Every quote, one row each (RFC 4180, header first), after a UTF-8 BOM.
pub fn quotes_csv(corpus: &Corpus) -> String {
    let mut out = String::from(BOM);
    out.push_str("article,outlet,published,speaker_id,speaker,kind,cue,source,quote,start,end\r\n");
    for (doc, art) in corpus.docs.iter().zip(&corpus.story.articles) {
        let text = |s: Option<dateline_core::Span>| s.and_then(|s| doc.body.get(s.start..s.end)).unwrap_or("").to_string();
        for q in &art.quotes {
            let speaker = q.speaker.as_deref().and_then(|id| corpus.entity(id)).map(|e| e.name.clone()).unwrap_or_default();
            let row = [
                art.id.clone(),
                outlet_name(doc),
                doc.published.to_string(),
                q.speaker.clone().unwrap_or_default(),
                speaker,
                q.kind.clone(),
                text(q.cue),
                text(q.source),
                text(Some(q.content)),
                q.content.start.to_string(),
                q.content.end.to_string(),
            ];
            out.push_str(&row.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
            out.push_str("\r\n");
        }
    }
    out
}

/// Text for a field TimelineJS renders as HTML: `<`, `>`, `&` and quotes escaped.
pub fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn four_digits(year: i32) -> bool {
    (0..=9999).contains(&year)
}

// TimelineJS's JSON as typed values rather than `serde_json::Value`: the
// `Value` machinery (its map, `json!`, float printing) cost about 3 KB gzip of
// the wasm. Fields are in alphabetical order, the order the `Value` maps wrote.

/// A TimelineJS date, at the precision of the value it comes from.
#[derive(Serialize, Debug, PartialEq)]
struct TlDate {
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u8>,
    year: i32,
}

/// A slide: an item of the timeline.
#[derive(Serialize)]
struct TlSlide {
    autolink: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TlDate>,
    group: &'static str,
    start_date: TlDate,
    text: TlText,
    unique_id: String,
}

#[derive(Serialize)]
struct TlText {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct TlTitle {
    text: TlText,
}

#[derive(Serialize)]
struct TlDoc {
    events: Vec<TlSlide>,
    title: TlTitle,
}

fn tl_year(year: i32) -> TlDate {
    TlDate { day: None, month: None, year }
}

fn tl_day(d: Date) -> TlDate {
    TlDate { day: Some(d.day), month: Some(d.month), year: d.year }
}

/// A TIMEX3 date value as TimelineJS dates: (start, end). A day, month or
/// year is one date at its own precision (a time gives its day); a value
/// covering a span of days (a week, weekend, quarter, half, season) is its
/// first and last day; a decade or century its first and last year. `None`
/// for durations, sets, vague references and years outside 0-9999.
fn tl_range(value: &str) -> Option<(TlDate, Option<TlDate>)> {
    let v = TimexValue::parse(value).ok()?;
    let (first, last) = v.range()?;
    if !four_digits(first.year) || !four_digits(last.year) {
        return None;
    }
    Some(match v {
        TimexValue::Year(y) => (tl_year(y), None),
        TimexValue::Month { year, month } => (TlDate { day: None, month: Some(month), year }, None),
        TimexValue::Day(d) | TimexValue::Time(d, _) => (tl_day(d), None),
        TimexValue::Decade(_) | TimexValue::Century(_) => (tl_year(first.year), Some(tl_year(last.year))),
        _ => (tl_day(first), Some(tl_day(last))),
    })
}

/// Whether `url` may become a link: http(s) only (never `javascript:`).
fn linkable(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// The sources of an item as HTML: each outlet once, a link to its article
/// when the article has an http(s) URL; everything escaped.
fn sources_html(corpus: &Corpus, ev: &dateline_core::story::EventOut) -> String {
    let mut seen: Vec<String> = Vec::new();
    let mut parts: Vec<(String, String)> = Vec::new();
    for e in &ev.evidence {
        if seen.contains(&e.article) {
            continue;
        }
        seen.push(e.article.clone());
        let Some((doc, _)) = corpus.article(&e.article) else { continue };
        let name = html_escape(&outlet_name(doc));
        let html = match doc.url.as_deref().filter(|u| linkable(u)) {
            Some(url) => format!("<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{name}</a>", html_escape(url.trim())),
            None => name,
        };
        parts.push((outlet_name(doc), html));
    }
    sort_by(&mut parts, |a, b| a.0.cmp(&b.0));
    parts.dedup();
    parts.into_iter().map(|p| p.1).collect::<Vec<_>>().join(", ")
}

/// The timeline for TimelineJS 3 (its JSON format: `events` of slides with
/// `start_date`, optional `end_date`, `text` rendered as HTML). Every item
/// with a date or a bound is a slide: a value spanning days (`2017-W15`,
/// `2017-Q2`) runs from its first to its last day; an item bounded on one
/// side is dated by its bound and says so in `display_date`; one bounded on
/// both sides runs between them. Headline and text are HTML-escaped, and the
/// text links to the articles reporting the item. Undated items cannot be
/// placed on a timeline: the title slide says how many were left out.
pub fn timeline_js(corpus: &Corpus) -> String {
    let mut events = Vec::new();
    let mut undated = 0;
    for ev in &corpus.story.events {
        let w = &ev.when;
        let (range, display) = match (&w.value, &w.earliest, &w.latest) {
            (Some(v), _, _) => (tl_range(v), None),
            (None, Some(a), Some(b)) => {
                let (start, _) = tl_range(a).unzip();
                let end = tl_range(b).map(|(s, e)| e.unwrap_or(s));
                let display = format!("between {} and {}", pretty_value(a), pretty_value(b));
                (start.map(|s| (s, end)), Some(display))
            }
            (None, Some(a), None) => (tl_range(a).map(|(s, _)| (s, None)), Some(format!("after {}", pretty_value(a)))),
            (None, None, Some(b)) => (tl_range(b).map(|(s, e)| (e.unwrap_or(s), None)), Some(format!("before {}", pretty_value(b)))),
            (None, None, None) => (None, None),
        };
        let Some((start, end)) = range else {
            undated += 1;
            continue;
        };
        let mut text = format!("Reported by {}.", sources_html(corpus, ev));
        if !ev.note.is_empty() {
            text.push_str(&format!(" {}", html_escape(&ev.note)));
        }
        let display_date = display.or_else(|| w.value.as_deref().filter(|v| !matches!(TimexValue::parse(v), Ok(TimexValue::Day(_) | TimexValue::Time(..) | TimexValue::Month { .. } | TimexValue::Year(_)))).map(pretty_value));
        events.push(TlSlide {
            autolink: false,
            display_date,
            end_date: end,
            group: if ev.background { "Background" } else { "Events" },
            start_date: start,
            text: TlText { headline: html_escape(&ev.label), text },
            unique_id: ev.id.clone(),
        });
    }
    let title = corpus.docs.first().map(model::display_title).unwrap_or_else(|| "Dateline".into());
    let mut intro = html_escape(&title);
    if undated > 0 {
        intro.push_str(&format!(" ({undated} undated item{} left out.)", if undated == 1 { "" } else { "s" }));
    }
    let doc = TlDoc { events, title: TlTitle { text: TlText { headline: "Dateline".into(), text: intro } } };
    crate::json::write(&doc, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::quoted;
    use serde_json::{json, Value};

    /// `tl_range` as JSON values.
    fn tl_json(value: &str) -> Option<(Value, Option<Value>)> {
        tl_range(value).map(|(s, e)| (serde_json::to_value(s).unwrap(), e.map(|e| serde_json::to_value(e).unwrap())))
    }

    #[test]
    fn story_json_is_the_cli_contract() {
        let c = quoted();
        let v: Value = serde_json::from_str(&story_json(&c)).unwrap();
        assert_eq!(v["schema"], 1);
        assert_eq!(v["articles"][0]["quotes"][0]["kind"], "reported");
        assert_eq!(v["entities"][0]["name"], "Rex Tillerson");
        assert!(v["articles"][0].get("segmentation").is_none());
    }

    #[test]
    fn csv_quotes_escape_fields_and_open_with_a_bom() {
        let c = quoted();
        let csv = quotes_csv(&c);
        assert!(csv.as_bytes().starts_with(&[0xef, 0xbb, 0xbf]), "UTF-8 BOM first");
        let lines: Vec<&str> = csv.trim_start_matches(BOM).split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 6);
        assert!(lines[0].starts_with("article,outlet,"));
        assert!(lines[1].starts_with("a,Outlet A,2017-04-12,e1,Rex Tillerson,reported,said,Tillerson,\"that Mattis had told him \"\"the regime did it\"\"\","));
        assert_eq!(csv_field("a,b"), "\"a,b\"");
    }

    #[test]
    fn csv_cells_never_become_formulas() {
        for (cell, want) in [
            ("=1+2", "'=1+2"),
            ("+33 1 23", "'+33 1 23"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(csv_field(cell), want, "{cell:?}");
        }
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(html_escape("<b>A & \"B\"</b> 'c'"), "&lt;b&gt;A &amp; &quot;B&quot;&lt;/b&gt; &#39;c&#39;");
    }

    #[test]
    fn timex_values_become_timelinejs_dates_and_ranges() {
        assert_eq!(tl_json("2013"), Some((json!({"year": 2013}), None)));
        assert_eq!(tl_json("2017-04"), Some((json!({"year": 2017, "month": 4}), None)));
        assert_eq!(tl_json("2017-04-12T10:00"), Some((json!({"year": 2017, "month": 4, "day": 12}), None)));
        // ISO week 15 of 2017: Monday 10 to Sunday 16 April.
        assert_eq!(tl_json("2017-W15"), Some((json!({"year": 2017, "month": 4, "day": 10}), Some(json!({"year": 2017, "month": 4, "day": 16})))));
        assert_eq!(tl_json("2017-Q2"), Some((json!({"year": 2017, "month": 4, "day": 1}), Some(json!({"year": 2017, "month": 6, "day": 30})))));
        assert_eq!(tl_json("199"), Some((json!({"year": 1990}), Some(json!({"year": 1999})))));
        assert_eq!(tl_json("PAST_REF"), None);
        assert_eq!(tl_json("P1W"), None);
        assert_eq!(tl_json("FU"), None);
    }

    /// A story with one event per way of being dated, and one source with a URL.
    fn dated_story() -> Corpus {
        use dateline_core::story::{Evidence, EventOut, When};
        let mut c = quoted();
        c.docs[0].url = Some("https://example.com/a?x=1&y=\"2\"".into());
        c.docs[1].url = Some("javascript:alert(1)".into());
        let when = |v: Option<&str>, a: Option<&str>, b: Option<&str>| When { value: v.map(Into::into), earliest: a.map(Into::into), latest: b.map(Into::into) };
        let event = |id: &str, label: &str, when: When, background: bool| EventOut {
            id: id.into(),
            label: label.into(),
            when,
            participants: Vec::new(),
            evidence: vec![Evidence { article: "a".into(), span: dateline_core::Span::new(0, 3) }, Evidence { article: "b".into(), span: dateline_core::Span::new(0, 3) }],
            note: "found <here>".into(),
            background,
        };
        c.story.events = vec![
            event("v1", "Talks <b>open</b> & \"end\"", when(Some("2017-04-12"), None, None), false),
            event("v2", "Strike in week 15", when(Some("2017-W15"), None, None), false),
            event("v3", "Deal in Q2", when(Some("2017-Q2"), None, None), false),
            event("v4", "Before Tuesday", when(None, None, Some("2017-04-11")), false),
            event("v5", "After March", when(None, Some("2017-03"), None), false),
            event("v6", "Between", when(None, Some("2017-04-01"), Some("2017-W15")), false),
            event("v7", "Long ago", when(None, None, None), true),
            event("v8", "Some past", when(Some("PAST_REF"), None, None), true),
        ];
        c
    }

    #[test]
    fn timelinejs_follows_its_schema() {
        let v: Value = serde_json::from_str(&timeline_js(&dated_story())).unwrap();
        let events = v["events"].as_array().unwrap();
        let by_id = |id: &str| events.iter().find(|e| e["unique_id"] == id).unwrap_or_else(|| panic!("{id} missing")).clone();
        // No null anywhere, and every slide has a start year and a headline.
        assert!(!serde_json::to_string(&v).unwrap().contains("null"));
        for e in events {
            assert!(e["start_date"]["year"].is_number(), "{e}");
            assert!(e["text"]["headline"].is_string());
        }
        let v1 = by_id("v1");
        assert_eq!(v1["text"]["headline"], "Talks &lt;b&gt;open&lt;/b&gt; &amp; &quot;end&quot;");
        assert!(v1.get("end_date").is_none());
        let text = v1["text"]["text"].as_str().unwrap();
        assert!(text.contains("<a href=\"https://example.com/a?x=1&amp;y=&quot;2&quot;\" target=\"_blank\" rel=\"noopener\">Outlet A</a>"), "{text}");
        assert!(!text.contains("javascript:"), "only http(s) links: {text}");
        assert!(text.contains("Outlet B") && text.contains("found &lt;here&gt;"), "{text}");
        let v2 = by_id("v2");
        assert_eq!((&v2["start_date"], &v2["end_date"]), (&json!({"year": 2017, "month": 4, "day": 10}), &json!({"year": 2017, "month": 4, "day": 16})));
        assert_eq!(v2["display_date"], "2017-W15");
        let v3 = by_id("v3");
        assert_eq!((&v3["start_date"], &v3["end_date"]), (&json!({"year": 2017, "month": 4, "day": 1}), &json!({"year": 2017, "month": 6, "day": 30})));
        let v4 = by_id("v4");
        assert_eq!(v4["start_date"], json!({"year": 2017, "month": 4, "day": 11}));
        assert!(v4["display_date"].as_str().unwrap().starts_with("before "));
        assert!(v4.get("end_date").is_none());
        assert!(by_id("v5")["display_date"].as_str().unwrap().starts_with("after "));
        let v6 = by_id("v6");
        assert_eq!((&v6["start_date"], &v6["end_date"]), (&json!({"year": 2017, "month": 4, "day": 1}), &json!({"year": 2017, "month": 4, "day": 16})));
        assert!(events.iter().all(|e| e["unique_id"] != "v7" && e["unique_id"] != "v8"));
        assert!(v["title"]["text"]["text"].as_str().unwrap().contains("2 undated items left out"));
    }

    #[test]
    fn timelinejs_of_the_corpus_has_dates_and_bounds() {
        let docs: Vec<_> = crate::corpus::CORPUS.iter().map(|a| a.document()).collect();
        let c = crate::model::tests::corpus(docs);
        let v: Value = serde_json::from_str(&timeline_js(&c)).unwrap();
        let events = v["events"].as_array().unwrap();
        assert!(!events.is_empty());
        assert!(events.iter().all(|e| e["start_date"]["year"].is_number() && e["text"]["headline"].is_string()));
        assert!(events.iter().any(|e| e["display_date"].as_str().is_some_and(|d| d.starts_with("before "))));
    }
}
