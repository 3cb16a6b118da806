"""Service-quality summary: counts per shop and platform day, kept by ingestion.

The managers' report read every message of the period on each page load (6 s for a month of a million
messages); it now reads one row per shop and day. Existing data is counted with ``flask quality rebuild``.

Revision ID: c7e1a9d3f052
Revises: b4d2f6a8c913
Create Date: 2026-12-10 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c7e1a9d3f052'
down_revision = 'b4d2f6a8c913'
branch_labels = None
depends_on = None

COUNTS = ('in_time', 'late', 'unanswered', 'ratings', 'good_ratings', 'complained', 'customer_conversations')


def upgrade():
    op.create_table('quality_days',
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('platform', sa.Enum('zbj', 'taobao', 'pdd', 'community', name='platform', native_enum=False,
                                  length=16), nullable=False),
    *(sa.Column(name, sa.Integer(), nullable=False) for name in COUNTS),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_quality_days_merchant_id_merchants')),
    sa.PrimaryKeyConstraint('merchant_id', 'day', name=op.f('pk_quality_days'))
    )
    with op.batch_alter_table('quality_days', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_quality_days_day'), ['day', 'platform'], unique=False)


def downgrade():
    with op.batch_alter_table('quality_days', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_quality_days_day'))
    op.drop_table('quality_days')
