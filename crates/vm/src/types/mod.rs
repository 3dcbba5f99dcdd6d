//! Type objects: every heap object's class is one.
//!
//! A [`TypeObject`] is the payload of a type object. Today it holds what the
//! object core needs — the name, the Rust type of the payload its instances
//! carry, and the deallocation function for that payload; the slots for the
//! hot protocols, the MRO, the type dict and the version tag for inline
//! caches come with the eval loop (DESIGN.md decision 10).

use std::any::TypeId;
use std::ptr::NonNull;

use crate::object::heap::AllocError;
use crate::object::{ObjectHeader, Ref, deallocate_payload};

/// A counted reference to a type object.
pub type TypeRef = Ref<TypeObject>;

/// The payload of a type object.
pub struct TypeObject {
    /// `__name__` (CPython's `tp_name` without a module prefix).
    pub name: Box<str>,
    /// The Rust type of the payload every instance carries first.
    pub payload: TypeId,
    /// Frees a dead instance (see [`deallocate_payload`]).
    pub dealloc: unsafe fn(NonNull<ObjectHeader>),
}

impl TypeObject {
    /// The description of a class whose instances carry payload `T`.
    pub fn for_payload<T: 'static>(name: &str) -> TypeObject {
        TypeObject {
            name: name.into(),
            payload: TypeId::of::<T>(),
            dealloc: deallocate_payload::<T>,
        }
    }

    /// Creates `type`, the metatype: a type object that is its own class.
    /// It is immortal, as CPython's static types are.
    pub fn new_metatype() -> Result<TypeRef, AllocError> {
        crate::object::new_self_classed(TypeObject::for_payload::<TypeObject>("type"))
    }

    /// Creates a type object named `name`, an instance of `metatype`, whose
    /// instances carry payload `T`.
    pub fn new_type<T: 'static>(metatype: &TypeRef, name: &str) -> Result<TypeRef, AllocError> {
        Ref::new(metatype, TypeObject::for_payload::<T>(name))
    }
}
