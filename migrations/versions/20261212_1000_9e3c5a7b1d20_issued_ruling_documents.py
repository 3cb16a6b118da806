"""Issued ruling documents: each PDF a ruling is issued with, kept in storage and served as stored.

Rulings issued before this revision have no row; their first download renders and stores one.

Revision ID: 9e3c5a7b1d20
Revises: d4a6c8e0f215
Create Date: 2026-12-12 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '9e3c5a7b1d20'
down_revision = 'd4a6c8e0f215'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('ruling_documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ruling_id', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('content_sha256', sa.String(length=64), nullable=False),
    sa.Column('file_sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('storage_key', sa.String(length=200), nullable=False),
    sa.Column('facts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['ruling_id'], ['case_decisions.id'], name=op.f('fk_ruling_documents_ruling_id_case_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ruling_documents')),
    sa.UniqueConstraint('ruling_id', 'lang', 'content_sha256', name=op.f('uq_ruling_documents_ruling_id_lang_content_sha256'))
    )
    with op.batch_alter_table('ruling_documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ruling_documents_ruling_id'), ['ruling_id'], unique=False)


def downgrade():
    with op.batch_alter_table('ruling_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ruling_documents_ruling_id'))
    op.drop_table('ruling_documents')
