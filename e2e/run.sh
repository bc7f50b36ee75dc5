#!/usr/bin/env bash
# End-to-end suite: the real server (Release build, SPA in wwwroot) on a fresh SQLite database with the demo
# data, driven by Playwright in Debian's Chromium. Writes node's TAP report to $1 and screenshots to e2e/screenshots/.
# E2E_ONLY="tests/a.test.mjs tests/b.test.mjs" runs just those files.
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

# shellcheck source=../scripts/throwaway-server.sh
source "$ROOT/scripts/throwaway-server.sh"
# M-Pesa against a fake Daraja that tests/funding-mpesa.test.mjs starts on this port (tests/fake-daraja.mjs has the
# credentials): the API is configured to it, and Safaricom's callback comes back to the API's own address.
THROWAWAY_BASE="http://127.0.0.1:$(free_port)"
export ELIMU_FAKE_DARAJA_PORT="$(free_port)"
export Payments__Mpesa__BaseUrl="http://127.0.0.1:$ELIMU_FAKE_DARAJA_PORT" Payments__Mpesa__ConsumerKey=e2e-consumer-key \
  Payments__Mpesa__ConsumerSecret=e2e-consumer-secret Payments__Mpesa__ShortCode=174379 Payments__Mpesa__Passkey=e2e-passkey \
  Payments__Mpesa__CallbackBaseUrl="$THROWAWAY_BASE" Payments__Mpesa__Timeout=00:00:10
# Cards against a fake Stripe that tests/payments-stripe.test.mjs starts (tests/fake-stripe.mjs has the keys): the API's
# PaymentIntents go to it, the page loads its stand-in Stripe.js from it (so the CSP allows that origin), and its
# signed webhook comes back to the API.
export ELIMU_FAKE_STRIPE_PORT="$(free_port)"
export Payments__Stripe__BaseUrl="http://127.0.0.1:$ELIMU_FAKE_STRIPE_PORT" Payments__Stripe__SecretKey=sk_test_e2e \
  Payments__Stripe__PublishableKey=pk_test_e2e Payments__Stripe__WebhookSecret=whsec_e2e \
  Payments__Stripe__JsUrl="http://127.0.0.1:$ELIMU_FAKE_STRIPE_PORT/v3" Payments__Stripe__BrowserApiUrl="http://127.0.0.1:$ELIMU_FAKE_STRIPE_PORT"
# Consent reminders (issue 20): the job first scans after Consent:Requests:ScanSeconds (15 minutes by default); a short
# scan sends the seed's due reminders early, as a running server would have, so tests/consent-expiry.test.mjs sees them.
export Consent__Requests__ScanSeconds="${Consent__Requests__ScanSeconds:-10}"
start_throwaway_server "$API" "$WORK" || exit 1

cd "$ROOT/e2e"
ELIMU_BASE_URL="$BASE" ELIMU_CHROMIUM="$CHROMIUM" \
  node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
       --test-reporter=tap --test-reporter-destination="$REPORT" ${E2E_ONLY:-tests/}
status=$?
# A failure in the browser is often explained by the server (a job that failed, a locked database): its warnings and
# errors are printed here, since the server's log goes away with the work folder.
if [ "$status" -ne 0 ]; then
  echo "== the server's warnings and errors during the run (last 120 lines) =="
  grep -E -A6 '^(warn|fail|crit): ' "$WORK/server.log" | tail -n 120
fi
exit "$status"
