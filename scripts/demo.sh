#!/usr/bin/env bash
# Install everything, migrate the embedded SQLite database, load the demo data, print the
# demo accounts and serve the back office on http://127.0.0.1:5000 (PORT changes the port).
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
install_system_packages
install_python test
build_pdf_fonts
compile_catalogues
export FLASK_APP=backoffice
# Rulings print where a copy is verified: the address this demo serves at.
export BACKOFFICE_PUBLIC_URL="${BACKOFFICE_PUBLIC_URL:-http://127.0.0.1:${PORT:-5000}}"
"$VENV/bin/flask" db upgrade
"$VENV/bin/flask" demo load
echo "Open http://127.0.0.1:${PORT:-5000} and sign in with one of the accounts above."
exec "$VENV/bin/flask" run --host 127.0.0.1 --port "${PORT:-5000}"
