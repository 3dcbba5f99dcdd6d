//! Native stack on demand for the recursive passes over source and trees.
//!
//! The parser, the symbol-table walk and the code generator recurse once per
//! nesting level. Nesting is bounded (CPython's limits, counted by each pass),
//! but the bound can need more native stack than the caller's thread has.
//! Each pass calls [`grow`] at its nesting points: when less than
//! [`RED_ZONE`] bytes of stack remain, the work continues on a fresh
//! [`SEGMENT`]-byte segment (the `stacker` crate, as rustc does), so every
//! pass runs on any thread, with no thread spawned per call.

/// Continue on a new segment when less native stack than this remains (one
/// nesting level of any pass uses a few KiB at most).
pub const RED_ZONE: usize = 128 * 1024;

/// Size of each extra stack segment.
pub const SEGMENT: usize = 4 * 1024 * 1024;

/// Runs `work` (one nesting level of a recursive pass) with enough stack.
#[inline]
pub fn grow<T>(work: impl FnOnce() -> T) -> T {
    stacker::maybe_grow(RED_ZONE, SEGMENT, work)
}
