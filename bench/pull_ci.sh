#!/usr/bin/env bash
# The pull extensions' benchmark rows (issue #14), run by bench/bench.sh or alone against an
# engine that is already up:  . tests/env.sh && DKR=target/release/dkr bash bench/pull_ci.sh
#
#  - three images in one `dkr pull a b c` against three `docker pull` one after another (wall);
#  - client CPU of `--progress json` and `--progress plain` against docker's plain output.
# Each image is removed before every run (hyperfine --prepare). Prints markdown rows.
set -euo pipefail
DKR=${DKR:-$PWD/target/release/dkr}
DOCKER=${DOCKER:-$(command -v docker)}
RUNS=${PULL_CI_RUNS:-3}
export DOCKER_HOST=${DOCKER_HOST:-$DKR_TEST_HOST}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Three images of one 2 MB random layer each on top of busybox, in a repository of their own.
repo=$DKR_TEST_REGISTRY/dkrbench-$$
refs=()
for i in 1 2 3; do
    r=$repo/img$i:1
    name=dkrbench-build-$$-$i
    $DOCKER run --name "$name" busybox sh -c "head -c 2097152 /dev/urandom >/f$i" >/dev/null
    $DOCKER commit "$name" "$r" >/dev/null
    $DOCKER rm "$name" >/dev/null
    $DOCKER push -q "$r" >/dev/null
    $DOCKER rmi "$r" >/dev/null
    refs+=("$r")
done
rm_all="$DOCKER rmi -f ${refs[*]}"

means() {
    python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
print(" ".join("%.1f %.1f" % (x["mean"] * 1000, (x["user"] + x["system"]) * 1000) for x in r))
PY
}
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print('%.2f' % (a/b) if b else '-')" "$1" "$2"; }

hyperfine --runs "$RUNS" --export-json "$tmp/many.json" --prepare "$rm_all >/dev/null 2>&1 || true" \
    -n docker "for r in ${refs[*]}; do $DOCKER pull -q \$r; done >/dev/null" \
    -n dkr "$DKR pull -q ${refs[*]} >/dev/null" >/dev/null 2>&1
read -r wd cd wk ck < <(means "$tmp/many.json")
echo "| three images: 3× \`docker pull\` vs one \`dkr pull a b c\` | $wd | $wk | $(ratio "$wk" "$wd") | $cd | $ck | $(ratio "$ck" "$cd") | | | |"

r=${refs[0]}
hyperfine -N --runs "$RUNS" --export-json "$tmp/modes.json" --prepare "$rm_all" \
    -n docker "$DOCKER pull $r" -n json "$DKR pull --progress json $r" \
    -n plain "$DKR pull --progress plain $r" >/dev/null 2>&1
read -r wd cd wj cj wp cp < <(means "$tmp/modes.json")
echo "| \`pull --progress json\` vs docker's plain pull | $wd | $wj | $(ratio "$wj" "$wd") | $cd | $cj | $(ratio "$cj" "$cd") | | | |"
echo "| \`pull --progress plain\` vs docker's plain pull | $wd | $wp | $(ratio "$wp" "$wd") | $cd | $cp | $(ratio "$cp" "$cd") | | | |"
$rm_all >/dev/null 2>&1 || true
