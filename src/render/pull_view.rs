//! Pull output beyond docker's (`--progress` and several images in one `pull`): the CI `plain`
//! lines, the `json` event stream, docker's own lines kept together per image, and one block
//! of live lines per image on a terminal. Pull workers report what happens ([`PullView`]'s
//! methods, from any thread); the view decides what reaches the stream.
//!
//! A single image in docker's modes never comes here: `render::progress` shows it, so those
//! bytes stay docker's.

use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use unicode_width::UnicodeWidthChar;

use super::progress::{self, repaint, JsonMessage, Target, DEFAULT_WIDTH, REDRAW_INTERVAL};
use super::sanitize;
use super::units::human_size;

/// `--progress` (and `DKR_PROGRESS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Bars on a terminal, docker's lines otherwise.
    #[default]
    Auto,
    /// Bars, whatever the stream is.
    Tty,
    /// One line per layer state change, bounded progress lines, no control bytes.
    Plain,
    /// NDJSON events.
    Json,
    /// `-q`.
    Quiet,
}

impl Mode {
    /// The flag's value parser: the word, or clap's usage error (exit 125).
    pub fn parse(s: &str) -> Result<Mode, String> {
        match s {
            "auto" => Ok(Mode::Auto),
            "tty" => Ok(Mode::Tty),
            "plain" => Ok(Mode::Plain),
            "json" => Ok(Mode::Json),
            "quiet" => Ok(Mode::Quiet),
            _ => Err(format!(
                "invalid progress mode {s:?}: must be one of auto, tty, plain, json, quiet"
            )),
        }
    }
}

/// At most one progress line per layer this often in `plain`.
pub const PLAIN_INTERVAL: Duration = Duration::from_secs(5);

/// How a view writes: which stream, and whether it draws bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// docker's plain lines, each image's together.
    Docker,
    /// Live blocks of lines, one per image.
    Bars,
    Plain,
    Json,
    Quiet,
}

/// One layer's last reported state in `plain`.
#[derive(Debug, Default)]
struct LayerState {
    state: String,
    last_progress: Option<Instant>,
}

/// One image's part of the view.
#[derive(Debug, Default)]
struct ImageState {
    /// Output held back until the images before it are done (`Docker`, `Plain`).
    held: Vec<u8>,
    done: bool,
    layers: HashMap<String, LayerState>,
    /// `Bars`: the block's lines, and which line each layer has.
    lines: Vec<String>,
    slots: HashMap<String, usize>,
    digest: Option<String>,
    status: Option<String>,
}

#[derive(Debug, Default)]
struct State {
    images: Vec<ImageState>,
    /// The first image whose output is not all out yet.
    next: usize,
    /// `Bars`: rows of the frame on screen, when it was drawn, and whether it changed since.
    on_screen: usize,
    drawn_at: Option<Instant>,
    dirty: bool,
}

/// The output of a pull of one or more images (see the module docs).
pub struct PullView {
    style: Style,
    target: Target,
    names: Vec<String>,
    /// `pull` ends each image with its reference on a line; `run`'s implicit pull does not.
    reference_lines: bool,
    /// The final `json` status of an image whose stream said none (`Pulled`, `Pushed`).
    done_word: &'static str,
    state: Mutex<State>,
    stop: Arc<AtomicBool>,
}

fn now_rfc3339() -> String {
    jiff::Timestamp::now().to_string()
}

fn now_nanos() -> i128 {
    jiff::Timestamp::now().as_nanosecond()
}

/// A plain line's text: control characters made visible (no `\r`, no escapes in a CI log).
fn clean(text: &str) -> String {
    sanitize::escape_controls(text).replace('\n', "\\n")
}

/// `Downloading 35% of 27.12MB` (or `Downloading 12.3MB` when the size is unknown).
pub fn plain_progress(status: &str, current: i64, total: i64) -> String {
    if total > 0 {
        let pct = (current.max(0) as f64 * 100.0 / total as f64).clamp(0.0, 100.0) as i64;
        format!("{status} {pct}% of {}", human_size(total as f64))
    } else {
        format!("{status} {}", human_size(current.max(0) as f64))
    }
}

/// A layer state for `plain`'s change detection: the daemon's own `Retrying in N seconds`
/// countdown is one state, not one per second.
fn state_of(status: &str) -> &str {
    if status.starts_with("Retrying in ") {
        "Retrying"
    } else {
        status
    }
}

impl PullView {
    /// A view of `names` (the references as printed after a pull) in `mode` on `target`.
    /// `Auto` draws bars when `target` is a terminal.
    pub fn new(
        mode: Mode,
        target: Target,
        names: Vec<String>,
        reference_lines: bool,
    ) -> Arc<PullView> {
        PullView::build(mode, target, names, reference_lines, "Pulled")
    }

    /// The view of one `push` of `name` (docker prints no reference after a push; its `json`
    /// end says `Pushed`).
    pub fn new_push(mode: Mode, target: Target, name: String) -> Arc<PullView> {
        PullView::build(mode, target, vec![name], false, "Pushed")
    }

    fn build(
        mode: Mode,
        target: Target,
        names: Vec<String>,
        reference_lines: bool,
        done_word: &'static str,
    ) -> Arc<PullView> {
        let style = match mode {
            Mode::Auto if target.is_terminal() => Style::Bars,
            Mode::Auto => Style::Docker,
            Mode::Tty => Style::Bars,
            Mode::Plain => Style::Plain,
            Mode::Json => Style::Json,
            Mode::Quiet => Style::Quiet,
        };
        let state = State {
            images: names.iter().map(|_| ImageState::default()).collect(),
            ..State::default()
        };
        let view = Arc::new(PullView {
            style,
            target,
            names,
            reference_lines,
            done_word,
            state: Mutex::new(state),
            stop: Arc::new(AtomicBool::new(false)),
        });
        if style == Style::Bars {
            // Draw a pending frame while the engine is quiet.
            let v = view.clone();
            std::thread::spawn(move || {
                while !v.stop.load(Ordering::SeqCst) {
                    std::thread::sleep(REDRAW_INTERVAL);
                    let mut st = v.lock();
                    if st.dirty {
                        v.draw(&mut st);
                    }
                }
            });
        }
        view
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self, bytes: &[u8]) {
        // A closed stream ends the pull the way docker's write errors do: by SIGPIPE on stdout.
        let _ = match self.target {
            Target::Stdout => {
                let mut out = io::stdout().lock();
                out.write_all(bytes).and_then(|_| out.flush())
            }
            Target::Stderr => io::stderr().lock().write_all(bytes),
            Target::Discard => Ok(()),
        };
    }

    /// Output of image `i`: now if every image before it is done, else held back.
    fn emit(&self, st: &mut State, i: usize, text: &str) {
        if i == st.next {
            self.write(text.as_bytes());
        } else {
            st.images[i].held.extend_from_slice(text.as_bytes());
        }
    }

    fn event(
        &self,
        i: usize,
        layer: Option<&str>,
        status: &str,
        current: Option<i64>,
        total: Option<i64>,
    ) {
        let v = serde_json::json!({
            "time": now_rfc3339(),
            "image": self.names[i],
            "layer": layer,
            "status": status,
            "current": current,
            "total": total,
        });
        self.json_line(v);
    }

    fn json_line(&self, v: serde_json::Value) {
        let mut line = v.to_string();
        line.push('\n');
        self.write(line.as_bytes());
    }

    /// A line of the command's own (`Using default tag: latest`), without its newline.
    pub fn note(&self, i: usize, text: &str) {
        let mut st = self.lock();
        match self.style {
            Style::Docker | Style::Plain => self.emit(&mut st, i, &format!("{text}\n")),
            Style::Json => self.event(i, None, text, None, None),
            Style::Bars => {
                st.images[i].lines.push(clean(text));
                st.dirty = true;
            }
            Style::Quiet => {}
        }
    }

    /// A new try of image `i` begins: its layers start over.
    pub fn restart(&self, i: usize) {
        let mut st = self.lock();
        let img = &mut st.images[i];
        img.layers.clear();
        img.slots.clear();
        img.digest = None;
        img.status = None;
    }

    /// Image `i`'s whole message stream `reader`; `Err` carries an in-stream error's words or
    /// a broken stream's, and ends the stream there.
    pub fn stream<R: io::Read>(&self, i: usize, reader: R) -> Result<(), String> {
        for m in progress::messages(reader) {
            let m = m?;
            if let Some(e) = progress::stream_error(&m) {
                return Err(e);
            }
            self.message(i, &m);
        }
        Ok(())
    }

    /// One message of image `i`'s stream (not an error: the caller ends the try on those).
    pub fn message(&self, i: usize, m: &JsonMessage) {
        if let Some(aux) = &m.aux {
            // A push names what it pushed in an aux message: `{"Tag","Digest","Size"}`.
            if let Some(d) = aux.get("Digest").and_then(|d| d.as_str()) {
                self.lock().images[i].digest = Some(d.to_string());
            }
            return;
        }
        let mut st = self.lock();
        if let Some(d) = m.status.strip_prefix("Digest: ") {
            st.images[i].digest = Some(d.to_string());
        }
        if let Some(s) = m.status.strip_prefix("Status: ") {
            st.images[i].status = Some(s.to_string());
        }
        let (current, total) = match &m.progress_detail {
            Some(p) if p.current > 0 || p.total > 0 => {
                (Some(p.current), (p.total > 0).then_some(p.total))
            }
            _ => (None, None),
        };
        match self.style {
            Style::Quiet => {}
            Style::Json => {
                let layer = m.is_slot().then_some(m.id.as_str());
                let status = if m.is_slot() || m.id.is_empty() {
                    m.status.clone()
                } else {
                    // `1: Pulling from x`: the id is the tag, not a layer.
                    format!("{}: {}", m.id, m.status)
                };
                drop(st);
                self.event(i, layer, &status, current, total);
            }
            Style::Docker => {
                if let Some(text) = progress::display_text(m, false, DEFAULT_WIDTH, now_nanos()) {
                    self.emit(&mut st, i, &text);
                }
            }
            Style::Plain => {
                if !m.is_slot() {
                    if let Some(text) = progress::display_text(m, false, DEFAULT_WIDTH, 0) {
                        let line = format!("{}\n", clean(text.trim_end_matches('\n')));
                        self.emit(&mut st, i, &line);
                    }
                    return;
                }
                let now = Instant::now();
                let layer = st.images[i].layers.entry(m.id.clone()).or_default();
                let state = state_of(&m.status);
                let text = match current {
                    Some(c) => plain_progress(&m.status, c, total.unwrap_or(0)),
                    None => m.status.clone(),
                };
                let line = if layer.state != state {
                    layer.state = state.to_string();
                    layer.last_progress = current.map(|_| now);
                    true
                } else if current.is_some()
                    && layer
                        .last_progress
                        .is_none_or(|t| now.duration_since(t) >= PLAIN_INTERVAL)
                {
                    layer.last_progress = Some(now);
                    true
                } else {
                    false
                };
                if line {
                    let line = format!("{}: {}\n", clean(&m.id), clean(&text));
                    self.emit(&mut st, i, &line);
                }
            }
            Style::Bars => {
                let width = self.target.width();
                let text = progress::display_text(m, true, width, now_nanos()).unwrap_or_default();
                let text = clean(text.trim_end_matches('\n'));
                let img = &mut st.images[i];
                if m.is_slot() {
                    match img.slots.get(&m.id) {
                        Some(&n) => img.lines[n] = text,
                        None => {
                            img.slots.insert(m.id.clone(), img.lines.len());
                            img.lines.push(text);
                        }
                    }
                } else {
                    img.lines.push(text);
                }
                st.dirty = true;
                if st.drawn_at.is_none_or(|t| t.elapsed() >= REDRAW_INTERVAL) {
                    self.draw(&mut st);
                }
            }
        }
    }

    /// Image `i` failed for a transient reason and is tried again after `delay`:
    /// `Retrying in 2s (attempt 2 of 3): <error>` on stderr (and an event in json).
    pub fn retry(&self, i: usize, attempt: u32, of: u32, delay: Duration, error: &str) {
        if self.style == Style::Json {
            let v = serde_json::json!({
                "time": now_rfc3339(),
                "image": self.names[i],
                "layer": null,
                "status": "retry",
                "current": null,
                "total": null,
                "error": error,
                "attempt": attempt,
                "retries": of,
                "delay_ms": delay.as_millis() as u64,
            });
            self.json_line(v);
        }
        retry_line(attempt, of, delay, error);
    }

    /// Image `i` is finished: `Ok(())` pulled, `Err` with docker's words for the failure.
    /// Held output of the images after it goes out once every image before them is done.
    pub fn done(&self, i: usize, result: Result<(), &str>) {
        let mut st = self.lock();
        match (self.style, result) {
            (Style::Json, r) => {
                let img = &st.images[i];
                let mut v = serde_json::json!({
                    "time": now_rfc3339(),
                    "image": self.names[i],
                    "layer": null,
                    "status": match r {
                        Ok(()) => img.status.clone().unwrap_or_else(|| self.done_word.into()),
                        Err(_) => "failed".into(),
                    },
                    "current": null,
                    "total": null,
                    "digest": img.digest,
                });
                if let Err(e) = r {
                    v["error"] = serde_json::Value::String(e.to_string());
                }
                drop(st);
                self.json_line(v);
                return;
            }
            (Style::Docker | Style::Plain | Style::Quiet, Ok(())) if self.reference_lines => {
                let line = format!("{}\n", self.names[i]);
                self.emit(&mut st, i, &line);
            }
            (Style::Bars, Ok(())) if self.reference_lines => {
                let name = self.names[i].clone();
                st.images[i].lines.push(name);
                st.dirty = true;
            }
            _ => {}
        }
        st.images[i].done = true;
        while st.next < st.images.len() && st.images[st.next].done {
            st.next += 1;
            if st.next < st.images.len() {
                let next = st.next;
                let held = std::mem::take(&mut st.images[next].held);
                self.write(&held);
            }
        }
    }

    /// Every image is done: the last frame stays on the screen.
    pub fn finish(&self) {
        self.stop.store(true, Ordering::SeqCst);
        if self.style == Style::Bars {
            let mut st = self.lock();
            self.draw(&mut st);
            if st.on_screen > 0 {
                self.write(b"\n");
            }
            progress::set_live(false);
        }
    }

    /// Redraw the blocks: back to the first live row, erase below, the new frame. A frame
    /// taller than the screen keeps its last rows (the cursor cannot reach rows that scrolled
    /// away), and lines are cut at the width so one line is one row.
    fn draw(&self, st: &mut State) {
        let width = self.target.width().max(2);
        let height = usize::from(self.target.height()).max(2);
        let lines: Vec<String> = st
            .images
            .iter()
            .flat_map(|img| img.lines.iter())
            .map(|l| cut(l, width - 1))
            .collect();
        let skip = lines.len().saturating_sub(height - 1);
        let frame = lines[skip..].join("\n");
        let out = repaint(st.on_screen, &frame);
        st.on_screen = lines.len() - skip;
        st.drawn_at = Some(Instant::now());
        st.dirty = false;
        if st.on_screen > 0 {
            progress::set_live(true);
        }
        self.write(out.as_bytes());
    }
}

/// `text` cut to `width` columns.
fn cut(text: &str, width: usize) -> String {
    let mut w = 0;
    let mut out = String::new();
    for c in text.chars() {
        w += c.width().unwrap_or(0);
        if w > width {
            break;
        }
        out.push(c);
    }
    out
}

/// Whole seconds of a delay as the retry line shows it (`2s`).
pub fn delay_text(d: Duration) -> String {
    crate::golang::time::duration_secs_string(d.as_secs() as i64)
}

/// `Retrying in 2s (attempt 2 of 3): <error>` on stderr.
pub fn retry_line(attempt: u32, of: u32, nominal: Duration, error: &str) {
    let line = format!(
        "Retrying in {} (attempt {attempt} of {of}): {}\n",
        delay_text(nominal),
        sanitize::for_stderr(error)
    );
    let _ = io::stderr().lock().write_all(line.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        assert_eq!(Mode::parse("json"), Ok(Mode::Json));
        assert_eq!(Mode::parse("auto"), Ok(Mode::Auto));
        assert!(Mode::parse("JSON")
            .unwrap_err()
            .contains("auto, tty, plain, json, quiet"));
    }

    #[test]
    fn plain_texts() {
        assert_eq!(
            plain_progress("Downloading", 9_500_000, 27_100_000),
            "Downloading 35% of 27.1MB"
        );
        assert_eq!(
            plain_progress("Extracting", 12_345_678, 0),
            "Extracting 12.35MB"
        );
        assert_eq!(
            plain_progress("Downloading", 5, 4),
            "Downloading 100% of 4B"
        );
        assert_eq!(state_of("Retrying in 3 seconds"), "Retrying");
        assert_eq!(state_of("Download complete"), "Download complete");
        assert_eq!(clean("a\x1b[2Kb\rc"), "a\\x1b[2Kb\\x0dc");
        assert_eq!(cut("abcdef", 3), "abc");
        assert_eq!(delay_text(Duration::from_millis(2300)), "2s");
    }
}
