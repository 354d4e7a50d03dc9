"""the performance sheet's parts the shift lead enters: mystery-shopper checks, teamwork
and learning

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 05:40:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "score_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hall_id", sa.Integer(), nullable=False),
        sa.Column("clerk_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "mystery",
                "teamwork",
                "learning",
                name="ck_score_entries_kind",
                native_enum=False,
                create_constraint=True,
                length=10,
            ),
            nullable=False,
        ),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("items", sa.Integer(), nullable=True),
        sa.Column("points", sa.Float(), nullable=True),
        sa.Column("trainings", sa.Integer(), nullable=True),
        sa.Column("meetings_attended", sa.Integer(), nullable=True),
        sa.Column("meetings_held", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("entered_by", sa.String(length=60), nullable=False),
        sa.Column("entered_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["hall_id"], ["halls.id"]),
        sa.ForeignKeyConstraint(["clerk_id"], ["clerks.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_score_entries_month", "score_entries", ["hall_id", "month", "clerk_id"])


def downgrade() -> None:
    op.drop_index("ix_score_entries_month", table_name="score_entries")
    op.drop_table("score_entries")
