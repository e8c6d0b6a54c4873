#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, in a folder of its own, on a loopback port.
#
#   tests/postgres_cluster.sh start DIR     initdb into DIR (if not done yet) and start the
#                                           server; prints the URL of its superuser on stdout
#   tests/postgres_cluster.sh stop DIR      stop the server, keep its data (start again later)
#   tests/postgres_cluster.sh destroy DIR   stop the server and delete DIR
#
# Used by .ci/run, `make test-postgres` and the reconnection test. The superuser gets a random
# password (the tests check that it never shows), the server listens on 127.0.0.1 only, and
# durability settings are off (fsync): the data is thrown away with DIR. PostgreSQL refuses to
# run as root, so as root the server runs as the unprivileged user newsdesk-pg (created when
# missing), which must be able to reach DIR: give a folder under /tmp. The server programs are
# looked up in $PG_BINDIR, /usr/lib/postgresql/*/bin (Debian keeps them off PATH), pg_config
# --bindir, then PATH.
set -euo pipefail

PG_USER=newsdesk-pg

usage() {
    echo "usage: $0 start|stop|destroy DIR" >&2
    exit 2
}

find_bindir() {
    local dir
    if [[ -n "${PG_BINDIR:-}" ]]; then
        echo "$PG_BINDIR"
        return
    fi
    for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
            echo "$dir"
            return
        fi
    done
    if command -v pg_config >/dev/null 2>&1; then
        dir=$(pg_config --bindir)
        if [[ -x "$dir/initdb" ]]; then
            echo "$dir"
            return
        fi
    fi
    if command -v initdb >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return
    fi
    echo "PostgreSQL server programs (initdb, pg_ctl) not found: install postgresql, or set PG_BINDIR" >&2
    exit 1
}

# Run a command as the cluster's owner: ourselves, or newsdesk-pg when we are root.
as_owner() {
    if [[ $(id -u) -ne 0 ]]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1; then
        runuser -u "$PG_USER" -- "$@"
    elif command -v setpriv >/dev/null 2>&1; then
        setpriv --reuid="$PG_USER" --regid="$PG_USER" --init-groups -- "$@"
    else
        su -s /bin/sh "$PG_USER" -c "$(printf '%q ' "$@")"
    fi
}

ensure_user() {
    [[ $(id -u) -eq 0 ]] || return 0
    if ! id "$PG_USER" >/dev/null 2>&1; then
        useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER" 2>/dev/null \
            || useradd -r -M -s /bin/false "$PG_USER"
    fi
    chown -R "$PG_USER" "$DIR"
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

init_cluster() {
    local password
    password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
    printf '%s\n' "$password" >"$DIR/password"
    ensure_user
    chmod 600 "$DIR/password"
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --pwfile="$DIR/password" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C --no-sync \
        >"$DIR/initdb.log" 2>&1 || {
        cat "$DIR/initdb.log" >&2
        exit 1
    }
}

start_server() {
    local port tries=0
    port=$(cat "$DIR/port" 2>/dev/null || true)
    while :; do
        if [[ -z "$port" ]] || port_in_use "$port"; then
            port=$((20000 + RANDOM % 40000))
            continue
        fi
        if as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 -o \
            "-p $port -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=300" \
            start >/dev/null; then
            echo "$port" >"$DIR/port"
            return
        fi
        tries=$((tries + 1))
        if [[ $tries -ge 5 ]]; then
            tail -n 20 "$DIR/server.log" >&2 || true
            exit 1
        fi
        port=""
    done
}

[[ $# -eq 2 ]] || usage
COMMAND=$1
DIR=$(readlink -f "$2")
BIN=$(find_bindir)

case "$COMMAND" in
start)
    mkdir -p "$DIR"
    chmod 755 "$DIR"
    [[ -f "$DIR/data/PG_VERSION" ]] || init_cluster
    start_server
    echo "postgresql://postgres:$(cat "$DIR/password")@127.0.0.1:$(cat "$DIR/port")/postgres"
    ;;
stop)
    if [[ -f "$DIR/data/postmaster.pid" ]]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
    fi
    ;;
destroy)
    if [[ -f "$DIR/data/postmaster.pid" ]]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$DIR"
    ;;
*)
    usage
    ;;
esac
