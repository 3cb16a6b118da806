"""The managers' what-if page: replay a period through a changed rule pack; nothing is stored."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request
from flask_babel import gettext as _

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.labels import measure_text
from backoffice.merchants.models import Platform
from backoffice.policy import get_rulebook
from backoffice.rulefiles import RuleFileError
from backoffice.timeutil import platform_tz
from backoffice.whatif import runner
from backoffice.whatif.export import csv_text
from backoffice.whatif.forms import WhatIfForm
from backoffice.whatif.numbers import UNITS, NumbersError, apply_numbers, number_fields
from backoffice.whatif.wording import change_item, change_value

bp = Blueprint("whatif", __name__, url_prefix="/whatif")

#: Merchants listed on the page; the CSV has them all.
SHOWN_MERCHANTS = 200


@bp.route("", methods=["GET", "POST"])
@roles_required(Role.manager, Role.admin)
def index():
    form = WhatIfForm()
    platforms = [p.value for p in Platform if p.value in get_rulebook().packs]
    if request.method == "GET":
        platform = request.args.get("platform")
        form.platform.data = platform if platform in platforms else platforms[0]
        form.since.data, form.until.data = runner.default_period()
        form.pack.data = runner.current_pack_text(form.platform.data)
        return _page(form, platforms)
    if form.platform.data not in platforms:
        form.platform.data = platforms[0]
    if not form.validate_on_submit():
        return _page(form, platforms), 422
    try:
        result = _run(form)
    except RuleFileError as exc:
        return _page(form, platforms, problems=exc.problems), 422
    except NumbersError as exc:
        return _page(form, platforms, number_problems=exc.problems), 422
    except (UnicodeDecodeError, runner.PeriodError):  # the message is on the form's field
        return _page(form, platforms), 422
    if form.csv.data:
        return _csv(result)
    form.platform.data = result.pack.platform
    by_merchant = result.report.by_merchant()
    return _page(form, platforms, result=result, by_merchant=by_merchant[:SHOWN_MERCHANTS],
                 hidden_merchants=max(len(by_merchant) - SHOWN_MERCHANTS, 0))


def _run(form: WhatIfForm) -> runner.WhatIf:
    """Replay what the form asks; a problem with the upload or the period goes to its field."""
    limit = int(current_app.config["WHATIF_MAX_DECISIONS"])
    try:
        if form.numbers.data:  # the numbers typed into the table, on the pack in use
            pack = apply_numbers(get_rulebook().packs[form.platform.data], request.form)
            return runner.run_pack(pack, form.since.data, form.until.data, limit=limit)
        try:
            text, name = form.pack_source()
        except UnicodeDecodeError:
            form.upload.errors = [_("The file is not UTF-8 text.")]
            raise
        return runner.run(text, form.since.data, form.until.data, name=name, limit=limit)
    except runner.TooManyDecisions as exc:
        form.until.errors = [_("The period holds %(n)d decisions, more than the %(limit)d this page replays. "
                               "Choose a shorter period, or run `flask rules whatif` on the server.",
                               n=exc.count, limit=exc.limit)]
        raise


def _csv(result: runner.WhatIf) -> Response:
    filename = f"whatif-{result.pack.platform}-{result.since}-{result.until}.csv"
    return Response(csv_text(result.report, platform_tz(), measure_text), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename={filename}"})


def _page(form: WhatIfForm, platforms: list[str], **context):
    pack = get_rulebook().packs[form.platform.data]
    typed = request.form if request.method == "POST" else {}
    return render_template("whatif/index.html", form=form, platforms=platforms, selected=form.platform.data,
                           numbers=number_fields(pack), typed=typed, units=UNITS, change_item=change_item,
                           change_value=change_value, **context)
