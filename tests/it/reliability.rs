//! Reliability round 2 (issue #18): config files that are empty, unreadable, unparsable, huge,
//! symlinked or in a read-only folder; concurrent logins; bounded `--password-stdin`; TLS
//! failures in Go's words; hostile or huge daemon answers; and one signal rule for every
//! command (die by the signal, a SIGINT ignored at start stays ignored).

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::support::env::{Env, Input};
use crate::support::fake_engine::{json_reply, FakeEngine, RawEngine, Reply};
use crate::support::process::Running;
use crate::support::proxy::{Fault, FaultProxy, Rule};
use crate::support::registry::registries;
use crate::support::*;
use crate::support::{env, pty};

// ---------------------------------------------------------------------------------------------
// Config files

/// Names in `dir`, sorted.
fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|d| d.unwrap().file_name().into_string().unwrap())
        .collect();
    v.sort();
    v
}

/// A daemon that accepts every login (`POST /auth`) and lists nothing; any user may use it.
fn accepting_engine() -> RawEngine {
    let engine = RawEngine::start(Arc::new(|w, _method, target| {
        use std::io::Write;
        let body: &[u8] = if target.contains("/auth") {
            b"{\"Status\":\"Login Succeeded\"}\n"
        } else {
            b"[]\n"
        };
        let _ = w.write_all(&json_reply(200, body));
    }));
    use std::os::unix::fs::PermissionsExt;
    let open = |p: &Path| std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777));
    open(engine.socket.parent().unwrap()).unwrap();
    open(&engine.socket).unwrap();
    engine
}

/// `dkr login -u u --password-stdin SERVER` in `env`.
fn login(env: &Env, server: &str) -> Outcome {
    env.run_input(
        dkr_bin(),
        &["login", "-u", "u", "--password-stdin", server],
        Input::Bytes(b"pw\n"),
    )
}

/// Run as an unprivileged user when the tests run as root (permissions mean nothing to root).
fn unprivileged(cmd: &mut Command) {
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            if libc::geteuid() == 0
                && (libc::setgroups(0, std::ptr::null()) != 0
                    || libc::setgid(65534) != 0
                    || libc::setuid(65534) != 0)
            {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

fn run_cmd(mut cmd: Command, input: &[u8]) -> Outcome {
    use std::io::Write;
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    let mut stdin = child.stdin.take().unwrap();
    let data = input.to_vec();
    let w = std::thread::spawn(move || {
        let _ = stdin.write_all(&data);
    });
    let out = env::collect(child, Duration::from_secs(60), "cmd");
    let _ = w.join();
    out
}

#[test]
fn an_empty_config_is_an_empty_config() {
    let engine = accepting_engine();
    for text in ["", "\n  \n"] {
        let env = Env::new(&engine.host()).with_config(text);
        env.compare(&["ps"]);
        assert_eq!(env.dkr(&["ps"]).err(), "");
    }
}

#[test]
fn a_config_that_is_a_directory_warns_and_login_leaves_nothing_behind() {
    let engine = accepting_engine();
    let env = Env::new(&engine.host());
    std::fs::create_dir(env.config_path()).unwrap();
    let out = env.compare(&["ps"]);
    assert!(out
        .err()
        .starts_with("WARNING: Error parsing config file ("));
    let out = login(&env, "example.test");
    assert_eq!(out.code, 1, "{out}");
    assert!(
        out.err().contains(&env.config_path().display().to_string()),
        "{out}"
    );
    assert_eq!(names_in(env.config.path()), vec!["config.json"]);
}

#[test]
fn an_unreadable_config_warns_like_docker_and_login_leaves_nothing_behind() {
    let engine = accepting_engine();
    let env = Env::new(&engine.host());
    let dir = env.config.path();
    std::fs::write(env.config_path(), "{\"psFormat\":\"x\"}").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(env.config_path(), std::fs::Permissions::from_mode(0o000)).unwrap();
    // The directory is the unprivileged user's, so only the file is unreadable.
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    // An unreachable daemon: only the warning matters here, and both print it first.
    let mut outs = Vec::new();
    for program in [docker_bin(), dkr_bin().to_string()] {
        let mut cmd = env
            .via("unix:///nonexistent/d.sock")
            .command(&program, &["ps"]);
        cmd.env("DOCKER_CONFIG", dir);
        unprivileged(&mut cmd);
        outs.push(run_cmd(cmd, b""));
    }
    let first = |o: &Outcome| o.err().lines().next().unwrap_or("").to_string();
    assert_eq!(
        first(&outs[0]),
        format!(
            "WARNING: Error loading config file: open {}: permission denied",
            env.config_path().display()
        )
    );
    assert_eq!(first(&outs[0]), first(&outs[1]));
    let mut cmd = env.command(
        dkr_bin(),
        &["login", "-u", "u", "--password-stdin", "x.test"],
    );
    unprivileged(&mut cmd);
    let out = run_cmd(cmd, b"pw\n");
    assert_eq!(out.code, 1, "{out}");
    assert!(
        out.err().contains(&format!(
            "Error saving credentials: not replacing {}",
            env.config_path().display()
        )),
        "{out}"
    );
    assert_eq!(names_in(dir), vec!["config.json"]);
}

#[test]
fn login_and_logout_never_replace_a_config_they_could_not_parse() {
    let engine = accepting_engine();
    let text = "{\"auths\":{\"example.test\":{\"auth\":\"dTpwdw==\"}},\"mine\": [1,,]}";
    let env = Env::new(&engine.host()).with_config(text);
    let out = login(&env, "other.test");
    assert_eq!(out.code, 1, "{out}");
    let path = env.config_path().display().to_string();
    assert!(
        out.err().contains(&path) && out.err().contains("line 1 column"),
        "{out}"
    );
    assert_eq!(env.read_config(), text);
    // logout exits 0 like docker's when nothing could be erased, with the reason.
    let out = env.dkr(&["logout", "example.test"]);
    assert_eq!(out.code, 0, "{out}");
    assert!(out.err().contains(&path), "{out}");
    assert_eq!(env.read_config(), text);
    assert_eq!(names_in(env.config.path()), vec!["config.json"]);
}

#[test]
fn a_huge_config_fails_fast() {
    let engine = accepting_engine();
    let env = Env::new(&engine.host());
    // Just over the 16 MiB cap, sparse: no real data is written.
    let f = std::fs::File::create(env.config_path()).unwrap();
    f.set_len(16 * 1024 * 1024 + 1).unwrap();
    let start = Instant::now();
    let out = env.dkr(&["ps"]);
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(out.code, 0, "{out}");
    assert_eq!(
        out.err(),
        format!(
            "WARNING: Error parsing config file ({0}): {0} is larger than 16 MiB\n",
            env.config_path().display()
        )
    );
    let out = login(&env, "x.test");
    assert_eq!(out.code, 1, "{out}");
    assert_eq!(
        std::fs::metadata(env.config_path()).unwrap().len(),
        16 * 1024 * 1024 + 1
    );
}

#[test]
fn a_symlinked_config_stays_a_symlink() {
    let engine = accepting_engine();
    let env = Env::new(&engine.host());
    let dotfiles = TempDir::new("dotfiles");
    let target = dotfiles.join("docker.json");
    std::fs::write(&target, "{\"psFormat\":\"{{.ID}}\"}").unwrap();
    std::os::unix::fs::symlink(&target, env.config_path()).unwrap();
    let out = login(&env, "example.test");
    assert_eq!(out.code, 0, "{out}");
    let meta = std::fs::symlink_metadata(env.config_path()).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(doc["psFormat"], "{{.ID}}");
    assert!(doc["auths"]["example.test"]["auth"].is_string(), "{doc}");
    assert_eq!(names_in(dotfiles.path()), vec!["docker.json"]);
    assert_eq!(names_in(env.config.path()), vec!["config.json"]);
}

#[test]
fn a_read_only_config_folder_is_named_in_the_error() {
    let engine = accepting_engine();
    let env = Env::new(&engine.host());
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(env.config.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let mut cmd = env.command(
        dkr_bin(),
        &["login", "-u", "u", "--password-stdin", "x.test"],
    );
    unprivileged(&mut cmd);
    let out = run_cmd(cmd, b"pw\n");
    std::fs::set_permissions(env.config.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.code, 1, "{out}");
    assert!(
        out.err().contains(&env.config.path().display().to_string())
            && out.err().contains("permission denied"),
        "{out}"
    );
}

#[test]
fn concurrent_logins_all_end_up_in_the_file() {
    let engine = accepting_engine();
    let env = Env::new(&engine.host());
    std::fs::write(env.config_path(), "{\"keep\":true}").unwrap();
    let children: Vec<_> = (0..10)
        .map(|i| {
            let mut cmd = env.command(
                dkr_bin(),
                &["login", "-u", "u", "-p", "pw", &format!("reg{i}.test")],
            );
            cmd.stdout(Stdio::null()).stderr(Stdio::null());
            cmd.spawn().unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let doc: serde_json::Value = serde_json::from_str(&env.read_config()).unwrap();
    assert_eq!(doc["keep"], true);
    for i in 0..10 {
        assert!(doc["auths"][format!("reg{i}.test")].is_object(), "{doc}");
    }
    assert_eq!(names_in(env.config.path()), vec!["config.json"]);
}

#[test]
fn password_stdin_is_bounded() {
    let engine = accepting_engine();
    let env = Env::new(&engine.host());
    let big = vec![b'p'; 1024 * 1024 + 1];
    let out = env.run_input(
        dkr_bin(),
        &["login", "-u", "u", "--password-stdin", "x.test"],
        Input::Bytes(&big),
    );
    assert_eq!(out.code, 1, "{out}");
    assert_eq!(out.err(), "the password on stdin is longer than 1 MiB\n");
    assert!(!env.config_path().exists());
    // Exactly the cap is fine.
    let ok = vec![b'p'; 1024 * 1024];
    let out = env.run_input(
        dkr_bin(),
        &["login", "-u", "u", "--password-stdin", "x.test"],
        Input::Bytes(&ok),
    );
    assert_eq!(out.code, 0, "{out}");
}

// ---------------------------------------------------------------------------------------------
// Hostile or huge answers

/// A daemon that never ends its `/containers/json` array, repeating `item`.
fn endless_listing(item: &'static [u8]) -> RawEngine {
    RawEngine::start(Arc::new(move |w, _m, _t| {
        use std::io::Write;
        let _ = w.write_all(b"HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        let chunk = item.repeat(1000);
        let _ = write!(w, "1\r\n[\r\n");
        loop {
            if write!(w, "{:x}\r\n", chunk.len()).is_err()
                || w.write_all(&chunk).is_err()
                || w.write_all(b"\r\n").is_err()
            {
                return;
            }
        }
    }))
}

fn assert_ends_with_the_cap_error(item: &'static [u8], args: &[&str]) {
    let engine = endless_listing(item);
    let env = Env::new(&engine.host());
    let start = Instant::now();
    let out = env.dkr(args);
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(out.code, 1, "{out}");
    assert!(out.err().contains("larger than"), "{out}");
}

// Listings are decoded and rendered entry by entry, so the 128 MiB cap is reached only after
// every entry before it was decoded (and, for a table, rendered): in a debug build that is
// ~2.7 µs an entry for `-q` and ~25 µs for a table, too slow for 2.4 million 55-byte entries
// on a loaded machine. The entries here have the size a real daemon sends (~1 KB: labels,
// mounts); their unprinted fields are skipped unread. engine::list's unit tests cover long
// listings of small entries.
#[test]
fn an_endless_listing_ends_with_an_error() {
    let item: &'static [u8] = Box::leak(
        format!(
            "{{\"Id\":\"0123456789abcdef0123456789abcdef\",\"Names\":[\"/x\"],\"Labels\":{{\"k\":\"{}\"}}}},",
            "x".repeat(960)
        )
        .into_bytes()
        .into_boxed_slice(),
    );
    assert_ends_with_the_cap_error(item, &["ps", "-a"]);
    assert_ends_with_the_cap_error(item, &["ps", "-a", "-q"]);
}

fn listing_engine(containers: &'static [u8], images: &'static [u8]) -> RawEngine {
    RawEngine::start(Arc::new(move |w, _m, t| {
        use std::io::Write;
        let body = if t.contains("/images/json") {
            images
        } else {
            containers
        };
        let _ = w.write_all(&json_reply(200, body));
    }))
}

const HOSTILE_CONTAINERS: &[u8] = b"[{\"Id\":\"0123456789abcdef0123456789abcdef\",\"Names\":[\"/bad\xff\xfename\",\"/evil\\u001b]0;pwned\\u0007\\u001b[2Jx\"],\"Image\":\"img\\u001b[31mred\",\"Command\":\"sh \\u009b1m\",\"Created\":1700000000,\"State\":\"running\",\"Status\":\"Up 1 second\",\"Labels\":{\"k\":\"v\\u001b[5m\"},\"Ports\":[],\"Mounts\":[]}]";
const HOSTILE_IMAGES: &[u8] = b"[{\"Id\":\"sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\",\"RepoTags\":[\"evil\\u001b]0;pwned\\u0007:la\xfftest\"],\"RepoDigests\":[],\"Created\":1700000000,\"Size\":1000,\"Labels\":{\"k\":\"\\u001b[2J\"}}]";

#[test]
fn invalid_utf8_and_escapes_in_listings_are_piped_exactly_like_docker() {
    let engine = listing_engine(HOSTILE_CONTAINERS, HOSTILE_IMAGES);
    let env = Env::new(&engine.host());
    for args in [
        &["ps"][..],
        &["ps", "--no-trunc"],
        &["ps", "--format", "{{.Names}} {{.Labels}}"],
        &["ps", "--format", "json"],
        &["images"],
        &["images", "--format", "{{.Repository}} {{.Tag}}"],
    ] {
        let out = env.compare(args);
        assert!(out.ok(), "{args:?}: {out}");
    }
    assert!(env.dkr(&["ps"]).out().contains("bad\u{fffd}\u{fffd}name"));
}

#[test]
fn escapes_in_listings_are_neutralised_on_a_terminal() {
    let engine = listing_engine(HOSTILE_CONTAINERS, HOSTILE_IMAGES);
    let env = Env::new(&engine.host());
    for cmd in ["ps", "images", "ps --format 'table {{.Names}} {{.Labels}}'"] {
        let (bytes, code, _) = pty::run_in_pty(&env, &format!("{} {cmd}", dkr_bin()), 200);
        assert_eq!(code, 0, "{cmd}: {}", String::from_utf8_lossy(&bytes));
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains('\x1b') && !text.contains('\u{9b}') && !text.contains('\x07'),
            "{cmd}: {text:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Signals

/// `bash -c 'SCRIPT'` in its own process group (as a shell's foreground job is), in `env`.
fn script(env: &Env, body: &str) -> Command {
    let mut cmd = env.command("bash", &["-c", body]);
    cmd.process_group(0);
    cmd
}

/// Ctrl-C as the terminal sends it: SIGINT to the whole process group of `r`.
fn ctrl_c(r: &Running) {
    // SAFETY: signalling the process group of our own child.
    unsafe { libc::kill(-r.pid(), libc::SIGINT) };
}

fn streaming_engine(seconds: u64) -> FakeEngine {
    let mut chunks = vec![(
        Duration::ZERO,
        b"{\"status\":\"Pulling from x\",\"id\":\"1\"}\r\n".to_vec(),
    )];
    for i in 0..seconds * 10 {
        chunks.push((
            Duration::from_millis(100),
            format!("{{\"status\":\"Downloading\",\"progressDetail\":{{\"current\":{},\"total\":6000000}},\"id\":\"abcdefabcdef\"}}\r\n", i * 10000).into_bytes(),
        ));
    }
    FakeEngine::start(vec![Reply::Stream(chunks)])
}

/// The script was killed by SIGINT (the shell's 130 from a signal) and never went on.
fn assert_killed_by_sigint(r: Running, what: &str) {
    let run = r.finish(Duration::from_secs(10));
    assert!(!run.out().contains("survived"), "{what}: {run:?}");
    assert_eq!(run.code, 130, "{what}: {run:?}");
    assert!(!run.panicked(), "{what}: {run:?}");
}

#[test]
fn ctrl_c_during_a_pull_stops_the_whole_script() {
    let fake = streaming_engine(30);
    let env = Env::new(&fake.host());
    let mut r = Running::spawn(script(
        &env,
        &format!("{} pull localhost:5000/x:1; echo survived", dkr_bin()),
    ));
    assert!(r.wait_for_stdout("Pulling from", Duration::from_secs(10)));
    std::thread::sleep(Duration::from_millis(300));
    ctrl_c(&r);
    assert_killed_by_sigint(r, "pull");
}

#[test]
fn ctrl_c_before_a_run_has_started_stops_the_whole_script() {
    let Some(host) = engine_host() else { return };
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new("/start", Fault::Stall).method("POST")],
    );
    let env = Env::new(&proxy.host());
    let name = unique("sigint");
    let owner = Env::new(&host);
    let _c = owner.cleanup(&[&name]);
    let r = Running::spawn(script(
        &env,
        &format!(
            "{} run --rm --name {name} busybox true; echo survived",
            dkr_bin()
        ),
    ));
    assert!(eventually(Duration::from_secs(30), || {
        proxy.seen().iter().any(|s| s.fault == Fault::Stall)
    }));
    std::thread::sleep(Duration::from_millis(500));
    ctrl_c(&r);
    assert_killed_by_sigint(r, "run");
}

#[test]
fn ctrl_c_at_logins_password_prompt_stops_the_whole_script() {
    let engine = accepting_engine();
    let env = Env::new(&engine.host());
    let mut cmd = env.command(
        "bash",
        &[
            "-c",
            &format!("{} login -u u x.test; echo survived", dkr_bin()),
        ],
    );
    cmd.env("TERM", "dumb");
    let mut p = pty::Pty::spawn(cmd, 24, 80);
    p.expect("Password: ", Duration::from_secs(10));
    let before = p.termios();
    assert_eq!(before.c_lflag & libc::ECHO, 0, "echo is off at the prompt");
    p.send(b"\x03");
    let code = p.wait(Duration::from_secs(10));
    assert!(!p.output().contains("survived"), "{}", p.output());
    assert_eq!(code, 130, "{}", p.output());
    assert_ne!(p.termios().c_lflag & libc::ECHO, 0, "echo restored");
}

/// The command with SIGINT ignored, as a background job of a script starts.
fn ignoring_sigint(mut cmd: Command) -> Command {
    // SAFETY: only async-signal-safe calls between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_IGN);
            Ok(())
        });
    }
    cmd
}

#[test]
fn a_sigint_ignored_at_start_stays_ignored() {
    let fake = streaming_engine(2);
    let env = Env::new(&fake.host());
    let mut r = Running::spawn(ignoring_sigint(
        env.command(dkr_bin(), &["pull", "localhost:5000/x:1"]),
    ));
    assert!(r.wait_for_stdout("Pulling from", Duration::from_secs(10)));
    r.signal(libc::SIGINT);
    std::thread::sleep(Duration::from_millis(300));
    assert!(r.is_running(), "pull ended on an ignored SIGINT");
    let run = r.finish(Duration::from_secs(20));
    assert_eq!(run.code, 0, "{run:?}");

    let Some(host) = engine_host() else { return };
    let proxy = FaultProxy::start(
        &host,
        vec![Rule::new("/start", Fault::Stall).method("POST")],
    );
    let name = unique("sigign");
    let owner = Env::new(&host);
    let _c = owner.cleanup(&[&name]);
    let mut r = Running::spawn(ignoring_sigint(Env::new(&proxy.host()).command(
        dkr_bin(),
        &["run", "--rm", "--name", &name, "busybox", "true"],
    )));
    assert!(eventually(Duration::from_secs(30), || {
        proxy.seen().iter().any(|s| s.fault == Fault::Stall)
    }));
    std::thread::sleep(Duration::from_millis(400));
    r.signal(libc::SIGINT);
    std::thread::sleep(Duration::from_millis(600));
    assert!(r.is_running(), "run ended on an ignored SIGINT");
    r.signal(libc::SIGTERM);
    let run = r.finish(Duration::from_secs(10));
    assert_eq!(run.code, 143, "{run:?}");
}

// ---------------------------------------------------------------------------------------------
// TLS

fn certs() -> Option<String> {
    engine_host()?;
    Some(std::env::var("DKR_TEST_CERTS").expect("DKR_TEST_CERTS (tests/env.sh)"))
}

/// Both CLIs against `host` with TLS verification and the certificates in `dir`.
fn tls_outcomes(host: &str, dir: &Path) -> (Outcome, Outcome) {
    let env = Env::new(host)
        .var("DOCKER_TLS_VERIFY", "1")
        .var("DOCKER_CERT_PATH", &dir.display().to_string());
    (env.docker(&["ps"]), env.dkr(&["ps"]))
}

fn openssl(dir: &Path, args: &[&str]) {
    let out = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl");
    assert!(out.status.success(), "openssl {args:?}: {out:?}");
}

/// A CA (`ca.pem`) and a server certificate signed by it for `san`, valid from `start` to
/// `end` (`YYYYMMDDHHMMSSZ`), plus the test client's certificate and key.
fn make_certs(dir: &Path, san: &str, start: &str, end: &str) {
    let c = certs().unwrap();
    for f in ["cert.pem", "key.pem"] {
        std::fs::copy(Path::new(&c).join(f), dir.join(f)).unwrap();
    }
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca-key.pem",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=test ca",
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server-key.pem",
            "-out",
            "server.csr",
            "-subj",
            "/CN=server",
        ],
    );
    std::fs::write(dir.join("ext.cnf"), format!("subjectAltName={san}\n")).unwrap();
    std::fs::write(dir.join("index.txt"), "").unwrap();
    std::fs::write(
        dir.join("ca.cnf"),
        "[ca]\ndefault_ca=d\n[d]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\ncopy_extensions=copy\n[p]\ncommonName=supplied\n",
    )
    .unwrap();
    std::fs::write(dir.join("serial"), "01\n").unwrap();
    openssl(
        dir,
        &[
            "ca",
            "-batch",
            "-config",
            "ca.cnf",
            "-cert",
            "ca.pem",
            "-keyfile",
            "ca-key.pem",
            "-in",
            "server.csr",
            "-out",
            "server-cert.pem",
            "-startdate",
            start,
            "-enddate",
            end,
            "-extfile",
            "ext.cnf",
            "-notext",
        ],
    );
}

/// `openssl s_server` on a free loopback port with the server certificate in `dir`.
struct TlsServer {
    child: std::process::Child,
    port: u16,
}

impl TlsServer {
    fn start(dir: &Path) -> TlsServer {
        let port = {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            l.local_addr().unwrap().port()
        };
        let child = Command::new("openssl")
            .args([
                "s_server",
                "-quiet",
                "-www",
                "-accept",
                &format!("127.0.0.1:{port}"),
                "-cert",
                "server-cert.pem",
                "-key",
                "server-key.pem",
            ])
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        assert!(eventually(Duration::from_secs(10), || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        }));
        TlsServer { child, port }
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The error line after `…/containers/json": `, for comparing texts that embed a version.
fn tls_reason(o: &Outcome) -> String {
    let e = o.err();
    match e.split_once("\": ") {
        Some((_, r)) => r.trim_end().to_string(),
        None => e.trim_end().to_string(),
    }
}

#[test]
fn a_ca_file_that_is_not_a_certificate_says_so_like_docker() {
    let Some(c) = certs() else { return };
    let dir = TempDir::new("badca");
    for f in ["cert.pem", "key.pem"] {
        std::fs::copy(Path::new(&c).join(f), dir.join(f)).unwrap();
    }
    std::fs::write(dir.join("ca.pem"), "this is not a certificate\n").unwrap();
    let host = std::env::var("DKR_TEST_TLS_HOST").unwrap();
    let (docker, dkr) = tls_outcomes(&host, dir.path());
    assert!(docker.err().contains("ca.pem seems invalid"), "{docker}");
    assert_same("bad ca.pem", &docker, &dkr);
}

#[test]
fn a_client_key_that_does_not_match_is_reported_in_gos_words() {
    let Some(c) = certs() else { return };
    let host = std::env::var("DKR_TEST_TLS_HOST").unwrap();
    for alg in [
        &["-algorithm", "RSA"][..],
        &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
    ] {
        let dir = TempDir::new("badkey");
        for f in ["ca.pem", "cert.pem"] {
            std::fs::copy(Path::new(&c).join(f), dir.join(f)).unwrap();
        }
        let mut args = vec!["genpkey"];
        args.extend_from_slice(alg);
        args.extend_from_slice(&["-out", "key.pem"]);
        openssl(dir.path(), &args);
        let (docker, dkr) = tls_outcomes(&host, dir.path());
        assert_same(&format!("mismatched key {alg:?}"), &docker, &dkr);
    }
}

#[test]
fn a_wrong_host_name_and_an_expired_certificate_use_gos_words() {
    if certs().is_none() {
        return;
    }
    let dir = TempDir::new("wrongname");
    make_certs(
        dir.path(),
        "DNS:elsewhere.example",
        "20240101000000Z",
        "20990101000000Z",
    );
    let server = TlsServer::start(dir.path());
    // By name, Go lists the DNS names; by IP address, the IP addresses (none here).
    for (host, says) in [
        (
            "localhost",
            "certificate is valid for elsewhere.example, not localhost",
        ),
        ("127.0.0.1", "doesn't contain any IP SANs"),
    ] {
        let (docker, dkr) = tls_outcomes(&format!("tcp://{host}:{}", server.port), dir.path());
        assert!(docker.err().contains(says), "{docker}");
        assert_eq!(tls_reason(&dkr), tls_reason(&docker), "{dkr}");
        assert_eq!(dkr.code, docker.code);
    }
    drop(server);

    let dir = TempDir::new("expired");
    make_certs(
        dir.path(),
        "IP:127.0.0.1",
        "20200101000000Z",
        "20200102000000Z",
    );
    let server = TlsServer::start(dir.path());
    let (docker, dkr) = tls_outcomes(&format!("tcp://127.0.0.1:{}", server.port), dir.path());
    // Go names the current time; compare up to it.
    let cut = |o: &Outcome| {
        let r = tls_reason(o);
        r.split(": current time").next().unwrap().to_string()
    };
    assert!(docker.err().contains("certificate has expired"), "{docker}");
    assert_eq!(cut(&dkr), cut(&docker), "{dkr}");
    assert!(dkr.err().contains("is after 2020-01-02T00:00:00Z"), "{dkr}");
}

#[test]
fn tls_to_a_plain_http_port_says_so() {
    let Some(c) = certs() else { return };
    let Some(r) = registries() else { return };
    let (docker, dkr) = tls_outcomes(&format!("tcp://{}", r.registry), Path::new(&c));
    assert!(
        docker
            .err()
            .contains("server gave HTTP response to HTTPS client"),
        "{docker}"
    );
    assert_eq!(tls_reason(&dkr), tls_reason(&docker), "{dkr}");
}

#[test]
fn a_tls_port_that_never_answers_the_handshake_times_out() {
    let Some(c) = certs() else { return };
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accept and hold the connection, never answering; the thread ends with the test binary.
    std::thread::spawn(move || {
        let conns: Vec<_> = listener.incoming().take(2).collect();
        std::thread::sleep(Duration::from_secs(10));
        drop(conns);
    });
    let env = Env::new(&format!("tcp://127.0.0.1:{port}"))
        .var("DOCKER_TLS_VERIFY", "1")
        .var("DOCKER_CERT_PATH", &c)
        .var("DKR_TLS_HANDSHAKE_TIMEOUT", "1s");
    let start = Instant::now();
    let out = env.dkr(&["ps"]);
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(out.code, 1, "{out}");
    assert_eq!(tls_reason(&out), "net/http: TLS handshake timeout", "{out}");
}
