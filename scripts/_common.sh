# Shared setup for the project's scripts: system packages, virtualenv, catalogues.
# Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"

# Debian packages: Pango/HarfBuzz for WeasyPrint, a CJK font with a real bold weight,
# poppler for PDF checks, Chromium for browser tests and screenshots, PostgreSQL client tools,
# Redis for the job queue's tests (and the production shape).
SYSTEM_PACKAGES=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk
                 poppler-utils chromium chromium-driver postgresql-client redis-server)

# install_system_packages [EXTRA...]: the packages above plus any named.
install_system_packages() {
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}" "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python() {
  local extras="$1"
  [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q -e ".[$extras]"
}

# The compact CJK font of ruling PDFs, derived from the Noto package above (once; ~30 s).
build_pdf_fonts() {
  "$VENV/bin/python" -m backoffice.rulings.fonts
}

compile_catalogues() {
  "$VENV/bin/pybabel" compile -d backoffice/translations >/dev/null
}

# Start the local PostgreSQL server when it is down (the first cluster Debian made).
start_postgres() {
  command -v pg_isready >/dev/null || return 0
  pg_isready -q -h 127.0.0.1 -p 5432 && return 0
  echo "PostgreSQL is down; starting it."
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return 0; sleep 1; done
  echo "PostgreSQL did not start." >&2
  return 1
}

# Start a local Redis on 127.0.0.1:6379 when none answers (in the background, nothing kept on disk).
start_redis() {
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return 0
  echo "Redis is down; starting it."
  redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no \
               --logfile /tmp/backoffice-redis.log >/dev/null
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "Redis did not start (see /tmp/backoffice-redis.log)." >&2
  return 1
}
