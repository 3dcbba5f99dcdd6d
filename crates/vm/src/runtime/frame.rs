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
//! and the stack top, then the slots. `code`, `globals` and `builtins` are
//! each one object pointer; a frame pushed by the fast call path borrows
//! them from its function (no reference counts change on entry or exit),
//! which its `func` keeps alive (see [`HeaderRef`]). Every slot is an `Option<Value>`:
//! `None` is an unbound local or a NULL on the value stack. Only the slots
//! below `stack_top` are initialised; the rest is uninitialised memory, so
//! a push is a write and a pop a read, with nothing to clear.
//!
//! Generators and coroutines own their frame: `RETURN_GENERATOR` moves the
//! record and its slots out of the data stack ([`move_frame_out`]) into
//! the generator object's own block, after its payload. Resuming links that frame onto the thread's
//! chain (`previous`) and the eval loop runs it like any other; `owner`
//! and `state` tell the loop how to leave it (suspend, or finish without
//! popping the data stack).

use std::alloc::Layout;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use crate::builtins::dict::Dict;
use crate::builtins::function::Code;
use crate::object::Ref;
use crate::object::heap::{self, AllocError};
use crate::runtime::frame_object::FrameObjectLink;
use crate::value::Value;

/// The arguments of a call popped from a value stack (see
/// [`Frame::pop_args`]).
pub type CallArgs = smallvec::SmallVec<[Value; 6]>;

// The return flags are four adjacent bytes (see `Frame::return_word`).
const _: () = {
    assert!(std::mem::offset_of!(Frame, init_check) == std::mem::offset_of!(Frame, is_entry) + 1);
    assert!(std::mem::offset_of!(Frame, owner) == std::mem::offset_of!(Frame, is_entry) + 2);
    assert!(std::mem::offset_of!(Frame, state) == std::mem::offset_of!(Frame, is_entry) + 3);
};

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

/// The code or a namespace of a frame: a reference of the frame's own
/// (counted, released when the frame is dropped) or, when the frame's
/// `header_borrowed` is set, one borrowed from the function in its `func`
/// (CPython's frames borrow `f_globals` and `f_builtins` the same way),
/// valid because a function's `__code__`, `__globals__` and
/// `__builtins__` never change and the frame holds the function until it
/// is dropped or adopts the references ([`Frame::take_func`]). The same
/// word as a `Ref<T>`; reads go through `Deref`.
#[repr(transparent)]
pub struct HeaderRef<T: 'static>(ManuallyDrop<Ref<T>>);

impl<T: 'static> HeaderRef<T> {
    /// A reference the frame owns.
    #[inline(always)]
    pub fn owned(reference: Ref<T>) -> HeaderRef<T> {
        HeaderRef(ManuallyDrop::new(reference))
    }

    /// `reference` borrowed, its count untouched.
    ///
    /// # Safety
    /// The frame holding the result must set `header_borrowed` and keep
    /// alive (in `func`) an object that holds `reference` unchanged.
    #[inline(always)]
    pub unsafe fn borrowed(reference: &Ref<T>) -> HeaderRef<T> {
        // SAFETY: a bitwise copy that is never dropped (`ManuallyDrop`):
        // no count is taken or released, and the caller keeps the object
        // alive while the frame may read it.
        HeaderRef(ManuallyDrop::new(unsafe { std::ptr::read(reference) }))
    }

    /// Takes a count of its own for a borrowed reference (the frame is
    /// about to stop holding the object it borrowed from).
    fn adopt(&self) {
        std::mem::forget(Ref::clone(&self.0));
    }

    /// Releases an owned reference.
    ///
    /// # Safety
    /// Only for an owned reference, once, by the frame being dropped.
    unsafe fn release(&mut self) {
        // SAFETY: contract.
        unsafe { ManuallyDrop::drop(&mut self.0) }
    }
}

impl<T: 'static> std::ops::Deref for HeaderRef<T> {
    type Target = Ref<T>;
    #[inline(always)]
    fn deref(&self) -> &Ref<T> {
        &self.0
    }
}

/// One activation record.
#[repr(C)]
pub struct Frame {
    /// The code being run.
    pub code: HeaderRef<Code>,
    /// The globals.
    pub globals: HeaderRef<Dict>,
    /// The builtins.
    pub builtins: HeaderRef<Dict>,
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
    /// Whether this frame runs `__init__` for a class instantiation made
    /// by `CALL` (the new instance waits on the caller's stack): its
    /// return value must be `None` and is dropped, not pushed.
    pub init_check: bool,
    /// Who owns the frame's memory.
    pub owner: FrameOwner,
    /// The generator's state (`Executing` for thread frames).
    pub state: FrameState,
    /// Whether `code`, `globals` and `builtins` are borrowed from the
    /// function in `func` (see [`HeaderRef`]) rather than owned.
    pub header_borrowed: bool,
    /// For a generator's frame, the exception state swapped with the
    /// thread's on each resume: the generator's own handled exception
    /// while it is suspended, its resumer's while it runs (CPython's
    /// `gi_exc_state`). `None` for thread frames.
    pub exc_state: Value,
    /// The frame's frame object, if one was made, and the generator
    /// owning the frame (see `frame_object`).
    pub frame_object: FrameObjectLink,
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
        Frame::header(
            HeaderRef::owned(code),
            HeaderRef::owned(globals),
            HeaderRef::owned(builtins),
            locals,
            func,
            previous,
            nlocalsplus,
            capacity,
            false,
        )
    }

    /// A header for a frame running `func`, with `capacity` slots of which
    /// the first `nlocalsplus` are locals, borrowing the function's code
    /// and namespaces (no counts taken). `func` is left unset.
    ///
    /// # Safety
    /// Before anything can drop the frame or look at its `func`, the
    /// caller must store in `func` a reference to the function `func`.
    #[inline(always)]
    pub unsafe fn borrowing(
        func: &crate::builtins::function::Function,
        previous: *mut Frame,
        nlocalsplus: u32,
        capacity: u32,
    ) -> Frame {
        // SAFETY (each): the caller stores the function in `func`, which
        // keeps these (immutable) references of its alive.
        Frame::header(
            unsafe { HeaderRef::borrowed(&func.code) },
            unsafe { HeaderRef::borrowed(&func.globals) },
            unsafe { HeaderRef::borrowed(&func.builtins) },
            None,
            None,
            previous,
            nlocalsplus,
            capacity,
            true,
        )
    }

    /// The one place a header is laid out: a thread frame about to run
    /// from its first instruction, its locals uninitialised, `borrowed`
    /// saying whether `code`, `globals` and `builtins` are borrowed from
    /// the function in `func` (see [`HeaderRef`]).
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn header(
        code: HeaderRef<Code>,
        globals: HeaderRef<Dict>,
        builtins: HeaderRef<Dict>,
        locals: Option<Value>,
        func: Option<Value>,
        previous: *mut Frame,
        nlocalsplus: u32,
        capacity: u32,
        borrowed: bool,
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
            init_check: false,
            owner: FrameOwner::Thread,
            state: FrameState::Executing,
            header_borrowed: borrowed,
            exc_state: Value::NONE,
            frame_object: FrameObjectLink::default(),
        }
    }

    /// How this frame returns, as one word: its `is_entry`, `init_check`,
    /// `owner` and `state` bytes (adjacent in the header) read together, so
    /// the return path tests them with one comparison instead of one
    /// branch per flag. Compare with [`Frame::PLAIN_RETURN`] and
    /// [`Frame::ENTRY_RETURN`]; any other word takes the general return.
    #[inline(always)]
    pub(crate) fn return_word(&self) -> u32 {
        u32::from_le_bytes([
            u8::from(self.is_entry),
            u8::from(self.init_check),
            self.owner as u8,
            self.state as u8,
        ])
    }

    /// Stores the four bytes [`Frame::return_word`] reads with one store,
    /// `word` being [`Frame::PLAIN_RETURN`] or [`Frame::ENTRY_RETURN`]: a
    /// later word-wide read of bytes stored one at a time would wait for
    /// the stores to reach the cache (no store forwarding across stores).
    #[inline(always)]
    pub(crate) fn set_return_word(&mut self, word: u32) {
        debug_assert!(word == Frame::PLAIN_RETURN || word == Frame::ENTRY_RETURN);
        // SAFETY: `is_entry`, `init_check`, `owner` and `state` are four
        // adjacent bytes of this `#[repr(C)]` header (checked below), and
        // both words hold valid values for each: 0 or 1 for the bools,
        // `Thread` and `Executing` for the enums.
        unsafe { (&raw mut self.is_entry).cast::<u32>().write_unaligned(word) }
    }

    /// [`Frame::return_word`] of a frame a `CALL` of this eval loop pushed
    /// (not an entry, not `__init__`'s) on the thread's data stack: it is
    /// popped and its caller resumed in place. (A thread frame's state is
    /// always `Executing`.)
    pub(crate) const PLAIN_RETURN: u32 =
        u32::from_le_bytes([0, 0, FrameOwner::Thread as u8, FrameState::Executing as u8]);

    /// [`Frame::return_word`] of the entry frame of an eval loop on the
    /// thread's data stack (not `__init__`'s): it is popped and the loop
    /// returns the value to the native code that ran it.
    pub(crate) const ENTRY_RETURN: u32 =
        u32::from_le_bytes([1, 0, FrameOwner::Thread as u8, FrameState::Executing as u8]);

    /// Takes the function out of the frame (it ended and is being
    /// cleared), first giving the frame counts of its own on the code and
    /// namespaces it borrowed from it.
    pub fn take_func(&mut self) -> Option<Value> {
        if self.header_borrowed {
            self.code.adopt();
            self.globals.adopt();
            self.builtins.adopt();
            self.header_borrowed = false;
        }
        self.func.take()
    }

    /// The first slot (locals plus, then the value stack).
    #[inline(always)]
    pub(crate) fn slots_ptr(&self) -> *mut Option<Value> {
        // SAFETY: slots follow the header in the same allocation (see `DataStack::push`).
        unsafe { (self as *const Frame as *mut Frame).add(1) as *mut Option<Value> }
    }

    /// The slots in use (locals plus, then the value stack).
    pub fn slots(&mut self) -> &mut [Option<Value>] {
        let used = self.stack_top.min(self.capacity) as usize;
        // SAFETY: the slots below the stack top are initialised.
        unsafe { std::slice::from_raw_parts_mut(self.slots_ptr(), used) }
    }

    /// The slots in use (locals plus, then the value stack), read-only.
    pub fn live_slots(&self) -> &[Option<Value>] {
        let used = self.stack_top.min(self.capacity) as usize;
        // SAFETY: the slots below the stack top are initialised.
        unsafe { std::slice::from_raw_parts(self.slots_ptr(), used) }
    }

    /// Pushes a value (or NULL) on the value stack. Returns false on overflow.
    #[inline(always)]
    pub fn push(&mut self, v: Option<Value>) -> bool {
        if self.stack_top >= self.capacity {
            return false;
        }
        // SAFETY: in bounds (checked). The slot at the stack top is
        // uninitialised (a pop moved its value out), so nothing is lost.
        unsafe { std::ptr::write(self.slots_ptr().add(self.stack_top as usize), v) };
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
        // SAFETY: in bounds and initialised; the value moves out and the
        // slot counts as uninitialised from now on.
        unsafe { self.slots_ptr().add(self.stack_top as usize).read() }
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
        if i >= self.stack_top.min(self.capacity) as usize {
            return None;
        }
        // SAFETY: in bounds and initialised.
        unsafe { (*self.slots_ptr().add(i)).as_ref() }
    }

    /// `COPY_FREE_VARS count` from the eval loop's fast tier: the cells of
    /// the running function's closure moved into its last `count` locals
    /// (the free variables). `false`, with nothing done, when the frame's
    /// function has no closure (the general tier then decides).
    #[inline(never)]
    pub(crate) fn copy_free_vars(&mut self, count: usize) -> bool {
        let Some(closure) = self
            .func
            .as_ref()
            .and_then(|f| f.as_object())
            .and_then(|o| o.downcast::<crate::builtins::function::Function>())
            .and_then(|f| f.closure.get())
        else {
            return false;
        };
        // Locals plus lie below every stack top and within the capacity.
        let locals = self.code.code.nlocalsplus().min(self.capacity as usize);
        let first = locals.saturating_sub(count);
        let slots = self.slots_ptr();
        for (i, cell) in (first..locals).zip(closure.items()) {
            // SAFETY: `i` is a local slot (see above), initialised.
            drop(unsafe { (*slots.add(i)).replace(cell.clone()) });
        }
        true
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

    /// Empties the locals and the value stack (the frame ended) and returns
    /// what they held, for the caller to drop once its bookkeeping is done
    /// (dropping may free other objects).
    pub fn take_slots(&mut self) -> Vec<Option<Value>> {
        let used = self.stack_top.min(self.capacity) as usize;
        let locals = (self.code.code.nlocalsplus()).min(self.capacity as usize);
        let slots = self.slots_ptr();
        // SAFETY: the slots below the stack top are initialised; each is
        // moved out once, then the locals are initialised again (unbound).
        let taken = (0..used).map(|i| unsafe { slots.add(i).read() }).collect();
        for i in 0..locals {
            // SAFETY: in bounds; the old value was moved out above (or the
            // slot was uninitialised).
            unsafe { slots.add(i).write(None) };
        }
        self.stack_top = locals as u32;
        taken
    }

    /// Pops `n` call arguments, in stack order, into a vector that keeps
    /// the usual few inline (no heap allocation per call).
    pub fn pop_args(&mut self, n: usize) -> CallArgs {
        let top = self.stack_top.min(self.capacity) as usize;
        let start = top - n.min(top);
        let slots = self.slots_ptr();
        // SAFETY: as `pop_n`.
        let out = (start..top)
            .map(|i| unsafe { slots.add(i).read() }.unwrap_or(Value::NONE))
            .collect();
        self.stack_top = start as u32;
        out
    }

    /// Pops `n` values, in stack order (deepest first).
    pub fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let top = self.stack_top.min(self.capacity) as usize;
        let start = top - n.min(top);
        let slots = self.slots_ptr();
        // SAFETY: the slots below the stack top are initialised; each is
        // moved out once and counts as uninitialised afterwards.
        let out = (start..top)
            .map(|i| unsafe { slots.add(i).read() }.unwrap_or(Value::NONE))
            .collect();
        self.stack_top = start as u32;
        out
    }
}

impl Drop for Frame {
    /// Releases the code and namespaces when the frame owns them; the
    /// other fields drop themselves (the function last of all: the
    /// borrowed references are not touched after this).
    #[inline(always)]
    fn drop(&mut self) {
        if !self.header_borrowed {
            // SAFETY: owned references, released once, here.
            unsafe {
                self.code.release();
                self.globals.release();
                self.builtins.release();
            }
        }
    }
}

const CHUNK_WORDS: usize = 1 << 15;

/// Words taken by a frame with `capacity` slots.
#[inline(always)]
pub(crate) fn frame_words(capacity: usize) -> usize {
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

/// Writes `header` into the uninitialised frame memory at `frame` one field
/// at a time. A whole-struct `write` made LLVM build the header in a
/// temporary and copy it with 16-byte loads of fields just stored as 4-
/// and 8-byte words: a store-forwarding stall on every call.
///
/// # Safety
/// `frame` must be valid for writes of a `Frame` and hold no live frame.
#[inline(always)]
unsafe fn write_header(frame: *mut Frame, header: Frame) {
    let header = ManuallyDrop::new(header);
    // SAFETY: each field is moved out once; `header` is never dropped.
    let (code, globals, builtins, locals, func, exc_state, frame_object) = unsafe {
        (
            std::ptr::read(&header.code),
            std::ptr::read(&header.globals),
            std::ptr::read(&header.builtins),
            std::ptr::read(&header.locals),
            std::ptr::read(&header.func),
            std::ptr::read(&header.exc_state),
            std::ptr::read(&header.frame_object),
        )
    };
    let Frame {
        previous,
        next_instr,
        lasti,
        stack_top,
        capacity,
        return_target,
        is_entry,
        init_check,
        owner,
        state,
        header_borrowed,
        ..
    } = *header;
    // SAFETY: per the contract every field's place is writable and holds
    // nothing to drop.
    unsafe {
        (&raw mut (*frame).code).write(code);
        (&raw mut (*frame).globals).write(globals);
        (&raw mut (*frame).builtins).write(builtins);
        std::ptr::write(&raw mut (*frame).locals, locals);
        std::ptr::write(&raw mut (*frame).func, func);
        (&raw mut (*frame).previous).write(previous);
        (&raw mut (*frame).next_instr).write(next_instr);
        (&raw mut (*frame).lasti).write(lasti);
        (&raw mut (*frame).stack_top).write(stack_top);
        (&raw mut (*frame).capacity).write(capacity);
        (&raw mut (*frame).return_target).write(return_target);
        // The four return flags in one store, as `return_word` reads them
        // (four adjacent bytes, each a valid value of its field).
        (&raw mut (*frame).is_entry)
            .cast::<u32>()
            .write_unaligned(u32::from_le_bytes([
                u8::from(is_entry),
                u8::from(init_check),
                owner as u8,
                state as u8,
            ]));
        (&raw mut (*frame).header_borrowed).write(header_borrowed);
        std::ptr::write((&raw mut (*frame).exc_state).cast(), Some(exc_state));
        (&raw mut (*frame).frame_object).write(frame_object);
    }
}

/// Drops the header of the frame at `frame` in place: what
/// `drop_in_place` does (the `Drop` impl, then the fields in order), here
/// inline (the drop glue was an out-of-line call on every return), and
/// without the function's references when the header borrows them.
///
/// # Safety
/// `frame` must hold an initialised header, dropped here once.
#[inline(always)]
unsafe fn drop_header(frame: *mut Frame) {
    // SAFETY: contract; each field is moved out once and dropped, in the
    // order `drop_in_place` would (the function after the code and
    // namespaces it may lend, which are not touched after it).
    unsafe {
        if !(*frame).header_borrowed {
            (*frame).code.release();
            (*frame).globals.release();
            (*frame).builtins.release();
        }
        drop(std::ptr::read(&raw const (*frame).locals));
        drop(std::ptr::read(&raw const (*frame).func));
        drop(std::ptr::read(&raw const (*frame).exc_state));
        drop(std::ptr::read(&raw const (*frame).frame_object));
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

    /// Pushes a frame with `header` and `capacity` slots, of which the
    /// first `header.stack_top` (the locals) are initialised to `None`;
    /// fails when the heap refuses a new chunk.
    #[inline(always)]
    pub fn push(&mut self, header: Frame) -> Result<*mut Frame, AllocError> {
        let capacity = header.capacity;
        // SAFETY: no locals are left for the caller to fill.
        unsafe { self.push_with(capacity, 0, || header) }
    }

    /// Pushes a frame with `capacity` slots and the header `make` builds
    /// (called once the memory is reserved, so the header is written in
    /// place instead of being kept in a temporary across the reservation).
    /// The locals from `prefilled` to `header.stack_top` are initialised to
    /// `None`; fails when the heap refuses a new chunk.
    ///
    /// # Safety
    /// The caller must initialise the first `prefilled` locals (at most
    /// `header.stack_top`) before anything else can look at the frame.
    #[inline(always)]
    pub unsafe fn push_with(
        &mut self,
        capacity: u32,
        prefilled: usize,
        make: impl FnOnce() -> Frame,
    ) -> Result<*mut Frame, AllocError> {
        let capacity = capacity as usize;
        let words = frame_words(capacity);
        // Before the first push `top` and `limit` are both null: no room.
        if self.room() < words {
            self.start_chunk(words)?;
        }
        let base = self.top;
        // SAFETY: `words` words from `top` are inside the current chunk and
        // unused; u64 alignment suffices for `Frame` and `Option<Value>`.
        unsafe {
            self.top = base.add(words);
            let frame = base.cast::<Frame>();
            let header = make();
            debug_assert!(header.capacity as usize == capacity);
            let locals = (header.stack_top as usize).min(capacity);
            debug_assert!(prefilled <= locals);
            write_header(frame, header);
            let slots = frame.add(1).cast::<Option<Value>>();
            for i in prefilled..locals {
                slots.add(i).write(None);
            }
            Ok(frame)
        }
    }

    /// Pops the most recently pushed frame, dropping its contents.
    ///
    /// # Safety
    /// `frame` must be the last frame pushed and not yet popped.
    #[inline(always)]
    pub unsafe fn pop(&mut self, frame: *mut Frame) {
        // SAFETY: per the contract the frame is live and initialised.
        let (capacity, in_use) =
            unsafe { ((*frame).capacity as usize, (*frame).stack_top as usize) };
        // SAFETY: the header and the slots below the stack top are
        // initialised; the others are not (see the file comment).
        unsafe {
            let slots = frame.add(1).cast::<Option<Value>>();
            for i in 0..in_use.min(capacity) {
                std::ptr::drop_in_place(slots.add(i));
            }
            drop_header(frame);
        }
        self.rewind_to(frame.cast::<u64>());
    }

    /// Pops the most recently pushed frame whose contents were moved out
    /// (by [`move_frame_out`]): nothing is dropped.
    ///
    /// # Safety
    /// `frame` must be the last frame pushed, and its header and slots
    /// must have been moved out already.
    pub unsafe fn release(&mut self, frame: *mut Frame) {
        self.rewind_to(frame.cast::<u64>());
    }

    /// Moves the top back to `top` (the start of the frame just popped),
    /// returning to the previous chunk when the current one becomes empty.
    #[inline(always)]
    fn rewind_to(&mut self, top: *mut u64) {
        self.top = top;
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

/// A frame record and its slots in memory of their own, outside the data
/// stack: the copy a frame object keeps of a frame that ended. The layout
/// is the same as on the data stack (header, then `capacity` slots).
pub struct OwnedFrame {
    frame: Option<NonNull<Frame>>,
}

/// Moves the last frame pushed on `stack` to `destination` (memory of
/// [`frame_words`] of its capacity, outside the data stack: a generator
/// object's) and pops it from the stack without dropping anything.
///
/// # Safety
/// `frame` must be the last frame pushed on `stack` and live;
/// `destination` must be writable, 8-byte aligned memory of that many
/// words, not overlapping the stack, which then owns the frame.
pub unsafe fn move_frame_out(stack: &mut DataStack, frame: *mut Frame, destination: *mut Frame) {
    // SAFETY: both regions are the frame's words long and do not overlap
    // (contract); the copy is a move (the data stack's copy is released
    // without being dropped).
    unsafe {
        let words = frame_words((*frame).capacity as usize);
        std::ptr::copy_nonoverlapping(frame as *const u64, destination as *mut u64, words);
        stack.release(frame);
    }
}

/// Drops a frame kept outside the data stack in place: its initialised
/// slots (those below the stack top) from the top down, as CPython clears
/// a frame (the order their finalizers run in), then its header. Frees no
/// memory.
///
/// # Safety
/// `frame` must be an initialised frame, not running, dropped once.
pub unsafe fn drop_frame_in_place(frame: *mut Frame) {
    // SAFETY: contract: the header and the slots below the stack top are
    // initialised.
    unsafe {
        let capacity = (*frame).capacity as usize;
        let slots = frame.add(1) as *mut Option<Value>;
        let used = ((*frame).stack_top as usize).min(capacity);
        for i in (0..used).rev() {
            std::ptr::drop_in_place(slots.add(i));
        }
        std::ptr::drop_in_place(frame);
    }
}

impl OwnedFrame {
    /// An owned frame holding nothing.
    pub const fn empty() -> OwnedFrame {
        OwnedFrame { frame: None }
    }

    fn layout(words: usize) -> Result<Layout, AllocError> {
        Layout::array::<u64>(words).map_err(|_| AllocError {
            size: words.saturating_mul(8),
        })
    }

    /// The frame (null when empty).
    pub fn as_ptr(&self) -> *mut Frame {
        self.frame.map_or(std::ptr::null_mut(), NonNull::as_ptr)
    }
}

impl OwnedFrame {
    /// A copy of `frame`'s header and locals plus (not its value stack)
    /// in memory of its own: what a frame object keeps when its frame
    /// ends. The copy is unlinked (`previous` null) and has no frame
    /// object.
    pub fn copy_locals_of(frame: &Frame) -> Result<OwnedFrame, AllocError> {
        let nlocalsplus = frame.code.code.nlocalsplus().min(frame.capacity as usize);
        let words = frame_words(nlocalsplus);
        let layout = Self::layout(words)?;
        let memory = heap::allocate(layout)?.cast::<Frame>();
        let mut header = Frame::new(
            Ref::clone(&frame.code),
            Ref::clone(&frame.globals),
            Ref::clone(&frame.builtins),
            frame.locals.clone(),
            frame.func.clone(),
            std::ptr::null_mut(),
            nlocalsplus as u32,
            nlocalsplus as u32,
        );
        header.next_instr = frame.next_instr;
        header.lasti = frame.lasti;
        header.owner = frame.owner;
        header.state = FrameState::Completed;
        // SAFETY: `memory` holds `words` words: the header, then
        // `nlocalsplus` slots, each initialised once here.
        unsafe {
            memory.as_ptr().write(header);
            let slots = memory.as_ptr().add(1).cast::<Option<Value>>();
            for i in 0..nlocalsplus {
                slots.add(i).write(frame.local(i).cloned());
            }
        }
        Ok(OwnedFrame {
            frame: Some(memory),
        })
    }
}

impl Drop for OwnedFrame {
    fn drop(&mut self) {
        let Some(frame) = self.frame.take() else {
            return;
        };
        let frame = frame.as_ptr();
        // SAFETY: the memory holds an initialised header and `stack_top`
        // initialised slots (written by `copy_locals_of`); it is dropped
        // once, then freed with the layout it was allocated with.
        unsafe {
            let words = frame_words((*frame).capacity as usize);
            drop_frame_in_place(frame);
            if let Ok(layout) = Self::layout(words) {
                heap::deallocate(NonNull::new_unchecked(frame as *mut u8), layout);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]

    use super::*;
    use crate::runtime::Vm;

    /// A header for a frame of `capacity` slots running an empty module.
    fn header(vm: &mut Vm, capacity: u32) -> Frame {
        let parsed = krait_syntax::parse_module(b"pass\n", "<test>").expect("parses");
        let code = krait_compiler::compile(&parsed, "<test>", krait_compiler::CompileMode::Exec)
            .expect("compiles");
        let code = vm.new_code(code).expect("code");
        let globals = vm.new_dict_ref().expect("dict");
        let builtins = vm.builtins.clone();
        Frame::new(
            code,
            globals,
            builtins,
            None,
            None,
            std::ptr::null_mut(),
            0,
            capacity,
        )
    }

    #[test]
    fn moving_the_top_frame_out_rewinds_the_stack_like_a_pop() {
        let mut vm = Vm::new().expect("vm");
        let mut stack = DataStack::new();
        // A first frame that leaves too little room in its chunk for the
        // next one, which therefore starts a second chunk.
        let header_words = std::mem::size_of::<Frame>() / 8;
        let slot_words = std::mem::size_of::<Option<Value>>() / 8;
        let filling = u32::try_from((CHUNK_WORDS - header_words) / slot_words - 1).expect("fits");
        let h = header(&mut vm, filling);
        let first = stack.push(h).expect("first frame");
        let h = header(&mut vm, 4);
        let second = stack.push(h).expect("second frame");
        let value = vm.new_str("held by the moved frame").expect("str");
        let object = value.as_object().expect("heap str").clone();
        // SAFETY: `second` is live and the last pushed.
        assert!(unsafe { (*second).push(Some(value)) });
        let count = object.refcount();
        // SAFETY: `second` is the last frame pushed.
        let words = frame_words(4);
        let mut memory = vec![0u64; words];
        let destination = memory.as_mut_ptr().cast::<Frame>();
        // SAFETY: `second` is the last frame pushed; `memory` holds its words.
        unsafe { move_frame_out(&mut stack, second, destination) };
        // Moved, not copied: nothing was dropped or counted twice.
        assert_eq!(object.refcount(), count);
        // SAFETY: the moved frame is initialised.
        let moved = unsafe { &*destination };
        let top = moved
            .peek(0)
            .and_then(Value::as_object)
            .map(|o| o.address());
        assert_eq!(top, Some(object.address()));
        assert_eq!(moved.live_slots().len(), 1);
        // The stack is back in the first chunk: the next frame that does not
        // fit there reuses the (spare) second chunk from its start.
        let h = header(&mut vm, 4);
        let third = stack.push(h).expect("third frame");
        assert_eq!(third, second);
        // SAFETY: LIFO pops of live frames.
        unsafe {
            stack.pop(third);
            stack.pop(first);
        }
        // SAFETY: the moved frame is initialised and dropped once.
        unsafe { drop_frame_in_place(destination) };
        drop(memory);
        assert_eq!(object.refcount(), count - 1);
    }
}
