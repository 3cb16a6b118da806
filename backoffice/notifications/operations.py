"""Tell people what happened: in-app notifications and e-mails through the outbox."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import force_locale

from backoffice.accounts.models import Role, User
from backoffice.db import db
from backoffice.jobs import enqueue
from backoffice.notifications.models import Notification, OutboxEmail


def notify_user(user: User, kind: str, title: str, body: str, link: str = "") -> Notification:
    note = Notification(user_id=user.id, kind=kind, title=title[:200], body=body, link=link[:300])
    db.session.add(note)
    if user.email:
        db.session.add(OutboxEmail(to_address=user.email, subject=title[:200], body=f"{body}\n\n{link}".strip()))
        enqueue("outbox.deliver")  # sent once this transaction commits
    return note


def notify_merchant(merchant_id: int, kind: str, render, link: str = "") -> list[Notification]:
    """Notify every enabled account of the merchant; ``render()`` gives (title, body) in their language."""
    users = db.session.scalars(sa.select(User).filter_by(merchant_id=merchant_id, role=Role.merchant,
                                                         is_enabled=True))
    notes = []
    for user in users:
        with force_locale(user.locale or "zh"):
            title, body = render()
        notes.append(notify_user(user, kind, str(title), str(body), link))
    db.session.flush()
    return notes


def unread_count(user: User) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(Notification)
                             .where(Notification.user_id == user.id, Notification.read_at.is_(None)))
