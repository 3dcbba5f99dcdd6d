//! The symbol table pass: which scope each name belongs to, as CPython decides.
