#!/usr/bin/env bash
# ./elimu bench cluster: two API instances on one PostgreSQL database and one Redis, on 127.0.0.1, and the checks that
# they act as one product (sessions, realtime counters, background jobs). Writes node's TAP report to $1.
# Needs Debian's postgresql and redis-server packages (.ci/run installs them).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
API="$ROOT/backend/src/Elimu.Api"
REPORT="${1:-$ROOT/.tmp/cluster.tap}"
WORK="$(mktemp -d)"; chmod 755 "$WORK"  # the postgres user runs the database in it
mkdir -p "$(dirname "$REPORT")"

command -v redis-server >/dev/null || { echo "!! redis-server not found: install Debian's redis-server package" >&2; exit 1; }
dotnet build "$API" -c Release -v quiet -nologo -clp:NoSummary >/dev/null || { echo "!! the API does not build" >&2; exit 1; }

# shellcheck source=../../scripts/postgres-throwaway.sh
source "$ROOT/scripts/postgres-throwaway.sh"  # also free_port
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  wait 2>/dev/null
  pg_throwaway_stop >/dev/null 2>&1
  rm -rf "$WORK"
}
trap cleanup EXIT

pg_throwaway_start "$WORK/pg" || exit 1
REDIS_PORT=$(free_port)
redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --protected-mode yes >"$WORK/redis.log" 2>&1 &
PIDS+=($!)

# start_instance <name> <prepare database: true|false>; sets URL_<name>
start_instance() {
  local name="$1" prepare="$2" url
  url="http://127.0.0.1:$(free_port)"
  (cd "$API" && ELIMU_DB=postgres ConnectionStrings__Postgres="${PG_CONNECTION/Database=postgres/Database=elimu}" \
     Redis__Connection="127.0.0.1:$REDIS_PORT" Elimu__PrepareDatabase="$prepare" Realtime__AlertScanSeconds=1 \
     ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Development \
     exec dotnet "$API/bin/Release/net10.0/Elimu.Api.dll" --contentRoot "$API" >"$WORK/$name.log" 2>&1) &
  PIDS+=($!)
  eval "PID_$name=$!"
  for _ in $(seq 1 240); do
    curl -fsS "$url/readyz" >/dev/null 2>&1 && { eval "URL_$name=$url"; return 0; }
    kill -0 "$(eval echo "\$PID_$name")" 2>/dev/null || { echo "!! instance $name stopped:"; cat "$WORK/$name.log"; return 1; }
    sleep 0.5
  done
  echo "!! instance $name did not become ready"; cat "$WORK/$name.log"; return 1
}

as_pg_user "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres elimu || exit 1
# A migrates and seeds the demo data; B starts on the prepared database, as a second machine would.
start_instance A true || exit 1
start_instance B false || exit 1
echo "Two instances: A $URL_A and B $URL_B on PostgreSQL :$PG_PORT and Redis :$REDIS_PORT"

cd "$ROOT/bench/cluster"
ELIMU_A="$URL_A" ELIMU_B="$URL_B" PID_A="$PID_A" PID_B="$PID_B" \
  LOG_A="$WORK/A.log" LOG_B="$WORK/B.log" \
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
       --test-reporter=tap --test-reporter-destination="$REPORT" cluster.test.mjs
