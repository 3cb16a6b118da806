"""The managers' dashboard: queue health, throughput, decisions, appeals, precision, measures."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import partial

from flask import Blueprint, Response, abort, flash, render_template, request
from flask_babel import gettext as _

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.cases.explain import term_text
from backoffice.dashboard import metrics
from backoffice.dashboard.page import build_charts
from backoffice.db import utcnow

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")

_APPEALS = ("rulings", "appeals", "decided", "upheld", "reduced", "overturned", "appeal_rate",
            "overturn_rate")
_PRECISION = ("confirmed", "dismissed", "inconclusive", "open", "precision")

#: name → (CSV columns, rows(days, now)): the numbers behind every chart and table, downloadable.
DATASETS: dict[str, tuple[tuple[str, ...], Callable]] = {
    "queue_status": (("status", "cases", "unclaimed", "overdue"),
                     lambda days, now: metrics.queue_health(now).by_status),
    "queue_ages": (("age", "cases"), lambda days, now: metrics.queue_health(now).ages),
    "throughput": (("day", "reviewer", "decisions"), metrics.throughput),
    "decisions": (("rule", "verdict", "decisions"), metrics.decisions_by_rule),
    "cases_by_origin": (("found_by", "cases"), metrics.cases_by_origin),
    "appeals_by_rule": (("rule", *_APPEALS), partial(metrics.appeal_rates, "rule")),
    "appeals_by_reviewer": (("reviewer", *_APPEALS), partial(metrics.appeal_rates, "reviewer")),
    "precision_by_rule": (("rule", *_PRECISION), partial(metrics.precision, "rule")),
    "precision_by_term": (("term", *_PRECISION), partial(metrics.precision, "term")),
    "precision_by_model": (("model_version", *_PRECISION), partial(metrics.precision, "model_version")),
    "precision_by_view": (("view", *_PRECISION), partial(metrics.precision, "view")),
    "measures": (("day", *metrics.MEASURE_COLUMNS), metrics.measure_totals),
}
_QUEUE = ("queue_status", "queue_ages")


def _period_arg() -> int | None:
    """The ``days`` GET parameter if it is one of the offered periods; None when it is not."""
    raw = request.args.get("days", str(metrics.DEFAULT_PERIOD))
    return int(raw) if raw in {str(p) for p in metrics.PERIODS} else None


@bp.get("")
@roles_required(Role.manager, Role.admin)
def index():
    days = _period_arg()
    if days is None:
        days = metrics.DEFAULT_PERIOD
        flash(_("Choose a period of 7, 30 or 90 days; showing the last %(n)d days.", n=days), "error")
    now = utcnow()
    health = metrics.queue_health(now)
    data = {name: fn(days, now) for name, (_, fn) in DATASETS.items() if name not in _QUEUE}
    period = metrics.period(days, now)
    term_words = {name: term_text(*found) for name, found in metrics.term_examples(days, now).items()}
    return render_template("dashboard/index.html", health=health, data=data, days=days, now=now,
                           periods=metrics.PERIODS, period=period, charts=build_charts(health, data, period),
                           term_words=term_words)


@bp.get("/<name>.csv")
@roles_required(Role.manager, Role.admin)
def download(name: str):
    if name not in DATASETS:
        abort(404)
    days = _period_arg()
    if days is None:
        abort(400)
    columns, fn = DATASETS[name]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([_cell(v) for v in row] for row in fn(days, utcnow()))
    # A BOM so that spreadsheet programs open the Chinese text correctly.
    return Response("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename={name}-{days}d.csv"})


def _cell(value):
    """Text that a spreadsheet would run as a formula (a lexicon term such as ``+86``) is quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
