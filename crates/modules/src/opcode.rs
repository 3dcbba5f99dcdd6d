//! `_opcode` (CPython's `Modules/_opcode.c`): the instruction metadata the
//! pure-Python `opcode` and `dis` modules read — validity, the `has_*`
//! properties and stack effects of every opcode number, and the oparg
//! vocabularies of `BINARY_OP`, `CALL_INTRINSIC_1/2` and `LOAD_SPECIAL`.
//!
//! Everything is answered from the compiler's one instruction table
//! (`krait_compiler::bytecode::opcode`) and its oparg tables
//! (`krait_compiler::bytecode::oparg`); nothing is restated here. krait has
//! no tier-2 executors, so `get_executor` finds none, as a CPython build with
//! the optimizer finds none in code that never ran hot.

use krait_compiler::bytecode::oparg::{BINARY_OPS, INTRINSICS_1, INTRINSICS_2, SPECIAL_METHODS};
use krait_compiler::bytecode::{AnyOpcode, OpcodeFlags};
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::{Code, Module};
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::object::Ref;
use krait_vm::{PyErr, PyResult, Value, Vm};

/// `_opcode`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    // krait quickens instructions into specialized forms (DESIGN.md 3).
    vm.module_set(module, "ENABLE_SPECIALIZATION", Value::from_i64(1))?;
    vm.module_set(module, "ENABLE_SPECIALIZATION_FT", Value::from_i64(1))?;
    let doc = vm.new_str(DOC)?;
    vm.module_set(module, "__doc__", doc)
}

/// `_opcode.__doc__`.
const DOC: &str = "Opcode support module.";

/// The "'str' object cannot be interpreted as an integer" error.
fn not_an_integer(vm: &mut Vm, value: &Value) -> PyErr {
    let name = vm.type_name(value);
    vm.type_error(format!(
        "'{name}' object cannot be interpreted as an integer"
    ))
}

/// An integer argument within 64 bits (`None` for a larger int), or the
/// `TypeError` of a value that is not an integer.
fn integer_argument(vm: &mut Vm, value: &Value) -> PyResult<Option<i64>> {
    if krait_vm::builtins::int::to_big(value).is_some_and(|big| i64::try_from(&big).is_err()) {
        return Ok(None);
    }
    match vm.index_value(value)? {
        Some(n) => Ok(Some(n)),
        None => Err(not_an_integer(vm, value)),
    }
}

/// An argument converted to a C `int` as CPython's argument clinic does.
fn c_int(vm: &mut Vm, value: &Value) -> PyResult<i32> {
    integer_argument(vm, value)?
        .and_then(|n| i32::try_from(n).ok())
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

/// An oparg as `_opcode.stack_effect` reads it: a C `long` cast to `int`
/// (larger values wrap, as in CPython).
fn oparg_argument(vm: &mut Vm, value: &Value) -> PyResult<i32> {
    match integer_argument(vm, value)? {
        // The cast to a C int keeps the low 32 bits, as CPython's does.
        #[allow(clippy::cast_possible_truncation)]
        Some(n) => Ok(n as i32),
        None => Err(vm.overflow_error("Python int too large to convert to C long")),
    }
}

/// The opcode with this number, if CPython 3.14 defines one (real,
/// instrumented, specialized or pseudo): `_opcode.is_valid`.
fn opcode_with_number(number: i32) -> Option<AnyOpcode> {
    u16::try_from(number).ok().and_then(AnyOpcode::from_number)
}

/// Whether the opcode numbered by argument 0 is valid and has `flag`.
fn has_flag(vm: &mut Vm, value: &Value, flag: OpcodeFlags) -> PyResult<Value> {
    let number = c_int(vm, value)?;
    Ok(Value::from_bool(
        opcode_with_number(number).is_some_and(|op| op.flags().contains(flag)),
    ))
}

/// `_opcode.stack_effect(opcode, oparg, jump=jump)`: the net stack effect,
/// the larger of the two paths when `jump` is `None`. Specialized forms
/// and unknown numbers are "invalid", as in CPython.
fn stack_effect(vm: &mut Vm, args: &krait_vm::builtins::native::Args) -> PyResult<Value> {
    let number = c_int(vm, args.required(0))?;
    let oparg = match args.get(1) {
        Some(value) if !value.is_none() => oparg_argument(vm, value)?,
        _ => 0,
    };
    let jump = match args.get(2) {
        None => None,
        Some(value) if value.is_none() => None,
        Some(value) => match value.as_bool() {
            Some(jump) => Some(jump),
            None => {
                return Err(vm.new_error(
                    ExcKind::ValueError,
                    "stack_effect: jump must be False, True or None",
                ));
            }
        },
    };
    let invalid = |vm: &mut Vm| vm.new_error(ExcKind::ValueError, "invalid opcode or oparg");
    let op = match opcode_with_number(number) {
        Some(AnyOpcode::Real(op)) if op.deopt() != op => return Err(invalid(vm)),
        Some(op) => op,
        None => return Err(invalid(vm)),
    };
    let Ok(oparg) = u32::try_from(oparg) else {
        // CPython decides validity from the separate popped and pushed
        // counts, which the instruction table does not keep.
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            "_opcode.stack_effect with a negative oparg",
        ));
    };
    let effect = match jump {
        Some(jump) => op.stack_effect(oparg, jump),
        None => op.max_stack_effect(oparg),
    };
    Ok(Value::from_i64(i64::from(effect)))
}

/// A list of strings.
fn string_list(vm: &mut Vm, items: &[&str]) -> PyResult<Value> {
    let mut values = Vec::with_capacity(items.len());
    for item in items {
        values.push(vm.new_str(item)?);
    }
    vm.new_list(values)
}

/// The functions of `_opcode`.
const FUNCTIONS: &[MethodDef] = &[
    method(
        "stack_effect",
        "(opcode, oparg=None, /, *, jump=None)",
        stack_effect,
    ),
    method("is_valid", "(opcode)", |vm, args| {
        let number = c_int(vm, args.required(0))?;
        Ok(Value::from_bool(opcode_with_number(number).is_some()))
    }),
    method("has_arg", "(opcode)", |vm, args| {
        has_flag(vm, args.required(0), OpcodeFlags::ARG)
    }),
    method("has_const", "(opcode)", |vm, args| {
        has_flag(vm, args.required(0), OpcodeFlags::CONST)
    }),
    method("has_name", "(opcode)", |vm, args| {
        has_flag(vm, args.required(0), OpcodeFlags::NAME)
    }),
    method("has_jump", "(opcode)", |vm, args| {
        has_flag(vm, args.required(0), OpcodeFlags::JUMP)
    }),
    method("has_free", "(opcode)", |vm, args| {
        has_flag(vm, args.required(0), OpcodeFlags::FREE)
    }),
    method("has_local", "(opcode)", |vm, args| {
        has_flag(vm, args.required(0), OpcodeFlags::LOCAL)
    }),
    method("has_exc", "(opcode)", |vm, args| {
        has_flag(vm, args.required(0), OpcodeFlags::EXC)
    }),
    method("get_specialization_stats", "()", |_, _| Ok(Value::NONE)),
    method("get_nb_ops", "()", |vm, _| {
        let mut pairs = Vec::with_capacity(BINARY_OPS.len());
        for (name, symbol) in BINARY_OPS {
            let name = vm.new_str(name)?;
            let symbol = vm.new_str(symbol)?;
            pairs.push(vm.new_tuple(vec![name, symbol])?);
        }
        vm.new_list(pairs)
    }),
    method("get_intrinsic1_descs", "()", |vm, _| {
        string_list(vm, &INTRINSICS_1)
    }),
    method("get_intrinsic2_descs", "()", |vm, _| {
        string_list(vm, &INTRINSICS_2)
    }),
    method("get_special_method_names", "()", |vm, _| {
        string_list(vm, &SPECIAL_METHODS)
    }),
    method("get_executor", "(code, offset)", |vm, args| {
        let code = args.required(0);
        if code
            .as_object()
            .and_then(|o| o.downcast::<Code>())
            .is_none()
        {
            let name = vm.type_name(code);
            return Err(vm.type_error(format!("expected a code object, not '{name}'")));
        }
        c_int(vm, args.required(1))?;
        Err(vm.new_error(ExcKind::ValueError, "no executor at given byte offset"))
    }),
];

#[cfg(test)]
mod tests {
    use super::*;
    use krait_compiler::bytecode::Opcode;

    #[test]
    fn numbers_resolve_through_the_compiler_table() {
        assert!(opcode_with_number(i32::from(Opcode::LOAD_CONST.number())).is_some());
        assert!(opcode_with_number(-1).is_none());
        assert!(opcode_with_number(70_000).is_none());
    }
}
