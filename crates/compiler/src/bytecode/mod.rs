//! CPython 3.14 bytecode: instruction definitions, tables and code objects.
