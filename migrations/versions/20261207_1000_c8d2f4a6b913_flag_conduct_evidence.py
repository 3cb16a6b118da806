"""Flags keep the evidence of conversation-level findings (which messages, how many, when).

The conduct detectors (PDD mechanical or irrelevant replies, Taobao harassment by conduct) judge a
sequence of messages, not a span of one: the reviewer needs the other messages and the numbers
behind the flag. Existing flags have none (NULL).

Revision ID: c8d2f4a6b913
Revises: 5a1ff845d14c
Create Date: 2026-12-07 10:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c8d2f4a6b913'
down_revision = '5a1ff845d14c'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.add_column(sa.Column('evidence', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.drop_column('evidence')
