//! `str`'s padding methods: `center`, `ljust`, `rjust` (with a one-character
//! fill), `zfill` (zeros after a sign) and `expandtabs`.

use crate::builtins::native::Args;
use crate::builtins::slice::index_arg;
use crate::builtins::str::text::StrBuilder;
use crate::builtins::str::{Str, this};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

/// The `fillchar` argument: one code point.
fn fill_char(vm: &mut Vm, v: Option<&Value>) -> PyResult<u32> {
    let Some(v) = v else {
        return Ok(u32::from(b' '));
    };
    match vm.as_str(v) {
        Some(s) if s.char_len() == 1 => Ok(s.code_point_at(0)),
        Some(_) => {
            Err(vm.type_error("The fill character must be exactly one character long".into()))
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "The fill character must be a unicode character, not {tn}"
            )))
        }
    }
}

/// `left` fills, the text, `right` fills.
fn padded(vm: &mut Vm, s: &Str, left: usize, right: usize, fill: u32) -> PyResult<Value> {
    let mut out = StrBuilder::default();
    let fill_len = if fill < 0x80 { 1 } else { 4 };
    out.reserve(
        vm,
        (left.saturating_add(right))
            .saturating_mul(fill_len)
            .saturating_add(s.as_bytes().len()),
    )?;
    for _ in 0..left {
        out.push(fill);
    }
    out.push_payload(s);
    for _ in 0..right {
        out.push(fill);
    }
    out.finish(vm)
}

/// How many fill characters `width` asks for, or `None` if none.
fn margin(vm: &mut Vm, s: &Str, width: &Value) -> PyResult<Option<usize>> {
    let width = index_arg(vm, width)?;
    let len = s.char_len() as i64;
    Ok((width > len).then(|| (width - len) as usize))
}

/// `str.center(width, fillchar=' ')`.
pub fn center(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let width = index_arg(vm, args.required(1))?;
    let fill = fill_char(vm, args.get(2))?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(args.this().clone());
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    padded(vm, s, left as usize, (marg - left) as usize, fill)
}

/// `str.ljust(width, fillchar=' ')`.
pub fn ljust(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let m = margin(vm, s, args.required(1))?;
    let fill = fill_char(vm, args.get(2))?;
    match m {
        Some(m) => padded(vm, s, 0, m, fill),
        None => Ok(args.this().clone()),
    }
}

/// `str.rjust(width, fillchar=' ')`.
pub fn rjust(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let m = margin(vm, s, args.required(1))?;
    let fill = fill_char(vm, args.get(2))?;
    match m {
        Some(m) => padded(vm, s, m, 0, fill),
        None => Ok(args.this().clone()),
    }
}

/// `str.zfill(width)`: zeros on the left, after a leading sign.
pub fn zfill(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let Some(m) = margin(vm, s, args.required(1))? else {
        return Ok(args.this().clone());
    };
    let mut out = StrBuilder::default();
    out.reserve(vm, m.saturating_add(s.as_bytes().len()))?;
    let bytes = s.as_bytes();
    let rest = match bytes.first() {
        Some(&sign @ (b'+' | b'-')) => {
            out.push(u32::from(sign));
            &bytes[1..]
        }
        _ => bytes,
    };
    for _ in 0..m {
        out.push(u32::from(b'0'));
    }
    out.push_wtf8(rest);
    out.finish(vm)
}

/// `str.expandtabs(tabsize=8)`.
pub fn expandtabs(vm: &mut Vm, args: &Args) -> PyResult<Value> {
    let s = this(vm, args)?;
    let tabsize = match args.get(1) {
        Some(v) => index_arg(vm, v)?,
        None => 8,
    };
    let mut out = StrBuilder::with_capacity(s.as_bytes().len());
    let mut column: i64 = 0;
    for c in s.iter() {
        if c == u32::from(b'\t') {
            if tabsize > 0 {
                let incr = tabsize - column % tabsize;
                column = column.saturating_add(incr);
                out.reserve(vm, incr as usize)?;
                for _ in 0..incr {
                    out.push(u32::from(b' '));
                }
            }
        } else {
            column += 1;
            out.push(c);
            if c == u32::from(b'\n') || c == u32::from(b'\r') {
                column = 0;
            }
        }
    }
    out.finish(vm)
}
