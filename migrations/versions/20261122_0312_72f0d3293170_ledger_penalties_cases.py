"""Merchant ledger (append-only), balances, penalty decisions, cases, flags and reports.

Revision ID: 72f0d3293170
Revises: 57d84ed53096
Create Date: 2026-11-22 03:12:36.328011

"""
import sqlalchemy as sa
from alembic import op

from backoffice.audit.triggers import create_append_only, drop_append_only

# revision identifiers, used by Alembic.
revision = '72f0d3293170'
down_revision = '57d84ed53096'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('merchant_balances',
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('integrity_points', sa.Integer(), nullable=True),
    sa.Column('deposit_balance', sa.Numeric(precision=14, scale=2), nullable=False),
    sa.Column('entry_count', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_merchant_balances_merchant_id_merchants')),
    sa.PrimaryKeyConstraint('merchant_id', name=op.f('pk_merchant_balances'))
    )
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('platform', sa.Enum('zbj', 'taobao', 'pdd', 'community', name='platform', native_enum=False, length=16), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('rule_code', sa.String(length=64), nullable=True),
    sa.Column('category', sa.String(length=32), nullable=True),
    sa.Column('status', sa.Enum('open', 'in_review', 'on_hold', 'escalated', 'awaiting_approval', 'decided', 'dismissed', name='casestatus', native_enum=False, length=32), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('max_confidence', sa.Double(), nullable=False),
    sa.Column('flag_count', sa.Integer(), nullable=False),
    sa.Column('report_count', sa.Integer(), nullable=False),
    sa.Column('has_detector', sa.Boolean(), nullable=False),
    sa.Column('has_report', sa.Boolean(), nullable=False),
    sa.Column('prior_offences', sa.Integer(), nullable=False),
    sa.Column('opened_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('last_flag_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sla_due_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('claimed_by_id', sa.Integer(), nullable=True),
    sa.Column('claim_expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['claimed_by_id'], ['users.id'], name=op.f('fk_cases_claimed_by_id_users')),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_cases_conversation_id_conversations')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_cases_merchant_id_merchants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases'))
    )
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cases_claimed_by_id'), ['claimed_by_id'], unique=False)
        batch_op.create_index('ix_cases_grouping', ['conversation_id', 'rule_code', 'status'], unique=False)
        batch_op.create_index(batch_op.f('ix_cases_merchant_id'), ['merchant_id'], unique=False)
        batch_op.create_index('ix_cases_queue', ['status', 'priority', 'opened_at'], unique=False)

    op.create_table('penalty_decisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('rule_code', sa.String(length=64), nullable=False),
    sa.Column('severity', sa.String(length=32), nullable=False),
    sa.Column('offence_no', sa.Integer(), nullable=False),
    sa.Column('ruleset_version', sa.String(length=64), nullable=False),
    sa.Column('plan', sa.JSON(), nullable=False),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.Column('state', sa.Enum('in_force', 'overturned', 'superseded', name='decisionstate', native_enum=False, length=32), nullable=False),
    sa.Column('is_correction', sa.Boolean(), nullable=False),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('end_reason', sa.String(length=500), nullable=False),
    sa.ForeignKeyConstraint(['decided_by_id'], ['users.id'], name=op.f('fk_penalty_decisions_decided_by_id_users')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_penalty_decisions_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['supersedes_id'], ['penalty_decisions.id'], name=op.f('fk_penalty_decisions_supersedes_id_penalty_decisions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_penalty_decisions'))
    )
    with op.batch_alter_table('penalty_decisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_penalty_decisions_merchant_id'), ['merchant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_penalty_decisions_rule_code'), ['rule_code'], unique=False)

    op.create_table('exam_revocations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=False),
    sa.Column('subtype', sa.String(length=64), nullable=False),
    sa.Column('grade', sa.String(length=16), nullable=False),
    sa.Column('passed_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['decision_id'], ['penalty_decisions.id'], name=op.f('fk_exam_revocations_decision_id_penalty_decisions')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_exam_revocations_merchant_id_merchants')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_revocations')),
    sa.UniqueConstraint('decision_id', name=op.f('uq_exam_revocations_decision_id'))
    )
    with op.batch_alter_table('exam_revocations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exam_revocations_merchant_id'), ['merchant_id'], unique=False)

    op.create_table('flags',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.Enum('detector', 'report', 'sweep', name='flagsource', native_enum=False, length=16), nullable=False),
    sa.Column('rule_code', sa.String(length=64), nullable=True),
    sa.Column('category', sa.String(length=32), nullable=True),
    sa.Column('detector', sa.String(length=32), nullable=False),
    sa.Column('term', sa.String(length=64), nullable=True),
    sa.Column('start', sa.Integer(), nullable=True),
    sa.Column('end', sa.Integer(), nullable=True),
    sa.Column('matched', sa.String(length=500), nullable=False),
    sa.Column('where', sa.String(length=16), nullable=False),
    sa.Column('attachment_index', sa.Integer(), nullable=True),
    sa.Column('confidence', sa.Double(), nullable=False),
    sa.Column('status', sa.Enum('open', 'confirmed', 'dismissed', name='flagstatus', native_enum=False, length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_flags_case_id_cases')),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_flags_conversation_id_conversations')),
    sa.ForeignKeyConstraint(['message_id'], ['messages.id'], name=op.f('fk_flags_message_id_messages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_flags'))
    )
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flags_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_flags_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_flags_message_id'), ['message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_flags_rule_code'), ['rule_code'], unique=False)

    op.create_table('ledger_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('merchant_id', sa.Integer(), nullable=False),
    sa.Column('decision_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('opening', 'deposit_topup', 'integrity_points', 'violation_points', 'deposit_deduction', 'consumer_compensation', 'business_restriction', 'listing_restriction', 'mute', 'search_demotion', 'removal', 'content_removal', 'risk_notice', 'warning', name='entrykind', native_enum=False, length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('effective_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('integrity_delta', sa.Integer(), nullable=True),
    sa.Column('violation_delta', sa.Numeric(precision=8, scale=2), nullable=True),
    sa.Column('track', sa.String(length=16), nullable=True),
    sa.Column('deposit_delta', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('requested', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('shortfall', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('compensation', sa.Numeric(precision=14, scale=2), nullable=True),
    sa.Column('is_provisional', sa.Boolean(), nullable=False),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.CheckConstraint('ends_at IS NULL OR ends_at >= effective_at', name=op.f('ck_ledger_entries_window_order')),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_ledger_entries_case_id_cases')),
    sa.ForeignKeyConstraint(['decision_id'], ['penalty_decisions.id'], name=op.f('fk_ledger_entries_decision_id_penalty_decisions')),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_ledger_entries_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['reverses_id'], ['ledger_entries.id'], name=op.f('fk_ledger_entries_reverses_id_ledger_entries')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries'))
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_entries_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entries_decision_id'), ['decision_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entries_merchant_id'), ['merchant_id'], unique=False)
        batch_op.create_index('ix_ledger_entries_merchant_kind', ['merchant_id', 'kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_ledger_entries_reverses_id'), ['reverses_id'], unique=False)

    op.create_table('reports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('conversation_id', sa.Integer(), nullable=False),
    sa.Column('reporter_role', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('reported_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('flag_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['conversation_id'], ['conversations.id'], name=op.f('fk_reports_conversation_id_conversations')),
    sa.ForeignKeyConstraint(['flag_id'], ['flags.id'], name=op.f('fk_reports_flag_id_flags')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reports')),
    sa.UniqueConstraint('conversation_id', 'fingerprint', name=op.f('uq_reports_conversation_id_fingerprint'))
    )
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reports_conversation_id'), ['conversation_id'], unique=False)

    create_append_only("ledger_entries")


def downgrade():
    drop_append_only("ledger_entries")
    with op.batch_alter_table('reports', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reports_conversation_id'))

    op.drop_table('reports')
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_entries_reverses_id'))
        batch_op.drop_index('ix_ledger_entries_merchant_kind')
        batch_op.drop_index(batch_op.f('ix_ledger_entries_merchant_id'))
        batch_op.drop_index(batch_op.f('ix_ledger_entries_decision_id'))
        batch_op.drop_index(batch_op.f('ix_ledger_entries_case_id'))

    op.drop_table('ledger_entries')
    with op.batch_alter_table('flags', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flags_rule_code'))
        batch_op.drop_index(batch_op.f('ix_flags_message_id'))
        batch_op.drop_index(batch_op.f('ix_flags_conversation_id'))
        batch_op.drop_index(batch_op.f('ix_flags_case_id'))

    op.drop_table('flags')
    with op.batch_alter_table('exam_revocations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exam_revocations_merchant_id'))

    op.drop_table('exam_revocations')
    with op.batch_alter_table('penalty_decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_penalty_decisions_rule_code'))
        batch_op.drop_index(batch_op.f('ix_penalty_decisions_merchant_id'))

    op.drop_table('penalty_decisions')
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_queue')
        batch_op.drop_index(batch_op.f('ix_cases_merchant_id'))
        batch_op.drop_index('ix_cases_grouping')
        batch_op.drop_index(batch_op.f('ix_cases_claimed_by_id'))

    op.drop_table('cases')
    op.drop_table('merchant_balances')
