"""The managers' dashboard: queue health, throughput, decisions, appeals, precision, measures."""

from __future__ import annotations

import csv
import io

from flask import Blueprint, Response, abort, render_template

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.dashboard import metrics
from backoffice.dashboard.charts import bars

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")

#: name → (columns, rows function): every chart's numbers can be downloaded as CSV.
DATASETS = {
    "throughput": (("day", "reviewer", "decisions"), metrics.throughput),
    "decisions": (("rule", "verdict", "decisions"), metrics.decisions_by_rule),
    "appeals_by_rule": (("rule", "rulings", "appeals", "overturned", "appeal_rate", "overturn_rate"),
                        lambda: metrics.appeal_rates("rule")),
    "appeals_by_reviewer": (("reviewer", "rulings", "appeals", "overturned", "appeal_rate", "overturn_rate"),
                            lambda: metrics.appeal_rates("reviewer")),
    "precision_by_rule": (("rule", "confirmed", "dismissed", "precision"), lambda: metrics.precision("rule")),
    "precision_by_term": (("term", "confirmed", "dismissed", "precision"), lambda: metrics.precision("term")),
    "measures": (("day", "integrity_points_deducted", "integrity_points_restored", "deposit_deducted",
                  "deposit_refunded", "restrictions", "removals"), metrics.measure_totals),
}


@bp.get("")
@roles_required(Role.manager, Role.admin)
def index():
    data = {name: fn() for name, (_, fn) in DATASETS.items()}
    health = metrics.queue_health()
    per_reviewer: dict[str, int] = {}
    for _, login, n in data["throughput"]:
        per_reviewer[login] = per_reviewer.get(login, 0) + n
    charts = {
        "ages": bars(health["ages"]),
        "throughput": bars(sorted(per_reviewer.items(), key=lambda r: -r[1])),
        "precision": bars([(r[0], r[3]) for r in data["precision_by_rule"]]),
        "overturn": bars([(r[0], r[5]) for r in data["appeals_by_rule"]]),
    }
    return render_template("dashboard/index.html", health=health, data=data, charts=charts)


@bp.get("/<name>.csv")
@roles_required(Role.manager, Role.admin)
def download(name: str):
    if name not in DATASETS:
        abort(404)
    columns, fn = DATASETS[name]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(fn())
    # A BOM so that spreadsheet programs open the Chinese text correctly.
    return Response("\ufeff" + out.getvalue(), mimetype="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f"attachment; filename={name}.csv"})
