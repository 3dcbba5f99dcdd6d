//! [`Identifier`]: the name type used wherever CPython's AST holds an `identifier`.
//!
//! It is a newtype so that its representation (today an owned `Box<str>`) can
//! later change in one place, e.g. to an interned symbol.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// A Python identifier (already NFKC-normalized by the parser), or a dotted
/// module path where CPython's AST stores one in an `identifier` field
/// (`alias.name`, `ImportFrom.module`).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identifier(Box<str>);

impl Identifier {
    /// Wraps `name`.
    pub fn new(name: impl Into<Box<str>>) -> Self {
        Self(name.into())
    }

    /// The name as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Identifier {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Identifier {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Identifier {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Identifier {
    fn from(name: &str) -> Self {
        Self(name.into())
    }
}

impl From<String> for Identifier {
    fn from(name: String) -> Self {
        Self(name.into_boxed_str())
    }
}

impl fmt::Debug for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Identifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
