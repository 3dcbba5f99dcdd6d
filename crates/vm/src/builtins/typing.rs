//! PEP 695 type parameters and aliases (CPython's `Objects/typevarobject.c`):
//! `typing.TypeVar`, `ParamSpec`, `TypeVarTuple` and `TypeAliasType`, with
//! bounds, constraints, defaults and alias values evaluated lazily; the
//! interpreter intrinsics that create them; and `typing.NoDefault`.
//! Generic classes (`class C[T]`) get their `Generic[T]` base from the
//! `typing` module, as in CPython.

use crate::builtins::descriptors::{GetSetDef, getter, readonly};
use crate::builtins::exceptions::ExcKind;
use crate::builtins::native::{MethodDef, method};
use crate::error::PyResult;
use crate::gc::{Payload, Visitor};
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::Value;

/// Which kind of type parameter.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TypeParamKind {
    /// `T`
    TypeVar,
    /// `**P`
    ParamSpec,
    /// `*Ts`
    TypeVarTuple,
}

/// A lazily evaluated value: computed by calling `evaluate` on first use.
#[derive(Default)]
pub struct Lazy {
    value: PyCell<Option<Value>>,
    evaluate: PyCell<Option<Value>>,
}

impl Lazy {
    fn known(value: Value) -> Lazy {
        Lazy {
            value: PyCell::new(Some(value)),
            evaluate: PyCell::new(None),
        }
    }

    fn get(&self, vm: &mut Vm, absent: Value) -> PyResult<Value> {
        if let Some(v) = self.value.get() {
            return Ok(v);
        }
        let Some(f) = self.evaluate.get() else {
            return Ok(absent);
        };
        let v = vm.call(&f, &[], None)?;
        self.value.with(|x| *x = Some(v.clone()));
        Ok(v)
    }

    fn is_set(&self) -> bool {
        self.value.with(|v| v.is_some()) || self.evaluate.with(|e| e.is_some())
    }

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.value, |value, visit| visit.optional(value));
        visit.cell(&self.evaluate, |evaluate, visit| visit.optional(evaluate));
    }

    fn clear(&self) {
        let value = self.value.try_with(Option::take);
        let evaluate = self.evaluate.try_with(Option::take);
        drop((value, evaluate));
    }
}

impl Payload for TypeParam {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.name);
        for lazy in [&self.bound, &self.constraints, &self.default] {
            lazy.traverse(visit);
        }
    }

    fn clear(&self) {
        for lazy in [&self.bound, &self.constraints, &self.default] {
            lazy.clear();
        }
    }
}

impl Payload for TypeAlias {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.name);
        visit.value(&self.type_params);
        self.value.traverse(visit);
        visit.value(&self.module);
    }

    fn clear(&self) {
        self.value.clear();
    }
}

/// The payload of `TypeVar`, `ParamSpec` and `TypeVarTuple`.
pub struct TypeParam {
    /// The kind.
    pub kind: TypeParamKind,
    /// `__name__`.
    pub name: Value,
    /// `__bound__`.
    pub bound: Lazy,
    /// `__constraints__`.
    pub constraints: Lazy,
    /// `__default__`.
    pub default: Lazy,
    /// `__covariant__`.
    pub covariant: bool,
    /// `__contravariant__`.
    pub contravariant: bool,
    /// `__infer_variance__` (true for PEP 695 parameters).
    pub infer_variance: bool,
}

/// The payload of `TypeAliasType`.
pub struct TypeAlias {
    /// `__name__`.
    pub name: Value,
    /// `__type_params__`.
    pub type_params: Value,
    /// `__value__`.
    pub value: Lazy,
    /// `__module__`.
    pub module: Value,
}

fn new_param(vm: &mut Vm, kind: TypeParamKind, name: Value) -> PyResult<Ref<TypeParam>> {
    let class = match kind {
        TypeParamKind::TypeVar => vm.types.typevar.clone(),
        TypeParamKind::ParamSpec => vm.types.paramspec.clone(),
        TypeParamKind::TypeVarTuple => vm.types.typevartuple.clone(),
    };
    vm.alloc(
        &class,
        TypeParam {
            kind,
            name,
            bound: Lazy::default(),
            constraints: Lazy::default(),
            default: Lazy::default(),
            covariant: false,
            contravariant: false,
            infer_variance: true,
        },
    )
}

fn param_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<TypeParam>> {
    match v.as_object().and_then(|o| o.downcast::<TypeParam>()) {
        Some(p) => Ok(p),
        None => Err(vm.type_error("expected a type parameter".into())),
    }
}

/// `CALL_INTRINSIC_1` 7..=11: type parameters, `Generic[...]`, aliases.
pub fn intrinsic_1(vm: &mut Vm, oparg: u32, v: Value) -> PyResult<Value> {
    let kind = match oparg {
        7 => TypeParamKind::TypeVar,
        8 => TypeParamKind::ParamSpec,
        9 => TypeParamKind::TypeVarTuple,
        10 => return subscript_generic(vm, &v),
        _ => return type_alias(vm, &v),
    };
    Ok(Value::from_object(new_param(vm, kind, v)?.into_obj()))
}

/// `INTRINSIC_SUBSCRIPT_GENERIC`: the implicit `Generic[*params]` base of
/// `class C[T]`, made as CPython does by `typing._GenericAlias(Generic,
/// params)`, a `TypeVarTuple` standing for its unpacked form.
fn subscript_generic(vm: &mut Vm, params: &Value) -> PyResult<Value> {
    let items = crate::builtins::tuple::seq_items(params).unwrap_or_default();
    let mut unpacked = Vec::with_capacity(items.len());
    for p in items {
        if vm.type_of(&p).same(&vm.types.typevartuple) {
            let it = vm.iter(&p)?;
            match vm.next(&it)? {
                Some(star) => unpacked.push(star),
                None => unpacked.push(p),
            }
        } else {
            unpacked.push(p);
        }
    }
    let params = vm.new_tuple(unpacked)?;
    let internal = vm.import_module("_typing")?;
    let generic = vm.get_attr_str(&internal, "Generic")?;
    let typing = vm.import_module("typing")?;
    let alias = vm.get_attr_str(&typing, "_GenericAlias")?;
    vm.call(&alias, &[generic, params], None)
}

/// `INTRINSIC_TYPEALIAS`: `(name, type_params, evaluate_value)`.
fn type_alias(vm: &mut Vm, args: &Value) -> PyResult<Value> {
    let items = crate::builtins::tuple::seq_items(args).unwrap_or_default();
    let [name, type_params, evaluate] = items.as_slice() else {
        return Err(vm.new_error(ExcKind::SystemError, "bad INTRINSIC_TYPEALIAS argument"));
    };
    let type_params = if type_params.is_none() {
        Value::from_object(vm.empty_tuple.as_obj().clone())
    } else {
        type_params.clone()
    };
    let module = vm.current_globals_name().unwrap_or(Value::NONE);
    let alias = vm.alloc(
        &vm.types.typealias.clone(),
        TypeAlias {
            name: name.clone(),
            type_params,
            value: Lazy {
                value: PyCell::new(None),
                evaluate: PyCell::new(Some(evaluate.clone())),
            },
            module,
        },
    )?;
    Ok(Value::from_object(alias.into_obj()))
}

/// `CALL_INTRINSIC_2`: re-raising after `except*`, and type parameters
/// with bounds, constraints, defaults, and a function's `__type_params__`.
pub fn intrinsic_2(vm: &mut Vm, oparg: u32, value2: Value, value1: Value) -> PyResult<Value> {
    match oparg {
        1 => crate::builtins::exception_group::prep_reraise_star(vm, &value2, &value1),
        2 | 3 => {
            let p = new_param(vm, TypeParamKind::TypeVar, value2)?;
            let lazy = if oparg == 2 { &p.bound } else { &p.constraints };
            lazy.evaluate.with(|e| *e = Some(value1));
            Ok(Value::from_object(p.into_obj()))
        }
        4 => {
            if let Some(f) = value2
                .as_object()
                .and_then(|o| o.downcast::<crate::builtins::function::Function>())
            {
                let old = f.type_params.with(|t| std::mem::replace(t, value1));
                drop(old);
            }
            Ok(value2)
        }
        5 => {
            let p = param_of(vm, &value2)?.clone();
            p.default.evaluate.with(|e| *e = Some(value1));
            Ok(value2)
        }
        _ => Err(vm.new_error(
            ExcKind::NotImplementedError,
            &format!("krait does not support intrinsic {oparg} yet"),
        )),
    }
}

fn param_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let p = param_of(vm, v)?.clone();
    let name = vm.str_string(&p.name)?;
    let prefix = if p.infer_variance || p.kind == TypeParamKind::TypeVarTuple {
        ""
    } else if p.covariant {
        "+"
    } else if p.contravariant {
        "-"
    } else {
        "~"
    };
    vm.new_str(&format!("{prefix}{name}"))
}

/// `typing.TypeVar(name, *constraints, bound=None, covariant=False,
/// contravariant=False, infer_variance=False, default=NoDefault)` and the
/// other kinds' constructors.
fn param_new(
    vm: &mut Vm,
    cls: &crate::types::TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<crate::builtins::tuple::Tuple>>,
) -> PyResult<Value> {
    let kind = if cls.same(&vm.types.paramspec) {
        TypeParamKind::ParamSpec
    } else if cls.same(&vm.types.typevartuple) {
        TypeParamKind::TypeVarTuple
    } else {
        TypeParamKind::TypeVar
    };
    let sig = crate::static_signature!(
        "(name, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False, default=None)"
    );
    let a = sig.bind(vm, &cls.name.to_string(), args, kwnames)?;
    let name = a.required(0).clone();
    if vm.as_str(&name).is_none() {
        return Err(vm.type_error("TypeVar name must be a string".into()));
    }
    let flag = |vm: &mut Vm, i: usize| -> PyResult<bool> {
        match a.get(i) {
            Some(v) => vm.is_true(v),
            None => Ok(false),
        }
    };
    let covariant = flag(vm, 2)?;
    let contravariant = flag(vm, 3)?;
    let infer_variance = flag(vm, 4)?;
    if covariant && contravariant {
        return Err(vm.value_error("Bivariant type variables are not supported."));
    }
    let constraints = a.varargs().to_vec();
    if constraints.len() == 1 {
        return Err(vm.type_error("A single constraint is not allowed".into()));
    }
    let constraints = vm.new_tuple(constraints)?;
    let bound = a.get(1).cloned().filter(|b| !b.is_none());
    let p = vm.alloc(
        cls,
        TypeParam {
            kind,
            name,
            bound: bound.map(Lazy::known).unwrap_or_default(),
            constraints: Lazy::known(constraints),
            default: a.get(5).cloned().map(Lazy::known).unwrap_or_default(),
            covariant,
            contravariant,
            infer_variance,
        },
    )?;
    Ok(Value::from_object(p.into_obj()))
}

/// Installs the slots of the `typing` types.
pub fn init_types(vm: &Vm) {
    for t in [
        &vm.types.typevar,
        &vm.types.paramspec,
        &vm.types.typevartuple,
    ] {
        t.slots.repr.set(Some(param_repr));
        t.slots.new.set(Some(param_new));
        t.slots.number.set(Some(|vm, a, b, op| {
            if op == crate::types::slots::BinOp::Or {
                return crate::builtins::union::union_or(vm, a, b);
            }
            Ok(vm.not_implemented())
        }));
    }
    vm.types.typealias.slots.repr.set(Some(|vm, v| {
        match v.as_object().and_then(|o| o.downcast::<TypeAlias>()) {
            Some(a) => {
                let name = a.name.clone();
                vm.str(&name)
            }
            None => vm.new_str("<type alias>"),
        }
    }));
    vm.types
        .nodefault
        .slots
        .repr
        .set(Some(|vm, _| vm.new_str("typing.NoDefault")));
}

fn nodefault(vm: &Vm) -> Value {
    vm.nodefault.clone()
}

/// The attributes of type parameters.
pub const PARAM_GETSETS: &[GetSetDef] = &[
    readonly("__name__", |vm, v| Ok(param_of(vm, v)?.name.clone())),
    getter("__bound__", |vm, v| {
        let p = param_of(vm, v)?.clone();
        p.bound.get(vm, Value::NONE)
    }),
    getter("__constraints__", |vm, v| {
        let p = param_of(vm, v)?.clone();
        let empty = Value::from_object(vm.empty_tuple.as_obj().clone());
        p.constraints.get(vm, empty)
    }),
    getter("__default__", |vm, v| {
        let p = param_of(vm, v)?.clone();
        let absent = nodefault(vm);
        p.default.get(vm, absent)
    }),
    readonly("__covariant__", |vm, v| {
        Ok(Value::from_bool(param_of(vm, v)?.covariant))
    }),
    readonly("__contravariant__", |vm, v| {
        Ok(Value::from_bool(param_of(vm, v)?.contravariant))
    }),
    readonly("__infer_variance__", |vm, v| {
        Ok(Value::from_bool(param_of(vm, v)?.infer_variance))
    }),
];

/// The methods of type parameters.
pub const PARAM_METHODS: &[MethodDef] = &[
    method("has_default", "(self, /)", |vm, args| {
        let p = param_of(vm, args.this())?.clone();
        Ok(Value::from_bool(p.default.is_set()))
    }),
    method("__typing_subst__", "(self, arg, /)", |vm, args| {
        let p = param_of(vm, args.this())?.clone();
        let helper = match p.kind {
            TypeParamKind::TypeVar => "_typevar_subst",
            TypeParamKind::ParamSpec => "_paramspec_subst",
            TypeParamKind::TypeVarTuple => {
                return Err(
                    vm.type_error("Substitution of bare TypeVarTuple is not supported".into())
                );
            }
        };
        call_typing(vm, helper, &[args.this().clone(), args.required(1).clone()])
    }),
    method(
        "__typing_prepare_subst__",
        "(self, alias, args, /)",
        |vm, args| {
            let p = param_of(vm, args.this())?.clone();
            let (this, alias, given) = (args.this(), args.required(1), args.required(2));
            match p.kind {
                TypeParamKind::ParamSpec => call_typing(
                    vm,
                    "_paramspec_prepare_subst",
                    &[this.clone(), alias.clone(), given.clone()],
                ),
                TypeParamKind::TypeVarTuple => call_typing(
                    vm,
                    "_typevartuple_prepare_subst",
                    &[this.clone(), alias.clone(), given.clone()],
                ),
                TypeParamKind::TypeVar => typevar_prepare_subst(vm, &p, this, alias, given),
            }
        },
    ),
];

/// Calls `typing.<name>(*args)` (the helpers CPython's type parameters
/// delegate to).
fn call_typing(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let typing = vm.import_module("typing")?;
    let f = vm.get_attr_str(&typing, name)?;
    vm.call(&f, args, None)
}

/// `TypeVar.__typing_prepare_subst__`: the arguments, with the TypeVar's
/// default appended when it is the first one missing.
fn typevar_prepare_subst(
    vm: &mut Vm,
    p: &Ref<TypeParam>,
    this: &Value,
    alias: &Value,
    given: &Value,
) -> PyResult<Value> {
    let params = vm.get_attr_str(alias, "__parameters__")?;
    let params = vm.collect_iterable(&params)?;
    let index = params
        .iter()
        .position(|x| crate::protocol::number::is_same(x, this))
        .unwrap_or(params.len());
    let mut items = vm.collect_iterable(given)?;
    if index < items.len() {
        return Ok(given.clone());
    }
    if index == items.len() && p.default.is_set() {
        let default = p.default.get(vm, Value::NONE)?;
        items.push(default);
        return vm.new_tuple(items);
    }
    let alias_repr = vm.repr_string(alias)?;
    Err(vm.type_error(format!(
        "Too few arguments for {alias_repr}; actual {}, expected at least {}",
        items.len(),
        index + 1
    )))
}

fn alias_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<TypeAlias>> {
    match v.as_object().and_then(|o| o.downcast::<TypeAlias>()) {
        Some(a) => Ok(a),
        None => Err(vm.type_error("expected a type alias".into())),
    }
}

/// The attributes of `TypeAliasType`.
pub const ALIAS_GETSETS: &[GetSetDef] = &[
    readonly("__name__", |vm, v| Ok(alias_of(vm, v)?.name.clone())),
    getter("__type_params__", |vm, v| {
        Ok(alias_of(vm, v)?.type_params.clone())
    }),
    getter("__value__", |vm, v| {
        let a = alias_of(vm, v)?.clone();
        a.value.get(vm, Value::NONE)
    }),
    getter("__module__", |vm, v| Ok(alias_of(vm, v)?.module.clone())),
];

/// Creates the `typing` singleton `NoDefault`.
pub fn new_nodefault(vm: &Vm) -> Result<Value, crate::object::heap::AllocError> {
    let v = Ref::new(&vm.types.nodefault, crate::builtins::singletons::Singleton)?;
    v.as_obj().make_immortal();
    Ok(Value::from_object(v.into_obj()))
}

#[allow(dead_code)]
fn unused(_: &TypeObject) {}
