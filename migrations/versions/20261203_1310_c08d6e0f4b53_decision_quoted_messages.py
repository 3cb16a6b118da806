"""Decisions name the messages a ruling quotes besides the flagged ones.

Revision ID: c08d6e0f4b53
Revises: bf7c5d9e3a42
Create Date: 2026-12-03 13:10:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c08d6e0f4b53'
down_revision = 'bf7c5d9e3a42'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('case_decisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('quoted_message_ids', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('case_decisions', schema=None) as batch_op:
        batch_op.drop_column('quoted_message_ids')
