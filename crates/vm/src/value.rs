//! [`Value`]: what a Python variable, stack slot or container element holds.
//!
//! DESIGN.md decision 4: `None`, booleans, integers that fit in 64 bits and
//! floats are stored inline — no allocation per arithmetic result — and
//! everything else is a counted reference to a heap object. The
//! representation is private to this file: code builds values with the
//! constructors and reads them with the accessors, so switching to NaN-boxing
//! later is a change here only. Today it is a 16-byte enum.

use crate::object::ObjRef;

/// A Python value.
pub struct Value(Repr);

impl Clone for Value {
    /// Counts one more reference to a heap object; inline values are
    /// copied. Written by hand: the derived clone matched on all five
    /// kinds through a jump table, on the hottest path of the eval loop.
    #[inline(always)]
    fn clone(&self) -> Value {
        match &self.0 {
            Repr::Object(object) => Value(Repr::Object(object.clone())),
            // SAFETY: every other kind is plain data (no ownership), so a
            // bitwise copy is a clone.
            _ => unsafe { std::ptr::read(self) },
        }
    }
}

// Tag as a full word, payloads at offset 8: stores of a value write
// whole words, so the loads that follow are forwarded (a byte-sized tag
// with a bool at offset 1 stalled store forwarding in the eval loop).
#[repr(u64)]
enum Repr {
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    Object(ObjRef),
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
    pub const NONE: Value = Value(Repr::None);

    /// `True` or `False`.
    pub const fn from_bool(value: bool) -> Value {
        Value(Repr::Bool(value))
    }

    /// An `int` that fits in 64 bits (larger ints are heap objects).
    pub const fn from_i64(value: i64) -> Value {
        Value(Repr::Int(value))
    }

    /// A `float`.
    pub const fn from_f64(value: f64) -> Value {
        Value(Repr::Float(value))
    }

    /// A heap object.
    pub const fn from_object(object: ObjRef) -> Value {
        Value(Repr::Object(object))
    }

    /// What the value is.
    pub fn unpack(&self) -> Unpacked<'_> {
        match &self.0 {
            Repr::None => Unpacked::None,
            Repr::Bool(value) => Unpacked::Bool(*value),
            Repr::Int(value) => Unpacked::Int(*value),
            Repr::Float(value) => Unpacked::Float(*value),
            Repr::Object(object) => Unpacked::Object(object),
        }
    }

    /// Whether the value is `None`.
    pub fn is_none(&self) -> bool {
        matches!(self.0, Repr::None)
    }

    /// The integer, if the value is an inline `int`.
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            Repr::Int(value) => Some(value),
            _ => None,
        }
    }

    /// The float, if the value is a `float`.
    pub fn as_f64(&self) -> Option<f64> {
        match self.0 {
            Repr::Float(value) => Some(value),
            _ => None,
        }
    }

    /// The boolean, if the value is `True` or `False`.
    pub fn as_bool(&self) -> Option<bool> {
        match self.0 {
            Repr::Bool(value) => Some(value),
            _ => None,
        }
    }

    /// The heap object, if the value is one.
    pub fn as_object(&self) -> Option<&ObjRef> {
        match &self.0 {
            Repr::Object(object) => Some(object),
            _ => None,
        }
    }
}

/// Writes `value` into the uninitialised place `slot` as two separate
/// 8-byte words. A plain 16-byte copy reads its source with one 16-byte
/// load; when that source was just written word by word, or only in part
/// (`None` and `False` leave the payload word unwritten), the load cannot
/// be forwarded from the pending stores and stalls the pipeline. The
/// volatile word stores keep LLVM from merging the copy back into one.
///
/// # Safety
/// `slot` must be valid for writes and hold nothing that needs dropping.
#[inline(always)]
pub unsafe fn write_by_words(slot: *mut Option<Value>, value: Option<Value>) {
    const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);
    // SAFETY: same size; `MaybeUninit` words may hold padding bytes.
    let words: [std::mem::MaybeUninit<u64>; 2] = unsafe { std::mem::transmute(value) };
    let slot = slot.cast::<std::mem::MaybeUninit<u64>>();
    // SAFETY: per the contract both words of the place are writable.
    unsafe {
        slot.write_volatile(words[0]);
        slot.add(1).write_volatile(words[1]);
    }
}

/// Moves the value out of `*source`, reading it as two separate 8-byte
/// words. A plain 16-byte read stalls when the value was just stored word
/// by word (as [`write_by_words`] and most of the eval loop store values);
/// word-sized loads are forwarded from either kind of store.
///
/// # Safety
/// `source` must be valid for reads and hold an initialised value, which
/// counts as moved out afterwards (as with `std::ptr::read`).
#[inline(always)]
pub unsafe fn read_by_words(source: *const Value) -> Value {
    let words = source.cast::<std::mem::MaybeUninit<u64>>();
    // SAFETY: per the contract both words are readable; the volatile
    // loads keep LLVM from merging them into one. Two words of a value
    // (padding read as `MaybeUninit`) form that value again.
    unsafe {
        std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Value>([
            words.read_volatile(),
            words.add(1).read_volatile(),
        ])
    }
}

/// A new counted reference to `*source`, read by words as
/// [`read_by_words`] does (a plain clone of an inline value copies it with
/// one 16-byte load). For copying list and tuple items.
#[inline(always)]
pub fn clone_by_words(source: &Value) -> Value {
    // SAFETY: `source` is a valid value; the copy shares its object
    // without counting it, which is done just below.
    let copy = unsafe { read_by_words(source) };
    if let Repr::Object(object) = &copy.0 {
        std::mem::forget(object.clone());
    }
    copy
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
    fn a_value_is_sixteen_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }

    #[test]
    fn clone_by_words_counts_objects_and_copies_inline_values() {
        assert_eq!(clone_by_words(&Value::from_i64(-7)).as_i64(), Some(-7));
        assert!(clone_by_words(&Value::NONE).is_none());
        assert_eq!(
            clone_by_words(&Value::from_bool(true)).as_bool(),
            Some(true)
        );
    }

    #[test]
    fn inline_values_round_trip() {
        assert!(Value::NONE.is_none());
        assert_eq!(Value::from_bool(true).as_bool(), Some(true));
        assert_eq!(Value::from_i64(i64::MIN).as_i64(), Some(i64::MIN));
        assert_eq!(
            Value::from_f64(-0.0).as_f64().map(f64::to_bits),
            Some((-0.0f64).to_bits())
        );
        assert_eq!(Value::from_i64(1).as_f64(), None);
        assert!(Value::from_bool(false).as_object().is_none());
    }
}
