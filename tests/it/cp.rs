//! `dkr cp` against the real engines, beside docker: argument and path errors; copies out of
//! a container (files, directories, `/.`, links with and without `-L`, a fifo, raw tar on
//! stdout) and into one (files, directories, `/.`, `-a`, links, a raw tar on stdin), each
//! compared by the CLIs' output and by the files they leave; docker's closing line on a
//! terminal; 100 MB through `cp` both ways; broken answers through a fault proxy.
//!
//! A case runs docker in one host directory and dkr in a twin of it; copies into a container
//! go to twin containers made alike, so each CLI finds what the other left untouched.

use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::Duration;

use sha2::{Digest, Sha256};

use crate::support::env::{collect, Env};
use crate::support::process::{cli, Running};
use crate::support::proxy::{broken_answers, Fault, FaultProxy, Rule};
use crate::support::*;

differential! {
    cp_without_args: ["cp"];
    cp_one_arg: ["cp", "a"];
    cp_three_args: ["cp", "a", "b", "c"];
    cp_empty_source: ["cp", "", "x"];
    cp_empty_destination: ["cp", "x", ""];
    cp_no_container: ["cp", "a", "b"];
    cp_between_containers: ["cp", "a:/x", "b:/y"];
    cp_missing_container_out: ["cp", "lc-no-such-ctr:/etc/passwd", "/tmp"];
    cp_missing_container_to_stdout: ["cp", "lc-no-such-ctr:/x", "-"];
    cp_missing_container_in: ["cp", "/etc/hostname", "lc-no-such-ctr:/tmp"];
    cp_stdin_to_missing_container: ["cp", "-", "lc-no-such-ctr:/tmp"];
    cp_output_directory_missing: ["cp", "lc-x:/y", "/nonexistent-dkr/dir/f"];
    cp_local_source_missing: ["cp", "/nonexistent-dkr-src", "lc-no-such-ctr:/tmp"];
    cp_bad_flag: ["cp", "--bogus", "a", "b"];
    container_cp_no_container: ["container", "cp", "a", "b"];
}

/// What a container starts with: a file with a fixed time, a directory, links, a fifo.
const CONTAINER_SETUP: &str = "mkdir -p /d/sub && echo hi >/d/f && echo x >/d/sub/g \
    && ln -s /d/f /d/link && ln -s f /d/rlink && mkfifo /d/fifo \
    && touch -d '2020-01-02 03:04:05' /d/f /d/sub/g; sleep 600";

/// Start container `name` with [`CONTAINER_SETUP`] and wait until its files are there (the
/// fifo is made last).
fn start_fixture(env: &Env, name: &str) {
    env.run_sh_detached(name, CONTAINER_SETUP);
    assert!(
        eventually(Duration::from_secs(10), || env
            .docker(&["exec", name, "test", "-p", "/d/fifo"])
            .ok()),
        "container setup"
    );
}

/// Twin host directories (docker works in `a`, dkr in `b`) with the same files: `lf`, a
/// directory `ld` (a file with a fixed time, a symbolic and a hard link, a file owned by
/// 1234:1234, a subdirectory), and twin containers.
struct Twins {
    env: Env,
    a: TempDir,
    b: TempDir,
    ca: String,
    cb: String,
}

fn fill(dir: &Path) {
    let w = |p: &str, s: &str| std::fs::write(dir.join(p), s).unwrap();
    w("lf", "local\n");
    std::fs::create_dir_all(dir.join("ld/sub")).unwrap();
    w("ld/q", "q\n");
    w("ld/sub/z", "z\n");
    w("ld/owned", "o\n");
    std::os::unix::fs::symlink("q", dir.join("ld/sl")).unwrap();
    std::fs::hard_link(dir.join("ld/q"), dir.join("ld/hl")).unwrap();
    std::os::unix::fs::chown(dir.join("ld/owned"), Some(1234), Some(1234)).unwrap();
    let status = std::process::Command::new("touch")
        .args(["-d", "2021-02-03 04:05:06"])
        .arg(dir.join("ld/q"))
        .arg(dir.join("lf"))
        .status()
        .unwrap();
    assert!(status.success());
}

impl Twins {
    fn new(env: Env, what: &str) -> Twins {
        let (a, b) = (TempDir::new("cp-a"), TempDir::new("cp-b"));
        fill(a.path());
        fill(b.path());
        let (ca, cb) = (unique(&format!("{what}-a")), unique(&format!("{what}-b")));
        for c in [&ca, &cb] {
            start_fixture(&env, c);
        }
        Twins { env, a, b, ca, cb }
    }

    /// The arguments with `{H}` (the host directory) and `{C}` (the container) filled in.
    fn args(&self, args: &[&str], dkr: bool, same_container: bool) -> Vec<String> {
        let (h, c) = match (dkr, same_container) {
            (false, _) => (self.a.path(), &self.ca),
            (true, true) => (self.b.path(), &self.ca),
            (true, false) => (self.b.path(), &self.cb),
        };
        args.iter()
            .map(|s| s.replace("{H}", h.to_str().unwrap()).replace("{C}", c))
            .collect()
    }

    /// Run the case with both CLIs (from the twin directories; into the twin containers
    /// unless `same_container`) and require the same output, exit code and files.
    fn compare(&self, args: &[&str], same_container: bool, input: &[u8]) -> Outcome {
        let run = |dkr: bool| {
            let a = self.args(args, dkr, same_container);
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let (program, dir) = if dkr {
                (dkr_bin().to_string(), self.b.path())
            } else {
                (docker_bin(), self.a.path())
            };
            let mut cmd = self.env.command(&program, &a);
            cmd.current_dir(dir)
                .stdin(std::process::Stdio::piped())
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            let mut child = cmd.spawn().unwrap();
            let mut stdin = child.stdin.take().unwrap();
            let data = input.to_vec();
            let w = std::thread::spawn(move || {
                use std::io::Write;
                let _ = stdin.write_all(&data);
            });
            let out = collect(child, Duration::from_secs(120), &a.join(" "));
            let _ = w.join();
            out
        };
        let want = normalize_docker(&run(false));
        let got = run(true);
        let swap = |b: &[u8]| -> Vec<u8> {
            let Ok(s) = std::str::from_utf8(b) else {
                return b.to_vec();
            };
            let s = s
                .replace(
                    self.a.path().to_str().unwrap(),
                    self.b.path().to_str().unwrap(),
                )
                .replace(&self.ca, if same_container { &self.ca } else { &self.cb });
            // docker's archive goroutine may log a closed pipe when a copy is refused; the
            // race decides whether it does.
            s.lines()
                .filter(|l| !l.starts_with("time=\""))
                .map(|l| format!("{l}\n"))
                .collect::<String>()
                .into_bytes()
        };
        // stdout is a raw tar or nothing: compared as it is.
        let want = Outcome {
            stdout: want.stdout.clone(),
            stderr: swap(&want.stderr),
            code: want.code,
        };
        if !skip_comparison() {
            assert!(
                want == got,
                "dkr {} differs from docker\n{}",
                shell_words(args),
                diff_report(&want, &got)
            );
            assert_eq!(
                host_tree(self.a.path()),
                host_tree(self.b.path()),
                "host files after {args:?}"
            );
            if !same_container {
                assert_eq!(
                    container_tree(&self.env, &self.ca),
                    container_tree(&self.env, &self.cb),
                    "container files after {args:?}"
                );
            }
        }
        got
    }
}

impl Drop for Twins {
    fn drop(&mut self) {
        self.env.rm(&[&self.ca, &self.cb]);
    }
}

/// A modification time as compared: the exact second when it was set on purpose (before
/// 2025), else "now" (made during the test, a second apart between the twins).
fn when(secs: i64) -> String {
    if secs < 1_735_689_600 {
        secs.to_string()
    } else {
        "now".to_string()
    }
}

/// Every entry under `dir` (but `dir` itself): name, type, mode, owner, size, link target,
/// time, content hash.
fn host_tree(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let m = std::fs::symlink_metadata(&p).unwrap();
            let ft = m.file_type();
            let rel = p.strip_prefix(dir).unwrap().display().to_string();
            let link = std::fs::read_link(&p)
                .map(|l| l.display().to_string())
                .unwrap_or_default();
            let hash = if ft.is_file() {
                hex(&Sha256::digest(std::fs::read(&p).unwrap()))
            } else {
                String::new()
            };
            let size = if ft.is_dir() { 0 } else { m.len() };
            out.push(format!(
                "{rel} {:o} {}:{} {size} {link} {} {hash}",
                m.mode(),
                m.uid(),
                m.gid(),
                when(m.mtime())
            ));
            if ft.is_dir() {
                stack.push(p);
            }
        }
    }
    out.sort();
    out
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The same for `/d` and `/n*` in a container.
fn container_tree(env: &Env, name: &str) -> Vec<String> {
    let script = "for f in $(find /d /n* 2>/dev/null | sort); do \
        s=$(stat -c '%n|%F|%a|%u:%g|%s|%Y' \"$f\"); \
        l=$(readlink \"$f\"); h=; [ -f \"$f\" ] && [ ! -L \"$f\" ] && h=$(md5sum <\"$f\"); \
        echo \"$s|$l|$h\"; done";
    let out = env.docker_ok(&["exec", name, "sh", "-c", script]);
    out.lines()
        .map(|l| {
            let mut f: Vec<String> = l.split('|').map(str::to_string).collect();
            if f.len() > 5 {
                f[5] = when(f[5].parse().unwrap_or(0));
                // A directory's size and time follow what was put in it and when.
                if f[1] == "directory" {
                    f[4].clear();
                    f[5].clear();
                }
            }
            f.join("|")
        })
        .collect()
}

/// Copies out of a container (read only: both CLIs read the same container).
const FROM: &[&[&str]] = &[
    &["cp", "{C}:/d/f", "{H}/out"],
    &["cp", "{C}:/d", "{H}/dcopy"],
    &["cp", "{C}:/d/.", "{H}/dot"],
    &["cp", "{C}:/d/", "{H}/ld"],
    &["cp", "{C}:/d/sub/.", "{H}/ld"],
    &["cp", "{C}:/d/f", "{H}/lf"],
    &["cp", "{C}:/d/f", "{H}/ld"],
    &["cp", "{C}:/d/link", "{H}/lnk"],
    &["cp", "-L", "{C}:/d/link", "{H}/lnk2"],
    &["cp", "--follow-link", "{C}:/d/rlink", "{H}/rl"],
    &["cp", "{C}:/d/fifo", "{H}/ff"],
    &["cp", "-a", "{C}:/d", "{H}/arch"],
    &["cp", "-q=false", "{C}:/d", "{H}/q"],
    &["cp", "{C}:/nonexist", "{H}/x"],
    &["cp", "{C}:/d/f", "{H}/lf/"],
    &["cp", "{C}:/d", "{H}/ld/q"],
    &["cp", "{C}:/d/f", "{H}/nonexist/x"],
    &["cp", "{C}:", "{H}/x"],
    &["cp", "{C}:/d/f", "-"],
    &["cp", "{C}:/d", "-"],
    &["cp", "{C}:/nonexist", "-"],
];

on_both_engines! {
    fn cp_out_of_a_container() {
        let e = engine_or_skip!();
        let t = Twins::new(e, "cp-from");
        for args in FROM {
            t.compare(args, true, b"");
        }
        // A relative destination is taken from the working directory.
        t.compare(&["cp", "{C}:/d/sub", "rel"], true, b"");
        let out = t.compare(&["cp", "{C}:/d/f", "-"], true, b"");
        assert_eq!(&out.stdout[..4], b"f\0\0\0", "a raw tar: {out:?}");
    }
}

/// Copies into a container, in order: each CLI's container gets the same sequence.
const TO: &[&[&str]] = &[
    &["cp", "{H}/lf", "{C}:/d/"],
    &["cp", "{H}/lf", "{C}:/d/newfile"],
    &["cp", "{H}/ld", "{C}:/d"],
    &["cp", "{H}/ld", "{C}:/n1"],
    &["cp", "{H}/ld/.", "{C}:/d/sub"],
    &["cp", "{H}/ld/", "{C}:/n2"],
    &["cp", "-a", "{H}/ld", "{C}:/n3"],
    &["cp", "{H}/ld/sl", "{C}:/d"],
    &["cp", "-L", "{H}/ld/sl", "{C}:/d/x"],
    &["cp", "{H}/lf", "{C}:/d/link"],
    &["cp", "-q=false", "{H}/lf", "{C}:/d/q"],
    &["cp", "{H}/lf", "{C}:/d/f/"],
    &["cp", "{H}/ld", "{C}:/d/f"],
    &["cp", "{H}/nonexistlocal", "{C}:/d"],
    &["cp", "{H}/lf", "{C}:/nonexist/x"],
    &["cp", "-", "{C}:/d/f"],
];

on_both_engines! {
    fn cp_into_a_container() {
        let e = engine_or_skip!();
        let t = Twins::new(e, "cp-to");
        for args in TO {
            t.compare(args, false, b"");
        }
        // A raw tar on stdin, into a directory; 0B counted, as docker counts it.
        let mut b = ::tar::Builder::new(Vec::new());
        let mut h = ::tar::Header::new_gnu();
        h.set_path("fromstdin").unwrap();
        h.set_size(3);
        h.set_mode(0o600);
        h.set_mtime(1_600_000_000);
        h.set_cksum();
        b.append(&h, &b"abc"[..]).unwrap();
        let tar = b.into_inner().unwrap();
        let out = t.compare(&["cp", "-q=false", "-", "{C}:/d"], false, &tar);
        assert_eq!(out.err(), format!("Successfully copied 0B to {}:/d\n", t.cb));
        t.compare(&["cp", "-", "{C}:/d"], false, b"not a tar");
    }
}

on_both_engines! {
    fn cp_owner_with_and_without_archive_mode() {
        let e = engine_or_skip!();
        let t = Twins::new(e, "cp-own");
        t.compare(&["cp", "{H}/ld/owned", "{C}:/n1"], false, b"");
        t.compare(&["cp", "-a", "{H}/ld/owned", "{C}:/n2"], false, b"");
        // What the owner becomes is the engine's choice (Docker keeps the archive's either
        // way for a root container; Podman 4 gives root with -a); both CLIs ask alike.
        let tree = container_tree(&t.env, &t.cb).join("\n");
        assert!(tree.contains("/n1|regular file|644|1234:1234|"), "{tree}");
    }
}

on_both_engines! {
    fn cp_says_what_it_copied_on_a_terminal() {
        let e = engine_or_skip!();
        let t = Twins::new(e, "cp-tty");
        let screen = |program: &str, dir: &Path, args: &str| {
            let line = format!("cd {} && {program} cp {args}", dir.display());
            let out = t.env.command("script", &["-qfec", &line, "/dev/null"]).output().unwrap();
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        for args in [
            format!("{{H}}/ld {}:/n1", "{C}"),
            format!("{}:/d {{H}}/out", "{C}"),
            format!("{}:/d/f .", "{C}"),
            format!("-q {}:/d {{H}}/quiet", "{C}"),
            format!("{}:/nonexist {{H}}/x", "{C}"),
        ] {
            let fill = |h: &Path, c: &str| args.replace("{H}", h.to_str().unwrap()).replace("{C}", c);
            let want = screen(&docker_bin(), t.a.path(), &fill(t.a.path(), &t.ca))
                .replace(t.a.path().to_str().unwrap(), t.b.path().to_str().unwrap())
                .replace(&t.ca, &t.cb);
            let got = screen(dkr_bin(), t.b.path(), &fill(t.b.path(), &t.cb));
            assert_eq!(got, want, "{args}");
        }
        let got = screen(dkr_bin(), t.b.path(), &format!("{}/lf {}:/d", t.b.path().display(), t.cb));
        assert_eq!(got, format!("Successfully copied 2.05kB to {}:/d\r\n", t.cb));
    }
}

on_both_engines! {
    fn cp_carries_100_mb_both_ways_intact() {
        let e = engine_or_skip!();
        let name = unique("cp-big");
        let _c = e.cleanup(&[&name]);
        e.docker_ok(&["run", "-d", "--name", &name, "busybox", "sleep", "600"]);
        let dir = TempDir::new("cp-big");
        let src = dir.join("big");
        let sh = |script: &str| -> String {
            let out = std::process::Command::new("sh").args(["-c", script]).output().unwrap();
            assert!(out.status.success(), "{script}: {out:?}");
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        };
        let sum = |path: &Path| sh(&format!("sha256sum <'{}' | cut -d' ' -f1", path.display()));
        sh(&format!("head -c 100000000 /dev/urandom >'{}'", src.display()));
        let want = sum(&src);
        let out = e.dkr(&["cp", src.to_str().unwrap(), &format!("{name}:/big")]);
        assert_eq!((out.code, out.err()), (0, String::new()));
        let inside = e.docker_ok(&["exec", &name, "sha256sum", "/big"]);
        assert_eq!(inside.split_whitespace().next(), Some(want.as_str()));
        let back = dir.join("back");
        let out = e.dkr(&["cp", &format!("{name}:/big"), back.to_str().unwrap()]);
        assert_eq!((out.code, out.err()), (0, String::new()));
        assert_eq!(sum(&back), want);
        assert_eq!(std::fs::metadata(&back).unwrap().len(), 100_000_000);
        // And as a raw tar on stdout: one entry holding the same bytes.
        let piped = sh(&format!(
            "DOCKER_HOST='{}' '{}' cp {name}:/big - | tar -xOf - | sha256sum | cut -d' ' -f1",
            e.host,
            dkr_bin()
        ));
        assert_eq!(piped, want);
    }
}

/// `cp --help` is docker's, in both spellings.
#[test]
fn cp_help_matches_docker() {
    let Some(host) = engine_host() else { return };
    let env = Env::new(&host);
    env.compare(&["-H", "unix:///nonexistent-dkr.sock", "cp", "--help"]);
    env.compare(&[
        "-H",
        "unix:///nonexistent-dkr.sock",
        "container",
        "cp",
        "--help",
    ]);
}

/// Broken answers to each archive request (`HEAD` stat, `GET` read, `PUT` write) through a
/// fault proxy in front of the test engine: never a hang or a panic, and a failure is an
/// exit code with a message.
#[test]
fn cp_survives_broken_answers() {
    let Some(host) = engine_host() else { return };
    let env = Env::new(&host);
    let name = unique("cp-fault");
    let _c = env.cleanup(&[&name]);
    start_fixture(&env, &name);
    let dir = TempDir::new("cp-fault");
    std::fs::write(dir.join("lf"), "local\n").unwrap();
    let local = dir.join("lf").display().to_string();
    let out_path = dir.join("out").display().to_string();
    let proxy = FaultProxy::start(&host, Vec::new());
    let cases: [(&str, Vec<String>); 4] = [
        (
            "GET",
            vec!["cp".into(), format!("{name}:/d"), out_path.clone()],
        ),
        ("GET", vec!["cp".into(), format!("{name}:/d/f"), "-".into()]),
        (
            "PUT",
            vec!["cp".into(), local.clone(), format!("{name}:/d/")],
        ),
        (
            "HEAD",
            vec!["cp".into(), local.clone(), format!("{name}:/d/")],
        ),
    ];
    for (method, args) in &cases {
        for fault in broken_answers() {
            let _ = std::fs::remove_dir_all(dir.join("out"));
            proxy.set_rules(vec![Rule::new("/archive", fault.clone()).method(method)]);
            proxy.clear_seen();
            let cfg = TempDir::new("cp-fault-cfg");
            let a: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = Running::spawn(cli(dkr_bin(), &proxy.host(), cfg.path(), &a))
                .finish(Duration::from_secs(20));
            let what = format!(
                "{method} {fault:?} {args:?}: exit {} {:?}",
                run.code, run.stderr
            );
            assert!(!run.hung, "{what}: hung");
            assert!(!run.stderr.contains("panicked"), "{what}");
            if run.code != 0 {
                assert!(!run.stderr.trim().is_empty(), "{what}: no message");
            }
            // A stat (HEAD) that fails only makes the copy guess the destination, as docker's
            // does.
            let broken = proxy.broke(&fault);
            if broken && *method != "HEAD" && run.code == 0 {
                // Only where docker, given the same answer, succeeds too (a `PUT` whose 200
                // carries a bad body: the answer's body is never read).
                let _ = std::fs::remove_dir_all(dir.join("out"));
                let docker = Running::spawn(cli(&docker_bin(), &proxy.host(), cfg.path(), &a))
                    .finish(Duration::from_secs(20));
                // docker can also lose a race with the proxy, which answers before it has read
                // the whole body: its write then fails with EPIPE, which says nothing of the
                // answer.
                assert!(
                    docker.code == 0 || docker.hung || docker.stderr.contains("write: broken pipe"),
                    "{what}: success on a broken answer (docker: exit {} {:?})",
                    docker.code,
                    docker.stderr
                );
            }
            if matches!(fault, Fault::Pass | Fault::Delay(_)) {
                assert_eq!(run.code, 0, "{what}");
            }
        }
    }
}
