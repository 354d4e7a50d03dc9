"""a call of a chosen ticket keeps its reason; a rating keeps why the customer was not satisfied

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30 01:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The words as this revision knows them (shared.vocabulary.CallReason, DissatisfiedReason).
_CALL_REASONS = ("priority_care", "appointment", "returned", "lead_asked", "other")
_DISSATISFIED = ("long_wait", "slow_service", "attitude", "not_solved", "unclear", "other")
_ADDED = (
    ("ticket_events", "ck_ticket_events_reason", _CALL_REASONS),
    ("ratings", "ck_ratings_reason", _DISSATISFIED),
)


def _check(words: tuple[str, ...]) -> str:
    return f"reason IN ({', '.join(repr(word) for word in words)})"


def upgrade() -> None:
    for table, check, words in _ADDED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("reason", sa.String(length=20), nullable=True))
            batch_op.create_check_constraint(check, _check(words))


def downgrade() -> None:
    for table, check, _words in _ADDED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(check, type_="check")
            batch_op.drop_column("reason")
