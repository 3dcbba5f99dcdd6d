//! Exception groups (PEP 654): `BaseExceptionGroup`/`ExceptionGroup`
//! construction and its nesting rules, `derive`, `split`, `subgroup`, and
//! the interpreter's side of `except*` — matching a group against a
//! handler's type (`CHECK_EG_MATCH`) and computing what to re-raise after
//! the handlers ran (`PREP_RERAISE_STAR`).

use crate::builtins::descriptors::{GetSetDef, getter};
use crate::builtins::exceptions::{BaseException, ExcKind, as_exception, field};
use crate::builtins::native::{MethodDef, method};
use crate::builtins::tuple::Tuple;
use crate::error::{PyErr, PyResult};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeRef;
use crate::value::Value;

fn is_group(vm: &Vm, v: &Value) -> bool {
    vm.is_instance_of_kind(v, ExcKind::BaseExceptionGroup)
}

/// The sub-exceptions of a group.
pub fn group_exceptions(v: &Value) -> Vec<Value> {
    as_exception(v)
        .map(|e| e.field(field::GROUP_EXCEPTIONS))
        .and_then(|t| crate::builtins::tuple::seq_items(&t))
        .unwrap_or_default()
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
pub fn group_new(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let nkw = kwnames.map_or(0, |k| k.items().len());
    let positional = &args[..args.len() - nkw];
    if positional.len() != 2 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            positional.len()
        )));
    }
    let (message, exceptions) = (&positional[0], &positional[1]);
    if vm.as_str(message).is_none() {
        let tn = vm.type_name(message);
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {tn}"
        )));
    }
    let is_sequence = exceptions
        .as_object()
        .is_some_and(|o| o.downcast::<crate::builtins::dict::Dict>().is_none())
        && vm.type_of(exceptions).slots.getitem.get().is_some();
    if !is_sequence {
        return Err(vm.type_error("second argument (exceptions) must be a sequence".into()));
    }
    let items = vm.collect_iterable(exceptions)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut nested_base_exceptions = false;
    for (i, item) in items.iter().enumerate() {
        if as_exception(item).is_none() {
            return Err(vm.value_error(&format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        if !vm.is_instance_of_kind(item, ExcKind::Exception) {
            nested_base_exceptions = true;
        }
    }
    let group = vm.exc_type(ExcKind::ExceptionGroup).clone();
    let base_group = vm.exc_type(ExcKind::BaseExceptionGroup).clone();
    let mut class = cls.clone();
    if cls.same(&group) {
        if nested_base_exceptions {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup".into()));
        }
    } else if cls.same(&base_group) {
        if !nested_base_exceptions {
            class = group;
        }
    } else if nested_base_exceptions && cls.is_subtype(vm.exc_type(ExcKind::Exception)) {
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{}'", cls.name)));
    }
    let args_tuple = vm.new_tuple(positional.to_vec())?;
    let e = vm.alloc(&class, BaseException::with_args(args_tuple))?;
    e.set_field(field::GROUP_MESSAGE, message.clone());
    let excs = vm.new_tuple(items)?;
    e.set_field(field::GROUP_EXCEPTIONS, excs);
    Ok(Value::from_object(e.into_obj()))
}

/// `str()` of a group: `message (N sub-exceptions)`.
pub fn group_str(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(e) = as_exception(v).cloned() else {
        return vm.new_str("");
    };
    let message = vm.str_string(&e.field(field::GROUP_MESSAGE))?;
    let n = group_exceptions(v).len();
    let plural = if n > 1 { "s" } else { "" };
    vm.new_str(&format!("{message} ({n} sub-exception{plural})"))
}

/// `BaseExceptionGroup(message, excs)` (CPython's `_PyExc_CreateExceptionGroup`).
pub fn create_group(vm: &mut Vm, message: &str, excs: Value) -> PyResult<Value> {
    let message = vm.new_str(message)?;
    let class = Value::from_object(vm.exc_type(ExcKind::BaseExceptionGroup).as_obj().clone());
    vm.call(&class, &[message, excs], None)
}

/// How `split`/`subgroup` decide which leaves match.
enum Matcher {
    /// An exception class or a tuple of them.
    Type(Value),
    /// A predicate called with each exception.
    Predicate(Value),
    /// Leaves whose addresses are listed (used by `except*` re-raising).
    Leaves(Vec<usize>),
}

fn matcher_for(vm: &mut Vm, value: &Value) -> PyResult<Matcher> {
    let is_class = crate::builtins::type_::as_type(value).is_some();
    if !is_class && vm.type_of(value).slots.call.get().is_some() {
        return Ok(Matcher::Predicate(value.clone()));
    }
    let is_exception_class = |v: &Value, vm: &Vm| {
        crate::builtins::type_::as_type(v)
            .is_some_and(|t| t.is_subtype(vm.exc_type(ExcKind::BaseException)))
    };
    if is_exception_class(value, vm) {
        return Ok(Matcher::Type(value.clone()));
    }
    if let Some(t) = value.as_object().and_then(|o| o.downcast::<Tuple>())
        && vm.type_of(value).same(&vm.types.tuple)
        && t.items().iter().all(|c| is_exception_class(c, vm))
    {
        return Ok(Matcher::Type(value.clone()));
    }
    Err(vm.type_error(
        "expected an exception type, a tuple of exception types, or a callable (other than a class)"
            .into(),
    ))
}

/// Whether `exc` is an instance of a class (or tuple of classes).
pub fn exception_is_instance(vm: &Vm, exc: &Value, classes: &Value) -> bool {
    let t = vm.type_of(exc);
    match classes.as_object().and_then(|o| o.downcast::<Tuple>()) {
        Some(items) => items
            .items()
            .iter()
            .any(|c| crate::builtins::type_::as_type(c).is_some_and(|c| t.is_subtype(c))),
        None => crate::builtins::type_::as_type(classes).is_some_and(|c| t.is_subtype(c)),
    }
}

fn matches(vm: &mut Vm, exc: &Value, matcher: &Matcher) -> PyResult<bool> {
    match matcher {
        Matcher::Type(classes) => Ok(exception_is_instance(vm, exc, classes)),
        Matcher::Predicate(f) => {
            let r = vm.call(f, std::slice::from_ref(exc), None)?;
            vm.is_true(&r)
        }
        Matcher::Leaves(ids) => {
            Ok(!is_group(vm, exc) && exc.as_object().is_some_and(|o| ids.contains(&o.address())))
        }
    }
}

/// `orig.derive(excs)` with `orig`'s traceback, cause, context and notes.
fn subset(vm: &mut Vm, orig: &Value, excs: Vec<Value>) -> PyResult<Option<Value>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = vm.new_list(excs)?;
    let derive = vm.get_attr_str(orig, "derive")?;
    let eg = vm.call(&derive, &[list], None)?;
    if !is_group(vm, &eg) {
        return Err(vm.type_error("derive must return an instance of BaseExceptionGroup".into()));
    }
    if let (Some(from), Some(to)) = (as_exception(orig), as_exception(&eg)) {
        to.traceback.with(|t| *t = from.traceback.get());
        to.context.with(|c| *c = from.context.get());
        to.cause.with(|c| *c = from.cause.get());
    }
    let notes_name = vm.intern("__notes__")?;
    if let Some(notes) = vm.get_attr_opt(orig, &notes_name)?
        && vm.type_of(&notes).slots.getitem.get().is_some()
    {
        let items = vm.collect_iterable(&notes)?;
        let copy = vm.new_list(items)?;
        vm.set_attr(&eg, &notes_name, Some(copy))?;
    }
    Ok(Some(eg))
}

/// The matching and (if asked) the other parts of `exc`.
fn split_recursive(
    vm: &mut Vm,
    exc: &Value,
    matcher: &Matcher,
    construct_rest: bool,
) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(vm, exc, matcher)? {
        return Ok((Some(exc.clone()), None));
    }
    if !is_group(vm, exc) {
        return Ok((None, construct_rest.then(|| exc.clone())));
    }
    let mut match_list = Vec::new();
    let mut rest_list = Vec::new();
    for e in group_exceptions(exc) {
        vm.enter_native()?;
        let r = split_recursive(vm, &e, matcher, construct_rest);
        vm.leave_native();
        let (m, r) = r?;
        match_list.extend(m);
        rest_list.extend(r);
    }
    let matched = subset(vm, exc, match_list)?;
    let rest = if construct_rest {
        subset(vm, exc, rest_list)?
    } else {
        None
    };
    Ok((matched, rest))
}

fn group_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Value> {
    if is_group(vm, v) {
        Ok(v)
    } else {
        Err(vm.type_error("descriptor requires a 'BaseExceptionGroup' object".into()))
    }
}

/// `BaseExceptionGroup`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("derive", "(self, excs, /)", |vm, args| {
        let this = group_of(vm, args.this())?.clone();
        let message = as_exception(&this).map_or(Value::NONE, |e| e.field(field::GROUP_MESSAGE));
        let class = Value::from_object(vm.exc_type(ExcKind::BaseExceptionGroup).as_obj().clone());
        vm.call(&class, &[message, args.required(1).clone()], None)
    }),
    method("split", "(self, matcher_value, /)", |vm, args| {
        let this = group_of(vm, args.this())?.clone();
        let matcher = matcher_for(vm, args.required(1))?;
        let (m, r) = split_recursive(vm, &this, &matcher, true)?;
        vm.new_tuple(vec![m.unwrap_or(Value::NONE), r.unwrap_or(Value::NONE)])
    }),
    method("subgroup", "(self, matcher_value, /)", |vm, args| {
        let this = group_of(vm, args.this())?.clone();
        let matcher = matcher_for(vm, args.required(1))?;
        let (m, _) = split_recursive(vm, &this, &matcher, false)?;
        Ok(m.unwrap_or(Value::NONE))
    }),
];

/// `BaseExceptionGroup`'s attributes.
pub const GETSETS: &[GetSetDef] = &[
    getter("message", |vm, v| {
        crate::builtins::exceptions::get_field(vm, v, field::GROUP_MESSAGE)
    }),
    getter("exceptions", |vm, v| {
        crate::builtins::exceptions::get_field(vm, v, field::GROUP_EXCEPTIONS)
    }),
];

/// Checks the type of an `except*` clause (CPython's
/// `_PyEval_CheckExceptStarTypeValid`).
pub fn check_except_star_type(vm: &mut Vm, match_type: &Value) -> PyResult<()> {
    let classes = match match_type.as_object().and_then(|o| o.downcast::<Tuple>()) {
        Some(t) => t.items().to_vec(),
        None => vec![match_type.clone()],
    };
    let base = vm.exc_type(ExcKind::BaseException).clone();
    let group = vm.exc_type(ExcKind::BaseExceptionGroup).clone();
    for c in &classes {
        let Some(t) = crate::builtins::type_::as_type(c) else {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed".into(),
            ));
        };
        if !t.is_subtype(&base) {
            return Err(vm.type_error(
                "catching classes that do not inherit from BaseException is not allowed".into(),
            ));
        }
        if t.is_subtype(&group) {
            return Err(vm.type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.".into(),
            ));
        }
    }
    Ok(())
}

/// `CHECK_EG_MATCH`: the part of `exc` an `except* match_type` clause
/// handles, and the rest (CPython's `_PyEval_ExceptionGroupMatch`). A naked
/// exception that matches is wrapped in a group whose traceback starts at
/// the current frame.
pub fn except_star_match(vm: &mut Vm, exc: &Value, match_type: &Value) -> PyResult<(Value, Value)> {
    if exc.is_none() {
        return Ok((Value::NONE, Value::NONE));
    }
    if exception_is_instance(vm, exc, match_type) {
        if is_group(vm, exc) {
            return Ok((exc.clone(), Value::NONE));
        }
        let excs = vm.new_tuple(vec![exc.clone()])?;
        let wrapped = create_group(vm, "", excs)?;
        let frame = vm.current_frame;
        if let Some(e) = as_exception(&wrapped)
            && !frame.is_null()
        {
            let err = PyErr(e.clone());
            // SAFETY: `current_frame` is null or the live innermost frame.
            let frame = unsafe { &*frame };
            crate::runtime::traceback::add_entry(vm, &err, frame);
        }
        return Ok((wrapped, Value::NONE));
    }
    if is_group(vm, exc) {
        let split = vm.get_attr_str(exc, "split")?;
        let pair = vm.call(&split, std::slice::from_ref(match_type), None)?;
        let items = crate::builtins::tuple::seq_items(&pair).unwrap_or_default();
        let mut it = items.into_iter();
        let m = it.next().unwrap_or(Value::NONE);
        let r = it.next().unwrap_or(Value::NONE);
        return Ok((m, r));
    }
    Ok((Value::NONE, exc.clone()))
}

fn same_metadata(a: &BaseException, b: &BaseException) -> bool {
    let same = |x: Value, y: Value| match (x.as_object(), y.as_object()) {
        (Some(p), Some(q)) => p.is(q),
        (None, None) => x.is_none() && y.is_none(),
        _ => false,
    };
    same(
        a.notes.get().unwrap_or(Value::NONE),
        b.notes.get().unwrap_or(Value::NONE),
    ) && same(a.traceback.get(), b.traceback.get())
        && same(a.cause.get(), b.cause.get())
        && same(a.context.get(), b.context.get())
}

fn collect_leaf_ids(vm: &Vm, exc: &Value, ids: &mut Vec<usize>) {
    if exc.is_none() {
        return;
    }
    if !is_group(vm, exc) {
        if let Some(o) = exc.as_object() {
            ids.push(o.address());
        }
        return;
    }
    for e in group_exceptions(exc) {
        collect_leaf_ids(vm, &e, ids);
    }
}

/// `PREP_RERAISE_STAR`: what a `try`/`except*` statement raises after its
/// handlers ran (CPython's `_PyExc_PrepReraiseStar`): re-raised parts keep
/// the original nesting, newly raised exceptions become siblings.
pub fn prep_reraise_star(vm: &mut Vm, orig: &Value, excs: &Value) -> PyResult<Value> {
    let excs = crate::builtins::tuple::seq_items(excs).unwrap_or_default();
    if excs.is_empty() {
        return Ok(Value::NONE);
    }
    if !is_group(vm, orig) {
        return Ok(excs[0].clone());
    }
    let Some(orig_exc) = as_exception(orig).cloned() else {
        return Ok(Value::NONE);
    };
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs {
        if e.is_none() {
            continue;
        }
        let is_reraise = as_exception(&e).is_some_and(|x| same_metadata(x, &orig_exc));
        if is_reraise {
            reraised.push(e);
        } else {
            raised.push(e);
        }
    }
    let mut ids = Vec::new();
    for e in &reraised {
        collect_leaf_ids(vm, e, &mut ids);
    }
    let (projection, _) = split_recursive(vm, orig, &Matcher::Leaves(ids), false)?;
    if raised.is_empty() {
        return Ok(projection.unwrap_or(Value::NONE));
    }
    raised.extend(projection);
    if raised.len() > 1 {
        let list = vm.new_list(raised)?;
        return create_group(vm, "", list);
    }
    Ok(raised.remove(0))
}

/// `CHECK_EG_MATCH`: checks the clause's type, splits the exception, and
/// makes the matched part the exception being handled. Gives (match, rest).
pub fn check_eg_match(vm: &mut Vm, exc: &Value, match_type: &Value) -> PyResult<(Value, Value)> {
    check_except_star_type(vm, match_type)?;
    let (matched, rest) = except_star_match(vm, exc, match_type)?;
    if !matched.is_none() {
        vm.exc_info = matched.clone();
    }
    Ok((matched, rest))
}
