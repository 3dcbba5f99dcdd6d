//! `re.Pattern`: a compiled regular expression (made by `_sre.compile`
//! from `re._compiler`'s output) and its methods — `match`, `fullmatch`,
//! `search`, `findall`, `finditer`, `split`, `sub`, `subn`, `scanner` —
//! with CPython's empty-match rules (after an empty match the next one
//! must advance), its repr (`re.compile('a+', re.IGNORECASE)`), equality
//! and hash.

use krait_vm::builtins::descriptors::{GetSetDef, readonly};
use krait_vm::builtins::dict::Dict;
use krait_vm::builtins::native::{Args, MethodDef, classmethod, method};
use krait_vm::builtins::slice::index_arg;
use krait_vm::builtins::tuple::Tuple;
use krait_vm::gc::{Payload, Visitor};
use krait_vm::object::{PyCell, Ref};
use krait_vm::types::TypeRef;
use krait_vm::types::slots::CompareOp;
use krait_vm::{PyResult, Value, Vm};

use super::constants::*;
use super::engine::UNSET;
use super::matchobj::{self, Captured};
use super::subject::{EngineOps, Subject, WideCache, clamp, with_engine};
use super::template::{self, Template};

/// The payload of `re.Pattern`.
pub struct Pattern {
    /// The source (`str`, `bytes` or `None`).
    pub pattern: Value,
    /// The flags, including those given inline.
    pub flags: i64,
    /// The compiled code.
    pub code: Box<[u32]>,
    /// The number of capturing groups.
    pub groups: usize,
    /// Group name → number (a dict).
    pub groupindex: Value,
    /// Group number → name or `None` (a tuple).
    pub indexgroup: Value,
    /// Whether the pattern is bytes (`None` when it has no source).
    pub is_bytes: Option<bool>,
    /// The last non-ASCII subject, decoded.
    pub wide_cache: WideCache,
}

impl Payload for Pattern {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.pattern);
        visit.value(&self.groupindex);
        visit.value(&self.indexgroup);
    }
}

/// Creates the `re.Pattern` class.
pub fn make_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let ty = vm.new_builtin_type::<Pattern>("re", "Pattern", None, 0, METHODS)?;
    ty.slots.new.set(Some(|vm, _cls, _args, _kw| {
        Err(vm.type_error("cannot create 're.Pattern' instances".into()))
    }));
    ty.slots.repr.set(Some(repr));
    ty.slots.richcompare.set(Some(compare));
    ty.slots.hash.set(Some(hash));
    vm.add_getsets(&ty, GETSETS)?;
    ty.bump_version();
    Ok(ty)
}

/// The `Pattern` payload of `v`.
pub fn pattern_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<Pattern>> {
    match v.as_object().and_then(|o| o.downcast::<Pattern>()) {
        Some(p) => Ok(p.clone()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 're.Pattern' object but received a '{tn}'"
            )))
        }
    }
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub fn compile(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let pattern = args.required(0).clone();
    let flags = index_arg(vm, args.required(1))?;
    let Some(items) = args
        .required(2)
        .as_object()
        .and_then(|o| o.downcast::<krait_vm::builtins::list::List>())
        .map(|l| l.items.with(|v| v.clone()))
    else {
        let tn = vm.type_name(args.required(2));
        return Err(vm.type_error(format!("compile() argument 'code' must be list, not {tn}")));
    };
    let mut code = Vec::with_capacity(items.len());
    for item in &items {
        let word = index_arg(vm, item)
            .map_err(|_| vm.overflow_error("regular expression code size limit exceeded"))?;
        let word = u32::try_from(word)
            .map_err(|_| vm.overflow_error("regular expression code size limit exceeded"))?;
        code.push(word);
    }
    let groups = index_arg(vm, args.required(3))?;
    let groups = usize::try_from(groups).unwrap_or(0);
    let groupindex = args.required(4).clone();
    if groupindex
        .as_object()
        .and_then(|o| o.downcast::<Dict>())
        .is_none()
    {
        let tn = vm.type_name(&groupindex);
        return Err(vm.type_error(format!(
            "compile() argument 'groupindex' must be dict, not {tn}"
        )));
    }
    let indexgroup = args.required(5).clone();
    if indexgroup
        .as_object()
        .and_then(|o| o.downcast::<Tuple>())
        .is_none()
    {
        let tn = vm.type_name(&indexgroup);
        return Err(vm.type_error(format!(
            "compile() argument 'indexgroup' must be tuple, not {tn}"
        )));
    }
    if !super::validate::validate(&code, groups) {
        return Err(vm.runtime_error("invalid SRE code"));
    }
    let is_bytes = if pattern.is_none() {
        None
    } else if vm.as_str(&pattern).is_some() {
        Some(false)
    } else if krait_vm::builtins::bytes::bytes_like(&pattern).is_some() {
        Some(true)
    } else {
        let tn = vm.type_name(&pattern);
        return Err(vm.type_error(format!("expected string or bytes-like object, got '{tn}'")));
    };
    let class = super::class(vm, |t| &t.pattern)?;
    let p = vm.alloc(
        &class,
        Pattern {
            pattern,
            flags,
            code: code.into_boxed_slice(),
            groups,
            groupindex,
            indexgroup,
            is_bytes,
            wide_cache: PyCell::new(None),
        },
    )?;
    Ok(Value::from_object(p.into_obj()))
}

/// The subject `string` for pattern `p`, checked for kind.
pub fn subject_for(vm: &mut Vm, p: &Pattern, string: &Value) -> PyResult<Subject> {
    let subject = Subject::from_value(vm, string, &p.wide_cache)?;
    match (p.is_bytes, subject.is_bytes()) {
        (Some(false), true) => {
            Err(vm.type_error("cannot use a string pattern on a bytes-like object".into()))
        }
        (Some(true), false) => {
            Err(vm.type_error("cannot use a bytes pattern on a string-like object".into()))
        }
        _ => Ok(subject),
    }
}

/// `pos`/`endpos` arguments, clamped to the subject.
fn bounds(vm: &mut Vm, args: &Args, at: usize, len: usize) -> PyResult<(usize, usize)> {
    let pos = match args.get(at) {
        Some(v) => clamp(index_arg(vm, v)?, len),
        None => 0,
    };
    let endpos = match args.get(at + 1) {
        Some(v) => clamp(index_arg(vm, v)?, len),
        None => len,
    };
    Ok((pos, endpos))
}

/// The groups of the match the engine just found.
pub fn capture(ops: &dyn EngineOps, groups: usize) -> Captured {
    let mut spans = Vec::with_capacity(groups + 1);
    spans.push((ops.start(), ops.end_ptr()));
    for g in 1..=groups {
        spans.push(ops.group_span(g).unwrap_or((UNSET, UNSET)));
    }
    Captured {
        spans,
        lastindex: ops.lastindex(),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

fn match_with(vm: &mut Vm, args: &Args, mode: Mode) -> PyResult<Value> {
    let this = args.this().clone();
    let p = pattern_of(vm, &this)?;
    let string = args.required(1).clone();
    let subject = subject_for(vm, &p, &string)?;
    let (pos, endpos) = bounds(vm, args, 2, subject.len())?;
    let found = with_engine(&subject, &p.code, pos, endpos, &mut |ops| {
        ops.set_match_all(mode == Mode::FullMatch);
        let found = match mode {
            Mode::Search => ops.search(),
            _ => ops.match_here(),
        };
        found.map(|f| f.then(|| capture(ops, p.groups)))
    })
    .map_err(|e| super::engine_error(vm, e))?;
    match found {
        Some(captured) => {
            matchobj::new_match(vm, &this, &p, &string, subject, pos, endpos, captured)
        }
        None => Ok(Value::NONE),
    }
}

/// Runs `each` for every successive non-overlapping match from `pos`
/// (at most `limit`, 0 for all), as `findall`, `split` and `sub` step.
fn for_each_match(
    vm: &mut Vm,
    p: &Pattern,
    subject: &Subject,
    pos: usize,
    endpos: usize,
    limit: usize,
    each: &mut dyn FnMut(&mut Vm, Captured) -> PyResult<()>,
) -> PyResult<()> {
    let mut failure = None;
    let result = with_engine(subject, &p.code, pos, endpos, &mut |ops| {
        let mut n = 0;
        let mut start = pos;
        while start <= endpos && (limit == 0 || n < limit) {
            ops.set_start(start);
            match ops.search() {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(e),
            }
            let captured = capture(ops, p.groups);
            let (b, e) = (ops.start(), ops.end_ptr());
            if let Err(err) = each(vm, captured) {
                failure = Some(err);
                return Ok(());
            }
            n += 1;
            ops.set_must_advance(e == b);
            start = e;
        }
        Ok(())
    });
    if let Err(e) = result {
        return Err(super::engine_error(vm, e));
    }
    match failure {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

/// A group of a captured match as a value (`default` when unmatched).
pub fn group_value(
    vm: &mut Vm,
    subject: &Subject,
    captured: &Captured,
    g: usize,
    default: &Value,
) -> PyResult<Value> {
    match captured.spans.get(g) {
        Some(&(a, b)) if a != UNSET && b != UNSET => subject.slice(vm, a, b),
        _ => Ok(default.clone()),
    }
}

fn findall(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = pattern_of(vm, args.this())?;
    let string = args.required(1).clone();
    let subject = subject_for(vm, &p, &string)?;
    let (pos, endpos) = bounds(vm, args, 2, subject.len())?;
    let empty = subject.empty(vm)?;
    let mut items = Vec::new();
    for_each_match(vm, &p, &subject, pos, endpos, 0, &mut |vm, captured| {
        let item = match p.groups {
            0 => group_value(vm, &subject, &captured, 0, &empty)?,
            1 => group_value(vm, &subject, &captured, 1, &empty)?,
            n => {
                let mut parts = Vec::with_capacity(n);
                for g in 1..=n {
                    parts.push(group_value(vm, &subject, &captured, g, &empty)?);
                }
                vm.new_tuple(parts)?
            }
        };
        items.push(item);
        Ok(())
    })?;
    vm.new_list(items)
}

fn split(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let p = pattern_of(vm, args.this())?;
    let string = args.required(1).clone();
    let subject = subject_for(vm, &p, &string)?;
    let maxsplit = match args.get(2) {
        Some(v) => index_arg(vm, v)?,
        None => 0,
    };
    let len = subject.len();
    let mut items = Vec::new();
    if maxsplit >= 0 {
        let limit = usize::try_from(maxsplit).unwrap_or(usize::MAX);
        let mut last = 0;
        for_each_match(vm, &p, &subject, 0, len, limit, &mut |vm, captured| {
            let (b, e) = captured.whole();
            items.push(subject.slice(vm, last, b)?);
            for g in 1..=p.groups {
                items.push(group_value(vm, &subject, &captured, g, &Value::NONE)?);
            }
            last = e;
            Ok(())
        })?;
        items.push(subject.slice(vm, last, len)?);
    } else {
        items.push(subject.slice(vm, 0, len)?);
    }
    vm.new_list(items)
}

/// What a `sub` replacement is.
enum Replacement {
    Literal(Value),
    Template(Ref<Template>),
    Callable(Value),
}

fn replacement(vm: &mut Vm, this: &Value, repl: &Value) -> PyResult<Replacement> {
    if vm.type_of(repl).slots.call.get().is_some() {
        return Ok(Replacement::Callable(repl.clone()));
    }
    let literal = if let Some(s) = vm.as_str(repl) {
        !s.as_bytes().contains(&b'\\')
    } else if let Some(b) = krait_vm::builtins::bytes::bytes_like(repl) {
        !b.contains(&b'\\')
    } else {
        false
    };
    if literal {
        return Ok(Replacement::Literal(repl.clone()));
    }
    let t = template::compile_template(vm, this, repl)?;
    if t.items.is_empty() {
        return Ok(Replacement::Literal(t.literal.clone()));
    }
    Ok(Replacement::Template(t))
}

fn subx(vm: &mut Vm, args: &Args, with_count: bool) -> PyResult<Value> {
    let this = args.this().clone();
    let p = pattern_of(vm, &this)?;
    let repl = args.required(1).clone();
    let string = args.required(2).clone();
    let count = match args.get(3) {
        Some(v) => index_arg(vm, v)?,
        None => 0,
    };
    let replacement = replacement(vm, &this, &repl)?;
    let subject = subject_for(vm, &p, &string)?;
    let len = subject.len();
    let mut pieces = Vec::new();
    let mut done = 0i64;
    if count >= 0 {
        let limit = usize::try_from(count).unwrap_or(usize::MAX);
        let mut last = 0;
        for_each_match(vm, &p, &subject, 0, len, limit, &mut |vm, captured| {
            let (b, e) = captured.whole();
            if last < b {
                pieces.push(subject.slice(vm, last, b)?);
            }
            match &replacement {
                Replacement::Literal(v) => pieces.push(v.clone()),
                Replacement::Template(t) => {
                    let item = template::expand(vm, t, &subject, &captured, p.groups)?;
                    pieces.push(item);
                }
                Replacement::Callable(f) => {
                    let m = matchobj::new_match(
                        vm,
                        &this,
                        &p,
                        &string,
                        subject.clone(),
                        0,
                        len,
                        captured,
                    )?;
                    let item = vm.call(f, &[m], None)?;
                    if !item.is_none() {
                        pieces.push(item);
                    }
                }
            }
            last = e;
            done += 1;
            Ok(())
        })?;
        if last < len {
            pieces.push(subject.slice(vm, last, len)?);
        }
    } else {
        pieces.push(subject.slice(vm, 0, len)?);
    }
    let joiner = subject.empty(vm)?;
    let joined = if pieces.is_empty() {
        joiner
    } else {
        let join = vm.get_attr_str(&joiner, "join")?;
        let list = vm.new_list(pieces)?;
        vm.call(&join, &[list], None)?
    };
    if with_count {
        vm.new_tuple(vec![joined, Value::from_i64(done)])
    } else {
        Ok(joined)
    }
}

fn repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let p = pattern_of(vm, v)?;
    let mut flags = p.flags;
    if p.is_bytes == Some(false)
        && flags & (FLAG_LOCALE | FLAG_UNICODE | FLAG_ASCII) == FLAG_UNICODE
    {
        flags &= !FLAG_UNICODE;
    }
    let mut names = Vec::new();
    for &(bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("{flags:#x}"));
    }
    let source: String = vm.repr_string(&p.pattern)?.chars().take(200).collect();
    let text = if names.is_empty() {
        format!("re.compile({source})")
    } else {
        format!("re.compile({source}, {})", names.join("|"))
    };
    vm.new_str(&text)
}

fn compare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (
        a.as_object().and_then(|o| o.downcast::<Pattern>()).cloned(),
        b.as_object().and_then(|o| o.downcast::<Pattern>()).cloned(),
    ) else {
        return Ok(vm.not_implemented());
    };
    let mut equal = x.flags == y.flags
        && x.is_bytes == y.is_bytes
        && x.code == y.code
        && vm.eq(&x.pattern, &y.pattern)?;
    if op == CompareOp::Ne {
        equal = !equal;
    }
    Ok(Value::from_bool(equal))
}

fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let p = pattern_of(vm, v)?;
    let mut h = vm.hash(&p.pattern)?;
    let mut code_hash: i64 = 0;
    for &w in p.code.iter() {
        code_hash = code_hash.wrapping_mul(1_000_003).wrapping_add(i64::from(w));
    }
    h ^= code_hash;
    Ok(if h == -1 { -2 } else { h })
}

const GETSETS: &[GetSetDef] = &[
    readonly("pattern", |vm, v| Ok(pattern_of(vm, v)?.pattern.clone())),
    readonly("flags", |vm, v| {
        Ok(Value::from_i64(pattern_of(vm, v)?.flags))
    }),
    readonly("groups", |vm, v| {
        Ok(Value::from_i64(
            i64::try_from(pattern_of(vm, v)?.groups).unwrap_or(i64::MAX),
        ))
    }),
    readonly("groupindex", |vm, v| {
        let p = pattern_of(vm, v)?;
        // A read-only view of the names, or a fresh empty dict when the
        // pattern has none (as CPython, which keeps no empty index).
        match p.groupindex.as_object().and_then(|o| o.downcast::<Dict>()) {
            Some(d) if !d.is_empty() => vm.new_mappingproxy(p.groupindex.clone()),
            _ => vm.new_dict(),
        }
    }),
];

const METHODS: &[MethodDef] = &[
    method(
        "match",
        "(self, /, string, pos=0, endpos=sys.maxsize)",
        |vm, args| match_with(vm, args, Mode::Match),
    ),
    method(
        "fullmatch",
        "(self, /, string, pos=0, endpos=sys.maxsize)",
        |vm, args| match_with(vm, args, Mode::FullMatch),
    ),
    method(
        "search",
        "(self, /, string, pos=0, endpos=sys.maxsize)",
        |vm, args| match_with(vm, args, Mode::Search),
    ),
    method(
        "findall",
        "(self, /, string, pos=0, endpos=sys.maxsize)",
        findall,
    ),
    method(
        "finditer",
        "(self, /, string, pos=0, endpos=sys.maxsize)",
        |vm, args| {
            let scanner = super::scanner::new_scanner(vm, args)?;
            let search = vm.get_attr_str(&scanner, "search")?;
            krait_vm::builtins::iterators::new_callable_iter(vm, search, Value::NONE)
        },
    ),
    method(
        "scanner",
        "(self, /, string, pos=0, endpos=sys.maxsize)",
        super::scanner::new_scanner,
    ),
    method("split", "(self, /, string, maxsplit=0)", split),
    method("sub", "(self, /, repl, string, count=0)", |vm, args| {
        subx(vm, args, false)
    }),
    method("subn", "(self, /, repl, string, count=0)", |vm, args| {
        subx(vm, args, true)
    }),
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
