//! `_sre` (CPython's `Modules/_sre/`): the regular-expression engine under
//! the pure-Python `re` package. `re._compiler` turns a pattern into a list
//! of code words; `_sre.compile` wraps them in a [`pattern`] object whose
//! methods run the [`engine`] over a [`subject`] string and hand back
//! [`matchobj`] objects; `finditer` and `scanner()` step through a string
//! with a [`scanner`]; `sub` expands replacement templates compiled by
//! `_sre.template` ([`template`]). [`chars`] answers the character-class
//! and case questions, [`constants`] holds the numbers shared with
//! `re._constants`.

pub mod chars;
pub mod constants;
pub mod engine;
pub mod matchobj;
pub mod pattern;
pub mod scanner;
pub mod subject;
pub mod template;
pub mod validate;

use std::cell::RefCell;

use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::object::Ref;
use krait_vm::types::TypeRef;
use krait_vm::{PyErr, PyResult, Value, Vm};

use constants::*;

/// The classes `_sre` creates instances of.
#[derive(Clone)]
pub struct SreTypes {
    /// `re.Pattern`.
    pub pattern: TypeRef,
    /// `re.Match`.
    pub match_: TypeRef,
    /// `_sre.SRE_Scanner`.
    pub scanner: TypeRef,
    /// `_sre.SRE_Template`.
    pub template: TypeRef,
}

thread_local! {
    /// Set when `_sre` is first imported on this thread (the classes are
    /// immortal).
    static TYPES: RefCell<Option<SreTypes>> = const { RefCell::new(None) };
}

/// One of the `_sre` classes (picked by `pick`), importing the module if
/// needed.
pub fn class(vm: &mut Vm, pick: fn(&SreTypes) -> &TypeRef) -> PyResult<TypeRef> {
    let find = || TYPES.with(|t| t.borrow().as_ref().map(|t| pick(t).clone()));
    if let Some(t) = find() {
        return Ok(t);
    }
    vm.import_module("_sre")?;
    match find() {
        Some(t) => Ok(t),
        None => Err(vm.runtime_error("_sre is not initialised")),
    }
}

/// `_sre`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    let types = SreTypes {
        pattern: pattern::make_type(vm)?,
        match_: matchobj::make_type(vm)?,
        scanner: scanner::make_type(vm)?,
        template: template::make_type(vm)?,
    };
    krait_vm::builtins::slot_wrappers::install(
        vm,
        &[
            types.pattern.clone(),
            types.match_.clone(),
            types.scanner.clone(),
            types.template.clone(),
        ],
    )?;
    TYPES.with(|t| *t.borrow_mut() = Some(types));
    vm.module_add_functions(module, FUNCTIONS)?;
    vm.module_set(module, "MAGIC", Value::from_i64(MAGIC))?;
    vm.module_set(module, "CODESIZE", Value::from_i64(CODESIZE))?;
    vm.module_set(module, "MAXREPEAT", Value::from_i64(i64::from(MAXREPEAT)))?;
    vm.module_set(module, "MAXGROUPS", Value::from_i64(MAXGROUPS))?;
    let copyright = vm.new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB ")?;
    vm.module_set(module, "copyright", copyright)?;
    let doc = vm.new_str("The regular-expression engine behind the re module.")?;
    vm.module_set(module, "__doc__", doc)
}

/// The Python error for an engine failure.
pub fn engine_error(vm: &mut Vm, e: engine::SreError) -> PyErr {
    match e {
        engine::SreError::Interrupted => match krait_vm::runtime::signals::take_pending(vm) {
            Some(err) => err,
            None => vm.new_error(
                krait_vm::builtins::exceptions::ExcKind::KeyboardInterrupt,
                "",
            ),
        },
        engine::SreError::Illegal => {
            vm.runtime_error("internal error in regular expression engine")
        }
    }
}

/// A character-code argument (`int`).
fn char_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let n = krait_vm::builtins::slice::index_arg(vm, v)?;
    // CPython reads an unsigned 32-bit code (wrapping larger values).
    Ok(n as u32)
}

const FUNCTIONS: &[MethodDef] = &[
    method(
        "compile",
        "(pattern, flags, code, groups, groupindex, indexgroup)",
        pattern::compile,
    ),
    method("template", "(pattern, template, /)", template::compile),
    method("getcodesize", "()", |_vm, _args| {
        Ok(Value::from_i64(CODESIZE))
    }),
    method("ascii_iscased", "(character, /)", |vm, args| {
        let ch = char_arg(vm, args.required(0))?;
        Ok(Value::from_bool(
            ch < 128 && (ch as u8).is_ascii_alphabetic(),
        ))
    }),
    method("unicode_iscased", "(character, /)", |vm, args| {
        let ch = char_arg(vm, args.required(0))?;
        Ok(Value::from_bool(
            ch != chars::lower_unicode(ch) || ch != chars::upper_unicode(ch),
        ))
    }),
    method("ascii_tolower", "(character, /)", |vm, args| {
        let ch = char_arg(vm, args.required(0))?;
        Ok(Value::from_i64(i64::from(chars::lower_ascii(ch))))
    }),
    method("unicode_tolower", "(character, /)", |vm, args| {
        let ch = char_arg(vm, args.required(0))?;
        Ok(Value::from_i64(i64::from(chars::lower_unicode(ch))))
    }),
];
