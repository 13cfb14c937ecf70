//! Typo tolerance: the optimal-string-alignment distance (Levenshtein plus
//! swapped neighbours, "diabtees"), computed only up to a bound.

/// How many edits a query word of this length may contain: none below 5
/// letters, one from 5, two from 9.
pub fn allowed_edits(word_chars: usize) -> usize {
    match word_chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// The distance between `a` and `b` if it is at most `max`, else `None`.
pub fn within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let (n, m) = (a.len(), b.len());
    // Three rows: two back for transpositions.
    let mut prev2 = vec![0usize; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur = vec![0usize; m + 1];
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[m]).filter(|d| *d <= max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        within(
            &a.chars().collect::<Vec<_>>(),
            &b.chars().collect::<Vec<_>>(),
            max,
        )
    }

    #[test]
    fn typical_typos() {
        assert_eq!(d("depresion", "depression", 2), Some(1));
        assert_eq!(d("alkohl", "alkohol", 1), Some(1));
        assert_eq!(d("diabtees", "diabetes", 1), Some(1));
        assert_eq!(d("trauer", "trauer", 0), Some(0));
        assert_eq!(d("sucht", "sicht", 1), Some(1));
        assert_eq!(d("demenz", "dezember", 2), None);
        assert_eq!(d("abc", "abcdef", 2), None);
    }

    #[test]
    fn edits_grow_with_length() {
        assert_eq!(allowed_edits(4), 0);
        assert_eq!(allowed_edits(5), 1);
        assert_eq!(allowed_edits(9), 2);
    }
}
