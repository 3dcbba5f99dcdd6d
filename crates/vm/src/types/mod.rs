//! Type objects: every heap object's class is one.
//!
//! A [`TypeObject`] is the payload of a type object: the name, the Rust type
//! of the payload its instances carry, the deallocation function for that
//! payload, the bases and CPython's C3 MRO ([`mro`]), the type dict, a version
//! tag for inline caches, and the slot function pointers of the hot
//! protocols ([`slots`]). Builtin types fill their slots with Rust functions;
//! user classes get slots that call their dunder methods
//! (`crate::builtins::user_class`).

pub mod attribute_cache;
pub mod mro;
pub mod slots;
pub mod versioned_value;

use std::any::TypeId;
use std::cell::Cell;
use std::ptr::NonNull;

use crate::builtins::dict::DictTable;
use crate::gc::Payload;
use crate::object::heap::AllocError;
use crate::object::{
    ObjectHeader, PyCell, Ref, deallocate_extended, deallocate_payload, extension_offset,
};
use crate::value::Value;
pub use slots::Slots;

/// A counted reference to a type object.
pub type TypeRef = Ref<TypeObject>;

/// `tp_flags`-like bits.
pub mod flags {
    /// The type may be subclassed.
    pub const BASETYPE: u32 = 1 << 0;
    /// Created by a `class` statement (a heap type): attributes may be set.
    pub const HEAPTYPE: u32 = 1 << 1;
    /// Instances have an attribute dictionary (shared keys).
    pub const HAS_DICT: u32 = 1 << 2;
    /// A subclass of `BaseException`.
    pub const EXCEPTION: u32 = 1 << 3;
    /// Instances are laid out as [`Extended`](crate::object::Extended): the
    /// builtin base's payload, then an attribute dict and `__slots__` values.
    pub const EXTENDED: u32 = 1 << 4;
    /// `__abstractmethods__` is non-empty: instances cannot be created.
    pub const ABSTRACT: u32 = 1 << 5;
    /// A native type (of a native module) whose `tp_new` allocates an
    /// instance of the class it is given, so a `class` statement may
    /// subclass it (instances then take the `Extended` layout).
    pub const NEW_ALLOCATES_CLASS: u32 = 1 << 6;
    /// Instances may be weakly referenced (CPython's `tp_weaklistoffset`
    /// being set); see `object::weakref`.
    pub const WEAKREFABLE: u32 = 1 << 7;
    /// Matched by sequence patterns (`case [a, b]`): CPython's
    /// `Py_TPFLAGS_SEQUENCE`, inherited, and set on `collections.abc`
    /// registrations.
    pub const SEQUENCE: u32 = 1 << 8;
    /// Matched by mapping patterns (`case {"k": v}`): CPython's
    /// `Py_TPFLAGS_MAPPING`.
    pub const MAPPING: u32 = 1 << 9;
    /// A class pattern with one positional sub-pattern matches the subject
    /// itself (`case int(x)`): CPython's `_Py_TPFLAGS_MATCH_SELF`.
    pub const MATCH_SELF: u32 = 1 << 10;
    /// The flags a subclass inherits from its base for pattern matching.
    pub const INHERITED_BY_MATCH: u32 = SEQUENCE | MAPPING | MATCH_SELF;
}

thread_local! {
    /// Storage behind [`NEXT_VERSION`].
    static NEXT_VERSION_SLOT: std::cell::UnsafeCell<u32> = const { std::cell::UnsafeCell::new(1) };
}
/// Source of fresh version tags (0 means "no valid tag").
static NEXT_VERSION: crate::object::GilCell<u32> = crate::object::GilCell::new(&NEXT_VERSION_SLOT);

/// A type's `__name__`: fixed for builtin types; a class statement's class
/// can be renamed (`C.__name__ = "D"`). Reads give a `&str` that stays valid
/// across renames: a replaced name is kept alive (renaming is rare).
pub struct TypeName {
    original: Box<str>,
    renamed: Cell<Option<&'static str>>,
}

impl TypeName {
    /// Renames the type.
    pub fn set(&self, name: &str) {
        self.renamed.set(Some(Box::leak(name.into())));
    }
}

impl From<&str> for TypeName {
    fn from(name: &str) -> Self {
        TypeName {
            original: name.into(),
            renamed: Cell::new(None),
        }
    }
}

impl std::ops::Deref for TypeName {
    type Target = str;
    fn deref(&self) -> &str {
        self.renamed.get().unwrap_or(&self.original)
    }
}

impl std::fmt::Display for TypeName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self)
    }
}

impl std::fmt::Debug for TypeName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&**self, f)
    }
}

/// The payload of a type object.
pub struct TypeObject {
    /// `__name__` (CPython's `tp_name` without a module prefix).
    pub name: TypeName,
    /// The Rust type of the payload every instance carries first.
    pub payload: TypeId,
    /// Frees a dead instance (see [`deallocate_payload`]).
    pub dealloc: unsafe fn(NonNull<ObjectHeader>),
    /// Frees a dead instance laid out as `Extended<payload>` (what
    /// `dealloc` becomes in an `EXTENDED` subclass).
    pub extended_dealloc: unsafe fn(NonNull<ObjectHeader>),
    /// The collector's hooks for instances laid out as `Extended<payload>`
    /// (what `slots.gc` becomes in an `EXTENDED` subclass).
    pub extended_gc: crate::gc::GcHooks,
    /// Where the extension sits in an `Extended<payload>` instance.
    pub extension_offset: usize,
    /// How many `__slots__` values instances carry (this class's and its
    /// bases'); `__slots__` member descriptors index into them.
    pub slot_count: Cell<usize>,
    /// `__qualname__`.
    pub qualname: PyCell<Box<str>>,
    /// The module of a builtin type that is not in `builtins` (CPython's
    /// dotted `tp_name`, e.g. `typing.TypeVar`); classes keep theirs in
    /// their dict.
    pub builtin_module: Cell<Option<&'static str>>,
    /// [`flags`] bits.
    pub flags: Cell<u32>,
    /// `__base__`: the solid base whose layout instances share.
    pub base: PyCell<Option<TypeRef>>,
    /// The direct subclasses, by object address (`__subclasses__`, and so
    /// that a change to this type can clear their version tags). These are
    /// not counted references: a class takes itself out of its bases' lists
    /// when it is freed (CPython holds weak references there; the bases
    /// outlive it, since it holds them).
    pub subclasses: PyCell<Vec<usize>>,
    /// `__bases__`.
    pub bases: PyCell<Vec<TypeRef>>,
    /// `__mro__`: the type itself first.
    pub mro: PyCell<Vec<TypeRef>>,
    /// The type's namespace (`__dict__`).
    pub dict: PyCell<DictTable>,
    /// Version tag for the attribute cache and inline caches: assigned on
    /// demand ([`version_tag`](Self::version_tag)) and cleared whenever the
    /// type's or a base's namespace or MRO changes; 0 when unassigned.
    pub version: Cell<u32>,
    /// The hot-protocol slots.
    pub slots: Slots,
    /// The attribute layout shared by instances (DESIGN.md decision 12).
    pub keys: std::rc::Rc<crate::builtins::instance::SharedKeys>,
    /// The `__init__` found by the instantiation fast path
    /// (`runtime::fast_call::python_init_of`).
    pub init_cache: versioned_value::VersionedValue,
    /// Dunders looked up by the slot functions of user classes
    /// (`builtins::user_slots`).
    pub dunder_cache: versioned_value::StaticNameValues,
}

impl TypeObject {
    /// The description of a class whose instances carry payload `T` (its
    /// collector hooks come from `T`'s [`Payload`] declaration).
    pub fn for_payload<T: Payload>(name: &str) -> TypeObject {
        TypeObject {
            name: name.into(),
            payload: TypeId::of::<T>(),
            dealloc: deallocate_payload::<T>,
            extended_dealloc: deallocate_extended::<T>,
            extended_gc: crate::gc::GcHooks::of_extended::<T>(),
            extension_offset: extension_offset::<T>(),
            slot_count: Cell::new(0),
            qualname: PyCell::new(name.into()),
            builtin_module: Cell::new(None),
            flags: Cell::new(0),
            base: PyCell::new(None),
            subclasses: PyCell::new(Vec::new()),
            bases: PyCell::new(Vec::new()),
            mro: PyCell::new(Vec::new()),
            dict: PyCell::new(DictTable::new()),
            version: Cell::new(0),
            slots: Slots {
                gc: crate::gc::GcHooks::of::<T>(),
                ..Slots::default()
            },
            keys: std::rc::Rc::default(),
            init_cache: versioned_value::VersionedValue::default(),
            dunder_cache: versioned_value::StaticNameValues::default(),
        }
    }

    /// The description of a user class named `name` whose instances carry
    /// the payload of the builtin type `builtin` — laid out as
    /// `Extended<payload>` if `extended` (flags, bases and MRO are filled
    /// in by class creation).
    pub fn derived_from(builtin: &TypeObject, name: &str, extended: bool) -> TypeObject {
        let mut t = TypeObject::for_payload::<crate::builtins::object::BareObject>(name);
        t.payload = builtin.payload;
        t.dealloc = builtin.dealloc;
        t.extended_dealloc = builtin.extended_dealloc;
        t.extended_gc = builtin.extended_gc;
        t.extension_offset = builtin.extension_offset;
        // The collector's hooks belong with the payload's layout.
        t.slots.gc = builtin.slots.gc;
        if extended {
            t.make_extended();
        }
        t
    }

    /// Lays instances out as `Extended<payload>`: the payload followed by
    /// an attribute dict and `__slots__` values (sets the `EXTENDED` flag,
    /// the deallocation function and the collector's hooks to match).
    pub fn make_extended(&mut self) {
        self.flags.set(self.flags.get() | flags::EXTENDED);
        self.dealloc = self.extended_dealloc;
        self.slots.gc = Some(self.extended_gc);
    }

    /// Creates `type`, the metatype: a type object that is its own class.
    /// It is immortal, as CPython's static types are.
    pub fn new_metatype() -> Result<TypeRef, AllocError> {
        crate::object::new_self_classed(TypeObject::for_payload::<TypeObject>("type"))
    }

    /// Creates a type object named `name`, an instance of `metatype`, whose
    /// instances carry payload `T`.
    pub fn new_type<T: Payload>(metatype: &TypeRef, name: &str) -> Result<TypeRef, AllocError> {
        Ref::new(metatype, TypeObject::for_payload::<T>(name))
    }

    /// Whether a flag bit is set.
    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags.get() & flag != 0
    }

    /// Looks `name` up along the MRO (CPython's `_PyType_Lookup`), without
    /// running Python code. Type dicts are keyed by strings. Answers come
    /// from the [`attribute_cache`] while the type's version tag holds.
    pub fn lookup_str(&self, name: &crate::builtins::str::Str) -> Option<Value> {
        let version = self.version_tag();
        if version != 0
            && let Some(answer) = attribute_cache::get(version, name.as_bytes())
        {
            return answer;
        }
        let found = self.lookup_uncached(name);
        if version != 0 {
            attribute_cache::store(version, name.as_bytes(), found.as_ref());
        }
        found
    }

    /// [`lookup_str`](Self::lookup_str) by walking the MRO's dicts.
    fn lookup_uncached(&self, name: &crate::builtins::str::Str) -> Option<Value> {
        self.mro.with(|mro| {
            for class in mro.iter() {
                if let Some(found) = class.dict.with(|d| d.get_str(name)) {
                    return Some(found);
                }
            }
            None
        })
    }

    /// [`lookup_str`](Self::lookup_str) by Rust text (a cache hit makes no
    /// `str`).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        let version = self.version_tag();
        if version != 0
            && let Some(answer) = attribute_cache::get(version, name.as_bytes())
        {
            return answer;
        }
        self.lookup_str(&crate::builtins::str::Str::new(name))
    }

    /// Whether `self` is `other` or a subclass of it (by MRO).
    pub fn is_subtype(&self, other: &TypeRef) -> bool {
        self.mro.with(|mro| {
            mro.iter()
                .any(|c| c.as_obj().address() == other.as_obj().address())
        })
    }

    /// The type's version tag, assigned now if it has none (bases first, so
    /// that a type with a tag always has bases with tags); 0 when tags have
    /// run out.
    #[inline]
    pub fn version_tag(&self) -> u32 {
        let v = self.version.get();
        if v != 0 {
            return v;
        }
        self.assign_version_tag()
    }

    /// Assigns fresh version tags to the type and its tagless bases.
    fn assign_version_tag(&self) -> u32 {
        let bases_tagged = self
            .bases
            .with(|bases| bases.iter().all(|b| b.version_tag() != 0));
        if !bases_tagged {
            return 0;
        }
        let v = NEXT_VERSION.with(|next| {
            let v = *next;
            // Tags are never reused: once they run out, types stay untagged.
            if v != u32::MAX {
                *next = v + 1;
            }
            if v == u32::MAX { 0 } else { v }
        });
        self.version.set(v);
        v
    }

    /// Must follow every change to the type's dict or MRO (CPython's
    /// `type_modified`): clears the version tags of the type and of all its
    /// subclasses, so that no cache answers from the old namespace.
    pub fn bump_version(&self) {
        if self.version.get() == 0 {
            // Untagged: no subclass has a tag either (see `version_tag`).
            return;
        }
        self.version.set(0);
        for sub in self.subclasses.get() {
            let sub = crate::object::payload_at_object_address::<TypeObject>(sub);
            // SAFETY: subclasses remove themselves from this list when they
            // die (`Drop`), so every address here is a live type.
            unsafe { &*sub }.bump_version();
        }
    }

    /// Makes a class registered with `collections.abc.Sequence` or
    /// `Mapping`, and its subclasses, match as that kind (`bits`) instead
    /// of any other; builtin types are left alone (CPython's
    /// `set_collection_flag_recursive`).
    pub fn add_collection_flags(&self, bits: u32) {
        let collection = flags::SEQUENCE | flags::MAPPING;
        let bits = bits & collection;
        if !self.has_flag(flags::HEAPTYPE) || self.flags.get() & collection == bits {
            return;
        }
        self.flags.set((self.flags.get() & !collection) | bits);
        for sub in self.subclasses.get() {
            let sub = crate::object::payload_at_object_address::<TypeObject>(sub);
            // SAFETY: subclasses remove themselves from this list when they
            // die (`Drop`), so every address here is a live type.
            unsafe { &*sub }.add_collection_flags(bits);
        }
    }

    /// Sets `__bases__` and records the type as a subclass of each base
    /// (for [`bump_version`](Self::bump_version)); the caller sets the MRO
    /// to match.
    pub fn set_bases(&self, bases: Vec<TypeRef>) {
        self.bump_version();
        self.unregister_from_bases();
        self.bases.with(|b| *b = bases);
        self.register_with_bases();
    }

    /// Records the type as a subclass of each of its `__bases__`.
    pub fn register_with_bases(&self) {
        let me = crate::object::object_address_of_payload(self);
        for base in self.bases.get() {
            base.subclasses.with(|s| s.push(me));
        }
    }

    /// How many live direct subclasses the type lists.
    #[cfg(test)]
    pub(crate) fn subclass_count(&self) -> usize {
        self.subclasses.with(|s| s.len())
    }

    /// Forgets the type as a subclass of its `__bases__`.
    fn unregister_from_bases(&self) {
        let me = crate::object::object_address_of_payload(self);
        for base in self.bases.get() {
            base.subclasses.try_with(|s| {
                // Order kept: `__subclasses__` lists in creation order.
                if let Some(i) = s.iter().position(|&p| p == me) {
                    s.remove(i);
                }
            });
        }
    }
}

impl Drop for TypeObject {
    /// A dying class leaves its bases' subclass lists.
    fn drop(&mut self) {
        self.unregister_from_bases();
    }
}

impl TypeRef {
    /// Whether two type references name the same type.
    pub fn same(&self, other: &TypeRef) -> bool {
        self.as_obj().is(other.as_obj())
    }
}
