//! The collector's declarations of every builtin payload, in one place: the
//! atoms (no references, never tracked) and the containers with their
//! `traverse` (every strong reference) and `clear` (the mutable ones).
//!
//! A new payload type adds its `impl Payload` here or beside its type (see
//! ARCHITECTURE.md, "The cycle collector"). Rules for `clear`: take the
//! references out with `PyCell::try_with` and drop them after the closure
//! returns; leave the object valid (empty), since other garbage may still
//! look at it before it is freed.

use super::header::header_of;
use super::payload::{Payload, Visitor};
use crate::builtins::async_generator::{ASend, AThrow, WrappedValue};
use crate::builtins::bytearray::ByteArray;
use crate::builtins::bytes::Bytes;
use crate::builtins::complex::Complex;
use crate::builtins::coroutine::CoroutineWrapper;
use crate::builtins::descriptors::{GetSetDescriptor, MemberDescriptor, Property, Super, Wrapper};
use crate::builtins::dict::{Dict, DictTable};
use crate::builtins::exceptions::BaseException;
use crate::builtins::file_io::FileObject;
use crate::builtins::float::Float;
use crate::builtins::function::{CellObj, Code, Function, Method, Module};
use crate::builtins::generator::{Generator, ThrowArgs};
use crate::builtins::generic_alias::GenericAlias;
use crate::builtins::instance::{InstanceDict, Storage};
use crate::builtins::int::BigInt;
use crate::builtins::iterators::{DictView, IterState, NativeIter};
use crate::builtins::list::List;
use crate::builtins::mappingproxy::{MappingProxy, ProxySource};
use crate::builtins::memoryview::MemoryView;
use crate::builtins::native::{BuiltinFunction, MethodDescriptor};
use crate::builtins::object::BareObject;
use crate::builtins::range::Range;
use crate::builtins::set::{Set, SetIterator};
use crate::builtins::singletons::Singleton;
use crate::builtins::slice::Slice;
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::builtins::union::Union;
use crate::object::{Extended, PyCell};
use crate::runtime::frame::Frame;
use crate::runtime::frame_object::FrameObject;
use crate::runtime::frame_object::locals_proxy::FrameLocalsProxy;
use crate::runtime::traceback::Traceback;
use crate::types::TypeObject;
use crate::value::Value;

/// Payloads without references to other objects. `Code` is one too: its
/// constants are immutable (strings, numbers, tuples of constants, code),
/// so no cycle can run through a code object, as in CPython.
macro_rules! atoms {
    ($($payload:ty),* $(,)?) => { $( impl Payload for $payload {} )* };
}

atoms!(
    Str, Bytes, ByteArray, BigInt, Range, Singleton, BareObject, Code, Complex, Float
);

/// Takes a cell's value out (replacing it with `empty`), to be dropped by
/// the caller outside the cell; `None` if the cell is in use.
fn take<T>(cell: &PyCell<T>, empty: T) -> Option<T> {
    cell.try_with(|value| std::mem::replace(value, empty))
}

/// Entries in order, each value then its key (CPython's order, which
/// `gc.get_referents` shows).
fn visit_table(table: &DictTable, visit: &mut Visitor<'_>) {
    for entry in table.iter() {
        visit.value(&entry.value);
        visit.value(&entry.key);
    }
}

pub(crate) fn traverse_instance_dict(dict: &InstanceDict, visit: &mut Visitor<'_>) {
    visit.cell(&dict.storage, |storage, visit| match storage {
        Storage::Empty => {}
        Storage::Shared { values, .. } => {
            for value in values {
                visit.optional(value);
            }
        }
        Storage::Dict(d) => visit.object(d.as_obj()),
    });
}

fn clear_instance_dict(dict: &InstanceDict) {
    drop(take(&dict.storage, Storage::Empty));
}

impl Payload for Tuple {
    const CONTAINER: bool = true;

    /// Last item first, as CPython.
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.values(self.items().iter().rev());
    }

    /// Tracked only if some item is a container (CPython 3.14 creates a
    /// tuple of atoms untracked).
    fn track_at_creation(&self) -> bool {
        self.items()
            .iter()
            .any(|item| item.as_object().is_some_and(|o| header_of(o).is_some()))
    }

    fn may_untrack(&self) -> bool {
        self.items().iter().all(|item| {
            item.as_object()
                .and_then(header_of)
                .is_none_or(|h| !h.is_tracked())
        })
    }
}

impl Payload for List {
    const CONTAINER: bool = true;

    /// Last item first, as CPython.
    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.items, |items, visit| visit.values(items.iter().rev()));
    }

    fn clear(&self) {
        let items = take(&self.items, Vec::new());
        // CPython's order: last item first.
        if let Some(mut items) = items {
            while let Some(item) = items.pop() {
                drop(item);
            }
        }
    }
}

impl Payload for Dict {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.table, visit_table);
    }

    fn clear(&self) {
        drop(self.table.try_with(DictTable::clear));
    }
}

impl Payload for Set {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.table, |table, visit| visit.values(table.keys()));
    }

    fn clear(&self) {
        drop(self.table.try_with(std::mem::take));
    }
}

impl Payload for SetIterator {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(self.set_cell(), |set, visit| {
            if let Some(set) = set {
                visit.object(set.as_obj());
            }
        });
    }

    fn clear(&self) {
        drop(take(self.set_cell(), None));
    }
}

/// A union's members are mostly classes, which live as long as the program
/// does in practice; reported anyway so a cycle through a heap class is
/// found.
impl Payload for Union {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.args.as_obj());
    }
}

/// A file object holds its name (a str or int) and OS state only.
impl Payload for FileObject {}

impl Payload for MappingProxy {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        match &self.source {
            ProxySource::Mapping(mapping) => visit.value(mapping),
            ProxySource::Class(class) => visit.object(class.as_obj()),
        }
    }
}

/// A view keeps its exporter (`bytes` or `bytearray`, both atoms) alive;
/// it can be part of no cycle, like CPython's untracked-in-practice views.
impl Payload for MemoryView {
    const CONTAINER: bool = false;
}

/// An instance of a user subclass of a builtin type: the base's payload,
/// then the attribute dict and the `__slots__` values. Always a container
/// (even when `T` is an atom) and never untracked, as CPython's heap-type
/// instances.
impl<T: Payload> Payload for Extended<T> {
    const CONTAINER: bool = true;

    /// Not called: the class's hook (`GcHooks::of_extended`) traverses
    /// these instances, visiting their class too.
    fn traverse(&self, visit: &mut Visitor<'_>) {
        self.extension
            .for_each_slot_value(|value| visit.value(value));
        traverse_instance_dict(&self.extension.dict, visit);
        self.payload.traverse(visit);
    }

    fn clear(&self) {
        self.payload.clear();
        self.extension.clear_slots();
        clear_instance_dict(&self.extension.dict);
    }
}

impl Payload for BaseException {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        traverse_instance_dict(&self.dict, visit);
        for field in [&self.args, &self.traceback, &self.cause, &self.context] {
            visit.cell(field, |value, visit| visit.value(value));
        }
        visit.cell(&self.notes, |notes, visit| visit.optional(notes));
        visit.cell(&self.fields, |fields, visit| visit.values(fields));
    }

    fn clear(&self) {
        for field in [&self.args, &self.traceback, &self.cause, &self.context] {
            drop(take(field, Value::NONE));
        }
        drop(take(&self.notes, None));
        drop(take(&self.fields, Vec::new()));
        clear_instance_dict(&self.dict);
    }
}

impl Payload for TypeObject {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.dict, visit_table);
        visit.cell(&self.base, |base, visit| {
            if let Some(base) = base {
                visit.object(base.as_obj());
            }
        });
        for list in [&self.bases, &self.mro] {
            visit.cell(list, |types, visit| {
                for t in types {
                    visit.object(t.as_obj());
                }
            });
        }
    }

    /// The namespace and the MRO, as CPython's `type_clear` (the bases stay:
    /// instances still being freed may need them).
    fn clear(&self) {
        self.bump_version();
        drop(self.dict.try_with(DictTable::clear));
        drop(take(&self.mro, Vec::new()));
    }
}

impl Payload for Function {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.globals.as_obj());
        visit.object(self.builtins.as_obj());
        visit.cell(&self.module, |value, visit| visit.value(value));
        visit.cell(&self.defaults, |tuple, visit| {
            if let Some(t) = tuple {
                visit.object(t.as_obj());
            }
        });
        visit.cell(&self.kwdefaults, |dict, visit| {
            if let Some(d) = dict {
                visit.object(d.as_obj());
            }
        });
        visit.cell(&self.doc, |value, visit| visit.value(value));
        visit.cell(&self.name, |value, visit| visit.value(value));
        traverse_instance_dict(&self.dict, visit);
        visit.cell(&self.closure, |tuple, visit| {
            if let Some(t) = tuple {
                visit.object(t.as_obj());
            }
        });
        for field in [
            &self.annotate,
            &self.annotations,
            &self.type_params,
            &self.qualname,
        ] {
            visit.cell(field, |value, visit| visit.value(value));
        }
    }

    /// Everything but the code, globals and builtins (which are not
    /// mutable here; the globals dict is cleared itself if it is garbage).
    fn clear(&self) {
        drop(take(&self.defaults, None));
        drop(take(&self.closure, None));
        drop(take(&self.kwdefaults, None));
        for field in [
            &self.annotate,
            &self.annotations,
            &self.type_params,
            &self.doc,
            &self.module,
        ] {
            drop(take(field, Value::NONE));
        }
        clear_instance_dict(&self.dict);
    }
}

impl Payload for CellObj {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.value, |value, visit| visit.optional(value));
    }

    fn clear(&self) {
        drop(take(&self.value, None));
    }
}

impl Payload for Method {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.func);
        visit.value(&self.this);
    }
}

impl Payload for Module {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.dict.as_obj());
    }
}

impl Payload for BuiltinFunction {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.optional(&self.this);
    }
}

impl Payload for MethodDescriptor {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.owner.as_obj());
    }
}

impl Payload for Wrapper {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.callable, |value, visit| visit.value(value));
    }

    fn clear(&self) {
        drop(take(&self.callable, Value::NONE));
    }
}

impl Payload for Property {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        for field in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            visit.cell(field, |value, visit| visit.value(value));
        }
    }

    fn clear(&self) {
        for field in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            drop(take(field, Value::NONE));
        }
    }
}

impl Payload for Super {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.this_type.as_obj());
        visit.value(&self.obj);
        visit.object(self.obj_type.as_obj());
    }
}

impl Payload for Slice {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.values([&self.start, &self.stop, &self.step]);
    }
}

impl Payload for NativeIter {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.state, |state, visit| match state {
            IterState::Seq { items, .. } => visit.values(items),
            IterState::Tuple { tuple, .. } => visit.object(tuple.as_obj()),
            IterState::List { list, .. } | IterState::ListReverse { list, .. } => {
                visit.object(list.as_obj());
            }
            IterState::Dict { dict, .. } => visit.object(dict.as_obj()),
            IterState::Enumerate { inner, .. } => visit.value(inner),
            IterState::Zip { inners, .. } => visit.values(inners),
            IterState::Map { func, inners, .. } => {
                visit.value(func);
                visit.values(inners);
            }
            IterState::Filter { func, inner } => {
                visit.value(func);
                visit.value(inner);
            }
            IterState::GetItem { seq, .. } => visit.value(seq),
            IterState::Callable { func, sentinel } => {
                visit.value(func);
                visit.value(sentinel);
            }
            IterState::Str { text, .. } => visit.object(text.as_obj()),
            IterState::Range { .. } | IterState::Done => {}
        });
    }

    fn clear(&self) {
        drop(take(&self.state, IterState::Done));
    }
}

impl Payload for DictView {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.dict.as_obj());
    }
}

impl Payload for Traceback {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.next, |next, visit| visit.value(next));
        visit.object(self.frame.as_obj());
        visit.object(self.code.as_obj());
    }

    /// The link to the next entry (the frame object clears itself).
    fn clear(&self) {
        drop(take(&self.next, Value::NONE));
    }
}

/// A frame object reports its own fields, and the frame's contents only
/// once it took them over: while the frame lives, its owner reports them
/// (a generator), or they are roots (the thread's frame chain).
impl Payload for FrameObject {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.code.as_obj());
        visit.cell(&self.back, |back, visit| visit.value(back));
        visit.cell(&self.trace, |trace, visit| visit.value(trace));
        visit.cell(&self.extra_locals, |extra, visit| {
            if let Some(d) = extra {
                visit.object(d.as_obj());
            }
        });
        if let Some(frame) = self.taken_over_frame() {
            traverse_frame(frame, visit);
        }
    }

    fn clear(&self) {
        crate::runtime::frame_object::clear_taken_over(self);
    }
}

impl Payload for FrameLocalsProxy {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.frame.as_obj());
    }
}

/// Descriptors of builtin attributes and `__slots__` members: their owner
/// class (a heap class for members, so a cycle can run through it).
impl Payload for GetSetDescriptor {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.owner.as_obj());
    }
}

impl Payload for MemberDescriptor {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.name.as_obj());
        visit.object(self.owner.as_obj());
    }
}

/// `list[int]`: immutable; cycles through it are broken elsewhere.
impl Payload for GenericAlias {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.origin);
        visit.object(self.args.as_obj());
    }
}

/// Everything a frame that is not running holds: its code, namespaces,
/// function, saved exception state, and the live slots (locals, cells,
/// value stack).
fn traverse_frame(frame: &Frame, visit: &mut Visitor<'_>) {
    // Borrowed from the function in `func` (no counts of their own).
    if !frame.header_borrowed {
        visit.object(frame.code.as_obj());
        visit.object(frame.globals.as_obj());
        visit.object(frame.builtins.as_obj());
    }
    visit.optional(&frame.locals);
    visit.optional(&frame.func);
    visit.value(&frame.exc_state);
    for slot in frame.live_slots() {
        visit.optional(slot);
    }
    frame
        .frame_object
        .visit_object(|object| visit.object(object));
}

/// Generators, coroutines and async generators own their frame. While the
/// frame runs it is on the thread's frame chain (a root) and nothing of it
/// is reported; otherwise everything it holds is, and `clear` completes
/// the generator, dropping the frame's contents.
impl Payload for Generator {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.cell(&self.name, |value, visit| visit.value(value));
        visit.cell(&self.qualname, |value, visit| visit.value(value));
        if let Some(frame) = self.resting_frame() {
            traverse_frame(frame, visit);
        }
    }

    fn clear(&self) {
        self.clear_resting_frame();
    }

    /// Only a generator suspended where closing runs Python code.
    #[inline]
    fn finalizer_needed(&self) -> bool {
        self.needs_finalizing()
    }

    /// The frame, after the payload in the object's block.
    fn trailing_bytes(&self) -> usize {
        self.frame_bytes()
    }
}

impl Payload for CoroutineWrapper {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.coroutine.as_obj());
    }
}

impl Payload for WrappedValue {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.value(&self.value);
    }
}

impl Payload for ASend {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.generator.as_obj());
        visit.value(&self.value);
    }
}

fn traverse_throw_args(args: &ThrowArgs, visit: &mut Visitor<'_>) {
    visit.value(&args.typ);
    visit.optional(&args.value);
    visit.optional(&args.traceback);
}

impl Payload for AThrow {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut Visitor<'_>) {
        visit.object(self.generator.as_obj());
        if let Some(args) = &self.args {
            traverse_throw_args(args, visit);
        }
    }
}
