#!/usr/bin/env bash
# Install what the tests need, lint, and run the whole suite on SQLite and on PostgreSQL.
# BACKOFFICE_TEST_POSTGRES_URL picks the PostgreSQL database (default: the local `test` one),
# BACKOFFICE_TEST_REDIS_URL the Redis of the job tests (default: the local one; each test has its own keys).
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
install_system_packages
install_python test
build_pdf_fonts
compile_catalogues
export BACKOFFICE_TEST_POSTGRES_URL="${BACKOFFICE_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test}"
# Start the local PostgreSQL and Redis servers when they are down, rather than skipping their tests.
start_postgres
start_redis
export BACKOFFICE_TEST_REDIS_URL="${BACKOFFICE_TEST_REDIS_URL:-redis://127.0.0.1:6379/0}"
# Lint (ruff, with its security rules) and dead code (vulture, high confidence only) fail the run first.
"$VENV/bin/ruff" check --quiet .
"$VENV/bin/vulture" backoffice tests bench eval --min-confidence 80
# One pytest-xdist worker per core (BACKOFFICE_TEST_WORKERS=0 runs in this process); each worker
# has its own SQLite files and its own PostgreSQL database (tests/dbsetup.py).
exec "$VENV/bin/python" -m pytest -n "${BACKOFFICE_TEST_WORKERS:-auto}" "$@"
