"""Flask-Login's user loader: a session is valid only for an enabled account and current epoch."""

from __future__ import annotations

from backoffice.accounts.models import User
from backoffice.db import db


def load_user(session_id: str) -> User | None:
    user_id, _, epoch = session_id.partition(":")
    if not user_id.isdigit() or not epoch.isdigit():
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.is_enabled or user.session_epoch != int(epoch):
        return None
    return user
