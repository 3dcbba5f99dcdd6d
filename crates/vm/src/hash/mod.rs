//! CPython 3.14's `hash()`: the same values, so that dicts and sets iterate
//! in CPython's order for the same `PYTHONHASHSEED` and `hash()` prints the
//! same numbers (DESIGN.md decision 11).
//!
//! Independent of the object model: every function takes plain Rust values
//! (item hashes, digits, addresses) and returns an `i64`, Python's
//! `Py_hash_t`. A hash is never `-1` — CPython reserves it for "error" and
//! turns a computed `-1` into `-2` (tuples and frozensets use their own
//! replacement constants).
//!
//! - [`secret`]: [`HashSecret`], the key of the string hash, from
//!   `PYTHONHASHSEED` ([`parse_hash_seed`]).
//! - [`siphash`]: SipHash-1-3, on slices and on streams of code units.
//! - [`text`]: `str` (from WTF-8, as its PEP 393 buffer) and `bytes`.
//! - [`numeric`]: `int`, `float`, `complex`, `bool` (modulo 2**61 - 1).
//! - [`tuple`](mod@tuple), [`set`]: `tuple` and `frozenset` from their items' hashes.
//! - [`identity`]: `object.__hash__` and `None`.
//! - [`HASH_INFO`]: the values of `sys.hash_info`.

pub mod identity;
pub mod numeric;
pub mod secret;
pub mod set;
pub mod siphash;
pub mod text;
pub mod tuple;

pub use identity::{HASH_NONE, hash_pointer};
pub use numeric::{hash_big_int, hash_bool, hash_complex, hash_f64, hash_i64, hash_u64};
pub use secret::{HashSecret, HashSeedError, hash_seed_from_env, parse_hash_seed};
pub use set::{FrozensetHasher, hash_frozenset};
pub use text::{
    Pep393Kind, hash_bytes, hash_str, hash_str_wtf8, hash_str_wtf8_of_kind, pep393_kind,
};
pub use tuple::{TupleHasher, hash_slice, hash_tuple};

/// Number of bits of the numeric hash's modulus (`2**61 - 1`).
pub const MODULUS_BITS: u32 = 61;

/// The prime modulus of the numeric hash, `2**61 - 1` (`sys.hash_info.modulus`).
pub const MODULUS: u64 = (1 << MODULUS_BITS) - 1;

/// The hash of `float('inf')`; `-inf` hashes to its negation
/// (`sys.hash_info.inf`).
pub const HASH_INF: i64 = 314_159;

/// `sys.hash_info.nan`: what NaNs hashed to before Python 3.10 (now they
/// hash by identity); still reported.
pub const HASH_NAN: i64 = 0;

/// The multiplier of the imaginary part in `hash(complex)`
/// (`sys.hash_info.imag`).
pub const IMAG: i64 = 1_000_003;

/// Maps the reserved value `-1` to `-2`, as CPython does for every hash it
/// computes.
#[inline(always)]
pub const fn fix_minus_one(hash: i64) -> i64 {
    if hash == -1 { -2 } else { hash }
}

/// The fields of `sys.hash_info`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashInfo {
    /// Bits in a hash value.
    pub width: u32,
    /// The prime modulus of the numeric hash.
    pub modulus: u64,
    /// Hash of positive infinity.
    pub inf: i64,
    /// Hash of NaN (historical; NaNs now hash by identity).
    pub nan: i64,
    /// Multiplier of the imaginary part of complex numbers.
    pub imag: i64,
    /// Name of the string/bytes hash algorithm.
    pub algorithm: &'static str,
    /// Output size of that algorithm in bits.
    pub hash_bits: u32,
    /// Size of its seed (key) in bits.
    pub seed_bits: u32,
    /// Length below which short strings use a cheaper hash (0: never).
    pub cutoff: u32,
}

/// `sys.hash_info` of CPython 3.14 on a 64-bit platform.
pub const HASH_INFO: HashInfo = HashInfo {
    width: 64,
    modulus: MODULUS,
    inf: HASH_INF,
    nan: HASH_NAN,
    imag: IMAG,
    algorithm: "siphash13",
    hash_bits: 64,
    seed_bits: 128,
    cutoff: 0,
};
