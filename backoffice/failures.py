"""One way to fail: every operation error is a :class:`DomainError`, with an HTTP status and a message.

No Flask here: pure operations raise these. The web helper (``backoffice.web.committing``) rolls back
and flashes the message; the API error handler (``backoffice.errors``) rolls back and answers
``{"error": {"code", "message"}}`` with ``status``.
"""

from __future__ import annotations


class DomainError(Exception):
    """An operation that cannot be carried out; nothing of it may be kept (the caller rolls back).

    ``status`` is the HTTP status of the refusal: 422 (the request cannot be carried out as asked),
    409 (:class:`Conflict`: the state changed or does not allow it) or 403 (:class:`NotAllowed`:
    independence, this person may not do it). ``code`` names the error in JSON answers; None means
    the status's usual code.
    """

    status: int = 422
    code: str | None = None

    @property
    def message(self) -> str:
        """The message for people (a lazy translation is translated now)."""
        return str(self.args[0]) if self.args else ""


class Conflict(DomainError):
    """The thing changed since it was read, or its state does not allow the request."""

    status = 409


class NotAllowed(DomainError):
    """This person may not do it, whatever the state (independence, four-eyes)."""

    status = 403
