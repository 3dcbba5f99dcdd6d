//! The `krait` command line.
fn main() {}
