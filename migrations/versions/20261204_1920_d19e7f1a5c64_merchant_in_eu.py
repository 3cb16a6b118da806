"""Merchants established or located in the EU: their appeal window is at least six months (DSA Art. 20(1)).

Revision ID: d19e7f1a5c64
Revises: c08d6e0f4b53
Create Date: 2026-12-04 19:20:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'd19e7f1a5c64'
down_revision = 'c08d6e0f4b53'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('in_eu', sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade():
    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.drop_column('in_eu')
