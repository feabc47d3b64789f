//! `dkr ps --watch` (beyond docker, issue #15): the engine's `/events` stream of container
//! changes drives it, nothing polls. On a terminal the `ps` table is redrawn in place (at most
//! a few times a second); piped, one NDJSON object per change.

use std::collections::HashMap;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Deserialize;

use super::Context;
use crate::engine::api::{ContainerListOptions, EventsOptions, Filters};
use crate::engine::models::ContainerSummary;
use crate::engine::stream::JsonStream;
use crate::engine::Client;
use crate::render::container::{self, container_row, local_zone, now_nanos};
use crate::render::format::{self, Row};
use crate::render::json_rows::container_json;

/// The container changes that are shown (docker's event actions).
const ACTIONS: [&str; 5] = ["create", "start", "stop", "die", "destroy"];

/// The least time between two redraws of the table.
const REDRAW_EVERY: Duration = Duration::from_millis(250);

/// The part of an event message that is used.
#[derive(Deserialize, Default, Debug)]
#[serde(default)]
struct Event {
    #[serde(rename = "Type")]
    kind: String,
    #[serde(rename = "Action")]
    action: String,
    /// The container's full ID (`Actor.ID`; older engines also send `id`).
    #[serde(rename = "Actor")]
    actor: Actor,
    #[serde(rename = "timeNano")]
    time_nano: i128,
}

#[derive(Deserialize, Default, Debug)]
#[serde(default)]
struct Actor {
    #[serde(rename = "ID")]
    id: String,
}

/// What the event reader sends: a change, or the end of the stream (with its error).
enum Msg {
    Change(Event),
    End(Option<String>),
}

/// What `ps` settled before listing: the list options, the format source and the format to
/// render, and `--no-trunc`.
pub struct Watch<'a> {
    pub opts: &'a ContainerListOptions,
    pub source: &'a str,
    pub spec: &'a str,
    pub no_trunc: bool,
    /// `--json`: the NDJSON changes also on a terminal.
    pub json: bool,
}

/// Subscribe to container events, then hand each one to the main loop through a channel.
fn subscribe(client: &Client) -> anyhow::Result<mpsc::Receiver<Msg>> {
    let mut filters = Filters::default();
    // Only the type is filtered by the engine: Podman 4 drops `die` under an `event`
    // filter, and names a removal `remove` (shown as docker's `destroy`).
    filters.add("type", "container");
    let resp = client.events(&EventsOptions {
        filters,
        ..Default::default()
    })?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for msg in JsonStream::new(resp) {
            match msg.map(serde_json::from_value::<Event>) {
                Ok(Ok(mut ev)) => {
                    if ev.action == "remove" {
                        ev.action = "destroy".into();
                    }
                    let wanted = ev.kind == "container" && ACTIONS.contains(&ev.action.as_str());
                    if wanted && tx.send(Msg::Change(ev)).is_err() {
                        return;
                    }
                }
                Ok(Err(e)) => {
                    let _ = tx.send(Msg::End(Some(e.to_string())));
                    return;
                }
                Err(e) => {
                    let _ = tx.send(Msg::End(Some(e)));
                    return;
                }
            }
        }
        let _ = tx.send(Msg::End(None));
    });
    Ok(rx)
}

/// The event stream ended: an error in Go's words, or (the daemon went away) a plain one.
fn ended(err: Option<String>) -> anyhow::Error {
    crate::exit::StatusError::new(
        crate::exit::FAILURE,
        err.unwrap_or_else(|| "error during connect: the event stream ended".to_string()),
    )
    .into()
}

pub fn run(ctx: &Context, client: &Client, w: &Watch) -> anyhow::Result<i32> {
    let rx = subscribe(client)?;
    if ctx.out.stdout_is_terminal() && !w.json {
        table(ctx, client, w, &rx)
    } else {
        ndjson(ctx, client, w, &rx)
    }
}

/// The rendered listing, escaped for a terminal as `ps` escapes it.
fn render(client: &Client, w: &Watch) -> anyhow::Result<Vec<u8>> {
    let containers: Vec<ContainerSummary> = client.container_list(w.opts)?;
    let (now, tz) = (now_nanos(), local_zone());
    let rows: Vec<_> = containers
        .iter()
        .map(|c| container_row(c, !w.no_trunc, now, &tz))
        .collect();
    let dyn_rows: Vec<&dyn Row> = rows.iter().map(|r| r as &dyn Row).collect();
    let buf = format::render_to_vec(w.spec, &container::header(), &dyn_rows)?;
    Ok(crate::render::sanitize::listing_for_stdout(w.source, buf))
}

/// The terminal's rows (24 if it does not say).
fn term_rows() -> usize {
    rustix::termios::tcgetwinsize(std::io::stdout())
        .ok()
        .map(|w| w.ws_row as usize)
        .filter(|&r| r > 0)
        .unwrap_or(24)
}

/// Shows the cursor again when the watch ends, however it ends (a panic through `cleanup`'s
/// hook, with a plain write: the hook must not wait for stdout's lock).
struct CursorGuard {
    _on_panic: crate::cleanup::OnPanic,
}

impl CursorGuard {
    fn new() -> CursorGuard {
        CursorGuard {
            _on_panic: crate::cleanup::on_panic(|| {
                let _ = rustix::io::write(rustix::stdio::stdout(), SHOW_CURSOR.as_bytes());
            }),
        }
    }
}

impl Drop for CursorGuard {
    fn drop(&mut self) {
        let _ = crate::output::Streams.print(SHOW_CURSOR);
    }
}

const HIDE_CURSOR: &str = "\x1b[?25l";
const SHOW_CURSOR: &str = "\x1b[?25h";

/// Ctrl-C (or SIGTERM): put the cursor back, then die of the signal as every command does.
fn restore_on_signal() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = crate::exit::catch(&[SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            let _ = crate::output::Streams.print(SHOW_CURSOR);
            crate::exit::die_by_signal(sig);
        }
    });
}

/// The table, redrawn in place after changes: the lines drawn last time are overwritten
/// (or the screen cleared when they no longer fit on it).
fn table(
    ctx: &Context,
    client: &Client,
    w: &Watch,
    rx: &mpsc::Receiver<Msg>,
) -> anyhow::Result<i32> {
    restore_on_signal();
    let _guard = CursorGuard::new();
    ctx.out.print(HIDE_CURSOR)?;
    let mut drawn = 0usize;
    let mut last = Instant::now() - REDRAW_EVERY;
    let draw = |drawn: &mut usize| -> anyhow::Result<()> {
        let buf = render(client, w)?;
        let mut frame = Vec::with_capacity(buf.len() + 16);
        if *drawn >= term_rows() {
            frame.extend_from_slice(b"\x1b[H\x1b[2J");
        } else if *drawn > 0 {
            frame.extend_from_slice(format!("\r\x1b[{}A", *drawn).as_bytes());
        }
        frame.extend_from_slice(b"\x1b[J");
        frame.extend_from_slice(&buf);
        *drawn = buf.iter().filter(|&&b| b == b'\n').count();
        ctx.out.write_all(&frame)?;
        Ok(())
    };
    draw(&mut drawn)?;
    loop {
        match rx.recv() {
            Ok(Msg::Change(_)) => {}
            Ok(Msg::End(e)) => return Err(ended(e)),
            Err(_) => return Err(ended(None)),
        }
        // Changes that come together are one redraw, and redraws are at least REDRAW_EVERY
        // apart.
        let due = last + REDRAW_EVERY;
        while let Some(left) = due.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(Msg::Change(_)) | Err(mpsc::RecvTimeoutError::Timeout) => {}
                Ok(Msg::End(e)) => return Err(ended(e)),
                Err(mpsc::RecvTimeoutError::Disconnected) => return Err(ended(None)),
            }
        }
        draw(&mut drawn)?;
        last = Instant::now();
    }
}

/// One change as an NDJSON line: `{"time":…,"action":…,"container":{…}}`, the container as
/// `ps --json` shows it.
pub fn change_line(time_nano: i128, action: &str, row_json: &str) -> String {
    let time = jiff::Timestamp::from_nanosecond(time_nano)
        .map(|t| t.to_string())
        .unwrap_or_default();
    format!(
        "{{\"time\":{},\"action\":{},\"container\":{}}}",
        serde_json::Value::String(time),
        serde_json::Value::String(action.to_string()),
        row_json.trim_end()
    )
}

/// Piped: each change of a container `--filter` selects, once, in the engine's order. The
/// row is the container as listed just after the change (all states: a container that stops
/// is a change too); a removed container is shown as it was last seen.
fn ndjson(
    ctx: &Context,
    client: &Client,
    w: &Watch,
    rx: &mpsc::Receiver<Msg>,
) -> anyhow::Result<i32> {
    // The `ps --json` object: typed fields (render::json_rows).
    let row_json = |c: &ContainerSummary| -> anyhow::Result<String> {
        Ok(serde_json::to_string(&container_json(c, w.opts.size))?)
    };
    let all = ContainerListOptions {
        all: true,
        limit: -1,
        size: w.opts.size,
        filters: w.opts.filters.clone(),
    };
    // The containers seen so far (full ID → row), so a removal can still be shown.
    let mut seen: HashMap<String, String> = HashMap::new();
    let listed: Vec<ContainerSummary> = client.container_list(&all)?;
    for c in &listed {
        seen.insert(c.id.clone(), row_json(c)?);
    }
    loop {
        let ev = match rx.recv() {
            Ok(Msg::Change(ev)) => ev,
            Ok(Msg::End(e)) => return Err(ended(e)),
            Err(_) => return Err(ended(None)),
        };
        let id = ev.actor.id.clone();
        let row = if ev.action == "destroy" {
            seen.remove(&id)
        } else {
            let mut one = all.clone();
            one.filters.add("id", &id);
            let mut found: Vec<ContainerSummary> = client.container_list(&one)?;
            // The engine announces `die`/`stop` a moment before its listing says so: ask
            // again briefly rather than show the container still running.
            let stopping = matches!(ev.action.as_str(), "die" | "stop");
            for _ in 0..50 {
                if !(stopping && found.iter().any(|c| c.id == id && c.state == "running")) {
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
                found = client.container_list(&one)?;
            }
            match found.iter().find(|c| c.id == id) {
                Some(c) => {
                    let j = row_json(c)?;
                    seen.insert(id.clone(), j.clone());
                    Some(j)
                }
                // Gone already (removed right after) but known: as last seen.
                None => seen.get(&id).cloned(),
            }
        };
        if let Some(row) = row {
            ctx.out.line(change_line(ev.time_nano, &ev.action, &row))?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn change_lines_are_json() {
        let line = change_line(1_796_296_004_500_000_000, "start", "{\"ID\":\"abc\"}\n");
        assert_eq!(
            line,
            "{\"time\":\"2026-12-03T11:06:44.5Z\",\"action\":\"start\",\"container\":{\"ID\":\"abc\"}}"
        );
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["container"]["ID"], "abc");
    }

    #[test]
    fn events_decode_leniently() {
        let ev: Event = serde_json::from_str(
            r#"{"Type":"container","Action":"start","Actor":{"ID":"abc","Attributes":{}},"time":1,"timeNano":5}"#,
        )
        .unwrap();
        assert_eq!(
            (
                ev.kind.as_str(),
                ev.action.as_str(),
                ev.actor.id.as_str(),
                ev.time_nano
            ),
            ("container", "start", "abc", 5)
        );
    }
}
