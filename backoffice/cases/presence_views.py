"""The case page's "also viewing" line: a ping that records the caller and names the others."""

from __future__ import annotations

from flask import abort, jsonify
from flask_babel import gettext as _
from flask_login import current_user

from backoffice.accounts.forms import ROLE_LABELS
from backoffice.accounts.models import REVIEW_ROLES
from backoffice.accounts.permissions import roles_required
from backoffice.calibration.queries import open_review_of
from backoffice.cases import presence
from backoffice.cases.views import bp, load_case
from backoffice.db import db


@bp.post("/<int:case_id>/viewers")
@roles_required(*REVIEW_ROLES)
def viewers(case_id: int):
    """Note that the caller has the case open; answer who else has (names are escaped by the page)."""
    case = load_case(case_id)
    if open_review_of(case.id, current_user) is not None:  # reviewing it blind: not on the case page
        abort(403)
    presence.seen(case.id, current_user.id)
    others = presence.others(case.id, current_user.id)
    db.session.commit()
    people = [{"name": u.display_name or u.login, "role": str(ROLE_LABELS[u.role])} for u in others]
    # The line is put together here, in the reader's language; the page sets it as text, not HTML.
    text = _(", ").join(_("%(name)s (%(role)s)", **p) for p in people)
    return jsonify(viewers=people, text=text, every=presence.PING_SECONDS)
