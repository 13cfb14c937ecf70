//! One sort for the whole core. Every `sort_by` with its own closure
//! instantiates the standard library's sort again, which costs about 5 KB
//! of wasm each; sorting positions through one comparison function keeps a
//! single copy in the browser bundle. Stable, like `slice::sort_by`.

use std::cmp::Ordering;

/// The positions `0..n` in the order `cmp` gives (stable).
fn sorted_positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sort `items` by `cmp`, stably.
pub fn sort_by<T>(items: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    // Often already in order (the browser receives the groups sorted by
    // name): then there is nothing to move.
    if items.windows(2).all(|w| cmp(&w[0], &w[1]).is_le()) {
        return;
    }
    let order = sorted_positions(items.len(), &|a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sort `items` by a key, stably.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
        let mut w: Vec<String> = vec!["b".into(), "a".into()];
        sort_by(&mut w, |a, b| a.cmp(b));
        assert_eq!(w, ["a", "b"]);
        // Already in order, equal keys included: left as it is.
        let mut s = vec![(1, 'z'), (1, 'a'), (2, 'b')];
        sort_by_key(&mut s, |x| x.0);
        assert_eq!(s, [(1, 'z'), (1, 'a'), (2, 'b')]);
    }
}
