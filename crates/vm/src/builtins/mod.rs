//! The builtin types, one file per type, and the `builtins` module's
//! functions.

pub mod async_generator;
pub mod bytes;
pub mod coroutine;
pub mod descriptors;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod format;
pub mod function;
pub mod functions;
pub mod generator;
pub mod instance;
pub mod int;
pub mod introspection;
pub mod iterators;
pub mod list;
pub mod native;
pub mod object;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod tuple;
pub mod type_;
