//! `set` and `frozenset`, over the dict table (keys only).

use crate::builtins::dict::{Dict, DictTable};
use crate::builtins::native::{MethodDef, method};
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::{TypeObject, TypeRef};
use crate::value::Value;

/// The payload of `set` and `frozenset`: a dict whose values are unused.
pub struct Set {
    /// The elements, as keys.
    pub inner: Ref<Dict>,
}

impl Vm {
    fn new_set_of(&mut self, class: TypeRef, items: Vec<Value>) -> PyResult<Value> {
        let inner = self.new_dict_ref()?;
        for item in items {
            Dict::set_item(self, &inner, item, Value::NONE)?;
        }
        let s = self.alloc(&class, Set { inner })?;
        Ok(Value::from_object(s.into_obj()))
    }

    /// A new `set`.
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let class = self.types.set.clone();
        self.new_set_of(class, items)
    }

    /// A new `frozenset`.
    pub fn new_frozenset(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let class = self.types.frozenset.clone();
        self.new_set_of(class, items)
    }
}

/// The set payload of a value.
pub fn as_set(v: &Value) -> Option<&Ref<Set>> {
    v.as_object()?.downcast::<Set>()
}

fn elements(v: &Value) -> Vec<Value> {
    as_set(v)
        .map(|s| s.inner.items().into_iter().map(|(k, _)| k).collect())
        .unwrap_or_default()
}

/// Installs the slots of `set` or `frozenset`.
pub fn init_type(t: &TypeObject, frozen: bool) {
    t.slots.repr.set(Some(|vm, v| {
        let items = elements(v);
        let name = vm.type_name(v);
        if items.is_empty() {
            return vm.new_str(&format!("{name}()"));
        }
        let mut parts = Vec::new();
        for i in &items {
            parts.push(vm.repr_string(i)?);
        }
        let body = format!("{{{}}}", parts.join(", "));
        if name == "set" {
            vm.new_str(&body)
        } else {
            vm.new_str(&format!("{name}({body})"))
        }
    }));
    t.slots
        .len
        .set(Some(|_vm, v| Ok(as_set(v).map_or(0, |s| s.inner.len()))));
    t.slots.bool.set(Some(|_vm, v| {
        Ok(as_set(v).is_some_and(|s| !s.inner.is_empty()))
    }));
    t.slots.contains.set(Some(|vm, v, item| {
        let Some(s) = as_set(v).cloned() else {
            return Ok(false);
        };
        Ok(Dict::get_item(vm, &s.inner, item)?.is_some())
    }));
    t.slots.iter.set(Some(|vm, v| {
        let items = elements(v);
        crate::builtins::iterators::new_seq_iter(vm, items, "set_iterator")
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        use crate::types::slots::CompareOp;
        let (Some(x), Some(y)) = (as_set(a).cloned(), as_set(b).cloned()) else {
            return Ok(vm.not_implemented());
        };
        let subset = |vm: &mut Vm, p: &Ref<Set>, q: &Ref<Set>| -> PyResult<bool> {
            for (k, _) in p.inner.items() {
                if Dict::get_item(vm, &q.inner, &k)?.is_none() {
                    return Ok(false);
                }
            }
            Ok(true)
        };
        let (lx, ly) = (x.inner.len(), y.inner.len());
        Ok(Value::from_bool(match op {
            CompareOp::Eq => lx == ly && subset(vm, &x, &y)?,
            CompareOp::Ne => !(lx == ly && subset(vm, &x, &y)?),
            CompareOp::Le => subset(vm, &x, &y)?,
            CompareOp::Lt => lx < ly && subset(vm, &x, &y)?,
            CompareOp::Ge => subset(vm, &y, &x)?,
            CompareOp::Gt => ly < lx && subset(vm, &y, &x)?,
        }))
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        use crate::types::slots::BinOp;
        let (Some(x), Some(_)) = (as_set(a).cloned(), as_set(b)) else {
            return Ok(vm.not_implemented());
        };
        let (xs, ys) = (elements(a), elements(b));
        let class = x.as_obj().class().clone();
        let mut out = Vec::new();
        let contains = |vm: &mut Vm, v: &Value, k: &Value| -> PyResult<bool> {
            let s = as_set(v).cloned();
            match s {
                Some(s) => Ok(Dict::get_item(vm, &s.inner, k)?.is_some()),
                None => Ok(false),
            }
        };
        match op {
            BinOp::Or => {
                out.extend(xs);
                out.extend(ys);
            }
            BinOp::And => {
                for k in xs {
                    if contains(vm, b, &k)? {
                        out.push(k);
                    }
                }
            }
            BinOp::Sub => {
                for k in xs {
                    if !contains(vm, b, &k)? {
                        out.push(k);
                    }
                }
            }
            BinOp::Xor => {
                for k in xs {
                    if !contains(vm, b, &k)? {
                        out.push(k);
                    }
                }
                for k in ys {
                    if !contains(vm, a, &k)? {
                        out.push(k);
                    }
                }
            }
            _ => return Ok(vm.not_implemented()),
        }
        vm.new_set_of(class, out)
    }));
    if frozen {
        t.slots.hash.set(Some(|vm, v| {
            let mut hashes = Vec::new();
            for k in elements(v) {
                hashes.push(vm.hash(&k)?);
            }
            Ok(crate::hash::hash_frozenset(&hashes))
        }));
        t.slots.new.set(Some(|vm, _cls, args, kw| {
            let a =
                crate::builtins::native::Args::parse(vm, "frozenset", &["iterable"], 0, args, kw)?;
            let items = match a.get(0) {
                Some(it) => vm.collect_iterable(it)?,
                None => Vec::new(),
            };
            vm.new_frozenset(items)
        }));
    } else {
        t.slots.new.set(Some(|vm, _cls, args, kw| {
            let a = crate::builtins::native::Args::parse(vm, "set", &["iterable"], 0, args, kw)?;
            let items = match a.get(0) {
                Some(it) => vm.collect_iterable(it)?,
                None => Vec::new(),
            };
            vm.new_set(items)
        }));
    }
}

fn set_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<Set>> {
    as_set(v).ok_or_else(|| vm.type_error("descriptor requires a 'set' object".into()))
}

/// `set`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("add", "(self, object, /)", |vm, args| {
        let s = set_of(vm, args.this())?.clone();
        Dict::set_item(vm, &s.inner, args.required(1).clone(), Value::NONE)?;
        Ok(Value::NONE)
    }),
    method("discard", "(self, object, /)", |vm, args| {
        let s = set_of(vm, args.this())?.clone();
        Dict::del_item(vm, &s.inner, args.required(1))?;
        Ok(Value::NONE)
    }),
    method("remove", "(self, object, /)", |vm, args| {
        let s = set_of(vm, args.this())?.clone();
        match Dict::del_item(vm, &s.inner, args.required(1))? {
            Some(_) => Ok(Value::NONE),
            None => Err(vm.key_error(args.required(1).clone())),
        }
    }),
    method("update", "(self, *others)", |vm, args| {
        let s = set_of(vm, args.this())?.clone();
        for other in args.varargs() {
            for k in vm.collect_iterable(other)? {
                Dict::set_item(vm, &s.inner, k, Value::NONE)?;
            }
        }
        Ok(Value::NONE)
    }),
];

#[allow(dead_code)]
fn table_len(t: &PyCell<DictTable>) -> usize {
    t.with(|t| t.len())
}
