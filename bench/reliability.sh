#!/usr/bin/env bash
# bench/reliability.sh: run every fuzz target for a number of executions, one at a time, and
# print the README "Reliability" table (executions, exec/s, crashes).
#
#   bench/reliability.sh [RUNS] [TARGET...]     default 1000000 runs, every target
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). Only a stable toolchain is assumed:
# RUSTC_BOOTSTRAP=1 lets it use the nightly-only sanitizer flags. Targets are built with
# debug assertions (-a, so an integer overflow is a crash) and AddressSanitizer. Each
# campaign starts from the committed seeds (fuzz/corpus/<target>, read only) and writes what
# it discovers to a scratch corpus ($DKR_FUZZ_WORK, default /tmp/dkr-fuzz-work/<target>),
# never to the committed one; crashes land in fuzz/artifacts/<target>/.
#
# To fold discoveries back into the committed corpus (keep it under ~50 files / 200 KB):
#   RUSTC_BOOTSTRAP=1 cargo fuzz cmin -a <target> /tmp/dkr-fuzz-work/<target>
#   then pick the few largest/most distinct files into fuzz/corpus/<target>/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS=${1:-1000000}
shift || true
if (($# > 0)); then
    TARGETS=("$@")
else
    mapfile -t TARGETS < <(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^dkr-fuzz$')
fi
WORK=${DKR_FUZZ_WORK:-/tmp/dkr-fuzz-work}
LOGS=$WORK/logs
mkdir -p "$LOGS"
export RUSTC_BOOTSTRAP=1

command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz not found: cargo install cargo-fuzz" >&2; exit 1; }

printf '| target | executions | exec/s | seconds | crashes |\n|---|---:|---:|---:|---|\n'
status=0
for t in "${TARGETS[@]}"; do
    mkdir -p "$WORK/$t"
    log=$LOGS/$t.log
    rc=0
    cargo fuzz run -a "$t" "$WORK/$t" "fuzz/corpus/$t" -- \
        -runs="$RUNS" -timeout=10 -print_final_stats=1 >"$log" 2>&1 || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    crash="none"
    if ((rc != 0)); then
        crash=$(grep -o 'Test unit written to .*' "$log" | tail -1 | sed 's/Test unit written to //')
        crash=${crash:-"exit $rc, see $log"}
        status=1
    fi
    printf '| %s | %s | %s | %s | %s |\n' "$t" "${execs:-?}" "${rate:-?}" "${secs:-?}" "$crash"
done
exit "$status"
