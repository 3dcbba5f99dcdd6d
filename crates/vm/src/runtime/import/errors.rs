//! The errors of the import system: the `ImportError`s and
//! `ModuleNotFoundError`s it raises (with their `name`, `path`,
//! `name_from` and `msg` attributes, whose constructor and fields live in
//! `builtins/exceptions.rs`), and front-end errors of an imported module's
//! source turned into Python exceptions.

use crate::builtins::exceptions::ExcKind;
use crate::error::{PyErr, PyResult};
use crate::runtime::Vm;
use crate::value::Value;

fn set_attributes<const N: usize>(
    vm: &mut Vm,
    exc: &Value,
    attributes: [(&str, Value); N],
) -> PyResult<()> {
    for (name, value) in attributes {
        let key = vm.intern(name)?;
        vm.set_attr(exc, &key, Some(value))?;
    }
    Ok(())
}

impl Vm {
    /// An `ImportError` (or subclass `kind`) with `msg` and the `name`,
    /// `path` and `name_from` attributes (CPython's `PyErr_SetImportError`).
    pub fn new_import_error(
        &mut self,
        kind: ExcKind,
        msg: &str,
        name: Option<&str>,
        path: Option<&str>,
        name_from: Option<&str>,
    ) -> PyErr {
        let err = self.new_error(kind, msg);
        let text = |vm: &mut Vm, s: Option<&str>| match s {
            Some(s) => vm.new_str(s),
            None => Ok(Value::NONE),
        };
        let built = (|| -> PyResult<()> {
            let msg = self.new_str(msg)?;
            let name = text(self, name)?;
            let path = text(self, path)?;
            let name_from = text(self, name_from)?;
            let exc = Value::from_object(err.as_obj().clone());
            set_attributes(
                self,
                &exc,
                [
                    ("msg", msg),
                    ("name", name),
                    ("path", path),
                    ("name_from", name_from),
                ],
            )
        })();
        match built {
            Ok(()) => err,
            Err(e) => e,
        }
    }

    /// `ModuleNotFoundError(msg, name=name)`.
    pub fn module_not_found(&mut self, msg: &str, name: &str) -> PyErr {
        self.new_import_error(ExcKind::ModuleNotFoundError, msg, Some(name), None, None)
    }
}

/// The exception for a front-end error in the source of `filename`: a
/// `SyntaxError` (or subclass) with CPython's attributes (`msg`,
/// `filename`, `lineno`, `offset`, `text`, `end_lineno`, `end_offset`), or
/// the other class the front end names.
pub fn syntax_error(vm: &mut Vm, error: &krait_syntax::SyntaxError, filename: &str) -> PyErr {
    use krait_syntax::ErrorKind as K;
    let kind = match error.kind {
        K::SyntaxError => ExcKind::SyntaxError,
        K::IndentationError => ExcKind::IndentationError,
        K::TabError => ExcKind::TabError,
        K::MemoryError => ExcKind::MemoryError,
        K::ValueError => ExcKind::ValueError,
        K::UnicodeDecodeError => ExcKind::UnicodeDecodeError,
        K::OverflowError => ExcKind::OverflowError,
        K::LookupError => ExcKind::LookupError,
        K::RecursionError => ExcKind::RecursionError,
    };
    if !error.kind.is_syntax_error() {
        return vm.new_error(kind, &error.msg);
    }
    let built = (|| -> PyResult<PyErr> {
        let int = |v: Option<i64>| v.map_or(Value::NONE, Value::from_i64);
        let msg = vm.new_str(&error.msg)?;
        let file = vm.new_str(filename)?;
        let text = match &error.text {
            Some(t) => vm.new_str(t)?,
            None => Value::NONE,
        };
        let lineno = int(error.lineno.map(i64::from));
        let offset = int(error.offset.map(i64::from));
        let end_lineno = int(error.end_lineno.map(i64::from));
        let end_offset = int(error.end_offset.map(i64::from));
        let details = vm.new_tuple(vec![file, lineno, offset, text, end_lineno, end_offset])?;
        // The constructor fills `msg`, `filename`, `lineno`, ... from these.
        Ok(vm.new_exception(kind, vec![msg, details]))
    })();
    built.unwrap_or_else(|e| e)
}

/// The exception for a compile error in `filename`.
pub fn compile_error(vm: &mut Vm, error: &krait_compiler::CompileError, filename: &str) -> PyErr {
    use krait_compiler::CompileError as C;
    match error {
        C::Syntax(e) => syntax_error(vm, e, filename),
        C::Unsupported(what) => vm.new_error(
            ExcKind::NotImplementedError,
            &format!("krait cannot compile {what} yet"),
        ),
        C::Internal(what) => vm.new_error(ExcKind::SystemError, what),
    }
}
