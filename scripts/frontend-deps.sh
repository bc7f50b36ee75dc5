# npm packages for the front end (and e2e), reinstalled only when package-lock.json changed. Sourced.
frontend_deps() {
  local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local stamp="$root/frontend/node_modules/.elimu-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$root/frontend/package-lock.json" "$stamp"; then
    echo "Installing front-end packages (npm install from the lock file)"
    (cd "$root/frontend" && npm install --no-audit --no-fund --loglevel=error) || return 1
    cp "$root/frontend/package-lock.json" "$stamp"
  fi
}
