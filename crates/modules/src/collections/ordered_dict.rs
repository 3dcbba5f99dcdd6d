//! `collections.OrderedDict`: a `dict` subclass (dicts keep insertion
//! order already) adding `move_to_end`, `popitem(last=...)`, equality that
//! respects order between two ordered dicts, and its own repr. The
//! pure-Python version in `collections/__init__.py` needs weak references,
//! which krait does not have yet.

use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::object::{PyCell, Ref};
use krait_vm::types::slots::CompareOp;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};

/// Adds `OrderedDict` to `_collections`.
pub fn install(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    let dict = vm.types.dict.clone();
    let ty = vm.new_builtin_type::<Dict>(
        "collections",
        "OrderedDict",
        Some(&dict),
        flags::BASETYPE | flags::EXTENDED | flags::HAS_DICT,
        METHODS,
    )?;
    ty.slots.new.set(Some(new));
    ty.slots.repr.set(Some(repr));
    ty.slots.richcompare.set(Some(compare));
    ty.slots.number.set(Some(|vm, a, b, op| {
        if op != krait_vm::types::slots::BinOp::Or {
            return Ok(vm.not_implemented());
        }
        super::dict_subclass_or(vm, a, b, "OrderedDict", |vm, ours, items| {
            let class = Value::from_object(vm.type_of(ours).as_obj().clone());
            vm.call(&class, std::slice::from_ref(items), None)
        })
    }));
    ty.bump_version();
    krait_vm::builtins::slot_wrappers::install(vm, std::slice::from_ref(&ty))?;
    vm.module_set(
        module,
        "OrderedDict",
        Value::from_object(ty.as_obj().clone()),
    )
}

fn new(vm: &mut Vm, cls: &TypeRef, _args: &[Value], _kw: Option<&Ref<Tuple>>) -> PyResult<Value> {
    let d = vm.alloc(
        cls,
        Dict {
            table: PyCell::new(Default::default()),
        },
    )?;
    Ok(Value::from_object(d.into_obj()))
}

fn dict_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Dict>> {
    match v.as_object().and_then(|o| o.downcast::<Dict>()) {
        Some(d) => Ok(d.clone()),
        None => Err(vm.type_error("expected a collections.OrderedDict".into())),
    }
}

fn is_ordered(vm: &mut Vm, v: &Value) -> bool {
    let Ok(module) = vm.import_module("_collections") else {
        return false;
    };
    let Ok(class) = vm.get_attr_str(&module, "OrderedDict") else {
        return false;
    };
    match krait_vm::builtins::type_::as_type(&class) {
        Some(t) => vm.isinstance_type(v, &t.clone()),
        None => false,
    }
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let name = vm.type_of(v).name.to_string();
    let d = dict_of(vm, v)?;
    if d.is_empty() {
        return vm.new_str(&format!("{name}()"));
    }
    if !vm.repr_enter(v) {
        return vm.new_str("...");
    }
    let dict_repr = vm.types.dict.slots.repr.get();
    vm.repr_leave(v);
    let body = match dict_repr {
        Some(r) => {
            let s = r(vm, v)?;
            vm.as_str(&s)
                .map(|s| s.as_lossy().into_owned())
                .unwrap_or_default()
        }
        None => String::new(),
    };
    vm.new_str(&format!("{name}({body})"))
}

fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let dict_compare = vm.types.dict.slots.richcompare.get();
    let Some(dict_compare) = dict_compare else {
        return Ok(vm.not_implemented());
    };
    let base = dict_compare(vm, a, b, op)?;
    if !matches!(op, CompareOp::Eq | CompareOp::Ne)
        || vm.is_not_implemented(&base)
        || !is_ordered(vm, b)
    {
        return Ok(base);
    }
    let same_items = vm.is_true(&base)? == (op == CompareOp::Eq);
    if !same_items {
        return Ok(base);
    }
    let x = dict_of(vm, a)?.items();
    let y = dict_of(vm, b)?.items();
    let mut in_order = true;
    for ((kx, _), (ky, _)) in x.iter().zip(y.iter()) {
        if !vm.eq(kx, ky)? {
            in_order = false;
            break;
        }
    }
    Ok(Value::from_bool(in_order == (op == CompareOp::Eq)))
}

fn last_flag(vm: &mut Vm, args: &Args, i: usize) -> PyResult<bool> {
    match args.get(i) {
        Some(v) => vm.is_true(v),
        None => Ok(true),
    }
}

/// `move_to_end(key, last=True)`.
fn move_to_end(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = dict_of(vm, args.this())?;
    let key = args.required(1).clone();
    let last = last_flag(vm, args, 2)?;
    let Some(value) = Dict::del_item(vm, &d, &key)? else {
        return Err(vm.key_error(key));
    };
    if last {
        Dict::set_item(vm, &d, key, value)?;
        return Ok(Value::NONE);
    }
    let hash = vm.hash(&key)?;
    let entries = d.table.with(|t| t.clear());
    d.table.with(|t| {
        t.push_new(hash, key, value);
        for e in entries {
            t.push_new(e.hash, e.key, e.value);
        }
    });
    Ok(Value::NONE)
}

/// `popitem(last=True)`.
fn popitem(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let d = dict_of(vm, args.this())?;
    let last = last_flag(vm, args, 1)?;
    let items = d.items();
    let picked = if last { items.last() } else { items.first() };
    let Some((key, _)) = picked.cloned() else {
        let message = vm.new_str("dictionary is empty")?;
        return Err(vm.key_error(message));
    };
    let value = Dict::del_item(vm, &d, &key)?.unwrap_or(Value::NONE);
    vm.new_tuple(vec![key, value])
}

const METHODS: &[MethodDef] = &[
    method("move_to_end", "(self, /, key, last=True)", move_to_end),
    method("popitem", "(self, /, last=True)", popitem),
    method("copy", "(self, /)", |vm, args| {
        let this = args.this();
        let class = Value::from_object(vm.type_of(this).as_obj().clone());
        vm.call(&class, std::slice::from_ref(this), None)
    }),
    method("__reduce__", "(self, /)", |vm, args| {
        let this = args.this();
        let class = Value::from_object(vm.type_of(this).as_obj().clone());
        let empty = vm.new_tuple(Vec::new())?;
        let state = match krait_vm::builtins::object::materialized_dict(vm, this)? {
            Some(d) if vm.len(&d)? > 0 => d,
            _ => Value::NONE,
        };
        let items = vm.get_attr_str(this, "items")?;
        let items = vm.call(&items, &[], None)?;
        let items = vm.iter(&items)?;
        vm.new_tuple(vec![class, empty, state, Value::NONE, items])
    }),
];
