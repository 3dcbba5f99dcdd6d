//! Calling Python functions: binding arguments to the new frame's locals
//! (CPython's `initialize_locals`, with its `TypeError` messages), pushing
//! the frame, and entering the eval loop from native code.

use krait_compiler::bytecode::code_object::co_flags;

use crate::builtins::dict::Dict;
use crate::builtins::function::{Function, Method};
use crate::builtins::tuple::Tuple;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::runtime::frame::Frame;
use crate::value::Value;

fn name_list(names: &[String]) -> String {
    match names.len() {
        0 => String::new(),
        1 => format!("'{}'", names[0]),
        2 => format!("'{}' and '{}'", names[0], names[1]),
        _ => {
            let head: Vec<String> = names[..names.len() - 1]
                .iter()
                .map(|n| format!("'{n}'"))
                .collect();
            format!("{}, and '{}'", head.join(", "), names[names.len() - 1])
        }
    }
}

impl Vm {
    /// Pushes a frame for `func` called with `args` (keyword values last,
    /// named by `kwnames`). The frame is not run yet.
    pub(crate) fn push_function_frame(
        &mut self,
        func: &Ref<Function>,
        args: &[Value],
        kwnames: Option<&Ref<Tuple>>,
    ) -> PyResult<*mut Frame> {
        if self.recursion_depth >= self.recursion_limit {
            return Err(self.new_error(
                crate::builtins::exceptions::ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        if kwnames.is_none_or(|k| k.items().is_empty()) {
            if let Some(pushed) = self.push_positional_frame(func, args) {
                return pushed;
            }
            if let Some(pushed) = self.push_varargs_frame(func, args) {
                return pushed;
            }
        }
        let code = func.code.clone();
        let co = &code.code;
        let argcount = co.argcount as usize;
        let posonly = co.posonlyargcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & co_flags::VARARGS != 0;
        let has_varkw = co.flags & co_flags::VARKEYWORDS != 0;
        // Only error messages need the name: borrowed, never copied per call.
        let qualname = code.qualname.as_lossy();
        let nkw = kwnames.map_or(0, |k| k.items().len());
        let npos = args.len() - nkw;
        let total = argcount + kwonly;
        let mut locals: Vec<Option<Value>> = vec![
            None;
            code.frame_slots.min(co.nlocalsplus()).max(
                total + usize::from(has_varargs) + usize::from(has_varkw)
            )
        ];
        for (i, a) in args[..npos.min(argcount)].iter().enumerate() {
            locals[i] = Some(a.clone());
        }
        let mut slot = total;
        if has_varargs {
            let extra = args.get(argcount..npos).unwrap_or(&[]);
            locals[slot] = Some(self.new_tuple_from_slice(extra)?);
            slot += 1;
        }
        let kwdict = if has_varkw {
            let d = self.new_dict_ref()?;
            locals[slot] = Some(Value::from_object(d.as_obj().clone()));
            Some(d)
        } else {
            None
        };
        if let Some(names) = kwnames {
            let mut posonly_passed = Vec::new();
            for (k, key) in names.items().iter().enumerate() {
                let value = args[npos + k].clone();
                let key_text = self
                    .as_str(key)
                    .map(|s| s.as_lossy().into_owned())
                    .unwrap_or_default();
                let found = code.localsplusnames[posonly..total]
                    .iter()
                    .position(|n| *n.as_lossy() == *key_text);
                match found {
                    Some(j) => {
                        let i = posonly + j;
                        if locals[i].is_some() {
                            return Err(self.type_error(format!(
                                "{qualname}() got multiple values for argument '{key_text}'"
                            )));
                        }
                        locals[i] = Some(value);
                    }
                    None => match &kwdict {
                        Some(d) => Dict::set_item(self, d, key.clone(), value)?,
                        None => {
                            if code.localsplusnames[..posonly]
                                .iter()
                                .any(|n| *n.as_lossy() == *key_text)
                            {
                                posonly_passed.push(key_text);
                                continue;
                            }
                            return Err(self.type_error(format!(
                                "{qualname}() got an unexpected keyword argument '{key_text}'"
                            )));
                        }
                    },
                }
            }
            if !posonly_passed.is_empty() {
                return Err(self.type_error(format!(
                    "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                    posonly_passed.join(", ")
                )));
            }
        }
        // CPython reports keyword problems before too many positionals.
        if !has_varargs && npos > argcount {
            let defaults = func.defaults.get().map_or(0, |d| d.items().len());
            let given_kw = (0..nkw)
                .filter(|k| {
                    let key = kwnames.map(|n| n.items()[*k].clone());
                    key.and_then(|k| self.as_str(&k).map(|s| s.as_lossy().into_owned()))
                        .is_some_and(|k| {
                            code.localsplusnames[argcount..total]
                                .iter()
                                .any(|n| *n.as_lossy() == *k)
                        })
                })
                .count();
            let takes = if defaults > 0 {
                format!(
                    "from {} to {argcount} positional arguments",
                    argcount - defaults
                )
            } else {
                format!(
                    "{argcount} positional argument{}",
                    if argcount == 1 { "" } else { "s" }
                )
            };
            let given = if given_kw > 0 {
                format!(
                    "{npos} positional argument{} (and {given_kw} keyword-only argument{}) were given",
                    if npos == 1 { "" } else { "s" },
                    if given_kw == 1 { "" } else { "s" }
                )
            } else {
                format!("{npos} {} given", if npos == 1 { "was" } else { "were" })
            };
            return Err(self.type_error(format!("{qualname}() takes {takes} but {given}")));
        }
        // Defaults for missing positional parameters.
        let defaults = func
            .defaults
            .get()
            .map(|d| d.items().to_vec())
            .unwrap_or_default();
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if locals[i].is_none() {
                if i >= first_default {
                    locals[i] = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(code.localsplusnames[i].as_lossy().into_owned());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qualname}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        let kwdefaults = func.kwdefaults.get();
        for (i, local) in locals.iter_mut().enumerate().take(total).skip(argcount) {
            if local.is_none() {
                let name = code.localsplusnames[i].clone();
                let default = kwdefaults
                    .as_ref()
                    .and_then(|d| d.table.with(|t| t.get_str(&name)));
                match default {
                    Some(v) => *local = Some(v),
                    None => missing.push(name.as_lossy().into_owned()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qualname}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        self.push_frame_of(func, |f| {
            for (i, v) in locals.into_iter().enumerate() {
                f.set_local(i, v);
            }
        })
    }

    /// Pushes a frame running `func` (which the frame holds), lets `fill`
    /// set its locals, and counts one more level of recursion; a refused
    /// data-stack chunk is a `MemoryError`. The one place the binders
    /// below push a function's frame.
    pub(crate) fn push_frame_of(
        &mut self,
        func: &Ref<Function>,
        fill: impl FnOnce(&mut Frame),
    ) -> PyResult<*mut Frame> {
        let code = &func.code;
        let nlocalsplus = code.code.nlocalsplus();
        let previous = self.current_frame;
        // The header borrows the function's code and namespaces (no counts
        // taken) and is built in place: the frame holds the function
        // itself, which keeps them alive.
        // SAFETY: no locals are prefilled (all start unbound); the frame's
        // `func` is stored right below, before anything can look at the
        // frame or drop it.
        let frame = unsafe {
            self.data_stack.push_with(code.frame_slots as u32, 0, || {
                Frame::borrowing(func, previous, nlocalsplus as u32, code.frame_slots as u32)
            })
        }
        .map_err(|_| self.memory_error.clone())?;
        // SAFETY: the frame was just pushed and is live; its `func` is
        // unset (`Frame::borrowing`), so nothing is dropped by the store;
        // `set_local` ignores slots past the locals.
        unsafe {
            (*frame).func = Some(Value::from_object(func.as_obj().clone()));
            fill(&mut *frame);
        }
        self.recursion_depth += 1;
        Ok(frame)
    }

    /// Calls the Python function `func` with `this` then `args`, all
    /// positional: a dunder found on a class or a bound method's function
    /// called from native code (CPython's `vectorcall_method`). The common
    /// shape (see [`positional_defaults`](crate::runtime::fast_call::positional_defaults))
    /// writes the arguments straight into the new frame's locals, without
    /// an argument vector, `Vm::call`'s dispatch or the general binder;
    /// any other call goes through [`push_function_frame`](Self::push_function_frame),
    /// which also makes every error (recursion depth, argument binding).
    pub(crate) fn call_function_with_self(
        &mut self,
        func: &Ref<Function>,
        this: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        let direct = match crate::runtime::fast_call::positional_defaults(func, args.len() + 1) {
            Some(defaults) if self.recursion_depth < self.recursion_limit => {
                self.push_positional_direct(func, Some(this), args, defaults)
            }
            _ => None,
        };
        let frame = match direct {
            Some(pushed) => pushed?,
            None => with_self(this, args, |all| self.push_function_frame(func, all, None))?,
        };
        self.run_pushed_inline(frame)
    }

    /// The common case of [`push_function_frame`](Self::push_function_frame)
    /// without building a locals vector: positional arguments only, to a
    /// function with no `*args`, `**kwargs` or keyword-only parameters,
    /// missing trailing parameters covered by defaults. `None` when the
    /// call is not that case (the general binder then produces any error).
    fn push_positional_frame(
        &mut self,
        func: &Ref<Function>,
        args: &[Value],
    ) -> Option<PyResult<*mut Frame>> {
        let defaults = crate::runtime::fast_call::positional_defaults(func, args.len())?;
        self.push_positional_direct(func, None, args, defaults)
    }

    /// Pushes a frame of `func` whose locals are `this` (when given), then
    /// `args`, then the `defaults` (see
    /// [`positional_defaults`](crate::runtime::fast_call::positional_defaults),
    /// which the caller has checked the call against), the rest unbound:
    /// the values are cloned straight into the new frame's slots, with no
    /// unbound pass before them. A refused data-stack chunk is a
    /// `MemoryError`; `None` (nothing pushed) for a code object whose
    /// locals cannot hold the values (the general binder then decides).
    #[inline(always)]
    fn push_positional_direct(
        &mut self,
        func: &Ref<Function>,
        this: Option<&Value>,
        args: &[Value],
        defaults: Option<(Ref<Tuple>, usize)>,
    ) -> Option<PyResult<*mut Frame>> {
        let code = &func.code;
        let nlocalsplus = code.code.nlocalsplus();
        let given = args.len() + usize::from(this.is_some());
        let missing = match &defaults {
            None => &[][..],
            Some((values, first)) => values.items().get(*first..).unwrap_or(&[]),
        };
        // `given + missing <= argcount <= nlocalsplus` for every code object
        // the compiler or `code.replace` makes; one breaking it takes the
        // general binder rather than losing or overrunning arguments.
        if given + missing.len() > nlocalsplus.min(code.frame_slots) {
            return None;
        }
        let filled = given + missing.len();
        let previous = self.current_frame;
        // SAFETY: the first `filled` locals are written below, before
        // anything can look at the frame; its `func` is stored there too.
        let frame = unsafe {
            self.data_stack
                .push_with(code.frame_slots as u32, filled, || {
                    Frame::borrowing(func, previous, nlocalsplus as u32, code.frame_slots as u32)
                })
        };
        let Ok(frame) = frame else {
            return Some(Err(self.memory_error.clone()));
        };
        // SAFETY: the frame was just pushed and is live, its `func` unset
        // (`Frame::borrowing`: nothing to drop) and its first `filled`
        // slots uninitialised: each is written once here.
        unsafe {
            std::ptr::write(
                &raw mut (*frame).func,
                Some(Value::from_object(func.as_obj().clone())),
            );
            let mut slot = (*frame).slots_ptr();
            if let Some(this) = this {
                slot.write(Some(this.clone()));
                slot = slot.add(1);
            }
            for v in args {
                slot.write(Some(v.clone()));
                slot = slot.add(1);
            }
            for v in missing {
                slot.write(Some(v.clone()));
                slot = slot.add(1);
            }
        }
        self.recursion_depth += 1;
        Some(Ok(frame))
    }

    /// Another common case of
    /// [`push_function_frame`](Self::push_function_frame) without building
    /// a locals vector: positional arguments only, at least one per
    /// parameter, to a function with `*args` but no `**kwargs` or
    /// keyword-only parameters (`def __exit__(self, *exc)`). `None` when
    /// the call is not that case.
    fn push_varargs_frame(
        &mut self,
        func: &Ref<Function>,
        args: &[Value],
    ) -> Option<PyResult<*mut Frame>> {
        let code = &func.code;
        let co = &code.code;
        if co.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) != co_flags::VARARGS
            || co.kwonlyargcount != 0
        {
            return None;
        }
        let argcount = co.argcount as usize;
        let (named, extra) = (args.get(..argcount)?, args.get(argcount..)?);
        let nlocalsplus = co.nlocalsplus();
        if nlocalsplus <= argcount {
            return None;
        }
        let extra = match self.new_tuple_from_slice(extra) {
            Ok(tuple) => tuple,
            Err(e) => return Some(Err(e)),
        };
        Some(self.push_frame_of(func, |f| {
            for (i, v) in named.iter().enumerate() {
                f.set_local(i, Some(v.clone()));
            }
            f.set_local(argcount, Some(extra));
        }))
    }

    /// Pushes a frame running a module or class body with a locals mapping.
    pub(crate) fn push_body_frame(
        &mut self,
        code: Ref<crate::builtins::function::Code>,
        globals: Ref<Dict>,
        locals: Value,
    ) -> PyResult<*mut Frame> {
        if self.recursion_depth >= self.recursion_limit {
            return Err(self.new_error(
                crate::builtins::exceptions::ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        let nlocalsplus = code.code.nlocalsplus();
        let capacity = code.frame_slots as u32;
        let builtins = self.builtins.clone();
        let frame = self
            .data_stack
            .push(Frame::new(
                code,
                globals,
                builtins,
                Some(locals),
                None,
                self.current_frame,
                nlocalsplus as u32,
                capacity,
            ))
            .map_err(|_| self.memory_error.clone())?;
        self.recursion_depth += 1;
        Ok(frame)
    }

    /// Runs a pushed frame to completion from native code.
    pub(crate) fn run_pushed(&mut self, frame: *mut Frame) -> PyResult<Value> {
        self.run_pushed_inline(frame)
    }

    /// [`run_pushed`](Self::run_pushed) inlined into the hottest callers
    /// ([`call_function_with_self`](Self::call_function_with_self), every
    /// dunder a slot function calls, and [`function_call`], a key function
    /// called by `sorted`): one call level less.
    #[inline(always)]
    fn run_pushed_inline(&mut self, frame: *mut Frame) -> PyResult<Value> {
        // SAFETY: the frame was just pushed and is live. A frame pushed
        // for native code is a plain thread frame (`Frame::header`): only
        // `is_entry` changes, written with the other return flags in one
        // store (`set_return_word`), which the return reads as one word.
        unsafe {
            if (*frame).return_word() == Frame::PLAIN_RETURN {
                (*frame).set_return_word(Frame::ENTRY_RETURN);
            } else {
                (*frame).is_entry = true;
            }
        }
        self.enter_native().inspect_err(|_| {
            // SAFETY: the frame is the last pushed.
            unsafe { self.data_stack.pop(frame) };
            self.recursion_depth -= 1;
        })?;
        let result = crate::runtime::eval::run_frame(self, frame);
        self.leave_native();
        result
    }

    /// Runs a module body with `globals` as its namespace.
    pub fn run_module_code(
        &mut self,
        code: Ref<crate::builtins::function::Code>,
        globals: Ref<Dict>,
    ) -> PyResult<Value> {
        let locals = Value::from_object(globals.as_obj().clone());
        let frame = self.push_body_frame(code, globals, locals)?;
        self.run_pushed(frame)
    }

    /// The running frame, if any.
    pub fn current_frame_ref(&self) -> Option<&Frame> {
        // SAFETY: `current_frame` is null or a live frame on the data stack.
        unsafe { self.current_frame.as_ref() }
    }
}

/// `tp_call` of functions: runs the function in a nested eval loop.
pub fn function_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let Some(f) = callable.as_object().and_then(|o| o.downcast::<Function>()) else {
        return Err(vm.type_error("expected a function".into()));
    };
    // A generator function runs too: its first instruction,
    // RETURN_GENERATOR, moves the frame into the generator it returns.
    // (`f` borrows from `callable`, which the caller holds throughout.)
    let frame = vm.push_function_frame(f, args, kwnames)?;
    vm.run_pushed_inline(frame)
}

/// `tp_call` of bound methods: prepends `__self__`.
pub fn method_call(
    vm: &mut Vm,
    callable: &Value,
    args: &[Value],
    kwnames: Option<&Ref<Tuple>>,
) -> PyResult<Value> {
    let Some(m) = callable.as_object().and_then(|o| o.downcast::<Method>()) else {
        return Err(vm.type_error("expected a method".into()));
    };
    if kwnames.is_none_or(|k| k.items().is_empty())
        && let Some(func) = m.func.as_object().and_then(|o| o.downcast::<Function>())
    {
        return vm.call_function_with_self(func, &m.this, args);
    }
    with_self(&m.this, args, |all| vm.call(&m.func, all, kwnames))
}

/// Runs `call` on `this` followed by `args` (an argument vector with `self`
/// prepended), kept on the native stack for up to four values.
pub(crate) fn with_self<R>(this: &Value, args: &[Value], call: impl FnOnce(&[Value]) -> R) -> R {
    let mut all: smallvec::SmallVec<[Value; 4]> = smallvec::SmallVec::with_capacity(args.len() + 1);
    all.push(this.clone());
    all.extend(args.iter().cloned());
    call(&all)
}

/// The arguments of `f(*callargs, **kwargs)` (`CALL_FUNCTION_EX`) as a
/// vectorcall: positional values, keyword values, and the keyword names.
pub fn unpack_call_arguments(
    vm: &mut Vm,
    func: &Value,
    callargs: &Value,
    kwargs: Option<Value>,
) -> PyResult<(Vec<Value>, Option<Ref<Tuple>>)> {
    let iterable = vm.type_of(callargs).slots.iter.get().is_some()
        || vm.type_of(callargs).slots.getitem.get().is_some();
    if !iterable {
        let fname = crate::builtins::functions::callable_name(vm, func);
        let tn = vm.type_name(callargs);
        return Err(vm.type_error(format!(
            "{fname} argument after * must be an iterable, not {tn}"
        )));
    }
    let mut args = vm.collect_iterable(callargs)?;
    let mut names = Vec::new();
    if let Some(kw) = kwargs.filter(|k| !k.is_none())
        && let Some(d) = kw.as_object().and_then(|o| o.downcast::<Dict>())
    {
        for (k, v) in d.items() {
            if vm.as_str(&k).is_none() {
                return Err(vm.type_error("keywords must be strings".into()));
            }
            names.push(k);
            args.push(v);
        }
    }
    let kwnames = if names.is_empty() {
        None
    } else {
        Some(vm.new_tuple_ref(names)?)
    };
    Ok((args, kwnames))
}
