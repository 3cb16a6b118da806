"""Penalty case-management back office."""

from __future__ import annotations

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
    _register_extensions(app)
    _load_policy(app)
    _load_detector(app)
    _register_blueprints(app)
    _register_error_handlers(app)
    _register_template_helpers(app)
    _register_commands(app)
    return app


def _configure_proxy(app: Flask) -> None:
    count = int(app.config["PROXY_COUNT"])
    if count:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)


def _configure_http(app: Flask) -> None:
    from werkzeug.routing import IntegerConverter

    class BoundedInt(IntegerConverter):
        # Ids beyond a 64-bit integer are simply not found (instead of overflowing the driver).
        def __init__(self, map, *args, **kwargs):
            kwargs.setdefault("max", 2**63 - 1)
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


def _register_extensions(app: Flask) -> None:
    from backoffice import i18n
    from backoffice.accounts import passwords
    from backoffice.accounts.loader import load_user
    from backoffice.extensions import babel, csrf, db, login_manager, migrate

    db.init_app(app)
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


def _register_blueprints(app: Flask) -> None:
    from backoffice.accounts import admin as accounts_admin
    from backoffice.accounts import views as accounts_views
    from backoffice.api import admin as tokens_admin
    from backoffice.api import views as api_views
    from backoffice.appeals import api as appeals_api
    from backoffice.appeals import merchant_views as merchant_appeals_views
    from backoffice.appeals import views as appeals_views
    from backoffice.audit import views as audit_views
    from backoffice.calibration import views as calibration_views
    from backoffice.dashboard import views as dashboard_views
    from backoffice.extensions import csrf
    from backoffice.ingest import api as ingest_api
    from backoffice.merchants import api as merchants_api
    from backoffice.policy import api as rules_api
    from backoffice.portal import views as portal_views
    from backoffice.review import api as review_api
    from backoffice.review import approvals, case_views  # noqa: F401  (case_views adds routes to cases)
    from backoffice.review import views as cases_views
    from backoffice.rulings import api as rulings_api
    from backoffice.rulings import views as rulings_views
    from backoffice.transparency import views as statements_views
    from backoffice.whatif import views as whatif_views

    for module in (accounts_views, accounts_admin, tokens_admin, audit_views, cases_views, approvals,
                   appeals_views, merchant_appeals_views, dashboard_views, portal_views, rulings_views,
                   calibration_views, whatif_views, statements_views):
        app.register_blueprint(module.bp)
    # The API authenticates by bearer token; session callers get a CSRF check in api.auth.
    for api in (api_views, merchants_api, rules_api, ingest_api, review_api, appeals_api, rulings_api):
        csrf.exempt(api.bp)
        app.register_blueprint(api.bp)


def _register_error_handlers(app: Flask) -> None:
    from backoffice import errors

    errors.init_app(app)


def _register_template_helpers(app: Flask) -> None:
    from backoffice import templating

    templating.init_app(app)


def _register_commands(app: Flask) -> None:
    from backoffice.cli import register

    register(app)
