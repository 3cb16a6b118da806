"""Appeals with evidence files, exam-learning attempts, case kinds (merchant fraud reports).

Revision ID: 5ffeef260851
Revises: 810b8986302e
Create Date: 2026-11-22 03:27:09.351824

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '5ffeef260851'
down_revision = '810b8986302e'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('appeals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ruling_id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.Enum('draft', 'submitted', 'awaiting_evidence', 'decided', name='appealstatus', native_enum=False, length=32), nullable=False),
    sa.Column('statement', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('deadline_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('remaining_seconds', sa.Integer(), nullable=True),
    sa.Column('evidence_requested_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('evidence_request', sa.Text(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('outcome', sa.Enum('upheld', 'overturned', 'reduced', name='appealoutcome', native_enum=False, length=32), nullable=True),
    sa.Column('outcome_reason', sa.Text(), nullable=False),
    sa.Column('successor_penalty_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_appeals_decided_by_id_users')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_appeals_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['ruling_id'], ['case_decisions.id'], name=op.f('fk_appeals_ruling_id_case_decisions')),
    sa.ForeignKeyConstraint(['successor_penalty_id'], ['penalty_decisions.id'], name=op.f('fk_appeals_successor_penalty_id_penalty_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appeals')),
    sa.UniqueConstraint('ruling_id', name=op.f('uq_appeals_ruling_id'))
    )
    with op.batch_alter_table('appeals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appeals_merchant_id'), ['merchant_id'], unique=False)

    op.create_table('exam_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ruling_id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('question_ids', sa.JSON(), nullable=False),
    sa.Column('answers', sa.JSON(), nullable=True),
    sa.Column('score', sa.Integer(), nullable=True),
    sa.Column('passed', sa.Boolean(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_exam_attempts_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['ruling_id'], ['case_decisions.id'], name=op.f('fk_exam_attempts_ruling_id_case_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_attempts'))
    )
    with op.batch_alter_table('exam_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exam_attempts_merchant_id'), ['merchant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_exam_attempts_ruling_id'), ['ruling_id'], unique=False)

    op.create_table('appeal_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appeal_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('mime', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('has_thumbnail', sa.Boolean(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['appeal_id'], ['appeals.id'], name=op.f('fk_appeal_evidence_appeal_id_appeals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appeal_evidence')),
    sa.UniqueConstraint('appeal_id', 'sha256', name=op.f('uq_appeal_evidence_appeal_id_sha256'))
    )
    with op.batch_alter_table('appeal_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_appeal_evidence_appeal_id'), ['appeal_id'], unique=False)

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.Enum('violation', 'fraud_report', name='casekind', native_enum=False, length=16), nullable=False, server_default='violation'))



def downgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_column('kind')

    with op.batch_alter_table('appeal_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appeal_evidence_appeal_id'))

    op.drop_table('appeal_evidence')
    with op.batch_alter_table('exam_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exam_attempts_ruling_id'))
        batch_op.drop_index(batch_op.f('ix_exam_attempts_merchant_id'))

    op.drop_table('exam_attempts')
    with op.batch_alter_table('appeals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_appeals_merchant_id'))

    op.drop_table('appeals')
