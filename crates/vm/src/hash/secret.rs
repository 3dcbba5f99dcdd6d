//! [`HashSecret`]: the per-process key of the string and bytes hash, and
//! `PYTHONHASHSEED`.
//!
//! CPython keeps a 24-byte secret (`_Py_HashSecret`). SipHash uses its first
//! 16 bytes as two little-endian 64-bit key halves; the last 8 are pyexpat's
//! hash salt. It is filled once at start-up:
//! - `PYTHONHASHSEED` unset, empty or `"random"`: 24 bytes from the OS.
//! - `PYTHONHASHSEED=0`: all zero bytes (randomization disabled).
//! - `PYTHONHASHSEED=n`: a 32-bit linear congruential generator seeded with
//!   `n` (MSVC's `rand()` constants) produces the bytes, one per step, from
//!   bits 16..24 of its state — so a given seed gives the same hashes as
//!   CPython's.
//!
//! [`parse_hash_seed`] reads the variable's text exactly as CPython does
//! (C's `strtoul` in base 10: optional leading white space and sign, decimal
//! digits, nothing after), with CPython's error message.

use std::fmt;
use std::io::Read;

/// Size of CPython's hash secret in bytes.
pub const SECRET_LEN: usize = 24;

/// The largest value `PYTHONHASHSEED` accepts.
pub const MAX_HASH_SEED: u32 = u32::MAX;

/// The key for the string/bytes hash, built once per process.
#[derive(Clone, PartialEq, Eq)]
pub struct HashSecret {
    bytes: [u8; SECRET_LEN],
}

impl HashSecret {
    /// The secret for a `PYTHONHASHSEED` value: `None` for a random secret
    /// ([`HashSecret::random`]), `Some(0)` for all zeros, `Some(n)` for
    /// CPython's expansion of `n`.
    pub fn from_seed(seed: Option<u32>) -> HashSecret {
        match seed {
            None => HashSecret::random(),
            Some(seed) => HashSecret::from_fixed_seed(seed),
        }
    }

    /// The secret CPython derives from a fixed seed (`0` gives all zeros).
    pub fn from_fixed_seed(seed: u32) -> HashSecret {
        let mut bytes = [0u8; SECRET_LEN];
        if seed != 0 {
            let mut state = seed;
            for byte in &mut bytes {
                state = state.wrapping_mul(214_013).wrapping_add(2_531_011);
                *byte = (state >> 16) as u8;
            }
        }
        HashSecret { bytes }
    }

    /// A random secret: 24 bytes read from `/dev/urandom` as CPython reads
    /// them from the OS. Where that device cannot be read (not Unix, or a
    /// sandbox without it), the bytes come from the standard library's
    /// randomly keyed `RandomState`, which the OS seeds; that fallback is
    /// not cryptographic, but neither is the use (collision resistance of
    /// dict keys).
    pub fn random() -> HashSecret {
        let mut bytes = [0u8; SECRET_LEN];
        let from_os = std::fs::File::open("/dev/urandom")
            .and_then(|mut file| file.read_exact(&mut bytes))
            .is_ok();
        if !from_os {
            use std::hash::{BuildHasher, Hasher};
            let keys = std::collections::hash_map::RandomState::new();
            for (index, chunk) in bytes.chunks_mut(8).enumerate() {
                let mut hasher = keys.build_hasher();
                hasher.write_usize(index);
                hasher.write_usize(std::process::id() as usize);
                let word = hasher.finish().to_le_bytes();
                for (dst, src) in chunk.iter_mut().zip(word) {
                    *dst = src;
                }
            }
        }
        HashSecret { bytes }
    }

    /// A secret with the given bytes (tests, embedding).
    pub const fn from_bytes(bytes: [u8; SECRET_LEN]) -> HashSecret {
        HashSecret { bytes }
    }

    /// The all-zero secret of `PYTHONHASHSEED=0`.
    pub const ZERO: HashSecret = HashSecret {
        bytes: [0; SECRET_LEN],
    };

    /// All 24 bytes, in CPython's layout.
    pub const fn as_bytes(&self) -> &[u8; SECRET_LEN] {
        &self.bytes
    }

    /// The first SipHash key half (bytes 0..8, little-endian).
    #[inline]
    pub const fn k0(&self) -> u64 {
        let b = &self.bytes;
        u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
    }

    /// The second SipHash key half (bytes 8..16, little-endian).
    #[inline]
    pub const fn k1(&self) -> u64 {
        let b = &self.bytes;
        u64::from_le_bytes([b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]])
    }

    /// pyexpat's hash salt (bytes 16..24 read as a native-endian integer,
    /// as CPython reads `_Py_HashSecret.expat.hashsalt`).
    pub const fn expat_salt(&self) -> u64 {
        let b = &self.bytes;
        u64::from_ne_bytes([b[16], b[17], b[18], b[19], b[20], b[21], b[22], b[23]])
    }
}

impl fmt::Debug for HashSecret {
    /// Does not print the key.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HashSecret(..)")
    }
}

/// `PYTHONHASHSEED` held something other than `random` or an integer in
/// `0..=4294967295`. CPython reports this as a fatal error at start-up:
/// `Fatal Python error: config_init_hash_seed: ` followed by this message,
/// then `Python runtime state: preinitialized`, exit status 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HashSeedError;

impl fmt::Display for HashSeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]")
    }
}

impl std::error::Error for HashSeedError {}

/// Parses the text of `PYTHONHASHSEED` as CPython does: `Ok(None)` for a
/// random secret (the text `random`, or empty — CPython treats an empty
/// variable as unset), `Ok(Some(n))` for a fixed seed.
///
/// Like C's `strtoul(text, &end, 10)`: leading white space (space, `\t`,
/// `\n`, `\v`, `\f`, `\r`) and one `+` or `-` are allowed, then at least one
/// ASCII digit, and nothing may follow. A minus sign negates modulo 2**64,
/// so `-0` is 0 and `-18446744073709551615` is 1, while `-1` is out of
/// range. Bytes, not `str`, because environment variables need not be
/// UTF-8 (pass `OsStr::as_encoded_bytes`).
pub fn parse_hash_seed(text: &[u8]) -> Result<Option<u32>, HashSeedError> {
    if text.is_empty() || text == b"random" {
        return Ok(None);
    }
    let mut rest = text;
    while let [b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r', tail @ ..] = rest {
        rest = tail;
    }
    let negative = match rest {
        [b'-', tail @ ..] => {
            rest = tail;
            true
        }
        [b'+', tail @ ..] => {
            rest = tail;
            false
        }
        _ => false,
    };
    if rest.is_empty() {
        return Err(HashSeedError);
    }
    let mut value: u64 = 0;
    let mut overflow = false;
    for &byte in rest {
        if !byte.is_ascii_digit() {
            return Err(HashSeedError);
        }
        match value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(byte - b'0')))
        {
            Some(v) => value = v,
            None => overflow = true,
        }
    }
    if overflow {
        // strtoul saturates to ULONG_MAX with ERANGE, which CPython rejects.
        return Err(HashSeedError);
    }
    if negative {
        value = value.wrapping_neg();
    }
    u32::try_from(value).map(Some).map_err(|_| HashSeedError)
}

/// Reads and parses `PYTHONHASHSEED` from the process environment (unset
/// means random). Flags that make CPython ignore the environment (`-E`,
/// `-I`) are the caller's business.
pub fn hash_seed_from_env() -> Result<Option<u32>, HashSeedError> {
    match std::env::var_os("PYTHONHASHSEED") {
        None => Ok(None),
        Some(text) => parse_hash_seed(text.as_encoded_bytes()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_seed_is_all_zero() {
        assert_eq!(HashSecret::from_seed(Some(0)), HashSecret::ZERO);
        assert_eq!(HashSecret::ZERO.k0(), 0);
        assert_eq!(HashSecret::ZERO.k1(), 0);
    }

    #[test]
    fn random_secrets_differ() {
        assert_ne!(HashSecret::random(), HashSecret::random());
    }

    #[test]
    fn seed_text() {
        assert_eq!(parse_hash_seed(b""), Ok(None));
        assert_eq!(parse_hash_seed(b"random"), Ok(None));
        assert_eq!(parse_hash_seed(b"0"), Ok(Some(0)));
        assert_eq!(parse_hash_seed(b"-0"), Ok(Some(0)));
        assert_eq!(parse_hash_seed(b" \t+7"), Ok(Some(7)));
        assert_eq!(parse_hash_seed(b"4294967295"), Ok(Some(u32::MAX)));
        assert_eq!(parse_hash_seed(b"-18446744073709551615"), Ok(Some(1)));
        for bad in [
            &b"4294967296"[..],
            b"-1",
            b"5 ",
            b"0x10",
            b"abc",
            b"+",
            b"   ",
            b"Random",
            b"99999999999999999999999",
            b"-99999999999999999999999",
            b"\xff",
        ] {
            assert_eq!(parse_hash_seed(bad), Err(HashSeedError), "{bad:?}");
        }
        assert_eq!(
            HashSeedError.to_string(),
            "PYTHONHASHSEED must be \"random\" or an integer in range [0; 4294967295]"
        );
    }
}
