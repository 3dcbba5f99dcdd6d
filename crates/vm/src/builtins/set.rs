//! `set` and `frozenset` on CPython's set table: open addressing over
//! `(hash, key)` slots with runs of linear probes, dummies left by
//! deletions, the same growth and shrink rules, and the same fast paths for
//! copying and merging — so that iteration order, which is slot order,
//! matches CPython's for the same hashes. Lookups compare keys with Python
//! code outside the table's cell and restart if the table changed meanwhile.
//!
//! The operations follow CPython's algorithms (which operand is iterated,
//! what the result is built from) because those decide the order of the
//! result; `set_iterator` detects a size change during iteration.

use std::cell::Cell;

use crate::builtins::dict::{Dict, keys_match, simple_eq, simple_hash};
use crate::builtins::exceptions::ExcKind;
use crate::builtins::native::{Args, Intrinsic, MethodDef, method, method_2};
use crate::error::PyResult;
use crate::object::{ObjRef, PyCell, Ref};
use crate::runtime::Vm;
use crate::types::{TypeObject, TypeRef};
use crate::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// The start of the probe sequence's next run after the run at `start`
/// (CPython's `i = (i * 5 + 1 + perturb) & mask` after shifting `perturb`).
#[inline(always)]
fn next_run(start: usize, perturb: &mut u64, mask: usize) -> usize {
    *perturb >>= PERTURB_SHIFT;
    (start
        .wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(*perturb as usize))
        & mask
}

/// One slot of the table, laid out as CPython's: a hash and a key. Never
/// used (ends a probe sequence): no key, hash 0. A dummy (held a key that
/// was removed): no key, hash -1. Active: a key with its hash, never -1 —
/// so a probe compares the hash first and reads the key only on a match.
#[derive(Clone)]
struct Slot {
    hash: i64,
    key: Option<Value>,
}

impl Slot {
    /// A never-used slot.
    const EMPTY: Slot = Slot { hash: 0, key: None };
    /// The slot of a removed key.
    const DUMMY: Slot = Slot {
        hash: -1,
        key: None,
    };

    /// An active slot.
    fn active(hash: i64, key: Value) -> Slot {
        Slot {
            hash,
            key: Some(key),
        }
    }

    /// Whether the slot was never used.
    fn is_empty(&self) -> bool {
        self.key.is_none() && self.hash == 0
    }

    /// The hash and key of an active slot.
    fn as_active(&self) -> Option<(i64, &Value)> {
        self.key.as_ref().map(|k| (self.hash, k))
    }

    /// The hash and key of an active slot, taken.
    fn into_active(self) -> Option<(i64, Value)> {
        let hash = self.hash;
        self.key.map(|k| (hash, k))
    }
}

/// The table behind a set. Never runs Python code.
pub struct SetTable {
    slots: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` looks next.
    finger: usize,
    /// Changes on every mutation (lookups that ran Python code restart).
    version: u64,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable {
            slots: vec![Slot::EMPTY; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }
}

impl SetTable {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Puts a key known to be absent into a table without dummies.
    fn insert_clean(slots: &mut [Slot], key: Value, hash: i64) {
        let mask = slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if slots[i].is_empty() {
                slots[i] = Slot::active(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask
                && let Some(slot) = slots[i + 1..=i + LINEAR_PROBES]
                    .iter_mut()
                    .find(|s| s.is_empty())
            {
                *slot = Slot::active(hash, key);
                return;
            }
            i = next_run(i, &mut perturb, mask);
        }
    }

    /// Rebuilds the table with the smallest size above `min_used`.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        if size == self.slots.len() && self.fill == self.used {
            return;
        }
        if size == self.slots.len() && self.used <= MIN_SIZE {
            // The same size with few elements (what add/discard cycles
            // come to, the dummies filling a small table): rebuilt in
            // place through a buffer on the stack, with no allocation.
            // The elements go back in slot order, as below.
            let mut live = [Slot::EMPTY; MIN_SIZE];
            let mut n = 0;
            for slot in &mut self.slots {
                let slot = std::mem::replace(slot, Slot::EMPTY);
                if slot.key.is_some()
                    && let Some(place) = live.get_mut(n)
                {
                    *place = slot;
                    n += 1;
                }
            }
            for slot in live.into_iter().take(n) {
                if let Some((hash, key)) = slot.into_active() {
                    Self::insert_clean(&mut self.slots, key, hash);
                }
            }
            self.fill = self.used;
            self.version += 1;
            return;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::EMPTY; size]);
        for slot in old {
            if let Some((hash, key)) = slot.into_active() {
                Self::insert_clean(&mut self.slots, key, hash);
            }
        }
        self.fill = self.used;
        self.version += 1;
    }

    /// The growth step after an insertion into an empty slot.
    fn grow_if_needed(&mut self) {
        if self.fill * 5 >= self.mask() * 3 {
            let used = self.used;
            self.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The elements, in slot order, borrowed (for the cycle collector).
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.slots.iter().filter_map(|slot| slot.key.as_ref())
    }

    /// The active `(key, hash)` pairs in slot order.
    fn entries(&self) -> Vec<(Value, i64)> {
        self.slots
            .iter()
            .filter_map(|s| s.as_active().map(|(h, k)| (k.clone(), h)))
            .collect()
    }

    /// The first active slot at or after `pos`.
    fn next_from(&self, pos: usize) -> Option<(usize, Value)> {
        self.slots
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, s)| s.key.as_ref().map(|k| (i, k.clone())))
    }
}

/// The payload of `set` and `frozenset`.
pub struct Set {
    /// The table.
    pub table: PyCell<SetTable>,
    /// A frozenset's cached hash (`-1` until computed).
    hash: Cell<i64>,
}

impl Default for Set {
    fn default() -> Self {
        Set {
            table: PyCell::new(SetTable::default()),
            hash: Cell::new(-1),
        }
    }
}

/// Outcome of probing for a key.
#[derive(Clone, Copy)]
enum Probe {
    /// The key is in this slot.
    Found(usize),
    /// Absent: the empty slot that ended the search and the last dummy seen.
    Absent { empty: usize, dummy: Option<usize> },
}

/// Where a probe sequence stands, so that a scan left to run a Python
/// `__eq__` resumes where it stopped.
struct ProbeCursor {
    /// First slot of the current run of linear probes.
    start: usize,
    /// The slot to look at next.
    next: usize,
    perturb: u64,
    /// The last dummy slot seen.
    dummy: Option<usize>,
}

/// What a scan of the table stopped at.
enum Scan {
    /// A decided outcome.
    Done(Probe),
    /// Slot `.0` holds a key with the same hash, `.1`, that only Python's
    /// `__eq__` can compare.
    Compare(usize, Value),
}

impl ProbeCursor {
    fn new(hash: i64, mask: usize) -> ProbeCursor {
        let start = (hash as u64 as usize) & mask;
        ProbeCursor {
            start,
            next: start,
            perturb: hash as u64,
            dummy: None,
        }
    }
}

/// [`keys_match`] out of line, for [`SetTable::probe_simple`]'s rare case of
/// a stored key with the probed key's hash but not its very word (a
/// different str object with the same text, a float equal to an int, a
/// hash collision): keeps the probe loop small, its values in registers.
#[inline(never)]
fn keys_match_cold(stored: &Value, key: &Value) -> Option<bool> {
    keys_match(stored, key)
}

impl SetTable {
    /// CPython's probe sequence for `key`, whole, when every stored key it
    /// meets with the same hash compares without Python ([`keys_match`]:
    /// identity, inline numbers, exact `str`); `None` as soon as one needs
    /// Python's `__eq__` (the caller then takes [`Set::probe`], which
    /// restarts the same sequence and gives the same answer for the keys
    /// met before). The first slot is looked at inline, where a small
    /// set's hit or miss is usually decided; the rest of the sequence is
    /// [`SetTable::probe_simple`], out of line so that its loop keeps its
    /// values in registers rather than in its caller's (the eval loop's)
    /// spill slots.
    #[inline(always)]
    fn find_simple(&self, key: &Value, hash: i64) -> Option<Probe> {
        let i = (hash as u64 as usize) & self.mask();
        // `i <= mask < slots.len()`: `get` never fails.
        let slot = self.slots.get(i)?;
        match &slot.key {
            // The same word is the same key (what `simple_eq` answers
            // first): an int or interned-str hit needs no more.
            Some(k) if slot.hash == hash && (k.same_bits(key) || keys_match(k, key)?) => {
                Some(Probe::Found(i))
            }
            None if slot.hash == 0 => Some(Probe::Absent {
                empty: i,
                dummy: None,
            }),
            _ => self.probe_simple(key, hash),
        }
    }

    /// [`SetTable::find_simple`]'s whole probe sequence (its first slot
    /// again included), with the cursor kept in registers: one bounds
    /// check per run of linear probes, a key with the probed hash but not
    /// the same word compared by [`keys_match_cold`]. Per slot, two tests
    /// that are rarely true (the empty slot that ends the sequence, the
    /// probed hash) and a branch-free note of a dummy: a table churned by
    /// add/discard alternates active slots and dummies unpredictably.
    #[inline(never)]
    fn probe_simple(&self, key: &Value, hash: i64) -> Option<Probe> {
        let slots = self.slots.as_slice();
        let mask = self.mask();
        // The last dummy seen, `usize::MAX` for none.
        let mut dummy = usize::MAX;
        let mut i = (hash as u64 as usize) & mask;
        let mut perturb = hash as u64;
        // The table always keeps an empty slot, so the search ends.
        loop {
            let last = if i + LINEAR_PROBES <= mask {
                i + LINEAR_PROBES
            } else {
                i
            };
            // `last <= mask < slots.len()`: `get` never fails.
            for (j, slot) in (i..=last).zip(slots.get(i..=last)?) {
                let free = slot.key.is_none();
                // Never used: no key and hash 0 (a dummy's hash is -1, an
                // active slot has a key).
                if free & (slot.hash == 0) {
                    return Some(Probe::Absent {
                        empty: j,
                        dummy: (dummy != usize::MAX).then_some(dummy),
                    });
                }
                dummy = std::hint::select_unpredictable(free, j, dummy);
                // A dummy's hash (-1) is no key's, and an empty slot
                // returned above: the probed hash means an active slot.
                if slot.hash == hash
                    && let Some(k) = &slot.key
                    && (k.same_bits(key) || keys_match_cold(k, key)?)
                {
                    return Some(Probe::Found(j));
                }
            }
            i = next_run(i, &mut perturb, mask);
        }
    }

    /// Stores `key` (hash `hash`, found absent by `probe` on this very
    /// state of the table) where the probe says: the last dummy of its
    /// sequence, else the empty slot that ended it (then grows the table
    /// if it is full enough). A `Found` probe stores nothing.
    fn store_absent(&mut self, probe: Probe, hash: i64, key: Value) {
        match probe {
            Probe::Found(_) => {}
            Probe::Absent { dummy: Some(d), .. } => {
                if let Some(slot) = self.slots.get_mut(d) {
                    *slot = Slot::active(hash, key);
                    self.used += 1;
                    self.version += 1;
                }
            }
            Probe::Absent { empty, dummy: None } => {
                if let Some(slot) = self.slots.get_mut(empty) {
                    *slot = Slot::active(hash, key);
                    self.fill += 1;
                    self.used += 1;
                    self.version += 1;
                    self.grow_if_needed();
                }
            }
        }
    }

    /// Turns active slot `i` into a dummy; the removed slot, for the
    /// caller to drop outside the table (a key's `__del__` may use the set).
    fn remove_at(&mut self, i: usize) -> Slot {
        match self.slots.get_mut(i) {
            Some(slot) if slot.key.is_some() => {
                self.used -= 1;
                self.version += 1;
                std::mem::replace(slot, Slot::DUMMY)
            }
            _ => Slot::DUMMY,
        }
    }

    /// CPython's probe sequence for `key` from `cursor`, inside one borrow
    /// of the table: keys compare by identity, inline number or exact
    /// `str` here; the scan stops at the first key that needs Python.
    fn scan(&self, key: &Value, hash: i64, cursor: &mut ProbeCursor) -> Scan {
        let mask = self.mask();
        loop {
            let last = if cursor.start + LINEAR_PROBES <= mask {
                cursor.start + LINEAR_PROBES
            } else {
                cursor.start
            };
            // `last <= mask < slots.len()`, and the table always keeps an
            // empty slot, so the scan ends.
            while cursor.next <= last {
                let j = cursor.next;
                cursor.next += 1;
                let slot = &self.slots[j];
                match &slot.key {
                    Some(k) if slot.hash == hash => match simple_eq(k, key) {
                        Some(true) => return Scan::Done(Probe::Found(j)),
                        Some(false) => {}
                        None => return Scan::Compare(j, k.clone()),
                    },
                    Some(_) => {}
                    None if slot.hash == 0 => {
                        return Scan::Done(Probe::Absent {
                            empty: j,
                            dummy: cursor.dummy,
                        });
                    }
                    None => cursor.dummy = Some(j),
                }
            }
            cursor.start = next_run(cursor.start, &mut cursor.perturb, mask);
            cursor.next = cursor.start;
        }
    }
}

impl Set {
    /// Number of elements.
    pub fn len(&self) -> usize {
        self.table.with(|t| t.used)
    }

    /// Whether `key` (natively hashed to `hash`) is an element, when every
    /// element met on the probe compares natively; `None` when Python's
    /// `__eq__` must decide.
    #[inline(always)]
    pub(crate) fn contains_simple(&self, key: &Value, hash: i64) -> Option<bool> {
        // One guard, not a closure: `PyCell::with` stays out of line.
        let table = self.table.try_lock()?;
        Some(matches!(table.find_simple(key, hash)?, Probe::Found(_)))
    }

    /// Adds `key` (hash `hash`) when no Python code is needed to find its
    /// place (see [`SetTable::find_simple`]); gives the key back otherwise,
    /// the set unchanged.
    #[inline(always)]
    pub(crate) fn add_simple(&self, key: Value, hash: i64) -> Result<(), Value> {
        let Some(mut table) = self.table.try_lock() else {
            return Err(key);
        };
        match table.find_simple(&key, hash) {
            Some(Probe::Found(_)) => Ok(()),
            Some(absent) => {
                table.store_absent(absent, hash, key);
                drop(table);
                self.hash.set(-1);
                Ok(())
            }
            None => {
                drop(table);
                Err(key)
            }
        }
    }

    /// Removes `key` (hash `hash`) when no Python code is needed to find
    /// it (see [`SetTable::find_simple`]): whether it was there; `None`,
    /// the set unchanged, when Python's `__eq__` must decide.
    #[inline(always)]
    pub(crate) fn discard_simple(&self, key: &Value, hash: i64) -> Option<bool> {
        let mut table = self.table.try_lock()?;
        match table.find_simple(key, hash)? {
            Probe::Found(i) => {
                let old = table.remove_at(i);
                drop(table);
                // Dropped outside the table: a key's `__del__` may use the set.
                drop(old);
                Some(true)
            }
            Probe::Absent { .. } => Some(false),
        }
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The elements in iteration order.
    pub fn elements(&self) -> Vec<Value> {
        self.table
            .with(|t| t.entries().into_iter().map(|(k, _)| k).collect())
    }

    fn entries(&self) -> Vec<(Value, i64)> {
        self.table.with(|t| t.entries())
    }

    /// CPython's probe sequence for `key`: the outcome and the table
    /// version it holds for. The table is scanned inside one borrow; it is
    /// left only to run a Python `__eq__`, and the probe restarts if that
    /// changed the table.
    fn probe(vm: &mut Vm, set: &Ref<Set>, key: &Value, hash: i64) -> PyResult<(Probe, u64)> {
        'restart: loop {
            let (mut cursor, mut scan, version) = set.table.with(|t| {
                let mut cursor = ProbeCursor::new(hash, t.mask());
                let scan = t.scan(key, hash, &mut cursor);
                (cursor, scan, t.version)
            });
            loop {
                let (j, candidate) = match scan {
                    Scan::Done(probe) => return Ok((probe, version)),
                    Scan::Compare(j, candidate) => (j, candidate),
                };
                if vm.eq(&candidate, key)? {
                    return Ok((Probe::Found(j), version));
                }
                drop(candidate);
                let resumed = set
                    .table
                    .with(|t| (t.version == version).then(|| t.scan(key, hash, &mut cursor)));
                match resumed {
                    Some(next) => scan = next,
                    None => continue 'restart,
                }
            }
        }
    }

    /// Adds `key` (whose hash is `hash`).
    fn add_entry(vm: &mut Vm, set: &Ref<Set>, key: Value, hash: i64) -> PyResult<()> {
        let mut key = match set.add_simple(key, hash) {
            Ok(()) => return Ok(()),
            Err(key) => key,
        };
        loop {
            let (probe, version) = Set::probe(vm, set, &key, hash)?;
            // Hands the key back when an `__eq__` changed the table.
            let stored = set.table.with(|t| {
                if t.version != version {
                    return Err(key);
                }
                if let Probe::Found(_) = probe {
                    return Ok(false);
                }
                t.store_absent(probe, hash, key);
                Ok(true)
            });
            match stored {
                Ok(true) => {
                    set.hash.set(-1);
                    return Ok(());
                }
                Ok(false) => return Ok(()),
                Err(back) => key = back,
            }
        }
    }

    /// Whether `key` (hash `hash`) is an element.
    fn contains_entry(vm: &mut Vm, set: &Ref<Set>, key: &Value, hash: i64) -> PyResult<bool> {
        if let Some(found) = set.contains_simple(key, hash) {
            return Ok(found);
        }
        Ok(matches!(Set::probe(vm, set, key, hash)?.0, Probe::Found(_)))
    }

    /// Removes `key` (hash `hash`); whether it was there.
    fn discard_entry(vm: &mut Vm, set: &Ref<Set>, key: &Value, hash: i64) -> PyResult<bool> {
        if let Some(removed) = set.discard_simple(key, hash) {
            return Ok(removed);
        }
        loop {
            let (Probe::Found(i), version) = Set::probe(vm, set, key, hash)? else {
                return Ok(false);
            };
            let removed = set.table.with(|t| {
                if t.version != version {
                    return None;
                }
                Some(t.remove_at(i))
            });
            if let Some(old) = removed {
                // Dropped outside the table: a key's `__del__` may use the set.
                drop(old);
                return Ok(true);
            }
        }
    }

    /// `set.add(key)`.
    pub fn add(vm: &mut Vm, set: &Ref<Set>, key: Value) -> PyResult<()> {
        let hash = match simple_hash(&key) {
            Some(hash) => hash,
            None => element_hash(vm, &key)?,
        };
        Set::add_entry(vm, set, key, hash)
    }

    /// Adds every element of `other` (CPython's `set_update_internal`).
    pub fn update(vm: &mut Vm, set: &Ref<Set>, other: &Value) -> PyResult<()> {
        if let Some(o) = as_set(other) {
            if o.as_obj().is(set.as_obj()) {
                return Ok(());
            }
            let o = o.clone();
            return Set::merge(vm, set, &o);
        }
        if let Some(d) = exact_dict(vm, other) {
            let entries: Vec<(Value, i64)> = d
                .table
                .with(|t| t.iter().map(|e| (e.key.clone(), e.hash)).collect());
            set.table.with(|t| {
                if (t.fill + entries.len()) * 5 >= t.mask() * 3 {
                    let n = (t.used + entries.len()) * 2;
                    t.resize(n);
                }
            });
            for (k, h) in entries {
                Set::add_entry(vm, set, k, h)?;
            }
            return Ok(());
        }
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            Set::add(vm, set, k)?;
        }
        Ok(())
    }

    /// CPython's `set_merge`: all of `other`'s elements into `set`.
    fn merge(vm: &mut Vm, set: &Ref<Set>, other: &Ref<Set>) -> PyResult<()> {
        let (other_slots, other_fill, other_used) =
            other.table.with(|t| (t.slots.clone(), t.fill, t.used));
        if other_used == 0 {
            return Ok(());
        }
        let fast = set.table.with(|t| {
            if (t.fill + other_used) * 5 >= t.mask() * 3 {
                let n = (t.used + other_used) * 2;
                t.resize(n);
            }
            if t.fill == 0 && t.slots.len() == other_slots.len() && other_fill == other_used {
                t.slots = other_slots.clone();
                t.fill = other_fill;
                t.used = other_used;
                t.version += 1;
                return true;
            }
            if t.fill == 0 {
                for slot in &other_slots {
                    if let Some((h, k)) = slot.as_active() {
                        SetTable::insert_clean(&mut t.slots, k.clone(), h);
                    }
                }
                t.fill = other_used;
                t.used = other_used;
                t.version += 1;
                return true;
            }
            false
        });
        set.hash.set(-1);
        if fast {
            return Ok(());
        }
        for slot in other_slots {
            if let Some((h, k)) = slot.into_active() {
                Set::add_entry(vm, set, k, h)?;
            }
        }
        Ok(())
    }

    fn clear(set: &Ref<Set>) {
        let old = set.table.with(|t| {
            let version = t.version.wrapping_add(1);
            let old = std::mem::take(t);
            t.version = version;
            old
        });
        set.hash.set(-1);
        drop(old);
    }

    /// Takes over `other`'s table (CPython's `set_swap_bodies` when `other`
    /// is a temporary).
    fn take_body(set: &Ref<Set>, other: &Ref<Set>) {
        let mut table = other.table.with(std::mem::take);
        let old = set.table.with(|t| {
            table.version = t.version.wrapping_add(1);
            std::mem::replace(t, table)
        });
        set.hash.set(-1);
        drop(old);
    }
}

/// The hash of a set element, with CPython's message for unhashable ones.
fn element_hash(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    vm.hash(key)
        .map_err(|e| unhashable(vm, key, e, "a set element"))
}

/// `cannot use 'list' as a set element (unhashable type: 'list')`.
pub fn unhashable(
    vm: &mut Vm,
    key: &Value,
    e: crate::error::PyErr,
    role: &str,
) -> crate::error::PyErr {
    if !e.as_obj().class().same(vm.exc_type(ExcKind::TypeError)) {
        return e;
    }
    let detail = match vm.str_string(&Value::from_object(e.as_obj().clone())) {
        Ok(s) => s,
        Err(e) => return e,
    };
    let tn = vm.type_name(key);
    vm.type_error(format!("cannot use '{tn}' as {role} ({detail})"))
}

/// The hash used to look a key up: a `set` key is looked up as the
/// equivalent `frozenset` (CPython's retry in `__contains__`/`remove`).
fn lookup_hash(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    if let Some(hash) = simple_hash(key) {
        return Ok(hash);
    }
    match vm.hash(key) {
        Ok(h) => Ok(h),
        Err(e) => match as_set(key) {
            Some(s) if vm.exc_matches(&e, ExcKind::TypeError) => {
                let s = s.clone();
                frozenset_hash(&s)
            }
            _ => Err(unhashable(vm, key, e, "a set element")),
        },
    }
}

fn exact_dict<'a>(vm: &Vm, v: &'a Value) -> Option<&'a Ref<Dict>> {
    v.as_object()
        .filter(|o| o.class().same(&vm.types.dict))
        .and_then(|o| o.downcast::<Dict>())
}

/// The set payload of a value (`set`, `frozenset` or a subclass).
pub fn as_set(v: &Value) -> Option<&Ref<Set>> {
    v.as_object()?.downcast::<Set>()
}

fn is_frozen(vm: &Vm, s: &Ref<Set>) -> bool {
    s.as_obj().class().is_subtype(&vm.types.frozenset)
}

/// The class of results built from `s` (`set` or `frozenset`, never a subclass).
fn base_class(vm: &Vm, s: &Ref<Set>) -> TypeRef {
    if is_frozen(vm, s) {
        vm.types.frozenset.clone()
    } else {
        vm.types.set.clone()
    }
}

fn frozenset_hash(s: &Ref<Set>) -> PyResult<i64> {
    let cached = s.hash.get();
    if cached != -1 {
        return Ok(cached);
    }
    let hashes: Vec<i64> = s.entries().into_iter().map(|(_, h)| h).collect();
    let h = crate::hash::hash_frozenset(&hashes);
    s.hash.set(h);
    Ok(h)
}

impl Vm {
    /// An empty set of `class` (`set` or `frozenset`).
    fn new_set_ref(&mut self, class: &TypeRef) -> PyResult<Ref<Set>> {
        self.alloc(class, Set::default())
    }

    fn new_set_of(&mut self, class: TypeRef, items: Vec<Value>) -> PyResult<Value> {
        let s = self.new_set_ref(&class)?;
        for item in items {
            Set::add(self, &s, item)?;
        }
        Ok(Value::from_object(s.into_obj()))
    }

    /// A new `set`.
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let class = self.types.set.clone();
        self.new_set_of(class, items)
    }

    /// A new `frozenset`.
    pub fn new_frozenset(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let class = self.types.frozenset.clone();
        self.new_set_of(class, items)
    }
}

fn value_of(s: Ref<Set>) -> Value {
    Value::from_object(s.into_obj())
}

/// A set of `class` holding the elements of `iterable`.
fn set_from(vm: &mut Vm, class: &TypeRef, iterable: &Value) -> PyResult<Ref<Set>> {
    let s = vm.new_set_ref(class)?;
    Set::update(vm, &s, iterable)?;
    Ok(s)
}

/// A copy of `s` of its base class.
fn copy_of(vm: &mut Vm, s: &Ref<Set>) -> PyResult<Ref<Set>> {
    let class = base_class(vm, s);
    let copy = vm.new_set_ref(&class)?;
    Set::merge(vm, &copy, s)?;
    Ok(copy)
}

/// CPython's `set_intersection`.
fn intersection(vm: &mut Vm, so: &Ref<Set>, other: &Value) -> PyResult<Ref<Set>> {
    if other.as_object().is_some_and(|o| o.is(so.as_obj())) {
        return copy_of(vm, so);
    }
    let class = base_class(vm, so);
    let result = vm.new_set_ref(&class)?;
    if let Some(o) = as_set(other) {
        let (mut big, mut small) = (so.clone(), o.clone());
        if small.len() > big.len() {
            std::mem::swap(&mut big, &mut small);
        }
        for (k, h) in small.entries() {
            if Set::contains_entry(vm, &big, &k, h)? {
                Set::add_entry(vm, &result, k, h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = element_hash(vm, &k)?;
        if Set::contains_entry(vm, so, &k, h)? {
            Set::add_entry(vm, &result, k, h)?;
            if result.len() >= so.len() {
                break;
            }
        }
    }
    Ok(result)
}

fn intersection_multi(vm: &mut Vm, so: &Ref<Set>, others: &[Value]) -> PyResult<Ref<Set>> {
    if others.is_empty() {
        return copy_of(vm, so);
    }
    let mut result = so.clone();
    for other in others {
        result = intersection(vm, &result, other)?;
    }
    Ok(result)
}

/// CPython's `set_difference_update_internal`.
fn difference_update(vm: &mut Vm, so: &Ref<Set>, other: &Value) -> PyResult<()> {
    if other.as_object().is_some_and(|o| o.is(so.as_obj())) {
        Set::clear(so);
        return Ok(());
    }
    if let Some(o) = as_set(other) {
        let o = if (o.len() >> 3) > so.len() {
            intersection(vm, so, other)?
        } else {
            o.clone()
        };
        for (k, h) in o.entries() {
            Set::discard_entry(vm, so, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            let h = element_hash(vm, &k)?;
            Set::discard_entry(vm, so, &k, h)?;
        }
    }
    so.table.with(|t| {
        if t.fill - t.used > t.mask() / 4 {
            let used = t.used;
            t.resize(if used > 50000 { used * 2 } else { used * 4 });
        }
    });
    so.hash.set(-1);
    Ok(())
}

/// CPython's `set_difference`.
fn difference(vm: &mut Vm, so: &Ref<Set>, other: &Value) -> PyResult<Ref<Set>> {
    let other_size = if let Some(o) = as_set(other) {
        Some(o.len())
    } else {
        exact_dict(vm, other).map(|d| d.len())
    };
    let copy_and_remove = |vm: &mut Vm| -> PyResult<Ref<Set>> {
        let result = copy_of(vm, so)?;
        difference_update(vm, &result, other)?;
        Ok(result)
    };
    let Some(other_size) = other_size else {
        return copy_and_remove(vm);
    };
    if (so.len() >> 2) > other_size {
        return copy_and_remove(vm);
    }
    let class = base_class(vm, so);
    let result = vm.new_set_ref(&class)?;
    if let Some(d) = exact_dict(vm, other).cloned() {
        for (k, h) in so.entries() {
            if Dict::get_item(vm, &d, &k)?.is_none() {
                Set::add_entry(vm, &result, k, h)?;
            }
        }
        return Ok(result);
    }
    let Some(o) = as_set(other).cloned() else {
        return Ok(result);
    };
    for (k, h) in so.entries() {
        if !Set::contains_entry(vm, &o, &k, h)? {
            Set::add_entry(vm, &result, k, h)?;
        }
    }
    Ok(result)
}

fn difference_multi(vm: &mut Vm, so: &Ref<Set>, others: &[Value]) -> PyResult<Ref<Set>> {
    let Some((first, rest)) = others.split_first() else {
        return copy_of(vm, so);
    };
    let result = difference(vm, so, first)?;
    for other in rest {
        difference_update(vm, &result, other)?;
    }
    Ok(result)
}

/// Toggles every element of the set `other` in `so`.
fn symmetric_update_from_set(vm: &mut Vm, so: &Ref<Set>, other: &Ref<Set>) -> PyResult<()> {
    for (k, h) in other.entries() {
        if !Set::discard_entry(vm, so, &k, h)? {
            Set::add_entry(vm, so, k, h)?;
        }
    }
    Ok(())
}

/// CPython's `set_symmetric_difference_update`.
fn symmetric_difference_update(vm: &mut Vm, so: &Ref<Set>, other: &Value) -> PyResult<()> {
    if other.as_object().is_some_and(|o| o.is(so.as_obj())) {
        Set::clear(so);
        return Ok(());
    }
    if let Some(d) = exact_dict(vm, other).cloned() {
        let entries: Vec<(Value, i64)> = d
            .table
            .with(|t| t.iter().map(|e| (e.key.clone(), e.hash)).collect());
        for (k, h) in entries {
            if !Set::discard_entry(vm, so, &k, h)? {
                Set::add_entry(vm, so, k, h)?;
            }
        }
        return Ok(());
    }
    let other_set = match as_set(other) {
        Some(o) => o.clone(),
        None => {
            let class = base_class(vm, so);
            set_from(vm, &class, other)?
        }
    };
    symmetric_update_from_set(vm, so, &other_set)
}

/// CPython's `set_symmetric_difference`.
fn symmetric_difference(vm: &mut Vm, so: &Ref<Set>, other: &Value) -> PyResult<Ref<Set>> {
    let class = base_class(vm, so);
    let result = set_from(vm, &class, other)?;
    symmetric_update_from_set(vm, &result, so)?;
    Ok(result)
}

/// CPython's `set_issubset`.
fn issubset(vm: &mut Vm, so: &Ref<Set>, other: &Value) -> PyResult<bool> {
    let Some(o) = as_set(other).cloned() else {
        let tmp = intersection(vm, so, other)?;
        return Ok(tmp.len() == so.len());
    };
    if so.len() > o.len() {
        return Ok(false);
    }
    for (k, h) in so.entries() {
        if !Set::contains_entry(vm, &o, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// CPython's `set_issuperset`.
fn issuperset(vm: &mut Vm, so: &Ref<Set>, other: &Value) -> PyResult<bool> {
    if let Some(o) = as_set(other).cloned() {
        let me = value_of(so.clone());
        return issubset(vm, &o, &me);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = element_hash(vm, &k)?;
        if !Set::contains_entry(vm, so, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// CPython's `set_isdisjoint`.
fn isdisjoint(vm: &mut Vm, so: &Ref<Set>, other: &Value) -> PyResult<bool> {
    if other.as_object().is_some_and(|o| o.is(so.as_obj())) {
        return Ok(so.is_empty());
    }
    if let Some(o) = as_set(other).cloned() {
        let (mut big, mut small) = (so.clone(), o);
        if small.len() > big.len() {
            std::mem::swap(&mut big, &mut small);
        }
        for (k, h) in small.entries() {
            if Set::contains_entry(vm, &big, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = element_hash(vm, &k)?;
        if Set::contains_entry(vm, so, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn set_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(s) = as_set(v).cloned() else {
        return vm.new_str("set()");
    };
    let name = vm.type_name(v);
    if !vm.repr_enter(v) {
        return vm.new_str(&format!("{name}(...)"));
    }
    let result = (|| {
        let items = s.elements();
        if items.is_empty() {
            return Ok(format!("{name}()"));
        }
        let mut body = String::from("{");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                body.push_str(", ");
            }
            body.push_str(&vm.repr_string(item)?);
        }
        body.push('}');
        Ok(
            if v.as_object().is_some_and(|o| o.class().same(&vm.types.set)) {
                body
            } else {
                format!("{name}({body})")
            },
        )
    })();
    vm.repr_leave(v);
    let out = result?;
    vm.new_str(&out)
}

fn set_number(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: crate::types::slots::BinOp,
) -> PyResult<Value> {
    use crate::types::slots::BinOp;
    let (Some(x), Some(_)) = (as_set(a).cloned(), as_set(b)) else {
        return Ok(vm.not_implemented());
    };
    let result = match op {
        BinOp::Or => {
            let result = copy_of(vm, &x)?;
            if !a
                .as_object()
                .zip(b.as_object())
                .is_some_and(|(p, q)| p.is(q))
            {
                Set::update(vm, &result, b)?;
            }
            result
        }
        BinOp::And => intersection(vm, &x, b)?,
        BinOp::Sub => difference(vm, &x, b)?,
        BinOp::Xor => symmetric_difference(vm, &x, b)?,
        _ => return Ok(vm.not_implemented()),
    };
    Ok(value_of(result))
}

fn set_inplace(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: crate::types::slots::BinOp,
) -> PyResult<Value> {
    use crate::types::slots::BinOp;
    let (Some(x), Some(_)) = (as_set(a).cloned(), as_set(b)) else {
        return Ok(vm.not_implemented());
    };
    if is_frozen(vm, &x) {
        return Ok(vm.not_implemented());
    }
    match op {
        BinOp::Or => Set::update(vm, &x, b)?,
        BinOp::And => {
            let tmp = intersection(vm, &x, b)?;
            Set::take_body(&x, &tmp);
        }
        BinOp::Sub => difference_update(vm, &x, b)?,
        BinOp::Xor => symmetric_difference_update(vm, &x, b)?,
        _ => return Ok(vm.not_implemented()),
    }
    Ok(a.clone())
}

fn set_richcompare(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: crate::types::slots::CompareOp,
) -> PyResult<Value> {
    use crate::types::slots::CompareOp;
    let (Some(x), Some(y)) = (as_set(a).cloned(), as_set(b).cloned()) else {
        return Ok(vm.not_implemented());
    };
    let (lx, ly) = (x.len(), y.len());
    let eq = |vm: &mut Vm| -> PyResult<bool> {
        if lx != ly {
            return Ok(false);
        }
        let (hx, hy) = (x.hash.get(), y.hash.get());
        if hx != -1 && hy != -1 && hx != hy {
            return Ok(false);
        }
        issubset(vm, &x, b)
    };
    Ok(Value::from_bool(match op {
        CompareOp::Eq => eq(vm)?,
        CompareOp::Ne => !eq(vm)?,
        CompareOp::Le => issubset(vm, &x, b)?,
        CompareOp::Ge => issuperset(vm, &x, b)?,
        CompareOp::Lt => lx < ly && issubset(vm, &x, b)?,
        CompareOp::Gt => lx > ly && issuperset(vm, &x, b)?,
    }))
}

/// A live iterator over a set (`set_iterator`).
pub struct SetIterator {
    set: PyCell<Option<Ref<Set>>>,
    /// The set's size when iteration began (`-1` once it changed).
    used: Cell<isize>,
    pos: Cell<usize>,
}

impl SetIterator {
    /// The set iterated (`None` once exhausted), for the cycle collector.
    pub(crate) fn set_cell(&self) -> &PyCell<Option<Ref<Set>>> {
        &self.set
    }
}

fn set_iter(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(s) = as_set(v).cloned() else {
        return Err(vm.type_error("expected a set".into()));
    };
    let used = s.len() as isize;
    let it = vm.alloc(
        &vm.types.set_iterator.clone(),
        SetIterator {
            set: PyCell::new(Some(s)),
            used: Cell::new(used),
            pos: Cell::new(0),
        },
    )?;
    Ok(Value::from_object(it.into_obj()))
}

fn set_iter_next(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.as_object().and_then(|o| o.downcast::<SetIterator>()) else {
        return Ok(None);
    };
    let Some(s) = it.set.get() else {
        return Ok(None);
    };
    if it.used.get() != s.len() as isize {
        it.used.set(-1);
        return Err(vm.runtime_error("Set changed size during iteration"));
    }
    match s.table.with(|t| t.next_from(it.pos.get())) {
        Some((i, k)) => {
            it.pos.set(i + 1);
            Ok(Some(k))
        }
        None => {
            let old = it.set.with(Option::take);
            drop(old);
            Ok(None)
        }
    }
}

/// Installs `set_iterator`'s slots.
pub fn init_iterator_type(t: &TypeObject) {
    t.slots.iter.set(Some(|_vm, v| Ok(v.clone())));
    t.slots.next.set(Some(set_iter_next));
}

/// Installs the slots of `set` or `frozenset`.
pub fn init_type(t: &TypeObject, frozen: bool) {
    t.slots.repr.set(Some(set_repr));
    t.slots
        .len
        .set(Some(|_vm, v| Ok(as_set(v).map_or(0, |s| s.len()))));
    t.slots
        .bool
        .set(Some(|_vm, v| Ok(as_set(v).is_some_and(|s| !s.is_empty()))));
    t.slots.contains.set(Some(|vm, v, item| {
        let Some(s) = as_set(v) else {
            return Ok(false);
        };
        let h = lookup_hash(vm, item)?;
        Set::contains_entry(vm, s, item, h)
    }));
    t.slots.iter.set(Some(set_iter));
    t.slots.richcompare.set(Some(set_richcompare));
    t.slots.number.set(Some(set_number));
    if frozen {
        t.slots.hash.set(Some(|_vm, v| {
            let Some(s) = as_set(v).cloned() else {
                return Ok(0);
            };
            frozenset_hash(&s)
        }));
        t.slots.new.set(Some(|vm, cls, args, kw| {
            if kw.is_some_and(|k| !k.items().is_empty()) {
                return Err(vm.type_error("frozenset() takes no keyword arguments".into()));
            }
            if args.len() > 1 {
                return Err(vm.type_error(format!(
                    "frozenset expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            match args.first() {
                Some(it)
                    if cls.same(&vm.types.frozenset)
                        && it
                            .as_object()
                            .is_some_and(|o| o.class().same(&vm.types.frozenset)) =>
                {
                    Ok(it.clone())
                }
                Some(it) => Ok(value_of(set_from(vm, cls, it)?)),
                None => Ok(value_of(vm.new_set_ref(cls)?)),
            }
        }));
    } else {
        t.slots.inplace.set(Some(set_inplace));
        t.slots.new.set(Some(|vm, cls, _args, _kw| {
            Ok(value_of(vm.new_set_ref(cls)?))
        }));
        t.slots.init.set(Some(|vm, v, args, kw| {
            if kw.is_some_and(|k| !k.items().is_empty()) {
                return Err(vm.type_error("set() takes no keyword arguments".into()));
            }
            if args.len() > 1 {
                return Err(vm.type_error(format!(
                    "set expected at most 1 argument, got {}",
                    args.len()
                )));
            }
            let Some(s) = as_set(v).cloned() else {
                return Ok(());
            };
            Set::clear(&s);
            if let Some(it) = args.first() {
                Set::update(vm, &s, it)?;
            }
            Ok(())
        }));
    }
}

/// The `self` set of a method call, borrowed from the call's arguments.
fn set_of<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Ref<Set>> {
    this_set(vm, args.this())
}

/// The set (or frozenset) a method's `self` is.
fn this_set<'a>(vm: &mut Vm, this: &'a Value) -> PyResult<&'a Ref<Set>> {
    as_set(this).ok_or_else(|| vm.type_error("descriptor requires a 'set' object".into()))
}

/// `key in container` for the eval loop's `CONTAINS_OP`, when no Python
/// code is needed: an exact `set`, `frozenset` or `dict` (a subclass may
/// define `__contains__`) and a key that hashes inline ([`simple_hash`])
/// and compares inline with every stored key of the same hash met on the
/// probe. `None` for every other case, which takes the `contains`
/// protocol and gives the same answer.
#[inline(always)]
pub(crate) fn contains_op_simple(vm: &Vm, container: &Value, key: &Value) -> Option<bool> {
    let object = container.as_object()?;
    let class = object.class();
    if class.same(&vm.types.set) || class.same(&vm.types.frozenset) {
        // SAFETY: the class is exactly `set` or `frozenset`.
        let set = unsafe { payload_of_exact::<Set>(object) };
        return set.contains_simple(key, simple_hash(key)?);
    }
    if class.same(&vm.types.dict) {
        // SAFETY: the class is exactly `dict`.
        let dict = unsafe { payload_of_exact::<Dict>(object) };
        return dict.contains_simple(key, simple_hash(key)?);
    }
    None
}

/// The typed reference of `object`, whose class the caller has found to
/// be exactly a builtin class with payload `T`: `ObjRef::downcast`
/// without its test of the class's payload type, which the class test
/// makes redundant (a class records its payload type, fixed when the VM
/// made it, and every instance of it carries that payload). Spares a hot
/// path a load of the class's type id, and its compare, after the class
/// pointer's.
///
/// # Safety
/// `object`'s class must carry payload `T` (be exactly `set`/`frozenset`
/// for `Set`, `dict` for `Dict`).
#[inline(always)]
unsafe fn payload_of_exact<T: 'static>(object: &ObjRef) -> &Ref<T> {
    debug_assert!(object.downcast::<T>().is_some());
    // SAFETY: contract; `Ref<T>` and `ObjRef` are the same transparent
    // pointer (what `ObjRef::downcast` does after its test).
    unsafe { &*(std::ptr::from_ref(object).cast::<Ref<T>>()) }
}

/// The exact `set` `this` is, for the intrinsics: a `frozenset` has the
/// same payload but no `add`, and the descriptor's own type check is then
/// passed (a subclass takes the method body, which behaves the same).
#[inline(always)]
fn exact_set<'a>(vm: &Vm, this: &'a Value) -> Option<&'a Ref<Set>> {
    let object = this.as_object()?;
    if !object.class().same(&vm.types.set) {
        return None;
    }
    // SAFETY: the class is exactly `set`.
    Some(unsafe { payload_of_exact::<Set>(object) })
}

/// `set.add(this, key)` answered inline by the eval loop's native call
/// (see [`Intrinsic::SetAdd`]): an exact set and a key whose hash and
/// comparisons need no Python code (an inline int or an exact `str`).
/// `None` (nothing done) for every other call, which runs the body.
#[inline]
pub(crate) fn add_intrinsic(vm: &Vm, this: &Value, key: &Value) -> Option<Value> {
    let set = exact_set(vm, this)?;
    // Hashed first: a key that needs Python is refused before any count.
    let hash = simple_hash(key)?;
    set.add_simple(key.clone(), hash).ok()?;
    Some(Value::NONE)
}

/// `set.discard(this, key)` answered inline, on the guards of
/// [`add_intrinsic`].
#[inline]
pub(crate) fn discard_intrinsic(vm: &Vm, this: &Value, key: &Value) -> Option<Value> {
    let set = exact_set(vm, this)?;
    set.discard_simple(key, simple_hash(key)?)?;
    Some(Value::NONE)
}

fn discard_key(vm: &mut Vm, s: &Ref<Set>, key: &Value) -> PyResult<bool> {
    let h = lookup_hash(vm, key)?;
    Set::discard_entry(vm, s, key, h)
}

/// The methods of both `set` and `frozenset`.
pub const SHARED_METHODS: &[MethodDef] = &[
    method("copy", "(self, /)", |vm, args| {
        let s = set_of(vm, args)?;
        if args
            .this()
            .as_object()
            .is_some_and(|o| o.class().same(&vm.types.frozenset))
        {
            return Ok(args.this().clone());
        }
        Ok(value_of(copy_of(vm, s)?))
    }),
    method("union", "(self, /, *others)", |vm, args| {
        let s = set_of(vm, args)?;
        let result = copy_of(vm, s)?;
        for other in args.varargs() {
            if other.as_object().is_some_and(|o| o.is(s.as_obj())) {
                continue;
            }
            Set::update(vm, &result, other)?;
        }
        Ok(value_of(result))
    }),
    method("intersection", "(self, /, *others)", |vm, args| {
        let s = set_of(vm, args)?;
        Ok(value_of(intersection_multi(vm, s, args.varargs())?))
    }),
    method("difference", "(self, /, *others)", |vm, args| {
        let s = set_of(vm, args)?;
        Ok(value_of(difference_multi(vm, s, args.varargs())?))
    }),
    method("symmetric_difference", "(self, other, /)", |vm, args| {
        let s = set_of(vm, args)?;
        Ok(value_of(symmetric_difference(vm, s, args.required(1))?))
    }),
    method("issubset", "(self, other, /)", |vm, args| {
        let s = set_of(vm, args)?;
        Ok(Value::from_bool(issubset(vm, s, args.required(1))?))
    }),
    method("issuperset", "(self, other, /)", |vm, args| {
        let s = set_of(vm, args)?;
        Ok(Value::from_bool(issuperset(vm, s, args.required(1))?))
    }),
    method("isdisjoint", "(self, other, /)", |vm, args| {
        let s = set_of(vm, args)?;
        Ok(Value::from_bool(isdisjoint(vm, s, args.required(1))?))
    }),
    method("__contains__", "(self, object, /)", |vm, args| {
        let s = set_of(vm, args)?;
        let h = lookup_hash(vm, args.required(1))?;
        Ok(Value::from_bool(Set::contains_entry(
            vm,
            s,
            args.required(1),
            h,
        )?))
    }),
    method("__len__", "(self, /)", |vm, args| {
        Ok(Value::from_i64(set_of(vm, args)?.len() as i64))
    }),
];

/// The methods only `set` has.
pub const METHODS: &[MethodDef] = &[
    // Fixed arity: the caller's arguments go to the body unbound.
    method_2("add", "(self, object, /)", |vm, this, key| {
        let s = this_set(vm, this)?;
        Set::add(vm, s, key.clone())?;
        Ok(Value::NONE)
    })
    .with_intrinsic(Intrinsic::SetAdd),
    method_2("discard", "(self, object, /)", |vm, this, key| {
        let s = this_set(vm, this)?;
        discard_key(vm, s, key)?;
        Ok(Value::NONE)
    })
    .with_intrinsic(Intrinsic::SetDiscard),
    method("remove", "(self, object, /)", |vm, args| {
        let s = set_of(vm, args)?;
        if discard_key(vm, s, args.required(1))? {
            Ok(Value::NONE)
        } else {
            Err(vm.key_error(args.required(1).clone()))
        }
    }),
    method("pop", "(self, /)", |vm, args| {
        let s = set_of(vm, args)?;
        let key = s.table.with(|t| {
            if t.used == 0 {
                return None;
            }
            let mask = t.mask();
            let mut i = t.finger & mask;
            while t.slots[i].key.is_none() {
                i = if i >= mask { 0 } else { i + 1 };
            }
            let old = std::mem::replace(&mut t.slots[i], Slot::DUMMY);
            t.used -= 1;
            t.finger = i + 1;
            t.version += 1;
            old.key
        });
        match key {
            Some(k) => Ok(k),
            None => Err(vm.key_error_msg("pop from an empty set")),
        }
    }),
    method("clear", "(self, /)", |vm, args| {
        let s = set_of(vm, args)?;
        Set::clear(s);
        Ok(Value::NONE)
    }),
    method("update", "(self, /, *others)", |vm, args| {
        let s = set_of(vm, args)?;
        for other in args.varargs() {
            Set::update(vm, s, other)?;
        }
        Ok(Value::NONE)
    }),
    method("intersection_update", "(self, /, *others)", |vm, args| {
        let s = set_of(vm, args)?;
        let tmp = intersection_multi(vm, s, args.varargs())?;
        if !tmp.as_obj().is(s.as_obj()) {
            Set::take_body(s, &tmp);
        }
        Ok(Value::NONE)
    }),
    method("difference_update", "(self, /, *others)", |vm, args| {
        let s = set_of(vm, args)?;
        for other in args.varargs() {
            difference_update(vm, s, other)?;
        }
        Ok(Value::NONE)
    }),
    method(
        "symmetric_difference_update",
        "(self, other, /)",
        |vm, args| {
            let s = set_of(vm, args)?;
            symmetric_difference_update(vm, s, args.required(1))?;
            Ok(Value::NONE)
        },
    ),
];
