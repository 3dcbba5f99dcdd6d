//! The C library's math functions that Rust's `f64` computes its own way
//! (`asinh`, `acosh`, `atanh`) or not at all (`erf`, `erfc`): CPython calls
//! the C library for them, so krait does too, to give the same results.

unsafe extern "C" {
    #[link_name = "asinh"]
    fn c_asinh(x: f64) -> f64;
    #[link_name = "acosh"]
    fn c_acosh(x: f64) -> f64;
    #[link_name = "atanh"]
    fn c_atanh(x: f64) -> f64;
    #[link_name = "erf"]
    fn c_erf(x: f64) -> f64;
    #[link_name = "erfc"]
    fn c_erfc(x: f64) -> f64;
}

/// The C library's `asinh`.
pub fn asinh(x: f64) -> f64 {
    // SAFETY: a pure C function of a double.
    unsafe { c_asinh(x) }
}

/// The C library's `acosh`.
pub fn acosh(x: f64) -> f64 {
    // SAFETY: a pure C function of a double.
    unsafe { c_acosh(x) }
}

/// The C library's `atanh`.
pub fn atanh(x: f64) -> f64 {
    // SAFETY: a pure C function of a double.
    unsafe { c_atanh(x) }
}

/// The C library's `erf`.
pub fn erf(x: f64) -> f64 {
    // SAFETY: a pure C function of a double.
    unsafe { c_erf(x) }
}

/// The C library's `erfc`.
pub fn erfc(x: f64) -> f64 {
    // SAFETY: a pure C function of a double.
    unsafe { c_erfc(x) }
}
