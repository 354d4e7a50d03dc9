"""service forms: the retention purge's redaction, and a chain over each form's whole record

The purge replaces a form's PDF by a redacted one: when, and the redacted PDF's hash, are
kept beside the original's. Each form's chain link now covers its record (ticket, hall,
counter, clerk, customer, businesses and outcomes, signed or declined and why, times, the
PDF's hash: shared/rules/form_record.py): existing forms are chained again in their order,
and the new chain's end is written to the audit log, as each archiving writes it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 22:00:00

"""

import secrets
from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from shared.rules.form_record import (
    CHAINED,
    GENESIS,
    chain_link,
    personal_digest,
    record_digest,
)

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FORMS = sa.table(
    "service_forms",
    sa.column("id", sa.Integer),
    sa.column("hall_id", sa.Integer),
    sa.column("sequence", sa.Integer),
    sa.column("ticket_id", sa.Integer),
    sa.column("ticket_code", sa.String),
    sa.column("clerk_id", sa.Integer),
    sa.column("counter_id", sa.Integer),
    sa.column("phone", sa.String),
    sa.column("created_at", sa.DateTime),
    sa.column("business_day", sa.Date),
    sa.column("signed", sa.Boolean),
    sa.column("decline_reason", sa.String),
    sa.column("strokes", sa.JSON(none_as_null=True)),
    sa.column("pdf_sha256", sa.String),
    sa.column("chain_hash", sa.String),
    sa.column("record_salt", sa.String),
    sa.column("personal_sha256", sa.String),
)
AUDIT = sa.table(
    "audit_log",
    sa.column("hall_id", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("clerk_id", sa.Integer),
    sa.column("action", sa.String),
    sa.column("source", sa.String),
    sa.column("detail", sa.JSON),
)


def upgrade() -> None:
    op.add_column("service_forms", sa.Column("redacted_at", sa.DateTime(), nullable=True))
    op.add_column(
        "service_forms", sa.Column("redacted_pdf_sha256", sa.String(length=64), nullable=True)
    )
    op.add_column("service_forms", sa.Column("record_salt", sa.String(length=64), nullable=True))
    op.add_column(
        "service_forms", sa.Column("personal_sha256", sa.String(length=64), nullable=True)
    )
    connection = op.get_bind()
    for hall_id, code in connection.execute(sa.text("SELECT id, code FROM halls")).all():
        _rechain(connection, hall_id, code)


def _rechain(connection: sa.Connection, hall_id: int, code: str) -> None:
    counters: dict[int, int] = {
        row.id: row.number for row in connection.execute(sa.text("SELECT id, number FROM counters"))
    }
    clerks: dict[int, str] = {
        row.id: row.staff_id
        for row in connection.execute(sa.text("SELECT id, staff_id FROM clerks"))
    }
    done: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for ticket_id, key, outcome in connection.execute(
        sa.text(
            "SELECT t.ticket_id, b.key, t.outcome FROM transactions t"
            " JOIN businesses b ON b.id = t.business_id"
            " WHERE t.ticket_id IN (SELECT ticket_id FROM service_forms WHERE hall_id = :hall)"
            " ORDER BY t.id"
        ),
        {"hall": hall_id},
    ):
        done[ticket_id].append((key, outcome))
    forms = connection.execute(
        sa.select(FORMS).where(FORMS.c.hall_id == hall_id).order_by(FORMS.c.sequence)
    ).all()
    previous, last = GENESIS, None
    for form in forms:
        salt = secrets.token_hex(16)
        personal = personal_digest(salt, form.phone, form.decline_reason or "", form.strokes)
        record = record_digest(
            hall=code,
            sequence=form.sequence,
            ticket=form.ticket_code,
            business_day=form.business_day,
            counter=counters.get(form.counter_id, -1),
            clerk=clerks.get(form.clerk_id, ""),
            created_at=form.created_at,
            signed=form.signed,
            businesses=done[form.ticket_id],
            pdf_sha256=form.pdf_sha256,
            personal_sha256=personal,
        )
        previous = chain_link(previous, form.sequence, record)
        connection.execute(
            sa.update(FORMS)
            .where(FORMS.c.id == form.id)
            .values(record_salt=salt, personal_sha256=personal, chain_hash=previous)
        )
        last = form
    if last is not None:
        connection.execute(
            sa.insert(AUDIT).values(
                hall_id=hall_id,
                at=last.created_at,
                clerk_id=None,
                action="form_archived",
                source="upgrade",
                detail={"sequence": last.sequence, "chain_hash": previous, "chained": CHAINED},
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("service_forms") as table:
        table.drop_column("personal_sha256")
        table.drop_column("record_salt")
        table.drop_column("redacted_pdf_sha256")
        table.drop_column("redacted_at")
