"""Service-quality figures: customers' service reviews, auto-replies marked, messages found by time.

The 3-minute manual reply rate (3分钟人工回复率, seed 003) counts replies by a person, so a message
sent by the shop's auto-reply is marked; the good-review rate (客服好评率) needs the customers'
ratings; the figures read one period of messages at a time, by sent_at.

Revision ID: 43bad4298f46
Revises: 41917c4493b7
Create Date: 2026-12-06 22:22:31

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '43bad4298f46'
down_revision = '41917c4493b7'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('service_reviews',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=128), nullable=False),
    sa.Column('rating', sa.Enum('good', 'neutral', 'bad', name='reviewrating', native_enum=False, length=16), nullable=False),
    sa.Column('reviewed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_service_reviews_conversation_id_conversations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_reviews')),
    sa.UniqueConstraint('conversation_id', 'external_id', name=op.f('uq_service_reviews_conversation_id_external_id'))
    )
    with op.batch_alter_table('service_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_reviews_reviewed_at'), ['reviewed_at'], unique=False)

    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.add_column(sa.Column('is_automated', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.create_index(batch_op.f('ix_messages_sent_at'), ['sent_at'], unique=False)



def downgrade():
    with op.batch_alter_table('messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_messages_sent_at'))
        batch_op.drop_column('is_automated')

    with op.batch_alter_table('service_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_reviews_reviewed_at'))

    op.drop_table('service_reviews')
