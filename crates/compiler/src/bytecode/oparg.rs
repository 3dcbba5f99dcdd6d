//! Oparg vocabularies: what the oparg of `BINARY_OP`, `COMPARE_OP`,
//! `CALL_INTRINSIC_1/2`, `LOAD_COMMON_CONSTANT` and `LOAD_SPECIAL` means.
//!
//! Each table is indexed by oparg, in CPython 3.14's order (checked against
//! `opcode._nb_ops`, `opcode.cmp_op`, `opcode._intrinsic_1_descs`,
//! `_intrinsic_2_descs`, `_common_constants` and `_special_method_names`
//! by `tests/opcode_metadata.rs`).

/// `BINARY_OP` opargs: CPython's `NB_*` name and the operator `dis` shows.
pub const BINARY_OPS: [(&str, &str); 27] = [
    ("NB_ADD", "+"),
    ("NB_AND", "&"),
    ("NB_FLOOR_DIVIDE", "//"),
    ("NB_LSHIFT", "<<"),
    ("NB_MATRIX_MULTIPLY", "@"),
    ("NB_MULTIPLY", "*"),
    ("NB_REMAINDER", "%"),
    ("NB_OR", "|"),
    ("NB_POWER", "**"),
    ("NB_RSHIFT", ">>"),
    ("NB_SUBTRACT", "-"),
    ("NB_TRUE_DIVIDE", "/"),
    ("NB_XOR", "^"),
    ("NB_INPLACE_ADD", "+="),
    ("NB_INPLACE_AND", "&="),
    ("NB_INPLACE_FLOOR_DIVIDE", "//="),
    ("NB_INPLACE_LSHIFT", "<<="),
    ("NB_INPLACE_MATRIX_MULTIPLY", "@="),
    ("NB_INPLACE_MULTIPLY", "*="),
    ("NB_INPLACE_REMAINDER", "%="),
    ("NB_INPLACE_OR", "|="),
    ("NB_INPLACE_POWER", "**="),
    ("NB_INPLACE_RSHIFT", ">>="),
    ("NB_INPLACE_SUBTRACT", "-="),
    ("NB_INPLACE_TRUE_DIVIDE", "/="),
    ("NB_INPLACE_XOR", "^="),
    ("NB_SUBSCR", "[]"),
];

/// The `BINARY_OP` oparg of a subscript (`container[key]`).
pub const NB_SUBSCR: u32 = 26;

/// `COMPARE_OP` comparison operators, indexed by `oparg >> 5` (bit 4 of the oparg asks for the result as a bool).
pub const COMPARE_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `CALL_INTRINSIC_1` functions by oparg.
pub const INTRINSICS_1: [&str; 12] = [
    "INTRINSIC_1_INVALID",
    "INTRINSIC_PRINT",
    "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR",
    "INTRINSIC_ASYNC_GEN_WRAP",
    "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE",
    "INTRINSIC_TYPEVAR",
    "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE",
    "INTRINSIC_SUBSCRIPT_GENERIC",
    "INTRINSIC_TYPEALIAS",
];

/// `CALL_INTRINSIC_2` functions by oparg.
pub const INTRINSICS_2: [&str; 6] = [
    "INTRINSIC_2_INVALID",
    "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
    "INTRINSIC_SET_TYPEPARAM_DEFAULT",
];

/// `LOAD_COMMON_CONSTANT` values by oparg (builtin names).
pub const COMMON_CONSTANTS: [&str; 5] = [
    "AssertionError",
    "NotImplementedError",
    "tuple",
    "all",
    "any",
];

/// `LOAD_SPECIAL` method names by oparg.
pub const SPECIAL_METHODS: [&str; 4] = ["__enter__", "__exit__", "__aenter__", "__aexit__"];
