//! Hashes by identity: `object.__hash__` (the address, rotated) and the
//! constants of singletons.

use super::fix_minus_one;

/// `hash(None)`: a constant since Python 3.12 (before, its address).
pub const HASH_NONE: i64 = 0xFCA8_6420;

/// `object.__hash__(o)` for an object at address `address` (what `id(o)`
/// returns): the address rotated right by 4 bits within a pointer's width,
/// since the low bits of aligned addresses carry no information; `-1`
/// becomes `-2`. Also the hash of a NaN float (see
/// [`hash_f64`](super::hash_f64)), of `Ellipsis` and `NotImplemented`, and
/// of functions, classes and modules.
#[inline]
pub fn hash_pointer(address: usize) -> i64 {
    fix_minus_one(address.rotate_right(4) as isize as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rotation() {
        assert_eq!(hash_pointer(0x10), 1);
        assert_eq!(hash_pointer(0), 0);
        assert_eq!(hash_pointer(usize::MAX), -2);
        assert_eq!(hash_pointer(1), 1 << 60);
    }
}
