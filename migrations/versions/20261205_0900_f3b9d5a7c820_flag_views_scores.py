"""Flags keep the detector's view, the combined score, the model version and its features, and when judged.

The view ("pinyin", "reversed", ...) and features explain a flag to reviewers; the score is what the
platform's review and automatic thresholds compare; judged_at dates a reviewer's verdict for the
feedback export. Flags judged before this revision take their case's closing time.

Revision ID: f3b9d5a7c820
Revises: e2a8c4f6b719
Create Date: 2026-12-05 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'f3b9d5a7c820'
down_revision = 'e2a8c4f6b719'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.add_column(sa.Column('view', sa.String(length=16), server_default='folded', nullable=False))
        batch_op.add_column(sa.Column('score', sa.Double(), nullable=True))
        batch_op.add_column(sa.Column('model_version', sa.String(length=40), nullable=True))
        batch_op.add_column(sa.Column('features', sa.JSON(), server_default='[]', nullable=False))
        batch_op.add_column(sa.Column('judged_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE flags SET judged_at = "
               "(SELECT cases.closed_at FROM cases WHERE cases.id = flags.case_id) WHERE status <> 'open'")


def downgrade():
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.drop_column('judged_at')
        batch_op.drop_column('features')
        batch_op.drop_column('model_version')
        batch_op.drop_column('score')
        batch_op.drop_column('view')
