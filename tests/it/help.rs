//! `--help` against the reference docker: cobra's layout byte for byte (program name swapped)
//! for every command whose help is docker's, in both spellings. `run --help` is not there yet
//! (flag defaults such as `(default [])` and multi-line usages of its flags), nor `-h` (docker
//! first says `Flag shorthand -h has been deprecated, use --help`), nor hiding the flags an
//! older daemon lacks (docker pings for `--help`; run here with no daemon).

use crate::support::env::Env;

fn env() -> Option<Env> {
    crate::support::engine_host().map(|h| Env::new(&h))
}

#[test]
fn help_matches_docker() {
    let Some(env) = env() else { return };
    for path in [
        &["ps"][..],
        &["container", "ls"],
        &["container", "list"],
        &["images"],
        &["image", "ls"],
        &["logs"],
        &["container", "logs"],
        &["stop"],
        &["container", "stop"],
        &["pull"],
        &["image", "pull"],
        &["commit"],
        &["container", "commit"],
        &["login"],
        &["logout"],
        &["version"],
    ] {
        // No daemon: docker hides flags the daemon's API version lacks (`images --tree` below
        // 1.47), which dkr's help does not do yet; without one both show every flag.
        let mut args = vec!["-H", "unix:///nonexistent-dkr.sock"];
        args.extend_from_slice(path);
        args.push("--help");
        env.compare(&args);
    }
}
