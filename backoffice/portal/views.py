"""The merchant's own pages: standing, rulings, conversations (and ZBJ fraud reports), notifications.

The appeal and exam pages are in ``appeals.merchant_views``, the ruling's PDF in ``rulings.views``.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.accounts.forms import ConfirmForm
from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.appeals.exam_operations import exam_offer
from backoffice.cases.highlight import segments
from backoffice.cases.operations import report_fraud
from backoffice.dashboard.metrics import period
from backoffice.db import db, utcnow
from backoffice.ledger.operations import standing_of
from backoffice.merchants.models import Platform
from backoffice.notifications.models import Notification
from backoffice.penalties.models import DecisionState, PenaltyDecision
from backoffice.penalties.outlook import next_offences
from backoffice.portal import queries as q
from backoffice.quality import figures
from backoffice.quality.targets import marks
from backoffice.rulings.facts import appeal_deadline, cited_of
from backoffice.rulings.queries import ruling_of, ruling_view, rulings_of
from backoffice.timeutil import platform_tz
from backoffice.web import acting_user, committing

bp = Blueprint("portal", __name__, url_prefix="/merchant")


def merchant_id() -> int:
    return current_user.merchant_id


@bp.get("")
@roles_required(Role.merchant)
def index():
    merchant = current_user.merchant
    rulings = rulings_of(merchant.id)
    appeals = q.appeals_by_ruling([r.id for r in rulings])
    items = [(r, appeal_deadline(r), appeals.get(r.id)) for r in rulings]
    standing = standing_of(merchant, platform_tz())
    in_force = [(r.rule_code, r.severity) for r in rulings if r.penalty_decision_id
                and db.session.get(PenaltyDecision, r.penalty_decision_id).state is DecisionState.in_force]
    return render_template(
        "portal/index.html", merchant=merchant, standing=standing, demotions=q.demotions(standing),
        rulings=items, notices=q.risk_notices(merchant.id), now=utcnow(),
        next_offences=list(next_offences(merchant, in_force).values()),
    )


@bp.get("/rulings/<int:ruling_id>")
@roles_required(Role.merchant)
def ruling(ruling_id: int):
    view = ruling_view(ruling_of(merchant_id(), ruling_id))
    cited = cited_of(view.ruling, view.stored_plan)
    quoted = [(m, segments(m.text, [(f.start, f.end, f.rule_code or "") for f in flags if f.where == "text"],
                           f"q-{m.id}")) for m, flags in view.quoted]
    key = (view.ruling.rule_code, view.ruling.severity)
    return render_template(
        "portal/ruling.html", view=view, cited=cited, quoted=quoted, deadline=appeal_deadline(view.ruling),
        now=utcnow(), exam=exam_offer(view.ruling), confirm=ConfirmForm(),
        next_offence=next_offences(view.ruling.case.merchant, [key]).get(key),
    )


#: How far back the merchant's own service-quality page looks.
QUALITY_DAYS = 30


@bp.get("/service-quality")
@roles_required(Role.merchant)
def service_quality():
    merchant = current_user.merchant
    now = utcnow()
    p = period(QUALITY_DAYS, now)
    settings = figures.settings_for(merchant.platform)
    days = figures.per_day(figures.daily(p, platform=merchant.platform, merchant_id=merchant.id, now=now),
                           p, merchant.name)
    total = figures.per_shop(days)[0]
    # A day without any activity is a row of zeros: listed, 30 of them hide the days that count.
    busy = [d for d in reversed(days) if d.counts != figures.Counts()]
    return render_template("portal/service_quality.html", merchant=merchant, period=p, now=now, settings=settings,
                           total=(total, marks(settings, total.counts)), quiet_days=len(days) > len(busy),
                           days=[(d, marks(settings, d.counts)) for d in busy])


# ZBJ merchants report a customer for fraud (举报诈骗); the report becomes a case of its own kind.
@bp.get("/conversations")
@roles_required(Role.merchant)
def conversations():
    return render_template("portal/conversations.html", conversations=q.conversations(merchant_id()),
                           can_report=current_user.merchant.platform is Platform.zbj)


@bp.get("/conversations/<int:conversation_id>")
@roles_required(Role.merchant)
def conversation(conversation_id: int):
    conv = q.conversation_of(merchant_id(), conversation_id)
    return render_template("portal/conversation.html", conversation=conv, form=ConfirmForm(),
                           can_report=conv.platform is Platform.zbj)


@bp.post("/conversations/<int:conversation_id>/fraud-report")
@roles_required(Role.merchant)
def fraud_report(conversation_id: int):
    conversation = q.conversation_of(merchant_id(), conversation_id)
    if conversation.platform is not Platform.zbj:
        abort(404)
    text = (request.form.get("text") or "").strip()
    if not ConfirmForm().validate_on_submit() or not text:
        flash(_("Describe what the customer did."), "error")
        return redirect(url_for("portal.conversation", conversation_id=conversation.id))
    with committing(_("Thank you. Your report was sent to the reviewers.")):
        report_fraud(acting_user(), conversation, text[:2000])
    return redirect(url_for("portal.conversation", conversation_id=conversation.id))


@bp.get("/notifications")
@roles_required(Role.merchant, Role.reviewer, Role.senior_reviewer, Role.manager, Role.admin)
def notifications():
    items = list(db.session.scalars(sa.select(Notification).filter_by(user_id=current_user.id)
                                    .order_by(Notification.id.desc()).limit(100)))
    return render_template("portal/notifications.html", items=items, confirm=ConfirmForm())


@bp.post("/notifications/read")
@roles_required(Role.merchant, Role.reviewer, Role.senior_reviewer, Role.manager, Role.admin)
def mark_read():
    if ConfirmForm().validate_on_submit():
        db.session.execute(sa.update(Notification).where(Notification.user_id == current_user.id,
                                                          Notification.read_at.is_(None)).values(read_at=utcnow()))
        db.session.commit()
    return redirect(url_for("portal.notifications"))
