//! Functions, code objects, cells, bound methods and modules, with their
//! attributes (`__defaults__`, `__code__`, `co_varnames`, `cell_contents`,
//! `__func__`, ...) declared as getset descriptors.
//!
//! [`Code`] wraps the compiler's `CodeObject`, converting its constants to
//! objects and its names to interned strings once, and keeps the adaptive
//! copy of the instructions (where quickening will rewrite opcodes and
//! fill inline caches; today it is a plain copy).

use std::cell::Cell;

use krait_compiler::bytecode::code_object::{CodeObject, ConstantValue, co_flags};
use krait_compiler::bytecode::encoding::CodeUnit;

use crate::builtins::descriptors::{GetSetDef, getset, readonly};
use crate::builtins::dict::Dict;
use crate::builtins::instance::InstanceDict;
use crate::builtins::native::{MethodDef, method};
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::value::Value;

/// The payload of a code object.
pub struct Code {
    /// The compiler's code object (metadata, tables).
    pub code: CodeObject,
    /// `co_consts` as objects.
    pub consts: Box<[Value]>,
    /// `co_names`, interned.
    pub names: Box<[Ref<Str>]>,
    /// `co_localsplusnames`, interned.
    pub localsplusnames: Box<[Ref<Str>]>,
    /// The adaptive instruction copy (quickening rewrites it in place).
    pub instructions: Box<[Cell<CodeUnit>]>,
    /// The instructions decoded for the eval loop, one entry per code unit
    /// (see `runtime::instruction_stream`).
    pub decoded: Box<[crate::runtime::instruction_stream::Decoded]>,
    /// `co_name`.
    pub name: Ref<Str>,
    /// `co_qualname`.
    pub qualname: Ref<Str>,
    /// Slots a frame needs: locals plus, then the value stack.
    pub frame_slots: usize,
    /// How a call with positional arguments only binds (see
    /// [`PositionalShape`]): fixed with the code object, which never
    /// changes, so the call paths read one field instead of re-deriving it
    /// from the flags and counts on every call.
    pub positional_shape: PositionalShape,
    /// The `LOAD_GLOBAL` caches (see `runtime::inline_cache`).
    pub global_caches: Box<[crate::runtime::inline_cache::GlobalCache]>,
    /// The `LOAD_ATTR` / `STORE_ATTR` caches (see `runtime::inline_cache`).
    pub attr_caches: Box<[crate::runtime::inline_cache::AttrCache]>,
    /// The `CALL` caches (see `runtime::call_site`).
    pub call_caches: Box<[crate::runtime::call_site::CallCache]>,
    /// `co_exceptiontable` decoded, for unwinding.
    pub handlers: krait_compiler::bytecode::exception_table::HandlerTable,
}

/// What a call passing positional arguments only needs to bind them to a
/// code object's parameters, derived once from its flags and counts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PositionalShape {
    /// No `*args`, `**kwargs` or keyword-only parameters: `argcount`
    /// positional parameters, the missing trailing ones from defaults.
    Simple {
        /// `co_argcount`.
        argcount: u32,
    },
    /// `*args` but no `**kwargs` or keyword-only parameters: the first
    /// `argcount` arguments are the named parameters, the rest (a tuple)
    /// goes in local `argcount`, which exists.
    Varargs {
        /// `co_argcount`.
        argcount: u32,
    },
    /// Anything else: the general binder.
    General,
}

impl PositionalShape {
    /// The shape of `code`'s parameters.
    pub fn of(code: &CodeObject) -> PositionalShape {
        let special = code.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS);
        if code.kwonlyargcount != 0 {
            return PositionalShape::General;
        }
        let argcount = code.argcount;
        if special == 0 {
            PositionalShape::Simple { argcount }
        } else if special == co_flags::VARARGS && code.nlocalsplus() > argcount as usize {
            PositionalShape::Varargs { argcount }
        } else {
            PositionalShape::General
        }
    }
}

/// The payload of a Python function.
pub struct Function {
    /// `__code__`.
    pub code: Ref<Code>,
    /// `__globals__`.
    pub globals: Ref<Dict>,
    /// `__builtins__`.
    pub builtins: Ref<Dict>,
    /// `__name__`.
    pub name: PyCell<Value>,
    /// `__qualname__`.
    pub qualname: PyCell<Value>,
    /// `__defaults__`.
    pub defaults: PyCell<Option<Ref<Tuple>>>,
    /// `__kwdefaults__`.
    pub kwdefaults: PyCell<Option<Ref<Dict>>>,
    /// `__closure__`.
    pub closure: PyCell<Option<Ref<Tuple>>>,
    /// `__annotate__` (PEP 649), `None` if the function has none.
    pub annotate: PyCell<Value>,
    /// The evaluated `__annotations__` dict once read, else `None`.
    pub annotations: PyCell<Value>,
    /// `__type_params__` (PEP 695), an empty tuple unless generic.
    pub type_params: PyCell<Value>,
    /// `__doc__`.
    pub doc: PyCell<Value>,
    /// `__module__`.
    pub module: PyCell<Value>,
    /// Other attributes.
    pub dict: InstanceDict,
}

/// The payload of a closure cell.
#[derive(Default)]
pub struct CellObj {
    /// The contents; `None` when empty.
    pub value: PyCell<Option<Value>>,
}

/// The payload of a bound method.
pub struct Method {
    /// `__func__`.
    pub func: Value,
    /// `__self__`.
    pub this: Value,
}

/// The payload of a module.
pub struct Module {
    /// `__dict__`.
    pub dict: Ref<Dict>,
}

impl Vm {
    /// Converts a compiler constant to an object.
    pub fn constant_value(&mut self, c: &ConstantValue) -> PyResult<Value> {
        Ok(match c {
            ConstantValue::None => Value::NONE,
            ConstantValue::Bool(b) => Value::from_bool(*b),
            ConstantValue::Ellipsis => self.ellipsis.clone(),
            ConstantValue::Int(i) => Value::from_i64(*i),
            ConstantValue::BigInt {
                negative,
                magnitude,
            } => {
                let b = num_bigint::BigInt::parse_bytes(
                    magnitude.digits().as_bytes(),
                    magnitude.radix(),
                )
                .unwrap_or_default();
                self.new_int(if *negative { -b } else { b })?
            }
            ConstantValue::Float(f) => Value::from_f64(*f),
            ConstantValue::Complex { real, imag } => self.new_complex(*real, *imag)?,
            ConstantValue::Str(s) => match s.as_str() {
                Some(text)
                    if text.len() < 40
                        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') =>
                {
                    Value::from_object(self.intern(text)?.into_obj())
                }
                _ => self.new_str_wtf8(s)?,
            },
            ConstantValue::Bytes(b) => self.new_bytes(b.clone())?,
            ConstantValue::Tuple(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.constant_value(item)?);
                }
                self.new_tuple(values)?
            }
            ConstantValue::FrozenSet(items) => {
                let mut values = Vec::with_capacity(items.len());
                for item in items {
                    values.push(self.constant_value(item)?);
                }
                self.new_frozenset(values)?
            }
            ConstantValue::Slice(parts) => {
                let [a, b, c] = &**parts;
                let (a, b, c) = (
                    self.constant_value(a)?,
                    self.constant_value(b)?,
                    self.constant_value(c)?,
                );
                self.new_slice(a, b, c)?
            }
            ConstantValue::Code(code) => {
                Value::from_object(self.new_code((**code).clone())?.into_obj())
            }
        })
    }

    /// Wraps a compiled code object, converting constants and names once.
    pub fn new_code(&mut self, code: CodeObject) -> PyResult<Ref<Code>> {
        let mut consts = Vec::with_capacity(code.consts.len());
        for c in &code.consts {
            consts.push(self.constant_value(c)?);
        }
        let mut names = Vec::with_capacity(code.names.len());
        for n in &code.names {
            names.push(self.intern(n.as_str())?);
        }
        let mut localsplusnames = Vec::with_capacity(code.localsplusnames.len());
        for n in &code.localsplusnames {
            localsplusnames.push(self.intern(n.as_str())?);
        }
        let mut units = krait_compiler::bytecode::encoding::to_code_units(&code.code);
        let global_caches = (0..crate::runtime::inline_cache::assign_global_caches(&mut units))
            .map(|_| Default::default())
            .collect();
        let attr_caches = (0..crate::runtime::inline_cache::assign_attr_caches(&mut units))
            .map(|_| Default::default())
            .collect();
        let call_caches = (0..crate::runtime::inline_cache::assign_call_caches(&mut units))
            .map(|_| Default::default())
            .collect();
        let decoded = crate::runtime::instruction_stream::decode(&units);
        let instructions = units.into_iter().map(Cell::new).collect();
        let name = self.intern(code.name.as_str())?;
        let qualname = self.intern(&code.qualname)?;
        let frame_slots = code.nlocalsplus() + code.stacksize as usize + 1;
        let positional_shape = PositionalShape::of(&code);
        let handlers =
            krait_compiler::bytecode::exception_table::HandlerTable::new(&code.exceptiontable);
        self.alloc(
            &self.types.code.clone(),
            Code {
                code,
                consts: consts.into_boxed_slice(),
                names: names.into_boxed_slice(),
                localsplusnames: localsplusnames.into_boxed_slice(),
                instructions,
                decoded,
                name,
                qualname,
                frame_slots,
                positional_shape,
                global_caches,
                attr_caches,
                call_caches,
                handlers,
            },
        )
    }

    /// A new function over `code` with `globals`.
    pub fn new_function(&mut self, code: Ref<Code>, globals: Ref<Dict>) -> PyResult<Value> {
        let name = Value::from_object(code.name.as_obj().clone());
        let qualname = Value::from_object(code.qualname.as_obj().clone());
        let module = globals
            .table
            .with(|t| t.get_str(&Str::new("__name__")))
            .unwrap_or(Value::NONE);
        let doc = if code.code.flags
            & krait_compiler::bytecode::code_object::co_flags::HAS_DOCSTRING
            != 0
        {
            code.consts.first().cloned().unwrap_or(Value::NONE)
        } else {
            Value::NONE
        };
        let builtins = self.builtins.clone();
        let f = self.alloc(
            &self.types.function.clone(),
            Function {
                code,
                globals,
                builtins,
                name: PyCell::new(name),
                qualname: PyCell::new(qualname),
                defaults: PyCell::new(None),
                kwdefaults: PyCell::new(None),
                closure: PyCell::new(None),
                annotate: PyCell::new(Value::NONE),
                annotations: PyCell::new(Value::NONE),
                type_params: PyCell::new(Value::from_object(self.empty_tuple.as_obj().clone())),
                doc: PyCell::new(doc),
                module: PyCell::new(module),
                dict: InstanceDict::default(),
            },
        )?;
        Ok(Value::from_object(f.into_obj()))
    }

    /// A bound method.
    pub fn new_method(&mut self, func: Value, this: Value) -> PyResult<Value> {
        let m = self.alloc(&self.types.method.clone(), Method { func, this })?;
        Ok(Value::from_object(m.into_obj()))
    }

    /// A new empty cell (or holding `value`).
    pub fn new_cell(&mut self, value: Option<Value>) -> PyResult<Value> {
        let c = self.alloc(
            &self.types.cell.clone(),
            CellObj {
                value: PyCell::new(value),
            },
        )?;
        Ok(Value::from_object(c.into_obj()))
    }

    /// A new module named `name` with a fresh dict.
    pub fn new_module(&mut self, name: &str) -> PyResult<Ref<Module>> {
        let dict = self.new_dict_ref()?;
        let key = self.intern("__name__")?;
        let value = self.new_str(name)?;
        dict.table.with(|t| t.insert_str(key, value));
        self.alloc(&self.types.module.clone(), Module { dict })
    }
}

/// `function.__get__`: binds to an instance.
pub fn function_descr_get(
    vm: &mut Vm,
    descr: &Value,
    obj: Option<&Value>,
    _owner: &crate::types::TypeRef,
) -> PyResult<Value> {
    match obj {
        Some(o) => vm.new_method(descr.clone(), o.clone()),
        None => Ok(descr.clone()),
    }
}

fn function_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<Function>> {
    match v.as_object().and_then(|o| o.downcast::<Function>()) {
        Some(f) => Ok(f),
        None => Err(vm.type_error("descriptor requires a 'function' object".into())),
    }
}

fn tuple_value(t: Option<Ref<Tuple>>) -> Value {
    t.map_or(Value::NONE, |t| Value::from_object(t.into_obj()))
}

/// Replaces a string attribute of a function (`__name__`, `__qualname__`).
fn set_function_string(
    vm: &mut Vm,
    v: &Value,
    value: Option<Value>,
    what: &str,
    field: fn(&Function) -> &PyCell<Value>,
) -> PyResult<()> {
    let f = function_of(vm, v)?.clone();
    match value {
        Some(s) if vm.as_str(&s).is_some() => {
            let old = field(&f).with(|n| std::mem::replace(n, s));
            drop(old);
            Ok(())
        }
        _ => Err(vm.type_error(format!("{what} must be set to a string object"))),
    }
}

/// The attributes of functions.
pub const FUNCTION_GETSETS: &[GetSetDef] = &[
    getset(
        "__name__",
        |vm, v| Ok(function_of(vm, v)?.name.get()),
        |vm, v, value| set_function_string(vm, v, value, "__name__", |f| &f.name),
    ),
    getset(
        "__qualname__",
        |vm, v| Ok(function_of(vm, v)?.qualname.get()),
        |vm, v, value| set_function_string(vm, v, value, "__qualname__", |f| &f.qualname),
    ),
    getset(
        "__doc__",
        |vm, v| Ok(function_of(vm, v)?.doc.get()),
        |vm, v, value| {
            let f = function_of(vm, v)?.clone();
            let old = f
                .doc
                .with(|d| std::mem::replace(d, value.unwrap_or(Value::NONE)));
            drop(old);
            Ok(())
        },
    ),
    getset(
        "__module__",
        |vm, v| Ok(function_of(vm, v)?.module.get()),
        |vm, v, value| {
            let f = function_of(vm, v)?.clone();
            let old = f
                .module
                .with(|d| std::mem::replace(d, value.unwrap_or(Value::NONE)));
            drop(old);
            Ok(())
        },
    ),
    getset(
        "__code__",
        |vm, v| {
            Ok(Value::from_object(
                function_of(vm, v)?.code.as_obj().clone(),
            ))
        },
        |vm, _v, _value| {
            Err(vm.new_error(
                crate::builtins::exceptions::ExcKind::NotImplementedError,
                "krait does not support replacing __code__ yet",
            ))
        },
    ),
    readonly("__globals__", |vm, v| {
        Ok(Value::from_object(
            function_of(vm, v)?.globals.as_obj().clone(),
        ))
    }),
    readonly("__builtins__", |vm, v| {
        Ok(Value::from_object(
            function_of(vm, v)?.builtins.as_obj().clone(),
        ))
    }),
    readonly("__closure__", |vm, v| {
        Ok(tuple_value(function_of(vm, v)?.closure.get()))
    }),
    getset(
        "__defaults__",
        |vm, v| Ok(tuple_value(function_of(vm, v)?.defaults.get())),
        |vm, v, value| {
            let f = function_of(vm, v)?.clone();
            let new = match value {
                None => None,
                Some(x) if x.is_none() => None,
                Some(x) => match x.as_object().and_then(|o| o.downcast::<Tuple>()) {
                    Some(t) => Some(t.clone()),
                    None => {
                        return Err(
                            vm.type_error("__defaults__ must be set to a tuple object".into())
                        );
                    }
                },
            };
            let old = f.defaults.with(|d| std::mem::replace(d, new));
            drop(old);
            Ok(())
        },
    ),
    getset(
        "__kwdefaults__",
        |vm, v| {
            Ok(function_of(vm, v)?
                .kwdefaults
                .get()
                .map_or(Value::NONE, |d| Value::from_object(d.into_obj())))
        },
        |vm, v, value| {
            let f = function_of(vm, v)?.clone();
            let new = match value {
                None => None,
                Some(x) if x.is_none() => None,
                Some(x) => match x.as_object().and_then(|o| o.downcast::<Dict>()) {
                    Some(d) => Some(d.clone()),
                    None => {
                        return Err(
                            vm.type_error("__kwdefaults__ must be set to a dict object".into())
                        );
                    }
                },
            };
            let old = f.kwdefaults.with(|d| std::mem::replace(d, new));
            drop(old);
            Ok(())
        },
    ),
    getset(
        "__annotations__",
        crate::builtins::annotations::function_annotations,
        crate::builtins::annotations::set_function_annotations,
    ),
    getset(
        "__annotate__",
        crate::builtins::annotations::function_annotate,
        crate::builtins::annotations::set_function_annotate,
    ),
    getset(
        "__type_params__",
        |vm, v| Ok(function_of(vm, v)?.type_params.get()),
        |vm, v, value| {
            let f = function_of(vm, v)?.clone();
            match value {
                Some(t)
                    if t.as_object()
                        .is_some_and(|o| o.downcast::<Tuple>().is_some()) =>
                {
                    let old = f.type_params.with(|p| std::mem::replace(p, t));
                    drop(old);
                    Ok(())
                }
                _ => Err(vm.type_error("__type_params__ must be set to a tuple".into())),
            }
        },
    ),
    getset(
        "__dict__",
        |vm, v| match crate::builtins::object::materialized_dict(vm, v)? {
            Some(d) => Ok(d),
            None => Err(vm.attribute_error("__dict__")),
        },
        crate::builtins::object::set_instance_dict,
    ),
];

fn code_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<Code>> {
    match v.as_object().and_then(|o| o.downcast::<Code>()) {
        Some(c) => Ok(c),
        None => Err(vm.type_error("descriptor requires a 'code' object".into())),
    }
}

fn names_tuple(vm: &mut Vm, names: Vec<String>) -> PyResult<Value> {
    let mut items = Vec::with_capacity(names.len());
    for n in names {
        items.push(vm.intern_value(&n)?);
    }
    vm.new_tuple(items)
}

fn code_int(vm: &mut Vm, v: &Value, field: fn(&CodeObject) -> i64) -> PyResult<Value> {
    Ok(Value::from_i64(field(&code_of(vm, v)?.code)))
}

/// The attributes of code objects.
pub const CODE_GETSETS: &[GetSetDef] = &[
    readonly("co_name", |vm, v| {
        Ok(Value::from_object(code_of(vm, v)?.name.as_obj().clone()))
    }),
    readonly("co_qualname", |vm, v| {
        Ok(Value::from_object(
            code_of(vm, v)?.qualname.as_obj().clone(),
        ))
    }),
    readonly("co_filename", |vm, v| {
        let c = code_of(vm, v)?.clone();
        vm.new_str_wtf8(&c.code.filename)
    }),
    readonly("co_argcount", |vm, v| {
        code_int(vm, v, |c| i64::from(c.argcount))
    }),
    readonly("co_posonlyargcount", |vm, v| {
        code_int(vm, v, |c| i64::from(c.posonlyargcount))
    }),
    readonly("co_kwonlyargcount", |vm, v| {
        code_int(vm, v, |c| i64::from(c.kwonlyargcount))
    }),
    readonly("co_flags", |vm, v| code_int(vm, v, |c| i64::from(c.flags))),
    readonly("co_firstlineno", |vm, v| {
        code_int(vm, v, |c| i64::from(c.firstlineno))
    }),
    readonly("co_stacksize", |vm, v| {
        code_int(vm, v, |c| i64::from(c.stacksize))
    }),
    readonly("co_nlocals", |vm, v| {
        code_int(vm, v, |c| c.nlocals() as i64)
    }),
    readonly("co_varnames", |vm, v| {
        let c = code_of(vm, v)?.clone();
        names_tuple(
            vm,
            c.code
                .varnames()
                .iter()
                .map(|n| n.as_str().to_string())
                .collect(),
        )
    }),
    readonly("co_cellvars", |vm, v| {
        let c = code_of(vm, v)?.clone();
        names_tuple(
            vm,
            c.code
                .cellvars()
                .iter()
                .map(|n| n.as_str().to_string())
                .collect(),
        )
    }),
    readonly("co_freevars", |vm, v| {
        let c = code_of(vm, v)?.clone();
        names_tuple(
            vm,
            c.code
                .freevars()
                .iter()
                .map(|n| n.as_str().to_string())
                .collect(),
        )
    }),
    readonly("co_names", |vm, v| {
        let c = code_of(vm, v)?.clone();
        let items = c
            .names
            .iter()
            .map(|n| Value::from_object(n.as_obj().clone()))
            .collect();
        vm.new_tuple(items)
    }),
    readonly("co_consts", |vm, v| {
        let c = code_of(vm, v)?.clone();
        vm.new_tuple(c.consts.to_vec())
    }),
    readonly("co_code", |vm, v| {
        let c = code_of(vm, v)?.clone();
        vm.new_bytes(c.code.code.clone())
    }),
    readonly("co_linetable", |vm, v| {
        let c = code_of(vm, v)?.clone();
        vm.new_bytes(c.code.linetable.clone())
    }),
    readonly("co_exceptiontable", |vm, v| {
        let c = code_of(vm, v)?.clone();
        vm.new_bytes(c.code.exceptiontable.clone())
    }),
];

/// `types.FunctionType(code, globals, name=None, argdefs=None,
/// closure=None, kwdefaults=None)`, with CPython's argument checks.
pub fn function_new(
    vm: &mut Vm,
    _cls: &crate::types::TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let a = crate::builtins::native::Args::parse(
        vm,
        "function",
        &[
            "code",
            "globals",
            "name",
            "argdefs",
            "closure",
            "kwdefaults",
        ],
        2,
        args,
        kwnames,
    )?;
    let Some(code) = a
        .required(0)
        .as_object()
        .and_then(|o| o.downcast::<Code>())
        .cloned()
    else {
        let tn = vm.type_name(a.required(0));
        return Err(vm.type_error(format!("function() argument 'code' must be code, not {tn}")));
    };
    let Some(globals) = a
        .required(1)
        .as_object()
        .and_then(|o| o.downcast::<Dict>())
        .cloned()
    else {
        let tn = vm.type_name(a.required(1));
        return Err(vm.type_error(format!(
            "function() argument 'globals' must be dict, not {tn}"
        )));
    };
    let given = |i: usize| a.get(i).filter(|v| !v.is_none()).cloned();
    let name = given(2);
    if name.as_ref().is_some_and(|n| vm.as_str(n).is_none()) {
        return Err(vm.type_error("arg 3 (name) must be None or string".into()));
    }
    let tuple_of = |v: &Value| v.as_object().and_then(|o| o.downcast::<Tuple>()).cloned();
    let defaults = match given(3) {
        Some(d) => match tuple_of(&d) {
            Some(t) => Some(t),
            None => return Err(vm.type_error("arg 4 (defaults) must be None or tuple".into())),
        },
        None => None,
    };
    let nfree = code.code.freevars().len();
    let closure = match given(4) {
        Some(c) => match tuple_of(&c) {
            Some(t) => Some(t),
            None => return Err(vm.type_error("arg 5 (closure) must be None or tuple".into())),
        },
        None if nfree > 0 => {
            return Err(vm.type_error("arg 5 (closure) must be tuple".into()));
        }
        None => None,
    };
    let given_free = closure.as_ref().map_or(0, |c| c.items().len());
    if given_free != nfree {
        return Err(vm.value_error(&format!(
            "{} requires closure of length {nfree}, not {given_free}",
            code.name.as_lossy()
        )));
    }
    let kwdefaults = match given(5) {
        Some(k) => match k.as_object().and_then(|o| o.downcast::<Dict>()).cloned() {
            Some(d) => Some(d),
            None => return Err(vm.type_error("arg 6 (kwdefaults) must be None or dict".into())),
        },
        None => None,
    };
    let function = vm.new_function(code, globals)?;
    if let Some(f) = function.as_object().and_then(|o| o.downcast::<Function>()) {
        if let Some(name) = name {
            f.name.with(|n| *n = name);
        }
        f.defaults.with(|d| *d = defaults);
        f.closure.with(|c| *c = closure);
        f.kwdefaults.with(|k| *k = kwdefaults);
    }
    Ok(function)
}

/// An optional position as Python sees it (`None` when absent).
fn optional_int(v: Option<i32>) -> Value {
    v.map_or(Value::NONE, |n| Value::from_i64(i64::from(n)))
}

/// `code._varname_from_oparg(oparg)`: the name of local-plus slot `oparg`
/// (what `dis` shows for `LOAD_FAST` and friends).
fn varname_from_oparg(vm: &mut Vm, args: &crate::builtins::native::Args) -> PyResult<Value> {
    let c = code_of(vm, args.this())?.clone();
    let oparg = args.required(1);
    let index = match crate::builtins::int::to_big(oparg) {
        Some(big) => i32::try_from(&big)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?,
        None => match vm.index_value(oparg)? {
            Some(n) => i32::try_from(n)
                .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?,
            None => {
                let tn = vm.type_name(oparg);
                return Err(
                    vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    match usize::try_from(index)
        .ok()
        .and_then(|i| c.localsplusnames.get(i))
    {
        Some(name) => Ok(Value::from_object(name.as_obj().clone())),
        None => Err(vm.new_error(
            crate::builtins::exceptions::ExcKind::IndexError,
            "tuple index out of range",
        )),
    }
}

/// The methods of code objects: `co_lines()` and `co_positions()`, decoded
/// from the location table (as lists' iterators), and `_varname_from_oparg`.
pub const CODE_METHODS: &[MethodDef] = &[
    method(
        "_varname_from_oparg",
        "(self, /, oparg)",
        varname_from_oparg,
    ),
    method("co_lines", "(self, /)", |vm, args| {
        let c = code_of(vm, args.this())?.clone();
        let ranges =
            krait_compiler::bytecode::location_table::lines(&c.code.linetable, c.code.firstlineno)
                .unwrap_or_default();
        let mut items = Vec::with_capacity(ranges.len());
        for r in ranges {
            let start = Value::from_i64(r.start as i64);
            let end = Value::from_i64(r.end as i64);
            items.push(vm.new_tuple(vec![start, end, optional_int(r.line)])?);
        }
        let list = vm.new_list(items)?;
        vm.iter(&list)
    }),
    method("co_positions", "(self, /)", |vm, args| {
        let c = code_of(vm, args.this())?.clone();
        let positions = krait_compiler::bytecode::location_table::positions(
            &c.code.linetable,
            c.code.firstlineno,
        )
        .unwrap_or_default();
        let mut items = Vec::with_capacity(positions.len());
        for p in positions {
            let fields = p.as_options().map(optional_int).to_vec();
            items.push(vm.new_tuple(fields)?);
        }
        let list = vm.new_list(items)?;
        vm.iter(&list)
    }),
];

/// The attributes of cells.
pub const CELL_GETSETS: &[GetSetDef] = &[getset(
    "cell_contents",
    |vm, v| {
        let value = v
            .as_object()
            .and_then(|o| o.downcast::<CellObj>())
            .and_then(|c| c.value.get());
        match value {
            Some(x) => Ok(x),
            None => Err(vm.value_error("Cell is empty")),
        }
    },
    |vm, v, value| match v.as_object().and_then(|o| o.downcast::<CellObj>()) {
        Some(c) => {
            let old = c.value.with(|x| std::mem::replace(x, value));
            drop(old);
            Ok(())
        }
        None => Err(vm.type_error("descriptor requires a 'cell' object".into())),
    },
)];

fn method_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<Method>> {
    match v.as_object().and_then(|o| o.downcast::<Method>()) {
        Some(m) => Ok(m),
        None => Err(vm.type_error("descriptor requires a 'method' object".into())),
    }
}

/// The attributes of bound methods (others are the function's).
pub const METHOD_GETSETS: &[GetSetDef] = &[
    readonly("__func__", |vm, v| Ok(method_of(vm, v)?.func.clone())),
    readonly("__self__", |vm, v| Ok(method_of(vm, v)?.this.clone())),
];

/// `method.__getattribute__`: the method's own attributes, then its
/// function's (`m.__name__`, `m.__doc__`, `m.__wrapped__`, ...).
pub fn method_getattr(
    vm: &mut Vm,
    obj: &Value,
    name: &Ref<crate::builtins::str::Str>,
) -> PyResult<Value> {
    if let Some(v) = crate::builtins::object::generic_getattr_opt(vm, obj, name)? {
        return Ok(v);
    }
    let func = method_of(vm, obj)?.func.clone();
    vm.get_attr(&func, name)
}
