//! Pseudo-terminals: a fresh pty, a child on one as its controlling terminal ([`Pty`]), the
//! terminal settings raw mode changes, `script(1)` runs at a given width, and a small terminal
//! emulator ([`screen`]) for what live renderings leave on the screen.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, OwnedFd};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::env::{wait_timeout, Env};
use super::{eventually, exit_code};

/// A fresh pseudo-terminal: (master, slave).
pub fn open_pty() -> (std::fs::File, std::os::fd::OwnedFd) {
    use std::os::fd::FromRawFd;
    let (mut master, mut slave) = (0i32, 0i32);
    // SAFETY: openpty fills two fds; the name/termios/winsize pointers may be null.
    let rc = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(rc, 0, "openpty");
    // SAFETY: the fds were just created and are owned once each here.
    unsafe {
        (
            std::fs::File::from_raw_fd(master),
            std::os::fd::OwnedFd::from_raw_fd(slave),
        )
    }
}

/// Make `cmd` a session leader whose controlling terminal is its stdin (a pty slave), as a
/// process started from a real terminal is; window changes then send it SIGWINCH. The signals
/// a terminal sends start at their default action, as from a login shell: an ignored
/// disposition survives exec, so a suite run under `nohup` (SIGHUP ignored) or from a shell
/// that ignores SIGINT/SIGQUIT would otherwise hand that on and change what the CLI does.
pub fn on_controlling_terminal(cmd: &mut Command) {
    use std::os::unix::process::CommandExt;
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            for sig in [
                libc::SIGHUP,
                libc::SIGINT,
                libc::SIGQUIT,
                libc::SIGTERM,
                libc::SIGTSTP,
                libc::SIGTTIN,
                libc::SIGTTOU,
            ] {
                libc::signal(sig, libc::SIG_DFL);
            }
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            if libc::ioctl(0, libc::TIOCSCTTY, 0) < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// The terminal settings of `fd`.
pub fn termios_of(fd: i32) -> libc::termios {
    // SAFETY: tcgetattr into a zeroed termios on an open terminal fd.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        assert_eq!(libc::tcgetattr(fd, &mut t), 0, "tcgetattr");
        t
    }
}

/// A child process on a pseudo-terminal (stdin, stdout and stderr, and its controlling tty).
pub struct Pty {
    /// The terminal's modes before the child started (see [`mode_flags`]).
    pub initial: (u32, u32, u32, u32),
    pub master: std::fs::File,
    /// A handle on the terminal side, to inspect its settings after the child is gone.
    pub slave: OwnedFd,
    pub child: Child,
    /// The program run, to name it when an expectation fails.
    program: String,
    output: Arc<Mutex<Vec<u8>>>,
    reader: Option<std::thread::JoinHandle<()>>,
}

/// Terminal window size.
pub fn set_winsize(fd: i32, rows: u16, cols: u16) {
    let ws = libc::winsize {
        ws_row: rows,
        ws_col: cols,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCSWINSZ with a valid winsize on an open terminal fd.
    unsafe {
        libc::ioctl(fd, libc::TIOCSWINSZ, &ws);
    }
}

/// The parts of the settings raw mode changes.
pub fn mode_flags(t: &libc::termios) -> (u32, u32, u32, u32) {
    (t.c_iflag, t.c_oflag, t.c_lflag, t.c_cflag)
}

impl Pty {
    /// Start `cmd` on a new pty of `rows`×`cols`, as the session leader with the pty as its
    /// controlling terminal (so window changes send it SIGWINCH).
    pub fn spawn(mut cmd: Command, rows: u16, cols: u16) -> Pty {
        let (master_f, slave_fd) = open_pty();
        set_winsize(slave_fd.as_raw_fd(), rows, cols);
        let initial = mode_flags(&termios_of(slave_fd.as_raw_fd()));
        let dup = |fd: &OwnedFd| fd.try_clone().expect("dup pty");
        cmd.stdin(Stdio::from(dup(&slave_fd)))
            .stdout(Stdio::from(dup(&slave_fd)))
            .stderr(Stdio::from(dup(&slave_fd)));
        on_controlling_terminal(&mut cmd);
        let program = cmd.get_program().to_string_lossy().into_owned();
        let child = cmd.spawn().expect("spawn on pty");
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut rd = master_f.try_clone().expect("clone master");
        let out2 = output.clone();
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            loop {
                match rd.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => out2.lock().unwrap().extend_from_slice(&buf[..n]),
                }
            }
        });
        Pty {
            initial,
            master: master_f,
            slave: slave_fd,
            child,
            program,
            output,
            reader: Some(reader),
        }
    }

    /// Type bytes into the terminal.
    pub fn send(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).expect("write to pty");
    }

    /// Everything the terminal showed so far.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }

    /// Wait until the output contains `text` (or panic after `timeout`).
    pub fn expect(&self, text: &str, timeout: Duration) {
        assert!(
            eventually(timeout, || self.output().contains(text)),
            "{}: terminal never showed {text:?}; it showed:\n{}",
            self.program,
            self.output()
        );
    }

    /// Resize the terminal (the kernel sends SIGWINCH to the foreground process group).
    pub fn resize(&self, rows: u16, cols: u16) {
        set_winsize(self.master.as_raw_fd(), rows, cols);
    }

    /// Wait for the child; its exit code (128+signal when killed). Panics on timeout.
    pub fn wait(&mut self, timeout: Duration) -> i32 {
        let status = wait_timeout(&mut self.child, timeout).unwrap_or_else(|| {
            panic!(
                "process on the pty did not exit; terminal showed:\n{}",
                self.output()
            )
        });
        self.drain();
        exit_code(status)
    }

    /// After the process ended: let the reader take what is still in the terminal (the slave
    /// side stays open here, so the reader never sees an end), until nothing is pending and
    /// the output has stopped growing.
    fn drain(&self) {
        let fd = self.master.as_raw_fd();
        eventually(Duration::from_secs(5), || {
            let before = self.output.lock().unwrap().len();
            let mut pfd = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd for an open descriptor.
            let pending = unsafe { libc::poll(&mut pfd, 1, 50) } > 0;
            !pending && self.output.lock().unwrap().len() == before
        });
    }

    /// The terminal's current settings.
    pub fn termios(&self) -> libc::termios {
        termios_of(self.slave.as_raw_fd())
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // The reader ends when every slave fd is closed; don't wait for it.
        drop(self.reader.take());
    }
}

/// Run `cmd` (a shell command line) under a pseudo-terminal `cols` wide with `script`,
/// returning the raw terminal output, the exit code and the time it took.
pub fn run_in_pty(env: &Env, cmd: &str, cols: u16) -> (Vec<u8>, i32, Duration) {
    let line = format!("stty cols {cols} rows 50; {cmd}");
    let start = Instant::now();
    let out = env
        .command("script", &["-qfec", &line, "/dev/null"])
        .env("TERM", "xterm")
        .stdin(Stdio::null())
        .output()
        .expect("script");
    (out.stdout, out.status.code().unwrap_or(-1), start.elapsed())
}

/// The screen a terminal `width` columns wide shows after `bytes`: lines without trailing
/// blanks, trailing empty lines dropped. Knows what docker and indicatif emit (CR, LF,
/// cursor up/down/column, erase line/display); other escape sequences are skipped.
pub fn screen(bytes: &[u8], width: usize) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    let mut rows: Vec<Vec<char>> = vec![Vec::new()];
    let (mut row, mut col) = (0usize, 0usize);
    let mut chars = text.chars().peekable();
    let ensure = |rows: &mut Vec<Vec<char>>, row: usize| {
        while rows.len() <= row {
            rows.push(Vec::new());
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\r' => col = 0,
            '\n' => {
                row += 1;
                ensure(&mut rows, row);
            }
            '\x1b' => {
                if chars.peek() != Some(&'[') {
                    chars.next();
                    continue;
                }
                chars.next();
                let mut params = String::new();
                let mut fin = ' ';
                for d in chars.by_ref() {
                    if d.is_ascii_digit() || d == ';' || d == '?' {
                        params.push(d);
                    } else {
                        fin = d;
                        break;
                    }
                }
                let n: usize = params.trim_start_matches('?').parse().unwrap_or(1).max(1);
                match fin {
                    'A' => row = row.saturating_sub(n),
                    'B' => {
                        row += n;
                        ensure(&mut rows, row);
                    }
                    'G' => col = n - 1,
                    'K' => {
                        let mode: usize = params.parse().unwrap_or(0);
                        let r = &mut rows[row];
                        match mode {
                            2 => r.clear(),
                            0 => r.truncate(col),
                            _ => {}
                        }
                    }
                    'J' => {
                        rows.truncate(row + 1);
                        rows[row].truncate(col);
                    }
                    _ => {}
                }
            }
            c if (c as u32) < 0x20 => {}
            c => {
                if col >= width {
                    row += 1;
                    col = 0;
                    ensure(&mut rows, row);
                }
                let r = &mut rows[row];
                while r.len() < col {
                    r.push(' ');
                }
                if col < r.len() {
                    r[col] = c;
                } else {
                    r.push(c);
                }
                col += 1;
            }
        }
    }
    let mut lines: Vec<String> = rows
        .into_iter()
        .map(|r| r.into_iter().collect::<String>().trim_end().to_string())
        .collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// How many times dkr redrew its live lines: each redraw erases from the first live line
/// down (`ESC[J`).
pub fn count_redraws(bytes: &[u8]) -> usize {
    String::from_utf8_lossy(bytes).matches("\x1b[J").count()
}
