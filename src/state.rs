//! The view state that lives in the URL hash: the selected item and the
//! filters. Plain types, parsed and printed here, tested natively.
//!
//! Shape: `#sel=ev:v3&speaker=e1&entity=e2&outlet=Townhall&q=chemical`,
//! every value percent-encoded; unknown keys are ignored, so old links keep
//! working.

/// What the user selected: a timeline item or one quote of one article.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Selection {
    /// A timeline item by its event id (`v3`).
    Event(String),
    /// A quote: the article id and the quote's index in that article.
    Quote { article: String, index: usize },
}

/// Everything a link reopens: selection and filters.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub selection: Option<Selection>,
    /// A speaker's entity id.
    pub speaker: Option<String>,
    /// An entity id, or a participant's name when the engine gave no entity.
    pub entity: Option<String>,
    /// An outlet name (see [`crate::model::outlet_name`]).
    pub outlet: Option<String>,
    /// Free text, matched case-insensitively.
    pub query: String,
}

impl ViewState {
    /// Parses a location hash (with or without the leading `#`).
    pub fn from_hash(hash: &str) -> ViewState {
        let mut state = ViewState::default();
        for pair in hash.trim_start_matches('#').split('&') {
            let Some((key, value)) = pair.split_once('=') else { continue };
            let value = decode(value);
            if value.is_empty() {
                continue;
            }
            match key {
                "sel" => state.selection = parse_selection(&value),
                "speaker" => state.speaker = Some(value),
                "entity" => state.entity = Some(value),
                "outlet" => state.outlet = Some(value),
                "q" => state.query = value,
                _ => {}
            }
        }
        state
    }

    /// The hash for this state, `#` included; `""` for the default view.
    pub fn to_hash(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(sel) = &self.selection {
            let value = match sel {
                Selection::Event(id) => format!("ev:{id}"),
                Selection::Quote { article, index } => format!("q:{article}:{index}"),
            };
            parts.push(format!("sel={}", encode(&value)));
        }
        for (key, value) in [("speaker", &self.speaker), ("entity", &self.entity), ("outlet", &self.outlet)] {
            if let Some(v) = value {
                parts.push(format!("{key}={}", encode(v)));
            }
        }
        if !self.query.is_empty() {
            parts.push(format!("q={}", encode(&self.query)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("#{}", parts.join("&"))
        }
    }

    /// Whether any filter is set (the selection is not a filter).
    pub fn filtered(&self) -> bool {
        self.speaker.is_some() || self.entity.is_some() || self.outlet.is_some() || !self.query.trim().is_empty()
    }
}

fn parse_selection(value: &str) -> Option<Selection> {
    if let Some(id) = value.strip_prefix("ev:") {
        return (!id.is_empty()).then(|| Selection::Event(id.to_string()));
    }
    let rest = value.strip_prefix("q:")?;
    let (article, index) = rest.rsplit_once(':')?;
    Some(Selection::Quote { article: article.to_string(), index: index.parse().ok()? })
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` (as a space); malformed escapes are kept as
/// they are and invalid UTF-8 is replaced, so any hash parses.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_field() {
        let state = ViewState {
            selection: Some(Selection::Quote { article: "town-hall".into(), index: 3 }),
            speaker: Some("e1".into()),
            entity: Some("united states".into()),
            outlet: Some("Townhall & Co".into()),
            query: "chemical weapons, 2013".into(),
        };
        let hash = state.to_hash();
        assert!(hash.starts_with("#sel=q:town-hall:3&"), "{hash}");
        assert!(!hash.contains(' '));
        assert_eq!(ViewState::from_hash(&hash), state);
        let ev = ViewState { selection: Some(Selection::Event("v12".into())), ..Default::default() };
        assert_eq!(ev.to_hash(), "#sel=ev:v12");
        assert_eq!(ViewState::from_hash("sel=ev:v12"), ev);
    }

    #[test]
    fn default_view_has_empty_hash_and_junk_is_ignored() {
        assert_eq!(ViewState::default().to_hash(), "");
        assert_eq!(ViewState::from_hash(""), ViewState::default());
        assert_eq!(ViewState::from_hash("#foo=bar&sel=q:x:notanumber&%%=&q=%"), ViewState { query: "%".into(), ..Default::default() });
        assert_eq!(decode("a%2"), "a%2");
        assert_eq!(decode("%E2%80%99s+x"), "’s x");
        assert_eq!(decode("%ZZ"), "%ZZ");
    }
}
