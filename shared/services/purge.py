"""The retention purge: erase the personal fields of tickets older than the hall keeps them.

Only personal fields go (the customer's phone number and slip on the ticket, the phone on
an appointment, the phone, pen strokes and decline reason of a service form and the
personal parts of its archived PDF, the details and notes keyed into a transaction, the
number an offer was made to and a complaint's note). Every
row, every event and every figure stays: `hallq metrics`, `queues` and `alerts` read the
same before and after. One transaction, recorded in the audit log.

Erased values must not linger in the store's files either: SQLite stores zero freed bytes
(secure_delete, set where connections are made) and the write-ahead log is folded into the
store and emptied after the purge; on PostgreSQL the purged tables are rewritten (VACUUM
FULL), so no dead row version keeps an old value.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from dataclasses import dataclass

from sqlalchemy import Connection, CursorResult, null, select, text, update
from sqlalchemy.orm import Session

from shared.archive.forms import redact_form
from shared.errors import Rejected
from shared.services import audit
from shared.services.settings import load_settings
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_hall
from shared.store.models import Appointment, Case, Hall, Offer, ServiceForm, Ticket, Transaction

log = logging.getLogger(__name__)
# The tables whose rows a purge rewrites (PostgreSQL keeps the old versions until VACUUM).
PURGED_TABLES = ("tickets", "transactions", "appointments", "service_forms", "offers", "cases")
OLDER_SNAPSHOTS_WAIT_S = 10.0
# A transaction id newer than the purge's, and whether another session of the database
# holds a snapshot from before it.
_NEXT_XID = text("SELECT (txid_current() % 4294967296)::text")
_OLDER_SNAPSHOTS = text(
    "SELECT count(*) FROM pg_stat_activity"
    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
    " AND backend_xmin IS NOT NULL AND age(backend_xmin) > age(CAST(:horizon AS xid))"
)


@dataclass(frozen=True)
class Purged:
    """What one purge erased: personal fields of business days before `before`."""

    before: dt.date
    tickets: int
    appointments: int
    forms: int

    def as_json(self) -> dict[str, object]:
        return {
            "before": self.before.isoformat(),
            "tickets": self.tickets,
            "appointments": self.appointments,
            "forms": self.forms,
        }


def purge_personal_data(
    store: Store,
    hall_code: str | None,
    *,
    before: dt.date | None = None,
    clock: Clock | None = None,
    clerk_id: int | None = None,
    source: str = "",
    **detail: object,
) -> Purged:
    """Erase personal fields of business days before `before` (default: today less the
    hall's retention_days). A day after today is refused: today's customers are still here."""
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        if before is None:
            before = now.date() - dt.timedelta(days=load_settings(session, hall.id).retention_days)
        if before > now.date():
            raise Rejected(f"cannot purge days up to {before}: today is {now.date()}")
        purged = Purged(
            before,
            _erase_tickets(session, hall.id, before, now),
            _count(
                session.execute(
                    update(Appointment)
                    .where(
                        Appointment.hall_id == hall.id,
                        Appointment.business_day < before,
                        Appointment.phone != "",
                    )
                    .values(phone="")
                )
            ),
            _redact_forms(session, hall, before, now),
        )
        audit.record(
            session,
            hall.id,
            "purge",
            at=now,
            clerk_id=clerk_id,
            source=source,
            **purged.as_json(),
            **detail,
        )
    _leave_no_copies(store)
    return purged


def _redact_forms(session: Session, hall: Hall, before: dt.date, now: dt.datetime) -> int:
    """Redact every archived form of the purged days not redacted yet."""
    session.flush()  # the erased tickets and transactions are what the redacted forms show
    forms = session.scalars(
        select(ServiceForm)
        .where(
            ServiceForm.hall_id == hall.id,
            ServiceForm.business_day < before,
            ServiceForm.redacted_at.is_(None),
        )
        .order_by(ServiceForm.sequence)
    ).all()
    for form in forms:
        redact_form(session, hall, form, now)
    return len(forms)


def _leave_no_copies(store: Store) -> None:
    """After the purge's commit: no old copy of an erased value stays in the store's files.
    SQLite: the write-ahead log is copied into the store (whose freed bytes are zeroed) and
    truncated; a reader in the middle of a read can keep it from finishing, which is said.
    PostgreSQL: the purged tables are rewritten outside any transaction."""
    if store.is_sqlite:
        raw = store.engine.raw_connection()  # no transaction: a checkpoint runs outside one
        try:
            cursor = raw.cursor()
            busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            cursor.close()
        finally:
            raw.close()
        if busy is not None and busy[0]:
            log.warning("the write-ahead log could not be emptied: a reader held it")
        return
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        _wait_for_older_snapshots(connection)
        for table in PURGED_TABLES:
            connection.execute(text(f"VACUUM FULL {table}"))


def _wait_for_older_snapshots(connection: Connection) -> None:
    """A rewrite keeps every old row version a running transaction of this database may
    still see (one that began before the purge committed, an ANALYZE the server started on
    its own): wait, a few seconds at most, for those to end first."""
    horizon = connection.execute(_NEXT_XID).scalar_one()
    deadline = time.monotonic() + OLDER_SNAPSHOTS_WAIT_S
    while connection.execute(_OLDER_SNAPSHOTS, {"horizon": horizon}).scalar_one():
        if time.monotonic() > deadline:
            log.warning("a transaction older than the purge is still open: old values may stay")
            return
        time.sleep(0.05)


def _erase_tickets(session: Session, hall_id: int, before: dt.date, now: dt.datetime) -> int:
    old = (
        Ticket.hall_id == hall_id,
        Ticket.business_day < before,
        Ticket.purged_at.is_(None),
    )
    session.execute(
        update(Transaction)
        .where(
            Transaction.ticket_id.in_(select(Ticket.id).where(*old)),
            Transaction.fields.is_not(None) | (Transaction.notes != ""),
        )
        .values(fields=null(), notes="")
    )
    of_old_tickets = select(Ticket.id).where(*old)
    session.execute(
        update(Offer).where(Offer.ticket_id.in_(of_old_tickets), Offer.phone != "").values(phone="")
    )
    session.execute(
        update(Case).where(Case.ticket_id.in_(of_old_tickets), Case.note != "").values(note="")
    )
    return _count(
        session.execute(update(Ticket).where(*old).values(phone=None, slip=null(), purged_at=now))
    )


def _count(result: object) -> int:
    assert isinstance(result, CursorResult)
    return int(result.rowcount)
