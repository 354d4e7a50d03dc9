"""a ticket remembers the kiosk tap that asked for it, so a tap sent again is answered with
the same ticket, never a second one (tickets.tap)

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 01:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("tap", sa.String(length=40), nullable=True))
        batch_op.create_unique_constraint("uq_tickets_hall_id_tap", ["hall_id", "tap"])


def downgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_constraint("uq_tickets_hall_id_tap", type_="unique")
        batch_op.drop_column("tap")
