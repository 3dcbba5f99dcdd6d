//! Builtin modules: native modules importable by name (CPython's
//! `PyImport_Inittab`, and `sys.builtin_module_names`).
//!
//! The engine does not depend on the crate of native modules
//! (`krait_modules`): whoever starts the interpreter registers their
//! initialisers — the `krait` command passes `krait_modules`' table in the
//! [`Config`](crate::runtime::config::Config). The engine registers the
//! modules that belong to it: `builtins`, `_imp`, `_frozen_importlib`,
//! `_frozen_importlib_external`.

use crate::builtins::function::Module;
use crate::builtins::native::MethodDef;
use crate::error::PyResult;
use crate::object::Ref;
use crate::runtime::Vm;
use crate::value::Value;

/// Fills a freshly made module (which already has `__name__`) with its
/// contents: functions, constants, types.
pub type ModuleInit = fn(&mut Vm, &Ref<Module>) -> PyResult<()>;

/// One entry of the registry.
#[derive(Clone, Copy, Debug)]
pub struct BuiltinModule {
    /// The full module name.
    pub name: &'static str,
    /// Its initialiser.
    pub init: ModuleInit,
}

impl BuiltinModule {
    /// A registry entry.
    pub const fn new(name: &'static str, init: ModuleInit) -> BuiltinModule {
        BuiltinModule { name, init }
    }
}

/// The modules the engine itself provides.
pub(crate) const ENGINE_MODULES: &[BuiltinModule] = &[
    BuiltinModule::new("_imp", super::bootstrap::init_imp),
    BuiltinModule::new("_frozen_importlib", super::bootstrap::init_frozen_importlib),
    BuiltinModule::new(
        "_frozen_importlib_external",
        super::bootstrap::init_frozen_importlib_external,
    ),
];

impl Vm {
    /// Registers a builtin module (a later registration of the same name wins).
    pub fn add_builtin_module(&mut self, module: BuiltinModule) {
        self.import
            .builtin_modules
            .retain(|m| m.name != module.name);
        self.import.builtin_modules.push(module);
    }

    /// The initialiser of the builtin module `name`, if one is registered.
    pub fn builtin_module(&self, name: &str) -> Option<ModuleInit> {
        self.import
            .builtin_modules
            .iter()
            .find(|m| m.name == name)
            .map(|m| m.init)
    }

    /// `sys.builtin_module_names`: every registered name plus `builtins`, sorted.
    pub fn builtin_module_names(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> =
            self.import.builtin_modules.iter().map(|m| m.name).collect();
        names.push("builtins");
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Adds native functions to a module (each a `builtin_function_or_method`
    /// bound to the module, as CPython's module functions are; argument
    /// errors name them `module.name()`).
    pub fn module_add_functions(
        &mut self,
        module: &Ref<Module>,
        functions: &'static [MethodDef],
    ) -> PyResult<()> {
        let this = Value::from_object(module.as_obj().clone());
        let module_name = super::dict_get(&module.dict, "__name__")
            .and_then(|n| super::text_of(self, &n))
            .unwrap_or_default();
        for def in functions {
            // Errors name module functions as CPython does: `math.sqrt()`.
            let qualname = format!("{module_name}.{}", def.name);
            let f = self.new_builtin_function(def, Some(this.clone()), &qualname)?;
            super::dict_set(self, &module.dict, def.name, f)?;
        }
        Ok(())
    }

    /// Sets a module attribute.
    pub fn module_set(&mut self, module: &Ref<Module>, name: &str, value: Value) -> PyResult<()> {
        super::dict_set(self, &module.dict, name, value)
    }
}
