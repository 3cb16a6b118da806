"""Customers as case subjects: the customers table, the measures taken against them, and cases.customer_id.

Fraud reports filed before this revision (kind fraud_report) get their conversation's customer as subject.

Revision ID: 41917c4493b7
Revises: b4e8f2a6c913
Create Date: 2026-12-06 22:23:08.038106

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '41917c4493b7'
down_revision = 'b4e8f2a6c913'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('customers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.Enum('zbj', 'taobao', 'pdd', 'community', name='platform', native_enum=False, length=16), nullable=False),
    sa.Column('external_id', sa.String(length=128), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customers')),
    sa.UniqueConstraint('platform', 'external_id', name=op.f('uq_customers_platform_external_id'))
    )
    op.create_table('customer_measures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('case_decision_id', sa.Integer(), nullable=False),
    sa.Column('rule_code', sa.String(length=64), nullable=False),
    sa.Column('severity', sa.String(length=32), nullable=False),
    sa.Column('offence_no', sa.Integer(), nullable=False),
    sa.Column('type', sa.Enum('warning', 'messaging_restriction', 'ban', name='customermeasuretype', native_enum=False, length=32), nullable=False),
    sa.Column('days', sa.Integer(), nullable=True),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_decision_id'], ['case_decisions.id'], name=op.f('fk_customer_measures_case_decision_id_case_decisions')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_customer_measures_case_id_cases')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_customer_measures_created_by_id_users')),
    sa.ForeignKeyConstraint(['customer_id'], ['customers.id'], name=op.f('fk_customer_measures_customer_id_customers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_measures')),
    sa.UniqueConstraint('case_decision_id', name=op.f('uq_customer_measures_case_decision_id'))
    )
    with op.batch_alter_table('customer_measures', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customer_measures_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_customer_measures_customer_id'), ['customer_id'], unique=False)

    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.add_column(sa.Column('customer_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_cases_customer_id'), ['customer_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_cases_customer_id_customers'), 'customers', ['customer_id'], ['id'])

    op.execute(
        "INSERT INTO customers (platform, external_id, name, created_at) "
        "SELECT c.platform, c.customer_external_id, MIN(c.customer_name), MIN(k.opened_at) "
        "FROM cases k JOIN conversations c ON c.id = k.conversation_id WHERE k.kind = 'fraud_report' "
        "GROUP BY c.platform, c.customer_external_id")
    op.execute(
        "UPDATE cases SET customer_id = (SELECT u.id FROM conversations c JOIN customers u "
        "ON u.platform = c.platform AND u.external_id = c.customer_external_id "
        "WHERE c.id = cases.conversation_id) WHERE kind = 'fraud_report'")



def downgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_cases_customer_id_customers'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_cases_customer_id'))
        batch_op.drop_column('customer_id')

    with op.batch_alter_table('customer_measures', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customer_measures_customer_id'))
        batch_op.drop_index(batch_op.f('ix_customer_measures_case_id'))

    op.drop_table('customer_measures')
    op.drop_table('customers')
