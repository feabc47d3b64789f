//! `commit` against the test engine, compared with the reference docker CLI: every flag, and
//! how references are parsed.

use crate::support::env::Env;
use crate::support::registry::*;
use crate::support::*;

// ---------------------------------------------------------------------------------------------
// commit

#[test]
fn commit_with_every_flag_matches_docker() {
    let Some(e) = registries() else { return };
    let env = Env::isolated(&e.host);
    let name = format!("dkrpull-commit-{}", std::process::id());
    env.docker_ok(&["run", "--name", &name, "busybox", "sh", "-c", "echo hi >/f"]);
    let _container = ContainerGuard {
        env: &env,
        name: name.clone(),
    };
    let inspect = |image: &str| {
        env.docker_ok(&[
            "image",
            "inspect",
            "--format",
            "{{json .Author}} {{json .Comment}} {{json .Config.Env}} {{json .Config.Cmd}} {{json .Config.WorkingDir}} {{json .RepoTags}}",
            image,
        ])
    };
    let mut seen = Vec::new();
    for (program, tag) in [
        (docker_bin(), "by-docker"),
        (dkr_bin().to_string(), "by-dkr"),
    ] {
        let image = format!("dkrtest/pull-commit:{tag}");
        let out = env.run(
            &program,
            &[
                "commit",
                "-a",
                "Me <me@x>",
                "-m",
                "my msg",
                "-c",
                "ENV X=1",
                "--change",
                "CMD [\"sh\",\"-c\",\"echo\"]",
                "-c",
                "WORKDIR /tmp",
                "-p=false",
                &name,
                &image,
            ],
        );
        assert_eq!(out.code, 0, "{program}: {out:?}");
        assert_eq!(out.err(), "");
        let id = out.out().trim().to_string();
        assert!(id.starts_with("sha256:") && id.len() == 71, "{id}");
        seen.push(inspect(&image).replace(tag, "TAG"));
        env.docker_ok(&["rmi", &image]);
    }
    assert_eq!(seen[0], seen[1]);
    assert_eq!(
        seen[1].trim(),
        "\"Me <me@x>\" \"my msg\" [\"X=1\"] [\"sh\",\"-c\",\"echo\"] \"/tmp\" [\"dkrtest/pull-commit:TAG\"]"
    );
    // No reference: an untagged image; a bare name gets `latest`; --pause spellings.
    let out = env.dkr(&["commit", &name]);
    assert_eq!(out.code, 0);
    let id = out.out().trim().to_string();
    assert_eq!(inspect(&id).split(' ').next_back().unwrap().trim(), "[]");
    env.docker_ok(&["rmi", &id]);
    let out = env.dkr(&[
        "container",
        "commit",
        "--pause",
        "-p=true",
        &name,
        "dkrtest/pull-commit",
    ]);
    assert_eq!(out.code, 0, "{out:?}");
    assert!(inspect("dkrtest/pull-commit:latest").contains("dkrtest/pull-commit:latest"));
    env.docker_ok(&["rmi", "dkrtest/pull-commit:latest"]);

    let cases: Vec<Vec<&str>> = vec![
        vec!["commit", &name, "Bad"],
        vec![
            "commit",
            &name,
            "x@sha256:21265c78a6ff6c9e25c1df0470f92bada45271ff6ae0e1680c8a79d1e82f0d71",
        ],
        vec!["commit", &name, "foo:"],
        vec!["commit", "no-such-container-dkr"],
        vec!["commit", "-c", "RUN x", &name],
        vec!["commit"],
        vec!["commit", "a", "b", "c"],
        vec!["commit", &name, "-a", "x"],
        vec!["container", "commit"],
        vec!["commit", " "],
        vec!["commit", "--bogus", &name],
    ];
    for args in cases {
        env.compare(&args);
    }
}

/// docker/distribution's reference grammar, checked through `commit` (which parses the
/// reference client-side and otherwise only asks the engine for a missing container, so no
/// registry is ever contacted).
#[test]
fn reference_parsing_matches_docker() {
    let Some(e) = registries() else { return };
    let env = Env::isolated(&e.host);
    let hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    let long = format!("x/{}", "a".repeat(256));
    let long_tag = format!("x:{}", "t".repeat(129));
    let ok_tag = format!("x:{}", "t".repeat(128));
    let digest = format!("x@sha256:{hex}");
    let tag_digest = format!("x:1@sha256:{hex}");
    let upper_digest = format!("x@sha256:{}", hex.to_uppercase());
    let sha512 = format!("x@sha512:{hex}{hex}");
    let refs: Vec<&str> = vec![
        "alpine",
        "alpine:3.19",
        "library/alpine",
        "docker.io/alpine",
        "index.docker.io/x/y",
        "localhost/x",
        "localhost:5000/x:1",
        "LOCALHOST/x",
        "example.com/a/b/c:v1.0-rc_1",
        "Example.COM:443/a",
        "[::1]:5000/foo:1",
        "[fe80::1]/x",
        "[]/x",
        "a:b/c",
        "a/b:c/d",
        "Bad/Name",
        "Bad",
        "bad/Name:tag",
        "foo_bar/baz",
        "Foo_Bar/baz",
        "a__b/c",
        "a___b/c",
        "a-b---c",
        "a._b",
        "a..b",
        "-x",
        "x-",
        "x/",
        "/x",
        "x//y",
        "x:",
        ":x",
        "x::y",
        "x@",
        "x@sha256",
        hex,
        &digest,
        &tag_digest,
        &upper_digest,
        &sha512,
        "x@md5:0123456789abcdef0123456789abcdef",
        "x@sha256:0123456789abcdef0123456789abcdef",
        "x@MD5:0123456789abcdef0123456789abcdef",
        &long,
        &long_tag,
        &ok_tag,
        "x y",
        "x\ty",
        "é",
        "a/b/c/d/e/f",
        "1.2.3.4:80/x",
        "host-.com/x",
        "-host.com/x",
        "x:-tag",
        "x:_tag",
        "x:.tag",
        "x:t@g",
    ];
    for r in refs {
        env.compare(&["commit", "no-such-container-dkr", r]);
    }
}
