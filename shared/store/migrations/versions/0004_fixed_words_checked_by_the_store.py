"""the store refuses a status, state, kind, role, tier, class, outcome or rating outside the
hall's vocabulary

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 18:40:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The words as this revision knows them (shared/vocabulary.py may grow; this list may not).
_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "businesses": {"business_class": ("routine", "long", "handset", "group")},
    "customers": {"tier": ("vip", "group", "normal")},
    "clerks": {"role": ("clerk", "lead", "admin")},
    "counters": {"state": ("open", "paused", "closed")},
    "counter_events": {"kind": ("open", "pause", "resume", "close")},
    "tickets": {
        "tier": ("vip", "group", "normal"),
        "status": ("waiting", "called", "finished", "no_show", "expired"),
    },
    "ticket_events": {
        "kind": (
            "issued",
            "called",
            "recalled",
            "no_show",
            "transferred",
            "finished",
            "rated",
            "expired",
        )
    },
    "transactions": {"outcome": ("completed", "follow_up", "cancelled")},
    "ratings": {"rating": ("satisfied", "neutral", "dissatisfied")},
    "incidents": {"kind": ("printer",)},
}


def upgrade() -> None:
    # One batch per table: SQLite rebuilds each table once, however many checks it gets.
    for table, columns in _WORDS.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column, words in columns.items():
                batch_op.create_check_constraint(
                    f"ck_{table}_{column}",
                    f"{column} IN ({', '.join(repr(word) for word in words)})",
                )


def downgrade() -> None:
    for table, columns in reversed(_WORDS.items()):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.drop_constraint(f"ck_{table}_{column}", type_="check")
