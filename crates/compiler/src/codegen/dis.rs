//! `krait --dis`: a disassembly of a code object and all nested code
//! objects in the layout of CPython 3.14's `dis.dis`.

use std::fmt::Write;

use crate::bytecode::encoding::instructions;
use crate::bytecode::exception_table::decode_exception_table;
use crate::bytecode::{CodeObject, ConstantValue};

/// Disassembles `code` and, after it, every nested code object.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out, true);
    out
}

/// Python's `repr()` of a constant (code objects as `dis` names them).
pub(crate) fn const_repr(value: &ConstantValue) -> String {
    use krait_syntax::pyrepr;
    match value {
        ConstantValue::None => "None".into(),
        ConstantValue::Bool(true) => "True".into(),
        ConstantValue::Bool(false) => "False".into(),
        ConstantValue::Ellipsis => "Ellipsis".into(),
        ConstantValue::Int(i) => i.to_string(),
        ConstantValue::BigInt {
            negative,
            magnitude,
        } => {
            let mut out = String::new();
            if *negative {
                out.push('-');
            }
            pyrepr::write_big_int_repr(&mut out, magnitude.radix(), magnitude.digits());
            out
        }
        ConstantValue::Float(f) => pyrepr::float_repr(*f),
        ConstantValue::Complex { real, imag } => pyrepr::complex_repr(*real, *imag),
        ConstantValue::Str(s) => pyrepr::str_repr(s),
        ConstantValue::Bytes(b) => pyrepr::bytes_repr(b),
        ConstantValue::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            if inner.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        ConstantValue::FrozenSet(items) => {
            let inner: Vec<String> = items.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", inner.join(", "))
        }
        ConstantValue::Slice(parts) => format!(
            "slice({}, {}, {})",
            const_repr(&parts[0]),
            const_repr(&parts[1]),
            const_repr(&parts[2])
        ),
        ConstantValue::Code(code) => code_repr(code),
    }
}

/// `<code object NAME at ADDRESS, file "FILE", line N>`.
fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name,
        std::ptr::from_ref(code) as usize,
        String::from_utf8_lossy(code.filename.as_bytes()),
        code.firstlineno
    )
}

fn disassemble_into(code: &CodeObject, out: &mut String, top: bool) {
    if !top {
        let _ = writeln!(out, "\nDisassembly of {}:", code_repr(code));
    }
    let positions = code.positions().unwrap_or_default();
    let names: Vec<&str> = code.names.iter().map(|n| n.as_str()).collect();
    let locals: Vec<&str> = code.localsplusnames.iter().map(|n| n.as_str()).collect();
    let mut last_line = None;
    for decoded in instructions(&code.code).flatten() {
        let Some(op) = decoded.op() else { continue };
        if op == crate::bytecode::Opcode::EXTENDED_ARG {
            continue;
        }
        let unit = decoded.start_offset / 2;
        let line = positions.get(unit).map(|p| p.line).unwrap_or(-1);
        let line_text = if Some(line) != last_line {
            last_line = Some(line);
            if line < 0 {
                "--".to_owned()
            } else {
                line.to_string()
            }
        } else {
            String::new()
        };
        if !line_text.is_empty() && unit > 0 {
            out.push('\n');
        }
        let arg = decoded.oparg.unwrap_or(0);
        let base = op.deopt();
        let detail = if base.has_const() {
            code.consts
                .get(arg as usize)
                .map(const_repr)
                .unwrap_or_default()
        } else if base == crate::bytecode::Opcode::LOAD_GLOBAL {
            let name = names.get((arg >> 1) as usize).copied().unwrap_or("?");
            if arg & 1 == 1 {
                format!("{name} + NULL")
            } else {
                name.to_owned()
            }
        } else if base == crate::bytecode::Opcode::LOAD_ATTR {
            let name = names.get((arg >> 1) as usize).copied().unwrap_or("?");
            if arg & 1 == 1 {
                format!("{name} + NULL|self")
            } else {
                name.to_owned()
            }
        } else if base == crate::bytecode::Opcode::LOAD_SUPER_ATTR {
            let name = names.get((arg >> 2) as usize).copied().unwrap_or("?");
            if arg & 1 == 1 {
                format!("{name} + NULL|self")
            } else {
                name.to_owned()
            }
        } else if matches!(
            base,
            crate::bytecode::Opcode::LOAD_FAST_LOAD_FAST
                | crate::bytecode::Opcode::LOAD_FAST_BORROW_LOAD_FAST_BORROW
                | crate::bytecode::Opcode::STORE_FAST_LOAD_FAST
                | crate::bytecode::Opcode::STORE_FAST_STORE_FAST
        ) {
            // Two slots, 4 bits each.
            let first = locals.get((arg >> 4) as usize).copied().unwrap_or("?");
            let second = locals.get((arg & 15) as usize).copied().unwrap_or("?");
            format!("{first}, {second}")
        } else if base.has_name() {
            names.get(arg as usize).copied().unwrap_or("?").to_owned()
        } else if base.has_local() || base.has_free() {
            locals.get(arg as usize).copied().unwrap_or("?").to_owned()
        } else if let Some(target) = decoded.jump_target() {
            format!("to {}", target)
        } else {
            String::new()
        };
        let arg_text = if base.has_arg() {
            arg.to_string()
        } else {
            String::new()
        };
        let detail = if detail.is_empty() {
            String::new()
        } else {
            format!("({detail})")
        };
        let _ = writeln!(
            out,
            "{line_text:>4}   {:>6}  {:<24} {:>4} {}",
            decoded.start_offset,
            op.name(),
            arg_text,
            detail
        );
    }
    if let Ok(entries) = decode_exception_table(&code.exceptiontable) {
        if !entries.is_empty() {
            let _ = writeln!(out, "ExceptionTable:");
        }
        for e in entries {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start * 2,
                e.end * 2,
                e.target * 2,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
    for c in &code.consts {
        if let ConstantValue::Code(inner) = c {
            disassemble_into(inner, out, false);
        }
    }
}
