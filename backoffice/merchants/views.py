"""A merchant as staff see it: standing, the contact handles its messages carried, linked shops, cases."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, render_template

from backoffice.accounts.models import REVIEW_ROLES
from backoffice.accounts.permissions import roles_required
from backoffice.cases.models import Case
from backoffice.db import db
from backoffice.detection.handles import masked
from backoffice.ledger.operations import standing_of
from backoffice.merchants import links
from backoffice.merchants.models import Merchant, MerchantHandle
from backoffice.merchants.work import open_work
from backoffice.timeutil import platform_tz

bp = Blueprint("merchants", __name__, url_prefix="/merchants")


@bp.get("/<int:merchant_id>")
@roles_required(*REVIEW_ROLES)
def show(merchant_id: int):
    merchant = db.get_or_404(Merchant, merchant_id)
    handles = db.session.scalars(sa.select(MerchantHandle).where(MerchantHandle.merchant_id == merchant.id)
                                 .order_by(MerchantHandle.first_seen_at, MerchantHandle.id)).all()
    cases = db.session.scalars(sa.select(Case).where(Case.merchant_id == merchant.id)
                               .order_by(Case.opened_at.desc(), Case.id.desc()).limit(50)).all()
    return render_template(
        "merchants/show.html", merchant=merchant, standing=standing_of(merchant, platform_tz()),
        handles=[(h, masked(h.kind, h.value)) for h in handles], linked=links.linked_shops(merchant),
        aggravation=links.linked_accounts_rule(merchant), cases=cases, work=open_work(merchant.id))
