"""The life of an appeal, stated once: which status may follow which, and the verb that moves it.

Appeals (``Appeal.status``); ``start`` opens one as a ``draft``. From → to: the verbs of
``appeals.operations``::

    draft             → submitted          submit
    submitted         → awaiting_evidence  request_evidence (the merchant's clock runs again)
                      → decided            decide
    awaiting_evidence → submitted          submit (with the added evidence)
    decided: final.

The statement is frozen once the appeal leaves ``draft``: what the merchant adds afterwards goes in as
dated supplements (``appeals.supplements``), accepted until the appeal is decided.

The merchant's filing clock runs in ``draft`` and ``awaiting_evidence`` and is paused while the
appeal is with the reviewers (``submitted``); the platform's decision clock (``decision_clock``) runs
in ``submitted`` and is paused in ``awaiting_evidence``. Operations check what they need first and refuse with
their own message; :func:`transition` is the backstop that refuses any move the table does not hold.
"""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import lazy_gettext as _l

from backoffice.accounts.models import User
from backoffice.appeals.models import Appeal, AppealStatus
from backoffice.cases.states import SENIOR_ROLES, Machine
from backoffice.labels import APPEAL_STATUS_LABELS

_A = AppealStatus
APPEALS = Machine(
    states=tuple(AppealStatus),
    transitions={
        (_A.draft, _A.submitted): ("submit",),
        (_A.submitted, _A.awaiting_evidence): ("request_evidence",),
        (_A.submitted, _A.decided): ("decide",),
        (_A.awaiting_evidence, _A.submitted): ("submit",),
    },
    labels=APPEAL_STATUS_LABELS,
    refusal=lambda appeal, state, target: _l(
        "Appeal %(id)s is “%(state)s” and cannot become “%(target)s”. Reload the page to see where it "
        "stands.", id=appeal.id, state=state, target=target),
)

transition: Callable[[Appeal, AppealStatus], None] = APPEALS.transition


def can_submit(appeal: Appeal) -> bool:
    """The merchant may still send it (a draft, or the evidence asked for); their clock runs."""
    return appeal.status in APPEALS.sources(AppealStatus.submitted)


def statement_frozen(appeal: Appeal) -> bool:
    """Submitted once (the only way out of ``draft``): the reviewers read the statement as it was sent."""
    return appeal.status is not AppealStatus.draft


def takes_supplements(appeal: Appeal) -> bool:
    """Submitted and not decided: the merchant may add a supplement."""
    return statement_frozen(appeal) and not is_decided(appeal)


def with_reviewers(appeal: Appeal) -> bool:
    """Submitted and waiting for a senior reviewer; the merchant's clock is paused."""
    return appeal.status is AppealStatus.submitted


def evidence_requested(appeal: Appeal) -> bool:
    return appeal.status is AppealStatus.awaiting_evidence


def is_decided(appeal: Appeal) -> bool:
    return appeal.status in APPEALS.terminal


def can_decide(appeal: Appeal, user: User | None) -> bool:
    """A senior reviewer or manager who took no part in the ruling decides a submitted appeal (or asks
    for more evidence)."""
    return (user is not None and user.role in SENIOR_ROLES and with_reviewers(appeal)
            and user.id not in (appeal.ruling.decided_by_id, appeal.ruling.approved_by_id))
