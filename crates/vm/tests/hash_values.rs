//! Checks krait's `hash` module against CPython 3.14's `hash()`, recorded by
//! `scripts/record_hash_values.py` into `tests/data/hash_values.txt`: strs
//! of every PEP 393 kind (lone surrogates included), bytes, ints of any
//! size, floats, complex numbers, nested tuples, frozensets, `None`, bools
//! and identity hashes, under several `PYTHONHASHSEED` values; and how
//! CPython reads the text of `PYTHONHASHSEED`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use krait_vm::hash::{
    self, HASH_INFO, HASH_NONE, HashSecret, MODULUS, hash_big_int, hash_bool, hash_bytes,
    hash_complex, hash_f64, hash_frozenset, hash_i64, hash_pointer, hash_str_wtf8, hash_tuple,
    parse_hash_seed,
};

const DATA: &str = include_str!("data/hash_values.txt");

fn unhex(text: &str) -> Vec<u8> {
    if text == "-" {
        return Vec::new();
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn float(bits: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(bits, 16).unwrap())
}

/// Little-endian 64-bit digits of a hexadecimal magnitude.
fn digits(hex: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut end = hex.len();
    while end > 0 {
        let start = end.saturating_sub(16);
        out.push(u64::from_str_radix(&hex[start..end], 16).unwrap());
        end = start;
    }
    out
}

/// Hashes the value whose prefix-form tokens start `tokens`, consuming them.
/// Also counts how many values of each kind were checked.
fn hash_value<'a>(
    secret: &HashSecret,
    tokens: &mut impl Iterator<Item = &'a str>,
    kinds: &mut std::collections::BTreeMap<&'static str, usize>,
) -> i64 {
    let mut next = || tokens.next().expect("truncated value");
    let (kind, hash): (&'static str, i64) = match next() {
        "none" => ("none", HASH_NONE),
        "true" => ("bool", hash_bool(true)),
        "false" => ("bool", hash_bool(false)),
        "int" => {
            let negative = next() == "-";
            let magnitude = digits(next());
            let big = hash_big_int(negative, &magnitude);
            // The 64-bit entry points must agree where they apply.
            if let [digit] = magnitude[..] {
                if !negative {
                    assert_eq!(hash::hash_u64(digit), big);
                }
                let signed = if negative {
                    0i64.checked_sub_unsigned(digit)
                } else {
                    i64::try_from(digit).ok()
                };
                if let Some(value) = signed {
                    assert_eq!(hash_i64(value), big, "{value}");
                }
            }
            ("int", big)
        }
        "float" => ("float", hash_f64(float(next()), 0)),
        "nan" => {
            let value = float(next());
            assert!(value.is_nan());
            ("nan", hash_f64(value, next().parse().unwrap()))
        }
        "complex" => {
            let real = float(next());
            let imag = float(next());
            ("complex", hash_complex(real, imag, next().parse().unwrap()))
        }
        "str" => ("str", hash_str_wtf8(secret, &unhex(next()))),
        "bytes" => ("bytes", hash_bytes(secret, &unhex(next()))),
        "object" => ("object", hash_pointer(next().parse().unwrap())),
        kind @ ("tuple" | "frozenset") => {
            let len: usize = next().parse().unwrap();
            let items: Vec<i64> = (0..len)
                .map(|_| hash_value(secret, tokens, kinds))
                .collect();
            if kind == "tuple" {
                ("tuple", hash_tuple(&items))
            } else {
                ("frozenset", hash_frozenset(&items))
            }
        }
        other => panic!("unknown value kind {other:?}"),
    };
    *kinds.entry(kind).or_default() += 1;
    hash
}

#[test]
fn hashes_match_cpython() {
    let mut secret = None;
    let mut seeds = 0;
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut kinds = std::collections::BTreeMap::new();
    for line in DATA.lines() {
        if line.starts_with('#') || line.starts_with("seedtext ") {
            continue;
        }
        if let Some(seed) = line.strip_prefix("seed ") {
            secret = Some(HashSecret::from_seed(Some(seed.parse().unwrap())));
            seeds += 1;
            continue;
        }
        let secret = secret.as_ref().expect("value before any seed line");
        let mut tokens = line.split(' ');
        let expected: i64 = tokens.next().unwrap().parse().unwrap();
        let actual = hash_value(secret, &mut tokens, &mut kinds);
        assert!(tokens.next().is_none(), "trailing tokens: {line}");
        if actual != expected {
            failures.push(format!(
                "expected {expected}, got {actual}: {}",
                &line[..line.len().min(160)]
            ));
        }
        checked += 1;
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} hashes differ from CPython:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(seeds, 5);
    assert!(checked > 2500, "only {checked} values");
    for kind in [
        "none",
        "bool",
        "int",
        "float",
        "nan",
        "complex",
        "str",
        "bytes",
        "object",
        "tuple",
        "frozenset",
    ] {
        assert!(kinds.contains_key(kind), "no {kind} values were checked");
    }
}

#[test]
fn seed_text_is_read_as_cpython_reads_it() {
    let mut checked = 0;
    for line in DATA.lines() {
        let Some(rest) = line.strip_prefix("seedtext ") else {
            continue;
        };
        let parts: Vec<&str> = rest.split(' ').collect();
        let text = unhex(parts[0]);
        let parsed = parse_hash_seed(&text);
        match parts[1] {
            "error" => assert!(parsed.is_err(), "{text:?} should be refused"),
            "random" => assert_eq!(parsed, Ok(None), "{text:?}"),
            "fixed" => {
                let seed = parsed.unwrap_or_else(|_| panic!("{text:?} should be accepted"));
                let seed = seed.unwrap_or_else(|| panic!("{text:?} is not random"));
                let secret = HashSecret::from_seed(Some(seed));
                let expected: i64 = parts[2].parse().unwrap();
                assert_eq!(hash::hash_str(&secret, "abc"), expected, "{text:?}");
            }
            other => panic!("unknown seedtext outcome {other}"),
        }
        checked += 1;
    }
    assert!(checked >= 20);
}

#[test]
fn hash_info_matches_sys_hash_info() {
    // sys.hash_info(width=64, modulus=2305843009213693951, inf=314159, nan=0,
    //               imag=1000003, algorithm='siphash13', hash_bits=64,
    //               seed_bits=128, cutoff=0) on the reference CPython.
    assert_eq!(HASH_INFO.width, 64);
    assert_eq!(HASH_INFO.modulus, 2_305_843_009_213_693_951);
    assert_eq!(MODULUS, HASH_INFO.modulus);
    assert_eq!(HASH_INFO.inf, 314_159);
    assert_eq!(HASH_INFO.nan, 0);
    assert_eq!(HASH_INFO.imag, 1_000_003);
    assert_eq!(HASH_INFO.algorithm, "siphash13");
    assert_eq!(HASH_INFO.hash_bits, 64);
    assert_eq!(HASH_INFO.seed_bits, 128);
    assert_eq!(HASH_INFO.cutoff, 0);
}
