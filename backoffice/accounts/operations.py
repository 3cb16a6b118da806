"""Domain verbs for accounts: create, change, disable, authenticate."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app
from flask_babel import lazy_gettext as _l

from backoffice.accounts.models import LoginFailure, Role, User
from backoffice.accounts.passwords import (
    MIN_PASSWORD_LENGTH,
    hash_password,
    needs_rehash,
    verify_password,
)
from backoffice.accounts.sessions import revoke_sessions
from backoffice.audit.operations import Actor, record
from backoffice.db import db, utcnow
from backoffice.failures import DomainError
from backoffice.merchants.models import Merchant

LOGIN_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,63}$")


class AccountError(DomainError, ValueError):
    """A request about accounts that cannot be carried out; the message is for people."""


def _user_state(user: User) -> dict:
    return {
        "login": user.login,
        "role": user.role.value,
        "merchant": user.merchant.external_id if user.merchant else None,
        "enabled": user.is_enabled,
        "display_name": user.display_name,
    }


def find_merchant(external_id: str) -> Merchant:
    merchant = db.session.scalar(sa.select(Merchant).filter_by(external_id=external_id))
    if merchant is None:
        raise AccountError(_l("No merchant with external id %(id)s exists.", id=external_id))
    return merchant


def _check_link(role: Role, merchant: Merchant | None) -> None:
    if role is Role.merchant and merchant is None:
        raise AccountError(_l("A merchant account must be linked to a merchant record."))
    if role is not Role.merchant and merchant is not None:
        raise AccountError(_l("Only merchant accounts can be linked to a merchant record."))


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(
            _l("The password must be at least %(n)d characters long.", n=MIN_PASSWORD_LENGTH)
        )


def create_user(
    actor: Actor,
    *,
    login: str,
    role: Role,
    password: str,
    merchant: Merchant | None = None,
    display_name: str = "",
) -> User:
    """Create an enabled account."""
    login = login.strip().lower()
    if not LOGIN_PATTERN.match(login):
        raise AccountError(
            _l("Logins use 2–64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.")
        )
    if db.session.scalar(sa.select(User.id).filter_by(login=login)) is not None:
        raise AccountError(_l("The login %(login)s is already taken.", login=login))
    _check_link(role, merchant)
    check_password(password)
    user = User(
        login=login,
        role=role,
        merchant=merchant,
        display_name=display_name.strip(),
        password_hash=hash_password(password),
    )
    db.session.add(user)
    db.session.flush()
    record(actor, "user.create", "user", user.id, after=_user_state(user))
    return user


def update_user(
    actor: Actor,
    user: User,
    *,
    role: Role,
    merchant: Merchant | None,
    display_name: str,
) -> User:
    """Change an account's role, merchant link and display name."""
    _check_link(role, merchant)
    if actor.user is not None and user.id == actor.user.id and role is not user.role:
        raise AccountError(_l("You cannot change your own role."))
    if user.role is Role.admin and role is not Role.admin:
        _keep_an_admin(user)
    before = _user_state(user)
    role_changed = role is not user.role
    user.role, user.merchant, user.display_name = role, merchant, display_name.strip()
    if role_changed:
        # Pages open under the old role must not keep its powers.
        revoke_sessions(user)
    db.session.flush()
    after = _user_state(user)
    if after != before:
        record(actor, "user.update", "user", user.id, before=before, after=after)
    return user


def set_enabled(actor: Actor, user: User, enabled: bool) -> User:
    """Disable or re-enable an account; disabling ends its sessions and tokens' effect."""
    if user.is_enabled == enabled:
        return user
    if not enabled and actor.user is not None and actor.user.id == user.id:
        raise AccountError(_l("You cannot disable your own account."))
    if not enabled and user.role is Role.admin:
        _keep_an_admin(user)
    before = _user_state(user)
    user.is_enabled = enabled
    if not enabled:
        revoke_sessions(user)
        _revoke_tokens(actor, user)
    db.session.flush()
    record(actor, "user.enable" if enabled else "user.disable", "user", user.id,
           before=before, after=_user_state(user))
    return user


def _keep_an_admin(user: User) -> None:
    others = db.session.scalar(
        sa.select(sa.func.count()).select_from(User)
        .where(User.role == Role.admin, User.is_enabled, User.id != user.id)
    )
    if not others:
        raise AccountError(_l("%(login)s is the last enabled administrator.", login=user.login))


def _revoke_tokens(actor: Actor, user: User) -> None:
    # Re-enabling an account must not bring old credentials back to life.
    from backoffice.api.models import ApiToken
    from backoffice.api.tokens import revoke_token

    for token in db.session.scalars(sa.select(ApiToken).filter_by(user_id=user.id, revoked_at=None)):
        revoke_token(actor, token)


def set_password(actor: Actor, user: User, password: str) -> None:
    """Replace the password and sign the account out everywhere."""
    check_password(password)
    user.password_hash = hash_password(password)
    revoke_sessions(user)
    db.session.flush()
    record(actor, "user.password", "user", user.id)


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    throttled: bool = False
    disabled: bool = False


def authenticate(login: str, password: str, address: str) -> LoginResult:
    """Check credentials, with failures throttled per account and per address."""
    login = login.strip().lower()[:64]
    anonymous = Actor(None, "web")
    if _is_throttled(login, address):
        record(anonymous, "user.login_throttled", "login", login, after={"address": address})
        return LoginResult(None, throttled=True)
    user = db.session.scalar(sa.select(User).filter_by(login=login))
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None:
        db.session.add(LoginFailure(login=login, address=address[:64]))
        record(anonymous, "user.login_failed", "login", login, after={"address": address})
        return LoginResult(None)
    if not user.is_enabled:
        # The right password proves who is asking, so telling them why is safe.
        return LoginResult(None, disabled=True)
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    db.session.execute(sa.delete(LoginFailure).where(LoginFailure.login == login))
    record(Actor(user, "web"), "user.login", "user", user.id)
    return LoginResult(user)


def clear_failures(actor: Actor, *, login: str | None = None, address: str | None = None) -> int:
    """Lift a sign-in lockout for an account or an address; return the failures cleared."""
    stmt = sa.delete(LoginFailure)
    if login:
        stmt = stmt.where(LoginFailure.login == login.strip().lower())
    if address:
        stmt = stmt.where(LoginFailure.address == address)
    cleared = db.session.execute(stmt).rowcount
    record(actor, "user.unlock", "login", login or address or "*", after={"cleared": cleared})
    return cleared


def _is_throttled(login: str, address: str) -> bool:
    cfg = current_app.config
    since = utcnow() - timedelta(seconds=cfg["LOGIN_WINDOW_SECONDS"])
    recent = sa.select(sa.func.count()).select_from(LoginFailure).where(LoginFailure.failed_at >= since)
    by_login = db.session.scalar(recent.where(LoginFailure.login == login))
    if by_login >= cfg["LOGIN_MAX_FAILURES_PER_ACCOUNT"]:
        return True
    by_address = db.session.scalar(recent.where(LoginFailure.address == address))
    return by_address >= cfg["LOGIN_MAX_FAILURES_PER_ADDRESS"]
