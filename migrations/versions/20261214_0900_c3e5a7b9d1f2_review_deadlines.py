"""Review deadlines (issue 22): a case's deadline basis; an appeal's own decision deadline.

``cases.sla_basis``: what a case's deadline was computed from (hours, clock, tier), for pages to say.
``appeals.decision_due_at``: the platform's deadline to decide the appeal, None while it waits on the
merchant; ``decision_seconds_left`` holds the time it had left meanwhile; ``decision_basis`` what the
deadline was computed from. Appeals submitted before this revision have no decision deadline until
they are next submitted (after evidence the reviewer asks for).

Revision ID: c3e5a7b9d1f2
Revises: b7d2e4f6a810
Create Date: 2026-12-14 09:00:00

"""
import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = 'c3e5a7b9d1f2'
down_revision = 'b7d2e4f6a810'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('cases') as batch:
        batch.add_column(sa.Column('sla_basis', sa.JSON(), nullable=True))
    with op.batch_alter_table('appeals') as batch:
        batch.add_column(sa.Column('decision_due_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('decision_seconds_left', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('decision_basis', sa.JSON(), nullable=True))
        batch.create_index('ix_appeals_decision_due_at', ['decision_due_at'], unique=False)


def downgrade():
    with op.batch_alter_table('appeals') as batch:
        batch.drop_index('ix_appeals_decision_due_at')
        batch.drop_column('decision_basis')
        batch.drop_column('decision_seconds_left')
        batch.drop_column('decision_due_at')
    with op.batch_alter_table('cases') as batch:
        batch.drop_column('sla_basis')
