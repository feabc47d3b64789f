#!/usr/bin/env bash
# The quickstart: build dkr, find an engine (or bring up the sandbox test engine when none is
# reachable), then walk the seven commands the way Docker's API guide does, printing what each
# shows. Safe to run more than once.
set -euo pipefail
cd "$(dirname "$0")/.."

# Bold only on a terminal: a file or CI log gets no escape bytes.
if [[ -t 1 ]]; then BOLD=$'\033[1m' PLAIN=$'\033[0m'; else BOLD='' PLAIN=''; fi
# A word as a shell user would type it: bare when safe, else single-quoted.
shell_word() {
    if [[ $1 =~ ^[A-Za-z0-9_./:=@%+,-]+$ ]]; then
        printf '%s' "$1"
    else
        printf "'%s'" "${1//\'/\'\\\'\'}"
    fi
}
# Print exactly the command, then run it.
run() {
    local line='$' word
    for word in "$@"; do line+=" $(shell_word "$word")"; done
    printf '\n%s%s%s\n' "$BOLD" "$line" "$PLAIN"
    "$@"
}

cargo build --release --locked -q
export PATH=$PWD/target/release:$PATH

IMAGE=busybox
PULL_IMAGE=busybox:latest
use_sandbox() {
    . tests/env.sh
    export DOCKER_HOST=$DKR_TEST_HOST
    PULL_IMAGE=$DKR_TEST_REGISTRY/$DKR_TEST_LAYERS_IMAGE
}
if dkr version >/dev/null 2>&1; then
    echo "Using the engine at ${DOCKER_HOST:-unix:///var/run/docker.sock}."
elif tests/engine.sh status >/dev/null 2>&1; then
    use_sandbox
    echo "Using the sandbox engine, already running (DOCKER_HOST=$DOCKER_HOST)."
else
    echo "No engine reachable at ${DOCKER_HOST:-unix:///var/run/docker.sock}: starting the sandbox engine (tests/engine.sh up)."
    # Only the packages the engine needs, not the tools the test suite drives.
    DKR_ENGINE_PACKAGES=engine tests/engine.sh up
    use_sandbox
fi

run dkr run --rm $IMAGE echo hello world

# A container left by an interrupted earlier run would clash with the name.
dkr rm -f dkr-quickstart >/dev/null 2>&1 || true
run dkr run -d --name dkr-quickstart $IMAGE sh -c 'while true; do date; sleep 1; done'
sleep 2

run dkr ps
run dkr logs dkr-quickstart
run dkr stop -t 1 dkr-quickstart
run dkr images
run dkr pull $PULL_IMAGE
run dkr commit dkr-quickstart dkr-quickstart-image:v1
run dkr images dkr-quickstart-image

# Tidy up what the walk made, with dkr itself.
run dkr rm dkr-quickstart
run dkr rmi dkr-quickstart-image:v1
echo
echo "Quickstart done. The sandbox engine (if started) stays up: tests/engine.sh down stops it."
