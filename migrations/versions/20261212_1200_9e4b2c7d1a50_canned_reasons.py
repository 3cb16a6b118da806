"""Canned reasons per rule and verdict, kept by managers and chosen with the keyboard on the case page;
why a case closed without a decision of its own (a removed shop's other cases); and the decision that
judges several cases of one course of conduct together.

Revision ID: 9e4b2c7d1a50
Revises: 05755663072a
Create Date: 2026-12-11 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '9e4b2c7d1a50'
down_revision = '05755663072a'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'canned_reasons',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('rule_code', sa.String(length=64), nullable=False),
        sa.Column('verdict', sa.Enum('violation', 'no_violation', 'insufficient_evidence', name='verdict',
                                     native_enum=False, create_constraint=False, length=32), nullable=False),
        sa.Column('severity', sa.String(length=32), nullable=True),
        sa.Column('title', sa.String(length=80), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_canned_reasons_created_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_canned_reasons')),
    )
    op.create_index('ix_canned_reasons_rule', 'canned_reasons', ['rule_code', 'verdict', 'position'], unique=False)
    with op.batch_alter_table('cases') as batch:
        batch.add_column(sa.Column('close_reason', sa.String(length=32), nullable=True))
    with op.batch_alter_table('case_decisions') as batch:
        batch.add_column(sa.Column('joined_to_id', sa.Integer(), nullable=True))
        batch.create_index('ix_case_decisions_joined_to_id', ['joined_to_id'], unique=False)
        batch.create_foreign_key('fk_case_decisions_joined_to_id_case_decisions', 'case_decisions',
                                 ['joined_to_id'], ['id'])


def downgrade():
    with op.batch_alter_table('case_decisions') as batch:
        batch.drop_constraint('fk_case_decisions_joined_to_id_case_decisions', type_='foreignkey')
        batch.drop_index('ix_case_decisions_joined_to_id')
        batch.drop_column('joined_to_id')
    with op.batch_alter_table('cases') as batch:
        batch.drop_column('close_reason')
    op.drop_index('ix_canned_reasons_rule', table_name='canned_reasons')
    op.drop_table('canned_reasons')
