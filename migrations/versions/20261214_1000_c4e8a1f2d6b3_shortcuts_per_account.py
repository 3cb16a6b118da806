"""Single-key shortcuts on or off per account, not per browser (WCAG 2.1.4).

Revision ID: c4e8a1f2d6b3
Revises: c3e5a7b9d1f2
Create Date: 2026-12-14 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c4e8a1f2d6b3'
down_revision = 'c3e5a7b9d1f2'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('users') as batch:
        batch.add_column(sa.Column('shortcuts_enabled', sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade():
    with op.batch_alter_table('users') as batch:
        batch.drop_column('shortcuts_enabled')
