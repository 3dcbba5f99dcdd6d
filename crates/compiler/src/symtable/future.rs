//! `from __future__ import ...`: which features a module turns on, and the
//! errors CPython's `future.c` raises for unknown features.
//!
//! Future imports count only at the very start of a module (after an optional
//! docstring); the symbol table pass rejects later ones.

use krait_syntax::TextRange;
use krait_syntax::ast::{Constant, ExprKind, Mod, Stmt, StmtKind};

use super::error::Located;

/// The future features a module enables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FutureFeatures {
    /// `from __future__ import annotations` (PEP 563: annotations become strings).
    pub annotations: bool,
    /// `from __future__ import barry_as_FLUFL`.
    pub barry_as_flufl: bool,
    /// The last future import of the leading block, if any.
    pub location: Option<TextRange>,
}

/// Features that exist but change nothing in Python 3.
const ACCEPTED: [&str; 9] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "generator_stop",
    "annotations",
];

/// Whether `body` starts with a docstring (a string constant statement).
pub(crate) fn has_docstring(body: &[Stmt]) -> bool {
    matches!(
        body.first().map(|s| &s.kind),
        Some(StmtKind::Expr { value }) if matches!(
            &value.kind,
            ExprKind::Constant { value: Constant::Str(_), .. }
        )
    )
}

/// Reads the leading future imports of `module`.
pub(crate) fn parse_future(module: &Mod) -> Result<FutureFeatures, Located> {
    let mut features = FutureFeatures::default();
    let body = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => body,
        _ => return Ok(features),
    };
    let skip = usize::from(has_docstring(body));
    for stmt in body.iter().skip(skip) {
        let StmtKind::ImportFrom { module, names, .. } = &stmt.kind else {
            break;
        };
        if module.as_deref() != Some("__future__") {
            break;
        }
        for alias in names {
            match alias.name.as_str() {
                "annotations" => features.annotations = true,
                "barry_as_FLUFL" => features.barry_as_flufl = true,
                "braces" => return Err(Located::new("not a chance", alias.range)),
                name if ACCEPTED.contains(&name) => {}
                name => {
                    return Err(Located::new(
                        format!("future feature {name} is not defined"),
                        alias.range,
                    ));
                }
            }
        }
        features.location = Some(stmt.range);
    }
    Ok(features)
}
