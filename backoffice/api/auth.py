"""Bearer-token authentication for the JSON API.

A token acts as its user, with that user's role, narrowed to the token's scopes. A browser
session may also call the API; then the CSRF token is required on state-changing requests.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps

from flask import current_app, g, request
from flask_login import current_user

from backoffice.accounts.models import Role, User
from backoffice.api.errors import ApiError
from backoffice.api.models import Scope
from backoffice.api.tokens import resolve_token
from backoffice.audit.operations import Actor
from backoffice.db import db, utcnow

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def api_access(scope: Scope | None, *roles: Role) -> Callable:
    """Require a token with ``scope`` (any scope when None), or a session, held by one of ``roles``."""
    allowed = frozenset(roles)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            user = _authenticate(scope)
            if user.role not in allowed:
                raise ApiError(403, f"This endpoint is not available to the role {user.role.value}.")
            if g.api_token is None and request.method not in SAFE_METHODS:
                _check_session_csrf()
            g.api_user = user
            return view(*args, **kwargs)

        wrapped.access = allowed
        wrapped.api_scope = scope
        return wrapped

    return decorator


def _authenticate(scope: Scope | None) -> User:
    header = request.headers.get("Authorization", "")
    if header:
        kind, _, secret = header.partition(" ")
        if kind.lower() != "bearer" or not secret.strip():
            raise ApiError(401, "Use 'Authorization: Bearer <token>'.")
        token = resolve_token(secret.strip())
        if token is None:
            raise ApiError(401, "The token is unknown, revoked, or its account is disabled.")
        if scope is not None and scope not in token.scope_set:
            raise ApiError(403, f"The token lacks the '{scope.value}' scope.", code="insufficient_scope")
        _touch(token)
        g.api_token = token
        return token.user
    if current_user.is_authenticated:
        g.api_token = None
        return current_user._get_current_object()
    raise ApiError(401, "Authentication required: send a bearer token.")


def _touch(token) -> None:
    """Note when a token was last used, at most once a minute (its own small transaction)."""
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        token.last_used_at = now
        db.session.commit()


def _check_session_csrf() -> None:
    from backoffice.extensions import csrf

    if current_app.config.get("WTF_CSRF_ENABLED", True):
        csrf.protect()


def api_actor() -> Actor:
    """The actor for audit events written by an API call."""
    token = g.get("api_token")
    return Actor(g.api_user, "api", token.id if token is not None else None)
