//! Letter case, for every stage and the explorer: ASCII, Latin-1, Latin
//! Extended-A and -B (Romanian, Vietnamese, pinyin), Greek and Cyrillic —
//! the scripts of the names and words in English-language news. Other
//! characters keep their case, and so does a letter whose other case is not
//! one character ("ß", "İ", final "ς").
//!
//! Not `str::to_lowercase`: std's full Unicode case tables cost about 9 KB
//! gzip of the explorer's wasm (measured), for scripts the engine has no
//! words for. Nor `char::is_lowercase`/`is_uppercase`: their tables cost
//! about 2 KB gzip; [`Letter`] answers from the same ranges.

/// How the upper-case letters of a range map to lower case.
#[derive(Clone, Copy)]
enum Rule {
    /// Each upper-case letter plus this is its lower-case letter.
    Offset(u32),
    /// Alternating pairs: the upper-case letter is at an even code point
    /// (`true`) or an odd one, its lower-case letter right after it.
    Pairs(bool),
}

/// `(first, last, rule)`: the ranges that hold upper-case letters (for
/// pairs, both cases), in code point order.
const RANGES: &[(u32, u32, Rule)] = &[
    (0xC0, 0xD6, Rule::Offset(0x20)),
    (0xD8, 0xDE, Rule::Offset(0x20)),
    (0x100, 0x12F, Rule::Pairs(true)),
    (0x132, 0x137, Rule::Pairs(true)),
    (0x139, 0x148, Rule::Pairs(false)),
    (0x14A, 0x177, Rule::Pairs(true)),
    (0x179, 0x17E, Rule::Pairs(false)),
    (0x1A0, 0x1A5, Rule::Pairs(true)),
    (0x1AF, 0x1B0, Rule::Pairs(false)),
    (0x1CD, 0x1DC, Rule::Pairs(false)),
    (0x1DE, 0x1EF, Rule::Pairs(true)),
    (0x1F4, 0x1F5, Rule::Pairs(true)),
    (0x1F8, 0x21F, Rule::Pairs(true)),
    (0x222, 0x233, Rule::Pairs(true)),
    (0x246, 0x24F, Rule::Pairs(true)),
    (0x386, 0x386, Rule::Offset(0x26)),
    (0x388, 0x38A, Rule::Offset(0x25)),
    (0x38C, 0x38C, Rule::Offset(0x40)),
    (0x38E, 0x38F, Rule::Offset(0x3F)),
    (0x391, 0x3A1, Rule::Offset(0x20)),
    (0x3A3, 0x3AB, Rule::Offset(0x20)),
    (0x3D8, 0x3EF, Rule::Pairs(true)),
    (0x400, 0x40F, Rule::Offset(0x50)),
    (0x410, 0x42F, Rule::Offset(0x20)),
    (0x460, 0x481, Rule::Pairs(true)),
    (0x48A, 0x4BF, Rule::Pairs(true)),
    (0x4C1, 0x4CE, Rule::Pairs(false)),
    (0x4D0, 0x4FF, Rule::Pairs(true)),
    (0x1E00, 0x1E95, Rule::Pairs(true)),
    (0x1EA0, 0x1EFF, Rule::Pairs(true)),
];

/// `c` in lower case.
pub fn lower_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = c as u32;
    if u == 0x178 {
        return 'ÿ';
    }
    let to = RANGES.iter().find(|r| (r.0..=r.1).contains(&u)).and_then(|&(_, _, rule)| match rule {
        Rule::Offset(d) => Some(u + d),
        Rule::Pairs(even) => ((u % 2 == 0) == even).then_some(u + 1),
    });
    to.and_then(char::from_u32).unwrap_or(c)
}

/// `c` in upper case.
pub fn upper_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_uppercase();
    }
    let u = c as u32;
    if c == 'ÿ' {
        return 'Ÿ';
    }
    let to = RANGES.iter().find_map(|&(first, last, rule)| match rule {
        Rule::Offset(d) => (first + d..=last + d).contains(&u).then(|| u - d),
        Rule::Pairs(even) => ((first..=last).contains(&u) && (u % 2 == 0) != even).then(|| u - 1),
    });
    to.and_then(char::from_u32).unwrap_or(c)
}

/// Lower-case letters with no single upper-case letter in [`RANGES`] (or
/// none at all), which std still calls lower case.
const LOWER_ALONE: &[char] = &['ª', 'µ', 'º', 'ß', 'ĸ', 'ŉ', 'ſ', 'ƀ', 'ƍ', 'ƛ', 'ƪ', 'ƫ', 'ƺ', 'ƾ', 'ǰ', 'ȷ', 'ȸ', 'ȹ', 'ΐ', 'ΰ', 'ς', 'ϐ', 'ϑ', 'ϕ', 'ϖ', 'ϗ', 'ϰ', 'ϱ', 'ϲ', 'ϳ', 'ϵ', 'ı'];

/// The non-ASCII characters that are no letter or digit, `(first, last)`:
/// Latin-1's signs, spacing modifiers that are symbols, combining marks,
/// Greek and Cyrillic signs, and the blocks of punctuation, symbols, spaces,
/// surrogates and private use, variation selectors, CJK and fullwidth
/// punctuation, emoji. Every other character is a letter or digit of some
/// script, as in std for the Latin, Greek, Cyrillic and CJK ranges (tested).
const NOT_LETTERS: &[(u32, u32)] = &[
    (0x80, 0xA9),
    (0xAB, 0xB1),
    (0xB4, 0xB4),
    (0xB6, 0xB8),
    (0xBB, 0xBB),
    (0xBF, 0xBF),
    (0xD7, 0xD7),
    (0xF7, 0xF7),
    (0x2C2, 0x2C5),
    (0x2D2, 0x2DF),
    (0x2E5, 0x2EB),
    (0x2ED, 0x2ED),
    (0x2EF, 0x344),
    (0x346, 0x362),
    (0x375, 0x375),
    (0x37E, 0x37E),
    (0x384, 0x385),
    (0x387, 0x387),
    (0x3F6, 0x3F6),
    (0x482, 0x489),
    (0x1FBD, 0x1FBD),
    (0x1FBF, 0x1FC1),
    (0x1FCD, 0x1FCF),
    (0x1FDD, 0x1FDF),
    (0x1FED, 0x1FEF),
    (0x1FFD, 0x1FFE),
    (0x2000, 0x206F),
    (0x20A0, 0x20FF),
    (0x2190, 0x245F),
    (0x2500, 0x2BFF),
    (0x2E00, 0x2E7F),
    (0x3000, 0x3004),
    (0x3008, 0x3020),
    (0x302A, 0x3030),
    (0x3036, 0x3037),
    (0x303D, 0x303F),
    (0x3099, 0x309C),
    (0x30A0, 0x30A0),
    (0x30FB, 0x30FB),
    (0xD800, 0xF8FF),
    (0xFE00, 0xFE0F),
    (0xFE30, 0xFE6F),
    (0xFEFF, 0xFEFF),
    (0xFF01, 0xFF0F),
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
    (0xFFF0, 0xFFFF),
    (0x1F000, 0x1FAFF),
];

/// Latin-1's digits and fractions; other scripts' digits count as letters.
fn latin1_number(c: char) -> bool {
    matches!(c, '²' | '³' | '¹' | '¼' | '½' | '¾')
}

/// One character as a letter (see the module's scope): its case, as std's
/// `is_uppercase` and `is_lowercase` for ASCII, Latin, Greek and Cyrillic
/// letters (a letter of another script is neither); and whether it is a
/// letter or a digit, as std's `is_alphabetic`, `is_numeric` and
/// `is_alphanumeric` for those scripts, without their Unicode tables
/// (about 2 KB gzip of the explorer), from [`NOT_LETTERS`].
pub trait Letter {
    fn is_upper(self) -> bool;
    fn is_lower(self) -> bool;
    /// A letter or digit of any script.
    fn is_alnum(self) -> bool;
    /// A letter of any script (digits of other scripts included).
    fn is_alpha(self) -> bool;
    /// An ASCII digit, or a Latin-1 one (`²`, `½`).
    fn is_num(self) -> bool;
}

impl Letter for char {
    fn is_upper(self) -> bool {
        if self.is_ascii() {
            return self.is_ascii_uppercase();
        }
        self == 'İ' || lower_char(self) != self
    }

    fn is_lower(self) -> bool {
        if self.is_ascii() {
            return self.is_ascii_lowercase();
        }
        upper_char(self) != self || LOWER_ALONE.contains(&self)
    }

    fn is_alnum(self) -> bool {
        if self.is_ascii() {
            return self.is_ascii_alphanumeric();
        }
        let u = self as u32;
        !NOT_LETTERS.iter().any(|&(first, last)| (first..=last).contains(&u))
    }

    fn is_alpha(self) -> bool {
        self.is_alnum() && !self.is_num()
    }

    fn is_num(self) -> bool {
        self.is_ascii_digit() || latin1_number(self)
    }
}

/// Lower and upper case of text (see the module's scope).
pub trait Case {
    fn to_lower(&self) -> String;
    fn to_upper(&self) -> String;
}

impl Case for str {
    fn to_lower(&self) -> String {
        if self.is_ascii() {
            return self.to_ascii_lowercase();
        }
        self.chars().map(lower_char).collect()
    }

    fn to_upper(&self) -> String {
        if self.is_ascii() {
            return self.to_ascii_uppercase();
        }
        self.chars().map(upper_char).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_news_change_case_like_std() {
        for name in ["ÉLYSÉE", "Ángela Merkel", "ŞTEFAN Ţiriac Ștefan", "Łódź", "Ñuñoa", "ÆØÅ", "Đặng Thị Ngọc Thịnh", "Ελλάδα ΑΘΗΝΑ", "Москва ЁЛКА Київ", "Čapek Žižek Ğ", "Ÿ"] {
            assert_eq!(name.to_lower(), name.to_lowercase(), "{name}");
            assert_eq!(name.to_upper(), name.to_uppercase(), "{name}");
        }
    }

    #[test]
    fn every_mapped_letter_is_a_letter_of_the_other_case_and_maps_back() {
        for u in 0..0x2000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let (l, up) = (lower_char(c), upper_char(c));
            if l != c {
                assert!(c.is_uppercase() && l.is_lowercase(), "{c:?} -> {l:?}");
                assert_eq!(l.to_string(), c.to_lowercase().to_string(), "{c:?}");
                assert_eq!(upper_char(l), c, "{c:?}");
            }
            if up != c {
                assert!(c.is_lowercase() && up.is_uppercase(), "{c:?} -> {up:?}");
                assert_eq!(up.to_string(), c.to_uppercase().to_string(), "{c:?}");
            }
        }
    }

    #[test]
    fn letters_have_the_case_std_gives_them_in_the_scripts_of_the_ranges() {
        let mut differ = Vec::new();
        for u in (0..0x250u32).chain(0x370..0x500).chain(0x1E00..0x1F00) {
            let Some(c) = char::from_u32(u) else { continue };
            if c.is_upper() != c.is_uppercase() || c.is_lower() != c.is_lowercase() {
                differ.push(c);
            }
        }
        // The irregular letters of Latin Extended-B (African alphabets, IPA),
        // archaic Greek, Cyrillic palochka, and the few of Latin Extended
        // Additional without a one-letter pair: neither case here.
        let irregular = "ƁƂƃƄƅƆƇƈƉƊƋƌƎƏƐƑƒƓƔƕƖƗƘƙƚƜƝƞƟƦƧƨƩƬƭƮƱƲƳƴƵƶƷƸƹƼƽƿǄǆǇǉǊǌǝǱǳǶǷȠȡȴȵȶȺȻȼȽȾȿɀɁɂɃɄɅͰͱͲͳͶͷͺͻͼͽͿϏϒϓϔϴϷϸϹϺϻϼϽϾϿӀӏẖẗẘẙẚẛẜẝẞẟ";
        assert_eq!(differ.iter().collect::<String>(), irregular);
        assert!(!'東'.is_upper() && !'東'.is_lower() && !'1'.is_upper() && !'.'.is_lower());
    }

    #[test]
    fn letters_and_digits_are_std_s_in_latin_greek_cyrillic_and_cjk() {
        let mut differ = Vec::new();
        for u in (0..0x530u32).chain(0x1E00..0x2000).chain(0x2000..0x2070).chain(0x3000..0x3100).chain(0x4E00..0xA000).chain(0xFF00..0xFF66) {
            let Some(c) = char::from_u32(u) else { continue };
            if c.is_alnum() != c.is_alphanumeric() || c.is_alpha() != (c.is_alphabetic() || (c.is_numeric() && !latin1_number(c) && !c.is_ascii())) || c.is_num() != (c.is_numeric() && (c.is_ascii() || latin1_number(c))) {
                differ.push(c);
            }
        }
        let unassigned = "\u{378}\u{379}\u{380}\u{381}\u{382}\u{383}\u{38b}\u{38d}\u{3a2}\u{1f16}\u{1f17}\u{1f1e}\u{1f1f}\u{1f46}\u{1f47}\u{1f4e}\u{1f4f}\u{1f58}\u{1f5a}\u{1f5c}\u{1f5e}\u{1f7e}\u{1f7f}\u{1fb5}\u{1fc5}\u{1fd4}\u{1fd5}\u{1fdc}\u{1ff0}\u{1ff1}\u{1ff5}\u{1fff}\u{3040}\u{3097}\u{3098}\u{ff00}";
        assert_eq!(differ.iter().collect::<String>(), unassigned, "only code points Unicode leaves unassigned differ");
        for word in ["עברית", "العربية", "हिन्दी", "日本語", "한국어", "ქართული"] {
            assert!(word.chars().all(char::is_alnum), "{word}");
        }
        for c in "«»¿¡—–…“”‘’•€£¥©®°±§¶·×÷、。「」！？（）：😀\u{200B}\u{FEFF}".chars() {
            assert!(!c.is_alnum(), "{c:?}");
        }
    }

    #[test]
    fn other_letters_keep_their_case() {
        assert_eq!("ß İ ς 東京 ＡＢ".to_lower(), "ß İ ς 東京 ＡＢ");
        assert_eq!("ß ς ı".to_upper(), "ß ς ı");
    }
}
