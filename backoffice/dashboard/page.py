"""Turn the dashboard's rows into charts and summaries for the page; people-facing labels are made here."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from backoffice.cases.models import Verdict
from backoffice.dashboard import metrics
from backoffice.dashboard.charts import SERIES, bars, columns, diverging, stacked_bars
from backoffice.labels import VERDICT_LABELS
from backoffice.policy.titles import rule_title

AGE_LABELS = {"<1h": _l("under 1 hour"), "1–4h": _l("1 to 4 hours"), "4–24h": _l("4 to 24 hours"),
              "1–3d": _l("1 to 3 days"), ">3d": _l("over 3 days")}

#: (title, imposed column, reversed column, imposed label, reversed label, kind of number)
MEASURE_PANELS = (
    (_l("Integrity points (ZBJ)"), "integrity_points_deducted", "integrity_points_restored",
     _l("deducted"), _l("restored"), "count"),
    (_l("Violation points (Taobao)"), "violation_points_charged", "violation_points_cancelled",
     _l("charged"), _l("cancelled"), "points"),
    (_l("Deposit (yuan)"), "deposit_deducted", "deposit_refunded", _l("deducted"), _l("refunded"), "money"),
    (_l("Restrictions"), "restrictions_imposed", "restrictions_lifted", _l("imposed"),
     _l("lifted or shortened"), "count"),
    (_l("Removals"), "removals", "removals_reversed", _l("imposed"), _l("reversed"), "count"),
)


def rule_label(code: str) -> str:
    return rule_title(None if code == metrics.NONE else code)


def _total(values, kind: str) -> str:
    if kind == "count":
        return str(sum(int(v) for v in values))
    total = sum((Decimal(v) for v in values), Decimal("0"))
    return metrics.format_money(total) if kind == "money" else metrics.format_points(total)


def _throughput(rows, days: list[str]):
    per_reviewer: Counter[str] = Counter()
    per_day: dict[str, Counter[str]] = defaultdict(Counter)
    for day, login, n in rows:
        per_reviewer[login] += n
        per_day[login][day] += n
    ranked = sorted(per_reviewer, key=lambda login: (-per_reviewer[login], login))
    # One colour per reviewer while they fit; the rest share the last colour. Alphabetical, so that a
    # reviewer keeps a colour from one period to the next.
    shown = sorted(ranked if len(ranked) <= SERIES else ranked[:SERIES - 1])
    series = [(login, [per_day[login][d] for d in days]) for login in shown]
    rest = [login for login in ranked if login not in shown]
    if rest:
        series.append((_("%(n)d others", n=len(rest)), [sum(per_day[r][d] for r in rest) for d in days]))
    totals = [(login, per_reviewer[login]) for login in ranked]
    return series, totals


def build_charts(health: metrics.QueueHealth, data: dict, period: metrics.Period) -> dict:
    days = period.labels()
    charts: dict = {"ages": bars([(str(AGE_LABELS[label]), n) for label, n in health.ages],
                                 title=_("Age of open cases"))}
    series, totals = _throughput(data["throughput"], days)
    charts["throughput_days"] = columns(days, series, title=_("Decisions per day, by reviewer"), width=640)
    charts["throughput_reviewers"] = bars(totals, title=_("Decisions per reviewer"), width=420)
    charts["reviewer_totals"] = totals
    verdicts = list(Verdict)
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0] * len(verdicts))
    for rule, verdict, n in data["decisions"]:
        by_rule[rule][verdicts.index(Verdict(verdict))] += n
    ranked = sorted(by_rule.items(), key=lambda r: (-sum(r[1]), r[0]))
    charts["decision_rows"] = [(rule, counts, sum(counts)) for rule, counts in ranked]
    charts["verdicts"] = [v.value for v in verdicts]
    charts["decisions"] = stacked_bars(
        [(rule_label(rule), counts) for rule, counts in ranked],
        [str(VERDICT_LABELS[v]) for v in verdicts], title=_("Decisions by rule and verdict"), width=760)
    charts["overturn"] = bars([(rule_label(r[0]), r[8]) for r in data["appeals_by_rule"] if r[8] is not None],
                              title=_("Overturn rate on appeal by rule"), percent=True, width=760)
    charts["precision"] = bars([(rule_label(r[0]), r[5]) for r in data["precision_by_rule"]
                                if r[5] is not None],
                               title=_("Detector precision by rule"), percent=True, width=760)
    charts["measures"] = _measure_panels(data["measures"], days)
    charts["measure_days"] = active_measure_days(data["measures"])
    charts["measure_sums"] = measure_sums(data["measures"])
    return charts


def _measure_panels(rows, days: list[str]) -> list[dict]:
    index = {name: i + 1 for i, name in enumerate(metrics.MEASURE_COLUMNS)}
    panels = []
    for title, up_col, down_col, up_label, down_label, kind in MEASURE_PANELS:
        up, down = [row[index[up_col]] for row in rows], [row[index[down_col]] for row in rows]
        panels.append({
            "title": str(title), "up_label": str(up_label), "down_label": str(down_label),
            "up": _total(up, kind), "down": _total(down, kind),
            "chart": diverging(days, up, down, title=f"{title}: {up_label} / {down_label}",
                               up_label=str(up_label), down_label=str(down_label)),
        })
    return panels


def active_measure_days(rows) -> list[tuple]:
    """The days on which anything was imposed or reversed, newest first (the CSV has every day)."""
    return [row for row in reversed(rows) if any(Decimal(str(v)) for v in row[1:])]


def measure_sums(rows) -> list[str]:
    kinds = {column: panel[5] for panel in MEASURE_PANELS for column in panel[1:3]}
    return [_total([row[i + 1] for row in rows], kinds[name])
            for i, name in enumerate(metrics.MEASURE_COLUMNS)]
