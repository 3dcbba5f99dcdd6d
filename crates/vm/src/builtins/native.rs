//! Native functions and methods: the ONE declaration of a builtin's
//! signature, and the one argument parser for all of them.
//!
//! A builtin is declared as a [`MethodDef`]: its name, a text signature in
//! the style of CPython's `__text_signature__` (`"(self, key, default=None, /)"`;
//! `/` ends positional-only parameters, a bare `*` starts keyword-only ones,
//! `*args`/`**kwargs` collect extras, `=…` marks a parameter optional — its
//! default is applied by the function, which sees it absent) and a Rust
//! function taking the parsed [`Args`]. Signatures are parsed once, when the
//! type or module is set up; calls bind arguments through
//! [`Signature::bind`], which produces CPython's `TypeError` messages.

use crate::builtins::descriptors::{GetSetDef, getter, readonly};
use crate::builtins::dict::Dict;
use crate::builtins::list::List;
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeRef;
use crate::value::Value;

/// A native function body.
pub type NativeFn = fn(&mut Vm, &Args) -> PyResult<Value>;

/// The body of a builtin whose signature is exactly one required
/// positional-only parameter (`self` counted): CPython's `METH_O` (or
/// `METH_NOARGS` for a method). It takes the argument itself.
pub type NativeFn1 = fn(&mut Vm, &Value) -> PyResult<Value>;

/// The body of a builtin whose signature is exactly two required
/// positional-only parameters (`self` counted), as `list.append`.
pub type NativeFn2 = fn(&mut Vm, &Value, &Value) -> PyResult<Value>;

/// How a native body takes its arguments.
#[derive(Clone, Copy)]
pub enum NativeBody {
    /// Bound arguments, for any signature.
    Args(NativeFn),
    /// Exactly one argument ([`NativeFn1`]).
    Exact1(NativeFn1),
    /// Exactly two arguments ([`NativeFn2`]).
    Exact2(NativeFn2),
}

impl NativeBody {
    /// Runs the body on bound arguments (of a call of any shape that the
    /// signature accepted: a fixed-arity body's parameters are all there).
    pub fn call(self, vm: &mut Vm, args: &Args) -> PyResult<Value> {
        match self {
            NativeBody::Args(func) => func(vm, args),
            NativeBody::Exact1(func) => func(vm, args.required(0)),
            NativeBody::Exact2(func) => func(vm, args.required(0), args.required(1)),
        }
    }

    /// How many arguments a fixed-arity body takes.
    fn arity(self) -> Option<usize> {
        match self {
            NativeBody::Args(_) => None,
            NativeBody::Exact1(_) => Some(1),
            NativeBody::Exact2(_) => Some(2),
        }
    }
}

/// How a native method binds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MethodKind {
    /// An instance method (first parameter `self`), or a plain function.
    Method,
    /// A class method (first parameter `cls`).
    Class,
    /// A static method.
    Static,
}

/// The declaration of one builtin function or method.
pub struct MethodDef {
    /// `__name__`.
    pub name: &'static str,
    /// The text signature.
    pub signature: &'static str,
    /// The body.
    pub body: NativeBody,
    /// How it binds.
    pub kind: MethodKind,
    /// Whether it exposes a slot (`__add__`, `__init__`): shown as a
    /// `wrapper_descriptor` on the type and a `method-wrapper` when bound,
    /// as CPython's slot wrappers.
    pub slot_wrapper: bool,
    /// Whether the eval loop's native-call path may answer its commonest
    /// call inline (see [`Intrinsic`]).
    pub intrinsic: Intrinsic,
}

/// A builtin whose commonest call the eval loop answers without entering
/// the body (CPython's `CALL_LEN`, `CALL_LIST_APPEND`, `CALL_ISINSTANCE`
/// specializations). Each case in [`call_intrinsic`] is guarded to inputs
/// where the answer is exactly the body's and runs no Python code; every
/// other call runs the body as usual.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Intrinsic {
    /// Nothing special.
    None,
    /// `len(obj)`.
    Len,
    /// `list.append(self, object)`.
    ListAppend,
    /// `isinstance(obj, class)`.
    IsInstance,
    /// `set.add(self, object)`.
    SetAdd,
    /// `set.discard(self, object)`.
    SetDiscard,
    /// `list.pop(self)` without an index.
    ListPop,
    /// `dict.get(self, key[, default])`.
    DictGet,
}

impl MethodDef {
    /// The same declaration, marked as [`Intrinsic`] `which`.
    pub const fn with_intrinsic(self, which: Intrinsic) -> MethodDef {
        MethodDef {
            intrinsic: which,
            ..self
        }
    }

    /// Its parsed signature; a fixed-arity body must fit it (see
    /// [`Signature::accepts`]), which a debug build checks.
    pub fn parse_signature(&self) -> Signature {
        let mut signature = Signature::parse(self.signature);
        signature.clinic_counts =
            !signature.varargs && !signature.varkw && signature.posonly == signature.params.len();
        debug_assert!(
            signature.accepts(self.body),
            "{}: body arity does not fit {}",
            self.name,
            self.signature
        );
        signature
    }
}

/// Declares an instance method (or a module-level function).
pub const fn method(name: &'static str, signature: &'static str, func: NativeFn) -> MethodDef {
    MethodDef {
        name,
        signature,
        body: NativeBody::Args(func),
        kind: MethodKind::Method,
        slot_wrapper: false,
        intrinsic: Intrinsic::None,
    }
}

/// Declares a function or instance method whose signature is exactly
/// one required positional-only parameter (`"(obj, /)"`, `"(self, /)"`),
/// with a body that takes that argument directly.
pub const fn method_1(name: &'static str, signature: &'static str, func: NativeFn1) -> MethodDef {
    MethodDef {
        name,
        signature,
        body: NativeBody::Exact1(func),
        kind: MethodKind::Method,
        slot_wrapper: false,
        intrinsic: Intrinsic::None,
    }
}

/// Declares a function or instance method whose signature is exactly two
/// required positional-only parameters (`"(self, object, /)"`), with a
/// body that takes them directly.
pub const fn method_2(name: &'static str, signature: &'static str, func: NativeFn2) -> MethodDef {
    MethodDef {
        name,
        signature,
        body: NativeBody::Exact2(func),
        kind: MethodKind::Method,
        slot_wrapper: false,
        intrinsic: Intrinsic::None,
    }
}

/// Declares the method exposing a slot (see [`MethodDef::slot_wrapper`]).
pub const fn slot_method(name: &'static str, signature: &'static str, func: NativeFn) -> MethodDef {
    MethodDef {
        name,
        signature,
        body: NativeBody::Args(func),
        kind: MethodKind::Method,
        slot_wrapper: true,
        intrinsic: Intrinsic::None,
    }
}

/// Declares a class method.
pub const fn classmethod(name: &'static str, signature: &'static str, func: NativeFn) -> MethodDef {
    MethodDef {
        name,
        signature,
        body: NativeBody::Args(func),
        kind: MethodKind::Class,
        slot_wrapper: false,
        intrinsic: Intrinsic::None,
    }
}

/// Declares a static method.
pub const fn staticmethod(
    name: &'static str,
    signature: &'static str,
    func: NativeFn,
) -> MethodDef {
    MethodDef {
        name,
        signature,
        body: NativeBody::Args(func),
        kind: MethodKind::Static,
        slot_wrapper: false,
        intrinsic: Intrinsic::None,
    }
}

/// One parameter.
#[derive(Clone, Debug)]
struct Param {
    name: Box<str>,
    optional: bool,
}

/// A parsed signature.
#[derive(Clone, Debug, Default)]
pub struct Signature {
    /// Positional-only and positional-or-keyword parameters, then keyword-only.
    params: Vec<Param>,
    /// How many of `params` are positional-only.
    posonly: usize,
    /// How many of `params` may be passed by position.
    positional: usize,
    /// Slot of `*args` (after `params`), if any.
    varargs: bool,
    /// Whether `**kwargs` exists.
    varkw: bool,
    /// Whether the first parameter is the bound `self`/`cls`.
    bound: bool,
    /// How many leading parameters a call must give so that every one
    /// left out is optional (one past the last required parameter).
    leading_required: usize,
    /// The positional argument counts that bind by position alone (see
    /// [`Signature::binds_by_position`]), `fast_min..=fast_max`: empty
    /// when the signature collects `*args`.
    fast_min: usize,
    fast_max: usize,
    /// Whether a call without keywords binds by borrowing its arguments
    /// even though the signature collects `*args` (see
    /// [`Signature::binds_with_varargs`]).
    borrows_varargs: bool,
    /// Whether a wrong positional count is worded as Argument Clinic's
    /// `_PyArg_CheckPositional` (`"pop expected at most 1 argument, got
    /// 2"`): set for declared builtins (see [`MethodDef::parse_signature`])
    /// whose parameters are all positional-only, as CPython's are.
    clinic_counts: bool,
}

/// A signature parsed on first use and kept for the life of the process
/// (`&'static Signature`): for native bodies that bind their own arguments
/// (constructors and the like), which would otherwise parse the text on
/// every call.
#[macro_export]
macro_rules! static_signature {
    ($text:expr) => {{
        static SIGNATURE: std::sync::LazyLock<$crate::builtins::native::Signature> =
            std::sync::LazyLock::new(|| $crate::builtins::native::Signature::parse($text));
        &*SIGNATURE
    }};
}

impl Signature {
    /// Parses a text signature like `"(self, x, /, *, key=None)"`.
    pub fn parse(text: &str) -> Signature {
        let inner = text.trim().trim_start_matches('(').trim_end_matches(')');
        let mut sig = Signature::default();
        let mut keyword_only = false;
        for raw in inner.split(',') {
            let part = raw.trim();
            if part.is_empty() {
                continue;
            }
            if part == "/" {
                sig.posonly = sig.params.len();
                continue;
            }
            if part == "*" {
                keyword_only = true;
                sig.positional = sig.params.len();
                continue;
            }
            if let Some(_name) = part.strip_prefix("**") {
                sig.varkw = true;
                continue;
            }
            if let Some(_name) = part.strip_prefix('*') {
                sig.varargs = true;
                keyword_only = true;
                sig.positional = sig.params.len();
                continue;
            }
            let (name, optional) = match part.split_once('=') {
                Some((n, _)) => (n.trim(), true),
                None => (part, false),
            };
            // `$module` (CPython's spelling) binds a module function's
            // module, so that its own first parameter may be named `self`.
            if sig.params.is_empty()
                && (name == "self" || name == "cls" || name == "$self" || name == "$module")
            {
                sig.bound = true;
            }
            sig.params.push(Param {
                name: name.trim_start_matches('$').into(),
                optional,
            });
            if !optional {
                sig.leading_required = sig.params.len();
            }
            if !keyword_only {
                sig.positional = sig.params.len();
            }
        }
        // A `**kwargs` parameter does not stop a call without keywords from
        // borrowing: it binds nothing there, and the bodies read a missing
        // dict ([`Args::kwargs`] `None`) as an empty one.
        sig.borrows_varargs = sig.varargs && sig.leading_required <= sig.positional;
        (sig.fast_min, sig.fast_max) = if sig.varargs {
            (1, 0)
        } else {
            (sig.leading_required, sig.positional)
        };
        sig
    }

    /// Whether the first parameter is the bound `self`/`cls` (or module)
    /// of a builtin function object, which the caller does not pass.
    #[inline(always)]
    pub(crate) fn binds_self(&self) -> bool {
        self.bound
    }

    /// Whether `count` positional arguments and nothing else bind by
    /// position alone: none too many, every parameter left out optional
    /// (a `**kwargs` parameter gets nothing: see [`Args::kwargs`]).
    #[inline]
    fn binds_by_position(&self, count: usize) -> bool {
        self.fast_min <= count && count <= self.fast_max
    }

    /// Whether `count` positional arguments and nothing else bind to a
    /// signature with `*args` by splitting them: the first ones fill the
    /// positional parameters (every one left out optional), the rest are
    /// `*args`, and no keyword-only parameter is required (CPython's
    /// `METH_FASTCALL`: `print(a, b)`, `max(x, y)` build no tuple, nor
    /// does `super().__init__(*args)` of `(self, /, *args, **kwargs)`).
    #[inline]
    fn binds_with_varargs(&self, count: usize) -> bool {
        self.borrows_varargs && count >= self.leading_required
    }

    /// Whether a body of this shape can serve this signature: a
    /// fixed-arity body only one that binds exactly its arity by position
    /// (so that the callers' count match is the whole binding).
    pub fn accepts(&self, body: NativeBody) -> bool {
        match body.arity() {
            None => true,
            Some(n) => self.fast_min == n && self.fast_max == n,
        }
    }

    /// Binds a call's arguments. `args` includes `self` for bound methods;
    /// the last `kwnames.len()` of them are keyword values. The common call
    /// (positional arguments that bind by position alone) borrows `args`.
    #[inline]
    pub fn bind<'a>(
        &self,
        vm: &mut Vm,
        name: &str,
        args: &'a [Value],
        kwnames: Option<&Ref<Tuple>>,
    ) -> PyResult<Args<'a>> {
        if self.binds_borrowed(args.len(), kwnames) {
            return Ok(Args::new(Slots::Borrowed(args)));
        }
        self.bind_general(vm, name, None, args, kwnames)
    }

    /// Whether a call with `count` arguments (keywords among them, named
    /// by `kwnames`) binds by borrowing them.
    #[inline]
    fn binds_borrowed(&self, count: usize, kwnames: Option<&Ref<Tuple>>) -> bool {
        kwnames.is_none_or(|k| k.items().is_empty()) && self.binds_by_position(count)
    }

    /// [`bind`](Self::bind) for a builtin bound to `this`, which goes
    /// before `args` — borrowed too, without building a joined argument list.
    #[inline]
    pub fn bind_with_self<'a>(
        &self,
        vm: &mut Vm,
        name: &str,
        this: &'a Value,
        args: &'a [Value],
        kwnames: Option<&Ref<Tuple>>,
    ) -> PyResult<Args<'a>> {
        if self.binds_borrowed(args.len() + 1, kwnames) {
            return Ok(Args::new(Slots::WithSelf(this, args)));
        }
        self.bind_general(vm, name, Some(this), args, kwnames)
    }

    /// Binds any call (keywords, `*args`, `**kwargs`, missing or extra
    /// arguments): the parameters' values are copied into owned slots,
    /// keyword values straight from `args` as `kwnames` names them (no
    /// dictionary unless `**kwargs` collects some), and the `*args` are
    /// borrowed from `args`. `this`, if given, is the bound `self` before
    /// `args`.
    fn bind_general<'a>(
        &self,
        vm: &mut Vm,
        name: &str,
        this: Option<&'a Value>,
        args: &'a [Value],
        kwnames: Option<&Ref<Tuple>>,
    ) -> PyResult<Args<'a>> {
        let nkw = kwnames.map_or(0, |k| k.items().len());
        // Positional arguments the caller passed (without `this`).
        let given = args.len() - nkw.min(args.len());
        let skip = usize::from(this.is_some());
        let npos = given + skip;
        let shown = if self.bound {
            npos.saturating_sub(1)
        } else {
            npos
        };
        let mut values: ArgSlots = smallvec::smallvec![None; self.params.len()];
        if npos > self.positional && !self.varargs {
            let max = if self.bound {
                self.positional - 1
            } else {
                self.positional
            };
            let min = self.params[..self.positional]
                .iter()
                .filter(|p| !p.optional)
                .count()
                .saturating_sub(usize::from(self.bound));
            let message = if max == 0 {
                format!("{name}() takes no arguments ({shown} given)")
            } else if max == 1 && min == 1 && self.posonly >= self.positional {
                format!("{name}() takes exactly one argument ({shown} given)")
            } else if self.clinic_counts {
                clinic_count_message(name, min, max, shown)
            } else if min == max {
                format!(
                    "{name}() takes exactly {max} positional argument{} ({shown} given)",
                    plural(max)
                )
            } else {
                format!(
                    "{name}() takes at most {max} argument{} ({shown} given)",
                    plural(max)
                )
            };
            return Err(vm.type_error(message));
        }
        let positional = this.into_iter().chain(&args[..given]);
        for (slot, arg) in values.iter_mut().zip(positional.take(self.positional)) {
            *slot = Some(arg.clone());
        }
        // The positional arguments past the named ones (`*args`), borrowed
        // unless the bound `self` is among them.
        let varargs = if !self.varargs {
            Varargs::Borrowed(&[])
        } else if self.positional >= skip {
            Varargs::Borrowed(args.get(self.positional - skip..given).unwrap_or(&[]))
        } else {
            let all: Vec<Value> = this.into_iter().chain(&args[..given]).cloned().collect();
            Varargs::Tuple(vm.new_tuple_from_slice(all.get(self.positional..).unwrap_or(&[]))?)
        };
        let mut kwargs: Option<Ref<Dict>> = None;
        if let Some(names) = kwnames {
            if nkw > 0 && self.params.is_empty() && !self.varkw {
                return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
            }
            for (k, key) in names.items().iter().enumerate() {
                let value = &args[given + k];
                let text = vm.as_str(key).map(|s| s.as_bytes()).unwrap_or_default();
                let slot = self.params.iter().position(|p| p.name.as_bytes() == text);
                match slot {
                    Some(i) if i >= self.posonly => {
                        if values[i].is_some() {
                            let key_str = key_text_of(vm, key);
                            return Err(vm.type_error(format!(
                                "argument for {}() given by name ('{key_str}') and position ({})",
                                short_name(name),
                                i + 1 - usize::from(self.bound)
                            )));
                        }
                        values[i] = Some(value.clone());
                    }
                    _ if self.varkw => {
                        let dict = match &kwargs {
                            Some(d) => d.clone(),
                            None => {
                                let d = vm.new_dict_ref()?;
                                kwargs = Some(d.clone());
                                d
                            }
                        };
                        Dict::set_item(vm, &dict, key.clone(), value.clone())?;
                    }
                    // Every parameter positional-only: any keyword at all
                    // is refused, as CPython words it.
                    _ if self.posonly == self.params.len() => {
                        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
                    }
                    _ => {
                        let key_str = key_text_of(vm, key);
                        return Err(vm.type_error(format!(
                            "{}() got an unexpected keyword argument '{key_str}'",
                            short_name(name)
                        )));
                    }
                }
            }
        }
        for (i, p) in self.params.iter().enumerate() {
            if values[i].is_none() && !p.optional {
                let message = if i < self.posonly {
                    let max = self.positional - usize::from(self.bound);
                    let min = self.params[..self.positional]
                        .iter()
                        .filter(|p| !p.optional)
                        .count()
                        - usize::from(self.bound);
                    if max == 1 && min == 1 {
                        format!("{name}() takes exactly one argument ({shown} given)")
                    } else if self.clinic_counts {
                        clinic_count_message(name, min, max, shown)
                    } else if min == max {
                        format!("{name}() takes exactly {max} arguments ({shown} given)")
                    } else {
                        format!(
                            "{name}() takes at least {min} argument{} ({shown} given)",
                            plural(min)
                        )
                    }
                } else {
                    format!(
                        "{name}() missing required argument '{}' (pos {})",
                        p.name,
                        i + 1 - usize::from(self.bound)
                    )
                };
                return Err(vm.type_error(message));
            }
        }
        // No `**kwargs` collected: left out, which the bodies read as an
        // empty dict (see [`Args::kwargs`]).
        let kwargs = kwargs.map(|d| Value::from_object(d.into_obj()));
        Ok(Args::new(Slots::Owned {
            values,
            varargs,
            kwargs,
        }))
    }
}

/// A builtin's name without its type or module (`split` for `str.split`),
/// as the messages about keyword arguments name it.
fn short_name(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

/// The text of keyword name `key`, for a message.
fn key_text_of(vm: &Vm, key: &Value) -> String {
    vm.as_str(key)
        .map(|s| s.as_lossy().into_owned())
        .unwrap_or_default()
}

/// Argument Clinic's message for `shown` positional arguments outside
/// `min..=max`, naming the builtin without its type (`"insert expected 2
/// arguments, got 0"`, `"get expected at most 2 arguments, got 3"`).
fn clinic_count_message(name: &str, min: usize, max: usize, shown: usize) -> String {
    let short = short_name(name);
    let (bound, n) = if min == max {
        ("", max)
    } else if shown > max {
        ("at most ", max)
    } else {
        ("at least ", min)
    };
    format!(
        "{short} expected {bound}{n} argument{}, got {shown}",
        plural(n)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Owned bound parameter values: inline for the usual few parameters.
type ArgSlots = smallvec::SmallVec<[Option<Value>; 4]>;

/// Where a native call's parameter values are.
enum Slots<'a> {
    /// The caller's arguments, one per leading parameter (the common call:
    /// positional arguments only, the rest of the parameters left out).
    Borrowed(&'a [Value]),
    /// The same for a bound builtin: its `self`, then the caller's arguments.
    WithSelf(&'a Value, &'a [Value]),
    /// The caller's positional arguments split into the positional
    /// parameters and the `*args` (a call without keywords of a signature
    /// with `*args`: see [`Signature::binds_with_varargs`]).
    Split(&'a [Value], &'a [Value]),
    /// Values bound by the general path, one per parameter, with the
    /// `*args` and the `**kwargs` dict (when any keyword went there).
    Owned {
        values: ArgSlots,
        varargs: Varargs<'a>,
        kwargs: Option<Value>,
    },
}

/// The `*args` of a call bound by the general path.
enum Varargs<'a> {
    /// The caller's arguments past the positional parameters.
    Borrowed(&'a [Value]),
    /// A tuple of them (the bound `self` among them).
    Tuple(Value),
}

/// The bound arguments of a native call, by parameter position. Borrows
/// the caller's arguments when it can (no copy, no reference counting).
pub struct Args<'a> {
    slots: Slots<'a>,
    /// What [`Args::required`] shows for a parameter left out: an inline
    /// `None`, which owns nothing, so it is never dropped.
    none: std::mem::ManuallyDrop<Value>,
}

impl<'a> Args<'a> {
    /// Arguments in `slots`.
    #[inline]
    fn new(slots: Slots<'a>) -> Args<'a> {
        Args {
            slots,
            none: std::mem::ManuallyDrop::new(Value::NONE),
        }
    }

    /// Borrowed arguments, which own nothing: never dropped, so that no
    /// drop code runs after the call.
    #[inline]
    fn borrowed(slots: Slots<'a>) -> std::mem::ManuallyDrop<Args<'a>> {
        debug_assert!(!matches!(slots, Slots::Owned { .. }));
        std::mem::ManuallyDrop::new(Args::new(slots))
    }

    /// Binds `args` to a list of positional-only parameter names, the
    /// first `required` of which must be given (for slots such as `__new__`).
    pub fn parse(
        vm: &mut Vm,
        name: &str,
        params: &[&str],
        required: usize,
        args: &'a [Value],
        kwnames: Option<&Ref<Tuple>>,
    ) -> PyResult<Args<'a>> {
        // What the signature built below would bind by position alone,
        // without building it.
        if kwnames.is_none_or(|k| k.items().is_empty())
            && required <= args.len()
            && args.len() <= params.len()
        {
            return Ok(Args::new(Slots::Borrowed(args)));
        }
        let mut text = String::from("(");
        for (i, p) in params.iter().enumerate() {
            text.push_str(p);
            if i >= required {
                text.push_str("=None");
            }
            text.push_str(", ");
        }
        text.push_str("/)");
        Signature::parse(&text).bind(vm, name, args, kwnames)
    }

    /// [`parse`](Self::parse) with Argument Clinic's messages for too few
    /// or too many positional arguments (`"bool expected at most 1
    /// argument, got 2"`), as the constructors CPython generates with
    /// `_PyArg_CheckPositional` report them.
    pub fn parse_positional(
        vm: &mut Vm,
        name: &str,
        params: &[&str],
        required: usize,
        args: &'a [Value],
        kwnames: Option<&Ref<Tuple>>,
    ) -> PyResult<Args<'a>> {
        let npos = args.len() - kwnames.map_or(0, |k| k.items().len()).min(args.len());
        let max = params.len();
        if npos > max || npos < required {
            let expected = if required == max {
                format!("{max}")
            } else if npos > max {
                format!("at most {max}")
            } else {
                format!("at least {required}")
            };
            let bound = if npos > max { max } else { required };
            return Err(vm.type_error(format!(
                "{name} expected {expected} argument{}, got {npos}",
                plural(bound)
            )));
        }
        Args::parse(vm, name, params, required, args, kwnames)
    }

    /// Parameter `i`, if given.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Value> {
        match &self.slots {
            Slots::Borrowed(args) => args.get(i),
            Slots::WithSelf(this, args) => match i.checked_sub(1) {
                None => Some(this),
                Some(j) => args.get(j),
            },
            Slots::Split(head, _) => head.get(i),
            Slots::Owned { values, .. } => values.get(i).and_then(Option::as_ref),
        }
    }

    /// Parameter `i`, which the signature makes required.
    #[inline]
    pub fn required(&self, i: usize) -> &Value {
        self.get(i).unwrap_or(&self.none)
    }

    /// The bound `self` (parameter 0).
    #[inline]
    pub fn this(&self) -> &Value {
        self.required(0)
    }

    /// The `*args` values.
    pub fn varargs(&self) -> &[Value] {
        if let Slots::Split(_, rest) = &self.slots {
            return rest;
        }
        match &self.slots {
            Slots::Owned {
                varargs: Varargs::Borrowed(rest),
                ..
            } => rest,
            Slots::Owned {
                varargs: Varargs::Tuple(t),
                ..
            } => match t.as_object().and_then(|o| o.downcast::<Tuple>()) {
                Some(t) => t.items(),
                None => &[],
            },
            _ => &[],
        }
    }

    /// The `**kwargs` dict, if the signature has one and the call was bound
    /// by the general binder. A call without keywords binds by borrowing
    /// and has none: `None` stands for an empty dict, and every body reads
    /// it so.
    pub fn kwargs(&self) -> Option<&Value> {
        match &self.slots {
            Slots::Owned { kwargs, .. } => kwargs.as_ref(),
            _ => None,
        }
    }
}

/// A builtin function object, possibly bound to `self` (CPython's
/// `builtin_function_or_method`).
pub struct BuiltinFunction {
    /// The declaration.
    pub def: &'static MethodDef,
    /// Its parsed signature (shared with the method descriptor it was
    /// bound from).
    pub signature: std::rc::Rc<Signature>,
    /// The bound `self` (or module), if any.
    pub this: Option<Value>,
    /// The name used in messages (`list.append`, `len`).
    pub qualname: std::rc::Rc<str>,
}

impl BuiltinFunction {
    /// Its [`Intrinsic`], for a call whose arguments are all the body
    /// gets: a bound builtin's `self` is not among the caller's
    /// arguments, so none of those has one.
    pub(crate) fn intrinsic(&self) -> Intrinsic {
        if self.signature.bound {
            Intrinsic::None
        } else {
            self.def.intrinsic
        }
    }
}

/// A method of a builtin type as found in the type's dict (CPython's
/// `method_descriptor`/`classmethod_descriptor`).
pub struct MethodDescriptor {
    /// The declaration.
    pub def: &'static MethodDef,
    /// Its parsed signature.
    pub signature: std::rc::Rc<Signature>,
    /// The type defining it.
    pub owner: TypeRef,
    /// `type.name`.
    pub qualname: std::rc::Rc<str>,
}

impl Vm {
    /// A builtin function from its declaration, bound to `this` if given
    /// (a `method-wrapper` when the declaration is a slot wrapper, as
    /// `(1).__add__`).
    pub fn new_builtin_function(
        &mut self,
        def: &'static MethodDef,
        this: Option<Value>,
        qualname: &str,
    ) -> PyResult<Value> {
        let signature = std::rc::Rc::new(def.parse_signature());
        self.new_bound_builtin(def, signature, this, qualname.into())
    }

    /// [`new_builtin_function`](Self::new_builtin_function) with the
    /// signature already parsed (binding a method descriptor shares its
    /// own: binding happens on every `obj.method` that is not called at
    /// once, and on `super().method`).
    pub fn new_bound_builtin(
        &mut self,
        def: &'static MethodDef,
        signature: std::rc::Rc<Signature>,
        this: Option<Value>,
        qualname: std::rc::Rc<str>,
    ) -> PyResult<Value> {
        let class = if this.is_some() && def.slot_wrapper {
            self.types.method_wrapper.clone()
        } else {
            self.types.builtin_function.clone()
        };
        let f = self.alloc(
            &class,
            BuiltinFunction {
                def,
                signature,
                this,
                qualname,
            },
        )?;
        Ok(Value::from_object(f.into_obj()))
    }

    /// Adds `methods` to `owner`'s dict as method descriptors (slot
    /// wrappers as `wrapper_descriptor`s).
    pub fn add_methods(&mut self, owner: &TypeRef, methods: &'static [MethodDef]) -> PyResult<()> {
        for def in methods {
            let qualname = format!("{}.{}", owner.name, def.name);
            let class = if def.slot_wrapper {
                self.types.wrapper_descriptor.clone()
            } else {
                self.types.method_descriptor.clone()
            };
            let descr = self.alloc(
                &class,
                MethodDescriptor {
                    def,
                    signature: std::rc::Rc::new(def.parse_signature()),
                    owner: owner.clone(),
                    qualname: qualname.into(),
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
}

/// Calls a builtin function object. The caller keeps `callable` alive
/// for the call, so nothing here takes a reference to it.
pub fn call_builtin(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let Some(f) = callable
        .as_object()
        .and_then(|o| o.downcast::<BuiltinFunction>())
    else {
        return Err(vm.type_error("expected a builtin function".into()));
    };
    call_builtin_function(vm, f, args, kwnames)
}

/// [`call_builtin`] on the function's payload (for callers that have
/// already looked at the callable's type). Not inlined: the eval loop
/// calls it, and inlined there it cost every other instruction spills.
///
/// The common calls (positional arguments that bind by position alone)
/// run here without copying anything; every other call — keywords,
/// `*args`, wrong argument counts — binds in [`call_builtin_bound`].
#[inline(never)]
pub(crate) fn call_builtin_function(
    vm: &mut Vm,
    f: &BuiltinFunction,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let sig = &*f.signature;
    // The bound `self` goes before the caller's arguments.
    let this = if sig.bound { f.this.as_ref() } else { None };
    if kwnames.is_none_or(|k| k.items().is_empty()) {
        // A fixed-arity body's signature binds exactly its arity by
        // position (checked where it is declared, `accepts`), so matching
        // the count is the whole binding. The borrowed `Args` are built
        // where they are used: returned through a `PyResult` they were
        // copied, and that copy cost more than the binding.
        match (f.def.body, this, args) {
            (body, None, _) => {
                if let Some(result) = call_positional(vm, body, sig, args) {
                    return result;
                }
            }
            (NativeBody::Exact1(func), Some(a), []) => return run_native(vm, |vm| func(vm, a)),
            (NativeBody::Exact2(func), Some(a), [b]) => {
                return run_native(vm, |vm| func(vm, a, b));
            }
            (NativeBody::Args(func), Some(this), _) if sig.binds_by_position(args.len() + 1) => {
                let bound = Args::borrowed(Slots::WithSelf(this, args));
                return run_native(vm, |vm| func(vm, &bound));
            }
            _ => {}
        }
    }
    call_builtin_bound(vm, f, this, args, kwnames)
}

/// THE positional entry of a native body: runs `body` (whose parsed
/// signature is `sig`) on `args` — the call's positional arguments, a
/// method's `self` first, no keywords — when they bind by position alone:
/// a fixed-arity body given exactly its count takes them directly (its
/// signature binds exactly that count, checked where it is declared:
/// [`Signature::accepts`]), any other body borrows them as [`Args`]. `None`
/// when the call needs the general binder (which also words the errors).
/// Both general call paths and the eval loop's specialized call sites
/// (`runtime/call_site.rs`) call bodies through here.
#[inline(always)]
pub(crate) fn call_positional(
    vm: &mut Vm,
    body: NativeBody,
    sig: &Signature,
    args: &[Value],
) -> Option<PyResult<Value>> {
    // The borrowed `Args` are built where they are used: returned through
    // a `PyResult` they were copied, and that copy cost more than the
    // binding.
    match (body, args) {
        (NativeBody::Exact1(func), [a]) => Some(run_native(vm, |vm| func(vm, a))),
        (NativeBody::Exact2(func), [a, b]) => Some(run_native(vm, |vm| func(vm, a, b))),
        (NativeBody::Args(func), _) if sig.binds_by_position(args.len()) => {
            let bound = Args::borrowed(Slots::Borrowed(args));
            Some(run_native(vm, |vm| func(vm, &bound)))
        }
        (NativeBody::Args(func), _) if sig.binds_with_varargs(args.len()) => {
            let (head, rest) = args.split_at(sig.positional.min(args.len()));
            let bound = Args::borrowed(Slots::Split(head, rest));
            Some(run_native(vm, |vm| func(vm, &bound)))
        }
        _ => None,
    }
}

/// [`call_builtin_function`] for the calls that need the general binder
/// (out of line: its owned slots would make every call's frame larger).
#[cold]
#[inline(never)]
fn call_builtin_bound(
    vm: &mut Vm,
    f: &BuiltinFunction,
    this: Option<&Value>,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let sig = &*f.signature;
    let bound = match this {
        Some(this) => sig.bind_with_self(vm, &f.qualname, this, args, kwnames)?,
        None => sig.bind(vm, &f.qualname, args, kwnames)?,
    };
    let body = f.def.body;
    run_native(vm, |vm| body.call(vm, &bound))
}

/// The answer of intrinsic `which` (see [`Intrinsic`]) for `args` (the
/// call's arguments, a method's `self` first), or `None` when the call
/// must run the body: a guard failed (a subclass, another type, a
/// different argument count, a list being changed elsewhere).
#[inline(never)]
pub(crate) fn call_intrinsic(vm: &Vm, which: Intrinsic, args: &[Value]) -> Option<Value> {
    intrinsic_answer(vm, which, args)
}

/// [`call_intrinsic`] inlined into its caller: for the eval loop's
/// specialized call sites (`runtime/call_site.rs`), where the call and
/// its register saves cost as much as the answer.
#[inline(always)]
pub(crate) fn intrinsic_answer(vm: &Vm, which: Intrinsic, args: &[Value]) -> Option<Value> {
    match (which, args) {
        // Exact lists and tuples only: a subclass may define `__len__`.
        (Intrinsic::Len, [obj]) => {
            let object = obj.as_object()?;
            let class = object.class();
            let n = if class.same(&vm.types.list) {
                object
                    .downcast::<List>()?
                    .items
                    .try_with(|items| items.len())?
            } else if class.same(&vm.types.tuple) {
                object.downcast::<Tuple>()?.items().len()
            } else {
                return None;
            };
            Some(Value::from_i64(i64::try_from(n).ok()?))
        }
        // An exact list (the descriptor's type check is then passed).
        (Intrinsic::ListAppend, [this, object]) => {
            let list = this.as_object()?;
            if !list.class().same(&vm.types.list) {
                return None;
            }
            list.downcast::<List>()?
                .items
                .try_with(|items| List::push(items, object.clone()))?;
            Some(Value::NONE)
        }
        (Intrinsic::SetAdd, [this, object]) => {
            crate::builtins::set::add_intrinsic(vm, this, object)
        }
        (Intrinsic::SetDiscard, [this, object]) => {
            crate::builtins::set::discard_intrinsic(vm, this, object)
        }
        (Intrinsic::ListPop, [this]) => crate::builtins::list::pop_intrinsic(vm, this),
        (Intrinsic::DictGet, [this, key]) => {
            crate::builtins::dict::get_intrinsic(vm, this, key, &Value::NONE)
        }
        (Intrinsic::DictGet, [this, key, default]) => {
            crate::builtins::dict::get_intrinsic(vm, this, key, default)
        }
        // An object of exactly the class asked about: true whatever the
        // class (`isinstance` answers so before any `__instancecheck__`).
        (Intrinsic::IsInstance, [obj, class]) => {
            let class = class.as_object()?;
            vm.type_of(obj)
                .as_obj()
                .is(class)
                .then_some(Value::from_bool(true))
        }
        _ => None,
    }
}

/// Runs a native body one native recursion level deeper.
#[inline(always)]
fn run_native(vm: &mut Vm, body: impl FnOnce(&mut Vm) -> PyResult<Value>) -> PyResult<Value> {
    vm.enter_native()?;
    let result = body(vm);
    vm.leave_native();
    result
}

/// Calls a method descriptor: `args[0]` is `self`. The caller keeps
/// `callable` alive for the call.
pub fn call_method_descriptor(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let Some(d) = callable
        .as_object()
        .and_then(|o| o.downcast::<MethodDescriptor>())
    else {
        return Err(vm.type_error("expected a method descriptor".into()));
    };
    call_descriptor(vm, d, args, kwnames)
}

/// [`call_method_descriptor`] on the descriptor's payload (for callers
/// that have already looked at the callable's type). Not inlined, as
/// [`call_builtin_function`], and with the same fast paths.
#[inline(never)]
pub(crate) fn call_descriptor(
    vm: &mut Vm,
    d: &MethodDescriptor,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    if d.def.kind == MethodKind::Method {
        let Some(this) = args.first() else {
            return Err(descriptor_needs_argument(vm, d));
        };
        // The exact class first: the subtype walk only for subclasses.
        let class = vm.type_of(this);
        if !class.as_obj().is(d.owner.as_obj()) && !class.is_subtype(&d.owner) {
            return Err(descriptor_mismatch(vm, d, this));
        }
    }
    if kwnames.is_none_or(|k| k.items().is_empty())
        && let Some(result) = call_positional(vm, d.def.body, &d.signature, args)
    {
        return result;
    }
    call_descriptor_bound(vm, d, args, kwnames)
}

/// [`call_descriptor`] for the calls that need the general binder.
#[cold]
#[inline(never)]
fn call_descriptor_bound(
    vm: &mut Vm,
    d: &MethodDescriptor,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let bound = d.signature.bind(vm, &d.qualname, args, kwnames)?;
    let body = d.def.body;
    run_native(vm, |vm| body.call(vm, &bound))
}

/// The `TypeError` for calling method descriptor `d` with no arguments.
#[cold]
fn descriptor_needs_argument(vm: &mut Vm, d: &MethodDescriptor) -> crate::error::PyErr {
    // Worded as CPython's `wrapperdescr_call` for slot wrappers
    // (`object.__init__()`), as `method_check_args` for other methods.
    let message = if d.def.slot_wrapper {
        format!(
            "descriptor '{}' of '{}' object needs an argument",
            d.def.name, d.owner.name
        )
    } else {
        format!("unbound method {}() needs an argument", d.qualname)
    };
    vm.type_error(message)
}

/// The `TypeError` for calling method descriptor `d` on `this`, an object
/// of a class it does not belong to.
#[cold]
fn descriptor_mismatch(vm: &mut Vm, d: &MethodDescriptor, this: &Value) -> crate::error::PyErr {
    let tn = vm.type_name(this);
    // Slot wrappers (`dict.__repr__`) word it as CPython's
    // `wrapperdescr_call`; other methods as `descr_check`.
    let message = if d.def.slot_wrapper {
        format!(
            "descriptor '{}' requires a '{}' object but received a '{tn}'",
            d.def.name, d.owner.name
        )
    } else {
        format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{tn}' object",
            d.def.name, d.owner.name
        )
    };
    vm.type_error(message)
}

/// `method_descriptor.__get__`: binds to the instance (or the class, for class methods).
pub fn method_descriptor_get(
    vm: &mut Vm,
    descr: &Value,
    obj: Option<&Value>,
    owner: &TypeRef,
) -> PyResult<Value> {
    let Some(d) = descr
        .as_object()
        .and_then(|o| o.downcast::<MethodDescriptor>())
    else {
        return Ok(descr.clone());
    };
    let this = match (d.def.kind, obj) {
        (MethodKind::Class, _) => Value::from_object(owner.as_obj().clone()),
        (MethodKind::Static, _) => {
            let (signature, qualname) = (d.signature.clone(), d.qualname.clone());
            return vm.new_bound_builtin(d.def, signature, None, qualname);
        }
        (MethodKind::Method, Some(o)) => {
            if !vm.isinstance_type(o, &d.owner) {
                let tn = vm.type_name(o);
                return Err(vm.type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{tn}' object",
                    d.def.name, d.owner.name
                )));
            }
            o.clone()
        }
        (MethodKind::Method, None) => return Ok(descr.clone()),
    };
    let (def, signature, qualname) = (d.def, d.signature.clone(), d.qualname.clone());
    vm.new_bound_builtin(def, signature, Some(this), qualname)
}

/// The `BuiltinFunction` payload of a `builtin_function_or_method` or
/// `method-wrapper`.
fn builtin_function_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<BuiltinFunction>> {
    match v.as_object().and_then(|o| o.downcast::<BuiltinFunction>()) {
        Some(f) => Ok(f.clone()),
        None => Err(vm.type_error("expected a builtin function".into())),
    }
}

/// The `MethodDescriptor` payload of a `method_descriptor` or
/// `wrapper_descriptor`.
fn method_descriptor_of(vm: &mut Vm, v: &Value) -> PyResult<Ref<MethodDescriptor>> {
    match v.as_object().and_then(|o| o.downcast::<MethodDescriptor>()) {
        Some(d) => Ok(d.clone()),
        None => Err(vm.type_error("expected a method descriptor".into())),
    }
}

fn builtin_function_name(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = builtin_function_of(vm, v)?;
    vm.new_str(f.def.name)
}

fn builtin_function_qualname(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let f = builtin_function_of(vm, v)?;
    vm.new_str(&f.qualname)
}

fn builtin_function_self(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(builtin_function_of(vm, v)?
        .this
        .clone()
        .unwrap_or(Value::NONE))
}

/// The attributes of `builtin_function_or_method`.
pub const BUILTIN_FUNCTION_GETSETS: &[GetSetDef] = &[
    getter("__name__", builtin_function_name),
    getter("__qualname__", builtin_function_qualname),
    getter("__self__", builtin_function_self),
];

/// The attributes of `method-wrapper` (a slot wrapper bound to an object).
pub const METHOD_WRAPPER_GETSETS: &[GetSetDef] = &[
    readonly("__self__", builtin_function_self),
    getter("__objclass__", |vm, v| {
        // The class along `self`'s MRO whose dict holds the slot wrapper.
        let f = builtin_function_of(vm, v)?;
        let this = f.this.clone().unwrap_or(Value::NONE);
        let mro = vm.type_of(&this).mro.get();
        let key = Str::new(f.def.name);
        let owner = mro.iter().find(|class| {
            class.dict.with(|d| d.get_str(&key)).is_some_and(|found| {
                found
                    .as_object()
                    .and_then(|o| o.downcast::<MethodDescriptor>())
                    .is_some_and(|d| std::ptr::eq(d.def, f.def))
            })
        });
        match owner {
            Some(class) => Ok(Value::from_object(class.as_obj().clone())),
            None => Ok(Value::from_object(vm.type_of(&this).as_obj().clone())),
        }
    }),
    getter("__name__", builtin_function_name),
    getter("__qualname__", builtin_function_qualname),
];

/// The attributes of `method_descriptor` and `wrapper_descriptor`.
pub const METHOD_DESCRIPTOR_GETSETS: &[GetSetDef] = &[
    readonly("__objclass__", |vm, v| {
        let d = method_descriptor_of(vm, v)?;
        Ok(Value::from_object(d.owner.as_obj().clone()))
    }),
    readonly("__name__", |vm, v| {
        let d = method_descriptor_of(vm, v)?;
        vm.new_str(d.def.name)
    }),
    getter("__qualname__", |vm, v| {
        let d = method_descriptor_of(vm, v)?;
        vm.new_str(&d.qualname)
    }),
];

/// The name of a `str` key for messages.
pub fn key_text(s: &Str) -> String {
    s.as_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positional_fast_path_covers_exactly_the_counts_that_bind_by_position() {
        let get = Signature::parse("(self, key, default=None, /)");
        assert!(!get.binds_by_position(1));
        assert!(get.binds_by_position(2));
        assert!(get.binds_by_position(3));
        assert!(!get.binds_by_position(4));

        let sort = Signature::parse("(self, /, *, key=None, reverse=False)");
        assert!(sort.binds_by_position(1));
        assert!(!sort.binds_by_position(2));

        // A required keyword-only parameter is never bound by position.
        let kw_required = Signature::parse("(x, *, key)");
        assert!(!kw_required.binds_by_position(1));
        assert!(!kw_required.binds_by_position(2));

        // `*args` and `**kwargs` always take the general path.
        let print = Signature::parse("(*args, sep=' ', end='\\n', file=None, flush=False)");
        assert!(!print.binds_by_position(0));
        assert!(!print.binds_by_position(1));
        // `**kwargs` gets nothing from a call without keywords.
        let update = Signature::parse("(self, other=None, /, **kwargs)");
        assert!(!update.binds_by_position(0));
        assert!(update.binds_by_position(1));
        assert!(update.binds_by_position(2));
        assert!(!update.binds_by_position(3));
        assert!(!Signature::parse("(self, /, *, key, **kwargs)").binds_by_position(1));

        let none = Signature::parse("()");
        assert!(none.binds_by_position(0));
        assert!(!none.binds_by_position(1));
    }

    #[test]
    fn varargs_split_only_without_required_keyword_only_parameters() {
        let max = Signature::parse("(*args, key=None, default=None)");
        assert!(max.binds_with_varargs(0));
        assert!(max.binds_with_varargs(2));
        let union = Signature::parse("(self, /, *others)");
        assert!(!union.binds_with_varargs(0));
        assert!(union.binds_with_varargs(1));
        assert!(union.binds_with_varargs(3));
        // A required keyword-only parameter: the general binder.
        assert!(!Signature::parse("(*args, key)").binds_with_varargs(2));
        // `**kwargs` gets nothing from a call without keywords.
        let init = Signature::parse("(self, /, *args, **kwargs)");
        assert!(!init.binds_with_varargs(0));
        assert!(init.binds_with_varargs(1));
        assert!(init.binds_with_varargs(3));
        let rest = [Value::from_i64(1), Value::from_i64(2), Value::from_i64(3)];
        let (head, tail) = rest.split_at(1);
        let split = Args::new(Slots::Split(head, tail));
        assert_eq!(split.this().as_i64(), Some(1));
        assert!(split.get(1).is_none());
        assert_eq!(split.varargs().len(), 2);
    }

    #[test]
    fn fixed_arity_bodies_fit_only_exact_signatures() {
        let one = NativeBody::Exact1(|_, v| Ok(v.clone()));
        let two = NativeBody::Exact2(|_, v, _| Ok(v.clone()));
        assert!(Signature::parse("(obj, /)").accepts(one));
        assert!(Signature::parse("(self, /)").accepts(one));
        assert!(!Signature::parse("(obj, default=None, /)").accepts(one));
        assert!(!Signature::parse("(*args)").accepts(one));
        assert!(Signature::parse("(self, object, /)").accepts(two));
        assert!(!Signature::parse("(obj, /)").accepts(two));
    }

    #[test]
    fn borrowed_arguments_read_by_parameter_position() {
        let this = Value::from_i64(7);
        let rest = [Value::from_i64(1), Value::from_i64(2)];
        let with_self = Args::new(Slots::WithSelf(&this, &rest));
        assert_eq!(with_self.this().as_i64(), Some(7));
        assert_eq!(with_self.get(2).and_then(Value::as_i64), Some(2));
        assert!(with_self.get(3).is_none());
        assert!(with_self.required(3).is_none());
        assert!(with_self.varargs().is_empty());
        assert!(with_self.kwargs().is_none());
        let borrowed = Args::new(Slots::Borrowed(&rest));
        assert_eq!(borrowed.this().as_i64(), Some(1));
        assert!(borrowed.get(2).is_none());
    }
}
