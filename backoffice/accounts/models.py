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
    # Bumped whenever existing sessions must stop working (disable, password change).
    session_epoch: Mapped[int] = mapped_column(default=0)
    locale: Mapped[str | None] = mapped_column(sa.String(8))
    email: Mapped[str | None] = mapped_column(sa.String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    merchant: Mapped[Merchant | None] = relationship()

    # Flask-Login protocol.
    is_anonymous = False

    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return self.is_enabled

    def get_id(self) -> str:
        return f"{self.id}:{self.session_epoch}"

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
