//! The dict views `dict_keys`, `dict_values` and `dict_items`: live views
//! of a dict with `len`, iteration (forwards and `reversed`), membership, a
//! repr guarded against recursion, the `mapping` attribute, and — for keys
//! and items, which are set-like — comparisons with sets and the set
//! operators `&`, `|`, `-`, `^` and `isdisjoint`, computed as CPython does
//! (a new `set` built from one side, then updated with the other).

use crate::builtins::dict::Dict;
use crate::builtins::iterators::{DictIterKind, DictView, new_dict_iter, new_dict_reverse_iter};
use crate::builtins::native::{MethodDef, method};
use crate::builtins::set::{Set, as_set};
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::types::slots::{BinOp, CompareOp};
use crate::value::Value;

fn view(v: &Value) -> Option<Ref<DictView>> {
    v.as_object()
        .and_then(|o| o.downcast::<DictView>())
        .cloned()
}

fn this(vm: &mut Vm, v: &Value) -> PyResult<Ref<DictView>> {
    view(v).ok_or_else(|| vm.type_error("descriptor requires a dict view".into()))
}

/// A keys or items view (the set-like ones).
fn set_like(v: &Value) -> Option<Ref<DictView>> {
    view(v).filter(|d| d.kind != DictIterKind::Values)
}

/// Whether `item` is in the view.
fn view_contains(vm: &mut Vm, d: &DictView, item: &Value) -> PyResult<bool> {
    match d.kind {
        DictIterKind::Keys => Ok(Dict::get_item(vm, &d.dict, item)?.is_some()),
        DictIterKind::Items => {
            let Some(pair) = item
                .as_object()
                .and_then(|o| o.downcast::<crate::builtins::tuple::Tuple>())
                .cloned()
            else {
                return Ok(false);
            };
            let [key, value] = pair.items() else {
                return Ok(false);
            };
            match Dict::get_item(vm, &d.dict, key)? {
                Some(found) => vm.eq(&found, value),
                None => Ok(false),
            }
        }
        DictIterKind::Values => {
            let it = new_dict_iter(vm, d.dict.clone(), d.kind)?;
            while let Some(x) = vm.next(&it)? {
                if vm.eq(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this(vm, v)?;
    let name = vm.type_name(v);
    if !vm.repr_enter(v) {
        return vm.new_str("...");
    }
    let result = (|| {
        let it = new_dict_iter(vm, d.dict.clone(), d.kind)?;
        let mut out = format!("{name}([");
        let mut first = true;
        while let Some(x) = vm.next(&it)? {
            if !first {
                out.push_str(", ");
            }
            first = false;
            out.push_str(&vm.repr_string(&x)?);
        }
        out.push_str("])");
        Ok(out)
    })();
    vm.repr_leave(v);
    let out = result?;
    vm.new_str(&out)
}

/// A new `set` of the elements of `v`.
fn set_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Set>> {
    let s = vm.new_set(Vec::new())?;
    let Some(set) = as_set(&s).cloned() else {
        return Err(vm.type_error("expected a set".into()));
    };
    Set::update(vm, &set, v)?;
    Ok(set)
}

fn call_method(vm: &mut Vm, target: &Value, name: &str, arg: &Value) -> PyResult<Value> {
    let f = vm.get_attr_str(target, name)?;
    vm.call(&f, std::slice::from_ref(arg), None)
}

/// `a & b` with a keys or items view on either side.
fn intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut this_side, mut other) = (a.clone(), b.clone());
    if set_like(&this_side).is_none() {
        std::mem::swap(&mut this_side, &mut other);
    }
    let Some(me) = set_like(&this_side) else {
        return Ok(vm.not_implemented());
    };
    let len_self = me.dict.len();
    if other
        .as_object()
        .is_some_and(|o| o.class().same(&vm.types.set))
        && len_self <= vm.len(&other)?
    {
        return call_method(vm, &other, "intersection", &this_side);
    }
    let (mut me, mut other) = (me, other);
    if let Some(o) = set_like(&other)
        && o.dict.len() > me.dict.len()
    {
        let previous = Value::from_object(me.as_obj().clone());
        me = o;
        other = previous;
    }
    let result = vm.new_set(Vec::new())?;
    let Some(set) = as_set(&result).cloned() else {
        return Err(vm.type_error("expected a set".into()));
    };
    let it = vm.iter(&other)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains(vm, &me, &x)? {
            Set::add(vm, &set, x)?;
        }
    }
    Ok(result)
}

fn view_number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    if set_like(a).is_none() && set_like(b).is_none() {
        return Ok(vm.not_implemented());
    }
    match op {
        BinOp::And => intersect(vm, a, b),
        BinOp::Or | BinOp::Sub | BinOp::Xor => {
            let result = set_of(vm, a)?;
            let value = Value::from_object(result.as_obj().clone());
            let name = match op {
                BinOp::Or => "update",
                BinOp::Sub => "difference_update",
                _ => "symmetric_difference_update",
            };
            call_method(vm, &value, name, b)?;
            Ok(value)
        }
        _ => Ok(vm.not_implemented()),
    }
}

/// Whether every element of `a` is in `b` (both sized, `b` set-like).
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if set_like(a).is_none() {
        return Ok(vm.not_implemented());
    }
    if as_set(b).is_none() && set_like(b).is_none() {
        return Ok(vm.not_implemented());
    }
    let (la, lb) = (vm.len(a)?, vm.len(b)?);
    let ok = match op {
        CompareOp::Eq | CompareOp::Ne => {
            let eq = la == lb && all_contained_in(vm, a, b)?;
            eq == (op == CompareOp::Eq)
        }
        CompareOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CompareOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CompareOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CompareOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(Value::from_bool(ok))
}

fn view_getattr(vm: &mut Vm, obj: &Value, name: &Ref<Str>) -> PyResult<Value> {
    if name.as_bytes() == b"mapping"
        && let Some(d) = view(obj)
    {
        return vm.new_mappingproxy(Value::from_object(d.dict.as_obj().clone()));
    }
    crate::builtins::object::generic_getattr(vm, obj, name)
}

/// Installs the slots of `dict_keys`, `dict_values` and `dict_items`.
pub fn init_type(t: &TypeObject) {
    t.slots.getattro.set(Some(view_getattr));
    t.slots.iter.set(Some(|vm, v| {
        let d = this(vm, v)?;
        new_dict_iter(vm, d.dict.clone(), d.kind)
    }));
    t.slots.len.set(Some(|vm, v| Ok(this(vm, v)?.dict.len())));
    t.slots.contains.set(Some(|vm, v, item| {
        let d = this(vm, v)?;
        view_contains(vm, &d, item)
    }));
    t.slots.repr.set(Some(view_repr));
    if &*t.name != "dict_values" {
        t.slots.richcompare.set(Some(view_richcompare));
        t.slots.number.set(Some(view_number));
    }
}

/// The methods of the three views.
pub const METHODS: &[MethodDef] = &[method("__reversed__", "(self, /)", |vm, args| {
    let d = this(vm, args.this())?;
    new_dict_reverse_iter(vm, d.dict.clone(), d.kind)
})];

/// The methods of the set-like views (keys and items).
pub const SET_LIKE_METHODS: &[MethodDef] =
    &[method("isdisjoint", "(self, other, /)", |vm, args| {
        let me = args.this().clone();
        let other = args.required(1).clone();
        let d = this(vm, &me)?;
        // Iterate over the smaller side when both are sized sets or views.
        let other_len = if as_set(&other).is_some() || set_like(&other).is_some() {
            Some(vm.len(&other)?)
        } else {
            None
        };
        let (iterate, probe_view) = match other_len {
            Some(n) if n > d.dict.len() => (me.clone(), Some(other.clone())),
            _ => (other.clone(), None),
        };
        let it = vm.iter(&iterate)?;
        while let Some(x) = vm.next(&it)? {
            let found = match &probe_view {
                Some(o) => vm.contains(o, &x)?,
                None => view_contains(vm, &d, &x)?,
            };
            if found {
                return Ok(Value::from_bool(false));
            }
        }
        Ok(Value::from_bool(true))
    })];
