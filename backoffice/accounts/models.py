"""Staff and merchant accounts."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from backoffice.db import UTCDateTime, db, enum_type, utcnow
from backoffice.merchants.models import Merchant


class Role(enum.StrEnum):
    reviewer = "reviewer"
    senior_reviewer = "senior_reviewer"
    manager = "manager"
    admin = "admin"
    merchant = "merchant"


STAFF_ROLES = frozenset({Role.reviewer, Role.senior_reviewer, Role.manager, Role.admin})
REVIEW_ROLES = frozenset({Role.reviewer, Role.senior_reviewer, Role.manager})


class User(db.Model):
    __tablename__ = "users"
    __table_args__ = (
        sa.CheckConstraint(
            "(role = 'merchant') = (merchant_id IS NOT NULL)", name="merchant_link"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(sa.String(64), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(100), default="")
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[Role] = mapped_column(enum_type(Role, 32))
    merchant_id: Mapped[int | None] = mapped_column(sa.ForeignKey("merchants.id"), index=True)
    is_enabled: Mapped[bool] = mapped_column(default=True)
    locale: Mapped[str | None] = mapped_column(sa.String(8))
    # Single-key shortcuts (n, j, k, u, 1-9, /) on the staff pages; off for speech input (WCAG 2.1.4).
    shortcuts_enabled: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    email: Mapped[str | None] = mapped_column(sa.String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    merchant: Mapped[Merchant | None] = relationship()

    # Flask-Login protocol.
    is_anonymous = False
    #: The secret of the server-side session (UserSession) this object was signed in or loaded
    #: through: Flask-Login keeps it in the session and remember-me cookies as the "user id".
    session_secret = None

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.is_enabled

    def get_id(self) -> str:
        if self.session_secret is None:
            raise RuntimeError("A user is signed in only through a server-side session (accounts.sessions)")
        return self.session_secret

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    def has_role(self, *roles: Role) -> bool:
        return self.role in roles

    def __repr__(self) -> str:
        return f"<User {self.login} {self.role}>"


class LoginFailure(db.Model):
    """One failed sign-in, kept for throttling per account and per address."""

    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    login: Mapped[str] = mapped_column(sa.String(64), index=True)
    address: Mapped[str] = mapped_column(sa.String(64), index=True)
    failed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class UserSession(db.Model):
    """One signed-in browser: the cookies carry its secret, the row says whether it still counts."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    # SHA-256 of the secret: a copy of this table does not let anyone forge a session.
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), index=True)
    is_remembered: Mapped[bool] = mapped_column(default=False)
    user_agent: Mapped[str] = mapped_column(sa.String(255), default="")
    address: Mapped[str] = mapped_column(sa.String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User] = relationship()
