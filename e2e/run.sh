#!/usr/bin/env bash
# End-to-end suite: the real server (Release build, SPA in wwwroot) on a fresh SQLite database with the demo
# data, driven by Playwright in Debian's Chromium. Writes node's TAP report to $1 and screenshots to e2e/screenshots/.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
API="$ROOT/backend/src/Elimu.Api"
REPORT="${1:-$ROOT/.tmp/e2e.tap}"
WORK="$(mktemp -d)"
mkdir -p "$ROOT/e2e/screenshots" "$(dirname "$REPORT")"

CHROMIUM="${ELIMU_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$CHROMIUM" ]; then
  echo "!! Chromium not found: install Debian's chromium package to run the end-to-end suite." >&2
  exit 1
fi

dotnet build "$API" -c Release -v quiet -nologo -clp:NoSummary >/dev/null || { echo "!! the API does not build" >&2; exit 1; }
[ -f "$API/wwwroot/index.html" ] || { echo "!! the front end is not built (vite build)" >&2; exit 1; }

PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
BASE="http://127.0.0.1:$PORT"
(cd "$API" && ConnectionStrings__Sqlite="Data Source=$WORK/e2e.db" Elimu__PrepareDatabase=true \
   ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Development \
   exec dotnet "$API/bin/Release/net10.0/Elimu.Api.dll" --contentRoot "$API" >"$WORK/server.log" 2>&1) &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT

for _ in $(seq 1 240); do
  curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "!! the server stopped:"; cat "$WORK/server.log"; exit 1; }
  sleep 0.5
done

cd "$ROOT/e2e"
ELIMU_BASE_URL="$BASE" ELIMU_CHROMIUM="$CHROMIUM" \
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
       --test-reporter=tap --test-reporter-destination="$REPORT" tests/
