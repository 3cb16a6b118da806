"""Retention: conversations and appeals record when they were purged; rulings keep their masked quotes.

Revision ID: d4a6c8e0f215
Revises: 5251773c5101
Create Date: 2026-12-07 01:10:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'd4a6c8e0f215'
down_revision = '5251773c5101'
branch_labels = None
depends_on = None


def upgrade():
    # Nullable columns only: an expand step that running code ignores (zero-downtime, docs/deploy.md).
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('purged_at', sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table('appeals', schema=None) as batch_op:
        batch_op.add_column(sa.Column('purged_at', sa.DateTime(timezone=True), nullable=True))
    # The purge looks for cases closed before the cut-off.
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_closed_at'), ['closed_at'], unique=False)
    op.create_table('ruling_retained_quotes',
    sa.Column('ruling_id', sa.Integer(), nullable=False),
    sa.Column('customer', sa.String(length=200), nullable=False),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.Column('messages', sa.JSON(), nullable=False),
    sa.Column('kept_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ruling_id'], ['case_decisions.id'], name=op.f('fk_ruling_retained_quotes_ruling_id_case_decisions')),
    sa.PrimaryKeyConstraint('ruling_id', name=op.f('pk_ruling_retained_quotes'))
    )


def downgrade():
    op.drop_table('ruling_retained_quotes')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cases_closed_at'))
    with op.batch_alter_table('appeals', schema=None) as batch_op:
        batch_op.drop_column('purged_at')
    with op.batch_alter_table('conversations', schema=None) as batch_op:
        batch_op.drop_column('purged_at')
