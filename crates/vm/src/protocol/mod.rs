//! The abstract object protocols (CPython's `Objects/abstract.c` and
//! `object.c`): calling, attributes, repr/str, hashing, comparison, truth,
//! iteration, numbers and subscripts — each a dispatch through the type's
//! slot, with CPython's fallbacks and error messages. The number protocol
//! (operators, `operator.index`, `int()`/`float()` conversions, identity)
//! is in [`number`].

pub mod number;

use crate::builtins::exceptions::ExcKind;
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::types::TypeRef;
use crate::types::slots::CompareOp;
use crate::value::{Unpacked, Value};

impl Vm {
    /// `callable(*args)`; the last `kwnames.len()` args are keyword values.
    pub fn call(
        &mut self,
        callable: &Value,
        args: &[Value],
        kwnames: Option<&Ref<Tuple>>,
    ) -> PyResult<Value> {
        let call = self.type_of(callable).slots.call.get();
        match call {
            Some(f) => f(self, callable, args, kwnames),
            None => {
                let tn = self.type_name(callable);
                Err(self.type_error(format!("'{tn}' object is not callable")))
            }
        }
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: &Value, name: &Ref<Str>) -> PyResult<Value> {
        let get = self.type_of(obj).slots.getattro.get();
        match get {
            Some(f) => f(self, obj, name),
            None => crate::builtins::object::generic_getattr(self, obj, name),
        }
    }

    /// `getattr(obj, name)` by Rust text.
    pub fn get_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name)?;
        self.get_attr(obj, &n)
    }

    /// `getattr(obj, name)` returning `None` on `AttributeError`.
    pub fn get_attr_opt(&mut self, obj: &Value, name: &Ref<Str>) -> PyResult<Option<Value>> {
        match self.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.exc_matches(&e, ExcKind::AttributeError) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `hasattr(obj, name)`.
    pub fn has_attr_str(&mut self, obj: &Value, name: &str) -> PyResult<bool> {
        let n = self.intern(name)?;
        Ok(self.get_attr_opt(obj, &n)?.is_some())
    }

    /// `setattr`/`delattr`.
    pub fn set_attr(&mut self, obj: &Value, name: &Ref<Str>, value: Option<Value>) -> PyResult<()> {
        let set = self.type_of(obj).slots.setattro.get();
        match set {
            Some(f) => f(self, obj, name, value),
            None => crate::builtins::object::generic_setattr(self, obj, name, value),
        }
    }

    /// A special method looked up on the class (not the instance), bound.
    pub fn lookup_special(&mut self, obj: &Value, name: &str) -> Option<Value> {
        let class = self.type_of(obj).clone();
        let f = class.lookup(name)?;
        self.bind(&f, obj, &class).ok()
    }

    /// Binds a class attribute to an instance through `__get__`.
    pub fn bind(&mut self, attr: &Value, obj: &Value, class: &TypeRef) -> PyResult<Value> {
        match self.type_of(attr).slots.descr_get.get() {
            Some(get) => get(self, attr, Some(obj), class),
            None => Ok(attr.clone()),
        }
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<Value> {
        let f = self
            .type_of(v)
            .slots
            .repr
            .get()
            .unwrap_or(crate::builtins::object::object_repr);
        self.enter_native_while(" while getting the repr of an object")?;
        let r = f(self, v);
        self.leave_native();
        let r = r?;
        if self.as_str(&r).is_none() {
            let tn = self.type_name(&r);
            return Err(self.type_error(format!("__repr__ returned non-string (type {tn})")));
        }
        Ok(r)
    }

    /// `repr(v)` as Rust text.
    pub fn repr_string(&mut self, v: &Value) -> PyResult<String> {
        match v.unpack() {
            Unpacked::Int(i) => return Ok(i.to_string()),
            Unpacked::None => return Ok("None".into()),
            _ => {}
        }
        let r = self.repr(v)?;
        Ok(self
            .as_str(&r)
            .map(|s| s.as_lossy().into_owned())
            .unwrap_or_default())
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult<Value> {
        if self.as_str(v).is_some() && self.type_of(v).same(&self.types.str) {
            return Ok(v.clone());
        }
        let f = self
            .type_of(v)
            .slots
            .str
            .get()
            .or(self.type_of(v).slots.repr.get())
            .unwrap_or(crate::builtins::object::object_repr);
        self.enter_native()?;
        let r = f(self, v);
        self.leave_native();
        let r = r?;
        if self.as_str(&r).is_none() {
            let tn = self.type_name(&r);
            return Err(self.type_error(format!("__str__ returned non-string (type {tn})")));
        }
        Ok(r)
    }

    /// `str(v)` as Rust text.
    pub fn str_string(&mut self, v: &Value) -> PyResult<String> {
        let r = self.str(v)?;
        Ok(self
            .as_str(&r)
            .map(|s| s.as_lossy().into_owned())
            .unwrap_or_default())
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v.unpack() {
            Unpacked::Int(i) => return Ok(crate::hash::hash_i64(i)),
            Unpacked::Object(o) => {
                // An exact `str` (a subclass may define its own `__hash__`).
                if o.class().same(&self.types.str)
                    && let Some(s) = o.downcast::<Str>()
                {
                    return Ok(s.hash());
                }
            }
            _ => {}
        }
        match self.type_of(v).slots.hash.get() {
            Some(f) => f(self, v),
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("unhashable type: '{tn}'")))
            }
        }
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if number::is_same(a, b) {
            return Ok(true);
        }
        if let Some(r) = crate::builtins::dict::simple_eq(a, b)
            && (r || (a.as_object().is_none() && b.as_object().is_none()))
        {
            return Ok(r);
        }
        let r = self.rich_compare(a, b, CompareOp::Eq)?;
        self.is_true(&r)
    }

    /// `a < b` as a bool.
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
            return Ok(x < y);
        }
        let r = self.rich_compare(a, b, CompareOp::Lt)?;
        self.is_true(&r)
    }

    /// A rich comparison with CPython's reflected-operand rules.
    pub fn rich_compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        // Inline ints only: boxed ones compare through int's slot.
        if let (Some(x), Some(y)) = (a.as_inline_int(), b.as_inline_int()) {
            return Ok(Value::from_bool(op.test(x.cmp(&y))));
        }
        if let Some(ordering) = self.exact_str_ordering(a, b) {
            return Ok(Value::from_bool(op.test(ordering)));
        }
        self.enter_native()?;
        let r = self.rich_compare_inner(a, b, op);
        self.leave_native();
        r
    }

    fn rich_compare_inner(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        // Slots and order settled before any call: no class reference is
        // held (nor counted) across them.
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let fa = ta.slots.richcompare.get();
        // The right operand is asked even when of the same class (after the
        // left); first when its class is a proper subclass of the left's.
        let fb = tb.slots.richcompare.get();
        let reflected_first = fb.is_some() && !ta.same(tb) && tb.is_subtype(ta);
        if reflected_first && let Some(g) = fb {
            let r = g(self, b, a, op.swapped())?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(f) = fa {
            let r = f(self, a, b, op)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !reflected_first && let Some(g) = fb {
            let r = g(self, b, a, op.swapped())?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let same = number::is_same(a, b);
        match op {
            CompareOp::Eq => Ok(Value::from_bool(same)),
            CompareOp::Ne => Ok(Value::from_bool(!same)),
            _ => {
                let (na, nb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{na}' and '{nb}'",
                    op.symbol(),
                )))
            }
        }
    }

    /// Truth value.
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v.unpack() {
            Unpacked::Bool(b) => return Ok(b),
            Unpacked::None => return Ok(false),
            Unpacked::Int(i) => return Ok(i != 0),
            Unpacked::Float(f) => return Ok(f != 0.0),
            Unpacked::Object(_) => {}
        }
        let t = self.type_of(v);
        if let Some(f) = t.slots.bool.get() {
            return f(self, v);
        }
        if let Some(f) = t.slots.len.get() {
            return Ok(f(self, v)? > 0);
        }
        Ok(true)
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        // Exact lists and tuples (the usual `len` operands) read their
        // length here; subclasses may override `__len__`, so they take
        // the slot like every other type.
        if let Some(o) = v.as_object() {
            let class = o.class();
            if class.same(&self.types.list)
                && let Some(l) = o.downcast::<crate::builtins::list::List>()
            {
                return Ok(l.items.with(|items| items.len()));
            }
            if class.same(&self.types.tuple)
                && let Some(t) = o.downcast::<Tuple>()
            {
                return Ok(t.items().len());
            }
        }
        match self.type_of(v).slots.len.get() {
            Some(f) => f(self, v),
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("object of type '{tn}' has no len()")))
            }
        }
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let t = self.type_of(v).clone();
        if let Some(f) = t.slots.iter.get() {
            let it = f(self, v)?;
            if self.type_of(&it).slots.next.get().is_none() {
                let tn = self.type_name(&it);
                return Err(self.type_error(format!("iter() returned non-iterator of type '{tn}'")));
            }
            return Ok(it);
        }
        if t.slots.getitem.get().is_some() {
            return crate::builtins::iterators::new_getitem_iter(self, v.clone());
        }
        Err(self.type_error(format!("'{}' object is not iterable", t.name)))
    }

    /// `next(it)`: `None` when exhausted. A `tp_iternext` may also signal
    /// exhaustion by raising `StopIteration` (a generator returning a
    /// value does); consumers see both as the end, as in CPython.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        // An exact generator resumes straight away (its slot would find it
        // again by downcasting), and its return value is dropped rather
        // than raised as a `StopIteration` to swallow; held by a count of
        // its own while it runs, as the slot does.
        if let Some(g) = crate::builtins::generator::as_exact_generator(self, it) {
            let g = g.clone();
            return crate::builtins::generator::next_or_end(self, &g);
        }
        match self.type_of(it).slots.next.get() {
            Some(f) => match f(self, it) {
                Err(e) if self.exc_matches(&e, ExcKind::StopIteration) => Ok(None),
                r => r,
            },
            None => {
                let tn = self.type_name(it);
                Err(self.type_error(format!("'{tn}' object is not an iterator")))
            }
        }
    }

    /// All items of an iterable.
    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        // Exact tuples and lists are copied directly (CPython's
        // `PySequence_Fast`); subclasses may override `__iter__`.
        let class = self.type_of(v);
        if (class.same(&self.types.tuple) || class.same(&self.types.list))
            && let Some(items) = crate::builtins::tuple::seq_items(v)
        {
            return Ok(items);
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        // An exact generator, owned here: resumed without `next`'s count
        // of its own per item.
        if let Some(g) = crate::builtins::generator::as_exact_generator(self, &it) {
            while let Some(x) = crate::builtins::generator::next_or_end(self, g)? {
                out.push(x);
            }
            return Ok(out);
        }
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `v[key]`.
    pub fn get_item(&mut self, v: &Value, key: &Value) -> PyResult<Value> {
        if let Some(f) = self.type_of(v).slots.getitem.get() {
            return f(self, v, key);
        }
        if let Some(cls) = v
            .as_object()
            .and_then(|o| o.downcast::<crate::types::TypeObject>())
            .cloned()
        {
            if cls.lookup("__class_getitem__").is_some() {
                // Through attribute access, so a classmethod binds to `cls`.
                let f = self.get_attr_str(v, "__class_getitem__")?;
                return self.call(&f, std::slice::from_ref(key), None);
            }
            return Err(self.type_error(format!("type '{}' is not subscriptable", cls.name)));
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("'{tn}' object is not subscriptable")))
    }

    /// `v[key] = value` / `del v[key]`.
    pub fn set_item(&mut self, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
        if let Some(f) = self.type_of(v).slots.setitem.get() {
            return f(self, v, key, value);
        }
        let tn = self.type_name(v);
        Err(self.type_error(if value.is_some() {
            format!("'{tn}' object does not support item assignment")
        } else {
            format!("'{tn}' object does not support item deletion")
        }))
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(f) = self.type_of(container).slots.contains.get() {
            return f(self, container, item);
        }
        let t = self.type_of(container);
        if t.slots.iter.get().is_none() && t.slots.getitem.get().is_none() {
            let tn = self.type_name(container);
            return Err(self.type_error(format!(
                "argument of type '{tn}' is not a container or iterable"
            )));
        }
        let it = self.iter(container)?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `isinstance(v, class)` by MRO.
    pub fn isinstance_type(&self, v: &Value, class: &TypeRef) -> bool {
        self.type_of(v).is_subtype(class)
    }

    /// The `__name__` of the running frame's globals.
    pub fn current_globals_name(&mut self) -> Option<Value> {
        let frame = self.current_frame_ref()?;
        let globals = frame.globals.clone();
        globals.table.with(|t| t.get_str(&Str::new("__name__")))
    }
}
