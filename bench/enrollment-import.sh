#!/usr/bin/env bash
# Benchmark: the enrollment import's dry run must check 10,000 rows in under 5 s (median of 5 runs).
# Builds the API in Release, serves it on a free 127.0.0.1 port with a fresh SQLite database (migrated and seeded),
# then bench/ImportBench adds 10,000 students, writes the CSV and times POST /imports/dry-run over HTTP.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API="$ROOT/backend/src/Elimu.Api"
BENCH="$ROOT/bench/ImportBench"
WORK="$(mktemp -d)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "▸ enrollment import: building the API and the benchmark driver (Release)"
dotnet build "$BENCH" -c Release -v quiet -nologo -clp:NoSummary >"$WORK/build.log" 2>&1 \
  || { cat "$WORK/build.log"; echo "!! the benchmark does not build" >&2; exit 1; }

# shellcheck source=../scripts/throwaway-server.sh
source "$ROOT/scripts/throwaway-server.sh"
start_throwaway_server "$API" "$WORK" || exit 1

dotnet "$BENCH/bin/Release/net10.0/ImportBench.dll" "$BASE" "$WORK/throwaway.db" "$WORK"
status=$?
[ $status -eq 0 ] || { echo "--- server log (tail)"; tail -n 40 "$WORK/server.log"; }
exit $status
