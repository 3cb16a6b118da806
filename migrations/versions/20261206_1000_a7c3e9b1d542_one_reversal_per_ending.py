"""A measure is reversed at most once per overturn or reduction; a decision is superseded at most once.

Reversal entries name the decision whose ending (overturn, reduction) they belong to, and a unique
index on (reverses_id, ends_decision_id) refuses a second reversal of the same measure for the same
ending: two people deciding one appeal at once can no longer both write theirs. Reversals recorded
before this revision keep NULL (which the index does not compare); ``flask ledger verify`` checks
them by their decision instead. A second unique index allows one successor per penalty decision.

Both are indexes, not table constraints, so SQLite needs no table rebuild (a rebuild would drop the
ledger's append-only triggers).

Revision ID: a7c3e9b1d542
Revises: f3b9d5a7c820
Create Date: 2026-12-06 10:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'a7c3e9b1d542'
down_revision = 'f3b9d5a7c820'
branch_labels = None
depends_on = None


def upgrade():
    if op.get_bind().dialect.name == 'sqlite':
        # ADD COLUMN with an inline reference: SQLite cannot add a foreign key any other way.
        op.execute('ALTER TABLE ledger_entries ADD COLUMN ends_decision_id INTEGER '
                   'CONSTRAINT fk_ledger_entries_ends_decision_id_penalty_decisions '
                   'REFERENCES penalty_decisions (id)')
    else:
        op.add_column('ledger_entries', sa.Column('ends_decision_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_ledger_entries_ends_decision_id_penalty_decisions'), 'ledger_entries',
                              'penalty_decisions', ['ends_decision_id'], ['id'])
    op.create_index('uq_ledger_entries_one_reversal_per_ending', 'ledger_entries',
                    ['reverses_id', 'ends_decision_id'], unique=True)
    op.create_index('uq_penalty_decisions_supersedes_id', 'penalty_decisions', ['supersedes_id'], unique=True)


def downgrade():
    op.drop_index('uq_penalty_decisions_supersedes_id', table_name='penalty_decisions')
    op.drop_index('uq_ledger_entries_one_reversal_per_ending', table_name='ledger_entries')
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE ledger_entries DROP COLUMN ends_decision_id')
    else:
        op.drop_constraint(op.f('fk_ledger_entries_ends_decision_id_penalty_decisions'), 'ledger_entries',
                           type_='foreignkey')
        op.drop_column('ledger_entries', 'ends_decision_id')
