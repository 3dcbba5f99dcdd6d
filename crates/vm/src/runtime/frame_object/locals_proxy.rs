//! `FrameLocalsProxy` (PEP 667): what `f_locals` of a function's frame
//! returns. A write-through mapping over the frame's fast locals: reading
//! shows their current values (cell contents for cells and free
//! variables), `proxy['x'] = v` writes the local (or the cell), and names
//! that are not locals of the code go to the frame object's extra-locals
//! dict. Locals cannot be removed (`ValueError`), extra names can.

use crate::builtins::dict::Dict;
use crate::builtins::native::{MethodDef, method};
use crate::error::{PyErr, PyResult};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::runtime::frame_object::{FrameObject, bound_locals, fast_locals_dict, slot_value};
use crate::types::slots::{BinOp, CompareOp};
use crate::value::Value;

/// The payload of a `FrameLocalsProxy`: the frame object it reads through.
pub struct FrameLocalsProxy {
    /// The frame object (live or taken over).
    pub frame: Ref<FrameObject>,
}

/// A new proxy over `frame`'s locals.
pub fn new_proxy(vm: &mut Vm, frame: Ref<FrameObject>) -> PyResult<Value> {
    let proxy = vm.alloc(
        &vm.types.frame_locals_proxy.clone(),
        FrameLocalsProxy { frame },
    )?;
    Ok(Value::from_object(proxy.into_obj()))
}

fn proxy_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<FrameLocalsProxy>> {
    match v.as_object().and_then(|o| o.downcast::<FrameLocalsProxy>()) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("descriptor requires a 'FrameLocalsProxy' object".into())),
    }
}

/// The frame object of proxy `v`.
fn frame_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<FrameObject>> {
    Ok(proxy_of(vm, v)?.frame.clone())
}

/// The locals-plus index of the local named `key` (a bound one first when
/// a name has several slots), or `None` when `key` is not a local name.
fn local_index(vm: &Vm, frame: &FrameObject, key: &Value, bound_only: bool) -> Option<usize> {
    let key = vm.as_str(key)?;
    let f = frame.frame()?;
    let mut first = None;
    for (i, name) in f.code.localsplusnames.iter().enumerate() {
        if name.as_obj().is(key.as_obj()) || name.as_bytes() == key.as_bytes() {
            if slot_value(f, i).is_some() {
                return Some(i);
            }
            first.get_or_insert(i);
        }
    }
    if bound_only { None } else { first }
}

/// The current value of the local named `key`, if bound.
fn read_local(vm: &Vm, frame: &FrameObject, key: &Value) -> Option<Value> {
    let i = local_index(vm, frame, key, true)?;
    slot_value(frame.frame()?, i)
}

/// The extra-locals dict, if any.
fn extra(frame: &FrameObject) -> Option<Ref<Dict>> {
    frame.extra_locals.get()
}

/// The proxy's contents as a new dict: bound locals in
/// `co_localsplusnames` order, then the extra locals.
pub fn merged(vm: &mut Vm, frame: &FrameObject) -> PyResult<Ref<Dict>> {
    fast_locals_dict(vm, frame.frame(), extra(frame))
}

fn merged_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = frame_of(vm, v)?;
    Ok(Value::from_object(merged(vm, &f)?.into_obj()))
}

/// `proxy[key]`.
fn get_item(vm: &mut Vm, frame: &FrameObject, key: &Value) -> PyResult<Option<Value>> {
    if let Some(v) = read_local(vm, frame, key) {
        return Ok(Some(v));
    }
    vm.hash(key)?;
    match extra(frame) {
        Some(extra) => Dict::get_item(vm, &extra, key),
        None => Ok(None),
    }
}

/// `proxy[key] = value`.
fn set_item(vm: &mut Vm, frame: &FrameObject, key: &Value, value: Value) -> PyResult<()> {
    if let Some(i) = local_index(vm, frame, key, false) {
        write_local(frame, i, value);
        return Ok(());
    }
    vm.hash(key)?;
    let extra = match extra(frame) {
        Some(d) => d,
        None => {
            let d = vm.new_dict_ref()?;
            frame.extra_locals.with(|e| *e = Some(d.clone()));
            d
        }
    };
    Dict::set_item(vm, &extra, key.clone(), value)
}

/// Writes locals-plus slot `i` (the contents of the cell it holds, for a
/// cell or free variable).
fn write_local(frame: &FrameObject, i: usize, value: Value) {
    let fp = frame.frame_ptr();
    // SAFETY: the frame object's frame is live or its own copy; nothing
    // else borrows it while this native code runs.
    let Some(f) = (unsafe { fp.as_mut() }) else {
        return;
    };
    use krait_compiler::bytecode::code_object::fast_kind;
    let kind = f.code.code.localspluskinds.get(i).copied().unwrap_or(0);
    if kind & (fast_kind::CELL | fast_kind::FREE) != 0
        && let Some(cell) = f
            .local(i)
            .and_then(|v| v.as_object())
            .and_then(|o| o.downcast::<crate::builtins::function::CellObj>())
            .cloned()
    {
        let old = cell.value.with(|c| c.replace(value));
        drop(old);
        return;
    }
    let old = f.set_local(i, Some(value));
    drop(old);
}

/// `del proxy[key]` and `proxy.pop(key)`: the removed value of an extra
/// local; locals cannot be removed.
fn remove(vm: &mut Vm, frame: &FrameObject, key: &Value) -> PyResult<Option<Value>> {
    if local_index(vm, frame, key, false).is_some() {
        return Err(vm.value_error("cannot remove local variables from FrameLocalsProxy"));
    }
    vm.hash(key)?;
    match extra(frame) {
        Some(extra) => Dict::del_item(vm, &extra, key),
        None => Ok(None),
    }
}

fn missing_local(vm: &mut Vm, key: &Value) -> PyErr {
    match vm.repr_string(key) {
        Ok(r) => {
            let message = format!("local variable '{r}' is not defined");
            match vm.new_str(&message) {
                Ok(m) => vm.key_error(m),
                Err(e) => e,
            }
        }
        Err(e) => e,
    }
}

/// Installs `FrameLocalsProxy`'s slots.
pub fn init_type(vm: &Vm) {
    let t = &vm.types.frame_locals_proxy;
    t.slots.repr.set(Some(|vm, v| {
        if !vm.repr_enter(v) {
            return vm.new_str("{...}");
        }
        let r = merged_value(vm, v).and_then(|d| vm.repr_string(&d));
        vm.repr_leave(v);
        vm.new_str(&r?)
    }));
    t.slots.new.set(Some(|vm, _cls, args, kwnames| {
        let nkw = kwnames.map_or(0, |k| k.items().len());
        let positional = &args[..args.len().saturating_sub(nkw)];
        let [frame] = positional else {
            let n = positional.len();
            return Err(vm.type_error(format!("FrameLocalsProxy expected 1 argument, got {n}")));
        };
        let Some(frame) = super::as_frame_object(frame).cloned() else {
            let tn = vm.type_name(frame);
            return Err(vm.type_error(format!("expect frame, not {tn}")));
        };
        if nkw != 0 {
            return Err(vm.type_error("FrameLocalsProxy takes no keyword arguments".into()));
        }
        new_proxy(vm, frame)
    }));
    t.slots.getitem.set(Some(|vm, v, key| {
        let f = frame_of(vm, v)?;
        match get_item(vm, &f, key)? {
            Some(found) => Ok(found),
            None => Err(missing_local(vm, key)),
        }
    }));
    t.slots.setitem.set(Some(|vm, v, key, value| {
        let f = frame_of(vm, v)?;
        match value {
            Some(value) => set_item(vm, &f, key, value),
            None => match remove(vm, &f, key)? {
                Some(_) => Ok(()),
                None => Err(vm.key_error(key.clone())),
            },
        }
    }));
    t.slots.contains.set(Some(|vm, v, key| {
        let f = frame_of(vm, v)?;
        Ok(get_item(vm, &f, key)?.is_some())
    }));
    t.slots.len.set(Some(|vm, v| {
        let f = frame_of(vm, v)?;
        let locals = f.frame().map_or(0, |fr| bound_locals(fr).len());
        Ok(locals + extra(&f).map_or(0, |d| d.len()))
    }));
    t.slots.iter.set(Some(|vm, v| {
        let keys = keys(vm, v)?;
        vm.iter(&keys)
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(vm.not_implemented());
        }
        let mine = merged_value(vm, a)?;
        let other = if b
            .as_object()
            .and_then(|o| o.downcast::<FrameLocalsProxy>())
            .is_some()
        {
            merged_value(vm, b)?
        } else if b.as_object().and_then(|o| o.downcast::<Dict>()).is_some() {
            b.clone()
        } else {
            return Ok(vm.not_implemented());
        };
        vm.rich_compare(&mine, &other, op)
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        if op != BinOp::Or {
            return Ok(vm.not_implemented());
        }
        let (Some(x), Some(y)) = (dict_or_proxy(vm, a)?, dict_or_proxy(vm, b)?) else {
            return Ok(vm.not_implemented());
        };
        let x = Value::from_object(x.into_obj());
        let y = Value::from_object(y.into_obj());
        vm.binary_op(&x, &y, BinOp::Or)
    }));
    t.slots.inplace.set(Some(|vm, a, b, op| {
        if op != BinOp::Or {
            return Ok(vm.not_implemented());
        }
        if update(vm, a, b)? {
            Ok(a.clone())
        } else {
            Ok(vm.not_implemented())
        }
    }));
}

/// The names, as a list.
fn keys(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = frame_of(vm, v).and_then(|f| merged(vm, &f))?;
    let keys = d.items().into_iter().map(|(k, _)| k).collect();
    vm.new_list(keys)
}

/// The items of `other` if it is a dict or a proxy (what `update` and
/// `|` accept).
fn dict_or_proxy(vm: &mut Vm, other: &Value) -> PyResult<Option<Ref<Dict>>> {
    let Some(o) = other.as_object() else {
        return Ok(None);
    };
    if let Some(p) = o.downcast::<FrameLocalsProxy>() {
        let pf = p.frame.clone();
        return Ok(Some(merged(vm, &pf)?));
    }
    Ok(o.downcast::<Dict>().cloned())
}

/// `proxy.update(other)` and `proxy |= other`: writes each item of a
/// dict or proxy through the proxy. `false` when `other` is neither.
fn update(vm: &mut Vm, v: &Value, other: &Value) -> PyResult<bool> {
    let f = frame_of(vm, v)?;
    let Some(items) = dict_or_proxy(vm, other)? else {
        return Ok(false);
    };
    for (k, value) in items.items() {
        set_item(vm, &f, &k, value)?;
    }
    Ok(true)
}

/// `FrameLocalsProxy`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("keys", "(self, /)", |vm, args| keys(vm, args.this())),
    method("values", "(self, /)", |vm, args| {
        let d = merged_value(vm, args.this())?;
        let d = d.as_object().and_then(|o| o.downcast::<Dict>()).cloned();
        let values = d.map(|d| d.items().into_iter().map(|(_, v)| v).collect());
        vm.new_list(values.unwrap_or_default())
    }),
    method("items", "(self, /)", |vm, args| {
        let d = merged_value(vm, args.this())?;
        let d = d.as_object().and_then(|o| o.downcast::<Dict>()).cloned();
        let mut pairs = Vec::new();
        for (k, v) in d.map(|d| d.items()).unwrap_or_default() {
            pairs.push(vm.new_tuple(vec![k, v])?);
        }
        vm.new_list(pairs)
    }),
    method("get", "(self, key, default=None, /)", |vm, args| {
        let f = frame_of(vm, args.this())?;
        Ok(get_item(vm, &f, args.required(1))?
            .or_else(|| args.get(2).cloned())
            .unwrap_or(Value::NONE))
    }),
    method("copy", "(self, /)", |vm, args| {
        merged_value(vm, args.this())
    }),
    method("setdefault", "(self, key, default=None, /)", |vm, args| {
        let f = frame_of(vm, args.this())?;
        let key = args.required(1);
        if let Some(found) = get_item(vm, &f, key)? {
            return Ok(found);
        }
        let default = args.get(2).cloned().unwrap_or(Value::NONE);
        set_item(vm, &f, key, default.clone())?;
        Ok(default)
    }),
    method("pop", "(self, key, default=None, /)", |vm, args| {
        let f = frame_of(vm, args.this())?;
        let key = args.required(1);
        match remove(vm, &f, key)? {
            Some(v) => Ok(v),
            None => match args.get(2) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.key_error(key.clone())),
            },
        }
    }),
    method("update", "(self, other, /)", |vm, args| {
        if update(vm, args.this(), args.required(1))? {
            Ok(Value::NONE)
        } else {
            Err(vm.type_error("update() argument must be dict or another FrameLocalsProxy".into()))
        }
    }),
    method("__reversed__", "(self, /)", |vm, args| {
        let keys = keys(vm, args.this())?;
        let mut items = vm.collect_iterable(&keys)?;
        items.reverse();
        vm.new_list(items)
    }),
];
