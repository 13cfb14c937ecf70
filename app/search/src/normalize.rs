//! Text normalisation for German: lower case, ä/ö/ü/ß spelled out as
//! ae/oe/ue/ss so that "Angehoerige", "Angehörige" and "ANGEHÖRIGE" are the
//! same word, other Latin letters with diacritics reduced to their base
//! letter (é → e), and everything that is not a letter or digit a space.
//!
//! The folding table covers Latin-1 Supplement and Latin Extended-A/B and was
//! generated from Unicode's NFKD decompositions. A hand table instead of the
//! `unicode-normalization` crate keeps its tables out of the browser bundle;
//! letters of other scripts (Cyrillic, Arabic, …) are kept as they are.

/// The base letters of a lower-case Latin letter with diacritics.
fn latin_base(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ǟ' | 'ǡ' | 'ǻ' | 'ȁ' | 'ȃ' | 'ȧ' => {
            "a"
        }
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ð' | 'ď' | 'đ' => "d",
        'ǆ' | 'ǳ' => "dz",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'ȅ' | 'ȇ' | 'ȩ' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' | 'ǧ' | 'ǵ' => "g",
        'ĥ' | 'ħ' | 'ȟ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' | 'ȉ' | 'ȋ' => "i",
        'ĳ' => "ij",
        'ĵ' | 'ǰ' => "j",
        'ķ' | 'ĸ' | 'ǩ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ǉ' => "lj",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ǹ' => "n",
        'ǌ' => "nj",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ơ' | 'ǒ' | 'ǫ' | 'ǭ' | 'ȍ' | 'ȏ' | 'ȫ'
        | 'ȭ' | 'ȯ' | 'ȱ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' | 'ȑ' | 'ȓ' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ư' | 'ǔ' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ'
        | 'ȕ' | 'ȗ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' | 'ȳ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Fold one character to a plain letter where one exists (é → e).
pub fn fold_char(c: char) -> char {
    latin_base(c).and_then(|s| s.chars().next()).unwrap_or(c)
}

/// What the last character written was, to put a boundary between letters
/// and digits ("Typ1" reads as "Typ 1").
#[derive(Clone, Copy, PartialEq)]
enum Class {
    Space,
    Letter,
    Digit,
}

/// Normalise a text for matching (see the module documentation).
///
/// Most text is ASCII, and the index normalises every field of every group
/// when the browser builds it, so ASCII takes a path without Unicode
/// tables.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut last = Class::Space;
    let mut push = |out: &mut String, class: Class, s: &str| {
        if class != Class::Space && last != Class::Space && class != last {
            out.push(' ');
        }
        out.push_str(s);
        last = class;
    };
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c.is_ascii() {
            let c = c.to_ascii_lowercase();
            let class = if c.is_ascii_digit() {
                Class::Digit
            } else if c.is_ascii_alphabetic() {
                Class::Letter
            } else {
                Class::Space
            };
            let s = if class == Class::Space {
                " "
            } else {
                c.encode_utf8(&mut buf)
            };
            push(&mut out, class, s);
            continue;
        }
        for c in c.to_lowercase() {
            match c {
                'ä' => push(&mut out, Class::Letter, "ae"),
                'ö' => push(&mut out, Class::Letter, "oe"),
                'ü' => push(&mut out, Class::Letter, "ue"),
                'ß' => push(&mut out, Class::Letter, "ss"),
                c => match latin_base(c) {
                    Some(base) => push(&mut out, Class::Letter, base),
                    None if c.is_numeric() => push(&mut out, Class::Digit, c.encode_utf8(&mut buf)),
                    None if c.is_alphanumeric() => {
                        push(&mut out, Class::Letter, c.encode_utf8(&mut buf))
                    }
                    None => push(&mut out, Class::Space, " "),
                },
            }
        }
    }
    out
}

/// The words of a text after [`normalize`].
pub fn tokens(text: &str) -> Vec<String> {
    normalize(text)
        .split_whitespace()
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn umlauts_and_case_fold() {
        assert_eq!(normalize("Angehörige"), "angehoerige");
        assert_eq!(normalize("ANGEHÖRIGE"), "angehoerige");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("Café"), "cafe");
        assert_eq!(normalize("Łódź Ærø"), "lodz aero");
    }

    #[test]
    fn other_scripts_are_kept() {
        assert_eq!(normalize("Привет"), "привет");
    }

    #[test]
    fn punctuation_splits_words() {
        assert_eq!(
            tokens("Typ-1-Diabetes (Eltern)"),
            ["typ", "1", "diabetes", "eltern"]
        );
        assert_eq!(tokens("LGBTQ+"), ["lgbtq"]);
        assert_eq!(
            tokens("Typ1 Typ 1 Typ-1"),
            ["typ", "1", "typ", "1", "typ", "1"]
        );
        assert_eq!(
            tokens("Ü60 60plus ²x"),
            ["ue", "60", "60", "plus", "²", "x"]
        );
    }
}
