//! The builtin types, one file per type, and the `builtins` module's
//! functions.

pub mod async_generator;
pub mod byte_methods;
pub mod bytearray;
pub mod bytes;
pub mod code_eval;
pub mod complex;
pub mod coroutine;
pub mod descriptors;
pub mod dict;
pub mod dict_view;
pub mod exceptions;
pub mod file_io;
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
pub mod mappingproxy;
pub mod memoryview;
pub mod native;
pub mod numeric_text;
pub mod object;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod str;
pub mod tuple;
pub mod type_;
pub mod union_type;
