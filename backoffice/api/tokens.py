"""Issue, look up and revoke API bearer tokens."""

from __future__ import annotations

import hashlib
import secrets

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from backoffice.accounts.models import Role, User
from backoffice.api.models import ApiToken, Scope
from backoffice.audit.operations import Actor, record
from backoffice.db import db, utcnow
from backoffice.failures import DomainError

TOKEN_PREFIX = "bo_"  # noqa: S105 - the public prefix of every token, not a secret

#: The scopes that make sense for each role; a token never carries powers its role lacks.
ROLE_SCOPES = {
    Role.merchant: frozenset({Scope.read, Scope.appeal}),
    Role.reviewer: frozenset({Scope.read, Scope.review, Scope.ingest}),
    Role.senior_reviewer: frozenset({Scope.read, Scope.review, Scope.ingest}),
    Role.manager: frozenset({Scope.read, Scope.review, Scope.approve, Scope.ingest, Scope.events}),
    Role.admin: frozenset(Scope),
}


class TokenError(DomainError, ValueError):
    """A token cannot be issued as asked; the message is for people."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(actor: Actor, user: User, scopes: list[Scope], description: str = "") -> tuple[ApiToken, str]:
    """Create a token for ``user``; return the row and the secret, which is shown only once."""
    if not scopes:
        raise TokenError(_l("Choose at least one scope."))
    if not user.is_enabled:
        raise TokenError(_l("Tokens cannot be issued for a disabled account."))
    beyond = sorted(s.value for s in set(scopes) - ROLE_SCOPES[user.role])
    if beyond:
        raise TokenError(_l("A %(role)s account cannot hold the scope(s): %(scopes)s.",
                            role=user.role.value, scopes=", ".join(beyond)))
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        prefix=secret[:10],
        token_hash=_digest(secret),
        scopes=" ".join(sorted({s.value for s in scopes})),
        description=description.strip()[:200],
    )
    db.session.add(token)
    db.session.flush()
    record(actor, "token.create", "api_token", token.id,
           after={"user": user.login, "scopes": token.scopes, "prefix": token.prefix})
    return token, secret


def revoke_token(actor: Actor, token: ApiToken) -> None:
    if token.revoked_at is not None:
        return
    token.revoked_at = utcnow()
    db.session.flush()
    record(actor, "token.revoke", "api_token", token.id, after={"prefix": token.prefix})


def resolve_token(secret: str) -> ApiToken | None:
    """Return the live token for a presented secret, or None."""
    token = db.session.scalar(sa.select(ApiToken).filter_by(token_hash=_digest(secret)))
    if token is None or token.revoked_at is not None or not token.user.is_enabled:
        return None
    return token


def list_tokens() -> list[ApiToken]:
    return list(db.session.scalars(sa.select(ApiToken).order_by(ApiToken.id.desc())))
