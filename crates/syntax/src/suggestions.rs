//! "Did you mean ...?" suggestions: the closest name to a wrong one.
//!
//! Two matchers, each reproducing what CPython 3.14 computes:
//! - [`best_suggestion`]: CPython's `_Py_CalculateSuggestions`
//!   (`Python/suggestions.c`, exposed as `_suggestions._generate_suggestions`),
//!   a Levenshtein distance over UTF-8 bytes where a case flip costs 1 and
//!   any other edit 2, keeping only candidates within a third of the
//!   characters involved. It backs `NameError`/`AttributeError` hints and
//!   the keyword-typo hints of `traceback`.
//! - [`close_matches`]: `difflib.get_close_matches`, ranking candidates by
//!   `SequenceMatcher.ratio()` (matching characters of the longest-common-block
//!   decomposition, `2 * M / T`).

/// Cost of inserting, deleting or substituting a byte.
const MOVE_COST: usize = 2;
/// Cost of substituting an ASCII letter by the same letter in the other case.
const CASE_COST: usize = 1;
/// Candidate lists this long or longer get no suggestion.
const MAX_CANDIDATE_ITEMS: usize = 750;
/// Strings longer than this (after trimming common affixes) never match.
const MAX_STRING_SIZE: usize = 40;

/// The cost of turning byte `a` into byte `b`.
fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.is_ascii_alphabetic() && a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted Levenshtein distance between `a` and `b`, or any value
/// above `max_cost` once the distance is known to exceed it.
pub fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    // Common prefixes and suffixes cost nothing.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    // One row over the shorter string.
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        // The cost of turning b[..b_index] into the empty prefix of a.
        let mut diagonal = b_index * MOVE_COST;
        result = diagonal;
        let mut row_minimum = usize::MAX;
        for (cell, &a_byte) in row.iter_mut().zip(a) {
            let substitute = diagonal + substitution_cost(code, a_byte);
            diagonal = *cell;
            result = (result.min(diagonal) + MOVE_COST).min(substitute);
            *cell = result;
            row_minimum = row_minimum.min(result);
        }
        if row_minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name` (the first of equally close ones), if
/// any is close enough: `_Py_CalculateSuggestions`.
pub fn best_suggestion<'a>(candidates: &[&'a str], name: &str) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&'a str, usize)> = None;
    for &candidate in candidates {
        if candidate == name {
            continue;
        }
        // No more than a third of the characters involved may change, and
        // a match must beat the best one so far.
        let mut max_distance = (name.len() + candidate.len() + 3) * MOVE_COST / 6;
        if let Some((_, distance)) = best {
            max_distance = max_distance.min(distance.saturating_sub(1));
        }
        let distance = levenshtein_distance(name.as_bytes(), candidate.as_bytes(), max_distance);
        if distance > max_distance {
            continue;
        }
        if best.is_none_or(|(_, d)| distance < d) {
            best = Some((candidate, distance));
        }
    }
    best.map(|(candidate, _)| candidate)
}

/// `difflib.SequenceMatcher(None, a, b).ratio()` over characters.
pub fn sequence_ratio(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    let matches = matching_characters(&a, &b);
    2.0 * matches as f64 / total as f64
}

/// The total size of `SequenceMatcher.get_matching_blocks()`: the longest
/// common block, then recursively the blocks left and right of it.
fn matching_characters(a: &[char], b: &[char]) -> usize {
    let mut total = 0;
    let mut queue = vec![(0, a.len(), 0, b.len())];
    while let Some((alo, ahi, blo, bhi)) = queue.pop() {
        let (i, j, k) = longest_match(a, b, alo, ahi, blo, bhi);
        if k == 0 {
            continue;
        }
        total += k;
        if alo < i && blo < j {
            queue.push((alo, i, blo, j));
        }
        if i + k < ahi && j + k < bhi {
            queue.push((i + k, ahi, j + k, bhi));
        }
    }
    total
}

/// `SequenceMatcher.find_longest_match` without junk: the longest block
/// `a[i..i+k] == b[j..j+k]` in the given ranges, earliest in `a` (then in
/// `b`) among the longest.
fn longest_match(
    a: &[char],
    b: &[char],
    alo: usize,
    ahi: usize,
    blo: usize,
    bhi: usize,
) -> (usize, usize, usize) {
    let (mut best_i, mut best_j, mut best_size) = (alo, blo, 0);
    // lengths[j]: length of the match ending at a[i-1], b[j-1].
    let mut previous = vec![0usize; bhi - blo + 1];
    let mut current = vec![0usize; bhi - blo + 1];
    let b_range = b.get(blo..bhi).unwrap_or(&[]);
    for (i, a_char) in a.iter().enumerate().take(ahi).skip(alo) {
        current[0] = 0;
        for (offset, b_char) in b_range.iter().enumerate() {
            let k = if a_char == b_char {
                previous[offset] + 1
            } else {
                0
            };
            current[offset + 1] = k;
            if k > best_size {
                let j = blo + offset;
                (best_i, best_j, best_size) = (i + 1 - k, j + 1 - k, k);
            }
        }
        std::mem::swap(&mut previous, &mut current);
    }
    (best_i, best_j, best_size)
}

/// `difflib.get_close_matches(word, possibilities, n, cutoff)`: up to `n`
/// candidates whose ratio to `word` is at least `cutoff`, best first (equal
/// ratios: the greater string first, as `heapq.nlargest` on tuples).
pub fn close_matches<'a>(
    word: &str,
    possibilities: &[&'a str],
    n: usize,
    cutoff: f64,
) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &'a str)> = possibilities
        .iter()
        .map(|&candidate| (sequence_ratio(candidate, word), candidate))
        .filter(|&(ratio, _)| ratio >= cutoff)
        .collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| y.1.cmp(x.1)));
    scored.into_iter().take(n).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `keyword.kwlist` of CPython 3.14.
    const KEYWORDS: &[&str] = &[
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ];

    // Recorded from the reference by `scripts/record_suggestions.py`.
    include!("suggestion_cases.rs");

    #[test]
    fn suggestions_match_the_reference() {
        for &(word, suggestion, matches) in SUGGESTION_CASES {
            assert_eq!(best_suggestion(KEYWORDS, word), suggestion, "{word}");
            assert_eq!(close_matches(word, KEYWORDS, 3, 0.5), matches, "{word}");
        }
    }

    #[test]
    fn ratios_match_the_reference() {
        for &(a, b, ratio) in RATIO_CASES {
            assert!((sequence_ratio(a, b) - ratio).abs() < 1e-12, "{a} {b}");
        }
    }

    #[test]
    fn case_flips_cost_less() {
        assert_eq!(levenshtein_distance(b"Abc", b"abc", 10), CASE_COST);
        assert_eq!(levenshtein_distance(b"abc", b"abd", 10), MOVE_COST);
        assert_eq!(best_suggestion(&["hello", "Hello"], "hellO"), Some("hello"));
    }
}
