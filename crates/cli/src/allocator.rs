//! Tuning of the process allocator (glibc's `malloc`) for the interpreter.
//!
//! glibc serves blocks of 128 KiB and more with `mmap` and, by default,
//! raises that threshold whenever such a block is freed (up to 32 MiB), so
//! that the next large blocks come from the main heap instead. An
//! interpreter frees and reallocates large arrays all the time (a list of
//! objects, its slice copies); once the threshold has risen they land in the
//! heap between small objects, and freed ones leave holes that small
//! allocations later fragment, so the peak resident size grows from round to
//! round (`benches/float_objects.py`: 53.7 MiB instead of 49.9). Fixing the
//! threshold at its default keeps every large block in its own mapping,
//! returned to the system when freed and grown in place by `mremap`.

/// The size from which blocks get their own mapping (glibc's default).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD: libc::c_int = 128 * 1024;

/// How much free memory at the top of a heap glibc keeps before giving it
/// back. Fixing the mmap threshold also fixes this one at its default (128
/// KiB), and the interpreter thread's heap (a non-main arena) gives memory
/// back with `madvise`, so a loop whose temporaries cross that size paid a
/// system call and fresh page faults per iteration (`benches/pidigits.py`:
/// 16,000 `madvise` calls; with 1 MiB it makes one).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const TRIM_THRESHOLD: libc::c_int = 1024 * 1024;

/// Fixes glibc's mmap and trim thresholds (see the file comment and
/// [`TRIM_THRESHOLD`]); elsewhere nothing.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `mallopt` only changes allocator parameters; it is called
    // before the interpreter starts any thread.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_THRESHOLD);
    }
}
