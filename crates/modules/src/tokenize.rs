//! `_tokenize` (CPython's `Python/Python-tokenize.c`): `TokenizerIter`, the
//! iterator under the pure-Python `tokenize` module (`generate_tokens`,
//! `tokenize`, and through them `inspect.getsource`, `linecache`...).
//!
//! It runs krait's own tokenizer (`krait_syntax::tokenizer`, in the mode that
//! keeps comments and non-logical newlines) and turns its byte-range tokens
//! into CPython's 5-tuples `(type, string, (srow, scol), (erow, ecol), line)`:
//! columns in characters, `line` the physical line(s) the token spans, the
//! implicit `NEWLINE`/`NL` of a last line without a newline as `''`, doubled
//! f-string braces shown once. The source is read from `readline` when the
//! iterator is made (CPython reads line by line; the tokens come out the
//! same). A tokenizer error is raised when the iteration reaches it, after
//! the tokens before it, as a `SyntaxError` (or `IndentationError`) that
//! `tokenize` turns into `TokenError`. Not yet: `extra_tokens=False` (the
//! parser's view of the tokens, which only `tokenize`'s own tests ask for)
//! and sources with carriage returns; both raise `NotImplementedError`.

use krait_syntax::tokenizer::{Token, TokenKind, Tokens, tokenize_with_extras};
use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::tuple::Tuple;
use krait_vm::gc::Payload;
use krait_vm::object::{PyCell, Ref};
use krait_vm::types::TypeRef;
use krait_vm::{PyErr, PyResult, Value, Vm};

/// CPython's token type numbers (`token.py`) that the iterator yields.
mod types {
    pub const ENDMARKER: i64 = 0;
    pub const NAME: i64 = 1;
    pub const NUMBER: i64 = 2;
    pub const STRING: i64 = 3;
    pub const NEWLINE: i64 = 4;
    pub const INDENT: i64 = 5;
    pub const DEDENT: i64 = 6;
    pub const OP: i64 = 55;
    pub const FSTRING_START: i64 = 59;
    pub const FSTRING_MIDDLE: i64 = 60;
    pub const FSTRING_END: i64 = 61;
    pub const TSTRING_START: i64 = 62;
    pub const TSTRING_MIDDLE: i64 = 63;
    pub const TSTRING_END: i64 = 64;
    pub const COMMENT: i64 = 65;
    pub const NL: i64 = 66;
}

/// The source, its tokens and how far the iteration is.
struct Tokenized {
    /// The source, with a newline appended if it lacked one.
    text: String,
    /// The length of the source as read (where an appended newline starts).
    source_len: usize,
    /// Offsets where each line starts (the first is 0).
    line_starts: Vec<usize>,
    tokens: Tokens,
    /// The index of the next token.
    next: usize,
}

/// The payload of `TokenizerIter`.
pub struct TokenizerIter {
    state: PyCell<Tokenized>,
}

impl Payload for TokenizerIter {}

/// `_tokenize`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    let class = vm.new_builtin_type::<TokenizerIter>(
        "_tokenize",
        "TokenizerIter",
        None,
        krait_vm::types::flags::NEW_ALLOCATES_CLASS,
        &[],
    )?;
    class.slots.new.set(Some(new_iter));
    class.slots.iter.set(Some(|_vm, v| Ok(v.clone())));
    class.slots.next.set(Some(next));
    class.bump_version();
    let types = [class.clone()];
    krait_vm::builtins::slot_wrappers::install(vm, &types)?;
    krait_vm::builtins::type_::install_new_wrappers(vm, &types)?;
    let value = Value::from_object(class.as_obj().clone());
    vm.module_set(module, "TokenizerIter", value)
}

/// `TokenizerIter(readline, /, *, extra_tokens, encoding=None)`.
fn new_iter(
    vm: &mut Vm,
    cls: &TypeRef,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let bound = krait_vm::static_signature!("(readline, /, *, extra_tokens, encoding=None)").bind(
        vm,
        "TokenizerIter",
        args,
        kwnames,
    )?;
    let readline = bound.required(0).clone();
    if !vm.is_true(bound.required(1))? {
        // Only `tokenize`'s own tests ask for the parser's view of the tokens.
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait's _tokenize.TokenizerIter supports only extra_tokens=True",
        ));
    }
    let encoding = bound.get(2).filter(|e| !e.is_none()).cloned();
    let source = read_source(vm, &readline, encoding.as_ref())?;
    if source.contains('\r') {
        return Err(vm.new_error(
            ExcKind::NotImplementedError,
            "krait's _tokenize does not read sources with carriage returns yet",
        ));
    }
    let source_len = source.len();
    let mut text = source;
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    let tokens = if text.is_empty() {
        Tokens {
            tokens: vec![Token {
                kind: TokenKind::EndMarker,
                start: 0,
                end: 0,
            }],
            error: None,
        }
    } else {
        tokenize_with_extras(&text)
    };
    let mut line_starts = vec![0];
    line_starts.extend(
        text.bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i + 1),
    );
    let it = vm.alloc(
        cls,
        TokenizerIter {
            state: PyCell::new(Tokenized {
                text,
                source_len,
                line_starts,
                tokens,
                next: 0,
            }),
        },
    )?;
    Ok(Value::from_object(it.into_obj()))
}

/// Calls `readline` until it returns an empty line or raises
/// `StopIteration`; decodes `bytes` lines with `encoding`.
fn read_source(vm: &mut Vm, readline: &Value, encoding: Option<&Value>) -> PyResult<String> {
    let mut text = String::new();
    loop {
        let line = match vm.call(readline, &[], None) {
            Ok(line) => line,
            Err(e) if vm.exc_matches(&e, ExcKind::StopIteration) => break,
            Err(e) => return Err(e),
        };
        let line = match encoding {
            Some(enc) if vm.as_str(&line).is_none() => {
                let decode = vm.get_attr_str(&line, "decode")?;
                vm.call(&decode, std::slice::from_ref(enc), None)?
            }
            _ => line,
        };
        let Some(s) = vm.as_str(&line) else {
            let tn = vm.type_name(&line);
            return Err(vm.type_error(format!("readline() returned a non-string object: {tn}")));
        };
        let s = s.as_lossy().into_owned();
        if s.is_empty() {
            break;
        }
        text.push_str(&s);
    }
    Ok(text)
}

impl Tokenized {
    /// The 0-based line holding `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// `(row, col)` of `offset`: the 1-based line and the column in characters.
    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let col = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count());
        (line + 1, col)
    }

    /// The physical lines from the one holding `from` to the one holding
    /// `to` (inclusive), without an appended newline.
    fn lines(&self, from: usize, to: usize) -> &str {
        let first = self
            .line_starts
            .get(self.line_of(from))
            .copied()
            .unwrap_or(0);
        let last = self.line_of(to);
        let end = self
            .line_starts
            .get(last + 1)
            .copied()
            .unwrap_or(self.text.len())
            .min(self.source_len)
            .max(first);
        self.text.get(first..end).unwrap_or("")
    }
}

/// The type number of a token kind (`OP` for every operator).
fn type_number(kind: TokenKind) -> i64 {
    use TokenKind as K;
    match kind {
        K::EndMarker => types::ENDMARKER,
        K::Name => types::NAME,
        K::Number => types::NUMBER,
        K::String => types::STRING,
        K::Newline => types::NEWLINE,
        K::Indent => types::INDENT,
        K::Dedent => types::DEDENT,
        K::FStringStart => types::FSTRING_START,
        K::FStringMiddle => types::FSTRING_MIDDLE,
        K::FStringEnd => types::FSTRING_END,
        K::TStringStart => types::TSTRING_START,
        K::TStringMiddle => types::TSTRING_MIDDLE,
        K::TStringEnd => types::TSTRING_END,
        K::Comment => types::COMMENT,
        K::Nl => types::NL,
        _ if kind.is_keyword() => types::NAME,
        _ => types::OP,
    }
}

/// The next token as CPython's tuple; `None` after `ENDMARKER`; the
/// tokenizer's error when the iteration reaches it.
fn next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.as_object().and_then(|o| o.downcast::<TokenizerIter>()) else {
        return Err(vm.type_error("expected a _tokenize.TokenizerIter".into()));
    };
    let it = it.clone();
    enum Step {
        Done,
        Error(krait_syntax::tokenizer::TokenizerError),
        Token(i64, String, (usize, usize), (usize, usize), String),
    }
    let step = it.state.with(|s| {
        let Some(&token) = s.tokens.tokens.get(s.next) else {
            return Step::Done;
        };
        if token.kind == TokenKind::ErrorToken {
            s.next = s.tokens.tokens.len();
            return match s.tokens.error.clone() {
                Some(e) => Step::Error(e),
                None => Step::Done,
            };
        }
        s.next += 1;
        if token.kind == TokenKind::EndMarker {
            s.next = s.tokens.tokens.len();
        }
        let (start, mut end) = (token.start as usize, token.end as usize);
        let mut string = s.text.get(start..end).unwrap_or("").to_owned();
        let kind = token.kind;
        let newline = matches!(kind, TokenKind::Newline | TokenKind::Nl);
        if newline && start >= s.source_len {
            // The newline the source lacked.
            string.clear();
        }
        if matches!(kind, TokenKind::FStringMiddle | TokenKind::TStringMiddle)
            && (string.ends_with("{{") || string.ends_with("}}"))
        {
            // A doubled brace stands for one.
            string.pop();
            end -= 1;
        }
        let ty = type_number(kind);
        let start_pos = s.position(start);
        let end_pos = if newline {
            (start_pos.0, start_pos.1 + 1)
        } else {
            s.position(end)
        };
        let line = s.lines(start, if newline { start } else { end }).to_owned();
        Step::Token(ty, string, start_pos, end_pos, line)
    });
    match step {
        Step::Done => Ok(None),
        Step::Error(e) => Err(tokenizer_error(vm, &e, &it)),
        Step::Token(ty, string, (srow, scol), (erow, ecol), line) => {
            let string = vm.new_str(&string)?;
            let start = vm.new_tuple(vec![
                Value::from_i64(srow as i64),
                Value::from_i64(scol as i64),
            ])?;
            let end = vm.new_tuple(vec![
                Value::from_i64(erow as i64),
                Value::from_i64(ecol as i64),
            ])?;
            let line = vm.new_str(&line)?;
            Ok(Some(vm.new_tuple(vec![
                Value::from_i64(ty),
                string,
                start,
                end,
                line,
            ])?))
        }
    }
}

/// The exception for a tokenizer error, as CPython's tokenizer raises it:
/// end of input inside brackets or after a backslash is
/// "unexpected EOF in multi-line statement" at the last line.
fn tokenizer_error(
    vm: &mut Vm,
    error: &krait_syntax::tokenizer::TokenizerError,
    it: &Ref<TokenizerIter>,
) -> PyErr {
    let mut error = error.error.clone();
    if !matches!(error.kind, krait_syntax::ErrorKind::SyntaxError) {
        // As CPython's tokenizer reports an indentation error: the line
        // without its newline, no end.
        if let Some(text) = error.text.as_mut()
            && text.ends_with('\n')
        {
            text.pop();
        }
        error.end_lineno = None;
        error.end_offset = None;
    }
    let eof = error.msg.ends_with("was never closed")
        || error.msg == "unexpected EOF while parsing"
        || error.msg.starts_with("unexpected EOF");
    if eof {
        let lines = it
            .state
            .with(|s| s.line_of(s.source_len.saturating_sub(1)) + 1);
        error.msg = "unexpected EOF in multi-line statement".to_owned();
        error.lineno = u32::try_from(lines).ok();
        error.offset = Some(0);
        error.end_lineno = error.lineno;
        error.end_offset = Some(0);
    }
    krait_vm::runtime::import::errors::syntax_error(vm, &error, "<string>")
}
