//! The classes of `_ast`: the `AST` base type (a native type whose
//! instances carry an attribute dict, with CPython 3.14's constructor,
//! `__reduce__`, `__replace__` and depth-limited `__repr__`) and one Python
//! class per entry of the node table ([`super::nodes`]), created through
//! `type(name, bases, namespace)` as CPython creates them, with `_fields`,
//! `__match_args__`, `_attributes`, `__doc__`, `_field_types` and `None`
//! class defaults for optional fields.
//!
//! CPython warns (`DeprecationWarning`) when a constructor misses a required
//! field or gets an unknown keyword; krait has no warnings machinery yet, so
//! those cases are accepted silently (the field stays unset, the unknown
//! keyword becomes an attribute), as CPython does after warning.

use krait_vm::builtins::native::{Args, MethodDef, method};
use krait_vm::builtins::object::{BareObject, instance_dict};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::builtins::type_::as_type;
use krait_vm::object::Ref;
use krait_vm::types::{TypeRef, flags};
use krait_vm::{PyResult, Value, Vm};

use super::nodes::{NodeSpec, Quantity, specs};

/// `module_state` key of the tuple of node classes, in table order.
const CLASSES_KEY: &str = "_ast.classes";
/// `module_state` key of the tuple of shared instances of field-less
/// operator/context classes (`None` for other classes), in table order.
const SINGLETONS_KEY: &str = "_ast.singletons";
/// `module_state` key of the `AST` base class.
const BASE_KEY: &str = "_ast.AST";

/// The node classes, once `_ast` has been initialised.
pub struct NodeClasses {
    /// `AST`.
    pub base: TypeRef,
    /// One class per table entry.
    pub classes: Vec<TypeRef>,
    /// Shared instances of the field-less classes (`Load()`, `Add()`).
    pub singletons: Vec<Value>,
}

impl NodeClasses {
    /// The classes of the running interpreter (importing `_ast` if needed).
    pub fn get(vm: &mut Vm) -> PyResult<NodeClasses> {
        if !vm.module_state.contains_key(CLASSES_KEY) {
            vm.import_module("_ast")?;
        }
        let types = |v: Option<&Value>| -> Vec<Value> {
            v.and_then(|v| {
                v.as_object()?
                    .downcast::<Tuple>()
                    .map(|t| t.items().to_vec())
            })
            .unwrap_or_default()
        };
        let classes: Vec<TypeRef> = types(vm.module_state.get(CLASSES_KEY))
            .iter()
            .filter_map(|c| as_type(c).cloned())
            .collect();
        let singletons = types(vm.module_state.get(SINGLETONS_KEY));
        let base = vm
            .module_state
            .get(BASE_KEY)
            .and_then(|b| as_type(b).cloned());
        match base {
            Some(base) if classes.len() == specs().len() => Ok(NodeClasses {
                base,
                classes,
                singletons,
            }),
            _ => Err(vm.new_error(
                krait_vm::builtins::exceptions::ExcKind::SystemError,
                "_ast is not initialised",
            )),
        }
    }

    /// The table index of the node class `class` or of its nearest `_ast`
    /// ancestor (for user subclasses of node classes).
    pub fn index_of(&self, class: &TypeRef) -> Option<usize> {
        nearest_node_class(class, &self.classes)
    }
}

/// The table index of `class` or of its nearest ancestor among `classes`
/// (found by name, then checked by identity).
fn nearest_node_class(class: &TypeRef, classes: &[TypeRef]) -> Option<usize> {
    class.mro.with(|mro| {
        mro.iter().find_map(|c| {
            let i = super::nodes::index_of(&c.name)?;
            classes.get(i).filter(|k| k.same(c)).map(|_| i)
        })
    })
}

/// The node classes of the running interpreter, without copying them.
fn with_classes<R>(vm: &Vm, f: impl FnOnce(&[Value]) -> R) -> Option<R> {
    let tuple = vm
        .module_state
        .get(CLASSES_KEY)?
        .as_object()?
        .downcast::<Tuple>()?;
    Some(f(tuple.items()))
}

/// [`NodeClasses::index_of`] for the running interpreter.
fn spec_index(vm: &Vm, class: &TypeRef) -> Option<usize> {
    with_classes(vm, |classes| {
        class.mro.with(|mro| {
            mro.iter().find_map(|c| {
                let i = super::nodes::index_of(&c.name)?;
                let k = classes.get(i).and_then(as_type)?;
                k.same(c).then_some(i)
            })
        })
    })
    .flatten()
}

fn type_value(t: &TypeRef) -> Value {
    Value::from_object(t.as_obj().clone())
}

/// Creates `AST` and every node class, puts them in `module`'s namespace
/// through `add`, and records them in the interpreter's module state.
pub fn create(
    vm: &mut Vm,
    add: &mut dyn FnMut(&mut Vm, &str, Value) -> PyResult<()>,
) -> PyResult<()> {
    let base = vm.new_builtin_type::<BareObject>(
        "ast",
        "AST",
        None,
        flags::BASETYPE | flags::HAS_DICT | flags::EXTENDED,
        AST_METHODS,
    )?;
    base.slots.new.set(Some(|vm, cls, _args, _kw| {
        Ok(Value::from_object(vm.alloc(cls, BareObject)?.into_obj()))
    }));
    base.slots.init.set(Some(ast_init));
    base.slots.repr.set(Some(ast_repr));
    let empty = vm.new_tuple(Vec::new())?;
    for name in ["_fields", "_attributes", "__match_args__"] {
        let key = vm.intern(name)?;
        base.dict.with(|d| d.insert_str(key, empty.clone()));
    }
    base.bump_version();
    krait_vm::builtins::slot_wrappers::install(vm, std::slice::from_ref(&base))?;
    krait_vm::builtins::type_::install_new_wrappers(vm, std::slice::from_ref(&base))?;
    add(vm, "AST", type_value(&base))?;

    let metatype = type_value(&vm.types.type_.clone());
    let mut classes: Vec<TypeRef> = Vec::with_capacity(specs().len());
    for spec in specs() {
        let parent = match spec.base.and_then(|i| classes.get(i)) {
            Some(p) => p.clone(),
            None => base.clone(),
        };
        let namespace = class_namespace(vm, spec)?;
        let name = vm.new_str(spec.name)?;
        let bases = vm.new_tuple(vec![type_value(&parent)])?;
        let class = vm.call(&metatype, &[name, bases, namespace], None)?;
        let Some(class) = as_type(&class).cloned() else {
            return Err(vm.type_error("type() did not return a class".into()));
        };
        add(vm, spec.name, type_value(&class))?;
        classes.push(class);
    }
    for (spec, class) in specs().iter().zip(&classes) {
        if !spec.is_abstract {
            let field_types = field_types(vm, spec, &classes)?;
            // The field types are also the class's annotations.
            for name in ["_field_types", "__annotations_cache__"] {
                let key = vm.intern(name)?;
                vm.set_attr(&type_value(class), &key, Some(field_types.clone()))?;
            }
        }
    }
    let mut singletons = Vec::with_capacity(classes.len());
    for (spec, class) in specs().iter().zip(&classes) {
        singletons.push(if spec.is_simple {
            Value::from_object(vm.alloc(class, BareObject)?.into_obj())
        } else {
            Value::NONE
        });
    }
    let class_values = vm.new_tuple(classes.iter().map(type_value).collect())?;
    let singletons = vm.new_tuple(singletons)?;
    vm.module_state.insert(CLASSES_KEY, class_values);
    vm.module_state.insert(SINGLETONS_KEY, singletons);
    vm.module_state.insert(BASE_KEY, type_value(&base));
    Ok(())
}

/// The namespace a node class is created with.
fn class_namespace(vm: &mut Vm, spec: &NodeSpec) -> PyResult<Value> {
    let dict = vm.new_dict_ref()?;
    let set = |vm: &mut Vm, key: &str, value: Value| -> PyResult<()> {
        let key = vm.intern_value(key)?;
        krait_vm::builtins::dict::Dict::set_item(vm, &dict, key, value)
    };
    let mut names = Vec::with_capacity(spec.fields.len());
    for f in &spec.fields {
        names.push(vm.intern_value(f.name)?);
    }
    let fields = vm.new_tuple(names)?;
    set(vm, "_fields", fields.clone())?;
    set(vm, "__match_args__", fields)?;
    let module = vm.new_str("ast")?;
    set(vm, "__module__", module)?;
    let doc = vm.new_str(&spec.doc)?;
    set(vm, "__doc__", doc)?;
    if spec.base.is_none() && !spec.attributes.is_empty() {
        let mut names = Vec::with_capacity(spec.attributes.len());
        for a in &spec.attributes {
            names.push(vm.intern_value(a.name)?);
        }
        let attributes = vm.new_tuple(names)?;
        set(vm, "_attributes", attributes)?;
    }
    for f in &spec.fields {
        if f.quantity == Quantity::Optional {
            set(vm, f.name, Value::NONE)?;
        }
    }
    if spec.base.is_none() {
        for a in &spec.attributes {
            if a.quantity == Quantity::Optional {
                set(vm, a.name, Value::NONE)?;
            }
        }
    }
    Ok(Value::from_object(dict.into_obj()))
}

/// `_field_types`: the annotation of each field (`ast.expr`,
/// `list[ast.stmt]`, `str | None`, ...).
fn field_types(vm: &mut Vm, spec: &NodeSpec, classes: &[TypeRef]) -> PyResult<Value> {
    let dict = vm.new_dict_ref()?;
    for f in &spec.fields {
        let item = match f.ty {
            "identifier" | "string" => type_value(&vm.types.str.clone()),
            "int" => type_value(&vm.types.int.clone()),
            "constant" => type_value(&vm.types.object.clone()),
            other => match super::nodes::index_of(other).and_then(|i| classes.get(i)) {
                Some(c) => type_value(c),
                None => type_value(&vm.types.object.clone()),
            },
        };
        let annotation = match f.quantity {
            Quantity::One => item,
            Quantity::Optional => krait_vm::builtins::union::union_or(vm, &item, &Value::NONE)?,
            Quantity::List | Quantity::OptionalList => {
                let list = type_value(&vm.types.list.clone());
                krait_vm::builtins::generic_alias::new_alias(vm, list, item)?
            }
        };
        let key = vm.intern_value(f.name)?;
        krait_vm::builtins::dict::Dict::set_item(vm, &dict, key, annotation)?;
    }
    Ok(Value::from_object(dict.into_obj()))
}

/// The names in a class's `_fields` (or another tuple-valued attribute).
fn name_list(vm: &mut Vm, class: &TypeRef, attribute: &str) -> PyResult<Vec<Value>> {
    match class.lookup(attribute) {
        Some(v) if !v.is_none() => vm.collect_iterable(&v),
        _ => Ok(Vec::new()),
    }
}

fn same_name(vm: &Vm, a: &Value, b: &Value) -> bool {
    match (vm.as_str(a), vm.as_str(b)) {
        (Some(a), Some(b)) => a.as_bytes() == b.as_bytes(),
        _ => false,
    }
}

/// The value an omitted field gets: `[]` for lists, `Load()` for contexts;
/// `None` (left unset) for optional fields, whose class attribute is
/// `None`, and for required ones.
fn default_for(vm: &mut Vm, class: &TypeRef, field: &Value) -> PyResult<Option<Value>> {
    let Some(spec) = spec_index(vm, class).and_then(|i| specs().get(i)) else {
        return Ok(None);
    };
    let Some(name) = vm.as_str(field).map(|s| s.as_lossy().into_owned()) else {
        return Ok(None);
    };
    let Some(f) = spec.fields.iter().find(|f| f.name == name) else {
        return Ok(None);
    };
    Ok(match f.quantity {
        Quantity::List | Quantity::OptionalList => Some(vm.new_list(Vec::new())?),
        Quantity::Optional => None,
        Quantity::One if f.ty == "expr_context" => {
            let load = super::nodes::index_of("Load").and_then(|i| {
                with_classes(vm, |classes| classes.get(i).and_then(as_type).cloned()).flatten()
            });
            match load {
                Some(load) => Some(Value::from_object(vm.alloc(&load, BareObject)?.into_obj())),
                None => None,
            }
        }
        Quantity::One => None,
    })
}

/// Whether `field` of `class` may be `None` (its class attribute is `None`).
fn is_optional(vm: &mut Vm, class: &TypeRef, field: &Value) -> bool {
    let Some(name) = vm.as_str(field).map(|s| s.as_lossy().into_owned()) else {
        return false;
    };
    class.lookup(&name).is_some_and(|v| v.is_none())
}

/// `AST.__init__(*args, **kwargs)`: positional arguments fill `_fields` in
/// order, keywords set fields or attributes by name, and omitted fields get
/// their defaults.
fn ast_init(
    vm: &mut Vm,
    this: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<()> {
    let class = vm.type_of(this).clone();
    let fields = name_list(vm, &class, "_fields")?;
    let keywords: Vec<Value> = kwnames.map(|k| k.items().to_vec()).unwrap_or_default();
    let positional = args.len().saturating_sub(keywords.len());
    if positional > fields.len() {
        let n = fields.len();
        return Err(vm.type_error(format!(
            "{} constructor takes at most {n} positional argument{}",
            class.name,
            if n == 1 { "" } else { "s" }
        )));
    }
    for (field, value) in fields.iter().zip(&args[..positional]) {
        let Some(name) = vm.as_str(field).cloned() else {
            return Err(vm.type_error("_fields must contain strings".into()));
        };
        vm.set_attr(this, &name, Some(value.clone()))?;
    }
    for (key, value) in keywords.iter().zip(&args[positional..]) {
        if fields[..positional].iter().any(|f| same_name(vm, f, key)) {
            let key = vm.str_string(key)?;
            return Err(vm.type_error(format!(
                "{} got multiple values for argument '{key}'",
                class.name
            )));
        }
        let Some(name) = vm.as_str(key).cloned() else {
            return Err(vm.type_error("keywords must be strings".into()));
        };
        vm.set_attr(this, &name, Some(value.clone()))?;
    }
    for field in &fields[positional..] {
        if keywords.iter().any(|k| same_name(vm, k, field)) {
            continue;
        }
        if let Some(value) = default_for(vm, &class, field)?
            && let Some(name) = vm.as_str(field).cloned()
        {
            vm.set_attr(this, &name, Some(value))?;
        }
    }
    Ok(())
}

/// The instance's own attributes.
fn own_attributes(obj: &Value) -> Vec<(Value, Value)> {
    instance_dict(obj).map(|d| d.items()).unwrap_or_default()
}

fn lookup_own(vm: &Vm, obj: &Value, name: &Value) -> Option<Value> {
    own_attributes(obj)
        .into_iter()
        .find(|(k, _)| same_name(vm, k, name))
        .map(|(_, v)| v)
}

/// How many levels of nested nodes `repr()` shows before writing `Name(...)`.
const REPR_DEPTH: usize = 3;

/// `repr(node)`: `Class(field=value, ...)`, nested nodes shown to a depth
/// of three and lists longer than two as `[first, ..., last]`.
fn ast_repr(vm: &mut Vm, obj: &Value) -> PyResult<Value> {
    let mut out = String::new();
    if !vm.repr_enter(obj) {
        let name = vm.type_of(obj).name.to_string();
        return vm.new_str(&format!("{name}(...)"));
    }
    let result = repr_node(vm, obj, REPR_DEPTH, &mut out);
    vm.repr_leave(obj);
    result?;
    vm.new_str(&out)
}

fn is_node(vm: &Vm, v: &Value) -> bool {
    match vm.module_state.get(BASE_KEY).and_then(as_type) {
        Some(base) => vm.isinstance_type(v, base),
        None => false,
    }
}

fn repr_node(vm: &mut Vm, obj: &Value, depth: usize, out: &mut String) -> PyResult<()> {
    let class = vm.type_of(obj).clone();
    out.push_str(&class.name);
    if depth == 0 {
        out.push_str("(...)");
        return Ok(());
    }
    out.push('(');
    let fields = name_list(vm, &class, "_fields")?;
    let mut first = true;
    for field in &fields {
        let Some(name) = vm.as_str(field).cloned() else {
            continue;
        };
        let Some(value) = vm.get_attr_opt(obj, &name)? else {
            continue;
        };
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(&name.as_lossy());
        out.push('=');
        repr_value(vm, &value, depth, out)?;
    }
    out.push(')');
    Ok(())
}

fn repr_value(vm: &mut Vm, value: &Value, depth: usize, out: &mut String) -> PyResult<()> {
    if is_node(vm, value) {
        return repr_node(vm, value, depth - 1, out);
    }
    let is_list = vm.type_of(value).same(&vm.types.list.clone());
    if !is_list {
        out.push_str(&vm.repr_string(value)?);
        return Ok(());
    }
    let items = vm.collect_iterable(value)?;
    out.push('[');
    let shown: Vec<Option<&Value>> = if items.len() > 2 {
        vec![items.first(), None, items.last()]
    } else {
        items.iter().map(Some).collect()
    };
    for (i, item) in shown.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match item {
            Some(item) if is_node(vm, item) => repr_node(vm, item, depth - 1, out)?,
            Some(item) => out.push_str(&vm.repr_string(item)?),
            None => out.push_str("..."),
        }
    }
    out.push(']');
    Ok(())
}

const AST_METHODS: &[MethodDef] = &[
    method("__reduce__", "($self, /)", |vm, args| {
        let this = args.this().clone();
        let class = vm.type_of(&this).clone();
        // As many `None`s as leading fields the node has, so that unpickling
        // calls the constructor with them before the state is restored.
        let fields = name_list(vm, &class, "_fields")?;
        let leading = fields
            .iter()
            .take_while(|f| lookup_own(vm, &this, f).is_some())
            .count();
        let class = type_value(&class);
        let empty = vm.new_tuple(vec![Value::NONE; leading])?;
        let state = match krait_vm::builtins::object::materialized_dict(vm, &this)? {
            Some(d) => d,
            None => Value::NONE,
        };
        vm.new_tuple(vec![class, empty, state])
    }),
    method("__replace__", "($self, /, **kwargs)", ast_replace),
];

/// `node.__replace__(**changes)` (`copy.replace`): a new node of the same
/// class with the fields and attributes of `node`, some replaced.
fn ast_replace(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let this = args.this().clone();
    let class = vm.type_of(&this).clone();
    let fields = name_list(vm, &class, "_fields")?;
    let attributes = name_list(vm, &class, "_attributes")?;
    let mut changes: Vec<(Value, Value)> = Vec::new();
    if let Some(kwargs) = args.kwargs()
        && let Some(d) = kwargs
            .as_object()
            .and_then(|o| o.downcast::<krait_vm::builtins::dict::Dict>())
    {
        changes = d.items();
    }
    for (key, _) in &changes {
        if !fields
            .iter()
            .chain(&attributes)
            .any(|f| same_name(vm, f, key))
        {
            let key = vm.str_string(key)?;
            return Err(vm.type_error(format!(
                "{}.__replace__ got an unexpected keyword argument '{key}'.",
                class.name
            )));
        }
    }
    let mut names = Vec::new();
    let mut values = Vec::new();
    let mut missing = Vec::new();
    for name in fields.iter().chain(&attributes) {
        let value = match changes.iter().find(|(k, _)| same_name(vm, k, name)) {
            Some((_, v)) => Some(v.clone()),
            None => lookup_own(vm, &this, name),
        };
        match value {
            Some(v) => {
                names.push(name.clone());
                values.push(v);
            }
            None => {
                let is_field = fields.iter().any(|f| same_name(vm, f, name));
                if is_field
                    && default_for(vm, &class, name)?.is_none()
                    && !is_optional(vm, &class, name)
                {
                    missing.push(vm.repr_string(name)?);
                }
            }
        }
    }
    if !missing.is_empty() {
        let n = missing.len();
        return Err(vm.type_error(format!(
            "{}.__replace__ missing {n} keyword argument{}: {}.",
            class.name,
            if n == 1 { "" } else { "s" },
            join_names(&missing)
        )));
    }
    let kwnames = vm.new_tuple_ref(names)?;
    vm.call(&type_value(&class), &values, Some(&kwnames))
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}
