//! The integration test suite, one binary: `support` holds the helpers, every other module
//! holds the tests of one command or area.

#[macro_use]
mod support;

mod commit;
mod completions;
mod engine_client;
mod faults;
mod fuzz_corpus;
mod global;
mod images;
mod login;
mod logs;
mod ps;
mod pty;
mod pull;
mod run;
mod stop;
mod template_corpus;
