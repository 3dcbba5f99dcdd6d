//! Traceback objects and printing uncaught exceptions in CPython 3.14's
//! format (`Lib/traceback.py`): the header, one `File "...", line N, in
//! name` entry per frame with its source line and position markers
//! (`~~~^^^~~~`), chained sections for `__cause__`/`__context__`, and the
//! final `ExceptionClass: message` line.

use crate::builtins::exceptions::{BaseException, as_exception};
use crate::builtins::function::Code;
use crate::error::PyErr;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::runtime::frame::Frame;
use crate::value::Value;

/// The payload of a traceback object: one frame's entry, linked to the
/// next (inner) one.
pub struct Traceback {
    /// `tb_next`.
    pub next: Value,
    /// The frame's code.
    pub code: Ref<Code>,
    /// `tb_lasti` in code units.
    pub lasti: u32,
}

/// Prepends an entry for `frame` to the exception's traceback.
pub fn add_entry(vm: &mut Vm, err: &PyErr, frame: &Frame) {
    let next = err.0.traceback.get();
    let tb = Traceback {
        next,
        code: frame.code.clone(),
        lasti: frame.lasti,
    };
    if let Ok(tb) = vm.alloc(&vm.types.traceback.clone(), tb) {
        err.0
            .traceback
            .with(|t| *t = Value::from_object(tb.into_obj()));
    }
}

fn tb_entries(tb: &Value) -> Vec<(Ref<Code>, u32)> {
    let mut out = Vec::new();
    let mut cursor = tb.clone();
    while let Some(t) = cursor
        .as_object()
        .and_then(|o| o.downcast::<Traceback>())
        .cloned()
    {
        out.push((t.code.clone(), t.lasti));
        cursor = t.next.clone();
    }
    out
}

/// Source lines of files, cached.
#[derive(Default)]
pub struct SourceCache {
    files: std::collections::HashMap<String, Option<Vec<String>>>,
}

impl SourceCache {
    fn line(&mut self, filename: &str, line: i32) -> Option<String> {
        let lines = self.files.entry(filename.to_owned()).or_insert_with(|| {
            let text = std::fs::read(filename).ok()?;
            let text = String::from_utf8_lossy(&text).into_owned();
            Some(text.lines().map(str::to_owned).collect())
        });
        let lines = lines.as_ref()?;
        lines.get(usize::try_from(line - 1).ok()?).cloned()
    }
}

fn format_entry(out: &mut String, cache: &mut SourceCache, code: &Code, lasti: u32, markers: bool) {
    let filename = String::from_utf8_lossy(code.code.filename.as_bytes()).into_owned();
    let loc = code.code.location_at(lasti as usize);
    let line = loc.map_or(-1, |l| l.line);
    let name = code.name.as_lossy();
    if line < 0 {
        out.push_str(&format!("  File \"{filename}\", line ?, in {name}\n"));
        return;
    }
    out.push_str(&format!("  File \"{filename}\", line {line}, in {name}\n"));
    let Some(source) = cache.line(&filename, line) else {
        return;
    };
    let stripped = source.trim_start();
    if stripped.trim_end().is_empty() {
        return;
    }
    let indent = source.len() - stripped.len();
    let text = stripped.trim_end();
    out.push_str(&format!("    {text}\n"));
    if !markers {
        return;
    }
    // Position markers: shown when the instruction's span is on one line
    // and does not cover the whole (stripped) line.
    let Some(loc) = loc else { return };
    if loc.col < 0 || loc.end_col < 0 || loc.end_line != loc.line {
        return;
    }
    let col = loc.col as usize;
    let end = loc.end_col as usize;
    if col < indent || end > source.len() || col >= end {
        return;
    }
    let (start_c, end_c) = (col - indent, end - indent);
    let segment = &source[col..end.min(source.len())];
    let carets = anchors(segment);
    // As `traceback.py`'s `_should_show_carets`: never under the call of a
    // `return f(...)` or `name = f(...)` that fills the line; otherwise
    // when there are anchors or the line has text outside the span.
    if call_fills_statement(text, start_c, end_c) {
        return;
    }
    let outside = !text.get(..start_c).unwrap_or("").trim().is_empty()
        || !text.get(end_c..).unwrap_or("").trim().is_empty();
    if carets.is_none() && !outside {
        return;
    }
    let lead: String = text[..start_c.min(text.len())]
        .chars()
        .map(|_| ' ')
        .collect();
    let marks: String = match carets {
        Some((a, b)) => segment
            .char_indices()
            .map(|(i, _)| if i >= a && i < b { '^' } else { '~' })
            .collect(),
        None => segment.chars().map(|_| '^').collect(),
    };
    out.push_str(&format!("    {lead}{marks}\n"));
}

/// Whether `line` is `return f(...)` (`f` a name) or `name = f(...)` whose
/// call spans exactly the bytes `start..end` of the line.
fn call_fills_statement(line: &str, start: usize, end: usize) -> bool {
    use krait_syntax::ast::{ExprKind, Mod, StmtKind};
    let Ok(parsed) = krait_syntax::parse_module(line.as_bytes(), "<segment>") else {
        return false;
    };
    let Mod::Module { body, .. } = &parsed.module else {
        return false;
    };
    let value = match body.first().map(|s| &s.kind) {
        Some(StmtKind::Return { value: Some(value) }) => match &value.kind {
            ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Name { .. }) => value,
            _ => return false,
        },
        Some(StmtKind::Assign { targets, value, .. })
            if targets.len() == 1
                && matches!(targets[0].kind, ExprKind::Name { .. })
                && matches!(value.kind, ExprKind::Call { .. }) =>
        {
            value
        }
        _ => return false,
    };
    value.range.start as usize == start && value.range.end as usize == end
}

/// The byte range of the primary anchor within a segment (binary operator,
/// subscript brackets, call parentheses), as `traceback.py` computes it
/// from the AST; `None` to underline everything with `^`.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    use krait_syntax::ast::{ExprKind, Mod, StmtKind};
    let parsed = krait_syntax::parse_module(format!("({segment})").as_bytes(), "<anchor>").ok()?;
    let Mod::Module { body, .. } = &parsed.module else {
        return None;
    };
    let StmtKind::Expr { value } = &body.first()?.kind else {
        return None;
    };
    let adjust = |i: u32| (i as usize).saturating_sub(1);
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let left_end = adjust(left.range.end);
            let right_start = adjust(right.range.start).min(segment.len());
            let between = segment.get(left_end..right_start)?;
            let mut chars = between.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if c.is_whitespace() || c == ')' || c == '\\' {
                    continue;
                }
                if c == '#' {
                    break;
                }
                let mut end = i + c.len_utf8();
                if let Some((_, n)) = chars.peek()
                    && !n.is_whitespace()
                    && !n.is_alphanumeric()
                    && !matches!(n, '(' | '_' | '[' | '-' | '~' | '"' | '\'' | '.' | '+')
                {
                    end += n.len_utf8();
                }
                return Some((left_end + i, left_end + end));
            }
            None
        }
        ExprKind::Subscript { value, .. } => {
            let value_end = adjust(value.range.end);
            let open = segment.get(value_end..)?.find('[')? + value_end;
            Some((open, segment.len()))
        }
        ExprKind::Call { func, .. } => {
            let func_end = adjust(func.range.end);
            let open = segment.get(func_end..)?.find('(')? + func_end;
            Some((open, segment.len()))
        }
        _ => None,
    }
}

fn exception_line(vm: &mut Vm, exc: &Value) -> String {
    let class = vm.type_of(exc).clone();
    let module = crate::builtins::type_::type_module(vm, &class);
    let qualname = class.qualname.get().to_string();
    let name = match module.as_deref() {
        Some("builtins") | Some("__main__") | None => qualname,
        Some(m) => format!("{m}.{qualname}"),
    };
    let text = match vm.str_string(exc) {
        Ok(t) => t,
        Err(_) => "<exception str() failed>".to_owned(),
    };
    if text.is_empty() {
        name
    } else {
        format!("{name}: {text}")
    }
}

/// Formats an uncaught exception with its chain, as `traceback.print_exception`.
pub fn format_exception(vm: &mut Vm, err: &Ref<BaseException>) -> String {
    let mut cache = SourceCache::default();
    let mut chain: Vec<(Value, &'static str)> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    let mut current = Value::from_object(err.as_obj().clone());
    let mut note = "";
    loop {
        let Some(e) = as_exception(&current).cloned() else {
            break;
        };
        if seen.contains(&e.as_obj().address()) {
            break;
        }
        seen.push(e.as_obj().address());
        chain.push((current.clone(), note));
        let cause = e.cause.get();
        if !cause.is_none() {
            note = "\nThe above exception was the direct cause of the following exception:\n\n";
            current = cause;
            continue;
        }
        let context = e.context.get();
        if !context.is_none() && !e.suppress_context.get() {
            note = "\nDuring handling of the above exception, another exception occurred:\n\n";
            current = context;
            continue;
        }
        break;
    }
    let mut out = String::new();
    for (exc, note) in chain.iter().rev() {
        format_one(vm, &mut out, &mut cache, exc, true);
        out.push_str(note);
    }
    out
}

/// Formats one exception with its traceback, without its chain and
/// without position markers (as the default `sys.unraisablehook` prints,
/// through CPython's C traceback printer).
pub fn format_exception_alone(vm: &mut Vm, err: &Ref<BaseException>) -> String {
    let mut out = String::new();
    let exc = Value::from_object(err.as_obj().clone());
    format_one(vm, &mut out, &mut SourceCache::default(), &exc, false);
    out
}

fn format_one(vm: &mut Vm, out: &mut String, cache: &mut SourceCache, exc: &Value, markers: bool) {
    if let Some(e) = as_exception(exc) {
        let entries = tb_entries(&e.traceback.get());
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            for (code, lasti) in &entries {
                format_entry(out, cache, code, *lasti, markers);
            }
        }
    }
    match crate::runtime::syntax_error::format_syntax_error_value(vm, exc) {
        // A SyntaxError with a location ends with the source line.
        Some(text) => out.push_str(&text),
        None => {
            out.push_str(&exception_line(vm, exc));
            out.push('\n');
        }
    }
}
