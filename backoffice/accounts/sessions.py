"""Server-side sign-in sessions: opened at sign-in, checked on every request, revoked at sign-out.

The session and remember-me cookies carry only a random secret; its row here decides whether the
cookie still signs anyone in. Signing out, disabling the account or changing its password sets
``revoked_at``, so a copy of either cookie taken earlier stops working.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from backoffice.accounts.models import User, UserSession
from backoffice.audit.operations import Actor, record
from backoffice.db import db, utcnow

#: Activity is written down at most this often, so that browsing does not write on every request.
TOUCH_EVERY = timedelta(minutes=5)
#: Ended sessions are kept this long for the session list's history, then deleted at a sign-in.
KEEP_ENDED = timedelta(days=30)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def lifetime(remember: bool) -> timedelta:
    """How long a new session lasts: remember-me days, or the idle lifetime of a browser session."""
    if remember:
        return timedelta(days=int(current_app.config["REMEMBER_DAYS"]))
    return current_app.permanent_session_lifetime


def start_session(user: User, *, remember: bool, user_agent: str, address: str) -> UserSession:
    """Open a session for someone who has just proved who they are; ``user.session_secret`` is its secret."""
    now = utcnow()
    _prune(user, now)
    secret = secrets.token_urlsafe(32)
    session = UserSession(
        token_hash=_digest(secret), user=user, is_remembered=remember,
        user_agent=user_agent[:255], address=address[:64],
        created_at=now, last_seen_at=now, expires_at=now + lifetime(remember),
    )
    db.session.add(session)
    db.session.flush()
    user.session_secret = secret
    return session


def find_session(secret: str | None) -> UserSession | None:
    """The row for a presented secret, live or not."""
    if not secret:
        return None
    return db.session.scalar(sa.select(UserSession).filter_by(token_hash=_digest(secret)))


def resolve_session(secret: str, now: datetime | None = None) -> UserSession | None:
    """The session a cookie names, if it is neither revoked nor expired."""
    session = find_session(secret)
    if session is None or not is_live(session, now or utcnow()):
        return None
    return session


def is_live(session: UserSession, now: datetime) -> bool:
    return session.revoked_at is None and session.expires_at > now


def touch(session: UserSession, now: datetime | None = None) -> bool:
    """Note activity (at most every TOUCH_EVERY); return whether the row changed.

    A browser session that is not remembered expires after the idle lifetime, so using it moves
    its end; a remembered one ends a fixed number of days after sign-in, like its cookie.
    """
    now = now or utcnow()
    if now - session.last_seen_at < TOUCH_EVERY:
        return False
    session.last_seen_at = now
    if not session.is_remembered:
        session.expires_at = now + lifetime(False)
    return True


def sign_out(actor: Actor, session: UserSession | None) -> None:
    """End the session its holder is signing out of, so that no copy of its cookies works again."""
    if session is not None and session.revoked_at is None:
        session.revoked_at = utcnow()
        db.session.flush()
    if actor.user is not None:
        record(actor, "user.logout", "user", actor.user.id)


def revoke_sessions(user: User, *, keep: UserSession | None = None) -> int:
    """Revoke every live session of ``user`` but ``keep``; return how many ended."""
    stmt = (sa.update(UserSession)
            .where(UserSession.user_id == user.id, UserSession.revoked_at.is_(None))
            .values(revoked_at=utcnow())
            .execution_options(synchronize_session="fetch"))
    if keep is not None:
        stmt = stmt.where(UserSession.id != keep.id)
    return db.session.execute(stmt).rowcount


def sign_out_everywhere(actor: Actor, user: User, *, keep: UserSession | None = None) -> int:
    """End all of ``user``'s sessions (all but ``keep``, the caller's own); return how many ended."""
    ended = revoke_sessions(user, keep=keep)
    record(actor, "user.sessions_revoke", "user", user.id,
           after={"sessions": ended, "kept_current": keep is not None})
    return ended


def revoke_session(actor: Actor, session: UserSession) -> None:
    """End one of a user's other sessions (a lost or shared device)."""
    if session.revoked_at is not None:
        return
    session.revoked_at = utcnow()
    db.session.flush()
    record(actor, "user.session_revoke", "user", session.user_id,
           after={"session": session.id, "address": session.address})


def live_sessions(user: User) -> list[UserSession]:
    """The user's sessions that still sign someone in, the most recently used first."""
    now = utcnow()
    return list(db.session.scalars(
        sa.select(UserSession)
        .where(UserSession.user_id == user.id, UserSession.revoked_at.is_(None),
               UserSession.expires_at > now)
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    ))


def _prune(user: User, now: datetime) -> None:
    cutoff = now - KEEP_ENDED
    db.session.execute(
        sa.delete(UserSession)
        .where(UserSession.user_id == user.id,
               sa.or_(UserSession.expires_at < cutoff, UserSession.revoked_at < cutoff))
        .execution_options(synchronize_session=False)
    )
