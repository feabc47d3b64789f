#!/usr/bin/env bash
# tests/env.sh: where the private test engine and registries live (the one place that says so).
#
#   . tests/env.sh              sourced (bash, zsh): exports the DKR_TEST_* variables below
#   eval "$(tests/env.sh)"      run: prints `export NAME='value'` lines (also fine for fish's eval)
#
# tests/engine.sh sources this file too, so the engine it starts and the coordinates tests
# read can never drift apart. The values are derived, never taken from the environment, except
# for these optional inputs (a second engine side by side, or a machine where a port is taken,
# needs other values; see engine.sh):
#   DKR_TEST_ROOT                state directory             (default /tmp/dkr-test)
#   DKR_TEST_TLS_PORT            dockerd's TLS port          (default 23760)
#   DKR_TEST_REGISTRY_PORT       open registry's port        (default 5000)
#   DKR_TEST_AUTH_REGISTRY_PORT  htpasswd registry's port    (default 5001)
#   DKR_TEST_BRIDGE              dockerd's bridge            (default dkrtest0; read by engine.sh)
#   DKR_TEST_BRIDGE_CIDR         its address                 (default 172.31.213.1/24; engine.sh)
# engine.sh also reads DKR_TEST_PODMAN_BRIDGE / DKR_TEST_PODMAN_BRIDGE_CIDR (default dkrpod0,
# 172.31.214.0/24) and DKR_TEST_DOCKERD_ARGS (extra dockerd words).
# To use the engine by hand: `. tests/env.sh; export DOCKER_HOST=$DKR_TEST_HOST` (dkr and docker).
#
# Deliberately POSIX sh syntax and no `set -e`/`set -u`: when sourced it runs inside the
# caller's shell and must not change that shell's options.

DKR_TEST_ROOT=${DKR_TEST_ROOT:-/tmp/dkr-test}
# Relative roots would change meaning with the current directory; trailing slashes would
# break the "is this path under ROOT" checks in engine.sh.
case $DKR_TEST_ROOT in
    /*) ;;
    *) DKR_TEST_ROOT=$PWD/$DKR_TEST_ROOT ;;
esac
while [ "${DKR_TEST_ROOT%/}" != "$DKR_TEST_ROOT" ] && [ "$DKR_TEST_ROOT" != / ]; do
    DKR_TEST_ROOT=${DKR_TEST_ROOT%/}
done

DKR_TEST_TLS_PORT=${DKR_TEST_TLS_PORT:-23760}
DKR_TEST_REGISTRY_PORT=${DKR_TEST_REGISTRY_PORT:-5000}
DKR_TEST_AUTH_REGISTRY_PORT=${DKR_TEST_AUTH_REGISTRY_PORT:-5001}

DKR_TEST_HOST=unix://$DKR_TEST_ROOT/docker.sock
# The second engine: Podman's Docker-compatible service (tests run on both engines).
DKR_TEST_PODMAN_HOST=unix://$DKR_TEST_ROOT/podman/podman.sock
DKR_TEST_TLS_HOST=tcp://127.0.0.1:$DKR_TEST_TLS_PORT
# ca.pem, cert.pem, key.pem (PKCS#8) and key-pkcs1.pem for the client; server-*.pem for dockerd.
DKR_TEST_CERTS=$DKR_TEST_ROOT/certs
# `localhost:PORT` rather than 127.0.0.1: docker treats localhost registries as insecure (plain
# HTTP) without configuration, and it is the spelling docker users type.
DKR_TEST_REGISTRY=localhost:$DKR_TEST_REGISTRY_PORT
DKR_TEST_AUTH_REGISTRY=localhost:$DKR_TEST_AUTH_REGISTRY_PORT
DKR_TEST_REGISTRY_USER=testuser
DKR_TEST_REGISTRY_PASSWORD=testpassword
# Repository path under either registry: $DKR_TEST_REGISTRY/$DKR_TEST_LAYERS_IMAGE.
# Three layers of random data on top of busybox, pushed to both registries and not present
# locally, so a pull has real progress to show.
DKR_TEST_LAYERS_IMAGE=dkrtest/layers:1

export DKR_TEST_ROOT DKR_TEST_HOST DKR_TEST_PODMAN_HOST DKR_TEST_TLS_HOST DKR_TEST_CERTS DKR_TEST_REGISTRY \
    DKR_TEST_AUTH_REGISTRY DKR_TEST_REGISTRY_USER DKR_TEST_REGISTRY_PASSWORD DKR_TEST_LAYERS_IMAGE

# When run rather than sourced, print the exports for eval.
_dkr_print=
if [ -n "${BASH_VERSION:-}" ]; then
    [ "${BASH_SOURCE:-$0}" = "$0" ] && _dkr_print=1
elif [ -n "${ZSH_VERSION:-}" ]; then
    case ${ZSH_EVAL_CONTEXT:-} in *:file) ;; *) _dkr_print=1 ;; esac
else
    case ${0##*/} in env.sh) _dkr_print=1 ;; esac
fi
if [ -n "$_dkr_print" ]; then
    for _dkr_name in DKR_TEST_ROOT DKR_TEST_HOST DKR_TEST_PODMAN_HOST DKR_TEST_TLS_HOST DKR_TEST_CERTS DKR_TEST_REGISTRY \
        DKR_TEST_AUTH_REGISTRY DKR_TEST_REGISTRY_USER DKR_TEST_REGISTRY_PASSWORD DKR_TEST_LAYERS_IMAGE; do
        eval "_dkr_value=\$$_dkr_name"
        # Single-quote the value ('\'' for embedded quotes) so eval sees it verbatim.
        printf "export %s='%s'\n" "$_dkr_name" "$(printf '%s' "$_dkr_value" | sed "s/'/'\\\\''/g")"
    done
fi
unset _dkr_print _dkr_name _dkr_value
