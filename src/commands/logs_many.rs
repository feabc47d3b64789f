//! `dkr logs` over several containers (beyond docker, issue #15): the containers named and
//! those `--filter` picks, one reader thread each, their lines merged — by timestamp, or in
//! arrival order under `-f` — with a `name | ` prefix per line, coloured per container on a
//! terminal. One container without dkr's flags never comes here (`logs::run` keeps docker's
//! byte-for-byte path).

use std::collections::VecDeque;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Deserialize;

use super::logs::{logs_options, Inspect, LogsArgs};
use super::Context;
use crate::engine::api::ContainerListOptions;
use crate::engine::stream::ReadyRead;
use crate::engine::timestamp::Now;
use crate::engine::{EngineError, Response};
use crate::exit::StatusError;
use crate::opts::filter::filters_of;
use crate::output::{OnBrokenPipe, StdioWriter};

/// `GET /containers/json` entries: only the IDs (`--filter`).
#[derive(Deserialize, Default)]
#[serde(default)]
struct Listed {
    #[serde(rename = "Id")]
    id: String,
    #[serde(rename = "Created")]
    created: i64,
}

/// One log entry: `data` is the payload as the engine sent it, `2006-01-02T15:04:05.999Z `
/// first (the merge asks for timestamps), `text` where the entry's own bytes start.
#[derive(Debug, PartialEq)]
pub struct Record {
    pub stderr: bool,
    /// Unix nanoseconds of the timestamp (0 when it could not be read: such lines sort first).
    pub ts: i128,
    pub text: usize,
    pub data: Vec<u8>,
}

/// What a reader thread sends: entries as they were read, then its end.
enum Msg {
    Batch(Vec<Record>),
    End(Option<String>),
}

/// How long `-f` output may wait in the buffer for more.
const COALESCE: Duration = Duration::from_millis(5);

/// Entries are sent in batches of at most this many (fewer when the stream has to wait).
const BATCH: usize = 512;

/// The ANSI colours of the prefixes, in the order containers get them (compose's cycle).
const COLOURS: [&str; 10] = ["36", "33", "32", "35", "34", "96", "93", "92", "95", "94"];

/// True when `NO_COLOR` is set to anything but the empty string (no-color.org).
fn no_color_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The `name | ` prefixes of each container, padded to the longest name; coloured when
/// `colour`.
pub fn prefixes(names: &[String], colour: bool) -> Vec<Vec<u8>> {
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let pad = " ".repeat(width - n.chars().count());
            if colour {
                let c = COLOURS[i % COLOURS.len()];
                format!("\x1b[{c}m{n}{pad} |\x1b[0m ").into_bytes()
            } else {
                format!("{n}{pad} | ").into_bytes()
            }
        })
        .collect()
}

/// `2006-01-02T15:04:05.999999999Z07:00` (Go's RFC3339Nano) as Unix nanoseconds. The engine's
/// `Z` form is read directly; anything else through jiff.
pub fn parse_ts(s: &[u8]) -> Option<i128> {
    fn num(b: &[u8]) -> Option<i64> {
        b.iter().try_fold(0i64, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + i64::from(c - b'0'))
        })
    }
    let fast = || -> Option<i128> {
        if s.len() < 20 || s[4] != b'-' || s[7] != b'-' || s[10] != b'T' || s.last() != Some(&b'Z')
        {
            return None;
        }
        let (y, m, d) = (num(&s[0..4])?, num(&s[5..7])?, num(&s[8..10])?);
        let (hh, mm, ss) = (num(&s[11..13])?, num(&s[14..16])?, num(&s[17..19])?);
        let frac = &s[19..s.len() - 1];
        let nanos = match frac {
            [] => 0,
            [b'.', digits @ ..] if !digits.is_empty() && digits.len() <= 9 => {
                num(digits)? * 10i64.pow(9 - digits.len() as u32)
            }
            _ => return None,
        };
        let days = crate::golang::time::days_from_civil(y, m, d);
        let secs = days * 86_400 + hh * 3600 + mm * 60 + ss;
        Some(i128::from(secs) * 1_000_000_000 + i128::from(nanos))
    };
    fast().or_else(|| {
        std::str::from_utf8(s)
            .ok()?
            .parse::<jiff::Timestamp>()
            .ok()
            .map(|t| t.as_nanosecond())
    })
}

/// A record from one entry's payload (`<timestamp> <text>`).
fn record(stderr: bool, data: Vec<u8>) -> Record {
    let (ts, text) = match data.iter().position(|&b| b == b' ') {
        Some(sp) => (parse_ts(&data[..sp]).unwrap_or(0), sp + 1),
        None => (0, 0),
    };
    Record {
        stderr,
        ts,
        text,
        data,
    }
}

/// Read the entries of one container's log stream — multiplexed frames, or for a TTY
/// container raw lines — handing `send` a batch whenever the stream would wait or a batch is
/// full. Returns the daemon's error from the stream, if any.
///
/// With `window` (`-f`), a batch whose first entry came less than `window` ago is held while
/// the stream is quiet, for at most the rest of the window: the daemon writes one entry per
/// socket write, and waking for each (then waking the merge for each) was most of `logs -f`'s
/// CPU. A line is still sent at most `window` after it came.
pub fn read_records<R: ReadyRead>(
    src: R,
    tty: bool,
    window: Option<Duration>,
    mut send: impl FnMut(Vec<Record>) -> bool,
) -> Result<(), String> {
    let mut src = BufReader::with_capacity(64 * 1024, src);
    let mut batch = Vec::new();
    // When the batch's first entry came (for `window`).
    let mut first: Option<Instant> = None;
    let mut flush = |batch: &mut Vec<Record>,
                     first: &mut Option<Instant>,
                     src: &BufReader<R>,
                     force: bool|
     -> bool {
        if batch.is_empty() {
            return true;
        }
        // What one read brought is sent once it is used up: no poll per entry (the next
        // read may wait, and what came must be on screen by then).
        let used_up = src.buffer().is_empty();
        if !force && batch.len() < BATCH {
            if !used_up {
                return true;
            }
            if let (Some(window), Some(t)) = (window, *first) {
                let left = (t + window).saturating_duration_since(Instant::now());
                if !left.is_zero() {
                    if !src.get_ref().ready() {
                        std::thread::sleep(left);
                    }
                    // More came (or was there): it joins this batch. Else the next read
                    // would wait, so the batch goes now.
                    if src.get_ref().ready() {
                        return true;
                    }
                }
            }
        }
        *first = None;
        send(std::mem::take(batch))
    };
    loop {
        if tty {
            let mut line = Vec::new();
            match src.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => batch.push(record(false, line)),
                Err(e) => {
                    flush(&mut batch, &mut first, &src, true);
                    return Err(e.to_string());
                }
            }
        } else {
            let mut header = [0u8; 8];
            match read_full(&mut src, &mut header) {
                Ok(0) => break,
                Ok(8) => {}
                Ok(_) => {
                    flush(&mut batch, &mut first, &src, true);
                    return Err("unexpected EOF".into());
                }
                Err(e) => {
                    flush(&mut batch, &mut first, &src, true);
                    return Err(e.to_string());
                }
            }
            let len = u32::from_be_bytes([header[4], header[5], header[6], header[7]]) as usize;
            let mut data = vec![0u8; len];
            if let Err(e) = src.read_exact(&mut data) {
                flush(&mut batch, &mut first, &src, true);
                return Err(e.to_string());
            }
            match header[0] {
                0 | 1 => batch.push(record(false, data)),
                2 => batch.push(record(true, data)),
                3 => {
                    flush(&mut batch, &mut first, &src, true);
                    return Err(format!(
                        "error from daemon in stream: {}",
                        String::from_utf8_lossy(&data)
                    ));
                }
                other => {
                    flush(&mut batch, &mut first, &src, true);
                    return Err(format!("Unrecognized input header: {other}"));
                }
            }
        }
        if window.is_some() && first.is_none() {
            first = Some(Instant::now());
        }
        if !flush(&mut batch, &mut first, &src, false) {
            return Ok(());
        }
    }
    flush(&mut batch, &mut first, &src, true);
    Ok(())
}

/// Read until `buf` is full or the stream ends; the count read.
fn read_full<R: Read>(src: &mut R, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match src.read(&mut buf[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(n)
}

/// Where merged lines go: stdout and stderr, buffered, flushed when the output switches
/// between them (so `2>&1` keeps the order) and whenever the merge would wait.
struct Out<O: Write, E: Write> {
    out: O,
    err: E,
    /// Prefixes per container, for stdout and for stderr (each coloured if its stream is a
    /// terminal), or none with `--no-prefix`.
    prefix_out: Vec<Vec<u8>>,
    prefix_err: Vec<Vec<u8>>,
    timestamps: bool,
    last_err: Option<bool>,
}

impl<O: Write, E: Write> Out<O, E> {
    fn write(&mut self, idx: usize, r: &Record) -> io::Result<()> {
        if self.last_err.is_some_and(|e| e != r.stderr) {
            self.flush()?;
        }
        self.last_err = Some(r.stderr);
        let (w, prefix): (&mut dyn Write, _) = if r.stderr {
            (&mut self.err, &self.prefix_err)
        } else {
            (&mut self.out, &self.prefix_out)
        };
        if let Some(p) = prefix.get(idx) {
            w.write_all(p)?;
        }
        let body = if self.timestamps {
            &r.data[..]
        } else {
            &r.data[r.text..]
        };
        w.write_all(body)?;
        // A partial entry (a line the engine split) still ends its prefixed line.
        if body.last() != Some(&b'\n') {
            w.write_all(b"\n")?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()?;
        self.err.flush()
    }
}

/// Strict timestamp order: the head of every live container is known before a line goes out,
/// and the earliest goes first (ties in argument order).
fn merge_sorted<O: Write, E: Write>(
    rxs: Vec<mpsc::Receiver<Msg>>,
    out: &mut Out<O, E>,
    errors: &mut Vec<String>,
) -> io::Result<()> {
    let n = rxs.len();
    let mut heads: Vec<VecDeque<Record>> = (0..n).map(|_| VecDeque::new()).collect();
    let mut live = vec![true; n];
    loop {
        for i in 0..n {
            while live[i] && heads[i].is_empty() {
                match rxs[i].recv() {
                    Ok(Msg::Batch(b)) => heads[i].extend(b),
                    Ok(Msg::End(e)) => {
                        errors.extend(e);
                        live[i] = false;
                    }
                    Err(_) => live[i] = false,
                }
            }
        }
        let Some(i) = (0..n)
            .filter(|&i| !heads[i].is_empty())
            .min_by_key(|&i| heads[i].front().map(|r| r.ts))
        else {
            return out.flush();
        };
        // Everything of container i up to the next head of another container goes at once.
        let bound = (0..n)
            .filter(|&j| j != i)
            .filter_map(|j| heads[j].front().map(|r| (r.ts, j)))
            .min();
        while let Some(r) = heads[i].front() {
            if bound.is_some_and(|(ts, j)| (r.ts, i) > (ts, j)) {
                break;
            }
            out.write(i, r)?;
            heads[i].pop_front();
        }
    }
}

/// `-f`: lines in the order they arrive, until every container's stream has ended.
fn merge_follow<O: Write, E: Write>(
    rx: mpsc::Receiver<(usize, Msg)>,
    out: &mut Out<O, E>,
    errors: &mut Vec<String>,
) -> io::Result<()> {
    // Output waits at most COALESCE for more before it is flushed: ten busy containers then
    // cost a write per few milliseconds, not one per line.
    let mut unflushed: Option<Instant> = None;
    loop {
        let msg = match rx.try_recv() {
            Ok(m) => m,
            Err(mpsc::TryRecvError::Empty) => {
                let left =
                    unflushed.and_then(|t| (t + COALESCE).checked_duration_since(Instant::now()));
                let got = match left {
                    Some(left) => match rx.recv_timeout(left) {
                        Ok(m) => Some(m),
                        Err(mpsc::RecvTimeoutError::Timeout) => None,
                        Err(mpsc::RecvTimeoutError::Disconnected) => return out.flush(),
                    },
                    None => None,
                };
                match got {
                    Some(m) => m,
                    None => {
                        out.flush()?;
                        unflushed = None;
                        match rx.recv() {
                            Ok(m) => m,
                            Err(_) => return out.flush(),
                        }
                    }
                }
            }
            Err(mpsc::TryRecvError::Disconnected) => return out.flush(),
        };
        unflushed.get_or_insert_with(Instant::now);
        match msg {
            (i, Msg::Batch(b)) => {
                for r in &b {
                    out.write(i, r)?;
                }
            }
            (_, Msg::End(e)) => errors.extend(e),
        }
        if unflushed.is_some_and(|t| t.elapsed() >= COALESCE) {
            out.flush()?;
            unflushed = None;
        }
    }
}

/// The containers of a merged `logs`: each argument, then each that `--filter` picks (oldest
/// first), once.
/// A missing argument is reported now in docker's words (and makes the exit status 1).
fn resolve(ctx: &Context, args: &LogsArgs, failed: &mut bool) -> anyhow::Result<Vec<Inspect>> {
    let client = ctx.client()?;
    let mut found: Vec<Inspect> = Vec::new();
    let mut ids: Vec<String> = args.container.clone();
    if !args.filter.is_empty() {
        let opts = ContainerListOptions {
            all: true,
            limit: -1,
            size: false,
            filters: filters_of(&args.filter),
        };
        let mut listed: Vec<Listed> = client.container_list(&opts)?;
        // Oldest first, as they would usually be named: lines with equal timestamps (Podman
        // 4 sends whole seconds) come in this order.
        listed.reverse();
        listed.sort_by_key(|c| c.created);
        ids.extend(listed.into_iter().map(|c| c.id));
    }
    for id in ids {
        match client.container_inspect::<Inspect>(&id) {
            Ok(info) => {
                if !found.iter().any(|f| f.id == info.id) {
                    found.push(info);
                }
            }
            // An unreachable daemon is one error, not one per container.
            Err(e @ EngineError::Connect { .. }) => return Err(e.into()),
            Err(e) => {
                crate::exit::report(&e.into());
                *failed = true;
            }
        }
    }
    Ok(found)
}

/// `logs` over several containers (or `--filter`): see the module comment.
pub fn run(ctx: &Context, args: &LogsArgs) -> anyhow::Result<i32> {
    let mut opts = logs_options(args, Now::system()).map_err(|e| StatusError::new(1, e))?;
    let mut failed = false;
    let containers = resolve(ctx, args, &mut failed)?;
    // Timestamps are what the merge sorts by; they are cut off again unless `-t`.
    opts.timestamps = true;
    let client = ctx.client()?;
    let mut streams: Vec<(Response, bool)> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    for c in &containers {
        match client.container_logs(&c.id, &opts) {
            Ok(resp) => {
                streams.push((resp, c.config.tty));
                names.push(c.name.trim_start_matches('/').to_string());
            }
            Err(e) => {
                crate::exit::report(&e.into());
                failed = true;
            }
        }
    }

    let colour = !args.no_color && !no_color_env();
    let (prefix_out, prefix_err) = if args.no_prefix {
        (Vec::new(), Vec::new())
    } else {
        (
            prefixes(&names, colour && io::IsTerminal::is_terminal(&io::stdout())),
            prefixes(&names, colour && io::IsTerminal::is_terminal(&io::stderr())),
        )
    };
    // As in `logs::run`, a closed stdout kills the process with SIGPIPE (docker's way).
    let mut out = Out {
        out: io::BufWriter::with_capacity(64 * 1024, StdioWriter::stdout(OnBrokenPipe::Error)),
        err: io::BufWriter::with_capacity(16 * 1024, StdioWriter::stderr(OnBrokenPipe::Error)),
        prefix_out,
        prefix_err,
        timestamps: args.timestamps,
        last_err: None,
    };

    let mut errors = Vec::new();
    let mut threads = Vec::new();
    if args.follow {
        let (tx, rx) = mpsc::channel();
        for (i, (resp, tty)) in streams.into_iter().enumerate() {
            let tx = tx.clone();
            threads.push(std::thread::spawn(move || {
                let end = read_records(resp, tty, Some(COALESCE), |b| {
                    tx.send((i, Msg::Batch(b))).is_ok()
                });
                let _ = tx.send((i, Msg::End(end.err())));
            }));
        }
        drop(tx);
        merge_follow(rx, &mut out, &mut errors)?;
    } else {
        let mut rxs = Vec::new();
        for (resp, tty) in streams {
            // A few batches ahead per container: memory stays bounded however long the logs.
            let (tx, rx) = mpsc::sync_channel(4);
            rxs.push(rx);
            threads.push(std::thread::spawn(move || {
                let end = read_records(resp, tty, None, |b| tx.send(Msg::Batch(b)).is_ok());
                let _ = tx.send(Msg::End(end.err()));
            }));
        }
        merge_sorted(rxs, &mut out, &mut errors)?;
    }
    for t in threads {
        let _ = t.join();
    }
    for e in &errors {
        crate::output::Streams.err_line(crate::render::sanitize::for_stderr(e));
    }
    Ok(if failed || !errors.is_empty() {
        crate::exit::FAILURE
    } else {
        crate::exit::OK
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::engine::stream::tests::frame;

    #[test]
    fn timestamps_parse_like_go() {
        assert_eq!(parse_ts(b"1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(
            parse_ts(b"2026-12-03T11:06:44.5Z"),
            Some(1_796_296_004_500_000_000)
        );
        assert_eq!(
            parse_ts(b"2026-12-03T11:06:44.000000001Z"),
            Some(1_796_296_004_000_000_001)
        );
        assert_eq!(
            parse_ts(b"2026-12-03T12:06:44.5+01:00"),
            Some(1_796_296_004_500_000_000)
        );
        assert_eq!(parse_ts(b"garbage"), None);
        // Go drops trailing zeros: ".1Z" is later than ".09Z" though it sorts first as text.
        assert!(parse_ts(b"2026-01-01T00:00:00.1Z") > parse_ts(b"2026-01-01T00:00:00.09Z"));
    }

    #[test]
    fn prefixes_pad_and_colour() {
        let names = vec!["web".to_string(), "db-long".to_string()];
        assert_eq!(
            prefixes(&names, false),
            vec![b"web     | ".to_vec(), b"db-long | ".to_vec()]
        );
        assert_eq!(
            prefixes(&names, true)[0],
            b"\x1b[36mweb     |\x1b[0m ".to_vec()
        );
    }

    fn records(raw: &[u8], tty: bool) -> (Vec<Record>, Result<(), String>) {
        let mut got = Vec::new();
        let end = read_records(raw, tty, None, |b| {
            got.extend(b);
            true
        });
        (got, end)
    }

    #[test]
    fn frames_become_records() {
        let mut raw = frame(1, b"2026-01-01T00:00:01Z out\n");
        raw.extend(frame(2, b"2026-01-01T00:00:00.5Z err\n"));
        let (got, end) = records(&raw, false);
        assert!(end.is_ok());
        assert_eq!(got.len(), 2);
        assert!(!got[0].stderr && got[1].stderr);
        assert_eq!(&got[0].data[got[0].text..], b"out\n");
        assert!(got[1].ts < got[0].ts);
        raw.extend(frame(3, b"boom"));
        assert_eq!(
            records(&raw, false).1.unwrap_err(),
            "error from daemon in stream: boom"
        );
        let (got, _) = records(b"2026-01-01T00:00:01Z a\r\n2026-01-01T00:00:02Z b", true);
        assert_eq!(&got[1].data[got[1].text..], b"b");
    }

    fn merged(inputs: Vec<Vec<(i128, bool, &str)>>, timestamps: bool) -> (String, String) {
        let rxs = inputs
            .into_iter()
            .map(|lines| {
                let (tx, rx) = mpsc::channel();
                // One record per batch: the merge must not depend on how entries were batched.
                for (ts, stderr, text) in lines {
                    let data = format!("T{ts} {text}\n").into_bytes();
                    let text = data.iter().position(|&b| b == b' ').unwrap_or(0) + 1;
                    tx.send(Msg::Batch(vec![Record {
                        stderr,
                        ts,
                        text,
                        data,
                    }]))
                    .unwrap();
                }
                tx.send(Msg::End(None)).unwrap();
                rx
            })
            .collect::<Vec<_>>();
        let names: Vec<String> = (0..rxs.len()).map(|i| "c".repeat(i + 1)).collect();
        let mut out = Out {
            out: Vec::new(),
            err: Vec::new(),
            prefix_out: prefixes(&names, false),
            prefix_err: prefixes(&names, false),
            timestamps,
            last_err: None,
        };
        let mut errors = Vec::new();
        merge_sorted(rxs, &mut out, &mut errors).unwrap();
        (
            String::from_utf8(out.out).unwrap(),
            String::from_utf8(out.err).unwrap(),
        )
    }

    #[test]
    fn merge_orders_by_timestamp_across_containers() {
        let (out, err) = merged(
            vec![
                vec![(1, false, "a1"), (4, false, "a4"), (5, true, "a5")],
                vec![(2, false, "b2"), (3, false, "b3"), (9, false, "b9")],
                vec![(0, false, "c0"), (4, false, "c4")],
            ],
            false,
        );
        assert_eq!(
            out,
            "ccc | c0\nc   | a1\ncc  | b2\ncc  | b3\nc   | a4\nccc | c4\ncc  | b9\n"
        );
        assert_eq!(err, "c   | a5\n");
        let (out, _) = merged(vec![vec![(7, false, "x")]], true);
        assert_eq!(out, "c | T7 x\n");
    }
}
