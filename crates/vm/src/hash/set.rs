//! `hash(s)` for a `frozenset`: order-independent, an XOR of the shuffled
//! element hashes, then the size and a final dispersal step.
//!
//! CPython XORs over every slot of its table, empty and deleted ones
//! included, and cancels their contribution afterwards; the net effect is
//! an XOR over the live elements only, which is what is computed here, so
//! the result does not depend on the table's history.

/// What a frozenset hashes to if the computation ends at `-1`.
const MINUS_ONE_REPLACEMENT: i64 = 590_923_713;

/// Spreads the bits of one element hash before it is XORed in, so that
/// elements with nearby hashes do not cancel.
#[inline]
fn shuffle_bits(hash: u64) -> u64 {
    ((hash ^ 89_869_747) ^ (hash << 16)).wrapping_mul(3_644_798_167)
}

/// `hash(frozenset(...))` from the hashes of its (distinct) elements, in any
/// order.
pub fn hash_frozenset(element_hashes: &[i64]) -> i64 {
    let mut hasher = FrozensetHasher::new();
    for &element in element_hashes {
        hasher.add(element);
    }
    hasher.finish()
}

/// Incremental form of [`hash_frozenset`].
#[derive(Clone, Debug, Default)]
pub struct FrozensetHasher {
    accumulator: u64,
    len: u64,
}

impl FrozensetHasher {
    /// A hasher with no elements yet.
    #[inline]
    pub const fn new() -> FrozensetHasher {
        FrozensetHasher {
            accumulator: 0,
            len: 0,
        }
    }

    /// Mixes in one element's hash (each distinct element exactly once).
    #[inline]
    pub fn add(&mut self, element_hash: i64) {
        self.accumulator ^= shuffle_bits(element_hash as u64);
        self.len += 1;
    }

    /// The frozenset's hash.
    pub fn finish(&self) -> i64 {
        let mut hash = self.accumulator ^ (self.len + 1).wrapping_mul(1_927_868_237);
        // Disperse patterns arising in nested frozensets.
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            MINUS_ONE_REPLACEMENT
        } else {
            hash as i64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_order_independent() {
        assert_eq!(hash_frozenset(&[]), 133_146_708_735_736);
        assert_eq!(hash_frozenset(&[1, 2, 3]), hash_frozenset(&[3, 1, 2]));
    }
}
