"""the waiting tickets' index keeps each queue's tickets in calling order, so a call reads
each queue's first ticket instead of every waiting one

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 06:00:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_tickets_waiting", table_name="tickets")
    op.create_index(
        "ix_tickets_waiting",
        "tickets",
        ["hall_id", "status", "queue_id", "waiting_since", "issued_at"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_tickets_waiting", table_name="tickets")
    op.create_index(
        "ix_tickets_waiting", "tickets", ["hall_id", "status", "queue_id"], unique=False
    )
