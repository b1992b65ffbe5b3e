#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the integration tests and prints the variables the tests read.
# PostgreSQL refuses to run as root, so the server runs as the unprivileged 'postgres' user (or the current user
# when not root). Usage: eval "$(bash .ci/pg-start.sh)"
set -euo pipefail
PORT="${PG_PORT:-55432}"
DIR="${PG_DIR:-/tmp/computeplan-pg}"

find_bin() {
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}

BIN="$(find_bin || true)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Debian's postgresql package" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    BIN="$(find_bin)"
  else
    echo "PostgreSQL server binaries not found; install Debian's postgresql package" >&2
    exit 1
  fi
fi

RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  RUN_AS=(runuser -u postgres --)
fi

if [ -f "$DIR/postmaster.pid" ] && "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR" status >/dev/null 2>&1; then
  echo "PostgreSQL already running in $DIR" >&2
else
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  "${RUN_AS[@]}" "$BIN/initdb" -D "$DIR" -U postgres --auth=trust -E UTF8 >/dev/null
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR" -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" \
      -l "$DIR/server.log" -w start >/dev/null
  "${RUN_AS[@]}" "$BIN/psql" -h /tmp -p "$PORT" -U postgres -q -c "CREATE ROLE computeplan LOGIN PASSWORD 'computeplan'" >/dev/null
  "${RUN_AS[@]}" "$BIN/psql" -h /tmp -p "$PORT" -U postgres -q -c "CREATE DATABASE computeplan OWNER computeplan" >/dev/null
fi

echo "export COMPUTEPLAN_TEST_PG_URL=jdbc:postgresql://127.0.0.1:$PORT/computeplan"
echo "export COMPUTEPLAN_TEST_PG_USER=computeplan"
echo "export COMPUTEPLAN_TEST_PG_PASSWORD=computeplan"
