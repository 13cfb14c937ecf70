//! Marking the words of a text that a query matched, by the same rules the
//! engine matches with (normalised word, prefix, stem, compound part, typo).

use super::analyze::{is_stop_word, stem};
use super::fuzzy::{allowed_edits, within};
use super::normalize::{normalize, tokens};

pub struct Highlighter {
    /// (word, its stem, its characters)
    words: Vec<(String, String, Vec<char>)>,
}

impl Highlighter {
    pub fn new(query: &str) -> Self {
        let words = tokens(query)
            .into_iter()
            .filter(|w| !is_stop_word(w))
            .map(|w| {
                let s = stem(&w);
                let c = w.chars().collect();
                (w, s, c)
            })
            .collect();
        Self { words }
    }

    fn matches(&self, word: &str) -> bool {
        let n = normalize(word);
        let n = n.trim();
        if n.is_empty() {
            return false;
        }
        let n_stem = stem(n);
        let n_chars: Vec<char> = n.chars().collect();
        self.words.iter().any(|(w, s, c)| {
            n.starts_with(w.as_str())
                || n_stem == *s
                || (c.len() >= 4 && (n.contains(w.as_str()) || n.contains(s.as_str())))
                || within(c, &n_chars, allowed_edits(c.len())).is_some_and(|d| d > 0 || c.len() > 4)
        })
    }

    /// The text in runs, `true` for words to mark. Joined, the runs give
    /// back the text.
    pub fn runs(&self, text: &str) -> Vec<(String, bool)> {
        let mut out: Vec<(String, bool)> = Vec::new();
        let mut push = |s: &str, hit: bool| match out.last_mut() {
            Some((prev, h)) if *h == hit => prev.push_str(s),
            _ => out.push((s.to_owned(), hit)),
        };
        let mut start = 0;
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            let alnum = c.is_alphanumeric();
            if alnum != in_word {
                if i > start {
                    let part = &text[start..i];
                    push(part, in_word && self.matches(part));
                }
                start = i;
                in_word = alnum;
            }
        }
        if start < text.len() {
            let part = &text[start..];
            push(part, in_word && self.matches(part));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(query: &str, text: &str) -> Vec<String> {
        let runs = Highlighter::new(query).runs(text);
        assert_eq!(runs.iter().map(|r| r.0.as_str()).collect::<String>(), text);
        runs.into_iter().filter(|r| r.1).map(|r| r.0).collect()
    }

    #[test]
    fn marks_what_the_engine_matches() {
        assert_eq!(
            marked("angehoerige deme", "Angehörige von Menschen mit Demenz"),
            ["Angehörige", "Demenz"]
        );
        assert_eq!(
            marked("sucht", "Angehörigengruppe Sucht, Alkoholsucht"),
            ["Sucht", "Alkoholsucht"]
        );
        assert_eq!(marked("depresion", "Depression im Alter"), ["Depression"]);
        assert_eq!(
            marked("gruppe für trauer", "Gruppe für Trauernde"),
            ["Trauernde"]
        );
        assert!(marked("", "Trauer").is_empty());
    }
}
