"""service forms: when the retention purge redacted the PDF, and the redacted PDF's hash

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 22:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("service_forms", sa.Column("redacted_at", sa.DateTime(), nullable=True))
    op.add_column(
        "service_forms", sa.Column("redacted_pdf_sha256", sa.String(length=64), nullable=True)
    )


def downgrade() -> None:
    with op.batch_alter_table("service_forms") as table:
        table.drop_column("redacted_pdf_sha256")
        table.drop_column("redacted_at")
