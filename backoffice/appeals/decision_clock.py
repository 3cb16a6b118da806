"""The platform's own deadline to decide an appeal (issue 22), the mirror of the merchant's filing clock.

The merchant's clock runs while the appeal is with them (draft, awaiting_evidence) and pauses while
the reviewers hold it; the decision clock runs while the reviewers hold it (submitted) and pauses
while the appeal waits on the merchant (awaiting_evidence):

* the first submission starts it: ``appeal_review_sla_hours`` of the pack, on its clock;
* a request for evidence pauses it: the time left (business time when the pack counts business
  hours) is kept in ``decision_seconds_left`` and ``decision_due_at`` is cleared;
* the merchant's next submission resumes it with that time left, from the moment they submit.

An appeal that waited three working days on the merchant is thus due three working days later.
Called by ``appeals.operations`` under the appeal's row lock; never commits.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from backoffice.appeals.models import Appeal
from backoffice.cases.sla import deadlines_of
from backoffice.timeutil import platform_tz


def _deadlines(appeal: Appeal):
    return deadlines_of(appeal.ruling.case.platform.value)


def run(appeal: Appeal, now: datetime) -> None:
    """Start the clock on the first submission, or resume it with the time left when it was paused."""
    deadlines = _deadlines(appeal)
    if deadlines is None:
        return
    clock = deadlines.clock_in(platform_tz())
    if appeal.decision_seconds_left is not None:
        appeal.decision_due_at = clock.add(now, timedelta(seconds=appeal.decision_seconds_left))
        appeal.decision_seconds_left = None
    elif appeal.decision_due_at is None:
        appeal.decision_due_at = clock.add(now, timedelta(hours=int(deadlines.appeal_hours.value)))
        appeal.decision_basis = deadlines.basis()


def pause(appeal: Appeal, now: datetime) -> None:
    """Stop the clock while the appeal waits on the merchant, keeping the time it had left (none when late)."""
    deadlines = _deadlines(appeal)
    if deadlines is None or appeal.decision_due_at is None:
        return
    left = deadlines.clock_in(platform_tz()).between(now, appeal.decision_due_at)
    appeal.decision_seconds_left = int(left.total_seconds())
    appeal.decision_due_at = None

