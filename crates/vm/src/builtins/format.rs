//! `format(value, spec)`: the format-spec mini-language for `int`, `float`
//! and `str` (fill, align, sign, `#`, `0`, width, grouping, precision,
//! type), and `__format__` for other objects.

use crate::builtins::int::{is_int, to_big};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

#[derive(Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alternate: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    kind: Option<char>,
}

fn parse_spec(spec: &str) -> Option<Spec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = chars[start..i].iter().collect::<String>().parse().ok()?;
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        s.precision = Some(chars[start..i].iter().collect::<String>().parse().ok()?);
    }
    if i < chars.len() {
        s.kind = Some(chars[i]);
        i += 1;
    }
    (i == chars.len()).then_some(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn pad(s: &Spec, sign: &str, body: &str, default_align: char) -> String {
    let len = sign.chars().count() + body.chars().count();
    let fill = s.fill.unwrap_or(if s.zero && s.align.is_none() {
        '0'
    } else {
        ' '
    });
    let align = s.align.unwrap_or(if s.zero { '=' } else { default_align });
    if len >= s.width {
        return format!("{sign}{body}");
    }
    let padding = s.width - len;
    let f = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", f(padding)),
        '^' => format!("{}{sign}{body}{}", f(padding / 2), f(padding - padding / 2)),
        '=' => format!("{sign}{}{body}", f(padding)),
        _ => format!("{}{sign}{body}", f(padding)),
    }
}

/// `format(value, spec)`.
pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    let is_builtin = vm.as_str(v).is_some() || is_int(v) || v.as_f64().is_some();
    if !is_builtin || (v.as_bool().is_some() && spec.is_empty()) {
        if let Some(f) = vm.lookup_special(v, "__format__") {
            let s = vm.new_str(spec)?;
            return vm.call(&f, &[s], None);
        }
        if spec.is_empty() {
            return vm.str(v);
        }
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!(
            "unsupported format string passed to {tn}.__format__"
        )));
    }
    if spec.is_empty() {
        return vm.str(v);
    }
    let Some(s) = parse_spec(spec) else {
        return Err(vm.value_error("Invalid format specifier"));
    };
    let out = if let Some(text) = vm.as_str(v).map(|s| s.as_lossy().into_owned()) {
        if s.kind.is_some_and(|k| k != 's') {
            let tn = vm.type_name(v);
            return Err(vm.value_error(&format!(
                "Unknown format code '{}' for object of type '{tn}'",
                s.kind.unwrap_or('?')
            )));
        }
        let body: String = match s.precision {
            Some(p) => text.chars().take(p).collect(),
            None => text,
        };
        pad(&s, "", &body, '<')
    } else if is_int(v) && !matches!(s.kind, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
        let b = to_big(v).unwrap_or_default();
        let neg = b.sign() == num_bigint::Sign::Minus;
        let mag = if neg { -b } else { b };
        let (digits, prefix) = match s.kind {
            Some('x') => (mag.to_str_radix(16), "0x"),
            Some('X') => (mag.to_str_radix(16).to_uppercase(), "0X"),
            Some('o') => (mag.to_str_radix(8), "0o"),
            Some('b') => (mag.to_str_radix(2), "0b"),
            Some('c') => (
                char::from_u32(num_traits::ToPrimitive::to_u32(&mag).unwrap_or(0))
                    .unwrap_or('\0')
                    .to_string(),
                "",
            ),
            Some('d' | 'n') | None => (mag.to_string(), ""),
            Some(k) => {
                return Err(vm.value_error(&format!(
                    "Unknown format code '{k}' for object of type 'int'"
                )));
            }
        };
        let digits = match s.grouping {
            Some(g) => group(
                &digits,
                g,
                if matches!(s.kind, Some('x' | 'X' | 'o' | 'b')) {
                    4
                } else {
                    3
                },
            ),
            None => digits,
        };
        let sign = if neg {
            "-"
        } else {
            match s.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let sign = format!("{sign}{}", if s.alternate { prefix } else { "" });
        pad(&s, &sign, &digits, '>')
    } else {
        let x = crate::builtins::float::as_float(vm, v)?.unwrap_or(0.0);
        let neg = x.is_sign_negative() && !x.is_nan();
        let a = x.abs();
        let body = match s.kind {
            Some('f' | 'F') => format!("{:.*}", s.precision.unwrap_or(6), a),
            Some('e' | 'E') => exp_format(a, s.precision.unwrap_or(6), s.kind == Some('E')),
            Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0),
            Some('g' | 'G') | None => {
                if s.kind.is_none() && s.precision.is_none() {
                    krait_syntax::pyrepr::float_repr(a)
                } else {
                    general_format(
                        a,
                        s.precision.unwrap_or(6).max(1),
                        s.alternate,
                        s.kind.is_none(),
                    )
                }
            }
            Some(k) => {
                return Err(vm.value_error(&format!(
                    "Unknown format code '{k}' for object of type 'float'"
                )));
            }
        };
        let body = if a.is_infinite() {
            "inf".to_owned()
        } else if a.is_nan() {
            "nan".to_owned()
        } else {
            body
        };
        let body = match s.grouping {
            Some(g) => {
                let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                    Some(i) => body.split_at(i),
                    None => (body.as_str(), ""),
                };
                format!("{}{rest}", group(int_part, g, 3))
            }
            None => body,
        };
        let sign = if neg {
            "-"
        } else {
            match s.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        pad(&s, sign, &body, '>')
    };
    vm.new_str(&out)
}

fn exp_format(a: f64, precision: usize, upper: bool) -> String {
    let s = format!("{:.*e}", precision, a);
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let e = if upper { 'E' } else { 'e' };
    format!(
        "{mantissa}{e}{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.abs()
    )
}

fn general_format(a: f64, precision: usize, alternate: bool, repr_like: bool) -> String {
    if a == 0.0 {
        return if repr_like { "0.0".into() } else { "0".into() };
    }
    let exp = a.log10().floor() as i32;
    let s = if exp < -4 || exp >= precision as i32 {
        let s = exp_format(a, precision - 1, false);
        if alternate {
            s
        } else {
            let (m, e) = s.split_once('e').unwrap_or((&s, ""));
            let m = if m.contains('.') {
                m.trim_end_matches('0').trim_end_matches('.')
            } else {
                m
            };
            format!("{m}e{e}")
        }
    } else {
        let decimals = (precision as i32 - 1 - exp).max(0) as usize;
        let s = format!("{:.*}", decimals, a);
        if alternate || !s.contains('.') {
            s
        } else {
            s.trim_end_matches('0').trim_end_matches('.').to_owned()
        }
    };
    if repr_like && !s.contains(['.', 'e', 'n', 'i']) {
        format!("{s}.0")
    } else {
        s
    }
}
