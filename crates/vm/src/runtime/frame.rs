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
    #[inline]
    pub fn push(&mut self, v: Option<Value>) -> bool {
        if self.stack_top >= self.capacity {
            return false;
        }
        // SAFETY: in bounds (checked) and initialised.
        unsafe { *self.slots_ptr().add(self.stack_top as usize) = v };
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

/// The per-thread stack of frames: chunks of memory used in LIFO order,
/// allocated through the accounted heap (`object::heap`), so frames count
/// towards live bytes and the memory limit.
pub struct DataStack {
    chunks: Vec<Chunk>,
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

    /// Pushes a frame with `header` and `capacity` slots (all `None`);
    /// fails when the heap refuses a new chunk.
    pub fn push(&mut self, header: Frame) -> Result<*mut Frame, AllocError> {
        let capacity = header.capacity as usize;
        let words = std::mem::size_of::<Frame>() / 8
            + capacity * (std::mem::size_of::<Option<Value>>() / 8);
        let fits = self
            .chunks
            .last()
            .zip(self.used.last())
            .is_some_and(|(c, u)| c.words - u >= words);
        if !fits {
            self.chunks.push(Chunk::new(words.max(CHUNK_WORDS))?);
            self.used.push(0);
        }
        let last = self.chunks.len() - 1;
        let start = self.used[last];
        self.used[last] += words;
        // SAFETY: `start..start + words` is inside the chunk and unused;
        // u64 alignment suffices for `Frame` and `Option<Value>`.
        unsafe {
            let base = self.chunks[last].start.as_ptr().add(start) as *mut Frame;
            base.write(header);
            let slots = base.add(1) as *mut Option<Value>;
            for i in 0..capacity {
                slots.add(i).write(None);
            }
            Ok(base)
        }
    }

    /// Pops the most recently pushed frame, dropping its contents.
    ///
    /// # Safety
    /// `frame` must be the last frame pushed and not yet popped.
    pub unsafe fn pop(&mut self, frame: *mut Frame) {
        // SAFETY: per the contract the frame is live and initialised.
        let capacity = unsafe { (*frame).capacity as usize };
        let words = std::mem::size_of::<Frame>() / 8
            + capacity * (std::mem::size_of::<Option<Value>>() / 8);
        // SAFETY: slots and header were initialised by `push`.
        unsafe {
            let slots = frame.add(1) as *mut Option<Value>;
            for i in 0..capacity {
                std::ptr::drop_in_place(slots.add(i));
            }
            std::ptr::drop_in_place(frame);
        }
        if let Some(u) = self.used.last_mut() {
            *u = u.saturating_sub(words);
            if *u == 0 && self.chunks.len() > 1 {
                self.chunks.pop();
                self.used.pop();
            }
        }
    }
}
