//! `dkr exec` against the real engines, beside docker: differential cases on a shared running
//! container (`{C}`), a stopped one (`{S}`) and an env file (`{F}`); stdin piped through
//! `-i`; 100 MB through `exec -i … cat` and back; and every exec request behind the fault
//! proxy (`exec_requests_survive_faults`).

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

use crate::support::env::{Env, Input};
use crate::support::process::{cli, Running};
use crate::support::proxy::{Fault, FaultProxy, Rule};
use crate::support::{dkr_bin, docker_bin, engine_host, Engine, TempDir};

/// The containers and file the differential cases run against, one set per engine, made on
/// first use and removed at exit.
pub struct ExecFixture {
    env: Env,
    running: String,
    stopped: String,
    env_file: PathBuf,
}

static FIXTURE: [OnceLock<Result<ExecFixture, String>>; 2] = [OnceLock::new(), OnceLock::new()];
/// The hosts and names to remove at exit (registered before anything is made).
static MADE: std::sync::Mutex<Vec<(String, String)>> = std::sync::Mutex::new(Vec::new());

extern "C" fn remove_fixtures() {
    let made = MADE.lock().map(|m| m.clone()).unwrap_or_default();
    for (host, name) in made {
        let _ = Env::new(&host).docker(&["rm", "-f", &name]);
    }
    for f in FIXTURE.iter().filter_map(|f| f.get()).flatten() {
        let _ = std::fs::remove_dir_all(f.env.config.path());
    }
}

/// The fixture of the current engine; `None` when engine tests are skipped on purpose.
pub fn exec_fixture() -> Option<&'static ExecFixture> {
    let host = engine_host()?;
    let made = FIXTURE[Engine::current() as usize].get_or_init(|| {
        std::panic::catch_unwind(|| ExecFixture::create(&host)).map_err(|e| {
            e.downcast_ref::<String>()
                .cloned()
                .unwrap_or_else(|| "exec fixture setup panicked".to_string())
        })
    });
    match made {
        Ok(f) => Some(f),
        Err(e) => panic!("exec fixture setup failed earlier in this run: {e}"),
    }
}

impl ExecFixture {
    fn create(host: &str) -> ExecFixture {
        static REGISTERED: std::sync::Once = std::sync::Once::new();
        // SAFETY: registering a plain extern "C" function to run at process exit.
        REGISTERED.call_once(|| unsafe {
            libc::atexit(remove_fixtures);
        });
        let env = Env::new(host);
        let running = crate::support::unique("execfix-run");
        let stopped = crate::support::unique("execfix-stopped");
        if let Ok(mut m) = MADE.lock() {
            m.push((host.to_string(), running.clone()));
            m.push((host.to_string(), stopped.clone()));
        }
        env.docker_ok(&["run", "-d", "--name", &running, "busybox", "sleep", "3600"]);
        env.docker_ok(&["create", "--name", &stopped, "busybox", "true"]);
        let env_file = env.config.join("exec.env");
        std::fs::write(
            &env_file,
            "# comment\nFOO=from file\n  SPACED=x y  \nDKR_EXEC_TEST_UNSET\n",
        )
        .expect("write env file");
        ExecFixture {
            env,
            running,
            stopped,
            env_file,
        }
    }

    /// The running container's name.
    pub fn running_name(&self) -> &str {
        &self.running
    }

    fn args(&self, args: &[&str]) -> Vec<String> {
        args.iter()
            .map(|a| {
                a.replace("{C}", &self.running)
                    .replace("{S}", &self.stopped)
                    .replace("{F}", &self.env_file.to_string_lossy())
            })
            .collect()
    }

    pub fn compare(&self, args: &[&str]) {
        self.compare_input(args, Input::Null);
    }

    fn compare_input(&self, args: &[&str], input: Input) -> crate::support::Outcome {
        let args = self.args(args);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        self.env.compare_input(&args, input)
    }
}

differential! {
    with exec_fixture();
    exec_echo: ["exec", "{C}", "echo", "hi"];
    container_exec_echo: ["container", "exec", "{C}", "echo", "hi"];
    exec_exit_code: ["exec", "{C}", "sh", "-c", "exit 3"];
    exec_stdout_and_stderr: ["exec", "{C}", "sh", "-c", "echo out; echo err >&2; exit 2"];
    exec_workdir: ["exec", "-w", "/tmp", "{C}", "pwd"];
    exec_user: ["exec", "-u", "nobody", "{C}", "id"];
    exec_user_uid_gid: ["exec", "--user", "1234:5678", "{C}", "id"];
    exec_unknown_user: ["exec", "-u", "no-such-user", "{C}", "id"];
    exec_env: ["exec", "-e", "A=1", "-e", "B=two words", "--env=C=", "{C}", "sh", "-c", "echo \"$A|$B|$C\""];
    exec_env_file: ["exec", "--env-file", "{F}", "-e", "FOO=flag", "{C}", "sh", "-c", "echo \"$FOO|$SPACED|${DKR_EXEC_TEST_UNSET-unset}\""];
    exec_env_file_missing: ["exec", "--env-file", "/nonexistent/exec.env", "{C}", "true"];
    exec_bad_env: ["exec", "-e", "=x", "{C}", "true"];
    exec_no_such_container: ["exec", "lc-no-such-container", "true"];
    exec_empty_container: ["exec", "", "true"];
    exec_without_args: ["exec"];
    exec_without_command: ["exec", "{C}"];
    exec_not_running: ["exec", "{S}", "true"];
    exec_detach: ["exec", "-d", "{C}", "sleep", "1"];
    exec_detach_missing_command: ["exec", "-d", "{C}", "nope-no-such-command"];
    exec_it_without_a_terminal: ["exec", "-it", "{C}", "true"];
    exec_it_missing_container: ["exec", "-it", "lc-no-such-container", "true"];
    exec_tty_output: ["exec", "-t", "{C}", "sh", "-c", "echo out; echo err >&2; exit 5"];
    exec_privileged: ["exec", "--privileged", "{C}", "sh", "-c", "echo ok"];
    exec_flags_after_the_container_are_the_commands: ["exec", "{C}", "ls", "-d", "-e", "/tmp"];
    exec_unknown_flag: ["exec", "--bogus", "{C}", "true"];
    exec_detach_keys: ["exec", "--detach-keys", "ctrl-x,y", "{C}", "echo", "hi"];
    exec_bad_detach_keys: ["exec", "--detach-keys", "bogus", "{C}", "echo", "hi"];
    exec_interactive_without_input: ["exec", "-i", "{C}", "cat"];
    exec_help: ["exec", "--help"];
    container_exec_help: ["container", "exec", "--help"];
}

/// Docker only: Podman 4.3 follows these failures to start the process with `Error: read
/// unixpacket …: connection reset by peer` on some runs and not on others, for docker and dkr
/// alike (seen for `-w /nonexistent` and for `/etc`), so a comparison on Podman is a coin toss.
#[test]
fn exec_process_fails_to_start() {
    let Some(f) = Engine::Docker.run(exec_fixture) else {
        return;
    };
    f.compare(&["exec", "-w", "/nonexistent", "{C}", "pwd"]);
    f.compare(&["exec", "{C}", "nope-no-such-command"]);
    f.compare(&["exec", "{C}", "/etc"]);
    f.compare(&["exec", "-t", "{C}", "nope-no-such-command"]);
}

on_both_engines! {
    fn exec_flags_an_old_api_lacks() {
        let e = engine_or_skip!().var("DOCKER_API_VERSION", "1.24");
        e.compare(&["exec", "-e", "A=1", "-w", "/tmp", "--env-file", "x", "c", "true"]);
        e.compare(&["exec", "-w", "/tmp", "lc-no-such-container", "true"]);
    }
}

on_both_engines! {
    fn exec_paused_container() {
        let e = engine_or_skip!();
        let name = crate::support::unique("exec-paused");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "300"]);
        e.docker_ok(&["pause", &name]);
        let out = e.compare(&["exec", &name, "true"]);
        assert_eq!(out.code, 1, "{out}");
        e.docker_ok(&["unpause", &name]);
    }
}

/// A closed stdout: docker's exec catches no SIGPIPE, so both die of it (141), with and
/// without a TTY.
#[test]
fn exec_closed_stdout_is_sigpipe() {
    let Some(f) = Engine::Docker.run(exec_fixture) else {
        return;
    };
    for tty in [false, true] {
        let mut codes = Vec::new();
        for program in [docker_bin(), dkr_bin().to_string()] {
            let mut args = vec!["exec"];
            if tty {
                args.push("-t");
            }
            // Bounded: once the client is gone, nothing reads the exec's output, and an
            // endless `yes` would stay in the fixture container.
            args.extend([f.running.as_str(), "timeout", "30", "yes"]);
            let mut cmd = f.env.command(&program, &args);
            cmd.stdin(std::process::Stdio::null());
            cmd.stdout(std::process::Stdio::piped());
            cmd.stderr(std::process::Stdio::piped());
            let mut child = cmd.spawn().expect("spawn");
            {
                use std::io::Read;
                let mut first = [0u8; 2];
                let mut out = child.stdout.take().expect("stdout");
                out.read_exact(&mut first).expect("first line");
            }
            let out = child.wait_with_output().expect("wait");
            codes.push((
                crate::support::exit_code(out.status),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            ));
        }
        assert_eq!(codes[0], codes[1], "tty {tty}: docker vs dkr");
        assert_eq!(codes[1].0, 141, "tty {tty}");
    }
}

on_both_engines! {
    fn exec_interactive_pipes_stdin_through() {
        let Some(f) = exec_fixture() else { return };
        let input = b"line one\nline two\n\x00\xffbinary\n";
        let out = f.compare_input(&["exec", "-i", "{C}", "sh", "-c", "cat; echo done >&2"], Input::Bytes(input));
        assert_eq!(out.stdout, input);
        assert_eq!((out.err(), out.code), ("done\n".to_string(), 0));
        // Without -i the command's stdin is empty.
        let out = f.compare_input(&["exec", "{C}", "sh", "-c", "wc -c"], Input::Bytes(input));
        assert_eq!(out.out().trim(), "0");
    }
}

on_both_engines! {
    fn exec_detach_runs_in_the_background() {
        let Some(f) = exec_fixture() else { return };
        let marker = format!("/tmp/{}", crate::support::unique("mark"));
        let script = format!("sleep 0.3; touch {marker}");
        let out = f.env.dkr(&f.args(&["exec", "-d", "{C}", "sh", "-c", &script]).iter().map(String::as_str).collect::<Vec<_>>());
        assert_eq!((out.code, out.out(), out.err()), (0, String::new(), String::new()));
        let running = f.running.clone();
        assert!(crate::support::eventually(Duration::from_secs(10), || {
            f.env.docker(&["exec", &running, "test", "-e", &marker]).code == 0
        }));
    }
}

/// 100 MB of random bytes into `exec -i … ` and back out, compared by SHA-256 with what the
/// container saw: stdin half-closed at EOF, nothing lost or reordered either way.
#[test]
fn exec_carries_100_mb_both_ways() {
    let Some(f) = Engine::Docker.run(exec_fixture) else {
        return;
    };
    let dir = TempDir::new("exec-100mb");
    let input = dir.join("in");
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&input).expect("create input");
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut block = vec![0u8; 1 << 20];
        for _ in 0..100 {
            for b in block.iter_mut() {
                // xorshift: incompressible enough, and the same every run.
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *b = state as u8;
            }
            file.write_all(&block).expect("write input");
        }
    }
    let want = sha256_file(&input);
    let start = std::time::Instant::now();
    let script = "tee /tmp/exec-100mb | cat; sha256sum /tmp/exec-100mb >&2; rm -f /tmp/exec-100mb";
    let mut cmd = f
        .env
        .command(dkr_bin(), &["exec", "-i", &f.running, "sh", "-c", script]);
    cmd.stdin(std::fs::File::open(&input).expect("open input"));
    let out_path = dir.join("out");
    cmd.stdout(std::fs::File::create(&out_path).expect("create output"));
    cmd.stderr(std::process::Stdio::piped());
    let out = cmd.output().expect("run dkr exec");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "dkr exec: {err}");
    assert_eq!(
        err.split_whitespace().next(),
        Some(want.as_str()),
        "the container got other bytes"
    );
    assert_eq!(sha256_file(&out_path), want, "other bytes came back");
    eprintln!(
        "integrity: 100 MB into exec -i and back in {:?}, sha256 equal",
        start.elapsed()
    );
}

fn sha256_file(path: &std::path::Path) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .expect("sha256sum");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string()
}

/// Each request `exec` makes, broken by the proxy in every way: a clear error and a non-zero
/// exit, never a hang or a panic; a delay changes nothing.
#[test]
fn exec_requests_survive_faults() {
    let Some(f) = Engine::Docker.run(exec_fixture) else {
        return;
    };
    let c = f.running.as_str();
    let cases: [(&str, Vec<&str>, &str, &str); 6] = [
        ("inspect", vec!["exec", c, "echo", "hi"], "/json", "GET"),
        ("create", vec!["exec", c, "echo", "hi"], "/exec", "POST"),
        (
            "start (attached)",
            vec!["exec", c, "echo", "hi"],
            "/start",
            "POST",
        ),
        (
            "inspect exec",
            vec!["exec", c, "sh", "-c", "exit 3"],
            "/exec/",
            "GET",
        ),
        (
            "start (detached)",
            vec!["exec", "-d", c, "true"],
            "/start",
            "POST",
        ),
        ("create (-i)", vec!["exec", "-i", c, "cat"], "/exec", "POST"),
    ];
    check_faults(&f.env.host, &cases);
}

/// The faults every new request is put through: the fault matrix's, and an error answer with
/// escape sequences in it.
fn faults() -> Vec<Fault> {
    let mut v = crate::faults::faults();
    v.push(Fault::HostileError);
    v
}

/// Run each `(label, args, path, method)` through a fault proxy with every fault of
/// [`faults`]: never hung or panicking; a broken answer is a non-zero exit with a message
/// (unless docker, through the same proxy, exits 0 too: a hijacked stream cut between frames
/// looks like its end); a delay gives the undisturbed exit code.
pub fn check_faults(host: &str, cases: &[(&str, Vec<&str>, &str, &str)]) {
    let mut problems = Vec::new();
    for (label, args, path, method) in cases {
        let proxy = FaultProxy::start(host, Vec::new());
        let cfg = TempDir::new("exec-flt");
        let once_with = |program: &str, fault: &Fault| {
            proxy.set_rules(vec![Rule::new(path, fault.clone()).method(method)]);
            proxy.clear_seen();
            let run = Running::spawn(cli(program, &proxy.host(), cfg.path(), args))
                .finish(Duration::from_secs(10));
            let seen = proxy.seen();
            let broken = seen
                .iter()
                .any(|s| s.fault == *fault && (fault.is_synthetic() || s.truncated));
            (run, broken)
        };
        let once = |fault: &Fault| once_with(dkr_bin(), fault);
        let (baseline, _) = once(&Fault::Pass);
        for fault in faults() {
            let (run, broken) = once(&fault);
            let what = format!("{label} ({}) with {fault:?}", args.join(" "));
            if run.hung {
                problems.push(format!("{what}: hung"));
            }
            if run.panicked() {
                problems.push(format!("{what}: panicked: {}", run.stderr));
            }
            if broken && run.code == 0 {
                let (docker, _) = once_with(&docker_bin(), &fault);
                if docker.code != 0 {
                    problems.push(format!(
                        "{what}: exit 0 on a broken answer (docker: {})",
                        docker.code
                    ));
                }
            }
            if run.code != 0 && run.code != baseline.code && run.stderr.trim().is_empty() {
                problems.push(format!("{what}: exit {} without a message", run.code));
            }
            if matches!(fault, Fault::Delay(_)) && run.code != baseline.code {
                problems.push(format!(
                    "{what}: exit {} where the undisturbed run gave {}",
                    run.code, baseline.code
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
