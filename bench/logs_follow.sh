#!/usr/bin/env bash
# Issue #15's target, side by side: `dkr logs -f` over N containers (default 10) each printing
# RATE lines a second (default 1,000, in one burst a second), against N `docker logs -f`
# processes following the same containers at the same time, for SECS seconds (default 20).
# REPS repetitions (default 5), each with fresh containers; prints total CPU (user+sys, from
# rusage) and lines delivered per repetition, then the median of the ratios dkr ÷ docker (the
# machine is shared: one repetition's ratio swings by ±0.1, the median much less). The load
# average before and after is printed too.
#
#   bash bench/logs_follow.sh            # release build, sandbox engine (brought up if needed)
#   BENCH_DKR=target/debug/dkr REPS=1 bash bench/logs_follow.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-10} RATE=${RATE:-1000} SECS=${SECS:-20} REPS=${REPS:-5}
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
cleanup() { [ ${#names[@]} -eq 0 ] || $DOCKER rm -f "${names[@]}" >/dev/null 2>&1 || true; }
trap 'cleanup; rm -rf "$tmp"' EXIT
echo "logs -f over $N containers, $RATE lines/s each, $SECS s, $REPS repetitions; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| rep | ${N}x docker logs -f CPU s | lines | dkr logs -f CPU s | lines | ratio |"
echo "|---:|---:|---:|---:|---:|---:|"
for rep in $(seq 1 "$REPS"); do
    names=()
    rm -f "$tmp"/*.t "$tmp"/*.out
    for i in $(seq 1 "$N"); do
        names+=("$pfx-$rep-$i")
        # A burst of RATE lines, then the rest of the second asleep, for SECS+5 seconds.
        $DOCKER run -d --name "$pfx-$rep-$i" busybox sh -c \
            "end=\$((\$(date +%s)+$SECS+5)); while [ \$(date +%s) -lt \$end ]; do seq 1 $RATE | sed 's/^/line of about fifty bytes from the bench /'; sleep 1; done" >/dev/null
    done
    # Both clients follow at the same time, for the same SECS seconds.
    /usr/bin/time -f '%U %S' -o "$tmp/dkr.t" timeout -s INT "$SECS" "$DKR" logs -f "${names[@]}" >"$tmp/dkr.out" 2>/dev/null &
    for n in "${names[@]}"; do
        /usr/bin/time -f '%U %S' -o "$tmp/docker-$n.t" timeout -s INT "$SECS" "$DOCKER" logs -f "$n" >"$tmp/docker-$n.out" 2>/dev/null &
    done
    wait || true
    python3 - "$tmp" "$rep" <<'PY' | tee -a "$tmp/rows"
import glob, os, sys
tmp, rep = sys.argv[1], sys.argv[2]
def cpu(path):
    u, s = open(path).read().split()[-2:]
    return float(u) + float(s)
def lines(path):
    return sum(1 for _ in open(path, "rb"))
dc = sum(cpu(p) for p in glob.glob(os.path.join(tmp, "docker-*.t")))
dl = sum(lines(p) for p in glob.glob(os.path.join(tmp, "docker-*.out")))
kc, kl = cpu(os.path.join(tmp, "dkr.t")), lines(os.path.join(tmp, "dkr.out"))
print(f"| {rep} | {dc:.2f} | {dl} | {kc:.2f} | {kl} | {kc/dc:.2f} |")
PY
    cleanup
done
python3 - "$tmp/rows" <<'PY'
import statistics, sys
ratios = [float(l.split("|")[6]) for l in open(sys.argv[1]) if l.startswith("|")]
print(f"median ratio dkr/docker CPU: {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})")
PY
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
