//! `dkr tag` against the real engines, beside docker: argument errors (exactly two, flags only
//! before the first), both references checked client-side in docker's words, a missing
//! source, tags made by name, ID and ID prefix (checked with inspect), and the request's
//! fault-proxy check. The tags made are the tests' own, removed after.

use crate::support::objects::{check_faults, ImageCleanup};
use crate::support::unique;

const HEX64: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

differential! {
    tag_without_args: ["tag"];
    tag_one_arg: ["tag", "busybox"];
    tag_three_args: ["tag", "busybox", "a", "b"];
    tag_missing_source: ["tag", "s4-no-such-image", "s4-tag-target"];
    tag_missing_source_id: ["tag", HEX64, "s4-tag-target"];
    tag_uppercase_target: ["tag", "busybox", "Bad/Name"];
    tag_invalid_target: ["tag", "busybox", "a b"];
    tag_uppercase_source: ["tag", "BAD", "x"];
    tag_invalid_source: ["tag", "busybox:la:x", "y"];
    tag_digest_target: ["tag", "busybox", "x@sha256:0000000000000000000000000000000000000000000000000000000000000000"];
    tag_bad_digest_target: ["tag", "busybox", "x@sha256:00"];
    tag_hex_target: ["tag", "busybox", HEX64];
    tag_long_tag: ["tag", "busybox", "x:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"];
    tag_empty_source: ["tag", "", "x"];
    tag_empty_target: ["tag", "busybox", ""];
    tag_flag_before_the_arguments: ["tag", "-f", "busybox", "x"];
    tag_flag_after_is_an_argument: ["tag", "busybox", "-x"];
    tag_help_after_is_an_argument: ["tag", "busybox", "--help"];
    tag_dashdash: ["tag", "--", "s4-no-such-image", "x"];
    tag_help: ["tag", "--help"];
    image_tag_help: ["image", "tag", "--help"];
    image_tag_without_args: ["image", "tag"];
    tag_unreachable_daemon: ["-H", "unix:///nonexistent-dkr.sock", "tag", "busybox", "x"];
    tag_invalid_before_daemon: ["-H", "unix:///nonexistent-dkr.sock", "tag", "busybox", "X"];
}

on_both_engines! {
    /// By name, full ID, ID prefix, to a registry name, with and without a tag: no output,
    /// exit 0, and the tag is there (tagging twice is no error).
    fn tag_makes_the_tags() {
        let e = engine_or_skip!();
        let base = unique("tag");
        let targets = [
            format!("{base}-a"),
            format!("{base}-b:v1.0"),
            format!("localhost:5000/{base}/c:1"),
            format!("docker.io/library/{base}-d:x"),
        ];
        let refs: Vec<&str> = targets.iter().map(String::as_str).collect();
        let _i = ImageCleanup::new(&e, &refs);
        let id = e.docker_ok(&["image", "inspect", "-f", "{{.Id}}", "busybox"]);
        let id = id.trim();
        let short = &id.trim_start_matches("sha256:")[..12];
        for (source, target) in [
            ("busybox", &targets[0]),
            (id, &targets[1]),
            (short, &targets[2]),
            ("busybox:latest", &targets[3]),
        ] {
            let out = e.compare(&["tag", source, target]);
            assert_eq!((out.code, out.out(), out.err()), (0, String::new(), String::new()));
            let got = e.docker_ok(&["image", "inspect", "-f", "{{.Id}}", target]);
            assert_eq!(got.trim(), id, "{target}");
        }
        e.compare(&["image", "tag", &targets[0], &targets[1]]);
    }
}

/// A broken answer to `POST /images/{name}/tag` is a clear error, never a hang.
#[test]
fn tag_survives_faults() {
    let Some(host) = crate::support::engine_host() else {
        return;
    };
    let e = crate::support::env::Env::new(&host);
    let target = format!("{}:1", unique("tag-fault"));
    let _i = ImageCleanup::new(&e, &[&target]);
    let problems = check_faults(&host, &["tag", "busybox", &target], "POST", "/tag", &|| {});
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
