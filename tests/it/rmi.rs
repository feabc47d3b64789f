//! `dkr rmi` against the real engines, beside docker: argument and flag errors, `--platform`
//! on a daemon older than API 1.50, missing and invalid references, `-f` (missing ones only
//! reported), the `Untagged:`/`Deleted:` lines, conflicts, ID prefixes, `--no-prune`, several
//! images with errors among them, and the request's fault-proxy check. The images removed are
//! the tests' own commits and tags, never `busybox` itself.

use crate::support::env::Env;
use crate::support::objects::{check_faults, compare_fresh, without_ids, ImageCleanup};
use crate::support::{assert_same, dkr_bin, docker_bin, unique};

differential! {
    rmi_without_args: ["rmi"];
    rmi_empty_name: ["rmi", ""];
    rmi_missing: ["rmi", "s4-no-such-image"];
    rmi_missing_several: ["rmi", "s4-no-such-image:1", "localhost:5000/s4-no-such:2"];
    rmi_force_missing: ["rmi", "-f", "s4-no-such-image:1", "s4-no-such-image:2"];
    rmi_force_missing_and_invalid: ["rmi", "-f", "s4-no-such-image", "Bad/Name"];
    rmi_force_missing_and_empty: ["rmi", "--force", "s4-no-such-image", ""];
    rmi_uppercase: ["rmi", "Bad/Name"];
    rmi_invalid_reference: ["rmi", "a b"];
    rmi_no_prune_missing: ["rmi", "--no-prune", "s4-no-such-image"];
    rmi_platform_needs_api_1_50: ["rmi", "--platform", "linux/amd64", "s4-no-such-image"];
    rmi_platform_before_arity: ["rmi", "--platform", "linux/amd64"];
    rmi_platform_empty: ["rmi", "--platform=", "x"];
    image_rm_platform_invalid: ["image", "rm", "--platform=bogus/x/y/z", "x"];
    rmi_bad_flag: ["rmi", "--bogus"];
    rmi_bad_bool: ["rmi", "--no-prune=2", "x"];
    image_rm_without_args: ["image", "rm"];
    image_remove_missing: ["image", "remove", "s4-no-such-image"];
    image_rmi_missing: ["image", "rmi", "s4-no-such-image"];
    image_rmi_without_args: ["image", "rmi"];
    rmi_id_not_there: ["rmi", "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"];
    rmi_dot_dot: ["rmi", "../s4-no-such-image"];
    rmi_unreachable_daemon: ["-H", "unix:///nonexistent-dkr.sock", "rmi", "a"];
    // Without a daemon: docker hides `--platform` from the help of a daemon older than 1.50.
    rmi_help: ["-H", "unix:///nonexistent-dkr.sock", "rmi", "--help"];
    image_rm_help: ["-H", "unix:///nonexistent-dkr.sock", "image", "rm", "--help"];
    image_rmi_help: ["-H", "unix:///nonexistent-dkr.sock", "image", "rmi", "--help"];
    help_rmi: ["-H", "unix:///nonexistent-dkr.sock", "help", "rmi"];
}

/// A container whose file system commits can be made from (each commit a new image ID).
struct Source<'a> {
    env: &'a Env,
    name: String,
}

impl<'a> Source<'a> {
    fn new(env: &'a Env) -> Source<'a> {
        let name = unique("rmi-src");
        env.docker_ok(&["run", "--name", &name, "busybox", "sh", "-c", "echo x >/f"]);
        Source { env, name }
    }

    /// A new image tagged `reference` (dkr's commit: docker's does not work on Podman).
    fn commit(&self, reference: &str) -> String {
        let out = self
            .env
            .run(dkr_bin(), &["commit", "-m", "s4", &self.name, reference]);
        assert_eq!(out.code, 0, "commit: {out}");
        out.out().trim().to_string()
    }
}

impl Drop for Source<'_> {
    fn drop(&mut self) {
        self.env.rm(&[&self.name]);
    }
}

on_both_engines! {
    fn rmi_untagged_and_deleted_lines_with_a_missing_image() {
        let e = engine_or_skip!();
        let src = Source::new(&e);
        let (one, two) = (format!("{}:1", unique("rmi-img")), format!("{}:2", unique("rmi-img")));
        let _i = ImageCleanup::new(&e, &[&one, &two]);
        let setup = || {
            src.commit(&one);
            e.docker_ok(&["tag", &one, &two]);
        };
        let out = compare_fresh(&e, setup, &["rmi", &one, "s4-no-such-image", &two]);
        assert_eq!(out.code, 1, "{out}");
        assert!(out.out().contains("Deleted: "), "{out}");
        // Both gone: the second call deleted the image.
        assert_ne!(e.docker(&["image", "inspect", &two]).code, 0);
        // -f: the missing one is only reported, after the others.
        let out = compare_fresh(&e, setup, &["rmi", "-f", "s4-no-such-image", &one, &two]);
        assert_eq!(out.code, 0, "{out}");
    }
}

on_both_engines! {
    /// An ID prefix of an image with two tags: the daemon's conflict, then forced.
    fn rmi_id_prefix_conflict_and_force() {
        let e = engine_or_skip!();
        let src = Source::new(&e);
        let (one, two) = (format!("{}:1", unique("rmi-pre")), format!("{}:2", unique("rmi-pre")));
        let _i = ImageCleanup::new(&e, &[&one, &two]);
        let id = src.commit(&one);
        e.docker_ok(&["tag", &one, &two]);
        let short = id.trim_start_matches("sha256:")[..12].to_string();
        let out = e.compare(&["rmi", &short]);
        assert_eq!(out.code, 1, "{out}");
        e.compare(&["image", "rm", "--no-prune", &id]);
        // Forced, by a prefix of each CLI's own image: the tags go, then the image.
        let run = |program: &str| {
            let id = src.commit(&one);
            e.docker_ok(&["tag", &one, &two]);
            let prefix = &id.trim_start_matches("sha256:")[..12];
            without_ids(&e.run(program, &["rmi", "-f", prefix]))
        };
        let docker = run(&docker_bin());
        let dkr = run(dkr_bin());
        assert_same("rmi -f PREFIX", &docker, &dkr);
        assert!(dkr.out().contains("Deleted: "), "{dkr}");
    }
}

on_both_engines! {
    /// An image a container uses: the daemon's conflict; forced, it is only untagged.
    fn rmi_image_in_use() {
        let e = engine_or_skip!();
        let src = Source::new(&e);
        let img = format!("{}:1", unique("rmi-used"));
        let user = unique("rmi-user");
        let _c = e.cleanup(&[&user]);
        let _i = ImageCleanup::new(&e, &[&img]);
        src.commit(&img);
        e.docker_ok(&["create", "--name", &user, &img, "true"]);
        let out = e.compare(&["rmi", &img]);
        assert_eq!(out.code, 1, "{out}");
        // Forced: Docker untags and deletes it (the container keeps its layers), Podman
        // removes the container too; each CLI gets its own image and container.
        let setup = || {
            e.rm(&[&user]);
            src.commit(&img);
            e.docker_ok(&["create", "--name", &user, &img, "true"]);
        };
        let out = compare_fresh(&e, setup, &["rmi", "-f", &img]);
        assert_eq!(out.code, 0, "{out}");
    }
}

on_both_engines! {
    /// `--no-prune` keeps the untagged parent a child was committed on.
    fn rmi_no_prune_keeps_parents() {
        let e = engine_or_skip!();
        let src = Source::new(&e);
        let (parent, child) = (format!("{}:p", unique("rmi-np")), format!("{}:c", unique("rmi-np")));
        let child_src = unique("rmi-np-src");
        let _c = e.cleanup(&[&child_src]);
        let _i = ImageCleanup::new(&e, &[&parent, &child]);
        let setup = || {
            e.rm(&[&child_src]);
            src.commit(&parent);
            e.docker_ok(&["run", "--name", &child_src, &parent, "sh", "-c", "echo y >/g"]);
            let out = e.run(dkr_bin(), &["commit", &child_src, &child]);
            assert_eq!(out.code, 0, "{out}");
            e.rm(&[&child_src]);
            e.docker_ok(&["rmi", &parent]);
        };
        compare_fresh(&e, setup, &["rmi", "--no-prune", &child]);
        compare_fresh(&e, setup, &["rmi", &child]);
    }
}

/// A broken answer to `DELETE /images/{name}` is a clear error, never a hang.
#[test]
fn rmi_survives_faults() {
    let Some(host) = crate::support::engine_host() else {
        return;
    };
    let e = Env::new(&host);
    let img = format!("{}:1", unique("rmi-fault"));
    let _i = ImageCleanup::new(&e, &[&img]);
    let before = || {
        let _ = e.docker(&["tag", "busybox", &img]);
    };
    let problems = check_faults(&host, &["rmi", &img], "DELETE", "/images/", &before);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
