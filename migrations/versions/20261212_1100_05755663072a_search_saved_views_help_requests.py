"""Staff search indexes, saved queue views, help requests with their answers, once-only notifications.

On PostgreSQL: the pg_trgm extension and trigram GIN indexes on message text, shop names and ids, and
contact handles, so that a search for part of a message (Chinese included: there is no word segmentation
to do) or a masked handle reads an index, not every message (bench/search_bench.py). SQLite searches with
LIKE.

Revision ID: 05755663072a
Revises: 9e3c5a7b1d20
Create Date: 2026-12-07 00:53:12

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '05755663072a'
down_revision = '9e3c5a7b1d20'
branch_labels = None
depends_on = None

TRIGRAM_INDEXES = (("ix_messages_text_trgm", "messages", "text"), ("ix_merchants_name_trgm", "merchants", "name"),
                   ("ix_merchants_external_id_trgm", "merchants", "external_id"),
                   ("ix_merchant_handles_value_trgm", "merchant_handles", "value"))


def upgrade():
    op.create_table('saved_views',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('is_team', sa.Boolean(), nullable=False),
    sa.Column('filters', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_saved_views_owner_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_saved_views'))
    )
    with op.batch_alter_table('saved_views', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_saved_views_owner_id'), ['owner_id'], unique=False)

    op.create_table('help_requests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('help', 'escalation', name='helpkind', native_enum=False, length=16), nullable=False),
    sa.Column('asked_by_id', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('asked_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_help_requests_answered_by_id_users')),
    sa.ForeignKeyConstraint(['asked_by_id'], ['users.id'], name=op.f('fk_help_requests_asked_by_id_users')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_help_requests_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_help_requests'))
    )
    with op.batch_alter_table('help_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_help_requests_case_id'), ['case_id'], unique=False)

    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key', sa.String(length=120), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_notifications_user_id_key'), ['user_id', 'key'])

    _backfill_help_requests()

    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name, table, column in TRIGRAM_INDEXES:
            op.create_index(name, table, [column], postgresql_using="gin",
                            postgresql_ops={column: "gin_trgm_ops"})


def _backfill_help_requests():
    """Holds and escalations made before this revision kept their reason only in the audit trail: copy
    each into help_requests, so that a case waiting for a senior reviewer shows why."""
    bind = op.get_bind()
    events = sa.table("audit_events", sa.column("id", sa.Integer),
                      sa.column("created_at", sa.DateTime(timezone=True)), sa.column("actor_id", sa.Integer),
                      sa.column("action", sa.String),
                      sa.column("subject_type", sa.String), sa.column("subject_id", sa.String),
                      sa.column("after", sa.JSON))
    requests = sa.table("help_requests", sa.column("case_id", sa.Integer), sa.column("kind", sa.String),
                        sa.column("asked_by_id", sa.Integer), sa.column("reason", sa.Text),
                        sa.column("asked_at", sa.DateTime(timezone=True)), sa.column("answer", sa.Text))
    kinds = {"case.hold": "help", "case.escalate": "escalation"}
    rows = [{"case_id": int(e.subject_id), "kind": kinds[e.action], "asked_by_id": e.actor_id,
             "reason": str((e.after or {}).get("reason") or ""), "asked_at": e.created_at, "answer": ""}
            for e in bind.execute(sa.select(events).where(
                events.c.action.in_(kinds), events.c.subject_type == "case", events.c.actor_id.is_not(None))
                .order_by(events.c.id))
            if (e.after or {}).get("reason") and e.subject_id.isdigit()]
    if rows:
        bind.execute(requests.insert(), rows)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for name, table, _column in TRIGRAM_INDEXES:
            op.drop_index(name, table_name=table)
        # The extension stays: another schema in the database may use it.

    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_notifications_user_id_key'), type_='unique')
        batch_op.drop_column('key')

    with op.batch_alter_table('help_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_help_requests_case_id'))
    op.drop_table('help_requests')

    with op.batch_alter_table('saved_views', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_saved_views_owner_id'))
    op.drop_table('saved_views')
