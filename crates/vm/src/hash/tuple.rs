//! `hash(t)` for a `tuple`: an xxHash-derived mix of the item hashes
//! (CPython 3.8+), order-sensitive, with the length folded in at the end so
//! that `hash(())` keeps its historical value.

/// xxHash's 64-bit primes 1, 2 and 5.
const PRIME_1: u64 = 11_400_714_785_074_694_791;
const PRIME_2: u64 = 14_029_467_366_897_019_727;
const PRIME_5: u64 = 2_870_177_450_012_600_261;

/// What a tuple hashes to if the mix ends at `-1`.
const MINUS_ONE_REPLACEMENT: i64 = 1_546_275_796;

/// `hash(t)` from the hashes of the items, in order.
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut hasher = TupleHasher::new();
    for &item in item_hashes {
        hasher.add(item);
    }
    hasher.finish()
}

/// `hash(slice(start, stop, step))` from the three parts' hashes: the
/// tuple mix without the length term (CPython 3.12+'s `slice_hash`).
pub fn hash_slice(part_hashes: [i64; 3]) -> i64 {
    let mut hasher = TupleHasher::new();
    for part in part_hashes {
        hasher.add(part);
    }
    if hasher.accumulator == u64::MAX {
        MINUS_ONE_REPLACEMENT
    } else {
        hasher.accumulator as i64
    }
}

/// Incremental form of [`hash_tuple`], for callers that compute item hashes
/// one at a time (each of which may fail and abandon the hash).
#[derive(Clone, Debug)]
pub struct TupleHasher {
    accumulator: u64,
    len: u64,
}

impl TupleHasher {
    /// A hasher with no items yet.
    #[inline]
    pub const fn new() -> TupleHasher {
        TupleHasher {
            accumulator: PRIME_5,
            len: 0,
        }
    }

    /// Mixes in the next item's hash.
    #[inline]
    pub fn add(&mut self, item_hash: i64) {
        let lane = item_hash as u64;
        self.accumulator = self
            .accumulator
            .wrapping_add(lane.wrapping_mul(PRIME_2))
            .rotate_left(31)
            .wrapping_mul(PRIME_1);
        self.len += 1;
    }

    /// The tuple's hash.
    #[inline]
    pub fn finish(&self) -> i64 {
        let result = self
            .accumulator
            .wrapping_add(self.len ^ (PRIME_5 ^ 3_527_539));
        if result == u64::MAX {
            MINUS_ONE_REPLACEMENT
        } else {
            result as i64
        }
    }
}

impl Default for TupleHasher {
    fn default() -> Self {
        TupleHasher::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_tuple_has_its_historical_hash() {
        assert_eq!(hash_tuple(&[]), 5_740_354_900_026_072_187);
    }
}
