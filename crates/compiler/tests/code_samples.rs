//! Checks bytecode decoding/encoding and the exception table against code
//! objects CPython 3.14 compiled, recorded by `scripts/record_code_samples.py`
//! into `tests/data/code_samples.txt`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use krait_compiler::bytecode::encoding::{instructions, write_instruction};
use krait_compiler::bytecode::exception_table::{
    ExceptionTableEntry, decode_exception_table, encode_exception_table, find_handler,
};
use krait_compiler::bytecode::opcode::Opcode;

/// What `dis` decoded: offset, start offset, opcode, oparg, jump target.
type DisInsn = (usize, usize, u8, Option<i64>, Option<usize>);

#[derive(Default)]
struct Sample {
    name: String,
    code: Vec<u8>,
    insns: Vec<DisInsn>,
    table: Vec<u8>,
    entries: Vec<ExceptionTableEntry>,
}

fn hex(text: &str) -> Vec<u8> {
    if text == "-" {
        return Vec::new();
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn opt<T: std::str::FromStr>(text: &str) -> Option<T>
where
    T::Err: std::fmt::Debug,
{
    (text != "-").then(|| text.parse().unwrap())
}

fn load() -> Vec<Sample> {
    let mut samples: Vec<Sample> = Vec::new();
    for line in include_str!("data/code_samples.txt").lines() {
        let parts: Vec<&str> = line.split(' ').collect();
        match parts[0] {
            "code" => samples.push(Sample {
                name: parts[1..].join(" "),
                ..Sample::default()
            }),
            "co_code" => samples.last_mut().unwrap().code = hex(parts[1]),
            "insn" => samples.last_mut().unwrap().insns.push((
                parts[1].parse().unwrap(),
                parts[2].parse().unwrap(),
                parts[3].parse().unwrap(),
                opt(parts[4]),
                opt(parts[5]),
            )),
            "exctable" => samples.last_mut().unwrap().table = hex(parts[1]),
            "entry" => {
                let n: Vec<u32> = parts[1..].iter().map(|s| s.parse().unwrap()).collect();
                samples
                    .last_mut()
                    .unwrap()
                    .entries
                    .push(ExceptionTableEntry {
                        start: n[0] / 2,
                        end: n[1] / 2,
                        target: n[2] / 2,
                        depth: n[3],
                        lasti: n[4] != 0,
                    });
            }
            _ => {}
        }
    }
    samples
}

#[test]
fn decoding_matches_dis() {
    let samples = load();
    assert!(samples.len() > 15);
    for sample in &samples {
        let decoded: Vec<_> = instructions(&sample.code).map(Result::unwrap).collect();
        assert_eq!(decoded.len(), sample.insns.len(), "{}", sample.name);
        for (insn, &(offset, start, opcode, oparg, target)) in decoded.iter().zip(&sample.insns) {
            assert_eq!(insn.offset, offset, "{}", sample.name);
            assert_eq!(insn.start_offset, start, "{} at {offset}", sample.name);
            assert_eq!(insn.opcode, opcode, "{} at {offset}", sample.name);
            assert_eq!(
                insn.oparg.map(|a| i64::from(a as i32)),
                oparg,
                "{} at {offset}",
                sample.name
            );
            assert_eq!(insn.jump_target(), target, "{} at {offset}", sample.name);
        }
    }
}

#[test]
fn encoding_reproduces_co_code() {
    for sample in load() {
        let mut code = Vec::new();
        for insn in instructions(&sample.code).map(Result::unwrap) {
            let op = insn.op().unwrap();
            if op != Opcode::EXTENDED_ARG {
                write_instruction(&mut code, op, insn.oparg.unwrap_or(0));
            }
        }
        assert_eq!(code, sample.code, "{}", sample.name);
    }
}

#[test]
fn exception_tables_match() {
    let samples = load();
    assert!(samples.iter().filter(|s| !s.entries.is_empty()).count() > 5);
    for sample in &samples {
        assert_eq!(
            decode_exception_table(&sample.table).unwrap(),
            sample.entries,
            "{}",
            sample.name
        );
        assert_eq!(
            encode_exception_table(&sample.entries).unwrap(),
            sample.table,
            "{}",
            sample.name
        );
        for unit in 0..(sample.code.len() / 2) as u32 {
            let expected = sample
                .entries
                .iter()
                .find(|e| e.start <= unit && unit < e.end)
                .copied();
            assert_eq!(
                find_handler(&sample.table, unit),
                expected,
                "{} at {unit}",
                sample.name
            );
        }
    }
}
