//! Heap objects: the header every object starts with, counted references,
//! and deallocation.
//!
//! An object is a `#[repr(C)]` [`PyObj<T>`]: an [`ObjectHeader`] (reference
//! count and class) followed by a payload `T`, a plain Rust struct (the
//! object's state). References are counted by hand, not by `Rc`, so that the
//! layout is fixed and published (other processes and signal handlers read it)
//! and so the cycle collector can see every count:
//!
//! - [`ObjRef`] is an untyped strong reference; [`Ref<T>`] a typed one that
//!   dereferences to the payload. Cloning increments the count, dropping
//!   decrements it; at zero the class's `dealloc` function frees the object.
//! - A class records the Rust type of the payload its instances carry
//!   ([`TypeObject::payload`](crate::TypeObject)); a subclass's instances
//!   carry the same payload first, so [`ObjRef::downcast`] is a type-id
//!   comparison and a pointer cast.
//! - Immortal objects (static types, singletons) have a count that never
//!   reaches zero.
//! - Instances of user subclasses of builtin types carry the base's payload
//!   followed by an [`InstanceExtension`] (attribute dict and `__slots__`
//!   values), laid out as [`Extended<T>`]; their class has the
//!   [`EXTENDED`](crate::types::flags::EXTENDED) flag, and [`Ref::new`]
//!   allocates that layout for it, so every allocation site supports
//!   subclasses and downcasting to the base payload still works.
//!   `Extended<T>` is always a container (it holds attributes), so such an
//!   instance has a GC header even when `T` is an atom, and its class's
//!   `dealloc` and collector hooks are those of `Extended<T>`.
//! - Freeing a long chain is iterative: past a small nesting depth, dying
//!   objects are queued, threaded through their own (now unused) count field,
//!   and freed by the outermost deallocation (CPython's "trashcan").
//! - Instances of container types (payloads declaring
//!   [`Payload::CONTAINER`](crate::gc::Payload)) are allocated with a
//!   two-word [`GcHeader`](crate::gc::GcHeader) *before* the object header,
//!   which links them into the cycle collector's generation lists; the
//!   object's address is still that of its `ObjectHeader`. Other objects
//!   have no GC header. Memory layout of a container:
//!   `[gc next][gc prev | flags][refcount][class][payload...]`, with every
//!   reference pointing at `refcount` (see `crate::gc` for the details).
//! - A dying object whose class has a finalizer (`__del__`) that has not run
//!   yet is not freed: it is revived and queued, and its finalizer runs at
//!   the next safe point (`crate::gc::safe_point`), so deallocation never
//!   runs Python code.
//! - Weak references live in a side table, not in the object ([`weakref`]);
//!   a dying object of a weak-referenceable class has them cleared (and
//!   their callbacks queued for the next safe point) before it is freed.

pub mod heap;
pub mod weakref;

mod cell;
mod gil_cell;

pub use cell::{PyCell, PyCellGuard};
pub(crate) use gil_cell::GilCell;

use std::alloc::Layout;
use std::any::TypeId;
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

use crate::builtins::instance::InstanceExtension;
use crate::gc::{GcHeader, Payload};
use crate::types::{TypeObject, flags};
use heap::AllocError;

/// A count at or above this marks an immortal object; it is never decremented.
const IMMORTAL: usize = usize::MAX / 2;

/// The start of every heap object.
#[repr(C)]
pub struct ObjectHeader {
    /// Strong references. Reused as the link of the deallocation queue once
    /// the object is dying.
    refcount: Cell<usize>,
    /// The object's class: a strong reference to a type object (whose payload
    /// is [`TypeObject`]).
    class: Cell<NonNull<ObjectHeader>>,
}

/// A heap object with payload `T`.
#[repr(C)]
pub struct PyObj<T> {
    header: ObjectHeader,
    payload: T,
}

/// The storage of an instance of a user subclass of a builtin type: the
/// base's payload first (so it downcasts as the base), then the extension.
#[repr(C)]
pub struct Extended<T> {
    /// The builtin base's payload.
    pub payload: T,
    /// The attribute dict and `__slots__` values.
    pub extension: InstanceExtension,
}

/// The address (`id()`) of the object holding `payload`, for a payload
/// inside its object (laid out as `PyObj<T>` or `PyObj<Extended<T>>`, whose
/// payloads sit at the same offset).
pub fn object_address_of_payload<T>(payload: &T) -> usize {
    (payload as *const T as usize).wrapping_sub(std::mem::offset_of!(PyObj<T>, payload))
}

/// The payload pointer of the object at `address` whose payload is a `T`
/// (the inverse of [`object_address_of_payload`]).
pub fn payload_at_object_address<T>(address: usize) -> *const T {
    address.wrapping_add(std::mem::offset_of!(PyObj<T>, payload)) as *const T
}

/// The byte offset of the extension in a `PyObj<Extended<T>>`.
pub const fn extension_offset<T>() -> usize {
    std::mem::offset_of!(PyObj<Extended<T>>, payload) + std::mem::offset_of!(Extended<T>, extension)
}

/// The allocation of a container object: its GC header, then the object.
#[repr(C)]
struct GcObj<T> {
    gc: GcHeader,
    object: PyObj<T>,
}

/// The memory layout of an object with payload `T` (with its GC header for
/// containers).
fn allocation_layout<T: Payload>() -> Layout {
    if T::CONTAINER {
        const {
            assert!(
                std::mem::offset_of!(GcObj<T>, object) == crate::gc::GC_HEADER_SIZE,
                "a container payload must not need more than 16-byte alignment"
            )
        };
        Layout::new::<GcObj<T>>()
    } else {
        Layout::new::<PyObj<T>>()
    }
}

/// Allocates uninitialised memory for an object with payload `T`; for a
/// container the GC header is written (untracked) and the returned pointer
/// is past it.
fn allocate_object<T: Payload>() -> Result<NonNull<PyObj<T>>, AllocError> {
    let memory = heap::allocate(allocation_layout::<T>())?;
    if T::CONTAINER {
        let memory = memory.cast::<GcObj<T>>();
        // SAFETY: fresh memory sized and aligned for `GcObj<T>`; the object
        // field is inside it.
        unsafe {
            std::ptr::addr_of_mut!((*memory.as_ptr()).gc).write(GcHeader::untracked());
            Ok(NonNull::new_unchecked(std::ptr::addr_of_mut!(
                (*memory.as_ptr()).object
            )))
        }
    } else {
        Ok(memory.cast::<PyObj<T>>())
    }
}

/// Frees the memory of an object with payload `T` (already dropped).
///
/// # Safety
/// `object` must come from [`allocate_object::<T>`] and not be freed yet.
unsafe fn free_object<T: Payload>(object: NonNull<ObjectHeader>) {
    let start = if T::CONTAINER {
        // SAFETY: containers start a GC header earlier.
        unsafe { object.cast::<u8>().sub(crate::gc::GC_HEADER_SIZE) }
    } else {
        object.cast::<u8>()
    };
    // SAFETY: same allocation and layout as `allocate_object`.
    unsafe { heap::deallocate(start, allocation_layout::<T>()) };
}

/// An untyped, counted, strong reference to a heap object.
#[repr(transparent)]
pub struct ObjRef {
    pointer: NonNull<ObjectHeader>,
}

/// A typed, counted, strong reference to a heap object whose payload is `T`.
#[repr(transparent)]
pub struct Ref<T> {
    pointer: NonNull<PyObj<T>>,
    marker: PhantomData<T>,
}

impl ObjRef {
    fn header(&self) -> &ObjectHeader {
        // SAFETY: a live reference keeps the object alive.
        unsafe { self.pointer.as_ref() }
    }

    /// The object's class.
    pub fn class(&self) -> &Ref<TypeObject> {
        let class = &self.header().class;
        // SAFETY: `class` holds a strong reference to a type object, whose
        // payload is `TypeObject`; `Ref` is a transparent pointer, so a
        // reference to the stored pointer is a reference to a `Ref`.
        unsafe { &*(class.as_ptr() as *const Ref<TypeObject>) }
    }

    /// The current reference count (what `sys.getrefcount` reports, less its
    /// own argument).
    pub fn refcount(&self) -> usize {
        self.header().refcount.get()
    }

    /// Whether both references point at the same object (`is`).
    pub fn is(&self, other: &ObjRef) -> bool {
        self.pointer == other.pointer
    }

    /// The object's address, which is also its `id()`.
    pub fn address(&self) -> usize {
        self.pointer.as_ptr() as usize
    }

    /// A typed reference, if the object's class carries payload `T`.
    pub fn downcast<T: 'static>(&self) -> Option<&Ref<T>> {
        if self.class().payload == TypeId::of::<T>() {
            // SAFETY: classes record their payload type and every instance is
            // laid out as `PyObj<Payload>` (subclass payloads start with the
            // base's); `Ref<T>` and `ObjRef` are both one transparent pointer.
            Some(unsafe { &*(self as *const ObjRef as *const Ref<T>) })
        } else {
            None
        }
    }

    /// The extension of an instance of a user subclass of a builtin type
    /// (its class has the `EXTENDED` flag).
    pub fn extension(&self) -> Option<&InstanceExtension> {
        let class = self.class();
        if !class.has_flag(flags::EXTENDED) {
            return None;
        }
        // SAFETY: instances of an EXTENDED class are laid out as
        // `PyObj<Extended<T>>` for the class's payload `T`, whose extension
        // sits at the offset the class recorded for that payload.
        Some(unsafe {
            &*((self.pointer.as_ptr() as *const u8).add(class.extension_offset)
                as *const InstanceExtension)
        })
    }

    /// The payload and extension of an instance of an `EXTENDED` class
    /// whose instances carry payload `T`.
    pub fn downcast_extended<T: 'static>(&self) -> Option<&Extended<T>> {
        let class = self.class();
        if class.payload != TypeId::of::<T>() || !class.has_flag(flags::EXTENDED) {
            return None;
        }
        // SAFETY: instances of an EXTENDED class carrying `T` are laid out
        // as `PyObj<Extended<T>>`.
        Some(unsafe { &(*self.pointer.cast::<PyObj<Extended<T>>>().as_ptr()).payload })
    }

    /// Makes the object immortal: its count will never reach zero. Immortal
    /// objects are not tracked by the cycle collector.
    pub fn make_immortal(&self) {
        self.header().refcount.set(IMMORTAL);
        if let Some(gc) = crate::gc::header_of(self) {
            gc.unlink();
        }
    }

    /// The pointer to the object header.
    pub(crate) fn as_non_null(&self) -> NonNull<ObjectHeader> {
        self.pointer
    }

    /// Takes over one counted reference owned by the caller (the
    /// collector's pending-finalizer list owns one on each of its objects).
    ///
    /// # Safety
    /// `pointer` must be a live object on which the caller owns one count.
    pub(crate) unsafe fn from_raw(pointer: NonNull<ObjectHeader>) -> ObjRef {
        ObjRef { pointer }
    }

    /// A new counted reference to a live object known by its pointer.
    ///
    /// # Safety
    /// `pointer` must be a live object.
    pub(crate) unsafe fn new_from_raw(pointer: NonNull<ObjectHeader>) -> ObjRef {
        let borrowed = std::mem::ManuallyDrop::new(ObjRef { pointer });
        ObjRef::clone(&borrowed)
    }

    /// A reference to a live object that does not own a count (dropping it
    /// does nothing), for the collector's walks over its lists.
    ///
    /// # Safety
    /// `pointer` must be a live object, alive for as long as the result is used.
    pub(crate) unsafe fn borrowed(
        pointer: NonNull<ObjectHeader>,
    ) -> std::mem::ManuallyDrop<ObjRef> {
        std::mem::ManuallyDrop::new(ObjRef { pointer })
    }
}

/// Revives a dead object (count zero, or the link of the deallocation
/// queue) with one count, owned by the caller (the collector's
/// pending-finalizer list).
///
/// # Safety
/// `object` must be dead and not yet freed.
pub(crate) unsafe fn revive(object: NonNull<ObjectHeader>) {
    // SAFETY: the memory is still the object's.
    unsafe { object.as_ref() }.refcount.set(1);
}

impl Clone for ObjRef {
    fn clone(&self) -> Self {
        let count = &self.header().refcount;
        if count.get() < IMMORTAL {
            count.set(count.get() + 1);
        }
        Self {
            pointer: self.pointer,
        }
    }
}

impl Drop for ObjRef {
    // Inlined: a count decrement is a few instructions, and the call
    // (with its register saves) cost more than that on every drop of the
    // eval loop; freeing stays out of line.
    #[inline(always)]
    fn drop(&mut self) {
        // SAFETY: this reference owns one count, released once here.
        unsafe { release_count(self.pointer) }
    }
}

/// Releases one count of the object at `pointer`, freeing it when that was
/// the last: the body of [`ObjRef`]'s drop, callable where the drop glue
/// would not be inlined (see `Value::release`).
///
/// # Safety
/// `pointer` is a live object and the caller owns one of its counts, which
/// it gives up.
#[inline(always)]
pub(crate) unsafe fn release_count(pointer: NonNull<ObjectHeader>) {
    // SAFETY: a live object (the caller's count keeps it alive).
    let count = unsafe { &pointer.as_ref().refcount };
    let value = count.get();
    if value >= IMMORTAL {
        return;
    }
    count.set(value - 1);
    if value == 1 {
        // SAFETY: that was the last reference.
        unsafe { deallocate_object(pointer) };
    }
}

impl std::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object at {:#x}>", self.class().name, self.address())
    }
}

impl<T: Payload> Ref<T> {
    /// Allocates a new object of class `class` holding `payload`, with one
    /// reference; a container starts tracked by the cycle collector unless
    /// its payload says otherwise. Fails (for `MemoryError`) when the heap
    /// refuses, or when `class` does not carry payload `T`.
    /// For a class with the `EXTENDED` flag the instance also carries an
    /// empty [`InstanceExtension`] after the payload (and is a container).
    pub fn new(class: &Ref<TypeObject>, payload: T) -> Result<Ref<T>, AllocError> {
        if class.payload != TypeId::of::<T>() {
            return Err(AllocError {
                size: allocation_layout::<T>().size(),
            });
        }
        if class.has_flag(flags::EXTENDED) {
            let extended = Ref::<Extended<T>>::allocate_extended(class, payload)?;
            let pointer = extended.pointer.cast::<PyObj<T>>();
            std::mem::forget(extended);
            // The payload is the first field of `Extended<T>` (`repr(C)`),
            // so the object is also a valid `PyObj<T>` prefix.
            return Ok(Ref {
                pointer,
                marker: PhantomData,
            });
        }
        Self::allocate(class, payload)
    }

    /// Allocates a new object of class `class` holding `payload` without
    /// ever refusing (see [`heap::allocate_unrefused`]): for the boxed ints
    /// and floats of `Value`. `T` must be an atom (no GC header) and
    /// `class` a non-`EXTENDED` class carrying `T`.
    pub(crate) fn new_unrefused(class: &Ref<TypeObject>, payload: T) -> Ref<T> {
        debug_assert!(!T::CONTAINER && class.payload == TypeId::of::<T>());
        debug_assert!(!class.has_flag(flags::EXTENDED));
        let memory = heap::allocate_unrefused(allocation_layout::<T>()).cast::<PyObj<T>>();
        // SAFETY: fresh memory for a `PyObj<T>` (an atom: no GC header).
        unsafe { Self::initialise(memory, class, payload) }
    }

    /// Allocates an object of `class` holding `payload` (with its GC header
    /// for a container, tracked unless the payload says otherwise) without
    /// checking the class's payload.
    fn allocate(class: &Ref<TypeObject>, payload: T) -> Result<Ref<T>, AllocError> {
        let memory = allocate_object::<T>()?;
        // SAFETY: fresh memory for a `PyObj<T>` (with its GC header for a
        // container).
        Ok(unsafe { Self::initialise(memory, class, payload) })
    }

    /// Allocates an object of `class` whose payload is followed, in the
    /// same block, by `trailing` bytes (8-byte aligned) of variable-size
    /// data: a generator's frame (CPython's `gi_iframe`). `make` receives
    /// that (uninitialised) memory, fills it and returns the payload; it
    /// is not called when the allocation fails. The payload's
    /// [`Payload::trailing_bytes`] must report `trailing` for as long as it
    /// lives (deallocation frees the block with it) and its `Drop` must
    /// drop what it put there. Not for `EXTENDED` classes (their instances
    /// have another layout): those, and a class not carrying `T`, fail.
    pub fn new_with_trailing(
        class: &Ref<TypeObject>,
        trailing: usize,
        make: impl FnOnce(NonNull<u64>) -> T,
    ) -> Result<Ref<T>, AllocError> {
        let refused = AllocError {
            size: allocation_layout::<T>().size().saturating_add(trailing),
        };
        if class.payload != TypeId::of::<T>() || class.has_flag(flags::EXTENDED) {
            return Err(refused);
        }
        let (layout, offset) = trailing_layout::<T>(trailing).ok_or(refused)?;
        let start = heap::allocate(layout)?;
        // SAFETY: `start` is fresh memory of `layout`: the object (after
        // its GC header for a container) and the trailing part at
        // `offset` from the object.
        unsafe {
            let memory = if T::CONTAINER {
                start
                    .cast::<GcHeader>()
                    .as_ptr()
                    .write(GcHeader::untracked());
                start.add(crate::gc::GC_HEADER_SIZE).cast::<PyObj<T>>()
            } else {
                start.cast::<PyObj<T>>()
            };
            let payload = make(memory.cast::<u8>().add(offset).cast::<u64>());
            Ok(Self::initialise(memory, class, payload))
        }
    }

    /// Writes a new object of `class` holding `payload` into `memory`, with
    /// one reference, and tracks a container (unless its payload says
    /// otherwise).
    ///
    /// # Safety
    /// `memory` must be fresh memory for a `PyObj<T>`, preceded by an
    /// untracked GC header for a container.
    unsafe fn initialise(memory: NonNull<PyObj<T>>, class: &Ref<TypeObject>, payload: T) -> Ref<T> {
        let class_ref: ObjRef = class.as_obj().clone();
        let class_pointer = class_ref.pointer;
        std::mem::forget(class_ref);
        // SAFETY: `memory` is fresh, sized and aligned for `PyObj<T>`.
        unsafe {
            memory.as_ptr().write(PyObj {
                header: ObjectHeader {
                    refcount: Cell::new(1),
                    class: Cell::new(class_pointer),
                },
                payload,
            });
        }
        if T::CONTAINER {
            // Asked of the payload in place, now that it is written: asking
            // before would keep a second copy of it on the stack.
            // SAFETY: the object was just initialised.
            let track = unsafe { (*memory.as_ptr()).payload.track_at_creation() };
            // SAFETY: a container was allocated with its GC header.
            crate::gc::on_allocated(unsafe { GcHeader::of_object(memory.cast()) }, track);
        }
        Ref {
            pointer: memory,
            marker: PhantomData,
        }
    }
}

/// The memory layout of an object with payload `T` (GC header included
/// for a container) followed by `trailing` bytes, 8-byte aligned, and the
/// offset of those bytes from the object's header.
fn trailing_layout<T: Payload>(trailing: usize) -> Option<(Layout, usize)> {
    let tail = Layout::from_size_align(trailing, 8).ok()?;
    let (layout, offset) = allocation_layout::<T>().extend(tail).ok()?;
    let before_object = if T::CONTAINER {
        crate::gc::GC_HEADER_SIZE
    } else {
        0
    };
    Some((layout.pad_to_align(), offset - before_object))
}

impl<T: Payload> Ref<Extended<T>> {
    /// Allocates an instance of the `EXTENDED` class `class` holding
    /// `payload`, with room for the class's `__slots__` values (all unset)
    /// and inline attribute values after the extension
    /// (`InstanceExtension::room_for`), tracked by the collector: one
    /// allocation.
    fn allocate_extended(class: &Ref<TypeObject>, payload: T) -> Result<Self, AllocError> {
        let (slots, inline) = InstanceExtension::room_for(class);
        let layout = extended_layout::<T>(slots, inline).ok_or(AllocError { size: usize::MAX })?;
        let memory = heap::allocate(layout)?.cast::<GcObj<Extended<T>>>();
        let class_ref: ObjRef = class.as_obj().clone();
        let class_pointer = class_ref.pointer;
        std::mem::forget(class_ref);
        // SAFETY: `memory` is fresh, sized and aligned for the GC header,
        // the object and `slots` values after its extension.
        let object = unsafe {
            std::ptr::addr_of_mut!((*memory.as_ptr()).gc).write(GcHeader::untracked());
            let object = std::ptr::addr_of_mut!((*memory.as_ptr()).object);
            object.write(PyObj {
                header: ObjectHeader {
                    refcount: Cell::new(1),
                    class: Cell::new(class_pointer),
                },
                payload: Extended {
                    payload,
                    extension: InstanceExtension::default(),
                },
            });
            InstanceExtension::init_room(
                std::ptr::addr_of_mut!((*object).payload.extension),
                slots,
                inline,
                &class.keys,
            );
            NonNull::new_unchecked(object)
        };
        // SAFETY: a container was allocated with its GC header.
        crate::gc::on_allocated(unsafe { GcHeader::of_object(object.cast()) }, true);
        Ok(Ref {
            pointer: object,
            marker: PhantomData,
        })
    }
}

/// The memory layout of an instance laid out as `Extended<T>` with `slots`
/// `__slots__` values and `inline` attribute values after its extension
/// (GC header included).
fn extended_layout<T: Payload>(slots: usize, inline: usize) -> Option<Layout> {
    let fixed = Layout::new::<GcObj<Extended<T>>>();
    // Without room after the extension the layout is the fixed one, known
    // at compile time: what the computation below gives for no room (the
    // extension ends inside `fixed`), without it.
    if slots == 0 && inline == 0 {
        return Some(fixed);
    }
    let end = (crate::gc::GC_HEADER_SIZE + extension_offset::<T>())
        .checked_add(std::mem::size_of::<InstanceExtension>())?
        .checked_add(InstanceExtension::room_size(slots, inline)?)?;
    Layout::from_size_align(fixed.size().max(end), fixed.align())
        .ok()
        .map(|layout| layout.pad_to_align())
}

impl<T: 'static> Ref<T> {
    /// The untyped view of this reference.
    pub fn as_obj(&self) -> &ObjRef {
        // SAFETY: both are one transparent pointer to the object's start
        // (the header is the first field of `PyObj`).
        unsafe { &*(self as *const Ref<T> as *const ObjRef) }
    }

    /// Converts into an untyped reference without touching the count.
    pub fn into_obj(self) -> ObjRef {
        let pointer = self.pointer.cast::<ObjectHeader>();
        std::mem::forget(self);
        ObjRef { pointer }
    }
}

impl<T> std::ops::Deref for Ref<T> {
    type Target = T;

    fn deref(&self) -> &T {
        // SAFETY: a live reference keeps the object and its payload alive.
        unsafe { &self.pointer.as_ref().payload }
    }
}

impl<T: 'static> Clone for Ref<T> {
    fn clone(&self) -> Self {
        let obj = self.as_obj().clone();
        let pointer = obj.pointer.cast::<PyObj<T>>();
        std::mem::forget(obj);
        Ref {
            pointer,
            marker: PhantomData,
        }
    }
}

impl<T> Drop for Ref<T> {
    fn drop(&mut self) {
        // Same as `ObjRef`'s drop, through the untyped view.
        drop(ObjRef {
            pointer: self.pointer.cast::<ObjectHeader>(),
        });
    }
}

/// The deallocation function of payload `T`: stops tracking a container,
/// drops the payload, releases the class and frees the memory. Stored in
/// every class carrying `T`.
///
/// # Safety
/// `object` must be a dead (count zero) `PyObj<T>` allocated by [`Ref::new`]
/// (or [`Ref::new_with_trailing`], with the trailing size its payload
/// reports).
pub unsafe fn deallocate_payload<T: Payload>(object: NonNull<ObjectHeader>) {
    let typed = object.cast::<PyObj<T>>();
    // SAFETY: per the contract the object is a dead `PyObj<T>`: untrack it,
    // take its class reference, drop it in place, then free its memory.
    unsafe {
        if T::CONTAINER {
            crate::gc::on_deallocated(GcHeader::of_object(object));
        }
        let class = ObjRef {
            pointer: (*typed.as_ptr()).header.class.get(),
        };
        // Read before the payload is dropped; a constant 0 for every
        // payload without trailing data.
        let trailing = (*typed.as_ptr()).payload.trailing_bytes();
        std::ptr::drop_in_place(typed.as_ptr());
        if trailing == 0 {
            free_object::<T>(object);
        } else if let Some((layout, _)) = trailing_layout::<T>(trailing) {
            let start = if T::CONTAINER {
                object.cast::<u8>().sub(crate::gc::GC_HEADER_SIZE)
            } else {
                object.cast::<u8>()
            };
            heap::deallocate(start, layout);
        }
        drop(class);
    }
}

/// The deallocation function of instances laid out as `Extended<T>` (the
/// `dealloc` of `EXTENDED` classes carrying `T`): as
/// [`deallocate_payload`], freeing the room of the instance's `__slots__`
/// values with it.
///
/// # Safety
/// `object` must be a dead (count zero) instance of an `EXTENDED` class
/// carrying `T`, allocated by [`Ref::new`].
pub unsafe fn deallocate_extended<T: Payload>(object: NonNull<ObjectHeader>) {
    let typed = object.cast::<PyObj<Extended<T>>>();
    // SAFETY: per the contract the object is a dead `PyObj<Extended<T>>`
    // with its GC header before it: untrack it, read its slot count, take
    // its class reference, drop it in place (the extension drops the slot
    // values), then free its memory with the layout it was allocated with.
    unsafe {
        crate::gc::on_deallocated(GcHeader::of_object(object));
        let (slots, inline) = (*typed.as_ptr()).payload.extension.room();
        let class = ObjRef {
            pointer: (*typed.as_ptr()).header.class.get(),
        };
        std::ptr::drop_in_place(typed.as_ptr());
        if let Some(layout) = extended_layout::<T>(slots, inline) {
            heap::deallocate(object.cast::<u8>().sub(crate::gc::GC_HEADER_SIZE), layout);
        }
        drop(class);
    }
}

/// Deallocation nests this deep before dying objects are queued instead.
const MAX_DEALLOCATION_DEPTH: u32 = 64;

struct DeallocationQueue {
    depth: u32,
    /// Dying objects threaded through their count fields; null when empty.
    head: Option<NonNull<ObjectHeader>>,
}

thread_local! {
    static DEALLOCATION_QUEUE: std::cell::UnsafeCell<DeallocationQueue> = const {
        std::cell::UnsafeCell::new(DeallocationQueue {
            depth: 0,
            head: None,
        })
    };
}

static DEALLOCATIONS: GilCell<DeallocationQueue> = GilCell::new(&DEALLOCATION_QUEUE);

/// Frees an object whose count reached zero, nesting at most
/// [`MAX_DEALLOCATION_DEPTH`] deep; past that the object is queued, and
/// the outermost call drains the queue.
///
/// The common case costs a depth increment and a decrement around the
/// class's `dealloc`; only when the decrement brings the depth back to 0
/// is the queue looked at (it is almost always empty).
///
/// Never inlined: it is the rare end of every inlined `ObjRef` drop, which
/// must stay a count decrement and a test (measured: when it was inlined
/// into `drop_in_place::<ObjRef>`, that stopped being inlined itself).
///
/// # Safety
/// `object` must be dead (its last reference just went away).
#[inline(never)]
unsafe fn deallocate_object(object: NonNull<ObjectHeader>) {
    let admitted = DEALLOCATIONS.with(|queue| {
        if queue.depth >= MAX_DEALLOCATION_DEPTH {
            return false;
        }
        queue.depth += 1;
        true
    });
    if !admitted {
        // SAFETY: forwarded contract.
        return unsafe { queue_for_deallocation(object) };
    }
    // SAFETY: the object is dead and of its class's payload.
    unsafe { run_dealloc(object) };
    let drain = DEALLOCATIONS.with(|queue| {
        queue.depth -= 1;
        queue.depth == 0 && queue.head.is_some()
    });
    if drain {
        drain_deallocations();
    }
}

/// Queues a dead object met too deep in nested deallocations, threaded
/// through its (now unused) count field, for the outermost deallocation.
///
/// # Safety
/// `object` must be dead and not yet freed.
#[cold]
#[inline(never)]
unsafe fn queue_for_deallocation(object: NonNull<ObjectHeader>) {
    // A weak reference waiting here must not be found through its
    // referent's list while its count field is the link.
    // SAFETY: the object is dead and not yet freed.
    unsafe { weakref::on_queued_for_deallocation(object) };
    DEALLOCATIONS.with(|queue| {
        // SAFETY: the object is dead; its count field is free to hold the link.
        let header = unsafe { object.as_ref() };
        header
            .refcount
            .set(queue.head.map_or(0, |h| h.as_ptr() as usize));
        queue.head = Some(object);
    });
}

/// Frees the queued objects, as the outermost deallocation (depth 1, so
/// that what they free nests as deep as usual), until the queue is empty.
#[cold]
#[inline(never)]
fn drain_deallocations() {
    DEALLOCATIONS.with(|queue| queue.depth = 1);
    while let Some(next) = DEALLOCATIONS.with(|queue| {
        let next = queue.head?;
        // SAFETY: queued objects are dead; their count field holds the link.
        let link = unsafe { next.as_ref() }.refcount.get();
        queue.head = NonNull::new(link as *mut ObjectHeader);
        Some(next)
    }) {
        // SAFETY: queued objects are dead and not yet freed.
        unsafe { run_dealloc(next) };
    }
    DEALLOCATIONS.with(|queue| queue.depth = 0);
}

/// Calls the class's `dealloc` for a dead object.
///
/// # Safety
/// `object` must be dead and not yet freed.
unsafe fn run_dealloc(object: NonNull<ObjectHeader>) {
    // SAFETY: the class field of a dead object still holds its class.
    let class = unsafe {
        let class = object.as_ref().class.get().cast::<PyObj<TypeObject>>();
        &(*class.as_ptr()).payload
    };
    // A finalizer that has not run yet: revive the object until the next
    // safe point runs it (deallocation never runs Python code).
    // SAFETY: the object is dead and not yet freed.
    if class.slots.finalize.get().is_some() && unsafe { crate::gc::defer_finalizer(object) } {
        return;
    }
    if class.has_flag(flags::WEAKREFABLE) {
        // SAFETY: the object is dead and not yet freed; `class` is its class.
        unsafe { weakref::on_referent_death(object, class) };
    }
    // SAFETY: `dealloc` is the class's function for this payload.
    unsafe { (class.dealloc)(object) };
}

#[cfg(test)]
pub(crate) mod tests;

/// Allocates an immortal type object that is its own class (the metatype).
pub(crate) fn new_self_classed(payload: TypeObject) -> Result<Ref<TypeObject>, AllocError> {
    // Allocated like every type object (with a GC header), never tracked.
    let memory = allocate_object::<TypeObject>()?;
    // SAFETY: `memory` is fresh, sized and aligned; the class pointer is the
    // object itself, which is immortal, so the self-reference is never released.
    unsafe {
        memory.as_ptr().write(PyObj {
            header: ObjectHeader {
                refcount: Cell::new(IMMORTAL),
                class: Cell::new(memory.cast::<ObjectHeader>()),
            },
            payload,
        });
    }
    Ok(Ref {
        pointer: memory,
        marker: PhantomData,
    })
}
