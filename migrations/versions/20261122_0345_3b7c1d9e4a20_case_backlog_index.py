"""Partial index on the open backlog in queue order (queue page, facet counts, claim-next).

The queue (status in the open statuses, ordered by priority descending, then oldest first, then id) and
claim-next read only the ~5 % of cases that are still open. ix_cases_queue (status, priority,
opened_at) cannot return them in that order across several statuses, so every queue page and every
claim sorted the whole backlog after fetching it from the heap. This index holds just the backlog, in
queue order, and carries status, platform and category so that the facet counts are index-only scans.
Measured on 1,000,000 cases / 50,000 in the backlog: see bench/results/review.txt.

Revision ID: 3b7c1d9e4a20
Revises: 5ffeef260851
Create Date: 2026-11-22 03:45:00.000000

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = '3b7c1d9e4a20'
down_revision = '5ffeef260851'
branch_labels = None
depends_on = None

BACKLOG = sa.text("status IN ('open', 'in_review', 'on_hold', 'escalated', 'awaiting_approval')")


def upgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.create_index('ix_cases_backlog', [sa.desc(sa.column('priority')), 'opened_at', 'id'], unique=False,
                              postgresql_include=['status', 'platform', 'category'],
                              postgresql_where=BACKLOG, sqlite_where=BACKLOG)


def downgrade():
    with op.batch_alter_table('cases', schema=None) as batch_op:
        batch_op.drop_index('ix_cases_backlog')
