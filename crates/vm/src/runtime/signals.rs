//! SIGINT as CPython handles it: Ctrl-C raises `KeyboardInterrupt` in the
//! running Python code, and a program that dies of an uncaught
//! `KeyboardInterrupt` ends by the SIGINT signal (so a shell sees status
//! 130 and stops a script loop, as it does for CPython).
//!
//! The handler only stores a flag (the one thing a signal handler may do);
//! the eval loop checks the flag between instructions and raises there. As
//! in CPython, the handler is installed at start-up only when SIGINT is not
//! ignored (a program started in the background by a non-interactive shell
//! keeps ignoring it).

use std::sync::atomic::{AtomicBool, Ordering};

use crate::builtins::exceptions::ExcKind;
use crate::error::PyErr;
use crate::runtime::Vm;

/// Set by the handler, cleared when the eval loop raises.
static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn on_sigint(_signal: libc::c_int) {
    SIGINT_PENDING.store(true, Ordering::Relaxed);
}

/// Installs the SIGINT handler unless SIGINT is ignored. Idempotent.
pub fn install() {
    #[cfg(unix)]
    // SAFETY: plain libc calls with valid, zero-initialised `sigaction`
    // records; the handler only touches an atomic.
    unsafe {
        let mut current: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGINT, std::ptr::null(), &mut current) != 0
            || current.sa_sigaction == libc::SIG_IGN
        {
            return;
        }
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as *const () as libc::sighandler_t;
        libc::sigemptyset(&mut action.sa_mask);
        // No SA_RESTART: a blocking read or sleep returns EINTR so it can
        // raise KeyboardInterrupt promptly.
        action.sa_flags = 0;
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// Whether a SIGINT arrived and has not been raised yet.
#[inline(always)]
pub fn pending() -> bool {
    SIGINT_PENDING.load(Ordering::Relaxed)
}

/// The `KeyboardInterrupt` for a pending SIGINT (clearing it), if any.
#[inline(always)]
pub fn take_pending(vm: &mut Vm) -> Option<PyErr> {
    if pending() && SIGINT_PENDING.swap(false, Ordering::Relaxed) {
        Some(vm.new_exception(ExcKind::KeyboardInterrupt, Vec::new()))
    } else {
        None
    }
}

/// Ends the process by SIGINT after an uncaught `KeyboardInterrupt`
/// (CPython's `exit_sigint`); exits with status 130 if that fails.
pub fn exit_by_sigint() -> ! {
    #[cfg(unix)]
    // SAFETY: restoring the default disposition and signalling ourselves.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::kill(libc::getpid(), libc::SIGINT);
    }
    std::process::exit(130)
}
