//! Functions, code objects, cells, bound methods and modules.
//!
//! [`Code`] wraps the compiler's `CodeObject`, converting its constants to
//! objects and its names to interned strings once, and keeps the adaptive
//! copy of the instructions (where quickening will rewrite opcodes and
//! fill inline caches; today it is a plain copy).

use std::cell::Cell;

use krait_compiler::bytecode::code_object::{CodeObject, ConstantValue};
use krait_compiler::bytecode::encoding::CodeUnit;

use crate::builtins::dict::Dict;
use crate::builtins::instance::InstanceDict;
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
    /// `co_name`.
    pub name: Ref<Str>,
    /// `co_qualname`.
    pub qualname: Ref<Str>,
    /// Slots a frame needs: locals plus, then the value stack.
    pub frame_slots: usize,
    /// The `LOAD_GLOBAL` caches (see `runtime::inline_cache`).
    pub global_caches: Box<[crate::runtime::inline_cache::GlobalCache]>,
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
    /// `__annotations__`/`__annotate__`.
    pub annotate: PyCell<Value>,
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
        let instructions = units.into_iter().map(Cell::new).collect();
        let name = self.intern(code.name.as_str())?;
        let qualname = self.intern(&code.qualname)?;
        let frame_slots = code.nlocalsplus() + code.stacksize as usize + 1;
        self.alloc(
            &self.types.code.clone(),
            Code {
                code,
                consts: consts.into_boxed_slice(),
                names: names.into_boxed_slice(),
                localsplusnames: localsplusnames.into_boxed_slice(),
                instructions,
                name,
                qualname,
                frame_slots,
                global_caches,
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
