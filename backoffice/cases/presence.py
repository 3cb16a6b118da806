"""Who else has a case open: each open case page pings every few seconds, and shows the other staff
seen on the same case within the last ``FRESH`` seconds.

One row per (case, person), upserted on each ping: a cheap write, no audit entry (a ping records nothing
anybody did to the case). Rows older than ``STALE`` are dropped when the case is next pinged.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.accounts.models import User
from backoffice.db import UTCDateTime, db, utcnow

#: The page pings this often (static/js/viewers.js); a person missing two pings in a row has left.
PING_SECONDS = 20
FRESH = timedelta(seconds=45)
STALE = timedelta(hours=1)


class CaseViewer(db.Model):
    __tablename__ = "case_viewers"

    case_id: Mapped[int] = mapped_column(sa.ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime)


def seen(case_id: int, user_id: int, now: datetime | None = None) -> None:
    """Record that ``user_id`` has the case open now (one upsert: two tabs at once never conflict)."""
    now = now or utcnow()
    dialect = postgresql if db.session.get_bind().dialect.name == "postgresql" else sqlite
    stmt = dialect.insert(CaseViewer).values(case_id=case_id, user_id=user_id, seen_at=now)
    db.session.execute(stmt.on_conflict_do_update(index_elements=["case_id", "user_id"],
                                                  set_={"seen_at": stmt.excluded.seen_at}))
    db.session.execute(sa.delete(CaseViewer).where(CaseViewer.case_id == case_id,
                                                   CaseViewer.seen_at < now - STALE))


def others(case_id: int, user_id: int, now: datetime | None = None) -> list[User]:
    """The other enabled people seen on the case within ``FRESH``, most recent first."""
    now = now or utcnow()
    return list(db.session.scalars(
        sa.select(User).join(CaseViewer, CaseViewer.user_id == User.id)
        .where(CaseViewer.case_id == case_id, CaseViewer.user_id != user_id,
               CaseViewer.seen_at >= now - FRESH, User.is_enabled.is_(True))
        .order_by(CaseViewer.seen_at.desc(), User.id)))
