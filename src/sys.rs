//! Signal dispositions: the few libc calls that set or query what a signal does to this
//! process, which rustix leaves out (every other system call goes through rustix).

/// Give `sig` its default action (for SIGPIPE: the process dies of it, as a Go program does).
pub fn set_default(sig: i32) {
    // SAFETY: installs no handler, only the kernel's default action; no memory is shared.
    unsafe {
        libc::signal(sig, libc::SIG_DFL);
    }
}

/// Ignore `sig` (for SIGPIPE: a write to a closed pipe or socket fails with EPIPE instead).
pub fn ignore(sig: i32) {
    // SAFETY: installs no handler, only SIG_IGN; no memory is shared.
    unsafe {
        libc::signal(sig, libc::SIG_IGN);
    }
}

/// True if `sig` has its default action (nobody installed a handler or ignores it).
pub fn is_default(sig: i32) -> bool {
    disposition(sig) == Some(libc::SIG_DFL)
}

/// True if `sig` is ignored (SIG_IGN), as a non-interactive shell leaves SIGINT for a
/// background job.
pub fn is_ignored(sig: i32) -> bool {
    disposition(sig) == Some(libc::SIG_IGN)
}

/// The current action of `sig` (SIG_DFL, SIG_IGN or a handler's address); `None` for a
/// number that is not a signal.
fn disposition(sig: i32) -> Option<libc::sighandler_t> {
    // SAFETY: sigaction with a null new action only reads the current one into `old`, a
    // zeroed (valid) sigaction owned by this frame.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        (libc::sigaction(sig, std::ptr::null(), &mut old) == 0).then_some(old.sa_sigaction)
    }
}

/// Unblock `sig` in the calling thread (a thread that waits for signals may have it blocked).
pub fn unblock(sig: i32) {
    // SAFETY: the set is a zeroed sigset_t owned by this frame, initialised by sigemptyset
    // before use; the old mask is not asked for (null).
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, sig);
        libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut());
    }
}

/// Send `sig` to the calling thread (it runs the signal's action before returning, unless
/// the signal is blocked in this thread).
pub fn raise(sig: i32) {
    // SAFETY: raise takes a plain number and touches no memory of ours.
    unsafe {
        libc::raise(sig);
    }
}
