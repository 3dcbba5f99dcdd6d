//! The builtin types, one file per type, and the `builtins` module's
//! functions.

pub mod annotations;
pub mod bytes;
pub mod class_creation;
pub mod descriptors;
pub mod dict;
pub mod exception_group;
pub mod exceptions;
pub mod float;
pub mod format;
pub mod function;
pub mod functions;
pub mod generic_alias;
pub mod instance;
pub mod int;
pub mod introspection;
pub mod iterators;
pub mod list;
pub mod mappingproxy;
pub mod native;
pub mod object;
pub mod os_error;
pub mod range;
pub mod set;
pub mod singletons;
pub mod slice;
pub mod slot_wrappers;
pub mod str;
pub mod tuple;
pub mod type_;
pub mod typing;
pub mod union;
pub mod user_slots;
