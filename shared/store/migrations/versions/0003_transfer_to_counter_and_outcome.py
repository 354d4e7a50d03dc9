"""transfer to a counter, and each transaction's outcome

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 12:55:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("for_counter_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            "fk_tickets_for_counter_id_counters", "counters", ["for_counter_id"], ["id"]
        )
    with op.batch_alter_table("transactions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("outcome", sa.String(length=12), nullable=False, server_default="completed")
        )


def downgrade() -> None:
    with op.batch_alter_table("transactions", schema=None) as batch_op:
        batch_op.drop_column("outcome")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_constraint("fk_tickets_for_counter_id_counters", type_="foreignkey")
        batch_op.drop_column("for_counter_id")
