"""Partial indexes for claim-next: unclaimed cases in queue order, and claims by lease expiry.

With every claim walking ix_cases_backlog, each claim stepped past the cases other reviewers held
(heap fetches to check their lease): claim-next slowed down as claims accumulated. Measured in
bench/review_bench.py (bench/results/review.txt).

Revision ID: 8c3f2e4a5b63
Revises: 7b2e1d3f9c42
Create Date: 2026-11-22 06:10:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '8c3f2e4a5b63'
down_revision = '7b2e1d3f9c42'
branch_labels = None
depends_on = None

OPEN = sa.text("status = 'open'")
CLAIMED = sa.text("status = 'in_review'")


def upgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_unclaimed', [sa.desc(sa.column('priority')), 'opened_at', 'id'], unique=False,
                              postgresql_where=OPEN, sqlite_where=OPEN)
        batch_op.create_index('ix_cases_leases', ['claim_expires_at', 'id'], unique=False,
                              postgresql_where=CLAIMED, sqlite_where=CLAIMED)


def downgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_leases')
        batch_op.drop_index('ix_cases_unclaimed')
