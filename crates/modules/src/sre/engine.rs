//! The matching engine: runs a compiled pattern (the list of code words
//! `re._compiler` produces) over a subject string of bytes or code points.
//!
//! It follows the semantics of CPython's `sre_lib.h` opcode by opcode —
//! marks, `lastmark`/`lastindex`, repeat contexts, zero-width protection,
//! `must_advance` — but never recurses on the Rust stack: every place
//! where the pattern must try something and maybe come back (a branch, a
//! repeat, an assertion) pushes a [`Ctx`] on a heap stack and records in
//! it how to resume ([`Jump`]); when a context ends, its parent continues
//! from the recorded point. A pathological pattern therefore only grows
//! that heap stack. A pending SIGINT stops a long match every 4096 steps.
//!
//! Malformed code (only reachable through a hand-made `_sre.compile`)
//! ends the match with [`SreError::Illegal`], never a panic.

use super::chars;
use super::constants::*;

/// A character of a subject: a byte of a bytes-like object, or a code
/// point of a `str`.
pub trait Char: Copy {
    /// The character as a code.
    fn code(self) -> u32;
}

impl Char for u8 {
    fn code(self) -> u32 {
        u32::from(self)
    }
}

impl Char for u32 {
    fn code(self) -> u32 {
        self
    }
}

/// Why a match stopped without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SreError {
    /// The code is not a valid compiled pattern.
    Illegal,
    /// A SIGINT arrived (the caller raises `KeyboardInterrupt`).
    Interrupted,
}

type SreResult<T> = Result<T, SreError>;

/// A mark that was not set.
pub const UNSET: usize = usize::MAX;

/// The code position of a placeholder repeat context (a POSSESSIVE_REPEAT
/// has no MAX_UNTIL that could use it; 0 is never a REPEAT's operand).
const NO_REPEAT_CODE: usize = 0;

/// Where a parent context resumes when its child context ends.
#[derive(Clone, Copy, Debug)]
enum Jump {
    None,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Repeat,
    RepeatOne1,
    RepeatOne2,
    MinRepeatOne,
    Branch,
    Assert,
    AssertNot,
    PossRepeat1,
    PossRepeat2,
    AtomicGroup,
}

/// One pending sub-match: the saved position in the code and the subject,
/// and the locals of the opcode that started the child.
#[derive(Clone, Copy)]
struct Ctx {
    pc: usize,
    ptr: usize,
    count: isize,
    chr: u32,
    rep: usize,
    lastmark: isize,
    lastindex: isize,
    toplevel: bool,
    jump: Jump,
}

/// A `REPEAT` in progress.
struct Repeat {
    count: isize,
    /// Code position just after the REPEAT opcode (its skip word).
    pc: usize,
    prev: Option<usize>,
    last_ptr: usize,
}

/// What the main loop does next.
enum Flow {
    /// Enter the context on top of the stack (at `self.ptr`).
    Enter,
    /// Execute the opcode at `pc`.
    Dispatch,
    /// The top context ends with this answer.
    Return(bool),
}

/// The state of matching one pattern against one subject.
pub struct Engine<'a, C: Char> {
    code: &'a [u32],
    text: &'a [C],
    /// Where the current attempt started (`state->start`).
    pub start: usize,
    /// The end of the searched part of the subject (`endpos`).
    pub end: usize,
    /// After a successful match: where it ended.
    pub ptr: usize,
    /// Group boundaries: `marks[2g]`, `marks[2g+1]` for group `g+1`.
    pub marks: Vec<usize>,
    /// The highest valid index of `marks`.
    pub lastmark: isize,
    /// The last closed group (`Match.lastindex`), or -1.
    pub lastindex: isize,
    repeats: Vec<Repeat>,
    repeat: Option<usize>,
    /// `fullmatch`: the match must end at `end`.
    pub match_all: bool,
    /// The match must not be empty at `start` (after an empty match).
    pub must_advance: bool,
    data: Vec<usize>,
    ctxs: Vec<Ctx>,
    ticks: u32,
}

impl<'a, C: Char> Engine<'a, C> {
    /// An engine over `text[..end]`, starting at `start`.
    pub fn new(code: &'a [u32], text: &'a [C], start: usize, end: usize) -> Self {
        let end = end.min(text.len());
        Engine {
            code,
            text,
            start: start.min(text.len()),
            end,
            ptr: start.min(text.len()),
            marks: Vec::new(),
            lastmark: -1,
            lastindex: -1,
            repeats: Vec::new(),
            repeat: None,
            match_all: false,
            must_advance: false,
            data: Vec::new(),
            ctxs: Vec::new(),
            ticks: 0,
        }
    }

    /// Forgets the groups of the previous attempt.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.repeats.clear();
        self.data.clear();
        self.ctxs.clear();
    }

    /// The span of group `g` (1-based) after a match, if it matched.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let i = g.checked_sub(1)?.checked_mul(2)?;
        if (i + 1) as isize > self.lastmark {
            return None;
        }
        let (a, b) = (*self.marks.get(i)?, *self.marks.get(i + 1)?);
        if a == UNSET || b == UNSET {
            return None;
        }
        Some((a, b))
    }

    /// `Pattern.match`: a match starting exactly at `start`.
    pub fn run_match(&mut self) -> SreResult<bool> {
        self.reset();
        self.ptr = self.start;
        self.run(0, true)
    }

    /// `Pattern.search`: the first match at or after `start`; on success
    /// `start` is where it begins.
    pub fn run_search(&mut self) -> SreResult<bool> {
        self.reset();
        let mut ptr = self.start;
        let text_end = self.end;
        if ptr > text_end {
            return Ok(false);
        }
        let mut pc = 0;
        let mut last_start = text_end;
        let mut prefix_char = None;
        let mut charset_at = None;
        if self.word(0)? == INFO {
            let skip = self.word(1)? as usize;
            let flags = self.word(2)?;
            let min = self.word(3)? as usize;
            if min > 0 && text_end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                last_start = text_end.saturating_sub(min - 1).max(ptr);
            }
            if flags & 1 != 0 {
                // SRE_INFO_PREFIX: <length> <skip> <prefix...>
                if self.word(5)? >= 1 {
                    prefix_char = Some(self.word(7)?);
                }
            } else if flags & 4 != 0 {
                // SRE_INFO_CHARSET
                charset_at = Some(5);
            }
            pc = skip + 1;
        }
        if prefix_char.is_some() || charset_at.is_some() {
            // The match cannot be empty: try only where it can start.
            self.must_advance = false;
            while ptr < text_end {
                let ch = self.ch(ptr);
                let possible = match (prefix_char, charset_at) {
                    (Some(c), _) => ch == c,
                    (None, Some(at)) => {
                        chars::in_charset(self.code, at, ch).ok_or(SreError::Illegal)?
                    }
                    (None, None) => true,
                };
                if possible {
                    self.start = ptr;
                    self.ptr = ptr;
                    if self.run(pc, false)? {
                        return Ok(true);
                    }
                    self.lastmark = -1;
                    self.lastindex = -1;
                }
                ptr += 1;
            }
            return Ok(false);
        }
        self.start = ptr;
        self.ptr = ptr;
        let mut found = self.run(pc, true)?;
        self.must_advance = false;
        if !found
            && self.word(pc)? == AT
            && matches!(self.word(pc + 1)?, AT_BEGINNING | AT_BEGINNING_STRING)
        {
            self.start = text_end;
            self.ptr = text_end;
            return Ok(false);
        }
        while !found && ptr < last_start {
            ptr += 1;
            self.lastmark = -1;
            self.lastindex = -1;
            self.start = ptr;
            self.ptr = ptr;
            found = self.run(pc, false)?;
        }
        Ok(found)
    }

    fn word(&self, at: usize) -> SreResult<u32> {
        self.code.get(at).copied().ok_or(SreError::Illegal)
    }

    fn at_index(&self, at: usize) -> SreResult<usize> {
        Ok(self.word(at)? as usize)
    }

    fn ch(&self, i: usize) -> u32 {
        self.text.get(i).map_or(0, |c| c.code())
    }

    fn ctx(&mut self) -> SreResult<&mut Ctx> {
        self.ctxs.last_mut().ok_or(SreError::Illegal)
    }

    fn set_mark(&mut self, i: usize, ptr: usize) {
        if self.marks.len() <= i {
            self.marks.resize(i + 1, UNSET);
        }
        self.marks[i] = ptr;
    }

    fn lastmark_save(&mut self) -> SreResult<()> {
        let (lm, li) = (self.lastmark, self.lastindex);
        let ctx = self.ctx()?;
        ctx.lastmark = lm;
        ctx.lastindex = li;
        Ok(())
    }

    fn lastmark_restore(&mut self) -> SreResult<()> {
        let ctx = *self.ctx()?;
        self.lastmark = ctx.lastmark;
        self.lastindex = ctx.lastindex;
        Ok(())
    }

    fn ctx_lastmark(&mut self) -> SreResult<isize> {
        Ok(self.ctx()?.lastmark)
    }

    /// MARK_PUSH: saves `marks[..=lastmark]`.
    fn mark_push(&mut self, lastmark: isize) {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            if self.marks.len() < n {
                self.marks.resize(n, UNSET);
            }
            self.data.extend_from_slice(&self.marks[..n]);
        }
    }

    /// MARK_POP / MARK_POP_KEEP / MARK_POP_DISCARD.
    fn mark_pop(&mut self, lastmark: isize, restore: bool, discard: bool) -> SreResult<()> {
        if lastmark >= 0 {
            let n = lastmark as usize + 1;
            let from = self.data.len().checked_sub(n).ok_or(SreError::Illegal)?;
            if restore {
                if self.marks.len() < n {
                    self.marks.resize(n, UNSET);
                }
                self.marks[..n].copy_from_slice(&self.data[from..]);
            }
            if discard {
                self.data.truncate(from);
            }
        }
        Ok(())
    }

    fn rep(&mut self, i: usize) -> SreResult<&mut Repeat> {
        self.repeats.get_mut(i).ok_or(SreError::Illegal)
    }

    /// Pushes a child context that starts at `target` (DO_JUMP), saving
    /// the parent's position.
    fn jump(
        &mut self,
        jump: Jump,
        pc: &mut usize,
        ptr: usize,
        target: usize,
        toplevel: Option<bool>,
    ) -> SreResult<Flow> {
        let parent = self.ctx()?;
        parent.pc = *pc;
        parent.ptr = ptr;
        let toplevel = toplevel.unwrap_or(parent.toplevel);
        self.ctxs.push(Ctx {
            pc: target,
            ptr: 0,
            count: 0,
            chr: 0,
            rep: 0,
            lastmark: -1,
            lastindex: -1,
            toplevel,
            jump,
        });
        *pc = target;
        Ok(Flow::Enter)
    }

    /// Runs the code from `pc` at `self.ptr`; true on a match (then
    /// `self.ptr` is its end).
    fn run(&mut self, start_pc: usize, toplevel: bool) -> SreResult<bool> {
        self.ctxs.clear();
        self.ctxs.push(Ctx {
            pc: start_pc,
            ptr: 0,
            count: 0,
            chr: 0,
            rep: 0,
            lastmark: -1,
            lastindex: -1,
            toplevel,
            jump: Jump::None,
        });
        let mut pc = start_pc;
        let mut ptr = self.ptr;
        let mut flow = Flow::Enter;
        loop {
            flow = match flow {
                Flow::Enter => {
                    ptr = self.ptr;
                    if self.word(pc)? == INFO {
                        let min = self.at_index(pc + 3)?;
                        if min > 0 && self.end.saturating_sub(ptr) < min {
                            Flow::Return(false)
                        } else {
                            pc += self.at_index(pc + 1)? + 1;
                            Flow::Dispatch
                        }
                    } else {
                        Flow::Dispatch
                    }
                }
                Flow::Dispatch => {
                    self.ticks = self.ticks.wrapping_add(1);
                    if self.ticks & 0xfff == 0 && krait_vm::runtime::signals::pending() {
                        return Err(SreError::Interrupted);
                    }
                    self.step(&mut pc, &mut ptr)?
                }
                Flow::Return(ret) => {
                    let child = self.ctxs.pop().ok_or(SreError::Illegal)?;
                    let Some(parent) = self.ctxs.last() else {
                        return Ok(ret);
                    };
                    pc = parent.pc;
                    ptr = parent.ptr;
                    self.resume(child.jump, ret, &mut pc, &mut ptr)?
                }
            };
        }
    }

    /// Whether the one-character item at `pc` (a unit opcode) matches `ch`.
    fn unit_matches(&self, pc: usize, ch: u32) -> SreResult<bool> {
        let arg = |i: usize| self.word(pc + i);
        Ok(match self.word(pc)? {
            ANY => !chars::is_linebreak(ch),
            ANY_ALL => true,
            LITERAL => ch == arg(1)?,
            NOT_LITERAL => ch != arg(1)?,
            LITERAL_IGNORE => chars::lower_ascii(ch) == arg(1)?,
            NOT_LITERAL_IGNORE => chars::lower_ascii(ch) != arg(1)?,
            LITERAL_UNI_IGNORE => chars::lower_unicode(ch) == arg(1)?,
            NOT_LITERAL_UNI_IGNORE => chars::lower_unicode(ch) != arg(1)?,
            LITERAL_LOC_IGNORE => chars::char_loc_ignore(arg(1)?, ch),
            NOT_LITERAL_LOC_IGNORE => !chars::char_loc_ignore(arg(1)?, ch),
            CATEGORY => chars::category(arg(1)?, ch).ok_or(SreError::Illegal)?,
            IN => chars::in_charset(self.code, pc + 2, ch).ok_or(SreError::Illegal)?,
            IN_IGNORE => chars::in_charset(self.code, pc + 2, chars::lower_ascii(ch))
                .ok_or(SreError::Illegal)?,
            IN_UNI_IGNORE => chars::in_charset(self.code, pc + 2, chars::lower_unicode(ch))
                .ok_or(SreError::Illegal)?,
            IN_LOC_IGNORE => {
                chars::in_charset_loc_ignore(self.code, pc + 2, ch).ok_or(SreError::Illegal)?
            }
            _ => return Err(SreError::Illegal),
        })
    }

    /// SRE(count): how many times (up to `max`) the one-character item at
    /// `pc` matches from `self.ptr`.
    fn count(&self, pc: usize, max: u32) -> SreResult<usize> {
        let from = self.ptr;
        let mut end = self.end;
        if max != MAXREPEAT && (max as usize) < end.saturating_sub(from) {
            end = from + max as usize;
        }
        let mut p = from;
        // The common items get a loop of their own; the rest ask
        // `unit_matches` per character.
        let text = self.text.get(from..end).unwrap_or(&[]);
        match self.word(pc)? {
            ANY_ALL => p = end,
            ANY => {
                p += text
                    .iter()
                    .take_while(|c| !chars::is_linebreak(c.code()))
                    .count();
            }
            LITERAL => {
                let lit = self.word(pc + 1)?;
                p += text.iter().take_while(|c| c.code() == lit).count();
            }
            NOT_LITERAL => {
                let lit = self.word(pc + 1)?;
                p += text.iter().take_while(|c| c.code() != lit).count();
            }
            IN => {
                for c in text {
                    if !chars::in_charset(self.code, pc + 2, c.code()).ok_or(SreError::Illegal)? {
                        break;
                    }
                    p += 1;
                }
            }
            _ => {
                while p < end && self.unit_matches(pc, self.ch(p))? {
                    p += 1;
                }
            }
        }
        Ok(p - from)
    }

    fn at(&self, ptr: usize, code: u32) -> SreResult<bool> {
        let end = self.end;
        let word_at = |test: fn(u32) -> bool, negate: bool| {
            // An empty subject has no boundary, and (since 3.14) `\B`
            // matches it.
            if end == 0 {
                return negate;
            }
            let before = ptr > 0 && test(self.ch(ptr - 1));
            let here = ptr < end && test(self.ch(ptr));
            (before != here) != negate
        };
        Ok(match code {
            AT_BEGINNING | AT_BEGINNING_STRING => ptr == 0,
            AT_BEGINNING_LINE => ptr == 0 || chars::is_linebreak(self.ch(ptr - 1)),
            AT_END => (ptr + 1 == end && chars::is_linebreak(self.ch(ptr))) || ptr == end,
            AT_END_LINE => ptr == end || chars::is_linebreak(self.ch(ptr)),
            AT_END_STRING => ptr == end,
            AT_BOUNDARY => word_at(chars::is_word, false),
            AT_NON_BOUNDARY => word_at(chars::is_word, true),
            AT_LOC_BOUNDARY => word_at(chars::is_loc_word, false),
            AT_LOC_NON_BOUNDARY => word_at(chars::is_loc_word, true),
            AT_UNI_BOUNDARY => word_at(chars::is_uni_word, false),
            AT_UNI_NON_BOUNDARY => word_at(chars::is_uni_word, true),
            _ => return Err(SreError::Illegal),
        })
    }

    /// The span of group `g` (0-based) for a backreference, if set.
    fn groupref(&self, g: usize) -> Option<(usize, usize)> {
        let i = g.checked_mul(2)?;
        if i as isize >= self.lastmark {
            return None;
        }
        let (p, e) = (*self.marks.get(i)?, *self.marks.get(i + 1)?);
        if p == UNSET || e == UNSET || e < p {
            return None;
        }
        Some((p, e))
    }

    /// Executes one opcode.
    fn step(&mut self, pc: &mut usize, ptr: &mut usize) -> SreResult<Flow> {
        let op = self.word(*pc)?;
        *pc += 1;
        let end = self.end;
        match op {
            MARK => {
                let i = self.at_index(*pc)?;
                // Every group takes two MARKs of two words each, so a valid
                // mark number is below the code's length.
                if i >= self.code.len() {
                    return Err(SreError::Illegal);
                }
                if i & 1 == 1 {
                    self.lastindex = (i / 2 + 1) as isize;
                }
                if i as isize > self.lastmark {
                    let from = (self.lastmark + 1) as usize;
                    for j in from..i {
                        self.set_mark(j, UNSET);
                    }
                    self.lastmark = i as isize;
                }
                self.set_mark(i, *ptr);
                *pc += 1;
            }
            LITERAL
            | NOT_LITERAL
            | LITERAL_IGNORE
            | NOT_LITERAL_IGNORE
            | LITERAL_UNI_IGNORE
            | NOT_LITERAL_UNI_IGNORE
            | LITERAL_LOC_IGNORE
            | NOT_LITERAL_LOC_IGNORE
            | CATEGORY => {
                if *ptr >= end || !self.unit_matches(*pc - 1, self.ch(*ptr))? {
                    return Ok(Flow::Return(false));
                }
                *pc += 1;
                *ptr += 1;
            }
            ANY | ANY_ALL => {
                if *ptr >= end || !self.unit_matches(*pc - 1, self.ch(*ptr))? {
                    return Ok(Flow::Return(false));
                }
                *ptr += 1;
            }
            IN | IN_IGNORE | IN_UNI_IGNORE | IN_LOC_IGNORE => {
                if *ptr >= end || !self.unit_matches(*pc - 1, self.ch(*ptr))? {
                    return Ok(Flow::Return(false));
                }
                *pc += self.skip(*pc)?;
                *ptr += 1;
            }
            SUCCESS => {
                let toplevel = self.ctx()?.toplevel;
                if toplevel
                    && ((self.match_all && *ptr != end)
                        || (self.must_advance && *ptr == self.start))
                {
                    return Ok(Flow::Return(false));
                }
                self.ptr = *ptr;
                return Ok(Flow::Return(true));
            }
            FAILURE => return Ok(Flow::Return(false)),
            AT => {
                if !self.at(*ptr, self.word(*pc)?)? {
                    return Ok(Flow::Return(false));
                }
                *pc += 1;
            }
            JUMP | INFO => *pc += self.skip(*pc)?,
            BRANCH => {
                self.lastmark_save()?;
                if self.repeat.is_some() {
                    let lm = self.ctx_lastmark()?;
                    self.mark_push(lm);
                }
                return self.branch_from(pc, *ptr);
            }
            REPEAT_ONE => {
                let min = self.word(*pc + 1)? as usize;
                if min > end.saturating_sub(*ptr) {
                    return Ok(Flow::Return(false));
                }
                self.ptr = *ptr;
                let count = self.count(*pc + 3, self.word(*pc + 2)?)?;
                self.ctx()?.count = count as isize;
                *ptr += count;
                if count < min {
                    return Ok(Flow::Return(false));
                }
                let tail = *pc + self.skip(*pc)?;
                let toplevel = self.ctx()?.toplevel;
                if self.word(tail)? == SUCCESS
                    && *ptr == end
                    && !(toplevel && self.must_advance && *ptr == self.start)
                {
                    self.ptr = *ptr;
                    return Ok(Flow::Return(true));
                }
                self.lastmark_save()?;
                if self.repeat.is_some() {
                    let lm = self.ctx_lastmark()?;
                    self.mark_push(lm);
                }
                if self.word(tail)? == LITERAL {
                    let chr = self.word(tail + 1)?;
                    self.ctx()?.chr = chr;
                    return self.repeat_one_literal(pc, ptr);
                }
                return self.repeat_one_general(pc, *ptr);
            }
            MIN_REPEAT_ONE => {
                let min = self.word(*pc + 1)? as usize;
                if min > end.saturating_sub(*ptr) {
                    return Ok(Flow::Return(false));
                }
                self.ptr = *ptr;
                let mut count = 0;
                if min > 0 {
                    count = self.count(*pc + 3, min as u32)?;
                    if count < min {
                        return Ok(Flow::Return(false));
                    }
                    *ptr += count;
                }
                self.ctx()?.count = count as isize;
                let tail = *pc + self.skip(*pc)?;
                let toplevel = self.ctx()?.toplevel;
                if self.word(tail)? == SUCCESS
                    && !(toplevel
                        && ((self.match_all && *ptr != end)
                            || (self.must_advance && *ptr == self.start)))
                {
                    self.ptr = *ptr;
                    return Ok(Flow::Return(true));
                }
                self.lastmark_save()?;
                if self.repeat.is_some() {
                    let lm = self.ctx_lastmark()?;
                    self.mark_push(lm);
                }
                return self.min_repeat_one_from(pc, *ptr);
            }
            POSSESSIVE_REPEAT_ONE => {
                let min = self.word(*pc + 1)? as usize;
                if min > end.saturating_sub(*ptr) {
                    return Ok(Flow::Return(false));
                }
                self.ptr = *ptr;
                let count = self.count(*pc + 3, self.word(*pc + 2)?)?;
                *ptr += count;
                if count < min {
                    return Ok(Flow::Return(false));
                }
                *pc += self.skip(*pc)?;
                let toplevel = self.ctx()?.toplevel;
                if self.word(*pc)? == SUCCESS
                    && *ptr == end
                    && !(toplevel && self.must_advance && *ptr == self.start)
                {
                    self.ptr = *ptr;
                    return Ok(Flow::Return(true));
                }
            }
            REPEAT => {
                let index = self.repeats.len();
                self.repeats.push(Repeat {
                    count: -1,
                    pc: *pc,
                    prev: self.repeat,
                    last_ptr: UNSET,
                });
                self.ctx()?.rep = index;
                self.repeat = Some(index);
                self.ptr = *ptr;
                let target = *pc + self.skip(*pc)?;
                return self.jump(Jump::Repeat, pc, *ptr, target, None);
            }
            MAX_UNTIL => {
                let Some(rep) = self.repeat else {
                    return Err(SreError::Illegal);
                };
                self.ctx()?.rep = rep;
                self.ptr = *ptr;
                let r = self.rep(rep)?;
                let (rpc, count) = (r.pc, r.count + 1);
                if rpc == NO_REPEAT_CODE {
                    return Err(SreError::Illegal);
                }
                self.ctx()?.count = count;
                let min = self.word(rpc + 1)?;
                let max = self.word(rpc + 2)?;
                if count < min as isize {
                    self.rep(rep)?.count = count;
                    return self.jump(Jump::MaxUntil1, pc, *ptr, rpc + 3, None);
                }
                if (count < max as isize || max == MAXREPEAT) && self.ptr != self.rep(rep)?.last_ptr
                {
                    self.rep(rep)?.count = count;
                    self.lastmark_save()?;
                    let lm = self.ctx_lastmark()?;
                    self.mark_push(lm);
                    let last = self.rep(rep)?.last_ptr;
                    self.data.push(last);
                    let now = self.ptr;
                    self.rep(rep)?.last_ptr = now;
                    return self.jump(Jump::MaxUntil2, pc, *ptr, rpc + 3, None);
                }
                return self.max_until_tail(pc, *ptr);
            }
            MIN_UNTIL => {
                let Some(rep) = self.repeat else {
                    return Err(SreError::Illegal);
                };
                self.ctx()?.rep = rep;
                self.ptr = *ptr;
                let r = self.rep(rep)?;
                let (rpc, count, prev) = (r.pc, r.count + 1, r.prev);
                if rpc == NO_REPEAT_CODE {
                    return Err(SreError::Illegal);
                }
                self.ctx()?.count = count;
                let min = self.word(rpc + 1)?;
                if count < min as isize {
                    self.rep(rep)?.count = count;
                    return self.jump(Jump::MinUntil1, pc, *ptr, rpc + 3, None);
                }
                self.repeat = prev;
                self.lastmark_save()?;
                if self.repeat.is_some() {
                    let lm = self.ctx_lastmark()?;
                    self.mark_push(lm);
                }
                let target = *pc;
                return self.jump(Jump::MinUntil2, pc, *ptr, target, None);
            }
            POSSESSIVE_REPEAT => {
                self.ptr = *ptr;
                // A placeholder repeat context for the body, so that the
                // branches inside it save and restore their marks.
                let index = self.repeats.len();
                self.repeats.push(Repeat {
                    count: -1,
                    pc: NO_REPEAT_CODE,
                    prev: self.repeat,
                    last_ptr: UNSET,
                });
                self.ctx()?.rep = index;
                self.repeat = Some(index);
                self.ctx()?.count = 0;
                return self.poss_repeat_min(pc, ptr);
            }
            ATOMIC_GROUP => {
                self.ptr = *ptr;
                let target = *pc + 1;
                return self.jump(Jump::AtomicGroup, pc, *ptr, target, Some(false));
            }
            GROUPREF | GROUPREF_IGNORE | GROUPREF_UNI_IGNORE | GROUPREF_LOC_IGNORE => {
                let g = self.at_index(*pc)?;
                let Some((mut p, e)) = self.groupref(g) else {
                    return Ok(Flow::Return(false));
                };
                let fold: fn(u32) -> u32 = match op {
                    GROUPREF => |c| c,
                    GROUPREF_IGNORE => chars::lower_ascii,
                    GROUPREF_UNI_IGNORE => chars::lower_unicode,
                    _ => chars::lower_locale,
                };
                while p < e {
                    if *ptr >= end || fold(self.ch(*ptr)) != fold(self.ch(p)) {
                        return Ok(Flow::Return(false));
                    }
                    p += 1;
                    *ptr += 1;
                }
                *pc += 1;
            }
            GROUPREF_EXISTS => {
                let g = self.at_index(*pc)?;
                if self.groupref(g).is_none() {
                    *pc += self.skip(*pc + 1)?;
                } else {
                    *pc += 2;
                }
            }
            ASSERT => {
                let back = self.at_index(*pc + 1)?;
                if *ptr < back {
                    return Ok(Flow::Return(false));
                }
                self.ptr = *ptr - back;
                let target = *pc + 2;
                return self.jump(Jump::Assert, pc, *ptr, target, Some(false));
            }
            ASSERT_NOT => {
                let back = self.at_index(*pc + 1)?;
                if *ptr >= back {
                    self.ptr = *ptr - back;
                    self.lastmark_save()?;
                    if self.repeat.is_some() {
                        let lm = self.ctx_lastmark()?;
                        self.mark_push(lm);
                    }
                    let target = *pc + 2;
                    return self.jump(Jump::AssertNot, pc, *ptr, target, Some(false));
                }
                *pc += self.skip(*pc)?;
            }
            _ => return Err(SreError::Illegal),
        }
        Ok(Flow::Dispatch)
    }

    /// A forward skip word at `at` (zero would loop forever).
    fn skip(&self, at: usize) -> SreResult<usize> {
        match self.at_index(at)? {
            0 => Err(SreError::Illegal),
            n => Ok(n),
        }
    }

    /// BRANCH: tries the alternatives from the one whose skip word is at `pc`.
    fn branch_from(&mut self, pc: &mut usize, ptr: usize) -> SreResult<Flow> {
        let end = self.end;
        loop {
            let skip = self.at_index(*pc)?;
            if skip == 0 {
                break;
            }
            let first = self.word(*pc + 1)?;
            let hopeless = (first == LITERAL
                && (ptr >= end || self.ch(ptr) != self.word(*pc + 2)?))
                || (first == IN
                    && (ptr >= end
                        || !chars::in_charset(self.code, *pc + 3, self.ch(ptr))
                            .ok_or(SreError::Illegal)?));
            if !hopeless {
                self.ptr = ptr;
                let target = *pc + 1;
                return self.jump(Jump::Branch, pc, ptr, target, None);
            }
            *pc += skip;
        }
        if self.repeat.is_some() {
            let lm = self.ctx_lastmark()?;
            self.mark_pop(lm, false, true)?;
        }
        Ok(Flow::Return(false))
    }

    /// REPEAT_ONE whose tail starts with a literal: backs off to positions
    /// where that literal is next. `pc` is just after the opcode.
    fn repeat_one_literal(&mut self, pc: &mut usize, ptr: &mut usize) -> SreResult<Flow> {
        let min = self.word(*pc + 1)? as isize;
        let ctx = *self.ctx()?;
        let (chr, mut count) = (ctx.chr, ctx.count);
        let end = self.end;
        while count >= min && (*ptr >= end || self.ch(*ptr) != chr) {
            *ptr = ptr.wrapping_sub(1);
            count -= 1;
        }
        if count >= min {
            self.ctx()?.count = count;
            self.ptr = *ptr;
            let target = *pc + self.skip(*pc)?;
            return self.jump(Jump::RepeatOne1, pc, *ptr, target, None);
        }
        if self.repeat.is_some() {
            let lm = self.ctx_lastmark()?;
            self.mark_pop(lm, false, true)?;
        }
        Ok(Flow::Return(false))
    }

    /// REPEAT_ONE, general tail: tries the tail after each count, longest first.
    fn repeat_one_general(&mut self, pc: &mut usize, ptr: usize) -> SreResult<Flow> {
        let min = self.word(*pc + 1)? as isize;
        let count = self.ctx()?.count;
        if count >= min {
            self.ptr = ptr;
            let target = *pc + self.skip(*pc)?;
            return self.jump(Jump::RepeatOne2, pc, ptr, target, None);
        }
        if self.repeat.is_some() {
            let lm = self.ctx_lastmark()?;
            self.mark_pop(lm, false, true)?;
        }
        Ok(Flow::Return(false))
    }

    /// MIN_REPEAT_ONE: tries the tail, then one more item, and so on.
    fn min_repeat_one_from(&mut self, pc: &mut usize, ptr: usize) -> SreResult<Flow> {
        let max = self.word(*pc + 2)?;
        let count = self.ctx()?.count;
        if max == MAXREPEAT || count <= max as isize {
            self.ptr = ptr;
            let target = *pc + self.skip(*pc)?;
            return self.jump(Jump::MinRepeatOne, pc, ptr, target, None);
        }
        if self.repeat.is_some() {
            let lm = self.ctx_lastmark()?;
            self.mark_pop(lm, false, true)?;
        }
        Ok(Flow::Return(false))
    }

    /// MAX_UNTIL: no more items here; the tail must match.
    fn max_until_tail(&mut self, pc: &mut usize, ptr: usize) -> SreResult<Flow> {
        let rep = self.ctx()?.rep;
        self.repeat = self.rep(rep)?.prev;
        let target = *pc;
        self.jump(Jump::MaxUntil3, pc, ptr, target, None)
    }

    /// POSSESSIVE_REPEAT: the required items, one child each (`ptr` is
    /// where the repeat started).
    fn poss_repeat_min(&mut self, pc: &mut usize, ptr: &mut usize) -> SreResult<Flow> {
        let min = self.word(*pc + 1)? as isize;
        if self.ctx()?.count < min {
            let target = *pc + 3;
            return self.jump(Jump::PossRepeat1, pc, *ptr, target, Some(false));
        }
        // UNSET differs from any position, so the first optional try runs.
        *ptr = UNSET;
        self.poss_repeat_more(pc, ptr)
    }

    /// POSSESSIVE_REPEAT: optional items while they match and advance
    /// (`ptr` is where the previous item started).
    fn poss_repeat_more(&mut self, pc: &mut usize, ptr: &mut usize) -> SreResult<Flow> {
        let max = self.word(*pc + 2)?;
        let count = self.ctx()?.count;
        if (count < max as isize || max == MAXREPEAT) && self.ptr != *ptr {
            self.lastmark_save()?;
            let lm = self.ctx_lastmark()?;
            self.mark_push(lm);
            *ptr = self.ptr;
            let target = *pc + 3;
            return self.jump(Jump::PossRepeat2, pc, *ptr, target, Some(false));
        }
        self.poss_repeat_tail(pc, ptr)
    }

    /// Leaves a POSSESSIVE_REPEAT's placeholder repeat context.
    fn poss_repeat_leave(&mut self) -> SreResult<()> {
        let rep = self.ctx()?.rep;
        self.repeat = self.rep(rep)?.prev;
        self.repeats.truncate(rep);
        Ok(())
    }

    /// POSSESSIVE_REPEAT done: continue with the tail where the items ended.
    fn poss_repeat_tail(&mut self, pc: &mut usize, ptr: &mut usize) -> SreResult<Flow> {
        self.poss_repeat_leave()?;
        *pc += self.skip(*pc)? + 1;
        *ptr = self.ptr;
        Ok(Flow::Dispatch)
    }

    /// Continues the parent context after its child ended with `ret`.
    fn resume(
        &mut self,
        jump: Jump,
        ret: bool,
        pc: &mut usize,
        ptr: &mut usize,
    ) -> SreResult<Flow> {
        match jump {
            Jump::None => Err(SreError::Illegal),
            Jump::Branch => {
                if ret {
                    if self.repeat.is_some() {
                        let lm = self.ctx_lastmark()?;
                        self.mark_pop(lm, false, true)?;
                    }
                    return Ok(Flow::Return(true));
                }
                if self.repeat.is_some() {
                    let lm = self.ctx_lastmark()?;
                    self.mark_pop(lm, true, false)?;
                }
                self.lastmark_restore()?;
                *pc += self.skip(*pc)?;
                self.branch_from(pc, *ptr)
            }
            Jump::RepeatOne1 | Jump::RepeatOne2 => {
                if ret {
                    if self.repeat.is_some() {
                        let lm = self.ctx_lastmark()?;
                        self.mark_pop(lm, false, true)?;
                    }
                    return Ok(Flow::Return(true));
                }
                if self.repeat.is_some() {
                    let lm = self.ctx_lastmark()?;
                    self.mark_pop(lm, true, false)?;
                }
                self.lastmark_restore()?;
                *ptr = ptr.wrapping_sub(1);
                self.ctx()?.count -= 1;
                if matches!(jump, Jump::RepeatOne1) {
                    self.repeat_one_literal(pc, ptr)
                } else {
                    self.repeat_one_general(pc, *ptr)
                }
            }
            Jump::MinRepeatOne => {
                if ret {
                    if self.repeat.is_some() {
                        let lm = self.ctx_lastmark()?;
                        self.mark_pop(lm, false, true)?;
                    }
                    return Ok(Flow::Return(true));
                }
                if self.repeat.is_some() {
                    let lm = self.ctx_lastmark()?;
                    self.mark_pop(lm, true, false)?;
                }
                self.lastmark_restore()?;
                self.ptr = *ptr;
                if self.count(*pc + 3, 1)? == 0 {
                    if self.repeat.is_some() {
                        let lm = self.ctx_lastmark()?;
                        self.mark_pop(lm, false, true)?;
                    }
                    return Ok(Flow::Return(false));
                }
                *ptr += 1;
                self.ctx()?.count += 1;
                self.min_repeat_one_from(pc, *ptr)
            }
            Jump::Repeat => {
                let rep = self.ctx()?.rep;
                self.repeat = self.rep(rep)?.prev;
                self.repeats.truncate(rep);
                Ok(Flow::Return(ret))
            }
            Jump::MaxUntil1 | Jump::MinUntil1 => {
                if ret {
                    return Ok(Flow::Return(true));
                }
                let ctx = *self.ctx()?;
                self.rep(ctx.rep)?.count = ctx.count - 1;
                self.ptr = *ptr;
                Ok(Flow::Return(false))
            }
            Jump::MaxUntil2 => {
                let last = self.data.pop().ok_or(SreError::Illegal)?;
                let ctx = *self.ctx()?;
                self.rep(ctx.rep)?.last_ptr = last;
                if ret {
                    self.mark_pop(ctx.lastmark, false, true)?;
                    return Ok(Flow::Return(true));
                }
                self.mark_pop(ctx.lastmark, true, true)?;
                self.lastmark_restore()?;
                self.rep(ctx.rep)?.count = ctx.count - 1;
                self.ptr = *ptr;
                self.max_until_tail(pc, *ptr)
            }
            Jump::MaxUntil3 => {
                let rep = self.ctx()?.rep;
                self.repeat = Some(rep);
                if ret {
                    return Ok(Flow::Return(true));
                }
                self.ptr = *ptr;
                Ok(Flow::Return(false))
            }
            Jump::MinUntil2 => {
                let repeat_of_tail = self.repeat;
                let ctx = *self.ctx()?;
                self.repeat = Some(ctx.rep);
                if ret {
                    if repeat_of_tail.is_some() {
                        self.mark_pop(ctx.lastmark, false, true)?;
                    }
                    return Ok(Flow::Return(true));
                }
                if repeat_of_tail.is_some() {
                    self.mark_pop(ctx.lastmark, true, true)?;
                }
                self.lastmark_restore()?;
                self.ptr = *ptr;
                let r = self.rep(ctx.rep)?;
                let (rpc, last_ptr) = (r.pc, r.last_ptr);
                let max = self.word(rpc + 2)?;
                if (ctx.count >= max as isize && max != MAXREPEAT) || self.ptr == last_ptr {
                    return Ok(Flow::Return(false));
                }
                self.rep(ctx.rep)?.count = ctx.count;
                self.data.push(last_ptr);
                let now = self.ptr;
                self.rep(ctx.rep)?.last_ptr = now;
                self.jump(Jump::MinUntil3, pc, *ptr, rpc + 3, None)
            }
            Jump::MinUntil3 => {
                let last = self.data.pop().ok_or(SreError::Illegal)?;
                let ctx = *self.ctx()?;
                self.rep(ctx.rep)?.last_ptr = last;
                if ret {
                    return Ok(Flow::Return(true));
                }
                self.rep(ctx.rep)?.count = ctx.count - 1;
                self.ptr = *ptr;
                Ok(Flow::Return(false))
            }
            Jump::PossRepeat1 => {
                if ret {
                    self.ctx()?.count += 1;
                    return self.poss_repeat_min(pc, ptr);
                }
                self.ptr = *ptr;
                self.poss_repeat_leave()?;
                Ok(Flow::Return(false))
            }
            Jump::PossRepeat2 => {
                // `ptr` is the position before this item.
                let lm = self.ctx_lastmark()?;
                if ret {
                    self.mark_pop(lm, false, true)?;
                    self.ctx()?.count += 1;
                    return self.poss_repeat_more(pc, ptr);
                }
                self.mark_pop(lm, true, true)?;
                self.lastmark_restore()?;
                self.ptr = *ptr;
                self.poss_repeat_tail(pc, ptr)
            }
            Jump::AtomicGroup => {
                if !ret {
                    self.ptr = *ptr;
                    return Ok(Flow::Return(false));
                }
                *pc += self.skip(*pc)?;
                *ptr = self.ptr;
                Ok(Flow::Dispatch)
            }
            Jump::Assert => {
                if !ret {
                    return Ok(Flow::Return(false));
                }
                *pc += self.skip(*pc)?;
                Ok(Flow::Dispatch)
            }
            Jump::AssertNot => {
                let lm = self.ctx_lastmark()?;
                if ret {
                    if self.repeat.is_some() {
                        self.mark_pop(lm, false, true)?;
                    }
                    return Ok(Flow::Return(false));
                }
                if self.repeat.is_some() {
                    self.mark_pop(lm, true, true)?;
                }
                self.lastmark_restore()?;
                *pc += self.skip(*pc)?;
                Ok(Flow::Dispatch)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `re._compiler`'s code for `(a|b)*c`.
    const A_OR_B_STAR_C: &[u32] = &[
        INFO, 4, 0, 1, MAXREPEAT, REPEAT, 13, 0, MAXREPEAT, MARK, 0, IN, 5, RANGE, 97, 98, FAILURE,
        MARK, 1, MAX_UNTIL, LITERAL, 99, SUCCESS,
    ];

    fn run(code: &[u32], text: &str, search: bool) -> SreResult<Option<(usize, usize)>> {
        let bytes = text.as_bytes();
        let mut e = Engine::new(code, bytes, 0, bytes.len());
        let found = if search {
            e.run_search()?
        } else {
            e.run_match()?
        };
        Ok(found.then_some((e.start, e.ptr)))
    }

    #[test]
    fn matches_and_captures_the_last_repetition() {
        let text = b"abbac";
        let mut e = Engine::new(A_OR_B_STAR_C, &text[..], 0, text.len());
        assert_eq!(e.run_match(), Ok(true));
        assert_eq!(e.ptr, 5);
        assert_eq!(e.group_span(1), Some((3, 4)));
        assert_eq!(e.lastindex, 1);
    }

    #[test]
    fn searches_past_the_start() {
        assert_eq!(run(A_OR_B_STAR_C, "xxabc", true), Ok(Some((2, 5))));
        assert_eq!(run(A_OR_B_STAR_C, "xxab", true), Ok(None));
    }

    #[test]
    fn a_long_subject_does_not_recurse_on_the_rust_stack() {
        let text = "ab".repeat(200_000) + "c";
        assert_eq!(run(A_OR_B_STAR_C, &text, false), Ok(Some((0, 400_001))));
    }

    #[test]
    fn malformed_code_is_an_error_not_a_panic() {
        assert_eq!(run(&[JUMP, 0], "a", false), Err(SreError::Illegal));
        assert_eq!(run(&[LITERAL], "a", false), Err(SreError::Illegal));
        assert_eq!(
            run(&[MAX_UNTIL, SUCCESS], "a", false),
            Err(SreError::Illegal)
        );
        assert_eq!(run(&[99], "a", false), Err(SreError::Illegal));
        assert_eq!(
            run(&[IN, 3, 77, FAILURE, SUCCESS], "a", false),
            Err(SreError::Illegal)
        );
        assert_eq!(run(&[], "a", true), Err(SreError::Illegal));
    }

    #[test]
    fn wide_characters() {
        // `(?i)é` compiled: LITERAL_UNI_IGNORE 233.
        let code = [LITERAL_UNI_IGNORE, 233, SUCCESS];
        let text: Vec<u32> = "É".chars().map(u32::from).collect();
        let mut e = Engine::new(&code, &text[..], 0, text.len());
        assert_eq!(e.run_match(), Ok(true));
    }
}
