//! `dict`: compact and insertion-ordered (DESIGN.md decision 12) — an index
//! table of slots pointing into an entry array, probed with CPython's
//! perturbation scheme, so iteration follows insertion order and the memory
//! per entry is small.
//!
//! Hashing and equality may run Python code and raise, and that code may
//! mutate the dict being searched. So the table ([`DictTable`]) never calls
//! Python: the object layer ([`Dict`]) hashes first, scans the table inside
//! one borrow while keys compare without Python (identity, inline numbers,
//! exact `str`), leaves it only to run a key's `__eq__`, and restarts if the
//! table changed meanwhile (as CPython's lookup does).

use crate::builtins::native::{Args, Intrinsic, MethodDef, classmethod, method};
use crate::builtins::str::Str;
use crate::error::PyResult;
use crate::object::{PyCell, Ref};
use crate::runtime::Vm;
use crate::types::TypeObject;
use crate::value::Value;

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const PERTURB_SHIFT: u32 = 5;

/// One key/value pair with the key's hash.
#[derive(Clone)]
pub struct Entry {
    /// The key's hash.
    pub hash: i64,
    /// The key.
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// The table behind a dict: index slots and an insertion-ordered entry
/// array (with holes where entries were deleted). Never runs Python code.
pub struct DictTable {
    indices: Vec<i32>,
    entries: Vec<Option<Entry>>,
    used: usize,
    /// Changes on every mutation (for lookups that ran Python code, for
    /// iterators that must notice a size change, and for the eval loop's
    /// global-name caches). Versions are unique across all tables of the
    /// interpreter, so a version also identifies the table.
    version: u64,
}

thread_local! {
    /// The last dict version handed out (see [`DictTable::version`]); per
    /// thread like the rest of the interpreter state until the GIL exists.
    static LAST_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A dict version never handed out before.
#[inline]
fn fresh_version() -> u64 {
    LAST_VERSION.with(|last| {
        let v = last.get() + 1;
        last.set(v);
        v
    })
}

/// How many entries an index table of `size` slots holds before it is
/// rebuilt larger (two thirds of it, as `push_new` checks).
fn usable_entries(size: usize) -> usize {
    size.saturating_mul(2) / 3
}

impl Default for DictTable {
    fn default() -> Self {
        Self::new()
    }
}

/// [`simple_eq`] of a stored key and the key looked up, with the
/// commonest answers decided inline: the same object or equal inline ints
/// (what a hit on an int key or an interned str key is), then two exact
/// strings compared by bytes (a str key made at run time, like a word
/// from `str.split()`; a subclass may override `__eq__`). Everything else
/// goes to the general [`simple_eq`]; the answers are the same as its own.
#[inline(always)]
pub(crate) fn keys_match(stored: &Value, key: &Value) -> Option<bool> {
    if let (Some(x), Some(y)) = (stored.as_object(), key.as_object()) {
        if x.is(y) {
            return Some(true);
        }
        if let (Some(s), Some(t)) = (Str::exact(x), Str::exact(y)) {
            return Some(s.as_bytes() == t.as_bytes());
        }
    } else if let (Some(i), Some(j)) = (stored.as_i64(), key.as_i64()) {
        return Some(i == j);
    }
    simple_eq(stored, key)
}

/// The hash of a key when no Python code can make it and no table needs
/// to be looked at: an inline `int` (its numeric hash) or an exact `str`
/// (its cached hash; a subclass may define `__hash__`). `None` for any
/// other key, which the caller hashes through `Vm::hash`. Needs no `Vm`
/// (see [`Str::exact`]), so the set and dict fast paths stay inline.
#[inline(always)]
pub(crate) fn simple_hash(key: &Value) -> Option<i64> {
    if let Some(i) = key.as_i64() {
        return Some(crate::hash::hash_i64(i));
    }
    Some(Str::exact(key.as_object()?)?.hash())
}

/// Whether stored key `k` is a str with the text of `name`, for the
/// name lookups of type dicts, globals and namespaces: the same object
/// first (names are interned, so a hit usually is), then the bytes.
#[inline(always)]
fn key_is_text(k: &Value, name: &Str) -> bool {
    k.as_object()
        .and_then(|o| o.downcast::<Str>())
        .is_some_and(|s| std::ptr::eq::<Str>(&**s, name) || s.as_bytes() == name.as_bytes())
}

/// Equality of two keys that needs no Python code: identity, inline
/// numbers, exact strings. `None` when Python must decide.
#[inline]
pub fn simple_eq(a: &Value, b: &Value) -> Option<bool> {
    use crate::value::Unpacked as U;
    if a.same_bits(b) {
        return Some(true);
    }
    match (a.unpack(), b.unpack()) {
        // The commonest keys first.
        (U::Int(i), U::Int(j)) => Some(i == j),
        (U::Object(x), U::Object(y)) => {
            if x.is(y) {
                return Some(true);
            }
            match (Str::exact(x), Str::exact(y)) {
                (Some(s), Some(t)) => Some(s.as_bytes() == t.as_bytes()),
                _ => None,
            }
        }
        (U::Object(_), _) | (_, U::Object(_)) => None,
        (U::None, U::None) => Some(true),
        (U::None, _) | (_, U::None) => Some(false),
        (x, y) => {
            if crate::protocol::number::is_same(a, b) {
                // Identity first, as `PyObject_RichCompareBool` (a NaN is its own key).
                return Some(true);
            }
            let exact = |u: &U<'_>| match *u {
                U::Bool(b) => Some(i64::from(b)),
                U::Int(i) => Some(i),
                _ => None,
            };
            let float = |u: &U<'_>| match *u {
                U::Float(f) => Some(f),
                _ => None,
            };
            Some(match (exact(&x), exact(&y), float(&x), float(&y)) {
                (Some(i), Some(j), ..) => i == j,
                (Some(i), _, _, Some(f)) | (_, Some(i), Some(f), _) => int_equals_float(i, f),
                (_, _, Some(f), Some(g)) => f == g,
                _ => false,
            })
        }
    }
}

/// Whether an int equals a float exactly (no rounding of the int, as
/// `i as f64` would do past 2**53).
fn int_equals_float(i: i64, f: f64) -> bool {
    // 2**63 as a float: the floats in range are those in [-2**63, 2**63).
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    f.fract() == 0.0 && (-LIMIT..LIMIT).contains(&f) && f as i64 == i
}

impl DictTable {
    /// An empty table.
    pub fn new() -> DictTable {
        DictTable {
            indices: vec![EMPTY; 8],
            entries: Vec::new(),
            used: 0,
            version: fresh_version(),
        }
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The table's current version: unique to this table and this state of
    /// it (every mutation takes a fresh one).
    pub fn version(&self) -> u64 {
        self.version
    }

    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    /// Finds the entry for `hash` whose key satisfies `eq` (Python-free).
    fn find(&self, hash: i64, mut eq: impl FnMut(&Value) -> bool) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if ix >= 0
                && let Some(e) = &self.entries[ix as usize]
                && e.hash == hash
                && eq(&e.key)
            {
                return Some(ix as usize);
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// CPython's probe sequence for `key` from `cursor`, inside one borrow
    /// of the table: keys compare by identity, inline number or exact
    /// `str` here; the scan stops at the first key that needs Python.
    ///
    /// Inlined into its callers: a hit is usually one probe, where a call's
    /// prologue and the cursor kept in memory would cost as much as the
    /// probe itself.
    #[inline(always)]
    fn scan(&self, key: &Value, hash: i64, cursor: &mut DictProbe) -> DictScan {
        let mask = self.mask();
        loop {
            let i = cursor.slot & mask;
            // `i` is masked by `len - 1`, so in range; `get` keeps it safe
            // (an out-of-range slot, impossible, would read as empty).
            let ix = self.indices.get(i).copied().unwrap_or(EMPTY);
            if ix == EMPTY {
                return DictScan::Absent;
            }
            cursor.perturb >>= PERTURB_SHIFT;
            cursor.slot = i
                .wrapping_mul(5)
                .wrapping_add(cursor.perturb as usize)
                .wrapping_add(1)
                & mask;
            if ix >= 0
                && let Some(Some(e)) = self.entries.get(ix as usize)
                && e.hash == hash
            {
                match keys_match(&e.key, key) {
                    Some(true) => return DictScan::Found(ix as usize),
                    Some(false) => {}
                    None => return DictScan::Compare(ix as usize, e.key.clone()),
                }
            }
        }
    }

    /// Looks a `str` key up (type dicts, globals).
    pub fn get_str(&self, name: &Str) -> Option<Value> {
        let hash = name.hash();
        let ix = self.find(hash, |k| key_is_text(k, name))?;
        self.entries[ix].as_ref().map(|e| e.value.clone())
    }

    /// The entry at index `ix`, if it still exists.
    pub fn entry(&self, ix: usize) -> Option<&Entry> {
        self.entries.get(ix).and_then(Option::as_ref)
    }

    /// Replaces the value of entry `ix`, returning the old one.
    pub fn replace_value(&mut self, ix: usize, value: Value) -> Option<Value> {
        let e = self.entries.get_mut(ix)?.as_mut()?;
        self.version = fresh_version();
        Some(std::mem::replace(&mut e.value, value))
    }

    /// Appends a new entry (the key must not be present).
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        if (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.rebuild((self.used + 1) * 3);
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] >= 0 {
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.indices[i] = self.entries.len() as i32;
        if self.entries.len() == self.entries.capacity() {
            // Room for exactly as many entries as the index table admits
            // before it is rebuilt (CPython's USABLE_FRACTION), instead of
            // doubling past it.
            let usable = usable_entries(self.indices.len());
            self.entries
                .reserve_exact(usable.saturating_sub(self.entries.len()).max(1));
        }
        self.entries.push(Some(Entry { hash, key, value }));
        self.used += 1;
        self.version = fresh_version();
    }

    /// Removes entry `ix`, returning it.
    pub fn remove_entry(&mut self, ix: usize) -> Option<Entry> {
        let entry = self.entries.get_mut(ix)?.take()?;
        let mask = self.mask();
        let mut perturb = entry.hash as u64;
        let mut i = (entry.hash as u64 as usize) & mask;
        loop {
            if self.indices[i] == ix as i32 {
                self.indices[i] = DUMMY;
                break;
            }
            if self.indices[i] == EMPTY {
                break;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.used -= 1;
        self.version = fresh_version();
        Some(entry)
    }

    fn rebuild(&mut self, min_size: usize) {
        let mut size = 8;
        while size < min_size {
            size *= 2;
        }
        let entries: Vec<Option<Entry>> = std::mem::take(&mut self.entries)
            .into_iter()
            .filter(Option::is_some)
            .collect();
        self.indices = vec![EMPTY; size];
        self.entries = Vec::with_capacity(usable_entries(size).max(entries.len()));
        self.used = 0;
        for e in entries.into_iter().flatten() {
            self.push_new(e.hash, e.key, e.value);
        }
    }

    /// Inserts or replaces a `str` key (no Python code involved).
    pub fn insert_str(&mut self, key: Ref<Str>, value: Value) -> Option<Value> {
        let hash = key.hash();
        let found = self.find(hash, |k| key_is_text(k, &key));
        match found {
            Some(ix) => self.replace_value(ix, value),
            None => {
                self.push_new(hash, Value::from_object(key.into_obj()), value);
                None
            }
        }
    }

    /// Removes a `str` key.
    pub fn remove_str(&mut self, key: &Str) -> Option<Value> {
        let hash = key.hash();
        let ix = self.find(hash, |k| key_is_text(k, key))?;
        self.remove_entry(ix).map(|e| e.value)
    }

    /// The live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    /// The entry at or after position `pos` (for iterators): its position and entry.
    pub fn next_from(&self, pos: usize) -> Option<(usize, &Entry)> {
        self.entries[pos.min(self.entries.len())..]
            .iter()
            .enumerate()
            .find_map(|(i, e)| e.as_ref().map(|e| (pos + i, e)))
    }

    /// One past the last entry index (holes included), where a reverse
    /// iteration starts.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }

    /// The last live entry before position `pos` (for reverse iterators).
    pub fn prev_before(&self, pos: usize) -> Option<(usize, &Entry)> {
        self.entries[..pos.min(self.entries.len())]
            .iter()
            .enumerate()
            .rev()
            .find_map(|(i, e)| e.as_ref().map(|e| (i, e)))
    }

    /// Removes everything.
    pub fn clear(&mut self) -> Vec<Entry> {
        let old = std::mem::take(&mut self.entries);
        self.indices = vec![EMPTY; 8];
        self.used = 0;
        self.version = fresh_version();
        old.into_iter().flatten().collect()
    }
}

/// Where a dict probe sequence stands, so that a scan left to run a
/// Python `__eq__` resumes where it stopped.
struct DictProbe {
    /// The index slot to look at next.
    slot: usize,
    perturb: u64,
}

impl DictProbe {
    fn new(hash: i64) -> DictProbe {
        DictProbe {
            slot: hash as u64 as usize,
            perturb: hash as u64,
        }
    }
}

/// What a scan of a dict's table stopped at.
enum DictScan {
    /// The key is entry `.0`.
    Found(usize),
    /// The key is absent.
    Absent,
    /// Entry `.0` has a key with the same hash, `.1`, that only Python's
    /// `__eq__` can compare.
    Compare(usize, Value),
}

/// The payload of a `dict`.
#[derive(Default)]
pub struct Dict {
    /// The table.
    pub table: PyCell<DictTable>,
}

impl Dict {
    /// Finds the entry index of `key` (whose hash is `hash`): the table is
    /// scanned inside one borrow, left only to run `__eq__`, and the lookup
    /// restarts if that changed the table.
    fn lookup(vm: &mut Vm, dict: &Ref<Dict>, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let mut cursor = DictProbe::new(hash);
            let (mut scan, version) = dict
                .table
                .with(|t| (t.scan(key, hash, &mut cursor), t.version()));
            loop {
                let (ix, candidate) = match scan {
                    DictScan::Found(ix) => return Ok(Some(ix)),
                    DictScan::Absent => return Ok(None),
                    DictScan::Compare(ix, candidate) => (ix, candidate),
                };
                let equal = vm.eq(&candidate, key)?;
                drop(candidate);
                let resumed = dict.table.with(|t| {
                    if t.version() != version {
                        None
                    } else if equal {
                        Some(DictScan::Found(ix))
                    } else {
                        Some(t.scan(key, hash, &mut cursor))
                    }
                });
                match resumed {
                    Some(next) => scan = next,
                    None => continue 'restart,
                }
            }
        }
    }

    /// `d[key]` when no Python code is needed: the key's `hash` was made
    /// natively and every key met on the probe compares natively.
    /// `Some(None)` when absent; `None` when Python's `__eq__` must decide.
    /// Also `None` if the table is borrowed (never the case between
    /// bytecodes; the general path then takes over).
    #[inline]
    pub(crate) fn get_simple(&self, key: &Value, hash: i64) -> Option<Option<Value>> {
        // One guard, not a closure: `PyCell::with` stays out of line.
        let table = self.table.try_lock()?;
        match table.scan(key, hash, &mut DictProbe::new(hash)) {
            DictScan::Found(ix) => Some(table.entry(ix).map(|e| e.value.clone())),
            DictScan::Absent => Some(None),
            DictScan::Compare(_, candidate) => {
                drop(table);
                drop(candidate);
                None
            }
        }
    }

    /// Whether `key` (hash `hash`) is a key, when no Python code is needed
    /// (as [`get_simple`](Self::get_simple), without taking the value).
    #[inline]
    pub(crate) fn contains_simple(&self, key: &Value, hash: i64) -> Option<bool> {
        let table = self.table.try_lock()?;
        match table.scan(key, hash, &mut DictProbe::new(hash)) {
            DictScan::Found(_) => Some(true),
            DictScan::Absent => Some(false),
            DictScan::Compare(_, candidate) => {
                drop(table);
                drop(candidate);
                None
            }
        }
    }

    /// `d[key] = value` when no Python code is needed (as
    /// [`get_simple`](Self::get_simple)); gives `key` and `value` back
    /// otherwise. Returns the replaced value, to be dropped by the caller
    /// outside the table (a `__del__` may use the dict).
    #[inline]
    pub(crate) fn set_simple(
        &self,
        key: Value,
        hash: i64,
        value: Value,
    ) -> Result<Option<Value>, (Value, Value)> {
        // One guard, not a closure (as in `get_simple`); a borrowed table
        // gives the pair back for the general path.
        let Some(mut table) = self.table.try_lock() else {
            return Err((key, value));
        };
        match table.scan(&key, hash, &mut DictProbe::new(hash)) {
            DictScan::Found(ix) => {
                let old = table.replace_value(ix, value);
                // The dict keeps its own key; ours is dropped outside.
                drop(table);
                drop(key);
                Ok(old)
            }
            DictScan::Absent => {
                table.push_new(hash, key, value);
                Ok(None)
            }
            DictScan::Compare(_, candidate) => {
                drop(table);
                drop(candidate);
                Err((key, value))
            }
        }
    }

    /// The hash of a key, with CPython's message for unhashable ones.
    fn key_hash(vm: &mut Vm, key: &Value) -> PyResult<i64> {
        vm.hash(key)
            .map_err(|e| crate::builtins::set::unhashable(vm, key, e, "a dict key"))
    }

    /// `d[key]`, or `None` if missing.
    pub fn get_item(vm: &mut Vm, dict: &Ref<Dict>, key: &Value) -> PyResult<Option<Value>> {
        let hash = Dict::key_hash(vm, key)?;
        // One borrow when no key needs Python's `__eq__`.
        if let Some(found) = dict.get_simple(key, hash) {
            return Ok(found);
        }
        let Some(ix) = Dict::lookup(vm, dict, key, hash)? else {
            return Ok(None);
        };
        Ok(dict.table.with(|t| t.entry(ix).map(|e| e.value.clone())))
    }

    /// `d[key] = value`.
    pub fn set_item(vm: &mut Vm, dict: &Ref<Dict>, key: Value, value: Value) -> PyResult<()> {
        let hash = Dict::key_hash(vm, &key)?;
        // One borrow when no key needs Python's `__eq__`.
        let (key, value) = match dict.set_simple(key, hash, value) {
            Ok(replaced) => {
                drop(replaced);
                return Ok(());
            }
            Err(pair) => pair,
        };
        let old = match Dict::lookup(vm, dict, &key, hash)? {
            Some(ix) => dict.table.with(|t| t.replace_value(ix, value)),
            None => {
                dict.table.with(|t| t.push_new(hash, key, value));
                None
            }
        };
        drop(old);
        Ok(())
    }

    /// `del d[key]`: the removed value, or `None` if missing.
    pub fn del_item(vm: &mut Vm, dict: &Ref<Dict>, key: &Value) -> PyResult<Option<Value>> {
        let hash = Dict::key_hash(vm, key)?;
        let Some(ix) = Dict::lookup(vm, dict, key, hash)? else {
            return Ok(None);
        };
        let entry = dict.table.with(|t| t.remove_entry(ix));
        Ok(entry.map(|e| e.value))
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.table.with(|t| t.len())
    }

    /// Whether the dict is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A snapshot of the items.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table
            .with(|t| t.iter().map(|e| (e.key.clone(), e.value.clone())).collect())
    }
}

impl Vm {
    /// A new empty dict.
    pub fn new_dict_ref(&mut self) -> PyResult<Ref<Dict>> {
        self.alloc(&self.types.dict.clone(), Dict::default())
    }

    /// A new empty dict value.
    pub fn new_dict(&mut self) -> PyResult<Value> {
        Ok(Value::from_object(self.new_dict_ref()?.into_obj()))
    }
}

fn this<'a>(vm: &mut Vm, v: &'a Value) -> PyResult<&'a Ref<Dict>> {
    match v.as_object().and_then(|o| o.downcast::<Dict>()) {
        Some(d) => Ok(d),
        None => Err(vm.type_error("descriptor requires a 'dict' object".into())),
    }
}

fn dict_repr(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let d = this(vm, v)?.clone();
    if !vm.repr_enter(v) {
        return vm.new_str("{...}");
    }
    let result = (|| {
        let mut out = String::from("{");
        for (i, (k, val)) in d.items().iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr_string(k)?);
            out.push_str(": ");
            out.push_str(&vm.repr_string(val)?);
        }
        out.push('}');
        Ok(out)
    })();
    vm.repr_leave(v);
    let out = result?;
    vm.new_str(&out)
}

/// Installs `dict`'s slots.
pub fn init_type(t: &TypeObject) {
    t.slots.repr.set(Some(dict_repr));
    t.slots.len.set(Some(|vm, v| Ok(this(vm, v)?.len())));
    t.slots.bool.set(Some(|vm, v| Ok(!this(vm, v)?.is_empty())));
    t.slots.getitem.set(Some(|vm, v, key| {
        let d = this(vm, v)?.clone();
        match Dict::get_item(vm, &d, key)? {
            Some(value) => Ok(value),
            None => {
                if !v
                    .as_object()
                    .is_some_and(|o| o.class().same(&vm.types.dict))
                    && let Some(missing) = vm.lookup_special(v, "__missing__")
                {
                    return vm.call(&missing, std::slice::from_ref(key), None);
                }
                Err(vm.key_error(key.clone()))
            }
        }
    }));
    t.slots.setitem.set(Some(|vm, v, key, value| {
        let d = this(vm, v)?.clone();
        match value {
            Some(value) => Dict::set_item(vm, &d, key.clone(), value),
            None => match Dict::del_item(vm, &d, key)? {
                Some(_) => Ok(()),
                None => Err(vm.key_error(key.clone())),
            },
        }
    }));
    t.slots.contains.set(Some(|vm, v, key| {
        let d = this(vm, v)?.clone();
        Ok(Dict::get_item(vm, &d, key)?.is_some())
    }));
    t.slots.iter.set(Some(|vm, v| {
        let d = this(vm, v)?.clone();
        crate::builtins::iterators::new_dict_iter(
            vm,
            d,
            crate::builtins::iterators::DictIterKind::Keys,
        )
    }));
    t.slots.richcompare.set(Some(|vm, a, b, op| {
        use crate::types::slots::CompareOp;
        let (Some(x), Some(y)) = (
            a.as_object().and_then(|o| o.downcast::<Dict>()).cloned(),
            b.as_object().and_then(|o| o.downcast::<Dict>()).cloned(),
        ) else {
            return Ok(vm.not_implemented());
        };
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(vm.not_implemented());
        }
        let mut equal = x.len() == y.len();
        if equal {
            for (k, v) in x.items() {
                match Dict::get_item(vm, &y, &k)? {
                    Some(w) if vm.eq(&v, &w)? => {}
                    _ => {
                        equal = false;
                        break;
                    }
                }
            }
        }
        Ok(Value::from_bool(equal == (op == CompareOp::Eq)))
    }));
    t.slots.number.set(Some(|vm, a, b, op| {
        use crate::types::slots::BinOp;
        let is_dict = |v: &Value| {
            v.as_object()
                .is_some_and(|o| o.downcast::<Dict>().is_some())
        };
        if op != BinOp::Or || !is_dict(a) || !is_dict(b) {
            return Ok(vm.not_implemented());
        }
        let (Some(x), Some(y)) = (
            a.as_object().and_then(|o| o.downcast::<Dict>()).cloned(),
            b.as_object().and_then(|o| o.downcast::<Dict>()).cloned(),
        ) else {
            return Ok(vm.not_implemented());
        };
        let new = copy_of(vm, &x)?;
        update_from(vm, &new, &Value::from_object(y.as_obj().clone()))?;
        Ok(Value::from_object(new.into_obj()))
    }));
    t.slots.inplace.set(Some(|vm, a, b, op| {
        use crate::types::slots::BinOp;
        if op != BinOp::Or {
            return Ok(vm.not_implemented());
        }
        let d = this(vm, a)?.clone();
        update_from(vm, &d, b)?;
        Ok(a.clone())
    }));
    t.slots.new.set(Some(|vm, _cls, _args, _kw| vm.new_dict()));
    t.slots.init.set(Some(|vm, this_value, args, kwnames| {
        let d = this(vm, this_value)?.clone();
        let nkw = kwnames.map_or(0, |k| k.items().len());
        let npos = args.len() - nkw;
        if npos > 1 {
            return Err(vm.type_error(format!("dict expected at most 1 argument, got {npos}")));
        }
        if npos == 1 {
            update_from(vm, &d, &args[0])?;
        }
        if let Some(names) = kwnames {
            for (i, k) in names.items().iter().enumerate() {
                Dict::set_item(vm, &d, k.clone(), args[npos + i].clone())?;
            }
        }
        Ok(())
    }));
}

/// A new dict with `d`'s items in order.
pub fn copy_of(vm: &mut Vm, d: &Ref<Dict>) -> PyResult<Ref<Dict>> {
    let new = vm.new_dict_ref()?;
    let entries: Vec<Entry> = d.table.with(|t| t.iter().cloned().collect());
    new.table.with(|t| {
        for e in entries {
            t.push_new(e.hash, e.key, e.value);
        }
    });
    Ok(new)
}

/// `dict.update(other)` for a mapping or an iterable of pairs.
pub fn update_from(vm: &mut Vm, d: &Ref<Dict>, other: &Value) -> PyResult<()> {
    if let Some(src) = other.as_object().and_then(|o| o.downcast::<Dict>()) {
        for (k, v) in src.items() {
            Dict::set_item(vm, d, k, v)?;
        }
        return Ok(());
    }
    if vm.has_attr_str(other, "keys")? {
        let keys_method = vm.get_attr_str(other, "keys")?;
        let keys = vm.call(&keys_method, &[], None)?;
        for k in vm.collect_iterable(&keys)? {
            let v = vm.get_item(other, &k)?;
            Dict::set_item(vm, d, k, v)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let t = vm.type_of(&item);
        if crate::builtins::tuple::seq_items(&item).is_none()
            && t.slots.iter.get().is_none()
            && t.slots.getitem.get().is_none()
        {
            return Err(vm.type_error("object is not iterable".into()));
        }
        let pair = vm.collect_iterable(&item)?;
        if pair.len() != 2 {
            return Err(vm.value_error(&format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut pair = pair.into_iter();
        if let (Some(k), Some(v)) = (pair.next(), pair.next()) {
            Dict::set_item(vm, d, k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn dict_of<'a>(vm: &mut Vm, args: &'a Args) -> PyResult<&'a Ref<Dict>> {
    this(vm, args.this())
}

/// `dict.get(this, key, default)` answered inline by the eval loop's
/// native call (see [`Intrinsic::DictGet`]): an exact dict and a key whose
/// hash and comparisons need no Python code (see [`simple_hash`] and
/// [`Dict::get_simple`]). `None` (nothing done) for every other call,
/// which runs the body.
#[inline]
pub(crate) fn get_intrinsic(vm: &Vm, this: &Value, key: &Value, default: &Value) -> Option<Value> {
    let object = this.as_object()?;
    if !object.class().same(&vm.types.dict) {
        return None;
    }
    let found = object
        .downcast::<Dict>()?
        .get_simple(key, simple_hash(key)?)?;
    Some(found.unwrap_or_else(|| default.clone()))
}

/// `dict`'s methods.
pub const METHODS: &[MethodDef] = &[
    method("get", "(self, key, default=None, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        Ok(Dict::get_item(vm, d, args.required(1))?
            .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::NONE)))
    })
    .with_intrinsic(Intrinsic::DictGet),
    method("keys", "(self, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        crate::builtins::iterators::new_dict_view(
            vm,
            d.clone(),
            crate::builtins::iterators::DictIterKind::Keys,
        )
    }),
    method("values", "(self, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        crate::builtins::iterators::new_dict_view(
            vm,
            d.clone(),
            crate::builtins::iterators::DictIterKind::Values,
        )
    }),
    method("items", "(self, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        crate::builtins::iterators::new_dict_view(
            vm,
            d.clone(),
            crate::builtins::iterators::DictIterKind::Items,
        )
    }),
    method("pop", "(self, key, default=None, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        match Dict::del_item(vm, d, args.required(1))? {
            Some(v) => Ok(v),
            None => match args.get(2) {
                Some(default) => Ok(default.clone()),
                None => Err(vm.key_error(args.required(1).clone())),
            },
        }
    }),
    method("setdefault", "(self, key, default=None, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        if let Some(v) = Dict::get_item(vm, d, args.required(1))? {
            return Ok(v);
        }
        let default = args.get(2).cloned().unwrap_or(Value::NONE);
        Dict::set_item(vm, d, args.required(1).clone(), default.clone())?;
        Ok(default)
    }),
    method("update", "(self, other=None, /, **kwargs)", |vm, args| {
        let d = dict_of(vm, args)?;
        if let Some(other) = args.get(1) {
            update_from(vm, d, other)?;
        }
        if let Some(kw) = args.kwargs() {
            update_from(vm, d, kw)?;
        }
        Ok(Value::NONE)
    }),
    method("copy", "(self, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        Ok(Value::from_object(copy_of(vm, d)?.into_obj()))
    }),
    classmethod("fromkeys", "(cls, iterable, value=None, /)", |vm, args| {
        let cls = args.this().clone();
        let value = args.get(2).cloned().unwrap_or(Value::NONE);
        let new = vm.call(&cls, &[], None)?;
        let keys = vm.collect_iterable(args.required(1))?;
        match new.as_object().and_then(|o| o.downcast::<Dict>()).cloned() {
            Some(d)
                if new
                    .as_object()
                    .is_some_and(|o| o.class().same(&vm.types.dict)) =>
            {
                for k in keys {
                    Dict::set_item(vm, &d, k, value.clone())?;
                }
            }
            _ => {
                for k in keys {
                    vm.set_item(&new, &k, Some(value.clone()))?;
                }
            }
        }
        Ok(new)
    }),
    method("__reversed__", "(self, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        crate::builtins::iterators::new_dict_reverse_iter(
            vm,
            d.clone(),
            crate::builtins::iterators::DictIterKind::Keys,
        )
    }),
    method("__contains__", "(self, key, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        Ok(Value::from_bool(
            Dict::get_item(vm, d, args.required(1))?.is_some(),
        ))
    }),
    method("clear", "(self, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        let old = d.table.with(|t| t.clear());
        drop(old);
        Ok(Value::NONE)
    }),
    method("popitem", "(self, /)", |vm, args| {
        let d = dict_of(vm, args)?;
        let last = d.table.with(|t| {
            let ix = t.entries.iter().rposition(Option::is_some)?;
            t.remove_entry(ix)
        });
        match last {
            Some(e) => vm.new_tuple2(e.key, e.value),
            None => Err(vm.key_error_msg("popitem(): dictionary is empty")),
        }
    }),
];

#[cfg(test)]
mod tests {
    use super::{keys_match, simple_eq};
    use crate::value::Value;

    /// The inline key comparison answers as the general one does, for
    /// the inline kinds (int, bool, float, None; equal numbers of
    /// different types, NaN by identity only).
    #[test]
    fn keys_match_agrees_with_simple_eq() {
        // An interpreter registers the classes `i64::MAX` is boxed in.
        let _vm = crate::runtime::Vm::new().expect("interpreter");
        let nan = f64::NAN;
        let values = [
            Value::from_i64(1),
            Value::from_i64(-1),
            Value::from_i64(-2),
            Value::from_bool(true),
            Value::from_bool(false),
            Value::from_f64(1.0),
            Value::from_f64(0.0),
            Value::from_f64(nan),
            Value::from_f64(9_223_372_036_854_775_808.0),
            Value::from_i64(i64::MAX),
            Value::NONE,
        ];
        for a in &values {
            for b in &values {
                assert_eq!(keys_match(a, b), simple_eq(a, b));
            }
        }
        assert_eq!(
            keys_match(&Value::from_i64(1), &Value::from_bool(true)),
            Some(true)
        );
    }
}
