#!/usr/bin/env bash
# ./elimu bench finance [sqlite] [postgres]: issue 17's finance targets at the scale data, on each database (both by default).
# Adds the scale partner's billing history once (ScaleSeed finance: 50 programs × 24 months of invoices, ~1,450 payments),
# serves the API on the bench database as targets.sh does (Production, 127.0.0.1 as the known proxy, X-Forwarded-Proto),
# signs in as scale@elimu.demo and measures:
#   - GET /api/v1/partner/finance/payments, a filtered page of 50, with wrk (16 connections, BENCH_SECONDS, after
#     BENCH_WARMUP seconds unmeasured): p99 ≤ 50 ms;
#   - a receipt PDF (GET /payments/{id}/receipt), BENCH_RECEIPTS sequential requests (20) after 3 unmeasured: under 300 ms
#     (median and max).
# Prints a Markdown table per database, with the load average (the machine may be shared).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/bench-db.sh
source "$ROOT/bench/lib/bench-db.sh"
SECS="${BENCH_SECONDS:-10}"
# 30 s unmeasured first: the payments page is this server's first and only endpoint, and on a 2-core machine its tiered
# JIT was still compiling 2,500 methods (3 s of CPU) in every 5 s, 10 s after the start (dotnet-counters, 2026-12-03).
WARMUP="${BENCH_WARMUP:-30}"
RECEIPTS="${BENCH_RECEIPTS:-20}"
CONNECTIONS=16
WORK="$(mktemp -d)"
bench_need_wrk

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

run_db() {
  local db="$1"
  TABLE="$WORK/$db.md"
  bench_seeded "$db" || "$ROOT/bench/lib/scale-seed.sh" "$db"
  [ "$db" = postgres ] && bench_pg_start
  bench_api "$db" migrate >"$WORK/$db-migrate.log" 2>&1 || { cat "$WORK/$db-migrate.log"; exit 1; }
  dotnet "$SEEDER/bin/Release/net10.0/ScaleSeed.dll" finance "$db" "$(bench_connection "$db")"
  local -a envs; mapfile -t envs < <(bench_env "$db")
  BASE="http://127.0.0.1:$(free_port)"
  (cd "$API" && exec env "${envs[@]}" ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Elimu__KnownProxies__0=127.0.0.1 \
     Logging__LogLevel__Default=Warning dotnet "$API_BIN/Elimu.Api.dll" --contentRoot "$API" >"$WORK/$db-server.log" 2>&1) &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; bench_pg_stop' EXIT
  for _ in $(seq 1 240); do curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "$BASE/readyz" >/dev/null || { tail -40 "$WORK/$db-server.log"; exit 1; }

  curl -fsS -D "$WORK/login-headers" -o /dev/null -H 'X-Forwarded-Proto: https' -H 'Content-Type: application/json' \
    -d '{"email":"scale@elimu.demo","password":"Demo#2026!"}' "$BASE/api/v1/auth/login"
  local cookie xsrf
  cookie=$(grep -i '^set-cookie:' "$WORK/login-headers" | sed -E 's/^[Ss]et-[Cc]ookie: *([^;]*);.*/\1/' | paste -sd ';' | sed 's/;/; /g')
  xsrf=$(sed -nE 's/^[Ss]et-[Cc]ookie: *XSRF-TOKEN=([^;]*);.*/\1/p' "$WORK/login-headers" | tail -n1)
  local -a session=(-H "X-Forwarded-Proto: https" -H "Cookie: $cookie" -H "X-XSRF-TOKEN: $xsrf")
  local finance="$BASE/api/v1/partner/finance"
  local total; total=$(curl -fsS "${session[@]}" "$finance/payments?pageSize=1" | json 'd["total"]')
  local receipt; receipt=$(curl -fsS "${session[@]}" "$finance/payments?status=completed&pageSize=1&page=7" | json 'd["items"][0]["id"]')

  echo "▸ $db: $total payments for the scale partner; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  { echo "| what | req/s | p50 | p99 / max | target |"; echo "| --- | --- | --- | --- | --- |"; } >"$TABLE"
  local path="/api/v1/partner/finance/payments?status=completed&gateway=mpesa&from=2025-01-01&page=2&pageSize=50"
  [ "$WARMUP" -gt 0 ] && wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s "${session[@]}" "$BASE$path" >/dev/null
  local out rps p50 p99 errors
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECS}s" --timeout 10s --latency "${session[@]}" "$BASE$path")
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); [ -n "$errors" ] && errors=" (**$errors non-2xx**)"
  echo "| \`GET .../finance/payments?status=completed&gateway=mpesa&from=…&page=2&pageSize=50\` ($total payments) | $rps | $p50 | $p99 | p99 ≤ 50 ms |$errors" >>"$TABLE"
  echo "  payments page: $rps req/s, p50 $p50, p99 $p99$errors"

  local times=() i status seconds
  for i in $(seq 1 $((RECEIPTS + 3))); do
    read -r status seconds <<<"$(curl -sS -o "$WORK/receipt.pdf" -w '%{http_code} %{time_total}' "${session[@]}" "$finance/payments/$receipt/receipt")"
    [ "$status" = 200 ] || { echo "!! the receipt answered $status" >&2; exit 1; }
    [ "$i" -gt 3 ] && times+=("$seconds")
  done
  head -c 5 "$WORK/receipt.pdf" | grep -q '%PDF-' || { echo "!! the receipt is not a PDF" >&2; exit 1; }
  local median max
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f ms", 1000*a[int((NR+1)/2)]}')
  max=$(printf '%s\n' "${times[@]}" | sort -n | tail -n1 | awk '{printf "%.1f ms", 1000*$1}')
  echo "| receipt PDF (\`GET .../payments/{id}/receipt\`, $RECEIPTS in a row after 3 unmeasured; $(stat -c %s "$WORK/receipt.pdf") bytes) | | $median | $max | < 300 ms |" >>"$TABLE"
  echo "  receipt: median $median, max $max"

  kill $SERVER; wait $SERVER 2>/dev/null || true
  [ "$db" = postgres ] && bench_pg_stop
  trap - EXIT
  echo; cat "$TABLE"; echo
}

bench_build
echo "machine: $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
dbs=("$@"); [ ${#dbs[@]} -eq 0 ] && dbs=(sqlite postgres)
for db in "${dbs[@]}"; do run_db "$db"; done
rm -rf "$WORK"
