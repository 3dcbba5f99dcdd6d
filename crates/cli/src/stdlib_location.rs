//! Where krait finds CPython's pure-Python standard library (DESIGN.md, decision 2).
//!
//! `KRAIT_STDLIB` names the directory when set; otherwise it is
//! `$XDG_CACHE_HOME/krait/python3.14-stdlib` (or `~/.cache/…` without
//! `XDG_CACHE_HOME`), which is where `cargo xtask` installs it. The xtask asks
//! the binary (`krait --print-stdlib-dir`), so this is the only place that
//! knows the rule.

use std::env;
use std::path::PathBuf;

/// The standard library directory, or `None` when neither `KRAIT_STDLIB`
/// nor a home/cache directory is known.
pub fn stdlib_dir() -> Option<PathBuf> {
    let non_empty = |name: &str| env::var_os(name).filter(|value| !value.is_empty());
    if let Some(dir) = non_empty("KRAIT_STDLIB") {
        return Some(PathBuf::from(dir));
    }
    let cache = non_empty("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .filter(|path| path.is_absolute())
        .or_else(|| non_empty("HOME").map(|home| PathBuf::from(home).join(".cache")))?;
    Some(cache.join("krait").join("python3.14-stdlib"))
}
