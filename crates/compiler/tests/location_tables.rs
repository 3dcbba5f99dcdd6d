//! Checks the location table against CPython 3.14, recorded by
//! `scripts/record_location_tables.py` into `tests/data/location_tables.txt`:
//! decoding reproduces `co_positions()` and `co_lines()` from `co_linetable`,
//! and encoding the per-instruction positions reproduces `co_linetable`
//! byte for byte.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use krait_compiler::bytecode::location_table::{
    LineRange, Location, encode_location_table, lines, positions,
};

struct Sample {
    source: String,
    first_line: i32,
    units: usize,
    table: Vec<u8>,
    /// Runs of equal positions: (count, location).
    runs: Vec<(usize, Location)>,
    lines: Vec<LineRange>,
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

fn field(text: &str) -> i32 {
    if text == "-" {
        -1
    } else {
        text.parse().unwrap()
    }
}

fn load() -> Vec<Sample> {
    let mut samples = Vec::new();
    let mut source = String::new();
    for line in include_str!("data/location_tables.txt").lines() {
        let (kind, rest) = line.split_once(' ').unwrap();
        match kind {
            "source" => source = rest.to_owned(),
            "code" => {
                let parts: Vec<&str> = rest.split(' ').collect();
                samples.push(Sample {
                    source: source.clone(),
                    first_line: parts[0].parse().unwrap(),
                    units: parts[1].parse().unwrap(),
                    table: hex(parts[2]),
                    runs: Vec::new(),
                    lines: Vec::new(),
                });
            }
            "pos" if rest != "-" => {
                let sample = samples.last_mut().unwrap();
                for run in rest.split(' ') {
                    let (count, fields) = run.split_once('*').unwrap();
                    let f: Vec<i32> = fields.split(',').map(field).collect();
                    sample.runs.push((
                        count.parse().unwrap(),
                        Location::new(f[0], f[1], f[2], f[3]),
                    ));
                }
            }
            "lines" if rest != "-" => {
                let sample = samples.last_mut().unwrap();
                for range in rest.split(' ') {
                    let f: Vec<&str> = range.split(',').collect();
                    sample.lines.push(LineRange {
                        start: f[0].parse().unwrap(),
                        end: f[1].parse().unwrap(),
                        line: (f[2] != "-").then(|| f[2].parse().unwrap()),
                    });
                }
            }
            _ => {}
        }
    }
    samples
}

#[test]
fn decoding_reproduces_positions_and_lines() {
    let samples = load();
    assert!(samples.len() > 200);
    let mut units = 0;
    for (i, sample) in samples.iter().enumerate() {
        let expected: Vec<Location> = sample
            .runs
            .iter()
            .flat_map(|&(n, loc)| std::iter::repeat_n(loc, n))
            .collect();
        assert_eq!(
            expected.len(),
            sample.units,
            "sample {i} of {}",
            sample.source
        );
        assert_eq!(
            positions(&sample.table, sample.first_line).unwrap(),
            expected,
            "sample {i}"
        );
        assert_eq!(
            lines(&sample.table, sample.first_line).unwrap(),
            sample.lines,
            "sample {i}"
        );
        units += sample.units;
    }
    assert!(units > 20_000, "only {units} code units recorded");
}

#[test]
fn encoding_reproduces_co_linetable() {
    for (i, sample) in load().iter().enumerate() {
        let runs: Vec<(Location, usize)> = sample.runs.iter().map(|&(n, loc)| (loc, n)).collect();
        assert_eq!(
            encode_location_table(sample.first_line, &runs),
            sample.table,
            "sample {i} of {}",
            sample.source
        );
    }
}
