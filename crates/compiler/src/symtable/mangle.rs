//! Private name mangling: inside `class C`, `__x` is stored as `_C__x`.

/// Mangles `name` for the class `private`, as CPython's `_Py_Mangle` does:
/// only names starting with two underscores, not ending with two, without a
/// dot, in a class whose name is not all underscores.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(private) = private else {
        return name.to_owned();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_owned();
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_owned();
    }
    format!("_{stripped}{name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expectations recorded from CPython 3.14: the symbol names of
    // `class <cls>:\n <name> = 1` in `symtable.symtable(...)`.
    #[test]
    fn mangles_like_cpython() {
        assert_eq!(mangle(Some("C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("__C"), "__x"), "_C__x");
        assert_eq!(mangle(Some("___"), "__x"), "__x");
        assert_eq!(mangle(Some("C"), "__x__"), "__x__");
        assert_eq!(mangle(Some("C"), "_x"), "_x");
        assert_eq!(mangle(None, "__x"), "__x");
    }
}
