//! Parser tests (expected values recorded from the reference CPython).
