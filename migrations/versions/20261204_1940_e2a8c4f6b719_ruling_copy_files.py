"""Ruling copies record the SHA-256 of the file as well as of its text.

A copy whose text matches but whose file is not one the platform issued may have been changed in
how it looks (a measure covered up), so verification tells the two apart.

Revision ID: e2a8c4f6b719
Revises: d19e7f1a5c64
Create Date: 2026-12-04 19:40:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'e2a8c4f6b719'
down_revision = 'd19e7f1a5c64'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('ruling_copies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('file_sha256', sa.String(length=64), nullable=True))
        batch_op.drop_constraint('uq_ruling_copies_ruling_id_text_sha256', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_ruling_copies_ruling_id_text_sha256_file_sha256'),
                                          ['ruling_id', 'text_sha256', 'file_sha256'])
        batch_op.create_index(batch_op.f('ix_ruling_copies_file_sha256'), ['file_sha256'], unique=False)


def downgrade():
    with op.batch_alter_table('ruling_copies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ruling_copies_file_sha256'))
        batch_op.drop_constraint('uq_ruling_copies_ruling_id_text_sha256_file_sha256', type_='unique')
    op.execute("DELETE FROM ruling_copies WHERE id NOT IN "
               "(SELECT MIN(id) FROM ruling_copies GROUP BY ruling_id, text_sha256)")
    with op.batch_alter_table('ruling_copies', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_ruling_copies_ruling_id_text_sha256', ['ruling_id', 'text_sha256'])
        batch_op.drop_column('file_sha256')
