//! Times the front end for `cargo xtask bench-parse`: reads every file named in
//! the list file given as the only argument (one path per line) into memory,
//! then parses each into krait's AST and prints the seconds spent parsing
//! (including dropping the trees, as CPython's loop frees its ASTs).

use std::time::Instant;

fn main() -> std::process::ExitCode {
    let Some(list) = std::env::args().nth(1) else {
        eprintln!("usage: parse_files LIST_FILE");
        return std::process::ExitCode::from(2);
    };
    let names = match std::fs::read_to_string(&list) {
        Ok(names) => names,
        Err(error) => {
            eprintln!("parse_files: {list}: {error}");
            return std::process::ExitCode::from(2);
        }
    };
    let mut sources = Vec::new();
    for path in names.lines().filter(|line| !line.is_empty()) {
        match std::fs::read(path) {
            Ok(bytes) => sources.push((path, bytes)),
            Err(error) => {
                eprintln!("parse_files: {path}: {error}");
                return std::process::ExitCode::from(2);
            }
        }
    }
    let started = Instant::now();
    for (path, source) in &sources {
        // A rejected file still costs its parse, as on CPython's side.
        let _ = std::hint::black_box(krait_syntax::parse_module(source, path));
    }
    println!("{:.6}", started.elapsed().as_secs_f64());
    std::process::ExitCode::SUCCESS
}
