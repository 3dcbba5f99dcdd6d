//! `format(value, spec)`: the format-spec mini-language (CPython's
//! `Python/formatter_unicode.c`) for `str`, `int`, `float` and `complex` —
//! fill, align, sign, `z`, `#`, `0`, width, grouping (also of the
//! fractional part, new in 3.14), precision, type — with CPython's error
//! messages, and `__format__` for other objects.

use crate::builtins::int::{is_int, to_big};
use crate::error::PyResult;
use crate::runtime::Vm;
use crate::value::Value;

/// A parsed format spec.
#[derive(Debug, Clone)]
pub struct FormatSpec {
    /// The fill character.
    pub fill: char,
    /// Whether the fill character was given.
    pub fill_given: bool,
    /// `<`, `>`, `^` or `=`.
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// `z`: negative zero becomes zero.
    pub no_neg_zero: bool,
    /// `#`.
    pub alternate: bool,
    /// The minimum width.
    pub width: usize,
    /// `,` or `_` for the integer part.
    pub grouping: Option<char>,
    /// The precision.
    pub precision: Option<usize>,
    /// `,` or `_` for the fractional part.
    pub frac_grouping: Option<char>,
    /// The presentation type.
    pub kind: Option<char>,
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '^' | '=')
}

fn read_number(chars: &[char], i: &mut usize) -> Result<Option<usize>, String> {
    let start = *i;
    let mut n: usize = 0;
    while *i < chars.len() && chars[*i].is_ascii_digit() {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(chars[*i] as usize - '0' as usize))
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(|| "Too many decimal digits in format string".to_owned())?;
        *i += 1;
    }
    Ok((*i > start).then_some(n))
}

fn separator_conflict(first: char, second: char) -> String {
    if first == second {
        format!("Cannot specify '{first}' with '{first}'.")
    } else {
        "Cannot specify both ',' and '_'.".to_owned()
    }
}

/// Parses `spec` for a value of type `type_name`; numbers align right by
/// default, strings left.
pub fn parse_spec(spec: &str, type_name: &str, numeric: bool) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut s = FormatSpec {
        fill: ' ',
        fill_given: false,
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: 0,
        grouping: None,
        precision: None,
        frac_grouping: None,
        kind: None,
    };
    let mut i = 0;
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = chars[0];
        s.fill_given = true;
        s.align = Some(chars[1]);
        i = 2;
    } else if chars.first().copied().is_some_and(is_align) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        s.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        s.no_neg_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        s.alternate = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') && !s.fill_given {
        s.fill = '0';
        if s.align.is_none() && numeric {
            s.align = Some('=');
        }
        i += 1;
    }
    s.width = read_number(&chars, &mut i)?.unwrap_or(0);
    if let Some(&c @ (',' | '_')) = chars.get(i) {
        s.grouping = Some(c);
        i += 1;
        if let Some(&d @ (',' | '_')) = chars.get(i) {
            return Err(separator_conflict(c, d));
        }
    }
    if chars.get(i) == Some(&'.') {
        i += 1;
        match read_number(&chars, &mut i)? {
            Some(p) => s.precision = Some(p),
            None => return Err("Format specifier missing precision".into()),
        }
        if let Some(&c @ (',' | '_')) = chars.get(i) {
            s.frac_grouping = Some(c);
            i += 1;
            if let Some(&d @ (',' | '_')) = chars.get(i) {
                return Err(separator_conflict(c, d));
            }
        }
    }
    if chars.len() - i > 1 {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        ));
    }
    s.kind = chars.get(i).copied();
    if let Some(g) = s.grouping {
        // Strings default to type 's', which takes no separator.
        let kind = s.kind.or(if numeric { None } else { Some('s') });
        let allowed = match kind {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == '_',
            _ => false,
        };
        if !allowed {
            let k = kind.unwrap_or(' ');
            return Err(if (' '..='~').contains(&k) && k != ' ' {
                format!("Cannot specify '{g}' with '{k}'.")
            } else {
                format!("Cannot specify '{g}' with '\\x{:x}'.", k as u32)
            });
        }
    }
    Ok(s)
}

/// Inserts `sep` every `size` digits from the right, padding with zeros
/// to at least `min_width` characters (CPython's
/// `_PyUnicode_InsertThousandsGrouping`).
fn group_digits(digits: &str, sep: char, size: usize, min_width: usize) -> String {
    let digits: Vec<char> = digits.chars().collect();
    let mut remaining = digits.len();
    let mut min_width = min_width as isize;
    let mut groups: Vec<String> = Vec::new();
    let take = |remaining: &mut usize, l: usize| -> String {
        let chars = l.min(*remaining);
        let zeros = l - chars;
        let mut g: String = std::iter::repeat_n('0', zeros).collect();
        g.extend(&digits[*remaining - chars..*remaining]);
        *remaining -= chars;
        g
    };
    loop {
        let l = (size as isize).min((remaining as isize).max(min_width).max(1)) as usize;
        groups.push(take(&mut remaining, l));
        min_width -= l as isize;
        if remaining == 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    groups.reverse();
    groups.join(&sep.to_string())
}

/// Groups the fractional digits of `rest` (which starts with `.`) from the
/// left, every three.
fn group_fraction(rest: &str, sep: char) -> String {
    let Some(after) = rest.strip_prefix('.') else {
        return rest.to_owned();
    };
    let end = after
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(after.len());
    let (frac, tail) = after.split_at(end);
    let chunks: Vec<String> = frac
        .as_bytes()
        .chunks(3)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    format!(".{}{tail}", chunks.join(&sep.to_string()))
}

/// Pads `text` to the spec's width.
fn pad(s: &FormatSpec, text: &str, default_align: char) -> String {
    pad_parts(s, "", text, default_align)
}

/// Pads `prefix + body` to the spec's width; `=` alignment puts the fill
/// between them.
fn pad_parts(s: &FormatSpec, prefix: &str, body: &str, default_align: char) -> String {
    let len = prefix.chars().count() + body.chars().count();
    if len >= s.width {
        return format!("{prefix}{body}");
    }
    let padding = s.width - len;
    let f = |n: usize| std::iter::repeat_n(s.fill, n).collect::<String>();
    match s.align.unwrap_or(default_align) {
        '<' => format!("{prefix}{body}{}", f(padding)),
        '^' => format!(
            "{}{prefix}{body}{}",
            f(padding / 2),
            f(padding - padding / 2)
        ),
        '=' => format!("{prefix}{}{body}", f(padding)),
        _ => format!("{}{prefix}{body}", f(padding)),
    }
}

/// A rendered number: sign and prefix, integer digits, the rest.
fn finish_number(
    s: &FormatSpec,
    negative: bool,
    prefix: &str,
    digits: &str,
    rest: &str,
    group_size: usize,
) -> String {
    let sign = if negative {
        "-"
    } else {
        match s.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    };
    let lead = format!("{sign}{prefix}");
    let rest = match s.frac_grouping {
        Some(g) => group_fraction(rest, g),
        None => rest.to_owned(),
    };
    let digits = match s.grouping {
        Some(g) => {
            let min_width = if s.fill == '0' && s.align == Some('=') {
                s.width
                    .saturating_sub(lead.chars().count() + rest.chars().count())
            } else {
                0
            };
            group_digits(digits, g, group_size, min_width)
        }
        None => digits.to_owned(),
    };
    pad_parts(s, &lead, &format!("{digits}{rest}"), '>')
}

fn unknown_code(kind: char, type_name: &str) -> String {
    format!("Unknown format code '{kind}' for object of type '{type_name}'")
}

/// Formats a `str` with a parsed spec.
pub fn format_str_spec(text: &str, s: &FormatSpec, type_name: &str) -> Result<String, String> {
    if let Some(k) = s.kind.filter(|&k| k != 's') {
        return Err(unknown_code(k, type_name));
    }
    if s.sign.is_some() {
        return Err("Sign not allowed in string format specifier".into());
    }
    if s.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if s.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if s.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let body: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_owned(),
    };
    Ok(pad(s, &body, '<'))
}

/// Formats an integer with a parsed spec (float presentation types convert).
fn format_int_spec(vm: &mut Vm, v: &Value, s: &FormatSpec, type_name: &str) -> PyResult<String> {
    let err = |vm: &mut Vm, m: String| vm.value_error(&m);
    match s.kind {
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let x = crate::builtins::int::int_to_f64(vm, v)?;
            return format_float_spec(x, s, type_name).map_err(|m| vm.value_error(&m));
        }
        None | Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => {}
        Some(k) => return Err(err(vm, unknown_code(k, type_name))),
    }
    if s.precision.is_some() {
        return Err(err(
            vm,
            "Precision not allowed in integer format specifier".into(),
        ));
    }
    if s.no_neg_zero {
        return Err(err(
            vm,
            "Negative zero coercion (z) not allowed in integer format specifier".into(),
        ));
    }
    let b = to_big(v).unwrap_or_default();
    let negative = b.sign() == num_bigint::Sign::Minus;
    let magnitude = b.magnitude();
    if s.kind == Some('c') {
        if s.sign.is_some() {
            return Err(err(
                vm,
                "Sign not allowed with integer format specifier 'c'".into(),
            ));
        }
        if s.alternate {
            return Err(err(
                vm,
                "Alternate form (#) not allowed with integer format specifier 'c'".into(),
            ));
        }
        let c = num_traits::ToPrimitive::to_u32(&b)
            .filter(|&c| c < 0x110000)
            .ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)"))?;
        let text = crate::builtins::str::from_code_points(&[c]);
        let text = String::from_utf8_lossy(text.as_bytes()).into_owned();
        return Ok(pad(s, &text, '>'));
    }
    let (digits, prefix, group_size) = match s.kind {
        Some('x') => (magnitude.to_str_radix(16), "0x", 4),
        Some('X') => (magnitude.to_str_radix(16).to_uppercase(), "0X", 4),
        Some('o') => (magnitude.to_str_radix(8), "0o", 4),
        Some('b') => (magnitude.to_str_radix(2), "0b", 4),
        _ => (crate::builtins::int::int_to_decimal(vm, v)?, "", 3),
    };
    let digits = digits.trim_start_matches('-');
    let prefix = if s.alternate { prefix } else { "" };
    Ok(finish_number(s, negative, prefix, digits, "", group_size))
}

/// Digits past these are zeros for every finite `f64` (its exact decimal
/// expansion is shorter); Rust's formatter takes precisions up to 65535.
const EXACT_FIXED_DIGITS: usize = 1100;
const EXACT_SCI_DIGITS: usize = 800;

/// `a` with `precision` digits after the point, correctly rounded.
fn fixed_text(a: f64, precision: usize) -> String {
    let p = precision.min(EXACT_FIXED_DIGITS);
    let mut s = format!("{a:.p$}");
    s.extend(std::iter::repeat_n('0', precision - p));
    s
}

/// `a` as `d.ddd` and a decimal exponent, `precision` digits after the point.
fn sci_parts(a: f64, precision: usize) -> (String, i64) {
    let p = precision.min(EXACT_SCI_DIGITS);
    let s = format!("{a:.p$e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let mut mantissa = mantissa.to_owned();
    mantissa.extend(std::iter::repeat_n('0', precision - p));
    (mantissa, exp.parse().unwrap_or(0))
}

/// Exponent notation: `d.ddde+XX`.
fn exp_text(a: f64, precision: usize, alternate: bool) -> String {
    let (mantissa, exp) = sci_parts(a, precision);
    let dot = if alternate && precision == 0 { "." } else { "" };
    format!(
        "{mantissa}{dot}e{}{:02}",
        if exp < 0 { '-' } else { '+' },
        exp.unsigned_abs()
    )
}

/// The `g` presentation of a finite non-negative `a`.
fn general_text(a: f64, precision: usize, alternate: bool) -> String {
    let p = precision.max(1);
    let exp = if a == 0.0 { 0 } else { sci_parts(a, p - 1).1 };
    let text = if -4 <= exp && exp < p as i64 {
        let decimals = (p as i64 - 1 - exp).max(0) as usize;
        fixed_text(a, decimals)
    } else {
        exp_text(a, p - 1, false)
    };
    if alternate {
        if text.contains('.') {
            return text;
        }
        return match text.split_once('e') {
            Some((m, e)) => format!("{m}.e{e}"),
            None => format!("{text}."),
        };
    }
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m.to_owned(), format!("e{e}")),
        None => (text.clone(), String::new()),
    };
    let mantissa = if mantissa.contains('.') {
        mantissa
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    } else {
        mantissa
    };
    format!("{mantissa}{exponent}")
}

/// The text of `|x|` in a float presentation type (`None`: repr style).
fn float_body(a: f64, kind: Option<char>, precision: Option<usize>, alternate: bool) -> String {
    if a.is_nan() {
        return "nan".into();
    }
    if a.is_infinite() {
        return "inf".into();
    }
    match kind {
        Some('f' | 'F') => {
            let p = precision.unwrap_or(6);
            let dot = if alternate && p == 0 { "." } else { "" };
            format!("{}{dot}", fixed_text(a, p))
        }
        Some('e' | 'E') => exp_text(a, precision.unwrap_or(6), alternate),
        Some('%') => {
            let p = precision.unwrap_or(6);
            let dot = if alternate && p == 0 { "." } else { "" };
            format!("{}{dot}%", fixed_text(a * 100.0, p))
        }
        Some('g' | 'G' | 'n') => general_text(a, precision.unwrap_or(6), alternate),
        _ => match precision {
            None => krait_syntax::pyrepr::float_repr(a),
            Some(p) => {
                let t = general_text(a, p, alternate);
                if t.contains(['.', 'e']) {
                    t
                } else {
                    format!("{t}.0")
                }
            }
        },
    }
}

/// Formats a float with a parsed spec.
pub fn format_float_spec(x: f64, s: &FormatSpec, type_name: &str) -> Result<String, String> {
    match s.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(k) => return Err(unknown_code(k, type_name)),
    }
    if s.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".into());
    }
    let mut body = float_body(x.abs(), s.kind, s.precision, s.alternate);
    if matches!(s.kind, Some('E' | 'F' | 'G')) {
        body = body.to_uppercase();
    }
    let mut negative = x.is_sign_negative() && !x.is_nan();
    if negative && s.no_neg_zero && !body.bytes().any(|c| matches!(c, b'1'..=b'9')) {
        negative = false;
    }
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (digits, rest) = body.split_at(split);
    Ok(finish_number(s, negative, "", digits, rest, 3))
}

/// Formats a complex number with a spec (CPython's
/// `format_complex_internal`).
pub fn format_complex_spec(vm: &mut Vm, re: f64, im: f64, spec: &str) -> PyResult<Value> {
    let s = parse_spec(spec, "complex", true).map_err(|m| vm.value_error(&m))?;
    if s.fill == '0' && !s.fill_given {
        return Err(vm.value_error("Zero padding is not allowed in complex format specifier"));
    }
    if s.align == Some('=') {
        return Err(vm.value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    match s.kind {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(k) => return Err(vm.value_error(&unknown_code(k, "complex"))),
    }
    if s.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(vm.value_error("precision too big"));
    }
    if s.width > MAX_FORMAT_WIDTH || s.precision.is_some_and(|p| p > MAX_FORMAT_WIDTH) {
        return Err(vm.memory_error());
    }
    let (text, parens, skip_re) = if s.kind.is_none() {
        let skip_re = re == 0.0 && re.is_sign_positive();
        match s.precision {
            None => {
                let r = krait_syntax::pyrepr::complex_repr(re, im);
                let inner = r
                    .strip_prefix('(')
                    .and_then(|r| r.strip_suffix(')'))
                    .unwrap_or(&r)
                    .to_owned();
                (inner, !skip_re, skip_re)
            }
            Some(_) => (String::new(), true, skip_re),
        }
    } else {
        (String::new(), false, false)
    };
    let text = if text.is_empty() {
        let kind = s.kind.or(Some('g'));
        let part = |x: f64| {
            let mut t = float_body(x.abs(), kind, s.precision, s.alternate);
            if matches!(kind, Some('E' | 'F' | 'G')) {
                t = t.to_uppercase();
            }
            t
        };
        let re_sign = if re.is_sign_negative() && !re.is_nan() {
            "-"
        } else {
            match s.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let im_sign = if im.is_sign_negative() && !im.is_nan() {
            "-"
        } else {
            "+"
        };
        if skip_re {
            let im_sign = if im_sign == "-" { "-" } else { re_sign };
            format!("{im_sign}{}j", part(im))
        } else {
            format!("{re_sign}{}{im_sign}{}j", part(re), part(im))
        }
    } else {
        text
    };
    let text = if parens { format!("({text})") } else { text };
    let out = pad(&s, &text, '>');
    vm.new_str(&out)
}

/// Widths and precisions beyond this many characters raise `MemoryError`
/// instead of exhausting memory.
const MAX_FORMAT_WIDTH: usize = 1 << 31;

/// Parses a spec, refusing sizes that cannot be allocated.
fn parse_checked(vm: &mut Vm, spec: &str, type_name: &str, numeric: bool) -> PyResult<FormatSpec> {
    let s = parse_spec(spec, type_name, numeric).map_err(|m| vm.value_error(&m))?;
    let precision_allocates = numeric && s.precision.is_some_and(|p| p > MAX_FORMAT_WIDTH);
    if s.width > MAX_FORMAT_WIDTH
        || (precision_allocates && s.precision.is_some_and(|p| p <= i32::MAX as usize))
    {
        return Err(vm.memory_error());
    }
    Ok(s)
}

/// `format(value, spec)` (CPython's `PyObject_Format`).
pub fn format(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Value> {
    if let Some(text) = vm.as_str(v).map(|s| s.as_lossy().into_owned()) {
        if spec.is_empty() {
            return Ok(v.clone());
        }
        let s = parse_checked(vm, spec, "str", false)?;
        let out = format_str_spec(&text, &s, "str").map_err(|m| vm.value_error(&m))?;
        return vm.new_str(&out);
    }
    let heap_class = vm.type_of(v).has_flag(crate::types::flags::HEAPTYPE);
    if !heap_class && let Some(r) = format_number(vm, v, spec)? {
        return Ok(r);
    }
    if let Some(f) = vm.lookup_special(v, "__format__") {
        let s = vm.new_str(spec)?;
        let r = vm.call(&f, &[s], None)?;
        if vm.as_str(&r).is_none() {
            let tn = vm.type_name(&r);
            return Err(vm.type_error(format!("__format__ must return a str, not {tn}")));
        }
        return Ok(r);
    }
    if spec.is_empty() {
        return vm.str(v);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "unsupported format string passed to {tn}.__format__"
    )))
}

/// `format(v, spec)` by the rules of `int`, `float` or `complex` when `v` is
/// one of them (also an instance of a subclass: `int.__format__` runs this),
/// or `None`.
pub fn format_number(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<Option<Value>> {
    if is_int(v) {
        if spec.is_empty() {
            return vm.str(v).map(Some);
        }
        let s = parse_checked(vm, spec, "int", true)?;
        let out = format_int_spec(vm, v, &s, "int")?;
        return vm.new_str(&out).map(Some);
    }
    if let Some(x) = v.as_f64() {
        if spec.is_empty() {
            return vm.str(v).map(Some);
        }
        let s = parse_checked(vm, spec, "float", true)?;
        let out = format_float_spec(x, &s, "float").map_err(|m| vm.value_error(&m))?;
        return vm.new_str(&out).map(Some);
    }
    if let Some((re, im)) = crate::builtins::complex::as_complex(v) {
        if spec.is_empty() {
            return vm.str(v).map(Some);
        }
        return format_complex_spec(vm, re, im, spec).map(Some);
    }
    Ok(None)
}
