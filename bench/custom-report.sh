#!/usr/bin/env bash
# ./elimu bench custom-report [sqlite] [postgres]: running a saved custom-report definition over the scale data (the
# scale partner's 10,000 children, 90 days, by county, by program and by month) must take under 1 s on each database.
# The API's own `report-run` command runs each definition once to warm up, then times the second run in-process (what
# POST /api/v1/partner/analytics/reports/{id}/run does, without HTTP). Uses the bench databases (data/bench.db,
# data/bench-pg), seeding them first if they hold no scale data. The machine may be shared: the load average is printed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/bench-db.sh
source "$ROOT/bench/lib/bench-db.sh"
WORK="$(mktemp -d)"

if [ -z "${BENCH_NO_BUILD:-}" ]; then
  echo "▸ custom report: building the API (Release)"
  dotnet build "$API" -c Release -v quiet -nologo -clp:NoSummary >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
fi

run_db() {
  local db="$1" out ms
  bench_seeded "$db" || "$ROOT/bench/lib/scale-seed.sh" "$db"
  [ "$db" = postgres ] && bench_pg_start
  out=$(bench_api "$db" report-run 2>&1) || { echo "$out"; [ "$db" = postgres ] && bench_pg_stop; return 1; }
  [ "$db" = postgres ] && bench_pg_stop
  sed "s/^/  $db: /" <<<"$(grep -E '^(report by|Slowest)' <<<"$out")"
  ms=$(grep -E '^Slowest run' <<<"$out" | sed -E 's/.*: ([0-9]+) ms/\1/')
  awk -v m="$ms" 'BEGIN { exit !(m < 1000) }' && echo "  $db: under 1 s — met (load average: $(cut -d' ' -f1-3 /proc/loadavg))" \
    || { echo "  $db: ${ms} ms — target 1 s MISSED (load average: $(cut -d' ' -f1-3 /proc/loadavg))"; return 1; }
}

status=0
for db in ${@:-sqlite postgres}; do run_db "$db" || status=1; done
exit $status
