//! `login` and `logout` against the test engine's htpasswd registry, compared with the
//! reference docker CLI step by step, with the resulting config's `auths`.

use crate::support::env::{Env, Input};
use crate::support::registry::*;
use crate::support::*;

// ---------------------------------------------------------------------------------------------
// login / logout

on_both_engines! {
    fn login_pull_logout_keeps_config() {
        let Some(e) = registries() else { return };
        let imgs = images(&e);
        let _g = image_lock();
        let env = Env::isolated(&e.host);
        let original =
            "{\n\t\"psFormat\": \"table {{.ID}}  x\",\n\t\"x-unknown\": {\"keep\": [1, 2]}\n}";
        env.write_config(original);
        let out = env.dkr(&["login", "-u", &e.user, "-p", &e.password, &e.auth_registry]);
        assert_eq!(out.code, 0, "{out:?}");
        assert_eq!(out.out(), "Login Succeeded\n");
        let path = env.config_path();
        assert_eq!(
            out.err(),
            format!(
                "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n\nWARNING! Your credentials are stored unencrypted in '{}'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n",
                path.display()
            )
        );
        let mode = std::fs::metadata(&path).unwrap().permissions();
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(mode.mode() & 0o777, 0o600);
        let doc: serde_json::Value = serde_json::from_str(&env.read_config()).unwrap();
        assert_eq!(doc["psFormat"], "table {{.ID}}  x");
        assert_eq!(doc["x-unknown"], serde_json::json!({"keep": [1, 2]}));
        assert_eq!(
            doc["auths"][&e.auth_registry],
            serde_json::json!({"auth": "dGVzdHVzZXI6dGVzdHBhc3N3b3Jk"})
        );
        // No stray temporary files.
        let names: Vec<_> = std::fs::read_dir(env.config.path())
            .unwrap()
            .map(|d| d.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, vec!["config.json".to_string()]);

        let r = format!("{}:1", imgs.auth_repo);
        rmi_layers(&env, imgs);
        let out = env.dkr(&["pull", "-q", &r]);
        assert_eq!(
            (out.code, out.out().as_str()),
            (0, format!("{r}\n").as_str()),
            "{out:?}"
        );

        let out = env.dkr(&["logout", &e.auth_registry]);
        assert_eq!(
            out.out(),
            format!("Removing login credentials for {}\n", e.auth_registry)
        );
        assert_eq!((out.code, out.err().as_str()), (0, ""));
        let doc: serde_json::Value = serde_json::from_str(&env.read_config()).unwrap();
        assert_eq!(doc["auths"], serde_json::json!({}));
        assert_eq!(doc["x-unknown"], serde_json::json!({"keep": [1, 2]}));
        assert_eq!(
            std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let out = env.dkr(&["pull", &r]);
        assert_eq!(out.code, 1, "logged out: {out:?}");
        assert!(out.err().contains(no_credentials_error()), "{out:?}");
        // Leave the engine as tests/engine.sh made it: the test image not present locally.
        rmi_layers(&Env::isolated(&e.host), imgs);
    }
}

/// Run the same login/logout steps with docker and with dkr, each from the same starting
/// config, and compare output and the resulting config's `auths`.
fn compare_login_steps(e: &Registries, start: &str, steps: &[(Vec<&str>, &[u8])]) {
    let env = Env::isolated(&e.host);
    let log = env.bin().join("helper.log");
    env.script(
        "docker-credential-dkrtest",
        &helper_script(&log, "nothing", "x", "y"),
    );
    let mut results = Vec::new();
    for program in [docker_bin(), dkr_bin().to_string()] {
        env.write_config(start);
        let _ = std::fs::remove_file(&log);
        let mut outs = Vec::new();
        for (args, input) in steps {
            outs.push(env.run_input(&program, args, Input::Bytes(input)));
        }
        let doc: serde_json::Value =
            serde_json::from_str(&env.read_config()).unwrap_or(serde_json::Value::Null);
        let calls = std::fs::read_to_string(&log).unwrap_or_default();
        results.push((outs, doc["auths"].clone(), calls));
    }
    let (docker, dkr) = (&results[0], &results[1]);
    for (i, (want, got)) in docker.0.iter().zip(&dkr.0).enumerate() {
        assert_same(&format!("step {i} {:?}", steps[i].0), want, got);
    }
    assert_eq!(docker.1, dkr.1, "auths after {steps:?}");
    assert_eq!(docker.2, dkr.2, "helper calls after {steps:?}");
}

on_both_engines! {
    fn login_logout_match_docker() {
        let Some(e) = registries() else { return };
        let reg = e.auth_registry.as_str();
        let user = e.user.as_str();
        let pw = format!("{}\n", e.password);
        let pw = pw.as_bytes();
        let none: &[u8] = b"";
        let v2 = format!("http://{reg}/v2/");
        // --password-stdin, stored-credentials login, logout, logout again.
        compare_login_steps(
            &e,
            "{}",
            &[
                (vec!["login", "-u", user, "--password-stdin", reg], pw),
                (vec!["login", "-u", user, "--password-stdin", reg], pw),
                (vec!["login", reg], none),
                (vec!["logout", reg], none),
                (vec!["logout", reg], none),
                (vec!["logout", &v2], none),
            ],
        );
        // Wrong password, with and without stored credentials.
        compare_login_steps(
            &e,
            &auths_config(&e, "wrong"),
            &[
                (vec!["login", reg], none),
                (
                    vec!["login", "-u", user, "--password-stdin", reg],
                    b"wrong\n",
                ),
            ],
        );
        // Flag errors and the non-terminal refusal.
        let steps: Vec<(Vec<&str>, &[u8])> = vec![
            (vec!["login", "-u", user, reg], none),
            (vec!["login", "-p", "x", reg], none),
            (vec!["login", "--password-stdin", reg], none),
            (vec!["login", "-u", "", reg], none),
            (vec!["login", "-u", user, "-p", "", reg], none),
            (
                vec!["login", "-u", user, "-p", "x", "--password-stdin", reg],
                none,
            ),
            (vec!["login", "--password-stdin=false", reg], none),
            (vec!["login", reg, "extra"], none),
            (vec!["login"], none),
            (vec!["logout", "a", "b"], none),
            (vec!["logout"], none),
            (vec!["login", "--bogus"], none),
        ];
        compare_login_steps(&e, "{}", &steps);
        // A credential helper (credsStore) stores and erases.
        compare_login_steps(
            &e,
            "{\"credsStore\":\"dkrtest\"}",
            &[
                (vec!["login", "-u", user, "--password-stdin", reg], pw),
                (vec!["logout", reg], none),
            ],
        );
        // A helper that is not installed.
        compare_login_steps(
            &e,
            "{\"credsStore\":\"missing\"}",
            &[
                (vec!["login", "-u", user, "--password-stdin", reg], pw),
                (vec!["logout", reg], none),
            ],
        );
    }
}
