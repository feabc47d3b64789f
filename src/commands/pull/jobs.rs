//! Pulls beyond docker's one-image `pull`: tries again after a transient failure
//! (`--retry`, `DKR_PULL_RETRY`) and pulls several images at once (`--parallel`), each resolved
//! and authenticated on its own, shown by `render::pull_view`. Failures are reported once each,
//! in docker's words and in argument order, after every image is done.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use crate::engine::api::ImagePullOptions;
use crate::engine::transient;
use crate::engine::{Client, ClientOptions, EngineError};
use crate::exit::StatusError;
use crate::render::progress::Target;

use crate::commands::registry::exit_on_signal;
use crate::render::pull_view::PullView;

/// How one try of a pull ended badly.
pub struct Failure {
    pub err: anyhow::Error,
    pub transient: bool,
}

impl Failure {
    /// A failure of `/images/create` itself.
    pub fn engine(e: EngineError) -> Failure {
        Failure {
            transient: transient::is_transient(&e),
            err: e.into(),
        }
    }

    /// An in-stream error or a broken stream (`errorDetail`'s message).
    pub fn stream(text: String) -> Failure {
        Failure {
            transient: transient::is_transient_text(&text),
            err: StatusError::new(crate::exit::FAILURE, text).into(),
        }
    }

    /// Anything else: never tried again.
    pub fn permanent(err: anyhow::Error) -> Failure {
        Failure {
            err,
            transient: false,
        }
    }
}

/// The words `exit::report` would print for `err`.
pub fn words(err: &anyhow::Error) -> String {
    match err.downcast_ref::<StatusError>() {
        Some(s) => s.message.clone(),
        None => format!("{err:#}"),
    }
}

/// `DKR_PULL_RETRY` as a number of retries (unset, empty or not a number: none).
pub fn retries_from_env() -> u32 {
    std::env::var("DKR_PULL_RETRY")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

/// Run `attempt` until it succeeds, fails for good, or `retries` retries were made after
/// transient failures; before retry `n` call `on_retry(n, nominal delay, error words)` and
/// wait 1 s, 2 s, 4 s … (capped, jittered). A signal during the wait ends the process at once
/// (the default disposition, or `exit_on_signal`'s handler once a stream was shown).
pub fn with_retries(
    retries: u32,
    mut attempt: impl FnMut() -> Result<(), Failure>,
    mut on_retry: impl FnMut(u32, Duration, &str),
) -> anyhow::Result<()> {
    let mut n = 0;
    loop {
        match attempt() {
            Ok(()) => return Ok(()),
            Err(f) if f.transient && n < retries => {
                n += 1;
                let nominal = transient::nominal_delay(n);
                on_retry(n, nominal, &words(&f.err));
                std::thread::sleep(transient::jittered(nominal, seed(n)));
            }
            Err(f) => return Err(f.err),
        }
    }
}

/// A varying number for the jitter: the clock's nanoseconds, the process and the try.
fn seed(n: u32) -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    u64::from(nanos) ^ (u64::from(std::process::id()) << 32) ^ u64::from(n)
}

/// One image of a multi-image pull, resolved before the workers start.
pub struct Job {
    /// What to ask the engine for, or docker's words for why the argument is no image.
    pub opts: Result<ImagePullOptions, String>,
    /// `X-Registry-Auth`.
    pub auth: String,
    /// `Using default tag: latest`, when the argument had no tag.
    pub note: Option<String>,
}

/// One try of `job`: the engine's stream fed to `view` as image `i`.
fn try_once(
    client: &Client,
    view: &PullView,
    i: usize,
    opts: &ImagePullOptions,
    auth: &str,
    target: Target,
) -> Result<(), Failure> {
    view.restart(i);
    let resp = client.image_create(opts, auth).map_err(Failure::engine)?;
    exit_on_signal(target);
    view.stream(i, resp).map_err(Failure::stream)
}

/// Pull every job, `parallel` at a time, each with up to `retries` retries; every failure's
/// words in argument order.
pub fn pull_all(
    client_opts: &ClientOptions,
    view: &PullView,
    jobs: &[Job],
    parallel: usize,
    retries: u32,
    target: Target,
) -> Vec<Option<String>> {
    let next = AtomicUsize::new(0);
    let errors: Mutex<Vec<Option<String>>> = Mutex::new(vec![None; jobs.len()]);
    let workers = parallel.clamp(1, jobs.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                // A client each: a client keeps one connection, not shareable across threads.
                let client = Client::from_options(client_opts);
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(job) = jobs.get(i) else { break };
                    if let Some(note) = &job.note {
                        view.note(i, note);
                    }
                    let result = match (&job.opts, &client) {
                        (Err(words), _) => Err(words.clone()),
                        (Ok(_), Err(e)) => Err(e.to_string()),
                        (Ok(opts), Ok(client)) => with_retries(
                            retries,
                            || try_once(client, view, i, opts, &job.auth, target),
                            |n, delay, e| view.retry(i, n, retries, delay, e),
                        )
                        .map_err(|e| words(&e)),
                    };
                    view.done(i, result.as_ref().map(|_| ()).map_err(String::as_str));
                    if let Err(e) = result {
                        errors.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(e);
                    }
                }
            });
        }
    });
    view.finish();
    errors.into_inner().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn transient(text: &str) -> Failure {
        Failure {
            err: anyhow::anyhow!(text.to_string()),
            transient: true,
        }
    }

    #[test]
    fn retries_only_transient_failures_and_counts_them() {
        // Two transient failures, then success: two retries announced, 1 s then 2 s.
        let mut calls = 0;
        let mut seen = Vec::new();
        let r = with_retries(
            3,
            || {
                calls += 1;
                if calls <= 2 {
                    Err(transient("503"))
                } else {
                    Ok(())
                }
            },
            |n, d, e| {
                seen.push((n, d.as_secs(), e.to_string()));
            },
        );
        // (The test sleeps 1 s + 2 s plus jitter; kept as the real schedule on purpose.)
        assert!(r.is_ok());
        assert_eq!(seen, [(1, 1, "503".to_string()), (2, 2, "503".to_string())]);
        // A permanent failure ends the first try.
        let mut calls = 0;
        let r = with_retries(
            3,
            || {
                calls += 1;
                Err(Failure::permanent(anyhow::anyhow!("manifest unknown")))
            },
            |_, _, _| panic!("no retry"),
        );
        assert_eq!(
            (calls, words(&r.unwrap_err())),
            (1, "manifest unknown".into())
        );
        // Out of retries: the last failure is the error.
        let r = with_retries(
            0,
            || Err(transient("refused")),
            |_, _, _| panic!("no retry"),
        );
        assert_eq!(words(&r.unwrap_err()), "refused");
    }

    #[test]
    fn failure_kinds() {
        let f = Failure::engine(EngineError::Daemon {
            status: 500,
            message: "received unexpected HTTP status: 503 Service Unavailable".into(),
        });
        assert!(f.transient);
        assert_eq!(
            words(&f.err),
            "Error response from daemon: received unexpected HTTP status: 503 Service Unavailable"
        );
        let f = Failure::stream("manifest unknown".into());
        assert!(!f.transient);
        assert_eq!(words(&f.err), "manifest unknown");
    }
}
