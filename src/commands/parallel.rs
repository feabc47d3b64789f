//! docker's `parallelOperation` (`cli/command/container/utils.go`), shared by `stop`, `rm` and
//! `kill`: one request per container, at most [`MAX_PARALLEL`] at a time, results handed back
//! in argument order as soon as every earlier argument is settled; and the loop those three
//! commands run over the results ([`print_each`]).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};

use super::Context;
use crate::engine::{Client, EngineError};

/// docker's `parallelOperation` limit.
pub const MAX_PARALLEL: usize = 50;

/// Run `op` for every name in `names` on forks of `client` and give each result to `each`, in
/// argument order, as soon as it and every earlier one are known (so `stop a b` prints `a` while
/// `b` is still stopping). An error from `each` (stdout closed) ends the loop; the requests
/// still running are left to end with the process, as docker's goroutines are.
pub fn parallel_operation<T, F>(
    client: &Client,
    names: &[String],
    op: F,
    mut each: impl FnMut(&str, Result<T, EngineError>) -> anyhow::Result<()>,
) -> anyhow::Result<()>
where
    T: Send + 'static,
    F: Fn(&Client, &str) -> Result<T, EngineError> + Send + Sync + 'static,
{
    if names.is_empty() {
        return Ok(());
    }
    // One container: no thread, and the connection of the version ping is reused.
    if let [name] = names {
        return each(name, op(client, name));
    }
    // Negotiate once, before the forks copy the version.
    let _ = client.api_version();
    let shared = Arc::new(names.to_vec());
    let op = Arc::new(op);
    let next = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel::<(usize, Result<T, EngineError>)>();
    for _ in 0..names.len().min(MAX_PARALLEL) {
        let (tx, next, names, op) = (tx.clone(), next.clone(), shared.clone(), op.clone());
        let client = client.fork();
        std::thread::spawn(move || loop {
            let i = next.fetch_add(1, Ordering::SeqCst);
            let Some(name) = names.get(i) else { break };
            if tx.send((i, op(&client, name))).is_err() {
                break;
            }
        });
    }
    drop(tx);

    let mut results: Vec<Option<Result<T, EngineError>>> = names.iter().map(|_| None).collect();
    let mut settled = 0;
    for (i, result) in rx {
        results[i] = Some(result);
        while let Some(r) = results.get_mut(settled).and_then(Option::take) {
            each(&names[settled], r)?;
            settled += 1;
        }
    }
    Ok(())
}

/// What `stop`, `rm` and `kill` do with [`parallel_operation`]'s results: each container done
/// is printed as typed, in argument order; a failure `reported` prints at once (and says so) is
/// no failure; the others are joined at the end ([`join_errors`]).
pub fn print_each<F>(
    ctx: &Context,
    client: &Client,
    names: &[String],
    op: F,
    reported: impl Fn(&EngineError) -> bool,
) -> anyhow::Result<i32>
where
    F: Fn(&Client, &str) -> Result<(), EngineError> + Send + Sync + 'static,
{
    print_each_as(ctx, client, names, names, op, reported)
}

/// [`print_each`] with each success printed as `shown[i]` instead of `names[i]` (`stop --all`
/// stops by ID and prints names).
pub fn print_each_as<F>(
    ctx: &Context,
    client: &Client,
    names: &[String],
    shown: &[String],
    op: F,
    reported: impl Fn(&EngineError) -> bool,
) -> anyhow::Result<i32>
where
    F: Fn(&Client, &str) -> Result<(), EngineError> + Send + Sync + 'static,
{
    let mut errors = Vec::new();
    // Results come in argument order, one per name.
    let mut shown = shown.iter();
    parallel_operation(client, names, op, |name, result| {
        let line = shown.next().map_or(name, String::as_str);
        match result {
            Ok(()) => ctx.out.line(line)?,
            Err(e) if reported(&e) => {}
            Err(e) => errors.push(e.to_string()),
        }
        Ok(())
    })?;
    join_errors(errors)
}

/// Go's `errors.Join` of the failures as docker returns it: nothing when there were none, else
/// every message on its own line and exit code 1.
pub fn join_errors(errors: Vec<String>) -> anyhow::Result<i32> {
    if errors.is_empty() {
        Ok(crate::exit::OK)
    } else {
        Err(crate::exit::StatusError::new(crate::exit::FAILURE, errors.join("\n")).into())
    }
}
