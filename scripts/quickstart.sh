#!/usr/bin/env bash
# The quickstart: build dkr, find an engine (or bring up the sandbox test engine when none is
# reachable), then walk the seven commands the way Docker's API guide does, printing what each
# shows. Safe to run more than once.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; }

cargo build --release --locked -q
DKR=$PWD/target/release/dkr
export PATH=$PWD/target/release:$PATH

IMAGE=busybox
PULL_IMAGE=busybox:latest
if ! $DKR version >/dev/null 2>&1; then
    echo "No engine reachable at ${DOCKER_HOST:-unix:///var/run/docker.sock}: starting the sandbox test engine (tests/engine.sh up)."
    tests/engine.sh up
    . tests/env.sh
    export DOCKER_HOST=$DKR_TEST_HOST
    PULL_IMAGE=$DKR_TEST_REGISTRY/$DKR_TEST_LAYERS_IMAGE
fi

step dkr run $IMAGE echo hello world
dkr run --rm $IMAGE echo hello world

step dkr run -d --name dkr-quickstart $IMAGE sh -c "'while true; do date; sleep 1; done'"
dkr rm -f dkr-quickstart >/dev/null 2>&1 || docker rm -f dkr-quickstart >/dev/null 2>&1 || true
dkr run -d --name dkr-quickstart $IMAGE sh -c 'while true; do date; sleep 1; done'
sleep 2

step dkr ps
dkr ps

step dkr logs dkr-quickstart
dkr logs dkr-quickstart

step dkr stop dkr-quickstart
dkr stop -t 1 dkr-quickstart

step dkr images
dkr images

step dkr pull $PULL_IMAGE
dkr pull $PULL_IMAGE

step dkr commit dkr-quickstart dkr-quickstart-image:v1
dkr commit dkr-quickstart dkr-quickstart-image:v1

step dkr images dkr-quickstart-image
dkr images dkr-quickstart-image

# Tidy up what the walk made (docker's CLI, when present, does the removals dkr doesn't have).
if command -v docker >/dev/null; then
    docker rm -f dkr-quickstart >/dev/null 2>&1 || true
    docker rmi dkr-quickstart-image:v1 >/dev/null 2>&1 || true
fi
echo
echo "Quickstart done. The sandbox engine (if started) stays up: tests/engine.sh down stops it."
