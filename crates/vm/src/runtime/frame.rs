//! Frames and the data stack (DESIGN.md decision 7).
//!
//! A [`Frame`] is a `#[repr(C)]` record placed in a chunk of the per-thread
//! [`DataStack`], followed inline by its slots: the locals-plus array (fast
//! locals, cells, free variables) and then the value stack. Frames are
//! linked by `previous`; pushing and popping is a bump of the chunk's top.
//! A Python-to-Python call pushes a frame and the eval loop continues with
//! it, without Rust recursion.
//!
//! Layout (published for tools that read stacks): `code`, `globals`,
//! `builtins`, `locals`, `func`, `previous`, then the instruction indices
//! and the stack top, then the slots. Every slot is an `Option<Value>`:
//! `None` is an unbound local or a NULL on the value stack.
//!
//! Generators and coroutines own their frame: `RETURN_GENERATOR` moves the
//! record and its slots out of the data stack into an [`OwnedFrame`] held
//! by the generator object. Resuming links that frame onto the thread's
//! chain (`previous`) and the eval loop runs it like any other; `owner`
//! and `state` tell the loop how to leave it (suspend, or finish without
//! popping the data stack).

use std::alloc::Layout;
use std::mem::MaybeUninit;
use std::ptr::NonNull;

use crate::builtins::dict::Dict;
use crate::builtins::function::Code;
use crate::object::Ref;
use crate::object::heap::{self, AllocError};
use crate::value::Value;

/// Who owns a frame's memory.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(u8)]
pub enum FrameOwner {
    /// A data-stack chunk of the thread: popped when the frame returns.
    Thread = 0,
    /// A generator, coroutine or async generator object: the frame
    /// outlives its activations and is cleared, not popped, when it ends.
    Generator = 1,
}

/// Where a generator's frame is in its life (CPython's `gi_frame_state`).
/// Frames owned by the thread are always `Executing`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
#[repr(u8)]
pub enum FrameState {
    /// Made by `RETURN_GENERATOR`, never resumed.
    Created = 0,
    /// Stopped at a `yield` (or `await`).
    Suspended = 1,
    /// Running (on the thread's frame chain).
    Executing = 2,
    /// Returned or raised: the slots are cleared.
    Completed = 3,
}

/// One activation record.
#[repr(C)]
pub struct Frame {
    /// The code being run.
    pub code: Ref<Code>,
    /// The globals.
    pub globals: Ref<Dict>,
    /// The builtins.
    pub builtins: Ref<Dict>,
    /// The locals mapping of module and class bodies (`None` for functions).
    pub locals: Option<Value>,
    /// The function being run, if any.
    pub func: Option<Value>,
    /// The calling frame (null for the first).
    pub previous: *mut Frame,
    /// Index of the next code unit to run.
    pub next_instr: u32,
    /// Index of the instruction running (or that raised).
    pub lasti: u32,
    /// Slots in use: locals plus, then the value stack.
    pub stack_top: u32,
    /// Total slots.
    pub capacity: u32,
    /// Where this frame continues when a generator it resumed in the same
    /// eval loop (`SEND`, `FOR_ITER`) returns instead of yielding.
    pub return_target: u32,
    /// Whether returning from this frame leaves the current eval loop.
    pub is_entry: bool,
    /// Who owns the frame's memory.
    pub owner: FrameOwner,
    /// The generator's state (`Executing` for thread frames).
    pub state: FrameState,
    /// For a generator's frame, the exception state swapped with the
    /// thread's on each resume: the generator's own handled exception
    /// while it is suspended, its resumer's while it runs (CPython's
    /// `gi_exc_state`). `None` for thread frames.
    pub exc_state: Value,
}

impl Frame {
    /// A header for a frame of `code` with `capacity` slots, of which the
    /// first `nlocalsplus` are locals (the value stack starts empty).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        code: Ref<Code>,
        globals: Ref<Dict>,
        builtins: Ref<Dict>,
        locals: Option<Value>,
        func: Option<Value>,
        previous: *mut Frame,
        nlocalsplus: u32,
        capacity: u32,
    ) -> Frame {
        Frame {
            code,
            globals,
            builtins,
            locals,
            func,
            previous,
            next_instr: 0,
            lasti: 0,
            stack_top: nlocalsplus,
            capacity,
            return_target: 0,
            is_entry: false,
            owner: FrameOwner::Thread,
            state: FrameState::Executing,
            exc_state: Value::NONE,
        }
    }

    /// Words of memory a frame with `capacity` slots takes.
    fn words(capacity: usize) -> usize {
        std::mem::size_of::<Frame>() / 8 + capacity * (std::mem::size_of::<Option<Value>>() / 8)
    }

    fn slots_ptr(&self) -> *mut Option<Value> {
        // SAFETY: slots follow the header in the same allocation (see `DataStack::push`).
        unsafe { (self as *const Frame as *mut Frame).add(1) as *mut Option<Value> }
    }

    /// All slots in use.
    pub fn slots(&mut self) -> &mut [Option<Value>] {
        // SAFETY: `capacity` slots were initialised when the frame was pushed.
        unsafe { std::slice::from_raw_parts_mut(self.slots_ptr(), self.capacity as usize) }
    }

    /// Pushes a value (or NULL) on the value stack. Returns false on overflow.
    #[inline]
    pub fn push(&mut self, v: Option<Value>) -> bool {
        if self.stack_top >= self.capacity {
            return false;
        }
        // SAFETY: in bounds (checked). Slots above the stack top are always
        // `None` (pops take their value), so nothing needs dropping: a plain
        // write keeps this small enough to inline.
        unsafe { self.slots_ptr().add(self.stack_top as usize).write(v) };
        self.stack_top += 1;
        true
    }

    /// Pops the top of the value stack.
    #[inline]
    pub fn pop(&mut self) -> Option<Value> {
        if self.stack_top == 0 {
            return None;
        }
        self.stack_top -= 1;
        // SAFETY: in bounds and initialised.
        unsafe { (*self.slots_ptr().add(self.stack_top as usize)).take() }
    }

    /// The value `depth` below the top (0 is the top).
    #[inline]
    pub fn peek(&self, depth: usize) -> Option<&Value> {
        let i = (self.stack_top as usize).checked_sub(depth + 1)?;
        // SAFETY: in bounds and initialised.
        unsafe { (*self.slots_ptr().add(i)).as_ref() }
    }

    /// Local slot `i`.
    #[inline]
    pub fn local(&self, i: usize) -> Option<&Value> {
        if i >= self.capacity as usize {
            return None;
        }
        // SAFETY: in bounds and initialised.
        unsafe { (*self.slots_ptr().add(i)).as_ref() }
    }

    /// Sets local slot `i`, returning the old value.
    #[inline]
    pub fn set_local(&mut self, i: usize, v: Option<Value>) -> Option<Value> {
        if i >= self.capacity as usize {
            return None;
        }
        // SAFETY: in bounds and initialised.
        unsafe { std::mem::replace(&mut *self.slots_ptr().add(i), v) }
    }

    /// Empties the locals and the value stack (the frame ended) and returns
    /// what they held, for the caller to drop once its bookkeeping is done
    /// (dropping may free other objects).
    pub fn take_slots(&mut self) -> Vec<Option<Value>> {
        let taken = self.slots().iter_mut().map(Option::take).collect();
        self.stack_top = (self.code.code.nlocalsplus() as u32).min(self.capacity);
        taken
    }

    /// Pops `n` values, in stack order (deepest first).
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let n = n.min(self.stack_top as usize);
        let start = self.stack_top as usize - n;
        let out = self.slots()[start..start + n]
            .iter_mut()
            .map(|s| s.take().unwrap_or(Value::NONE))
            .collect();
        self.stack_top = start as u32;
        out
    }
}

const CHUNK_WORDS: usize = 1 << 15;

/// The per-thread stack of frames: chunks of memory used in LIFO order.
pub struct DataStack {
    chunks: Vec<Box<[MaybeUninit<u64>]>>,
    /// Words used in each chunk.
    used: Vec<usize>,
}

impl Default for DataStack {
    fn default() -> Self {
        Self::new()
    }
}

impl DataStack {
    /// An empty data stack.
    pub fn new() -> DataStack {
        DataStack {
            chunks: Vec::new(),
            used: Vec::new(),
        }
    }

    /// Pushes a frame with `header` and `capacity` slots (all `None`).
    pub fn push(&mut self, header: Frame) -> *mut Frame {
        let capacity = header.capacity as usize;
        let words = Frame::words(capacity);
        let fits = self
            .chunks
            .last()
            .zip(self.used.last())
            .is_some_and(|(c, u)| c.len() - u >= words);
        if !fits {
            let size = words.max(CHUNK_WORDS);
            self.chunks
                .push(vec![MaybeUninit::uninit(); size].into_boxed_slice());
            self.used.push(0);
        }
        let last = self.chunks.len() - 1;
        let start = self.used[last];
        self.used[last] += words;
        // SAFETY: `start..start + words` is inside the chunk and unused;
        // u64 alignment suffices for `Frame` and `Option<Value>`.
        unsafe {
            let base = self.chunks[last].as_mut_ptr().add(start) as *mut Frame;
            base.write(header);
            let slots = base.add(1) as *mut Option<Value>;
            for i in 0..capacity {
                slots.add(i).write(None);
            }
            base
        }
    }

    /// Pops the most recently pushed frame, dropping its contents.
    ///
    /// # Safety
    /// `frame` must be the last frame pushed and not yet popped.
    pub unsafe fn pop(&mut self, frame: *mut Frame) {
        // SAFETY: per the contract the frame is live and initialised.
        let capacity = unsafe { (*frame).capacity as usize };
        // SAFETY: slots and header were initialised by `push`.
        unsafe {
            let slots = frame.add(1) as *mut Option<Value>;
            for i in 0..capacity {
                std::ptr::drop_in_place(slots.add(i));
            }
            std::ptr::drop_in_place(frame);
        }
        self.release_words(Frame::words(capacity));
    }

    /// Pops the most recently pushed frame whose contents were moved out
    /// (by [`OwnedFrame::take`]): nothing is dropped.
    ///
    /// # Safety
    /// `frame` must be the last frame pushed, and its header and slots
    /// must have been moved out already.
    pub unsafe fn release(&mut self, frame: *mut Frame) {
        // SAFETY: the capacity field is still readable (moved bitwise).
        let capacity = unsafe { (*frame).capacity as usize };
        self.release_words(Frame::words(capacity));
    }

    fn release_words(&mut self, words: usize) {
        if let Some(u) = self.used.last_mut() {
            *u = u.saturating_sub(words);
            if *u == 0 && self.chunks.len() > 1 {
                self.chunks.pop();
                self.used.pop();
            }
        }
    }
}

/// A frame record and its slots in memory of their own, outside the data
/// stack: the frame of a generator, coroutine or async generator. The
/// layout is the same as on the data stack (header, then `capacity` slots).
pub struct OwnedFrame {
    frame: Option<NonNull<Frame>>,
}

impl OwnedFrame {
    /// Moves the last frame pushed on `stack` into memory of its own
    /// (counted by the heap) and pops it from the stack without dropping
    /// anything. On `AllocError` the frame stays where it was.
    ///
    /// # Safety
    /// `frame` must be the last frame pushed on `stack` and live.
    pub unsafe fn take(stack: &mut DataStack, frame: *mut Frame) -> Result<OwnedFrame, AllocError> {
        // SAFETY: the frame is live (contract).
        let capacity = unsafe { (*frame).capacity as usize };
        let words = Frame::words(capacity);
        let layout = Self::layout(words)?;
        let memory = heap::allocate(layout)?.cast::<Frame>();
        // SAFETY: both regions are `words` words long and do not overlap;
        // the copy is a move (the data stack's copy is released below
        // without being dropped).
        unsafe {
            std::ptr::copy_nonoverlapping(frame as *const u64, memory.as_ptr() as *mut u64, words);
            stack.release(frame);
        }
        Ok(OwnedFrame {
            frame: Some(memory),
        })
    }

    /// An owned frame holding nothing (after [`OwnedFrame::take_out`]).
    pub const fn empty() -> OwnedFrame {
        OwnedFrame { frame: None }
    }

    /// Moves the frame out, leaving this one empty.
    pub fn take_out(&mut self) -> OwnedFrame {
        OwnedFrame {
            frame: self.frame.take(),
        }
    }

    fn layout(words: usize) -> Result<Layout, AllocError> {
        Layout::array::<u64>(words).map_err(|_| AllocError {
            size: words.saturating_mul(8),
        })
    }

    /// The frame (null when empty). The owner decides who may touch it:
    /// the eval loop while it runs, the generator's methods otherwise.
    pub fn as_ptr(&self) -> *mut Frame {
        self.frame.map_or(std::ptr::null_mut(), NonNull::as_ptr)
    }

    /// Drops the locals and the value stack (the frame ended); the header
    /// (code, globals) stays for `gi_code` and friends. Dropping values
    /// may free other objects, but runs no Python code.
    pub fn clear(&self) {
        let Some(frame) = self.frame else { return };
        // SAFETY: the frame is initialised and not borrowed elsewhere now
        // (it is not running: the caller finished or never started it).
        let frame = unsafe { &mut *frame.as_ptr() };
        let taken = frame.take_slots();
        let locals = frame.locals.take();
        drop((taken, locals));
    }
}

impl Drop for OwnedFrame {
    fn drop(&mut self) {
        let Some(frame) = self.frame.take() else {
            return;
        };
        let frame = frame.as_ptr();
        // SAFETY: the memory holds an initialised header and `capacity`
        // slots (moved in by `take`); it is dropped once, then freed with
        // the layout it was allocated with.
        unsafe {
            let capacity = (*frame).capacity as usize;
            let words = Frame::words(capacity);
            let slots = frame.add(1) as *mut Option<Value>;
            for i in 0..capacity {
                std::ptr::drop_in_place(slots.add(i));
            }
            std::ptr::drop_in_place(frame);
            if let Ok(layout) = Self::layout(words) {
                heap::deallocate(NonNull::new_unchecked(frame as *mut u8), layout);
            }
        }
    }
}
