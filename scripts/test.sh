#!/usr/bin/env bash
# Install what the tests need, lint, and run the whole suite on SQLite and on PostgreSQL.
# BACKOFFICE_TEST_POSTGRES_URL picks the PostgreSQL database (default: the local `test` one).
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
install_system_packages
install_python test
build_pdf_fonts
compile_catalogues
export BACKOFFICE_TEST_POSTGRES_URL="${BACKOFFICE_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
# Start the local PostgreSQL server when it is down, rather than skipping its tests.
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "PostgreSQL is down; starting it."
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
# Lint (ruff, with its security rules) and dead code (vulture, high confidence only) fail the run first.
"$VENV/bin/ruff" check --quiet .
"$VENV/bin/vulture" backoffice tests bench eval --min-confidence 80
# One pytest-xdist worker per core (BACKOFFICE_TEST_WORKERS=0 runs in this process); each worker
# has its own SQLite files and its own PostgreSQL database (tests/dbsetup.py).
exec "$VENV/bin/python" -m pytest -n "${BACKOFFICE_TEST_WORKERS:-auto}" "$@"
