"""Configuration defaults; environment variables prefixed ``BACKOFFICE_`` override them."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class DefaultConfig:
    # Filled in by ``finalize`` from BACKOFFICE_DATABASE_URL or the instance folder.
    DATABASE_URL: str | None = None
    SECRET_KEY: str | None = None
    UPLOAD_DIR: str | None = None
    EXPORT_DIR: str | None = None
    # A production deployment (BACKOFFICE_PRODUCTION=true) refuses to start without what only a
    # development machine may leave out (PUBLIC_URL).
    PRODUCTION = False
    RULING_DIR: str | None = None  # issued ruling PDFs, when stored locally
    # Where files live (docs/storage.md): empty for the local folders above, or s3://bucket/prefix with
    # the endpoint, region and keys below (unset: boto3's own chain, AWS_ACCESS_KEY_ID and so on).
    STORAGE_URL = ""
    STORAGE_S3_ENDPOINT: str | None = None
    STORAGE_S3_REGION: str | None = None
    STORAGE_S3_ACCESS_KEY: str | None = None
    STORAGE_S3_SECRET_KEY: str | None = None
    # On S3: answer a ruling download with a redirect to a presigned URL valid this many seconds, once the
    # application has checked access (the browser must reach the bucket's endpoint; docs/storage.md).
    STORAGE_REDIRECT = False
    STORAGE_REDIRECT_SECONDS = 60
    # Render and store a ruling's PDFs right after the transaction that issues (or supersedes) it
    # commits. Off in most tests: a download renders and stores the missing file itself.
    RULINGS_STORE_ON_ISSUE = True
    # The address people reach the back office at (https://backoffice.example.com): printed on
    # rulings so that a recipient knows where to verify a copy, so it is always absolute. Required in
    # production; a development machine uses the local server's address.
    PUBLIC_URL = ""
    TIMEZONE = "Asia/Shanghai"
    RULES_DIR = str(PROJECT_ROOT / "rules")
    #: The detector's learned stage: "on" (rules/models, or DETECTOR_MODEL_DIR) or "off" (rules only).
    DETECTOR_MODEL = "on"
    DETECTOR_MODEL_DIR: str | None = None

    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True}
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Local demo runs on plain http; production sets BACKOFFICE_COOKIE_SECURE=true.
    COOKIE_SECURE = False
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # A browser session ends after this many idle seconds; "keep me signed in" lasts REMEMBER_DAYS
    # from sign-in. Both are enforced on the server (accounts/sessions.py), not only by the cookies.
    PERMANENT_SESSION_LIFETIME = 12 * 3600
    REMEMBER_DAYS = 14
    WTF_CSRF_TIME_LIMIT = 12 * 3600
    MAX_CONTENT_LENGTH = 64 * 1024 * 1024

    BABEL_DEFAULT_LOCALE = "zh"
    BABEL_DEFAULT_TIMEZONE = "UTC"
    LANGUAGES = ("zh", "en")

    # argon2-cffi's cost profile for password hashes (argon2.profiles); tests use CHEAPEST.
    PASSWORD_HASH_PROFILE = "RFC_9106_LOW_MEMORY"  # noqa: S105 - a profile name, not a password
    # Failed-login throttling: at most N failures per window, per account and per address.
    LOGIN_WINDOW_SECONDS = 15 * 60
    LOGIN_MAX_FAILURES_PER_ACCOUNT = 5
    LOGIN_MAX_FAILURES_PER_ADDRESS = 20
    # Number of trusted reverse proxies in front of the app (for the client address).
    PROXY_COUNT = 0

    # Deposit deductions above this (yuan), and every removal, need a manager's approval.
    APPROVAL_DEPOSIT_THRESHOLD = "5000"
    # How long a reviewer's claim on a case lasts without activity.
    CLAIM_LEASE_MINUTES = 15
    # The holder of a case (or the managers) is warned this many minutes before its deadline (0: no warning).
    SLA_WARNING_MINUTES = 60
    # Seconds in which a reviewer can undo the decision they just took (cases/undo.py).
    UNDO_WINDOW_SECONDS = 60
    # Seconds a webhook receiver has to answer before the delivery counts as failed (docs/webhooks.md).
    WEBHOOK_TIMEOUT = 10
    # DSA statements of reasons (docs/statements.md): the member states where measures apply (None: the
    # whole EEA), {platform: URL of the published terms}, and a prefix that keeps PUIDs unique per installation.
    DSA_TERRITORIAL_SCOPE: list[str] | None = None
    DSA_REFERENCE_URLS: dict[str, str] = {}
    DSA_PUID_PREFIX = ""
    # The "what if" page replays at most this many decisions per request; larger periods use the CLI.
    # 10,000 took 2.5 s on PostgreSQL on a loaded 2-core machine, so 50,000 answer in about 15 s.
    WHATIF_MAX_DECISIONS = 50_000
    # Outbox delivery: "file" writes .eml files under instance/outbox, "smtp" sends them.
    # Logs on stderr: "text" for people (the development server), "json" for a log pipeline (production;
    # one object a line with the request id, docs/deploy.md).
    LOG_FORMAT = "text"
    LOG_LEVEL = "INFO"
    # /metrics answers a bearer token (BACKOFFICE_METRICS_TOKEN) or these networks (comma-separated CIDR);
    # by default only this machine, and never a request that came through a proxy not declared in PROXY_COUNT.
    METRICS_TOKEN = ""
    METRICS_NETWORKS = "127.0.0.0/8,::1/128"
    # Chat text, evidence and customers' names are purged this many days after the last case on the
    # conversation closed (``flask retention purge``). None: kept (the operator sets its own period).
    RETENTION_DAYS: int | None = None
    MAIL_BACKEND = "file"
    MAIL_FROM = "backoffice@localhost"
    SMTP_HOST = "localhost"
    SMTP_PORT = 25
    # Background jobs (backoffice/jobs): with a Redis URL (redis://host:6379/0) they go to a Dramatiq queue
    # run by `flask jobs worker` and scheduled by `flask jobs scheduler`; without one (the embedded
    # default) they run on a thread of the process and the web server runs the periodic ones.
    REDIS_URL: str | None = None
    # "redis", "thread" or "off" (recorded, not run: the unit tests); empty: redis with a URL, else thread.
    JOBS_BACKEND: str | None = None
    JOBS_NAMESPACE = "backoffice"  # prefix of every Redis key: installations can share a Redis
    JOBS_SCHEDULE_IN_WEB: bool | None = None  # thread backend: the web process runs the periodic jobs
    # Dramatiq's Redis broker: a worker silent this long is dead and its unfinished jobs go back on the
    # queue, found by the clean-up that a broker call does with this chance per million. Dramatiq's 1,000
    # means about one call in a thousand: with idle workers polling about once a second, a dead worker's
    # export could wait a quarter of an hour; 10,000 makes it a couple of minutes, for a cheap Lua lookup.
    JOBS_HEARTBEAT_TIMEOUT_MS = 60_000
    JOBS_MAINTENANCE_CHANCE = 10_000


def finalize(config: dict, instance_path: Path) -> None:
    """Derive settings that depend on others or on the instance folder."""
    url = config.get("DATABASE_URL") or config.get("SQLALCHEMY_DATABASE_URI")
    if not url:
        instance_path.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{instance_path / 'backoffice.sqlite3'}"
    config["SQLALCHEMY_DATABASE_URI"] = normalize_database_url(url)
    if config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        # SQLite has no pool-side liveness concerns; pre-ping only adds a round-trip.
        options = config.get("SQLALCHEMY_ENGINE_OPTIONS") or {}
        config["SQLALCHEMY_ENGINE_OPTIONS"] = {k: v for k, v in options.items() if k != "pool_pre_ping"}
    if not config.get("SECRET_KEY"):
        config["SECRET_KEY"] = _instance_secret(instance_path)
    if len(config["SECRET_KEY"]) < 16:
        raise RuntimeError("BACKOFFICE_SECRET_KEY must be at least 16 characters long")
    if not config.get("UPLOAD_DIR"):
        config["UPLOAD_DIR"] = str(instance_path / "uploads")
    if not config.get("EXPORT_DIR"):
        config["EXPORT_DIR"] = str(instance_path / "exports")
    config["PUBLIC_URL"] = _public_url(config)
    if not config.get("RULING_DIR"):
        config["RULING_DIR"] = str(instance_path / "rulings")
    _finalize_jobs(config)
    remember_days = int(config.get("REMEMBER_DAYS", DefaultConfig.REMEMBER_DAYS))
    if remember_days < 1:
        raise RuntimeError("BACKOFFICE_REMEMBER_DAYS must be at least 1")
    # Flask-Login's own default is 365 days; login passes the same duration, this is the fallback.
    config["REMEMBER_COOKIE_DURATION"] = timedelta(days=remember_days)
    secure = _as_bool(config.get("COOKIE_SECURE"))
    config["SESSION_COOKIE_SECURE"] = secure
    config["REMEMBER_COOKIE_SECURE"] = secure


DEVELOPMENT_URL = "http://127.0.0.1:5000"


def _public_url(config: dict) -> str:
    url = str(config.get("PUBLIC_URL") or "").strip().rstrip("/")
    if not url:
        if _as_bool(config.get("PRODUCTION")):
            raise RuntimeError("BACKOFFICE_PUBLIC_URL must be set in production: every ruling prints it as the "
                               "address where a copy is verified (e.g. https://backoffice.example.com)")
        return DEVELOPMENT_URL
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise RuntimeError(f"BACKOFFICE_PUBLIC_URL must be an absolute http(s) address, got {url!r}")
    return url
def _finalize_jobs(config: dict) -> None:
    backend = config.get("JOBS_BACKEND") or ("redis" if config.get("REDIS_URL") else
                                             "off" if config.get("TESTING") else "thread")
    if backend not in ("redis", "thread", "off"):
        raise RuntimeError("BACKOFFICE_JOBS_BACKEND must be redis, thread or off")
    if backend == "redis" and not config.get("REDIS_URL"):
        raise RuntimeError("BACKOFFICE_JOBS_BACKEND=redis needs BACKOFFICE_REDIS_URL")
    config["JOBS_BACKEND"] = backend
    # Unset: on, except in a test application, which lives for one test: no timer thread may outlive it,
    # sweeping a database that the next test empties.
    schedule = config.get("JOBS_SCHEDULE_IN_WEB")
    config["JOBS_SCHEDULE_IN_WEB"] = not config.get("TESTING") if schedule is None else _as_bool(schedule)


def normalize_database_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs that name no driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _instance_secret(instance_path: Path) -> str:
    path = instance_path / "secret_key"
    if path.exists():
        return path.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)
