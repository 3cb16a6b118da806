"""Webhook endpoints (administrators) and the delivery log with manual redelivery (managers too)."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, URLField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from backoffice.accounts.forms import ConfirmForm
from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.db import db
from backoffice.merchants.models import Platform
from backoffice.templating import PLATFORM_LABELS
from backoffice.web import acting_user, committing
from backoffice.webhooks import operations
from backoffice.webhooks.models import WebhookDelivery, WebhookEndpoint

bp = Blueprint("webhooks", __name__, url_prefix="/admin/webhooks")

EVENT_LABELS = {
    "account.opened": _l("Ledger opened"),
    "deposit.topped_up": _l("Deposit topped up"),
    "measure.applied": _l("Measure applied"),
    "demotion.automatic": _l("Automatic search demotion"),
    "merchant.removed": _l("Merchant removed"),
    "compensation.owed": _l("Compensation owed"),
    "measure.lifted": _l("Measure lifted"),
    "measure.reversed_on_appeal": _l("Reversed on appeal"),
    "measure.expired": _l("Measure expired"),
}
STATE_LABELS = {"pending": _l("Waiting to be sent"), "delivered": _l("Delivered"), "given_up": _l("Given up")}


class EndpointForm(FlaskForm):
    platform = SelectField(_l("Platform"), choices=[SelectChoice(p.value, PLATFORM_LABELS[p]) for p in Platform])
    url = URLField(_l("Receiver address"), validators=[DataRequired(), Length(max=500)])


@bp.route("", methods=["GET", "POST"])
@roles_required(Role.admin)
def index():
    """The endpoints; a new one's secret is shown on this answer only."""
    form = EndpointForm()
    secret = None
    if form.validate_on_submit():
        with committing(_("Endpoint added. Copy its secret now: it will not be shown again.")):
            _endpoint, secret = operations.add_endpoint(acting_user(), Platform(form.platform.data), form.url.data)
    endpoints = db.session.scalars(sa.select(WebhookEndpoint).order_by(WebhookEndpoint.id))
    return render_template("admin/webhooks.html", form=form, endpoints=endpoints, secret=secret,
                           confirm=ConfirmForm())


@bp.post("/<int:endpoint_id>/rotate")
@roles_required(Role.admin)
def rotate(endpoint_id: int):
    endpoint = db.get_or_404(WebhookEndpoint, endpoint_id)
    secret = None
    form = ConfirmForm()
    if form.validate_on_submit():
        with committing(_("New secret issued; the old one keeps signing for 24 hours. Copy it now.")):
            secret = operations.rotate_secret(acting_user(), endpoint)
    endpoints = db.session.scalars(sa.select(WebhookEndpoint).order_by(WebhookEndpoint.id))
    return render_template("admin/webhooks.html", form=EndpointForm(formdata=None), endpoints=endpoints,
                           secret=secret, confirm=form)


@bp.get("/deliveries")
@roles_required(Role.admin, Role.manager)
def deliveries():
    """The latest deliveries, newest first, with their last outcome."""
    rows = db.session.scalars(sa.select(WebhookDelivery).order_by(WebhookDelivery.id.desc()).limit(200))
    return render_template("admin/webhook_deliveries.html", deliveries=rows, confirm=ConfirmForm(),
                           EVENT_LABELS=EVENT_LABELS, STATE_LABELS=STATE_LABELS)


@bp.post("/deliveries/<int:delivery_id>/redeliver")
@roles_required(Role.admin, Role.manager)
def redeliver(delivery_id: int):
    delivery = db.get_or_404(WebhookDelivery, delivery_id)
    if ConfirmForm().validate_on_submit():
        with committing(_("The event will be sent again at the next delivery run.")):
            operations.redeliver(acting_user(), delivery)
    return redirect(url_for("webhooks.deliveries"))
