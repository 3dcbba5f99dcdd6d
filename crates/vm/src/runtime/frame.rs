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

use std::alloc::Layout;
use std::ptr::NonNull;

use crate::builtins::dict::Dict;
use crate::builtins::function::Code;
use crate::object::Ref;
use crate::object::heap::{self, AllocError};
use crate::value::Value;

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
    /// Whether returning from this frame leaves the current eval loop.
    pub is_entry: bool,
}

impl Frame {
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
    #[inline(always)]
    pub fn push(&mut self, v: Option<Value>) -> bool {
        if self.stack_top >= self.capacity {
            return false;
        }
        // SAFETY: in bounds (checked). Slots above the stack top always
        // hold `None` (pops take their value), so nothing is overwritten.
        unsafe { self.slots_ptr().add(self.stack_top as usize).write(v) };
        self.stack_top += 1;
        true
    }

    /// Pops the top of the value stack.
    #[inline(always)]
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

    /// Sets slot `i` (a local, or a value-stack entry below the top),
    /// returning the old value. Slots at or above the stack top are refused:
    /// they must stay `None` (see [`Frame::push`]).
    #[inline]
    pub fn set_local(&mut self, i: usize, v: Option<Value>) -> Option<Value> {
        if i >= self.stack_top.min(self.capacity) as usize {
            return None;
        }
        // SAFETY: in bounds and initialised.
        unsafe { std::mem::replace(&mut *self.slots_ptr().add(i), v) }
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

/// Words taken by a frame with `capacity` slots.
#[inline(always)]
fn frame_words(capacity: usize) -> usize {
    std::mem::size_of::<Frame>() / 8 + capacity * (std::mem::size_of::<Option<Value>>() / 8)
}

/// One chunk of the data stack: memory from the accounted heap.
struct Chunk {
    start: NonNull<u64>,
    words: usize,
}

impl Chunk {
    fn layout(words: usize) -> Option<Layout> {
        Layout::array::<u64>(words).ok()
    }

    fn new(words: usize) -> Result<Chunk, AllocError> {
        let layout = Chunk::layout(words).ok_or(AllocError { size: usize::MAX })?;
        let start = heap::allocate(layout)?.cast::<u64>();
        Ok(Chunk { start, words })
    }
}

impl Drop for Chunk {
    fn drop(&mut self) {
        if let Some(layout) = Chunk::layout(self.words) {
            // SAFETY: allocated by `Chunk::new` with this layout.
            unsafe { heap::deallocate(self.start.cast::<u8>(), layout) };
        }
    }
}

/// The per-thread stack of frames: chunks of memory used in LIFO order, as
/// CPython's `datastack_chunk`s, allocated through the accounted heap
/// (`object::heap`) so frames count towards live bytes and the memory
/// limit. Pushing is a bump of `top` within the current chunk; a frame that
/// does not fit starts a new chunk.
pub struct DataStack {
    /// Chunks in use, oldest first; the last one is current.
    chunks: Vec<Chunk>,
    /// For each chunk but the current one: where its top was when the next
    /// chunk was started.
    saved_tops: Vec<*mut u64>,
    /// The next free word of the current chunk (null before the first push).
    top: *mut u64,
    /// One past the last word of the current chunk.
    limit: *mut u64,
    /// The start of the current chunk.
    base: *mut u64,
    /// A chunk left by the last return across a chunk boundary, kept so a
    /// call/return loop at the boundary does not allocate every time.
    spare: Option<Chunk>,
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
            saved_tops: Vec::new(),
            top: std::ptr::null_mut(),
            limit: std::ptr::null_mut(),
            base: std::ptr::null_mut(),
            spare: None,
        }
    }

    /// Words still free in the current chunk.
    #[inline(always)]
    fn room(&self) -> usize {
        (self.limit as usize - self.top as usize) / 8
    }

    /// Makes a chunk with at least `words` free words current.
    #[cold]
    fn start_chunk(&mut self, words: usize) -> Result<(), AllocError> {
        let chunk = match self.spare.take() {
            Some(spare) if spare.words >= words => spare,
            _ => Chunk::new(words.max(CHUNK_WORDS))?,
        };
        if !self.chunks.is_empty() {
            self.saved_tops.push(self.top);
        }
        self.enter(&chunk);
        self.chunks.push(chunk);
        Ok(())
    }

    /// Makes `chunk` current, its top at its start.
    fn enter(&mut self, chunk: &Chunk) {
        self.base = chunk.start.as_ptr();
        self.top = self.base;
        // SAFETY: one past the end of the chunk's allocation.
        self.limit = unsafe { self.base.add(chunk.words) };
    }

    /// Pushes a frame with `header` and `capacity` slots (all `None`);
    /// fails when the heap refuses a new chunk.
    #[inline]
    pub fn push(&mut self, header: Frame) -> Result<*mut Frame, AllocError> {
        let capacity = header.capacity as usize;
        let words = frame_words(capacity);
        if self.top.is_null() || self.room() < words {
            self.start_chunk(words)?;
        }
        let base = self.top;
        // SAFETY: `words` words from `top` are inside the current chunk and
        // unused; u64 alignment suffices for `Frame` and `Option<Value>`.
        unsafe {
            self.top = base.add(words);
            let frame = base.cast::<Frame>();
            frame.write(header);
            let slots = frame.add(1).cast::<Option<Value>>();
            for i in 0..capacity {
                slots.add(i).write(None);
            }
            Ok(frame)
        }
    }

    /// Pops the most recently pushed frame, dropping its contents.
    ///
    /// # Safety
    /// `frame` must be the last frame pushed and not yet popped.
    #[inline]
    pub unsafe fn pop(&mut self, frame: *mut Frame) {
        // SAFETY: per the contract the frame is live and initialised.
        let (capacity, in_use) =
            unsafe { ((*frame).capacity as usize, (*frame).stack_top as usize) };
        // SAFETY: slots and header were initialised by `push`; slots at and
        // above the stack top hold `None` (see `Frame::push`), so only the
        // ones below it can own anything.
        unsafe {
            let slots = frame.add(1).cast::<Option<Value>>();
            for i in 0..in_use.min(capacity) {
                std::ptr::drop_in_place(slots.add(i));
            }
            std::ptr::drop_in_place(frame);
        }
        self.top = frame.cast::<u64>();
        if self.top == self.base
            && let Some(previous_top) = self.saved_tops.pop()
        {
            self.spare = self.chunks.pop();
            if let Some(current) = self.chunks.last() {
                self.base = current.start.as_ptr();
                // SAFETY: one past the end of the chunk's allocation.
                self.limit = unsafe { self.base.add(current.words) };
            }
            self.top = previous_top;
        }
    }
}
