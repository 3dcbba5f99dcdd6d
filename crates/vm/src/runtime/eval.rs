//! The eval loop: runs frames of CPython 3.14 bytecode.
//!
//! Each instruction is read from the code's decoded stream
//! (`instruction_stream.rs`: opcode, full oparg, length with inline
//! caches) and dispatched in two tiers: a fast tier for the
//! commonest instructions in their commonest case, on a value-stack top
//! kept in a local and without position stores, none of whose paths
//! raises; then the general tier, which syncs the frame and implements
//! every instruction with CPython's stack contract (`Python/bytecodes.c`). A call to a Python
//! function pushes a frame and continues in this same loop; a return pops
//! it. Errors unwind through the exception table (`find_handler`); a frame
//! without a handler is popped and the error continues in its caller, until
//! the entry frame of this loop returns it.

use krait_compiler::bytecode::oparg::NB_SUBSCR;
use krait_compiler::bytecode::opcode::Opcode;

use crate::builtins::dict::Dict;
use crate::builtins::exceptions::{ExcKind, as_exception};
use crate::builtins::function::{CellObj, Code, Function, Method};
use crate::builtins::native::{MethodDescriptor, call_method_descriptor};
use crate::builtins::str::Str;
use crate::builtins::tuple::Tuple;
use crate::builtins::{coroutine, generator, template};
use crate::error::{PyErr, PyResult};
use crate::object::Ref;
use crate::runtime::Vm;
use crate::runtime::fast_ops;
use crate::runtime::frame::{Frame, FrameOwner};
use crate::runtime::instruction_stream;
use crate::runtime::pattern_match;
use crate::types::slots::{BinOp, CompareOp, UnaryOp};
use crate::value::Value;

/// How an error entered the unwinder.
enum Raised {
    /// An error at this instruction (made by native code, or coming out
    /// of a native call): record a traceback entry; chain it to the
    /// handled exception if it is fresh (no traceback yet — one that has
    /// one was chained where Python code first raised it).
    New(PyErr),
    /// `raise exc`: record a traceback entry and chain.
    Explicit(PyErr),
    /// A re-raise (`raise`, `RERAISE`): no new traceback entry.
    Reraise(PyErr),
    /// Thrown into a resumed generator (`throw()`, `close()`): a traceback
    /// entry, but no chaining to the handled exception (the thrower did
    /// that with the generator's own).
    Thrown(PyErr),
}

macro_rules! tri {
    ($e:expr, $err:ident) => {
        match $e {
            Ok(v) => v,
            Err(e) => {
                $err = Some(Raised::New(e));
                break;
            }
        }
    };
}

fn stack_error(vm: &mut Vm) -> PyErr {
    vm.new_error(ExcKind::SystemError, "krait: bad bytecode (value stack)")
}

/// Runs `entry` (already pushed, `is_entry` set) and every frame it calls,
/// until `entry` returns or raises.
pub fn run_frame(vm: &mut Vm, entry: *mut Frame) -> PyResult<Value> {
    let saved = vm.current_frame;
    vm.current_frame = entry;
    let result = run(vm, entry, None);
    vm.current_frame = saved;
    result
}

/// Resumes a generator's frame `entry` (linked, `is_entry` set) until it
/// yields, returns or raises; `throw` is raised at its `yield` first.
pub(crate) fn resume_frame(
    vm: &mut Vm,
    entry: *mut Frame,
    throw: Option<PyErr>,
) -> PyResult<Value> {
    let saved = vm.current_frame;
    vm.current_frame = entry;
    let result = run(vm, entry, throw.map(Raised::Thrown));
    vm.current_frame = saved;
    result
}

fn run(vm: &mut Vm, mut fp: *mut Frame, mut initial: Option<Raised>) -> PyResult<Value> {
    // One pass of this loop per stretch of one frame: its code and position
    // are loaded into locals once, then instructions run until the frame
    // changes (a call, return, yield or resumption: `continue 'frames`) or
    // an error unwinds it.
    'frames: loop {
        let mut raised: Option<Raised> = initial.take();
        let mut returned: Option<Value> = None;
        // The running frame and what the loop reads of it, in locals:
        // set here, and again in place when the fast tier switches frames
        // (`switch_to!`: a simple call or return) without leaving this
        // pass.
        // SAFETY: `fp` is the live innermost frame of this loop.
        let mut frame: &mut Frame = unsafe { &mut *fp };
        // SAFETY: the frame holds a strong reference to its code for as
        // long as it lives, and a frame is only popped after this pass
        // stops using `frame` and `code` (or switches them to its caller).
        let mut code: &Code = unsafe { &*(&**frame.code as *const Code) };
        let mut units = &code.instructions;
        // The next instruction, as a pointer into the code's decoded stream
        // (`pc`, from its first entry `decoded`): dispatch reads the entry
        // at `pc` and moves `pc` past it, and a position (an index into the
        // stream, as `f_lasti` and jump targets count) is computed only
        // where one is stored (`sync_position!`, `return_target`) or a
        // backward jump is clamped. The decoded stream ends with a
        // sentinel entry and every move inside it stays at or before the
        // sentinel (`instruction_stream::decode`), so entries are read
        // unchecked; a position from outside the stream is clamped here.
        let mut decoded = code.decoded.as_ptr();
        // SAFETY: clamped to the sentinel's position, inside the stream.
        let mut pc =
            unsafe { decoded.add((frame.next_instr as usize).min(code.decoded.len() - 1)) };
        // The value stack of the fast tier (below), as a pointer to its
        // first free slot (`sp`, CPython's `stack_pointer`); the slots
        // (locals plus, then the stack) start right after the frame's
        // header (`Frame::slots_ptr`). `frame.stack_top` is written back
        // (`store_sp!`) before anything that may look at the frame (the
        // general tier, a safe point, a call, an error, leaving the frame)
        // and read again after (`load_sp!`).
        // SAFETY: the stack top is within the frame's slots.
        let mut sp = unsafe { frame.slots_ptr().add(frame.stack_top as usize) };
        // The index of `$p` (a pointer into the decoded stream) in it.
        macro_rules! position_of {
            ($p:expr) => {{
                // SAFETY: both point into the code's decoded stream.
                unsafe { $p.offset_from(decoded) as usize }
            }};
        }
        // The fast tier's stack top as a slot count (`frame.stack_top`).
        macro_rules! stack_depth {
            () => {{
                // SAFETY: `sp` points into the running frame's slots, at or
                // after their start.
                unsafe { sp.offset_from(frame.slots_ptr()) as usize }
            }};
        }
        macro_rules! store_sp {
            () => {{
                frame.stack_top = stack_depth!() as u32;
            }};
        }
        macro_rules! load_sp {
            () => {{
                // SAFETY: the stack top is within the frame's slots.
                sp = unsafe { frame.slots_ptr().add(frame.stack_top as usize) };
            }};
        }
        // Makes `$new` (a live frame, its position and stack top stored)
        // the running frame, reloading the locals above; `$pc` computes
        // its next instruction from the reloaded `frame`, `code` and
        // `decoded`.
        macro_rules! enter_frame {
            ($new:expr, $pc:expr) => {{
                fp = $new;
                vm.current_frame = fp;
                // SAFETY: `fp` is the live innermost frame (see above).
                frame = unsafe { &mut *fp };
                // SAFETY: as for `code` above.
                code = unsafe { &*(&**frame.code as *const Code) };
                units = &code.instructions;
                decoded = code.decoded.as_ptr();
                pc = $pc;
                load_sp!();
            }};
        }
        // Any frame: its stored position, clamped to the sentinel's.
        macro_rules! switch_to {
            ($new:expr) => {
                // SAFETY: clamped to the sentinel's position, as above.
                enter_frame!($new, unsafe {
                    decoded.add((frame.next_instr as usize).min(code.decoded.len() - 1))
                })
            };
        }
        // The caller of a frame that returned in place: its position was
        // stored from its `pc` when it made the call (`sync_position!`, or
        // the general tier's), and nothing but this loop moves a running
        // caller's position, so it is inside the stream and needs no
        // clamp.
        macro_rules! switch_to_caller {
            ($new:expr) => {
                enter_frame!($new, {
                    debug_assert!((frame.next_instr as usize) < code.decoded.len());
                    // SAFETY: a position stored from `pc` (see above).
                    unsafe { decoded.add(frame.next_instr as usize) }
                })
            };
        }
        // A frame just pushed by a call (`fast_call`, `push_property_frame`):
        // it starts at position 0 with its stack top at the end of its
        // locals, so its position needs no load and no clamp (every decoded
        // stream has at least its sentinel).
        macro_rules! switch_to_new {
            ($new:expr) => {
                enter_frame!($new, {
                    debug_assert!(frame.next_instr == 0);
                    decoded
                })
            };
        }
        // Every error sets `raised` and leaves this loop (the general tier
        // also checks after each instruction, for a `break` that only left
        // a loop of its own).
        while raised.is_none() {
            // The instruction's entry: only this pointer (and `pc`) live
            // across the fast tier; the general tier and `at!()` read the
            // entry again rather than keep its fields in registers (or
            // spilled) across every arm. `pc` moves past it in each arm
            // (`step!`), by a constant: see `instruction_stream`.
            let entry = pc;
            // SAFETY: `pc` is at most the sentinel's position (see above).
            let instruction = unsafe { *entry };
            let opcode = instruction.opcode;
            // Widened once: the fast tier indexes with it.
            let oparg = instruction.oparg as usize;
            // The instruction's own position (`f_lasti`), computed where
            // it is needed.
            macro_rules! at {
                () => {
                    position_of!(entry)
                };
            }
            // Moves `pc` past the instruction at `entry`, whose opcode is
            // `$op` (or any of the opcodes listed, which step alike): by
            // the constant `instruction_stream::step`, so the next
            // position does not wait for the entry's load. Every fast-tier
            // arm starts with it; the general tier moves by the entry's
            // length, which is the same.
            macro_rules! step {
                ($op:expr $(, $other:expr)*) => {
                    // SAFETY: `decode` makes every entry's length
                    // `step(opcode)` (a fused pair's entry is its load's:
                    // the arm names the load) and keeps the successor of
                    // every entry in the stream.
                    pc = unsafe {
                        entry.add(const {
                            $( assert!(
                                instruction_stream::step($op) == instruction_stream::step($other)
                            ); )*
                            instruction_stream::step($op)
                        })
                    }
                };
            }

            macro_rules! pop {
                () => {
                    match frame.pop() {
                        Some(v) => v,
                        None => {
                            raised = Some(Raised::New(stack_error(vm)));
                            break;
                        }
                    }
                };
            }
            macro_rules! push {
                ($v:expr) => {{
                    let v = $v;
                    if !frame.push(Some(v)) {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    }
                }};
            }
            macro_rules! push_opt {
                ($v:expr) => {{
                    let v = $v;
                    if !frame.push(v) {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    }
                }};
            }
            // A jump of the general tier to the position `$target`
            // (clamped to the sentinel's, which `decode` guarantees for
            // jumps anyway).
            macro_rules! jump_to {
                ($target:expr) => {{
                    let target = ($target as usize).min(code.decoded.len() - 1);
                    // SAFETY: inside the stream (clamped just above).
                    pc = unsafe { decoded.add(target) };
                    frame.next_instr = target as u32;
                }};
            }
            // The position, for whoever looks at the frame (the fast tier
            // keeps it in `pc` only).
            macro_rules! sync_position {
                () => {{
                    frame.lasti = at!() as u32;
                    frame.next_instr = position_of!(pc) as u32;
                }};
            }

            // The fast tier: the commonest instructions in their commonest
            // case, on the value stack held in `sp`. None of these
            // paths runs Python code or looks at the frame from outside;
            // anything else (and every error) falls through to the
            // general tier below, with nothing consumed.
            macro_rules! fast_push {
                ($v:expr) => {{
                    let v: Option<Value> = $v;
                    debug_assert!(stack_depth!() < frame.capacity as usize);
                    // SAFETY: the compiler sized the stack (`co_stacksize`)
                    // for every push; the slot at the top is uninitialised.
                    unsafe {
                        std::ptr::write(sp, v);
                        sp = sp.add(1);
                    }
                }};
            }

            // The end of a native call made on the value stack (a builtin
            // at a `CALL` site, a builtin class): the stack pointer
            // reloaded, then the result pushed or the error raised.
            macro_rules! push_native_result {
                ($result:expr) => {{
                    load_sp!();
                    match $result {
                        Ok(v) => fast_push!(Some(v)),
                        Err(e) => {
                            raised = Some(Raised::New(e));
                            break;
                        }
                    }
                    continue;
                }};
            }

            macro_rules! fast_pop {
                () => {{
                    debug_assert!(stack_depth!() > code.code.nlocalsplus());
                    // SAFETY: the slot below the top is initialised; it
                    // counts as uninitialised once moved out.
                    unsafe {
                        sp = sp.sub(1);
                        sp.read()
                    }
                }};
            }
            macro_rules! fast_peek {
                ($depth:expr) => {{
                    debug_assert!(stack_depth!() > $depth);
                    // SAFETY: slots below the top are initialised.
                    unsafe { &*sp.sub(1 + $depth) }
                }};
            }
            macro_rules! fast_local {
                ($i:expr) => {{
                    let i: usize = $i;
                    debug_assert!(i < code.code.nlocalsplus());
                    // SAFETY: locals plus lie below every stack top.
                    unsafe { &mut *frame.slots_ptr().add(i) }
                }};
            }
            // Past a `NOT_TAKEN` at `pc` (a no-op marking the fall-through
            // of a conditional jump): skipped without a dispatch.
            macro_rules! skip_not_taken {
                () => {{
                    // SAFETY: `pc` is at most the sentinel's position.
                    let following = unsafe { *pc };
                    if following.opcode == Opcode::NOT_TAKEN {
                        // SAFETY: not the sentinel, so its successor is
                        // still in the stream.
                        pc = unsafe { pc.add(following.len as usize) };
                    }
                }};
            }
            // The bool an instruction produced: when the next instruction
            // is `POP_JUMP_IF_FALSE`/`TRUE`, it is run here on the bool
            // directly (CPython's specialized compare-and-branch pairs
            // save the same dispatch); otherwise the bool is pushed. A
            // `TO_BOOL` in between is skipped first: on a bool it leaves
            // the same bool and runs nothing else. (The compiler's
            // peephole pass now folds a `TO_BOOL` after a comparison into
            // the comparison, so this rarely fires; whether to drop it is
            // to be measured under PGO.)
            macro_rules! push_bool_or_branch {
                ($b:expr) => {{
                    let b: bool = $b;
                    // SAFETY: `pc` is at most the sentinel's position.
                    let mut following = unsafe { *pc };
                    if following.opcode == Opcode::TO_BOOL {
                        // SAFETY: not the sentinel, so the entry after it
                        // is still in the stream.
                        pc = unsafe { pc.add(following.len as usize) };
                        // SAFETY: as above.
                        following = unsafe { *pc };
                    }
                    match following {
                        j if j.opcode == Opcode::POP_JUMP_IF_FALSE
                            || j.opcode == Opcode::POP_JUMP_IF_TRUE =>
                        {
                            // SAFETY: not the sentinel, so its successor
                            // is in the stream, and so is its forward
                            // target (`decode` refuses one past the end).
                            let after = unsafe { pc.add(j.len as usize) };
                            if b == (j.opcode == Opcode::POP_JUMP_IF_TRUE) {
                                pc = unsafe { after.add(j.oparg as usize) };
                            } else {
                                pc = after;
                                skip_not_taken!();
                            }
                        }
                        _ => fast_push!(Some(Value::from_bool(b))),
                    }
                }};
            }
            // The attribute cache of the `LOAD_ATTR` or `STORE_ATTR` whose
            // decoded entry `$entry` points to (in this code's stream).
            macro_rules! attr_cache {
                ($entry:expr) => {
                    // SAFETY: `$entry` is an attribute instruction's entry
                    // in the running code's decoded stream.
                    code.attr_caches
                        .get(unsafe { instruction_stream::cache_index($entry) })
                };
            }
            // The attribute cache's answer for the `LOAD_ATTR` whose entry
            // is `$entry`, with `$oparg` on `$owner`, if it has one (runs
            // no Python code).
            macro_rules! cached_load {
                ($entry:expr, $oparg:expr, $owner:expr) => {
                    attr_cache!($entry).and_then(|c| {
                        crate::runtime::attr_access::load_hit(vm, c, $owner, || {
                            code.names.get(($oparg >> 1) as usize).map(|n| &**n)
                        })
                    })
                };
            }
            // Pushes what a `LOAD_ATTR` with `$oparg` loaded: a method and
            // its owner (`$owner`, evaluated only then), or the value and,
            // for a method load, a NULL.
            macro_rules! push_loaded {
                ($loaded:expr, $oparg:expr, $owner:expr) => {
                    match $loaded {
                        crate::runtime::attr_access::Loaded::Method(m) => {
                            let owner: Option<Value> = $owner;
                            fast_push!(Some(m));
                            fast_push!(owner);
                        }
                        crate::runtime::attr_access::Loaded::Value(v) => {
                            fast_push!(Some(v));
                            if $oparg & 1 != 0 {
                                fast_push!(None);
                            }
                        }
                    }
                };
            }
            // A `BINARY_OP` with operator `$op` (an oparg: in-place or not,
            // the same on inline numbers) on two inline ints or floats
            // (`fast_ops::binary_number`); anything else falls through.
            // A `COMPARE_OP` with operator `$op` on two inline ints, two
            // floats or two exact strs, the bool pushed or branched on
            // (`push_bool_or_branch!`); anything else falls through.
            macro_rules! compare_arm {
                ($op:expr) => {
                    if let (Some(a), Some(b)) = (fast_peek!(1), fast_peek!(0))
                        && let Some(r) =
                            compare_inline(a, b, $op).or_else(|| compare_exact_strs(vm, a, b, $op))
                    {
                        drop(fast_pop!());
                        drop(fast_pop!());
                        push_bool_or_branch!(r);
                        continue;
                    }
                };
            }
            macro_rules! binary_number_arm {
                ($op:expr) => {
                    if let (Some(a), Some(b)) = (fast_peek!(1), fast_peek!(0))
                        && let Some(r) = fast_ops::binary_number(a, b, $op)
                    {
                        drop(fast_pop!());
                        drop(fast_pop!());
                        fast_push!(Some(r));
                        continue;
                    }
                };
            }
            match opcode {
                // No-ops, with the no-ops right after them: a run costs one
                // dispatch. Not an empty arm: that would make the dispatch
                // its own successor, and LLVM does not tail-duplicate a
                // block that loops on itself (see `every_opcode!` below).
                Opcode::NOP | Opcode::NOT_TAKEN | Opcode::CACHE | Opcode::EXTENDED_ARG => {
                    step!(
                        Opcode::NOP,
                        Opcode::NOT_TAKEN,
                        Opcode::CACHE,
                        Opcode::EXTENDED_ARG
                    );
                    // SAFETY: `pc` is at most the sentinel's position, and
                    // the sentinel (`RESERVED`) ends the run.
                    while matches!(
                        unsafe { (*pc).opcode },
                        Opcode::NOP | Opcode::NOT_TAKEN | Opcode::EXTENDED_ARG
                    ) {
                        // SAFETY: not the sentinel, so its successor is
                        // still in the stream.
                        pc = unsafe { pc.add((*pc).len as usize) };
                    }
                    continue;
                }
                // Safe points (pending finalizers and a due collection run
                // there, see `gc::safe_point`): function entry and loop
                // back-edges here, and before every instruction of the
                // general tier, which is where anything a finalizer could
                // observe happens.
                Opcode::RESUME if !crate::runtime::signals::pending() && !crate::gc::is_due() => {
                    step!(Opcode::RESUME);
                    continue;
                }
                Opcode::POP_TOP | Opcode::POP_ITER | Opcode::END_FOR => {
                    step!(Opcode::POP_TOP, Opcode::POP_ITER, Opcode::END_FOR);
                    drop(fast_pop!());
                    continue;
                }
                Opcode::PUSH_NULL => {
                    step!(Opcode::PUSH_NULL);
                    fast_push!(None);
                    continue;
                }
                Opcode::COPY if oparg >= 1 && oparg <= stack_depth!() => {
                    step!(Opcode::COPY);
                    let v = fast_peek!(oparg - 1).clone();
                    fast_push!(v);
                    continue;
                }
                Opcode::SWAP if oparg >= 1 && oparg <= stack_depth!() => {
                    step!(Opcode::SWAP);
                    // SAFETY: both slots are below the top.
                    unsafe { std::ptr::swap(sp.sub(1), sp.sub(oparg)) };
                    continue;
                }
                Opcode::LOAD_CONST => {
                    step!(Opcode::LOAD_CONST);
                    if let Some(v) = code.consts.get(oparg) {
                        fast_push!(Some(v.clone()));
                        continue;
                    }
                }
                Opcode::LOAD_SMALL_INT => {
                    step!(Opcode::LOAD_SMALL_INT);
                    fast_push!(Some(Value::from_i64(oparg as i64)));
                    continue;
                }
                instruction_stream::LOAD_FAST_STORE_ATTR => {
                    step!(Opcode::LOAD_FAST);
                    if let Some(owner) = &*fast_local!(oparg) {
                        // SAFETY: decoding fused this entry only when a
                        // `STORE_ATTR` starts at the next position.
                        let attr = unsafe { *pc };
                        if let Some(cache) = attr_cache!(pc)
                            && fast_peek!(0).is_some()
                        {
                            let value = fast_pop!().unwrap_or(Value::NONE);
                            match crate::runtime::attr_access::store_hit(
                                vm,
                                cache,
                                owner,
                                || code.names.get(attr.oparg as usize),
                                value,
                            ) {
                                Ok(()) => {
                                    // SAFETY: not the sentinel (a
                                    // `STORE_ATTR`), so its successor is in
                                    // the stream.
                                    pc = unsafe { pc.add(attr.len as usize) };
                                    continue;
                                }
                                Err(value) => fast_push!(Some(value)),
                            }
                        }
                        // No cached answer: the `LOAD_FAST` alone.
                        let owner = owner.clone();
                        fast_push!(Some(owner));
                        continue;
                    }
                }
                instruction_stream::LOAD_FAST_LOAD_FAST_STORE_ATTR => {
                    step!(Opcode::LOAD_FAST_LOAD_FAST);
                    if let (Some(value), Some(owner)) =
                        (&*fast_local!(oparg >> 4), &*fast_local!(oparg & 15))
                    {
                        // SAFETY: decoding fused this entry only when a
                        // `STORE_ATTR` starts at the next position.
                        let attr = unsafe { *pc };
                        if let Some(cache) = attr_cache!(pc) {
                            match crate::runtime::attr_access::store_hit(
                                vm,
                                cache,
                                owner,
                                || code.names.get(attr.oparg as usize),
                                value.clone(),
                            ) {
                                Ok(()) => {
                                    // SAFETY: not the sentinel (a
                                    // `STORE_ATTR`), so its successor is in
                                    // the stream.
                                    pc = unsafe { pc.add(attr.len as usize) };
                                    continue;
                                }
                                Err(value) => drop(value),
                            }
                        }
                        // No cached answer: the two loads alone.
                        let (value, owner) = (value.clone(), owner.clone());
                        fast_push!(Some(value));
                        fast_push!(Some(owner));
                        continue;
                    }
                }
                instruction_stream::LOAD_FAST_LOAD_ATTR => {
                    step!(Opcode::LOAD_FAST);
                    if let Some(owner) = &*fast_local!(oparg) {
                        // SAFETY: decoding fused this entry only when a
                        // `LOAD_ATTR` starts at the next position.
                        let attr = unsafe { *pc };
                        if let Some(loaded) = cached_load!(pc, attr.oparg, owner) {
                            push_loaded!(loaded, attr.oparg, Some(owner.clone()));
                            // SAFETY: not the sentinel (a `LOAD_ATTR`), so
                            // its successor is in the stream.
                            pc = unsafe { pc.add(attr.len as usize) };
                            continue;
                        }
                        // No cached answer: the `LOAD_FAST` alone.
                        let owner = owner.clone();
                        fast_push!(Some(owner));
                        continue;
                    }
                }
                Opcode::LOAD_FAST | Opcode::LOAD_FAST_BORROW | Opcode::LOAD_FAST_CHECK => {
                    step!(
                        Opcode::LOAD_FAST,
                        Opcode::LOAD_FAST_BORROW,
                        Opcode::LOAD_FAST_CHECK
                    );
                    if let Some(v) = fast_local!(oparg) {
                        let v = v.clone();
                        fast_push!(Some(v));
                        continue;
                    }
                }
                Opcode::LOAD_FAST_LOAD_FAST | Opcode::LOAD_FAST_BORROW_LOAD_FAST_BORROW => {
                    step!(
                        Opcode::LOAD_FAST_LOAD_FAST,
                        Opcode::LOAD_FAST_BORROW_LOAD_FAST_BORROW
                    );
                    if let (Some(a), Some(b)) = (
                        fast_local!(oparg >> 4).clone(),
                        fast_local!(oparg & 15).clone(),
                    ) {
                        fast_push!(Some(a));
                        fast_push!(Some(b));
                        continue;
                    }
                }
                // A closure's cells into the frame (the first instruction
                // of a function with free variables).
                Opcode::COPY_FREE_VARS if frame.copy_free_vars(oparg) => {
                    step!(Opcode::COPY_FREE_VARS);
                    continue;
                }
                // A cell's contents (a closure variable); an empty cell
                // (an unbound name) raises in the general tier.
                Opcode::LOAD_DEREF => {
                    step!(Opcode::LOAD_DEREF);
                    if let Some(cell) = fast_local!(oparg)
                        && let Some(cell) = cell.as_object().and_then(|o| o.downcast::<CellObj>())
                        && let Some(v) = cell.value.get()
                    {
                        fast_push!(Some(v));
                        continue;
                    }
                }
                Opcode::STORE_FAST => {
                    step!(Opcode::STORE_FAST);
                    let v = fast_pop!();
                    drop(std::mem::replace(fast_local!(oparg), v));
                    continue;
                }
                Opcode::STORE_FAST_LOAD_FAST => {
                    step!(Opcode::STORE_FAST_LOAD_FAST);
                    let v = fast_pop!();
                    drop(std::mem::replace(fast_local!(oparg >> 4), v));
                    if let Some(w) = fast_local!(oparg & 15).clone() {
                        fast_push!(Some(w));
                        continue;
                    }
                }
                Opcode::STORE_FAST_STORE_FAST => {
                    step!(Opcode::STORE_FAST_STORE_FAST);
                    let a = fast_pop!();
                    drop(std::mem::replace(fast_local!(oparg >> 4), a));
                    let b = fast_pop!();
                    drop(std::mem::replace(fast_local!(oparg & 15), b));
                    continue;
                }
                // Hides a variable an inlined comprehension reuses (PEP
                // 709): the value (or NULL) moves to the stack.
                Opcode::LOAD_FAST_AND_CLEAR => {
                    step!(Opcode::LOAD_FAST_AND_CLEAR);
                    let v = fast_local!(oparg).take();
                    fast_push!(v);
                    continue;
                }
                // A tuple or list of the top `oparg` values, moved off the
                // stack (allocation only: no Python code runs; the rare
                // refused allocation raises its MemoryError from here).
                Opcode::BUILD_TUPLE | Opcode::BUILD_LIST
                    if oparg <= stack_depth!().saturating_sub(code.code.nlocalsplus()) =>
                {
                    step!(Opcode::BUILD_TUPLE, Opcode::BUILD_LIST);
                    let n = oparg;
                    // SAFETY: the `n` slots below the top are initialised
                    // (checked against the locals just above) and each is
                    // moved out once, counting as uninitialised afterwards.
                    sp = unsafe { sp.sub(n) };
                    let first = sp;
                    let items =
                        (0..n).map(|i| unsafe { first.add(i).read() }.unwrap_or(Value::NONE));
                    let built = if opcode == Opcode::BUILD_TUPLE {
                        vm.new_tuple_from_iter(n, items)
                    } else {
                        vm.new_list(items.collect())
                    };
                    match built {
                        Ok(v) => {
                            fast_push!(Some(v));
                            continue;
                        }
                        Err(e) => {
                            sync_position!();
                            store_sp!();
                            raised = Some(Raised::New(e));
                            break;
                        }
                    }
                }
                // A comprehension's append to the list `oparg` deep (below
                // the item): the list is always `BUILD_LIST`'s, so appending
                // runs no Python code.
                Opcode::LIST_APPEND
                    if oparg >= 1
                        && oparg < stack_depth!().saturating_sub(code.code.nlocalsplus())
                        && fast_peek!(0).is_some() =>
                {
                    step!(Opcode::LIST_APPEND);
                    let v = fast_pop!().unwrap_or(Value::NONE);
                    let appended = match fast_peek!(oparg - 1)
                        .as_ref()
                        .and_then(|t| t.as_object())
                        .and_then(|o| o.downcast::<crate::builtins::list::List>())
                    {
                        Some(list) => {
                            let mut item = Some(v);
                            let pushed = list.items.try_with(|items| {
                                if let Some(v) = item.take() {
                                    crate::builtins::list::List::push(items, v);
                                }
                            });
                            match (pushed, item) {
                                (Some(()), _) => None,
                                (None, v) => v,
                            }
                        }
                        None => Some(v),
                    };
                    match appended {
                        None => continue,
                        // Back for the general tier, as it was.
                        Some(v) => fast_push!(Some(v)),
                    }
                }
                Opcode::LOAD_GLOBAL => {
                    step!(Opcode::LOAD_GLOBAL);
                    // SAFETY: `entry` is this `LOAD_GLOBAL`'s, in the
                    // running code's decoded stream.
                    if let Some(v) = code
                        .global_caches
                        .get(unsafe { instruction_stream::cache_index(entry) })
                        .and_then(|c| c.get(&frame.globals, &frame.builtins))
                    {
                        fast_push!(Some(v));
                        if oparg & 1 != 0 {
                            fast_push!(None);
                        }
                        continue;
                    }
                }
                Opcode::LOAD_ATTR => {
                    step!(Opcode::LOAD_ATTR);
                    if let Some(owner) = fast_peek!(0)
                        && let Some(loaded) = cached_load!(entry, oparg, owner)
                    {
                        let owner = fast_pop!();
                        push_loaded!(loaded, oparg, owner);
                        continue;
                    }
                    // A `property` with a Python getter: its frame is
                    // pushed and run by this loop, its return value
                    // becoming the load's result (a call, so a safe point:
                    // with finalizers pending the general tier goes first).
                    if oparg & 1 == 0
                        && !crate::gc::is_due()
                        && fast_peek!(0).is_some()
                        && let Some(cache) = attr_cache!(entry)
                    {
                        let owner = fast_pop!().unwrap_or(Value::NONE);
                        sync_position!();
                        store_sp!();
                        match crate::runtime::attr_access::push_property_frame(vm, cache, &owner) {
                            Some(Ok(new)) => {
                                // The getter's frame holds its own reference.
                                drop(owner);
                                switch_to_new!(new);
                                continue;
                            }
                            Some(Err(e)) => {
                                drop(owner);
                                raised = Some(Raised::New(e));
                                break;
                            }
                            None => fast_push!(Some(owner)),
                        }
                    }
                }
                Opcode::STORE_ATTR => {
                    step!(Opcode::STORE_ATTR);
                    if let Some(cache) = attr_cache!(entry)
                        && fast_peek!(0).is_some()
                        && fast_peek!(1).is_some()
                    {
                        let owner = fast_pop!().unwrap_or(Value::NONE);
                        let value = fast_pop!().unwrap_or(Value::NONE);
                        match crate::runtime::attr_access::store_hit(
                            vm,
                            cache,
                            &owner,
                            || code.names.get(oparg),
                            value,
                        ) {
                            Ok(()) => continue,
                            Err(value) => {
                                // A miss: both go back for the general tier.
                                fast_push!(Some(value));
                                fast_push!(Some(owner));
                            }
                        }
                    }
                }
                // `BINARY_OP` by operator (`instruction_stream::BINARY_OP_ADD`):
                // inline ints and floats, each operator in its own arm.
                instruction_stream::BINARY_OP_ADD => {
                    step!(Opcode::BINARY_OP);
                    binary_number_arm!(0);
                }
                instruction_stream::BINARY_OP_SUBTRACT => {
                    step!(Opcode::BINARY_OP);
                    binary_number_arm!(10);
                }
                instruction_stream::BINARY_OP_MULTIPLY => {
                    step!(Opcode::BINARY_OP);
                    binary_number_arm!(5);
                }
                Opcode::BINARY_OP => {
                    step!(Opcode::BINARY_OP);
                    binary_number_arm!(oparg as u32);
                }
                instruction_stream::BINARY_OP_SUBSCR => {
                    step!(Opcode::BINARY_OP);
                    if let (Some(a), Some(b)) = (fast_peek!(1), fast_peek!(0))
                        && let Some(r) = fast_ops::subscript(vm, a, b)
                            .or_else(|| fast_ops::dict_subscript(vm, a, b))
                    {
                        drop(fast_pop!());
                        drop(fast_pop!());
                        fast_push!(Some(r));
                        continue;
                    }
                }
                Opcode::STORE_SUBSCR => {
                    step!(Opcode::STORE_SUBSCR);
                    if let (Some(_), Some(_), Some(_)) =
                        (fast_peek!(2), fast_peek!(1), fast_peek!(0))
                    {
                        let key = fast_pop!().unwrap_or(Value::NONE);
                        let container = fast_pop!().unwrap_or(Value::NONE);
                        let value = fast_pop!().unwrap_or(Value::NONE);
                        let stored = match fast_ops::store_subscript(vm, &container, &key, value) {
                            Ok(old) => Ok(Some(old)),
                            Err(value) => fast_ops::dict_store(vm, &container, key, value),
                        };
                        match stored {
                            Ok(old) => {
                                drop(old);
                                drop(container);
                                continue;
                            }
                            Err((key, value)) => {
                                // Back for the general tier, as they were.
                                fast_push!(Some(value));
                                fast_push!(Some(container));
                                fast_push!(Some(key));
                            }
                        }
                    }
                }
                Opcode::CONTAINS_OP => {
                    step!(Opcode::CONTAINS_OP);
                    if let (Some(item), Some(container)) = (fast_peek!(1), fast_peek!(0))
                        && let Some(found) =
                            crate::builtins::set::contains_op_simple(vm, container, item)
                    {
                        drop(fast_pop!());
                        drop(fast_pop!());
                        push_bool_or_branch!(found != (oparg == 1));
                        continue;
                    }
                }
                Opcode::BINARY_SLICE => {
                    step!(Opcode::BINARY_SLICE);
                    if let (Some(container), Some(start), Some(stop)) =
                        (fast_peek!(2), fast_peek!(1), fast_peek!(0))
                        && let Some(r) =
                            fast_ops::slice_items(vm, container, start, stop, &Value::NONE)
                    {
                        for _ in 0..3 {
                            drop(fast_pop!());
                        }
                        fast_push!(Some(r));
                        continue;
                    }
                }
                // `container[a:b:c]`: the slice is built only to be
                // subscripted by the `BINARY_OP []` right after it, so for
                // an exact list or tuple with `None` or small-int bounds
                // (`fast_ops::slice_items`) the items are copied without
                // making it, and the `BINARY_OP` is run here.
                Opcode::BUILD_SLICE
                    if oparg == 3
                        && stack_depth!() >= code.code.nlocalsplus() + 4
                        // SAFETY: not the sentinel (a `BUILD_SLICE`), so
                        // the entry after it is in the stream.
                        && unsafe { (*entry.add(1)).opcode } == instruction_stream::BINARY_OP_SUBSCR =>
                {
                    step!(Opcode::BUILD_SLICE);
                    if let (Some(container), Some(start), Some(stop), Some(by)) =
                        (fast_peek!(3), fast_peek!(2), fast_peek!(1), fast_peek!(0))
                        && let Some(r) = fast_ops::slice_items(vm, container, start, stop, by)
                    {
                        for _ in 0..4 {
                            drop(fast_pop!());
                        }
                        fast_push!(Some(r));
                        // SAFETY: not the sentinel (a `BINARY_OP`), so its
                        // successor is in the stream.
                        pc = unsafe { pc.add(instruction_stream::step(Opcode::BINARY_OP)) };
                        continue;
                    }
                }
                Opcode::STORE_SLICE => {
                    step!(Opcode::STORE_SLICE);
                    if let (Some(container), Some(start), Some(stop), Some(_)) =
                        (fast_peek!(2), fast_peek!(1), fast_peek!(0), fast_peek!(3))
                    {
                        // SAFETY: the value's slot is below the top and
                        // initialised (checked just above); it is moved out
                        // here and put back on a miss.
                        let value = unsafe { sp.sub(4).read() }.unwrap_or(Value::NONE);
                        match fast_ops::store_slice(vm, container, start, stop, value) {
                            Ok(()) => {
                                // The value's slot is now uninitialised:
                                // pop the other three, then skip it.
                                for _ in 0..3 {
                                    drop(fast_pop!());
                                }
                                // SAFETY: the value's slot, below the top.
                                sp = unsafe { sp.sub(1) };
                                continue;
                            }
                            // SAFETY: the slot was moved out just above.
                            Err(value) => unsafe { sp.sub(4).write(Some(value)) },
                        }
                    }
                }
                // `COMPARE_OP` by operator (`instruction_stream::COMPARE_OP_LT`).
                instruction_stream::COMPARE_OP_LT => {
                    step!(Opcode::COMPARE_OP);
                    compare_arm!(CompareOp::Lt);
                }
                instruction_stream::COMPARE_OP_LE => {
                    step!(Opcode::COMPARE_OP);
                    compare_arm!(CompareOp::Le);
                }
                instruction_stream::COMPARE_OP_EQ => {
                    step!(Opcode::COMPARE_OP);
                    compare_arm!(CompareOp::Eq);
                }
                instruction_stream::COMPARE_OP_NE => {
                    step!(Opcode::COMPARE_OP);
                    compare_arm!(CompareOp::Ne);
                }
                instruction_stream::COMPARE_OP_GT => {
                    step!(Opcode::COMPARE_OP);
                    compare_arm!(CompareOp::Gt);
                }
                instruction_stream::COMPARE_OP_GE => {
                    step!(Opcode::COMPARE_OP);
                    compare_arm!(CompareOp::Ge);
                }
                Opcode::IS_OP => {
                    step!(Opcode::IS_OP);
                    if let (Some(a), Some(b)) = (fast_peek!(1), fast_peek!(0)) {
                        let same = crate::protocol::number::is_same(a, b);
                        drop(fast_pop!());
                        drop(fast_pop!());
                        push_bool_or_branch!(same != (oparg == 1));
                        continue;
                    }
                }
                Opcode::TO_BOOL => {
                    step!(Opcode::TO_BOOL);
                    if let Some(v) = fast_peek!(0)
                        && let Some(b) = fast_ops::truthiness(vm, v)
                    {
                        drop(fast_pop!());
                        push_bool_or_branch!(b);
                        continue;
                    }
                }
                Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                    step!(Opcode::POP_JUMP_IF_FALSE, Opcode::POP_JUMP_IF_TRUE);
                    if let Some(b) = fast_peek!(0).as_ref().and_then(Value::as_bool) {
                        drop(fast_pop!());
                        if b == (opcode == Opcode::POP_JUMP_IF_TRUE) {
                            // SAFETY: a forward target inside the stream
                            // (`decode`).
                            pc = unsafe { pc.add(oparg) };
                        } else {
                            skip_not_taken!();
                        }
                        continue;
                    }
                }
                Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                    step!(Opcode::POP_JUMP_IF_NONE, Opcode::POP_JUMP_IF_NOT_NONE);
                    if let Some(v) = fast_pop!() {
                        if v.is_none() == (opcode == Opcode::POP_JUMP_IF_NONE) {
                            // SAFETY: as for POP_JUMP_IF_TRUE.
                            pc = unsafe { pc.add(oparg) };
                        }
                        continue;
                    }
                    fast_push!(None);
                }
                Opcode::JUMP_FORWARD => {
                    step!(Opcode::JUMP_FORWARD);
                    // SAFETY: as for POP_JUMP_IF_TRUE.
                    pc = unsafe { pc.add(oparg) };
                    continue;
                }
                Opcode::JUMP_BACKWARD
                    if !crate::runtime::signals::pending() && !crate::gc::is_due() =>
                {
                    step!(Opcode::JUMP_BACKWARD);
                    let target = position_of!(pc).saturating_sub(oparg);
                    // SAFETY: at or before the next position (clamped
                    // to the stream's start).
                    pc = unsafe { decoded.add(target) };
                    continue;
                }
                Opcode::JUMP_BACKWARD_NO_INTERRUPT if !crate::gc::is_due() => {
                    step!(Opcode::JUMP_BACKWARD_NO_INTERRUPT);
                    let target = position_of!(pc).saturating_sub(oparg);
                    // SAFETY: at or before the next position (clamped
                    // to the stream's start).
                    pc = unsafe { decoded.add(target) };
                    continue;
                }
                Opcode::GET_ITER => {
                    step!(Opcode::GET_ITER);
                    if let Some(v) = fast_peek!(0) {
                        // A generator is its own iterator: it stays on the
                        // stack.
                        if generator::is_exact_generator(vm, v) {
                            continue;
                        }
                        // An exact tuple's or list's own iterator (no
                        // `__iter__` to look up: the types are exact).
                        if let Some(it) = fast_ops::sequence_iter(vm, v) {
                            drop(fast_pop!());
                            fast_push!(Some(it));
                            continue;
                        }
                    }
                }
                Opcode::FOR_ITER => {
                    step!(Opcode::FOR_ITER);
                    if let Some(it) = fast_peek!(0) {
                        if let Some(step) = fast_ops::iterate(vm, it) {
                            match step {
                                Some(v) => fast_push!(Some(v)),
                                // SAFETY: `decode` keeps the successor
                                // of a `FOR_ITER`'s target in the stream.
                                None => pc = unsafe { pc.add(oparg + 1) },
                            }
                            continue;
                        }
                        // A generator runs in this loop (see the general
                        // tier's FOR_ITER), switched to in place.
                        sync_position!();
                        store_sp!();
                        // SAFETY: `fp` is the live innermost frame, its
                        // position and stack stored just above.
                        if let Ok(gen_frame) =
                            unsafe { generator::enter_inline(vm, fp, it, Value::NONE, false) }
                        {
                            frame.return_target = (position_of!(pc) + oparg) as u32;
                            switch_to!(gen_frame);
                            continue;
                        }
                    }
                }
                // A generator function's first instruction: its frame moves
                // into a new generator object, returned to the caller. Runs
                // no Python code, so it needs no safe point of its own (the
                // caller's next general-tier instruction has one).
                Opcode::RETURN_GENERATOR => {
                    step!(Opcode::RETURN_GENERATOR);
                    sync_position!();
                    store_sp!();
                    let (is_entry, previous) = (frame.is_entry, frame.previous);
                    // SAFETY: `fp` is the innermost frame, just called.
                    let generator = match unsafe { generator::return_generator(vm, fp) } {
                        generator::Created::Made(g) => g,
                        generator::Created::FrameKept(e) => {
                            raised = Some(Raised::New(e));
                            break;
                        }
                    };
                    vm.recursion_depth -= 1;
                    if is_entry {
                        return Ok(generator);
                    }
                    // Back to the caller in place, the generator pushed
                    // where the callable was (the call popped it).
                    switch_to!(previous);
                    fast_push!(Some(generator));
                    continue;
                }
                Opcode::YIELD_VALUE if frame.owner == FrameOwner::Generator => {
                    step!(Opcode::YIELD_VALUE);
                    if let Some(v) = fast_pop!() {
                        sync_position!();
                        store_sp!();
                        let (is_entry, previous) = (frame.is_entry, frame.previous);
                        // SAFETY: `fp` is the innermost frame, a generator's.
                        unsafe { generator::suspend_frame(vm, fp) };
                        if is_entry {
                            return Ok(v);
                        }
                        // Back to the resumer (SEND or FOR_ITER) in place,
                        // its next instruction following. Its stack top was
                        // stored when it resumed this generator, with room
                        // for the value (SEND popped the value it sent;
                        // FOR_ITER's item has its slot).
                        switch_to!(previous);
                        fast_push!(Some(v));
                        continue;
                    }
                    fast_push!(None);
                }
                // `yield from`/`await` delegating to a generator (or
                // coroutine) that can run now: switched to in place, as
                // the general tier's SEND does, without its pop and
                // re-push of the receiver. A call-like entry, so with
                // finalizers pending the general tier (its safe point)
                // goes first; anything else is the general tier's too.
                Opcode::SEND if !crate::gc::is_due() => {
                    step!(Opcode::SEND);
                    if let (Some(receiver), Some(value)) = (fast_peek!(1), fast_peek!(0))
                        && let Some(gen_frame) =
                            generator::inline_resumable(vm, receiver, value.is_none(), true)
                    {
                        let value = fast_pop!().unwrap_or(Value::NONE);
                        sync_position!();
                        store_sp!();
                        // Its return lands on the jump target (END_SEND).
                        frame.return_target = (position_of!(pc) + oparg) as u32;
                        // SAFETY: `gen_frame` belongs to a live generator
                        // (the receiver, still on this stack) that can
                        // run; `fp` is the innermost frame, its position
                        // and stack stored.
                        unsafe { generator::link(vm, gen_frame, fp, value, false) };
                        switch_to!(gen_frame);
                        continue;
                    }
                }
                Opcode::UNPACK_SEQUENCE => {
                    step!(Opcode::UNPACK_SEQUENCE);
                    if let Some(v) = fast_peek!(0)
                        && let Some(items) = fast_ops::exact_tuple_items(vm, v)
                        && items.len() == oparg
                    {
                        let v = fast_pop!();
                        if let Some(items) =
                            v.as_ref().and_then(|v| fast_ops::exact_tuple_items(vm, v))
                        {
                            // Straight from the tuple: no intermediate vector.
                            for item in items.iter().rev() {
                                fast_push!(Some(item.clone()));
                            }
                        }
                        drop(v);
                        continue;
                    }
                    if let Some(v) = fast_peek!(0)
                        && fast_ops::exact_list(vm, v).is_some()
                    {
                        // Straight from the list: it is moved out of its
                        // slot, its items are copied under its cell (the
                        // count checked there) into that slot and the ones
                        // above, and it goes back if the count differs.
                        let count = oparg;
                        let list_value = fast_pop!();
                        let base = sp;
                        let copied = list_value
                            .as_ref()
                            .and_then(|v| fast_ops::exact_list(vm, v))
                            .and_then(|list| {
                                list.items.try_with(|items| {
                                    if items.len() != count {
                                        return false;
                                    }
                                    for (k, item) in items.iter().rev().enumerate() {
                                        debug_assert!(stack_depth!() + k < frame.capacity as usize);
                                        // SAFETY: the compiler sized the stack
                                        // for the unpacked items; these slots
                                        // are at and above the top.
                                        unsafe { base.add(k).write(Some(item.clone())) };
                                    }
                                    true
                                })
                            });
                        if copied == Some(true) {
                            // SAFETY: the `count` slots just written.
                            sp = unsafe { base.add(count) };
                            drop(list_value);
                            continue;
                        }
                        fast_push!(list_value);
                    }
                }
                Opcode::RETURN_VALUE => {
                    step!(Opcode::RETURN_VALUE);
                    if let Some(v) = fast_pop!() {
                        sync_position!();
                        store_sp!();
                        // A plain call's frame returns in place: popped,
                        // its caller resumed with the value pushed (the
                        // caller's stack had room for the callable). An
                        // entry frame on the data stack (run by native
                        // code) returns from this loop here: nothing else
                        // is pending (no error, nothing returned). The
                        // flags are tested together (`return_word`).
                        // Generator frames, and an `__init__` returning
                        // something else than None (an error), take the
                        // full return below.
                        let word = frame.return_word();
                        if word == Frame::PLAIN_RETURN {
                            let previous = frame.previous;
                            // SAFETY: `fp` is the innermost thread frame,
                            // the last pushed on the data stack.
                            unsafe { leave_thread_frame(vm, fp) };
                            switch_to_caller!(previous);
                            fast_push!(Some(v));
                            continue;
                        }
                        if word == Frame::ENTRY_RETURN {
                            // SAFETY: as above.
                            unsafe { leave_thread_frame(vm, fp) };
                            return Ok(v);
                        }
                        if !frame.is_entry && frame.owner == FrameOwner::Thread && frame.init_check
                        {
                            let previous = frame.previous;
                            // `__init__` (pushed by `push_init_call`)
                            // returned None: the instance waits on the
                            // caller's stack already (CPython's
                            // `EXIT_INIT_CHECK`), nothing is pushed.
                            if v.is_none() {
                                // SAFETY: as above.
                                unsafe { leave_thread_frame(vm, fp) };
                                switch_to_caller!(previous);
                                continue;
                            }
                        }
                        // A generator's frame resumed by SEND or FOR_ITER
                        // finishes in place: completed, its resumer goes on
                        // at the loop's end (END_SEND or END_FOR, which
                        // take the value) with the value pushed (room as
                        // for a yield).
                        if !frame.is_entry && frame.owner == FrameOwner::Generator {
                            let previous = frame.previous;
                            // SAFETY: `fp` is the innermost frame, a
                            // generator's.
                            unsafe { generator::finish_frame(vm, fp) };
                            // SAFETY: the resumer's frame is live (below
                            // this one on the chain).
                            unsafe { (*previous).next_instr = (*previous).return_target };
                            switch_to!(previous);
                            fast_push!(Some(v));
                            continue;
                        }
                        returned = Some(v);
                        break;
                    }
                    fast_push!(None);
                }
                // A call is a safe point: with finalizers pending, the
                // general tier runs them first.
                Opcode::CALL if !crate::gc::is_due() => {
                    step!(Opcode::CALL);
                    sync_position!();
                    store_sp!();
                    // A site specialized for a builtin (`call_site.rs`)
                    // calls it at once when its guard holds; otherwise a
                    // Python function's frame is pushed, or a builtin
                    // function or method descriptor runs on the arguments
                    // in place (and the site learns it). The site is read
                    // with one load (`instruction_stream::cache_index`).
                    // SAFETY: `entry` is this `CALL`'s, in the running
                    // code's decoded stream.
                    let site = code
                        .call_caches
                        .get(unsafe { instruction_stream::cache_index(entry) });
                    // SAFETY (both native calls): `fp` is the live
                    // innermost frame, its stack top stored.
                    if let Some(result) =
                        unsafe { crate::runtime::call_site::call_specialized(vm, fp, oparg, site) }
                    {
                        push_native_result!(result);
                    }
                    if let Some(new) = crate::runtime::fast_call::push_simple_call(vm, frame, oparg)
                    {
                        switch_to_new!(new);
                        continue;
                    }
                    if let Some(result) = unsafe {
                        crate::runtime::call_site::call_native_learning(vm, fp, oparg, site)
                    } {
                        push_native_result!(result);
                    }
                    if let Some(new) = crate::runtime::fast_call::push_init_call(vm, frame, oparg) {
                        switch_to_new!(new);
                        continue;
                    }
                    // A builtin class (`str(i)`, `range(n)`): `class_call.rs`.
                    // SAFETY: as above.
                    if let Some(result) =
                        unsafe { crate::runtime::class_call::call_class_on_stack(vm, fp, oparg) }
                    {
                        push_native_result!(result);
                    }
                }
                // A Python function called with keywords (`kw_call.rs`).
                // The callable's kind is looked at first: a builtin called
                // with keywords goes to the general tier without syncing.
                Opcode::CALL_KW
                    if crate::runtime::kw_call::is_python_function(fast_peek!(oparg + 2))
                        && !crate::gc::is_due() =>
                {
                    step!(Opcode::CALL_KW);
                    sync_position!();
                    store_sp!();
                    if let Some(new) = crate::runtime::kw_call::push_keyword_call(vm, frame, oparg)
                    {
                        switch_to_new!(new);
                        continue;
                    }
                }
                // The handler's entry and exit (`except` blocks): they only
                // move values between the stack and the handled-exception
                // slot. The value `POP_EXCEPT` drops may be an exception
                // dying here; a finalizer it has is deferred to the next
                // safe point, as it would be from the general tier. A NULL
                // slot (a stack error) goes to the general tier.
                Opcode::PUSH_EXC_INFO => {
                    step!(Opcode::PUSH_EXC_INFO);
                    if let Some(exc) = fast_pop!() {
                        let previous = std::mem::replace(&mut vm.exc_info, exc.clone());
                        fast_push!(Some(previous));
                        fast_push!(Some(exc));
                        continue;
                    }
                    fast_push!(None);
                }
                Opcode::POP_EXCEPT => {
                    step!(Opcode::POP_EXCEPT);
                    if let Some(previous) = fast_pop!() {
                        vm.exc_info = previous;
                        continue;
                    }
                    fast_push!(None);
                }
                // `except Class:` or `except (A, B):` with exception
                // classes: subclass tests, which run no Python code and
                // cannot fail. Any other spec takes the general tier (its
                // checks and errors).
                Opcode::CHECK_EXC_MATCH => {
                    step!(Opcode::CHECK_EXC_MATCH);
                    if let (Some(exc), Some(spec)) = (fast_peek!(1), fast_peek!(0))
                        && let Some(matched) =
                            crate::builtins::exceptions::exception_matches_classes(vm, exc, spec)
                    {
                        drop(fast_pop!());
                        push_bool_or_branch!(matched);
                        continue;
                    }
                }
                // Everything else: the general tier. Every opcode listed
                // rather than `_`, so the match is exhaustive over the
                // enum's variants and its jump table needs no range check:
                // the dispatch is then one short block ending in the
                // indirect jump, which LLVM copies into the end of each
                // arm (threaded dispatch: each arm's jump is predicted
                // from that arm's own history).
                #[allow(unreachable_patterns)]
                krait_compiler::every_opcode!() => {}
            }

            // The general tier: every instruction, on `frame`'s own stack.
            // SAFETY: the entry's successor is in the stream (`decode`).
            pc = unsafe { entry.add(usize::from((*entry).len)) };
            sync_position!();
            store_sp!();
            // Its positions as indices: the instruction's and the next.
            let (at, next) = (frame.lasti as usize, frame.next_instr as usize);
            // The instruction, read again from its entry (see `entry`).
            // SAFETY: `entry` is in the stream (read at dispatch).
            let instruction_stream::Decoded { opcode, oparg, .. } = unsafe { *entry };
            // A safe point: pending finalizers (`__del__`, closing dead
            // suspended generators) and a due collection run here.
            if crate::gc::is_due() {
                crate::gc::safe_point(vm);
            }
            match opcode {
                // Pending signals are handled where CPython checks its eval
                // breaker: function entry and loop back-edges.
                Opcode::RESUME => {
                    if let Some(e) = crate::runtime::signals::take_pending(vm) {
                        raised = Some(Raised::New(e));
                        break;
                    }
                }
                Opcode::NOP | Opcode::NOT_TAKEN | Opcode::CACHE | Opcode::EXTENDED_ARG => {}
                // What an opcode number CPython does not define decodes to.
                Opcode::RESERVED => {
                    raised = Some(Raised::New(stack_error(vm)));
                    break;
                }
                Opcode::POP_TOP | Opcode::POP_ITER => {
                    let _ = frame.pop();
                }
                Opcode::END_FOR => {
                    let _ = frame.pop();
                }
                Opcode::PUSH_NULL => push_opt!(None),
                Opcode::COPY => {
                    let v = frame.peek(oparg as usize - 1).cloned();
                    push_opt!(v);
                }
                Opcode::SWAP => {
                    let top = frame.stack_top as usize;
                    let n = oparg as usize;
                    if n > top || n == 0 {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    }
                    frame.slots().swap(top - 1, top - n);
                }
                Opcode::LOAD_CONST => {
                    let v = code
                        .consts
                        .get(oparg as usize)
                        .cloned()
                        .unwrap_or(Value::NONE);
                    push!(v);
                }
                Opcode::LOAD_SMALL_INT => push!(Value::from_i64(i64::from(oparg))),
                Opcode::LOAD_COMMON_CONSTANT => {
                    let name = [
                        "AssertionError",
                        "NotImplementedError",
                        "tuple",
                        "all",
                        "any",
                    ]
                    .get(oparg as usize)
                    .copied()
                    .unwrap_or("None");
                    let v = vm
                        .builtins
                        .table
                        .with(|t| t.get_str(&Str::new(name)))
                        .unwrap_or(Value::NONE);
                    push!(v);
                }
                Opcode::LOAD_FAST
                | Opcode::LOAD_FAST_BORROW
                | Opcode::LOAD_FAST_CHECK
                | instruction_stream::LOAD_FAST_LOAD_ATTR
                | instruction_stream::LOAD_FAST_STORE_ATTR => {
                    let v = frame.local(oparg as usize).cloned();
                    match v {
                        Some(v) => push!(v),
                        None => {
                            let name = code
                                .localsplusnames
                                .get(oparg as usize)
                                .map(|n| n.as_lossy().into_owned())
                                .unwrap_or_default();
                            raised = Some(Raised::New(vm.new_error(
                                ExcKind::UnboundLocalError,
                                &format!("cannot access local variable '{name}' where it is not associated with a value"),
                            )));
                            break;
                        }
                    }
                }
                Opcode::LOAD_FAST_AND_CLEAR => {
                    let v = frame.set_local(oparg as usize, None);
                    push_opt!(v);
                }
                Opcode::LOAD_FAST_LOAD_FAST
                | Opcode::LOAD_FAST_BORROW_LOAD_FAST_BORROW
                | instruction_stream::LOAD_FAST_LOAD_FAST_STORE_ATTR => {
                    let (a, b) = ((oparg >> 4) as usize, (oparg & 15) as usize);
                    let (va, vb) = (frame.local(a).cloned(), frame.local(b).cloned());
                    match (va, vb) {
                        (Some(x), Some(y)) => {
                            push!(x);
                            push!(y);
                        }
                        (x, _) => {
                            let idx = if x.is_none() { a } else { b };
                            let name = code
                                .localsplusnames
                                .get(idx)
                                .map(|n| n.as_lossy().into_owned())
                                .unwrap_or_default();
                            raised = Some(Raised::New(vm.new_error(
                                ExcKind::UnboundLocalError,
                                &format!("cannot access local variable '{name}' where it is not associated with a value"),
                            )));
                            break;
                        }
                    }
                }
                Opcode::STORE_FAST => {
                    // May store NULL: restoring a variable hidden by an
                    // inlined comprehension (LOAD_FAST_AND_CLEAR).
                    let v = frame.pop();
                    let old = frame.set_local(oparg as usize, v);
                    drop(old);
                }
                Opcode::STORE_FAST_LOAD_FAST => {
                    let v = pop!();
                    let old = frame.set_local((oparg >> 4) as usize, Some(v));
                    drop(old);
                    let w = frame.local((oparg & 15) as usize).cloned();
                    push_opt!(w);
                }
                Opcode::STORE_FAST_STORE_FAST => {
                    let a = pop!();
                    let old = frame.set_local((oparg >> 4) as usize, Some(a));
                    drop(old);
                    let b = pop!();
                    let old = frame.set_local((oparg & 15) as usize, Some(b));
                    drop(old);
                }
                Opcode::DELETE_FAST => {
                    if frame.set_local(oparg as usize, None).is_none() {
                        let name = code
                            .localsplusnames
                            .get(oparg as usize)
                            .map(|n| n.as_lossy().into_owned())
                            .unwrap_or_default();
                        raised = Some(Raised::New(vm.new_error(
                            ExcKind::UnboundLocalError,
                            &format!("cannot access local variable '{name}' where it is not associated with a value"),
                        )));
                        break;
                    }
                }
                Opcode::MAKE_CELL => {
                    let v = frame.local(oparg as usize).cloned();
                    let cell = tri!(vm.new_cell(v), raised);
                    frame.set_local(oparg as usize, Some(cell));
                }
                Opcode::COPY_FREE_VARS => {
                    let closure = frame
                        .func
                        .as_ref()
                        .and_then(|f| f.as_object())
                        .and_then(|o| o.downcast::<Function>())
                        .and_then(|f| f.closure.get());
                    if let Some(closure) = closure {
                        let n = code.code.nlocalsplus();
                        let count = oparg as usize;
                        for (k, cell) in closure.items().iter().enumerate().take(count) {
                            frame.set_local(n - count + k, Some(cell.clone()));
                        }
                    }
                }
                Opcode::LOAD_DEREF => {
                    let cell = frame.local(oparg as usize).cloned();
                    let v = cell
                        .as_ref()
                        .and_then(|c| c.as_object())
                        .and_then(|o| o.downcast::<CellObj>())
                        .and_then(|c| c.value.get());
                    match v {
                        Some(v) => push!(v),
                        None => {
                            let name = code
                                .localsplusnames
                                .get(oparg as usize)
                                .map(|n| n.as_lossy().into_owned())
                                .unwrap_or_default();
                            let kind = code
                                .code
                                .localspluskinds
                                .get(oparg as usize)
                                .copied()
                                .unwrap_or(0);
                            let message = if kind
                                & krait_compiler::bytecode::code_object::fast_kind::FREE
                                != 0
                            {
                                format!(
                                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                                )
                            } else {
                                format!(
                                    "cannot access local variable '{name}' where it is not associated with a value"
                                )
                            };
                            let kind = if kind
                                & krait_compiler::bytecode::code_object::fast_kind::FREE
                                != 0
                            {
                                ExcKind::NameError
                            } else {
                                ExcKind::UnboundLocalError
                            };
                            raised = Some(Raised::New(vm.new_error(kind, &message)));
                            break;
                        }
                    }
                }
                Opcode::STORE_DEREF | Opcode::DELETE_DEREF => {
                    let v = if opcode == Opcode::STORE_DEREF {
                        Some(pop!())
                    } else {
                        None
                    };
                    let cell = frame.local(oparg as usize).cloned();
                    if let Some(c) = cell
                        .as_ref()
                        .and_then(|c| c.as_object())
                        .and_then(|o| o.downcast::<CellObj>())
                    {
                        let old = c.value.with(|x| std::mem::replace(x, v));
                        drop(old);
                    }
                }
                Opcode::LOAD_FROM_DICT_OR_DEREF => {
                    let mapping = pop!();
                    let name = code.localsplusnames.get(oparg as usize).cloned();
                    let found = match (
                        mapping.as_object().and_then(|o| o.downcast::<Dict>()),
                        &name,
                    ) {
                        (Some(d), Some(n)) => d.table.with(|t| t.get_str(n)),
                        _ => None,
                    };
                    match found {
                        Some(v) => push!(v),
                        None => {
                            let cell = frame.local(oparg as usize).cloned();
                            let v = cell
                                .as_ref()
                                .and_then(|c| c.as_object())
                                .and_then(|o| o.downcast::<CellObj>())
                                .and_then(|c| c.value.get());
                            match v {
                                Some(v) => push!(v),
                                None => {
                                    let n =
                                        name.map(|n| n.as_lossy().into_owned()).unwrap_or_default();
                                    raised = Some(Raised::New(vm.new_error(ExcKind::NameError, &format!("cannot access free variable '{n}' where it is not associated with a value in enclosing scope"))));
                                    break;
                                }
                            }
                        }
                    }
                }
                Opcode::LOAD_LOCALS => {
                    let l = frame.locals.clone();
                    match l {
                        Some(l) => push!(l),
                        None => {
                            raised = Some(Raised::New(
                                vm.new_error(ExcKind::SystemError, "no locals found"),
                            ));
                            break;
                        }
                    }
                }
                Opcode::LOAD_NAME | Opcode::LOAD_FROM_DICT_OR_GLOBALS => {
                    let name = code.names[oparg as usize].clone();
                    let locals = if opcode == Opcode::LOAD_NAME {
                        frame.locals.clone()
                    } else {
                        Some(pop!())
                    };
                    let mut found = None;
                    if let Some(l) = &locals {
                        if let Some(d) = crate::builtins::object::exact_dict(vm, l) {
                            found = d.table.with(|t| t.get_str(&name));
                        } else {
                            let key = Value::from_object(name.as_obj().clone());
                            match vm.get_item(l, &key) {
                                Ok(v) => found = Some(v),
                                Err(e) if vm.exc_matches(&e, ExcKind::KeyError) => {}
                                Err(e) => {
                                    raised = Some(Raised::New(e));
                                    break;
                                }
                            }
                        }
                    }
                    let found = found
                        .or_else(|| frame.globals.table.with(|t| t.get_str(&name)))
                        .or_else(|| frame.builtins.table.with(|t| t.get_str(&name)));
                    match found {
                        Some(v) => push!(v),
                        None => {
                            raised = Some(Raised::New(vm.name_error(&name.as_lossy())));
                            break;
                        }
                    }
                }
                Opcode::STORE_NAME => {
                    let name = code.names[oparg as usize].clone();
                    let v = pop!();
                    let locals = frame.locals.clone();
                    match locals
                        .as_ref()
                        .and_then(|l| crate::builtins::object::exact_dict(vm, l))
                    {
                        Some(d) => {
                            let old = d.table.with(|t| t.insert_str(name, v));
                            drop(old);
                        }
                        None => match locals {
                            Some(l) => tri!(
                                vm.set_item(&l, &Value::from_object(name.into_obj()), Some(v)),
                                raised
                            ),
                            None => {
                                raised = Some(Raised::New(vm.new_error(
                                    ExcKind::SystemError,
                                    "no locals found when storing",
                                )));
                                break;
                            }
                        },
                    }
                }
                Opcode::DELETE_NAME => {
                    let name = code.names[oparg as usize].clone();
                    let locals = frame.locals.clone();
                    let removed = match &locals {
                        Some(l) => match crate::builtins::object::exact_dict(vm, l) {
                            Some(d) => Ok(d.table.with(|t| t.remove_str(&name)).is_some()),
                            None => {
                                let key = Value::from_object(name.as_obj().clone());
                                match vm.set_item(l, &key, None) {
                                    Ok(()) => Ok(true),
                                    Err(e) if vm.exc_matches(&e, ExcKind::KeyError) => Ok(false),
                                    Err(e) => Err(e),
                                }
                            }
                        },
                        None => Ok(false),
                    };
                    if !tri!(removed, raised) {
                        raised = Some(Raised::New(vm.name_error(&name.as_lossy())));
                        break;
                    }
                }
                Opcode::LOAD_GLOBAL => {
                    let cache = crate::runtime::inline_cache::entry_index(units, at)
                        .and_then(|i| code.global_caches.get(i));
                    let cached = cache.and_then(|c| c.get(&frame.globals, &frame.builtins));
                    let found = cached.or_else(|| {
                        let versions = crate::runtime::inline_cache::GlobalCache::versions(
                            &frame.globals,
                            &frame.builtins,
                        );
                        let name = &code.names[(oparg >> 1) as usize];
                        let found = frame
                            .globals
                            .table
                            .with(|t| t.get_str(name))
                            .or_else(|| frame.builtins.table.with(|t| t.get_str(name)));
                        if let (Some(c), Some(v)) = (cache, &found) {
                            c.store(versions, v.clone());
                        }
                        found
                    });
                    match found {
                        Some(v) => {
                            push!(v);
                            if oparg & 1 != 0 {
                                push_opt!(None);
                            }
                        }
                        None => {
                            raised = Some(Raised::New(
                                vm.name_error(&code.names[(oparg >> 1) as usize].as_lossy()),
                            ));
                            break;
                        }
                    }
                }
                Opcode::STORE_GLOBAL => {
                    let name = code.names[oparg as usize].clone();
                    let v = pop!();
                    let old = frame.globals.table.with(|t| t.insert_str(name, v));
                    drop(old);
                }
                Opcode::DELETE_GLOBAL => {
                    let name = code.names[oparg as usize].clone();
                    if frame.globals.table.with(|t| t.remove_str(&name)).is_none() {
                        raised = Some(Raised::New(vm.name_error(&name.as_lossy())));
                        break;
                    }
                }
                Opcode::LOAD_ATTR => {
                    let name = &code.names[(oparg >> 1) as usize];
                    let owner = pop!();
                    let cache = crate::runtime::inline_cache::entry_index(units, at)
                        .and_then(|i| code.attr_caches.get(i));
                    let method = oparg & 1 != 0;
                    // A `property` with a Python getter runs as a frame of
                    // this loop (see the fast tier's arm).
                    if !method
                        && let Some(pushed) = cache.and_then(|c| {
                            crate::runtime::attr_access::push_property_frame(vm, c, &owner)
                        })
                    {
                        drop(owner);
                        fp = tri!(pushed, raised);
                        vm.current_frame = fp;
                        continue 'frames;
                    }
                    let loaded = tri!(
                        crate::runtime::attr_access::load_attr(vm, cache, &owner, name, method),
                        raised
                    );
                    match loaded {
                        crate::runtime::attr_access::Loaded::Method(m) => {
                            push!(m);
                            push!(owner);
                        }
                        crate::runtime::attr_access::Loaded::Value(v) => {
                            push!(v);
                            if method {
                                push_opt!(None);
                            }
                        }
                    }
                }
                Opcode::STORE_ATTR => {
                    let name = &code.names[oparg as usize];
                    let owner = pop!();
                    let v = pop!();
                    let cache = crate::runtime::inline_cache::entry_index(units, at)
                        .and_then(|i| code.attr_caches.get(i));
                    tri!(
                        crate::runtime::attr_access::store_attr(vm, cache, &owner, name, v),
                        raised
                    );
                }
                Opcode::DELETE_ATTR => {
                    let name = code.names[oparg as usize].clone();
                    let owner = pop!();
                    tri!(vm.set_attr(&owner, &name, None), raised);
                }
                Opcode::LOAD_SUPER_ATTR => {
                    let name = &code.names[(oparg >> 2) as usize];
                    let this = pop!();
                    let class = pop!();
                    let global_super = pop!();
                    let loaded = tri!(
                        crate::runtime::super_attr::load_super_attr(
                            vm,
                            &global_super,
                            &class,
                            &this,
                            name,
                            oparg
                        ),
                        raised
                    );
                    match loaded {
                        crate::runtime::attr_access::Loaded::Method(m) => {
                            push!(m);
                            push!(this);
                        }
                        crate::runtime::attr_access::Loaded::Value(v) => {
                            push!(v);
                            if oparg & 1 != 0 {
                                push_opt!(None);
                            }
                        }
                    }
                }
                Opcode::BINARY_OP
                | instruction_stream::BINARY_OP_ADD
                | instruction_stream::BINARY_OP_SUBTRACT
                | instruction_stream::BINARY_OP_MULTIPLY
                | instruction_stream::BINARY_OP_SUBSCR => {
                    // (The fast tier tried the in-place paths.)
                    let b = pop!();
                    let a = pop!();
                    let r = if oparg == NB_SUBSCR {
                        vm.get_item(&a, &b)
                    } else {
                        binary(vm, &a, &b, oparg)
                    };
                    let r = tri!(r, raised);
                    push!(r);
                }
                Opcode::STORE_SUBSCR => {
                    let key = pop!();
                    let container = pop!();
                    let v = pop!();
                    match fast_ops::store_subscript(vm, &container, &key, v) {
                        Ok(old) => drop(old),
                        Err(v) => tri!(vm.set_item(&container, &key, Some(v)), raised),
                    }
                }
                Opcode::DELETE_SUBSCR => {
                    let key = pop!();
                    let container = pop!();
                    tri!(vm.set_item(&container, &key, None), raised);
                }
                Opcode::BINARY_SLICE => {
                    let stop = pop!();
                    let start = pop!();
                    let container = pop!();
                    let s = tri!(vm.new_slice(start, stop, Value::NONE), raised);
                    let r = tri!(vm.get_item(&container, &s), raised);
                    push!(r);
                }
                Opcode::STORE_SLICE => {
                    let stop = pop!();
                    let start = pop!();
                    let container = pop!();
                    let v = pop!();
                    let s = tri!(vm.new_slice(start, stop, Value::NONE), raised);
                    tri!(vm.set_item(&container, &s, Some(v)), raised);
                }
                Opcode::UNARY_NEGATIVE | Opcode::UNARY_INVERT => {
                    let v = pop!();
                    let op = if opcode == Opcode::UNARY_NEGATIVE {
                        UnaryOp::Neg
                    } else {
                        UnaryOp::Invert
                    };
                    let r = match (op, v.as_inline_int()) {
                        (UnaryOp::Neg, Some(i)) => Ok(Value::from_i64(-i)),
                        _ => vm.unary_op(&v, op),
                    };
                    let r = tri!(r, raised);
                    push!(r);
                }
                Opcode::UNARY_NOT => {
                    let v = pop!();
                    let b = tri!(vm.is_true(&v), raised);
                    push!(Value::from_bool(!b));
                }
                Opcode::TO_BOOL => {
                    let v = pop!();
                    let b = tri!(vm.is_true(&v), raised);
                    push!(Value::from_bool(b));
                }
                Opcode::CALL_INTRINSIC_1 => {
                    let v = pop!();
                    let r = match oparg {
                        1 => {
                            // INTRINSIC_PRINT (interactive mode).
                            if !v.is_none() {
                                let s = tri!(vm.repr_string(&v), raised);
                                vm.write_stdout(&format!("{s}\n"));
                            }
                            Ok(Value::NONE)
                        }
                        3 => Ok(generator::stopiteration_error(vm, code.code.flags, v)),
                        4 => crate::builtins::async_generator::wrap_value(vm, v),
                        2 => {
                            // INTRINSIC_IMPORT_STAR
                            match frame.locals.clone() {
                                Some(locals) => {
                                    crate::runtime::import::import_star(vm, &v, &locals)
                                        .map(|()| Value::NONE)
                                }
                                None => Err(vm.new_error(
                                    ExcKind::SystemError,
                                    "no locals found during 'import *'",
                                )),
                            }
                        }
                        5 => vm.unary_op(&v, UnaryOp::Pos),
                        6 => {
                            let items = crate::builtins::tuple::seq_items(&v).unwrap_or_default();
                            vm.new_tuple(items)
                        }
                        7..=11 => crate::builtins::typing::intrinsic_1(vm, oparg, v),
                        _ => Err(vm.new_error(
                            ExcKind::NotImplementedError,
                            &format!("krait does not support intrinsic {oparg} yet"),
                        )),
                    };
                    let r = tri!(r, raised);
                    push!(r);
                }
                Opcode::COMPARE_OP
                | instruction_stream::COMPARE_OP_LT
                | instruction_stream::COMPARE_OP_LE
                | instruction_stream::COMPARE_OP_EQ
                | instruction_stream::COMPARE_OP_NE
                | instruction_stream::COMPARE_OP_GT
                | instruction_stream::COMPARE_OP_GE => {
                    let b = pop!();
                    let a = pop!();
                    let op = CompareOp::from_index(oparg >> 5).unwrap_or(CompareOp::Eq);
                    let r = tri!(vm.rich_compare(&a, &b, op), raised);
                    let r = if oparg & 16 != 0 {
                        Value::from_bool(tri!(vm.is_true(&r), raised))
                    } else {
                        r
                    };
                    push!(r);
                }
                Opcode::IS_OP => {
                    let b = pop!();
                    let a = pop!();
                    let same = crate::protocol::number::is_same(&a, &b);
                    push!(Value::from_bool(same != (oparg == 1)));
                }
                Opcode::CONTAINS_OP => {
                    let container = pop!();
                    let item = pop!();
                    let r = tri!(vm.contains(&container, &item), raised);
                    push!(Value::from_bool(r != (oparg == 1)));
                }
                Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE => {
                    let v = pop!();
                    let b = match v.as_bool() {
                        Some(b) => b,
                        None => tri!(vm.is_true(&v), raised),
                    };
                    if b == (opcode == Opcode::POP_JUMP_IF_TRUE) {
                        jump_to!(next + oparg as usize);
                    }
                }
                Opcode::POP_JUMP_IF_NONE | Opcode::POP_JUMP_IF_NOT_NONE => {
                    let v = pop!();
                    if v.is_none() == (opcode == Opcode::POP_JUMP_IF_NONE) {
                        jump_to!(next + oparg as usize);
                    }
                }
                Opcode::JUMP_FORWARD => jump_to!(next + oparg as usize),
                Opcode::JUMP_BACKWARD => {
                    if let Some(e) = crate::runtime::signals::take_pending(vm) {
                        raised = Some(Raised::New(e));
                        break;
                    }
                    jump_to!(next.saturating_sub(oparg as usize));
                }
                Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                    jump_to!(next.saturating_sub(oparg as usize));
                }
                Opcode::GET_ITER => {
                    let v = pop!();
                    let it = tri!(vm.iter(&v), raised);
                    push!(it);
                }
                Opcode::FOR_ITER => {
                    let Some(it) = frame.peek(0).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    let step = match fast_ops::iterate(vm, &it) {
                        Some(step) => step,
                        None => {
                            // A generator runs in this loop; its return lands
                            // on END_FOR, which pops the return value.
                            // SAFETY: `fp` is the live innermost frame.
                            if let Ok(gen_frame) =
                                unsafe { generator::enter_inline(vm, fp, &it, Value::NONE, false) }
                            {
                                frame.return_target = (next + oparg as usize) as u32;
                                fp = gen_frame;
                                vm.current_frame = fp;
                                continue 'frames;
                            }
                            tri!(vm.next(&it), raised)
                        }
                    };
                    match step {
                        Some(v) => push!(v),
                        None => jump_to!(next + oparg as usize + 1),
                    }
                }
                Opcode::BUILD_TUPLE => {
                    let items = frame.pop_n(oparg as usize);
                    let t = tri!(vm.new_tuple(items), raised);
                    push!(t);
                }
                Opcode::BUILD_LIST => {
                    let items = frame.pop_n(oparg as usize);
                    let l = tri!(vm.new_list(items), raised);
                    push!(l);
                }
                Opcode::BUILD_SET => {
                    let items = frame.pop_n(oparg as usize);
                    let s = tri!(vm.new_set(items), raised);
                    push!(s);
                }
                Opcode::BUILD_MAP => {
                    let items = frame.pop_n(2 * oparg as usize);
                    let d = tri!(vm.new_dict_ref(), raised);
                    // Not `tri!` inside the loop: its `break` would only
                    // leave the loop and lose the error.
                    let filled = (|| {
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            Dict::set_item(vm, &d, k, v)?;
                        }
                        Ok(())
                    })();
                    tri!(filled, raised);
                    push!(Value::from_object(d.into_obj()));
                }
                Opcode::BUILD_SLICE => {
                    let mut items = frame.pop_n(oparg as usize).into_iter();
                    let a = items.next().unwrap_or(Value::NONE);
                    let b = items.next().unwrap_or(Value::NONE);
                    let c = items.next().unwrap_or(Value::NONE);
                    let s = tri!(vm.new_slice(a, b, c), raised);
                    push!(s);
                }
                Opcode::BUILD_STRING => {
                    let items = frame.pop_n(oparg as usize);
                    let mut bytes = Vec::new();
                    for i in &items {
                        if let Some(s) = vm.as_str(i) {
                            bytes.extend_from_slice(s.as_bytes());
                        }
                    }
                    let s = tri!(vm.new_str_from_wtf8_bytes(bytes), raised);
                    push!(s);
                }
                Opcode::LIST_APPEND
                | Opcode::SET_ADD
                | Opcode::LIST_EXTEND
                | Opcode::SET_UPDATE
                | Opcode::DICT_UPDATE
                | Opcode::DICT_MERGE => {
                    let v = pop!();
                    let Some(target) = frame.peek(oparg as usize - 1).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    tri!(
                        collection_add(
                            vm,
                            opcode,
                            &target,
                            v,
                            frame.peek(oparg as usize + 2).cloned()
                        ),
                        raised
                    );
                }
                Opcode::MAP_ADD => {
                    let v = pop!();
                    let k = pop!();
                    let Some(target) = frame.peek(oparg as usize - 1).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    if let Some(d) = target.as_object().and_then(|o| o.downcast::<Dict>()) {
                        let d = d.clone();
                        tri!(Dict::set_item(vm, &d, k, v), raised);
                    }
                }
                Opcode::UNPACK_SEQUENCE => {
                    let v = pop!();
                    let items = match fast_ops::unpack_exact(vm, &v, oparg as usize) {
                        Some(items) => items,
                        None => tri!(unpack(vm, &v, oparg as usize, None), raised),
                    };
                    for item in items.into_iter().rev() {
                        push!(item);
                    }
                }
                Opcode::UNPACK_EX => {
                    let v = pop!();
                    let before = (oparg & 0xFF) as usize;
                    let after = (oparg >> 8) as usize;
                    let items = tri!(unpack(vm, &v, before, Some(after)), raised);
                    let (head, rest) = items.split_at(before);
                    let (middle, tail) = rest.split_at(rest.len() - after);
                    let middle = tri!(vm.new_list(middle.to_vec()), raised);
                    for item in tail.iter().rev() {
                        push!(item.clone());
                    }
                    push!(middle);
                    for item in head.iter().rev() {
                        push!(item.clone());
                    }
                }
                Opcode::FORMAT_SIMPLE => {
                    let v = pop!();
                    let r = if vm.as_str(&v).is_some() {
                        Ok(v)
                    } else {
                        crate::builtins::format::format(vm, &v, "")
                    };
                    let r = tri!(r, raised);
                    push!(r);
                }
                Opcode::FORMAT_WITH_SPEC => {
                    let spec = pop!();
                    let v = pop!();
                    let spec = vm
                        .as_str(&spec)
                        .map(|s| s.as_lossy().into_owned())
                        .unwrap_or_default();
                    let r = tri!(crate::builtins::format::format(vm, &v, &spec), raised);
                    push!(r);
                }
                Opcode::CONVERT_VALUE => {
                    let v = pop!();
                    let r = match oparg {
                        1 => vm.str(&v),
                        2 => vm.repr(&v),
                        _ => crate::builtins::functions::ascii(vm, &v),
                    };
                    let r = tri!(r, raised);
                    push!(r);
                }
                Opcode::MAKE_FUNCTION => {
                    let c = pop!();
                    let Some(code_obj) = c.as_object().and_then(|o| o.downcast::<Code>()).cloned()
                    else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    let globals = frame.globals.clone();
                    let f = tri!(vm.new_function(code_obj, globals), raised);
                    push!(f);
                }
                Opcode::SET_FUNCTION_ATTRIBUTE => {
                    let func = pop!();
                    let attr = pop!();
                    if let Some(f) = func.as_object().and_then(|o| o.downcast::<Function>()) {
                        match oparg {
                            1 => f.defaults.with(|d| {
                                *d = attr
                                    .as_object()
                                    .and_then(|o| o.downcast::<Tuple>())
                                    .cloned()
                            }),
                            2 => f.kwdefaults.with(|d| {
                                *d = attr.as_object().and_then(|o| o.downcast::<Dict>()).cloned()
                            }),
                            8 => f.closure.with(|d| {
                                *d = attr
                                    .as_object()
                                    .and_then(|o| o.downcast::<Tuple>())
                                    .cloned()
                            }),
                            _ => f.annotate.with(|a| *a = attr),
                        }
                    }
                    push!(func);
                }
                Opcode::CALL | Opcode::CALL_KW => {
                    // (For CALL the fast tier tried a simple Python call, a
                    // native callable and a simple class instantiation,
                    // unless finalizers were pending.)
                    let kwnames = if opcode == Opcode::CALL_KW {
                        let k = pop!();
                        k.as_object().and_then(|o| o.downcast::<Tuple>()).cloned()
                    } else {
                        None
                    };
                    let nargs = oparg as usize;
                    // `self` (when not NULL) and the arguments are adjacent
                    // on the stack: one vector, no insertion at its front.
                    let mut args;
                    let mut callable;
                    if frame.peek(nargs).is_some() {
                        args = frame.pop_args(nargs + 1);
                        callable = pop!();
                    } else {
                        args = frame.pop_args(nargs);
                        let _null = frame.pop();
                        callable = pop!();
                        if let Some(m) = callable.as_object().and_then(|o| o.downcast::<Method>()) {
                            let (this, func) = (m.this.clone(), m.func.clone());
                            args.insert(0, this);
                            callable = func;
                        }
                    }
                    if let Some((cls, init)) =
                        crate::runtime::fast_call::python_init_of(vm, &callable)
                    {
                        // Class instantiation: the instance waits on this
                        // stack while `__init__` runs as a frame of this loop.
                        let instance = tri!(
                            crate::builtins::object::object_new(vm, &cls, &args, kwnames.as_ref()),
                            raised
                        );
                        args.insert(0, instance.clone());
                        push!(instance);
                        let new = tri!(
                            vm.push_function_frame(&init, &args, kwnames.as_ref()),
                            raised
                        );
                        // SAFETY: just pushed, live.
                        unsafe { (*new).init_check = true };
                        fp = new;
                        vm.current_frame = fp;
                        continue 'frames;
                    }
                    if let Some(f) = callable.as_object().and_then(|o| o.downcast::<Function>()) {
                        // Generator functions too: RETURN_GENERATOR moves
                        // the frame into the generator it returns.
                        let f = f.clone();
                        let new = tri!(vm.push_function_frame(&f, &args, kwnames.as_ref()), raised);
                        fp = new;
                        vm.current_frame = fp;
                        continue 'frames;
                    }
                    let r = if callable
                        .as_object()
                        .is_some_and(|o| o.downcast::<MethodDescriptor>().is_some())
                    {
                        call_method_descriptor(vm, &callable, &args, kwnames.as_ref())
                    } else {
                        vm.call(&callable, &args, kwnames.as_ref())
                    };
                    let r = tri!(r, raised);
                    // SAFETY: the frame is still the innermost live frame.
                    let frame = unsafe { &mut *fp };
                    if !frame.push(Some(r)) {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    }
                }
                Opcode::CALL_FUNCTION_EX => {
                    let kwargs = frame.pop();
                    let callargs = pop!();
                    let _null = frame.pop();
                    let func = pop!();
                    let (args, kwnames) = tri!(
                        crate::runtime::call::unpack_call_arguments(vm, &func, &callargs, kwargs),
                        raised
                    );
                    let r = tri!(vm.call(&func, &args, kwnames.as_ref()), raised);
                    // SAFETY: the frame is still the innermost live frame.
                    let frame = unsafe { &mut *fp };
                    if !frame.push(Some(r)) {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    }
                }
                Opcode::RETURN_VALUE => {
                    let v = pop!();
                    returned = Some(v);
                    break;
                }
                // A yield of a generator's frame runs in the fast tier; what
                // reaches here is bad bytecode (no generator, or NULL).
                Opcode::YIELD_VALUE => {
                    raised = Some(Raised::New(stack_error(vm)));
                    break;
                }
                Opcode::SEND => {
                    let v = pop!();
                    let Some(receiver) = frame.peek(0).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    // A generator or coroutine runs in this loop, switched
                    // to in place; its return lands on the jump target
                    // (END_SEND).
                    // SAFETY: `fp` is the live innermost frame.
                    let v = match unsafe { generator::enter_inline(vm, fp, &receiver, v, true) } {
                        Ok(gen_frame) => {
                            frame.return_target = (next + oparg as usize) as u32;
                            switch_to!(gen_frame);
                            continue;
                        }
                        Err(v) => v,
                    };
                    let r = tri!(generator::send_generic(vm, &receiver, v), raised);
                    // SAFETY: the frame is still the innermost live frame.
                    let frame = unsafe { &mut *fp };
                    let (generator::Resumed::Yielded(x) | generator::Resumed::Returned(x)) = &r;
                    if !frame.push(Some(x.clone())) {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    }
                    if let generator::Resumed::Returned(_) = r {
                        jump_to!(next + oparg as usize);
                    }
                }
                Opcode::END_SEND => {
                    let v = pop!();
                    let _receiver = pop!();
                    push!(v);
                }
                Opcode::CLEANUP_THROW => {
                    let exc = pop!();
                    let _last_sent = pop!();
                    let _sub_iter = pop!();
                    match generator::cleanup_throw(vm, &exc) {
                        Ok(value) => {
                            push!(Value::NONE);
                            push!(value);
                        }
                        Err(e) => {
                            raised = Some(Raised::Reraise(e));
                            break;
                        }
                    }
                }
                Opcode::GET_YIELD_FROM_ITER => {
                    let v = pop!();
                    let it = tri!(
                        generator::get_yield_from_iter(vm, code.code.flags, v),
                        raised
                    );
                    push!(it);
                }
                Opcode::GET_AWAITABLE => {
                    let v = pop!();
                    let it = tri!(coroutine::get_awaitable(vm, &v, oparg), raised);
                    push!(it);
                }
                Opcode::GET_AITER => {
                    let v = pop!();
                    let it = tri!(coroutine::get_aiter(vm, &v), raised);
                    push!(it);
                }
                Opcode::GET_ANEXT => {
                    let Some(aiter) = frame.peek(0).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    let awaitable = tri!(coroutine::get_anext(vm, &aiter), raised);
                    // SAFETY: the frame is still the innermost live frame.
                    let frame = unsafe { &mut *fp };
                    if !frame.push(Some(awaitable)) {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    }
                }
                Opcode::END_ASYNC_FOR => {
                    let exc = pop!();
                    let _aiter = pop!();
                    if let Err(e) = coroutine::end_async_for(vm, &exc) {
                        raised = Some(Raised::Reraise(e));
                        break;
                    }
                }
                Opcode::LOAD_BUILD_CLASS => {
                    let v = frame
                        .builtins
                        .table
                        .with(|t| t.get_str(&Str::new("__build_class__")));
                    match v {
                        Some(v) => push!(v),
                        None => {
                            raised = Some(Raised::New(
                                vm.new_error(ExcKind::NameError, "__build_class__ not found"),
                            ));
                            break;
                        }
                    }
                }
                Opcode::SETUP_ANNOTATIONS => {
                    let locals = frame.locals.clone();
                    if let Some(d) = locals
                        .as_ref()
                        .and_then(|l| l.as_object())
                        .and_then(|o| o.downcast::<Dict>())
                    {
                        let d = d.clone();
                        let key = tri!(vm.intern("__annotations__"), raised);
                        if d.table.with(|t| t.get_str(&key)).is_none() {
                            let ann = tri!(vm.new_dict(), raised);
                            d.table.with(|t| t.insert_str(key, ann));
                        }
                    }
                }
                Opcode::RAISE_VARARGS => {
                    let cause = if oparg >= 2 { Some(pop!()) } else { None };
                    let e = match oparg {
                        0 => {
                            let current = vm.handled_exception();
                            match as_exception(&current) {
                                Some(e) => Raised::Reraise(PyErr(e.clone())),
                                None => {
                                    Raised::New(vm.runtime_error("No active exception to reraise"))
                                }
                            }
                        }
                        _ => {
                            let exc = pop!();
                            match make_exception(vm, &exc, cause) {
                                Ok(e) => Raised::Explicit(e),
                                Err(e) => Raised::New(e),
                            }
                        }
                    };
                    raised = Some(e);
                    break;
                }
                Opcode::RERAISE => {
                    let exc = pop!();
                    if oparg != 0
                        && let Some(lasti) = frame.peek(oparg as usize - 1).and_then(Value::as_i64)
                    {
                        frame.lasti = lasti as u32;
                    }
                    let e = match as_exception(&exc) {
                        Some(e) => PyErr(e.clone()),
                        None => stack_error(vm),
                    };
                    raised = Some(Raised::Reraise(e));
                    break;
                }
                Opcode::PUSH_EXC_INFO => {
                    let exc = pop!();
                    let prev = std::mem::replace(&mut vm.exc_info, exc.clone());
                    push!(prev);
                    push!(exc);
                }
                Opcode::POP_EXCEPT => {
                    let v = pop!();
                    vm.exc_info = v;
                }
                Opcode::CHECK_EG_MATCH => {
                    let match_type = pop!();
                    let exc_value = pop!();
                    let (matched, rest) = tri!(
                        crate::builtins::exception_group::check_eg_match(
                            vm,
                            &exc_value,
                            &match_type
                        ),
                        raised
                    );
                    push!(rest);
                    push!(matched);
                }
                Opcode::CALL_INTRINSIC_2 => {
                    let value1 = pop!();
                    let value2 = pop!();
                    let r = tri!(
                        crate::builtins::typing::intrinsic_2(vm, oparg, value2, value1),
                        raised
                    );
                    push!(r);
                }
                Opcode::CHECK_EXC_MATCH => {
                    let right = pop!();
                    let Some(left) = frame.peek(0).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    let r = tri!(exception_matches(vm, &left, &right), raised);
                    push!(Value::from_bool(r));
                }
                Opcode::LOAD_SPECIAL => {
                    let owner = pop!();
                    let name = ["__enter__", "__exit__", "__aenter__", "__aexit__"]
                        .get(oparg as usize)
                        .copied()
                        .unwrap_or("__enter__");
                    let class = vm.type_of(&owner).clone();
                    match crate::runtime::inline_cache::special_lookup(&class, oparg, name) {
                        Some(attr) => {
                            let is_func = attr.as_object().is_some_and(|o| {
                                o.downcast::<Function>().is_some()
                                    || o.downcast::<MethodDescriptor>().is_some()
                            });
                            if is_func {
                                push!(attr);
                                push!(owner);
                            } else {
                                let bound = tri!(vm.bind(&attr, &owner, &class), raised);
                                push!(bound);
                                push_opt!(None);
                            }
                        }
                        None => {
                            // CPython's `_Py_SpecialMethods[oparg].error`, with the
                            // hint when the other protocol's method exists.
                            let tn = class.name.to_string();
                            let (protocol, other) = if oparg < 2 {
                                (
                                    "context manager protocol",
                                    "asynchronous context manager protocol. Did you mean to use 'async with'?",
                                )
                            } else {
                                (
                                    "asynchronous context manager protocol",
                                    "context manager protocol. Did you mean to use 'with'?",
                                )
                            };
                            let counterpart = ["__aenter__", "__aexit__", "__enter__", "__exit__"]
                                .get(oparg as usize)
                                .copied()
                                .unwrap_or("__aenter__");
                            let mut message = format!(
                                "'{tn}' object does not support the {protocol} (missed {name} method)"
                            );
                            if class.lookup(counterpart).is_some() {
                                message.push_str(&format!(" but it supports the {other}"));
                            }
                            raised = Some(Raised::New(vm.type_error(message)));
                            break;
                        }
                    }
                }
                Opcode::WITH_EXCEPT_START => {
                    let Some(val) = frame.peek(0).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    let exit_self = frame.peek(3).cloned();
                    let Some(exit_func) = frame.peek(4).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    let tp = Value::from_object(vm.type_of(&val).as_obj().clone());
                    let tb = as_exception(&val).map_or(Value::NONE, |e| e.traceback.get());
                    let mut args = Vec::with_capacity(4);
                    if let Some(s) = exit_self {
                        args.push(s);
                    }
                    args.extend([tp, val, tb]);
                    let r = tri!(vm.call(&exit_func, &args, None), raised);
                    // SAFETY: the frame is still the innermost live frame.
                    let frame = unsafe { &mut *fp };
                    if !frame.push(Some(r)) {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    }
                }
                Opcode::IMPORT_NAME => {
                    let fromlist = pop!();
                    let level = pop!();
                    let Some(name) = code.names.get(oparg as usize).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    let (builtins, globals, locals) = (
                        frame.builtins.clone(),
                        frame.globals.clone(),
                        frame.locals.clone(),
                    );
                    let module = tri!(
                        crate::runtime::import::import_name(
                            vm, &builtins, &globals, locals, &name, fromlist, level
                        ),
                        raised
                    );
                    push!(module);
                }
                Opcode::IMPORT_FROM => {
                    let Some(module) = frame.peek(0).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    let Some(name) = code.names.get(oparg as usize).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    let value = tri!(
                        crate::runtime::import::import_from(vm, &module, &name),
                        raised
                    );
                    push!(value);
                }
                // Structural pattern matching: `runtime::pattern_match`.
                Opcode::GET_LEN => {
                    let Some(subject) = frame.peek(0).cloned() else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    push!(tri!(pattern_match::length(vm, &subject), raised));
                }
                Opcode::MATCH_MAPPING | Opcode::MATCH_SEQUENCE => {
                    let Some(subject) = frame.peek(0) else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    let matched = if opcode == Opcode::MATCH_MAPPING {
                        pattern_match::is_mapping(vm, subject)
                    } else {
                        pattern_match::is_sequence(vm, subject)
                    };
                    push!(Value::from_bool(matched));
                }
                Opcode::MATCH_KEYS => {
                    let (Some(subject), Some(keys)) =
                        (frame.peek(1).cloned(), frame.peek(0).cloned())
                    else {
                        raised = Some(Raised::New(stack_error(vm)));
                        break;
                    };
                    push!(tri!(pattern_match::match_keys(vm, &subject, &keys), raised));
                }
                Opcode::MATCH_CLASS => {
                    let names = pop!();
                    let class = pop!();
                    let subject = pop!();
                    let found =
                        pattern_match::match_class(vm, &subject, &class, oparg as usize, &names);
                    push!(tri!(found, raised));
                }
                // Template strings: `builtins::template`.
                Opcode::BUILD_INTERPOLATION => {
                    let format_spec = if oparg & 1 != 0 { Some(pop!()) } else { None };
                    let expression = pop!();
                    let value = pop!();
                    let built = template::build_interpolation(
                        vm,
                        value,
                        expression,
                        oparg >> 2,
                        format_spec,
                    );
                    push!(tri!(built, raised));
                }
                Opcode::BUILD_TEMPLATE => {
                    let interpolations = pop!();
                    let strings = pop!();
                    push!(tri!(
                        template::build_template(vm, &strings, &interpolations),
                        raised
                    ));
                }
                other => {
                    raised = Some(Raised::New(vm.new_error(
                        ExcKind::NotImplementedError,
                        &format!(
                            "krait does not implement the {} instruction yet",
                            other.name()
                        ),
                    )));
                    break;
                }
            }
            load_sp!();
        }

        // A frame returned.
        if let Some(v) = returned {
            // SAFETY: `fp` is the live innermost frame.
            let (is_entry, previous, owner, init_check) = unsafe {
                (
                    (*fp).is_entry,
                    (*fp).previous,
                    (*fp).owner,
                    (*fp).init_check,
                )
            };
            // SAFETY: `fp` is the innermost frame (the last pushed, for
            // frames on the data stack).
            unsafe { leave_frame(vm, fp) };
            if is_entry {
                return Ok(v);
            }
            fp = previous;
            vm.current_frame = fp;
            if init_check {
                // `__init__` returned: the instance is on the caller's
                // stack already (CPython's `EXIT_INIT_CHECK`).
                if !v.is_none() {
                    let tn = vm.type_name(&v);
                    let e = vm.type_error(format!("__init__() should return None, not '{tn}'"));
                    if let Some(r) = unwind(vm, &mut fp, Raised::New(e)) {
                        return r;
                    }
                }
                continue;
            }
            // SAFETY: the caller frame is live.
            let frame = unsafe { &mut *fp };
            if owner == FrameOwner::Generator {
                // A generator resumed by SEND or FOR_ITER finished: its
                // resumer goes to the loop's end.
                frame.next_instr = frame.return_target;
            }
            if !frame.push(Some(v)) {
                let e = stack_error(vm);
                if let Some(r) = unwind(vm, &mut fp, Raised::New(e)) {
                    return r;
                }
            }
            continue;
        }
        if let Some(r) = raised
            && let Some(result) = unwind(vm, &mut fp, r)
        {
            return result;
        }
    }
}

/// Unwinds an error from `*fp` outwards: records traceback entries, finds
/// a handler (then `None`: continue running `*fp`), or pops frames up to
/// and including the entry frame (then the error to return).
fn unwind(vm: &mut Vm, fp: &mut *mut Frame, raised: Raised) -> Option<PyResult<Value>> {
    let (err, mut add_entry, chain) = match raised {
        Raised::New(e) => {
            let fresh = e.0.traceback.with(|t| t.is_none());
            (e, true, fresh)
        }
        Raised::Explicit(e) => (e, true, true),
        // Chained when first raised; the handled exception may have changed
        // since (a generator re-raising after being resumed elsewhere), and
        // CPython's re-raise does not chain again.
        Raised::Reraise(e) => (e, false, false),
        Raised::Thrown(e) => (e, true, false),
    };
    // Chain a new error to the exception being handled.
    let handled = if chain {
        vm.handled_exception()
    } else {
        Value::NONE
    };
    if let Some(h) = as_exception(&handled)
        && !h.as_obj().is(err.as_obj())
        && err.0.context.with(|c| c.is_none())
    {
        let h = h.clone();
        // Avoid creating a cycle through the context chain.
        let mut cursor = Some(h.clone());
        let mut cycle = false;
        let mut steps = 0;
        while let Some(c) = cursor {
            if c.as_obj().is(err.as_obj()) {
                cycle = true;
                break;
            }
            steps += 1;
            if steps > 10_000 {
                break;
            }
            cursor = as_exception(&c.context.get()).cloned();
        }
        if !cycle {
            err.0
                .context
                .with(|c| *c = Value::from_object(h.as_obj().clone()));
        }
    }
    loop {
        // SAFETY: `*fp` is the live innermost frame.
        let frame = unsafe { &mut **fp };
        if add_entry {
            crate::runtime::traceback::add_entry(vm, &err, frame);
        }
        add_entry = true;
        // The handler is found from the instruction that ran (`RERAISE`
        // may have set `lasti` to an earlier one, for the traceback).
        let lasti = frame.lasti;
        let offset = frame.next_instr.saturating_sub(1);
        if let Some(handler) = frame.code.handlers.find(offset) {
            let nlocals = frame.code.code.nlocalsplus() as u32;
            let depth = nlocals + handler.depth;
            while frame.stack_top > depth {
                let _ = frame.pop();
            }
            if handler.lasti {
                frame.push(Some(Value::from_i64(i64::from(lasti))));
            }
            frame.push(Some(Value::from_object(err.0.as_obj().clone())));
            frame.next_instr = handler.target;
            return None;
        }
        let (is_entry, previous) = (frame.is_entry, frame.previous);
        // SAFETY: `*fp` is the innermost frame (the last pushed, for
        // frames on the data stack).
        unsafe { leave_frame(vm, *fp) };
        if is_entry {
            return Some(Err(err));
        }
        *fp = previous;
        vm.current_frame = *fp;
    }
}

/// A frame returned or raised: pops it from the data stack, or completes
/// it if a generator owns it.
///
/// # Safety
/// `fp` must be the live innermost frame.
#[inline(always)]
unsafe fn leave_frame(vm: &mut Vm, fp: *mut Frame) {
    // SAFETY: contract.
    match unsafe { (*fp).owner } {
        // SAFETY: contract.
        FrameOwner::Thread => unsafe { leave_thread_frame(vm, fp) },
        // SAFETY: contract.
        FrameOwner::Generator => unsafe { generator::finish_frame(vm, fp) },
    }
}

/// [`leave_frame`] for a frame known to be on the thread's data stack
/// (its `return_word` said so): popped without looking at its owner.
///
/// # Safety
/// `fp` must be the live innermost frame, owned by the thread.
#[inline(always)]
unsafe fn leave_thread_frame(vm: &mut Vm, fp: *mut Frame) {
    // SAFETY: contract; its frame object takes the data over.
    unsafe { crate::runtime::frame_object::frame_ends(vm, fp) };
    // SAFETY: thread frames are popped in LIFO order.
    unsafe { vm.data_stack.pop(fp) };
    vm.recursion_depth -= 1;
}

/// The comparison of two exact `str`s (by code points, which is their
/// bytes' order), the result `rich_compare` would give; `None` for every
/// other pair. Out of line: the numeric cases come first.
#[inline(never)]
fn compare_exact_strs(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> Option<bool> {
    Some(op.test(vm.exact_str_ordering(a, b)?))
}

/// The comparison of two inline ints or two floats, done in place (the
/// result `rich_compare` would give); `None` for every other pair.
#[inline(always)]
fn compare_inline(a: &Value, b: &Value, op: CompareOp) -> Option<bool> {
    let ordering = match (a.as_inline_int(), b.as_inline_int()) {
        (Some(x), Some(y)) => Some(x.cmp(&y)),
        _ => match (a.as_inline_float(), b.as_inline_float()) {
            (Some(x), Some(y)) => x.partial_cmp(&y),
            _ => return None,
        },
    };
    // A NaN is unordered: only `!=` holds.
    Some(ordering.map_or(op == CompareOp::Ne, |ordering| op.test(ordering)))
}

fn binary(vm: &mut Vm, a: &Value, b: &Value, oparg: u32) -> PyResult<Value> {
    match BinOp::ALL.get(oparg as usize) {
        Some(op) => vm.binary_op(a, b, *op),
        None => match BinOp::ALL.get(oparg as usize - 13) {
            Some(op) => vm.inplace_op(a, b, *op),
            None => Err(vm.new_error(ExcKind::SystemError, "bad BINARY_OP oparg")),
        },
    }
}

fn collection_add(
    vm: &mut Vm,
    opcode: Opcode,
    target: &Value,
    v: Value,
    callable: Option<Value>,
) -> PyResult<()> {
    let o = target.as_object();
    match opcode {
        Opcode::LIST_APPEND => {
            if let Some(l) = o.and_then(|o| o.downcast::<crate::builtins::list::List>()) {
                l.items.with(|i| crate::builtins::list::List::push(i, v));
            }
        }
        Opcode::LIST_EXTEND => {
            let items = vm.collect_iterable(&v).map_err(|e| {
                if vm.exc_matches(&e, ExcKind::TypeError)
                    && vm.type_of(&v).slots.iter.get().is_none()
                {
                    let tn = vm.type_name(&v);
                    vm.type_error(format!("Value after * must be an iterable, not {tn}"))
                } else {
                    e
                }
            })?;
            if let Some(l) = o.and_then(|o| o.downcast::<crate::builtins::list::List>()) {
                l.items
                    .with(|i| crate::builtins::list::List::extend(i, items));
            }
        }
        Opcode::SET_ADD => {
            if let Some(s) = crate::builtins::set::as_set(target) {
                let s = s.clone();
                crate::builtins::set::Set::add(vm, &s, v)?;
            }
        }
        Opcode::SET_UPDATE => {
            if let Some(s) = crate::builtins::set::as_set(target) {
                let s = s.clone();
                crate::builtins::set::Set::update(vm, &s, &v)?;
            }
        }
        Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
            if let Some(d) = o.and_then(|o| o.downcast::<Dict>()).cloned() {
                if opcode == Opcode::DICT_MERGE {
                    let Some(src) = v.as_object().and_then(|o| o.downcast::<Dict>()).cloned()
                    else {
                        let fname = callable
                            .map(|c| crate::builtins::functions::callable_name(vm, &c))
                            .unwrap_or_default();
                        let tn = vm.type_name(&v);
                        return Err(vm.type_error(format!(
                            "{fname} argument after ** must be a mapping, not {tn}"
                        )));
                    };
                    for (k, val) in src.items() {
                        if Dict::get_item(vm, &d, &k)?.is_some() {
                            let fname = callable
                                .map(|c| crate::builtins::functions::callable_name(vm, &c))
                                .unwrap_or_default();
                            let ks = vm.str_string(&k)?;
                            return Err(vm.type_error(format!(
                                "{fname} got multiple values for keyword argument '{ks}'"
                            )));
                        }
                        Dict::set_item(vm, &d, k, val)?;
                    }
                } else {
                    if v.as_object().and_then(|o| o.downcast::<Dict>()).is_none()
                        && !vm.has_attr_str(&v, "keys")?
                    {
                        let tn = vm.type_name(&v);
                        return Err(vm.type_error(format!("'{tn}' object is not a mapping")));
                    }
                    crate::builtins::dict::update_from(vm, &d, &v)?;
                }
            }
        }
        _ => {}
    }
    Ok(())
}

fn unpack(vm: &mut Vm, v: &Value, count: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
    // Exact tuples and lists are read directly; anything else (subclasses
    // included, which may override `__iter__`) is iterated.
    let class = vm.type_of(v);
    let sized = if class.same(&vm.types.tuple) || class.same(&vm.types.list) {
        crate::builtins::tuple::seq_items(v)
    } else {
        None
    };
    let items = match sized {
        Some(items) => items,
        None => {
            if vm.type_of(v).slots.iter.get().is_none()
                && vm.type_of(v).slots.getitem.get().is_none()
            {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("cannot unpack non-iterable {tn} object")));
            }
            vm.collect_iterable(v)?
        }
    };
    match after {
        None => {
            if items.len() < count {
                return Err(vm.value_error(&format!(
                    "not enough values to unpack (expected {count}, got {})",
                    items.len()
                )));
            }
            if items.len() > count {
                return Err(vm.value_error(&format!(
                    "too many values to unpack (expected {count}, got {})",
                    items.len()
                )));
            }
        }
        Some(after) => {
            if items.len() < count + after {
                return Err(vm.value_error(&format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    count + after,
                    items.len()
                )));
            }
        }
    }
    Ok(items)
}

/// Turns the operand of `raise` into an exception (instantiating a class),
/// with its cause.
fn make_exception(vm: &mut Vm, exc: &Value, cause: Option<Value>) -> PyResult<PyErr> {
    crate::builtins::exceptions::exception_to_raise(vm, exc, cause)
}

fn exception_matches(vm: &mut Vm, exc: &Value, spec: &Value) -> PyResult<bool> {
    crate::builtins::exceptions::exception_matches(vm, exc, spec)
}

#[allow(dead_code)]
fn unused(_: Ref<Code>) {}
