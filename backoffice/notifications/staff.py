"""What the staff are told in the app (and by e-mail): escalations and help requests for the senior
reviewers, answers for the reviewer who asked, approvals waiting for the managers, a ruling changed on
appeal for the reviewer who decided it, and cases and appeals near or past their deadline.

Each notification is written in its reader's language, like the merchants' ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError

from backoffice.accounts.models import Role, User
from backoffice.db import db, utcnow
from backoffice.notifications.models import Notification
from backoffice.notifications.operations import notify_user

SENIORS = (Role.senior_reviewer, Role.manager)


def _who(user: User | None) -> str:
    return (user.display_name or user.login) if user is not None else "—"


def staff_with(*roles: Role, but: int | None = None) -> list[User]:
    return list(db.session.scalars(sa.select(User).where(User.role.in_(roles), User.is_enabled.is_(True),
                                                         User.id != (but or 0)).order_by(User.id)))


def notify_staff(users: Iterable[User], kind: str, render: Callable[[], tuple], link: str,
                 key: str | None = None) -> int:
    """Notify each of ``users`` in their own language; with ``key``, once per user and key."""
    sent = 0
    for user in users:
        with force_locale(user.locale or "zh"):
            title, body = (str(part) for part in render())
        if key is None:
            notify_user(user, kind, title, body, link)
        elif db.session.scalar(sa.select(Notification.id).filter_by(user_id=user.id, key=key)) is not None:
            continue
        else:
            try:
                with db.session.begin_nested():  # a concurrent sweep wrote it first: its row stands
                    notify_user(user, kind, title, body, link).key = key
                    db.session.flush()
            except IntegrityError:
                continue
        sent += 1
    return sent


def help_asked(request) -> None:
    from backoffice.cases.help_requests import HelpKind

    asker, case_id = request.asked_by, request.case_id
    if request.kind is HelpKind.escalation:
        title = lambda: _l("Case %(id)d was escalated to the senior reviewers", id=case_id)  # noqa: E731
    else:
        title = lambda: _l("%(who)s asks for help on case %(id)d", who=_who(asker), id=case_id)  # noqa: E731
    notify_staff(staff_with(*SENIORS, but=asker.id), f"case_{request.kind.value}",
                 lambda: (title(), _l("%(who)s: %(reason)s", who=_who(asker), reason=request.reason)),
                 f"/cases/{case_id}#help")


def help_answered(request) -> None:
    notify_staff([request.asked_by], "help_answered", lambda: (
        _l("Your request on case %(id)d was answered", id=request.case_id),
        _l("%(who)s: %(answer)s", who=_who(request.answered_by), answer=request.answer)),
        f"/cases/{request.case_id}#help")


def approval_waiting(decision) -> None:
    notify_staff(staff_with(Role.manager, but=decision.decided_by_id), "approval_waiting", lambda: (
        _l("A decision on case %(id)d waits for your approval", id=decision.case_id),
        _l("Decided by %(who)s.", who=_who(decision.decided_by))), "/approvals")


def ruling_changed(appeal) -> None:
    """Tell the reviewer whose ruling an appeal overturned or reduced, with the reasons."""
    from backoffice.appeals.models import AppealOutcome

    ruling = appeal.ruling
    if ruling.decided_by is None or appeal.outcome is AppealOutcome.upheld:
        return
    if appeal.outcome is AppealOutcome.overturned:
        title = lambda: _l("Your ruling on case %(id)d was overturned on appeal", id=ruling.case_id)  # noqa: E731
    else:
        title = lambda: _l("Your ruling on case %(id)d was reduced on appeal", id=ruling.case_id)  # noqa: E731
    notify_staff([ruling.decided_by], f"ruling_{appeal.outcome.value}", lambda: (
        title(), _l("Reasons given by %(who)s: %(reason)s", who=_who(db.session.get(User, appeal.decided_by_id)),
                    reason=appeal.outcome_reason)), f"/cases/{ruling.case_id}")


def notify_overdue(now: datetime | None = None, limit: int = 500) -> int:
    """Tell the holder (or, for a case nobody holds, the managers) of each open case past its deadline,
    and the senior reviewers and managers who may decide it of each appeal past its decision deadline.

    Once per case or appeal and person: the notification's key is unique per user, so a sweep run
    again, or two at once, adds nothing twice. Returns how many notifications were written.
    """
    from backoffice.appeals.models import Appeal
    from backoffice.cases.models import Case

    now = now or utcnow()
    cases = _tell_holders(Case.sla_due_at < now, "case_overdue", "overdue", lambda case: (
        _l("Case %(id)d is past its deadline", id=case.id),
        _l("It was due %(due)s.", due=_due(case.sla_due_at))), limit)
    return cases + _tell_deciders(Appeal.decision_due_at < now, "appeal_overdue", "overdue", lambda appeal: (
        _l("Appeal %(id)d is past its decision deadline", id=appeal.id),
        _l("It was due %(due)s.", due=_due(appeal.decision_due_at))), limit)


def notify_due_soon(now: datetime | None = None, limit: int = 500) -> int:
    """Tell the holder (or the managers) of each open case due within SLA_WARNING_MINUTES, and the
    deciders of each appeal due for a decision within it, before it is late.

    Once per case or appeal and person, like :func:`notify_overdue` (whose sweep takes over once the
    deadline has passed). An appeal waiting on the merchant has no running deadline (its clock is
    paused) and is not warned about. Returns how many were written.
    """
    from backoffice.appeals.models import Appeal
    from backoffice.cases.models import Case

    now = now or utcnow()
    window = timedelta(minutes=int(current_app.config["SLA_WARNING_MINUTES"]))
    if window <= timedelta(0):
        return 0
    cases = _tell_holders(Case.sla_due_at.between(now, now + window), "case_due_soon", "due_soon", lambda case: (
        _l("Case %(id)d is due soon", id=case.id),
        _l("It is due %(due)s (Beijing time).", due=_due(case.sla_due_at))), limit)
    return cases + _tell_deciders(
        Appeal.decision_due_at.between(now, now + window), "appeal_due_soon", "due_soon", lambda appeal: (
            _l("Appeal %(id)d is due for a decision soon", id=appeal.id),
            _l("It is due %(due)s (Beijing time).", due=_due(appeal.decision_due_at))), limit)


def _tell_holders(due, kind: str, key: str, render: Callable, limit: int) -> int:
    from backoffice.cases.models import OPEN_STATUSES, Case

    cases = db.session.scalars(sa.select(Case).where(Case.status.in_(OPEN_STATUSES), due)
                               .order_by(Case.sla_due_at, Case.id).limit(limit)).all()
    managers = None
    sent = 0
    for case in cases:
        if case.claimed_by is not None:
            readers = [case.claimed_by]
        else:
            managers = managers if managers is not None else staff_with(Role.manager)
            readers = managers
        sent += notify_staff(readers, kind, lambda case=case: render(case), f"/cases/{case.id}",
                             key=f"{key}:case:{case.id}")
    return sent


def _tell_deciders(due, kind: str, key: str, render: Callable, limit: int) -> int:
    """Tell those who may decide each appeal with the reviewers (submitted) that ``due`` selects: the
    senior reviewers and managers, less whoever decided or approved the ruling (they may not)."""
    from backoffice.appeals.models import Appeal, AppealStatus
    from backoffice.appeals.states import can_decide

    appeals = db.session.scalars(sa.select(Appeal).where(Appeal.status == AppealStatus.submitted, due)
                                 .order_by(Appeal.decision_due_at, Appeal.id).limit(limit)).all()
    deciders = staff_with(*SENIORS) if appeals else []
    sent = 0
    for appeal in appeals:
        sent += notify_staff([u for u in deciders if can_decide(appeal, u)], kind,
                             lambda appeal=appeal: render(appeal), f"/appeals/{appeal.id}",
                             key=f"{key}:appeal:{appeal.id}")
    return sent


def _due(when: datetime) -> str:
    from backoffice.timeutil import to_platform_tz

    return to_platform_tz(when).strftime("%Y-%m-%d %H:%M")
