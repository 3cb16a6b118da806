"""Opening one notification: it is read from then on (the badge in the navigation counts the others)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, redirect, url_for
from flask_login import current_user

from backoffice.accounts.forms import ConfirmForm
from backoffice.accounts.permissions import signed_in
from backoffice.db import db, utcnow
from backoffice.notifications.models import Notification

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


@bp.post("/<int:notification_id>/open")
@signed_in
def open_one(notification_id: int):
    note = db.session.get(Notification, notification_id)
    if note is None or note.user_id != current_user.id:
        abort(404)
    if ConfirmForm().validate_on_submit():
        db.session.execute(sa.update(Notification).where(Notification.id == note.id, Notification.read_at.is_(None))
                           .values(read_at=utcnow()))
        db.session.commit()
    # Only a path of this site: a notification never sends anyone elsewhere.
    target = note.link if note.link.startswith("/") and not note.link.startswith("//") else None
    return redirect(target or url_for("portal.notifications"))
