"""an early warning keeps the chance of its level it was raised with, for the shift lead

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 01:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("early_warnings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("chance", sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("early_warnings", schema=None) as batch_op:
        batch_op.drop_column("chance")
