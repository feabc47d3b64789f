#!/usr/bin/env bash
# Issue #15's target, side by side in one run: `dkr logs -f` over N containers (default 10)
# each printing RATE lines a second (default 1,000, in one burst a second), against N
# `docker logs -f` processes following the same containers, for SECS seconds (default 15).
# Prints total CPU (user+sys, from rusage) and lines delivered for both.
#
#   bash bench/logs_follow.sh            # release build, sandbox engine (brought up if needed)
#   BENCH_DKR=target/debug/dkr bash bench/logs_follow.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10} RATE=${RATE:-1000} SECS=${SECS:-15}
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
if [ -n "${BENCH_DKR:-}" ]; then DKR=$BENCH_DKR; else
    cargo build --release --locked -q; DKR=$PWD/target/release/dkr; fi
DOCKER=$(command -v docker)
. tests/env.sh
[ -S "${DKR_TEST_HOST#unix://}" ] || tests/engine.sh up >/dev/null
export DOCKER_HOST=$DKR_TEST_HOST
tmp=$(mktemp -d)
pfx=dkr-bench-lf-$$
names=()
cleanup() { $DOCKER rm -f "${names[@]}" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
for i in $(seq 1 "$N"); do
    names+=("$pfx-$i")
    # A burst of RATE lines, then the rest of the second asleep, for SECS+5 seconds.
    $DOCKER run -d --name "$pfx-$i" busybox sh -c \
        "end=\$((\$(date +%s)+$SECS+5)); while [ \$(date +%s) -lt \$end ]; do seq 1 $RATE | sed 's/^/line of about fifty bytes from the bench /'; sleep 1; done" >/dev/null
done
# Both clients follow at the same time, for the same SECS seconds.
/usr/bin/time -f '%U %S' -o "$tmp/dkr.t" timeout -s INT "$SECS" "$DKR" logs -f "${names[@]}" >"$tmp/dkr.out" 2>/dev/null &
for n in "${names[@]}"; do
    /usr/bin/time -f '%U %S' -o "$tmp/docker-$n.t" timeout -s INT "$SECS" "$DOCKER" logs -f "$n" >"$tmp/docker-$n.out" 2>/dev/null &
done
wait || true
python3 - "$tmp" "$N" "$RATE" "$SECS" <<'PY'
import glob, os, sys
tmp, n, rate, secs = sys.argv[1], *map(int, sys.argv[2:])
def cpu(path):
    u, s = open(path).read().split()[-2:]
    return float(u) + float(s)
def lines(path):
    return sum(1 for _ in open(path, "rb"))
dc = sum(cpu(p) for p in glob.glob(os.path.join(tmp, "docker-*.t")))
dl = sum(lines(p) for p in glob.glob(os.path.join(tmp, "docker-*.out")))
kc, kl = cpu(os.path.join(tmp, "dkr.t")), lines(os.path.join(tmp, "dkr.out"))
print(f"logs -f over {n} containers, {rate} lines/s each, {secs} s")
print("| client | CPU s | lines |")
print("|---|---:|---:|")
print(f"| {n}x docker logs -f | {dc:.2f} | {dl} |")
print(f"| dkr logs -f (merged) | {kc:.2f} | {kl} |")
print(f"ratio dkr/docker CPU: {kc/dc:.2f}")
PY
