"""Error pages for people, JSON errors for the API; the transaction is rolled back on failure."""

from __future__ import annotations

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from backoffice import schema
from backoffice.api.errors import ApiError, api_error_response, error_response, http_exception_response
from backoffice.db import db
from backoffice.failures import DomainError


def _is_api() -> bool:
    return request.path.startswith("/api/")


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
        db.session.rollback()
        app.logger.exception("unhandled error")
        if schema.explains(exc):
            if _is_api():
                return error_response(503, schema.UPGRADE_HINT)
            # Straight from the template, without the context processors: they ask who is signed
            # in, and the sessions table may be what the database lacks.
            return app.jinja_env.get_template("errors/upgrade.html").render(), 503
        if _is_api():
            return error_response(500, "Internal error; nothing was changed.")
        return render_template("errors/generic.html", error=InternalServerError()), 500
