//! Instances of user classes and their attributes with shared keys
//! (DESIGN.md decision 12): each class owns one append-only [`SharedKeys`]
//! (attribute name → slot index), and each instance a values array indexed
//! by it, so instances of a class share their key layout and attribute
//! access can later be cached by (class version, slot index).

use std::rc::Rc;

use crate::builtins::dict::Dict;
use crate::builtins::str::Str;
use crate::object::{PyCell, Ref};
use crate::value::Value;

/// The attribute names of a class's instances, in first-set order.
#[derive(Default)]
pub struct SharedKeys {
    names: PyCell<Vec<Ref<Str>>>,
}

impl SharedKeys {
    /// The slot of `name`, if some instance has set it.
    pub fn index_of(&self, name: &Str) -> Option<usize> {
        self.names.with(|names| {
            names
                .iter()
                .position(|n| std::ptr::eq::<Str>(&**n, name))
                .or_else(|| names.iter().position(|n| n.as_bytes() == name.as_bytes()))
        })
    }

    /// The slot of `name`, adding it if new.
    pub fn index_or_insert(&self, name: &Ref<Str>) -> usize {
        if let Some(i) = self.index_of(name) {
            return i;
        }
        self.names.with(|names| {
            names.push(name.clone());
            names.len() - 1
        })
    }

    /// The name at a slot.
    pub fn name(&self, index: usize) -> Option<Ref<Str>> {
        self.names.with(|names| names.get(index).cloned())
    }
}

/// Where an instance keeps its attributes.
#[derive(Default)]
pub enum Storage {
    /// No attribute set yet.
    #[default]
    Empty,
    /// Values indexed by the class's shared keys.
    Shared {
        /// The class's keys.
        keys: Rc<SharedKeys>,
        /// One slot per key; `None` where this instance has no value.
        values: Vec<Option<Value>>,
    },
    /// A real dict (after `__dict__` was asked for).
    Dict(Ref<Dict>),
}

/// An instance's attributes.
#[derive(Default)]
pub struct InstanceDict {
    /// The storage.
    pub storage: PyCell<Storage>,
}

impl InstanceDict {
    /// Reads an attribute without running Python code (dict mode compares
    /// `str` keys only).
    pub fn get(&self, name: &Str) -> Option<Value> {
        self.storage.with(|s| match s {
            Storage::Empty => None,
            Storage::Shared { keys, values } => {
                let i = keys.index_of(name)?;
                values.get(i).cloned().flatten()
            }
            Storage::Dict(d) => d.table.with(|t| t.get_str(name)),
        })
    }

    /// Sets an attribute; returns the old value.
    pub fn set(&self, keys: &Rc<SharedKeys>, name: &Ref<Str>, value: Value) -> Option<Value> {
        self.storage.with(|s| {
            if matches!(s, Storage::Empty) {
                *s = Storage::Shared {
                    keys: keys.clone(),
                    values: Vec::new(),
                };
            }
            match s {
                Storage::Shared { keys, values } => {
                    let i = keys.index_or_insert(name);
                    if values.len() <= i {
                        values.resize(i + 1, None);
                    }
                    values[i].replace(value)
                }
                Storage::Dict(d) => d.table.with(|t| t.insert_str(name.clone(), value)),
                Storage::Empty => None,
            }
        })
    }

    /// Deletes an attribute; returns the old value if there was one.
    pub fn delete(&self, name: &Str) -> Option<Value> {
        self.storage.with(|s| match s {
            Storage::Empty => None,
            Storage::Shared { keys, values } => {
                let i = keys.index_of(name)?;
                values.get_mut(i).and_then(Option::take)
            }
            Storage::Dict(d) => d.table.with(|t| t.remove_str(name)),
        })
    }

    /// The attributes as (name, value) pairs in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.storage.with(|s| match s {
            Storage::Empty => Vec::new(),
            Storage::Shared { keys, values } => values
                .iter()
                .enumerate()
                .filter_map(|(i, v)| {
                    let v = v.clone()?;
                    Some((Value::from_object(keys.name(i)?.into_obj()), v))
                })
                .collect(),
            Storage::Dict(d) => d.items(),
        })
    }

    /// Switches to dict mode with `dict` holding the current attributes.
    pub fn take_dict(&self, dict: Ref<Dict>) -> Ref<Dict> {
        self.storage.with(|s| {
            if let Storage::Dict(d) = s {
                return d.clone();
            }
            *s = Storage::Dict(dict.clone());
            dict
        })
    }
}

/// The payload of instances of user classes whose solid base is `object`.
#[derive(Default)]
pub struct Instance {
    /// The attributes.
    pub dict: InstanceDict,
}
