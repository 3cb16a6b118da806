#!/usr/bin/env bash
# The production shape on one machine: PostgreSQL (database created and migrated, demo data loaded),
# Redis, gunicorn on http://127.0.0.1:8000, a job worker and the scheduler, all in the foreground;
# Ctrl-C stops them together. BACKOFFICE_DATABASE_URL, BACKOFFICE_REDIS_URL and BACKOFFICE_BIND change
# where they are; DEMO=0 skips the demo data.
source "$(dirname "${BASH_SOURCE[0]}")/_common.sh"
install_system_packages postgresql
install_python test
build_pdf_fonts
compile_catalogues
start_postgres
start_redis

export FLASK_APP=backoffice
export BACKOFFICE_DATABASE_URL="${BACKOFFICE_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/backoffice}"
export BACKOFFICE_REDIS_URL="${BACKOFFICE_REDIS_URL:-redis://127.0.0.1:6379/0}"
export BACKOFFICE_BIND="${BACKOFFICE_BIND:-127.0.0.1:8000}"
# A production deployment: it refuses to start without the address rulings print for verification.
export BACKOFFICE_PRODUCTION=true
export BACKOFFICE_PUBLIC_URL="${BACKOFFICE_PUBLIC_URL:-http://${BACKOFFICE_BIND}}"
export BACKOFFICE_LOG_FORMAT="${BACKOFFICE_LOG_FORMAT:-json}"
# Prometheus counters of every gunicorn worker, the job worker and the scheduler, added up by /metrics:
# one folder for all of them, emptied at each start (prometheus-client's multiprocess mode).
export PROMETHEUS_MULTIPROC_DIR="${PROMETHEUS_MULTIPROC_DIR:-$ROOT/instance/prometheus}"
rm -rf "$PROMETHEUS_MULTIPROC_DIR" && mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
"$VENV/bin/python" - <<'PY'  # create the database if it is missing
import os

import sqlalchemy as sa
from sqlalchemy.engine import make_url

url = make_url(os.environ["BACKOFFICE_DATABASE_URL"])
admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
with admin.connect() as conn:
    if not conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": url.database}):
        conn.execute(sa.text(f'CREATE DATABASE "{url.database}"'))
PY
"$VENV/bin/flask" db upgrade
[ "${DEMO:-1}" = 0 ] || "$VENV/bin/flask" demo load

pids=()
stop_all() {
  trap - INT TERM EXIT
  [ ${#pids[@]} -eq 0 ] && return
  echo "Stopping gunicorn, the worker and the scheduler."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop_all INT TERM EXIT

# Each in a session of its own, so that Ctrl-C reaches this script alone and each gets one SIGTERM from
# stop_all: a graceful stop (gunicorn finishes its requests, Dramatiq its jobs), not a second signal's kill.
setsid "$VENV/bin/gunicorn" -c gunicorn.conf.py & pids+=($!)
setsid "$VENV/bin/flask" jobs worker --processes "${WORKER_PROCESSES:-1}" --threads "${WORKER_THREADS:-4}" & pids+=($!)
setsid "$VENV/bin/flask" jobs scheduler & pids+=($!)
echo "Open http://${BACKOFFICE_BIND} (gunicorn); jobs on ${BACKOFFICE_REDIS_URL}. Ctrl-C stops everything."
# When any of the three ends (or Ctrl-C), stop the others.
wait -n "${pids[@]}" || true
