//! Tests of the object core: counts, deallocation, chains, downcasts.
//! They allocate through the interpreter-global heap, so each takes
//! [`TEST_GIL`] as the GIL will be taken.

use std::sync::Mutex;

use super::*;
use crate::Value;
use crate::types::TypeObject;

/// Serialises tests that touch interpreter-global state.
pub(crate) static TEST_GIL: Mutex<()> = Mutex::new(());

/// A payload that records its own death in a shared counter.
struct Probe {
    deaths: std::rc::Rc<Cell<usize>>,
}

impl Drop for Probe {
    fn drop(&mut self) {
        self.deaths.set(self.deaths.get() + 1);
    }
}

/// A linked-list node: holds the next object, like a chain of Python objects.
struct Node {
    next: PyCell<Option<Value>>,
}

impl crate::gc::Payload for Probe {}

impl crate::gc::Payload for Node {
    const CONTAINER: bool = true;

    fn traverse(&self, visit: &mut crate::gc::Visitor<'_>) {
        visit.cell(&self.next, |next, visit| visit.optional(next));
    }

    fn clear(&self) {
        drop(self.next.try_with(Option::take));
    }
}

fn lock() -> std::sync::MutexGuard<'static, ()> {
    TEST_GIL.lock().unwrap_or_else(|e| e.into_inner())
}

#[test]
fn counts_and_frees_at_zero() {
    let _gil = lock();
    let metatype = TypeObject::new_metatype().unwrap();
    let probe_type = TypeObject::new_type::<Probe>(&metatype, "Probe").unwrap();
    let deaths = std::rc::Rc::new(Cell::new(0));
    let live_before = heap::stats().live_bytes;
    let a = Ref::new(
        &probe_type,
        Probe {
            deaths: deaths.clone(),
        },
    )
    .unwrap();
    assert_eq!(a.as_obj().refcount(), 1);
    let b = a.clone();
    assert_eq!(a.as_obj().refcount(), 2);
    assert_eq!(
        probe_type.as_obj().refcount(),
        2,
        "an instance holds its class"
    );
    drop(a);
    assert_eq!(deaths.get(), 0);
    drop(b);
    assert_eq!(deaths.get(), 1);
    assert_eq!(probe_type.as_obj().refcount(), 1);
    assert_eq!(heap::stats().live_bytes, live_before);
}

#[test]
fn downcast_checks_the_payload_type() {
    let _gil = lock();
    let metatype = TypeObject::new_metatype().unwrap();
    let node_type = TypeObject::new_type::<Node>(&metatype, "Node").unwrap();
    let node = Ref::new(
        &node_type,
        Node {
            next: PyCell::new(None),
        },
    )
    .unwrap()
    .into_obj();
    assert!(node.downcast::<Node>().is_some());
    assert!(node.downcast::<TypeObject>().is_none());
    assert!(node.class().as_obj().is(node_type.as_obj()));
    assert_eq!(&*node.class().name, "Node");
    assert!(metatype.as_obj().class().as_obj().is(metatype.as_obj()));
}

#[test]
fn a_class_refuses_a_payload_it_does_not_carry() {
    let _gil = lock();
    let metatype = TypeObject::new_metatype().unwrap();
    let node_type = TypeObject::new_type::<Node>(&metatype, "Node").unwrap();
    let deaths = std::rc::Rc::new(Cell::new(0));
    assert!(Ref::new(&node_type, Probe { deaths }).is_err());
}

#[test]
fn freeing_a_million_long_chain_does_not_recurse() {
    let _gil = lock();
    let metatype = TypeObject::new_metatype().unwrap();
    let node_type = TypeObject::new_type::<Node>(&metatype, "Node").unwrap();
    let live_before = heap::stats().live_bytes;
    let mut head: Option<Value> = None;
    for _ in 0..1_000_000 {
        let node = Ref::new(
            &node_type,
            Node {
                next: PyCell::new(head.take()),
            },
        )
        .unwrap();
        head = Some(Value::from_object(node.into_obj()));
    }
    assert!(heap::stats().live_bytes > live_before);
    let second = head
        .as_ref()
        .and_then(Value::as_object)
        .and_then(|first| first.downcast::<Node>())
        .and_then(|first| first.next.get());
    assert!(
        second
            .and_then(|v| v.as_object().cloned())
            .is_some_and(|o| o.downcast::<Node>().is_some())
    );
    // The test thread has a 2 MiB stack: recursive freeing would overflow it.
    drop(head);
    assert_eq!(heap::stats().live_bytes, live_before);
    assert_eq!(node_type.as_obj().refcount(), 1);
}

#[test]
fn a_failed_allocation_is_an_error_not_a_crash() {
    let _gil = lock();
    let metatype = TypeObject::new_metatype().unwrap();
    let node_type = TypeObject::new_type::<Node>(&metatype, "Node").unwrap();
    let next = heap::stats().allocations;
    heap::fail_allocations(Some(next..next + 1));
    let refused = Ref::new(
        &node_type,
        Node {
            next: PyCell::new(None),
        },
    );
    heap::fail_allocations(None);
    assert!(refused.is_err());
    assert_eq!(
        node_type.as_obj().refcount(),
        1,
        "a refused allocation holds nothing"
    );
}

#[test]
fn py_cell_rejects_reentry() {
    let cell = PyCell::new(1);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        cell.with(|_| cell.with(|v| *v))
    }));
    assert!(outcome.is_err());
    // The flag was released by the unwinding: the cell is usable again.
    assert_eq!(cell.get(), 1);
}

#[test]
fn extended_instances_carry_payload_then_extension() {
    let _gil = lock();
    let metatype = TypeObject::new_metatype().unwrap();
    let base = TypeObject::new_type::<Probe>(&metatype, "Probe").unwrap();
    // A user subclass: same payload, extended layout.
    let sub = TypeObject::derived_from(&base, "Sub", true);
    sub.slot_count.set(3);
    let sub = Ref::new(&metatype, sub).unwrap();
    let deaths = std::rc::Rc::new(Cell::new(0));
    let live_before = heap::stats().live_bytes;
    let obj = Ref::new(
        &sub,
        Probe {
            deaths: deaths.clone(),
        },
    )
    .unwrap()
    .into_obj();
    assert!(
        heap::stats().live_bytes - live_before > std::mem::size_of::<PyObj<Probe>>(),
        "the extension is allocated too"
    );
    assert!(obj.downcast::<Probe>().is_some(), "downcasts as the base");
    // `Probe` is an atom, but its extended instances are containers whose
    // GC header sits just before the object, like every container's.
    let gc = crate::gc::header_of(&obj).expect("an extended instance has a GC header");
    assert_eq!(
        gc as *const crate::gc::GcHeader as usize,
        obj.address() - crate::gc::GC_HEADER_SIZE
    );
    assert!(crate::gc::is_tracked(&obj));
    let ext = obj
        .extension()
        .expect("an extended instance has an extension");
    assert_eq!(ext.slot_count(), 3, "room for the class's slots");
    assert!(matches!(
        ext.set_slot(2, Some(Value::from_i64(7))),
        Ok(None)
    ));
    assert_eq!(ext.slot(2).and_then(|v| v.as_i64()), Some(7));
    assert!(ext.slot(0).is_none());
    assert!(
        ext.set_slot(3, Some(Value::from_i64(8))).is_err(),
        "no fourth slot"
    );
    let plain = Ref::new(
        &base,
        Probe {
            deaths: deaths.clone(),
        },
    )
    .unwrap()
    .into_obj();
    assert!(plain.extension().is_none());
    assert!(
        crate::gc::header_of(&plain).is_none(),
        "a plain instance of an atom type has no GC header"
    );
    drop(plain);
    drop(obj);
    assert_eq!(deaths.get(), 2, "both payloads were dropped");
    assert_eq!(heap::stats().live_bytes, live_before);
}

#[test]
fn try_with_reports_a_cell_in_use_instead_of_panicking() {
    let cell = PyCell::new(1);
    cell.with(|_| assert!(cell.try_with(|v| *v).is_none()));
    assert_eq!(cell.try_with(|v| *v), Some(1));
}

#[test]
fn containers_carry_a_gc_header_and_start_tracked() {
    let _gil = lock();
    let metatype = TypeObject::new_metatype().unwrap();
    let node_type = TypeObject::new_type::<Node>(&metatype, "Node").unwrap();
    let probe_type = TypeObject::new_type::<Probe>(&metatype, "Probe").unwrap();
    let node = Ref::new(
        &node_type,
        Node {
            next: PyCell::new(None),
        },
    )
    .unwrap();
    assert!(crate::gc::is_tracked(node.as_obj()));
    let deaths = std::rc::Rc::new(Cell::new(0));
    let probe = Ref::new(&probe_type, Probe { deaths }).unwrap();
    assert!(crate::gc::header_of(probe.as_obj()).is_none());
    assert!(!crate::gc::is_tracked(probe.as_obj()));
    node.as_obj().make_immortal();
    assert!(
        !crate::gc::is_tracked(node.as_obj()),
        "immortal objects are not tracked"
    );
}

#[test]
fn version_tags_follow_bases_and_dead_subclasses_leave_their_bases() {
    let _gil = lock();
    let metatype = TypeObject::new_metatype().unwrap();
    let base = TypeObject::new_type::<Node>(&metatype, "Base").unwrap();
    let sub = TypeObject::new_type::<Node>(&metatype, "Sub").unwrap();
    sub.set_bases(vec![base.clone()]);
    let tag = sub.version_tag();
    assert_ne!(tag, 0);
    assert_ne!(base.version.get(), 0, "bases are tagged first");
    base.bump_version();
    assert_eq!(base.version.get(), 0);
    assert_eq!(
        sub.version.get(),
        0,
        "a base's change clears its subclasses' tags"
    );
    assert_ne!(sub.version_tag(), tag, "tags are never reused");
    assert_eq!(base.subclass_count(), 1);
    drop(sub);
    assert_eq!(
        base.subclass_count(),
        0,
        "a dead class leaves its bases' lists"
    );
}

#[test]
fn the_fixed_extended_layout_is_the_computed_one_without_slots() {
    fn computed<T: crate::gc::Payload>() -> Layout {
        // The general computation, as `extended_layout` does for slots > 0.
        let fixed = Layout::new::<GcObj<Extended<T>>>();
        let end = crate::gc::GC_HEADER_SIZE
            + extension_offset::<T>()
            + std::mem::size_of::<InstanceExtension>();
        Layout::from_size_align(fixed.size().max(end), fixed.align())
            .unwrap()
            .pad_to_align()
    }
    assert_eq!(extended_layout::<Probe>(0, 0), Some(computed::<Probe>()));
    assert_eq!(extended_layout::<Node>(0, 0), Some(computed::<Node>()));
    assert_eq!(
        extended_layout::<crate::builtins::tuple::Tuple>(0, 0),
        Some(computed::<crate::builtins::tuple::Tuple>())
    );
    assert!(extended_layout::<Probe>(2, 0).unwrap().size() > computed::<Probe>().size());
}
