//! Developer tool: parses each file named after the reference-dump directory
//! and compares `ast::dump` with the reference CPython's dump stored in that
//! directory (written by `scripts/compare_ast.py`). Prints one line per
//! mismatch and a summary; `--time` only times the parses.

use std::time::Instant;

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--time") {
        args.remove(0);
        let sources: Vec<Vec<u8>> = args.iter().filter_map(|p| std::fs::read(p).ok()).collect();
        let started = Instant::now();
        let mut ok = 0;
        for source in &sources {
            if krait_syntax::parse_module(source, "<file>").is_ok() {
                ok += 1;
            }
        }
        println!(
            "parsed {ok} of {} files in {:?}",
            sources.len(),
            started.elapsed()
        );
        return;
    }
    let Some(ref_dir) = args.first().cloned() else {
        return;
    };
    let (mut same, mut total) = (0, 0);
    for (i, path) in args.iter().skip(1).enumerate() {
        total += 1;
        let expected = std::fs::read_to_string(format!("{ref_dir}/{i}.txt")).unwrap_or_default();
        let source = std::fs::read(path).unwrap_or_default();
        let got = match krait_syntax::parse_module(&source, path) {
            Ok(parsed) => krait_syntax::ast::dump(&parsed.module, &parsed.index),
            Err(err) => format!(
                "{}: {} ({:?}, {:?})",
                err.kind.class_name(),
                err.msg,
                err.lineno,
                err.offset
            ),
        };
        if got.trim_end() == expected.trim_end() {
            same += 1;
            continue;
        }
        let at = got
            .bytes()
            .zip(expected.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(got.len().min(expected.len()));
        let from = at.saturating_sub(80);
        let show = |s: &str| {
            let mut lo = from.min(s.len());
            while !s.is_char_boundary(lo) {
                lo -= 1;
            }
            let mut hi = (at + 80).min(s.len());
            while !s.is_char_boundary(hi) {
                hi -= 1;
            }
            s[lo..hi].to_owned()
        };
        println!(
            "{path}\n  ours: {}\n  ref:  {}",
            show(&got),
            show(&expected)
        );
    }
    println!("{same} of {total} files match");
}
