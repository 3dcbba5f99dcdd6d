//! `_contextvars` (CPython's `Python/context.c`): context variables.
//! `ContextVar(name, *, default=...)` with `get`/`set`/`reset`, the
//! `Token` that `set` returns, `Context` (a read-only mapping of variables
//! to values, with `run` and `copy`) and `copy_context()`.
//!
//! A context holds a dict from variables to values; `copy_context` copies
//! it (CPython shares an immutable map instead: same behaviour, more
//! copying). The current context of the (only) thread is kept per thread.

use std::cell::RefCell;

use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{Args, MethodDef, classmethod, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::gc::{Payload, Visitor};
use krait_vm::object::Ref;
use krait_vm::types::TypeRef;
use krait_vm::{PyResult, Value, Vm};

thread_local! {
    /// The running context (created on first use).
    static CURRENT: RefCell<Option<Value>> = const { RefCell::new(None) };
}

/// `_contextvars`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    let context =
        vm.new_builtin_type::<Context>("_contextvars", "Context", None, 0, CONTEXT_METHODS)?;
    context.slots.new.set(Some(|vm, cls, args, kw| {
        if !args.is_empty() || kw.is_some_and(|k| !k.items().is_empty()) {
            return Err(vm.type_error("Context() does not accept any arguments".into()));
        }
        new_context(vm, cls, None)
    }));
    context
        .slots
        .len
        .set(Some(|vm, v| Ok(context_of(vm, v)?.vars.len())));
    context.slots.getitem.set(Some(|vm, v, key| {
        check_var(vm, key)?;
        let vars = context_of(vm, v)?.vars.clone();
        match Dict::get_item(vm, &vars, key)? {
            Some(value) => Ok(value),
            None => Err(vm.key_error(key.clone())),
        }
    }));
    context.slots.contains.set(Some(|vm, v, key| {
        check_var(vm, key)?;
        let vars = context_of(vm, v)?.vars.clone();
        Ok(Dict::get_item(vm, &vars, key)?.is_some())
    }));
    context.slots.iter.set(Some(|vm, v| {
        let vars = Value::from_object(context_of(vm, v)?.vars.as_obj().clone());
        vm.iter(&vars)
    }));
    context.slots.hash.set(None);
    context.bump_version();
    let var =
        vm.new_builtin_type::<ContextVar>("_contextvars", "ContextVar", None, 0, VAR_METHODS)?;
    var.slots.new.set(Some(new_var));
    var.slots.repr.set(Some(var_repr));
    vm.add_getsets(&var, VAR_GETSETS)?;
    var.bump_version();
    let token = vm.new_builtin_type::<Token>("_contextvars", "Token", None, 0, TOKEN_METHODS)?;
    token.slots.new.set(Some(|vm, _cls, _args, _kw| {
        Err(vm.runtime_error("Tokens can only be created by ContextVars"))
    }));
    vm.add_getsets(&token, TOKEN_GETSETS)?;
    let missing =
        vm.new_builtin_type::<MissingMarker>("_contextvars", "Token.MISSING", None, 0, &[])?;
    missing
        .slots
        .repr
        .set(Some(|vm, _v| vm.new_str("<Token.MISSING>")));
    missing.bump_version();
    let marker = vm.alloc(&missing, MissingMarker)?;
    let key = vm.intern("MISSING")?;
    token
        .dict
        .with(|d| d.insert_str(key, Value::from_object(marker.into_obj())));
    token.bump_version();
    krait_vm::builtins::slot_wrappers::install(vm, &[context.clone(), var.clone(), token.clone()])?;
    for (name, ty) in [
        ("Context", &context),
        ("ContextVar", &var),
        ("Token", &token),
    ] {
        vm.module_set(module, name, Value::from_object(ty.as_obj().clone()))?;
    }
    Ok(())
}

/// The payload of `Token.MISSING`'s class (a marker with no state).
pub struct MissingMarker;

impl Payload for MissingMarker {}

/// The payload of `Context`.
pub struct Context {
    vars: Ref<Dict>,
    /// Whether `run` is using it now.
    entered: std::cell::Cell<bool>,
}

impl Payload for Context {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.vars.as_obj());
    }
}

/// The payload of `ContextVar`.
pub struct ContextVar {
    name: Value,
    default: Option<Value>,
}

impl Payload for ContextVar {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.name);
        visit.optional(&self.default);
    }
}

/// The payload of `Token`.
pub struct Token {
    context: Value,
    var: Value,
    old: Option<Value>,
    used: std::cell::Cell<bool>,
}

impl Payload for Token {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.values([&self.context, &self.var]);
        visit.optional(&self.old);
    }
}

fn module_type(vm: &mut Vm, name: &str) -> PyResult<TypeRef> {
    let module = vm.import_module("_contextvars")?;
    let class = vm.get_attr_str(&module, name)?;
    match krait_vm::builtins::type_::as_type(&class) {
        Some(t) => Ok(t.clone()),
        None => Err(vm.type_error(format!("_contextvars.{name} is not a class"))),
    }
}

fn new_context(vm: &mut Vm, cls: &TypeRef, vars: Option<Ref<Dict>>) -> PyResult<Value> {
    let vars = match vars {
        Some(v) => v,
        None => vm.new_dict_ref()?,
    };
    let c = vm.alloc(
        cls,
        Context {
            vars,
            entered: std::cell::Cell::new(false),
        },
    )?;
    Ok(Value::from_object(c.into_obj()))
}

fn context_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Context>> {
    match v.as_object().and_then(|o| o.downcast::<Context>()) {
        Some(c) => Ok(c.clone()),
        None => Err(vm.type_error("expected a Context".into())),
    }
}

fn var_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<ContextVar>> {
    match v.as_object().and_then(|o| o.downcast::<ContextVar>()) {
        Some(c) => Ok(c.clone()),
        None => Err(vm.type_error("expected a ContextVar".into())),
    }
}

fn check_var(vm: &mut Vm, key: &Value) -> PyResult<()> {
    if key
        .as_object()
        .and_then(|o| o.downcast::<ContextVar>())
        .is_none()
    {
        let r = vm.repr_string(key)?;
        return Err(vm.type_error(format!("a ContextVar key was expected, got {r}")));
    }
    Ok(())
}

/// The running context, made empty on first use.
fn current(vm: &mut Vm) -> PyResult<Value> {
    if let Some(c) = CURRENT.with(|c| c.borrow().clone()) {
        return Ok(c);
    }
    let cls = module_type(vm, "Context")?;
    let c = new_context(vm, &cls, None)?;
    CURRENT.with(|slot| *slot.borrow_mut() = Some(c.clone()));
    Ok(c)
}

fn copy_of(vm: &mut Vm, context: &Value) -> PyResult<Value> {
    let source = context_of(vm, context)?;
    let vars = vm.new_dict_ref()?;
    for (k, v) in source.vars.items() {
        Dict::set_item(vm, &vars, k, v)?;
    }
    let cls = module_type(vm, "Context")?;
    new_context(vm, &cls, Some(vars))
}

const FUNCTIONS: &[MethodDef] = &[method("copy_context", "()", |vm, _args| {
    let c = current(vm)?;
    copy_of(vm, &c)
})];

/// `Context.run(callable, *args, **kwargs)`.
fn run(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let this = args.this().clone();
    let context = context_of(vm, &this)?;
    if context.entered.get() {
        let r = vm.repr_string(&this)?;
        return Err(vm.runtime_error(&format!("cannot enter context: {r} is already entered")));
    }
    let Some(callable) = args.varargs().first().cloned() else {
        return Err(vm.type_error("run() missing 1 required positional argument".into()));
    };
    let mut call_args: Vec<Value> = args.varargs().get(1..).unwrap_or(&[]).to_vec();
    let mut names = Vec::new();
    if let Some(d) = args
        .kwargs()
        .and_then(|k| k.as_object())
        .and_then(|o| o.downcast::<Dict>())
    {
        for (k, v) in d.items() {
            names.push(k);
            call_args.push(v);
        }
    }
    let kwnames = if names.is_empty() {
        None
    } else {
        Some(vm.new_tuple_ref(names)?)
    };
    let previous = current(vm)?;
    context.entered.set(true);
    CURRENT.with(|slot| *slot.borrow_mut() = Some(this.clone()));
    let result = vm.call(&callable, &call_args, kwnames.as_ref());
    CURRENT.with(|slot| *slot.borrow_mut() = Some(previous));
    context.entered.set(false);
    result
}

const CONTEXT_METHODS: &[MethodDef] = &[
    method("run", "(self, /, *args, **kwargs)", run),
    method("copy", "(self, /)", |vm, args| copy_of(vm, args.this())),
    method("get", "(self, key, default=None, /)", |vm, args| {
        check_var(vm, args.required(1))?;
        let vars = context_of(vm, args.this())?.vars.clone();
        Ok(Dict::get_item(vm, &vars, args.required(1))?
            .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::NONE)))
    }),
    method("keys", "(self, /)", |vm, args| {
        let vars = context_of(vm, args.this())?.vars.clone();
        vm.new_list(vars.items().into_iter().map(|(k, _)| k).collect())
    }),
    method("values", "(self, /)", |vm, args| {
        let vars = context_of(vm, args.this())?.vars.clone();
        vm.new_list(vars.items().into_iter().map(|(_, v)| v).collect())
    }),
    method("items", "(self, /)", |vm, args| {
        let vars = context_of(vm, args.this())?.vars.clone();
        let mut items = Vec::new();
        for (k, v) in vars.items() {
            items.push(vm.new_tuple(vec![k, v])?);
        }
        vm.new_list(items)
    }),
];

fn new_var(vm: &mut Vm, cls: &TypeRef, args: &[Value], kw: Option<&Ref<Tuple>>) -> PyResult<Value> {
    let a = krait_vm::static_signature!("(name, /, *, default=None)").bind(
        vm,
        "ContextVar",
        args,
        kw,
    )?;
    let name = a.required(0).clone();
    if vm.as_str(&name).is_none() {
        return Err(vm.type_error("context variable name must be a str".into()));
    }
    let v = vm.alloc(
        cls,
        ContextVar {
            name,
            default: a.get(1).cloned(),
        },
    )?;
    Ok(Value::from_object(v.into_obj()))
}

fn var_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let var = var_of(vm, v)?;
    let name = vm.repr_string(&var.name)?;
    let default = match &var.default {
        Some(d) => format!(" default={}", vm.repr_string(d)?),
        None => String::new(),
    };
    let address = v.as_object().map_or(0, |o| o.address());
    vm.new_str(&format!(
        "<ContextVar name={name}{default} at {address:#x}>"
    ))
}

/// `ContextVar.get([default])`.
fn var_get(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let var = var_of(vm, args.this())?;
    let context = current(vm)?;
    let vars = context_of(vm, &context)?.vars.clone();
    if let Some(value) = Dict::get_item(vm, &vars, args.this())? {
        return Ok(value);
    }
    if let Some(d) = args.get(1) {
        return Ok(d.clone());
    }
    if let Some(d) = &var.default {
        return Ok(d.clone());
    }
    Err(vm.new_exception(
        krait_vm::builtins::exceptions::ExcKind::LookupError,
        vec![args.this().clone()],
    ))
}

/// `ContextVar.set(value)`: the new value in the running context, and a
/// token to undo it.
fn var_set(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let context = current(vm)?;
    let vars = context_of(vm, &context)?.vars.clone();
    let old = Dict::get_item(vm, &vars, args.this())?;
    Dict::set_item(vm, &vars, args.this().clone(), args.required(1).clone())?;
    let cls = module_type(vm, "Token")?;
    let t = vm.alloc(
        &cls,
        Token {
            context,
            var: args.this().clone(),
            old,
            used: std::cell::Cell::new(false),
        },
    )?;
    Ok(Value::from_object(t.into_obj()))
}

/// `ContextVar.reset(token)`.
fn var_reset(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let Some(token) = args
        .required(1)
        .as_object()
        .and_then(|o| o.downcast::<Token>())
        .cloned()
    else {
        let tn = vm.type_name(args.required(1));
        return Err(vm.type_error(format!("expected an instance of Token, got {tn}")));
    };
    if token.used.get() {
        let r = vm.repr_string(args.required(1))?;
        return Err(vm.runtime_error(&format!("{r} has already been used once")));
    }
    if !krait_vm::protocol::number::is_same(&token.var, args.this()) {
        let r = vm.repr_string(args.required(1))?;
        return Err(vm.value_error(&format!("{r} was created by a different ContextVar")));
    }
    let context = current(vm)?;
    if !krait_vm::protocol::number::is_same(&token.context, &context) {
        let r = vm.repr_string(args.required(1))?;
        return Err(vm.value_error(&format!("{r} was created in a different Context")));
    }
    token.used.set(true);
    let vars = context_of(vm, &context)?.vars.clone();
    match &token.old {
        Some(old) => Dict::set_item(vm, &vars, args.this().clone(), old.clone())?,
        None => drop(Dict::del_item(vm, &vars, args.this())?),
    }
    Ok(Value::NONE)
}

const VAR_METHODS: &[MethodDef] = &[
    method("get", "(self, default=None, /)", var_get),
    method("set", "(self, value, /)", var_set),
    method("reset", "(self, token, /)", var_reset),
    classmethod("__class_getitem__", "(cls, item, /)", |vm, args| {
        krait_vm::builtins::generic_alias::new_alias(
            vm,
            args.this().clone(),
            args.required(1).clone(),
        )
    }),
];

const VAR_GETSETS: &[GetSetDef] = &[readonly("name", |vm, v| Ok(var_of(vm, v)?.name.clone()))];

fn token_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Token>> {
    match v.as_object().and_then(|o| o.downcast::<Token>()) {
        Some(t) => Ok(t.clone()),
        None => Err(vm.type_error("expected a Token".into())),
    }
}

const TOKEN_GETSETS: &[GetSetDef] = &[
    readonly("var", |vm, v| Ok(token_of(vm, v)?.var.clone())),
    readonly("old_value", |vm, v| {
        let token = token_of(vm, v)?;
        match &token.old {
            Some(old) => Ok(old.clone()),
            None => {
                let class = Value::from_object(vm.type_of(v).as_obj().clone());
                vm.get_attr_str(&class, "MISSING")
            }
        }
    }),
];

const TOKEN_METHODS: &[MethodDef] = &[
    method("__enter__", "(self, /)", |_vm, args| {
        Ok(args.this().clone())
    }),
    method("__exit__", "(self, *args)", |vm, args| {
        let token = token_of(vm, args.this())?;
        let reset = vm.get_attr_str(&token.var, "reset")?;
        vm.call(&reset, std::slice::from_ref(args.this()), None)?;
        Ok(Value::NONE)
    }),
    classmethod("__class_getitem__", "(cls, item, /)", |vm, args| {
        krait_vm::builtins::generic_alias::new_alias(
            vm,
            args.this().clone(),
            args.required(1).clone(),
        )
    }),
];
