//! krait's virtual machine: values, heap objects, types and memory.
//!
//! Layout (DESIGN.md decisions 4–6, 10):
//! - [`value`]: [`Value`], the small opaque value type — `None`, booleans,
//!   small integers and floats inline, anything else a counted reference.
//! - [`object`]: the heap object header, counted references ([`ObjRef`],
//!   [`Ref`]), deallocation (iterative for long chains), [`PyCell`] for the
//!   interior mutability of object payloads, and [`heap`](object::heap), the
//!   one place every Python-visible allocation passes through.
//! - [`types`]: type objects.
//! - [`hash`]: CPython's `hash()` values (SipHash-1-3 for `str`/`bytes`,
//!   the numeric hash, tuples, frozensets, `PYTHONHASHSEED`).
//!
//! The eval loop, frames, the cycle collector and the builtin types follow
//! (issue 4); this crate already fixes the representation they build on.

pub mod hash;
pub mod object;
pub mod types;
pub mod value;

pub use object::{ObjRef, PyCell, Ref};
pub use types::{TypeObject, TypeRef};
pub use value::Value;
