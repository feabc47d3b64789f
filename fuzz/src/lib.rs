//! The bodies of dkr's fuzz targets, one function per target, each taking the raw input.
//!
//! Shared by the libFuzzer binaries (`fuzz/fuzz_targets/*.rs`, nightly-only instrumentation)
//! and by `tests/it/fuzz_corpus.rs`, which replays every committed corpus file through the same
//! functions in a plain stable `cargo test`. A target fails by panicking: either the code under
//! test panicked (an index out of range, an overflow in debug builds, a capacity overflow), or
//! one of the properties checked here does not hold (a framing result that depends on how the
//! bytes were split into reads, a body longer than its input, a reference that does not parse
//! back to itself).
//!
//! Everything here is pure: no engine, no network, no credential-helper processes, no files
//! written.

use std::io::{self, BufRead, BufReader, Read};

use dkr::engine::http::{self, Framing};
use dkr::engine::reference::{self, Reference};
use dkr::engine::stream::{self, JsonStream};
use dkr::engine::timestamp::{self, Now};
use dkr::render::progress::{self, JsonMessage, JsonProgress, Target};
use serde_json::{json, Value};

/// A reader that hands out at most `step` bytes per read, so every split point of the input
/// is exercised.
pub struct Trickle<'a> {
    pub data: &'a [u8],
    pub step: usize,
}

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.step.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

impl dkr::engine::stream::ReadyRead for Trickle<'_> {
    fn ready(&self) -> bool {
        // Alternate the answer with the input's length so both flush paths are fuzzed.
        self.data.len() % 2 == 0
    }
}

/// The first byte of an input as a knob, and the rest.
fn split_knob(data: &[u8]) -> (u8, &[u8]) {
    match data.split_first() {
        Some((k, rest)) => (*k, rest),
        None => (0, data),
    }
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

// ---------------------------------------------------------------------------------------------
// HTTP response framing

/// What reading one response gave: the status and body, or the error kind.
#[derive(Debug, PartialEq, Eq)]
enum HttpOutcome {
    Response {
        status: u16,
        framing: String,
        body: Vec<u8>,
        complete: bool,
    },
    Upgraded {
        rest: Vec<u8>,
    },
    Failed,
}

fn read_one(raw: &[u8], method: &str, step: usize, cap: usize) -> HttpOutcome {
    let reader = BufReader::with_capacity(cap, Trickle { data: raw, step });
    let (head, mut body) = match http::read_response(reader, method) {
        Ok(x) => x,
        Err(_) => return HttpOutcome::Failed,
    };
    if head.status == 101 {
        // The hijacked connection: the buffered bytes past the head, then the rest.
        let mut reader = body.into_inner();
        let mut rest = reader.buffer().to_vec();
        let n = rest.len();
        reader.consume(n);
        if reader.read_to_end(&mut rest).is_err() {
            return HttpOutcome::Failed;
        }
        return HttpOutcome::Upgraded { rest };
    }
    let framing = Framing::of(method, &head).expect("read_response accepted this framing");
    let mut out = Vec::new();
    match body.read_to_end(&mut out) {
        Ok(_) => HttpOutcome::Response {
            status: head.status,
            framing: format!("{framing:?}"),
            complete: body.is_complete(),
            body: out,
        },
        Err(_) => HttpOutcome::Failed,
    }
}

/// `engine::http`: a response head and its body (Content-Length, chunked, read-to-close,
/// `101` upgrade). The first byte picks the method and how the bytes are split into reads.
///
/// Properties: the outcome is the same however the input is split into reads and whatever the
/// buffer size; a body is never longer than the input; a Content-Length body that reads
/// successfully has exactly that length; a successful chunked body is complete.
pub fn http_response(data: &[u8]) {
    let (knob, raw) = split_knob(data);
    let method = if knob & 1 == 1 { "HEAD" } else { "GET" };
    let step = 1 + usize::from((knob >> 1) & 15);
    let cap = [1, 7, 64, 8192][usize::from(knob >> 5) & 3];
    let whole = read_one(raw, method, raw.len().max(1), 64 * 1024);
    let split = read_one(raw, method, step, cap);
    assert_eq!(
        whole, split,
        "the outcome depends on read sizes (step {step}, buffer {cap})"
    );
    if let HttpOutcome::Response {
        framing,
        body,
        complete,
        ..
    } = &whole
    {
        assert!(body.len() <= raw.len(), "body longer than the input");
        if let Some(n) = framing
            .strip_prefix("Length(")
            .and_then(|s| s.strip_suffix(')'))
        {
            assert_eq!(
                body.len().to_string(),
                n,
                "Content-Length body of the wrong size"
            );
            assert!(complete);
        }
        if framing == "Chunked" {
            assert!(complete, "a chunked body ended without its last chunk");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// stdout/stderr frames

fn demux_one(raw: &[u8], step: usize) -> (Result<(), String>, Vec<u8>, Vec<u8>) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let r = stream::demux(&mut Trickle { data: raw, step }, &mut out, &mut err)
        .map_err(|e| format!("{:?}: {e}", e.kind()));
    (r, out, err)
}

/// `engine::stream::demux`: the 8-byte-header stdout/stderr multiplexing of logs and attach.
///
/// Properties: the same output and result however the input is split into reads; never more
/// payload out than bytes in; a stream that ends cleanly is exactly a sequence of whole frames
/// whose stdout/stderr payloads are what was written.
pub fn demux(data: &[u8]) {
    let (knob, raw) = split_knob(data);
    let step = 1 + usize::from(knob);
    let whole = demux_one(raw, raw.len().max(1));
    let split = demux_one(raw, step);
    assert_eq!(whole, split, "demux depends on read sizes (step {step})");
    let (result, out, err) = whole;
    assert!(out.len() + err.len() <= raw.len());
    if result.is_ok() {
        // Re-walk the frames by hand.
        let (mut want_out, mut want_err) = (Vec::new(), Vec::new());
        let mut rest = raw;
        while !rest.is_empty() {
            assert!(rest.len() >= 8, "accepted a partial header");
            let len = u32::from_be_bytes([rest[4], rest[5], rest[6], rest[7]]) as usize;
            assert!(rest.len() >= 8 + len, "accepted a partial frame");
            let payload = &rest[8..8 + len];
            match rest[0] {
                0 | 1 => want_out.extend_from_slice(payload),
                2 => want_err.extend_from_slice(payload),
                other => panic!("accepted stream {other}"),
            }
            rest = &rest[8 + len..];
        }
        assert_eq!((want_out, want_err), (out, err));
    }
}

// ---------------------------------------------------------------------------------------------
// JSON message streams and pull progress

/// Render one message every way docker would: plain, and on terminals of several widths.
fn render_message(m: &JsonMessage, now: i128) {
    let _ = progress::stream_error(m);
    let _ = m.is_slot();
    for (terminal, width) in [
        (false, progress::DEFAULT_WIDTH),
        (true, 0),
        (true, 51),
        (true, 80),
        (true, 111),
    ] {
        let _ = progress::display_text(m, terminal, width, now);
    }
}

/// The JSON message stream of `pull` (and the generic concatenated-JSON reader): the real
/// decoding path of `render::progress::display` (with output discarded), the engine's
/// [`JsonStream`], and every message rendered as plain lines and terminal lines.
pub fn json_stream(data: &[u8]) {
    // The real entry: decode and walk the stream as `dkr pull -q` does.
    let _ = progress::display(io::Cursor::new(data.to_vec()), Target::Discard);

    // The generic reader, over a trickling source; stop at the first error as callers do.
    let mut values = Vec::new();
    for v in JsonStream::new(Trickle { data, step: 3 }).take(10_000) {
        match v {
            Ok(v) => values.push(v),
            Err(_) => break,
        }
    }
    let now = 1_700_000_000_000_000_000i128;
    let mut messages = Vec::new();
    for v in values {
        if let Ok(m) = serde_json::from_value::<JsonMessage>(v) {
            render_message(&m, now);
            messages.push(m);
        }
    }
    let _ = progress::render_plain(&messages);
}

fn i64_at(data: &[u8], i: usize) -> i64 {
    let mut b = [0u8; 8];
    for (k, slot) in b.iter_mut().enumerate() {
        *slot = data.get(i * 8 + k).copied().unwrap_or(0);
    }
    i64::from_le_bytes(b)
}

/// A value that is often one of the interesting edges, otherwise the raw bits.
fn edgy(data: &[u8], i: usize) -> i64 {
    let raw = i64_at(data, i);
    match raw.rem_euclid(16) {
        0 => 0,
        1 => 1,
        2 => -1,
        3 => i64::MAX,
        4 => i64::MIN,
        5 => raw >> 40,
        6 => -(raw >> 40).abs(),
        _ => raw,
    }
}

/// `render::progress`'s pure renderers with arbitrary numbers: the `[==>  ]` bar, sizes and time
/// left of `JSONProgress.String`, Go duration text and whole messages.
pub fn progress(data: &[u8]) {
    let p = JsonProgress {
        current: edgy(data, 0),
        total: edgy(data, 1),
        start: edgy(data, 2),
        hidecounts: data.get(40).is_some_and(|b| b & 1 == 1),
        units: if data.get(40).is_some_and(|b| b & 2 == 2) {
            "items".to_string()
        } else {
            String::new()
        },
    };
    let now = i128::from(edgy(data, 3)) * i128::from(1 + (edgy(data, 4) & 0x3fff_ffff));
    let width = usize::try_from(i64_at(data, 6) & 0xfff).unwrap_or(0);
    let _ = progress::progress_string(&p, width, now);
    let _ = progress::progress_string(&p, progress::DEFAULT_WIDTH, now);
    let _ = dkr::golang::time::duration_secs_string(edgy(data, 7));
    let m = JsonMessage {
        status: "Downloading".to_string(),
        id: "0123456789ab".to_string(),
        progress_detail: Some(p),
        time: edgy(data, 8),
        time_nano: if data.get(41).is_some_and(|b| b & 1 == 1) {
            edgy(data, 9)
        } else {
            0
        },
        ..JsonMessage::default()
    };
    render_message(&m, now);
}

// ---------------------------------------------------------------------------------------------
// Go templates (--format)

fn sample_container() -> dkr::engine::models::ContainerSummary {
    serde_json::from_value(json!({
        "Id": "4f6c1e9b2a7d8c3e5f0a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6",
        "Names": ["/web", "/other/alias"],
        "Image": "nginx:1.27",
        "ImageID": "sha256:3b25b682ea82b2db3cc4fd48db818be788ee3f902ac7378090cf2624ec2442df",
        "Command": "/docker-entrypoint.sh nginx -g 'daemon off;'",
        "Created": 1_700_000_000,
        "Ports": [
            {"IP": "0.0.0.0", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"},
            {"IP": "::", "PrivatePort": 80, "PublicPort": 8080, "Type": "tcp"},
            {"PrivatePort": 443, "Type": "tcp"}
        ],
        "SizeRw": 1234,
        "SizeRootFs": 987_654_321,
        "Labels": {"com.example.a": "1", "com.example.b": "x,y", "maintainer": "\u{1b}[31mred"},
        "State": "running",
        "Status": "Up 2 hours",
        "NetworkSettings": {"Networks": {"bridge": {}, "front": {}}},
        "Mounts": [{"Type": "volume", "Name": "data", "Driver": "local", "Destination": "/data"}]
    }))
    .expect("sample container")
}

/// Does `s` hold `n` or more ASCII digits in a row?
fn has_run_of_digits(s: &str, n: usize) -> bool {
    let mut run = 0;
    for b in s.bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run >= n {
            return true;
        }
    }
    false
}

/// The template engine (`--format`): the spec parsed the way `ps` does (`table`, `json`, a
/// template), executed on a fixed container row and on the header row, the `ps` pre-check
/// against the empty row, and the raw template executed against a plain JSON value.
pub fn template(data: &[u8]) {
    if data.len() > 4096 {
        return;
    }
    use dkr::render::{container, format, template::Template};
    let spec = text(data);
    // A printf width such as `%2222222v` pads every field of every row to megabytes: seconds
    // of work (docker's too) that prove nothing new. Numbers of five digits and fewer still
    // reach the formatter; the huge-width and huge-precision rules have unit tests.
    if has_run_of_digits(&spec, 6) {
        return;
    }
    let row = container::container_row(
        &sample_container(),
        true,
        1_700_000_100_000_000_000,
        &jiff::tz::TimeZone::UTC,
    );
    let _ = format::render_to_vec(&spec, &container::header(), &[&row, &row]);
    let _ = format::precheck(&spec, &container::empty_row());
    if let Ok(t) = Template::parse(&spec) {
        let value = json!({
            "Name": "x", "N": 3, "F": 1.5, "B": true, "Nil": null,
            "List": [1, "two", [3], {"k": "v"}], "Map": {"a": 1, "b": [true]},
        });
        let mut out = Vec::new();
        let _ = t.execute_value(&mut out, &value);
    }
}

// ---------------------------------------------------------------------------------------------
// Image references

/// `engine::reference`: `ParseNormalizedNamed` and everything derived from a reference.
///
/// Property: a parsed reference's fully qualified form parses back to the same reference.
pub fn reference(data: &[u8]) {
    let s = text(data);
    let _ = reference::validate_digest(&s);
    let _ = reference::auth_config_key(&s);
    let Ok(r) = Reference::parse(&s) else { return };
    let full = r.to_string();
    let _ = (
        r.familiar_name(),
        r.familiar_string(),
        r.api_tag(),
        r.auth_key(),
    );
    let _ = (r.is_name_only(), r.is_official_index());
    let again = Reference::parse(&full)
        .unwrap_or_else(|e| panic!("{s:?} parsed as {full:?}, which does not parse: {e}"));
    assert_eq!(again, r, "{s:?} → {full:?} does not round-trip");
    let tagged = r.with_default_tag();
    assert!(!tagged.is_name_only());
}

// ---------------------------------------------------------------------------------------------
// run's port specs and env files

/// `run -p` / `--expose` (`nat.ParsePortSpecs`, the long `published=…,target=…` form).
///
/// Property: every binding's key is `port/proto` with a port in 0..=65535.
pub fn port_spec(data: &[u8]) {
    use dkr::opts::port;
    let s = text(data);
    let n = match port::parse_port_spec(&s) {
        Ok(bindings) => {
            for (key, _binding) in &bindings {
                let (port, proto) = key.split_once('/').expect("port/proto");
                assert!(port.parse::<u16>().is_ok(), "bad port in {key:?}");
                assert!(
                    ["tcp", "udp", "sctp"].contains(&proto),
                    "bad proto in {key:?}"
                );
            }
            bindings.len()
        }
        Err(_) => 0,
    };
    // A wide range (`1-65535`) expands to one binding per port, as in docker; expanding it
    // again through the other entry points only slows the fuzzer down.
    if n > 1024 {
        return;
    }
    let _ = port::parse_ports(std::slice::from_ref(&s), &[]);
    let _ = port::parse_ports(&[], std::slice::from_ref(&s));
    // Several specs at once, split like a shell would.
    if s.contains(' ') {
        let parts: Vec<String> = s.split(' ').take(4).map(str::to_string).collect();
        let _ = port::parse_ports(&parts, &[]);
    }
}

/// `run --env-file` / `--label-file` (`pkg/kvfile`).
///
/// Property: every entry produced is `KEY=value` with a non-empty key free of whitespace.
pub fn env_file(data: &[u8]) {
    use dkr::opts::kvfile;
    let lookup = |k: &str| (k.len() & 1 == 0).then(|| format!("host-{k}"));
    for entries in [
        kvfile::parse_kv_bytes(data, Some(&lookup)),
        kvfile::parse_kv_bytes(data, None),
    ]
    .into_iter()
    .flatten()
    {
        for e in entries {
            let (k, _) = e.split_once('=').expect("KEY=value");
            assert!(
                !k.is_empty() && !k.contains([' ', '\t']),
                "bad key in {e:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// --since / --until

/// `logs --since/--until` (`GetTimestamp`) and Go's `time.ParseDuration`, at a few moments and
/// local offsets including the extremes.
pub fn timestamp(data: &[u8]) {
    let s = text(data);
    let _ = dkr::golang::time::parse_duration(&s);
    let _ = dkr::golang::strconv::go_quote(&s);
    let _ = dkr::golang::time::quote(&s);
    for (unix_nanos, local_offset) in [
        (1_700_000_000_123_456_789i128, 0),
        (1_700_000_000_000_000_000, 5 * 3600 + 30 * 60),
        (0, -12 * 3600),
        (-1, 14 * 3600),
        (i128::from(i64::MAX) * 1_000_000_000, 1),
        (i128::from(i64::MIN) * 1_000_000_000, -1),
    ] {
        let _ = timestamp::get_timestamp(
            &s,
            Now {
                unix_nanos,
                local_offset,
            },
        );
    }
}

// ---------------------------------------------------------------------------------------------
// config.json and credentials

/// `config.json` as loaded (`parse_document`, docker's `auths` check), its accessors, the
/// file credential store for a few keys (only when no helper program would run), `auth`
/// decoding, the `X-Registry-Auth` encoding, and `DOCKER_AUTH_CONFIG`.
pub fn config(data: &[u8]) {
    use dkr::config::{credentials, ConfigFile};
    let _ = credentials::parse_env_config(&text(data));
    let Ok(doc) = dkr::config::parse_document(data) else {
        return;
    };
    let _ = credentials::validate_auths(&doc);
    let cfg = ConfigFile {
        dir: std::path::PathBuf::from("/nonexistent-dkr-fuzz"),
        doc,
        load_error: None,
    };
    let _ = (
        cfg.ps_format(),
        cfg.images_format(),
        cfg.detach_keys(),
        cfg.current_context(),
        cfg.http_headers(),
    );
    let mut keys: Vec<String> = vec![
        reference::INDEX_SERVER.to_string(),
        "localhost:5000".to_string(),
        String::new(),
    ];
    if let Some(Value::Object(auths)) = cfg.doc.get("auths") {
        for (k, entry) in auths.iter().take(8) {
            keys.push(k.clone());
            keys.push(credentials::convert_to_hostname(k));
            if let Some(a) = entry.get("auth").and_then(Value::as_str) {
                if let Ok((user, pass)) = credentials::decode_auth(a) {
                    let again = credentials::encode_auth(&user, &pass);
                    assert_eq!(
                        credentials::decode_auth(&again),
                        Ok((user.clone(), pass.clone())),
                        "auth does not round-trip"
                    );
                }
            }
        }
    }
    for key in &keys {
        // A configured helper would run a program: not in a fuzzer.
        if credentials::helper_for(&cfg, key).is_some() {
            continue;
        }
        let (ac, _) = credentials::get_auth_config(&cfg, key);
        let _ = (ac.encode(), ac.is_empty(), format!("{ac:?}"));
    }
}

// ---------------------------------------------------------------------------------------------
// Daemon JSON → ps / images rows

/// What `ps` and `images` do with the daemon's list answers: decode leniently, build rows
/// (ports, mounts, networks, sizes, times) and render the default table and `{{json .}}`.
pub fn engine_json(data: &[u8]) {
    use dkr::engine::models::{ContainerSummary, ImageSummary};
    use dkr::render::{container, format, image};
    let tz = jiff::tz::TimeZone::UTC;
    let now = 1_700_000_100_000_000_000i128;
    let (knob, raw) = split_knob(data);
    if knob & 1 == 0 {
        let Ok(list) = serde_json::from_slice::<Vec<ContainerSummary>>(raw) else {
            return;
        };
        let rows: Vec<_> = list
            .iter()
            .map(|c| container::container_row(c, knob & 2 == 0, now, &tz))
            .collect();
        let refs: Vec<&dyn format::Row> = rows.iter().map(|r| r as &dyn format::Row).collect();
        for spec in [
            container::container_format("", false, knob & 4 == 4),
            "json".to_string(),
        ] {
            let _ = format::render_to_vec(&spec, &container::header(), &refs);
        }
    } else {
        let Ok(list) = serde_json::from_slice::<Vec<ImageSummary>>(raw) else {
            return;
        };
        let spec = image::image_format("", false, knob & 4 == 4);
        let opts = image::ImageOptions {
            trunc: knob & 2 == 0,
            digests: knob & 4 == 4,
            format: &spec,
            fields: None,
        };
        let rows = image::image_rows(&list, opts, now, &tz);
        let refs: Vec<&dyn format::Row> = rows.iter().map(|r| r as &dyn format::Row).collect();
        for spec in [spec.clone(), "json".to_string()] {
            let _ = format::render_to_vec(&spec, &image::header(), &refs);
        }
    }
}

/// A target's body.
pub type FuzzFn = fn(&[u8]);

/// Every target by name, for the corpus replay.
pub const TARGETS: &[(&str, FuzzFn)] = &[
    ("http_response", http_response),
    ("demux", demux),
    ("json_stream", json_stream),
    ("progress", progress),
    ("template", template),
    ("reference", reference),
    ("port_spec", port_spec),
    ("env_file", env_file),
    ("timestamp", timestamp),
    ("config", config),
    ("engine_json", engine_json),
];
