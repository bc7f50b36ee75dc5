#!/usr/bin/env bash
# Benchmark: POST /api/v1/learning/events must sustain at least 5,000 events/s on SQLite and on PostgreSQL.
# For each database (default both; or ./bench/ingest.sh sqlite|postgres): builds the API in Release, serves it on a
# free 127.0.0.1 port on a fresh database with the demo data, creates a service key with the `service-key` command,
# then bench/ingest-driver.py sends batches of 1,000 new events (sessions, assessments, lesson progress, achievements)
# from 4 parallel senders for INGEST_SECONDS (default 20) and prints events/s and batch latency.
# Bounded: every step has a timeout, everything binds 127.0.0.1, and the servers and databases are removed on exit.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API="$ROOT/backend/src/Elimu.Api"
# INGEST_API_BIN: another build of the API to measure (a copy of bin/Release/net10.0 from before a change); no build then.
DLL="${INGEST_API_BIN:-$API/bin/Release/net10.0}/Elimu.Api.dll"
WORK="$(mktemp -d)"
chmod 755 "$WORK"   # the throwaway PostgreSQL runs as the postgres user and keeps its cluster in here
SECONDS_TO_RUN="${INGEST_SECONDS:-20}"
SENDERS="${INGEST_SENDERS:-4}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Development
export RateLimits__LearningBatchesPerSecond=100000

# shellcheck source=../scripts/postgres-throwaway.sh
source "$ROOT/scripts/postgres-throwaway.sh"   # also free_port
SERVER=""
cleanup() {
  [ -n "$SERVER" ] && { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; }
  [ -n "${PG_DIR:-}" ] && pg_throwaway_stop >/dev/null 2>&1
  [ -n "${INGEST_KEEP:-}" ] && echo "kept $WORK" || rm -rf "$WORK"
}
trap cleanup EXIT

[ -n "${INGEST_API_BIN:-}" ] || { echo "▸ learning-events ingestion: building the API (Release)"; timeout 600 dotnet build "$API" -c Release -v quiet -nologo -clp:NoSummary >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; echo "!! the API does not build" >&2; exit 1; }; }

run_one() {
  local db="$1" base
  base="http://127.0.0.1:$(free_port)"
  if [ "$db" = postgres ]; then
    pg_throwaway_start "$WORK/pg" || return 1
    export ELIMU_DB=postgres ConnectionStrings__Postgres="${PG_CONNECTION/Database=postgres/Database=elimu_bench}"
    as_pg_user "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE elimu_bench" postgres || return 1
  else
    export ELIMU_DB=sqlite ConnectionStrings__Sqlite="Data Source=$WORK/ingest.db"
  fi
  (cd "$API" && timeout 900 dotnet "$DLL" --contentRoot "$API" seed >"$WORK/seed.log" 2>&1) || { cat "$WORK/seed.log"; return 1; }
  local key
  key=$(cd "$API" && timeout 120 dotnet "$DLL" --contentRoot "$API" service-key create "ingest bench" 2>/dev/null | tail -n 1)
  [[ "$key" == elk_* ]] || { echo "!! could not create a service key"; return 1; }

  (cd "$API" && ASPNETCORE_URLS="$base" exec timeout 900 dotnet "$DLL" --contentRoot "$API" >"$WORK/server.log" 2>&1) &
  SERVER=$!
  for _ in $(seq 1 240); do curl -fsS "$base/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "$base/readyz" >/dev/null 2>&1 || { echo "!! the server did not start"; tail -n 40 "$WORK/server.log"; return 1; }

  # The students, areas and lessons the events name, read straight from the benchmark's database.
  local q1="SELECT id FROM students" q2="SELECT code FROM learning_areas" q3="SELECT id FROM lessons"
  if [ "$db" = postgres ]; then
    for q in "$q1" "$q2" "$q3"; do as_pg_user "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -At -c "$q" elimu_bench | paste -sd,; done
  else
    for q in "$q1" "$q2" "$q3"; do python3 -c 'import sqlite3,sys; print(",".join(r[0] for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2])))' "$WORK/ingest.db" "$q"; done
  fi | python3 -c 'import json,sys; s,a,l=[x.strip().split(",") for x in sys.stdin.read().strip().split("\n")]; json.dump({"studentIds":s,"learningAreaCodes":a,"lessonIds":l},open(sys.argv[1],"w"))' "$WORK/refs.json" \
    || { echo "!! could not read the demo references"; return 1; }

  echo "▸ $db: $SENDERS senders × batches of 1,000 events for ${SECONDS_TO_RUN}s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  # The machine may be shared: the CPU seconds the API (and PostgreSQL's server processes) spent over the run say
  # what the events cost whatever else runs.
  local api_pid pg_pid="" cpu_before
  api_pid=$(pgrep -P "$SERVER" -f Elimu.Api.dll | head -n 1)
  [ "$db" = postgres ] && pg_pid=$(head -n 1 "$WORK/pg/data/postmaster.pid" 2>/dev/null)
  cpu_before=$(cpu_seconds "$api_pid" "$pg_pid")
  timeout $((SECONDS_TO_RUN + 120)) python3 "$ROOT/bench/ingest-driver.py" "$base" "$key" "$db" "$SECONDS_TO_RUN" "$SENDERS" "$WORK/refs.json" | tee "$WORK/driver.out"
  local status=${PIPESTATUS[0]}
  python3 - "$cpu_before" "$(cpu_seconds "$api_pid" "$pg_pid")" "$WORK/driver.out" <<'PY'
import re, sys
(api0, pg0), (api1, pg1) = (map(float, x.split()) for x in sys.argv[1:3])
stored = int(re.search(r"([\d,]+) events stored", open(sys.argv[3]).read()).group(1).replace(",", ""))
api, pg = api1 - api0, pg1 - pg0
print(f"  CPU during the run: API {api:.1f} s" + (f", PostgreSQL {pg:.1f} s" if pg else "")
      + f"; {stored / (api + pg) if api + pg else 0:,.0f} events per CPU-second; load average now {open('/proc/loadavg').read().split()[0]}")
PY
  kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null; SERVER=""
  [ "$db" = postgres ] && { pg_throwaway_stop >/dev/null 2>&1; unset PG_DIR; }
  return $status
}

# cpu_seconds <api pid> [<postmaster pid>]: "<the API's user+sys CPU seconds> <the PostgreSQL server's, its backends included>".
cpu_seconds() {
  python3 - "$@" <<'PY'
import os, sys
tick = os.sysconf("SC_CLK_TCK")
def stat(pid):
    try: return open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError: return None
def cpu(f): return (int(f[11]) + int(f[12])) / tick if f else 0.0
pg = 0.0
if len(sys.argv) > 2 and sys.argv[2]:
    pg = sum(cpu(f) for pid in os.listdir("/proc") if pid.isdigit() and (f := stat(pid)) and (pid == sys.argv[2] or f[1] == sys.argv[2]))
print(f"{cpu(stat(sys.argv[1])):.2f} {pg:.2f}")
PY
}

status=0
for db in ${1:-sqlite postgres}; do run_one "$db" || status=1; done
exit $status
