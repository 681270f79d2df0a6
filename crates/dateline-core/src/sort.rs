//! Stable sorting with little code, for the explorer's wasm size budget.
//!
//! The standard library's sorts are compiled once per element type and
//! comparator, a few KB of wasm each; the engine and the explorer sort in
//! about twenty places. Here one merge sort over indices (not generic) does
//! the work, and each caller only adds a small permutation step. Results are
//! the same as `slice::sort_by` (stable: equal elements keep their order).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, as `slice::sort_by`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = {
        let items: &[T] = v;
        sorted_indices(items.len(), &mut |a, b| cmp(&items[a], &items[b]))
    };
    permute(v, &order);
}

/// Sorts `v` stably by a key, as `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v`, as `slice::sort`.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The stable order of `0..n` under `cmp`: a bottom-up merge sort.
fn sorted_indices(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // The right run goes first only when strictly less: stable.
                if cmp(from[j], from[i]) == Ordering::Less {
                    to[k] = from[j];
                    j += 1;
                } else {
                    to[k] = from[i];
                    i += 1;
                }
                k += 1;
            }
            to[k..k + (mid - i)].copy_from_slice(&from[i..mid]);
            k += mid - i;
            to[k..end].copy_from_slice(&from[j..end]);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Rearranges `v` so that its `i`-th element is the old `order[i]`-th,
/// following each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; v.len()];
    for start in 0..v.len() {
        let mut i = start;
        while !done[i] {
            done[i] = true;
            let j = order[i];
            if j == start {
                break;
            }
            v.swap(i, j);
            i = j;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_the_standard_stable_sort() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |m: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % m
        };
        for n in 0..200 {
            // (key, original position): few keys, so many ties.
            let items: Vec<(u64, usize)> = (0..n).map(|i| (next(1 + n as u64 / 3), i)).collect();
            let mut ours = items.clone();
            let mut std = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "n = {n}");
            let mut ours = items.clone();
            let mut std = items;
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by(|a, b| b.0.cmp(&a.0));
            assert_eq!(ours, std, "n = {n}, descending");
        }
    }

    #[test]
    fn sorts_owned_values() {
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple", ""].map(String::from).to_vec();
        sort(&mut words);
        assert_eq!(words, ["", "apple", "apple", "fig", "pear"]);
    }
}
