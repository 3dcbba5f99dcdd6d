//! Checks krait's instruction table against CPython 3.14's opcode metadata,
//! recorded by `scripts/record_opcode_metadata.py` into
//! `tests/data/opcode_metadata.txt`: every opcode's number, name, kind,
//! family, cache size, flags and stack effects (a range of opargs, with
//! `jump` true, false and unspecified).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;

use krait_compiler::bytecode::opcode::{
    AnyOpcode, HAVE_ARGUMENT, MIN_INSTRUMENTED_OPCODE, Opcode, OpcodeFlags, OpcodeKind,
    PseudoOpcode,
};

struct Recorded {
    opargs: Vec<u32>,
    /// number → (name, kind, base, caches, flags)
    ops: BTreeMap<u16, (String, String, String, usize, Vec<String>)>,
    /// (number, mode) → effects per oparg, or None when CPython refuses.
    effects: BTreeMap<(u16, String), Option<Vec<i32>>>,
    scalars: BTreeMap<String, u32>,
}

fn load() -> Recorded {
    let text = include_str!("data/opcode_metadata.txt");
    let mut rec = Recorded {
        opargs: Vec::new(),
        ops: BTreeMap::new(),
        effects: BTreeMap::new(),
        scalars: BTreeMap::new(),
    };
    for line in text.lines() {
        let parts: Vec<&str> = line.split(' ').collect();
        match parts[0] {
            "opargs" => rec.opargs = parts[1..].iter().map(|s| s.parse().unwrap()).collect(),
            "have_argument" | "min_instrumented" => {
                rec.scalars
                    .insert(parts[0].to_owned(), parts[1].parse().unwrap());
            }
            "op" => {
                let flags = if parts[6] == "-" {
                    Vec::new()
                } else {
                    parts[6].split(',').map(str::to_owned).collect()
                };
                rec.ops.insert(
                    parts[1].parse().unwrap(),
                    (
                        parts[2].to_owned(),
                        parts[3].to_owned(),
                        parts[4].to_owned(),
                        parts[5].parse().unwrap(),
                        flags,
                    ),
                );
            }
            "effect" => {
                let values = if parts[3] == "error" {
                    None
                } else {
                    Some(parts[3..].iter().map(|s| s.parse().unwrap()).collect())
                };
                rec.effects
                    .insert((parts[1].parse().unwrap(), parts[2].to_owned()), values);
            }
            _ => {}
        }
    }
    rec
}

fn flag_names(flags: OpcodeFlags) -> Vec<String> {
    OpcodeFlags::NAMED
        .iter()
        .filter(|(flag, _)| flags.contains(*flag))
        .map(|(_, name)| (*name).to_owned())
        .collect()
}

#[test]
fn every_opcode_number_and_name_matches() {
    let rec = load();
    // Every recorded opcode exists with the same name, and nothing else does.
    for (&number, (name, ..)) in &rec.ops {
        let op = AnyOpcode::from_number(number)
            .unwrap_or_else(|| panic!("opcode {number} ({name}) missing"));
        assert_eq!(op.name(), name, "name of {number}");
        assert_eq!(AnyOpcode::from_name(name), Some(op));
    }
    for number in 0..300u16 {
        if let Some(op) = AnyOpcode::from_number(number) {
            assert!(
                rec.ops.contains_key(&number),
                "{} ({number}) is not CPython's",
                op.name()
            );
        }
    }
    assert_eq!(
        Opcode::ALL.len(),
        rec.ops.keys().filter(|&&n| n < 256).count()
    );
    assert_eq!(
        PseudoOpcode::ALL.len(),
        rec.ops.keys().filter(|&&n| n >= 256).count()
    );
    assert!(
        Opcode::ALL
            .windows(2)
            .all(|w| w[0].number() < w[1].number())
    );
    assert!(
        PseudoOpcode::ALL
            .windows(2)
            .all(|w| w[0].number() < w[1].number())
    );
    assert_eq!(u32::from(HAVE_ARGUMENT), rec.scalars["have_argument"]);
    assert_eq!(
        u32::from(MIN_INSTRUMENTED_OPCODE),
        rec.scalars["min_instrumented"]
    );
}

#[test]
fn kinds_families_caches_and_flags_match() {
    let rec = load();
    for (&number, (name, kind, base, caches, flags)) in &rec.ops {
        let op = AnyOpcode::from_number(number).unwrap();
        assert_eq!(&flag_names(op.flags()), flags, "flags of {name}");
        match op {
            AnyOpcode::Real(op) => {
                let expected_kind = match kind.as_str() {
                    "real" => OpcodeKind::Base,
                    "instrumented" => OpcodeKind::Instrumented,
                    "specialized" => OpcodeKind::Specialized,
                    other => panic!("unexpected kind {other}"),
                };
                assert_eq!(op.kind(), expected_kind, "kind of {name}");
                assert_eq!(op.deopt().name(), base, "family of {name}");
                assert_eq!(op.cache_entries(), *caches, "caches of {name}");
            }
            AnyOpcode::Pseudo(_) => {
                assert_eq!(kind, "pseudo");
                assert_eq!(*caches, 0);
            }
        }
    }
}

#[test]
fn stack_effects_match() {
    let rec = load();
    for ((number, mode), values) in &rec.effects {
        let op = AnyOpcode::from_number(*number).unwrap();
        let Some(values) = values else {
            // CPython refuses specialized forms; krait answers with the base's.
            let AnyOpcode::Real(real) = op else {
                panic!("{} refused", op.name())
            };
            assert!(real.is_specialized(), "{} refused by CPython", op.name());
            for &oparg in &rec.opargs {
                assert_eq!(
                    real.stack_effect(oparg, true),
                    real.deopt().stack_effect(oparg, true)
                );
            }
            continue;
        };
        for (&oparg, &expected) in rec.opargs.iter().zip(values) {
            let actual = match mode.as_str() {
                "T" => op.stack_effect(oparg, true),
                "F" => op.stack_effect(oparg, false),
                _ => op.max_stack_effect(oparg),
            };
            assert_eq!(actual, expected, "{} oparg {oparg} jump {mode}", op.name());
        }
    }
}

#[test]
fn oparg_vocabularies_match() {
    use krait_compiler::bytecode::oparg;
    let text = include_str!("data/opcode_metadata.txt");
    let recorded = |kind: &str| -> Vec<Vec<String>> {
        text.lines()
            .filter_map(|l| l.strip_prefix(kind).and_then(|r| r.strip_prefix(' ')))
            .map(|r| r.split(' ').skip(1).map(str::to_owned).collect())
            .collect()
    };
    let singles = |v: &[&str]| v.iter().map(|s| vec![(*s).to_owned()]).collect::<Vec<_>>();
    let pairs: Vec<Vec<String>> = oparg::BINARY_OPS
        .iter()
        .map(|(n, s)| vec![(*n).to_owned(), (*s).to_owned()])
        .collect();
    assert_eq!(pairs, recorded("nb_op"));
    assert_eq!(singles(&oparg::COMPARE_OPS), recorded("cmp_op"));
    assert_eq!(singles(&oparg::INTRINSICS_1), recorded("intrinsic1"));
    assert_eq!(singles(&oparg::INTRINSICS_2), recorded("intrinsic2"));
    assert_eq!(
        singles(&oparg::COMMON_CONSTANTS),
        recorded("common_constant")
    );
    assert_eq!(singles(&oparg::SPECIAL_METHODS), recorded("special_method"));
}
