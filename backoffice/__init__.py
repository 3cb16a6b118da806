"""Penalty case-management back office."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from flask import Flask

from backoffice.config import PROJECT_ROOT, DefaultConfig, finalize


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application: defaults, then BACKOFFICE_* variables, then ``config``."""
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    app.config.from_object(DefaultConfig)
    app.config.from_prefixed_env("BACKOFFICE")
    if config:
        app.config.update(config)
    finalize(app.config, PROJECT_ROOT / "instance")

    _configure_proxy(app)
    _configure_http(app)
    _register_operations(app)
    _register_extensions(app)
    _load_policy(app)
    _load_detector(app)
    _register_blueprints(app)
    _register_error_handlers(app)
    _register_template_helpers(app)
    _register_commands(app)
    _register_jobs(app)
    return app


def _configure_proxy(app: Flask) -> None:
    count = int(app.config["PROXY_COUNT"])
    if count:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def _configure_http(app: Flask) -> None:
    from werkzeug.routing import IntegerConverter

    from backoffice.db import MAX_ID

    class BoundedInt(IntegerConverter):
        # Ids beyond the id columns' range (PostgreSQL integer) are simply not found, instead of
        # overflowing the database ("integer out of range", a 500).
        def __init__(self, map, *args, **kwargs):
            kwargs.setdefault("max", MAX_ID)
            super().__init__(map, *args, **kwargs)

    app.url_map.converters["int"] = BoundedInt

    @app.after_request
    def security_headers(response):
        headers = response.headers
        headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "same-origin")
        headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; media-src 'self'; object-src 'none'; frame-ancestors 'self'; "
            "base-uri 'self'; form-action 'self'",
        )
        return response

    @app.after_request
    def private_answers_are_not_stored(response):
        # API answers and pages for a signed-in person hold personal and case data: no browser or
        # proxy keeps a copy. Static files and public pages (sign-in, ruling verification) cache as usual.
        # Read from the cookies, not from current_user: loading the user reads the database, which an
        # error page (database out of reach, or behind) must not touch again.
        from flask import request, session

        signed_in = "_user_id" in session or app.config.get("REMEMBER_COOKIE_NAME", "remember_token") in request.cookies
        if request.endpoint != "static" and (request.path.startswith("/api/") or signed_in):
            response.headers["Cache-Control"] = "no-store"
        return response


def _register_operations(app: Flask) -> None:
    # First, so that the request id and the timer are there before any other hook runs.
    from backoffice import ops

    ops.init_app(app)


def _register_extensions(app: Flask) -> None:
    from backoffice import i18n, storage
    from backoffice.accounts import passwords
    from backoffice.accounts.loader import load_user
    from backoffice.extensions import babel, csrf, db, login_manager, migrate

    db.init_app(app)
    storage.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = i18n.LOGIN_MESSAGE
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    login_manager.user_loader(load_user)
    passwords.init_app(app)


def _load_policy(app: Flask) -> None:
    # Refuses to start on a broken rule pack, naming the file, line and problem.
    from backoffice import policy

    policy.init_app(app)


def _load_detector(app: Flask) -> None:
    # Refuses to start when the detector's model is missing or of another version.
    from backoffice.detection import runtime

    runtime.init_app(app)


#: Every module that adds web pages, each on its package's blueprint (``bp``); a package whose pages
#: span several modules (cases: the queue, one case) shares one blueprint between them.
VIEW_MODULES = (
    "accounts.views", "accounts.session_views", "accounts.admin", "api.admin", "audit.views", "cases.views",
    "cases.saved_views", "cases.help_views", "cases.case_views", "cases.presence_views", "cases.approvals",
    "appeals.views", "appeals.merchant_views", "dashboard.views", "portal.views",
    "rulings.views", "calibration.views", "whatif.views", "transparency.views", "merchants.views",
    "quality.views", "ingest.views", "webhooks.views", "search.views",
    "notifications.views", "rationales.views",
)
#: The JSON API: bearer tokens, so no CSRF token (session callers get a CSRF check in api.auth).
API_MODULES = ("api.views", "merchants.api", "policy.api", "ingest.api", "cases.api", "appeals.api", "rulings.api",
               "webhooks.api")


def _register_blueprints(app: Flask) -> None:
    from backoffice.extensions import csrf

    def blueprints(modules: tuple[str, ...]) -> dict:
        found = (importlib.import_module(f"backoffice.{name}").bp for name in modules)
        return {bp.name: bp for bp in found}  # modules sharing a blueprint register it once

    for bp in blueprints(VIEW_MODULES).values():
        app.register_blueprint(bp)
    for bp in blueprints(API_MODULES).values():
        csrf.exempt(bp)
        app.register_blueprint(bp)


def _register_error_handlers(app: Flask) -> None:
    from backoffice import errors

    errors.init_app(app)


def _register_template_helpers(app: Flask) -> None:
    from backoffice import templating

    templating.init_app(app)


def _register_jobs(app: Flask) -> None:
    from backoffice import jobs, ops

    jobs.init_app(app)
    ops.watch_jobs_and_storage(app)


def _register_commands(app: Flask) -> None:
    from backoffice.cli import register

    register(app)
