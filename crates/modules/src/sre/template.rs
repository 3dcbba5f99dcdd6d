//! `_sre.SRE_Template`: a replacement template for `sub` and
//! `Match.expand`, compiled by `_sre.template(pattern, list)` from the
//! list `re._parser.parse_template` makes — literals interleaved with
//! group numbers, `[literal0, group1, literal1, ...]` — and expanded
//! against a match (an unmatched group contributes nothing).

use krait_vm::builtins::list::List;
use krait_vm::builtins::native::Args;
use krait_vm::builtins::slice::index_arg;
use krait_vm::gc::{Payload, Visitor};
use krait_vm::object::Ref;
use krait_vm::types::TypeRef;
use krait_vm::{PyResult, Value, Vm};

use super::matchobj::Captured;
use super::pattern::group_value;
use super::subject::Subject;

/// The payload of `SRE_Template`.
pub struct Template {
    /// The text before the first group reference.
    pub literal: Value,
    /// Each group reference and the (non-empty) literal after it.
    pub items: Vec<(usize, Option<Value>)>,
}

impl Payload for Template {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.literal);
        for (_, literal) in &self.items {
            visit.optional(literal);
        }
    }
}

/// Creates the `_sre.SRE_Template` class.
pub fn make_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let ty = vm.new_builtin_type::<Template>("_sre", "SRE_Template", None, 0, &[])?;
    ty.slots.new.set(Some(|vm, _cls, _args, _kw| {
        Err(vm.type_error("cannot create '_sre.SRE_Template' instances".into()))
    }));
    ty.bump_version();
    Ok(ty)
}

fn is_empty_text(vm: &mut Vm, v: &Value) -> bool {
    if let Some(s) = vm.as_str(v) {
        return s.char_len() == 0;
    }
    v.as_object()
        .and_then(|o| o.downcast::<krait_vm::builtins::bytes::Bytes>())
        .is_some_and(|b| b.data.is_empty())
}

/// `_sre.template(pattern, template)`.
pub fn compile(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let list = args.required(1).clone();
    let Some(items) = list
        .as_object()
        .and_then(|o| o.downcast::<List>())
        .map(|l| l.items.with(|v| v.clone()))
    else {
        let tn = vm.type_name(&list);
        return Err(vm.type_error(format!("template() argument 2 must be list, not {tn}")));
    };
    let (Some(literal), rest) = (items.first().cloned(), items.get(1..).unwrap_or(&[])) else {
        return Err(vm.type_error("invalid template".into()));
    };
    if rest.len() % 2 != 0 {
        return Err(vm.type_error("invalid template".into()));
    }
    let mut parsed = Vec::with_capacity(rest.len() / 2);
    for pair in rest.chunks_exact(2) {
        let [number, text] = pair else {
            return Err(vm.type_error("invalid template".into()));
        };
        // CPython reads the number with `PyLong_AsSsize_t` (no `__index__`).
        if !krait_vm::builtins::int::is_int(number) {
            return Err(vm.type_error("an integer is required".into()));
        }
        let index = index_arg(vm, number)?;
        let Ok(index) = usize::try_from(index) else {
            return Err(vm.type_error("invalid template".into()));
        };
        let text = text.clone();
        let text = if is_empty_text(vm, &text) {
            None
        } else {
            Some(text)
        };
        parsed.push((index, text));
    }
    let class = super::class(vm, |t| &t.template)?;
    let t = vm.alloc(
        &class,
        Template {
            literal,
            items: parsed,
        },
    )?;
    Ok(Value::from_object(t.into_obj()))
}

/// `re._compile_template(pattern, repl)` (cached on the Python side).
pub fn compile_template(vm: &mut Vm, pattern: &Value, repl: &Value) -> PyResult<Ref<Template>> {
    let re = vm.import_module("re")?;
    let func = vm.get_attr_str(&re, "_compile_template")?;
    let t = vm.call(&func, &[pattern.clone(), repl.clone()], None)?;
    match t.as_object().and_then(|o| o.downcast::<Template>()) {
        Some(t) => Ok(t.clone()),
        None => Err(vm.type_error("expected an SRE_Template from re._compile_template".into())),
    }
}

/// The replacement text of `t` for a match.
pub fn expand(
    vm: &mut Vm,
    t: &Template,
    subject: &Subject,
    captured: &Captured,
    groups: usize,
) -> PyResult<Value> {
    if t.items.is_empty() {
        return Ok(t.literal.clone());
    }
    let mut pieces = Vec::with_capacity(t.items.len() * 2 + 1);
    if !is_empty_text(vm, &t.literal.clone()) {
        pieces.push(t.literal.clone());
    }
    for (index, literal) in &t.items {
        if *index > groups {
            return Err(vm.index_error("no such group"));
        }
        let g = group_value(vm, subject, captured, *index, &Value::NONE)?;
        if !g.is_none() {
            pieces.push(g);
        }
        if let Some(l) = literal {
            pieces.push(l.clone());
        }
    }
    let joiner = if vm.as_str(&t.literal).is_some() {
        vm.new_str("")?
    } else {
        vm.new_bytes(Vec::new())?
    };
    let join = vm.get_attr_str(&joiner, "join")?;
    let list = vm.new_list(pieces)?;
    vm.call(&join, &[list], None)
}
