//! Traceback objects and printing uncaught exceptions exactly as CPython
//! 3.14's `traceback` module does (`TracebackException.format` with
//! `compact=True`, what `sys.excepthook` uses): one `File "...", line N, in
//! name` entry per frame with its source lines and `~~~^^^` markers (anchored
//! on binary operators, subscripts and calls), repeated frames collapsed,
//! `__cause__`/`__context__` sections, exception groups drawn in boxes,
//! `__notes__`, `SyntaxError` details and "Did you mean" suggestions.

use std::collections::HashMap;

use crate::builtins::descriptors::{GetSetDef, getset, getter};
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::{BaseException, ExcKind, as_exception, field};
use crate::builtins::function::Code;
use crate::error::{PyErr, PyResult};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::runtime::frame::Frame;
use crate::runtime::frame_object::{FrameObject, frame_object_of, line_of, locals_snapshot};
use crate::value::Value;

/// The payload of a traceback object: one frame's entry, linked to the
/// next (inner) one.
pub struct Traceback {
    /// `tb_next`.
    pub next: crate::object::PyCell<Value>,
    /// `tb_frame`: the frame's object (the frame's one frame object).
    pub frame: Ref<FrameObject>,
    /// The frame's code (`tb_frame.f_code`).
    pub code: Ref<Code>,
    /// `tb_lasti` in code units.
    pub lasti: u32,
}

/// Prepends an entry for `frame` (live) to the exception's traceback. A
/// refused allocation leaves the traceback as it was.
pub fn add_entry(vm: &mut Vm, err: &PyErr, frame: &Frame) {
    let fp = frame as *const Frame as *mut Frame;
    // SAFETY: `frame` is live (contract of the callers: the frame an
    // error is unwinding through, or the running one).
    let Ok(frame_object) = (unsafe { frame_object_of(vm, fp) }) else {
        return;
    };
    let next = err.0.traceback.get();
    let tb = Traceback {
        next: crate::object::PyCell::new(next),
        frame: frame_object,
        code: frame.code.clone(),
        lasti: frame.lasti,
    };
    // `Ref::new` borrows the class in place (`vm.alloc` would need a clone
    // of it: a reference-count round trip per entry).
    if let Ok(tb) = crate::object::Ref::new(&vm.types.traceback, tb) {
        let old = err
            .0
            .traceback
            .with(|t| std::mem::replace(t, Value::from_object(tb.into_obj())));
        drop(old);
    }
}

fn traceback_of<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<Traceback>> {
    match v.as_object().and_then(|o| o.downcast::<Traceback>()) {
        Some(t) => Ok(t),
        None => Err(vm.type_error("descriptor requires a 'traceback' object".into())),
    }
}

/// The attributes of traceback objects.
pub const TRACEBACK_GETSETS: &[GetSetDef] = &[
    getset(
        "tb_next",
        |vm, v| Ok(traceback_of(vm, v)?.next.get()),
        |vm, v, value| {
            let tb = traceback_of(vm, v)?.clone();
            let value = value.unwrap_or(Value::NONE);
            if !value.is_none()
                && value
                    .as_object()
                    .and_then(|o| o.downcast::<Traceback>())
                    .is_none()
            {
                let tn = vm.type_name(&value);
                return Err(vm.type_error(format!("expected traceback object or None, got '{tn}'")));
            }
            let old = tb.next.with(|n| std::mem::replace(n, value));
            drop(old);
            Ok(())
        },
    ),
    getter("tb_frame", |vm, v| {
        Ok(Value::from_object(
            traceback_of(vm, v)?.frame.as_obj().clone(),
        ))
    }),
    getter("tb_lasti", |vm, v| {
        Ok(Value::from_i64(i64::from(traceback_of(vm, v)?.lasti) * 2))
    }),
    getter("tb_lineno", |vm, v| {
        let tb = traceback_of(vm, v)?.clone();
        Ok(line_of(&tb.code, tb.lasti))
    }),
];

// ---------------------------------------------------------------------------
// Source lines.

/// Source lines of files, read once (`linecache`).
#[derive(Default)]
pub struct SourceCache {
    files: HashMap<String, Option<Vec<String>>>,
}

thread_local! {
    /// Sources that exist only in memory but whose lines tracebacks show,
    /// by filename: the `-c` program, as CPython 3.13+ registers it with
    /// `linecache` under `<string>`.
    static REGISTERED_SOURCES: std::cell::RefCell<HashMap<String, Vec<String>>> =
        std::cell::RefCell::new(HashMap::new());
}

/// Makes tracebacks show the lines of `text` for code from `filename`.
pub fn register_source(filename: &str, text: &str) {
    let lines = text.lines().map(str::to_owned).collect();
    REGISTERED_SOURCES.with(|sources| {
        sources.borrow_mut().insert(filename.to_owned(), lines);
    });
}

impl SourceCache {
    /// Line `line` (1-based) of `filename`, without its line ending.
    fn line(&mut self, filename: &str, line: i32) -> Option<String> {
        let lines = self.files.entry(filename.to_owned()).or_insert_with(|| {
            if let Some(lines) =
                REGISTERED_SOURCES.with(|sources| sources.borrow().get(filename).cloned())
            {
                return Some(lines);
            }
            if filename.starts_with('<') && filename.ends_with('>') {
                return None;
            }
            let text = std::fs::read(filename).ok()?;
            let text = String::from_utf8_lossy(&text).into_owned();
            Some(text.lines().map(str::to_owned).collect())
        });
        let lines = lines.as_ref()?;
        lines.get(usize::try_from(line - 1).ok()?).cloned()
    }
}

// ---------------------------------------------------------------------------
// Text helpers with Python's semantics (strings as sequences of characters).

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn string(c: &[char]) -> String {
    c.iter().collect()
}

/// `textwrap.dedent`: removes the common leading whitespace of the
/// non-blank lines; blank lines become empty.
fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut margin: Option<String> = None;
    for line in &lines {
        let content = line.trim_end_matches('\n');
        if content.trim().is_empty() {
            continue;
        }
        let indent: String = content
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        margin = Some(match margin {
            None => indent,
            Some(m) => m
                .chars()
                .zip(indent.chars())
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a)
                .collect(),
        });
    }
    let margin = margin.unwrap_or_default();
    let mut out = String::new();
    for line in lines {
        let content = line.trim_end_matches('\n');
        let newline = &line[content.len()..];
        if content.trim().is_empty() {
            out.push_str(newline);
        } else {
            out.push_str(content.strip_prefix(margin.as_str()).unwrap_or(content));
            out.push_str(newline);
        }
    }
    out
}

/// `textwrap.indent(text, prefix, lambda line: True)`.
fn indent_all(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        out.push_str(prefix);
        out.push_str(line);
    }
    out
}

/// The character index of a UTF-8 byte offset in `line`.
fn char_offset(line: &str, byte_offset: i32) -> usize {
    let b = usize::try_from(byte_offset).unwrap_or(0);
    let bytes = line.as_bytes();
    let prefix = &bytes[..b.min(bytes.len())];
    String::from_utf8_lossy(prefix).chars().count()
}

/// East Asian wide and fullwidth characters take two columns.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD)
}

/// `_display_width(line, offset)`.
fn display_width(line: &[char], offset: usize) -> usize {
    let end = offset.min(line.len());
    if line.iter().all(char::is_ascii) {
        return offset;
    }
    line[..end]
        .iter()
        .map(|c| if is_wide(*c) { 2 } else { 1 })
        .sum::<usize>()
        + (offset - end)
}

// ---------------------------------------------------------------------------
// Caret anchors.

/// Where the primary markers go within a segment (`traceback`'s `_Anchors`).
struct Anchors {
    left_end_lineno: usize,
    left_end_offset: usize,
    right_start_lineno: usize,
    right_start_offset: usize,
}

/// A parsed expression's end (or start) as (segment line, char column).
struct SegmentPositions<'a> {
    lines: Vec<Vec<char>>,
    texts: Vec<&'a str>,
    index: krait_syntax::line_index::LineIndex,
}

impl SegmentPositions<'_> {
    /// (line in the segment, char column) of a byte offset in the parsed text.
    fn at(&self, offset: u32) -> Option<(usize, usize)> {
        let (line, col) = self.index.line_col(offset);
        let lineno = (line as usize).checked_sub(2)?;
        let text = self.texts.get(lineno)?;
        Some((lineno, char_offset(text, col as i32)))
    }

    fn next_valid(&self, mut lineno: usize, mut col: usize) -> Option<(usize, usize)> {
        while lineno < self.lines.len() && col >= self.lines[lineno].len() {
            col = 0;
            lineno += 1;
        }
        (lineno < self.lines.len()).then_some((lineno, col))
    }

    fn increment_until(
        &self,
        mut lineno: usize,
        mut col: usize,
        stop: impl Fn(char) -> bool,
    ) -> Option<(usize, usize)> {
        loop {
            let ch = *self.lines.get(lineno)?.get(col)?;
            if ch == '\\' || ch == '#' {
                (lineno, col) = self.next_valid(lineno + 1, 0)?;
            } else if !stop(ch) {
                (lineno, col) = self.next_valid(lineno, col + 1)?;
            } else {
                return Some((lineno, col));
            }
        }
    }
}

/// `_extract_caret_anchors_from_line_segment`.
fn caret_anchors(segment: &str) -> Option<Anchors> {
    use krait_syntax::ast::{ExprKind, Mod, StmtKind};
    let wrapped = format!("(\n{segment}\n)");
    let parsed = krait_syntax::parse_module(wrapped.as_bytes(), "<anchor>").ok()?;
    let Mod::Module { body, .. } = &parsed.module else {
        return None;
    };
    if body.len() != 1 {
        return None;
    }
    let StmtKind::Expr { value } = &body.first()?.kind else {
        return None;
    };
    let texts: Vec<&str> = segment.lines().collect();
    let positions = SegmentPositions {
        lines: texts.iter().map(|t| chars(t)).collect(),
        texts,
        index: krait_syntax::line_index::LineIndex::new(&wrapped),
    };
    let end_of = |e: &krait_syntax::ast::Expr, valid: bool| {
        let (l, c) = positions.at(e.range.end)?;
        if valid {
            positions.next_valid(l, c)
        } else {
            Some((l, c))
        }
    };
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (l, c) = end_of(left, true)?;
            let (lineno, col) =
                positions.increment_until(l, c, |ch| !ch.is_whitespace() && ch != ')')?;
            let mut right_col = col + 1;
            let line = &positions.lines[lineno];
            let (right_line, right_start) = positions.at(right.range.start)?;
            if right_col < line.len()
                && (right_line > lineno || right_col < right_start)
                && !line[right_col].is_whitespace()
                && line[right_col] != '\\'
                && line[right_col] != '#'
            {
                right_col += 1;
            }
            Some(Anchors {
                left_end_lineno: lineno,
                left_end_offset: col,
                right_start_lineno: lineno,
                right_start_offset: right_col,
            })
        }
        ExprKind::Subscript { value: inner, .. } => {
            let (l, c) = end_of(inner, true)?;
            let (left_line, left_col) = positions.increment_until(l, c, |ch| ch == '[')?;
            let (right_line, right_col) = end_of(value, false)?;
            Some(Anchors {
                left_end_lineno: left_line,
                left_end_offset: left_col,
                right_start_lineno: right_line,
                right_start_offset: right_col,
            })
        }
        ExprKind::Call { func, .. } => {
            let (l, c) = end_of(func, true)?;
            let (left_line, left_col) = positions.increment_until(l, c, |ch| ch == '(')?;
            let (right_line, right_col) = end_of(value, false)?;
            Some(Anchors {
                left_end_lineno: left_line,
                left_end_offset: left_col,
                right_start_lineno: right_line,
                right_start_offset: right_col,
            })
        }
        _ => None,
    }
}

/// `StackSummary._should_show_carets`.
fn should_show_carets(
    start_offset: usize,
    end_offset: usize,
    all_lines: &[Vec<char>],
    anchors: bool,
) -> bool {
    use krait_syntax::ast::{ExprKind, Mod, StmtKind};
    let joined: Vec<String> = all_lines.iter().map(|l| string(l)).collect();
    let source = joined.join("\n");
    if let Ok(parsed) = krait_syntax::parse_module(source.as_bytes(), "<carets>") {
        let Mod::Module { body, .. } = &parsed.module else {
            return false;
        };
        let Some(statement) = body.first() else {
            return false;
        };
        let value = match &statement.kind {
            StmtKind::Return { value: Some(v) } if matches!(&v.kind, ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Name { .. })) => {
                Some(v)
            }
            StmtKind::Assign { targets, value, .. }
                if matches!(value.kind, ExprKind::Call { .. })
                    && targets.len() == 1
                    && matches!(targets[0].kind, ExprKind::Name { .. }) =>
            {
                Some(value)
            }
            _ => None,
        };
        if let Some(v) = value {
            let (line, col) = parsed.index.line_col(v.range.start);
            let (end_line, end_col) = parsed.index.line_col(v.range.end);
            if line == 1
                && end_line as usize == all_lines.len()
                && col as usize == start_offset
                && end_col as usize == end_offset
            {
                return false;
            }
        }
    }
    if anchors {
        return true;
    }
    let first = &all_lines[0];
    let last = &all_lines[all_lines.len() - 1];
    let before = string(&first[..start_offset.min(first.len())]);
    let after = string(&last[end_offset.min(last.len())..]);
    !before.trim_start().is_empty() || !after.trim_end().is_empty()
}

// ---------------------------------------------------------------------------
// One frame.

/// What a traceback entry shows.
struct FrameSummary {
    filename: String,
    name: String,
    /// First line, or -1 when unknown.
    lineno: i32,
    end_lineno: i32,
    colno: i32,
    end_colno: i32,
}

fn summary(code: &Code, lasti: u32) -> FrameSummary {
    let loc = code.code.location_at(lasti as usize);
    let (lineno, end_lineno, colno, end_colno) = match loc {
        Some(l) => (l.line, l.end_line, l.col, l.end_col),
        None => (-1, -1, -1, -1),
    };
    FrameSummary {
        filename: String::from_utf8_lossy(code.code.filename.as_bytes()).into_owned(),
        name: code.name.as_lossy().into_owned(),
        lineno,
        end_lineno: if end_lineno < 0 { lineno } else { end_lineno },
        colno,
        end_colno,
    }
}

/// `StackSummary.format_frame_summary`.
fn format_frame(cache: &mut SourceCache, f: &FrameSummary) -> String {
    let mut row = String::new();
    let shown_line = if f.lineno < 0 {
        "None".to_string()
    } else {
        f.lineno.to_string()
    };
    row.push_str(&format!(
        "  File \"{}\", line {shown_line}, in {}\n",
        f.filename, f.name
    ));
    if f.lineno < 0 {
        return row;
    }
    let mut original: Vec<String> = Vec::new();
    for line in f.lineno..=f.end_lineno.max(f.lineno) {
        original.push(
            cache
                .line(&f.filename, line)
                .unwrap_or_default()
                .trim_end()
                .to_string(),
        );
    }
    let original_text = format!("{}\n", original.join("\n"));
    let dedented_text = dedent(&original_text);
    if dedented_text.trim().is_empty() {
        return row;
    }
    if f.colno < 0 || f.end_colno < 0 {
        let first = original.first().map(|l| l.trim()).unwrap_or("");
        row.push_str(&format!("    {first}\n"));
        return row;
    }
    let nlines = (f.end_lineno - f.lineno) as usize + 1;
    let first_line = original.first().cloned().unwrap_or_default();
    let last_line = original.get(nlines - 1).cloned().unwrap_or_default();
    let start_offset = char_offset(&first_line, f.colno);
    let end_offset = char_offset(&last_line, f.end_colno);
    let all_lines: Vec<Vec<char>> = dedented_text.lines().take(nlines).map(chars).collect();
    if all_lines.is_empty() {
        return row;
    }
    let dedent_chars = first_line
        .chars()
        .count()
        .saturating_sub(all_lines[0].len());
    let start_offset = start_offset.saturating_sub(dedent_chars);
    let end_offset = end_offset.saturating_sub(dedent_chars);
    let last = all_lines.len() - 1;
    let dp_start_offset = display_width(&all_lines[0], start_offset);
    let dp_end_offset = display_width(&all_lines[last], end_offset);
    // The exact code segment of the instruction.
    let joined: Vec<String> = all_lines.iter().map(|l| string(l)).collect();
    let segment_full: Vec<char> = chars(&joined.join("\n"));
    let cut_end = segment_full
        .len()
        .saturating_sub(all_lines[last].len().saturating_sub(end_offset));
    let segment = if start_offset <= cut_end {
        string(&segment_full[start_offset..cut_end])
    } else {
        String::new()
    };
    let anchors = caret_anchors(&segment);
    let show_carets = should_show_carets(start_offset, end_offset, &all_lines, anchors.is_some());
    let mut significant: Vec<usize> = vec![0, last];
    let mut left_end = (0usize, 0usize);
    let mut right_start = (0usize, 0usize);
    let (primary, secondary) = ('~', '^');
    if let Some(a) = &anchors {
        let mut left_off = a.left_end_offset;
        let mut right_off = a.right_start_offset;
        if a.left_end_lineno == 0 {
            left_off += start_offset;
        }
        if a.right_start_lineno == 0 {
            right_off += start_offset;
        }
        let left_line = all_lines
            .get(a.left_end_lineno)
            .cloned()
            .unwrap_or_default();
        let right_line = all_lines
            .get(a.right_start_lineno)
            .cloned()
            .unwrap_or_default();
        left_end = (a.left_end_lineno, display_width(&left_line, left_off));
        right_start = (a.right_start_lineno, display_width(&right_line, right_off));
        for l in [a.left_end_lineno, a.right_start_lineno] {
            significant.extend([l.wrapping_sub(1), l, l + 1]);
        }
    }
    significant.retain(|&l| l <= last);
    significant.sort_unstable();
    significant.dedup();
    let mut result = String::new();
    let output_line = |lineno: usize, result: &mut String| {
        let line = &all_lines[lineno];
        result.push_str(&string(line));
        result.push('\n');
        if !show_carets {
            return;
        }
        let num_spaces = line.iter().take_while(|c| c.is_whitespace()).count();
        let num_carets = if lineno == last {
            dp_end_offset
        } else {
            display_width(line, line.len())
        };
        let mut carets = String::with_capacity(num_carets);
        for col in 0..num_carets {
            if col < num_spaces || (lineno == 0 && col < dp_start_offset) {
                carets.push(' ');
            } else if anchors.is_some()
                && (lineno > left_end.0 || (lineno == left_end.0 && col >= left_end.1))
                && (lineno < right_start.0 || (lineno == right_start.0 && col < right_start.1))
            {
                carets.push(secondary);
            } else {
                carets.push(if anchors.is_some() { primary } else { '^' });
            }
        }
        result.push_str(&carets);
        result.push('\n');
    };
    for (i, &lineno) in significant.iter().enumerate() {
        if i > 0 {
            let diff = lineno - significant[i - 1];
            if diff == 2 {
                output_line(lineno - 1, &mut result);
            } else if diff > 2 {
                result.push_str(&format!("...<{} lines>...\n", diff - 1));
            }
        }
        output_line(lineno, &mut result);
    }
    row.push_str(&indent_all(&dedent(&result), "    "));
    row
}

/// Repeated frames beyond this many are collapsed.
const RECURSIVE_CUTOFF: usize = 3;

/// `StackSummary.format`.
fn format_stack(cache: &mut SourceCache, entries: &[(Ref<Code>, u32)]) -> String {
    let mut out = String::new();
    let mut last: Option<(String, i32, String)> = None;
    let mut count = 0usize;
    let repeated = |count: usize, out: &mut String| {
        if count > RECURSIVE_CUTOFF {
            let n = count - RECURSIVE_CUTOFF;
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n > 1 { "s" } else { "" }
            ));
        }
    };
    for (code, lasti) in entries {
        let f = summary(code, *lasti);
        let key = (f.filename.clone(), f.lineno, f.name.clone());
        if last.as_ref() != Some(&key) {
            repeated(count, &mut out);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > RECURSIVE_CUTOFF {
            continue;
        }
        out.push_str(&format_frame(cache, &f));
    }
    repeated(count, &mut out);
    out
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
        cursor = t.next.get();
    }
    out
}

// ---------------------------------------------------------------------------
// Exceptions (`TracebackException`).

/// What `__notes__` holds, ready to print.
enum Notes {
    None,
    Lines(Vec<String>),
    Repr(String),
}

/// One exception of the tree being printed.
struct TbException {
    entries: Vec<(Ref<Code>, u32)>,
    type_str: String,
    text: String,
    notes: Notes,
    syntax: Option<SyntaxInfo>,
    suppress_context: bool,
    cause: Option<usize>,
    context: Option<usize>,
    exceptions: Option<Vec<usize>>,
}

/// The details a `SyntaxError` prints.
struct SyntaxInfo {
    filename: Option<String>,
    lineno: Option<String>,
    end_lineno: Option<String>,
    text: Option<String>,
    offset: Option<i64>,
    end_offset: Option<i64>,
    msg: String,
}

/// `str(v)`, or CPython's placeholder when that fails.
fn safe_str(vm: &mut Vm, v: &Value, what: &str) -> String {
    match vm.str_string(v) {
        Ok(s) => s,
        Err(_) => format!("<{what} str() failed>"),
    }
}

fn type_str(vm: &mut Vm, exc: &Value) -> String {
    let class = vm.type_of(exc).clone();
    let qualname = class.qualname.get().to_string();
    let module = if class.has_flag(crate::types::flags::HEAPTYPE) {
        class
            .dict
            .with(|d| d.get_str(&crate::builtins::str::Str::new("__module__")))
            .map(|m| vm.as_str(&m).map(|s| s.as_lossy().into_owned()))
    } else {
        crate::builtins::type_::type_module(vm, &class).map(Some)
    };
    match module {
        Some(Some(m)) if m == "__main__" || m == "builtins" => qualname,
        Some(Some(m)) => format!("{m}.{qualname}"),
        _ => format!("<unknown>.{qualname}"),
    }
}

fn notes_of(vm: &mut Vm, exc: &Value) -> Notes {
    let Ok(name) = vm.intern("__notes__") else {
        return Notes::None;
    };
    let notes = match vm.get_attr_opt(exc, &name) {
        Ok(Some(n)) => n,
        Ok(None) => return Notes::None,
        Err(e) => {
            let r = vm
                .repr_string(&Value::from_object(e.0.as_obj().clone()))
                .unwrap_or_else(|_| "<__notes__ repr() failed>".into());
            return Notes::Lines(vec![format!("Ignored error getting __notes__: {r}")]);
        }
    };
    let is_sequence = notes.as_object().is_some_and(|o| {
        o.downcast::<crate::builtins::list::List>().is_some()
            || o.downcast::<crate::builtins::tuple::Tuple>().is_some()
    });
    if is_sequence {
        let items = vm.collect_iterable(&notes).unwrap_or_default();
        let mut lines = Vec::new();
        for item in items {
            let text = safe_str(vm, &item, "note");
            lines.extend(text.split('\n').map(str::to_owned));
        }
        Notes::Lines(lines)
    } else {
        match vm.repr_string(&notes) {
            Ok(r) => Notes::Repr(r),
            Err(_) => Notes::Repr("<__notes__ repr() failed>".into()),
        }
    }
}

fn syntax_info(vm: &mut Vm, e: &BaseException) -> SyntaxInfo {
    let text_of = |vm: &mut Vm, v: Value| -> Option<String> {
        if v.is_none() {
            None
        } else {
            Some(safe_str(vm, &v, "value"))
        }
    };
    let filename = e.field(field::SYNTAX_FILENAME);
    let filename = vm.as_str(&filename).map(|s| s.as_lossy().into_owned());
    let lineno = text_of(vm, e.field(field::SYNTAX_LINENO));
    let end_lineno = text_of(vm, e.field(field::SYNTAX_END_LINENO));
    let text = e.field(field::SYNTAX_TEXT);
    let text = vm.as_str(&text).map(|s| s.as_lossy().into_owned());
    let msg = text_of(vm, e.field(field::SYNTAX_MSG)).unwrap_or_default();
    SyntaxInfo {
        filename,
        lineno,
        end_lineno,
        text,
        offset: e.field(field::SYNTAX_OFFSET).as_i64(),
        end_offset: e.field(field::SYNTAX_END_OFFSET).as_i64(),
        msg,
    }
}

/// "Did you mean" for `AttributeError`s and `NameError`s (CPython's
/// `_compute_suggestion_error`).
fn suggestion(vm: &mut Vm, exc: &Value, e: &BaseException) -> Option<String> {
    let wrong = e.field(field::NAME);
    let wrong = vm.as_str(&wrong)?.as_lossy().into_owned();
    let mut candidates: Vec<String> = Vec::new();
    if vm.is_instance_of_kind(exc, ExcKind::AttributeError) {
        let obj = e.field(field::OBJ);
        // `obj.__dir__()`, or `type(obj).__dir__(obj)` when that fails (a class).
        let listed = match vm
            .get_attr_str(&obj, "__dir__")
            .and_then(|dir| vm.call(&dir, &[], None))
        {
            Ok(l) => l,
            Err(_) => {
                let dir = vm.lookup_special(&obj, "__dir__")?;
                vm.call(&dir, &[], None).ok()?
            }
        };
        for item in vm.collect_iterable(&listed).ok()? {
            if let Some(s) = vm.as_str(&item) {
                candidates.push(s.as_lossy().into_owned());
            }
        }
        candidates.sort();
        let mut hide_underscored = !wrong.starts_with('_');
        if hide_underscored
            && let Some(tb) = innermost_entry(&e.traceback.get())
            && let Ok(locals) = locals_snapshot(vm, &tb.frame)
            && let Some(locals) = locals.as_object().and_then(|o| o.downcast::<Dict>())
            && let Some(this) = locals
                .table
                .with(|t| t.get_str(&crate::builtins::str::Str::new("self")))
            && this
                .as_object()
                .zip(obj.as_object())
                .is_some_and(|(a, b)| a.is(b))
        {
            hide_underscored = false;
        }
        if hide_underscored {
            candidates.retain(|c| !c.starts_with('_'));
        }
    } else if vm.is_instance_of_kind(exc, ExcKind::NameError) {
        let tb = innermost_entry(&e.traceback.get())?;
        let locals = locals_snapshot(vm, &tb.frame).ok()?;
        let mut namespaces = vec![locals.clone()];
        if let Some(frame) = tb.frame.frame() {
            namespaces.push(Value::from_object(frame.globals.as_obj().clone()));
            namespaces.push(Value::from_object(frame.builtins.as_obj().clone()));
        }
        for ns in &namespaces {
            if let Some(d) = ns.as_object().and_then(|o| o.downcast::<Dict>()) {
                for (k, _) in d.items() {
                    if let Some(s) = vm.as_str(&k) {
                        candidates.push(s.as_lossy().into_owned());
                    }
                }
            }
        }
        if let Some(d) = locals.as_object().and_then(|o| o.downcast::<Dict>())
            && let Some(this) = d
                .table
                .with(|t| t.get_str(&crate::builtins::str::Str::new("self")))
            && let Ok(name) = vm.intern(&wrong)
            && matches!(vm.get_attr_opt(&this, &name), Ok(Some(_)))
        {
            return Some(format!("self.{wrong}"));
        }
    } else {
        return None;
    }
    let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
    krait_syntax::suggestions::best_suggestion(&refs, &wrong).map(str::to_owned)
}

fn innermost_entry(tb: &Value) -> Option<Ref<Traceback>> {
    let mut cursor = tb.clone();
    let mut last = None;
    while let Some(t) = cursor
        .as_object()
        .and_then(|o| o.downcast::<Traceback>())
        .cloned()
    {
        cursor = t.next.get();
        last = Some(t);
    }
    last
}

/// The tree of exceptions to print: the exception, its causes/contexts and
/// group members, each once (`TracebackException.__init__`).
struct Tree {
    nodes: Vec<TbException>,
    seen: Vec<usize>,
}

impl Tree {
    fn node(&mut self, vm: &mut Vm, exc: &Value) -> usize {
        if let Some(o) = exc.as_object() {
            self.seen.push(o.address());
        }
        let e = as_exception(exc).cloned();
        let mut text = safe_str(vm, exc, "exception");
        let mut syntax = None;
        let mut suppress_context = false;
        let mut entries = Vec::new();
        if let Some(e) = &e {
            entries = tb_entries(&e.traceback.get());
            suppress_context = e.suppress_context.get();
            if vm.is_instance_of_kind(exc, ExcKind::SyntaxError) {
                syntax = Some(syntax_info(vm, e));
            } else if let Some(s) = suggestion(vm, exc, e) {
                text.push_str(&format!(". Did you mean: '{s}'?"));
            }
        }
        let node = TbException {
            entries,
            type_str: type_str(vm, exc),
            text,
            notes: notes_of(vm, exc),
            syntax,
            suppress_context,
            cause: None,
            context: None,
            exceptions: None,
        };
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    fn unseen(&self, v: &Value) -> bool {
        v.as_object()
            .is_some_and(|o| !self.seen.contains(&o.address()))
    }

    fn build(vm: &mut Vm, exc: &Value) -> Tree {
        let mut tree = Tree {
            nodes: Vec::new(),
            seen: Vec::new(),
        };
        let root = tree.node(vm, exc);
        let mut queue = vec![(root, exc.clone())];
        while let Some((index, e)) = queue.pop() {
            let Some(payload) = as_exception(&e).cloned() else {
                continue;
            };
            let cause_value = payload.cause.get();
            let cause = if !cause_value.is_none() && tree.unseen(&cause_value) {
                Some(tree.node(vm, &cause_value))
            } else {
                None
            };
            let context_value = payload.context.get();
            let need_context = cause.is_none() && !payload.suppress_context.get();
            let context = if need_context && !context_value.is_none() && tree.unseen(&context_value)
            {
                Some(tree.node(vm, &context_value))
            } else {
                None
            };
            let exceptions = if vm.is_instance_of_kind(&e, ExcKind::BaseExceptionGroup) {
                let members = crate::builtins::exception_group::group_exceptions(&e);
                let mut indices = Vec::with_capacity(members.len());
                for m in &members {
                    indices.push(tree.node(vm, m));
                }
                Some((indices, members))
            } else {
                None
            };
            tree.nodes[index].cause = cause;
            tree.nodes[index].context = context;
            if let Some(c) = cause {
                queue.push((c, cause_value));
            }
            if let Some(c) = context {
                queue.push((c, context_value));
            }
            if let Some((indices, members)) = exceptions {
                tree.nodes[index].exceptions = Some(indices.clone());
                queue.extend(indices.into_iter().zip(members));
            }
        }
        tree
    }
}

/// `_ExceptionPrintContext`: nesting inside exception-group boxes.
struct PrintContext {
    group_depth: usize,
    need_close: bool,
}

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    fn emit(&self, out: &mut String, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.group_depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        out.push_str(&indent_all(text, &prefix));
    }
}

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";
/// `max_group_width`.
const MAX_GROUP_WIDTH: usize = 15;
/// `max_group_depth`.
const MAX_GROUP_DEPTH: usize = 10;

/// `_format_syntax_error`.
fn format_syntax_error(out: &mut String, type_str: &str, s: &SyntaxInfo) {
    let mut filename_suffix = String::new();
    if let Some(lineno) = &s.lineno {
        out.push_str(&format!(
            "  File \"{}\", line {lineno}\n",
            s.filename.as_deref().unwrap_or("<string>")
        ));
    } else if let Some(f) = &s.filename {
        filename_suffix = format!(" ({f})");
    }
    if let Some(text) = &s.text {
        let rtext = text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = rtext.chars().count() - ltext.chars().count();
        match s.offset {
            None => out.push_str(&format!("    {ltext}\n")),
            Some(offset) => {
                let text_len = text.chars().count() as i64;
                let rlen = rtext.chars().count() as i64;
                let mut offset = offset;
                let mut end_offset = if s.lineno == s.end_lineno {
                    match s.end_offset {
                        Some(e) if e != 0 => e,
                        _ => offset,
                    }
                } else {
                    rlen + 1
                };
                if !text.is_empty() && offset > text_len {
                    offset = rlen + 1;
                }
                if !text.is_empty() && end_offset > text_len {
                    end_offset = rlen + 1;
                }
                if offset >= end_offset || end_offset < 0 {
                    end_offset = offset + 1;
                }
                let colno = offset - 1 - spaces as i64;
                let end_colno = end_offset - 1 - spaces as i64;
                out.push_str(&format!("    {ltext}\n"));
                if colno >= 0 {
                    let caretspace: String = ltext
                        .chars()
                        .take(colno as usize)
                        .map(|c| if c.is_whitespace() { c } else { ' ' })
                        .collect();
                    let n = usize::try_from(end_colno - colno).unwrap_or(0);
                    out.push_str(&format!("    {caretspace}{}\n", "^".repeat(n)));
                }
            }
        }
    }
    let msg = if s.msg.is_empty() {
        "<no detail available>"
    } else {
        &s.msg
    };
    out.push_str(&format!("{type_str}: {msg}{filename_suffix}\n"));
}

/// `format_exception_only` of one exception (at top level).
fn format_exception_only(node: &TbException) -> String {
    let mut out = String::new();
    match &node.syntax {
        Some(s) => format_syntax_error(&mut out, &node.type_str, s),
        None => {
            if node.text.is_empty() {
                out.push_str(&format!("{}\n", node.type_str));
            } else {
                out.push_str(&format!("{}: {}\n", node.type_str, node.text));
            }
        }
    }
    match &node.notes {
        Notes::None => {}
        Notes::Lines(lines) => {
            for line in lines {
                out.push_str(line);
                out.push('\n');
            }
        }
        Notes::Repr(r) => {
            out.push_str(r);
            out.push('\n');
        }
    }
    out
}

/// `TracebackException.format`.
fn format_node(
    tree: &Tree,
    index: usize,
    ctx: &mut PrintContext,
    cache: &mut SourceCache,
    out: &mut String,
) {
    let mut chain: Vec<(Option<&str>, usize)> = Vec::new();
    let mut current = Some(index);
    while let Some(i) = current {
        let node = &tree.nodes[i];
        let (message, next) = if let Some(c) = node.cause {
            (Some(CAUSE_MESSAGE), Some(c))
        } else if let Some(c) = node.context.filter(|_| !node.suppress_context) {
            (Some(CONTEXT_MESSAGE), Some(c))
        } else {
            (None, None)
        };
        chain.push((message, i));
        current = next;
        if chain.len() > tree.nodes.len() {
            break;
        }
    }
    for (message, i) in chain.into_iter().rev() {
        if let Some(m) = message {
            ctx.emit(out, m, '|');
        }
        let node = &tree.nodes[i];
        match &node.exceptions {
            None => {
                if !node.entries.is_empty() {
                    ctx.emit(out, "Traceback (most recent call last):\n", '|');
                    ctx.emit(out, &format_stack(cache, &node.entries), '|');
                }
                ctx.emit(out, &format_exception_only(node), '|');
            }
            Some(_) if ctx.group_depth > MAX_GROUP_DEPTH => {
                ctx.emit(
                    out,
                    &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                    '|',
                );
            }
            Some(members) => {
                let toplevel = ctx.group_depth == 0;
                if toplevel {
                    ctx.group_depth += 1;
                }
                if !node.entries.is_empty() {
                    ctx.emit(
                        out,
                        "Exception Group Traceback (most recent call last):\n",
                        if toplevel { '+' } else { '|' },
                    );
                    ctx.emit(out, &format_stack(cache, &node.entries), '|');
                }
                ctx.emit(out, &format_exception_only(node), '|');
                let n = if members.len() <= MAX_GROUP_WIDTH {
                    members.len()
                } else {
                    MAX_GROUP_WIDTH + 1
                };
                ctx.need_close = false;
                for i in 0..n {
                    let last = i == n - 1;
                    if last {
                        ctx.need_close = true;
                    }
                    let truncated = i >= MAX_GROUP_WIDTH;
                    let title = if truncated {
                        "...".to_string()
                    } else {
                        (i + 1).to_string()
                    };
                    out.push_str(&format!(
                        "{}{}+---------------- {title} ----------------\n",
                        ctx.indent(),
                        if i == 0 { "+-" } else { "  " }
                    ));
                    ctx.group_depth += 1;
                    if truncated {
                        let remaining = members.len() - MAX_GROUP_WIDTH;
                        let plural = if remaining > 1 { "s" } else { "" };
                        ctx.emit(
                            out,
                            &format!("and {remaining} more exception{plural}\n"),
                            '|',
                        );
                    } else {
                        format_node(tree, members[i], ctx, cache, out);
                    }
                    if last && ctx.need_close {
                        out.push_str(&format!(
                            "{}+------------------------------------\n",
                            ctx.indent()
                        ));
                        ctx.need_close = false;
                    }
                    ctx.group_depth -= 1;
                }
                if toplevel {
                    ctx.group_depth = 0;
                }
            }
        }
    }
}

/// Formats an uncaught exception with its chain, as `traceback.print_exception`.
pub fn format_exception(vm: &mut Vm, err: &Ref<BaseException>) -> String {
    let exc = Value::from_object(err.as_obj().clone());
    let tree = Tree::build(vm, &exc);
    let mut ctx = PrintContext {
        group_depth: 0,
        need_close: false,
    };
    let mut cache = SourceCache::default();
    let mut out = String::new();
    format_node(&tree, 0, &mut ctx, &mut cache, &mut out);
    out
}

/// Formats one exception with its traceback, without its chain and
/// without position markers (as the default `sys.unraisablehook` prints,
/// through CPython's C traceback printer).
pub fn format_exception_alone(vm: &mut Vm, err: &Ref<BaseException>) -> String {
    let exc = Value::from_object(err.as_obj().clone());
    let mut cache = SourceCache::default();
    let mut out = String::new();
    let entries = tb_entries(&err.traceback.get());
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for (code, lasti) in &entries {
            let f = summary(code, *lasti);
            if f.lineno < 0 {
                out.push_str(&format!(
                    "  File \"{}\", line ?, in {}\n",
                    f.filename, f.name
                ));
                continue;
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                f.filename, f.lineno, f.name
            ));
            if let Some(line) = cache.line(&f.filename, f.lineno) {
                let text = line.trim();
                if !text.is_empty() {
                    out.push_str(&format!("    {text}\n"));
                }
            }
        }
    }
    let type_name = type_str(vm, &exc);
    let text = safe_str(vm, &exc, "exception");
    if text.is_empty() {
        out.push_str(&format!("{type_name}\n"));
    } else {
        out.push_str(&format!("{type_name}: {text}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedent_removes_the_common_margin_and_blank_line_indentation() {
        assert_eq!(dedent("    a\n      b\n   \n    c\n"), "a\n  b\n\nc\n");
        assert_eq!(dedent("a\n  b\n"), "a\n  b\n");
    }

    #[test]
    fn anchors_find_operators_subscripts_and_calls() {
        let a = caret_anchors("a + b").expect("binary operator");
        assert_eq!((a.left_end_offset, a.right_start_offset), (2, 3));
        let a = caret_anchors("x[1]").expect("subscript");
        assert_eq!((a.left_end_offset, a.right_start_offset), (1, 4));
        let a = caret_anchors("f(x, y)").expect("call");
        assert_eq!((a.left_end_offset, a.right_start_offset), (1, 7));
        assert!(caret_anchors("a == b").is_none());
    }

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(display_width(&chars("ab"), 2), 2);
        assert_eq!(display_width(&chars("日本x"), 3), 5);
    }
}
