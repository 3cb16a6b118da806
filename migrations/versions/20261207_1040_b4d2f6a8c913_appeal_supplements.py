"""Appeal supplements: once an appeal is submitted its statement is frozen; additions are dated rows.

Evidence files may belong to a supplement (``supplement_id``) rather than to the statement.

Revision ID: b4d2f6a8c913
Revises: 43bad4298f46
Create Date: 2026-12-07 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'b4d2f6a8c913'
down_revision = '43bad4298f46'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('appeal_supplements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('appeal_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['added_by_id'], ['users.id'], name=op.f('fk_appeal_supplements_added_by_id_users')),
    sa.ForeignKeyConstraint(['appeal_id'], ['appeals.id'], name=op.f('fk_appeal_supplements_appeal_id_appeals')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_appeal_supplements')),
    sa.UniqueConstraint('appeal_id', 'number', name=op.f('uq_appeal_supplements_appeal_id_number'))
    )
    with op.batch_alter_table('appeal_evidence', schema=None) as batch_op:
        batch_op.add_column(sa.Column('supplement_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_appeal_evidence_supplement_id'), ['supplement_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_appeal_evidence_supplement_id_appeal_supplements'),
                                    'appeal_supplements', ['supplement_id'], ['id'])


def downgrade():
    with op.batch_alter_table('appeal_evidence', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_appeal_evidence_supplement_id_appeal_supplements'),
                                 type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_appeal_evidence_supplement_id'))
        batch_op.drop_column('supplement_id')

    op.drop_table('appeal_supplements')
