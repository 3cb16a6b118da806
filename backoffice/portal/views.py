"""The merchant's own pages: standing and rulings."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, render_template
from flask_login import current_user

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.conversations.models import Conversation
from backoffice.db import db

bp = Blueprint("portal", __name__, url_prefix="/merchant")


@bp.get("")
@roles_required(Role.merchant)
def index():
    merchant = current_user.merchant
    conversations = db.session.scalar(
        sa.select(sa.func.count()).select_from(Conversation).filter_by(merchant_id=merchant.id)
    )
    return render_template("portal/index.html", merchant=merchant, conversations=conversations, rulings=[])
