#!/usr/bin/env bash
# ./elimu bench [sqlite] [postgres]: the targets of issue 15 at the scale data, on each database (both by default).
# Seeds the bench database when it has no scale data yet (./elimu bench seed), serves the API on it from a free
# 127.0.0.1 port, signs in as the scale partner (session cookie + XSRF header), and runs wrk (16 connections, 2 threads,
# BENCH_SECONDS each, 10 by default) against each endpoint; then times the enrollment dry run of 10,000 rows against
# the 50,000 students and reads the API's peak resident memory (VmHWM). Prints a Markdown table per database.
#
# The API runs as in production (ASPNETCORE_ENVIRONMENT=Production: HTTPS-only cookies, HSTS). The bench speaks plain
# HTTP on loopback, so it plays the TLS proxy of README's "Running in production": 127.0.0.1 is listed as a known proxy
# (Elimu__KnownProxies__0, a setting of this run only) and every request says X-Forwarded-Proto: https.
# Every endpoint is first driven for BENCH_WARMUP seconds (30) unmeasured: a fresh process is still compiling its hot
# paths (tiered JIT) for tens of seconds, which is not what a running server does (bench/RESULTS.md, the payments profile).
# /healthz, the reference, is measured without the session cookie, as a health probe calls it; a second line shows it
# with the cookie (what every signed-in request pays for the session check before its own work).
# BENCH_ONLY: a regular expression over the labels, to run only some endpoints (e.g. 'healthz|overview|children\?').
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/bench-db.sh
source "$ROOT/bench/lib/bench-db.sh"
SECS="${BENCH_SECONDS:-10}"
WARMUP="${BENCH_WARMUP:-30}"
CONNECTIONS=16
WORK="$(mktemp -d)"

bench_need_wrk

json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1]))" "$1"; }

# wrk_run <label> <path> <target> [session]: one wrk run after a warm-up; appends "| label | req/s | p50 | p99 | target |"
# to the table. With "none" as the fourth argument the request carries no session cookie.
wrk_run() {
  local label="$1" path="$2" target="$3" session="${4:-cookie}" out rps p50 p99 errors
  if [ -n "${BENCH_ONLY:-}" ] && ! grep -Eq -- "$BENCH_ONLY" <<<"$label"; then return 0; fi
  local -a headers=(-H "X-Forwarded-Proto: https")
  [ "$session" = none ] || headers+=(-H "Cookie: $COOKIE" -H "X-XSRF-TOKEN: $XSRF")
  [ "$WARMUP" -gt 0 ] && wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s "${headers[@]}" "$BASE$path" >/dev/null
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECS}s" --timeout 10s --latency "${headers[@]}" "$BASE$path")
  rps=$(awk '/^Requests\/sec/ {printf "%.0f", $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  [ -n "$errors" ] && errors=" (**$errors non-2xx**)"
  [ "$label" = '`/healthz`' ] && HEALTHZ_RPS=$rps
  local share=""
  [ -n "${HEALTHZ_RPS:-}" ] && [ "$label" != '`/healthz`' ] && share=" ($(awk -v a="$rps" -v b="$HEALTHZ_RPS" 'BEGIN {printf "%.1f", 100*a/b}') % of /healthz)"
  echo "| $label | $rps$share | $p50 | $p99 | $target |$errors" >>"$TABLE"
  echo "  $label: $rps req/s$share, p50 $p50, p99 $p99$errors"
}

run_db() {
  local db="$1"
  TABLE="$WORK/$db.md"
  bench_seeded "$db" || "$ROOT/bench/lib/scale-seed.sh" "$db"
  [ "$db" = postgres ] && bench_pg_start
  # The build under test may have migrations the seeded database has not (a no-op when it is current).
  bench_api "$db" migrate >"$WORK/$db-migrate.log" 2>&1 || { cat "$WORK/$db-migrate.log"; exit 1; }
  local -a envs; mapfile -t envs < <(bench_env "$db")
  BASE="http://127.0.0.1:$(free_port)"
  (cd "$API" && exec env "${envs[@]}" ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Production Elimu__KnownProxies__0=127.0.0.1 \
     Logging__LogLevel__Default=Warning dotnet "$API_BIN/Elimu.Api.dll" --contentRoot "$API" >"$WORK/$db-server.log" 2>&1) &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; bench_pg_stop' EXIT
  for _ in $(seq 1 240); do curl -fsS "$BASE/readyz" >/dev/null 2>&1 && break; sleep 0.5; done
  curl -fsS "$BASE/readyz" >/dev/null || { tail -40 "$WORK/$db-server.log"; exit 1; }

  local api="$BASE/api/v1/partner"
  # The cookies are Secure (Production), so they are read from the answer's headers, not kept by curl's jar for http://.
  curl -fsS -D "$WORK/login-headers" -o /dev/null -H 'X-Forwarded-Proto: https' -H 'Content-Type: application/json' \
    -d '{"email":"scale@elimu.demo","password":"Demo#2026!"}' "$BASE/api/v1/auth/login"
  COOKIE=$(grep -i '^set-cookie:' "$WORK/login-headers" | sed -E 's/^[Ss]et-[Cc]ookie: *([^;]*);.*/\1/' | paste -sd ';' | sed 's/;/; /g')
  XSRF=$(sed -nE 's/^[Ss]et-[Cc]ookie: *XSRF-TOKEN=([^;]*);.*/\1/p' "$WORK/login-headers" | tail -n1)
  local -a session=(-H "X-Forwarded-Proto: https" -H "Cookie: $COOKIE" -H "X-XSRF-TOKEN: $XSRF")
  curl -fsS "${session[@]}" "$api/dashboard/overview" >/dev/null # so that every later request sees a warm server
  local child; child=$(curl -fsS "${session[@]}" "$api/sponsorships/children?status=ACTIVE&pageSize=1" | json 'd["items"][0]["id"]')

  echo "▸ $db: wrk, $CONNECTIONS connections, ${SECS} s each, on $BASE"
  { echo "| what | req/s | p50 | p99 | target |"; echo "| --- | --- | --- | --- | --- |"; } >"$TABLE"
  HEALTHZ_RPS=""
  wrk_run '`/healthz`' /healthz "(reference; no session, as a probe calls it)" none
  wrk_run '`/healthz` with the session cookie' /healthz "(what the session check costs every signed-in request)"
  wrk_run '`GET /partner/dashboard/overview`' /api/v1/partner/dashboard/overview "p99 ≤ 50 ms, ≥ 20 % of /healthz"
  wrk_run '`GET .../children?status=ACTIVE&grade=Grade5&sort=name&pageSize=50`' \
    "/api/v1/partner/sponsorships/children?status=ACTIVE&grade=Grade5&sort=name&pageSize=50" "p99 ≤ 50 ms"
  for tab in progress activity achievements goals; do
    wrk_run "\`GET .../children/{id}/$tab\`" "/api/v1/partner/sponsorships/children/$child/$tab" "p99 ≤ 30 ms"
  done
  wrk_run '`GET .../available-students?search=Otieno&pageSize=50`' \
    "/api/v1/partner/sponsorships/available-students?search=Otieno&pageSize=50" "p99 ≤ 50 ms"
  wrk_run '`GET .../available-students?county=Nairobi&grade=Grade5&pageSize=50`' \
    "/api/v1/partner/sponsorships/available-students?county=Nairobi&grade=Grade5&pageSize=50" "p99 ≤ 50 ms"
  wrk_run '`GET .../available-students?pageSize=50` (no filter)' \
    "/api/v1/partner/sponsorships/available-students?pageSize=50" "p99 ≤ 50 ms"

  # The enrollment dry run: 10,000 rows (admission number + school) against the 50,000 students; one cold run, then the
  # median of three.
  if [ -z "${BENCH_ONLY:-}" ] || grep -Eq -- "$BENCH_ONLY" <<<"dry run"; then
  dotnet "$SEEDER/bin/Release/net10.0/ScaleSeed.dll" csv "$WORK/enroll.csv"
  local times=() ok=""
  for i in 0 1 2 3; do
    local res; res=$(curl -sS "${session[@]}" -F "file=@$WORK/enroll.csv;type=text/csv" \
      -w '\n%{http_code} %{time_total}' "$api/enrollments/imports/dry-run")
    local status seconds; read -r status seconds <<<"$(tail -n1 <<<"$res")"
    [ "$status" = 200 ] || { echo "!! dry run answered $status: $(head -c 400 <<<"$res")" >&2; break; }
    ok=$(head -n -1 <<<"$res" | json 'd["okRows"]')
    [ "$i" -gt 0 ] && times+=("$seconds")
  done
  local median; median=$(printf '%s\n' "${times[@]:-0}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]}')
  echo "| enrollment dry run, 10,000 rows vs 50,000 students (median of 3 after a cold run; okRows $ok) | | | ${median} s | ≤ 5 s |" >>"$TABLE"
  echo "  dry run: median ${median} s (okRows $ok)"
  fi

  local hwm; hwm=$(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$SERVER/status")
  echo "| API peak resident memory (VmHWM, whole run) | | | $hwm | < 500 MB |" >>"$TABLE"
  echo "  peak resident memory: $hwm"
  kill $SERVER; wait $SERVER 2>/dev/null || true
  [ "$db" = postgres ] && bench_pg_stop
  trap - EXIT
  echo; cat "$TABLE"; echo
}

bench_build
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo) memory; $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
dbs=("$@"); [ ${#dbs[@]} -eq 0 ] && dbs=(sqlite postgres)
for db in "${dbs[@]}"; do run_db "$db"; done
rm -rf "$WORK"
