"""indexes in the order the actions read them: the waiting tickets' keeps each queue in
calling order (a call reads each queue's first ticket, not every waiting one), and the
ticket and counter events' end with the time (the day's latest event is one index step)

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-30 06:00:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | Sequence[str] | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


INDEXES = {  # name: (table, columns before, columns after)
    "ix_tickets_waiting": (
        "tickets",
        ["hall_id", "status", "queue_id"],
        ["hall_id", "status", "queue_id", "waiting_since", "issued_at"],
    ),
    "ix_ticket_events_hall_day_kind": (
        "ticket_events",
        ["hall_id", "business_day", "kind"],
        ["hall_id", "business_day", "kind", "at"],
    ),
    "ix_counter_events_hall_day": (
        "counter_events",
        ["hall_id", "business_day"],
        ["hall_id", "business_day", "at"],
    ),
}


def upgrade() -> None:
    for name, (table, _before, after) in INDEXES.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, after, unique=False)


def downgrade() -> None:
    for name, (table, before, _after) in INDEXES.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, before, unique=False)
