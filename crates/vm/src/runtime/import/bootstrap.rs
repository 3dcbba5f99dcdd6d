//! The import machinery as Python sees it: the modules `_imp`,
//! `_frozen_importlib` and `_frozen_importlib_external` (the names
//! `importlib` looks for), and the classes the native import system gives
//! modules — `ModuleSpec`, `BuiltinImporter`, `SourceFileLoader`,
//! `NamespaceLoader` — written in Python in `python/` and run when the
//! machinery is first needed.
//!
//! The two machinery modules are created before any other module gets a
//! spec ([`machinery`]); modules created earlier (`builtins`, `sys`) get
//! theirs then, as CPython's `_bootstrap._setup` does.

use super::find::{Found, find_module};
use super::load::{self, create_builtin, set_builtin_attributes};
use super::{dict_get, dict_set, text_of};
use crate::builtins::bytes::Bytes;
use crate::builtins::dict::Dict;
use crate::builtins::exceptions::ExcKind;
use crate::builtins::function::Module;
use crate::builtins::native::{MethodDef, method};
use crate::builtins::str::{Str, repr_of};
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// The Python part of `_frozen_importlib`.
const FROZEN_IMPORTLIB_SOURCE: &str = include_str!("python/frozen_importlib.py");
/// The Python part of `_frozen_importlib_external`.
const FROZEN_IMPORTLIB_EXTERNAL_SOURCE: &str = include_str!("python/frozen_importlib_external.py");
/// The rest of `_frozen_importlib` (what `importlib.machinery`/`util` read),
/// run on the first request for a name the core lacks.
const FROZEN_IMPORTLIB_MORE_SOURCE: &str = include_str!("python/frozen_importlib_more.py");
/// The rest of `_frozen_importlib_external`, run likewise.
const FROZEN_IMPORTLIB_EXTERNAL_MORE_SOURCE: &str =
    include_str!("python/frozen_importlib_external_more.py");

/// The machinery classes.
#[derive(Clone)]
pub struct Machinery {
    /// `ModuleSpec`.
    pub module_spec: Value,
    /// `BuiltinImporter`.
    pub builtin_importer: Value,
    /// `SourceFileLoader`.
    pub source_file_loader: Value,
    /// `NamespaceLoader`.
    pub namespace_loader: Value,
}

impl Machinery {
    /// `ModuleSpec(name, loader, origin=origin, is_package=is_package)`.
    pub fn new_spec(
        &self,
        vm: &mut Vm,
        name: Value,
        loader: Value,
        origin: Value,
        is_package: bool,
    ) -> PyResult<Value> {
        let kwnames = vec![vm.intern_value("origin")?, vm.intern_value("is_package")?];
        let kwnames = vm.new_tuple_ref(kwnames)?;
        vm.call(
            &self.module_spec,
            &[name, loader, origin, Value::from_bool(is_package)],
            Some(&kwnames),
        )
    }
}

/// The machinery classes, creating the machinery modules on first use.
pub fn machinery(vm: &mut Vm) -> PyResult<Machinery> {
    if let Some(m) = &vm.import.machinery {
        return Ok(m.clone());
    }
    let core = create_builtin(vm, "_frozen_importlib", init_frozen_importlib)?;
    let external = create_builtin(
        vm,
        "_frozen_importlib_external",
        init_frozen_importlib_external,
    )?;
    let class = |module: &Ref<Module>, name: &str| dict_get(&module.dict, name);
    let (
        Some(module_spec),
        Some(builtin_importer),
        Some(source_file_loader),
        Some(namespace_loader),
    ) = (
        class(&core, "ModuleSpec"),
        class(&core, "BuiltinImporter"),
        class(&external, "SourceFileLoader"),
        class(&external, "NamespaceLoader"),
    )
    else {
        return Err(vm.new_error(
            ExcKind::SystemError,
            "krait: the import machinery classes are missing",
        ));
    };
    let machinery = Machinery {
        module_spec,
        builtin_importer,
        source_file_loader,
        namespace_loader,
    };
    vm.import.machinery = Some(machinery.clone());
    let modules = vm.import.modules.clone();
    for module in [core, external] {
        let name = dict_get(&module.dict, "__name__").unwrap_or(Value::NONE);
        Dict::set_item(vm, &modules, name, Value::from_object(module.into_obj()))?;
    }
    // Builtin modules created before the machinery get their specs now.
    for (_, module) in modules.items() {
        let Some(m) = module
            .as_object()
            .and_then(|o| o.downcast::<Module>())
            .cloned()
        else {
            continue;
        };
        let unset = dict_get(&m.dict, "__spec__").is_none_or(|s| s.is_none());
        let name = dict_get(&m.dict, "__name__").and_then(|n| text_of(vm, &n));
        let builtin = name
            .as_deref()
            .is_some_and(|n| n == "builtins" || vm.builtin_module(n).is_some());
        if unset && builtin {
            set_builtin_attributes(vm, &machinery, &m)?;
        }
    }
    Ok(machinery)
}

/// Runs the Python part of a machinery module in its namespace.
fn run_embedded(vm: &mut Vm, module: &Ref<Module>, source: &str, filename: &str) -> PyResult<()> {
    load::exec_source(vm, &module.dict, source.as_bytes(), filename)
}

/// The module `__getattr__` of a machinery module (`frozen_name`): the
/// first request for a name its core lacks runs the rest of the module
/// (`source`, a `*_more.py` file) in its namespace, so that only programs
/// using `importlib.machinery`/`importlib.util` pay for it; the hook then
/// removes itself and later misses raise as for any module.
fn load_rest_on_miss(
    vm: &mut Vm,
    name: &Value,
    frozen_name: &str,
    source: &str,
    filename: &str,
) -> PyResult<Value> {
    let module = vm
        .imported_module(frozen_name)
        .and_then(|m| m.as_object().and_then(|o| o.downcast::<Module>()).cloned());
    let shown_name = |vm: &mut Vm, module: Option<&Ref<Module>>| {
        let shown = module.and_then(|m| dict_get(&m.dict, "__name__"));
        let shown = shown.and_then(|n| text_of(vm, &n));
        shown.unwrap_or_else(|| frozen_name.to_owned())
    };
    if let Some(module) = &module {
        let dict = module.dict.clone();
        let hook = dict.table.with(|t| t.remove_str(&Str::new("__getattr__")));
        if hook.is_some() {
            // importlib renames the module; the classes keep the frozen name.
            let shown = dict_get(&dict, "__name__").unwrap_or(Value::NONE);
            let frozen = vm.new_str(frozen_name)?;
            dict_set(vm, &dict, "__name__", frozen)?;
            let ran = load::exec_source(vm, &dict, source.as_bytes(), filename);
            dict_set(vm, &dict, "__name__", shown)?;
            ran?;
        }
        if let Some(key) = vm.as_str(name).map(|s| s.as_lossy().into_owned())
            && let Some(value) = dict_get(&dict, &key)
        {
            return Ok(value);
        }
    }
    let module_name = shown_name(vm, module.as_ref());
    let attribute = match vm.as_str(name) {
        Some(s) => repr_of(s),
        None => vm.repr_string(name)?,
    };
    Err(vm.attribute_error(&format!(
        "module {} has no attribute {attribute}",
        repr_of(&Str::new(&module_name))
    )))
}

/// `_frozen_importlib`'s initialiser.
pub fn init_frozen_importlib(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FROZEN_IMPORTLIB_FUNCTIONS)?;
    let import = vm.import.default_import.clone();
    dict_set(vm, &module.dict, "__import__", import)?;
    run_embedded(
        vm,
        module,
        FROZEN_IMPORTLIB_SOURCE,
        "<frozen importlib._bootstrap>",
    )
}

/// `_frozen_importlib_external`'s initialiser.
pub fn init_frozen_importlib_external(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, FROZEN_IMPORTLIB_EXTERNAL_FUNCTIONS)?;
    run_embedded(
        vm,
        module,
        FROZEN_IMPORTLIB_EXTERNAL_SOURCE,
        "<frozen importlib._bootstrap_external>",
    )
}

/// `_imp`'s initialiser.
pub fn init_imp(vm: &mut Vm, module: &Ref<Module>) -> PyResult<()> {
    vm.module_add_functions(module, IMP_FUNCTIONS)?;
    let never = vm.new_str("never")?;
    vm.module_set(module, "check_hash_based_pycs", never)?;
    let doc = vm.new_str("(Extremely) low-level import machinery bits as used by importlib.")?;
    vm.module_set(module, "__doc__", doc)
}

fn str_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    match text_of(vm, v) {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be str, not {tn}")))
        }
    }
}

/// A spec for a found module, without loading it (`_find_spec`).
fn spec_for(vm: &mut Vm, name: &str, found: Found) -> PyResult<Value> {
    let machinery = machinery(vm)?;
    let name_value = vm.new_str(name)?;
    match found {
        Found::Builtin(_) => {
            let origin = vm.new_str("built-in")?;
            machinery.new_spec(
                vm,
                name_value,
                machinery.builtin_importer.clone(),
                origin,
                false,
            )
        }
        Found::Source { path, package_dir } => {
            load::spec_for_source(vm, &machinery, name, &path, package_dir.as_deref())
        }
        Found::Namespace { portions } => load::spec_for_namespace(vm, &machinery, name, &portions),
    }
}

/// Creates a builtin module for `spec` (`_imp.create_builtin`).
fn create_builtin_for_spec(vm: &mut Vm, spec: &Value) -> PyResult<Value> {
    let name = vm.get_attr_str(spec, "name")?;
    let name = str_arg(vm, &name, "spec.name")?;
    if name == "builtins" {
        return Ok(Value::from_object(
            vm.import.builtins_module.as_obj().clone(),
        ));
    }
    if let Some(existing) = vm.imported_module(&name)
        && (name == "sys" || name.starts_with("_frozen_importlib"))
    {
        return Ok(existing);
    }
    let Some(init) = vm.builtin_module(&name) else {
        return Err(vm.new_import_error(
            ExcKind::ImportError,
            &format!("no built-in module named {name}"),
            Some(&name),
            None,
            None,
        ));
    };
    let module = create_builtin(vm, &name, init)?;
    Ok(Value::from_object(module.into_obj()))
}

const FROZEN_IMPORTLIB_FUNCTIONS: &[MethodDef] = &[
    method(
        "_gcd_import",
        "(name, package=None, level=0)",
        |vm, args| {
            let name = str_arg(vm, args.required(0), "module name")?;
            let level = match args.get(2) {
                Some(l) => vm.index_value(l)?.unwrap_or(0),
                None => 0,
            };
            if level < 0 {
                return Err(vm.value_error("level must be >= 0"));
            }
            let absolute = if level > 0 {
                let package = args.get(1).filter(|p| !p.is_none()).cloned();
                let package = match package.as_ref().map(|p| text_of(vm, p)) {
                    Some(Some(p)) => p,
                    Some(None) => {
                        return Err(vm.type_error("__package__ not set to a string".into()));
                    }
                    None => String::new(),
                };
                if package.is_empty() {
                    return Err(vm.new_error(
                        ExcKind::ImportError,
                        "attempted relative import with no known parent package",
                    ));
                }
                let ups = usize::try_from(level - 1).unwrap_or(usize::MAX);
                let parts: Vec<&str> = package.rsplitn(ups.saturating_add(1), '.').collect();
                if parts.len() <= ups {
                    return Err(vm.new_error(
                        ExcKind::ImportError,
                        "attempted relative import beyond top-level package",
                    ));
                }
                let base = parts.last().copied().unwrap_or("");
                if name.is_empty() {
                    base.to_owned()
                } else {
                    format!("{base}.{name}")
                }
            } else {
                if name.is_empty() {
                    return Err(vm.value_error("Empty module name"));
                }
                name
            };
            vm.import_module(&absolute)
        },
    ),
    method("_find_spec", "(name, path, target=None)", |vm, args| {
        let name = str_arg(vm, args.required(0), "module name")?;
        let path = args.required(1).clone();
        let search = if path.is_none() { None } else { Some(&path) };
        match find_module(vm, &name, search)? {
            Some(found) => spec_for(vm, &name, found),
            None => Ok(Value::NONE),
        }
    }),
    method("_exec", "(spec, module)", |vm, args| {
        let spec = args.required(0).clone();
        let module = args.required(1).clone();
        let name = vm.get_attr_str(&spec, "name")?;
        let name = str_arg(vm, &name, "spec.name")?;
        let in_sys = vm
            .imported_module(&name)
            .and_then(|m| m.as_object().cloned());
        if !in_sys.is_some_and(|m| module.as_object().is_some_and(|o| o.is(&m))) {
            return Err(vm.new_import_error(
                ExcKind::ImportError,
                &format!("module {} not in sys.modules", repr_of(&Str::new(&name))),
                Some(&name),
                None,
                None,
            ));
        }
        if let Some(m) = module
            .as_object()
            .and_then(|o| o.downcast::<Module>())
            .cloned()
        {
            load::init_module_attributes(vm, &m, &spec)?;
        }
        let loader = vm.get_attr_str(&spec, "loader")?;
        let result = if loader.is_none() {
            Ok(Value::NONE)
        } else {
            let exec = vm.get_attr_str(&loader, "exec_module")?;
            vm.call(&exec, std::slice::from_ref(&module), None)
        };
        // Move the module to the end of sys.modules.
        let modules = vm.import.modules.clone();
        let current = modules.table.with(|t| t.remove_str(&Str::new(&name)));
        if let Some(current) = current {
            dict_set(vm, &modules, &name, current)?;
        }
        result?;
        Ok(module)
    }),
    method("_is_builtin", "(name, /)", |vm, args| {
        let name = str_arg(vm, args.required(0), "name")?;
        Ok(Value::from_bool(
            name == "builtins" || vm.builtin_module(&name).is_some(),
        ))
    }),
    method("_create_builtin", "(spec, /)", |vm, args| {
        create_builtin_for_spec(vm, args.required(0))
    }),
    method("_init_module_attrs", "(spec, module, /)", |vm, args| {
        let Some(module) = args
            .required(1)
            .as_object()
            .and_then(|o| o.downcast::<Module>())
            .cloned()
        else {
            let tn = vm.type_name(args.required(1));
            return Err(vm.type_error(format!("_init_module_attrs() needs a module, not {tn}")));
        };
        load::init_module_attributes(vm, &module, args.required(0))?;
        Ok(Value::NONE)
    }),
    method("_new_module", "(name, /)", |vm, args| {
        let name = str_arg(vm, args.required(0), "module name")?;
        let module = load::new_module_object(vm, &name)?;
        Ok(Value::from_object(module.into_obj()))
    }),
    method("__getattr__", "(name, /)", |vm, args| {
        load_rest_on_miss(
            vm,
            args.required(0),
            "_frozen_importlib",
            FROZEN_IMPORTLIB_MORE_SOURCE,
            "<frozen importlib._bootstrap>",
        )
    }),
];

const FROZEN_IMPORTLIB_EXTERNAL_FUNCTIONS: &[MethodDef] = &[
    method("__getattr__", "(name, /)", |vm, args| {
        load_rest_on_miss(
            vm,
            args.required(0),
            "_frozen_importlib_external",
            FROZEN_IMPORTLIB_EXTERNAL_MORE_SOURCE,
            "<frozen importlib._bootstrap_external>",
        )
    }),
    method("_exec_source", "(module, path, /)", |vm, args| {
        let path = str_arg(vm, args.required(1), "path")?;
        let Some(module) = args
            .required(0)
            .as_object()
            .and_then(|o| o.downcast::<Module>())
            .cloned()
        else {
            let tn = vm.type_name(args.required(0));
            return Err(vm.type_error(format!("exec_module() needs a module, not {tn}")));
        };
        load::exec_source_file(vm, &module.dict, &path)?;
        Ok(Value::NONE)
    }),
    method("_read_bytes", "(path, /)", |vm, args| {
        let path = str_arg(vm, args.required(0), "path")?;
        match std::fs::read(&path) {
            Ok(data) => vm.new_bytes(data),
            Err(error) => Err(load::os_error(vm, &error, &path)),
        }
    }),
    method("_decode_source", "(source_bytes, /)", |vm, args| {
        let Some(data) = args
            .required(0)
            .as_object()
            .and_then(|o| o.downcast::<Bytes>())
            .map(|b| b.data.to_vec())
        else {
            let tn = vm.type_name(args.required(0));
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        };
        match String::from_utf8(data) {
            Ok(text) => vm.new_str(&text.replace("\r\n", "\n").replace('\r', "\n")),
            Err(_) => Err(vm.new_error(
                ExcKind::NotImplementedError,
                "krait decodes only UTF-8 source text in _decode_source yet",
            )),
        }
    }),
    method("_pack_uint32", "(x, /)", |vm, args| {
        let Some(value) = crate::builtins::int::to_big(args.required(0)) else {
            let tn = vm.type_name(args.required(0));
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        };
        let masked = value & num_bigint::BigInt::from(0xFFFF_FFFFu32);
        let (_, digits) = masked.to_u32_digits();
        let word = digits.first().copied().unwrap_or(0);
        vm.new_bytes(word.to_le_bytes().to_vec())
    }),
    method("_unpack_uint32", "(data, /)", |vm, args| {
        let Some(data) = args
            .required(0)
            .as_object()
            .and_then(|o| o.downcast::<Bytes>())
            .map(|b| b.data.to_vec())
        else {
            let tn = vm.type_name(args.required(0));
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        };
        let Ok(word) = <[u8; 4]>::try_from(data.as_slice()) else {
            return Err(vm.new_error(ExcKind::AssertionError, ""));
        };
        Ok(Value::from_i64(i64::from(u32::from_le_bytes(word))))
    }),
];

const IMP_FUNCTIONS: &[MethodDef] = &[
    method("is_builtin", "(name, /)", |vm, args| {
        let name = str_arg(vm, args.required(0), "is_builtin() argument")?;
        let answer = if name == "sys" || name == "builtins" {
            -1
        } else {
            i64::from(vm.builtin_module(&name).is_some())
        };
        Ok(Value::from_i64(answer))
    }),
    method("create_builtin", "(spec, /)", |vm, args| {
        create_builtin_for_spec(vm, args.required(0))
    }),
    method("exec_builtin", "(mod, /)", |_vm, _args| {
        Ok(Value::from_i64(0))
    }),
    method("is_frozen", "(name, /)", |_vm, _args| {
        Ok(Value::from_bool(false))
    }),
    method("is_frozen_package", "(name, /)", |_vm, _args| {
        Ok(Value::from_bool(false))
    }),
    method("extension_suffixes", "()", |vm, _args| {
        vm.new_list(Vec::new())
    }),
    method("acquire_lock", "()", |_vm, _args| Ok(Value::NONE)),
    method("release_lock", "()", |_vm, _args| Ok(Value::NONE)),
    method("lock_held", "()", |_vm, _args| Ok(Value::from_bool(false))),
    method("_fix_co_filename", "(code, path, /)", |_vm, _args| {
        Ok(Value::NONE)
    }),
];

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub static IMPORT_FUNCTION: MethodDef = method(
    "__import__",
    "(name, globals=None, locals=None, fromlist=(), level=0)",
    |vm, args| {
        let globals = args.get(1).filter(|g| !g.is_none()).cloned();
        let fromlist = match args.get(3) {
            Some(f) => f.clone(),
            None => Value::from_object(vm.empty_tuple.as_obj().clone()),
        };
        let level = match args.get(4) {
            Some(l) => match vm.index_value(l)? {
                Some(l) => l,
                None => {
                    let tn = vm.type_name(l);
                    return Err(
                        vm.type_error(format!("'{tn}' object cannot be interpreted as an integer"))
                    );
                }
            },
            None => 0,
        };
        let name = args.required(0).clone();
        load::import_module_level(vm, &name, globals.as_ref(), &fromlist, level)
    },
);
