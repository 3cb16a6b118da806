"""Configuration defaults; environment variables prefixed ``BACKOFFICE_`` override them."""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class DefaultConfig:
    # Filled in by ``finalize`` from BACKOFFICE_DATABASE_URL or the instance folder.
    DATABASE_URL: str | None = None
    SECRET_KEY: str | None = None
    UPLOAD_DIR: str | None = None
    EXPORT_DIR: str | None = None
    # The address people reach the back office at (https://backoffice.example.com): printed on
    # rulings so that a recipient knows where to verify a copy. Empty: the path alone.
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
    MAIL_BACKEND = "file"
    MAIL_FROM = "backoffice@localhost"
    SMTP_HOST = "localhost"
    SMTP_PORT = 25


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
    remember_days = int(config.get("REMEMBER_DAYS", DefaultConfig.REMEMBER_DAYS))
    if remember_days < 1:
        raise RuntimeError("BACKOFFICE_REMEMBER_DAYS must be at least 1")
    # Flask-Login's own default is 365 days; login passes the same duration, this is the fallback.
    config["REMEMBER_COOKIE_DURATION"] = timedelta(days=remember_days)
    secure = _as_bool(config.get("COOKIE_SECURE"))
    config["SESSION_COOKIE_SECURE"] = secure
    config["REMEMBER_COOKIE_SECURE"] = secure


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
