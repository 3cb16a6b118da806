"""A merchant files an appeal: statement, evidence files and, when asked, submission, as one operation.

The web form and the API both call :func:`file_appeal`; it never commits. On any refusal the caller
rolls back, and the rollback deletes the files the request stored (``operations.add_evidence``):
nothing of the request is kept, not half an appeal, not a file without its evidence row.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import IO

import sqlalchemy as sa

from backoffice.appeals import operations as appeals
from backoffice.appeals.models import Appeal
from backoffice.audit.operations import Actor
from backoffice.cases.models import CaseDecision
from backoffice.db import db


class Then(Enum):
    """What follows the statement and the files."""

    save = "save"  # keep it as a draft
    submit = "submit"  # send it to the reviewers


def file_appeal(actor: Actor, ruling: CaseDecision, statement: str, uploads: Iterable[tuple[IO[bytes], str]],
                then: Then, *, now: datetime | None = None) -> Appeal:
    """Open the ruling's appeal (or continue the one that exists), save the statement, store the
    ``(stream, file name)`` uploads as evidence, then save or submit as ``then`` says.

    Once the appeal was submitted its statement is frozen: filing again is refused with
    :class:`~backoffice.appeals.operations.StatementFrozen` (409); what is new goes in as a supplement."""
    appeal = db.session.scalar(sa.select(Appeal).filter_by(ruling_id=ruling.id)) or appeals.start(
        actor, ruling, now=now)
    appeals.save_statement(actor, appeal, statement, now=now)
    for stream, name in uploads:
        appeals.add_evidence(actor, appeal, stream, name, now=now)
    if then is Then.submit:
        appeals.submit(actor, appeal, now=now)
    return appeal
