"""a clerk's photo, from the hall definition, for the customer screen

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-30 05:45:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | Sequence[str] | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("clerks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("photo", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("clerks", schema=None) as batch_op:
        batch_op.drop_column("photo")
