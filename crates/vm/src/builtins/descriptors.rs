//! `classmethod`, `staticmethod`, `property` and `super`.

use crate::builtins::native::{MethodDef, method};
use crate::error::PyResult;
use crate::object::PyCell;
use crate::runtime::Vm;
use crate::types::{TypeObject, TypeRef};
use crate::value::Value;

/// The payload of `classmethod` and `staticmethod`.
pub struct Wrapper {
    /// The wrapped callable.
    pub callable: PyCell<Value>,
}

/// The payload of `property`.
pub struct Property {
    /// `fget`.
    pub fget: PyCell<Value>,
    /// `fset`.
    pub fset: PyCell<Value>,
    /// `fdel`.
    pub fdel: PyCell<Value>,
    /// `__doc__`.
    pub doc: PyCell<Value>,
    /// The attribute name (`__set_name__`), for messages.
    pub name: PyCell<Value>,
}

/// The payload of `super`.
pub struct Super {
    /// The class whose MRO successor starts the search.
    pub this_type: TypeRef,
    /// The bound object (or class).
    pub obj: Value,
    /// `type(obj)`, or `obj` when it is a class.
    pub obj_type: TypeRef,
}

/// Wraps a function in `staticmethod`.
pub fn new_staticmethod(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let w = vm.alloc(
        &vm.types.staticmethod.clone(),
        Wrapper {
            callable: PyCell::new(f),
        },
    )?;
    Ok(Value::from_object(w.into_obj()))
}

fn wrapped(v: &Value) -> Value {
    v.as_object()
        .and_then(|o| o.downcast::<Wrapper>())
        .map_or(Value::NONE, |w| w.callable.get())
}

/// Installs the slots of `classmethod` and `staticmethod`.
pub fn init_wrappers(classmethod: &TypeObject, staticmethod: &TypeObject) {
    classmethod
        .slots
        .descr_get
        .set(Some(|vm, descr, obj, owner| {
            let f = wrapped(descr);
            let cls = match obj {
                Some(o) => Value::from_object(vm.type_of(o).as_obj().clone()),
                None => Value::from_object(owner.as_obj().clone()),
            };
            vm.new_method(f, cls)
        }));
    staticmethod
        .slots
        .descr_get
        .set(Some(|_vm, descr, _obj, _owner| Ok(wrapped(descr))));
    staticmethod.slots.call.set(Some(|vm, callable, args, kw| {
        let f = wrapped(callable);
        vm.call(&f, args, kw)
    }));
    for t in [classmethod, staticmethod] {
        t.slots.new.set(Some(|vm, cls, args, kw| {
            let a =
                crate::builtins::native::Args::parse(vm, &cls.name.clone(), &["f"], 1, args, kw)?;
            let w = vm.alloc(
                cls,
                Wrapper {
                    callable: PyCell::new(a.required(0).clone()),
                },
            )?;
            Ok(Value::from_object(w.into_obj()))
        }));
    }
}

fn prop(v: &Value) -> Option<&crate::object::Ref<Property>> {
    v.as_object()?.downcast::<Property>()
}

/// Installs `property`'s slots.
pub fn init_property(t: &TypeObject) {
    t.slots.new.set(Some(|vm, cls, args, kw| {
        let a = crate::builtins::native::Args::parse(
            vm,
            "property",
            &["fget", "fset", "fdel", "doc"],
            0,
            args,
            kw,
        )?;
        let get = |i: usize| a.get(i).cloned().unwrap_or(Value::NONE);
        let p = vm.alloc(
            cls,
            Property {
                fget: PyCell::new(get(0)),
                fset: PyCell::new(get(1)),
                fdel: PyCell::new(get(2)),
                doc: PyCell::new(get(3)),
                name: PyCell::new(Value::NONE),
            },
        )?;
        Ok(Value::from_object(p.into_obj()))
    }));
    t.slots.descr_get.set(Some(|vm, descr, obj, _owner| {
        let Some(obj) = obj else {
            return Ok(descr.clone());
        };
        let Some(p) = prop(descr) else {
            return Ok(descr.clone());
        };
        let fget = p.fget.get();
        if fget.is_none() {
            let tn = vm.type_name(obj);
            return Err(vm.attribute_error(&format!("property of '{tn}' object has no getter")));
        }
        vm.call(&fget, std::slice::from_ref(obj), None)
    }));
    t.slots.descr_set.set(Some(|vm, descr, obj, value| {
        let Some(p) = prop(descr) else { return Ok(()) };
        let (f, args) = match value {
            Some(v) => (p.fset.get(), vec![obj.clone(), v]),
            None => (p.fdel.get(), vec![obj.clone()]),
        };
        if f.is_none() {
            let tn = vm.type_name(obj);
            let what = if args.len() == 2 { "setter" } else { "deleter" };
            return Err(vm.attribute_error(&format!("property of '{tn}' object has no {what}")));
        }
        vm.call(&f, &args, None)?;
        Ok(())
    }));
}

fn copy_with(vm: &mut Vm, args: &crate::builtins::native::Args, which: usize) -> PyResult<Value> {
    let Some(p) = prop(args.this()).cloned() else {
        return Err(vm.type_error("descriptor requires a 'property' object".into()));
    };
    let mut parts = [p.fget.get(), p.fset.get(), p.fdel.get()];
    parts[which] = args.required(1).clone();
    let [g, s, d] = parts;
    let class = vm.type_of(args.this()).clone();
    let n = vm.alloc(
        &class,
        Property {
            fget: PyCell::new(g),
            fset: PyCell::new(s),
            fdel: PyCell::new(d),
            doc: PyCell::new(p.doc.get()),
            name: PyCell::new(p.name.get()),
        },
    )?;
    Ok(Value::from_object(n.into_obj()))
}

/// `property`'s methods.
pub const PROPERTY_METHODS: &[MethodDef] = &[
    method("getter", "(self, fget, /)", |vm, args| {
        copy_with(vm, args, 0)
    }),
    method("setter", "(self, fset, /)", |vm, args| {
        copy_with(vm, args, 1)
    }),
    method("deleter", "(self, fdel, /)", |vm, args| {
        copy_with(vm, args, 2)
    }),
];

/// Installs `super`'s slots.
pub fn init_super(t: &TypeObject) {
    t.slots.new.set(Some(|vm, _cls, args, _kw| {
        let (this_type, obj) = match args.len() {
            2 => {
                let Some(t) = args[0]
                    .as_object()
                    .and_then(|o| o.downcast::<TypeObject>())
                    .cloned()
                else {
                    return Err(vm.type_error("super() argument 1 must be a type".into()));
                };
                (t, args[1].clone())
            }
            0 => vm.implicit_super_args()?,
            _ => return Err(vm.type_error("super() takes 0 or 2 arguments".into())),
        };
        vm.new_super(this_type, obj)
    }));
    t.slots.getattro.set(Some(|vm, v, name| {
        let Some(s) = v.as_object().and_then(|o| o.downcast::<Super>()).cloned() else {
            return crate::builtins::object::generic_getattr(vm, v, name);
        };
        let mro = s.obj_type.mro.get();
        let start = mro
            .iter()
            .position(|c| c.same(&s.this_type))
            .map_or(mro.len(), |i| i + 1);
        for class in &mro[start..] {
            if let Some(attr) = class.dict.with(|d| d.get_str(name)) {
                if let Some(get) = vm.type_of(&attr).slots.descr_get.get() {
                    let obj = if s.obj.as_object().is_some_and(|o| o.is(s.obj_type.as_obj())) {
                        None
                    } else {
                        Some(&s.obj)
                    };
                    return get(vm, &attr, obj, &s.obj_type);
                }
                return Ok(attr);
            }
        }
        crate::builtins::object::generic_getattr(vm, v, name)
    }));
}

impl Vm {
    /// A `super` object.
    pub fn new_super(&mut self, this_type: TypeRef, obj: Value) -> PyResult<Value> {
        let obj_type = match obj.as_object().and_then(|o| o.downcast::<TypeObject>()) {
            Some(t) if t.is_subtype(&this_type) => t.clone(),
            _ => self.type_of(&obj).clone(),
        };
        if !obj_type.is_subtype(&this_type) {
            return Err(self.type_error(
                "super(type, obj): obj (instance of ".to_string()
                    + &obj_type.name
                    + ") is not an instance or subtype of type ("
                    + &this_type.name
                    + ").",
            ));
        }
        let s = self.alloc(
            &self.types.super_.clone(),
            Super {
                this_type,
                obj,
                obj_type,
            },
        )?;
        Ok(Value::from_object(s.into_obj()))
    }
}
