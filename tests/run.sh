#!/usr/bin/env bash
# README's test command. On a fresh Debian machine, as root: installs what the tests need,
# brings up the private test engine and the two loopback registries (tests/engine.sh), runs
# the whole suite (unit, integration and differential tests) against them, and takes
# everything down again, whatever the outcome. Exit status: the suite's.
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TERM_COLOR=never
# Gates: formatting and lints first (clippy's warnings are errors), so a style slip fails in
# seconds. A toolchain without the components gets them from rustup.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
    rustup component add rustfmt clippy
fi
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
# Build first, outside the engine's lifetime, so a compile error fails fast.
cargo build --locked --all-targets

# tests/engine.sh installs missing packages, starts dockerd + registries, exports DKR_TEST_*,
# runs the command and tears down on exit (also on error or signal).
exec tests/engine.sh run -- cargo test --locked --all-targets --no-fail-fast -- --test-threads=2
