//! Exports: the story as the CLI prints it, the quotes as CSV, the timeline
//! as TimelineJS JSON. Plain functions, tested natively.

use serde_json::{json, Value};

use dateline_core::timex::TimexValue;

use crate::model::{outlet_name, pretty_value, Corpus};

/// The story as the CLI's JSON (the same serde output, one line, newline).
pub fn story_json(corpus: &Corpus) -> String {
    let mut s = serde_json::to_string(&corpus.story).expect("the story serialises");
    s.push('\n');
    s
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Every quote, one row each (RFC 4180, header first).
pub fn quotes_csv(corpus: &Corpus) -> String {
    let mut out = String::from("article,outlet,published,speaker_id,speaker,kind,cue,source,quote,start,end\r\n");
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

/// A TIMEX3 date value as a TimelineJS date object (`2017-04-12`, `2017-04`,
/// `2013`; a time gives its day). Other values (weeks, seasons, decades) and
/// years outside 0-9999 have none.
fn tl_date(value: &str) -> Option<Value> {
    let four_digits = |year: i32| (0..=9999).contains(&year);
    match TimexValue::parse(value).ok()? {
        TimexValue::Year(y) if four_digits(y) => Some(json!({ "year": y })),
        TimexValue::Month { year, month } if four_digits(year) => Some(json!({ "year": year, "month": month })),
        TimexValue::Day(d) | TimexValue::Time(d, _) if four_digits(d.year) => Some(json!({ "year": d.year, "month": d.month, "day": d.day })),
        _ => None,
    }
}

/// The timeline for TimelineJS 3: every item with a date or a bound
/// (bounded items are dated by their bound and say so); undated ones are left
/// out.
pub fn timeline_js(corpus: &Corpus) -> String {
    let mut events = Vec::new();
    for ev in &corpus.story.events {
        let (start, display) = match (&ev.when.value, &ev.when.earliest, &ev.when.latest) {
            (Some(v), _, _) => (tl_date(v), None),
            (None, Some(a), _) => (tl_date(a), Some(format!("after {}", pretty_value(a)))),
            (None, None, Some(b)) => (tl_date(b), Some(format!("before {}", pretty_value(b)))),
            _ => (None, None),
        };
        let Some(start) = start else { continue };
        let mut outlets: Vec<String> = ev.evidence.iter().map(|e| corpus.outlet_of(&e.article)).collect();
        dateline_core::sort::sort(&mut outlets);
        outlets.dedup();
        let mut item = json!({
            "unique_id": ev.id,
            "start_date": start,
            "text": { "headline": ev.label, "text": format!("Reported by {}. {}", outlets.join(", "), ev.note) },
            "group": if ev.background { "Background" } else { "Events" },
        });
        if let (Some(a), Some(b)) = (&ev.when.earliest, &ev.when.latest) {
            if ev.when.value.is_none() {
                item["end_date"] = tl_date(b).unwrap_or(Value::Null);
            }
            let _ = a;
        }
        if let Some(d) = display {
            item["display_date"] = json!(d);
        }
        events.push(item);
    }
    let title = corpus.docs.first().and_then(|d| d.title.clone()).unwrap_or_else(|| "Dateline".into());
    let doc = json!({ "title": { "text": { "headline": "Dateline", "text": title } }, "events": events });
    serde_json::to_string_pretty(&doc).expect("json")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tests::quoted;

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
    fn csv_quotes_escape_fields() {
        let c = quoted();
        let csv = quotes_csv(&c);
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 6);
        assert!(lines[1].starts_with("a,Outlet A,2017-04-12,e1,Rex Tillerson,reported,said,Tillerson,\"that Mattis had told him \"\"the regime did it\"\"\","));
        assert_eq!(csv_field("a,b"), "\"a,b\"");
    }

    #[test]
    fn timelinejs_has_dates_and_bounds() {
        let c = quoted();
        let mut c = c;
        c.story.events = crate::model::tests::corpus(crate::corpus::CORPUS.iter().map(|a| a.document()).collect()).story.events;
        c.docs = crate::corpus::CORPUS.iter().map(|a| a.document()).collect();
        c.story.articles = crate::model::tests::corpus(c.docs.clone()).story.articles;
        let v: Value = serde_json::from_str(&timeline_js(&c)).unwrap();
        let events = v["events"].as_array().unwrap();
        assert!(!events.is_empty());
        assert!(events.iter().all(|e| e["start_date"]["year"].is_number() && e["text"]["headline"].is_string()));
        assert!(events.iter().any(|e| e["display_date"].as_str().is_some_and(|d| d.starts_with("before "))));
        assert_eq!(tl_date("2013"), Some(json!({"year": 2013})));
        assert_eq!(tl_date("2017-W15"), None);
        assert_eq!(tl_date("PAST_REF"), None);
        assert_eq!(tl_date("2017-04"), Some(json!({"year": 2017, "month": 4})));
        assert_eq!(tl_date("2017-04-12T10:00"), Some(json!({"year": 2017, "month": 4, "day": 12})));
        assert_eq!(tl_date("FU"), None);
    }
}
