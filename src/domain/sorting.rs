//! Sorting through one shared routine.
//!
//! The standard library's sort is generic over both the element type and the comparison, so
//! every call site with its own closure compiles to its own copy of the whole algorithm, about
//! 3 KB of wasm each. The functions here sort positions (plain `usize`s) through a comparison
//! behind `&dyn Fn`, so the browser build carries the algorithm once. All that stays generic is
//! a short loop that moves the items to their places.
//!
//! All sorts here are stable: equal items keep their order, which the engine's fold and the
//! dossier rely on for events logged on the same day.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..items.len()).collect();
    sort_positions(&mut order, &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts positions into a list by `compare`, keeping equal ones in their order. This is the
/// one place that runs the standard sort. Callers whose items already are positions (the
/// invoice list sorts row numbers on every keystroke) call it directly and skip the moving.
pub fn sort_positions(order: &mut [usize], compare: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Sorts `items` by the key `key` gives them, keeping equal items in their order.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Rearranges `items` so that place `i` holds the item that was at `order[i]`.
///
/// `order` is a permutation of `0..items.len()`. Each cycle of it is walked once, and a walked
/// place is marked by pointing it at itself, so the work is one swap per item at most.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut place = start;
        loop {
            let from = order[place];
            order[place] = place;
            if from == start || from == place {
                break;
            }
            items.swap(place, from);
            place = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut items = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        sort_by_key(&mut items, |&(key, _)| key);
        assert_eq!(items, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn sorts_by_a_comparison_with_ties_broken() {
        let mut names = vec!["bo", "Al", "al", "Bo"];
        sort_by(&mut names, |a, b| {
            a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b))
        });
        assert_eq!(names, vec!["Al", "al", "Bo", "bo"]);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, vec![7]);
    }

    proptest! {
        // The shared routine must agree with the standard stable sort on every input,
        // including long cycles and many ties.
        #[test]
        fn agrees_with_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(key, _)| key);
            let mut std_sorted = items;
            std_sorted.sort_by_key(|&(key, _)| key);
            prop_assert_eq!(ours, std_sorted);
        }
    }
}
