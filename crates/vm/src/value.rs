//! [`Value`]: what a Python variable, stack slot or container element holds.
//!
//! DESIGN.md decision 4: `None`, booleans, small integers and floats are
//! stored inline — no allocation per arithmetic result — and everything
//! else is a counted reference to a heap object. The representation is
//! private to this file: code builds values with the constructors and reads
//! them with the accessors.
//!
//! A value is one 64-bit word (NaN-boxing with offset doubles, as
//! JavaScriptCore lays out its values). By the top 16 bits:
//!
//! | top 16 bits | meaning |
//! |---|---|
//! | `0x0000` | a pointer to a heap object (never 0: user-space addresses are below 2^48) |
//! | `0x0001` | `None` (`…0000`), `False` (`…0002`), `True` (`…0003`) |
//! | `0x0002`–`0xFFF2` | a float: its IEEE bits plus 2^49 |
//! | `0xFFFC`–`0xFFFF` | an int in [-2^49, 2^49): its low 50 bits |
//!
//! Every IEEE double fits the float range except those with the sign bit
//! and a NaN exponent — the negative NaNs, which x86 produces for
//! `inf - inf`. Those, and ints within 64 bits but outside the inline
//! range, are *boxed*: a heap object of the exact class `float` or `int`
//! ([`Float`] / [`BigInt`] payload) that the accessors read back as the
//! inline kind ([`unpack`](Value::unpack) gives `Int`/`Float` for them), so
//! no caller sees the difference; only `as_object` does. The boxing classes
//! are the current interpreter's, registered by [`register_boxing_classes`].
//!
//! Word-sized values are read and written with single 8-byte moves, so a
//! load after a store is always forwarded (the 16-byte enum this replaced
//! stalled the pipeline when written as two words and read as one), and
//! lists, tuples, dicts and frames hold half the bytes.

use std::marker::PhantomData;
use std::num::NonZeroU64;
use std::ptr::NonNull;

use crate::builtins::float::Float;
use crate::builtins::int::BigInt;
use crate::object::{ObjRef, ObjectHeader, Ref};
use crate::types::TypeObject;

/// Values below this are object pointers.
const OBJECT_LIMIT: u64 = 1 << 48;
/// `None`.
const NONE_BITS: u64 = 1 << 48;
/// `False`; `True` is this plus one.
const FALSE_BITS: u64 = (1 << 48) | 2;
/// Added to a float's bits.
const FLOAT_OFFSET: u64 = 1 << 49;
/// The largest float bits stored inline (negative infinity); above are the
/// negative NaNs, which are boxed.
const FLOAT_MAX_BITS: u64 = 0xFFF0_0000_0000_0000;
/// Values at or above this are inline ints (top 14 bits set).
const INT_TAG: u64 = 0xFFFC_0000_0000_0000;
/// The smallest inline int.
pub const INLINE_INT_MIN: i64 = -(1 << 49);
/// The largest inline int.
pub const INLINE_INT_MAX: i64 = (1 << 49) - 1;

/// A Python value: one word (see the file comment for the encoding).
#[repr(transparent)]
pub struct Value {
    bits: NonZeroU64,
    /// Values may own objects, which stay on their interpreter's thread.
    _not_send: PhantomData<ObjRef>,
}

/// What a value is, for code that dispatches on the inline kinds.
#[derive(Debug)]
pub enum Unpacked<'a> {
    /// `None`.
    None,
    /// `True` or `False`.
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// A `float`.
    Float(f64),
    /// Any other object.
    Object(&'a ObjRef),
}

impl Value {
    /// `None`.
    pub const NONE: Value = Value::from_bits(NONE_BITS);

    /// The value with encoding `bits` (never zero).
    #[inline(always)]
    const fn from_bits(bits: u64) -> Value {
        Value {
            // SAFETY: every encoding is non-zero (callers pass one).
            bits: unsafe { NonZeroU64::new_unchecked(bits) },
            _not_send: PhantomData,
        }
    }

    #[inline(always)]
    fn bits(&self) -> u64 {
        self.bits.get()
    }

    /// `True` or `False`.
    #[inline(always)]
    pub const fn from_bool(value: bool) -> Value {
        Value::from_bits(FALSE_BITS | value as u64)
    }

    /// An `int` that fits in 64 bits (larger ints are heap objects). Ints
    /// outside the inline range are boxed (see the file comment).
    #[inline(always)]
    pub fn from_i64(value: i64) -> Value {
        match Value::inline_int(value) {
            Some(v) => v,
            None => box_int(value),
        }
    }

    /// The inline `int` `value`, if it is within the inline range
    /// ([`INLINE_INT_MIN`]..=[`INLINE_INT_MAX`]): for fast paths that fall
    /// back to the general operation otherwise.
    #[inline(always)]
    pub const fn inline_int(value: i64) -> Option<Value> {
        if (value.wrapping_sub(INLINE_INT_MIN) as u64) < (1 << 50) {
            Some(Value::from_bits(value as u64 | INT_TAG))
        } else {
            None
        }
    }

    /// A `float`.
    #[inline(always)]
    pub fn from_f64(value: f64) -> Value {
        let bits = value.to_bits();
        if bits <= FLOAT_MAX_BITS {
            Value::from_bits(bits + FLOAT_OFFSET)
        } else {
            box_float(value)
        }
    }

    /// The inline `float` `value`, unless it is a negative NaN (which is
    /// boxed): for fast paths that fall back to the general operation.
    #[inline(always)]
    pub fn inline_float(value: f64) -> Option<Value> {
        let bits = value.to_bits();
        (bits <= FLOAT_MAX_BITS).then(|| Value::from_bits(bits + FLOAT_OFFSET))
    }

    /// A heap object.
    #[inline(always)]
    pub fn from_object(object: ObjRef) -> Value {
        let address = object.as_non_null().as_ptr() as u64;
        debug_assert!(address < OBJECT_LIMIT);
        std::mem::forget(object);
        Value::from_bits(address)
    }

    /// The heap object, when the value is a pointer (boxed kinds included).
    #[inline(always)]
    fn object(&self) -> Option<&ObjRef> {
        if self.bits() < OBJECT_LIMIT {
            // SAFETY: the word is a non-null object pointer owning a count,
            // and `ObjRef` is a transparent pointer: a reference to the
            // value is a reference to an `ObjRef`.
            Some(unsafe { &*(self as *const Value as *const ObjRef) })
        } else {
            None
        }
    }

    /// What the value is. Boxed ints and floats read as their inline kinds.
    #[inline]
    pub fn unpack(&self) -> Unpacked<'_> {
        let bits = self.bits();
        if let Some(object) = self.object() {
            return match boxed(object) {
                Some(unboxed) => unboxed,
                None => Unpacked::Object(object),
            };
        }
        if bits >= INT_TAG {
            Unpacked::Int(decode_int(bits))
        } else if bits == NONE_BITS {
            Unpacked::None
        } else if bits & !1 == FALSE_BITS {
            Unpacked::Bool(bits & 1 == 1)
        } else {
            Unpacked::Float(f64::from_bits(bits - FLOAT_OFFSET))
        }
    }

    /// Whether the value is `None`.
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.bits() == NONE_BITS
    }

    /// The integer, if the value is an `int` within 64 bits (not a bool).
    #[inline(always)]
    pub fn as_i64(&self) -> Option<i64> {
        let bits = self.bits();
        if bits >= INT_TAG {
            Some(decode_int(bits))
        } else if bits < OBJECT_LIMIT {
            self.object().and_then(boxed_int)
        } else {
            None
        }
    }

    /// The integer, if the value is an inline `int` (no boxed one): for
    /// fast paths whose general fallback handles the rest.
    #[inline(always)]
    pub fn as_inline_int(&self) -> Option<i64> {
        let bits = self.bits();
        (bits >= INT_TAG).then(|| decode_int(bits))
    }

    /// The float, if the value is a `float` (not an instance of a subclass).
    #[inline(always)]
    pub fn as_f64(&self) -> Option<f64> {
        let shifted = self.bits().wrapping_sub(FLOAT_OFFSET);
        if shifted <= FLOAT_MAX_BITS {
            Some(f64::from_bits(shifted))
        } else if self.bits() < OBJECT_LIMIT {
            self.object().and_then(boxed_float)
        } else {
            None
        }
    }

    /// The float, if the value is an inline `float` (no boxed one): for
    /// fast paths whose general fallback handles the rest.
    #[inline(always)]
    pub fn as_inline_float(&self) -> Option<f64> {
        let shifted = self.bits().wrapping_sub(FLOAT_OFFSET);
        (shifted <= FLOAT_MAX_BITS).then(|| f64::from_bits(shifted))
    }

    /// The boolean, if the value is `True` or `False`.
    #[inline(always)]
    pub fn as_bool(&self) -> Option<bool> {
        let bits = self.bits();
        (bits & !1 == FALSE_BITS).then_some(bits & 1 == 1)
    }

    /// The heap object, if the value is one. Boxed ints and floats (see the
    /// file comment) are objects here, of the exact class `int`/`float`.
    #[inline(always)]
    pub fn as_object(&self) -> Option<&ObjRef> {
        self.object()
    }

    /// Whether two values are the same word (the same object, or equal
    /// inline values with the same bits): a sufficient test for identity.
    #[inline(always)]
    pub fn same_bits(&self, other: &Value) -> bool {
        self.bits == other.bits
    }
}

/// The int of inline encoding `bits`: its low 50 bits, sign-extended.
#[inline(always)]
fn decode_int(bits: u64) -> i64 {
    ((bits << 14) as i64) >> 14
}

impl Clone for Value {
    /// Counts one more reference to a heap object; inline values are copied.
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(object) = self.object() {
            std::mem::forget(object.clone());
        }
        Value::from_bits(self.bits())
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if self.bits() < OBJECT_LIMIT {
            // SAFETY: the word is an object pointer owning one count, which
            // this drop releases.
            unsafe {
                crate::object::release_count(NonNull::new_unchecked(
                    self.bits() as *mut ObjectHeader
                ))
            };
        }
    }
}

impl Value {
    /// Drops the value with its test inline. `drop(v)` goes through the
    /// drop glue rustc generates, which LLVM stops inlining into a function
    /// as large as the eval loop: there every drop of a stack slot became a
    /// call, even for an inline int. The eval loop's hot arms release
    /// through this instead.
    #[inline(always)]
    pub fn release(self) {
        let this = std::mem::ManuallyDrop::new(self);
        if this.bits() < OBJECT_LIMIT {
            // SAFETY: as in `drop`: the word owns one count, given up here
            // (`this` is never dropped).
            unsafe {
                crate::object::release_count(NonNull::new_unchecked(
                    this.bits() as *mut ObjectHeader
                ))
            };
        }
    }

    /// [`Value::release`] for a stack slot or a local (`None`: empty).
    #[inline(always)]
    pub fn release_slot(slot: Option<Value>) {
        if let Some(v) = slot {
            v.release();
        }
    }
}

thread_local! {
    /// The current interpreter's `int` and `float` classes, for boxing.
    static BOXING_CLASSES: std::cell::UnsafeCell<BoxingClasses> =
        const { std::cell::UnsafeCell::new(BoxingClasses { int: 0, float: 0, owned: None }) };
}

/// The classes boxed ints and floats are made of.
struct BoxingClasses {
    /// The `int` class's address (0 until registered).
    int: usize,
    /// The `float` class's address (0 until registered).
    float: usize,
    /// The counted references that keep both alive.
    owned: Option<(Ref<TypeObject>, Ref<TypeObject>)>,
}

/// Registers the classes of boxed ints and floats: the `int` and `float`
/// of the interpreter starting on this thread (called by its set-up,
/// before any value needs boxing).
pub fn register_boxing_classes(int: &Ref<TypeObject>, float: &Ref<TypeObject>) {
    BOXING_CLASSES.with(|slot| {
        // SAFETY: the slot belongs to this thread and no reference into it
        // is live (readers copy out what they need).
        let classes = unsafe { &mut *slot.get() };
        classes.int = int.as_obj().address();
        classes.float = float.as_obj().address();
        classes.owned = Some((int.clone(), float.clone()));
    });
}

/// The addresses of the boxing classes (`int`, `float`; 0 before
/// registration).
#[inline(always)]
fn boxing_class_addresses() -> (usize, usize) {
    BOXING_CLASSES.with(|slot| {
        // SAFETY: the slot belongs to this thread; only read here.
        let classes = unsafe { &*slot.get() };
        (classes.int, classes.float)
    })
}

/// Runs `f` with the registered boxing classes. Python code cannot reach
/// the unregistered case: values that need boxing are made by a running
/// interpreter, and `Vm::new` registers its classes before making any
/// (only Rust code using `Value` on a thread with no interpreter can; the
/// panic names that misuse rather than produce a wrong number).
fn with_boxing_classes<R>(f: impl FnOnce(&Ref<TypeObject>, &Ref<TypeObject>) -> R) -> R {
    BOXING_CLASSES.with(|slot| {
        // SAFETY: as in `boxing_class_addresses`.
        match unsafe { &*slot.get() }.owned.as_ref() {
            Some((int, float)) => f(int, float),
            None => panic!("a value needed boxing before an interpreter registered int and float"),
        }
    })
}

/// An int outside the inline range as a heap `int`.
#[cold]
#[inline(never)]
fn box_int(value: i64) -> Value {
    with_boxing_classes(|int, _| {
        Value::from_object(Ref::new_unrefused(int, BigInt::from_i64(value)).into_obj())
    })
}

/// A negative NaN as a heap `float`.
#[cold]
#[inline(never)]
fn box_float(value: f64) -> Value {
    with_boxing_classes(|_, float| {
        Value::from_object(Ref::new_unrefused(float, Float { value }).into_obj())
    })
}

/// The inline kind a boxed int or float stands for (`None` for any other
/// object, including instances of `int`/`float` subclasses and ints beyond
/// 64 bits).
#[inline]
fn boxed(object: &ObjRef) -> Option<Unpacked<'static>> {
    let class = object.class().as_obj().address();
    let (int, float) = boxing_class_addresses();
    if class == int {
        object.downcast::<BigInt>()?.to_i64().map(Unpacked::Int)
    } else if class == float {
        object.downcast::<Float>().map(|f| Unpacked::Float(f.value))
    } else {
        None
    }
}

/// The int a boxed int stands for.
#[cold]
fn boxed_int(object: &ObjRef) -> Option<i64> {
    match boxed(object)? {
        Unpacked::Int(value) => Some(value),
        _ => None,
    }
}

/// The float a boxed float stands for.
#[cold]
fn boxed_float(object: &ObjRef) -> Option<f64> {
    match boxed(object)? {
        Unpacked::Float(value) => Some(value),
        _ => None,
    }
}

impl Default for Value {
    /// `None`.
    fn default() -> Self {
        Value::NONE
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.unpack().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_one_word() {
        assert_eq!(std::mem::size_of::<Value>(), 8);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 8);
    }

    #[test]
    fn inline_values_round_trip() {
        assert!(Value::NONE.is_none());
        assert_eq!(Value::from_bool(true).as_bool(), Some(true));
        assert_eq!(Value::from_bool(false).as_bool(), Some(false));
        assert_eq!(Value::NONE.as_bool(), None);
        for i in [0, 1, -1, INLINE_INT_MIN, INLINE_INT_MAX, 12345, -98765] {
            assert_eq!(Value::from_i64(i).as_i64(), Some(i));
            assert_eq!(Value::from_i64(i).as_inline_int(), Some(i));
        }
        assert!(Value::inline_int(INLINE_INT_MAX + 1).is_none());
        assert!(Value::inline_int(INLINE_INT_MIN - 1).is_none());
        for f in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
        ] {
            assert_eq!(
                Value::from_f64(f).as_f64().map(f64::to_bits),
                Some(f.to_bits())
            );
        }
        assert_eq!(Value::from_i64(1).as_f64(), None);
        assert_eq!(Value::from_f64(1.0).as_i64(), None);
        assert_eq!(Value::from_bool(true).as_i64(), None);
        assert!(Value::from_bool(false).as_object().is_none());
        assert!(Value::from_f64(2.0).as_object().is_none());
        assert!(matches!(Value::from_i64(-3).unpack(), Unpacked::Int(-3)));
        assert!(matches!(
            Value::from_bool(true).unpack(),
            Unpacked::Bool(true)
        ));
        assert!(matches!(Value::NONE.unpack(), Unpacked::None));
    }
}
