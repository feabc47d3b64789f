//! `ssh://` engines: docker and dkr over the same URL through a private sshd
//! (`support::sshd`), same stdout, stderr and exit code; dkr's `system dial-stdio` as the
//! remote half of a real ssh session; how many handshakes and ssh processes each client
//! makes; `DKR_SSH_PERSIST`. The transport does not depend on the engine, so these run against
//! the Docker test engine only (each ssh session costs a remote login on this machine).

use crate::support::env::{Env, Input};
use crate::support::sshd::{sshd, Sshd};
use crate::support::{unique, TempDir};

/// The sshd and the unix-socket environment for setup and cleanup, or return (skipped).
macro_rules! ssh_or_skip {
    () => {{
        let Some(s) = sshd() else { return };
        let Some(base) = crate::support::Engine::Docker.run(crate::support::env::engine) else {
            return;
        };
        (s, base)
    }};
}

/// A 64-hex container ID line (what `run -d` prints; the two clients make two containers).
fn is_id_line(s: &str) -> bool {
    let s = s.trim_end_matches('\n');
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[test]
fn listings_and_version_match_docker() {
    let (s, base) = ssh_or_skip!();
    // Listings of what this test made: other tests change the shared engine meanwhile.
    let name = unique("ssh-ps");
    let _g = base.cleanup(&[&name]);
    base.docker_ok(&["create", "--name", &name, "busybox", "echo", "x"]);
    let env = s.env(s.port).retrying();
    let filter = format!("name={name}");
    env.compare(&["ps", "-a", "--filter", &filter]);
    env.compare(&[
        "ps",
        "-a",
        "--filter",
        &filter,
        "--format",
        "{{.Names}} {{.Image}}",
    ]);
    env.compare(&["ps", "--filter", &filter]);
    env.compare(&["images", "busybox"]);
    env.compare(&[
        "images",
        "--format",
        "{{.Repository}}:{{.Tag}} {{.ID}}",
        "busybox",
    ]);
    // The client half of `version` is dkr's own (its version and build); the server half and
    // the negotiated API version come over ssh.
    env.compare(&[
        "version",
        "--format",
        "{{.Server.Version}} {{.Server.APIVersion}} {{.Client.APIVersion}}",
    ]);
    env.compare(&["inspect", "--format", "{{.Id}}", "busybox"]);
}

#[test]
fn run_and_attach_match_docker() {
    let (s, _base) = ssh_or_skip!();
    let env = s.env(s.port);
    env.compare(&["run", "--rm", "busybox", "echo", "hello over ssh"]);
    env.compare(&[
        "run",
        "--rm",
        "busybox",
        "sh",
        "-c",
        "echo out; echo err >&2; exit 7",
    ]);
    // stdin through the hijacked connection, then its half-close: cat sees EOF and the exit
    // code comes back.
    let out = env.compare_input(
        &["run", "--rm", "-i", "busybox", "sh", "-c", "cat; exit 3"],
        Input::Bytes(b"line one\nline two\n"),
    );
    assert_eq!(out.code, 3);
    assert_eq!(out.out(), "line one\nline two\n");
    env.compare(&["run", "--rm", "busybox", "nosuchcommand"]);
}

#[test]
fn detached_run_logs_follow_stop_start_exec_match_docker() {
    let (s, base) = ssh_or_skip!();
    let env = s.env(s.port);
    let (logs, sleeper) = (unique("ssh-logs"), unique("ssh-stop"));
    let _g = base.cleanup(&[&logs, &sleeper]);
    let out = env.dkr(&[
        "run",
        "-d",
        "--name",
        &logs,
        "busybox",
        "sh",
        "-c",
        "echo one; sleep 2; echo two",
    ]);
    assert!(out.ok() && is_id_line(&out.out()), "{out}");
    // Follows until the container ends (docker first, so dkr also sees the whole of it).
    let out = env.compare(&["logs", "-f", &logs]);
    assert_eq!(out.out(), "one\ntwo\n");
    env.compare(&["logs", "--tail", "1", &logs]);
    // `start -a` runs it again attached.
    env.compare(&["start", "-a", &logs]);
    let out = env.docker(&["run", "-d", "--name", &sleeper, "busybox", "sleep", "100"]);
    assert!(out.ok() && is_id_line(&out.out()), "{out}");
    env.compare_input(
        &["exec", "-i", &sleeper, "sh", "-c", "cat; exit 4"],
        Input::Bytes(b"to exec\n"),
    );
    // docker stops it; dkr's stop of the stopped container prints its name all the same.
    env.compare(&["stop", "-t", "1", &sleeper]);
    env.compare(&[
        "ps",
        "-a",
        "--filter",
        &format!("name={sleeper}"),
        "--format",
        "{{.Names}} {{.State}}",
    ]);
}

#[test]
fn pull_and_commit_match_docker() {
    let (s, base) = ssh_or_skip!();
    let env = s.env(s.port);
    let registry = std::env::var("DKR_TEST_REGISTRY").unwrap_or_else(|_| "localhost:5000".into());
    let image = format!("{registry}/busybox:latest");
    base.docker_ok(&["pull", "-q", &image]);
    env.compare(&["pull", &image]);
    env.compare(&["pull", "-q", &image]);
    env.compare(&["pull", &format!("{registry}/busybox:nosuchtag")]);

    let name = unique("ssh-commit");
    let _g = base.cleanup(&[&name]);
    base.docker_ok(&["create", "--name", &name, "busybox", "true"]);
    // Two commits make two images: the IDs differ, the shape is docker's.
    let (repo_docker, repo_dkr) = (unique("ssh-commit-docker"), unique("ssh-commit-dkr"));
    let want = env.docker(&["commit", &name, &repo_docker]);
    let got = env.dkr(&["commit", &name, &repo_dkr]);
    let _ = base.docker(&["rmi", &repo_docker, &repo_dkr]);
    assert!(want.ok() && got.ok(), "{want}\n{got}");
    for o in [&want, &got] {
        let id = o.out();
        assert!(
            id.starts_with("sha256:") && is_id_line(&id["sha256:".len()..]),
            "{o}"
        );
    }
    assert_eq!((want.stderr, want.code), (got.stderr, got.code));
}

#[test]
fn connection_failures_match_docker() {
    let (s, _base) = ssh_or_skip!();
    // A loopback port where nothing listens.
    let refused = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port");
    let path = s.path_var();
    let url = s.url(s.port);
    for host in [
        format!("ssh://127.0.0.1:{refused}"),
        "ssh://nosuchhost.invalid".to_string(),
        format!("ssh://nosuchuser@127.0.0.1:{}", s.port),
        // sshd runs, docker does not exist there.
        s.url(s.nodocker),
        // The remote docker cannot reach its engine: docker calls that "Cannot connect".
        format!("{url}/nonexistent.sock"),
        // URLs docker refuses before running ssh.
        "ssh://127.0.0.1:notaport".to_string(),
        format!("{url}?x=1"),
        format!("{url}#frag"),
        "ssh://user:secret@127.0.0.1".to_string(),
        "ssh://".to_string(),
    ] {
        // Retried: a failure text compared once can meet a loaded machine's slow sshd.
        let env = Env::new(&host).var("PATH", &path).retrying();
        for args in [
            &["ps"][..],
            &["images"],
            &["run", "--rm", "busybox", "true"],
            &["logs", "x"],
        ] {
            env.compare(args);
        }
    }
    // No ssh on PATH at all (only the two clients there).
    let bare = TempDir::new("ssh-no-ssh");
    for (name, program) in [
        ("docker", crate::support::docker_bin()),
        ("dkr", crate::support::dkr_bin().to_string()),
    ] {
        let found = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .map(|d| d.join(&program))
            .find(|p| p.is_file())
            .unwrap_or_else(|| std::path::PathBuf::from(&program));
        std::os::unix::fs::symlink(found, bare.join(name)).expect("symlink");
    }
    let no_ssh = Env::new(&url).var("PATH", &bare.path().to_string_lossy());
    for args in [
        &["ps"][..],
        &["images"],
        &["run", "--rm", "busybox", "true"],
    ] {
        no_ssh.compare(args);
    }
    // The remote socket named in the URL's path (`docker --host unix://PATH`).
    let engine = std::env::var("DKR_TEST_HOST").unwrap_or_default();
    let socket = engine.trim_start_matches("unix://");
    // (An image every test keeps: other tests' containers come and go between the two runs.)
    Env::new(&format!("{url}{socket}"))
        .var("PATH", &path)
        .compare(&["images", "--format", "{{.Repository}}:{{.Tag}}", "busybox"]);
}

#[test]
fn dkr_dial_stdio_is_the_remote_half() {
    // The remote PATH of this port names dkr `docker`: both clients' ssh sessions run
    // `dkr system dial-stdio` there.
    let (s, _base) = ssh_or_skip!();
    let env = s.env(s.dkr_remote).retrying();
    env.compare(&["ps", "-a", "--filter", "name=^nosuchcontainer$"]);
    env.compare(&["images", "--format", "{{.Repository}}:{{.Tag}}", "busybox"]);
    // Half-close through dkr's bridge in both directions: stdin ends, the answer still comes.
    let out = env.compare_input(
        &[
            "run",
            "--rm",
            "-i",
            "busybox",
            "sh",
            "-c",
            "cat; echo done; exit 5",
        ],
        Input::Bytes(b"through dial-stdio\n"),
    );
    assert_eq!(out.out(), "through dial-stdio\ndone\n");
    // A remote engine that is not there, in docker's words over dkr's dial-stdio.
    Env::new(&format!("{}/nonexistent.sock", s.url(s.dkr_remote)))
        .var("PATH", &s.path_var())
        .compare(&["ps"]);
}

#[test]
fn dial_stdio_help_and_arguments_match_docker() {
    let Some(e) = crate::support::env::engine() else {
        return;
    };
    e.compare(&["system", "dial-stdio", "--help"]);
    e.compare(&["system", "dial-stdio", "extra"]);
    let gone = e.via("unix:///nonexistent/docker.sock");
    gone.compare(&["system", "dial-stdio"]);
}

/// ssh processes started (one line each in the wrapper's count file) and handshakes (sshd's
/// connections on the counting port) for one command of `program`.
fn count(s: &Sshd, env: &Env, program: &str, args: &[&str]) -> (usize, usize) {
    let file = TempDir::new("ssh-count");
    let log = file.join("count");
    let before = s.connections(s.count);
    let mut cmd = env.command(program, args);
    cmd.env("DKR_TEST_SSH_COUNT", &log);
    let out = cmd.output().expect("run");
    assert!(out.status.success(), "{program} {args:?}: {out:?}");
    let procs = std::fs::read_to_string(&log)
        .unwrap_or_default()
        .lines()
        .count();
    (procs, s.connections(s.count) - before)
}

#[test]
fn one_handshake_per_command() {
    let (s, _base) = ssh_or_skip!();
    let env = s.env(s.count);
    let docker = crate::support::docker_bin();
    let dkr = crate::support::dkr_bin();
    // docker: one ssh (and handshake) per connection: 1 for ps, 3 for run.
    assert_eq!(count(s, &env, &docker, &["ps"]), (1, 1));
    let (procs, handshakes) = count(s, &env, &docker, &["run", "--rm", "busybox", "true"]);
    assert_eq!(procs, handshakes);
    assert!(handshakes >= 2, "docker run: {handshakes} handshakes");
    // dkr: one handshake whatever the command; more connections are multiplexed over it.
    assert_eq!(count(s, &env, dkr, &["ps"]), (1, 1));
    let (procs, handshakes) = count(s, &env, dkr, &["run", "--rm", "busybox", "true"]);
    assert_eq!(handshakes, 1, "dkr run: {procs} ssh processes");
    let (_, handshakes) = count(s, &env, dkr, &["run", "--rm", "-d", "busybox", "true"]);
    assert_eq!(handshakes, 1);
}

/// Processes whose command line mentions `needle`.
fn processes_mentioning(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) {
            let text = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            if text.contains(needle) {
                found.push(text);
            }
        }
    }
    found
}

#[test]
fn nothing_outlives_a_command_by_default() {
    let (s, _base) = ssh_or_skip!();
    let runtime = TempDir::new("ssh-runtime");
    let runtime_dir = runtime.path().to_string_lossy().into_owned();
    let env = s.env(s.port).var("XDG_RUNTIME_DIR", &runtime_dir);
    for args in [&["ps"][..], &["run", "--rm", "busybox", "true"]] {
        let out = env.dkr(args);
        assert!(out.ok(), "{out}");
        let left: Vec<_> = std::fs::read_dir(runtime.join("dkr-ssh"))
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        assert!(left.is_empty(), "control sockets left: {left:?}");
        let procs = processes_mentioning(&runtime_dir);
        assert!(procs.is_empty(), "processes left: {procs:?}");
    }
}

#[test]
fn persist_reuses_the_master() {
    let (s, _base) = ssh_or_skip!();
    let runtime = TempDir::new("ssh-persist");
    let runtime_dir = runtime.path().to_string_lossy().into_owned();
    let env = s
        .env(s.persist)
        .var("XDG_RUNTIME_DIR", &runtime_dir)
        .var("DKR_SSH_PERSIST", "60s");
    let before = s.connections(s.persist);
    let first = env.dkr(&["ps", "--format", "{{.Names}}"]);
    assert!(first.ok(), "{first}");
    let second = env.dkr(&["ps", "--format", "{{.Names}}"]);
    assert!(second.ok(), "{second}");
    let run = env.dkr(&["run", "--rm", "busybox", "echo", "hi"]);
    assert_eq!(run.out(), "hi\n", "{run}");
    assert_eq!(
        s.connections(s.persist) - before,
        1,
        "later commands reuse the master"
    );
    // The master stays, on a socket in the private runtime directory, until told to go; the
    // broker of warm sessions beside it.
    let (brokers, sockets): (Vec<_>, Vec<_>) = std::fs::read_dir(runtime.join("dkr-ssh"))
        .expect("runtime dir")
        .flatten()
        .map(|e| e.path())
        .partition(|p| p.to_string_lossy().contains("/broker-"));
    assert_eq!(sockets.len(), 1, "{sockets:?}");
    assert_eq!(brokers.len(), 1, "{brokers:?}");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(runtime.join("dkr-ssh"))
            .expect("dir")
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o700);
    let exit = std::process::Command::new(s.dir.join("bin/ssh"))
        .args(["-o", &format!("ControlPath={}", sockets[0].display())])
        .args(["-O", "exit", "-p", &s.persist.to_string(), "127.0.0.1"])
        .output()
        .expect("ssh -O exit");
    assert!(exit.status.success(), "{exit:?}");
    // Its master gone, the broker's warm session dies and the broker ends, socket removed.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while brokers[0].exists() {
        assert!(std::time::Instant::now() < deadline, "the broker stays");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    // The persist setting in a context's metadata does the same.
    let ctx_env = s.env(s.persist).var("XDG_RUNTIME_DIR", &runtime_dir);
    let meta_dir = ctx_env.config.join("contexts/meta");
    let name = "sshpersist";
    let digest = sha256_hex(name);
    std::fs::create_dir_all(meta_dir.join(&digest)).expect("meta dir");
    std::fs::write(
        meta_dir.join(&digest).join("meta.json"),
        format!(
            r#"{{"Name":"{name}","Metadata":{{"DkrSSHPersist":"30s"}},"Endpoints":{{"docker":{{"Host":"{}","SkipTLSVerify":false}}}}}}"#,
            s.url(s.persist)
        ),
    )
    .expect("meta.json");
    let before = s.connections(s.persist);
    for _ in 0..2 {
        let mut cmd = ctx_env.command(crate::support::dkr_bin(), &["--context", name, "ps", "-q"]);
        cmd.env_remove("DOCKER_HOST");
        let out = cmd.output().expect("dkr");
        assert!(out.status.success(), "{out:?}");
    }
    assert_eq!(s.connections(s.persist) - before, 1);
    for sock in std::fs::read_dir(runtime.join("dkr-ssh"))
        .expect("dir")
        .flatten()
    {
        let _ = std::process::Command::new(s.dir.join("bin/ssh"))
            .args(["-o", &format!("ControlPath={}", sock.path().display())])
            .args(["-O", "exit", "-p", &s.persist.to_string(), "127.0.0.1"])
            .output();
    }
    // docker reads the same context (the unknown metadata field is kept and ignored).
    let mut cmd = ctx_env.command(
        &crate::support::docker_bin(),
        &["--context", name, "ps", "-q"],
    );
    cmd.env_remove("DOCKER_HOST");
    let want = cmd.output().expect("docker");
    assert!(want.status.success(), "{want:?}");
}

fn sha256_hex(s: &str) -> String {
    let out = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().expect("stdin").write_all(s.as_bytes())?;
            c.wait_with_output()
        })
        .expect("sha256sum");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn run_it_and_exec_it_on_a_terminal() {
    use crate::support::pty::Pty;
    use std::time::Duration;
    let (s, base) = ssh_or_skip!();
    let env = s.env(s.port);
    let mut pty = Pty::spawn(
        env.command(
            crate::support::dkr_bin(),
            &["run", "--rm", "-it", "busybox", "sh"],
        ),
        24,
        80,
    );
    pty.expect("# ", Duration::from_secs(60));
    pty.send(b"echo pty-$((40+2))\r");
    pty.expect("pty-42", Duration::from_secs(30));
    pty.send(b"exit 6\r");
    assert_eq!(pty.wait(Duration::from_secs(60)), 6, "{}", pty.output());

    let name = unique("ssh-exec-it");
    let _g = base.cleanup(&[&name]);
    base.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "100"]);
    let mut pty = Pty::spawn(
        env.command(crate::support::dkr_bin(), &["exec", "-it", &name, "sh"]),
        24,
        80,
    );
    pty.expect("# ", Duration::from_secs(60));
    pty.send(b"tty; exit 3\r");
    pty.expect("/dev/pts/", Duration::from_secs(30));
    assert_eq!(pty.wait(Duration::from_secs(60)), 3, "{}", pty.output());
}

#[test]
fn killed_by_a_signal_leaves_nothing() {
    use std::io::Read;
    let (s, base) = ssh_or_skip!();
    let name = unique("ssh-sig");
    let _g = base.cleanup(&[&name]);
    base.run_sh_detached(&name, "echo started; sleep 100");
    let runtime = TempDir::new("ssh-sig-runtime");
    let runtime_dir = runtime.path().to_string_lossy().into_owned();
    let env = s.env(s.port).var("XDG_RUNTIME_DIR", &runtime_dir);
    // `logs -f` keeps the default SIGINT action: it dies of it at once.
    let mut child = env
        .command(crate::support::dkr_bin(), &["logs", "-f", &name])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("dkr logs -f");
    let mut first = [0u8; 8];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("first output");
    assert_eq!(&first, b"started\n");
    assert!(
        !processes_mentioning(&runtime_dir).is_empty(),
        "the ssh runs"
    );
    let pid = rustix::process::Pid::from_raw(child.id() as i32).expect("pid");
    rustix::process::kill_process(pid, rustix::process::Signal::INT).expect("kill");
    let status = child.wait().expect("wait");
    assert_eq!(crate::support::exit_code(status), 130);
    // The ssh processes get SIGTERM as their parent dies and remove the control socket.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let procs = processes_mentioning(&runtime_dir);
        let left: Vec<_> = std::fs::read_dir(runtime.join("dkr-ssh"))
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        if procs.is_empty() && left.is_empty() {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "left behind: {procs:?} {left:?}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn contexts_with_ssh_hosts_match_docker() {
    let (s, _base) = ssh_or_skip!();
    let env = s.env(s.port);
    let ctx = unique("sshctx");
    let host = format!("host={}", s.url(s.port));
    env.docker_ok(&["context", "create", &ctx, "--docker", &host]);
    env.compare(&[
        "--context",
        &ctx,
        "ps",
        "-a",
        "--filter",
        "name=^nosuchcontainer$",
    ]);
    env.compare(&[
        "--context",
        &ctx,
        "run",
        "--rm",
        "busybox",
        "echo",
        "via a context",
    ]);
    let bad = unique("sshctx-bad");
    env.docker_ok(&[
        "context",
        "create",
        &bad,
        "--docker",
        "host=ssh://127.0.0.1:1",
    ]);
    env.compare(&["--context", &bad, "ps"]);
}

#[test]
fn a_bad_persist_duration_is_refused() {
    let Some(s) = sshd() else { return };
    let out = s.env(s.port).var("DKR_SSH_PERSIST", "soon").dkr(&["ps"]);
    assert_eq!(
        (out.code, out.err()),
        (
            1,
            "Failed to initialize: DKR_SSH_PERSIST: time: invalid duration \"soon\"\n".into()
        )
    );
    // Only an ssh:// engine reads it.
    let e = crate::support::Engine::Docker.run(crate::support::env::engine);
    if let Some(e) = e {
        let out = e
            .var("DKR_SSH_PERSIST", "soon")
            .dkr(&["ps", "-q", "-n", "0"]);
        assert!(out.ok(), "{out}");
    }
}
