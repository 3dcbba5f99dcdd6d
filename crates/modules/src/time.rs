//! The `time` module's clocks and `sleep`: `time`/`time_ns` (the system
//! clock), `perf_counter`/`monotonic` (the monotonic clock),
//! `process_time` (the process's CPU time), each also in nanoseconds, and
//! `sleep` (in slices, so a pending `KeyboardInterrupt` could end it once
//! signals exist). Calendar functions (`localtime`, `strftime`, ...) are
//! not written yet.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use krait_vm::builtins::exceptions::ExcKind;
use krait_vm::builtins::function::Module;
use krait_vm::builtins::native::{MethodDef, method};
use krait_vm::object::Ref;
use krait_vm::{PyResult, Value, Vm};

/// `time`'s initialiser.
pub fn init(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FUNCTIONS)?;
    let doc = vm.new_str(DOC)?;
    vm.module_set(module, "__doc__", doc)
}

/// `time.__doc__` (krait's own words).
const DOC: &str = "Clocks (wall, monotonic, performance, process CPU time) and sleep.";

/// Nanoseconds since the Unix epoch (negative before it).
fn wall_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => i128::try_from(d.as_nanos()).unwrap_or(i128::MAX),
        Err(e) => -i128::try_from(e.duration().as_nanos()).unwrap_or(i128::MAX),
    }
}

thread_local! {
    /// The reference point of the monotonic clock when no system clock is read.
    static MONOTONIC_START: Instant = Instant::now();
}

/// Nanoseconds of the monotonic clock (`CLOCK_MONOTONIC`, as CPython's
/// `time.monotonic` and `time.perf_counter` on Linux).
fn monotonic_ns() -> i128 {
    #[cfg(unix)]
    if let Some(ns) = clock_ns(libc::CLOCK_MONOTONIC) {
        return ns;
    }
    MONOTONIC_START.with(|start| i128::try_from(start.elapsed().as_nanos()).unwrap_or(i128::MAX))
}

/// Nanoseconds of CPU time used by the process (`CLOCK_PROCESS_CPUTIME_ID`).
fn process_ns(vm: &mut Vm) -> PyResult<i128> {
    #[cfg(unix)]
    if let Some(ns) = clock_ns(libc::CLOCK_PROCESS_CPUTIME_ID) {
        return Ok(ns);
    }
    Err(vm.new_error(
        ExcKind::NotImplementedError,
        "krait cannot read the process CPU time on this platform (time.process_time)",
    ))
}

/// Reads a POSIX clock.
#[cfg(unix)]
fn clock_ns(clock: libc::clockid_t) -> Option<i128> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable `timespec`.
    let status = unsafe { libc::clock_gettime(clock, &mut ts) };
    if status != 0 {
        return None;
    }
    Some(i128::from(ts.tv_sec) * 1_000_000_000 + i128::from(ts.tv_nsec))
}

fn int_value(vm: &mut Vm, ns: i128) -> PyResult<Value> {
    match i64::try_from(ns) {
        Ok(v) => Ok(Value::from_i64(v)),
        Err(_) => vm.new_int(num_bigint::BigInt::from(ns)),
    }
}

fn seconds(ns: i128) -> Value {
    Value::from_f64(ns as f64 / 1e9)
}

/// The longest single wait of `sleep`: long sleeps are cut in slices.
const SLEEP_SLICE: Duration = Duration::from_millis(50);

fn sleep(vm: &mut Vm, secs: &Value) -> PyResult<Value> {
    let seconds = match secs.as_f64() {
        Some(f) => f,
        None => match krait_vm::builtins::int::to_big(secs) {
            Some(i) => num_traits::ToPrimitive::to_f64(&i).unwrap_or(f64::INFINITY),
            None => {
                let converted = vm.to_float(secs).map_err(|_| {
                    let tn = vm.type_name(secs);
                    vm.type_error(format!(
                        "'{tn}' object cannot be interpreted as an integer or float"
                    ))
                })?;
                converted.as_f64().unwrap_or(0.0)
            }
        },
    };
    if seconds.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if seconds < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let Ok(total) = Duration::try_from_secs_f64(seconds) else {
        return Err(vm.overflow_error("sleep length is too large"));
    };
    vm.flush_stdout();
    let deadline = Instant::now() + total;
    loop {
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        std::thread::sleep((deadline - now).min(SLEEP_SLICE));
    }
    Ok(Value::NONE)
}

const FUNCTIONS: &[MethodDef] = &[
    method("time", "()", |_vm, _args| Ok(seconds(wall_ns()))),
    method("time_ns", "()", |vm, _args| int_value(vm, wall_ns())),
    method("perf_counter", "()", |_vm, _args| {
        Ok(seconds(monotonic_ns()))
    }),
    method("perf_counter_ns", "()", |vm, _args| {
        int_value(vm, monotonic_ns())
    }),
    method("monotonic", "()", |_vm, _args| Ok(seconds(monotonic_ns()))),
    method("monotonic_ns", "()", |vm, _args| {
        int_value(vm, monotonic_ns())
    }),
    method("process_time", "()", |vm, _args| {
        let ns = process_ns(vm)?;
        Ok(seconds(ns))
    }),
    method("process_time_ns", "()", |vm, _args| {
        let ns = process_ns(vm)?;
        int_value(vm, ns)
    }),
    method("sleep", "(seconds, /)", |vm, args| {
        sleep(vm, args.required(0))
    }),
];
