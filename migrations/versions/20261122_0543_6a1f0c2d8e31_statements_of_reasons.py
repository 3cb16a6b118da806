"""DSA statements of reasons: one per decision and per automatic measure, with their export batch.

Revision ID: 6a1f0c2d8e31
Revises: 3b7c1d9e4a20
Create Date: 2026-11-22 05:43:55.589390

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '6a1f0c2d8e31'
down_revision = '3b7c1d9e4a20'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('statements_of_reasons',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('puid', sa.String(length=500), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('case_decision_id', sa.Integer(), nullable=True),
    sa.Column('trigger', sa.Enum('decision', 'automatic', name='statementtrigger', native_enum=False, length=16), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('application_date', sa.Date(), nullable=False),
    sa.Column('problems', sa.JSON(), nullable=False),
    sa.Column('checked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('exported_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('export_batch', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['case_decision_id'], ['case_decisions.id'], name=op.f('fk_statements_of_reasons_case_decision_id_case_decisions')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_statements_of_reasons_case_id_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statements_of_reasons')),
    sa.UniqueConstraint('case_decision_id', name=op.f('uq_statements_of_reasons_case_decision_id')),
    sa.UniqueConstraint('puid', name=op.f('uq_statements_of_reasons_puid'))
    )
    with op.batch_alter_table('statements_of_reasons', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statements_of_reasons_application_date'), ['application_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_of_reasons_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_of_reasons_export_batch'), ['export_batch'], unique=False)
        batch_op.create_index(batch_op.f('ix_statements_of_reasons_exported_at'), ['exported_at'], unique=False)



def downgrade():
    with op.batch_alter_table('statements_of_reasons', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_statements_of_reasons_exported_at'))
        batch_op.drop_index(batch_op.f('ix_statements_of_reasons_export_batch'))
        batch_op.drop_index(batch_op.f('ix_statements_of_reasons_case_id'))
        batch_op.drop_index(batch_op.f('ix_statements_of_reasons_application_date'))

    op.drop_table('statements_of_reasons')
