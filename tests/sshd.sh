#!/usr/bin/env bash
# tests/sshd.sh DIR: a private sshd on loopback for the ssh:// tests and benchmarks, living as
# long as this script's stdin stays open (the caller holds the pipe; when it exits, for any
# reason, the pipe closes and sshd is stopped). Nothing under ~/.ssh is read or written.
#
# Makes in DIR (created, must be private to the caller):
#   host_key, id (client key, authorized), known_hosts, sshd_config, ssh_config, sshd.log
#   bin/ssh          wrapper: /usr/bin/ssh -F DIR/ssh_config "$@" (put DIR/bin first on PATH;
#                    ssh reads the passwd home, not $HOME, so only -F keeps ~/.ssh out); when
#                    DKR_TEST_SSH_COUNT names a file, one line per ssh process is appended to it
#   nodocker/        remote PATH without any docker (port NODOCKER)
#   dkr-remote/      remote PATH whose `docker` is dkr (port DKR_REMOTE), for dial-stdio
# and prints, once sshd listens, one line: `PORT NODOCKER DKR_REMOTE COUNT PERSIST`:
#   PORT        remote PATH finds docker 28.2.2 (/usr/local/bin first)
#   COUNT, PERSIST  as PORT, each for one test that counts handshakes in sshd.log
#                   ("Connection from … on 127.0.0.1 port N")
# Every session gets DOCKER_HOST=$SSHD_DOCKER_HOST (default: tests/env.sh's DKR_TEST_HOST), so
# the remote docker or dkr reaches the private test engine, never the system one, and
# DOCKER_CONFIG=DIR/remote-config, so the remote CLI never reads the user's ~/.docker.
# Inputs: SSHD_DOCKER_HOST, SSHD_DKR (the dkr binary the dkr-remote PATH runs as `docker`),
# SSHD_REMOVE_DIR=1 (remove DIR when stopping).
set -eu

dir=${1:?usage: tests/sshd.sh DIR}
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${SSHD_DOCKER_HOST:-}" ]; then
    # shellcheck source=tests/env.sh
    . "$here/env.sh"
    SSHD_DOCKER_HOST=$DKR_TEST_HOST
fi
dkr=${SSHD_DKR:-$here/../target/debug/dkr}

# sshd (run as root) insists on its privilege separation directory.
if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then mkdir -p -m 755 /run/sshd; fi
mkdir -p "$dir"
chmod 700 "$dir"
dir=$(cd "$dir" && pwd)
rm -f "$dir/host_key" "$dir/host_key.pub" "$dir/id" "$dir/id.pub"
ssh-keygen -q -t ed25519 -N '' -C dkr-test-host -f "$dir/host_key"
ssh-keygen -q -t ed25519 -N '' -C dkr-test-client -f "$dir/id"
cp "$dir/id.pub" "$dir/authorized_keys"

# The remote side's CLI config is the harness's own (never root's ~/.docker).
mkdir -p "$dir/bin" "$dir/nodocker" "$dir/dkr-remote" "$dir/remote-config"
cat >"$dir/bin/ssh" <<EOF
#!/bin/sh
if [ -n "\${DKR_TEST_SSH_COUNT:-}" ]; then echo "\$*" >>"\$DKR_TEST_SSH_COUNT"; fi
exec /usr/bin/ssh -F '$dir/ssh_config' "\$@"
EOF
chmod 755 "$dir/bin/ssh"
ln -sf "$(cd "$(dirname "$dkr")" && pwd)/$(basename "$dkr")" "$dir/dkr-remote/docker"

cat >"$dir/ssh_config" <<EOF
Host *
    UserKnownHostsFile $dir/known_hosts
    GlobalKnownHostsFile /dev/null
    StrictHostKeyChecking yes
    CheckHostIP no
    HashKnownHosts no
    IdentityFile $dir/id
    IdentitiesOnly yes
    BatchMode yes
    LogLevel ERROR
    UpdateHostKeys no
EOF

free_port() {
    local p
    while :; do
        p=$((20000 + RANDOM % 40000))
        # A refused connection: nothing listens there (good enough on a private loopback).
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            echo "$p"
            return
        fi
    done
}

for attempt in 1 2 3 4 5; do
    port=$(free_port) nodocker=$(free_port) remote=$(free_port) count=$(free_port) persist=$(free_port)
    # known_hosts lines for every port (ssh looks up [127.0.0.1]:PORT for ports other than 22).
    key=$(cut -d' ' -f1,2 "$dir/host_key.pub")
    for p in $port $nodocker $remote $count $persist; do
        printf '[127.0.0.1]:%s %s\n' "$p" "$key"
    done >"$dir/known_hosts"
    cat >"$dir/sshd_config" <<EOF
ListenAddress 127.0.0.1:$port
ListenAddress 127.0.0.1:$nodocker
ListenAddress 127.0.0.1:$remote
ListenAddress 127.0.0.1:$count
ListenAddress 127.0.0.1:$persist
HostKey $dir/host_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $dir/authorized_keys
StrictModes no
UsePAM no
PermitRootLogin prohibit-password
PasswordAuthentication no
KbdInteractiveAuthentication no
PrintMotd no
PrintLastLog no
LogLevel VERBOSE
MaxStartups 100:30:200
MaxSessions 100
SetEnv DOCKER_HOST=$SSHD_DOCKER_HOST DOCKER_CONFIG=$dir/remote-config PATH=/usr/local/bin:/usr/bin:/bin
Match LocalPort $nodocker
    SetEnv DOCKER_HOST=$SSHD_DOCKER_HOST DOCKER_CONFIG=$dir/remote-config PATH=$dir/nodocker
Match LocalPort $remote
    SetEnv DOCKER_HOST=$SSHD_DOCKER_HOST DOCKER_CONFIG=$dir/remote-config PATH=$dir/dkr-remote:/usr/bin:/bin
EOF
    : >"$dir/sshd.log"
    /usr/sbin/sshd -D -e -f "$dir/sshd_config" 2>>"$dir/sshd.log" &
    pid=$!
    up=
    for _ in $(seq 100); do
        if ! kill -0 "$pid" 2>/dev/null; then break; fi
        if [ "$(grep -c 'Server listening' "$dir/sshd.log")" -ge 5 ]; then
            up=1
            break
        fi
        sleep 0.05
    done
    if [ -n "$up" ]; then break; fi
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
done
if [ -z "$up" ]; then
    echo "tests/sshd.sh: sshd did not start; see $dir/sshd.log" >&2
    exit 1
fi
echo "$port $nodocker $remote $count $persist"
# Until the caller closes our stdin (or dies).
cat >/dev/null || true
kill "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
if [ -n "${SSHD_REMOVE_DIR:-}" ]; then rm -rf "$dir"; fi
