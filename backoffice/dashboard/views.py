"""The managers' overview."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, render_template

from backoffice.accounts.models import Role, User
from backoffice.accounts.permissions import roles_required
from backoffice.conversations.models import Conversation, Message
from backoffice.db import db
from backoffice.merchants.models import Merchant

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")


@bp.get("")
@roles_required(Role.manager, Role.admin)
def index():
    merchants_by_platform = db.session.execute(
        sa.select(Merchant.platform, sa.func.count()).group_by(Merchant.platform).order_by(Merchant.platform)
    ).all()
    totals = {
        "merchants": sum(n for _, n in merchants_by_platform),
        "conversations": db.session.scalar(sa.select(sa.func.count()).select_from(Conversation)),
        "messages": db.session.scalar(sa.select(sa.func.count()).select_from(Message)),
        "staff": db.session.scalar(
            sa.select(sa.func.count()).select_from(User).where(User.role != Role.merchant, User.is_enabled)
        ),
    }
    return render_template("dashboard/index.html", totals=totals, by_platform=merchants_by_platform)
