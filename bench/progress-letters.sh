#!/usr/bin/env bash
# ./elimu bench progress-letters [sqlite] [postgres]: progress letters of the scale partner (10,000 sponsored children in
# 50 programs), program after program and term after term, until 10,000 letters are written; they must take under
# 5 minutes on each database (both by default). The API's own `progress-letters` command runs each batch as the
# background job does (figures through the consent gate in a fixed number of queries, an Offline narrative per child
# through the orchestrator, PDFs on every core, files under the bench database's letters folder) and prints the wall
# and CPU time per letter and per stage, then removes what it wrote. The machine may be shared: the load average is
# printed with the result, and the CPU time per letter does not depend on it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/bench-db.sh
source "$ROOT/bench/lib/bench-db.sh"
WORK="$(mktemp -d)"
LETTERS="${BENCH_LETTERS:-10000}"

echo "▸ progress letters: building the API (Release)"
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  dotnet build "$ROOT/backend/src/Elimu.Api" -c Release -v quiet -nologo -clp:NoSummary >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log"; echo "!! the API does not build" >&2; exit 1; }
fi

run_db() {
  local db="$1" out seconds
  bench_seeded "$db" || "$ROOT/bench/lib/scale-seed.sh" "$db"
  [ "$db" = postgres ] && bench_pg_start
  # The bench database keeps the schema of the build that seeded it: bring it to this build's.
  bench_api "$db" migrate >"$WORK/$db-migrate.log" 2>&1 || { cat "$WORK/$db-migrate.log"; [ "$db" = postgres ] && bench_pg_stop; return 1; }
  echo "  $db: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  out=$(Ai__Providers__Anthropic__ApiKey="" Ai__Providers__Gemini__ApiKey="" Letters__Directory="$WORK/letters-$db" \
        bench_api "$db" progress-letters scale@elimu.demo "$LETTERS" 2>"$WORK/$db.err" | tail -2) \
    || { cat "$WORK/$db.err"; echo "$out"; [ "$db" = postgres ] && bench_pg_stop; return 1; }
  [ "$db" = postgres ] && bench_pg_stop
  echo "$out" | sed "s/^/  $db: /"
  seconds=$(tail -1 <<<"$out" | sed -E 's/.* in ([0-9.]+) s$/\1/')
  awk -v s="$seconds" 'BEGIN { exit !(s < 300) }' && echo "  $db: under 5 minutes — met (load average after: $(cut -d' ' -f1-3 /proc/loadavg))" \
    || { echo "  $db: ${seconds} s — target 5 minutes MISSED (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"; return 1; }
}

status=0
for db in "${@:-sqlite postgres}"; do
  for d in $db; do run_db "$d" || status=1; done
done
rm -rf "$WORK"
exit $status
