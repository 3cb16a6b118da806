"""Whether the database has every migration this code needs, asked only when something went wrong.

A database left at an older revision fails with errors like "no such column: merchants.in_eu";
the web pages, the API and the command line then say what to do instead.
"""

from __future__ import annotations

import sqlalchemy as sa

from backoffice.config import PROJECT_ROOT
from backoffice.db import db

UPGRADE_HINT = "The database is older than this version of backoffice: run `flask --app backoffice db upgrade`."


def behind() -> bool:
    """True when the database lacks a migration of this checkout (or was never migrated)."""
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory(str(PROJECT_ROOT / "migrations")).get_heads())
    try:
        with db.engine.connect() as connection:
            current = set(MigrationContext.configure(connection).get_current_heads())
    except sa.exc.SQLAlchemyError:
        return False  # the database itself is unreachable: not a migration problem
    return current != heads


def explains(exc: BaseException | None) -> bool:
    """Whether ``exc`` is a database error that an unapplied migration accounts for."""
    return isinstance(exc, sa.exc.OperationalError | sa.exc.ProgrammingError) and behind()
