//! `re.Match`: the result of a successful match — the subject, the
//! pattern, `pos`/`endpos` and the span of every group — with `group`,
//! `groups`, `groupdict`, `start`/`end`/`span`, `expand`, indexing by
//! group number or name, and the repr
//! `<re.Match object; span=(0, 3), match='abc'>`.

use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::native::{Args, MethodDef, classmethod, method};
use krait_vm::builtins::tuple::Tuple;
use krait_vm::gc::{Payload, Visitor};
use krait_vm::object::Ref;
use krait_vm::types::TypeRef;
use krait_vm::{PyResult, Value, Vm};

use super::engine::UNSET;
use super::pattern::{Pattern, group_value};
use super::subject::Subject;

/// The spans a match captured: group 0 (the whole match) first; `UNSET`
/// marks a group that did not take part.
pub struct Captured {
    /// `(start, end)` per group.
    pub spans: Vec<(usize, usize)>,
    /// The last closed group, or -1.
    pub lastindex: isize,
}

impl Captured {
    /// The span of the whole match.
    pub fn whole(&self) -> (usize, usize) {
        self.spans.first().copied().unwrap_or((0, 0))
    }
}

/// The payload of `re.Match`.
pub struct Match {
    string: Value,
    pattern: Value,
    pat: Ref<Pattern>,
    subject: Subject,
    pos: usize,
    endpos: usize,
    captured: Captured,
}

impl Payload for Match {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.string);
        visit.value(&self.pattern);
        visit.object(self.pat.as_obj());
    }
}

/// Creates the `re.Match` class.
pub fn make_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let ty = vm.new_builtin_type::<Match>("re", "Match", None, 0, METHODS)?;
    ty.slots.new.set(Some(|vm, _cls, _args, _kw| {
        Err(vm.type_error("cannot create 're.Match' instances".into()))
    }));
    ty.slots.repr.set(Some(repr));
    ty.slots.getitem.set(Some(|vm, v, key| {
        let m = match_of(vm, v)?;
        let g = group_index(vm, &m, key)?;
        group(vm, &m, g, &Value::NONE)
    }));
    vm.add_getsets(&ty, GETSETS)?;
    ty.bump_version();
    Ok(ty)
}

/// A new match object.
#[allow(clippy::too_many_arguments)]
pub fn new_match(
    vm: &mut Vm,
    pattern: &Value,
    pat: &Ref<Pattern>,
    string: &Value,
    subject: Subject,
    pos: usize,
    endpos: usize,
    captured: Captured,
) -> PyResult<Value> {
    let class = super::class(vm, |t| &t.match_)?;
    let m = vm.alloc(
        &class,
        Match {
            string: string.clone(),
            pattern: pattern.clone(),
            pat: pat.clone(),
            subject,
            pos,
            endpos,
            captured,
        },
    )?;
    Ok(Value::from_object(m.into_obj()))
}

fn match_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Match>> {
    match v.as_object().and_then(|o| o.downcast::<Match>()) {
        Some(m) => Ok(m.clone()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 're.Match' object but received a '{tn}'"
            )))
        }
    }
}

fn no_such_group(vm: &mut Vm) -> krait_vm::PyErr {
    vm.index_error("no such group")
}

/// The group number `key` names (an int, or a group name).
fn group_index(vm: &mut Vm, m: &Match, key: &Value) -> PyResult<usize> {
    let count = m.pat.groups + 1;
    let index = if let Some(i) = vm.index_value(key).ok().flatten() {
        Some(i)
    } else if krait_vm::builtins::int::is_int(key) {
        None
    } else {
        match m
            .pat
            .groupindex
            .as_object()
            .and_then(|o| o.downcast::<Dict>())
        {
            Some(d) => {
                let d = d.clone();
                match Dict::get_item(vm, &d, key)? {
                    Some(v) => vm.index_value(&v).ok().flatten(),
                    None => None,
                }
            }
            None => None,
        }
    };
    match index {
        Some(i) if i >= 0 && (i as u64) < count as u64 => Ok(i as usize),
        _ => Err(no_such_group(vm)),
    }
}

/// The subject as it is now: a mutable buffer (`bytearray`) is read
/// again, as CPython slices the object's current contents.
fn current_subject(m: &Match) -> Subject {
    match &m.subject {
        Subject::Buffer(_) => match krait_vm::builtins::bytes::bytes_like(&m.string) {
            Some(data) => Subject::Buffer(std::rc::Rc::from(data.into_owned())),
            None => m.subject.clone(),
        },
        other => other.clone(),
    }
}

fn group(vm: &mut Vm, m: &Match, g: usize, default: &Value) -> PyResult<Value> {
    group_value(vm, &current_subject(m), &m.captured, g, default)
}

fn span_of(m: &Match, g: usize) -> (i64, i64) {
    match m.captured.spans.get(g) {
        Some(&(a, b)) if a != UNSET && b != UNSET => (
            i64::try_from(a).unwrap_or(i64::MAX),
            i64::try_from(b).unwrap_or(i64::MAX),
        ),
        _ => (-1, -1),
    }
}

fn span_tuple(vm: &mut Vm, m: &Match, g: usize) -> PyResult<Value> {
    let (a, b) = span_of(m, g);
    vm.new_tuple(vec![Value::from_i64(a), Value::from_i64(b)])
}

fn group_arg(vm: &mut Vm, m: &Match, args: &Args, at: usize) -> PyResult<usize> {
    match args.get(at) {
        Some(key) => group_index(vm, m, key),
        None => Ok(0),
    }
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let m = match_of(vm, v)?;
    let whole = group(vm, &m, 0, &Value::NONE)?;
    let text: String = vm.repr_string(&whole)?.chars().take(50).collect();
    let (a, b) = span_of(&m, 0);
    vm.new_str(&format!("<re.Match object; span=({a}, {b}), match={text}>"))
}

/// `Match.expand` and template substitution share [`super::template`].
fn expand(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let m = match_of(vm, args.this())?;
    let t = super::template::compile_template(vm, &m.pattern, args.required(1))?;
    super::template::expand(vm, &t, &current_subject(&m), &m.captured, m.pat.groups)
}

const GETSETS: &[GetSetDef] = &[
    readonly("string", |vm, v| Ok(match_of(vm, v)?.string.clone())),
    readonly("re", |vm, v| Ok(match_of(vm, v)?.pattern.clone())),
    readonly("pos", |vm, v| {
        Ok(Value::from_i64(
            i64::try_from(match_of(vm, v)?.pos).unwrap_or(i64::MAX),
        ))
    }),
    readonly("endpos", |vm, v| {
        Ok(Value::from_i64(
            i64::try_from(match_of(vm, v)?.endpos).unwrap_or(i64::MAX),
        ))
    }),
    readonly("lastindex", |vm, v| {
        let m = match_of(vm, v)?;
        Ok(if m.captured.lastindex >= 0 {
            Value::from_i64(m.captured.lastindex as i64)
        } else {
            Value::NONE
        })
    }),
    readonly("lastgroup", |vm, v| {
        let m = match_of(vm, v)?;
        if m.captured.lastindex < 0 {
            return Ok(Value::NONE);
        }
        let Some(t) = m
            .pat
            .indexgroup
            .as_object()
            .and_then(|o| o.downcast::<Tuple>())
        else {
            return Ok(Value::NONE);
        };
        Ok(t.items()
            .get(m.captured.lastindex as usize)
            .cloned()
            .unwrap_or(Value::NONE))
    }),
    readonly("regs", |vm, v| {
        let m = match_of(vm, v)?;
        let mut items = Vec::with_capacity(m.pat.groups + 1);
        for g in 0..=m.pat.groups {
            items.push(span_tuple(vm, &m, g)?);
        }
        vm.new_tuple(items)
    }),
];

const METHODS: &[MethodDef] = &[
    method("group", "(self, /, *args)", |vm, args| {
        let m = match_of(vm, args.this())?;
        let mut keys = args.varargs().to_vec();
        match keys.len() {
            0 => group(vm, &m, 0, &Value::NONE),
            1 => {
                let g = group_index(vm, &m, &keys.swap_remove(0))?;
                group(vm, &m, g, &Value::NONE)
            }
            _ => {
                let mut items = Vec::with_capacity(keys.len());
                for key in &keys {
                    let g = group_index(vm, &m, key)?;
                    items.push(group(vm, &m, g, &Value::NONE)?);
                }
                vm.new_tuple(items)
            }
        }
    }),
    method("groups", "(self, /, default=None)", |vm, args| {
        let m = match_of(vm, args.this())?;
        let default = args.get(1).cloned().unwrap_or(Value::NONE);
        let mut items = Vec::with_capacity(m.pat.groups);
        for g in 1..=m.pat.groups {
            items.push(group(vm, &m, g, &default)?);
        }
        vm.new_tuple(items)
    }),
    method("groupdict", "(self, /, default=None)", |vm, args| {
        let m = match_of(vm, args.this())?;
        let default = args.get(1).cloned().unwrap_or(Value::NONE);
        let result = vm.new_dict_ref()?;
        let Some(index) = m
            .pat
            .groupindex
            .as_object()
            .and_then(|o| o.downcast::<Dict>())
        else {
            return Ok(Value::from_object(result.into_obj()));
        };
        for (name, number) in index.items() {
            let g = group_index(vm, &m, &number)?;
            let value = group(vm, &m, g, &default)?;
            Dict::set_item(vm, &result, name, value)?;
        }
        Ok(Value::from_object(result.into_obj()))
    }),
    method("start", "(self, group=0, /)", |vm, args| {
        let m = match_of(vm, args.this())?;
        let g = group_arg(vm, &m, args, 1)?;
        Ok(Value::from_i64(span_of(&m, g).0))
    }),
    method("end", "(self, group=0, /)", |vm, args| {
        let m = match_of(vm, args.this())?;
        let g = group_arg(vm, &m, args, 1)?;
        Ok(Value::from_i64(span_of(&m, g).1))
    }),
    method("span", "(self, group=0, /)", |vm, args| {
        let m = match_of(vm, args.this())?;
        let g = group_arg(vm, &m, args, 1)?;
        span_tuple(vm, &m, g)
    }),
    method("expand", "(self, /, template)", expand),
    method("__copy__", "(self, /)", |_vm, args| Ok(args.this().clone())),
    method("__deepcopy__", "(self, memo, /)", |_vm, args| {
        Ok(args.this().clone())
    }),
    classmethod("__class_getitem__", "(cls, item, /)", |vm, args| {
        krait_vm::builtins::generic_alias::new_alias(
            vm,
            args.this().clone(),
            args.required(1).clone(),
        )
    }),
];
