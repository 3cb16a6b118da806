"""The managers' service-quality report: reply rate, late replies, good reviews, complaints by shop or day."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from backoffice.accounts.models import Role
from backoffice.accounts.permissions import roles_required
from backoffice.dashboard.metrics import DEFAULT_PERIOD, PERIODS, period
from backoffice.db import utcnow
from backoffice.merchants.models import Platform
from backoffice.quality import figures
from backoffice.quality.targets import FIGURES, marks

bp = Blueprint("quality", __name__, url_prefix="/quality")

VIEWS = ("shops", "days")
#: Sortable columns; "shop" and "day" sort by name and date, the others by the figure.
SORTS = ("shop", "day", "asked", *FIGURES)


def _choice(name: str, allowed, default):
    value = request.args.get(name, default)
    return value if value in allowed else default


@bp.get("")
@roles_required(Role.manager, Role.admin)
def index():
    days = int(_choice("days", [str(p) for p in PERIODS], str(DEFAULT_PERIOD)))
    platform_arg = _choice("platform", [p.value for p in Platform], "")
    platform = Platform(platform_arg) if platform_arg else None
    view = _choice("view", VIEWS, "shops")
    sort = _choice("sort", SORTS, "shop" if view == "shops" else "day")
    if sort == "day" and view == "shops":
        sort = "shop"
    descending = request.args.get("dir") == "desc"
    now = utcnow()
    p = period(days, now)
    daily = figures.daily(p, platform=platform, now=now)
    rows = figures.per_shop(daily) if view == "shops" else figures.per_day(daily, p, "")
    rows = sort_rows(rows, sort, descending)
    settings = figures.settings_for(platform) if platform else None
    marked = [(row, marks(figures.settings_for(row.platform) if row.platform else settings, row.counts))
              for row in rows]
    shown = [platform] if platform else list(Platform)
    targets = [(p_, figures.settings_for(p_)) for p_ in shown]
    return render_template("quality/index.html", rows=marked, days=days, periods=PERIODS, period=p, now=now,
                           platform=platform_arg, view=view, sort=sort, descending=descending,
                           platforms=list(Platform), packs=[t for t in targets if t[1] is not None])


def sort_rows(rows: list[figures.Row], sort: str, descending: bool) -> list[figures.Row]:
    """Rows in the chosen order; a row with nothing to measure goes last either way."""
    if sort in ("shop", "day"):
        return sorted(rows, key=lambda r: (r.merchant, r.merchant_id or 0) if sort == "shop" else r.day,
                      reverse=descending)
    known = [r for r in rows if _value(r, sort) is not None]
    unknown = [r for r in rows if _value(r, sort) is None]
    return sorted(known, key=lambda r: _value(r, sort), reverse=descending) + unknown


def _value(row: figures.Row, sort: str):
    return row.counts.asked if sort == "asked" else getattr(row.counts, sort)
