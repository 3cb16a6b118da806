"""Saved views of the queue: named filter sets, a reviewer's own or the team's (shared with every reviewer).

Team views are the team queues (one platform, one rule, ...); senior reviewers and managers keep them.
Claim-next takes its case from the view that is active, so a reviewer working one queue stays in it.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.accounts.models import User
from backoffice.audit.operations import Actor, record
from backoffice.cases.states import SENIOR_ROLES
from backoffice.db import UTCDateTime, db, utcnow
from backoffice.failures import DomainError

#: The queue filters a view keeps (the query-string names of the queue page).
VIEW_KEYS = ("status", "platform", "rule", "category", "severity", "assignee", "merchant", "source", "sort",
             "older_than_hours")
#: The filters that say which cases claim-next may take (the others sort or look at what is claimed).
CLAIM_KEYS = ("platform", "rule", "category", "source", "merchant", "older_than_hours")


class SavedView(db.Model):
    __tablename__ = "saved_views"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(80))
    #: The reviewer a personal view belongs to; for a team view, the person who made it.
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    is_team: Mapped[bool] = mapped_column(default=False)
    filters: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ViewError(DomainError, ValueError):
    """A view that cannot be saved or removed; the message is for people."""


def clean_filters(args) -> dict[str, str]:
    """The view's filters from a query string or form: known keys with a value, as text."""
    found = {k: str(args.get(k)).strip()[:64] for k in VIEW_KEYS if args.get(k)}
    if "older_than_hours" in found and not found["older_than_hours"].isdigit():
        del found["older_than_hours"]
    return found


def save_view(actor: Actor, name: str, filters: dict[str, str], *, team: bool) -> SavedView:
    """Save the queue's filters under ``name``: the reviewer's own, or (seniors, managers) the team's."""
    user = actor.user
    if not name.strip():
        raise ViewError(_l("Give the view a name."))
    if team and user.role not in SENIOR_ROLES:
        raise ViewError(_l("Only senior reviewers and managers keep the team's views."))
    if not filters:
        raise ViewError(_l("Choose at least one filter before saving a view."))
    view = SavedView(name=name.strip()[:80], owner_id=user.id, is_team=team, filters=filters)
    db.session.add(view)
    db.session.flush()
    record(actor, "queue.view_save", "saved_view", view.id, after={"name": view.name, "team": team, **filters})
    return view


def can_remove(view: SavedView, user: User) -> bool:
    return user.role in SENIOR_ROLES if view.is_team else view.owner_id == user.id


def remove_view(actor: Actor, view: SavedView) -> None:
    """Delete a view: one's own, or a team view (seniors, managers)."""
    if not can_remove(view, actor.user):
        raise ViewError(_l("You cannot remove this view."))
    record(actor, "queue.view_remove", "saved_view", view.id, before={"name": view.name})
    db.session.execute(sa.delete(SavedView).where(SavedView.id == view.id))


def views_for(user: User) -> list[SavedView]:
    """The team's views, then the user's own, each by name."""
    return list(db.session.scalars(
        sa.select(SavedView).where(sa.or_(SavedView.is_team.is_(True), SavedView.owner_id == user.id))
        .order_by(SavedView.is_team.desc(), SavedView.name, SavedView.id)))


def visible_view(view_id: int | None, user: User) -> SavedView | None:
    if not view_id:
        return None
    view = db.session.get(SavedView, view_id)
    return view if view is not None and (view.is_team or view.owner_id == user.id) else None
