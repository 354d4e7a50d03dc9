"""the shift lead's notice line on the calling board (board_notices)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 01:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "board_notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=120), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=False),
        sa.Column("posted_by", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["halls.id"]),
        sa.ForeignKeyConstraint(["posted_by"], ["clerks.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_board_notices_hall", "board_notices", ["hall_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_board_notices_hall", table_name="board_notices")
    op.drop_table("board_notices")
