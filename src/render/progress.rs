//! Pull progress: the engine's JSON message stream (`/images/create`) shown as docker shows it
//! (`pkg/jsonmessage`): exactly docker's plain lines when the output is not a terminal, and
//! on a terminal one live line per layer, in order of first appearance, drawn by indicatif
//! and ending as a static summary.
//!
//! The text of every line (status, `[==>   ]` bar, `1.2MB/4.5MB` sizes, time left) is built by
//! the pure functions at the top, which follow `JSONMessage.Display` and
//! `JSONProgress.String` byte for byte; indicatif lays the lines out. docker redraws a line
//! per message with its own cursor codes; here the screen is redrawn at most once every
//! [`REDRAW_INTERVAL`] (20 a second), with the newest frame, however many messages came.
//! On a terminal the engine's and registry's words have their control characters made
//! visible (`render::sanitize`); piped, they pass untouched as docker passes them.

use std::collections::HashMap;
use std::io::{self, BufReader, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle, TermLike};
use serde::Deserialize;
use unicode_width::UnicodeWidthStr;

use crate::golang::json;
use crate::output::Streams;
use crate::render::sanitize;
use crate::render::units::human_size;

/// The least time between two rounds of line updates on a terminal (20 a second).
pub const REDRAW_INTERVAL: Duration = Duration::from_millis(50);
/// docker's width when the stream is not a terminal (`JSONProgress.width`).
pub const DEFAULT_WIDTH: usize = 200;

/// `jsonmessage.JSONProgress`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct JsonProgress {
    pub current: i64,
    pub total: i64,
    pub start: i64,
    pub hidecounts: bool,
    pub units: String,
}

/// `jsonmessage.JSONError`.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(default)]
pub struct JsonError {
    pub code: i64,
    pub message: String,
}

/// `jsonmessage.JSONMessage`: one object of the stream.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct JsonMessage {
    pub stream: String,
    pub status: String,
    #[serde(rename = "progressDetail")]
    pub progress_detail: Option<JsonProgress>,
    /// The daemon's pre-rendered bar (deprecated; docker ignores it when `progressDetail` is
    /// there).
    pub progress: String,
    pub id: String,
    pub from: String,
    pub time: i64,
    #[serde(rename = "timeNano")]
    pub time_nano: i64,
    #[serde(rename = "errorDetail")]
    pub error_detail: Option<JsonError>,
    pub error: String,
    /// Anything (a push ends with `{"Tag","Digest","Size"}`); only its presence matters to
    /// docker's display.
    pub aux: Option<serde_json::Value>,
}

impl JsonMessage {
    /// Whether the message gets a line of its own on a terminal: it has an id and progress
    /// (`DisplayJSONMessagesStream`). Any other message resets the lines.
    pub fn is_slot(&self) -> bool {
        !self.id.is_empty() && (self.progress_detail.is_some() || !self.progress.is_empty())
    }
}

/// `JSONProgress.String()` for a terminal `width` columns wide at `now_nanos` (Unix ns).
pub fn progress_string(p: &JsonProgress, width: usize, now_nanos: i128) -> String {
    if p.current <= 0 && p.total <= 0 {
        return String::new();
    }
    if p.total <= 0 {
        return if p.units.is_empty() {
            format!("{:>8}", human_size(p.current as f64))
        } else {
            format!("{} {}", p.current, p.units)
        };
    }
    // Clamped below too: a negative `current` made a bar of ~2^62 spaces (a capacity-overflow
    // panic; Go's strings.Repeat panics on the negative count). Found by fuzz/progress.
    let percentage = (((p.current as f64 / p.total as f64) * 100.0) as i64 / 2).clamp(0, 50);
    let mut out = String::new();
    if width > 110 {
        let spaces = (50 - percentage).max(0) as usize;
        out.push('[');
        out.push_str(&"=".repeat(percentage.max(0) as usize));
        out.push('>');
        out.push_str(&" ".repeat(spaces));
        out.push_str("] ");
    }
    if p.hidecounts {
    } else if p.units.is_empty() {
        let current = human_size(p.current as f64);
        if p.current > p.total {
            out.push_str(&format!("{current:>8}"));
        } else {
            out.push_str(&format!("{current:>8}/{}", human_size(p.total as f64)));
        }
    } else if p.current > p.total {
        out.push_str(&format!("{} {}", p.current, p.units));
    } else {
        out.push_str(&format!("{}/{} {}", p.current, p.total, p.units));
    }
    if width > 50 && p.current > 0 && p.start > 0 && percentage < 50 {
        // Go's int64 Durations: time.Since saturates, the product wraps. (The i128 product
        // overflowed on a daemon-sent `start` near i64::MAX; found by fuzz/progress.)
        let from_start = (now_nanos - i128::from(p.start) * 1_000_000_000)
            .clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64;
        let per_entry = from_start / p.current;
        let left = i128::from((p.total - p.current).wrapping_mul(per_entry));
        // Duration.Round(time.Second): halves away from zero.
        let secs = if left >= 0 {
            (left + 500_000_000) / 1_000_000_000
        } else {
            (left - 500_000_000) / 1_000_000_000
        };
        out.push(' ');
        out.push_str(&crate::golang::time::duration_secs_string(secs as i64));
    }
    out
}

/// What `JSONMessage.Display` writes for `m`, without the terminal's `ESC[2K\r` prefix and
/// trailing `\r`; `None` when docker writes nothing (progress lines off a terminal).
pub fn display_text(
    m: &JsonMessage,
    is_terminal: bool,
    width: usize,
    now_nanos: i128,
) -> Option<String> {
    let progress = m
        .progress_detail
        .as_ref()
        .map(|p| progress_string(p, width, now_nanos));
    let terminal_progress = is_terminal && m.stream.is_empty() && m.progress_detail.is_some();
    if !terminal_progress && progress.as_deref().is_some_and(|p| !p.is_empty()) {
        return None;
    }
    let mut out = String::new();
    let nanos = if m.time_nano != 0 {
        i128::from(m.time_nano)
    } else {
        i128::from(m.time) * 1_000_000_000
    };
    if nanos != 0 {
        let local = jiff::tz::TimeZone::system();
        out.push_str(&crate::golang::time::rfc3339_nano_fixed(nanos, &local));
        out.push(' ');
    }
    if !m.id.is_empty() {
        out.push_str(&m.id);
        out.push_str(": ");
    }
    if !m.from.is_empty() {
        out.push_str(&format!("(from {}) ", m.from));
    }
    let endl = if terminal_progress { "" } else { "\n" };
    match (&progress, is_terminal) {
        (Some(p), true) => out.push_str(&format!("{} {p}", m.status)),
        _ if !m.progress.is_empty() => out.push_str(&format!("{} {}", m.status, m.progress)),
        _ if !m.stream.is_empty() => out.push_str(&m.stream),
        _ => {
            out.push_str(&m.status);
            out.push_str(endl);
        }
    }
    Some(out)
}

/// The message of an in-stream error (`errorDetail`), which ends the display.
pub fn stream_error(m: &JsonMessage) -> Option<String> {
    m.error_detail.as_ref().map(|e| e.message.clone())
}

/// docker's plain (non-terminal) rendering of a whole stream, for tests and `-q`:
/// the bytes written, or the error that ended it.
pub fn render_plain(messages: &[JsonMessage]) -> (String, Option<String>) {
    let mut out = String::new();
    for m in messages {
        if m.aux.is_some() {
            continue;
        }
        if let Some(e) = stream_error(m) {
            return (out, Some(e));
        }
        if let Some(text) = display_text(m, false, DEFAULT_WIDTH, 0) {
            out.push_str(&text);
        }
    }
    (out, None)
}

/// Where progress goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Stdout,
    Stderr,
    /// `-q`: parsed (errors still count) but not shown.
    Discard,
}

impl Target {
    /// True when the target is a terminal.
    pub fn is_terminal(self) -> bool {
        use std::io::IsTerminal;
        match self {
            Target::Stdout => io::stdout().is_terminal(),
            Target::Stderr => io::stderr().is_terminal(),
            Target::Discard => false,
        }
    }

    /// The terminal's width in columns (docker's fallback is 200).
    pub fn width(self) -> usize {
        let ws = match self {
            Target::Stdout => rustix::termios::tcgetwinsize(io::stdout()),
            Target::Stderr => rustix::termios::tcgetwinsize(io::stderr()),
            Target::Discard => return DEFAULT_WIDTH,
        };
        match ws {
            Ok(ws) if ws.ws_col > 0 => usize::from(ws.ws_col),
            _ => DEFAULT_WIDTH,
        }
    }

    /// The terminal's height in rows (indicatif stops drawing lines past it).
    pub fn height(self) -> u16 {
        let ws = match self {
            Target::Stdout => rustix::termios::tcgetwinsize(io::stdout()),
            Target::Stderr => rustix::termios::tcgetwinsize(io::stderr()),
            Target::Discard => return 24,
        };
        match ws {
            Ok(ws) if ws.ws_row > 0 => ws.ws_row,
            _ => 24,
        }
    }

    fn write_all(self, bytes: &[u8]) -> io::Result<()> {
        match self {
            Target::Stdout => Streams.write_all(bytes),
            Target::Stderr => Streams.write_err(bytes),
            Target::Discard => Ok(()),
        }
    }
}

/// Set while live lines are on a terminal, so an interrupt can leave the cursor below them.
static LIVE: AtomicBool = AtomicBool::new(false);

/// True while a terminal display is drawing live lines.
pub fn live_lines_on_screen() -> bool {
    LIVE.load(Ordering::SeqCst)
}

/// Say whether live lines are on the screen (for displays drawn elsewhere: `pull_view`).
pub fn set_live(on: bool) {
    LIVE.store(on, Ordering::SeqCst);
}

fn now_nanos() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as i128)
        .unwrap_or(0)
}

/// Show the message stream `reader` on `target` and return when it ends; `Err` carries the
/// text of an in-stream error or a broken stream. The caller turns it into exit code 1.
pub fn display<R: Read + Send + 'static>(reader: R, target: Target) -> Result<(), String> {
    if target.is_terminal() {
        display_terminal(reader, target)
    } else {
        display_plain(reader, target)
    }
}

/// The stream's messages, decoded one by one (an undecodable one ends it with Go's words).
pub fn messages<R: Read>(reader: R) -> impl Iterator<Item = Result<JsonMessage, String>> {
    // serde_json reads its input a byte at a time; the buffer keeps that cheap.
    serde_json::Deserializer::from_reader(BufReader::with_capacity(32 * 1024, reader))
        .into_iter::<JsonMessage>()
        .map(|r| r.map_err(|e| json::stream_error_text(&e)))
}

fn display_plain<R: Read>(reader: R, target: Target) -> Result<(), String> {
    let width = target.width();
    for m in messages(reader) {
        let m = m?;
        if m.aux.is_some() {
            continue;
        }
        if let Some(e) = stream_error(&m) {
            return Err(e);
        }
        if target == Target::Discard {
            continue;
        }
        if let Some(text) = display_text(&m, false, width, now_nanos()) {
            target
                .write_all(text.as_bytes())
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// The terminal behind indicatif. indicatif lays out the live lines and hands each complete
/// frame to this `TermLike`, which keeps only the newest one; [`Gate::present`] puts it on the
/// screen (cursor back to the first live line, erase below, the frame), so the number of
/// redraws is ours to pace whatever the number of messages.
#[derive(Debug, Clone)]
struct Gate {
    target: Target,
    state: Arc<Mutex<GateState>>,
}

#[derive(Debug, Default)]
struct GateState {
    /// The frame indicatif is writing.
    building: String,
    /// The newest complete frame, not yet on screen.
    latest: Option<String>,
    /// How many terminal rows the frame on screen takes.
    on_screen: usize,
    last_present: Option<Instant>,
}

impl Gate {
    fn new(target: Target) -> Gate {
        Gate {
            target,
            state: Arc::new(Mutex::new(GateState::default())),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, GateState> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn pending(&self) -> bool {
        self.lock().latest.is_some()
    }

    /// When the next frame may be drawn.
    fn wait(&self) -> Duration {
        match self.lock().last_present {
            Some(t) => REDRAW_INTERVAL.saturating_sub(t.elapsed()),
            None => Duration::ZERO,
        }
    }

    /// Draw the newest frame if there is one and (unless `force`) the last redraw was at least
    /// [`REDRAW_INTERVAL`] ago.
    fn present(&self, force: bool) -> io::Result<()> {
        let mut st = self.lock();
        if !force
            && st
                .last_present
                .is_some_and(|t| t.elapsed() < REDRAW_INTERVAL)
        {
            return Ok(());
        }
        let Some(frame) = st.latest.take() else {
            return Ok(());
        };
        let out = repaint(st.on_screen, &frame);
        st.on_screen = visual_rows(&frame, self.target.width());
        st.last_present = Some(Instant::now());
        drop(st);
        self.target.write_all(out.as_bytes())
    }
}

/// Terminal rows `text` takes on a terminal `width` columns wide.
fn visual_rows(text: &str, width: usize) -> usize {
    let width = width.max(1);
    text.split('\n')
        .map(|l| UnicodeWidthStr::width(l).div_ceil(width).max(1))
        .sum()
}

impl TermLike for Gate {
    fn width(&self) -> u16 {
        u16::try_from(self.target.width()).unwrap_or(u16::MAX)
    }

    fn height(&self) -> u16 {
        self.target.height()
    }

    // Cursor movement and clearing belong to indicatif's redraw of the previous frame;
    // `present` does its own.
    fn move_cursor_up(&self, _: usize) -> io::Result<()> {
        Ok(())
    }

    fn move_cursor_down(&self, _: usize) -> io::Result<()> {
        Ok(())
    }

    fn move_cursor_right(&self, _: usize) -> io::Result<()> {
        Ok(())
    }

    fn move_cursor_left(&self, _: usize) -> io::Result<()> {
        Ok(())
    }

    fn clear_line(&self) -> io::Result<()> {
        Ok(())
    }

    fn write_line(&self, s: &str) -> io::Result<()> {
        let mut st = self.lock();
        st.building.push_str(s);
        st.building.push('\n');
        Ok(())
    }

    fn write_str(&self, s: &str) -> io::Result<()> {
        self.lock().building.push_str(s);
        Ok(())
    }

    fn flush(&self) -> io::Result<()> {
        let mut st = self.lock();
        let frame = std::mem::take(&mut st.building);
        st.latest = Some(frame);
        Ok(())
    }
}

/// The live region: a MultiProgress with one line (bar) per layer id, in order of first
/// appearance.
struct Live {
    target: Target,
    gate: Gate,
    multi: Option<MultiProgress>,
    lines: HashMap<String, (ProgressBar, String)>,
    order: Vec<String>,
}

impl Live {
    fn new(target: Target) -> Live {
        Live {
            target,
            gate: Gate::new(target),
            multi: None,
            lines: HashMap::new(),
            order: Vec::new(),
        }
    }

    /// Record the newest text of layer `id`; a new layer gets a line below the others.
    fn update(&mut self, id: &str, text: String) {
        if let Some((bar, current)) = self.lines.get_mut(id) {
            if *current != text {
                bar.set_message(text.clone());
                *current = text;
            }
            return;
        }
        if self.multi.is_none() {
            let draw = ProgressDrawTarget::term_like(Box::new(self.gate.clone()));
            self.multi = Some(MultiProgress::with_draw_target(draw));
            LIVE.store(true, Ordering::SeqCst);
        }
        let multi = self.multi.as_ref().expect("multi exists");
        let style = ProgressStyle::with_template("{msg}").expect("static template");
        let bar = multi.add(ProgressBar::hidden().with_style(style));
        bar.set_message(text.clone());
        self.order.push(id.to_string());
        self.lines.insert(id.to_string(), (bar, text));
    }

    /// Leave every line on the screen as static text and forget them (docker resets its lines
    /// on any message that is not a layer's progress).
    fn finish(&mut self) {
        for id in &self.order {
            if let Some((bar, _)) = self.lines.get(id) {
                bar.finish();
            }
        }
        let _ = self.gate.present(true);
        self.lines.clear();
        self.order.clear();
        if let Some(multi) = self.multi.take() {
            drop(multi);
            // The cursor is at the end of the last line; what follows starts on a new one,
            // as after docker's `ESC[nB`.
            let _ = self.target.write_all(b"\n");
            self.gate = Gate::new(self.target);
            LIVE.store(false, Ordering::SeqCst);
        }
    }
}

impl Drop for Live {
    fn drop(&mut self) {
        self.finish();
    }
}

/// A layer's line as it may reach the terminal: the engine's and registry's words with their
/// control characters made visible, and on one line (a newline would push the slots apart).
fn slot_text(text: &str) -> String {
    sanitize::escape_controls(text).replace('\n', "\\n")
}

/// The terminal rendering on `target`, whether or not it is a terminal (`--progress=tty`).
pub fn display_terminal<R: Read + Send + 'static>(reader: R, target: Target) -> Result<(), String> {
    let (tx, rx) = mpsc::sync_channel::<Result<JsonMessage, String>>(256);
    // The reader parses on its own thread so a pending frame is drawn while the engine is
    // quiet.
    std::thread::spawn(move || {
        for m in messages(reader) {
            let stop = m.is_err();
            if tx.send(m).is_err() || stop {
                break;
            }
        }
    });
    let mut live = Live::new(target);
    loop {
        let item = if live.gate.pending() {
            match rx.recv_timeout(live.gate.wait()) {
                Ok(item) => Some(item),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    let _ = live.gate.present(false);
                    continue;
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => None,
            }
        } else {
            rx.recv().ok()
        };
        let Some(item) = item else {
            live.finish();
            return Ok(());
        };
        let m = match item {
            Ok(m) => m,
            Err(e) => {
                live.finish();
                return Err(e);
            }
        };
        if m.aux.is_some() {
            continue;
        }
        if m.is_slot() {
            if let Some(e) = stream_error(&m) {
                live.finish();
                return Err(e);
            }
            if let Some(text) = display_text(&m, true, target.width(), now_nanos()) {
                live.update(&m.id, slot_text(&text));
            }
            let _ = live.gate.present(false);
            continue;
        }
        live.finish();
        if let Some(e) = stream_error(&m) {
            return Err(e);
        }
        let terminal_progress = m.stream.is_empty() && m.progress_detail.is_some();
        if let Some(text) = display_text(&m, true, target.width(), now_nanos()) {
            let text = sanitize::escape_controls(&text);
            let mut bytes = Vec::with_capacity(text.len() + 8);
            if terminal_progress {
                bytes.extend_from_slice(b"\x1b[2K\r");
                bytes.extend_from_slice(text.as_bytes());
                bytes.push(b'\r');
            } else {
                bytes.extend_from_slice(text.as_bytes());
            }
            target.write_all(&bytes).map_err(|e| e.to_string())?;
        }
    }
}

/// What redraws a live block in place: back to the first of the `on_screen` rows it took,
/// clear from there down, then `frame` (without a trailing newline, so the cursor stays on it).
pub(crate) fn repaint(on_screen: usize, frame: &str) -> String {
    let mut out = String::with_capacity(frame.len() + 16);
    if on_screen > 0 {
        out.push('\r');
        if on_screen > 1 {
            out.push_str(&format!("\x1b[{}A", on_screen - 1));
        }
        out.push_str("\x1b[J");
    }
    out.push_str(frame);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(json: &str) -> JsonMessage {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn layer_lines_are_one_safe_line() {
        assert_eq!(slot_text("abc: Downloading 1kB"), "abc: Downloading 1kB");
        assert_eq!(
            slot_text("abc: evil \x1b]0;t\x07\r\nnext\u{202e}"),
            "abc: evil \\x1b]0;t\\x07\\x0d\\nnext\\u{202e}"
        );
    }

    #[test]
    fn progress_strings_match_docker() {
        let p = JsonProgress {
            current: 69210,
            total: 4502000,
            ..Default::default()
        };
        assert_eq!(
            progress_string(&p, 150, 0),
            "[>                                                  ]  69.21kB/4.502MB"
        );
        assert_eq!(progress_string(&p, 100, 0), " 69.21kB/4.502MB");
        let p = JsonProgress {
            current: 4502000,
            total: 4502000,
            ..Default::default()
        };
        assert_eq!(
            progress_string(&p, 150, 0),
            "[==================================================>]  4.502MB/4.502MB"
        );
        let p = JsonProgress {
            current: 5000,
            total: 0,
            ..Default::default()
        };
        assert_eq!(progress_string(&p, 150, 0), "     5kB");
        assert_eq!(progress_string(&JsonProgress::default(), 150, 0), "");
        let p = JsonProgress {
            current: 2000,
            total: 1000,
            ..Default::default()
        };
        assert_eq!(progress_string(&p, 80, 0), "     2kB");
        let p = JsonProgress {
            current: 3,
            total: 10,
            units: "items".into(),
            ..Default::default()
        };
        assert_eq!(progress_string(&p, 80, 0), "3/10 items");
    }

    #[test]
    fn time_left() {
        // 10 s for 1000 of 4000 bytes: 30 s left.
        let p = JsonProgress {
            current: 1000,
            total: 4000,
            start: 100,
            ..Default::default()
        };
        assert_eq!(progress_string(&p, 80, 110_000_000_000), "     1kB/4kB 30s");
        assert_eq!(progress_string(&p, 40, 110_000_000_000), "     1kB/4kB");
    }

    #[test]
    fn plain_lines_are_dockers() {
        let stream = [
            r#"{"status":"Pulling from busybox","id":"1"}"#,
            r#"{"status":"Pulling fs layer","progressDetail":{},"id":"fda48289470b"}"#,
            r#"{"status":"Downloading","progressDetail":{"current":36445,"total":1068980},"progress":"[=\u003e  ]  36.45kB/1.069MB","id":"fda48289470b"}"#,
            r#"{"status":"Verifying Checksum","progressDetail":{},"id":"fda48289470b"}"#,
            r#"{"status":"Download complete","progressDetail":{},"id":"fda48289470b"}"#,
            r#"{"status":"Extracting","progressDetail":{"current":1068980,"total":1068980},"progress":"[==]","id":"fda48289470b"}"#,
            r#"{"status":"Pull complete","progressDetail":{},"id":"fda48289470b"}"#,
            r#"{"status":"Digest: sha256:21265c78a6ff6c9e25c1df0470f92bada45271ff6ae0e1680c8a79d1e82f0d71"}"#,
            r#"{"status":"Status: Downloaded newer image for localhost:5000/busybox:1"}"#,
        ];
        let msgs: Vec<_> = stream.iter().map(|s| msg(s)).collect();
        let (out, err) = render_plain(&msgs);
        assert!(err.is_none());
        assert_eq!(
            out,
            "1: Pulling from busybox\nfda48289470b: Pulling fs layer\nfda48289470b: Verifying Checksum\nfda48289470b: Download complete\nfda48289470b: Pull complete\nDigest: sha256:21265c78a6ff6c9e25c1df0470f92bada45271ff6ae0e1680c8a79d1e82f0d71\nStatus: Downloaded newer image for localhost:5000/busybox:1\n"
        );
    }

    #[test]
    fn errors_and_aux() {
        let msgs = vec![
            msg(r#"{"aux":{"ID":"sha256:x"}}"#),
            msg(r#"{"status":"a"}"#),
            msg(r#"{"errorDetail":{"message":"boom"},"error":"boom"}"#),
            msg(r#"{"status":"never"}"#),
        ];
        let (out, err) = render_plain(&msgs);
        assert_eq!(out, "a\n");
        assert_eq!(err.as_deref(), Some("boom"));
        // `error` alone (no errorDetail) is not an error to docker.
        let (out, err) = render_plain(&[msg(r#"{"error":"x","status":"s"}"#)]);
        assert_eq!((out.as_str(), err), ("s\n", None));
    }

    #[test]
    fn terminal_text() {
        let m = msg(r#"{"status":"Already exists","progressDetail":{},"id":"abc"}"#);
        assert!(m.is_slot());
        assert_eq!(
            display_text(&m, true, 150, 0).unwrap(),
            "abc: Already exists "
        );
        let m = msg(
            r#"{"status":"Downloading","progressDetail":{"current":65540,"total":4502000},"id":"e505bcd6e93c"}"#,
        );
        assert_eq!(
            display_text(&m, true, 100, 0).unwrap(),
            "e505bcd6e93c: Downloading  65.54kB/4.502MB"
        );
        let m = msg(r#"{"status":"Pulling from x","id":"1"}"#);
        assert!(!m.is_slot());
        assert_eq!(
            display_text(&m, true, 150, 0).unwrap(),
            "1: Pulling from x\n"
        );
    }

    #[test]
    fn decode_of_a_broken_stream() {
        let raw = br#"{"status":"a"}{"status":"#.to_vec();
        let items: Vec<_> = messages(&raw[..]).collect();
        assert!(items[0].is_ok());
        assert_eq!(items[1].as_ref().unwrap_err(), "unexpected EOF");
    }
}
