#!/usr/bin/env bash
# tests/engine.sh: a private Docker engine and two loopback registries for dkr's integration tests.
#
#   tests/engine.sh up                  start everything (quick no-op when already up and healthy)
#   tests/engine.sh podman-up           start only the Podman service (next to a running `up`)
#   tests/engine.sh podman-down         stop only the Podman service and delete its state
#   tests/engine.sh down                stop everything and delete all state
#   tests/engine.sh status              exit 0 when up and healthy
#   tests/engine.sh run -- CMD ARGS...  up, run CMD with DKR_TEST_* exported, down; exits with
#                                       CMD's status (teardown also on error and on INT/TERM/HUP)
#
# What `up` builds (all state under $DKR_TEST_ROOT, default /tmp/dkr-test; see tests/env.sh):
#   - dockerd 20.10 (Debian docker.io) on unix://$ROOT/docker.sock and, with mutual TLS, on
#     tcp://127.0.0.1:23760; certificates made here with openssl in $ROOT/certs.
#   - its own containerd on $ROOT/containerd.sock, and its own bridge dkrtest0 (172.31.213.1/24).
#   - Debian's docker-registry twice: open on 127.0.0.1:5000, htpasswd auth on 127.0.0.1:5001
#     (testuser / testpassword).
#   - images: busybox:latest imported from busybox-static (kept locally); dkrtest/layers:1 (three
#     layers of random data on busybox) and busybox:latest pushed to both registries and removed
#     locally, so tests can pull them.
#   - Debian's podman 4.3 as a second engine, `podman system service` on
#     unix://$ROOT/podman/podman.sock, with its own storage, configuration and CNI bridge dkrpod0
#     (172.31.214.0/24), busybox:latest imported the same way (see "Podman" below).
#
# It can run next to a system dockerd (and next to a second copy of itself): nothing is shared
# with /var/run/docker.sock, /var/lib/docker, /run/containerd/containerd.sock, docker0 or the
# DOCKER iptables chains. For a second copy set DKR_TEST_ROOT, DKR_TEST_TLS_PORT,
# DKR_TEST_REGISTRY_PORT, DKR_TEST_AUTH_REGISTRY_PORT, DKR_TEST_BRIDGE and DKR_TEST_BRIDGE_CIDR.
# DKR_TEST_DOCKERD_ARGS adds words to dockerd's command line (e.g. "--storage-driver vfs").
#
# Must run as root (dockerd, bridges, mounts). Messages go to stderr so that under `run` the
# command's stdout is its own.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tests/env.sh
. "$HERE/env.sh"

ROOT=$DKR_TEST_ROOT
SOCK=$ROOT/docker.sock
CERTS=$DKR_TEST_CERTS
TLS_PORT=$DKR_TEST_TLS_PORT
REG_PORT=$DKR_TEST_REGISTRY_PORT
AUTH_REG_PORT=$DKR_TEST_AUTH_REGISTRY_PORT
BRIDGE=${DKR_TEST_BRIDGE:-dkrtest0}
BRIDGE_CIDR=${DKR_TEST_BRIDGE_CIDR:-172.31.213.1/24}
MARKER=$ROOT/.dkr-test-root   # "this directory is ours": down only ever rm -rf's a marked root
READY=$ROOT/.ready            # written last by a successful up
STARTUP_TIMEOUT=60

# dockerd looks up runc, containerd-shim-runc-v2 and docker-proxy on PATH; callers such as
# test harnesses may have trimmed it.
PATH=$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

T0=${EPOCHREALTIME/./}
elapsed() { local now=${EPOCHREALTIME/./}; printf '%d.%01d' $(((now - T0) / 1000000)) $(((now - T0) / 100000 % 10)); }
log() { printf '[engine.sh %6ss] %s\n' "$(elapsed)" "$*" >&2; }
die() { printf 'engine.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# ---------------------------------------------------------------------------------------------
# Helpers

# The reference CLI for setup: the first `docker` on PATH (28.x here), else Debian's 20.10.
# Setup must not depend on, or write to, the user's ~/.docker (contexts, credential helpers,
# logins), nor be redirected by DOCKER_* variables, so both are pinned.
DOCKER_BIN=$(command -v docker || echo /usr/bin/docker)
dk() {
    env -u DOCKER_HOST -u DOCKER_CONTEXT -u DOCKER_TLS -u DOCKER_TLS_VERIFY -u DOCKER_CERT_PATH \
        -u DOCKER_API_VERSION DOCKER_CONFIG="$ROOT/build/docker-config" \
        "$DOCKER_BIN" -H "unix://$SOCK" "$@"
}

# Run a step with its output in $ROOT/setup.log; show the tail if it fails.
quiet() {
    if ! "$@" >>"$ROOT/setup.log" 2>&1; then
        printf 'engine.sh: failed: %s\n--- tail of %s:\n' "$*" "$ROOT/setup.log" >&2
        tail -n 30 "$ROOT/setup.log" >&2
        return 1
    fi
}

# pid recorded for one of our daemons, if that process is still alive. Checking that its
# command line mentions $ROOT guards against a recycled pid: we only ever signal our own.
our_pid() {
    local file=$1 pid
    [[ -s $file ]] || return 1
    { read -r pid <"$file"; } 2>/dev/null || return 1
    [[ $pid =~ ^[0-9]+$ ]] && [[ -r /proc/$pid/cmdline ]] || return 1
    tr '\0' ' ' </proc/"$pid"/cmdline | grep -qF -- "$ROOT/" || return 1
    echo "$pid"
}

# Start a daemon in its own session (so a Ctrl-C aimed at a test run or a closed terminal
# doesn't hit it; teardown is ours to do), recording its pid. The inner shell writes its own
# pid and then execs, so the pid is right even if setsid had to fork.
start_daemon() {
    local name=$1 logfile=$2
    shift 2
    # 9>&-: the daemons must not inherit the lock (see take_lock) and hold it forever.
    setsid bash -c 'echo $$ >"$0"; exec "$@"' "$ROOT/pids/$name.pid" "$@" </dev/null >>"$logfile" 2>&1 9>&- &
    local i
    for i in {1..50}; do [[ -s $ROOT/pids/$name.pid ]] && return 0; sleep 0.1; done
    die "$name did not start"
}

# Running and not a zombie. Our daemons are reparented to PID 1 once engine.sh exits, and an
# init that reaps lazily leaves them as zombies for a while; `kill -0` succeeds on those.
alive() {
    local stat
    # (read, not $(<file): under errexit bash exits outright when $(<file) can't open it)
    { read -r stat <"/proc/$1/stat"; } 2>/dev/null || return 1
    stat=${stat##*) }   # the state follows "(comm) ", and comm may contain anything
    [[ ${stat:0:1} != [ZX] ]]
}

# SIGTERM, wait up to $2 seconds, then SIGKILL.
stop_pid() {
    local pid=$1 timeout=$2 name=$3 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for ((i = 0; i < timeout * 10; i++)); do
        alive "$pid" || return 0
        sleep 0.1
    done
    log "$name (pid $pid) ignored SIGTERM for ${timeout}s, killing"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do alive "$pid" || return 0; sleep 0.1; done
}

# Poll "$@" until it succeeds; on timeout show the log and fail. $1 = what, $2 = log, $3 = pid
# file of the process (fail at once if it died).
wait_for() {
    local what=$1 logfile=$2 pidfile=$3 deadline=$((SECONDS + STARTUP_TIMEOUT))
    shift 3
    until "$@" >/dev/null 2>&1; do
        if ! our_pid "$pidfile" >/dev/null; then
            printf 'engine.sh: %s exited during startup; tail of %s:\n' "$what" "$logfile" >&2
            tail -n 40 "$logfile" >&2
            exit 1
        fi
        if ((SECONDS >= deadline)); then
            printf 'engine.sh: %s not ready after %ss; tail of %s:\n' "$what" "$STARTUP_TIMEOUT" "$logfile" >&2
            tail -n 40 "$logfile" >&2
            exit 1
        fi
        sleep 0.2
    done
}

engine_ping() { [[ $(curl -sS --max-time 2 --unix-socket "$SOCK" http://localhost/_ping) == OK ]]; }
tls_ping() {
    [[ $(curl -sS --max-time 2 --cacert "$CERTS/ca.pem" --cert "$CERTS/cert.pem" --key "$CERTS/key.pem" \
        "https://127.0.0.1:$TLS_PORT/_ping") == OK ]]
}
# /v2/ answers 200 on the open registry and 401 (with a Basic challenge) on the auth one.
registry_code() { curl -s -o /dev/null --max-time 2 -w '%{http_code}' "http://127.0.0.1:$1/v2/"; }
registry_ping() { [[ $(registry_code "$1") == "$2" ]]; }

port_in_use() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }

# SIGKILL every process whose command line mentions $1 (never this script itself).
kill_mentioning() {
    local dir pid
    for dir in /proc/[0-9]*; do
        pid=${dir#/proc/}
        [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
        # (stderr first: a process that ends meanwhile fails the `<` itself)
        if tr '\0' ' ' 2>/dev/null <"$dir/cmdline" | grep -qF -- "$1"; then
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
}

# Unmount whatever is still mounted below $1 (layers, shm, network namespaces), deepest
# first; lazily if busy.
unmount_below() {
    local mp
    while read -r mp; do
        umount "$mp" 2>/dev/null || umount -l "$mp" 2>/dev/null || log "warning: could not unmount $mp"
    done < <(awk -v r="$1" 'index($5, r) == 1 { print $5 }' /proc/self/mountinfo | sort -r)
}

# Refuse anything that could make `rm -rf $ROOT` hurt.
check_root_path() {
    [[ $ROOT == /?* && $ROOT != *//* && $ROOT != */. && $ROOT != */.. && $ROOT != */../* && $ROOT != */./* ]] ||
        die "DKR_TEST_ROOT must be a plain absolute path, got '$ROOT'"
    case $ROOT in
    / | /tmp | /var | /var/tmp | /home | /root | /usr | /etc | /opt | /srv | /run | "${HOME:-/root}") die "refusing DKR_TEST_ROOT=$ROOT" ;;
    esac
    # Unix socket paths are limited to 107 bytes; dockerd and containerd put sockets a few
    # levels below the root.
    ((${#ROOT} <= 60)) || die "DKR_TEST_ROOT is too long for unix socket paths (max 60 chars): $ROOT"
}

# One engine.sh at a time per root: concurrent ups would race on ports and the bridge, and a
# concurrent `run` would tear down the engine under another `run`. `run` holds the lock for the
# whole command and tells nested engine.sh calls (a harness calling `up`) that they have it.
take_lock() {
    [[ ${DKR_TEST_ENGINE_LOCKED:-} == "$ROOT" ]] && return 0
    local dir=/run/lock
    [[ -d $dir && -w $dir ]] || dir=/tmp
    exec 9>"$dir/dkr-test${ROOT//\//_}.lock"
    if ! flock -n 9; then
        log "waiting for another engine.sh on $ROOT"
        flock -w 900 9 || die "timed out waiting for the lock on $ROOT"
    fi
    export DKR_TEST_ENGINE_LOCKED=$ROOT
}

# ---------------------------------------------------------------------------------------------
# Packages

# What the engine and registries need, then the tools only the test suite drives (benchmarks,
# terminals, shells for the completion tests, man). DKR_ENGINE_PACKAGES=engine (the quickstart)
# installs the first list only.
PACKAGES=(docker.io docker-registry busybox-static apache2-utils openssl iptables curl
    iproute2 podman containernetworking-plugins)
[[ ${DKR_ENGINE_PACKAGES:-all} == engine ]] || PACKAGES+=(hyperfine tmux zsh fish man-db openssh-server)

ensure_packages() {
    local missing=() p
    for p in "${PACKAGES[@]}"; do
        # dpkg -s succeeds for removed-but-configured packages too; ask for the real status.
        [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) == "install ok installed" ]] || missing+=("$p")
    done
    ((${#missing[@]} == 0)) && return 0
    log "installing ${missing[*]}"
    # Keep maintainer scripts from starting services (policy-rc.d exit 101 = "not now"): the
    # docker-registry package's own service would take port 5000, and docker.io's dockerd is
    # not wanted either. Only if the machine has no policy of its own.
    local policy=/usr/sbin/policy-rc.d made_policy=
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && made_policy=1
    fi
    # apt's progress goes to a log (shown only when it fails): the one line above says what.
    local rc=0 aptlog
    aptlog=$(mktemp /tmp/dkr-test-apt.XXXXXX)
    {
        apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    } >"$aptlog" 2>&1 || rc=$?
    [[ -n $made_policy ]] && rm -f "$policy"
    if ((rc != 0)); then
        tail -n 30 "$aptlog" >&2
        rm -f "$aptlog"
        die "apt-get failed (status $rc)"
    fi
    rm -f "$aptlog"
}

# ---------------------------------------------------------------------------------------------
# up

make_certs() {
    mkdir -p "$CERTS"
    local b=$ROOT/build/certs cnf=$ROOT/build/certs/openssl.cnf
    mkdir -p "$b"
    # Our own config, so the result doesn't depend on the system's openssl.cnf defaults.
    cat >"$cnf" <<'EOF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = dkr-test
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[server]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = IP:127.0.0.1,IP:::1,DNS:localhost
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[client]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
    local key="openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:2048"
    # CA (its key stays in certs/ too, so tests can sign extra certificates if they need to).
    $key -out "$CERTS/ca-key.pem"
    openssl req -config "$cnf" -new -x509 -sha256 -days 3650 -key "$CERTS/ca-key.pem" \
        -subj "/CN=dkr-test CA" -extensions ca -out "$CERTS/ca.pem"
    # Server certificate for dockerd: 127.0.0.1 and localhost.
    $key -out "$CERTS/server-key.pem"
    openssl req -config "$cnf" -new -key "$CERTS/server-key.pem" -subj /CN=localhost -out "$b/server.csr"
    openssl x509 -req -sha256 -days 3650 -in "$b/server.csr" -CA "$CERTS/ca.pem" -CAkey "$CERTS/ca-key.pem" \
        -CAserial "$b/ca.srl" -CAcreateserial -extfile "$cnf" -extensions server -out "$CERTS/server-cert.pem" 2>/dev/null
    # Client certificate. OpenSSL 3 writes keys as PKCS#8 ("BEGIN PRIVATE KEY"); docker users
    # also have PKCS#1 keys ("BEGIN RSA PRIVATE KEY"), so tests get both encodings of one key.
    $key -out "$CERTS/key.pem"
    openssl req -config "$cnf" -new -key "$CERTS/key.pem" -subj /CN=dkr-test-client -out "$b/client.csr"
    openssl x509 -req -sha256 -days 3650 -in "$b/client.csr" -CA "$CERTS/ca.pem" -CAkey "$CERTS/ca-key.pem" \
        -CAserial "$b/ca.srl" -extfile "$cnf" -extensions client -out "$CERTS/cert.pem" 2>/dev/null
    openssl rsa -in "$CERTS/key.pem" -traditional -out "$CERTS/key-pkcs1.pem" 2>/dev/null
    grep -q 'BEGIN PRIVATE KEY' "$CERTS/key.pem" && grep -q 'BEGIN RSA PRIVATE KEY' "$CERTS/key-pkcs1.pem" ||
        die "unexpected key encodings in $CERTS"
    chmod 644 "$CERTS"/*.pem
}

# A bridge of our own: a second dockerd cannot share docker0 with a system dockerd, and
# `--bridge=none` would leave no container networking or -p publishing.
make_bridge() {
    ip link show "$BRIDGE" >/dev/null 2>&1 && ip link del "$BRIDGE"
    ip link add "$BRIDGE" type bridge
    ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
    ip link set "$BRIDGE" up
    # dockerd runs with --iptables=false (see start_dockerd). If something else (a system
    # dockerd) has set the FORWARD policy to DROP while br_netfilter is loaded, bridged traffic
    # between our containers would be dropped; one ACCEPT rule for our bridge, tagged with our
    # root so down removes exactly it, keeps container-to-container traffic working. Harmless
    # when the policy is ACCEPT.
    if command -v iptables >/dev/null; then
        iptables -w -I FORWARD -i "$BRIDGE" -o "$BRIDGE" -m comment --comment "dkr-test $ROOT" -j ACCEPT 2>/dev/null ||
            log "note: could not add the iptables FORWARD rule for $BRIDGE (only matters if FORWARD drops)"
    fi
}

start_containerd() {
    # dockerd 20.10 would start a managed containerd under --exec-root, but only if
    # /run/containerd/containerd.sock doesn't exist; on a machine with a system docker it would
    # share the system containerd (and its "moby" namespace and /run state) instead. Running our
    # own and passing --containerd makes the engine private in every case.
    cat >"$ROOT/containerd.toml" <<EOF
version = 2
root = "$ROOT/data/containerd"
state = "$ROOT/exec/containerd"
# dockerd needs none of the Kubernetes CRI plugin.
disabled_plugins = ["io.containerd.grpc.v1.cri"]
[grpc]
  address = "$ROOT/containerd.sock"
[ttrpc]
  address = "$ROOT/containerd.sock.ttrpc"
[debug]
  address = ""
[metrics]
  address = ""
# Default is /opt/containerd; keep everything under the root.
[plugins."io.containerd.internal.v1.opt"]
  path = "$ROOT/data/containerd-opt"
EOF
    start_daemon containerd "$ROOT/containerd.log" containerd --config "$ROOT/containerd.toml"
}

start_dockerd() {
    # Our own config file: /etc/docker/daemon.json may set hosts, bridge, etc. that would
    # conflict with the flags below or leak the system's configuration into the tests.
    # deprecated-key-path (config-file only in 20.10): otherwise dockerd creates
    # /etc/docker/key.json for its daemon ID.
    printf '{"deprecated-key-path": "%s"}\n' "$ROOT/key.json" >"$ROOT/daemon.json"
    local args=(
        --host "unix://$SOCK"
        --host "tcp://127.0.0.1:$TLS_PORT"
        --tlsverify --tlscacert "$CERTS/ca.pem" --tlscert "$CERTS/server-cert.pem" --tlskey "$CERTS/server-key.pem"
        --data-root "$ROOT/data"
        --exec-root "$ROOT/exec"
        --pidfile "$ROOT/docker.pid"
        --containerd "$ROOT/containerd.sock"
        --config-file "$ROOT/daemon.json"
        --bridge "$BRIDGE"
        # No iptables: on start dockerd flushes and rebuilds the shared DOCKER chains, which
        # wipes the port forwards of any other dockerd on the machine (verified: a second
        # dockerd with iptables on removed the first one's DNAT rules); it would also set the
        # FORWARD policy to DROP. Publishing still works through the userland proxy
        # (docker-proxy listens on the host port); there is no NAT to the outside, which the
        # loopback-only test machine doesn't have anyway.
        # --ip-forward stays on (it sets net.ipv4.ip_forward=1): with it off, every create
        # answers "WARNING: IPv4 forwarding is disabled. Networking will not work.", which
        # `run` prints to stderr and would differ from a normal engine's output.
        --iptables=false --ip-masq=false --userland-proxy=true
        # localhost registries are insecure by default; say so for both spellings anyway.
        --insecure-registry "127.0.0.1:$REG_PORT" --insecure-registry "127.0.0.1:$AUTH_REG_PORT"
        --insecure-registry "localhost:$REG_PORT" --insecure-registry "localhost:$AUTH_REG_PORT"
        # down removes containers first; this bounds the rest.
        --shutdown-timeout 5
    )
    # shellcheck disable=SC2206 # word splitting of the extra args is the point
    args+=(${DKR_TEST_DOCKERD_ARGS:-})
    start_daemon dockerd "$ROOT/dockerd.log" dockerd "${args[@]}"
}

start_registries() {
    mkdir -p "$ROOT/registry/open" "$ROOT/registry/auth"
    htpasswd -Bbn "$DKR_TEST_REGISTRY_USER" "$DKR_TEST_REGISTRY_PASSWORD" >"$ROOT/registry/htpasswd"
    local name port auth
    for name in open auth; do
        if [[ $name == open ]]; then port=$REG_PORT auth=""; else
            port=$AUTH_REG_PORT
            auth="auth:
  htpasswd:
    realm: dkr-test
    path: $ROOT/registry/htpasswd"
        fi
        cat >"$ROOT/registry/$name.yml" <<EOF
version: 0.1
log:
  level: info
  fields:
    service: registry-$name
storage:
  filesystem:
    rootdirectory: $ROOT/registry/$name
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
  # A fixed secret silences the "No HTTP secret provided" warning; one instance, no sharing.
  secret: dkr-test-$name
$auth
EOF
        start_daemon "registry-$name" "$ROOT/registry-$port.log" docker-registry serve "$ROOT/registry/$name.yml"
    done
}

# busybox:latest from Debian's busybox-static: no registry is reachable, and the image is tiny
# and known. Applets are symlinks in /bin, as `busybox --list` names them.
import_busybox_tar() {
    local rootfs=$ROOT/build/rootfs bb
    bb=$(dpkg -L busybox-static | grep -m1 -E '^(/usr)?/bin/busybox$') || bb=/bin/busybox
    rm -rf "$rootfs"
    mkdir -p "$rootfs"/{bin,etc,home,root,tmp,var}
    chmod 1777 "$rootfs/tmp"
    chmod 700 "$rootfs/root"
    cp "$bb" "$rootfs/bin/busybox"
    local applet
    for applet in $("$rootfs/bin/busybox" --list); do
        [[ -e $rootfs/bin/$applet ]] || ln -s busybox "$rootfs/bin/$applet"
    done
    cat >"$rootfs/etc/passwd" <<'EOF'
root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
EOF
    cat >"$rootfs/etc/group" <<'EOF'
root:x:0:
daemon:x:1:
nogroup:x:65534:
EOF
    tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -cf "$ROOT/build/rootfs.tar" .
}

import_busybox() {
    import_busybox_tar
    quiet dk import --change 'CMD ["sh"]' "$ROOT/build/rootfs.tar" busybox:latest
}

# Three layers of 300, 600 and 900 KiB of random data (incompressible, so pull progress has
# something to count) on busybox, pushed to both registries, then removed locally.
build_and_push() {
    local prev=busybox:latest i
    for i in 1 2 3; do
        quiet dk run --name "dkrtest-build-$i" "$prev" \
            sh -c "head -c $((300 * 1024 * i)) /dev/urandom >/layer$i.bin"
        # commit would take the container's `sh -c head ...` as CMD; keep the image's.
        prev=$(dk commit --change 'CMD ["sh"]' "dkrtest-build-$i" 2>>"$ROOT/setup.log")
        quiet dk rm "dkrtest-build-$i"
    done
    local reg
    for reg in "$DKR_TEST_REGISTRY" "$DKR_TEST_AUTH_REGISTRY"; do
        quiet dk tag "$prev" "$reg/$DKR_TEST_LAYERS_IMAGE"
        quiet dk tag busybox:latest "$reg/busybox:latest"
    done
    # The login lands in the throwaway $ROOT/build/docker-config (see dk), never ~/.docker.
    printf '%s' "$DKR_TEST_REGISTRY_PASSWORD" |
        quiet dk login --username "$DKR_TEST_REGISTRY_USER" --password-stdin "$DKR_TEST_AUTH_REGISTRY"
    for reg in "$DKR_TEST_REGISTRY" "$DKR_TEST_AUTH_REGISTRY"; do
        quiet dk push "$reg/$DKR_TEST_LAYERS_IMAGE"
        quiet dk push "$reg/busybox:latest"
    done
    quiet dk logout "$DKR_TEST_AUTH_REGISTRY"
    # Untag everything but busybox:latest. Removing the last tag of the layered image also
    # deletes its untagged parent images, and removing a repository's last tag drops its digest
    # references, so `docker images -a` shows busybox:latest alone with no RepoDigests.
    for reg in "$DKR_TEST_REGISTRY" "$DKR_TEST_AUTH_REGISTRY"; do
        quiet dk rmi "$reg/$DKR_TEST_LAYERS_IMAGE" "$reg/busybox:latest"
    done
}

# ---------------------------------------------------------------------------------------------
# Podman (the second engine): `podman system service` serving the Docker API on
# unix://$ROOT/podman/podman.sock, with everything it keeps under $ROOT/podman. It is told all
# of its paths through its own containers.conf, storage.conf and registries.conf (the
# CONTAINERS_* variables below), so it never reads or writes /etc/containers' storage,
# /var/lib/containers, /run/containers or /run/libpod, and a system podman is untouched:
#   - storage (overlay) in podman/storage and podman/run; its database, volumes, tmp and
#     file locks (not the shared /dev/shm/libpod_lock) below podman/ too; events in a file;
#   - its one network is a CNI bridge of ours, $PODMAN_BRIDGE ($PODMAN_BRIDGE_CIDR), with no
#     masquerading, firewall or portmap plugin: nothing in iptables, no podman0 / cni-podman0,
#     and host-local's leases under podman/ (not /var/lib/cni);
#   - default_ulimits: without them the runtime fails to set rlimits on these machines;
#   - the loopback registries are insecure (plain HTTP), as for dockerd.
PODMAN_ROOT=$ROOT/podman
PODMAN_SOCK=$PODMAN_ROOT/podman.sock
PODMAN_BRIDGE=${DKR_TEST_PODMAN_BRIDGE:-dkrpod0}
PODMAN_BRIDGE_CIDR=${DKR_TEST_PODMAN_BRIDGE_CIDR:-172.31.214.0/24}

# The podman CLI on our storage and configuration (setup only; the tests talk to the socket).
pm() {
    CONTAINERS_CONF=$PODMAN_ROOT/containers.conf CONTAINERS_STORAGE_CONF=$PODMAN_ROOT/storage.conf \
        CONTAINERS_REGISTRIES_CONF=$PODMAN_ROOT/registries.conf podman "$@"
}

podman_ping() { [[ $(curl -sS --max-time 2 --unix-socket "$PODMAN_SOCK" http://localhost/_ping) == OK ]]; }

podman_healthy() { [[ -f $PODMAN_ROOT/.ready ]] && our_pid "$ROOT/pids/podman.pid" >/dev/null && podman_ping; }

write_podman_config() {
    local r=$PODMAN_ROOT
    mkdir -p "$r"/{storage,run,tmp,volumes,networks,cni-ipam}
    cat >"$r/storage.conf" <<EOF
[storage]
driver = "overlay"
graphroot = "$r/storage"
runroot = "$r/run"
EOF
    cat >"$r/containers.conf" <<EOF
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
# The journal is not there on a test machine (no systemd); k8s-file keeps logs beside the container.
log_driver = "k8s-file"

[network]
network_backend = "cni"
network_config_dir = "$r/networks"
default_network = "dkrtest"

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$r/events.log"
lock_type = "file"
static_dir = "$r/storage/libpod"
tmp_dir = "$r/tmp"
volume_path = "$r/volumes"
EOF
    cat >"$r/registries.conf" <<EOF
unqualified-search-registries = ["docker.io"]
short-name-mode = "permissive"
EOF
    local reg
    for reg in "127.0.0.1:$REG_PORT" "127.0.0.1:$AUTH_REG_PORT" "localhost:$REG_PORT" "localhost:$AUTH_REG_PORT"; do
        printf '[[registry]]\nlocation = "%s"\ninsecure = true\n' "$reg" >>"$r/registries.conf"
    done
    local gw=${PODMAN_BRIDGE_CIDR%.*}.1
    cat >"$r/networks/dkrtest.conflist" <<EOF
{
  "cniVersion": "0.4.0",
  "name": "dkrtest",
  "plugins": [
    {
      "type": "bridge",
      "bridge": "$PODMAN_BRIDGE",
      "isGateway": true,
      "ipMasq": false,
      "hairpinMode": true,
      "ipam": {
        "type": "host-local",
        "dataDir": "$r/cni-ipam",
        "routes": [{ "dst": "0.0.0.0/0" }],
        "ranges": [[{ "subnet": "$PODMAN_BRIDGE_CIDR", "gateway": "$gw" }]]
      }
    }
  ]
}
EOF
}

# busybox:latest as for dockerd (import_busybox builds the same tarball), named as Docker Hub's
# so that `busybox` resolves to it through the compat API.
podman_import_busybox() {
    mkdir -p "$ROOT/build"
    import_busybox_tar
    quiet pm import --change 'CMD ["sh"]' "$ROOT/build/rootfs.tar" docker.io/library/busybox:latest
    rm -rf "$ROOT/build"
}

podman_up() {
    if podman_healthy; then
        if ! pm image exists docker.io/library/busybox:latest; then
            log "podman: busybox:latest missing, re-importing"
            podman_import_busybox
        fi
        log "podman already up ($DKR_TEST_PODMAN_HOST)"
        return 0
    fi
    if [[ -e $PODMAN_ROOT ]] || ip link show "$PODMAN_BRIDGE" >/dev/null 2>&1; then
        log "podman: clearing stale state"
        podman_down
    fi
    ensure_packages
    mkdir -p "$ROOT/pids"
    [[ -e $MARKER ]] || : >"$MARKER"
    write_podman_config
    # --time=0: serve until stopped (the default ends the service after 5 s idle).
    CONTAINERS_CONF=$PODMAN_ROOT/containers.conf CONTAINERS_STORAGE_CONF=$PODMAN_ROOT/storage.conf \
        CONTAINERS_REGISTRIES_CONF=$PODMAN_ROOT/registries.conf \
        start_daemon podman "$ROOT/podman.log" podman system service --time=0 "unix://$PODMAN_SOCK"
    wait_for podman "$ROOT/podman.log" "$ROOT/pids/podman.pid" podman_ping
    podman_import_busybox
    : >"$PODMAN_ROOT/.ready"
    log "podman up: $DKR_TEST_PODMAN_HOST"
}

podman_down() {
    local pid
    if pid=$(our_pid "$ROOT/pids/podman.pid"); then
        # Containers first, SIGKILL at once, while the service still answers.
        if podman_ping; then pm rm -af -t 0 >/dev/null 2>&1 || true; fi
        stop_pid "$pid" 20 podman
    fi
    if [[ -d $PODMAN_ROOT ]]; then
        # conmon outlives the service by design; ours name our storage in their command line.
        kill_mentioning "$PODMAN_ROOT/"
        unmount_below "$PODMAN_ROOT/"
    fi
    if ip link show "$PODMAN_BRIDGE" >/dev/null 2>&1; then
        ip link del "$PODMAN_BRIDGE" || log "warning: could not delete bridge $PODMAN_BRIDGE"
    fi
    if [[ -e $PODMAN_ROOT ]]; then rm -rf --one-file-system "$PODMAN_ROOT"; fi
    rm -f "$ROOT/pids/podman.pid"
}

healthy() {
    [[ -f $READY ]] && our_pid "$ROOT/pids/dockerd.pid" >/dev/null && our_pid "$ROOT/pids/containerd.pid" >/dev/null &&
        engine_ping && tls_ping && registry_ping "$REG_PORT" 200 && registry_ping "$AUTH_REG_PORT" 401
}

cmd_up() {
    [[ $(id -u) == 0 ]] || die "must run as root"
    check_root_path
    take_lock
    if healthy; then
        podman_up
        # Tests may delete busybox:latest; put it back rather than rebuild everything.
        if ! dk image inspect busybox:latest >/dev/null 2>&1; then
            log "busybox:latest missing, re-importing"
            mkdir -p "$ROOT/build"
            import_busybox
            rm -rf "$ROOT/build"
        fi
        log "already up ($DKR_TEST_HOST)"
        return 0
    fi
    # Anything half there (a failed or interrupted up, a dead daemon) is cleared first.
    if [[ -e $ROOT ]] || ip link show "$BRIDGE" >/dev/null 2>&1; then
        log "clearing stale state"
        do_down
    fi

    ensure_packages
    log "packages ok"
    local p
    for p in "$TLS_PORT" "$REG_PORT" "$AUTH_REG_PORT"; do
        if port_in_use "$p"; then
            ss -Hltnp "sport = :$p" >&2 || true
            die "127.0.0.1:$p is already in use: choose free ports with DKR_TEST_TLS_PORT (now $TLS_PORT), DKR_TEST_REGISTRY_PORT (now $REG_PORT) and DKR_TEST_AUTH_REGISTRY_PORT (now $AUTH_REG_PORT), for example DKR_TEST_REGISTRY_PORT=5100 DKR_TEST_AUTH_REGISTRY_PORT=5101 (see tests/env.sh)"
        fi
    done

    mkdir -p "$ROOT"/{pids,build/docker-config,data,exec}
    : >"$MARKER"
    make_certs
    make_bridge
    log "certs and bridge $BRIDGE ($BRIDGE_CIDR) ok"

    start_containerd
    # Registries don't depend on the engine: start them while containerd and dockerd boot.
    start_registries
    wait_for containerd "$ROOT/containerd.log" "$ROOT/pids/containerd.pid" test -S "$ROOT/containerd.sock"
    start_dockerd
    wait_for dockerd "$ROOT/dockerd.log" "$ROOT/pids/dockerd.pid" engine_ping
    wait_for "TLS endpoint" "$ROOT/dockerd.log" "$ROOT/pids/dockerd.pid" tls_ping
    wait_for "registry :$REG_PORT" "$ROOT/registry-$REG_PORT.log" "$ROOT/pids/registry-open.pid" registry_ping "$REG_PORT" 200
    wait_for "registry :$AUTH_REG_PORT" "$ROOT/registry-$AUTH_REG_PORT.log" "$ROOT/pids/registry-auth.pid" registry_ping "$AUTH_REG_PORT" 401
    log "dockerd, containerd and registries up"

    import_busybox
    log "busybox:latest imported"
    build_and_push
    log "$DKR_TEST_LAYERS_IMAGE and busybox pushed to $DKR_TEST_REGISTRY and $DKR_TEST_AUTH_REGISTRY"

    # A client without a certificate must be turned away (the whole point of --tlsverify).
    if curl -s --max-time 5 --cacert "$CERTS/ca.pem" -o /dev/null "https://127.0.0.1:$TLS_PORT/_ping"; then
        die "the TLS endpoint accepted a client without a certificate"
    fi

    rm -rf "$ROOT/build"
    podman_up
    : >"$READY"
    log "up: $DKR_TEST_HOST, $DKR_TEST_TLS_HOST, registries $DKR_TEST_REGISTRY and $DKR_TEST_AUTH_REGISTRY"
}

# ---------------------------------------------------------------------------------------------
# down

do_down() {
    local pid
    if [[ -e $ROOT && ! -e $MARKER ]] && [[ -n $(ls -A "$ROOT" 2>/dev/null) ]]; then
        die "$ROOT exists but was not made by engine.sh (no $MARKER); not touching it"
    fi
    podman_down

    # Remove containers while the engine still answers: SIGKILL now instead of each one's
    # 10 s stop timeout during daemon shutdown.
    if pid=$(our_pid "$ROOT/pids/dockerd.pid") && engine_ping; then
        local ids
        ids=$(dk ps -aq 2>/dev/null || true)
        # shellcheck disable=SC2086 # one word per id
        if [[ -n $ids ]]; then dk rm -f $ids >/dev/null 2>&1 || true; fi
        stop_pid "$pid" 30 dockerd
    fi
    # dockerd's own pid file too, in case ours is missing.
    if pid=$(our_pid "$ROOT/docker.pid"); then stop_pid "$pid" 30 dockerd; fi

    if pid=$(our_pid "$ROOT/pids/containerd.pid"); then
        # If dockerd died without stopping its containers, their tasks are still in containerd.
        if command -v ctr >/dev/null; then
            local task
            for task in $(ctr --address "$ROOT/containerd.sock" --namespace moby tasks ls -q 2>/dev/null); do
                ctr --address "$ROOT/containerd.sock" --namespace moby tasks kill --all --signal SIGKILL "$task" >/dev/null 2>&1 || true
            done
        fi
        stop_pid "$pid" 10 containerd
    fi
    # Leftover shims (they outlive containerd by design) name our containerd socket in their
    # command line; nothing else on the machine mentions $ROOT/.
    kill_mentioning "$ROOT/containerd.sock"

    local name
    for name in registry-open registry-auth; do
        if pid=$(our_pid "$ROOT/pids/$name.pid"); then stop_pid "$pid" 10 "$name"; fi
    done

    # Whatever is still mounted below the root (overlay2 layers, container shm, network
    # namespaces) goes, deepest first; lazily if busy.
    unmount_below "$ROOT/"

    if ip link show "$BRIDGE" >/dev/null 2>&1; then
        ip link del "$BRIDGE" || log "warning: could not delete bridge $BRIDGE"
    fi
    if command -v iptables >/dev/null; then
        while iptables -w -D FORWARD -i "$BRIDGE" -o "$BRIDGE" -m comment --comment "dkr-test $ROOT" -j ACCEPT 2>/dev/null; do :; done
    fi

    # --one-file-system: never follow into something that is somehow still mounted.
    if [[ -e $ROOT ]]; then rm -rf --one-file-system "$ROOT"; fi
    [[ ! -e $ROOT ]] || die "could not remove $ROOT completely"
}

cmd_down() {
    [[ $(id -u) == 0 ]] || die "must run as root"
    check_root_path
    take_lock
    if [[ ! -e $ROOT ]] && ! ip link show "$BRIDGE" >/dev/null 2>&1 && ! ip link show "$PODMAN_BRIDGE" >/dev/null 2>&1; then
        log "already down"
        return 0
    fi
    do_down
    log "down"
}

# ---------------------------------------------------------------------------------------------
# run

cmd_run() {
    [[ ${1:-} == -- ]] && shift
    (($# > 0)) || usage
    [[ $(id -u) == 0 ]] || die "must run as root"
    check_root_path
    take_lock

    local child= torn_down=
    teardown() {
        [[ -n $torn_down ]] && return
        torn_down=1
        do_down || log "warning: teardown failed"
        log "down"
    }
    on_signal() {
        local sig=$1 code=$2
        trap - INT TERM HUP
        log "caught SIG$sig, stopping"
        if [[ -n $child ]] && kill -"$sig" "$child" 2>/dev/null; then wait "$child" 2>/dev/null || true; fi
        teardown
        exit "$code"
    }
    trap teardown EXIT
    trap 'on_signal INT 130' INT
    trap 'on_signal TERM 143' TERM
    trap 'on_signal HUP 129' HUP

    cmd_up
    log "running: $*"
    # In the background so that a signal to this script is handled at once (bash defers traps
    # while a foreground child runs) and forwarded. Two bash defaults for background commands
    # are undone: stdin would be /dev/null (`<&0` keeps ours), and SIGINT/SIGQUIT would be
    # ignored, which the command and everything it starts would inherit (`trap -` restores
    # them, unless they were already ignored when engine.sh started). Without job control the
    # command stays in our process group, so a terminal still treats it as foreground and
    # Ctrl-C reaches it directly.
    local rc=0
    (
        trap - INT QUIT
        exec "$@"
    ) <&0 &
    child=$!
    wait "$child" || rc=$?
    child=
    log "command exited with status $rc"
    exit "$rc"
}

cmd_podman() {
    [[ $(id -u) == 0 ]] || die "must run as root"
    check_root_path
    take_lock
    if [[ -e $ROOT && ! -e $MARKER ]] && [[ -n $(ls -A "$ROOT" 2>/dev/null) ]]; then
        die "$ROOT exists but was not made by engine.sh (no $MARKER); not touching it"
    fi
    if [[ $1 == up ]]; then podman_up; else podman_down && log "podman down"; fi
}

cmd_status() {
    if healthy && podman_healthy; then
        log "up ($DKR_TEST_HOST)"
    else
        log "not up"
        return 1
    fi
}

case ${1:-} in
up) cmd_up ;;
podman-up) cmd_podman up ;;
podman-down) cmd_podman down ;;
down) cmd_down ;;
status) cmd_status ;;
run) shift && cmd_run "$@" ;;
*) usage ;;
esac
