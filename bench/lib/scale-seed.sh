#!/usr/bin/env bash
# ./elimu bench seed [sqlite|postgres|both]: the scale data of issue 15 in the bench database(s), from nothing:
# migrate and add the demo story with the API's own `seed` command, then bench/ScaleSeed bulk-loads one partner
# (scale@elimu.demo) with 50 programs and 10,000 sponsored children, 40,000 other students and a year of learning.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=bench-db.sh
source "$ROOT/bench/lib/bench-db.sh"

# The raw learning rows are in at this point; every figure reads the daily rollups (ADR 0011), so they are rebuilt
# from the raw rows before anything reads the dashboard.
rebuild_rollups() {
  local started=$SECONDS
  echo "  rebuilding the daily learning rollups"
  bench_api "$1" rollups rebuild
  echo "  rollups rebuilt in $((SECONDS - started)) s"
}

seed_one() {
  local db="$1" started=$SECONDS
  echo "▸ scale seed into $db"
  if [ "$db" = sqlite ]; then
    mkdir -p "$ROOT/data"; rm -f "$BENCH_SQLITE" "$BENCH_SQLITE"-* "$BENCH_SQLITE.seeded"
  else
    bench_pg_start fresh; rm -f "$BENCH_PG_DIR/seeded"
    trap bench_pg_stop EXIT
  fi
  local TIMEFORMAT="  demo seed (migrations + demo story): %R s wall, %U s user + %S s sys CPU"
  time bench_api "$db" seed | tail -n 1
  TIMEFORMAT="  scale data: %R s wall, %U s user + %S s sys CPU (seeder; the database's own work is not in these)"
  time dotnet "$SEEDER/bin/Release/net10.0/ScaleSeed.dll" "$db" "$(bench_connection "$db")"
  rebuild_rollups "$db"
  if [ "$db" = sqlite ]; then touch "$BENCH_SQLITE.seeded"; else [ -d "$BENCH_PG_DIR" ] && touch "$BENCH_PG_DIR/seeded"; bench_pg_stop; trap - EXIT; fi
  echo "  $db seeded in $((SECONDS - started)) s (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
}

bench_build
case "${1:-both}" in
  sqlite|postgres) seed_one "$1" ;;
  both) seed_one sqlite; seed_one postgres ;;
  *) echo "usage: ./elimu bench seed [sqlite|postgres|both]" >&2; exit 2 ;;
esac
