//! `dkr context …` against docker 28.2.2: every subcommand's stdout, stderr and exit code, its
//! help and its errors, each case in config directories of its own (one per CLI, seeded alike
//! by docker, so commands that write compare too; paths of the two directories are made equal
//! before comparing); and the store shared both ways — contexts, `currentContext` and exports
//! made by one CLI read and used by the other, against the test engine (plain and TLS).

use crate::support::env::{collect, Env, TIMEOUT};
use crate::support::{dkr_bin, docker_bin, normalize_docker, Outcome, TempDir};
use std::path::Path;
use std::process::Stdio;

/// A socket nobody listens on.
const NO_DAEMON: &str = "unix:///nonexistent-dkr.sock";

/// The test engine's host, for contexts that are used; a dead socket for those only listed.
fn engine() -> String {
    crate::support::engine_host().unwrap_or_else(|| NO_DAEMON.to_string())
}

/// An isolated environment without `DOCKER_HOST` (docker treats an empty one as unset), so the
/// context store decides.
fn isolated() -> Env {
    Env::isolated(&engine()).var("DOCKER_HOST", "")
}

/// Two environments, one per CLI, with the same contexts in them.
struct Pair {
    docker: Env,
    dkr: Env,
    /// Working directories (export's default file lands there).
    docker_wd: TempDir,
    dkr_wd: TempDir,
}

impl Pair {
    fn new() -> Pair {
        Pair::with(&[])
    }

    /// Both environments with `vars` set.
    fn with(vars: &[(&str, &str)]) -> Pair {
        let mut docker = isolated();
        let mut dkr = isolated();
        for (k, v) in vars {
            docker = docker.var(k, v);
            dkr = dkr.var(k, v);
        }
        Pair {
            docker,
            dkr,
            docker_wd: TempDir::new("ctx-wd"),
            dkr_wd: TempDir::new("ctx-wd"),
        }
    }

    /// [`Pair::with`] and one context, `foo`, on a socket.
    fn with_foo(vars: &[(&str, &str)]) -> Pair {
        let p = Pair::with(vars);
        p.seed(&[
            "context",
            "create",
            "foo",
            "--docker",
            "host=unix:///tmp/foo.sock",
        ]);
        p
    }

    /// Write the `meta.json` of the context `name` in both stores, as is.
    fn write_meta(&self, name: &str, body: &str) {
        for env in [&self.docker, &self.dkr] {
            let dir = env
                .config
                .path()
                .join("contexts/meta")
                .join(crate::support::sha256(name.as_bytes()));
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("meta.json"), body).unwrap();
        }
    }

    /// Run docker with `args` in both environments (setup; must succeed).
    fn seed(&self, args: &[&str]) -> &Pair {
        for env in [&self.docker, &self.dkr] {
            let out = env.docker(args);
            assert!(out.ok(), "setup: docker {args:?}\n{out}");
        }
        self
    }

    /// The usual contexts: `foo` (with a description), `bar-2`, `bar-10` (natural order puts
    /// it last), a copy of `default`, and an ssh one.
    fn seeded() -> Pair {
        let p = Pair::new();
        p.seed(&[
            "context",
            "create",
            "foo",
            "--description",
            "the <foo>",
            "--docker",
            "host=unix:///tmp/foo.sock",
        ])
        .seed(&[
            "context",
            "create",
            "bar-10",
            "--docker",
            "host=tcp://10.0.0.1:2376,skip-tls-verify=true",
        ])
        .seed(&[
            "context",
            "create",
            "bar-2",
            "--docker",
            "host=tcp://10.0.0.2",
        ])
        .seed(&["context", "create", "copy", "--from", "default"])
        .seed(&[
            "context",
            "create",
            "remote",
            "--docker",
            "host=ssh://me@example.com:2222/run/docker.sock",
        ]);
        p
    }

    fn run(
        &self,
        env: &Env,
        wd: &TempDir,
        bin: &str,
        args: &[&str],
        stdin: Option<&Path>,
    ) -> Outcome {
        let mut cmd = env.command(bin, args);
        cmd.current_dir(wd.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        match stdin {
            Some(p) => cmd.stdin(std::fs::File::open(p).unwrap()),
            None => cmd.stdin(Stdio::null()),
        };
        let child = cmd.spawn().unwrap();
        let out = collect(child, TIMEOUT, &format!("{bin} {args:?}"));
        // The two configuration directories differ only in name.
        let config = env.config.path().display().to_string();
        let wd = wd.path().display().to_string();
        let fix = |b: &[u8]| {
            let text = String::from_utf8_lossy(b);
            if text.contains(&config) || text.contains(&wd) {
                text.replace(&config, "<CONFIG>")
                    .replace(&wd, "<WD>")
                    .into_bytes()
            } else {
                b.to_vec()
            }
        };
        Outcome {
            stdout: fix(&out.stdout),
            stderr: fix(&out.stderr),
            code: out.code,
        }
    }

    /// docker in its environment, dkr in its own: the same bytes and exit code.
    fn compare(&self, args: &[&str]) -> Outcome {
        self.compare_input(args, None)
    }

    fn compare_input(&self, args: &[&str], stdin: Option<&Path>) -> Outcome {
        let got = self.run(&self.dkr, &self.dkr_wd, dkr_bin(), args, stdin);
        if crate::support::skip_comparison() {
            return got;
        }
        let want = self.run(&self.docker, &self.docker_wd, &docker_bin(), args, stdin);
        let want = normalize_docker(&want);
        let want = Outcome {
            // help's example line names the program.
            stdout: String::from_utf8_lossy(&want.stdout)
                .replace("$ docker context ", "$ dkr context ")
                .into_bytes(),
            ..want
        };
        assert!(
            want == got,
            "dkr {args:?} differs from docker\n{}",
            crate::support::diff_report(&want, &got)
        );
        got
    }
}

/// One line per case: the seeded contexts, then `args` in both environments.
macro_rules! context_cases {
    ($($name:ident: [$($arg:expr),* $(,)?];)*) => {
        $(
            #[test]
            fn $name() {
                Pair::seeded().compare(&[$($arg),*]);
            }
        )*
    };
}

context_cases! {
    ls_table: ["context", "ls"];
    ls_alias: ["context", "list"];
    ls_quiet: ["context", "ls", "-q"];
    ls_json: ["context", "ls", "--format", "json"];
    ls_template: ["context", "ls", "--format", "{{.Name}}|{{.Current}}|{{.DockerEndpoint}}|{{json .}}"];
    ls_table_template: ["context", "ls", "--format", "table {{.Name}}\t{{.Current}}\t{{.Description}}"];
    ls_table_word: ["context", "ls", "--format", "table"];
    ls_quiet_beats_format: ["context", "ls", "-q", "--format", "json"];
    ls_bad_template: ["context", "ls", "--format", "{{.Nope}}"];
    ls_unclosed_template: ["context", "ls", "--format", "{{.Name"];
    ls_extra_argument: ["context", "ls", "x"];
    ls_unknown_flag: ["context", "ls", "--bogus"];
    ls_with_host_flag: ["-H", "tcp://10.1.1.1", "context", "ls"];
    ls_with_context_flag: ["--context", "foo", "context", "ls"];
    ls_with_missing_context_flag: ["--context", "nope", "context", "ls"];
    show_default: ["context", "show"];
    show_flag: ["--context", "bar-2", "context", "show"];
    show_with_host: ["-H", "tcp://10.1.1.1", "context", "show"];
    show_with_two_hosts: ["-H", "tcp://10.1.1.1", "-H", "tcp://10.1.1.2", "context", "show"];
    show_host_and_context: ["--context", "foo", "-H", "tcp://10.1.1.1", "context", "show"];
    ls_host_and_context: ["-H", "tcp://10.1.1.1", "--context", "foo", "context", "ls"];
    ls_bad_host: ["-H", "foo://x", "context", "ls"];
    show_extra_argument: ["context", "show", "x"];
    inspect_current: ["context", "inspect"];
    inspect_default: ["context", "inspect", "default"];
    inspect_one: ["context", "inspect", "foo"];
    inspect_several: ["context", "inspect", "foo", "bar-10", "copy", "remote"];
    inspect_missing: ["context", "inspect", "nope"];
    inspect_missing_between: ["context", "inspect", "foo", "nope", "bar-2", "nope2"];
    inspect_format: ["context", "inspect", "-f", "{{.Name}} {{.Endpoints.docker.Host}} {{.Storage.MetadataPath}}", "foo", "default"];
    inspect_format_tls: ["context", "inspect", "--format", "{{.Endpoints.docker.SkipTLSVerify}}|{{.TLSMaterial}}|{{.Storage.TLSPath}}", "foo", "bar-10"];
    inspect_format_json: ["context", "inspect", "--format", "json", "foo", "default"];
    inspect_format_whole: ["context", "inspect", "--format", "{{json .}}", "bar-10"];
    inspect_format_embedded: ["context", "inspect", "--format", "{{.Metadata.Name}}|{{.Metadata.Endpoints.docker}}|{{.Endpoints}}|{{json .Endpoints}}", "foo", "default"];
    inspect_format_docker_context: ["context", "inspect", "--format", "{{.Metadata}}|{{.Metadata.Metadata}}|{{json .Metadata.Metadata}}|{{.Metadata.Metadata.Description}}|{{.Metadata.Metadata.AdditionalFields}}", "foo", "copy", "default"];
    inspect_format_struct_field: ["context", "inspect", "--format", "{{.Metadata.Description}}", "foo"];
    inspect_format_unknown_field: ["context", "inspect", "--format", "{{.Nope}}", "foo"];
    inspect_bad_template: ["context", "inspect", "--format", "{{.Name", "foo"];
    create_plain: ["context", "create", "new1", "--docker", "host=unix:///tmp/new.sock"];
    create_described: ["context", "create", "new2", "--description", "d & <e>", "--docker", "host=tcp://1.2.3.4"];
    create_docker_twice: ["context", "create", "new3", "--docker", "host=tcp://1.2.3.4", "--docker", "skip-tls-verify=1"];
    create_quoted_pair: ["context", "create", "new4", "--docker", "\"host=tcp://a:1,b\""];
    create_copy_current: ["context", "create", "new5"];
    create_from: ["context", "create", "new6", "--from", "foo"];
    create_from_described: ["context", "create", "new7", "--from", "foo", "--description", "other"];
    create_from_key: ["context", "create", "new8", "--docker", "from=bar-10"];
    create_ssh: ["context", "create", "new9", "--docker", "host=ssh://deploy@host"];
    create_empty_host: ["context", "create", "new10", "--docker", "host="];
    create_unknown_scheme: ["context", "create", "new11", "--docker", "host=foo://x"];
    create_exists: ["context", "create", "foo", "--docker", "host=unix:///x"];
    create_reserved: ["context", "create", "default"];
    create_short_name: ["context", "create", "a"];
    create_bad_name: ["context", "create", "bad name"];
    create_dash_name: ["context", "create", "--", "-ab"];
    create_empty_name: ["context", "create", ""];
    create_no_name: ["context", "create"];
    create_two_names: ["context", "create", "ab", "cd"];
    create_bad_key: ["context", "create", "new12", "--docker", "hosts=x"];
    create_no_equals: ["context", "create", "new13", "--docker", "host"];
    create_empty_docker: ["context", "create", "new14", "--docker", ""];
    create_bad_pair: ["context", "create", "new15", "--docker", "host=x,ca"];
    create_bad_bool: ["context", "create", "new16", "--docker", "skip-tls-verify=maybe"];
    create_missing_ca: ["context", "create", "new17", "--docker", "ca=/nonexistent/ca.pem"];
    create_bad_port: ["context", "create", "new18", "--docker", "host=tcp://a:b"];
    create_no_scheme: ["context", "create", "new19", "--docker", "host=localhost"];
    create_empty_unix: ["context", "create", "new20", "--docker", "host=unix://"];
    create_npipe: ["context", "create", "new21", "--docker", "host=npipe:////./pipe/x"];
    create_ssh_password: ["context", "create", "new22", "--docker", "host=ssh://me:pw@host"];
    create_ssh_query: ["context", "create", "new23", "--docker", "host=ssh://host?x=1"];
    create_ssh_no_host: ["context", "create", "new24", "--docker", "host=ssh://me@"];
    create_missing_scheme: ["context", "create", "new25", "--docker", "host=://x"];
    create_from_missing: ["context", "create", "new26", "--from", "nope"];
    create_from_and_docker: ["context", "create", "new27", "--from", "foo", "--docker", "host=x"];
    create_from_key_missing: ["context", "create", "new28", "--docker", "from=nope"];
    create_unknown_flag: ["context", "create", "-x"];
    use_missing: ["context", "use", "nope"];
    use_invalid: ["context", "use", "bad name"];
    use_no_argument: ["context", "use"];
    use_two_arguments: ["context", "use", "foo", "bar-2"];
    use_one: ["context", "use", "foo"];
    use_default: ["context", "use", "default"];
    rm_one: ["context", "rm", "foo"];
    rm_alias: ["context", "remove", "foo", "bar-2"];
    rm_missing: ["context", "rm", "nope"];
    rm_missing_forced: ["context", "rm", "-f", "nope"];
    rm_default: ["context", "rm", "default"];
    rm_mixed: ["context", "rm", "foo", "nope", "default", "bar-2"];
    rm_none: ["context", "rm"];
    rm_current_by_flag: ["--context", "foo", "context", "rm", "foo"];
    rm_current_by_flag_forced: ["--context", "foo", "context", "rm", "-f", "foo"];
    update_description: ["context", "update", "foo", "--description", "new words"];
    update_endpoint: ["context", "update", "foo", "--docker", "host=tcp://9.9.9.9:1"];
    update_from: ["context", "update", "bar-2", "--docker", "from=foo"];
    update_nothing: ["context", "update", "copy"];
    update_missing: ["context", "update", "nope", "--description", "x"];
    update_default: ["context", "update", "default", "--description", "x"];
    update_bad_key: ["context", "update", "foo", "--docker", "bogus=1"];
    update_bad_host: ["context", "update", "foo", "--docker", "host=unix://"];
    update_no_name: ["context", "update"];
    export_stdout: ["context", "export", "foo", "-"];
    export_default_stdout: ["context", "export", "default", "-"];
    export_missing: ["context", "export", "nope", "-"];
    export_invalid_name: ["context", "export", "bad/name", "-"];
    export_no_argument: ["context", "export"];
    export_three_arguments: ["context", "export", "a", "b", "c"];
    import_missing_file: ["context", "import", "new30", "/nonexistent/x.tar"];
    import_existing_name: ["context", "import", "foo", "/nonexistent/x.tar"];
    import_reserved_name: ["context", "import", "default", "/nonexistent/x.tar"];
    import_one_argument: ["context", "import", "new31"];
    group_unknown_command: ["context", "bogus"];
    // (The same message for every group, which this change made docker's.)
    container_unknown_command: ["container", "bogus"];
    image_unknown_command: ["image", "bogus", "x"];
    top_unknown_command: ["bogus"];
    group_alone: ["context"];
    group_help: ["context", "--help"];
    help_topic: ["help", "context", "ls"];
}

/// `--help` of every subcommand (and alias), byte for byte.
#[test]
fn help_matches_docker() {
    let p = Pair::new();
    for sub in [
        "create", "export", "import", "inspect", "ls", "list", "rm", "remove", "show", "update",
        "use",
    ] {
        p.compare(&["-H", NO_DAEMON, "context", sub, "--help"]);
    }
}

/// Commands that write: after each, the two stores list and inspect the same (`ls`, and
/// `inspect` of what the command touched).
#[test]
fn writes_leave_the_same_store() {
    let p = Pair::seeded();
    for (args, check) in [
        (
            &[
                "context",
                "create",
                "w1",
                "--docker",
                "host=unix:///tmp/w.sock",
            ][..],
            "w1",
        ),
        (
            &[
                "context",
                "create",
                "w2",
                "--from",
                "foo",
                "--description",
                "copied",
            ],
            "w2",
        ),
        (&["context", "create", "w3"], "w3"),
        (
            &["context", "update", "w1", "--description", "changed"],
            "w1",
        ),
        (
            &[
                "context",
                "update",
                "w1",
                "--docker",
                "host=tcp://1.1.1.1:2",
            ],
            "w1",
        ),
        (&["context", "use", "w2"], "w2"),
        (&["context", "rm", "-f", "w2"], "default"),
        (&["context", "rm", "foo", "bar-2"], "bar-10"),
    ] {
        p.compare(args);
        p.compare(&["context", "ls"]);
        p.compare(&["context", "inspect", check]);
    }
}

/// `use`: the name on stdout, docker's line on stderr, `currentContext` written (every other
/// key of config.json kept) and removed again by `use default`; what `show`, `ls` and
/// `DOCKER_CONTEXT` say after.
#[test]
fn use_writes_current_context() {
    let p = Pair::seeded();
    let other =
        r#"{"auths":{"example.com":{"auth":"dTpw"}},"psFormat":"{{.ID}}","x-unknown":[1,2]}"#;
    p.dkr.write_config(other);
    p.docker.write_config(other);
    p.compare(&["context", "use", "bar-10"]);
    let config: serde_json::Value = serde_json::from_str(&p.dkr.read_config()).unwrap();
    assert_eq!(config["currentContext"], "bar-10");
    assert_eq!(config["psFormat"], "{{.ID}}");
    assert_eq!(config["x-unknown"], serde_json::json!([1, 2]));
    assert_eq!(config["auths"]["example.com"]["auth"], "dTpw");
    p.compare(&["context", "show"]);
    p.compare(&["context", "ls"]);
    p.compare(&["context", "inspect"]);
    p.compare(&["context", "rm", "bar-10"]);
    p.compare(&["context", "use", "bar-10"]);
    p.compare(&["context", "use", "default"]);
    let config: serde_json::Value = serde_json::from_str(&p.dkr.read_config()).unwrap();
    assert!(config.get("currentContext").is_none(), "{config}");
    assert_eq!(config["psFormat"], "{{.ID}}");
    p.compare(&["context", "show"]);
}

/// A `currentContext` that names no stored context: `ls` shows it with its error (cut to 45
/// cells), `show` still names it, `inspect` fails.
#[test]
fn missing_current_context() {
    let p = Pair::seeded();
    p.dkr.write_config(r#"{"currentContext":"gone"}"#);
    p.docker.write_config(r#"{"currentContext":"gone"}"#);
    p.compare(&["context", "ls"]);
    p.compare(&["context", "ls", "--format", "json"]);
    p.compare(&["context", "show"]);
    p.compare(&["context", "inspect"]);
    p.compare(&["context", "rm", "gone"]);
    p.compare(&["context", "use", "default"]);
}

/// `DOCKER_HOST` overrides the store: `ls` marks `default` with it as endpoint and adds docker's
/// warning, `use` warns, `show` says `default`; `DOCKER_CONTEXT` picks a stored one unless
/// `DOCKER_HOST` is set.
#[test]
fn environment_overrides() {
    for vars in [
        &[("DOCKER_HOST", "unix:///tmp/elsewhere.sock")][..],
        &[("DOCKER_HOST", "tcp://10.2.2.2")],
        &[("DOCKER_CONTEXT", "foo")],
        &[("DOCKER_CONTEXT", "nope")],
        &[
            ("DOCKER_CONTEXT", "foo"),
            ("DOCKER_HOST", "tcp://10.2.2.2:5"),
        ],
    ] {
        let p = Pair::with_foo(vars);
        p.compare(&["context", "ls"]);
        p.compare(&["context", "show"]);
        p.compare(&["context", "inspect"]);
        p.compare(&["context", "use", "foo"]);
        p.compare(&["context", "use", "default"]);
        p.compare(&["context", "rm", "foo"]);
    }
}

/// The default context with TLS: docker reads the CA (which must exist), and the certificate
/// and key when present; `--tls` alone means no verification.
#[test]
fn default_context_with_tls() {
    let Ok(certs) = std::env::var("DKR_TEST_CERTS") else {
        return;
    };
    let p = Pair::with(&[("DOCKER_CERT_PATH", &certs)]);
    p.compare(&["--tlsverify", "-H", "tcp://10.3.3.3:2376", "context", "ls"]);
    // (docker lists the default context's TLS files in Go's random map order.)
    let format = "{{.Name}} {{.Endpoints.docker.Host}} {{.Endpoints.docker.SkipTLSVerify}} {{len .TLSMaterial.docker}} {{json .Storage}}";
    p.compare(&[
        "--tlsverify",
        "context",
        "inspect",
        "--format",
        format,
        "default",
    ]);
    p.compare(&["--tls", "context", "inspect", "--format", format]);
    let none = Pair::new();
    none.compare(&["--tls", "context", "inspect", "default"]);
    none.compare(&["--tlsverify", "context", "ls"]);
}

/// Metadata docker and dkr do not know (the ssh engineer's `DkrSSHPersist`, other tools'
/// keys) and endpoints other than `docker` survive `update`, as docker keeps them.
#[test]
fn update_keeps_unknown_metadata() {
    let p = Pair::new();
    let meta = r#"{"Name":"keep","Metadata":{"Description":"d","DkrSSHPersist":"60s","other":{"n":1.5}},"Endpoints":{"docker":{"Host":"ssh://h","SkipTLSVerify":false},"kubernetes":{"Namespace":"x"}}}"#;
    p.write_meta("keep", meta);
    p.compare(&["context", "inspect", "keep"]);
    // (Endpoints other than `docker` are seen as docker's type by dkr's templates: see README.)
    let format = "{{json .Metadata.Metadata}}|{{.Metadata.Metadata}}|{{range $k, $v := .Metadata.Metadata.AdditionalFields}}{{$k}}={{$v}};{{end}}";
    p.compare(&["context", "inspect", "--format", format, "keep"]);
    p.compare(&["context", "update", "keep", "--description", "new"]);
    p.compare(&["context", "update", "keep", "--docker", "host=ssh://other"]);
    p.compare(&["context", "inspect", "keep"]);
    let written = std::fs::read_to_string(
        p.dkr
            .config
            .path()
            .join("contexts/meta")
            .join(crate::support::sha256(b"keep"))
            .join("meta.json"),
    )
    .unwrap();
    assert!(written.contains(r#""DkrSSHPersist":"60s""#), "{written}");
    assert!(
        written.contains(r#""kubernetes":{"Namespace":"x"}"#),
        "{written}"
    );
}

/// Files and directories of a context with TLS material have docker's modes, and the TLS
/// files are copies of the ones named.
#[test]
fn store_layout_and_modes_match_docker() {
    use std::os::unix::fs::PermissionsExt;
    let Ok(certs) = std::env::var("DKR_TEST_CERTS") else {
        return;
    };
    let p = Pair::new();
    let docker_arg = format!(
        "host=tcp://127.0.0.1:1,ca={certs}/ca.pem,cert={certs}/cert.pem,key={certs}/key.pem"
    );
    let out = p.compare(&["context", "create", "tls-ctx", "--docker", &docker_arg]);
    assert!(out.ok(), "{out}");
    let listing = |env: &Env| {
        let mut rows = Vec::new();
        let root = env.config.path().join("contexts");
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let path = e.unwrap().path();
                let meta = std::fs::metadata(&path).unwrap();
                let rel = path.strip_prefix(&root).unwrap().display().to_string();
                rows.push(format!("{rel} {:o}", meta.permissions().mode() & 0o7777));
                if meta.is_dir() {
                    stack.push(path);
                }
            }
        }
        rows.sort();
        rows
    };
    assert_eq!(listing(&p.dkr), listing(&p.docker));
    let tls = p
        .dkr
        .config
        .path()
        .join("contexts/tls")
        .join(crate::support::sha256(b"tls-ctx"))
        .join("docker/ca.pem");
    assert_eq!(
        std::fs::read(tls).unwrap(),
        std::fs::read(format!("{certs}/ca.pem")).unwrap()
    );
    p.compare(&["context", "inspect", "tls-ctx"]);
    p.compare(&["context", "export", "tls-ctx", "-"]);
}

/// A context made by dkr is listed, inspected and used by docker (`docker --context X ps`
/// reaches the test engine), and one made by docker by dkr.
#[test]
fn interop_created_by_either_is_used_by_both() {
    let Some(host) = crate::support::engine_host() else {
        return;
    };
    let env = isolated();
    let made = env.dkr(&[
        "context",
        "create",
        "by-dkr",
        "--description",
        "made by dkr",
        "--docker",
        &format!("host={host}"),
    ]);
    assert!(made.ok(), "{made}");
    let made = env.docker(&[
        "context",
        "create",
        "by-docker",
        "--docker",
        &format!("host={host}"),
    ]);
    assert!(made.ok(), "{made}");
    for args in [
        &["context", "ls"][..],
        &["context", "inspect", "by-dkr", "by-docker"],
        &["context", "export", "by-dkr", "-"],
        &[
            "--context",
            "by-dkr",
            "ps",
            "--filter",
            "name=^/nothing-by-this-name$",
        ],
        &[
            "--context",
            "by-docker",
            "ps",
            "--filter",
            "name=^/nothing-by-this-name$",
        ],
        &[
            "--context",
            "by-docker",
            "version",
            "--format",
            "{{.Server.APIVersion}}",
        ],
    ] {
        env.compare(args);
    }
    let ps = env.docker(&["--context", "by-dkr", "ps", "-q"]);
    assert!(ps.ok(), "docker through dkr's context: {ps}");
    let ps = env.dkr(&["--context", "by-docker", "ps", "-q"]);
    assert!(ps.ok(), "dkr through docker's context: {ps}");
    // DOCKER_CONTEXT and currentContext pick them too.
    let via_env = clone_with(&env, "DOCKER_CONTEXT", "by-docker");
    assert!(via_env.dkr(&["ps", "-q"]).ok());
    assert_eq!(env.dkr(&["context", "use", "by-docker"]).code, 0);
    assert!(env.dkr(&["ps", "-q"]).ok());
    assert!(env.docker(&["ps", "-q"]).ok());
}

/// The test engine's certificate folder and TLS host, when the engine is there.
fn tls_engine() -> Option<(String, String)> {
    crate::support::engine_host()?;
    Some((
        std::env::var("DKR_TEST_CERTS").ok()?,
        std::env::var("DKR_TEST_TLS_HOST").ok()?,
    ))
}

/// A TLS context made by dkr from the test engine's certificates works for docker, and the
/// reverse (the TLS files in the store are what both read).
#[test]
fn interop_tls_contexts() {
    let Some((certs, tls_host)) = tls_engine() else {
        return;
    };
    let env = isolated();
    let spec =
        format!("host={tls_host},ca={certs}/ca.pem,cert={certs}/cert.pem,key={certs}/key.pem");
    assert!(env
        .dkr(&["context", "create", "tls-dkr", "--docker", &spec])
        .ok());
    assert!(env
        .docker(&["context", "create", "tls-docker", "--docker", &spec])
        .ok());
    for name in ["tls-dkr", "tls-docker"] {
        for bin in [docker_bin(), dkr_bin().to_string()] {
            let out = env.run(
                &bin,
                &[
                    "--context",
                    name,
                    "ps",
                    "-q",
                    "--filter",
                    "name=^/nothing-by-this-name$",
                ],
            );
            assert!(out.ok(), "{bin} --context {name} ps: {out}");
        }
    }
    env.compare(&["context", "inspect", "tls-dkr", "tls-docker"]);
}

/// `use` by one CLI is what the other shows, both ways.
#[test]
fn interop_use_and_show() {
    let env = isolated();
    assert!(env
        .dkr(&[
            "context",
            "create",
            "one",
            "--docker",
            "host=unix:///tmp/one.sock"
        ])
        .ok());
    assert!(env
        .docker(&[
            "context",
            "create",
            "two",
            "--docker",
            "host=unix:///tmp/two.sock"
        ])
        .ok());
    assert_eq!(env.dkr(&["context", "use", "two"]).out(), "two\n");
    assert_eq!(env.docker(&["context", "show"]).out(), "two\n");
    env.compare(&["context", "ls"]);
    assert_eq!(env.docker(&["context", "use", "one"]).out(), "one\n");
    assert_eq!(env.dkr(&["context", "show"]).out(), "one\n");
    env.compare(&["context", "ls"]);
    assert!(env.dkr(&["context", "use", "default"]).ok());
    assert_eq!(env.docker(&["context", "show"]).out(), "default\n");
}

/// export → import both ways: what one CLI exports the other imports to the same context; the
/// archives are docker's bytes; the default file name; stdin.
#[test]
fn export_import_round_trips() {
    let p = Pair::seeded();
    let tmp = TempDir::new("ctx-export");
    // dkr's export, imported by docker; docker's export, imported by dkr (same environment).
    let env = &p.dkr;
    let from_dkr = tmp.join("from-dkr.tar");
    let from_docker = tmp.join("from-docker.tar");
    let s = |p: &Path| p.display().to_string();
    assert!(env.dkr(&["context", "export", "foo", &s(&from_dkr)]).ok());
    assert!(env
        .docker(&["context", "export", "foo", &s(&from_docker)])
        .ok());
    assert_eq!(
        std::fs::read(&from_dkr).unwrap(),
        std::fs::read(&from_docker).unwrap()
    );
    assert!(env
        .docker(&["context", "import", "via-docker", &s(&from_dkr)])
        .ok());
    assert!(env
        .dkr(&["context", "import", "via-dkr", &s(&from_docker)])
        .ok());
    let a = env
        .docker(&[
            "context",
            "inspect",
            "--format",
            "{{json .Metadata}}",
            "via-docker",
        ])
        .out();
    let b = env
        .docker(&[
            "context",
            "inspect",
            "--format",
            "{{json .Metadata}}",
            "via-dkr",
        ])
        .out();
    assert_eq!(a.replace("via-docker", "X"), b.replace("via-dkr", "X"));
    // The commands themselves, compared.
    p.compare(&["context", "export", "foo"]);
    p.compare(&["context", "export", "foo"]);
    p.compare(&["context", "export", "nope"]);
    p.compare(&["context", "export", "bar-10", "out.tar"]);
    p.compare(&["context", "import", "imported", "out.tar"]);
    p.compare(&["context", "import", "imported", "out.tar"]);
    p.compare(&["context", "inspect", "imported"]);
    p.compare_input(
        &["context", "import", "from-stdin", "-"],
        Some(&from_docker),
    );
    p.compare(&["context", "inspect", "from-stdin"]);
    p.compare(&["context", "import", "bad-file", "foo.dockercontext.missing"]);
}

/// Archives docker's reader refuses or accepts: cut short, garbage, empty, without metadata,
/// with a path outside the layout.
#[test]
fn import_checks_the_archive() {
    let p = Pair::seeded();
    let tmp = TempDir::new("ctx-import");
    let good = p.docker.docker(&["context", "export", "foo", "-"]).stdout;
    let mut cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("garbage", b"garbage".to_vec()),
        ("header-cut", good[..300].to_vec()),
        ("data-cut", good[..520].to_vec()),
        ("padding-cut", good[..700].to_vec()),
        ("zeros", vec![0; 1024]),
    ];
    // A tar (made by docker's own export) whose entry is renamed: not meta.json, not tls/.
    let mut renamed = good.clone();
    renamed[..9].copy_from_slice(b"meta.txt\0");
    let sum: u32 = renamed[..512]
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if (148..156).contains(&i) {
                32
            } else {
                u32::from(*b)
            }
        })
        .sum();
    renamed[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
    cases.push(("renamed", renamed));
    for (i, (what, bytes)) in cases.iter().enumerate() {
        let file = tmp.join(what);
        std::fs::write(&file, bytes).unwrap();
        let name = format!("imp{i}");
        p.compare(&["context", "import", &name, &file.display().to_string()]);
        p.compare(&["context", "ls", "-q"]);
    }
}

/// An environment with `env`'s configuration directory and one more variable.
fn clone_with(env: &Env, k: &str, v: &str) -> Env {
    isolated()
        .var("DOCKER_CONFIG", &env.config.path().display().to_string())
        .var(k, v)
}

/// `create` with TLS files for a TCP host: docker's client checks them (a CA that holds no
/// certificate, a key that is no PEM, a pair that does not match, a certificate without PEM
/// data); a socket or ssh host, or a key without a certificate, is not checked.
#[test]
fn create_checks_tls_material() {
    let Ok(certs) = std::env::var("DKR_TEST_CERTS") else {
        return;
    };
    let p = Pair::new();
    let junk = TempDir::new("ctx-junk");
    let not_pem = junk.join("junk.pem");
    std::fs::write(&not_pem, "not a pem\n").unwrap();
    let j = not_pem.display().to_string();
    for (i, spec) in [
        format!("host=tcp://h:1,ca={j}"),
        format!("host=unix:///x,ca={j}"),
        format!("host=tcp://h:1,cert={certs}/cert.pem,key={j}"),
        format!("host=tcp://h:1,cert={certs}/cert.pem,key={certs}/ca-key.pem"),
        format!("host=tcp://h:1,cert={j},key={certs}/key.pem"),
        format!("host=tcp://h:1,key={certs}/key.pem"),
        format!("ca={j}"),
        format!("host=tcp://h:1,skip-tls-verify=true,ca={j}"),
        format!("host=ssh://h,ca={j}"),
        format!("host=localhost,ca={j}"),
        format!("host=tcp://h:1,ca={certs}/ca.pem,cert={certs}/cert.pem,key={certs}/key-pkcs1.pem"),
    ]
    .iter()
    .enumerate()
    {
        p.compare(&["context", "create", &format!("tls{i}"), "--docker", spec]);
    }
    p.compare(&["context", "ls"]);
}

/// `export NAME -` refuses a terminal, in docker's words.
#[test]
fn export_refuses_a_terminal() {
    if crate::support::skip_comparison() {
        return;
    }
    let env = isolated();
    let line = |bin: &str| format!("{bin} context export default -");
    let (want, want_code, _) = crate::support::pty::run_in_pty(&env, &line(&docker_bin()), 80);
    let (got, got_code, _) = crate::support::pty::run_in_pty(&env, &line(dkr_bin()), 80);
    assert_eq!((got_code, got), (want_code, want));
    assert_eq!(got_code, 1);
}

/// `rm -f` of the context `DOCKER_CONTEXT` names: removed, and config.json written without a
/// current context, as docker does.
#[test]
fn rm_forced_of_the_environments_context() {
    let p = Pair::with_foo(&[("DOCKER_CONTEXT", "foo")]);
    p.compare(&["context", "rm", "foo"]);
    p.compare(&["context", "rm", "-f", "foo"]);
    let config: serde_json::Value = serde_json::from_str(&p.dkr.read_config()).unwrap();
    assert!(config.get("currentContext").is_none(), "{config}");
    p.compare(&["context", "ls"]);
}

/// Context names complete for `--context` and the subcommands that take one (`default`
/// included, in natural order), from the store of the configuration directory in effect.
#[test]
fn context_names_complete() {
    let env = isolated();
    for name in ["prod-10", "prod-2", "dev"] {
        let out = env.dkr(&[
            "context",
            "create",
            name,
            "--docker",
            "host=unix:///tmp/x.sock",
        ]);
        assert!(out.ok(), "{out}");
    }
    let all = "default\ndev\nprod-2\nprod-10\n";
    for (line, want) in [
        ("dkr --context ", all),
        ("dkr -c pr", "prod-2\nprod-10\n"),
        ("dkr context use ", all),
        ("dkr context inspect dev ", all),
        ("dkr context rm -f d", "default\ndev\n"),
        ("dkr context update ", all),
        ("dkr context export ", all),
    ] {
        let out = env.dkr(&["__complete", "bash", "--", "", line]);
        assert_eq!((out.code, out.out()), (0, want.to_string()), "{line:?}");
    }
    // Where no context name goes, the generated completion takes over (exit 1).
    for line in [
        "dkr context use dev ",
        "dkr context ls ",
        "dkr context create ",
    ] {
        let out = env.dkr(&["__complete", "bash", "--", "", line]);
        assert_eq!((out.code, out.out()), (1, String::new()), "{line:?}");
    }
    let config = env.config.path().display().to_string();
    let other = isolated();
    let out = other.dkr(&[
        "__complete",
        "bash",
        "--",
        "",
        &format!("dkr --config {config} --context "),
    ]);
    assert_eq!(out.out(), all);
}

/// A `meta.json` docker cannot read fails `ls` as a whole, and `inspect` and `use` of it, with
/// docker's words (`encoding/json`'s for the document); one without a docker endpoint is
/// listed with that error.
#[test]
fn unreadable_metadata() {
    for body in [
        "",
        "{",
        "[]",
        r#"{"Name":"broken","Metadata":"x"}"#,
        r#"{"Name":"broken","Endpoints":{"docker":{"Host":5}}}"#,
        r#"{"Name":"broken","Endpoints":{"docker":[]}}"#,
        r#"{"Name":"broken","Endpoints":{"docker":{"SkipTLSVerify":"x"}}}"#,
        r#"{"Name":"broken","Endpoints":{}}"#,
        r#"{"Name":"other-name","Endpoints":{"docker":{"Host":"unix:///x"}}}"#,
    ] {
        let p = Pair::new();
        p.write_meta("broken", body);
        p.compare(&["context", "ls"]);
        p.compare(&["context", "inspect", "broken"]);
        p.compare(&["context", "use", "broken"]);
        p.compare(&["context", "use", "default"]);
    }
}

/// `--help` on terminals of other widths (pflag wraps the flag column; docker's long text and
/// example are not wrapped), byte for byte.
#[test]
fn help_on_a_terminal() {
    if crate::support::skip_comparison() {
        return;
    }
    let env = isolated();
    for cols in [0, 50, 100, 200] {
        for path in [
            "context ls",
            "context create",
            "context inspect",
            "context rm",
            "context update",
        ] {
            let line = |bin: &str| format!("{bin} -H {NO_DAEMON} {path} --help");
            let (want, want_code, _) =
                crate::support::pty::run_in_pty(&env, &line(&docker_bin()), cols);
            let (got, got_code, _) = crate::support::pty::run_in_pty(&env, &line(dkr_bin()), cols);
            let want = String::from_utf8_lossy(&crate::support::normalize(&want))
                .replace('\r', "")
                .replace("$ docker context ", "$ dkr context ");
            let got = String::from_utf8_lossy(&got).replace('\r', "");
            assert_eq!(
                (got_code, got),
                (want_code, want),
                "{path} --help at {cols} columns"
            );
        }
    }
}

/// A context's TLS files follow it: copied by `create --from` and by `create` from the current
/// one, not by the `from=` key (docker takes only the endpoint there), replaced or dropped by
/// `update --docker`.
#[test]
fn tls_files_through_copies_and_updates() {
    let Ok(certs) = std::env::var("DKR_TEST_CERTS") else {
        return;
    };
    let p = Pair::new();
    let spec = format!(
        "host=tcp://127.0.0.1:1,ca={certs}/ca.pem,cert={certs}/cert.pem,key={certs}/key.pem"
    );
    p.seed(&["context", "create", "tls1", "--docker", &spec]);
    let ca_only = format!("host=tcp://x:1,ca={certs}/ca.pem");
    for args in [
        &["context", "create", "tls2", "--from", "tls1"][..],
        &["context", "create", "tls3", "--docker", "from=tls1"],
        &["--context", "tls1", "context", "create", "tls4"],
        &["context", "update", "tls2", "--docker", &ca_only],
        &[
            "context",
            "update",
            "tls1",
            "--docker",
            "host=tcp://127.0.0.1:2",
        ],
        &["context", "inspect", "tls1", "tls2", "tls3", "tls4"],
        &["context", "export", "tls2", "-"],
    ] {
        p.compare(args);
    }
}

/// A TLS context without a CA file verifies the engine against the system's roots, as Go
/// does: with `SSL_CERT_FILE` naming the test CA both CLIs reach the test engine; with a
/// bundle that lacks it, both fail the same way (Go's unknown-authority words).
#[test]
fn a_context_without_a_ca_uses_the_system_roots() {
    let Some((certs, tls_host)) = tls_engine() else {
        return;
    };
    let env = isolated();
    let spec = format!("host={tls_host},cert={certs}/cert.pem,key={certs}/key.pem");
    for bin in [docker_bin(), dkr_bin().to_string()] {
        let name = if bin == dkr_bin() {
            "noca-dkr"
        } else {
            "noca-docker"
        };
        assert!(env
            .run(&bin, &["context", "create", name, "--docker", &spec])
            .ok());
    }
    let ps = |name: &str| {
        vec![
            "--context".to_string(),
            name.to_string(),
            "ps".into(),
            "-q".into(),
            "--filter".into(),
            "name=^/nothing-by-this-name$".into(),
        ]
    };
    let trusting = env
        .var("SSL_CERT_FILE", &format!("{certs}/ca.pem"))
        .var("SSL_CERT_DIR", "/nonexistent");
    for name in ["noca-dkr", "noca-docker"] {
        let args = ps(name);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = trusting.compare(&args);
        assert!(out.ok(), "{out}");
    }
    // The later value wins: a bundle without the test CA.
    let empty = TempDir::new("noca");
    let other_ca = empty.join("other.pem");
    std::fs::write(&other_ca, b"").unwrap();
    let distrusting = trusting.var("SSL_CERT_FILE", other_ca.to_str().unwrap());
    for name in ["noca-dkr", "noca-docker"] {
        let args = ps(name);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = distrusting.compare(&args);
        assert_eq!(out.code, 1, "{out}");
    }
}
