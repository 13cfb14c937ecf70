//! An inverted index over weighted text fields.

use super::normalize::{normalize, tokens};
use std::collections::HashMap;

/// How a query word matched a document word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchKind {
    Prefix,
    Exact,
}

impl MatchKind {
    fn factor(self) -> u32 {
        match self {
            MatchKind::Exact => 3,
            MatchKind::Prefix => 2,
        }
    }
}

/// One document found by a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Position of the document in the order it was added.
    pub doc: usize,
    pub score: u32,
    /// How many of the query's words matched.
    pub words_matched: usize,
    /// The document words that matched, normalised, for highlighting.
    pub matched_terms: Vec<String>,
}

#[derive(Debug, Default, Clone)]
pub struct Index {
    /// term → (document, best field weight of the term in that document)
    postings: HashMap<String, Vec<(u32, u8)>>,
    /// All terms, sorted, for prefix look-ups.
    terms: Vec<String>,
    docs: usize,
}

impl Index {
    /// Build from documents, each a list of (field weight, text).
    pub fn build<'a, D, F>(docs: D) -> Self
    where
        D: IntoIterator<Item = F>,
        F: IntoIterator<Item = (u8, &'a str)>,
    {
        let mut postings: HashMap<String, Vec<(u32, u8)>> = HashMap::new();
        let mut count = 0;
        for (doc, fields) in docs.into_iter().enumerate() {
            count += 1;
            let doc = doc as u32;
            for (weight, text) in fields {
                for term in normalize(text).split_whitespace() {
                    let list = postings.entry(term.to_owned()).or_default();
                    match list.last_mut() {
                        Some((d, w)) if *d == doc => *w = (*w).max(weight),
                        _ => list.push((doc, weight)),
                    }
                }
            }
        }
        let mut terms: Vec<String> = postings.keys().cloned().collect();
        terms.sort_unstable();
        Self {
            postings,
            terms,
            docs: count,
        }
    }

    pub fn len(&self) -> usize {
        self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// Index terms that a query word matches, with how.
    fn expand<'s>(&'s self, word: &'s str) -> impl Iterator<Item = (&'s str, MatchKind)> + 's {
        let start = self.terms.partition_point(|t| t.as_str() < word);
        let allow_prefix = word.chars().count() >= 2;
        self.terms[start..]
            .iter()
            .take_while(move |t| t.starts_with(word))
            .filter(move |t| allow_prefix || t.as_str() == word)
            .map(move |t| {
                (
                    t.as_str(),
                    if t == word {
                        MatchKind::Exact
                    } else {
                        MatchKind::Prefix
                    },
                )
            })
    }

    /// Documents matching the query. Documents that match every query word
    /// come first; if none does, documents matching some words are returned.
    /// Within that, higher scores first; ties keep insertion order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let words = tokens(query);
        if words.is_empty() {
            return Vec::new();
        }
        // doc → (score, words matched, terms)
        let mut acc: HashMap<u32, (u32, usize, Vec<String>)> = HashMap::new();
        for word in &words {
            let mut best: HashMap<u32, (u32, &str)> = HashMap::new();
            for (term, kind) in self.expand(word) {
                for &(doc, weight) in &self.postings[term] {
                    let s = u32::from(weight) * kind.factor();
                    let e = best.entry(doc).or_insert((0, term));
                    if s > e.0 {
                        *e = (s, term);
                    }
                }
            }
            for (doc, (s, term)) in best {
                let e = acc.entry(doc).or_default();
                e.0 += s;
                e.1 += 1;
                e.2.push(term.to_owned());
            }
        }
        let all = words.len();
        let mut hits: Vec<Hit> = acc
            .into_iter()
            .map(|(doc, (score, words_matched, matched_terms))| Hit {
                doc: doc as usize,
                score,
                words_matched,
                matched_terms,
            })
            .collect();
        if hits.iter().any(|h| h.words_matched == all) {
            hits.retain(|h| h.words_matched == all);
        }
        hits.sort_by(|a, b| {
            b.words_matched
                .cmp(&a.words_matched)
                .then(b.score.cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        });
        hits
    }
}

/// Split `text` into runs, marking the words that start with one of
/// `terms` (normalised), for highlighting matches.
pub fn highlight(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut push = |s: &str, hit: bool| match out.last_mut() {
        Some((prev, h)) if *h == hit => prev.push_str(s),
        _ => out.push((s.to_owned(), hit)),
    };
    let mut word_start: Option<usize> = None;
    let mut last = 0;
    let flush = |start: usize, end: usize, push: &mut dyn FnMut(&str, bool)| {
        let word = &text[start..end];
        let n = normalize(word);
        let hit = !terms.is_empty()
            && terms.iter().any(|t| {
                !t.is_empty()
                    && (n.starts_with(t.as_str()) || t.starts_with(n.trim()))
                    && !n.trim().is_empty()
            });
        push(word, hit);
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if word_start.is_none() {
                if last < i {
                    push(&text[last..i], false);
                }
                word_start = Some(i);
            }
        } else if let Some(s) = word_start.take() {
            flush(s, i, &mut push);
            last = i;
        }
        if word_start.is_none() && !c.is_alphanumeric() {
            // separators are pushed lazily with the next word or at the end
        }
    }
    if let Some(s) = word_start {
        flush(s, text.len(), &mut push);
    } else if last < text.len() {
        push(&text[last..], false);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> Index {
        Index::build(vec![
            vec![
                (10u8, "Angehörige von Menschen mit Demenz"),
                (3, "Austausch und Entlastung"),
            ],
            vec![(10, "Alkohol – Anonyme Gruppe"), (8, "Sucht Abhängigkeit")],
            vec![(10, "Trauercafé"), (3, "Für Angehörige nach einem Verlust")],
        ])
    }

    #[test]
    fn finds_without_umlauts_and_by_prefix() {
        let i = index();
        let hits = i.search("angehoerige demenz");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].doc, 0);
        assert_eq!(i.search("alko")[0].doc, 1);
        assert_eq!(i.search("ABHÄNGIG")[0].doc, 1);
    }

    #[test]
    fn name_outranks_description() {
        let hits = index().search("angehörige");
        let docs: Vec<_> = hits.iter().map(|h| h.doc).collect();
        assert_eq!(docs, [0, 2]);
    }

    #[test]
    fn some_words_when_no_document_has_all() {
        let hits = index().search("trauer xyzzy");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].words_matched, 1);
        assert!(index().search("xyzzy").is_empty());
        assert!(index().search("  ").is_empty());
    }

    #[test]
    fn highlight_marks_matching_words() {
        let runs = highlight(
            "Angehörige von Menschen mit Demenz",
            &["angehoerige".into(), "dem".into()],
        );
        let marked: Vec<_> = runs.iter().filter(|r| r.1).map(|r| r.0.as_str()).collect();
        assert_eq!(marked, ["Angehörige", "Demenz"]);
        let joined: String = runs.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(joined, "Angehörige von Menschen mit Demenz");
    }
}
