//! krait's virtual machine: values, heap objects, types, the builtin types
//! and the eval loop.
//!
//! Layout (DESIGN.md decisions 4–12):
//! - [`value`]: [`Value`], the small opaque value type — `None`, booleans,
//!   small integers and floats inline, anything else a counted reference.
//! - [`object`]: the heap object header, counted references ([`ObjRef`],
//!   [`Ref`]), deallocation (iterative for long chains), [`PyCell`] for the
//!   interior mutability of object payloads, and [`heap`](object::heap), the
//!   one place every Python-visible allocation passes through.
//! - [`gc`]: the cycle collector (generations, trial deletion, PEP 442
//!   finalizers, safe points) and the `gc` module's functions.
//! - [`types`]: type objects, their slots and the C3 MRO.
//! - [`builtins`]: the builtin types (one file each) and functions.
//! - [`protocol`]: the abstract object protocols (call, attributes,
//!   comparison, numbers, iteration, subscripts).
//! - [`runtime`]: the interpreter state [`Vm`](runtime::Vm), frames and the
//!   data stack, calls, the eval loop and tracebacks.
//! - [`hash`]: CPython's `hash()` values.
//! - [`error`]: [`PyErr`]/[`PyResult`]: errors are values.

pub mod builtins;
pub mod error;
pub mod gc;
pub mod hash;
pub mod object;
pub mod protocol;
pub mod runtime;
pub mod types;
pub mod value;

pub use error::{PyErr, PyResult};
pub use object::{ObjRef, PyCell, Ref};
pub use runtime::Vm;
pub use types::{TypeObject, TypeRef};
pub use value::Value;
