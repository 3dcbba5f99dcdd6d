//! `ast.dump(tree, include_attributes=True)`, byte for byte as CPython 3.14.

use super::Mod;
use crate::LineIndex;

/// Renders `module` as CPython's `ast.dump(tree, include_attributes=True)`.
pub fn dump(module: &Mod, index: &LineIndex) -> String {
    let _ = (module, index);
    String::new()
}
