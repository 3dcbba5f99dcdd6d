//! The string a pattern runs over: a `str` (its code points; ASCII text is
//! read in place, other text is decoded once per call) or a bytes-like
//! object (`bytes` read in place, `bytearray`/`memoryview` copied), with
//! the slicing that turns spans back into `str`/`bytes` values, and the
//! `pos`/`endpos` clamping every method shares.

use std::rc::Rc;

use krait_vm::builtins::bytes::{Bytes, bytes_like};
use krait_vm::builtins::str::Str;
use krait_vm::object::{PyCell, Ref};
use krait_vm::{PyResult, Value, Vm};

use super::engine::{Char, Engine};

/// The last non-ASCII `str` a pattern decoded, with its code points.
pub type WideCache = PyCell<Option<(Ref<Str>, Rc<[u32]>)>>;

/// A subject's characters, borrowed for one match.
pub enum Text<'a> {
    /// Bytes, or a `str` whose characters are all ASCII.
    Narrow(&'a [u8]),
    /// The code points of a non-ASCII `str`.
    Wide(&'a [u32]),
}

/// A subject string, ready to be matched.
#[derive(Clone)]
pub enum Subject {
    /// An ASCII `str` (its bytes are its characters).
    Ascii(Ref<Str>),
    /// A non-ASCII `str`, decoded.
    Wide(Ref<Str>, Rc<[u32]>),
    /// A `bytes`.
    Bytes(Ref<Bytes>),
    /// Another bytes-like object, copied.
    Buffer(Rc<[u8]>),
}

impl Subject {
    /// The subject `v`, or CPython's TypeError for a non-string. A
    /// non-ASCII `str` is decoded once and remembered in `cache`, so that
    /// a loop matching the same text at successive positions does not
    /// decode it again each time.
    pub fn from_value(vm: &mut Vm, v: &Value, cache: &WideCache) -> PyResult<Subject> {
        if let Some(s) = vm.as_str(v) {
            let s = s.clone();
            if s.is_ascii() {
                return Ok(Subject::Ascii(s));
            }
            let cached = cache.with(|c| match c {
                Some((text, points)) if text.as_obj().is(s.as_obj()) => Some(points.clone()),
                _ => None,
            });
            let points = match cached {
                Some(points) => points,
                None => {
                    let points: Rc<[u32]> = s.iter().collect();
                    let old = cache.with(|c| c.replace((s.clone(), points.clone())));
                    drop(old);
                    points
                }
            };
            return Ok(Subject::Wide(s, points));
        }
        if let Some(b) = v.as_object().and_then(|o| o.downcast::<Bytes>()) {
            return Ok(Subject::Bytes(b.clone()));
        }
        if let Some(data) = bytes_like(v) {
            return Ok(Subject::Buffer(Rc::from(data.into_owned())));
        }
        let tn = vm.type_name(v);
        Err(vm.type_error(format!("expected string or bytes-like object, got '{tn}'")))
    }

    /// Whether the subject is bytes-like.
    pub fn is_bytes(&self) -> bool {
        matches!(self, Subject::Bytes(_) | Subject::Buffer(_))
    }

    /// The characters.
    pub fn text(&self) -> Text<'_> {
        match self {
            Subject::Ascii(s) => Text::Narrow(s.as_bytes()),
            Subject::Wide(_, points) => Text::Wide(points),
            Subject::Bytes(b) => Text::Narrow(&b.data),
            Subject::Buffer(data) => Text::Narrow(data),
        }
    }

    /// The length in characters.
    pub fn len(&self) -> usize {
        match self.text() {
            Text::Narrow(t) => t.len(),
            Text::Wide(t) => t.len(),
        }
    }

    /// Whether the subject has no characters.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Characters `start..end` as a new `str` or `bytes`.
    pub fn slice(&self, vm: &mut Vm, start: usize, end: usize) -> PyResult<Value> {
        let end = end.min(self.len());
        let start = start.min(end);
        match self {
            Subject::Ascii(s) => {
                let bytes = s.as_bytes().get(start..end).unwrap_or(&[]).to_vec();
                vm.new_str_from_wtf8_bytes(bytes)
            }
            Subject::Wide(s, _) => {
                let bytes = s.slice_bytes(start, end).to_vec();
                vm.new_str_from_wtf8_bytes(bytes)
            }
            Subject::Bytes(b) => vm.new_bytes(b.data.get(start..end).unwrap_or(&[]).to_vec()),
            Subject::Buffer(data) => vm.new_bytes(data.get(start..end).unwrap_or(&[]).to_vec()),
        }
    }

    /// An empty string of the subject's kind (the joiner of `sub`).
    pub fn empty(&self, vm: &mut Vm) -> PyResult<Value> {
        if self.is_bytes() {
            vm.new_bytes(Vec::new())
        } else {
            vm.new_str("")
        }
    }
}

/// Runs `f` with an engine over `subject` (monomorphised per character
/// width).
pub fn with_engine<R>(
    subject: &Subject,
    code: &[u32],
    start: usize,
    end: usize,
    f: &mut dyn FnMut(&mut dyn EngineOps) -> R,
) -> R {
    match subject.text() {
        Text::Narrow(t) => f(&mut Engine::new(code, t, start, end)),
        Text::Wide(t) => f(&mut Engine::new(code, t, start, end)),
    }
}

/// The engine operations the Python-facing code needs, independent of the
/// character width.
pub trait EngineOps {
    /// A match at `start`.
    fn match_here(&mut self) -> Result<bool, super::engine::SreError>;
    /// A search from `start`.
    fn search(&mut self) -> Result<bool, super::engine::SreError>;
    /// `fullmatch` mode.
    fn set_match_all(&mut self, on: bool);
    /// Whether the next match must not be empty at `start`.
    fn set_must_advance(&mut self, on: bool);
    /// Where to start the next attempt.
    fn set_start(&mut self, start: usize);
    /// Where the last match started.
    fn start(&self) -> usize;
    /// Where the last match ended.
    fn end_ptr(&self) -> usize;
    /// The span of group `g` (1-based), if it matched.
    fn group_span(&self, g: usize) -> Option<(usize, usize)>;
    /// `lastindex` (-1 when no group closed).
    fn lastindex(&self) -> isize;
}

impl<C: Char> EngineOps for Engine<'_, C> {
    fn match_here(&mut self) -> Result<bool, super::engine::SreError> {
        self.run_match()
    }
    fn search(&mut self) -> Result<bool, super::engine::SreError> {
        self.run_search()
    }
    fn set_match_all(&mut self, on: bool) {
        self.match_all = on;
    }
    fn set_must_advance(&mut self, on: bool) {
        self.must_advance = on;
    }
    fn set_start(&mut self, start: usize) {
        self.start = start;
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end_ptr(&self) -> usize {
        self.ptr
    }
    fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        Engine::group_span(self, g)
    }
    fn lastindex(&self) -> isize {
        self.lastindex
    }
}

/// `pos`/`endpos` as CPython clamps them: negative means 0, past the end
/// means the end.
pub fn clamp(value: i64, len: usize) -> usize {
    if value < 0 {
        0
    } else {
        usize::try_from(value).unwrap_or(usize::MAX).min(len)
    }
}
