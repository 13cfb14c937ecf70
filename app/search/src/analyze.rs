//! From normalised words to what the index matches on: stems (German
//! Snowball), stop words, and the parts of compound words.

use rust_stemmers::{Algorithm, Stemmer};
use std::sync::OnceLock;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::German))
}

/// The German Snowball stem of a normalised word ("angehoerigen" →
/// "angehoer"). Both sides of a match are normalised the same way first, so
/// umlauts spelled out (ae, oe, ue) stem alike.
pub fn stem(word: &str) -> String {
    stemmer().stem(word).into_owned()
}

/// Words that carry no meaning for finding a group; a query made only of
/// them keeps them.
const STOP_WORDS: &[&str] = &[
    "am",
    "an",
    "auf",
    "bei",
    "beim",
    "das",
    "dem",
    "den",
    "der",
    "des",
    "die",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "fuer",
    "gruppe",
    "gruppen",
    "ich",
    "im",
    "in",
    "mein",
    "meine",
    "meinem",
    "meinen",
    "meiner",
    "mich",
    "mir",
    "mit",
    "nach",
    "oder",
    "selbsthilfegruppe",
    "selbsthilfegruppen",
    "shg",
    "suche",
    "ueber",
    "und",
    "uns",
    "vom",
    "von",
    "wir",
    "zu",
    "zum",
    "zur",
];

pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

/// Linking elements between the parts of a German compound
/// (Angehörige-n-gruppe, Gespräch-s-kreis).
const LINKS: &[&str] = &["en", "es", "n", "s", "e"];

/// The known word a compound's head stands for: the head itself, or the
/// head without its linking element ("angehoerigen" → "angehoerige").
pub fn known_head(head: &str, known: impl Fn(&str) -> bool) -> Option<&str> {
    if known(head) {
        return Some(head);
    }
    LINKS
        .iter()
        .filter_map(|l| head.strip_suffix(l))
        .find(|h| h.chars().count() >= 3 && known(h))
}

/// Ways to read `word` as head + tail where both are known (`known` tells),
/// the head possibly ending in a linking element. Each part has at least
/// 3 letters, and at least one of them 4.
pub fn split_compound(word: &str, known: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let len = word.chars().count();
    if len < 7 {
        return out;
    }
    // Slices, not new strings, for every place the word could split: this
    // runs for every word when the browser builds the index.
    for (i, (at, _)) in word.char_indices().enumerate().take(len - 2).skip(3) {
        let (head, tail) = word.split_at(at);
        if (i < 4 && len - i < 4) || !known(tail) {
            continue;
        }
        if known_head(head, &known).is_some() {
            out.push((head.to_owned(), tail.to_owned()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_agree_across_inflections() {
        assert_eq!(stem("angehoerige"), stem("angehoerigen"));
        assert_eq!(stem("alleinerziehend"), stem("alleinerziehende"));
        assert_eq!(stem("depressionen"), stem("depression"));
    }

    #[test]
    fn stop_words_are_sorted_for_lookup() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("und") && !is_stop_word("trauer"));
    }

    #[test]
    fn compounds_split_on_known_parts() {
        let known = |w: &str| {
            [
                "alkohol",
                "sucht",
                "angehoerige",
                "gruppe",
                "gespraech",
                "kreis",
            ]
            .contains(&w)
        };
        assert_eq!(
            split_compound("alkoholsucht", known),
            [("alkohol".into(), "sucht".into())]
        );
        assert_eq!(
            split_compound("angehoerigengruppe", known),
            [("angehoerigen".into(), "gruppe".into())]
        );
        assert_eq!(
            split_compound("gespraechskreis", known),
            [("gespraechs".into(), "kreis".into())]
        );
        assert!(split_compound("trauer", known).is_empty());
    }
}
