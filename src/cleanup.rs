//! What a panic undoes before dkr dies. The release build aborts on a panic
//! (`panic = "abort"` in Cargo.toml: no unwinding tables or landing pads, a smaller binary and
//! less memory for every command), so no destructor runs on the way out. What a destructor
//! would have put back — a raw or echo-less terminal, a hidden cursor, a file the command made
//! and does not keep (an unwritten `--cidfile`, a config file's temporary) — is registered
//! here while it is in effect ([`on_panic`]); the hook [`install_panic_hook`] sets at start
//! undoes it, prints Rust's panic message and aborts, in every build alike.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

type Action = Box<dyn Fn() + Send>;

/// The actions in effect, oldest first, each with its token's number.
static ACTIONS: Mutex<Vec<(u64, Action)>> = Mutex::new(Vec::new());
static NEXT: AtomicU64 = AtomicU64::new(1);

/// Runs its action if dkr panics while it lives; dropping it forgets the action (its owner
/// has undone the thing itself, or keeps what it made).
#[must_use = "the action is forgotten when the token is dropped"]
pub struct OnPanic(u64);

impl Drop for OnPanic {
    fn drop(&mut self) {
        let mut actions = ACTIONS.lock().unwrap_or_else(|p| p.into_inner());
        actions.retain(|(id, _)| *id != self.0);
    }
}

/// Register `action` to run if dkr panics while the returned token lives. The action runs
/// inside the panic hook, perhaps on another thread than the one that panicked: it must not
/// take a lock the rest of dkr may hold (use `try_lock`), nor panic.
pub fn on_panic(action: impl Fn() + Send + 'static) -> OnPanic {
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    let mut actions = ACTIONS.lock().unwrap_or_else(|p| p.into_inner());
    actions.push((id, Box::new(action)));
    OnPanic(id)
}

/// Run the registered actions, newest first (the reverse of how they were set up, as
/// destructors would). `try_lock`: a panic inside [`on_panic`] or a token's drop holds the list
/// on this very thread, and then nothing is undone rather than everything hanging.
fn undo_all() {
    let actions = match ACTIONS.try_lock() {
        Ok(a) => a,
        Err(std::sync::TryLockError::Poisoned(p)) => p.into_inner(),
        Err(std::sync::TryLockError::WouldBlock) => return,
    };
    undo(actions.iter());
}

/// Run `actions` (oldest first in the list) newest first.
fn undo<'a>(actions: impl DoubleEndedIterator<Item = &'a (u64, Action)>) {
    for (_, action) in actions.rev() {
        action();
    }
}

/// Install, once at start, the hook that every panic runs: undo what is registered, print
/// Rust's own panic message (to a terminal that is cooked again), then abort. Aborting in the
/// debug build too keeps both builds' behaviour one (the release build would abort anyway).
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        undo_all();
        default(info);
        std::process::abort();
    }));
}

/// A panic on purpose at `point` when `DKR_TEST_PANIC` names it, so a test can prove what
/// the hook undoes (the raw terminal of `run -it`, an unwritten cidfile). Only in builds with
/// debug assertions (the tests'); nothing in a release build.
pub fn test_panic(point: &str) {
    #[cfg(debug_assertions)]
    if std::env::var_os("DKR_TEST_PANIC").is_some_and(|v| v == point) {
        panic!("DKR_TEST_PANIC={point}");
    }
    #[cfg(not(debug_assertions))]
    let _ = point;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[test]
    fn actions_run_newest_first_while_their_token_lives() {
        static RAN: Mutex<Vec<usize>> = Mutex::new(Vec::new());
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let a = on_panic(|| RAN.lock().unwrap().push(1));
        let b = on_panic(|| RAN.lock().unwrap().push(2));
        let c = on_panic(|| {
            COUNT.fetch_add(1, Ordering::SeqCst);
        });
        let c_id = c.0;
        drop(c);
        {
            // Other tests may register actions meanwhile (a config write's temporary file):
            // only ours run.
            let list = ACTIONS.lock().unwrap();
            assert!(list.iter().all(|(id, _)| *id != c_id));
            undo(list.iter().filter(|(id, _)| *id == a.0 || *id == b.0));
        }
        let ran: Vec<usize> = RAN.lock().unwrap().clone();
        assert_eq!(ran, vec![2, 1]);
        assert_eq!(COUNT.load(Ordering::SeqCst), 0);
        drop((a, b));
    }
}
