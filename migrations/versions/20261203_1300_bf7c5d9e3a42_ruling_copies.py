"""Ruling copies: the SHA-256 of each distinct text a ruling was issued with.

Revision ID: bf7c5d9e3a42
Revises: ae6b4c8d2f31
Create Date: 2026-12-03 13:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'bf7c5d9e3a42'
down_revision = 'ae6b4c8d2f31'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('ruling_copies',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ruling_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('text_sha256', sa.String(length=64), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ruling_id'], ['case_decisions.id'], name=op.f('fk_ruling_copies_ruling_id_case_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ruling_copies')),
    sa.UniqueConstraint('ruling_id', 'text_sha256', name=op.f('uq_ruling_copies_ruling_id_text_sha256'))
    )
    with op.batch_alter_table('ruling_copies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ruling_copies_ruling_id'), ['ruling_id'], unique=False)


def downgrade():
    with op.batch_alter_table('ruling_copies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ruling_copies_ruling_id'))

    op.drop_table('ruling_copies')
