//! The inverted index: weighted fields per document, matched by exact
//! word, stem, compound part, prefix and typo, ranked by how well and how
//! many of the query's words matched.

use super::analyze::{is_stop_word, known_head, split_compound, stem};
use super::fuzzy::{allowed_edits, within};
use super::normalize::{normalize, tokens};
use rustc_hash::FxHashMap as HashMap;

/// How a query word matched a document word, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    Fuzzy,
    Prefix,
    CompoundPart,
    Stem,
    Exact,
}

impl MatchKind {
    /// Whole word over prefix over typo, as people expect.
    fn factor(self) -> u32 {
        match self {
            MatchKind::Exact => 10,
            MatchKind::Stem => 9,
            MatchKind::CompoundPart => 7,
            MatchKind::Prefix => 6,
            MatchKind::Fuzzy => 4,
        }
    }
}

/// One document found by a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Position of the document in the order it was added.
    pub doc: usize,
    pub score: u32,
    /// How many of the query's (meaningful) words matched.
    pub words_matched: usize,
}

/// Prefix matches per query word are capped so that one typed letter does
/// not walk the whole vocabulary; the shortest (most common) come first.
const MAX_PREFIX_TERMS: usize = 400;

#[derive(Debug, Default, Clone)]
pub struct Index {
    /// Every distinct word, sorted (for prefix look-ups).
    terms: Vec<String>,
    /// Per term: (document, best field weight of the term there).
    postings: Vec<Vec<(u32, u8)>>,
    by_term: HashMap<String, usize>,
    by_stem: HashMap<String, Vec<u32>>,
    /// Parts of compound words (and their stems) → the compounds.
    by_part: HashMap<String, Vec<u32>>,
    /// Term ids by length in characters, for typo matching.
    by_len: Vec<Vec<u32>>,
    docs: usize,
}

impl Index {
    /// Build from documents, each a list of (field weight, text).
    pub fn build<'a, D, F>(docs: D) -> Self
    where
        D: IntoIterator<Item = F>,
        F: IntoIterator<Item = (u8, &'a str)>,
    {
        // term → position in `lists` while reading; sorted afterwards.
        let mut ids: HashMap<String, usize> = HashMap::default();
        let mut names: Vec<String> = Vec::new();
        let mut lists: Vec<Vec<(u32, u8)>> = Vec::new();
        // Texts repeat across documents (every group of a topic carries the
        // topic's name and synonyms, templates repeat descriptions), so each
        // distinct text is normalised and its words looked up once: text →
        // its range in `text_terms`.
        let mut texts: HashMap<String, usize> = HashMap::default();
        let mut text_ranges: Vec<(usize, usize)> = Vec::new();
        let mut text_terms: Vec<usize> = Vec::new();
        let mut count = 0;
        for (doc, fields) in docs.into_iter().enumerate() {
            count += 1;
            let doc = doc as u32;
            for (weight, text) in fields {
                let (start, end) = match texts.get(text) {
                    Some(&t) => text_ranges[t],
                    None => {
                        let start = text_terms.len();
                        for term in normalize(text).split_whitespace() {
                            let id = match ids.get(term) {
                                Some(&id) => id,
                                None => {
                                    ids.insert(term.to_owned(), names.len());
                                    names.push(term.to_owned());
                                    lists.push(Vec::new());
                                    names.len() - 1
                                }
                            };
                            text_terms.push(id);
                        }
                        texts.insert(text.to_owned(), text_ranges.len());
                        text_ranges.push((start, text_terms.len()));
                        (start, text_terms.len())
                    }
                };
                for &id in &text_terms[start..end] {
                    let list = &mut lists[id];
                    match list.last_mut() {
                        Some((d, w)) if *d == doc => *w = (*w).max(weight),
                        _ => list.push((doc, weight)),
                    }
                }
            }
        }
        let mut order: Vec<usize> = (0..names.len()).collect();
        crate::order::sort_by(&mut order, |a, b| names[*a].cmp(&names[*b]));
        let terms: Vec<String> = order
            .iter()
            .map(|&i| std::mem::take(&mut names[i]))
            .collect();
        let postings: Vec<Vec<(u32, u8)>> = order
            .iter()
            .map(|&i| std::mem::take(&mut lists[i]))
            .collect();
        let by_term: HashMap<String, usize> = terms
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i))
            .collect();

        let mut by_stem: HashMap<String, Vec<u32>> = HashMap::default();
        for (i, t) in terms.iter().enumerate() {
            by_stem.entry(stem(t)).or_default().push(i as u32);
        }
        let known = |w: &str| {
            w.chars().count() >= 3 && (by_term.contains_key(w) || by_stem.contains_key(w))
        };
        let mut by_part: HashMap<String, Vec<u32>> = HashMap::default();
        let mut by_len: Vec<Vec<u32>> = Vec::new();
        for (i, t) in terms.iter().enumerate() {
            let len = t.chars().count();
            if by_len.len() <= len {
                by_len.resize(len + 1, Vec::new());
            }
            by_len[len].push(i as u32);
            for (head, tail) in split_compound(t, known) {
                for part in [stem(&head), head, stem(&tail), tail] {
                    if part.chars().count() >= 4 {
                        let list = by_part.entry(part).or_default();
                        if list.last() != Some(&(i as u32)) {
                            list.push(i as u32);
                        }
                    }
                }
            }
        }
        Self {
            terms,
            postings,
            by_term,
            by_stem,
            by_part,
            by_len,
            docs: count,
        }
    }

    pub fn len(&self) -> usize {
        self.docs
    }

    pub fn is_empty(&self) -> bool {
        self.docs == 0
    }

    /// Does the index know this word or stem (for splitting query compounds)?
    fn knows(&self, w: &str) -> bool {
        w.chars().count() >= 3 && (self.by_term.contains_key(w) || self.by_stem.contains_key(w))
    }

    /// The index terms a query word matches, each with its best kind.
    fn candidates(&self, word: &str) -> Vec<(u32, MatchKind)> {
        // Best kind per term; a dense table keeps the wasm bundle free of
        // another hash-map instantiation.
        let mut best: Vec<Option<MatchKind>> = vec![None; self.terms.len()];
        let mut found: Vec<u32> = Vec::new();
        let mut add = |t: u32, k: MatchKind| {
            let slot = &mut best[t as usize];
            match slot {
                None => {
                    *slot = Some(k);
                    found.push(t);
                }
                Some(old) if k > *old => *old = k,
                _ => {}
            }
        };
        if let Some(&t) = self.by_term.get(word) {
            add(t as u32, MatchKind::Exact);
        }
        let word_stem = stem(word);
        for &t in self.by_stem.get(&word_stem).into_iter().flatten() {
            add(t, MatchKind::Stem);
        }
        for key in [word, word_stem.as_str()] {
            for &t in self.by_part.get(key).into_iter().flatten() {
                add(t, MatchKind::CompoundPart);
            }
        }
        let start = self.terms.partition_point(|t| t.as_str() < word);
        let mut prefixed: Vec<u32> = (start..self.terms.len())
            .take_while(|&i| self.terms[i].starts_with(word))
            .map(|i| i as u32)
            .collect();
        if prefixed.len() > MAX_PREFIX_TERMS {
            crate::order::sort_by_key(&mut prefixed, |&t| {
                (
                    self.terms[t as usize].len(),
                    std::cmp::Reverse(self.postings[t as usize].len()),
                )
            });
            prefixed.truncate(MAX_PREFIX_TERMS);
        }
        for t in prefixed {
            add(t, MatchKind::Prefix);
        }
        let chars: Vec<char> = word.chars().collect();
        let max = allowed_edits(chars.len());
        if max > 0 {
            let lo = chars.len().saturating_sub(max);
            let hi = (chars.len() + max).min(self.by_len.len().saturating_sub(1));
            let mut buf: Vec<char> = Vec::with_capacity(24);
            for len in lo..=hi {
                for &t in &self.by_len[len] {
                    let term = &self.terms[t as usize];
                    // Cheap filter: a word with ≤ 2 typos shares its first
                    // or second letter with the intended word.
                    let mut tc = term.chars();
                    let (a, b) = (tc.next(), tc.next());
                    if a != Some(chars[0]) && b != Some(chars[0]) && a != chars.get(1).copied() {
                        continue;
                    }
                    buf.clear();
                    buf.extend(term.chars());
                    if within(&chars, &buf, max).is_some_and(|d| d > 0) {
                        add(t, MatchKind::Fuzzy);
                    }
                }
            }
        }
        found
            .into_iter()
            .filter_map(|t| best[t as usize].map(|k| (t, k)))
            .collect()
    }

    /// The meaningful words of a query: stop words dropped (unless nothing
    /// else is left), unknown compounds split into known parts. The last
    /// word may still be being typed ("angehörige dem…"), so it stays when
    /// it begins a longer word of the index, even if it is a stop word.
    fn query_words(&self, query: &str) -> Vec<String> {
        let all = tokens(query);
        let typing = !query.ends_with(char::is_whitespace);
        let last = all.len().saturating_sub(1);
        let meaningful: Vec<String> = all
            .iter()
            .enumerate()
            .filter(|(i, w)| {
                !is_stop_word(w) || (typing && *i == last && self.begins_longer_word(w))
            })
            .map(|(_, w)| w.clone())
            .collect();
        let words = if meaningful.is_empty() {
            all
        } else {
            meaningful
        };
        let mut out = Vec::new();
        for w in words {
            if !self.knows(&w) && !self.by_part.contains_key(&w) {
                if let Some((head, tail)) = split_compound(&w, |p| self.knows(p)).into_iter().next()
                {
                    let known = known_head(&head, |p| self.knows(p))
                        .unwrap_or(&head)
                        .to_owned();
                    out.push(known);
                    out.push(tail);
                    continue;
                }
            }
            out.push(w);
        }
        out.dedup();
        out
    }

    /// How many words of the query count for matching (see `query_words`):
    /// a hit with this many `words_matched` matched them all.
    pub fn word_count(&self, query: &str) -> usize {
        self.query_words(query).len()
    }

    fn begins_longer_word(&self, w: &str) -> bool {
        let start = self.terms.partition_point(|t| t.as_str() <= w);
        self.terms.get(start).is_some_and(|t| t.starts_with(w))
    }

    /// Documents matching at least one query word: those matching more
    /// words first, then by score; ties keep insertion order.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let mut hits = self.search_unordered(query);
        crate::order::sort_by(&mut hits, |a, b| {
            b.words_matched
                .cmp(&a.words_matched)
                .then(b.score.cmp(&a.score))
                .then(a.doc.cmp(&b.doc))
        });
        hits
    }

    /// The same hits in no particular order, for callers that rank with
    /// more than the index knows (the directory sorts once, by its own key).
    pub fn search_unordered(&self, query: &str) -> Vec<Hit> {
        let words = self.query_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let mut score = vec![0u32; self.docs];
        let mut matched = vec![0u8; self.docs];
        let mut word_best = vec![0u32; self.docs];
        let mut touched: Vec<u32> = Vec::new();
        let mut seen: Vec<u32> = Vec::new();
        for word in &words {
            for (term, kind) in self.candidates(word) {
                for &(doc, weight) in &self.postings[term as usize] {
                    let s = u32::from(weight) * kind.factor();
                    let slot = &mut word_best[doc as usize];
                    if *slot == 0 {
                        touched.push(doc);
                    }
                    *slot = (*slot).max(s);
                }
            }
            for &doc in &touched {
                let d = doc as usize;
                score[d] += word_best[d];
                if matched[d] == 0 {
                    seen.push(doc);
                }
                matched[d] += 1;
                word_best[d] = 0;
            }
            touched.clear();
        }
        seen.into_iter()
            .map(|d| Hit {
                doc: d as usize,
                score: score[d as usize],
                words_matched: usize::from(matched[d as usize]),
            })
            .collect()
    }
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
            vec![
                (10, "Alkoholsucht – Anonyme Gruppe"),
                (8, "Sucht Abhängigkeit Alkohol"),
            ],
            vec![(10, "Trauercafé"), (3, "Für Angehörige nach einem Verlust")],
            vec![(10, "Depressionen bei jungen Menschen"), (8, "Depression")],
            vec![(10, "Angehörigengruppe Sucht"), (8, "Sucht")],
        ])
    }

    fn docs(hits: &[Hit]) -> Vec<usize> {
        hits.iter().map(|h| h.doc).collect()
    }

    #[test]
    fn finds_without_umlauts_by_prefix_and_stem() {
        let i = index();
        assert_eq!(i.search("angehoerige demenz")[0].doc, 0);
        assert_eq!(i.search("alko")[0].doc, 1);
        assert_eq!(i.search("ABHÄNGIG")[0].doc, 1);
        assert_eq!(i.search("depressionen")[0].doc, 3);
    }

    #[test]
    fn typos_are_forgiven_but_rank_below_exact_words() {
        let i = index();
        assert_eq!(docs(&i.search("depresion")), [3]);
        assert_eq!(docs(&i.search("alkohl")), [1]);
        assert!(i.search("trau").iter().any(|h| h.doc == 2));
    }

    #[test]
    fn compound_words_are_found_by_their_parts_and_whole() {
        let i = index();
        // "Angehörigengruppe" by "Angehörige"; the name match ranks first.
        let hits = docs(&i.search("angehörige"));
        assert!(hits.contains(&4), "{hits:?}");
        // A query compound the index does not hold is split into known parts.
        assert_eq!(docs(&i.search("suchtangehörige"))[0], 4);
    }

    #[test]
    fn stop_words_are_not_required_but_may_begin_a_word() {
        assert_eq!(
            index().search("gruppe für angehörige von menschen mit demenz")[0].doc,
            0
        );
        // "dem" is a stop word, but typed last it is the start of "Demenz".
        let hits = index().search("angehörige dem");
        assert_eq!((hits[0].doc, hits[0].words_matched), (0, 2));
        // Typed with a space after it, it is a finished stop word.
        assert!(index()
            .search("angehörige dem ")
            .iter()
            .all(|h| h.words_matched == 1));
    }

    #[test]
    fn all_words_rank_over_some() {
        let hits = index().search("angehörige demenz");
        assert_eq!(hits[0].doc, 0);
        assert_eq!(hits[0].words_matched, 2);
        assert!(hits[1..].iter().all(|h| h.words_matched == 1));
        let hits = index().search("trauer xyzzy");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].words_matched, 1);
        assert!(index().search("xyzzy").is_empty());
        assert!(index().search("  ").is_empty());
    }
}
