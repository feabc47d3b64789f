//! Differential tests of `dkr ps` and `dkr images`: each case runs the reference `docker`
//! (28.2.2) and the built `dkr` with the same arguments against the test engine and requires
//! the same stdout, stderr and exit code.
//!
//! The fixture (created once per run with the reference CLI, removed at exit) is a set of
//! containers named `dkrps<pid>-…` in different states — running with published port ranges,
//! labels and exposed ports, linked (so names include a link alias), exited with a code,
//! created with volumes, paused, with a wide-character command, created from an image ID,
//! from a tag that was removed since and from a repository digest — and the images
//! `dkrps<pid>/img` (two tags) and `<registry>/dkrps<pid>/dig` (pulled by digest, so it has a
//! digest and no tag). Cases filter on the prefix, so other containers on the engine do not
//! matter.

use crate::support::{engine_host, Env};
use std::sync::{Mutex, OnceLock};

struct Fixture {
    env: Env,
    /// `dkrps<pid>`: the name prefix of everything this run creates.
    prefix: String,
    /// `<registry>/dkrps<pid>/dig`, when the test registry is known.
    digest_repo: Option<String>,
}

/// The fixture, or why it could not be made (kept, so one failure is not retried per test).
static FIXTURE: OnceLock<Result<Fixture, String>> = OnceLock::new();

const SUITE_LABEL: &str = "dkr.test.suite=ps_images";

/// The fixture, created on first use; `None` when engine tests are skipped on purpose.
fn fixture() -> Option<&'static Fixture> {
    let host = engine_host()?;
    let made = FIXTURE.get_or_init(|| {
        std::panic::catch_unwind(|| Fixture::create(&host)).map_err(|e| {
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

static CLEANUP: OnceLock<Cleanup> = OnceLock::new();

extern "C" fn cleanup_at_exit() {
    if let Some(c) = CLEANUP.get() {
        let env = Env::new(&c.host);
        remove_by_pid(&env, &c.pid.to_string());
        let images = c.images.lock().map(|v| v.clone()).unwrap_or_default();
        for id in images {
            env.docker(&["rmi", "-f", &id]);
        }
        env.docker(&["volume", "rm", &format!("{}-data", c.prefix)]);
    }
    // Statics are never dropped: remove the fixture's config directory by hand.
    if let Some(Ok(f)) = FIXTURE.get() {
        let _ = std::fs::remove_dir_all(f.env.config.path());
    }
}

fn remove_by_pid(env: &Env, pid: &str) {
    let ids = env.docker(&["ps", "-aq", "-f", &format!("label=dkr.test.pid={pid}")]);
    let ids: Vec<&str> = ids.stdout.split_whitespace().collect();
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
    let mut pids: Vec<String> = out.stdout.lines().map(str::to_string).collect();
    let images = env.docker(&["images", "--format", "{{.Repository}}"]);
    for repo in images.stdout.lines() {
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
        for line in images.stdout.lines() {
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

impl Fixture {
    fn create(host: &str) -> Fixture {
        let pid = std::process::id();
        let prefix = format!("dkrps{pid}");
        let env = Env::new(host);
        remove_stale(&env);
        let cleanup = CLEANUP.get_or_init(|| Cleanup {
            host: host.to_string(),
            pid,
            prefix: prefix.clone(),
            images: Mutex::new(Vec::new()),
        });
        // SAFETY: registering a plain extern "C" function to run at process exit.
        unsafe {
            libc::atexit(cleanup_at_exit);
        }
        let remember_image = |id: &str| {
            if let Ok(mut v) = cleanup.images.lock() {
                v.push(id.trim().to_string());
            }
        };

        let p = &prefix;
        let pid_label = format!("dkr.test.pid={pid}");
        // Host ports unlikely to collide with other runs on the same machine.
        let base = 30000 + (pid % 5000) * 4;
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
        must(
            make(
                &["run", "-d"],
                "linked",
                &["com.example.role=sidecar"],
                &[
                    "--link",
                    &format!("{p}-web:alias1"),
                    "busybox",
                    "sh",
                    "-c",
                    "echo \"a\\tb\" \"<x>\"; sleep 600",
                ],
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
        let id = env.docker_ok(&["commit", &format!("{p}-exited"), &format!("{img}:v1")]);
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
            let id = env.docker_ok(&["commit", &format!("{p}-created"), &format!("{repo}:v1")]);
            remember_image(&id);
            env.docker_ok(&["push", "-q", &format!("{repo}:v1")]);
            let digest_ref = env.docker_ok(&[
                "inspect",
                "--format",
                "{{index .RepoDigests 0}}",
                &format!("{repo}:v1"),
            ]);
            let digest_ref = digest_ref.trim().to_string();
            env.docker_ok(&["rmi", &format!("{repo}:v1")]);
            env.docker_ok(&["pull", "-q", &digest_ref]);
            must(
                make(&["create"], "bydigest", &[], &[&digest_ref, "true"]),
                "bydigest",
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

    fn compare(&self, args: &[&str]) {
        let a = self.args(args);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        self.env.compare(&a);
    }

    /// Compare in a fresh environment shaped by `f` (config file, variables).
    fn compare_in(&self, f: impl FnOnce(Env) -> Env, args: &[&str]) {
        let env = f(Env::new(&self.env.host));
        let a = self.args(args);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        env.compare(&a);
    }
}

/// One differential case per line: `name: [args…];` with `{P}` for the fixture prefix.
macro_rules! diff_cases {
    ($($name:ident: [$($arg:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                let Some(f) = fixture() else { return };
                f.compare(&[$($arg),*]);
            }
        )*
    };
}

diff_cases! {
    // ps: listing and flags
    ps_running_only: ["ps", "-f", "name={P}"];
    ps_all: ["ps", "-a", "-f", "name={P}"];
    ps_all_bool_false: ["ps", "-a=false", "-f", "name={P}"];
    ps_quiet: ["ps", "-aq", "-f", "name={P}"];
    ps_no_trunc: ["ps", "-a", "--no-trunc", "-f", "name={P}"];
    ps_size: ["ps", "-a", "-s", "-f", "name={P}"];
    ps_last_two: ["ps", "-n", "2", "-f", "name={P}"];
    ps_last_zero: ["ps", "-n", "0", "-f", "name={P}"];
    ps_latest: ["ps", "-l", "-f", "name={P}"];
    ps_latest_and_last: ["ps", "-l", "-n", "3", "-f", "name={P}"];
    ps_container_ls_alias: ["container", "ls", "-a", "-f", "name={P}"];
    ps_container_list_alias: ["container", "list", "-a", "--format", "{{.Names}}", "-f", "name={P}"];
    ps_negative_last: ["ps", "-n", "-1", "-f", "name={P}"];
    ps_short_equals_value: ["ps", "-n=1", "-f=name={P}"];
    ps_combined_shorthands: ["ps", "-aqs", "-f", "name={P}"];
    ps_no_match_prints_header: ["ps", "-f", "name=dkr-no-such-container-xyz"];
    // ps: filters
    ps_filter_status: ["ps", "-a", "-f", "status=exited", "-f", "name={P}"];
    ps_filter_status_created: ["ps", "-a", "-f", "status=created", "-f", "name={P}"];
    ps_filter_label_kv: ["ps", "-a", "-f", "label={P}.tier=front"];
    ps_filter_label_key_case: ["ps", "-a", "-f", " LABEL = com.example.role=sidecar", "-f", "name={P}"];
    ps_filter_names_ored: ["ps", "-a", "-f", "name={P}-web", "-f", "name={P}-exited"];
    ps_filter_exited_code: ["ps", "-a", "-f", "exited=3", "-f", "name={P}"];
    ps_filter_empty_value_ignored: ["ps", "-a", "-f", "", "-f", "name={P}"];
    // ps: formats
    ps_format_json: ["ps", "-a", "--format", "json", "-f", "name={P}"];
    ps_format_json_dot: ["ps", "-a", "--format", "{{json .}}", "-f", "name={P}"];
    ps_format_table_template: ["ps", "-a", "--format", "table {{.Names}}\\t{{.State}}\\t{{.Ports}}", "-f", "name={P}"];
    ps_format_table_all_fields: ["ps", "-a", "--format", "table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.CreatedAt}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Size}}\\t{{.Labels}}\\t{{.Mounts}}\\t{{.LocalVolumes}}\\t{{.Networks}}\\t{{.Platform}}", "-f", "name={P}"];
    ps_format_table_only: ["ps", "-a", "--format", "table", "-f", "name={P}"];
    ps_format_raw: ["ps", "-a", "--format", "raw", "-f", "name={P}"];
    ps_format_raw_size: ["ps", "-a", "-s", "--format", "raw", "-f", "name={P}-web"];
    ps_format_raw_quiet: ["ps", "-a", "-q", "--format", "raw", "-f", "name={P}"];
    ps_format_functions: ["ps", "-a", "--format", "{{upper .Names}}|{{lower .State}}|{{title .State}}|{{join (split .Names \"-\") \"+\"}}|{{truncate .ID 4}}|{{pad .State 1 2}}|", "-f", "name={P}"];
    ps_format_label_method: ["ps", "-a", "--format", "{{.Names}} {{.Label \"com.example.role\"}} [{{.Label \"nope\"}}]", "-f", "name={P}"];
    ps_format_label_table_header: ["ps", "-a", "--format", "table {{.Names}}\\t{{.Label \"com.example.role\"}}", "-f", "name={P}"];
    ps_format_json_fields: ["ps", "-a", "--format", "{{json .Names}} {{json .Ports}} {{json .Labels}} {{json .Platform}}", "-f", "name={P}"];
    ps_format_size_autorequested: ["ps", "-a", "--format", "{{.Names}} {{.Size}}", "-f", "name={P}"];
    ps_format_size_false: ["ps", "-a", "--size=false", "--format", "{{.Names}} {{.Size}}", "-f", "name={P}"];
    ps_format_conditionals: ["ps", "-a", "--format", "{{if eq .State \"running\"}}up:{{.Names}}{{else}}down:{{.Names}}{{end}}", "-f", "name={P}"];
    ps_format_no_trunc_names: ["ps", "-a", "--no-trunc", "--format", "{{.Names}} {{.Command}} {{.Image}}", "-f", "name={P}-web"];
    ps_quiet_with_format_warns: ["ps", "-a", "-q", "--format", "{{.Names}}", "-f", "name={P}"];
    // ps: errors
    ps_unknown_flag: ["ps", "--bogus"];
    ps_unknown_shorthand: ["ps", "-x"];
    ps_filter_without_equals: ["ps", "-f", "foo"];
    ps_unknown_filter_key: ["ps", "-f", "foo=bar"];
    ps_bad_status_filter: ["ps", "-f", "status=sleeping"];
    ps_too_many_args: ["ps", "extra"];
    ps_container_ls_unknown_flag: ["container", "ls", "--bogus"];
    ps_container_list_extra_arg: ["container", "list", "extra"];
    ps_bad_int: ["ps", "-n", "x"];
    ps_bad_bool: ["ps", "--all=maybe"];
    ps_missing_format_value: ["ps", "--format"];
    ps_template_parse_error: ["ps", "--format", "{{.Names"];
    ps_template_exec_error: ["ps", "--format", "{{.Foo}}"];
    ps_template_table_exec_error: ["ps", "--format", "table {{.Foo}}"];
    ps_template_unknown_function: ["ps", "--format", "{{nosuchfunc .Names}}"];
    // Go's ParseFloat wants digits around every underscore and a p exponent on a hex mantissa.
    ps_template_bad_number_underscores: ["ps", "--format", "{{printf \"%d\" 0x1__2}}"];
    ps_template_bad_number_hex_float: ["ps", "--format", "{{0x1.8}}"];
    // images
    images_repository_arg: ["images", "{P}/img"];
    images_reference_filter: ["images", "-f", "reference={P}/*"];
    images_reference_glob_arg: ["images", "{P}/*:v1"];
    images_all: ["images", "-a", "{P}/img"];
    images_quiet: ["images", "-q", "{P}/img"];
    images_no_trunc: ["images", "--no-trunc", "{P}/img"];
    images_digests: ["images", "--digests", "{P}/img"];
    images_digests_busybox: ["images", "--digests", "busybox"];
    images_digest_only_repository: ["images", "{D}"];
    images_digest_only_repository_digests: ["images", "--digests", "{D}"];
    images_digest_template: ["images", "--format", "{{.Repository}} [{{.Tag}}] [{{.Digest}}]", "{D}"];
    images_digest_json: ["images", "--format", "json", "--digests", "{D}"];
    images_busybox: ["images", "busybox"];
    images_format_json: ["images", "--format", "json", "{P}/img"];
    images_format_raw: ["images", "--format", "raw", "{P}/img"];
    images_format_raw_digests: ["images", "--format", "raw", "--digests", "{D}"];
    images_format_raw_quiet: ["images", "-q", "--format", "raw", "{P}/img"];
    images_format_json_dot: ["images", "--format", "{{json .}}", "{P}/img"];
    images_format_template: ["images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}} {{.Size}} {{.VirtualSize}} {{.Containers}} {{.SharedSize}} {{.UniqueSize}} {{.Digest}}", "{P}/img"];
    images_format_table_template: ["images", "--format", "table {{.Repository}}\\t{{.Tag}}\\t{{.CreatedSince}}\\t{{.CreatedAt}}", "{P}/img"];
    images_format_table_digests_appended: ["images", "--digests", "--format", "table {{.Repository}}\\t{{.Tag}}", "{P}/img"];
    images_quiet_with_format: ["images", "-q", "--format", "{{.Repository}}", "{P}/img"];
    images_image_ls: ["image", "ls", "{P}/img"];
    images_subcommand_hint: ["images", "pull"];
    images_subcommand_hint_ls: ["images", "ls"];
    images_no_hint_for_image_ls: ["image", "ls", "pull"];
    images_no_match: ["images", "dkr-no-such-image-xyz"];
    images_too_many_args: ["images", "a", "b"];
    images_image_ls_too_many_args: ["image", "ls", "a", "b"];
    images_image_list_unknown_flag: ["image", "list", "--bogus"];
    images_tree: ["images", "--tree"];
    images_tree_false: ["images", "--tree=false"];
    images_filter_without_equals: ["images", "-f", "dangling"];
    images_unknown_filter_key: ["images", "-f", "foo=bar"];
    images_bad_dangling_value: ["images", "-f", "dangling=maybe"];
    images_unknown_flag: ["images", "--bogus"];
    images_template_parse_error: ["images", "--format", "{{.Repository", "busybox"];
    images_template_exec_error: ["images", "--format", "{{.Foo}}", "busybox"];
}

#[test]
fn ps_config_ps_format() {
    let Some(f) = fixture() else { return };
    f.compare_in(
        |e| e.config_json(r#"{"psFormat": "table {{.Names}}\\t{{.Status}}"}"#),
        &["ps", "-a", "-f", "name={P}"],
    );
    // -q wins over the configured format.
    f.compare_in(
        |e| e.config_json(r#"{"psFormat": "{{.Names}}"}"#),
        &["ps", "-a", "-q", "-f", "name={P}"],
    );
}

#[test]
fn images_config_images_format() {
    let Some(f) = fixture() else { return };
    f.compare_in(
        |e| e.config_json(r#"{"imagesFormat": "{{.Repository}} {{.Tag}}"}"#),
        &["images", "{P}/img"],
    );
    // -q ignores the configured format.
    f.compare_in(
        |e| e.config_json(r#"{"imagesFormat": "{{.Repository}} {{.Tag}}"}"#),
        &["images", "-q", "{P}/img"],
    );
}

#[test]
fn created_at_follows_tz() {
    let Some(f) = fixture() else { return };
    // Go's time.Local: zone names, `:name`, empty (UTC), unknown names and POSIX rules (UTC).
    for tz in [
        "Asia/Kolkata",
        ":Asia/Tokyo",
        "EST5EDT",
        "",
        "garbage",
        "<+0530>-5:30",
    ] {
        f.compare_in(
            |e| e.var("TZ", Some(tz)),
            &[
                "ps",
                "-a",
                "--format",
                "{{.Names}} {{.CreatedAt}}",
                "-f",
                "name={P}-web",
            ],
        );
        f.compare_in(
            |e| e.var("TZ", Some(tz)),
            &["images", "--format", "{{.Tag}} {{.CreatedAt}}", "{P}/img"],
        );
    }
}

#[test]
fn ps_bad_docker_host() {
    let Some(f) = fixture() else { return };
    f.compare_in(|e| e.var("DOCKER_HOST", Some("foo://x")), &["ps"]);
    f.compare_in(|e| e.var("DOCKER_HOST", Some("foo://x")), &["images"]);
}

#[test]
fn daemon_unreachable() {
    let Some(f) = fixture() else { return };
    let gone = Some("unix:///tmp/dkr-test-no-such-dir/docker.sock");
    f.compare_in(|e| e.var("DOCKER_HOST", gone), &["ps"]);
    f.compare_in(|e| e.var("DOCKER_HOST", gone), &["images"]);
    f.compare_in(|e| e.var("DOCKER_HOST", gone), &["images", "--tree"]);
    // Template errors come before any request.
    f.compare_in(
        |e| e.var("DOCKER_HOST", gone),
        &["ps", "--format", "{{.Foo}}"],
    );
    // Argument errors come before the endpoint is even resolved.
    f.compare_in(|e| e.var("DOCKER_HOST", Some("foo://x")), &["ps", "extra"]);
}

#[test]
fn ps_closed_stdout_is_sigpipe() {
    let Some(f) = fixture() else { return };
    // `(sleep 1; exec dkr ps) | true`: killed by SIGPIPE (141) like docker, no message.
    let script =
        |bin: &str| format!("(sleep 1; exec {bin} ps -a) | true; echo \"${{PIPESTATUS[0]}}\"");
    let docker = f
        .env
        .run("bash", &["-c", &script(&crate::support::docker_bin())]);
    let dkr = f
        .env
        .run("bash", &["-c", &script(crate::support::dkr_bin())]);
    assert_eq!(docker.stdout, "141\n");
    assert_eq!(dkr, docker);
}
