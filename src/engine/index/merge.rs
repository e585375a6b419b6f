//! Merging lists sorted by section: the postings of a word's variants, the
//! matches of a clause's options. A common word's list holds thousands of
//! sections, so how lists meet decides a query's time at 10,000 documents.

/// Two lists ascending by `key` as one; items of equal key are combined by
/// `both` (the first argument from `a`).
pub fn two<T>(a: Vec<T>, b: Vec<T>, key: impl Fn(&T) -> u32, both: impl Fn(T, T) -> T) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    // Which list gives the next item: a, b, or both (equal keys).
    loop {
        let (from_a, from_b) = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => (key(x) <= key(y), key(y) <= key(x)),
            (Some(_), None) => (true, false),
            (None, Some(_)) => (false, true),
            (None, None) => break,
        };
        let next = match (from_a.then(|| a.next()).flatten(), from_b.then(|| b.next()).flatten()) {
            (Some(x), Some(y)) => both(x, y),
            (Some(x), None) | (None, Some(x)) => x,
            (None, None) => break,
        };
        out.push(next);
    }
    out
}

/// Many lists ascending by `key` as one. The two shortest merge first, as
/// Huffman codes are built, so a long list moves once, not once per list
/// (`the` typed as a prefix has 25 options, one of them 5,000 sections long).
pub fn all<T>(
    mut lists: Vec<Vec<T>>,
    key: impl Fn(&T) -> u32 + Copy,
    both: impl Fn(T, T) -> T + Copy,
) -> Vec<T> {
    lists.retain(|l| !l.is_empty());
    while lists.len() > 1 {
        crate::sort::sort_by_key(&mut lists, |l| std::cmp::Reverse(l.len()));
        let (Some(a), Some(b)) = (lists.pop(), lists.pop()) else {
            unreachable!("two lists or more");
        };
        lists.push(two(a, b, key, both));
    }
    lists.pop().unwrap_or_default()
}

/// The union of two ascending position lists: ascending, without repeats.
pub fn union(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        out.push(x.min(y));
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_merge_in_key_order_combining_equal_keys() {
        let lists = vec![
            vec![(1, 10), (5, 50), (9, 90)],
            vec![(5, 5)],
            vec![],
            vec![(0, 0), (9, 9), (12, 120)],
        ];
        let merged = all(lists, |p: &(u32, u32)| p.0, |a, b| (a.0, a.1 + b.1));
        assert_eq!(merged, [(0, 0), (1, 10), (5, 55), (9, 99), (12, 120)]);
    }

    #[test]
    fn positions_unite_without_repeats() {
        assert_eq!(union(&[1, 4, 7], &[2, 4, 9, 10])[..], [1, 2, 4, 7, 9, 10]);
        assert_eq!(union(&[], &[3])[..], [3]);
        assert_eq!(union(&[3, 8], &[])[..], [3, 8]);
    }
}
