//! Unit tests of the symbol table pass.
