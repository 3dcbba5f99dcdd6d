//! The import system end to end, in an interpreter without `sys` (the
//! engine alone): modules and packages found on the configured search
//! path, relative imports, circular imports, and the errors of failed
//! imports (expectations from CPython 3.14).

#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use krait_vm::Vm;
use krait_vm::builtins::str::Str;
use krait_vm::runtime::config::Config;
use krait_vm::value::Value;

/// A fresh directory holding `files` (path, text).
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let root = std::env::temp_dir().join(format!("krait-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    for (path, text) in files {
        let file = root.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    root
}

/// Runs `source` as `__main__` with `root` as the search path; returns the
/// repr of its global `result`, or the class and text of the error.
fn run(root: &Path, source: &str) -> Result<String, (String, String)> {
    let parsed = krait_syntax::parse_module(source.as_bytes(), "<test>").unwrap();
    let code =
        krait_compiler::compile(&parsed, "<test>", krait_compiler::CompileMode::Exec).unwrap();
    let mut vm = Vm::new().expect("vm");
    vm.configure(Config {
        module_search_paths: vec![root.to_string_lossy().into_owned()],
        ..Config::default()
    })
    .unwrap();
    let module = vm.new_module("__main__").unwrap();
    vm.prepare_main_module(&module, None, false).unwrap();
    let globals = module.dict.clone();
    let code = vm.new_code(code).unwrap();
    match vm.run_module_code(code, globals.clone()) {
        Ok(_) => {
            let v = globals
                .table
                .with(|t| t.get_str(&Str::new("result")))
                .expect("result");
            Ok(vm.repr_string(&v).unwrap())
        }
        Err(e) => {
            let name = e.class_name().to_owned();
            let v = Value::from_object(e.as_obj().clone());
            Err((name, vm.str_string(&v).unwrap_or_default()))
        }
    }
}

#[test]
fn packages_submodules_and_relative_imports() {
    let root = tree(
        "packages",
        &[
            (
                "pkg/__init__.py",
                "from .core import VALUE\nfrom . import helpers\n",
            ),
            ("pkg/core.py", "VALUE = 42\n"),
            (
                "pkg/helpers/__init__.py",
                "from ..core import VALUE as V\nDOUBLE = V * 2\n",
            ),
        ],
    );
    let result = run(
        &root,
        "import pkg.helpers\nimport pkg\nresult = (pkg.VALUE, pkg.helpers.DOUBLE, pkg.core.__name__, pkg.helpers.__package__)\n",
    );
    assert_eq!(result, Ok("(42, 84, 'pkg.core', 'pkg.helpers')".into()));
}

#[test]
fn failed_imports_raise_cpythons_errors() {
    let root = tree(
        "errors",
        &[
            ("plain.py", "X = 1\n"),
            ("circ_a.py", "from circ_b import B\nA = 1\n"),
            ("circ_b.py", "from circ_a import A\nB = 1\n"),
            ("boom.py", "raise ValueError('boom')\n"),
        ],
    );
    assert_eq!(
        run(&root, "import nothing_here\n"),
        Err((
            "ModuleNotFoundError".into(),
            "No module named 'nothing_here'".into()
        ))
    );
    assert_eq!(
        run(&root, "import plain.sub\n"),
        Err((
            "ModuleNotFoundError".into(),
            "No module named 'plain.sub'; 'plain' is not a package".into()
        ))
    );
    let (class, text) = run(&root, "from plain import Y\n").unwrap_err();
    assert_eq!(class, "ImportError");
    assert!(
        text.starts_with("cannot import name 'Y' from 'plain' ("),
        "{text}"
    );
    let (class, text) = run(&root, "import circ_a\n").unwrap_err();
    assert_eq!(class, "ImportError");
    assert!(
        text.starts_with(
            "cannot import name 'A' from partially initialized module 'circ_a' (most likely due to a circular import)"
        ),
        "{text}"
    );
    assert_eq!(
        run(&root, "from . import x\n"),
        Err((
            "ImportError".into(),
            "attempted relative import with no known parent package".into()
        ))
    );
    // A module whose code raised is not cached: importing it again runs it again.
    assert_eq!(
        run(
            &root,
            "try:\n    import boom\nexcept ValueError:\n    pass\ntry:\n    import boom\nexcept ValueError as e:\n    result = str(e)\n"
        ),
        Ok("'boom'".into())
    );
}
