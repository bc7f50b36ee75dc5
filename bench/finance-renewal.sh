#!/usr/bin/env bash
# ./elimu bench finance-renewal [sqlite] [postgres]: the renewal run at the scale data must issue every invoice (the
# scale partner's 50 programs, 10,000 children) in under 10 s on each database (both by default).
# bench/RenewalBench gives each program a monthly subscription whose period ended today, then the API's own `renew`
# command runs one renewal run (what RenewalJob runs) and prints how long it took. Uses the bench databases of
# ./elimu bench (data/bench.db, data/bench-pg), seeding them first if they hold no scale data.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/bench-db.sh
source "$ROOT/bench/lib/bench-db.sh"
DRIVER="$ROOT/bench/RenewalBench"
WORK="$(mktemp -d)"

echo "▸ finance renewal: building the API and the setup driver (Release)"
dotnet build "$DRIVER" -c Release -v quiet -nologo -clp:NoSummary >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; echo "!! the renewal benchmark does not build" >&2; exit 1; }

run_db() {
  local db="$1" out seconds
  bench_seeded "$db" || "$ROOT/bench/lib/scale-seed.sh" "$db"
  [ "$db" = postgres ] && bench_pg_start
  bench_api "$db" migrate >"$WORK/$db-migrate.log" 2>&1 || { cat "$WORK/$db-migrate.log"; exit 1; }
  dotnet "$DRIVER/bin/Release/net10.0/RenewalBench.dll" "$db" "$(bench_connection "$db")"
  out=$(bench_api "$db" renew | tail -1)
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
