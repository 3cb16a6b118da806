"""Merchants' contact handles (linked shops) and the near-duplicate index of ads-like messages (mass sending).

Revision ID: b4e8f2a6c913
Revises: c8d2f4a6b913
Create Date: 2026-12-07 10:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'b4e8f2a6c913'
down_revision = 'c8d2f4a6b913'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('merchant_handles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('first_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_merchant_handles_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_merchant_handles_message_id_messages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_merchant_handles')),
    sa.UniqueConstraint('merchant_id', 'kind', 'value', name=op.f('uq_merchant_handles_merchant_id_kind_value'))
    )
    with op.batch_alter_table('merchant_handles', schema=None) as batch_op:
        batch_op.create_index('ix_merchant_handles_lookup', ['kind', 'value'], unique=False)

    op.create_table('mass_sendings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_mass_sendings_case_id_cases')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_mass_sendings_merchant_id_merchants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_mass_sendings')),
    sa.UniqueConstraint('case_id', name=op.f('uq_mass_sendings_case_id'))
    )
    with op.batch_alter_table('mass_sendings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mass_sendings_merchant_id'), ['merchant_id'], unique=False)

    op.create_table('message_signatures',
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.Column('mass_sending_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_message_signatures_conversation_id_conversations')),
    sa.ForeignKeyConstraint(['mass_sending_id'], ['mass_sendings.id'], name=op.f('fk_message_signatures_mass_sending_id_mass_sendings')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_message_signatures_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_message_signatures_message_id_messages')),
    sa.PrimaryKeyConstraint('message_id', name=op.f('pk_message_signatures'))
    )
    with op.batch_alter_table('message_signatures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_message_signatures_mass_sending_id'), ['mass_sending_id'], unique=False)

    op.create_table('signature_bands',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.BigInteger(), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_signature_bands_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['message_id'], ['message_signatures.message_id'], name=op.f('fk_signature_bands_message_id_message_signatures')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signature_bands'))
    )
    with op.batch_alter_table('signature_bands', schema=None) as batch_op:
        batch_op.create_index('ix_signature_bands_lookup', ['merchant_id', 'key'], unique=False)
        batch_op.create_index(batch_op.f('ix_signature_bands_message_id'), ['message_id'], unique=False)


def downgrade():
    with op.batch_alter_table('signature_bands', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_signature_bands_message_id'))
        batch_op.drop_index('ix_signature_bands_lookup')
    op.drop_table('signature_bands')
    with op.batch_alter_table('message_signatures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_message_signatures_mass_sending_id'))
    op.drop_table('message_signatures')
    with op.batch_alter_table('mass_sendings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mass_sendings_merchant_id'))
    op.drop_table('mass_sendings')
    with op.batch_alter_table('merchant_handles', schema=None) as batch_op:
        batch_op.drop_index('ix_merchant_handles_lookup')
    op.drop_table('merchant_handles')
