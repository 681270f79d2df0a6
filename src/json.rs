//! A small JSON reader into a plain tree, for what the page reads: the
//! user's stored articles (`import`) and story files (`story_file`). One
//! reader instead of serde_json's deserializer and derived readers: for the
//! engine's `Story` alone those cost about 17 KB gzip of the site's wasm
//! (measured), and serde_json's deserializer is left out of the wasm
//! altogether (its serializer writes the exports and the storage). Numbers
//! keep only what these files use: non-negative integers. Any input returns
//! a value or an error with its line and column; nothing panics, and
//! nesting is bounded.

/// `value` as JSON (pretty when `pretty`), for the page's own plain types,
/// whose serialisation cannot fail (structs, strings, numbers, sequences).
/// serde_json's error is not formatted: its `Display` would bring serde_json's
/// and std::io's error texts into the wasm.
pub fn write<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> String {
    let json = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) };
    match json {
        Ok(json) => json,
        Err(_) => unreachable!("plain data serialises to JSON"),
    }
}

/// A JSON value. Objects keep their fields in file order.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number: `Some` for a non-negative integer that fits `u64`.
    Num(Option<u64>),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// An object's field (the first of that name); `None` when missing or
    /// when `self` is not an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// How deep arrays and objects may nest (a story needs 6).
const MAX_DEPTH: usize = 64;

/// Parses one JSON document (whitespace around it allowed).
pub fn parse(text: &str) -> Result<Json, String> {
    let mut p = Parser { s: text.as_bytes(), i: 0 };
    let v = p.value(0).and_then(|v| {
        p.ws();
        if p.i < p.s.len() { Err("unexpected text after the JSON value") } else { Ok(v) }
    });
    v.map_err(|e| {
        let before = &p.s[..p.i.min(p.s.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        format!("line {line}, column {column}: {e}")
    })
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

type R<T> = Result<T, &'static str>;

impl Parser<'_> {
    fn ws(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        let hit = self.s.get(self.i) == Some(&b);
        self.i += usize::from(hit);
        hit
    }

    fn word(&mut self, w: &[u8], v: Json) -> R<Json> {
        if self.s[self.i..].starts_with(w) {
            self.i += w.len();
            Ok(v)
        } else {
            Err("expected a JSON value")
        }
    }

    fn value(&mut self, depth: usize) -> R<Json> {
        if depth > MAX_DEPTH {
            return Err("nested too deeply");
        }
        self.ws();
        match self.s.get(self.i) {
            None => Err("unexpected end of the file"),
            Some(b'n') => self.word(b"null", Json::Null),
            Some(b't') => self.word(b"true", Json::Bool(true)),
            Some(b'f') => self.word(b"false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'[') => {
                self.i += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err("expected ',' or ']'");
                        }
                    }
                }
                Ok(Json::Arr(items))
            }
            Some(b'{') => {
                self.i += 1;
                let mut fields = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.ws();
                        if self.s.get(self.i) != Some(&b'"') {
                            return Err("expected a field name in double quotes");
                        }
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return Err("expected ':'");
                        }
                        fields.push((key, self.value(depth + 1)?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return Err("expected ',' or '}'");
                        }
                    }
                }
                Ok(Json::Obj(fields))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err("expected a JSON value"),
        }
    }

    /// Digits from here; how many.
    fn digits(&mut self) -> usize {
        let from = self.i;
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        self.i - from
    }

    fn number(&mut self) -> R<Json> {
        let negative = self.s[self.i] == b'-';
        self.i += usize::from(negative);
        let from = self.i;
        let n = self.digits();
        if n == 0 || (n > 1 && self.s[from] == b'0') {
            return Err("malformed number");
        }
        let mut value = std::str::from_utf8(&self.s[from..self.i]).ok().and_then(|d| d.parse::<u64>().ok()).filter(|_| !negative);
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err("malformed number");
            }
            value = None;
        }
        if matches!(self.s.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.s.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err("malformed number");
            }
            value = None;
        }
        Ok(Json::Num(value))
    }

    /// Four hex digits of a `\u` escape.
    fn hex4(&mut self) -> R<u32> {
        let h = self.s.get(self.i..self.i + 4).ok_or("unexpected end of the file")?;
        let v = std::str::from_utf8(h).ok().and_then(|h| u32::from_str_radix(h, 16).ok()).ok_or("malformed \\u escape")?;
        self.i += 4;
        Ok(v)
    }

    /// A string, at its opening quote. The input is `str`, so runs between
    /// escapes (cut at ASCII bytes) are UTF-8.
    fn string(&mut self) -> R<String> {
        self.i += 1;
        let mut out = String::new();
        let mut from = self.i;
        loop {
            let Some(&b) = self.s.get(self.i) else { return Err("unterminated string") };
            if b == b'"' || b == b'\\' {
                out.push_str(std::str::from_utf8(&self.s[from..self.i]).map_err(|_| "invalid UTF-8")?);
                self.i += 1;
                if b == b'"' {
                    return Ok(out);
                }
                let Some(&e) = self.s.get(self.i) else { return Err("unterminated string") };
                self.i += 1;
                let c = match e {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    b'u' => {
                        let mut c = self.hex4()?;
                        if (0xd800..0xdc00).contains(&c) && self.s[self.i..].starts_with(b"\\u") {
                            self.i += 2;
                            let low = self.hex4()?;
                            if !(0xdc00..0xe000).contains(&low) {
                                return Err("invalid surrogate pair");
                            }
                            c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
                        }
                        char::from_u32(c).ok_or("lone surrogate in a \\u escape")?
                    }
                    _ => return Err("invalid escape"),
                };
                out.push(c);
                from = self.i;
            } else if b < 0x20 {
                return Err("control character in a string");
            } else {
                self.i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_kind_of_value() {
        let v = parse(" {\"a\": [1, -2, 3.5, 1e3, 0, 18446744073709551615, 18446744073709551616], \"b\": {\"c\": null, \"d\": true, \"e\": false}, \"s\": \"x\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00 é\"} ").unwrap();
        let Json::Obj(f) = v else { panic!() };
        assert_eq!(f[0].1, Json::Arr(vec![Json::Num(Some(1)), Json::Num(None), Json::Num(None), Json::Num(None), Json::Num(Some(0)), Json::Num(Some(u64::MAX)), Json::Num(None)]));
        assert_eq!(f[1].1, Json::Obj(vec![("c".into(), Json::Null), ("d".into(), Json::Bool(true)), ("e".into(), Json::Bool(false))]));
        assert_eq!(f[2].1, Json::Str("x\"\\/\u{8}\u{c}\n\r\té😀 é".into()));
        assert_eq!(parse("[]").unwrap(), Json::Arr(vec![]));
        assert_eq!(parse("{}").unwrap(), Json::Obj(vec![]));
    }

    #[test]
    fn bad_input_is_an_error_with_its_place_never_a_panic() {
        for bad in [
            "", " ", "{", "[", "[1,", "[1 2]", "{\"a\" 1}", "{\"a\":}", "{a:1}", "{\"a\":1,}", "[1,]", "nul", "tru", "01", "-", "1.", "1e", "1.e3",
            "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\uZZZZ\"", "\"\\ud800\"", "\"\\ud800\\u0041\"", "\"\\udc00\"", "\"a\nb\"", "\"\\", "[1] 2", "{\"a\":1}}", "'a'",
        ] {
            let e = parse(bad).unwrap_err();
            assert!(e.starts_with("line "), "{bad:?}: {e}");
        }
        assert!(parse("[\n  1,\n  x]").unwrap_err().starts_with("line 3, column 3:"), "{}", parse("[\n  1,\n  x]").unwrap_err());
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).unwrap_err().contains("nested too deeply"));
        assert!(parse(&format!("{}{}", "[".repeat(60), "]".repeat(60))).is_ok());
    }

    #[test]
    fn any_prefix_of_a_document_parses_or_errs() {
        let doc = "{\"schema\": 1, \"t\": \"é😀\\u00e9\", \"n\": [0, -1.5e-3, true, null]}";
        for i in 0..=doc.len() {
            if let Some(p) = doc.get(..i) {
                let _ = parse(p);
            }
        }
        assert!(parse(doc).is_ok());
    }
}
