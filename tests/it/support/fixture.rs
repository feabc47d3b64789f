//! The fixture of the `ps` and `images` differential tests.
//!
//! It (created once per run with the reference CLI, removed at exit) is a set of
//! containers named `dkrps<pid>-…` in different states — running with published port ranges,
//! labels and exposed ports, linked (so names include a link alias), exited with a code,
//! created with volumes, paused, with a wide-character command, created from an image ID,
//! from a tag that was removed since and from a repository digest — and the images
//! `dkrps<pid>/img` (two tags) and `<registry>/dkrps<pid>/dig` (pulled by digest, so it has a
//! digest and no tag). Cases filter on the prefix, so other containers on the engine do not
//! matter.

use crate::support::env::Env;
use crate::support::{engine_host, Engine};
use std::sync::{Mutex, OnceLock};

pub struct Fixture {
    pub env: Env,
    /// `dkrps<pid>`: the name prefix of everything this run creates.
    prefix: String,
    /// `<registry>/dkrps<pid>/dig`, when the test registry is known.
    digest_repo: Option<String>,
}

/// The fixture of each engine, or why it could not be made (kept, so one failure is not
/// retried per test).
static FIXTURE: [OnceLock<Result<Fixture, String>>; 2] = [OnceLock::new(), OnceLock::new()];

const SUITE_LABEL: &str = "dkr.test.suite=ps_images";

/// The fixture, created on first use; `None` when engine tests are skipped on purpose.
pub fn fixture() -> Option<&'static Fixture> {
    let host = engine_host()?;
    let engine = Engine::current();
    let made = FIXTURE[engine as usize].get_or_init(|| {
        std::panic::catch_unwind(|| Fixture::create(&host, engine)).map_err(|e| {
            e.downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "fixture setup panicked".to_string())
        })
    });
    match made {
        Ok(f) => Some(f),
        Err(e) => panic!("fixture setup failed earlier in this run: {e}"),
    }
}

/// What to remove at exit: the engine, the pid label of the containers, the image IDs and the
/// volume. Registered before anything is created, so a half-made fixture is removed too.
struct Cleanup {
    host: String,
    pid: u32,
    prefix: String,
    images: Mutex<Vec<String>>,
}

static CLEANUP: [OnceLock<Cleanup>; 2] = [OnceLock::new(), OnceLock::new()];

extern "C" fn cleanup_at_exit() {
    for (cleanup, fixture) in CLEANUP.iter().zip(&FIXTURE) {
        cleanup_one(cleanup, fixture);
    }
}

fn cleanup_one(cleanup: &OnceLock<Cleanup>, fixture: &OnceLock<Result<Fixture, String>>) {
    if let Some(c) = cleanup.get() {
        let env = Env::new(&c.host);
        remove_by_pid(&env, &c.pid.to_string());
        let images = c.images.lock().map(|v| v.clone()).unwrap_or_default();
        for id in images {
            env.docker(&["rmi", "-f", &id]);
        }
        env.docker(&["volume", "rm", &format!("{}-data", c.prefix)]);
    }
    // Statics are never dropped: remove the fixture's config directory by hand.
    if let Some(Ok(f)) = fixture.get() {
        let _ = std::fs::remove_dir_all(f.env.config.path());
    }
}

fn remove_by_pid(env: &Env, pid: &str) {
    let ids = env.docker(&["ps", "-aq", "-f", &format!("label=dkr.test.pid={pid}")]);
    let ids = ids.out();
    let ids: Vec<&str> = ids.split_whitespace().collect();
    if !ids.is_empty() {
        let mut a = vec!["rm", "-f", "-v"];
        a.extend(ids);
        env.docker(&a);
    }
}

/// Remove what crashed earlier runs left behind (their process is gone): containers by label,
/// images by the repositories they used.
fn remove_stale(env: &Env) {
    let out = env.docker(&[
        "ps",
        "-a",
        "-f",
        &format!("label={SUITE_LABEL}"),
        "--format",
        "{{.Label \"dkr.test.pid\"}}",
    ]);
    let mut pids: Vec<String> = out.out().lines().map(str::to_string).collect();
    let images = env.docker(&["images", "--format", "{{.Repository}}"]);
    for repo in images.out().lines() {
        if let Some(rest) = repo
            .rsplit('/')
            .nth(1)
            .and_then(|p| p.strip_prefix("dkrps"))
        {
            pids.push(rest.to_string());
        }
    }
    pids.sort();
    pids.dedup();
    for pid in pids {
        if pid.is_empty() || std::path::Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        remove_by_pid(env, &pid);
        let images = env.docker(&["images", "--format", "{{.Repository}} {{.ID}}"]);
        for line in images.out().lines() {
            if let Some((repo, id)) = line.split_once(' ') {
                if repo.ends_with(&format!("dkrps{pid}/img"))
                    || repo.ends_with(&format!("dkrps{pid}/dig"))
                {
                    env.docker(&["rmi", "-f", id]);
                }
            }
        }
        env.docker(&["volume", "rm", &format!("dkrps{pid}-data")]);
    }
}

/// The environment of the fixture's comparisons, retried when a clock second ticks over
/// between the two runs. Podman computes each container's `Up N seconds` from its own
/// sub-second start time and answers `ps` more slowly, so with nine containers a tick between
/// docker's run and dkr's is likely on any one attempt there: more attempts, same comparison.
fn fixture_env(host: &str, engine: Engine) -> Env {
    Env::new(host).retrying_up_to(match engine {
        Engine::Docker => 4,
        Engine::Podman => 12,
    })
}

impl Fixture {
    fn create(host: &str, engine: Engine) -> Fixture {
        let started = std::time::Instant::now();
        let pid = std::process::id();
        let prefix = format!("dkrps{pid}");
        let env = fixture_env(host, engine);
        remove_stale(&env);
        let cleanup = CLEANUP[engine as usize].get_or_init(|| Cleanup {
            host: host.to_string(),
            pid,
            prefix: prefix.clone(),
            images: Mutex::new(Vec::new()),
        });
        static REGISTERED: std::sync::Once = std::sync::Once::new();
        // SAFETY: registering a plain extern "C" function to run at process exit.
        REGISTERED.call_once(|| unsafe {
            libc::atexit(cleanup_at_exit);
        });
        let remember_image = |id: &str| {
            if let Ok(mut v) = cleanup.images.lock() {
                v.push(id.trim().to_string());
            }
        };

        let p = &prefix;
        let pid_label = format!("dkr.test.pid={pid}");
        // Host ports unlikely to collide with other runs on the same machine, nor between the
        // two engines' fixtures (Podman reserves published ports on the host too).
        let base = match engine {
            Engine::Docker => 30000,
            Engine::Podman => 10000,
        } + (pid % 5000) * 4;
        let web_port = format!("127.0.0.1:{base}:80");
        let range = format!("{}-{}:{}-{}/udp", base + 1, base + 3, base + 1, base + 3);
        // `docker <verb> --name <prefix>-<name> <labels> <rest…>`
        let make = |verb: &[&str], name: &str, extra_labels: &[&str], rest: &[&str]| {
            let mut a: Vec<String> = verb.iter().map(|s| s.to_string()).collect();
            a.push("--name".into());
            a.push(format!("{p}-{name}"));
            for l in [SUITE_LABEL, pid_label.as_str()].iter().chain(extra_labels) {
                a.push("-l".into());
                a.push(l.to_string());
            }
            a.extend(rest.iter().map(|s| s.to_string()));
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            env.docker(&a)
        };
        let must = |out: crate::support::Outcome, what: &str| {
            assert!(out.ok(), "setup: {what}: {out:?}");
        };

        let tier = format!("{p}.tier=front");
        must(
            make(
                &["run", "-d"],
                "web",
                &["com.example.role=web", &tier],
                &[
                    "-p",
                    &web_port,
                    "-p",
                    &range,
                    "--expose",
                    "6000-6001",
                    "busybox",
                    "sleep",
                    "600",
                ],
            ),
            "web",
        );
        // Podman has no links ("bad parameter: link is not supported"): there the container
        // is the same without one, and names carry no alias.
        let link = format!("{p}-web:alias1");
        let link: &[&str] = match engine {
            Engine::Docker => &["--link", &link],
            Engine::Podman => &[],
        };
        must(
            make(
                &["run", "-d"],
                "linked",
                &["com.example.role=sidecar"],
                &[
                    link,
                    &["busybox", "sh", "-c", "echo \"a\\tb\" \"<x>\"; sleep 600"],
                ]
                .concat(),
            ),
            "linked",
        );
        let out = make(&["run"], "exited", &[], &["busybox", "sh", "-c", "exit 3"]);
        assert_eq!(out.code, 3, "setup: exited container: {out:?}");
        must(
            make(
                &["create"],
                "created",
                &[],
                &[
                    "-v",
                    &format!("{p}-data:/data"),
                    "-v",
                    "/tmp:/hosttmp",
                    "busybox",
                    "true",
                ],
            ),
            "created",
        );
        must(
            make(
                &["run", "-d"],
                "wide",
                &[],
                &[
                    "busybox",
                    "sh",
                    "-c",
                    "echo 日本語日本語日本語日本語; sleep 600",
                ],
            ),
            "wide",
        );
        must(
            make(&["run", "-d"], "paused", &[], &["busybox", "sleep", "600"]),
            "paused",
        );
        // Pausing needs the cgroup freezer; without it the container just stays running.
        env.docker(&["pause", &format!("{p}-paused")]);

        let img = format!("{p}/img");
        // docker's commit fails on Podman 4 (it sends no body, see README's "Podman"); dkr's
        // works on both.
        let commit = |container: &str, image: &str| match engine {
            Engine::Docker => env.docker_ok(&["commit", container, image]),
            Engine::Podman => {
                let out = env.dkr(&["commit", container, image]);
                assert!(out.ok(), "setup: dkr commit {container} {image}: {out:?}");
                out.out()
            }
        };
        let id = commit(&format!("{p}-exited"), &format!("{img}:v1"));
        remember_image(&id);
        env.docker_ok(&["tag", &format!("{img}:v1"), &format!("{img}:v2")]);

        // Containers whose Image field is an ID, or a name that no longer resolves.
        let hex = id.trim().trim_start_matches("sha256:");
        let short = &hex[..12];
        must(make(&["create"], "byid", &[], &[short, "true"]), "byid");
        env.docker_ok(&["tag", &format!("{img}:v1"), &format!("{img}:gone")]);
        must(
            make(
                &["create"],
                "untagged",
                &[],
                &[&format!("{img}:gone"), "true"],
            ),
            "untagged",
        );
        env.docker_ok(&["rmi", &format!("{img}:gone")]);

        // An image known only by its repository digest: committed, pushed to the test
        // registry, removed, pulled back by digest; and a container created from the digest.
        let digest_repo = std::env::var("DKR_TEST_REGISTRY")
            .ok()
            .map(|registry| format!("{registry}/{p}/dig"));
        if let Some(repo) = &digest_repo {
            let id = commit(&format!("{p}-created"), &format!("{repo}:v1"));
            remember_image(&id);
            // The digest comes from push's `v1: digest: sha256:… size: N` line, not from
            // RepoDigests: Podman 4.3 keeps the committed image's local (OCI) manifest digest
            // there, while the registry holds the converted manifest push uploaded, so pulling
            // by the RepoDigests one fails with `manifest unknown`. On Docker both agree.
            let pushed = env.docker_ok(&["push", &format!("{repo}:v1")]);
            let digest = pushed
                .lines()
                .find_map(|l| l.split_once(" digest: ")?.1.split_whitespace().next())
                .unwrap_or_else(|| panic!("setup: no digest in push output:\n{pushed}"));
            let digest_ref = format!("{repo}@{digest}");
            env.docker_ok(&["rmi", &format!("{repo}:v1")]);
            env.docker_ok(&["pull", "-q", &digest_ref]);
            must(
                make(&["create"], "bydigest", &[], &[&digest_ref, "true"]),
                "bydigest",
            );
        }

        // Podman answers `ps` slowly enough (seconds with -s, under load) that some container's
        // `N seconds ago` or `Up N seconds` ticks between docker's run and dkr's on every
        // attempt. Past a minute these read "About a minute" and change once a minute.
        if engine == Engine::Podman {
            std::thread::sleep(
                std::time::Duration::from_secs(62).saturating_sub(started.elapsed()),
            );
        }
        Fixture {
            env,
            prefix,
            digest_repo,
        }
    }

    /// `args` with `{P}` replaced by the prefix and `{D}` by the digest-only repository.
    fn args(&self, args: &[&str]) -> Vec<String> {
        let d = self
            .digest_repo
            .clone()
            .unwrap_or_else(|| "dkr-no-registry/x".into());
        args.iter()
            .map(|a| a.replace("{P}", &self.prefix).replace("{D}", &d))
            .collect()
    }

    pub fn compare(&self, args: &[&str]) {
        let a = self.args(args);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        self.env.compare(&a);
    }

    /// Compare in a fresh environment shaped by `f` (config file, variables).
    pub fn compare_in(&self, f: impl FnOnce(Env) -> Env, args: &[&str]) {
        let env = f(fixture_env(&self.env.host, Engine::current()));
        let a = self.args(args);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        env.compare(&a);
    }
}
