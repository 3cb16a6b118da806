"""The daily manual sweep: a reviewer opens a case on messages the detector missed.

ZBJ (seed 000): "平台除了风险系统识别,人工每天也会全部排查此类行为,一经查实则平台规则严肃处理". Such a
case is found by a person, not by the system: its flags have the source ``sweep``, it takes no
automatic measure (those follow the system's trigger only) and waits for a reviewer's decision like
any other case.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backoffice.audit.operations import Actor, record
from backoffice.cases.models import Case, CaseNote, Flag, FlagSource
from backoffice.cases.operations import add_flags, open_case_for
from backoffice.conversations.models import Conversation, Message, SenderRole
from backoffice.db import db, lock_row, utcnow
from backoffice.failures import Conflict, DomainError
from backoffice.policy import UnknownRuleError, get_rulebook

#: The detector name of a sweep finding (shown to people as "manual sweep").
SWEEP_DETECTOR = "manual_sweep"


class SweepError(DomainError, ValueError):
    """A sweep finding that cannot be recorded as given; the message is for people."""


class SweepConflict(SweepError, Conflict):
    """A case under this rule is already open on the conversation (perhaps opened a moment ago)."""


#: As long as a note on a case may be (the web form caps it the same way).
MAX_NOTE = 2000


def open_sweep_case(actor: Actor, conversation: Conversation, message_ids: Sequence[int], rule_code: str,
                    note: str, *, now: datetime | None = None) -> Case:
    """Open a case on the merchant's messages a reviewer chose, under the rule they chose.

    :raises SweepConflict: a case under the rule is already open on the conversation (409).
    """
    if not note.strip():
        raise SweepError(_l("Say what you found in these messages."))
    if len(note) > MAX_NOTE:
        raise SweepError(_l("Say what you found in at most %(n)d characters.", n=MAX_NOTE))
    try:
        rule = get_rulebook().rule(rule_code)
    except UnknownRuleError:
        raise SweepError(_l("Choose one of the platform's rules.")) from None
    if str(rule.platform) != conversation.platform.value:
        raise SweepError(_l("Choose one of the platform's rules."))
    if not message_ids:
        raise SweepError(_l("Choose the messages that break the rule."))
    # Ingestion locks the conversation too: one writer of its cases at a time, so two reviewers sweeping
    # the same messages at once open one case, and the second is told where it is.
    lock_row(conversation)
    messages = list(db.session.scalars(sa.select(Message).where(
        Message.conversation_id == conversation.id, Message.id.in_(set(message_ids))).order_by(Message.id)))
    if len(messages) != len(set(message_ids)):
        raise SweepError(_l("Choose messages of this conversation."))
    if any(m.sender_role is not SenderRole.merchant for m in messages):
        raise SweepError(_l("Only the merchant's own messages can break these rules; choose those."))
    existing = open_case_for(conversation, rule.code)
    if existing is not None:
        raise SweepConflict(_l("Case %(id)d is already open on this conversation under this rule; add your "
                               "finding to it there.", id=existing.id))
    now = now or utcnow()
    flags = [Flag(conversation_id=conversation.id, message_id=m.id, source=FlagSource.sweep, rule_code=rule.code,
                  category=rule.category, detector=SWEEP_DETECTOR, start=0, end=len(m.text),
                  matched=m.text[:500], where="text", confidence=1.0, view="folded")
             for m in messages]
    db.session.add_all(flags)
    case, _ = add_flags(actor, conversation, rule.code, rule.category, flags, now)
    if actor.user is not None:
        db.session.add(CaseNote(case_id=case.id, author_id=actor.user.id, body=note.strip()))
    record(actor, "case.sweep", "case", case.id,
           after={"rule": rule.code, "messages": [m.external_id for m in messages], "note": note.strip()})
    return case
