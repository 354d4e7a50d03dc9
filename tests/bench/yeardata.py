"""Year-scale data: a busy hall's year, or a city of halls for a month, written in bulk.

    python -m tests.bench.yeardata --db TARGET year [--start 2025-01-01] [--days 365]
    python -m tests.bench.yeardata --db TARGET city [--halls 100] [--days 30]

Rows are not invented one by one: a week of days is simulated (`shared.forecast.simulate`, one
profile per weekday) and replayed through the real services into a scratch SQLite store,
each finished ticket of long, handset or group business gets its archived service form (a
small PDF, in the hall's hash chain), and then each day of the year is a bulk copy of its
weekday's template, with ids renumbered, times moved to the day and each row's hall, queue,
business, counter and clerk looked up in the target hall by name. So every copied day is
as consistent as a replayed one, and its figures are exactly its template's. A year of the
demo hall is about 200,000 tickets with some 750,000 ticket events.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import io
import json
import secrets
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A5
from reportlab.pdfgen import canvas
from sqlalchemy import Date, DateTime, Table, func, insert, select, text
from sqlalchemy.orm import Session

from shared.forecast.simulate import preset, simulate_day
from shared.rules.form_record import GENESIS, chain_link, personal_digest, record_digest
from shared.services.hall_config import demo_definition, load_hall
from shared.services.replay import replay
from shared.store.database import Store, open_store
from shared.store.models import (
    AlertChange,
    Business,
    Clerk,
    Counter,
    CounterEvent,
    CounterSession,
    Hall,
    Queue,
    QueueSequence,
    Rating,
    ServiceForm,
    Ticket,
    TicketEvent,
    Transaction,
)

# The template week: one simulated day per weekday, Monday first (about 540 tickets a day).
WEEK = ("busy", "normal", "busy", "normal", "surge", "busy", "normal")
TEMPLATE_MONDAY = dt.date(2024, 1, 1)
FORM_CLASSES = ("long", "handset", "group")  # business that ends with a signed service form
DECLINED = "customer declined to sign"
BATCH = 5000

# Copied per day, parents first; the rest of a hall (its queues, counters...) is configuration.
DAY_TABLES: tuple[Table, ...] = tuple(
    model.__table__  # type: ignore[misc]
    for model in (
        Ticket,
        TicketEvent,
        Transaction,
        Rating,
        ServiceForm,
        CounterSession,
        CounterEvent,
        QueueSequence,
        AlertChange,
    )
)
# A hall's configuration rows, matched between halls by these natural keys.
CONFIGURATION = {
    Queue.__tablename__: (Queue, Queue.letter),
    Business.__tablename__: (Business, Business.key),
    Counter.__tablename__: (Counter, Counter.number),
    Clerk.__tablename__: (Clerk, Clerk.staff_id),
}


# ----- the template week -----


def _form_pdf(business: str) -> bytes:
    """A small one-page service form for `business`: enough to be a real, readable PDF."""
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A5, pageCompression=1)
    page.setTitle(f"Service form: {business}")
    page.setFont("Helvetica-Bold", 14)
    page.drawString(40, 540, "Service form")
    page.setFont("Helvetica", 10)
    page.drawString(40, 515, f"Business: {business}")
    page.drawString(40, 500, "The customer confirms the business done and the terms.")
    page.line(40, 460, 260, 460)
    page.drawString(40, 447, "Signature")
    page.showPage()
    page.save()
    return out.getvalue()


def _add_forms(session: Session, hall: Hall) -> int:
    """One archived form per finished ticket of form business that the replay did not
    already archive (it archives every finish replayed as signed), signed as its transaction
    was. Sequence and chain are placeholders here: each copy renumbers and chains them."""
    archived = select(ServiceForm.ticket_id).where(ServiceForm.hall_id == hall.id)
    finished = session.execute(
        select(Ticket, Transaction, Business.key)
        .join(Transaction, Transaction.ticket_id == Ticket.id)
        .join(Business, Business.id == Transaction.business_id)
        .where(
            Ticket.hall_id == hall.id,
            Ticket.status == "finished",
            Business.business_class.in_(FORM_CLASSES),
            Ticket.id.not_in(archived),
        )
        .order_by(Transaction.at, Transaction.id)
    ).all()
    last = session.scalar(
        select(func.max(ServiceForm.sequence)).where(ServiceForm.hall_id == hall.id)
    )
    pdfs: dict[str, bytes] = {}
    for number, (ticket, done, business) in enumerate(finished, start=(last or 0) + 1):
        pdf = pdfs.setdefault(business, _form_pdf(business))
        salt = secrets.token_hex(16)
        reason = "" if done.signed else DECLINED
        session.add(
            ServiceForm(
                hall_id=hall.id,
                sequence=number,
                ticket_id=ticket.id,
                ticket_code=ticket.code,
                clerk_id=done.clerk_id,
                counter_id=done.counter_id,
                phone=ticket.phone,
                created_at=done.at,
                business_day=ticket.business_day,
                signed=done.signed,
                decline_reason=reason,
                pdf=pdf,
                pdf_sha256=hashlib.sha256(pdf).hexdigest(),
                chain_hash="",
                record_salt=salt,
                personal_sha256=personal_digest(salt, ticket.phone, reason, None),
            )
        )
    return len(finished)


def build_templates(folder: Path, seed: int = 1, volume: float = 1.0) -> Store:
    """A scratch store holding the template week of the demo hall, replayed through the
    services; one more day's open and close rolls the last day's leftovers over."""
    store = open_store(str(folder / "template-week.sqlite3"))
    with store.write() as session:
        load_hall(session, demo_definition())
    lines: list[str] = []
    for offset, profile in enumerate(WEEK):
        day = TEMPLATE_MONDAY + dt.timedelta(days=offset)
        shaped = preset(profile)
        shaped = preset(profile, volume=shaped.volume * volume)
        events = simulate_day(shaped, day, seed + offset)
        lines += [json.dumps(event, ensure_ascii=False) for event in events]
    after = (TEMPLATE_MONDAY + dt.timedelta(days=len(WEEK))).isoformat()
    lines.append(f'{{"op": "open", "counter": 1, "clerk": "E001", "at": "{after}T08:00:00"}}')
    lines.append(f'{{"op": "close", "counter": 1, "at": "{after}T08:00:01"}}')
    rejected = [result for result in replay(store, "demo", lines) if not result["ok"]]
    if rejected:
        raise RuntimeError(f"the simulated week was not accepted: {rejected[:3]}")
    with store.write() as session:
        _add_forms(session, session.scalars(select(Hall)).one())
    return store


@dataclass
class TemplateDay:
    """One template day's rows, table by table, as plain dicts."""

    day: dt.date
    rows: dict[str, list[dict[str, Any]]]

    def count(self, table: Table) -> int:
        return len(self.rows[table.name])


def read_template_day(session: Session, day: dt.date) -> TemplateDay:
    """The rows of the tickets issued on `day` (with all their events, whenever written),
    the counter sessions opened that day, and the day's sequences and level changes."""
    tickets = select(Ticket.id).where(Ticket.business_day == day).scalar_subquery()
    opened = select(CounterSession.id).where(
        CounterSession.opened_at >= dt.datetime.combine(day, dt.time()),
        CounterSession.opened_at < dt.datetime.combine(day + dt.timedelta(days=1), dt.time()),
    )
    chosen = {
        Ticket: Ticket.business_day == day,
        TicketEvent: TicketEvent.ticket_id.in_(tickets),
        Transaction: Transaction.ticket_id.in_(tickets),
        Rating: Rating.ticket_id.in_(tickets),
        ServiceForm: ServiceForm.ticket_id.in_(tickets),
        CounterSession: CounterSession.id.in_(opened.scalar_subquery()),
        CounterEvent: CounterEvent.session_id.in_(opened.scalar_subquery()),
        QueueSequence: QueueSequence.business_day == day,
        AlertChange: AlertChange.business_day == day,
    }
    rows: dict[str, list[dict[str, Any]]] = {}
    for model, where in chosen.items():
        table: Table = model.__table__  # type: ignore[attr-defined]
        order = [table.c.id] if "id" in table.c else list(table.primary_key)
        found = session.execute(select(table).where(where).order_by(*order)).mappings()
        rows[table.name] = [dict(row) for row in found]
    return TemplateDay(day, rows)


# ----- copying days into a hall -----


@dataclass
class HallMap:
    """Template ids to a target hall's ids, by natural key; and the hall's form chain."""

    hall_id: int
    ids: dict[str, dict[int, int]]
    next_sequence: int = 1
    last_chain: str = GENESIS
    # What a form's chained record names by id: the hall's code, counters' numbers, clerks'
    # staff ids and businesses' keys.
    code: str = ""
    counters: dict[int, int] = field(default_factory=dict)
    clerks: dict[int, str] = field(default_factory=dict)
    businesses: dict[int, str] = field(default_factory=dict)


def map_hall(session: Session, template: Session, hall_code: str) -> HallMap:
    """Match the template hall's configuration rows to the hall `hall_code`'s."""
    target = session.scalars(select(Hall).where(Hall.code == hall_code)).one()
    source = template.scalars(select(Hall)).one()
    ids: dict[str, dict[int, int]] = {Hall.__tablename__: {source.id: target.id}}
    for name, (model, key) in CONFIGURATION.items():
        hall_column = model.hall_id  # type: ignore[attr-defined]
        theirs = dict(template.execute(select(key, model.id).where(hall_column == source.id)).all())  # type: ignore[attr-defined]
        ours = dict(session.execute(select(key, model.id).where(hall_column == target.id)).all())  # type: ignore[attr-defined]
        ids[name] = {their_id: ours[natural] for natural, their_id in theirs.items()}
    last = session.execute(
        select(ServiceForm.sequence, ServiceForm.chain_hash)
        .where(ServiceForm.hall_id == target.id)
        .order_by(ServiceForm.sequence.desc())
        .limit(1)
    ).first()
    mapped = HallMap(
        target.id,
        ids,
        code=target.code,
        counters=dict(session.execute(select(Counter.id, Counter.number)).tuples().all()),
        clerks=dict(session.execute(select(Clerk.id, Clerk.staff_id)).tuples().all()),
        businesses=dict(session.execute(select(Business.id, Business.key)).tuples().all()),
    )
    if last is not None:
        mapped.next_sequence, mapped.last_chain = last[0] + 1, last[1]
    return mapped


@dataclass
class IdSource:
    """The next free primary key of each table with an integer id."""

    next_id: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, session: Session) -> IdSource:
        found = {}
        for table in DAY_TABLES:
            if "id" in table.c:
                found[table.name] = (session.scalar(select(func.max(table.c.id))) or 0) + 1
        return cls(found)

    def take(self, table: Table) -> int:
        number = self.next_id[table.name]
        self.next_id[table.name] = number + 1
        return number


@dataclass(frozen=True)
class _ColumnPlan:
    """How one column of one table is carried over: shifted, renumbered, or kept."""

    name: str
    shift: bool = False
    refers_to: str | None = None


def _plans(table: Table) -> list[_ColumnPlan]:
    plans = []
    for column in table.columns:
        target = next(iter(column.foreign_keys)).column.table.name if column.foreign_keys else None
        shifts = isinstance(column.type, Date | DateTime)
        plans.append(_ColumnPlan(column.name, shifts, target))
    return plans


PLANS = {table.name: _plans(table) for table in DAY_TABLES}


def copy_day(
    session: Session, template: TemplateDay, day: dt.date, hall: HallMap, ids: IdSource
) -> int:
    """Insert the template day's rows as `day` in `hall`; returns the rows written."""
    delta = dt.timedelta(days=(day - template.day).days)
    renumbered: dict[str, dict[int, int]] = {}
    copied: dict[str, list[dict[str, Any]]] = {}
    written = 0
    for table in DAY_TABLES:
        rows = [
            _copy_row(row, table, delta, hall, renumbered, ids) for row in template.rows[table.name]
        ]
        copied[table.name] = rows
        if table.name == ServiceForm.__tablename__:
            _chain(rows, hall, copied[Transaction.__tablename__])
        for start in range(0, len(rows), BATCH):
            session.execute(insert(table), rows[start : start + BATCH])
        written += len(rows)
    return written


def _copy_row(
    row: Mapping[str, Any],
    table: Table,
    delta: dt.timedelta,
    hall: HallMap,
    renumbered: dict[str, dict[int, int]],
    ids: IdSource,
) -> dict[str, Any]:
    copied: dict[str, Any] = {}
    for plan in PLANS[table.name]:
        value = row[plan.name]
        if value is None:
            pass
        elif plan.shift:
            value = value + delta
        elif plan.refers_to is not None:
            value = (renumbered.get(plan.refers_to) or hall.ids[plan.refers_to])[value]
        copied[plan.name] = value
    if "id" in table.c:
        copied["id"] = ids.take(table)
        renumbered.setdefault(table.name, {})[row["id"]] = copied["id"]
    return copied


def _chain(
    forms: Sequence[dict[str, Any]], hall: HallMap, transactions: Sequence[dict[str, Any]]
) -> None:
    """Number the day's forms on from the hall's last one and link each one's record to the
    one before (shared/rules/form_record.py)."""
    done: dict[int, list[tuple[str, str]]] = {}
    for row in sorted(transactions, key=lambda row: row["id"]):
        done.setdefault(row["ticket_id"], []).append(
            (hall.businesses[row["business_id"]], row["outcome"])
        )
    for form in forms:
        form["sequence"] = hall.next_sequence
        record = record_digest(
            hall=hall.code,
            sequence=form["sequence"],
            ticket=form["ticket_code"],
            business_day=form["business_day"],
            counter=hall.counters[form["counter_id"]],
            clerk=hall.clerks[form["clerk_id"]],
            created_at=form["created_at"],
            signed=form["signed"],
            businesses=done.get(form["ticket_id"], []),
            pdf_sha256=form["pdf_sha256"],
            personal_sha256=form["personal_sha256"] or "",
        )
        form["chain_hash"] = chain_link(hall.last_chain, hall.next_sequence, record)
        hall.next_sequence += 1
        hall.last_chain = form["chain_hash"]


def _settle_postgres(session: Session) -> None:
    """Rows were inserted with explicit ids: move each id sequence past them, and refresh the
    planner's statistics at once rather than when autovacuum gets to the new rows."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in DAY_TABLES:
        if "id" in table.c:
            session.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table.name}), false)"
                )
            )
        session.execute(text(f"ANALYZE {table.name}"))


# ----- a year, a city -----


@dataclass(frozen=True)
class Filled:
    """What a fill wrote, and how long it took."""

    halls: int
    days: int
    tickets: int
    rows: int
    seconds: float

    def describe(self) -> str:
        return (
            f"{self.halls} hall(s) x {self.days} day(s): {self.tickets:,} tickets, "
            f"{self.rows:,} rows in {self.seconds:.0f} s ({self.rows / self.seconds:,.0f} rows/s)"
        )


def template_days(template: Store) -> list[TemplateDay]:
    with template.read() as session:
        return [
            read_template_day(session, TEMPLATE_MONDAY + dt.timedelta(days=offset))
            for offset in range(len(WEEK))
        ]


def days_from(start: dt.date, count: int) -> Iterator[dt.date]:
    for offset in range(count):
        yield start + dt.timedelta(days=offset)


def fill(
    store: Store,
    template: Store,
    hall_codes: Sequence[str],
    start: dt.date,
    days: int,
) -> Filled:
    """Copy `days` days from `start` into each hall (which must exist): each day from the
    template of its weekday. One transaction per hall and day."""
    began = time.monotonic()
    week = template_days(template)
    tickets = rows = 0
    with store.read() as session:
        ids = IdSource.of(session)  # the fill is the store's only writer while it runs
    with template.read() as template_session:
        for code in hall_codes:
            with store.read() as session:
                hall = map_hall(session, template_session, code)
            for day in days_from(start, days):
                source = week[day.weekday()]
                with store.write() as session:
                    rows += copy_day(session, source, day, hall, ids)
                tickets += source.count(Ticket.__table__)  # type: ignore[arg-type]
    with store.write() as session:
        _settle_postgres(session)
        last_day = start + dt.timedelta(days=days - 1)
        for code in hall_codes:
            hall_row = session.scalars(select(Hall).where(Hall.code == code)).one()
            hall_row.business_day = max(hall_row.business_day or last_day, last_day)
    return Filled(len(hall_codes), days, tickets, rows, time.monotonic() - began)


def city_codes(halls: int) -> list[str]:
    return [f"city-{number:03d}" for number in range(1, halls + 1)]


def add_city_halls(store: Store, halls: int) -> list[str]:
    """The city's halls, each laid out as the demo hall, each with its own rows."""
    codes = city_codes(halls)
    with store.write() as session:
        for number, code in enumerate(codes, start=1):
            definition = dict(demo_definition(), code=code, name=f"营业厅 {number:03d}")
            definition["name_en"] = f"Hall {number:03d}"
            load_hall(session, definition)
    return codes


def fill_year(
    store: Store, start: dt.date, days: int = 365, template: Store | None = None
) -> Filled:
    """The demo hall's year (the store gets the demo hall if it lacks it)."""
    with store.write() as session:
        load_hall(session, demo_definition())
    with _template(template) as week:
        return fill(store, week, ["demo"], start, days)


def fill_city(
    store: Store, start: dt.date, halls: int = 100, days: int = 30, template: Store | None = None
) -> Filled:
    """`halls` halls of a city (`city-001`...) for `days` days each."""
    codes = add_city_halls(store, halls)
    with _template(template) as week:
        return fill(store, week, codes, start, days)


def scratch_folder() -> tempfile.TemporaryDirectory[str]:
    """A folder for a scratch store, in memory where the system has one: the template week
    commits some 20,000 times, and nothing there needs to wait for a disk."""
    memory = Path("/dev/shm")
    return tempfile.TemporaryDirectory(
        prefix="hallq-template-", dir=str(memory) if memory.is_dir() else None
    )


@contextlib.contextmanager
def _template(given: Store | None) -> Iterator[Store]:
    """The template week given, or one built in a scratch folder for this fill only."""
    if given is not None:
        yield given
        return
    with scratch_folder() as folder:
        built = build_templates(Path(folder))
        try:
            yield built
        finally:
            built.close()


def generate(argv: list[str] | None = None) -> int:
    """The command line (named so that the benchmark runner does not take it for a bench)."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench.yeardata", description=__doc__)
    parser.add_argument("--db", required=True, help="store path or URL (made if missing)")
    parser.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2025, 1, 1))
    kinds = parser.add_subparsers(dest="kind", required=True)
    year = kinds.add_parser("year", help="the demo hall's year")
    year.add_argument("--days", type=int, default=365)
    city = kinds.add_parser("city", help="a city of halls, each for some days")
    city.add_argument("--halls", type=int, default=100)
    city.add_argument("--days", type=int, default=30)
    arguments = parser.parse_args(argv)
    store = open_store(arguments.db)
    try:
        if arguments.kind == "year":
            filled = fill_year(store, arguments.start, arguments.days)
        else:
            filled = fill_city(store, arguments.start, arguments.halls, arguments.days)
    finally:
        store.close()
    print(filled.describe())
    return 0


if __name__ == "__main__":
    sys.exit(generate())
