//! `krait --dump-code`: the attributes of every code object that do not
//! depend on instruction choice, in a canonical text format that
//! `xtask/scripts/code_reference.py` also prints from CPython's code
//! objects. Left out on purpose: `co_code`, `co_consts`, `co_stacksize`,
//! `co_linetable`, `co_exceptiontable` and the order of `co_names` (all
//! depend on instruction choice and optimisation).

use std::fmt::Write;

use crate::bytecode::{CodeObject, ConstantValue};

/// The canonical dump of `code` and its nested code objects, depth first
/// in `co_consts` order.
pub fn dump(code: &CodeObject) -> String {
    let mut out = String::new();
    dump_into(code, &mut out);
    out
}

fn list(items: &[&krait_syntax::ast::Identifier]) -> String {
    let inner: Vec<&str> = items.iter().map(|i| i.as_str()).collect();
    format!("[{}]", inner.join(", "))
}

fn dump_into(code: &CodeObject, out: &mut String) {
    let mut names: Vec<&str> = code.names.iter().map(|n| n.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    let _ = writeln!(out, "code {} {}", code.name, code.qualname);
    let _ = writeln!(out, "  firstlineno {}", code.firstlineno);
    let _ = writeln!(
        out,
        "  args {} {} {}",
        code.argcount, code.posonlyargcount, code.kwonlyargcount
    );
    let _ = writeln!(out, "  flags {:#x}", code.flags);
    let _ = writeln!(out, "  varnames {}", list(&code.varnames()));
    let _ = writeln!(out, "  cellvars {}", list(&code.cellvars()));
    let _ = writeln!(out, "  freevars {}", list(&code.freevars()));
    let _ = writeln!(out, "  names [{}]", names.join(", "));
    for c in &code.consts {
        if let ConstantValue::Code(inner) = c {
            dump_into(inner, out);
        }
    }
}
