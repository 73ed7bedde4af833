#!/usr/bin/env bash
# PostgreSQL for the analytics benchmark's SQL baseline (docs/benchmarks-postgres.md).
#
#   bench/postgres.sh start [PORT]   install Debian's postgresql if missing, create a cluster under
#                                    target/bench/pg (first time) and start it on 127.0.0.1:PORT
#                                    (default 15432); prints the JDBC URL
#   bench/postgres.sh stop           stop that cluster
#   bench/postgres.sh psql [ARGS]    psql connected to it (e.g. to try a query by hand)
#
# The cluster belongs to the postgres user (PostgreSQL refuses to run as root); its data, socket and
# log stay under target/bench/pg. Settings are in start() below and published in the doc.
set -euo pipefail

HERE="$(cd "$(dirname "$0")/.." && pwd)"
PG_HOME="$HERE/target/bench/pg"
DATA="$PG_HOME/data"
RUN="$PG_HOME/run"
LOG="$PG_HOME/postgres.log"
PORT="${BENCH_PG_PORT:-15432}"
if [ "${1:-}" = start ] && [ -n "${2:-}" ]; then
  PORT="$2"
fi

as_postgres() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

install() {
  if [ -z "$(bin_dir)" ] || [ ! -x "$(bin_dir)/initdb" ]; then
    echo "Installing Debian's postgresql (apt-get)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    # Debian's package creates and starts a default cluster on 5432: not ours, leave it stopped.
    if command -v pg_ctlcluster >/dev/null; then
      for c in $(pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1 "/" $2}'); do
        pg_ctlcluster "${c%/*}" "${c#*/}" stop || true
      done
    fi
  fi
}

start() {
  install
  local bin
  bin="$(bin_dir)"
  mkdir -p "$PG_HOME" "$RUN"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$PG_HOME" "$RUN"
  fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    as_postgres "$bin/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
  fi
  if ! as_postgres "$bin/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    # Sized like the Neo4j side (2 GB page cache); analytic queries get memory to hash and sort in.
    as_postgres "$bin/pg_ctl" -D "$DATA" -l "$LOG" -w -t 120 start -o "\
      -p $PORT -k $RUN -c listen_addresses=127.0.0.1 \
      -c shared_buffers=2GB -c effective_cache_size=8GB -c work_mem=256MB \
      -c maintenance_work_mem=1GB -c random_page_cost=1.1 -c max_parallel_workers_per_gather=2 \
      -c jit=off -c synchronous_commit=off -c max_wal_size=4GB" >&2
  fi
  echo "jdbc:postgresql://127.0.0.1:$PORT/postgres?user=postgres"
}

stop() {
  local bin
  bin="$(bin_dir)"
  if [ -n "$bin" ] && [ -f "$DATA/PG_VERSION" ]; then
    as_postgres "$bin/pg_ctl" -D "$DATA" -m fast stop >&2 || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  psql)
    shift
    as_postgres "$(bin_dir)/psql" -h "$RUN" -p "$PORT" -U postgres -d postgres "$@"
    ;;
  *)
    echo "usage: $0 start [PORT] | stop | psql [ARGS]" >&2
    exit 2
    ;;
esac
