//! Frame objects (`types.FrameType`): what `tb_frame` and `sys._getframe`
//! return.
//!
//! Frames are `#[repr(C)]` records on the data stack (`frame.rs`) and are
//! gone when they return, so until frames hand their data over to a frame
//! object when they end (DESIGN.md decision 7), a frame object is a
//! *snapshot*: the frame's code, globals, builtins, a copy of its locals
//! and its position when the snapshot was taken, and the snapshot of the
//! frame below it (`f_back`). That is exact for a traceback's frames
//! (taken as the exception passed through them) and for the suspended
//! callers `sys._getframe` is used on; `f_lineno` and `f_locals` of a frame
//! that has moved on since show it as it was. The locals are copied as
//! slots and turned into a dict only when `f_locals` is asked for.

use crate::builtins::descriptors::{GetSetDef, getter};
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::function::{CellObj, Code};
use crate::builtins::native::{MethodDef, method};
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::runtime::frame::Frame;
use crate::value::Value;

/// A frame's local variables when a snapshot was taken: the namespace of a
/// module or class body, or a copy of the fast locals (turned into a dict
/// only if someone asks for `f_locals`).
#[derive(Clone)]
pub enum FrameLocals {
    /// A module or class body's namespace.
    Namespace(Value),
    /// The fast locals, cells and free variables, by `co_localsplusnames`.
    Fast(Box<[Option<Value>]>),
}

impl FrameLocals {
    /// The locals of a live frame, copied.
    pub fn of(frame: &Frame) -> FrameLocals {
        match &frame.locals {
            Some(namespace) => FrameLocals::Namespace(namespace.clone()),
            None => {
                let n = frame.code.code.nlocalsplus();
                FrameLocals::Fast((0..n).map(|i| frame.local(i).cloned()).collect())
            }
        }
    }
}

/// The payload of a frame object: a snapshot of one frame (see the file
/// comment).
pub struct FrameSnapshot {
    /// `f_code`.
    pub code: Ref<Code>,
    /// `f_globals`.
    pub globals: Ref<Dict>,
    /// `f_builtins`.
    pub builtins: Ref<Dict>,
    /// The locals.
    pub locals: FrameLocals,
    /// `f_locals` as a dict, once made.
    pub locals_dict: PyCell<Option<Value>>,
    /// `f_lasti` in code units.
    pub lasti: u32,
    /// `f_back`: the snapshot of the calling frame, or `None`.
    pub back: PyCell<Value>,
}

impl Vm {
    /// A new frame object for `frame` as it is now, with `back` as its
    /// `f_back`.
    pub fn new_frame_snapshot(&mut self, frame: &Frame, back: Value) -> PyResult<Value> {
        let snapshot = FrameSnapshot {
            code: frame.code.clone(),
            globals: frame.globals.clone(),
            builtins: frame.builtins.clone(),
            locals: FrameLocals::of(frame),
            locals_dict: PyCell::new(None),
            lasti: frame.lasti,
            back: PyCell::new(back),
        };
        let object = self.alloc(&self.types.frame.clone(), snapshot)?;
        Ok(Value::from_object(object.into_obj()))
    }

    /// `sys._getframe(depth)`: a frame object for the frame `depth` calls
    /// below the current one, with snapshots of its callers as `f_back`;
    /// `None` if the stack is not that deep.
    pub fn frame_object_at(&mut self, depth: usize) -> PyResult<Option<Value>> {
        let frames: Vec<*const Frame> = self
            .frames()
            .skip(depth)
            .map(|f| f as *const Frame)
            .collect();
        if frames.is_empty() {
            return Ok(None);
        }
        // From the outermost frame inwards, so each `f_back` exists.
        let mut back = Value::NONE;
        for frame in frames.into_iter().rev() {
            // SAFETY: the frames below the running native call stay live
            // while it runs; taking a snapshot runs no Python code.
            let frame = unsafe { &*frame };
            back = self.new_frame_snapshot(frame, back)?;
        }
        Ok(Some(back))
    }
}

/// `f_locals` of a snapshot: the namespace, or a dict of the bound fast
/// locals (cell contents for cells and free variables, hidden
/// comprehension locals left out).
pub fn locals_dict(vm: &mut Vm, code: &Code, locals: &FrameLocals) -> PyResult<Value> {
    let slots = match locals {
        FrameLocals::Namespace(ns) => return Ok(ns.clone()),
        FrameLocals::Fast(slots) => slots,
    };
    use krait_compiler::bytecode::code_object::fast_kind;
    let d = vm.new_dict_ref()?;
    for (i, name) in code.localsplusnames.iter().enumerate() {
        let kind = code.code.localspluskinds.get(i).copied().unwrap_or(0);
        if kind & fast_kind::HIDDEN != 0 {
            continue;
        }
        let Some(Some(v)) = slots.get(i).cloned() else {
            continue;
        };
        let v = if kind & (fast_kind::CELL | fast_kind::FREE) != 0 {
            match v
                .as_object()
                .and_then(|o| o.downcast::<CellObj>())
                .map(|c| c.value.get())
            {
                Some(Some(inner)) => inner,
                Some(None) => continue,
                None => v,
            }
        } else {
            v
        };
        Dict::set_item(vm, &d, Value::from_object(name.as_obj().clone()), v)?;
    }
    Ok(Value::from_object(d.into_obj()))
}

/// The line of code unit `lasti` (`None` when it has none).
pub fn line_of(code: &Code, lasti: u32) -> Value {
    match code.code.location_at(lasti as usize) {
        Some(l) if l.line >= 0 => Value::from_i64(i64::from(l.line)),
        _ => Value::NONE,
    }
}

fn frame_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<FrameSnapshot>> {
    match v.as_object().and_then(|o| o.downcast::<FrameSnapshot>()) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("descriptor requires a 'frame' object".into())),
    }
}

/// The attributes of frame objects.
pub const FRAME_GETSETS: &[GetSetDef] = &[
    getter("f_code", |vm, v| {
        Ok(Value::from_object(frame_of(vm, v)?.code.as_obj().clone()))
    }),
    getter("f_globals", |vm, v| {
        Ok(Value::from_object(
            frame_of(vm, v)?.globals.as_obj().clone(),
        ))
    }),
    getter("f_builtins", |vm, v| {
        Ok(Value::from_object(
            frame_of(vm, v)?.builtins.as_obj().clone(),
        ))
    }),
    getter("f_locals", |vm, v| {
        let f = frame_of(vm, v)?.clone();
        if let Some(d) = f.locals_dict.get() {
            return Ok(d);
        }
        let d = locals_dict(vm, &f.code, &f.locals)?;
        f.locals_dict.with(|x| *x = Some(d.clone()));
        Ok(d)
    }),
    getter("f_lineno", |vm, v| {
        let f = frame_of(vm, v)?.clone();
        Ok(line_of(&f.code, f.lasti))
    }),
    getter("f_lasti", |vm, v| {
        Ok(Value::from_i64(i64::from(frame_of(vm, v)?.lasti) * 2))
    }),
    getter("f_back", |vm, v| Ok(frame_of(vm, v)?.back.get())),
    getter("f_trace", |vm, v| {
        frame_of(vm, v)?;
        Ok(Value::NONE)
    }),
    getter("f_trace_lines", |vm, v| {
        frame_of(vm, v)?;
        Ok(Value::from_bool(true))
    }),
    getter("f_trace_opcodes", |vm, v| {
        frame_of(vm, v)?;
        Ok(Value::from_bool(false))
    }),
    getter("f_generator", |vm, v| {
        frame_of(vm, v)?;
        Ok(Value::NONE)
    }),
];

/// The methods of frame objects.
pub const FRAME_METHODS: &[MethodDef] = &[method("clear", "(self, /)", |vm, _args| {
    Err(vm.new_error(
        ExcKind::NotImplementedError,
        "krait's frame snapshots cannot be cleared (frame.clear)",
    ))
})];

/// Installs the slots of `frame`.
pub fn init_type(vm: &Vm) {
    vm.types.frame.slots.repr.set(Some(|vm, v| {
        let f = frame_of(vm, v)?.clone();
        let filename = String::from_utf8_lossy(f.code.code.filename.as_bytes()).into_owned();
        let filename = vm.new_str(&filename)?;
        let filename = vm.repr_string(&filename)?;
        let line = vm.repr_string(&line_of(&f.code, f.lasti))?;
        let text = format!(
            "<frame at {:#x}, file {filename}, line {line}, code {}>",
            v.as_object().map_or(0, |o| o.address()),
            f.code.name.as_lossy()
        );
        vm.new_str(&text)
    }));
}
