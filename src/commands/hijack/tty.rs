//! The local terminal for `-t` sessions: raw mode on stdin (docker's `SetRawTerminal`; output
//! needs nothing on Unix) restored on every way out — normal return, error, panic (through
//! `cleanup`'s hook, as the release build aborts), a fatal signal and the SIGPIPE death — and
//! the window size the container's TTY is kept in step with.

use std::io;
use std::os::fd::BorrowedFd;
use std::sync::{Mutex, OnceLock};

use rustix::termios::{self, OptionalActions, Termios};

/// The settings to go back to; set once when raw mode is entered. A `OnceLock` so the signal
/// handler below can read it without taking a lock.
static SAVED: OnceLock<Termios> = OnceLock::new();
/// Whether the terminal is currently raw (guards against restoring twice or never).
static RAW: Mutex<bool> = Mutex::new(false);

fn stdin_fd() -> BorrowedFd<'static> {
    rustix::stdio::stdin()
}

fn stdout_fd() -> BorrowedFd<'static> {
    rustix::stdio::stdout()
}

/// Is stdin a terminal?
pub fn stdin_is_terminal() -> bool {
    termios::isatty(stdin_fd())
}

/// Is stdout a terminal?
pub fn stdout_is_terminal() -> bool {
    termios::isatty(stdout_fd())
}

/// The stdout terminal's size as (height, width); (0, 0) when stdout is not a terminal
/// (docker's `Out().GetTtySize()`).
pub fn stdout_size() -> (u16, u16) {
    if !stdout_is_terminal() {
        return (0, 0);
    }
    match termios::tcgetwinsize(stdout_fd()) {
        Ok(ws) => (ws.ws_row, ws.ws_col),
        Err(_) => (0, 0),
    }
}

/// Restores the terminal when dropped (return, `?`, panic).
pub struct RawGuard(());

impl Drop for RawGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Put stdin into raw mode (`cfmakeraw`, as moby/term's `MakeRaw`), unless `NORAW` is set or
/// stdin is no terminal. Fatal signals that would kill dkr restore the terminal first.
pub fn make_raw() -> io::Result<Option<RawGuard>> {
    if std::env::var_os("NORAW").is_some_and(|v| !v.is_empty()) || !stdin_is_terminal() {
        return Ok(None);
    }
    let saved = termios::tcgetattr(stdin_fd())?;
    let mut raw = saved.clone();
    raw.make_raw();
    let _ = SAVED.set(saved);
    termios::tcsetattr(stdin_fd(), OptionalActions::Now, &raw)?;
    *RAW.lock().unwrap_or_else(|p| p.into_inner()) = true;
    install_fatal_signal_restore();
    crate::cleanup::test_panic("raw");
    Ok(Some(RawGuard(())))
}

/// Is the terminal raw (made so by [`make_raw`] and not yet restored)?
pub fn is_raw() -> bool {
    *RAW.lock().unwrap_or_else(|p| p.into_inner())
}

/// The terminal's interrupt character (`VINTR`, normally Ctrl-C) as it was before raw mode;
/// None when it was disabled (no character, or no ISIG) or raw mode was never entered.
pub fn interrupt_char() -> Option<u8> {
    let saved = SAVED.get()?;
    // Without ISIG the key never was an interrupt on this terminal.
    if !saved.local_modes.contains(termios::LocalModes::ISIG) {
        return None;
    }
    let c = saved.special_codes[termios::SpecialCodeIndex::VINTR];
    // `_POSIX_VDISABLE` (0) turns the key off.
    (c != 0).then_some(c)
}

/// Put the terminal back as it was, if it is raw. Safe to call any number of times.
pub fn restore() {
    let mut raw = RAW.lock().unwrap_or_else(|p| p.into_inner());
    if *raw {
        if let Some(saved) = SAVED.get() {
            let _ = termios::tcsetattr(stdin_fd(), OptionalActions::Now, saved);
        }
        *raw = false;
    }
}

/// What a panic does to the terminal (the release build aborts: [`RawGuard`]'s drop never
/// runs): the saved settings back, unless [`restore`] already put them back. No waiting for
/// the lock a panicking [`restore`] may hold: the settings go back then too.
fn restore_on_panic() {
    let raw = match RAW.try_lock() {
        Ok(raw) => *raw,
        Err(std::sync::TryLockError::Poisoned(p)) => *p.into_inner(),
        Err(std::sync::TryLockError::WouldBlock) => true,
    };
    if raw {
        if let Some(saved) = SAVED.get() {
            let _ = termios::tcsetattr(stdin_fd(), OptionalActions::Now, saved);
        }
    }
}

/// For signals whose default action ends the process (when `--sig-proxy=false` leaves them
/// at their default): restore the terminal, then die of the signal as before.
fn install_fatal_signal_restore() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // For the rest of the process: raw mode may be entered again (a second attach).
        std::mem::forget(crate::cleanup::on_panic(restore_on_panic));
        for sig in [libc::SIGHUP, libc::SIGINT, libc::SIGQUIT, libc::SIGTERM] {
            // Only where nobody (signal proxying) handles the signal already.
            if crate::sys::is_default(sig) {
                // SAFETY: the action only reads a OnceLock (an atomic load once set), makes
                // one tcsetattr system call and re-raises with the default action: all
                // async-signal-safe.
                let _ = unsafe {
                    signal_hook::low_level::register(sig, move || {
                        if let Some(saved) = SAVED.get() {
                            let _ = termios::tcsetattr(stdin_fd(), OptionalActions::Now, saved);
                        }
                        let _ = signal_hook::low_level::emulate_default_handler(sig);
                    })
                };
            }
        }
    });
}
