"""audit log: each entry chained to the one before, per hall

Each entry gets its place in the hall's sequence and a chain hash covering its fields and
the previous hash (shared/rules/audit_record.py). Existing entries are chained in the order
they were written; the triggers that refuse any change to the log stand aside for that one
update and are put back exactly as migration 0002 defined them.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29 22:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shared.rules.audit_record import audit_link
from shared.rules.form_record import GENESIS

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

AUDIT = sa.table(
    "audit_log",
    sa.column("id", sa.Integer),
    sa.column("hall_id", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("clerk_id", sa.Integer),
    sa.column("action", sa.String),
    sa.column("source", sa.String),
    sa.column("detail", sa.JSON),
    sa.column("sequence", sa.Integer),
    sa.column("chain_hash", sa.String),
)
REFUSE = "BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END"
SQLITE_GUARDS = [
    f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log {REFUSE}",
    f"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log {REFUSE}",
]


def _chain_existing_entries(bind: sa.Connection) -> None:
    previous: dict[int, tuple[int, str]] = {}
    rows = bind.execute(sa.select(AUDIT).order_by(AUDIT.c.id)).all()
    for row in rows:
        sequence, last = previous.get(row.hall_id, (0, GENESIS))
        link = audit_link(
            last,
            sequence + 1,
            row.hall_id,
            row.at,
            row.clerk_id,
            row.action,
            row.source or "",
            row.detail or {},
        )
        bind.execute(
            sa.update(AUDIT)
            .where(AUDIT.c.id == row.id)
            .values(sequence=sequence + 1, chain_hash=link, source=row.source or "")
        )
        previous[row.hall_id] = (sequence + 1, link)


def upgrade() -> None:
    bind = op.get_bind()
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("sequence", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("chain_hash", sa.String(length=64), nullable=True))
    if bind.dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        _chain_existing_entries(bind)
        for statement in SQLITE_GUARDS:
            op.execute(statement)
    else:
        op.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
        _chain_existing_entries(bind)
        op.execute("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change")
    op.create_index("ux_audit_log_hall_sequence", "audit_log", ["hall_id", "sequence"], unique=True)


def downgrade() -> None:
    op.drop_index("ux_audit_log_hall_sequence", table_name="audit_log")
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        # SQLite rebuilds the table to drop a column, and the triggers with it
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("chain_hash")
        batch.drop_column("sequence")
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_GUARDS:
            op.execute(statement)
