# Shared setup for the project's scripts: system packages, virtualenv, catalogues.
# Sourced, not run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"

# Debian packages: Pango/HarfBuzz for WeasyPrint, a CJK font with a real bold weight,
# poppler for PDF checks, Chromium for browser tests and screenshots, PostgreSQL client tools.
SYSTEM_PACKAGES=(python3-venv libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk
                 poppler-utils chromium chromium-driver postgresql-client)

install_system_packages() {
  local missing=()
  for pkg in "${SYSTEM_PACKAGES[@]}"; do
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
