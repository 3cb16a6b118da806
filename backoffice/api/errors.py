"""JSON errors for everything under /api/."""

from __future__ import annotations

from flask import jsonify
from werkzeug.exceptions import HTTPException

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "unprocessable_entity",
    429: "too_many_requests",
    500: "internal_error",
}


class ApiError(Exception):
    """Raised by API views; rendered as ``{"error": {"code", "message"}}``."""

    def __init__(self, status: int, message: str, code: str | None = None, details=None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or _CODES.get(status, "error")
        self.details = details


def error_response(status: int, message: str, code: str | None = None, details=None):
    body = {"error": {"code": code or _CODES.get(status, "error"), "message": message}}
    if details is not None:
        body["error"]["details"] = details
    response = jsonify(body)
    response.status_code = status
    if status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="backoffice"'
    return response


def http_exception_response(exc: HTTPException):
    response = error_response(exc.code or 500, exc.description or exc.name)
    # Keep what the exception says besides its page, such as the Allow header of a 405.
    for name, value in exc.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def api_error_response(exc: ApiError):
    return error_response(exc.status, exc.message, exc.code, exc.details)
