#!/usr/bin/env bash
# Benchmarks dkr beside the reference docker CLI in one run, on the private test engine.
#
#   bash bench/bench.sh            # brings the engine up if needed, prints a markdown table
#   BENCH_RUNS=30 bash bench/bench.sh
#   BENCH_ONLY=pipe bash bench/bench.sh   # only the output-into-a-pipe rows (issue #12)
#   BENCH_ONLY=ops bash bench/bench.sh    # only inspect/rm/kill/wait/tag/port/exec/push (#16)
#   BENCH_ONLY=ssh bash bench/bench.sh    # only the ssh:// rows (#13), through a private sshd
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
# BENCH_DKR: a dkr binary to measure instead of a fresh release build (a check of the script).
if [ -n "${BENCH_DKR:-}" ]; then
    DKR=$BENCH_DKR
else
    cargo build --release --locked -q
    DKR=$PWD/target/release/dkr
fi
DOCKER=$(command -v docker)

. tests/env.sh
# An engine already up (shared with others' tests) is used as it is, never restarted.
[ -S "${DKR_TEST_HOST#unix://}" ] || tests/engine.sh up >/dev/null
export DOCKER_HOST=$DKR_TEST_HOST
CFG=$(mktemp -d)
export DOCKER_CONFIG=$CFG
trap 'rm -rf "$CFG"' EXIT

tmp=$(mktemp -d)
rows=()

# measure NAME ARGS...: wall time and CPU (user+sys, from the children's rusage) as hyperfine's
# means, then peak RSS as the largest of 5 runs under GNU time.
measure() {
    local name=$1; shift
    local args="$*"
    hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$tmp/h.json" \
        -n docker "$DOCKER $args" -n dkr "$DKR $args" >/dev/null 2>&1 || \
    hyperfine --warmup 3 --runs "$RUNS" --export-json "$tmp/h.json" \
        -n docker "$DOCKER $args >/dev/null" -n dkr "$DKR $args >/dev/null" >/dev/null
    local wd wk cd ck rd rk
    read -r wd cd wk ck < <(hyperfine_means "$tmp/h.json")
    rd=$(peak_rss "$DOCKER" "$@")
    rk=$(peak_rss "$DKR" "$@")
    rows+=("| \`$name\` | $wd | $wk | $(ratio "$wk" "$wd") | $cd | $ck | $(ratio "$ck" "$cd") | $rd | $rk | $(ratio "$rk" "$rd") |")
}

# hyperfine_means JSON: "wall_ms cpu_ms" of the first result, then of the second.
hyperfine_means() {
    python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(" ".join("%.1f %.1f" % (x["mean"] * 1000, (x["user"] + x["system"]) * 1000) for x in r))
PY
}

# peak_rss BIN ARGS...: the largest max-RSS (MiB) of 5 runs, output discarded.
peak_rss() {
    local bin=$1; shift
    local rss=0 i m
    for i in 1 2 3 4 5; do
        /usr/bin/time -f '%M' -o "$tmp/t" "$bin" "$@" >/dev/null 2>&1 || true
        m=$(tail -1 "$tmp/t")
        [ "$m" -gt "$rss" ] && rss=$m
    done
    python3 -c "print('%.1f' % ($rss / 1024))"
}

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print('%.2f' % (a/b) if b else '-')" "$1" "$2"; }

if [ -z "${BENCH_ONLY:-}" ]; then
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
    rows+=("| \`curl\` on the same logs endpoint (the engine's floor) | | $curl_ms | | | | | | | |")
fi
$DOCKER rm -f dkr-bench-logs >/dev/null 2>&1 || true

# Client CPU during a pull of the three-layer image, removed before every run (--prepare).
img=$DKR_TEST_REGISTRY/$DKR_TEST_LAYERS_IMAGE
if $DKR pull -q "$img" >/dev/null 2>&1; then
    hyperfine -N --runs 5 --export-json "$tmp/p.json" \
        --prepare "$DOCKER rmi -f $img" \
        -n docker "$DOCKER pull $img" -n dkr "$DKR pull $img" >/dev/null 2>&1
    read -r pwd pcd pwk pck < <(hyperfine_means "$tmp/p.json")
    rows+=("| \`pull\` (three layers, removed before each run) | $pwd | $pwk | $(ratio "$pwk" "$pwd") | $pcd | $pck | $(ratio "$pck" "$pcd") | | | |")
    $DOCKER rmi -f "$img" >/dev/null 2>&1 || true
fi

# The pull extensions (issue #14): several images at once, CPU of the CI progress modes.
while IFS= read -r row; do rows+=("$row"); done < <(DKR=$DKR DOCKER=$DOCKER bash bench/pull_ci.sh)

fi

# ssh:// engines (issue #13, `BENCH_ONLY=ssh`): both clients through the same private sshd
# (tests/sshd.sh, as the tests start it; it ends when this script does, since it lives as long
# as the pipe it reads), the ssh wrapper first on PATH. Wall and CPU as above (the ssh children
# count in the CPU: each client reaps its own); then, per command, how many ssh processes each
# client started (the wrapper's count file) and how many SSH handshakes sshd saw (its log).
srow=()
if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = ssh ]; then
    SRUNS=${BENCH_SSH_RUNS:-10}
    sshd_dir=$tmp/sshd
    mkdir -p "$sshd_dir"
    exec {sshd_pipe}> >(SSHD_DOCKER_HOST=$DKR_TEST_HOST SSHD_DKR=$DKR SSHD_REMOVE_DIR=1 \
        tests/sshd.sh "$sshd_dir/d" >"$sshd_dir/ports")
    for _ in $(seq 200); do [ -s "$sshd_dir/ports" ] && break; sleep 0.05; done
    read -r sport _ _ scount spersist <"$sshd_dir/ports"
    export PATH=$sshd_dir/d/bin:$PATH
    runtime=$sshd_dir/runtime
    mkdir -p "$runtime"
    handshakes() { grep -c "^Connection from .* on 127.0.0.1 port $1 " "$sshd_dir/d/sshd.log" || true; }
    # counts PORT BIN ARGS...: "ssh-processes handshakes" for one run.
    counts() {
        local port=$1 bin=$2; shift 2
        local before after
        before=$(handshakes "$port")
        : >"$sshd_dir/count"
        env ${count_env:-} DKR_TEST_SSH_COUNT="$sshd_dir/count" XDG_RUNTIME_DIR="$runtime" \
            "$bin" -H "ssh://127.0.0.1:$port" "$@" >/dev/null 2>&1 || true
        after=$(handshakes "$port")
        echo "$(wc -l <"$sshd_dir/count") $((after - before))"
    }
    # ssh_row NAME ENV ARGS...: one row; ENV (`-` for none) is set for dkr only.
    ssh_row() {
        local name=$1 env=$2; shift 2
        local args="$*" url="ssh://127.0.0.1:$sport" wd cd wk ck pd hd pk hk
        local dkr_cmd="env XDG_RUNTIME_DIR=$runtime $DKR -H $url $args"
        [ "$env" = - ] || dkr_cmd="env XDG_RUNTIME_DIR=$runtime $env $DKR -H $url $args"
        hyperfine -N --warmup 2 --runs "$SRUNS" --export-json "$tmp/h.json" \
            -n docker "$DOCKER -H $url $args" -n dkr "$dkr_cmd" >/dev/null 2>&1
        read -r wd cd wk ck < <(hyperfine_means "$tmp/h.json")
        read -r pd hd < <(count_env='' counts "$scount" "$DOCKER" "$@")
        if [ "$env" = - ]; then
            read -r pk hk < <(count_env='' counts "$scount" "$DKR" "$@")
        else
            # The persistent master of the hyperfine runs is on the other port: a first run
            # here makes this port's, the counted run (a repeated command) reuses it.
            count_env=$env counts "$scount" "$DKR" "$@" >/dev/null
            read -r pk hk < <(count_env=$env counts "$scount" "$DKR" "$@")
        fi
        srow+=("| \`$name\` | $wd | $wk | $(ratio "$wk" "$wd") | $cd | $ck | $(ratio "$ck" "$cd") | $pd / $hd | $pk / $hk |")
    }
    ssh_row "ps (ssh://)" - ps
    ssh_row "run --rm busybox true (ssh://)" - run --rm busybox true
    ssh_row "ps (ssh://, dkr with DKR_SSH_PERSIST=60s)" DKR_SSH_PERSIST=60s ps
    # The persistent masters go now, not in 60 s.
    for sock in "$runtime"/dkr-ssh/*; do
        [ -S "$sock" ] && ssh -o ControlPath="$sock" -O exit 127.0.0.1 >/dev/null 2>&1 || true
    done
    exec {sshd_pipe}>&-
    {
        echo
        echo "ssh:// engines (issue #13) through a private sshd on loopback, $SRUNS runs each; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
        echo "ssh processes / handshakes: what one run of the command started (wrapper count) and how many SSH connections sshd accepted."
        echo
        echo "| command | docker wall ms | dkr wall ms | ratio | docker CPU ms | dkr CPU ms | ratio | docker ssh processes / handshakes | dkr ssh processes / handshakes |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
        printf '%s\n' "${srow[@]}"
    } >"$tmp/ssh.md"
    [ "${BENCH_ONLY:-}" = ssh ] && { cat "$tmp/ssh.md"; rm -rf "$tmp"; exit 0; }
fi

# The object commands of issue #16 (`BENCH_ONLY=ops`): each against objects of this run's own
# (names with the shell's PID), removed at the end. A command that is still a stub ("not
# implemented yet") gets no row.
orow=()
if [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = ops ]; then
    OPS=dkr-bench-ops-$$
    ready() {
        local out
        out=$("$DKR" "$@" 2>&1 || true)
        [[ $out != *"not implemented yet"* ]]
    }
    # measure_prep NAME PREPARE ARGS...: like measure, with PREPARE run before every run of
    # either client (hyperfine --prepare, and before each of the peak RSS runs).
    measure_prep() {
        local name=$1 prep=$2; shift 2
        local args="$*" i m rd=0 rk=0 wd cd wk ck
        hyperfine -N --runs "$ORUNS" --prepare "bash -c '$prep'" --export-json "$tmp/h.json" \
            -n docker "$DOCKER $args" -n dkr "$DKR $args" >/dev/null 2>&1
        read -r wd cd wk ck < <(hyperfine_means "$tmp/h.json")
        for i in 1 2 3; do
            bash -c "$prep" >/dev/null 2>&1
            /usr/bin/time -f '%M' -o "$tmp/t" "$DOCKER" "$@" >/dev/null 2>&1 || true
            m=$(tail -1 "$tmp/t"); [ "$m" -gt "$rd" ] && rd=$m
            bash -c "$prep" >/dev/null 2>&1
            /usr/bin/time -f '%M' -o "$tmp/t" "$DKR" "$@" >/dev/null 2>&1 || true
            m=$(tail -1 "$tmp/t"); [ "$m" -gt "$rk" ] && rk=$m
        done
        rd=$(python3 -c "print('%.1f' % ($rd / 1024))"); rk=$(python3 -c "print('%.1f' % ($rk / 1024))")
        orow+=("| \`$name\` | $wd | $wk | $(ratio "$wk" "$wd") | $cd | $ck | $(ratio "$ck" "$cd") | $rd | $rk | $(ratio "$rk" "$rd") |")
    }
    ORUNS=${BENCH_OPS_RUNS:-10}
    # A running container with a published port (inspect, port, exec), an exited one (wait).
    $DOCKER run -d --name "$OPS-up" -p 127.0.0.1::80 busybox sleep 3600 >/dev/null
    $DOCKER run --name "$OPS-done" busybox true >/dev/null
    $DOCKER tag busybox "$DKR_TEST_REGISTRY/$OPS:1"
    # rm/kill need a fresh object before every run.
    recreate="$DOCKER rm -f $OPS-x >/dev/null 2>&1; $DOCKER create --name $OPS-x busybox true >/dev/null"
    restart="$DOCKER rm -f $OPS-x >/dev/null 2>&1; $DOCKER run -d --name $OPS-x busybox sleep 3600 >/dev/null"
    if ready inspect "$OPS-up"; then measure_prep "inspect (a container)" true inspect "$OPS-up"; fi
    if ready rm "$OPS-nothing"; then measure_prep "rm (a created container)" "$recreate" rm "$OPS-x"; fi
    if ready kill "$OPS-nothing"; then measure_prep "kill (a running container)" "$restart" kill "$OPS-x"; fi
    if ready wait "$OPS-done"; then measure_prep "wait (an exited container)" true wait "$OPS-done"; fi
    if ready tag busybox "$DKR_TEST_REGISTRY/$OPS:2"; then
        measure_prep "tag" true tag busybox "$DKR_TEST_REGISTRY/$OPS:2"
    fi
    if ready port "$OPS-up"; then measure_prep "port" true port "$OPS-up"; fi
    if ready exec "$OPS-up" true; then measure_prep "exec CONTAINER true" true exec "$OPS-up" true; fi
    # Client CPU of a push whose layers the registry already has after the first run.
    if ready push "$DKR_TEST_REGISTRY/$OPS:1" && "$DOCKER" push -q "$DKR_TEST_REGISTRY/$OPS:1" >/dev/null 2>&1; then
        measure_prep "push (layers already there)" true push "$DKR_TEST_REGISTRY/$OPS:1"
    fi
    $DOCKER rm -f "$OPS-up" "$OPS-done" "$OPS-x" >/dev/null 2>&1 || true
    $DOCKER rmi "$DKR_TEST_REGISTRY/$OPS:1" "$DKR_TEST_REGISTRY/$OPS:2" >/dev/null 2>&1 || true
    {
        echo
        echo "Object commands (issue #16), $ORUNS runs each (hyperfine --prepare); peak RSS the largest of 3."
        echo
        echo "| command | docker wall ms | dkr wall ms | ratio | docker CPU ms | dkr CPU ms | ratio | docker RSS MiB | dkr RSS MiB | ratio |"
        echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
        [ ${#orow[@]} -gt 0 ] && printf '%s\n' "${orow[@]}"
    } >"$tmp/ops.md"
    [ "${BENCH_ONLY:-}" = ops ] && { cat "$tmp/ops.md"; rm -rf "$tmp"; exit 0; }
fi

# Round 2 (issue #12): output into a pipe (`| cat >/dev/null`), as `dkr logs c | grep` and CI
# log collectors read it. Few runs (BENCH_PIPE_RUNS, default 3): mean wall and CPU, largest
# peak RSS, from GNU time on the client alone; write(2) calls from `strace -c -f`.
# Only these rows: BENCH_ONLY=pipe bash bench/bench.sh
prow=()
PRUNS=${BENCH_PIPE_RUNS:-3}

# pipe_stats BIN ARGS...: "wall_s cpu_s peak_MiB" of the client with stdout into a pipe.
pipe_stats() {
    local i w=0 c=0 m=0
    for i in $(seq "$PRUNS"); do
        /usr/bin/time -f '%e %U %S %M' -o "$tmp/t" "$@" 2>/dev/null | cat >/dev/null
        read -r e u s k < <(tail -1 "$tmp/t")
        w=$(python3 -c "print($w + $e)"); c=$(python3 -c "print($c + $u + $s)")
        [ "$k" -gt "$m" ] && m=$k
    done
    python3 -c "print('%.2f %.2f %.1f' % ($w / $PRUNS, $c / $PRUNS, $m / 1024))"
}

# writes BIN ARGS...: write(2) calls of the client (all threads) with stdout into a pipe.
writes() {
    strace -c -f -e trace=write -o "$tmp/s" "$@" 2>/dev/null | cat >/dev/null
    awk '$NF == "write" { print $4 }' "$tmp/s"
}

# pipe_row NAME [writes] -- ARGS...: one row for both clients.
pipe_row() {
    local name=$1 count=$2; shift 3
    local d k wd wk
    read -r -a d < <(pipe_stats "$DOCKER" "$@")
    read -r -a k < <(pipe_stats "$DKR" "$@")
    wd=; wk=
    if [ "$count" = writes ]; then wd=$(writes "$DOCKER" "$@"); wk=$(writes "$DKR" "$@"); fi
    prow+=("| \`$name\` | ${d[0]} | ${k[0]} | $(ratio "${k[0]}" "${d[0]}") | ${d[1]} | ${k[1]} | $(ratio "${k[1]}" "${d[1]}") | ${d[2]} | ${k[2]} | $(ratio "${k[2]}" "${d[2]}") | $wd | $wk |")
}

LABEL=dkr-bench-pipe=$$
# 100 MB of 58-byte lines (57 characters and a newline), as the issue measured.
$DOCKER run --label "$LABEL" --name dkr-bench-pipe-logs busybox sh -c \
    "yes $(printf 'x%.0s' $(seq 57)) | head -c 104857600" >/dev/null
pipe_row "logs (100 MB, 58-byte lines)" writes -- logs dkr-bench-pipe-logs
$DOCKER rm -f dkr-bench-pipe-logs >/dev/null

# 1,000 created containers, measured and removed at once (the engine is shared).
seq 1000 | xargs -P 8 -I{} $DOCKER create --label "$LABEL" busybox true >/dev/null
pipe_row "ps -a (1,000 containers)" - -- ps -a
$DOCKER ps -aq --filter "label=$LABEL" | xargs -r $DOCKER rm -f >/dev/null

# 1,000,000 containers (a 110 MB answer) from a fake engine.
python3 bench/fake_list_engine.py "$tmp/fake.sock" 1000000 >"$tmp/fake.log" 2>&1 &
fake=$!
while ! grep -q ready "$tmp/fake.log" 2>/dev/null; do sleep 1; done
DOCKER_HOST=unix://$tmp/fake.sock pipe_row "ps -a -q (1,000,000 containers, fake engine)" - -- ps -a -q
kill "$fake"

{
    echo
    echo "Output into a pipe; wall and CPU in seconds (mean of $PRUNS), peak RSS in MiB; write(2) calls from \`strace -c -f\`."
    echo
    echo "| command | docker wall s | dkr wall s | ratio | docker CPU s | dkr CPU s | ratio | docker RSS MiB | dkr RSS MiB | ratio | docker write(2) | dkr write(2) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${prow[@]}"
} >"$tmp/pipe.md"
[ "${BENCH_ONLY:-}" = pipe ] && { cat "$tmp/pipe.md"; rm -rf "$tmp"; exit 0; }

{
    echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, docker $($DOCKER version --format '{{.Client.Version}}' 2>/dev/null), engine $($DOCKER version --format '{{.Server.Version}}' 2>/dev/null); $RUNS runs each."
    echo
    echo "| command | docker wall ms | dkr wall ms | ratio | docker CPU ms | dkr CPU ms | ratio | docker RSS MiB | dkr RSS MiB | ratio |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${rows[@]}"
    cat "$tmp/pipe.md"
    cat "$tmp/ops.md"
    cat "$tmp/ssh.md"
} | tee "$OUT"
rm -rf "$tmp"
