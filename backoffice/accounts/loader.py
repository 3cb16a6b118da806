"""Flask-Login's user loader: the cookies name a server-side session, which must still be live."""

from __future__ import annotations

from backoffice.accounts.models import User
from backoffice.accounts.sessions import resolve_session, touch
from backoffice.db import db


def load_user(secret: str) -> User | None:
    session = resolve_session(secret)
    if session is None or not session.user.is_enabled:
        return None
    user = session.user
    # The loader runs when a request first asks who is signed in, before the view changes anything;
    # the check keeps the activity note from ever committing someone else's unfinished work.
    pending = db.session.new or db.session.dirty or db.session.deleted
    if not pending and touch(session):
        db.session.commit()
    user.session_secret = secret
    return user
