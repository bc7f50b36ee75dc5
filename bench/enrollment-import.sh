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

PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
BASE="http://127.0.0.1:$PORT"
(cd "$API" && ConnectionStrings__Sqlite="Data Source=$WORK/bench.db" Elimu__PrepareDatabase=true \
   ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Development \
   exec dotnet "$API/bin/Release/net10.0/Elimu.Api.dll" --contentRoot "$API" >"$WORK/server.log" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT

for _ in $(seq 1 240); do
  curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "!! the server stopped:"; cat "$WORK/server.log"; exit 1; }
  sleep 0.5
done

dotnet "$BENCH/bin/Release/net10.0/ImportBench.dll" "$BASE" "$WORK/bench.db" "$WORK"
status=$?
[ $status -eq 0 ] || { echo "--- server log (tail)"; tail -n 40 "$WORK/server.log"; }
exit $status
