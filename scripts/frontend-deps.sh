# npm packages for the front end (and e2e), installed exactly as package-lock.json says, again only when it changed.
# `npm ci` refuses a lock file that does not match package.json (or lacks a platform's optional package), so a stale
# lock fails here instead of being rewritten on one machine and differing on the next. Sourced.
frontend_deps() {
  local root; root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  local stamp="$root/frontend/node_modules/.elimu-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$root/frontend/package-lock.json" "$stamp"; then
    echo "Installing front-end packages (npm ci from the lock file)"
    (cd "$root/frontend" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    cp "$root/frontend/package-lock.json" "$stamp"
  fi
}
