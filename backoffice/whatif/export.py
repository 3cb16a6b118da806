"""The differences of a replay as rows (for CSV and the command line), one row per changed measure."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

from backoffice.policy import PlannedMeasure
from backoffice.whatif.replay import Report

COLUMNS = ("merchant_id", "merchant", "decision_id", "rule_code", "severity", "decided_at", "offence_before",
           "offence_after", "measure", "change", "before", "after", "before_value", "after_value")


def value(x: PlannedMeasure | None) -> str:
    """The measure's key number: points, yuan taken, duration; empty when absent."""
    if x is None:
        return ""
    if x.type == "integrity_points":
        return str(x.integrity_points)
    if x.type == "violation_points":
        return str(x.violation_points)
    if x.type == "deposit_deduction":
        return str(x.applied)
    if x.type == "consumer_compensation":
        return str(x.amount)
    if x.permanent:
        return "permanent"
    if x.minutes:
        return f"{x.minutes} min"
    if x.days:
        return f"{x.days} d"
    return "until lifted" if x.until_lifted else "yes"


def rows(report: Report, tz: ZoneInfo,
         label: Callable[[PlannedMeasure], str] = PlannedMeasure.label) -> Iterator[tuple[str, ...]]:
    for o in report.differences:
        r = o.record
        for c in o.changes:
            change = "added" if c.before is None else "dropped" if c.after is None else "changed"
            yield (r.merchant_ref, r.merchant_name, str(r.id), r.rule_code, r.severity,
                   r.decided_at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
                   str(r.offence_no), str(o.offence_after),
                   c.type + (f" ({c.track})" if c.track else ""), change,
                   label(c.before) if c.before else "", label(c.after) if c.after else "",
                   value(c.before), value(c.after))


def csv_text(report: Report, tz: ZoneInfo,
             label: Callable[[PlannedMeasure], str] = PlannedMeasure.label) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(rows(report, tz, label))
    # A BOM so that spreadsheet programs open the Chinese names correctly (as the dashboard's CSVs).
    return "\ufeff" + out.getvalue()
