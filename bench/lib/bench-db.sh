# The benchmark databases of ./elimu bench, sourced by scale-seed.sh and targets.sh. They are kept apart from the
# product's data/elimu.db: SQLite in data/bench.db, PostgreSQL in a cluster of its own in data/bench-pg (started on a
# free 127.0.0.1 port when needed, stopped after) or, with ELIMU_BENCH_POSTGRES set, the (empty) database that names.
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
API="$ROOT/backend/src/Elimu.Api"
SEEDER="$ROOT/bench/ScaleSeed"
# BENCH_API_BIN: another build of the API to measure (a copy of bin/Release/net10.0 from before a change).
API_BIN="${BENCH_API_BIN:-$API/bin/Release/net10.0}"
BENCH_SQLITE="$ROOT/data/bench.db"
BENCH_PG_DIR="$ROOT/data/bench-pg"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# shellcheck source=../../scripts/postgres-throwaway.sh
source "$ROOT/scripts/postgres-throwaway.sh" # pg_bin_dir, as_pg_user, free_port

# BENCH_NO_BUILD=1 runs what is built (to measure a build against the next one on the same data).
bench_build() {
  [ -n "${BENCH_NO_BUILD:-}" ] && return 0
  echo "▸ building the API and the scale seeder (Release)"
  mkdir -p "$ROOT/data"
  dotnet build "$SEEDER" -c Release -v quiet -nologo -clp:NoSummary >"$ROOT/data/bench-build.log" 2>&1 \
    || { cat "$ROOT/data/bench-build.log"; echo "!! the scale seeder does not build" >&2; return 1; }
}

# bench_need_wrk: wrk measures the HTTP targets; Debian's package is installed when missing (as root).
bench_need_wrk() {
  command -v wrk >/dev/null && return 0
  echo "▸ wrk is not installed; installing Debian's package"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  else echo "!! install wrk (sudo apt-get install wrk) and run again" >&2; return 1; fi
}

# bench_env <sqlite|postgres>: the environment that points the API at the bench database.
bench_env() {
  if [ "$1" = sqlite ]; then echo "ConnectionStrings__Sqlite=Data Source=$BENCH_SQLITE"
  else printf 'ELIMU_DB=postgres\nConnectionStrings__Postgres=%s\n' "$BENCH_PG_CONNECTION"; fi
}

bench_connection() { if [ "$1" = sqlite ]; then echo "Data Source=$BENCH_SQLITE"; else echo "$BENCH_PG_CONNECTION"; fi; }

# bench_api <sqlite|postgres> <args...>: the API's own commands (migrate, seed) against the bench database.
bench_api() {
  local db="$1"; shift
  local -a envs; mapfile -t envs < <(bench_env "$db")
  (cd "$API" && env "${envs[@]}" ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning \
     dotnet "$API_BIN/Elimu.Api.dll" --contentRoot "$API" "$@")
}

# Starts the bench PostgreSQL (its own cluster unless ELIMU_BENCH_POSTGRES names one); sets BENCH_PG_CONNECTION.
# bench_pg_start fresh: a new empty cluster (the old one is removed).
bench_pg_start() {
  if [ -n "${ELIMU_BENCH_POSTGRES:-}" ]; then BENCH_PG_CONNECTION="$ELIMU_BENCH_POSTGRES"; return 0; fi
  local bin; bin=$(pg_bin_dir) || { echo "!! PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2; return 1; }
  PG_BIN="$bin"; PG_OS_USER=postgres; BENCH_PG_PORT=$(free_port)
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then useradd --system --no-create-home postgres; fi
  if [ "${1:-}" = fresh ]; then rm -rf "$BENCH_PG_DIR"; fi
  mkdir -p "$BENCH_PG_DIR"; [ "$(id -u)" -eq 0 ] && chown "$PG_OS_USER" "$BENCH_PG_DIR"
  if [ ! -f "$BENCH_PG_DIR/data/PG_VERSION" ]; then
    as_pg_user "$bin/initdb" -D "$BENCH_PG_DIR/data" -U postgres -A trust --no-locale -E UTF8 >"$BENCH_PG_DIR/initdb.log" 2>&1 \
      || { cat "$BENCH_PG_DIR/initdb.log"; return 1; }
  fi
  # A benchmark server, not a durable one: no fsync (as the test clusters); the rest are PostgreSQL's defaults.
  as_pg_user "$bin/pg_ctl" -D "$BENCH_PG_DIR/data" -l "$BENCH_PG_DIR/server.log" -w -t 120 \
    -o "-h 127.0.0.1 -p $BENCH_PG_PORT -k $BENCH_PG_DIR -F -c synchronous_commit=off -c shared_buffers=256MB -c max_wal_size=4GB" start >/dev/null \
    || { tail -20 "$BENCH_PG_DIR/server.log"; return 1; }
  BENCH_PG_CONNECTION="Host=127.0.0.1;Port=$BENCH_PG_PORT;Username=postgres;Database=postgres;Maximum Pool Size=$(bench_pg_pool)"
}

# The API's connection pool on the bench PostgreSQL: BENCH_PG_POOL, else PostgreSQL's rule of thumb for a server on
# this machine's cores, (2 × cores) + 1. The server shares the cores with the API and wrk: with a pool as large as the
# load (16 connections), 16 backends queued for 2 cores and a page's p99 ran to 4–15 times its median
# (bench/RESULTS.md, 2026-12-03).
bench_pg_pool() { echo "${BENCH_PG_POOL:-$((2 * $(nproc) + 1))}"; }

bench_pg_stop() {
  [ -n "${ELIMU_BENCH_POSTGRES:-}" ] && return 0
  [ -n "${PG_BIN:-}" ] && as_pg_user "$PG_BIN/pg_ctl" -D "$BENCH_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
}

# Whether the database holds a finished scale seed (the seeder writes the marker last).
bench_seeded() {
  if [ "$1" = sqlite ]; then [ -f "$BENCH_SQLITE.seeded" ]; else [ -n "${ELIMU_BENCH_POSTGRES:-}" ] || [ -f "$BENCH_PG_DIR/seeded" ]; fi
}
