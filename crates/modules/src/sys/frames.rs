//! The frame objects `sys._getframe` returns, and `sys._getframemodulename`.
//!
//! krait has no live frame objects yet (DESIGN.md decision 7 has them made
//! lazily, taking over a frame's data when it ends). Until then
//! `_getframe` returns *snapshots*: each records its frame's code,
//! globals, builtins, locals, line and `f_back` chain when `_getframe` is
//! called. That is exact for the frames below the caller (suspended in a
//! call until the snapshot is used, which is how the standard library uses
//! `_getframe`), while `f_lineno` of a snapshot of a frame that has moved
//! on is the line it was at. Function frames' `f_locals` is a dict copy.

use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::{Code, Function};
use krait_vm::builtins::str::Str;
use krait_vm::object::Ref;
use krait_vm::runtime::Frame;
use krait_vm::types::TypeRef;
use krait_vm::{PyResult, Value, Vm};

/// The payload of a frame snapshot.
pub struct FrameSnapshot {
    /// `f_code`.
    pub code: Ref<Code>,
    /// `f_globals`.
    pub globals: Ref<Dict>,
    /// `f_builtins`.
    pub builtins: Ref<Dict>,
    /// `f_locals`.
    pub locals: Value,
    /// `f_lineno` (`None` when unknown).
    pub lineno: Value,
    /// `f_lasti` in bytes.
    pub lasti: i64,
    /// `f_back`.
    pub back: Value,
}

/// Creates the `frame` type of snapshots.
pub fn new_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let ty = vm.new_builtin_type::<FrameSnapshot>("builtins", "frame", None, 0, &[])?;
    ty.slots.getattro.set(Some(getattr));
    ty.slots.repr.set(Some(repr));
    ty.slots.new.set(None);
    ty.bump_version();
    Ok(ty)
}

/// What a frame snapshot records of one live frame.
struct Record {
    code: Ref<Code>,
    globals: Ref<Dict>,
    builtins: Ref<Dict>,
    locals: Value,
    lasti: u32,
}

fn record(vm: &mut Vm, frame: &Frame) -> PyResult<Record> {
    Ok(Record {
        code: frame.code.clone(),
        globals: frame.globals.clone(),
        builtins: frame.builtins.clone(),
        locals: vm.frame_locals(frame)?,
        lasti: frame.lasti,
    })
}

/// `sys._getframe(depth=0)`.
pub fn getframe(vm: &mut Vm, ty: &TypeRef, depth: i64) -> PyResult<Value> {
    let frames: Vec<*const Frame> = match usize::try_from(depth) {
        Ok(depth) => vm.frames().skip(depth).map(|f| f as *const Frame).collect(),
        Err(_) => Vec::new(),
    };
    if frames.is_empty() {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    let mut records = Vec::with_capacity(frames.len());
    for frame in frames {
        // SAFETY: the frames below the running native call stay live
        // while it runs; recording them runs no Python code.
        let frame = unsafe { &*frame };
        records.push(record(vm, frame)?);
    }
    // Build from the outermost frame inwards so each f_back exists.
    let mut back = Value::NONE;
    for r in records.into_iter().rev() {
        let locals = r.locals;
        let lineno = match r.code.code.location_at(r.lasti as usize) {
            Some(loc) if loc.line >= 0 => Value::from_i64(i64::from(loc.line)),
            _ => Value::NONE,
        };
        let snapshot = vm.alloc(
            ty,
            FrameSnapshot {
                code: r.code,
                globals: r.globals,
                builtins: r.builtins,
                locals,
                lineno,
                lasti: i64::from(r.lasti) * 2,
                back,
            },
        )?;
        back = Value::from_object(snapshot.into_obj());
    }
    Ok(back)
}

/// `sys._getframemodulename(depth=0)`: the `__module__` of the function
/// running `depth` frames up (for module and class bodies, the module's
/// `__name__`, as CPython's frames of those run a function of that
/// module); `None` past the bottom of the stack.
pub fn getframemodulename(vm: &mut Vm, depth: i64) -> PyResult<Value> {
    let depth = usize::try_from(depth).unwrap_or(usize::MAX);
    let Some((func, globals)) = vm
        .frames()
        .nth(depth)
        .map(|f| (f.func.clone(), f.globals.clone()))
    else {
        return Ok(Value::NONE);
    };
    if let Some(f) = func
        .as_ref()
        .and_then(|f| f.as_object())
        .and_then(|o| o.downcast::<Function>())
    {
        return Ok(f.module.get());
    }
    Ok(globals
        .table
        .with(|t| t.get_str(&Str::new("__name__")))
        .unwrap_or(Value::NONE))
}

fn snapshot(vm: &mut Vm, v: &Value) -> PyResult<Ref<FrameSnapshot>> {
    match v.as_object().and_then(|o| o.downcast::<FrameSnapshot>()) {
        Some(f) => Ok(f.clone()),
        None => Err(vm.type_error("descriptor requires a 'frame' object".into())),
    }
}

fn getattr(vm: &mut Vm, v: &Value, name: &Ref<Str>) -> PyResult<Value> {
    let f = snapshot(vm, v)?;
    Ok(match &*name.as_lossy() {
        "f_code" => Value::from_object(f.code.as_obj().clone()),
        "f_globals" => Value::from_object(f.globals.as_obj().clone()),
        "f_builtins" => Value::from_object(f.builtins.as_obj().clone()),
        "f_locals" => f.locals.clone(),
        "f_lineno" => f.lineno.clone(),
        "f_lasti" => Value::from_i64(f.lasti),
        "f_back" => f.back.clone(),
        "f_trace" => Value::NONE,
        "f_trace_lines" => Value::from_bool(true),
        "f_trace_opcodes" => Value::from_bool(false),
        "f_generator" => Value::NONE,
        "clear" => {
            return Err(vm.new_error(
                ExcKind::NotImplementedError,
                "krait's frame snapshots cannot be cleared (frame.clear)",
            ));
        }
        _ => return krait_vm::builtins::object::generic_getattr(vm, v, name),
    })
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = snapshot(vm, v)?;
    let address = v.as_object().map_or(0, |o| o.address());
    let file = String::from_utf8_lossy(f.code.code.filename.as_bytes()).into_owned();
    let file = vm.new_str(&file)?;
    let file = vm.repr_string(&file)?;
    let line = vm.repr_string(&f.lineno)?;
    let name = f.code.name.as_lossy().into_owned();
    vm.new_str(&format!(
        "<frame at {address:#x}, file {file}, line {line}, code {name}>"
    ))
}

/// A snapshot is immutable: it reports its references, and a cycle through
/// it is broken by clearing the dicts it refers to.
impl krait_vm::gc::Payload for FrameSnapshot {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut krait_vm::gc::Visitor<'_>) {
        visit.object(self.code.as_obj());
        visit.object(self.globals.as_obj());
        visit.object(self.builtins.as_obj());
        visit.value(&self.locals);
        visit.value(&self.back);
    }
}
