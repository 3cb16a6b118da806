"""Role-based access for views; every view declares who may use it.

The access declaration is stored on the view function so that a test can walk the URL map
and check every registered route against it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user

from backoffice.accounts.models import Role

PUBLIC = "public"


def roles_required(*roles: Role) -> Callable:
    allowed = frozenset(roles)

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            from backoffice.extensions import login_manager

            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in allowed:
                abort(403)
            return view(*args, **kwargs)

        wrapped.access = allowed
        return wrapped

    return decorator


def public(view: Callable) -> Callable:
    view.access = PUBLIC
    return view


def signed_in(view: Callable) -> Callable:
    """Any enabled account, whatever its role."""
    return roles_required(*Role)(view)
