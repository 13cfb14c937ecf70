//! Text normalisation for German: lower case, Unicode NFKD with marks
//! removed, and ä/ö/ü/ß folded to ae/oe/ue/ss so that "Angehoerige",
//! "Angehörige" and "ANGEHÖRIGE" are the same word.

use unicode_normalization::UnicodeNormalization;

/// Fold one character to ASCII where a plain letter exists (é → e).
/// German umlauts are handled by [`normalize`], which spells them out.
pub fn fold_char(c: char) -> char {
    let s = c.to_string();
    let folded = s.nfkd().find(char::is_ascii);
    folded.unwrap_or(c)
}

/// Normalise a text for matching: lower case, umlauts spelled out, accents
/// dropped, everything that is not a letter or digit becomes a space.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_ascii_alphanumeric() => out.push(c),
            c if c.is_alphanumeric() => {
                let mut any = false;
                for d in c.to_string().nfkd() {
                    if d.is_alphanumeric() {
                        out.push(d);
                        any = true;
                    }
                }
                if !any {
                    out.push(' ');
                }
            }
            _ => out.push(' '),
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
    }

    #[test]
    fn punctuation_splits_words() {
        assert_eq!(
            tokens("Typ-1-Diabetes (Eltern)"),
            ["typ", "1", "diabetes", "eltern"]
        );
        assert_eq!(tokens("LGBTQ+"), ["lgbtq"]);
    }
}
