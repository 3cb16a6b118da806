"""Escalation as a mark on the case (escalated_at), kept when a senior reviewer takes or releases it.

Revision ID: 9d5a3b7c1e20
Revises: 8c3f2e4a5b63
Create Date: 2026-11-22 06:20:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '9d5a3b7c1e20'
down_revision = '8c3f2e4a5b63'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('escalated_at', sa.DateTime(timezone=True), nullable=True))
    # Cases escalated before this column existed: the time of their escalation event is in the
    # audit trail; the mark itself is what matters here.
    op.execute("UPDATE cases SET escalated_at = CURRENT_TIMESTAMP WHERE status = 'escalated'")


def downgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('escalated_at')
