"""The audit trail page for administrators."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, render_template, request

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.audit.models import AuditEvent
from backoffice.audit.operations import verify_chain
from backoffice.db import db

bp = Blueprint("audit", __name__, url_prefix="/admin/audit")

PAGE_SIZE = 50


@bp.get("")
@roles_required(Role.admin)
def index():
    before = request.args.get("before", type=int)
    if before is not None and not 0 < before < 2**63:
        before = None
    stmt = sa.select(AuditEvent).order_by(AuditEvent.id.desc()).limit(PAGE_SIZE + 1)
    if before:
        stmt = stmt.where(AuditEvent.id < before)
    events = list(db.session.scalars(stmt))
    older = events[PAGE_SIZE - 1].id if len(events) > PAGE_SIZE else None
    verification = None
    if request.args.get("verify") == "1":
        verification = verify_chain()
    return render_template(
        "audit/index.html", events=events[:PAGE_SIZE], older=older, verification=verification
    )
