"""Saving and removing the queue's named views (personal, or the team's)."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _

from backoffice.accounts.forms import ConfirmForm
from backoffice.accounts.models import REVIEW_ROLES
from backoffice.accounts.permissions import roles_required
from backoffice.cases import saved
from backoffice.cases.forms import SaveViewForm
from backoffice.cases.views import bp
from backoffice.web import acting_user, committing


@bp.post("/views")
@roles_required(*REVIEW_ROLES)
def save_view():
    form = SaveViewForm()
    filters = saved.clean_filters(request.form)
    if not form.validate_on_submit():
        flash(_("Give the view a name."), "error")
        return redirect(url_for("cases.queue", **filters))
    with committing(_("View saved.")):
        saved.save_view(acting_user(), form.name.data, filters, team=form.team.data)
    return redirect(url_for("cases.queue", **filters))


@bp.post("/views/<int:view_id>/delete")
@roles_required(*REVIEW_ROLES)
def remove_view(view_id: int):
    view = saved.visible_view(view_id, acting_user().user)
    if view is None:
        abort(404)
    if ConfirmForm().validate_on_submit():
        with committing(_("View removed.")):
            saved.remove_view(acting_user(), view)
    return redirect(url_for("cases.queue"))
