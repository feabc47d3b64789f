#!/usr/bin/env bash
# Benchmarks dkr beside the reference docker CLI in one run, on the private test engine.
#
#   bash bench/bench.sh            # brings the engine up if needed, prints a markdown table
#   BENCH_RUNS=30 bash bench/bench.sh
#
# Wall time comes from hyperfine (mean ± σ over BENCH_RUNS runs after warm-up); CPU (user+sys)
# and peak RSS from GNU time over the same commands. Nothing here is a pass/fail test: the
# figures go into README's benchmark table.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${BENCH_RUNS:-20}
OUT=${BENCH_OUT:-bench/results.md}

command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
cargo build --release --locked -q
DKR=$PWD/target/release/dkr
DOCKER=$(command -v docker)

tests/engine.sh up >/dev/null
. tests/env.sh
export DOCKER_HOST=$DKR_TEST_HOST
CFG=$(mktemp -d)
export DOCKER_CONFIG=$CFG
trap 'rm -rf "$CFG"' EXIT

tmp=$(mktemp -d)
rows=()

# measure NAME ARGS...: hyperfine wall time, then CPU and peak RSS averaged over 5 runs.
measure() {
    local name=$1; shift
    local args="$*"
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$tmp/h.json" \
        -n docker "$DOCKER $args" -n dkr "$DKR $args" >/dev/null 2>&1 || \
    hyperfine --warmup 3 --runs "$RUNS" --export-json "$tmp/h.json" \
        -n docker "$DOCKER $args >/dev/null" -n dkr "$DKR $args >/dev/null" >/dev/null
    local wd wk
    wd=$(python3 -c 'import json,sys;r=json.load(open(sys.argv[1]))["results"];print("%.1f"%(r[0]["mean"]*1000))' "$tmp/h.json")
    wk=$(python3 -c 'import json,sys;r=json.load(open(sys.argv[1]))["results"];print("%.1f"%(r[1]["mean"]*1000))' "$tmp/h.json")
    local cd ck rd rk
    read -r cd rd < <(cpu_rss "$DOCKER" "$@")
    read -r ck rk < <(cpu_rss "$DKR" "$@")
    rows+=("| \`$name\` | $wd | $wk | $(ratio "$wk" "$wd") | $cd | $ck | $(ratio "$ck" "$cd") | $rd | $rk | $(ratio "$rk" "$rd") |")
}

# cpu_rss BIN ARGS...: mean CPU ms (user+sys) and max RSS MiB over 5 runs, output discarded.
cpu_rss() {
    local bin=$1; shift
    local cpu=0 rss=0 i
    for i in 1 2 3 4 5; do
        /usr/bin/time -f '%U %S %M' -o "$tmp/t" "$bin" "$@" >/dev/null 2>&1 || true
        read -r u s m < "$tmp/t"
        cpu=$(python3 -c "print($cpu + ($u + $s) * 1000)")
        rss=$(python3 -c "print(max($rss, $m))")
    done
    python3 -c "print('%.1f %.1f' % ($cpu / 5, $rss / 1024))"
}

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print('%.2f' % (a/b) if b else '-')" "$1" "$2"; }

measure "version" version
measure "ps -a" ps -a
measure "images" images

# 1000 created (not started) containers for ps -a.
existing=$($DOCKER ps -aq --filter label=dkr-bench | wc -l)
if [ "$existing" -lt 1000 ]; then
    for i in $(seq "$existing" 999); do echo "$i"; done | xargs -P 8 -I{} \
        $DOCKER create --label dkr-bench=1 busybox true >/dev/null
fi
measure "ps -a (1000 containers)" ps -a
$DOCKER ps -aq --filter label=dkr-bench | xargs -r $DOCKER rm -f >/dev/null

if $DKR run --rm busybox true 2>/dev/null; then
    measure "run --rm busybox true" run --rm busybox true
fi

# logs of a container that wrote 100 MB; curl reading the same endpoint raw is the floor.
$DOCKER rm -f dkr-bench-logs >/dev/null 2>&1 || true
$DOCKER run --name dkr-bench-logs busybox sh -c 'head -c 104857600 /dev/zero | tr "\0" "x" | fold -w 1000' >/dev/null
if $DKR logs dkr-bench-logs >/dev/null 2>&1; then
    measure "logs (100 MB)" logs dkr-bench-logs
    sock=${DKR_TEST_HOST#unix://}
    hyperfine -N --warmup 1 --runs 5 --export-json "$tmp/c.json" \
        "curl -s --unix-socket $sock -o /dev/null http://x/v1.41/containers/dkr-bench-logs/logs?stdout=1&stderr=1" >/dev/null 2>&1 || true
    curl_ms=$(python3 -c 'import json,sys;r=json.load(open(sys.argv[1]))["results"];print("%.1f"%(r[0]["mean"]*1000))' "$tmp/c.json" 2>/dev/null || echo -)
    rows+=("| \`curl\` (raw logs endpoint, the engine's floor) | - | $curl_ms | | | | | | | |")
fi
$DOCKER rm -f dkr-bench-logs >/dev/null 2>&1 || true

# Client CPU during a pull of the three-layer image (removed before each run).
img=$DKR_TEST_REGISTRY/$DKR_TEST_LAYERS_IMAGE
pull_cpu() {
    local bin=$1 total=0 i u s m
    for i in 1 2 3; do
        $DOCKER rmi -f "$img" >/dev/null 2>&1 || true
        /usr/bin/time -f '%U %S %M' -o "$tmp/t" "$bin" pull "$img" >/dev/null 2>&1 || true
        read -r u s m < "$tmp/t"
        total=$(python3 -c "print($total + ($u + $s) * 1000)")
    done
    python3 -c "print('%.1f' % ($total / 3))"
}
if $DKR pull -q "$img" >/dev/null 2>&1; then
    pd=$(pull_cpu "$DOCKER"); pk=$(pull_cpu "$DKR")
    rows+=("| \`pull\` (three layers, client CPU only) | | | | $pd | $pk | $(ratio "$pk" "$pd") | | | |")
fi

{
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, docker $($DOCKER version --format '{{.Client.Version}}' 2>/dev/null), engine $($DOCKER version --format '{{.Server.Version}}' 2>/dev/null); $RUNS runs each."
    echo
    echo "| command | docker wall ms | dkr wall ms | ratio | docker CPU ms | dkr CPU ms | ratio | docker RSS MiB | dkr RSS MiB | ratio |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
} | tee "$OUT"
rm -rf "$tmp"
