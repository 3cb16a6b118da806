"""PostgreSQL: take the chain's sealing lock and read the head and the unsealed events in one call.

A PL/pgSQL function runs its query on a fresh snapshot after the lock is taken (READ COMMITTED), so
the head it returns is the one the previous sealer committed: one round trip instead of two for
every committing writer. SQLite has one writer at a time and keeps the plain query.

Revision ID: ae6b4c8d2f31
Revises: 9d5a3b7c1e20
Create Date: 2026-11-22 06:50:00.000000

"""
from alembic import op

from backoffice.audit.operations import CHAIN_LOCK_KEY

# revision identifiers, used by Alembic.
revision = 'ae6b4c8d2f31'
down_revision = '9d5a3b7c1e20'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"""
        CREATE FUNCTION audit_chain_pending(wait boolean) RETURNS SETOF audit_events AS $$
        BEGIN
            IF wait THEN
                PERFORM pg_advisory_xact_lock({CHAIN_LOCK_KEY});
            ELSIF NOT pg_try_advisory_xact_lock({CHAIN_LOCK_KEY}) THEN
                RETURN;  -- another writer is sealing: it or the next one takes these events
            END IF;
            RETURN QUERY SELECT * FROM audit_events
                WHERE seq IS NULL OR seq = (SELECT max(seq) FROM audit_events)
                ORDER BY seq IS NOT NULL DESC, id;
        END;
        $$ LANGUAGE plpgsql VOLATILE
    """)  # noqa: S608 - a constant of the code, no input


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION audit_chain_pending(boolean)")
