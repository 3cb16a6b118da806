"""A merchant files an appeal: statement, evidence files and, when asked, submission, as one operation.

The web form and the API both call :func:`file_appeal`; it never commits. On any refusal the caller
rolls back, and the rollback deletes the files the request stored (``operations.add_evidence``):
nothing of the request is kept, not half an appeal, not a file without its evidence row.

The web form keeps the good files of a mixed upload (``keep_good_files``): each refused file is
undone on its own savepoint and named with its reason, the statement and the other files are kept
as a draft, and the appeal is not sent until the merchant has seen what was refused.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import IO

import sqlalchemy as sa

from backoffice.appeals import operations as appeals
from backoffice.appeals import storage
from backoffice.appeals.models import Appeal
from backoffice.audit.operations import Actor
from backoffice.cases.models import CaseDecision
from backoffice.db import db


class Then(Enum):
    """What follows the statement and the files."""

    save = "save"  # keep it as a draft
    submit = "submit"  # send it to the reviewers


def file_appeal(actor: Actor, ruling: CaseDecision, statement: str, uploads: Iterable[tuple[IO[bytes], str]],
                then: Then, *, now: datetime | None = None, refused: list[tuple[str, str]] | None = None) -> Appeal:
    """Open the ruling's appeal (or continue the one that exists), save the statement, store the
    ``(stream, file name)`` uploads as evidence, then save or submit as ``then`` says.

    Once the appeal was submitted its statement is frozen: filing again is refused with
    :class:`~backoffice.appeals.operations.StatementFrozen` (409); what is new goes in as a supplement.

    With a ``refused`` list, a file the checks refuse (type, size, limits, a duplicate) is left out and
    appended as ``(file name, reason)`` instead of refusing the whole filing; if any was refused the
    appeal stays a draft."""
    appeal = db.session.scalar(sa.select(Appeal).filter_by(ruling_id=ruling.id)) or appeals.start(
        actor, ruling, now=now)
    appeals.save_statement(actor, appeal, statement, now=now)
    for stream, name in uploads:
        if refused is None:
            appeals.add_evidence(actor, appeal, stream, name, now=now)
            continue
        try:
            with db.session.begin_nested():
                appeals.add_evidence(actor, appeal, stream, name, now=now)
        except storage.UploadRejected as exc:
            db.session.expire(appeal, ["evidence"])
            refused.append((storage.clean_name(name), str(exc)))
    if then is Then.submit and not refused:
        appeals.submit(actor, appeal, now=now)
    return appeal
