//! `_sre.SRE_Scanner` (`Pattern.scanner()`, and behind `finditer`): walks
//! a subject match by match. Each `match()`/`search()` continues where the
//! previous match ended; after an empty match the next one must advance;
//! once a call finds nothing the scanner stays exhausted. A `bytearray`
//! subject cannot be resized while a scanner over it lives.

use std::cell::Cell;

use krait_vm::builtins::bytearray::ByteArray;
use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::slice::index_arg;
use krait_vm::gc::{Payload, Visitor};
use krait_vm::object::Ref;
use krait_vm::types::TypeRef;
use krait_vm::{PyResult, Value, Vm};

use super::matchobj::new_match;
use super::pattern::{Pattern, capture, pattern_of, subject_for};
use super::subject::{Subject, clamp, with_engine};

/// The payload of `SRE_Scanner`.
pub struct Scanner {
    pattern: Value,
    pat: Ref<Pattern>,
    string: Value,
    subject: Subject,
    pos: usize,
    endpos: usize,
    /// Where the next attempt starts; `None` once exhausted.
    next: Cell<Option<usize>>,
    must_advance: Cell<bool>,
    /// Set while a call runs (a callback cannot re-enter it).
    busy: Cell<bool>,
    /// A `bytearray` subject, exported while the scanner lives so that it
    /// cannot be resized under it (CPython keeps its buffer).
    export: Option<Ref<ByteArray>>,
}

impl Drop for Scanner {
    fn drop(&mut self) {
        if let Some(b) = &self.export {
            b.exports.set(b.exports.get().saturating_sub(1));
        }
    }
}

impl Payload for Scanner {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.pattern);
        visit.value(&self.string);
        visit.object(self.pat.as_obj());
    }
}

/// Creates the `_sre.SRE_Scanner` class.
pub fn make_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let ty = vm.new_builtin_type::<Scanner>("_sre", "SRE_Scanner", None, 0, METHODS)?;
    ty.slots.new.set(Some(|vm, _cls, _args, _kw| {
        Err(vm.type_error("cannot create '_sre.SRE_Scanner' instances".into()))
    }));
    vm.add_getsets(&ty, GETSETS)?;
    ty.bump_version();
    Ok(ty)
}

/// `Pattern.scanner(string, pos=0, endpos=sys.maxsize)`.
pub fn new_scanner(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let pattern = args.this().clone();
    let pat = pattern_of(vm, &pattern)?;
    let string = args.required(1).clone();
    let subject = subject_for(vm, &pat, &string)?;
    let len = subject.len();
    let pos = match args.get(2) {
        Some(v) => clamp(index_arg(vm, v)?, len),
        None => 0,
    };
    let endpos = match args.get(3) {
        Some(v) => clamp(index_arg(vm, v)?, len),
        None => len,
    };
    let export = string
        .as_object()
        .and_then(|o| o.downcast::<ByteArray>())
        .cloned();
    if let Some(b) = &export {
        b.exports.set(b.exports.get() + 1);
    }
    let class = super::class(vm, |t| &t.scanner)?;
    let s = vm.alloc(
        &class,
        Scanner {
            pattern,
            pat,
            string,
            subject,
            pos,
            endpos,
            next: Cell::new(Some(pos)),
            must_advance: Cell::new(false),
            busy: Cell::new(false),
            export,
        },
    )?;
    Ok(Value::from_object(s.into_obj()))
}

fn scanner_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Scanner>> {
    match v.as_object().and_then(|o| o.downcast::<Scanner>()) {
        Some(s) => Ok(s.clone()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a '_sre.SRE_Scanner' object but received a '{tn}'"
            )))
        }
    }
}

fn step(vm: &mut Vm, args: &Args, search: bool) -> PyResult<Value> {
    let s = scanner_of(vm, args.this())?;
    let Some(start) = s.next.get() else {
        return Ok(Value::NONE);
    };
    if s.busy.replace(true) {
        return Err(vm.value_error("regular expression scanner already executing"));
    }
    let groups = s.pat.groups;
    let must_advance = s.must_advance.get();
    let result = with_engine(&s.subject, &s.pat.code, start, s.endpos, &mut |ops| {
        ops.set_must_advance(must_advance);
        let found = if search {
            ops.search()
        } else {
            ops.match_here()
        };
        found.map(|f| f.then(|| capture(ops, groups)))
    });
    s.busy.set(false);
    let found = result.map_err(|e| super::engine_error(vm, e))?;
    match found {
        Some(captured) => {
            let (b, e) = captured.whole();
            s.must_advance.set(e == b);
            s.next.set(Some(e));
            new_match(
                vm,
                &s.pattern,
                &s.pat,
                &s.string,
                s.subject.clone(),
                s.pos,
                s.endpos,
                captured,
            )
        }
        None => {
            s.next.set(None);
            Ok(Value::NONE)
        }
    }
}

const GETSETS: &[GetSetDef] = &[readonly("pattern", |vm, v| {
    Ok(scanner_of(vm, v)?.pattern.clone())
})];

const METHODS: &[MethodDef] = &[
    method("match", "(self, /)", |vm, args| step(vm, args, false)),
    method("search", "(self, /)", |vm, args| step(vm, args, true)),
];
