//! Descriptors: `classmethod`, `staticmethod`, `property`, `super`, and the
//! descriptors builtin types put in type dicts — `getset_descriptor` (an
//! attribute computed by Rust functions, declared once as a [`GetSetDef`])
//! and `member_descriptor` (a `__slots__` member stored in the instance).

use crate::builtins::native::{MethodDef, method, slot_method};
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::{TypeObject, TypeRef};
use crate::value::Value;

/// Reads an attribute of an object.
pub type GetterFn = fn(&mut Vm, &Value) -> PyResult<Value>;
/// Sets (`Some`) or deletes (`None`) an attribute of an object.
pub type SetterFn = fn(&mut Vm, &Value, Option<Value>) -> PyResult<()>;

/// The one declaration of a computed attribute of a builtin type (CPython's
/// `PyGetSetDef`): found in the type dict as a `getset_descriptor`, a data
/// descriptor (setting it without a setter is "not writable").
pub struct GetSetDef {
    /// The attribute name.
    pub name: &'static str,
    /// Reads it.
    pub get: GetterFn,
    /// Writes or deletes it, if it may be.
    pub set: Option<SetterFn>,
    /// A read-only data member in CPython (`PyMemberDef` with `READONLY`):
    /// assigning says "readonly attribute".
    pub member: bool,
}

/// Declares a read-only attribute.
pub const fn getter(name: &'static str, get: GetterFn) -> GetSetDef {
    GetSetDef {
        name,
        get,
        set: None,
        member: false,
    }
}

/// Declares a read-only data member (CPython's `READONLY` `PyMemberDef`).
pub const fn readonly(name: &'static str, get: GetterFn) -> GetSetDef {
    GetSetDef {
        name,
        get,
        set: None,
        member: true,
    }
}

/// Declares a writable attribute.
pub const fn getset(name: &'static str, get: GetterFn, set: SetterFn) -> GetSetDef {
    GetSetDef {
        name,
        get,
        set: Some(set),
        member: false,
    }
}

/// The payload of a `getset_descriptor`.
pub struct GetSetDescriptor {
    /// The declaration.
    pub def: &'static GetSetDef,
    /// The type whose instances have the attribute.
    pub owner: TypeRef,
}

/// The payload of a `member_descriptor`: a `__slots__` member.
pub struct MemberDescriptor {
    /// The member name (mangled).
    pub name: Ref<Str>,
    /// Its index in the instance's slot values.
    pub index: usize,
    /// The class that declared it.
    pub owner: TypeRef,
}

impl Vm {
    /// Adds `defs` to `owner`'s dict as getset descriptors.
    pub fn add_getsets(&mut self, owner: &TypeRef, defs: &'static [GetSetDef]) -> PyResult<()> {
        for def in defs {
            let descr = self.alloc(
                &self.types.getset.clone(),
                GetSetDescriptor {
                    def,
                    owner: owner.clone(),
                },
            )?;
            let key = self.intern(def.name)?;
            owner
                .dict
                .with(|d| d.insert_str(key, Value::from_object(descr.into_obj())));
        }
        owner.bump_version();
        Ok(())
    }

    /// A new `member_descriptor` for slot `index` of `owner`.
    pub fn new_member_descriptor(
        &mut self,
        owner: &TypeRef,
        name: Ref<Str>,
        index: usize,
    ) -> PyResult<Value> {
        let m = self.alloc(
            &self.types.member_descriptor.clone(),
            MemberDescriptor {
                name,
                index,
                owner: owner.clone(),
            },
        )?;
        Ok(Value::from_object(m.into_obj()))
    }
}

/// The "descriptor 'x' for 'T' objects doesn't apply to a 'U' object" check.
fn check_descriptor_owner(vm: &mut Vm, name: &str, owner: &TypeRef, obj: &Value) -> PyResult<()> {
    if vm.isinstance_type(obj, owner) {
        return Ok(());
    }
    let tn = vm.type_name(obj);
    Err(vm.type_error(format!(
        "descriptor '{name}' for '{}' objects doesn't apply to a '{tn}' object",
        owner.name
    )))
}

/// Installs the slots of `getset_descriptor` and `member_descriptor`.
pub fn init_attribute_descriptors(getset_type: &TypeObject, member_type: &TypeObject) {
    getset_type
        .slots
        .descr_get
        .set(Some(|vm, descr, obj, _owner| {
            let Some(d) = descr
                .as_object()
                .and_then(|o| o.downcast::<GetSetDescriptor>())
                .cloned()
            else {
                return Ok(descr.clone());
            };
            let Some(obj) = obj else {
                return Ok(descr.clone());
            };
            check_descriptor_owner(vm, d.def.name, &d.owner, obj)?;
            (d.def.get)(vm, obj)
        }));
    getset_type
        .slots
        .descr_set
        .set(Some(|vm, descr, obj, value| {
            let Some(d) = descr
                .as_object()
                .and_then(|o| o.downcast::<GetSetDescriptor>())
                .cloned()
            else {
                return Ok(());
            };
            check_descriptor_owner(vm, d.def.name, &d.owner, obj)?;
            match d.def.set {
                Some(set) => set(vm, obj, value),
                None if d.def.member => Err(vm.attribute_error("readonly attribute")),
                None => Err(vm.attribute_error(&format!(
                    "attribute '{}' of '{}' objects is not writable",
                    d.def.name, d.owner.name
                ))),
            }
        }));
    getset_type.slots.repr.set(Some(|vm, v| {
        let text = match v.as_object().and_then(|o| o.downcast::<GetSetDescriptor>()) {
            Some(d) => format!(
                "<{} '{}' of '{}' objects>",
                if d.def.member { "member" } else { "attribute" },
                d.def.name,
                d.owner.name
            ),
            None => "<attribute>".into(),
        };
        vm.new_str(&text)
    }));
    member_type
        .slots
        .descr_get
        .set(Some(|vm, descr, obj, _owner| {
            let Some(m) = descr
                .as_object()
                .and_then(|o| o.downcast::<MemberDescriptor>())
                .cloned()
            else {
                return Ok(descr.clone());
            };
            let Some(obj) = obj else {
                return Ok(descr.clone());
            };
            check_descriptor_owner(vm, &m.name.as_lossy(), &m.owner, obj)?;
            let value = obj
                .as_object()
                .and_then(|o| o.extension())
                .and_then(|e| e.slot(m.index));
            match value {
                Some(v) => Ok(v),
                None => Err(crate::builtins::object::no_attribute(vm, obj, &m.name)),
            }
        }));
    member_type
        .slots
        .descr_set
        .set(Some(|vm, descr, obj, value| {
            let Some(m) = descr
                .as_object()
                .and_then(|o| o.downcast::<MemberDescriptor>())
                .cloned()
            else {
                return Ok(());
            };
            check_descriptor_owner(vm, &m.name.as_lossy(), &m.owner, obj)?;
            let deleting = value.is_none();
            let old = obj
                .as_object()
                .and_then(|o| o.extension())
                .and_then(|e| e.set_slot(m.index, value).ok().flatten());
            if deleting && old.is_none() {
                let name = Value::from_object(m.name.as_obj().clone());
                return Err(vm.new_exception(
                    crate::builtins::exceptions::ExcKind::AttributeError,
                    vec![name],
                ));
            }
            drop(old);
            Ok(())
        }));
    member_type.slots.repr.set(Some(|vm, v| {
        let text = match v.as_object().and_then(|o| o.downcast::<MemberDescriptor>()) {
            Some(m) => format!(
                "<member '{}' of '{}' objects>",
                m.name.as_lossy(),
                m.owner.name
            ),
            None => "<member>".into(),
        };
        vm.new_str(&text)
    }));
}

/// The attributes of `member_descriptor`.
pub const MEMBER_GETSETS: &[GetSetDef] = &[
    getter("__name__", |vm, v| {
        match v.as_object().and_then(|o| o.downcast::<MemberDescriptor>()) {
            Some(m) => Ok(Value::from_object(m.name.as_obj().clone())),
            None => Err(vm.type_error("expected a member descriptor".into())),
        }
    }),
    readonly("__objclass__", |vm, v| {
        match v.as_object().and_then(|o| o.downcast::<MemberDescriptor>()) {
            Some(m) => Ok(Value::from_object(m.owner.as_obj().clone())),
            None => Err(vm.type_error("expected a member descriptor".into())),
        }
    }),
];

/// The attributes of `getset_descriptor`.
pub const GETSET_GETSETS: &[GetSetDef] = &[
    getter("__name__", |vm, v| {
        match v.as_object().and_then(|o| o.downcast::<GetSetDescriptor>()) {
            Some(d) => vm.new_str(d.def.name),
            None => Err(vm.type_error("expected a getset descriptor".into())),
        }
    }),
    readonly("__objclass__", |vm, v| {
        match v.as_object().and_then(|o| o.downcast::<GetSetDescriptor>()) {
            Some(d) => Ok(Value::from_object(d.owner.as_obj().clone())),
            None => Err(vm.type_error("expected a getset descriptor".into())),
        }
    }),
];

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

/// Wraps a function in `classmethod`.
pub fn new_classmethod(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let w = vm.alloc(
        &vm.types.classmethod.clone(),
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
            let a = crate::builtins::native::Args::parse_positional(
                vm,
                &cls.name.to_string(),
                &["f"],
                1,
                args,
                kw,
            )?;
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
    // As in CPython, `__new__` makes an empty property and `__init__`
    // fills it, so `prop.__init__(...)` again, or a subclass's
    // `super().__init__(...)`, sets the accessors.
    t.slots.new.set(Some(|vm, cls, _args, _kw| {
        let p = vm.alloc(
            cls,
            Property {
                fget: PyCell::new(Value::NONE),
                fset: PyCell::new(Value::NONE),
                fdel: PyCell::new(Value::NONE),
                doc: PyCell::new(Value::NONE),
                name: PyCell::new(Value::NONE),
            },
        )?;
        Ok(Value::from_object(p.into_obj()))
    }));
    t.slots.init.set(Some(|vm, this, args, kw| {
        let a = crate::static_signature!("(fget=None, fset=None, fdel=None, doc=None)")
            .bind(vm, "property", args, kw)?;
        let get = |i: usize| a.get(i).cloned().unwrap_or(Value::NONE);
        let mut doc = get(3);
        let doc_from_getter = doc.is_none() && !get(0).is_none();
        if doc_from_getter {
            let name = vm.intern("__doc__")?;
            doc = vm.get_attr_opt(&get(0), &name)?.unwrap_or(Value::NONE);
        }
        if !vm.type_of(this).same(&vm.types.property) {
            // A subclass's instance keeps its doc in its own `__dict__`:
            // the subclass's `__doc__` would shadow the property's. A
            // subclass without a `__dict__` silently goes without, unless
            // the doc came from the getter (as CPython).
            let name = vm.intern("__doc__")?;
            match vm.set_attr(this, &name, Some(doc.clone())) {
                Err(e)
                    if !doc_from_getter
                        && vm.exc_matches(
                            &e,
                            crate::builtins::exceptions::ExcKind::AttributeError,
                        ) => {}
                result => result?,
            }
        }
        let Some(p) = prop(this) else {
            let tn = vm.type_name(this);
            return Err(vm.type_error(format!(
                "descriptor '__init__' requires a 'property' object but received a '{tn}'"
            )));
        };
        // The old values are dropped after each cell is released.
        let old = [
            p.fget.with(|v| std::mem::replace(v, get(0))),
            p.fset.with(|v| std::mem::replace(v, get(1))),
            p.fdel.with(|v| std::mem::replace(v, get(2))),
            p.doc.with(|v| std::mem::replace(v, doc)),
        ];
        drop(old);
        Ok(())
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
            return Err(property_error(vm, descr, obj, "getter"));
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
            let what = if args.len() == 2 { "setter" } else { "deleter" };
            return Err(property_error(vm, descr, obj, what));
        }
        vm.call(&f, &args, None)?;
        Ok(())
    }));
}

/// The property's name: set by `__set_name__`, else its getter's `__name__`.
fn property_name(vm: &mut Vm, descr: &Value) -> Option<String> {
    let p = prop(descr)?.clone();
    let name = p.name.get();
    if let Some(s) = vm.as_str(&name) {
        return Some(s.as_lossy().into_owned());
    }
    let fget = p.fget.get();
    if fget.is_none() {
        return None;
    }
    let n = vm.get_attr_str(&fget, "__name__").ok()?;
    vm.as_str(&n).map(|s| s.as_lossy().into_owned())
}

/// "property 'x' of 'T' object has no setter".
fn property_error(vm: &mut Vm, descr: &Value, obj: &Value, what: &str) -> crate::error::PyErr {
    let qualname = vm.type_of(obj).qualname.get();
    let message = match property_name(vm, descr) {
        Some(n) => format!("property '{n}' of '{qualname}' object has no {what}"),
        None => format!("property of '{qualname}' object has no {what}"),
    };
    vm.attribute_error(&message)
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
    method("__set_name__", "(self, owner, name, /)", |_vm, args| {
        if let Some(p) = prop(args.this()) {
            p.name.with(|n| *n = args.required(2).clone());
        }
        Ok(Value::NONE)
    }),
    slot_method("__get__", "(self, instance, owner=None, /)", |vm, args| {
        let owner = match args.get(2).and_then(|o| crate::builtins::type_::as_type(o)) {
            Some(t) => t.clone(),
            None => vm.type_of(args.required(1)).clone(),
        };
        let instance = args.required(1);
        let obj = if instance.is_none() {
            None
        } else {
            Some(instance)
        };
        match vm.type_of(args.this()).slots.descr_get.get() {
            Some(get) => get(vm, args.this(), obj, &owner),
            None => Ok(args.this().clone()),
        }
    }),
    slot_method("__set__", "(self, instance, value, /)", |vm, args| {
        if let Some(set) = vm.type_of(args.this()).slots.descr_set.get() {
            set(
                vm,
                args.this(),
                args.required(1),
                Some(args.required(2).clone()),
            )?;
        }
        Ok(Value::NONE)
    }),
    slot_method("__delete__", "(self, instance, /)", |vm, args| {
        if let Some(set) = vm.type_of(args.this()).slots.descr_set.get() {
            set(vm, args.this(), args.required(1), None)?;
        }
        Ok(Value::NONE)
    }),
];

fn property_field(
    vm: &mut Vm,
    v: &Value,
    field: fn(&Property) -> &PyCell<Value>,
) -> PyResult<Value> {
    match prop(v) {
        Some(p) => Ok(field(p).get()),
        None => Err(vm.type_error("descriptor requires a 'property' object".into())),
    }
}

/// `property`'s attributes.
pub const PROPERTY_GETSETS: &[GetSetDef] = &[
    readonly("fget", |vm, v| property_field(vm, v, |p| &p.fget)),
    readonly("fset", |vm, v| property_field(vm, v, |p| &p.fset)),
    readonly("fdel", |vm, v| property_field(vm, v, |p| &p.fdel)),
    getset(
        "__doc__",
        |vm, v| property_field(vm, v, |p| &p.doc),
        |vm, v, value| match prop(v) {
            Some(p) => {
                p.doc.with(|d| *d = value.unwrap_or(Value::NONE));
                Ok(())
            }
            None => Err(vm.type_error("descriptor requires a 'property' object".into())),
        },
    ),
    getter("__isabstractmethod__", |vm, v| {
        let Some(p) = prop(v).cloned() else {
            return Ok(Value::from_bool(false));
        };
        for f in [p.fget.get(), p.fset.get(), p.fdel.get()] {
            if f.is_none() {
                continue;
            }
            let name = vm.intern("__isabstractmethod__")?;
            if let Some(x) = vm.get_attr_opt(&f, &name)?
                && vm.is_true(&x)?
            {
                return Ok(Value::from_bool(true));
            }
        }
        Ok(Value::from_bool(false))
    }),
];

fn wrapper_field(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.as_object().and_then(|o| o.downcast::<Wrapper>()) {
        Some(w) => Ok(w.callable.get()),
        None => Err(vm.type_error("descriptor requires a classmethod or staticmethod".into())),
    }
}

/// The attributes of `classmethod` and `staticmethod`.
pub const WRAPPER_GETSETS: &[GetSetDef] = &[
    readonly("__func__", wrapper_field),
    readonly("__wrapped__", wrapper_field),
    getter("__isabstractmethod__", |vm, v| {
        let f = wrapper_field(vm, v)?;
        let name = vm.intern("__isabstractmethod__")?;
        match vm.get_attr_opt(&f, &name)? {
            Some(x) => Ok(Value::from_bool(vm.is_true(&x)?)),
            None => Ok(Value::from_bool(false)),
        }
    }),
    getter("__name__", |vm, v| {
        let f = wrapper_field(vm, v)?;
        vm.get_attr_str(&f, "__name__")
    }),
    getter("__qualname__", |vm, v| {
        let f = wrapper_field(vm, v)?;
        vm.get_attr_str(&f, "__qualname__")
    }),
    getter("__doc__", |vm, v| {
        let f = wrapper_field(vm, v)?;
        vm.get_attr_str(&f, "__doc__")
    }),
];

/// Installs `super`'s slots.
pub fn init_super(t: &TypeObject) {
    // `tp_new` makes an instance of the class it is given (a subclass too).
    t.flags
        .set(t.flags.get() | crate::types::flags::NEW_ALLOCATES_CLASS);
    t.slots.new.set(Some(|vm, cls, args, kw| {
        if kw.is_some_and(|k| !k.items().is_empty()) {
            return Err(vm.type_error("super() takes no keyword arguments".into()));
        }
        let (this_type, obj) = match args.len() {
            1 | 2 => {
                let Some(t) = args[0]
                    .as_object()
                    .and_then(|o| o.downcast::<TypeObject>())
                    .cloned()
                else {
                    let tn = vm.type_name(&args[0]);
                    return Err(
                        vm.type_error(format!("super() argument 1 must be a type, not {tn}"))
                    );
                };
                if args.len() == 1 {
                    return Err(vm.new_error(
                        crate::builtins::exceptions::ExcKind::NotImplementedError,
                        "krait does not support unbound super objects (super(type)) yet",
                    ));
                }
                (t, args[1].clone())
            }
            0 => vm.implicit_super_args()?,
            n => {
                return Err(vm.type_error(format!("super() expected at most 2 arguments, got {n}")));
            }
        };
        vm.new_super_of_class(cls, this_type, obj)
    }));
    t.slots.repr.set(Some(|vm, v| {
        let Some(s) = v.as_object().and_then(|o| o.downcast::<Super>()).cloned() else {
            return vm.new_str("<super>");
        };
        // Both named by `tp_name` (no module for a class statement's class).
        let this = vm.class_name(&s.this_type);
        let text = format!("<super: <class '{this}'>, <{} object>>", s.obj_type.name);
        vm.new_str(&text)
    }));
    t.slots.getattro.set(Some(super_getattro));
}

/// `super(...).name`: `name` along the bound type's MRO after `this_type`,
/// else an attribute of the super object itself.
fn super_getattro(vm: &mut Vm, v: &Value, name: &Ref<Str>) -> PyResult<Value> {
    let Some(s) = v.as_object().and_then(|o| o.downcast::<Super>()).cloned() else {
        return crate::builtins::object::generic_getattr(vm, v, name);
    };
    // `super().__class__` is the super object's own class.
    if name.as_bytes() != b"__class__"
        && let Some(attr) = super_lookup(&s.this_type, &s.obj_type, name)
    {
        return super_bind(vm, &attr, &s.obj, &s.obj_type);
    }
    crate::builtins::object::generic_getattr(vm, v, name)
}

/// `super`'s methods: `__getattribute__` (what a subclass of `super`
/// overriding it reaches with `super().__getattribute__(name)`).
pub const SUPER_METHODS: &[MethodDef] = &[slot_method(
    "__getattribute__",
    "(self, name, /)",
    |vm, args| {
        let name = crate::builtins::object::name_arg(vm, args.required(1))?;
        super_getattro(vm, args.this(), &name)
    },
)];

/// The first `name` in the namespaces of `obj_type.__mro__` after
/// `this_type`, unbound: where `super(this_type, obj).name` comes from
/// (CPython's `_super_lookup_descr`). `None` when `this_type` ends the
/// MRO or is not in it.
pub fn super_lookup(this_type: &TypeRef, obj_type: &TypeRef, name: &Str) -> Option<Value> {
    obj_type.mro.with(|mro| {
        let start = mro.iter().position(|c| c.same(this_type))? + 1;
        mro.get(start..)?
            .iter()
            .find_map(|class| class.dict.with(|d| d.get_str(name)))
    })
}

/// An attribute [`super_lookup`] found, bound the way `super` binds it:
/// through its `__get__` with `obj` (none when `obj` is `obj_type` itself,
/// the class form) and `obj_type`.
pub fn super_bind(vm: &mut Vm, attr: &Value, obj: &Value, obj_type: &TypeRef) -> PyResult<Value> {
    let Some(get) = vm.type_of(attr).slots.descr_get.get() else {
        return Ok(attr.clone());
    };
    let instance = if obj.as_object().is_some_and(|o| o.is(obj_type.as_obj())) {
        None
    } else {
        Some(obj)
    };
    get(vm, attr, instance, obj_type)
}

fn super_of(vm: &mut Vm, v: &Value) -> PyResult<crate::object::Ref<Super>> {
    match v.as_object().and_then(|o| o.downcast::<Super>()) {
        Some(s) => Ok(s.clone()),
        None => Err(vm.type_error("descriptor requires a 'super' object".into())),
    }
}

/// `super`'s attributes.
pub const SUPER_GETSETS: &[GetSetDef] = &[
    readonly("__thisclass__", |vm, v| {
        Ok(Value::from_object(
            super_of(vm, v)?.this_type.as_obj().clone(),
        ))
    }),
    readonly("__self__", |vm, v| Ok(super_of(vm, v)?.obj.clone())),
    readonly("__self_class__", |vm, v| {
        Ok(Value::from_object(
            super_of(vm, v)?.obj_type.as_obj().clone(),
        ))
    }),
];

impl Vm {
    /// A `super` object.
    pub fn new_super(&mut self, this_type: TypeRef, obj: Value) -> PyResult<Value> {
        let class = self.types.super_.clone();
        self.new_super_of_class(&class, this_type, obj)
    }

    /// A `super` object of class `class` (`super` or a subclass of it).
    pub fn new_super_of_class(
        &mut self,
        class: &TypeRef,
        this_type: TypeRef,
        obj: Value,
    ) -> PyResult<Value> {
        let obj_type = self.super_obj_type(&this_type, &obj)?;
        let s = self.alloc(
            class,
            Super {
                this_type,
                obj,
                obj_type,
            },
        )?;
        Ok(Value::from_object(s.into_obj()))
    }

    /// The type whose MRO `super(this_type, obj)` searches (CPython's
    /// `supercheck`): `obj` itself when it is a subclass of `this_type`,
    /// else `type(obj)`, else a type `obj.__class__` claims; a `TypeError`
    /// when none is a subclass of `this_type`.
    pub fn super_obj_type(&mut self, this_type: &TypeRef, obj: &Value) -> PyResult<TypeRef> {
        let obj_as_type = obj.as_object().and_then(|o| o.downcast::<TypeObject>());
        if let Some(t) = obj_as_type
            && t.is_subtype(this_type)
        {
            return Ok(t.clone());
        }
        let obj_type = self.type_of(obj).clone();
        if obj_type.is_subtype(this_type) {
            return Ok(obj_type);
        }
        let class_name = self.intern("__class__")?;
        if let Some(claimed) = self.get_attr_opt(obj, &class_name)?
            && let Some(t) = claimed.as_object().and_then(|o| o.downcast::<TypeObject>())
            && !t.same(&obj_type)
            && t.is_subtype(this_type)
        {
            return Ok(t.clone());
        }
        let (what, name) = match obj.as_object().and_then(|o| o.downcast::<TypeObject>()) {
            Some(t) => ("type", t.name.to_string()),
            None => ("instance of", obj_type.name.to_string()),
        };
        Err(self.type_error(format!(
            "super(type, obj): obj ({what} {name}) is not an instance or subtype of type ({}).",
            this_type.name
        )))
    }
}
