"""gunicorn's settings for the back office: ``gunicorn -c gunicorn.conf.py`` (scripts/production.sh).

Every value can be changed without editing this file: gunicorn reads GUNICORN_CMD_ARGS
("--bind 0.0.0.0:8000 --workers 8"), and the variables below are read here.
"""

import multiprocessing
import os

wsgi_app = "backoffice:create_app()"
bind = os.environ.get("BACKOFFICE_BIND", "127.0.0.1:8000")

# Processes from cores (gunicorn's rule of thumb, 2 x cores + 1), each with a few threads: most of a
# request is waiting on PostgreSQL, and threads share one process's loaded rule packs and detector
# model. WEB_CONCURRENCY overrides the process count (the usual name on hosted platforms).
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "gthread"
threads = int(os.environ.get("BACKOFFICE_THREADS", "4"))

# The slowest pages (the "what if" replay of 50,000 decisions, a ruling PDF rendered on first download)
# take about 15 s on a loaded machine; 60 s leaves room and still frees a stuck worker. Long work (bulk
# exports, deliveries) runs on the job workers, never in a request.
timeout = 60
graceful_timeout = 30  # on SIGTERM or a deploy, requests in flight get this long to finish
keepalive = 5  # behind a load balancer, keep its connections a little longer than it idles them
# Recycle a worker now and then, so a slow leak in a library cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200

# Access log: off by default (the application's own logs carry what is needed); set
# BACKOFFICE_ACCESS_LOG=- for one JSON line per request on standard output (the request id is the
# X-Request-Id header a load balancer adds; "-" without one).
accesslog = os.environ.get("BACKOFFICE_ACCESS_LOG") or None
access_log_format = ('{"time": "%(t)s", "remote": "%(h)s", "method": "%(m)s", "path": "%(U)s", '
                     '"status": %(s)s, "bytes": "%(B)s", "duration_us": %(D)s, '
                     '"request_id": "%({x-request-id}i)s"}')
errorlog = "-"
loglevel = os.environ.get("BACKOFFICE_LOG_LEVEL", "info")

# In production (BACKOFFICE_LOG_FORMAT=json, scripts/production.sh) gunicorn's own lines (start-up,
# worker boots, timeouts, errors) are JSON objects too, made by the application's formatter, so that a
# log collector reads every line of a web node one way; the access lines are JSON already.
if os.environ.get("BACKOFFICE_LOG_FORMAT", "text").lower() == "json":
    logconfig_dict = {
        "root": {"level": "WARNING", "handlers": []},  # the application adds its own handler to the root
        "loggers": {
            "gunicorn.error": {"level": loglevel.upper(), "handlers": ["json"], "propagate": False},
            "gunicorn.access": {"level": "INFO" if accesslog else "WARNING",
                                "handlers": ["access"] if accesslog else [], "propagate": False},
        },
        "handlers": {
            "json": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
            "access": {"class": "logging.StreamHandler", "formatter": "line", "stream": "ext://sys.stdout"},
        },
        "formatters": {"json": {"()": "backoffice.ops.logs.formatter", "kind": "json"},
                       "line": {"format": "%(message)s"}},
    }

# forwarded_allow_ips: which peers gunicorn trusts for X-Forwarded-Proto/For (its default is 127.0.0.1).
# Behind a load balancer on another address, set FORWARDED_ALLOW_IPS to that address (never "*" on a
# server the internet reaches directly), and BACKOFFICE_PROXY_COUNT to the number of proxies, which
# the application uses (werkzeug's ProxyFix) to find the client's address for sign-in throttling.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Load the application in each worker, not once in the arbiter: a worker forked with the parent's
# database pool and Redis connections would share their sockets.
preload_app = False


def child_exit(server, worker):
    """A worker ended: drop its live gauges from Prometheus's multiprocess files (docs/deploy.md)."""
    from backoffice.ops.metrics import child_exit as forget_worker

    forget_worker(server, worker)
