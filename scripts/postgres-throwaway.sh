# A throwaway PostgreSQL cluster for the API suite: initdb in a temp folder, a free 127.0.0.1 port, stopped after.
# Sourced by test-all.sh; sets PG_CONNECTION.

pg_bin_dir() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  return 1
}

# shellcheck source=throwaway-server.sh
source "$(dirname "${BASH_SOURCE[0]}")/throwaway-server.sh"  # free_port

# initdb refuses to run as root; run the cluster as the postgres user the Debian package creates.
as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$PG_OS_USER" -- "$@"; else "$@"; fi
}

pg_throwaway_start() {
  local dir="$1" bin
  bin=$(pg_bin_dir) || return 1
  PG_BIN="$bin"; PG_DIR="$dir"; PG_PORT=$(free_port)
  PG_OS_USER=postgres
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --no-create-home postgres || return 1
  fi
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown "$PG_OS_USER" "$dir"
  echo "Starting a throwaway PostgreSQL ($bin) on 127.0.0.1:$PG_PORT"
  as_pg_user "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-locale -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log"; return 1; }
  as_pg_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $PG_PORT -k $dir -F -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$dir/server.log"; return 1; }
  PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Include Error Detail=true"
  export PG_CONNECTION
}

pg_throwaway_stop() {
  [ -n "${PG_DIR:-}" ] && as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$PG_DIR"
}
