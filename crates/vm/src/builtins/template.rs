//! Template strings (PEP 750): `string.templatelib.Template` (what
//! `t"..."` makes), `string.templatelib.Interpolation` (one `{...}` of it)
//! and the iterator over a template's parts.
//!
//! A template keeps its static strings and its interpolations as two
//! tuples, the strings always one longer (empty strings fill the gaps);
//! `Lib/string/templatelib.py` finds the two classes through `type()` of a
//! template literal. `BUILD_TEMPLATE` and `BUILD_INTERPOLATION` build them.

use crate::builtins::descriptors::{GetSetDef, readonly};
use crate::builtins::exceptions::ExcKind;
use crate::builtins::native::{Args, MethodDef, method};
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::gc::{Payload, Visitor};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeRef;
use crate::types::slots::BinOp;
use crate::value::Value;

/// The module the template types report as theirs.
const MODULE: &str = "string.templatelib";

/// `Template.__doc__` (krait's own words).
const TEMPLATE_DOC: &str =
    "Template(*args)\n--\n\nThe static strings and interpolations of a t-string literal.";

/// `Interpolation.__doc__` (krait's own words).
const INTERPOLATION_DOC: &str = "Interpolation(value, expression='', conversion=None, format_spec='')\n--\n\nOne replacement field of a template string.";

/// The payload of a `Template`.
pub struct Template {
    /// The static strings (`len(interpolations) + 1` of them).
    pub strings: Ref<Tuple>,
    /// The `Interpolation`s between them.
    pub interpolations: Ref<Tuple>,
}

/// The payload of an `Interpolation`.
pub struct Interpolation {
    /// The evaluated expression.
    pub value: Value,
    /// The expression's source text.
    pub expression: Value,
    /// `None` or one of `'s'`, `'r'`, `'a'`.
    pub conversion: Value,
    /// The format specification (a str, maybe empty).
    pub format_spec: Value,
}

impl Payload for Template {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.strings.as_obj());
        visit.object(self.interpolations.as_obj());
    }
}

impl Payload for Interpolation {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.values([
            &self.value,
            &self.expression,
            &self.conversion,
            &self.format_spec,
        ]);
    }
}

fn template_of(v: &Value) -> Option<&Ref<Template>> {
    v.as_object().and_then(|o| o.downcast::<Template>())
}

fn interpolation_of(v: &Value) -> Option<&Ref<Interpolation>> {
    v.as_object().and_then(|o| o.downcast::<Interpolation>())
}

fn expect_template(vm: &mut Vm, v: &Value) -> PyResult<Ref<Template>> {
    match template_of(v) {
        Some(t) => Ok(t.clone()),
        None => Err(vm.type_error("descriptor requires a 'string.templatelib.Template'".into())),
    }
}

fn expect_interpolation(vm: &mut Vm, v: &Value) -> PyResult<Ref<Interpolation>> {
    match interpolation_of(v) {
        Some(i) => Ok(i.clone()),
        None => {
            Err(vm.type_error("descriptor requires a 'string.templatelib.Interpolation'".into()))
        }
    }
}

fn tuple_value(t: &Ref<Tuple>) -> Value {
    Value::from_object(t.as_obj().clone())
}

/// `BUILD_TEMPLATE`: a template from the tuple of strings and the tuple of
/// interpolations the compiler built.
pub fn build_template(vm: &mut Vm, strings: &Value, interpolations: &Value) -> PyResult<Value> {
    let (Some(strings), Some(interpolations)) = (
        strings.as_object().and_then(|o| o.downcast::<Tuple>()),
        interpolations
            .as_object()
            .and_then(|o| o.downcast::<Tuple>()),
    ) else {
        return Err(vm.type_error("krait: BUILD_TEMPLATE expects two tuples".into()));
    };
    new_template(vm, strings.clone(), interpolations.clone())
}

fn new_template(vm: &mut Vm, strings: Ref<Tuple>, interpolations: Ref<Tuple>) -> PyResult<Value> {
    let class = vm.types.template.clone();
    let t = vm.alloc(
        &class,
        Template {
            strings,
            interpolations,
        },
    )?;
    Ok(Value::from_object(t.into_obj()))
}

/// `BUILD_INTERPOLATION`: an interpolation of `value` written as
/// `expression`, with conversion `conversion` (0 none, 1 `!s`, 2 `!r`,
/// 3 `!a`) and an optional format specification.
pub fn build_interpolation(
    vm: &mut Vm,
    value: Value,
    expression: Value,
    conversion: u32,
    format_spec: Option<Value>,
) -> PyResult<Value> {
    let conversion = match conversion {
        0 => Value::NONE,
        1 => vm.intern_value("s")?,
        2 => vm.intern_value("r")?,
        3 => vm.intern_value("a")?,
        _ => {
            return Err(vm.new_error(
                ExcKind::SystemError,
                "krait: bad conversion in BUILD_INTERPOLATION",
            ));
        }
    };
    let format_spec = match format_spec {
        Some(spec) => spec,
        None => Value::from_object(vm.empty_str.as_obj().clone()),
    };
    new_interpolation(vm, value, expression, conversion, format_spec)
}

fn new_interpolation(
    vm: &mut Vm,
    value: Value,
    expression: Value,
    conversion: Value,
    format_spec: Value,
) -> PyResult<Value> {
    let class = vm.types.interpolation.clone();
    let i = vm.alloc(
        &class,
        Interpolation {
            value,
            expression,
            conversion,
            format_spec,
        },
    )?;
    Ok(Value::from_object(i.into_obj()))
}

/// `Template(*args)`: strings and interpolations in any order; adjacent
/// strings are joined and empty strings fill the gaps.
fn template_new(
    vm: &mut Vm,
    _class: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    if kwnames.is_some_and(|k| !k.items().is_empty()) {
        return Err(vm.type_error("Template.__new__ only accepts *args arguments".into()));
    }
    let mut strings = Vec::new();
    let mut interpolations = Vec::new();
    // The strings given since the last interpolation.
    let mut pending: Vec<Value> = Vec::new();
    for arg in args {
        if vm.as_str(arg).is_some() {
            pending.push(arg.clone());
        } else if interpolation_of(arg).is_some() {
            strings.push(join_strings(vm, std::mem::take(&mut pending))?);
            interpolations.push(arg.clone());
        } else {
            let tn = vm.type_name(arg);
            return Err(vm.type_error(format!(
                "Template.__new__ *args need to be of type 'str' or 'Interpolation', got {tn}"
            )));
        }
    }
    strings.push(join_strings(vm, pending)?);
    let strings = vm.new_tuple_ref(strings)?;
    let interpolations = vm.new_tuple_ref(interpolations)?;
    new_template(vm, strings, interpolations)
}

/// The strings given in a row to `Template()` as one: a lone string
/// itself (a `str` subclass instance stays one), several joined, none
/// the empty string.
fn join_strings(vm: &mut Vm, mut parts: Vec<Value>) -> PyResult<Value> {
    if parts.len() == 1
        && let Some(only) = parts.pop()
    {
        return Ok(only);
    }
    let mut joined = Vec::new();
    for part in &parts {
        if let Some(text) = vm.as_str(part) {
            joined.extend_from_slice(text.as_bytes());
        }
    }
    vm.new_str_from_wtf8_bytes(joined)
}

/// `Interpolation(value, expression='', conversion=None, format_spec='')`.
fn interpolation_new(
    vm: &mut Vm,
    _class: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let signature =
        crate::static_signature!("(value, expression='', conversion=None, format_spec='')");
    let bound: Args = signature.bind(vm, "Interpolation", args, kwnames)?;
    let value = bound.required(0).clone();
    let empty = Value::from_object(vm.empty_str.as_obj().clone());
    let expression = str_argument(vm, bound.get(1), "expression", &empty)?;
    let format_spec = str_argument(vm, bound.get(3), "format_spec", &empty)?;
    let conversion = match bound.get(2) {
        None => Value::NONE,
        Some(c) if c.is_none() => Value::NONE,
        Some(c) => {
            let Some(text) = vm.as_str(c) else {
                let tn = vm.type_name(c);
                return Err(vm.type_error(format!(
                    "Interpolation() argument 'conversion' must be str, not {tn}"
                )));
            };
            if !matches!(text.as_bytes(), b"s" | b"r" | b"a") {
                return Err(vm.new_error(
                    ExcKind::ValueError,
                    "Interpolation() argument 'conversion' must be one of 's', 'a' or 'r'",
                ));
            }
            c.clone()
        }
    };
    new_interpolation(vm, value, expression, conversion, format_spec)
}

/// A str argument of `Interpolation()` (`default` when absent).
fn str_argument(
    vm: &mut Vm,
    given: Option<&Value>,
    name: &str,
    default: &Value,
) -> PyResult<Value> {
    match given {
        None => Ok(default.clone()),
        Some(v) if vm.as_str(v).is_some() => Ok(v.clone()),
        Some(v) => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "Interpolation() argument '{name}' must be str, not {tn}"
            )))
        }
    }
}

/// `Template.__repr__`.
fn template_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = expect_template(vm, v)?;
    let strings = vm.repr_string(&tuple_value(&t.strings))?;
    let interpolations = vm.repr_string(&tuple_value(&t.interpolations))?;
    vm.new_str(&format!(
        "Template(strings={strings}, interpolations={interpolations})"
    ))
}

/// `Interpolation.__repr__`.
fn interpolation_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let i = expect_interpolation(vm, v)?;
    let mut parts = Vec::with_capacity(4);
    for field in [&i.value, &i.expression, &i.conversion, &i.format_spec] {
        parts.push(vm.repr_string(field)?);
    }
    vm.new_str(&format!("Interpolation({})", parts.join(", ")))
}

/// `iter(template)`: the non-empty strings and the interpolations, in order.
fn template_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let t = expect_template(vm, v)?;
    let strings = t.strings.items();
    let interpolations = t.interpolations.items();
    let mut parts = Vec::with_capacity(strings.len() + interpolations.len());
    for (k, s) in strings.iter().enumerate() {
        if vm.as_str(s).is_some_and(|s| !s.as_bytes().is_empty()) {
            parts.push(s.clone());
        }
        if let Some(i) = interpolations.get(k) {
            parts.push(i.clone());
        }
    }
    let class = vm.types.template_iterator.clone();
    crate::builtins::iterators::new_functional(
        vm,
        class,
        crate::builtins::iterators::IterState::Seq {
            items: parts,
            pos: 0,
        },
    )
}

/// The number slot of `Template`: `template + template` (anything else
/// falls back to [`concat_error`], as CPython's `sq_concat` does).
fn template_number(vm: &mut Vm, a: &Value, b: &Value, op: BinOp) -> PyResult<Value> {
    match (op, template_of(a).cloned(), template_of(b).cloned()) {
        (BinOp::Add, Some(left), Some(right)) => concat(vm, &left, &right),
        _ => Ok(vm.not_implemented()),
    }
}

/// The error of `template + other` when `other` is not a template (what
/// `+` raises once neither operand handled it); `None` when `a` is not a
/// template.
pub fn concat_error(vm: &mut Vm, a: &Value, b: &Value) -> Option<crate::error::PyErr> {
    template_of(a)?;
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    Some(vm.type_error(format!("can only concatenate {ta} (not \"{tb}\") to {ta}")))
}

/// `template + template`: the parts of both, the last string of the first
/// joined to the first string of the second.
fn concat(vm: &mut Vm, left: &Ref<Template>, right: &Ref<Template>) -> PyResult<Value> {
    let (ls, rs) = (left.strings.items(), right.strings.items());
    let mut strings: Vec<Value> = Vec::with_capacity(ls.len() + rs.len());
    let (Some((left_last, left_rest)), Some((right_first, right_rest))) =
        (ls.split_last(), rs.split_first())
    else {
        return Err(vm.type_error("krait: a template without strings".into()));
    };
    strings.extend_from_slice(left_rest);
    let mut joined = Vec::new();
    for s in [left_last, right_first] {
        if let Some(text) = vm.as_str(s) {
            joined.extend_from_slice(text.as_bytes());
        }
    }
    strings.push(vm.new_str_from_wtf8_bytes(joined)?);
    strings.extend_from_slice(right_rest);
    let mut interpolations = left.interpolations.items().to_vec();
    interpolations.extend_from_slice(right.interpolations.items());
    let strings = vm.new_tuple_ref(strings)?;
    let interpolations = vm.new_tuple_ref(interpolations)?;
    new_template(vm, strings, interpolations)
}

/// The methods of `Template`.
pub const TEMPLATE_METHODS: &[MethodDef] = &[
    method("__reduce__", "(self, /)", |vm, args| {
        let t = expect_template(vm, args.this())?;
        let module = vm.import_module(MODULE)?;
        let unpickle = vm.get_attr_str(&module, "_template_unpickle")?;
        let state = vm.new_tuple(vec![
            tuple_value(&t.strings),
            tuple_value(&t.interpolations),
        ])?;
        vm.new_tuple(vec![unpickle, state])
    }),
    method("__add__", "(self, value, /)", |vm, args| {
        let left = expect_template(vm, args.this())?;
        match template_of(args.required(1)).cloned() {
            Some(right) => concat(vm, &left, &right),
            None => match concat_error(vm, args.this(), args.required(1)) {
                Some(e) => Err(e),
                None => Ok(vm.not_implemented()),
            },
        }
    }),
];

/// The methods of `Interpolation`.
pub const INTERPOLATION_METHODS: &[MethodDef] = &[method("__reduce__", "(self, /)", |vm, args| {
    let i = expect_interpolation(vm, args.this())?;
    let class = Value::from_object(vm.type_of(args.this()).as_obj().clone());
    let state = vm.new_tuple(vec![
        i.value.clone(),
        i.expression.clone(),
        i.conversion.clone(),
        i.format_spec.clone(),
    ])?;
    vm.new_tuple(vec![class, state])
})];

/// The attributes of `Template`.
pub const TEMPLATE_GETSETS: &[GetSetDef] = &[
    readonly("strings", |vm, v| {
        Ok(tuple_value(&expect_template(vm, v)?.strings))
    }),
    readonly("interpolations", |vm, v| {
        Ok(tuple_value(&expect_template(vm, v)?.interpolations))
    }),
    crate::builtins::descriptors::getter("values", |vm, v| {
        let t = expect_template(vm, v)?;
        let mut values = Vec::with_capacity(t.interpolations.items().len());
        for i in t.interpolations.items() {
            match interpolation_of(i) {
                Some(i) => values.push(i.value.clone()),
                None => values.push(i.clone()),
            }
        }
        vm.new_tuple(values)
    }),
];

/// The attributes of `Interpolation`.
pub const INTERPOLATION_GETSETS: &[GetSetDef] = &[
    readonly("value", |vm, v| {
        Ok(expect_interpolation(vm, v)?.value.clone())
    }),
    readonly("expression", |vm, v| {
        Ok(expect_interpolation(vm, v)?.expression.clone())
    }),
    readonly("conversion", |vm, v| {
        Ok(expect_interpolation(vm, v)?.conversion.clone())
    }),
    readonly("format_spec", |vm, v| {
        Ok(expect_interpolation(vm, v)?.format_spec.clone())
    }),
];

/// Installs the slots of the template types, their module, and
/// `Interpolation.__match_args__`.
pub fn init_types(vm: &mut Vm) -> PyResult<()> {
    let template = vm.types.template.clone();
    template.slots.new.set(Some(template_new));
    template.slots.repr.set(Some(template_repr));
    template.slots.iter.set(Some(template_iter));
    template.slots.number.set(Some(template_number));
    let interpolation = vm.types.interpolation.clone();
    interpolation.slots.new.set(Some(interpolation_new));
    interpolation.slots.repr.set(Some(interpolation_repr));
    crate::builtins::iterators::init_iterator_type(&vm.types.template_iterator);
    let mut match_args = Vec::with_capacity(4);
    for name in ["value", "expression", "conversion", "format_spec"] {
        match_args.push(vm.intern_value(name)?);
    }
    let match_args = vm.new_tuple(match_args)?;
    let key = vm.intern("__match_args__")?;
    interpolation.dict.with(|d| d.insert_str(key, match_args));
    for (t, doc) in [
        (&template, Some(TEMPLATE_DOC)),
        (&interpolation, Some(INTERPOLATION_DOC)),
        (&vm.types.template_iterator.clone(), None),
    ] {
        let key = vm.intern("__module__")?;
        let module = vm.new_str(MODULE)?;
        t.dict.with(|d| d.insert_str(key, module));
        if let Some(doc) = doc {
            let key = vm.intern("__doc__")?;
            let doc = vm.new_str(doc)?;
            t.dict.with(|d| d.insert_str(key, doc));
        }
        t.bump_version();
    }
    Ok(())
}
