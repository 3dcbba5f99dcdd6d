//! The descriptive attributes of `sys`: the version (`version`,
//! `version_info`, `hexversion`, `implementation`), the platform, and the
//! struct sequences `flags`, `float_info`, `int_info` and `hash_info`.

use krait_vm::runtime::config::PYTHON_VERSION;
use krait_vm::{PyResult, Value, Vm};

use crate::{namespace, struct_sequence};

/// `sys.version_info` as a struct sequence.
pub fn version_info(vm: &mut Vm) -> PyResult<Value> {
    let ty = struct_sequence::new_type(
        vm,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
    )?;
    let (major, minor, micro, level, serial) = PYTHON_VERSION;
    let level = vm.new_str(level)?;
    struct_sequence::new_instance(
        vm,
        &ty,
        vec![
            Value::from_i64(i64::from(major)),
            Value::from_i64(i64::from(minor)),
            Value::from_i64(i64::from(micro)),
            level,
            Value::from_i64(i64::from(serial)),
        ],
    )
}

/// `sys.hexversion`: `0xMMmmuuLS`, the release level as `0xA`/`0xB`/`0xC`/`0xF`.
pub fn hexversion() -> i64 {
    let (major, minor, micro, level, serial) = PYTHON_VERSION;
    let level = match level {
        "alpha" => 0xA,
        "beta" => 0xB,
        "candidate" => 0xC,
        _ => 0xF,
    };
    i64::from((major << 24) | (minor << 16) | (micro << 8) | (level << 4) | serial)
}

/// `sys.version`: laid out as CPython's so that `platform` can parse it.
pub fn version_text() -> String {
    let (major, minor, micro, _, _) = PYTHON_VERSION;
    format!(
        "{major}.{minor}.{micro} (krait {}) [rustc]",
        env!("CARGO_PKG_VERSION")
    )
}

/// `sys.implementation`: name `krait`, no bytecode cache tag.
pub fn implementation(vm: &mut Vm, version_info: Value) -> PyResult<Value> {
    let ty = namespace::new_type(vm)?;
    let name = vm.new_str("krait")?;
    namespace::new_instance(
        vm,
        &ty,
        vec![
            ("name", name),
            ("cache_tag", Value::NONE),
            ("version", version_info),
            ("hexversion", Value::from_i64(hexversion())),
        ],
    )
}

/// `sys.platform`.
pub fn platform() -> &'static str {
    if cfg!(target_os = "linux") {
        "linux"
    } else if cfg!(target_os = "macos") {
        "darwin"
    } else if cfg!(target_os = "windows") {
        "win32"
    } else if cfg!(target_os = "freebsd") {
        "freebsd"
    } else {
        std::env::consts::OS
    }
}

/// `sys.byteorder`.
pub fn byteorder() -> &'static str {
    if cfg!(target_endian = "big") {
        "big"
    } else {
        "little"
    }
}

/// `sys.flags`: how the interpreter was started (krait has none of
/// CPython's options yet, never writes bytecode and does not import `site`).
pub fn flags(vm: &mut Vm) -> PyResult<Value> {
    let fields = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let ty = struct_sequence::new_type(vm, "sys", "flags", &fields)?;
    // Fields outside the sequence (as CPython's `n_fields` 21 vs 18): the
    // GIL is on, threads start with an empty context, warnings filters are
    // global — the values of CPython's default build.
    for (name, value) in [
        ("gil", 1),
        ("thread_inherit_context", 0),
        ("context_aware_warnings", 0),
        ("n_fields", 21),
    ] {
        let key = vm.intern(name)?;
        ty.dict.with(|d| d.insert_str(key, Value::from_i64(value)));
    }
    ty.bump_version();
    let hash_randomization = match std::env::var("PYTHONHASHSEED") {
        Ok(seed) if seed == "0" => 0,
        _ => 1,
    };
    let int = Value::from_i64;
    let values = vec![
        int(0),
        int(0),
        int(0),
        int(0),
        int(1),
        int(0),
        int(1),
        int(0),
        int(0),
        int(0),
        int(0),
        int(hash_randomization),
        int(0),
        Value::from_bool(false),
        int(0),
        int(0),
        Value::from_bool(false),
        int(4300),
    ];
    struct_sequence::new_instance(vm, &ty, values)
}

/// `sys.float_info`: the IEEE 754 double.
pub fn float_info(vm: &mut Vm) -> PyResult<Value> {
    let fields = [
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    let ty = struct_sequence::new_type(vm, "sys", "float_info", &fields)?;
    let int = |v: i32| Value::from_i64(i64::from(v));
    let values = vec![
        Value::from_f64(f64::MAX),
        int(f64::MAX_EXP),
        int(f64::MAX_10_EXP),
        Value::from_f64(f64::MIN_POSITIVE),
        int(f64::MIN_EXP),
        int(f64::MIN_10_EXP),
        Value::from_i64(i64::from(f64::DIGITS)),
        Value::from_i64(i64::from(f64::MANTISSA_DIGITS)),
        Value::from_f64(f64::EPSILON),
        Value::from_i64(i64::from(f64::RADIX)),
        int(1),
    ];
    struct_sequence::new_instance(vm, &ty, values)
}

/// `sys.int_info`, with CPython's digit layout (the limits of `int`'s
/// string conversion are CPython's).
pub fn int_info(vm: &mut Vm) -> PyResult<Value> {
    let fields = [
        "bits_per_digit",
        "sizeof_digit",
        "default_max_str_digits",
        "str_digits_check_threshold",
    ];
    let ty = struct_sequence::new_type(vm, "sys", "int_info", &fields)?;
    let values = [30, 4, 4300, 640].map(Value::from_i64).to_vec();
    struct_sequence::new_instance(vm, &ty, values)
}

/// `sys.hash_info`: krait's hashes are CPython's.
pub fn hash_info(vm: &mut Vm) -> PyResult<Value> {
    let fields = [
        "width",
        "modulus",
        "inf",
        "nan",
        "imag",
        "algorithm",
        "hash_bits",
        "seed_bits",
        "cutoff",
    ];
    let ty = struct_sequence::new_type(vm, "sys", "hash_info", &fields)?;
    let algorithm = vm.new_str("siphash13")?;
    let int = Value::from_i64;
    let values = vec![
        int(64),
        int((1 << 61) - 1),
        int(314_159),
        int(0),
        int(1_000_003),
        algorithm,
        int(64),
        int(128),
        int(0),
    ];
    struct_sequence::new_instance(vm, &ty, values)
}
