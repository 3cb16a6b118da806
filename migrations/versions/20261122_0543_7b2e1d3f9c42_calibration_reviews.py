"""Calibration reviews: blind second reviews of closed cases.

Revision ID: 7b2e1d3f9c42
Revises: 6a1f0c2d8e31
Create Date: 2026-11-22 05:43:59.225935

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '7b2e1d3f9c42'
down_revision = '6a1f0c2d8e31'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('calibration_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('original_decision_id', sa.Integer(), nullable=False),
    sa.Column('reviewer_id', sa.Integer(), nullable=False),
    sa.Column('sampled_by_id', sa.Integer(), nullable=False),
    sa.Column('sampled_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('verdict', sa.Enum('violation', 'no_violation', 'insufficient_evidence', name='verdict', native_enum=False, length=32), nullable=True),
    sa.Column('rule_code', sa.String(length=64), nullable=True),
    sa.Column('severity', sa.String(length=32), nullable=True),
    sa.Column('rationale', sa.Text(), nullable=False),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_calibration_reviews_case_id_cases')),
    sa.ForeignKeyConstraint(['original_decision_id'], ['case_decisions.id'], name=op.f('fk_calibration_reviews_original_decision_id_case_decisions')),
    sa.ForeignKeyConstraint(['reviewer_id'], ['users.id'], name=op.f('fk_calibration_reviews_reviewer_id_users')),
    sa.ForeignKeyConstraint(['sampled_by_id'], ['users.id'], name=op.f('fk_calibration_reviews_sampled_by_id_users')),
    sa.CheckConstraint('(completed_at IS NULL) = (verdict IS NULL)', name=op.f('ck_calibration_reviews_completed_has_verdict')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_calibration_reviews')),
    sa.UniqueConstraint('case_id', 'reviewer_id', name=op.f('uq_calibration_reviews_case_id_reviewer_id'))
    )
    with op.batch_alter_table('calibration_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_calibration_reviews_open', ['reviewer_id', 'completed_at'], unique=False)



def downgrade():
    with op.batch_alter_table('calibration_reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_calibration_reviews_open')

    op.drop_table('calibration_reviews')
