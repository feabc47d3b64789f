//! A private dockerd that may be SIGKILLed and restarted without touching the shared test
//! engine (the reliability tests in `faults.rs`), nor any network interface it did not create.

use std::io::{Read, Write};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A dockerd of our own (own data root, exec root, socket, containerd namespace and bridge),
/// sharing the test engine's containerd, so it can be SIGKILLed and restarted without touching
/// the engine other tests use. Removed (containers, daemon, bridge, state) on drop.
pub struct PrivateEngine {
    pub root: PathBuf,
    pub host: String,
    /// The bridge made for it (`dkrf<pid>-<n>`), as tests/engine.sh makes `dkrtest0`.
    pub bridge: String,
    args: Vec<String>,
    pid: Mutex<Option<i32>>,
    restarts: AtomicUsize,
}

impl PrivateEngine {
    /// Start it next to the shared test engine (`DKR_TEST_ROOT`), with busybox loaded from there.
    pub fn start(shared_host: &str) -> PrivateEngine {
        let test_root =
            std::env::var("DKR_TEST_ROOT").unwrap_or_else(|_| "/tmp/dkr-test".to_string());
        let containerd = format!("{test_root}/containerd.sock");
        assert!(
            Path::new(&containerd).exists(),
            "the test engine's containerd ({containerd}) is not there"
        );
        // Several may run at once (tests in parallel): each has its own number.
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let pid = std::process::id();
        // Short: Unix socket paths below the root must stay under 108 bytes.
        let root = PathBuf::from(format!("/tmp/dkrflt-{pid}-{n}"));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("exec")).unwrap();
        std::fs::create_dir_all(root.join("data")).unwrap();
        let ns = format!("dkrflt{pid}n{n}");
        // Interface names have at most 15 bytes: "dkrf" + a pid (at most 7 digits) + "-n".
        let bridge = format!("dkrf{pid}-{n}");
        std::fs::write(
            root.join("daemon.json"),
            format!(
                "{{\"deprecated-key-path\": \"{}/key.json\"}}\n",
                root.display()
            ),
        )
        .unwrap();
        let sock = root.join("d.sock");
        let args: Vec<String> = [
            "--host".to_string(),
            format!("unix://{}", sock.display()),
            "--data-root".into(),
            root.join("data").display().to_string(),
            "--exec-root".into(),
            root.join("exec").display().to_string(),
            "--pidfile".into(),
            root.join("docker.pid").display().to_string(),
            "--config-file".into(),
            root.join("daemon.json").display().to_string(),
            "--containerd".into(),
            containerd,
            "--containerd-namespace".into(),
            ns.clone(),
            "--containerd-plugins-namespace".into(),
            format!("{ns}p"),
            // Never `--bridge none`: with no bridge, dockerd deletes the machine's `docker0` on
            // start-up (its default-bridge clean-up), cutting off a system dockerd's containers.
            "--bridge".into(),
            bridge.clone(),
            "--iptables=false".into(),
            "--ip-masq=false".into(),
            "--shutdown-timeout".into(),
            "2".into(),
            "--insecure-registry".into(),
            "127.0.0.0/8".into(),
        ]
        .into_iter()
        .collect();
        let e = PrivateEngine {
            host: format!("unix://{}", sock.display()),
            root,
            bridge,
            args,
            pid: Mutex::new(None),
            restarts: AtomicUsize::new(0),
        };
        // Made after `e` exists, so that a failure from here on still deletes it (Drop).
        make_bridge(&e.bridge, pid as usize * 8 + n);
        e.launch();
        // busybox from the shared engine: docker save | docker load.
        let mut save = Command::new(crate::support::docker_bin())
            .args(["-H", shared_host, "save", "busybox:latest"])
            .env_remove("DOCKER_CONTEXT")
            .stdout(Stdio::piped())
            .spawn()
            .expect("docker save");
        let load = Command::new(crate::support::docker_bin())
            .args(["-H", &e.host, "load", "-q"])
            .env_remove("DOCKER_CONTEXT")
            .stdin(save.stdout.take().expect("save stdout"))
            .output()
            .expect("docker load");
        let saved = save.wait().expect("docker save");
        assert!(saved.success(), "docker save busybox:latest failed");
        assert!(
            load.status.success(),
            "loading busybox into the private engine: {}",
            String::from_utf8_lossy(&load.stderr)
        );
        e
    }

    fn launch(&self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.root.join("dockerd.log"))
            .unwrap();
        let mut cmd = Command::new("dockerd");
        cmd.args(&self.args)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        // Its own session: a Ctrl-C at the test run must not reach it before we clean up.
        // SAFETY: setsid in the child between fork and exec is async-signal-safe.
        unsafe {
            use std::os::unix::process::CommandExt;
            cmd.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
        let child = cmd.spawn().expect("start dockerd (tests must run as root)");
        *self.pid.lock().unwrap() = Some(child.id() as i32);
        // Reap it in the background so a killed daemon does not linger as a zombie.
        std::thread::spawn(move || {
            let mut child = child;
            let _ = child.wait();
        });
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if self.ping() {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "private dockerd did not come up; log:\n{}",
                std::fs::read_to_string(self.root.join("dockerd.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// `GET /_ping` answers `OK`.
    pub fn ping(&self) -> bool {
        let Ok(mut s) = UnixStream::connect(self.root.join("d.sock")) else {
            return false;
        };
        let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
        if s.write_all(b"GET /_ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .is_err()
        {
            return false;
        }
        let mut resp = String::new();
        let _ = s.read_to_string(&mut resp);
        resp.starts_with("HTTP/1.1 200") && resp.ends_with("OK")
    }

    /// SIGKILL the daemon (its containers' shims live on in containerd).
    pub fn kill(&self) {
        if let Some(pid) = self.pid.lock().unwrap().take() {
            // SAFETY: signalling the dockerd we started.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            let gone = Instant::now() + Duration::from_secs(10);
            while Path::new(&format!("/proc/{pid}")).exists() && Instant::now() < gone {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
    }

    /// Start it again after [`PrivateEngine::kill`].
    pub fn restart(&self) {
        self.restarts.fetch_add(1, Ordering::SeqCst);
        let _ = std::fs::remove_file(self.root.join("docker.pid"));
        self.launch();
    }

    /// The reference CLI against this engine (setup and cleanup).
    pub fn docker(&self, args: &[&str]) -> std::process::Output {
        Command::new(crate::support::docker_bin())
            .args(["-H", &self.host])
            .args(args)
            .env_remove("DOCKER_CONTEXT")
            .env_remove("DOCKER_HOST")
            .stdin(Stdio::null())
            .output()
            .expect("docker")
    }

    pub fn docker_ok(&self, args: &[&str]) -> String {
        let out = self.docker(args);
        assert!(
            out.status.success(),
            "docker {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Remove every container (in batches).
    pub fn remove_all_containers(&self) {
        let ids = self.docker_ok(&["ps", "-aq"]);
        let ids: Vec<&str> = ids.split_whitespace().collect();
        for batch in ids.chunks(200) {
            let mut args = vec!["rm", "-f"];
            args.extend_from_slice(batch);
            let _ = self.docker(&args);
        }
    }
}

impl Drop for PrivateEngine {
    fn drop(&mut self) {
        if self.ping() {
            self.remove_all_containers();
        }
        if let Some(pid) = self.pid.lock().unwrap().take() {
            // SAFETY: signalling the dockerd we started.
            unsafe { libc::kill(pid, libc::SIGTERM) };
            let gone = Instant::now() + Duration::from_secs(20);
            while Path::new(&format!("/proc/{pid}")).exists() && Instant::now() < gone {
                std::thread::sleep(Duration::from_millis(50));
            }
            // SAFETY: as above; it ignored SIGTERM for too long.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        // Whatever is still mounted below the root goes first, deepest first.
        if let Ok(info) = std::fs::read_to_string("/proc/self/mountinfo") {
            let prefix = format!("{}/", self.root.display());
            let mut mounts: Vec<&str> = info
                .lines()
                .filter_map(|l| l.split(' ').nth(4))
                .filter(|m| m.starts_with(&prefix))
                .collect();
            mounts.sort_unstable_by(|a, b| b.cmp(a));
            for m in mounts {
                let _ = Command::new("umount").args(["-l", m]).status();
            }
        }
        let _ = std::fs::remove_dir_all(&self.root);
        // Only ever our own bridge, and only once our dockerd is gone.
        if link_exists(&self.bridge) {
            let _ = Command::new("ip")
                .args(["link", "del", &self.bridge])
                .status();
        }
    }
}

fn link_exists(name: &str) -> bool {
    Command::new("ip")
        .args(["link", "show", name])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// A bridge of our own, up, with the first free 172.31.X.1/24 (X from 216, starting at `seed`
/// so that parallel runs rarely pick the same one): as tests/engine.sh's `make_bridge`.
fn make_bridge(name: &str, seed: usize) {
    let ip = |args: &[&str]| {
        let out = Command::new("ip").args(args).output().expect("run ip");
        assert!(
            out.status.success(),
            "ip {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    if link_exists(name) {
        ip(&["link", "del", name]);
    }
    let taken = ip(&["-o", "-4", "addr", "show"]);
    let subnet = (0..39)
        .map(|i| 216 + (seed + i) % 39)
        .find(|x| !taken.contains(&format!(" 172.31.{x}.")))
        .expect("a free 172.31.216-254.0/24 for the private engine's bridge");
    ip(&["link", "add", name, "type", "bridge"]);
    ip(&["addr", "add", &format!("172.31.{subnet}.1/24"), "dev", name]);
    ip(&["link", "set", name, "up"]);
}

/// The machine's network interfaces by name, each with its index, administrative flags and
/// master, from `ip -o link`. The carrier flags are left out: a bridge's carrier follows its
/// ports, which come and go with other tests' containers.
pub fn interfaces() -> std::collections::BTreeMap<String, String> {
    let out = Command::new("ip")
        .args(["-o", "link", "show"])
        .output()
        .expect("run ip");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            // "9: name@peer: <FLAGS> mtu 1500 ... master br ... state UP ..."
            let mut words = l.split_whitespace();
            let index = words.next()?.trim_end_matches(':');
            let name = words.next()?.trim_end_matches(':');
            let name = name.split('@').next()?.to_string();
            let flags: Vec<&str> = words
                .next()?
                .trim_matches(['<', '>'])
                .split(',')
                .filter(|f| !matches!(*f, "LOWER_UP" | "NO-CARRIER" | "M-DOWN" | "DORMANT"))
                .collect();
            let flags = flags.join(",");
            let master = l
                .split_once(" master ")
                .and_then(|(_, r)| r.split_whitespace().next())
                .unwrap_or("-");
            Some((name, format!("{index} {flags} master {master}")))
        })
        .collect()
}
