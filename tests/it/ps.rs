//! Differential tests of `dkr ps` against the shared fixture (see `support::fixture`): each case
//! runs the reference docker and dkr with the same arguments and requires the same stdout,
//! stderr and exit code. Also dkr's `ps --watch` (issue #15): NDJSON when piped, a table
//! redrawn in place on a terminal.

use crate::support::fixture::fixture;

differential! { with fixture();
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
    // Go's ParseInt(s, 0, 64): underscores only between digits (issue 10's divergences).
    ps_last_double_underscore: ["ps", "-n", "0x1__2"];
    ps_last_trailing_underscore: ["ps", "-n", "0x1_"];
    ps_last_leading_underscore: ["ps", "-n", "_1"];
    ps_last_decimal_underscore: ["ps", "-n", "1_0", "-f", "name={P}"];
    ps_bad_bool: ["ps", "--all=maybe"];
    ps_missing_format_value: ["ps", "--format"];
    ps_template_parse_error: ["ps", "--format", "{{.Names"];
    ps_template_exec_error: ["ps", "--format", "{{.Foo}}"];
    ps_template_table_exec_error: ["ps", "--format", "table {{.Foo}}"];
    ps_template_unknown_function: ["ps", "--format", "{{nosuchfunc .Names}}"];
    // Go's ParseFloat wants digits around every underscore and a p exponent on a hex mantissa.
    ps_template_bad_number_underscores: ["ps", "--format", "{{printf \"%d\" 0x1__2}}"];
    ps_template_bad_number_hex_float: ["ps", "--format", "{{0x1.8}}"];
}

on_both_engines! {
    fn ps_config_ps_format() {
        let Some(f) = fixture() else { return };
        f.compare_in(
            |e| e.with_config(r#"{"psFormat": "table {{.Names}}\\t{{.Status}}"}"#),
            &["ps", "-a", "-f", "name={P}"],
        );
        // -q wins over the configured format.
        f.compare_in(
            |e| e.with_config(r#"{"psFormat": "{{.Names}}"}"#),
            &["ps", "-a", "-q", "-f", "name={P}"],
        );
    }
}

on_both_engines! {
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
                |e| e.var("TZ", tz),
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
                |e| e.var("TZ", tz),
                &["images", "--format", "{{.Tag}} {{.CreatedAt}}", "{P}/img"],
            );
        }
    }
}

#[test]
fn ps_bad_docker_host() {
    let Some(f) = fixture() else { return };
    f.compare_in(|e| e.var("DOCKER_HOST", "foo://x"), &["ps"]);
    f.compare_in(|e| e.var("DOCKER_HOST", "foo://x"), &["images"]);
}

#[test]
fn daemon_unreachable() {
    let Some(f) = fixture() else { return };
    let gone = "unix:///tmp/dkr-test-no-such-dir/docker.sock";
    f.compare_in(|e| e.var("DOCKER_HOST", gone), &["ps"]);
    f.compare_in(|e| e.var("DOCKER_HOST", gone), &["images"]);
    f.compare_in(|e| e.var("DOCKER_HOST", gone), &["images", "--tree"]);
    // Template errors come before any request.
    f.compare_in(
        |e| e.var("DOCKER_HOST", gone),
        &["ps", "--format", "{{.Foo}}"],
    );
    // Argument errors come before the endpoint is even resolved.
    f.compare_in(|e| e.var("DOCKER_HOST", "foo://x"), &["ps", "extra"]);
}

on_both_engines! {
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
        assert_eq!(docker.out(), "141\n");
        assert_eq!(dkr, docker);
    }
}

// ---------------------------------------------------------------------------------------------
// ps --watch (dkr, issue #15)

on_both_engines! {
    /// Piped: one NDJSON object per change of the containers the filter selects (the engine
    /// is shared: a label of our own), each once, in order.
    fn ps_watch_piped_reports_each_change_once() {
        use std::io::BufRead;
        use std::time::{Duration, Instant};
        let e = engine_or_skip!();
        let label = crate::support::unique("watch");
        let name = crate::support::unique("w");
        let _c = e.cleanup(&[&name]);
        let mut cmd = e.command(
            crate::support::dkr_bin(),
            &["ps", "--watch", "--filter", &format!("label={label}")],
        );
        cmd.stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null());
        let mut child = cmd.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        // Time to subscribe to the engine's events.
        std::thread::sleep(Duration::from_secs(2));
        e.docker_ok(&["run", "-d", "--name", &name, "--label", &label, "busybox", "sleep", "1"]);
        e.docker_ok(&["wait", &name]);
        e.docker_ok(&["rm", &name]);
        let mut lines = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(l) => {
                    let done = l.contains("\"action\":\"destroy\"");
                    lines.push(l);
                    if done {
                        break;
                    }
                }
                Err(_) => break,
            }
        }
        // Nothing more comes for that container.
        std::thread::sleep(Duration::from_millis(500));
        lines.extend(rx.try_iter());
        let _ = child.kill();
        let _ = child.wait();
        let events: Vec<serde_json::Value> = lines
            .iter()
            .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
            .collect();
        let actions: Vec<&str> = events.iter().map(|v| v["action"].as_str().unwrap()).collect();
        assert_eq!(actions, ["create", "start", "die", "destroy"], "{lines:#?}");
        for v in &events {
            assert_eq!(v["container"]["Names"], serde_json::json!([name]), "{v}");
            assert!(v["container"]["Labels"].is_object(), "typed as ps --json: {v}");
            assert!(v["time"].as_str().unwrap().ends_with('Z'), "{v}");
        }
        assert_eq!(events[1]["container"]["State"], "running");
        // Podman says `stopped` until its cleanup, docker `exited`.
        assert_ne!(events[2]["container"]["State"], "running", "{}", lines[2]);
    }
}

on_both_engines! {
    /// On a terminal the table is redrawn in place as the container starts and stops, and a
    /// signal ends the watch with the cursor shown again, killed by that signal.
    fn ps_watch_redraws_on_a_terminal() {
        let e = engine_or_skip!();
        let label = crate::support::unique("watchtty");
        let name = crate::support::unique("wt");
        let _c = e.cleanup(&[&name]);
        let docker = crate::support::docker_bin();
        let dkr = crate::support::dkr_bin();
        let script = format!(
            "{dkr} ps --watch -a --filter label={label} --format 'table {{{{.Names}}}}\\t{{{{.State}}}}' & p=$!; \
             sleep 2; {docker} run -d --name {name} --label {label} busybox sleep 30 >/dev/null; \
             sleep 1; {docker} stop -t 0 {name} >/dev/null; sleep 1.5; \
             kill -TERM $p; wait $p; echo rc=$?"
        );
        let (raw, _, _) = crate::support::pty::run_in_pty(&e, &script, 100);
        let text = String::from_utf8_lossy(&raw).to_string();
        assert!(text.contains("rc=143"), "{text:?}");
        assert!(crate::support::pty::count_redraws(&raw) >= 3, "{text:?}");
        assert!(text.contains("\x1b[?25h"), "cursor shown again: {text:?}");
        let screen = crate::support::pty::screen(&raw, 100);
        let rows: Vec<&String> = screen.iter().filter(|l| l.contains(&name)).collect();
        assert_eq!(rows.len(), 1, "one row, redrawn in place: {screen:#?}");
        assert!(rows[0].contains("exited"), "{screen:#?}");
        assert_eq!(screen.iter().filter(|l| l.starts_with("NAMES")).count(), 1, "{screen:#?}");
    }
}
