"""Error pages for people, JSON errors for the API; the transaction is rolled back on failure."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask, current_app, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from backoffice import schema
from backoffice.api.errors import ApiError, api_error_response, error_response, http_exception_response
from backoffice.db import db
from backoffice.failures import DomainError


def _is_api() -> bool:
    return request.path.startswith("/api/")


UNAVAILABLE = "The database cannot be reached right now; nothing was saved. Try again in a moment."
RETRY_AFTER = {"Retry-After": "30"}


def _unreachable(exc: BaseException) -> bool:
    """The database went away or refuses connections (not a bad statement): a 503, not a 500."""
    if isinstance(exc, sa.exc.DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, sa.exc.OperationalError | sa.exc.DisconnectionError | sa.exc.TimeoutError)


def _roll_back() -> None:
    """Roll back the request's transaction; when the connection is gone, drop it (the pool reconnects)."""
    try:
        db.session.rollback()
    except sa.exc.SQLAlchemyError:
        db.session.close()


def _standalone(template: str) -> str:
    """A page rendered without the context processors: they ask who is signed in, which reads the
    database that is out of date or out of reach."""
    return current_app.jinja_env.get_template(template).render()


def init_app(app: Flask) -> None:
    @app.errorhandler(ApiError)
    def handle_api_error(exc: ApiError):
        db.session.rollback()
        return api_error_response(exc)

    @app.errorhandler(DomainError)
    def handle_domain_error(exc: DomainError):
        # API views let operation errors through: the answer is the error's status and message.
        # Web views handle them with ``backoffice.web.committing``; one that escapes is a bug (500).
        if not _is_api():
            return handle_unexpected(exc)
        db.session.rollback()
        return error_response(exc.status, exc.message, exc.code)

    @app.errorhandler(HTTPException)
    def handle_http(exc: HTTPException):
        db.session.rollback()
        if _is_api():
            return http_exception_response(exc)
        template = f"errors/{exc.code}.html" if exc.code in (403, 404) else "errors/generic.html"
        return render_template(template, error=exc), exc.code

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception):
        _roll_back()
        app.logger.exception("unhandled error")
        if schema.explains(exc):
            if _is_api():
                return error_response(503, schema.UPGRADE_HINT)
            return _standalone("errors/upgrade.html"), 503
        if _unreachable(exc):
            if _is_api():
                return error_response(503, UNAVAILABLE, "unavailable"), RETRY_AFTER
            return _standalone("errors/unavailable.html"), 503, RETRY_AFTER
        if _is_api():
            return error_response(500, "Internal error; nothing was changed.")
        return render_template("errors/generic.html", error=InternalServerError()), 500
