//! Errors are values (DESIGN.md decision 8): every fallible operation returns
//! [`PyResult`], whose error is a counted reference to a `BaseException`
//! instance. `PyResult<Value>` stays 16 bytes.

use crate::builtins::exceptions::BaseException;
use crate::object::{ObjRef, Ref};

/// A raised Python exception: a reference to the exception instance.
#[derive(Clone)]
pub struct PyErr(pub Ref<BaseException>);

/// The result of any operation that can raise.
pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// The exception instance.
    pub fn exception(&self) -> &Ref<BaseException> {
        &self.0
    }

    /// The exception as an untyped object.
    pub fn as_obj(&self) -> &ObjRef {
        self.0.as_obj()
    }

    /// The exception's class name.
    pub fn class_name(&self) -> &str {
        &self.0.as_obj().class().name
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.class_name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    #[test]
    fn a_result_of_a_value_is_small() {
        assert_eq!(std::mem::size_of::<PyResult<Value>>(), 16);
        assert_eq!(std::mem::size_of::<PyErr>(), 8);
    }
}
