#!/usr/bin/env bash
# ./elimu test: every suite, one summary line at the end. Exits non-zero when anything failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TESTS="$ROOT/backend/tests/Elimu.Api.Tests"
FRONTEND="$ROOT/frontend"
TMP="$ROOT/.tmp/test"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
rm -rf "$TMP" && mkdir -p "$TMP"

PASSED=0 FAILED=0 SKIPPED=0 BROKEN=()
say() { printf '\n\033[1;31m== %s ==\033[0m\n' "$*"; }
add() { PASSED=$((PASSED + $1)); FAILED=$((FAILED + $2)); SKIPPED=$((SKIPPED + $3)); }
broken() { BROKEN+=("$1"); FAILED=$((FAILED + 1)); }

# dotnet test's closing line: "Passed!  - Failed: 0, Passed: 53, Skipped: 0, Total: 53, ..."
run_dotnet_suite() {
  local name="$1" log="$TMP/$1.log"; shift
  say "API tests on $name"
  env "$@" dotnet test "$TESTS" --no-build -c Release 2>&1 | tee "$log" \
    | grep -E '^\s*(Failed|Skipped) |Error Message|^\s+(Expected|Actual):|Failed!|Passed!' || true
  local line
  line=$(grep -E '(Passed|Failed)! +- +Failed:' "$log" | tail -1)
  if [ -z "$line" ]; then broken "API tests on $name did not run"; return; fi
  add "$(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$line")" \
      "$(sed -E 's/.*Failed: *([0-9]+),.*/\1/' <<<"$line")" \
      "$(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$line")"

}

say "Building the API and its tests"
if ! dotnet build "$TESTS" -c Release -v quiet -nologo -clp:NoSummary; then
  broken "the API or its tests do not build"
else
  run_dotnet_suite sqlite ELIMU_TEST_DB=sqlite

  # shellcheck source=postgres-throwaway.sh
  source "$ROOT/scripts/postgres-throwaway.sh"
  if pg_throwaway_start "$TMP/pg"; then
    run_dotnet_suite postgres ELIMU_TEST_DB=postgres "ELIMU_TEST_POSTGRES=$PG_CONNECTION"
    pg_throwaway_stop
  else
    printf '\n\033[1;33m!! PostgreSQL binaries not found (looked in /usr/lib/postgresql/*/bin): the PostgreSQL run of the API suite is SKIPPED. Install the postgresql package to run it.\033[0m\n'
  fi
fi

say "Front end: packages, type check, unit tests, build"
source "$ROOT/scripts/frontend-deps.sh"
if ! frontend_deps; then
  broken "npm ci failed"
else
  # api.ts must be what openapi-typescript makes of the committed OpenAPI document (the API suite checks that one).
  (cd "$FRONTEND" && node --import ./scripts/openapi-ts5.mjs node_modules/openapi-typescript/bin/cli.js \
      ../backend/openapi/v1.json -o "$TMP/api.ts" >/dev/null 2>&1) && cmp -s "$TMP/api.ts" "$FRONTEND/src/types/api.ts" \
    || broken "frontend/src/types/api.ts is stale: run ./elimu gen-api"
  (cd "$FRONTEND" && npx tsc --noEmit) || broken "tsc --noEmit reported errors"
  (cd "$FRONTEND" && npx vitest run --reporter=default --reporter=json --outputFile.json="$TMP/vitest.json")
  if [ -f "$TMP/vitest.json" ]; then
    read -r p f s < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests,r.numFailedTests+(r.numRuntimeErrorTestSuites||0),r.numPendingTests+r.numTodoTests)' "$TMP/vitest.json")
    add "$p" "$f" "$s"
  else
    broken "vitest did not run"
  fi
  if (cd "$FRONTEND" && npx vite build --logLevel warn); then
    # JavaScript per route, gzip, from the build's manifest; over a budget (120 kB sign-in and consent inbox, 250 kB
    # any page) fails the run.
    say "Front end: JavaScript budget per route"
    if (cd "$FRONTEND" && node scripts/bundle-budget.mjs); then add 1 0 0; else broken "a route is over its JavaScript budget (table above)"; fi
  else
    broken "vite build failed"
  fi
fi

# add_tap <name> <report>: counts of a node:test TAP report
add_tap() {
  if [ -f "$2" ] && grep -qE '^# pass ' "$2"; then
    add "$(grep -E '^# pass ' "$2" | awk '{print $3}')" \
        "$(grep -E '^# fail ' "$2" | awk '{print $3}')" \
        "$(grep -E '^# skipped ' "$2" | awk '{print $3}')"
  else
    broken "$1 did not run"
  fi
}

say "Two instances on PostgreSQL and Redis"
bash "$ROOT/bench/cluster/run.sh" "$TMP/cluster.tap" || true
add_tap "the two-instance check" "$TMP/cluster.tap"

if [ -f "$ROOT/e2e/run.sh" ]; then
  say "End to end in Chromium"
  bash "$ROOT/e2e/run.sh" "$TMP/e2e.tap" || true
  add_tap "the end-to-end suite" "$TMP/e2e.tap"
fi

echo
for b in "${BROKEN[@]}"; do echo "!! $b"; done
echo "elimu: $PASSED passed, $FAILED failed, $SKIPPED skipped"
[ "$FAILED" -eq 0 ]
