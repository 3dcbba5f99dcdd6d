//! The C library's math functions that Rust's `f64` computes its own way
//! (`asinh`, `acosh`, `atanh`, and `cbrt`, which Rust's runtime provides
//! itself) or not at all (`erf`, `erfc`): CPython calls the C library for
//! them, so krait does too, to give the same results (to the last bit, as
//! far as both use the same C library).

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

/// The C library's `cbrt` (looked up at run time: the Rust runtime links
/// a `cbrt` of its own into the program, which would otherwise be used),
/// Rust's when the C library has none.
pub fn cbrt(x: f64) -> f64 {
    match c_library_cbrt() {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}

#[cfg(unix)]
fn c_library_cbrt() -> Option<extern "C" fn(f64) -> f64> {
    static CBRT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let address = *CBRT.get_or_init(|| {
        // SAFETY: a symbol lookup in the global scope with a C string.
        unsafe { libc::dlsym(libc::RTLD_DEFAULT, c"cbrt".as_ptr()) as usize }
    });
    if address == 0 {
        return None;
    }
    // SAFETY: `cbrt` in the C library has this signature.
    Some(unsafe { std::mem::transmute::<usize, extern "C" fn(f64) -> f64>(address) })
}

#[cfg(not(unix))]
fn c_library_cbrt() -> Option<extern "C" fn(f64) -> f64> {
    None
}
