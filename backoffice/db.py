"""SQLAlchemy base, naming convention and column types shared by every module."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)

#: ``Index.info`` key of an index that exists on PostgreSQL only (trigram GIN indexes: SQLite has none).
POSTGRESQL_ONLY = "postgresql_only"


def postgresql_only(index: sa.Index) -> sa.Index:
    """Declare ``index`` for PostgreSQL alone (created there by its migration, never on SQLite)."""
    index.info[POSTGRESQL_ONLY] = True
    return index.ddl_if(dialect="postgresql")


def include_schema_object(dialect: str) -> Callable:
    """An Alembic ``include_object`` hook: a PostgreSQL-only index is no difference on another database."""
    def include(obj, _name, type_, _reflected, _compare_to) -> bool:  # alembic passes these by position
        return not (type_ == "index" and dialect != "postgresql" and obj.info.get(POSTGRESQL_ONLY))

    return include


class UTCDateTime(sa.types.TypeDecorator):
    """Aware UTC datetimes in and out, on SQLite (naive storage) and PostgreSQL alike."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; store aware UTC datetimes only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def enum_type(enum_cls: type[enum.Enum], length: int = 32) -> sa.Enum:
    """Store an enum by value as VARCHAR, portable across SQLite and PostgreSQL."""
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda cls: [member.value for member in cls],
    )


#: The largest id an id column holds (PostgreSQL ``integer``): larger ones are simply not found.
MAX_ID = 2**31 - 1


def row_id(value) -> int:
    """An id from a request: a whole number from 1 to ``MAX_ID``, else ``ValueError`` (not a database overflow)."""
    number = int(value)
    if not 1 <= number <= MAX_ID:
        raise ValueError(f"{value!r} is not an id")
    return number


def utcnow() -> datetime:
    return datetime.now(UTC)


def lock_row(obj) -> None:
    """Lock ``obj``'s row until the transaction ends and reload it as last committed.

    ``SELECT … FOR UPDATE``: a concurrent writer of the same row waits here until the other
    transaction ends, and then reads what it left, so a state checked after this call stays true
    until commit. (SQLite has no row locks; it serialises writers, and the clause is dropped.)
    Pending changes of the session are flushed first: the reload would drop them otherwise.
    """
    db.session.flush()
    db.session.refresh(obj, with_for_update=True)


@contextmanager
def duplicate_refused(error: Callable[[], Exception], *constraints: str) -> Iterator[None]:
    """Turn a unique violation of one of ``constraints`` in the block (flush inside it) into ``error()``.

    A ``constraints`` entry is matched against the driver's message: PostgreSQL names the
    constraint or index (``uq_appeals_ruling_id``), SQLite the columns (``appeals.ruling_id``).
    On PostgreSQL the block runs in a savepoint, so the transaction stays usable. Not on SQLite:
    pysqlite opens no transaction before a SAVEPOINT, whose release would then commit for real;
    there the failed flush leaves the session to be rolled back, as after any refusal.
    """
    postgres = db.session.get_bind().dialect.name == "postgresql"
    try:
        with db.session.begin_nested() if postgres else nullcontext():
            yield
    except sa.exc.IntegrityError as exc:
        if not any(c in str(exc.orig) for c in constraints):
            raise
        raise error() from exc


def added_once(obj) -> bool:
    """Add and flush ``obj``; False, with nothing added, when a unique constraint says it exists already
    (another transaction added it first: on PostgreSQL the insert waits for that one to commit).

    PostgreSQL keeps the transaction in a savepoint. SQLite cannot (see ``duplicate_refused``) and
    rolls the session back: callers there only have work that is safe to lose before this point.
    """
    postgres = db.session.get_bind().dialect.name == "postgresql"
    try:
        with db.session.begin_nested() if postgres else nullcontext():
            db.session.add(obj)
            db.session.flush()
    except sa.exc.IntegrityError:
        if not postgres:
            db.session.rollback()
        return False
    return True
