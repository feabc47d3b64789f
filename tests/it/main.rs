//! The integration test suite, one binary: `support` holds the helpers, every other module
//! holds the tests of one command or area.

#[macro_use]
mod support;

mod completions;
mod engine_client;
mod faults;
mod fuzz_corpus;
mod ps;
mod pty;
mod pull;
mod run;
mod template_corpus;
