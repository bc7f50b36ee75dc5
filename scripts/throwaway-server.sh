# The real API (Release build) on a free 127.0.0.1 port with a fresh SQLite database and the demo data, for the
# end-to-end suite and the benchmarks. Sourced; start_throwaway_server sets BASE and SERVER and stops it on exit.

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

# start_throwaway_server <api project folder> <work folder>
start_throwaway_server() {
  local api="$1" work="$2"
  # THROWAWAY_BASE: an address chosen beforehand (e2e/run.sh needs it to configure M-Pesa's callback URL).
  BASE="${THROWAWAY_BASE:-http://127.0.0.1:$(free_port)}"
  # Every browser of the e2e suite signs in from 127.0.0.1: the per-address limit of 20 sign-ins a minute (tested by the
  # API suite) would refuse the suite's own sign-ins when several tests follow each other quickly.
  (cd "$api" && ConnectionStrings__Sqlite="Data Source=$work/throwaway.db" Elimu__PrepareDatabase=true \
     ASPNETCORE_URLS="$BASE" ASPNETCORE_ENVIRONMENT=Development RateLimits__LoginPerMinute=1000 \
     exec dotnet "$api/bin/Release/net10.0/Elimu.Api.dll" --contentRoot "$api" >"$work/server.log" 2>&1) &
  SERVER=$!
  trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "'"$work"'"' EXIT
  for _ in $(seq 1 240); do
    curl -fsS "$BASE/readyz" >/dev/null 2>&1 && return 0
    kill -0 $SERVER 2>/dev/null || { echo "!! the server stopped:"; cat "$work/server.log"; return 1; }
    sleep 0.5
  done
  echo "!! the server did not become ready"; return 1
}
