"""Who has a case page open: one row per case and person, refreshed by the page's ping.

Revision ID: b7d2e4f6a810
Revises: 9e4b2c7d1a50
Create Date: 2026-12-13 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'b7d2e4f6a810'
down_revision = '9e4b2c7d1a50'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'case_viewers',
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_case_viewers_case_id_cases'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_case_viewers_user_id_users'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('case_id', 'user_id', name=op.f('pk_case_viewers')),
    )


def downgrade():
    op.drop_table('case_viewers')
