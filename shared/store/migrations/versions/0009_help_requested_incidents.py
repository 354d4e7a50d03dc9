"""a kiosk's call for the floor staff is an incident the shift lead sees (help_requested)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 22:20:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The words as each side of this revision knows them.
_BEFORE = ("printer",)
_AFTER = ("printer", "help_requested")


def _check(words: tuple[str, ...]) -> str:
    return f"kind IN ({', '.join(repr(word) for word in words)})"


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_constraint("ck_incidents_kind", type_="check")
        batch_op.create_check_constraint("ck_incidents_kind", _check(_AFTER))


def downgrade() -> None:
    # The older schema has no word for a call for help: those incidents cannot stay.
    op.execute("DELETE FROM incidents WHERE kind = 'help_requested'")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_constraint("ck_incidents_kind", type_="check")
        batch_op.create_check_constraint("ck_incidents_kind", _check(_BEFORE))
