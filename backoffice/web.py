"""What web views share: who acts, and one way to run an operation (commit, or roll back and say why)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from flask import flash, request
from flask_login import current_user

from backoffice.audit.operations import Actor
from backoffice.db import db
from backoffice.failures import DomainError


def acting_user() -> Actor:
    """The signed-in person, as the actor of the operations a web request performs."""
    return Actor(current_user._get_current_object(), "web")


class Outcome:
    """What :func:`committing` yields: true when the block's work was committed; ``error`` otherwise."""

    error: DomainError | None = None

    def __bool__(self) -> bool:
        return self.error is None

    @property
    def status(self) -> int:
        """The HTTP status for a page shown again after the refusal (200 when nothing was refused)."""
        return self.error.status if self.error is not None else 200


@contextmanager
def committing(success: str | None = None, category: str = "success") -> Iterator[Outcome]:
    """Run the block's operations as one transaction.

    On success commit and flash ``success`` (when given). On a :class:`DomainError` roll back, so that
    nothing of the block is kept, flash the error's message and carry on after the block with a false
    :class:`Outcome`. Any other exception rolls back too and propagates.
    """
    outcome = Outcome()
    try:
        yield outcome
    except DomainError as exc:
        db.session.rollback()
        outcome.error = exc
        flash(exc.message, "error")
    except BaseException:
        db.session.rollback()
        raise
    else:
        db.session.commit()
        if success:
            flash(success, category)


def uploaded_files(field: str) -> list[tuple[IO[bytes], str]]:
    """The files of a multipart field as ``(stream, file name)`` pairs; an empty file input sends none."""
    return [(upload.stream, upload.filename) for upload in request.files.getlist(field)
            if upload and upload.filename]
