#!/usr/bin/env bash
# ./elimu bench impact-report [sqlite] [postgres]: an impact report of the scale partner (10,000 children) over the last
# 90 days, with its PDF, must be ready in under 10 s with the Offline provider on each database (both by default).
# The API's own `impact-report` command computes it as the background job does (through the consent gate, from the
# rollups) and writes the PDF, then prints how long it took. Uses the bench databases of ./elimu bench (data/bench.db,
# data/bench-pg), seeding them first if they hold no scale data. No AI key is set, so the narrative is Offline's.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/bench-db.sh
source "$ROOT/bench/lib/bench-db.sh"
WORK="$(mktemp -d)"

echo "▸ impact report: building the API (Release)"
dotnet build "$ROOT/backend/src/Elimu.Api" -c Release -v quiet -nologo -clp:NoSummary >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; echo "!! the API does not build" >&2; exit 1; }

run_db() {
  local db="$1" out seconds
  bench_seeded "$db" || "$ROOT/bench/lib/scale-seed.sh" "$db"
  [ "$db" = postgres ] && bench_pg_start
  out=$(Ai__Providers__Anthropic__ApiKey="" Ai__Providers__Gemini__ApiKey="" bench_api "$db" impact-report 2>"$WORK/$db.err" | tail -1) \
    || { cat "$WORK/$db.err"; [ "$db" = postgres ] && bench_pg_stop; return 1; }
  [ "$db" = postgres ] && bench_pg_stop
  echo "  $db: $out"
  seconds=$(sed -E 's/.* in ([0-9.]+) s$/\1/' <<<"$out")
  awk -v s="$seconds" 'BEGIN { exit !(s < 10) }' && echo "  $db: under 10 s — met (load average: $(cut -d' ' -f1-3 /proc/loadavg))" \
    || { echo "  $db: ${seconds} s — target 10 s MISSED (load average: $(cut -d' ' -f1-3 /proc/loadavg))"; return 1; }
}

status=0
for db in "${@:-sqlite postgres}"; do
  for d in $db; do run_db "$d" || status=1; done
done
exit $status
