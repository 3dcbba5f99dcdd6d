//! `str.maketrans` and `str.translate`: translation tables are mappings
//! from code points to code points, strings or `None`, looked up with
//! `__getitem__` so any mapping (or sequence) works.

use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::native::Args;
use crate::builtins::str::text::StrBuilder;
use crate::builtins::str::this;
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

/// `str.maketrans(x[, y[, z]])`.
pub fn maketrans(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let table = vm.new_dict_ref()?;
    let x = args.required(0).clone();
    match args.get(1) {
        None => {
            let Some(source) = x.as_object().and_then(|o| o.downcast::<Dict>()).cloned() else {
                return Err(vm.type_error(
                    "if you give only one argument to maketrans it must be a dict".into(),
                ));
            };
            for (key, value) in source.items() {
                let key = if let Some(s) = vm.as_str(&key) {
                    if s.char_len() != 1 {
                        return Err(
                            vm.value_error("string keys in translatetable must be of length 1")
                        );
                    }
                    Value::from_i64(i64::from(s.code_point_at(0)))
                } else if crate::builtins::int::is_int(&key) {
                    key
                } else {
                    return Err(
                        vm.type_error("keys in translate table mustbe strings or integers".into())
                    );
                };
                Dict::set_item(vm, &table, key, value)?;
            }
        }
        Some(y) => {
            let Some(from) = vm.as_str(&x).cloned() else {
                return Err(vm.type_error(
                    "first maketrans argument must be a string if there is a second argument"
                        .into(),
                ));
            };
            let Some(to) = vm.as_str(y).cloned() else {
                let tn = crate::builtins::str::arg_type_name(vm, y);
                return Err(vm.type_error(format!("maketrans() argument 2 must be str, not {tn}")));
            };
            if from.char_len() != to.char_len() {
                return Err(
                    vm.value_error("the first two maketrans arguments must have equal length")
                );
            }
            for (a, b) in from.iter().zip(to.iter()) {
                Dict::set_item(
                    vm,
                    &table,
                    Value::from_i64(i64::from(a)),
                    Value::from_i64(i64::from(b)),
                )?;
            }
            if let Some(z) = args.get(2) {
                let Some(delete) = vm.as_str(z).cloned() else {
                    let tn = crate::builtins::str::arg_type_name(vm, z);
                    return Err(
                        vm.type_error(format!("maketrans() argument 3 must be str, not {tn}"))
                    );
                };
                for c in delete.iter() {
                    Dict::set_item(vm, &table, Value::from_i64(i64::from(c)), Value::NONE)?;
                }
            }
        }
    }
    Ok(Value::from_object(table.into_obj()))
}

/// `str.translate(table)`.
pub fn translate(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let table = args.required(1).clone();
    let mut out = StrBuilder::with_capacity(s.as_bytes().len());
    for c in s.iter() {
        let key = Value::from_i64(i64::from(c));
        let mapped = match vm.get_item(&table, &key) {
            Ok(v) => v,
            Err(e) if vm.exc_matches(&e, ExcKind::LookupError) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if mapped.is_none() {
            continue;
        }
        if let Some(text) = vm.as_str(&mapped) {
            out.push_payload(text);
            continue;
        }
        if crate::builtins::int::is_int(&mapped) {
            match mapped.as_i64() {
                Some(i @ 0..=0x10FFFF) => out.push(i as u32),
                _ => {
                    return Err(vm.value_error("character mapping must be in range(0x110000)"));
                }
            }
            continue;
        }
        return Err(vm.type_error("character mapping must return integer, None or str".into()));
    }
    out.finish(vm)
}
