"""Year-scale data written in bulk is as consistent as a replayed day: every copied day's
figures are exactly its template day's, forms stay one unbroken chain per hall, each row
knows its hall, and the live services carry on from the copied rows."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shared.archive.forms import verify_chain
from shared.figures.clerks import clerk_figures, hall_day_summary
from shared.services.hall import HallService
from shared.store.clock import FixedClock
from shared.store.database import Store, open_store
from shared.store.lookup import find_hall
from shared.store.models import ServiceForm, Ticket, TicketEvent
from tests.bench.yeardata import (
    TEMPLATE_MONDAY,
    build_templates,
    fill_city,
    fill_year,
    scratch_folder,
)

pytestmark = [pytest.mark.integration, pytest.mark.slow]

START = dt.date(2025, 3, 3)  # a Monday
DAYS = 8  # every weekday's template once, and Monday's twice


@pytest.fixture(scope="module")
def template() -> Iterator[Store]:
    """A small template week (a tenth of the customers), built once for the module."""
    with scratch_folder() as folder:
        store = build_templates(Path(folder), volume=0.1)
        yield store
        store.close()


@pytest.fixture
def target(empty_store_target: str) -> Iterator[Store]:
    store = open_store(empty_store_target)
    yield store
    store.close()


def figures_of(store: Store, hall_code: str, day: dt.date) -> tuple[list[dict], dict]:
    with store.read() as session:
        hall = find_hall(session, hall_code)
        clerks = [figures.as_json() for figures in clerk_figures(session, hall, day)]
        return clerks, hall_day_summary(session, hall, day)


def template_day_of(day: dt.date) -> dt.date:
    return TEMPLATE_MONDAY + dt.timedelta(days=day.weekday())


def test_each_copied_day_has_exactly_its_template_days_figures(template, target):
    filled = fill_year(target, START, DAYS, template=template)
    assert filled.days == DAYS and filled.tickets > 0
    for offset in range(DAYS):
        day = START + dt.timedelta(days=offset)
        copied = figures_of(target, "demo", day)
        assert copied == figures_of(template, "demo", template_day_of(day)), day
        assert copied[1]["finished"] > 0


def test_the_copied_forms_are_one_unbroken_chain_of_real_pdfs(template, target):
    fill_year(target, START, DAYS, template=template)
    with target.read() as session:
        forms = session.execute(
            select(ServiceForm.sequence, ServiceForm.pdf, ServiceForm.pdf_sha256)
            .add_columns(ServiceForm.chain_hash)
            .order_by(ServiceForm.sequence)
        ).all()
        tickets = session.scalar(select(func.count(Ticket.id)))
    assert len(forms) > DAYS and [form[0] for form in forms] == list(range(1, len(forms) + 1))
    for _, pdf, pdf_sha256, _ in forms:
        assert pdf.startswith(b"%PDF") and hashlib.sha256(pdf).hexdigest() == pdf_sha256
    with target.read() as session:
        chain = verify_chain(session, find_hall(session, "demo"))
    assert (chain.intact, chain.forms) == (True, len(forms))  # what `hallq forms verify` says
    assert len(forms) < tickets  # only long, handset and group business ends in a form


def test_the_services_carry_on_after_a_fill(template, target):
    fill_year(target, START, DAYS, template=template)
    next_day = START + dt.timedelta(days=DAYS)
    hall = HallService(target, "demo", FixedClock(dt.datetime.combine(next_day, dt.time(9))))
    assert hall.issue("topup").ticket == "A001"  # a new day, and fresh ids after the copies
    hall.open_counter(1, "E001")
    assert hall.call(1).ticket == "A001"
    with target.read() as session:
        assert session.scalar(select(func.max(TicketEvent.business_day))) == next_day


def test_a_city_keeps_each_halls_rows_and_figures_apart(template, target):
    filled = fill_city(target, START, halls=3, days=2, template=template)
    assert filled.halls == 3
    expected = [
        figures_of(template, "demo", template_day_of(START + dt.timedelta(days=n)))
        for n in range(2)
    ]
    with target.read() as session:
        per_hall = dict(
            session.execute(
                select(Ticket.hall_id, func.count(Ticket.id)).group_by(Ticket.hall_id)
            ).all()
        )
    assert len(per_hall) == 3 and len(set(per_hall.values())) == 1
    for code in ("city-001", "city-002", "city-003"):
        got = [figures_of(target, code, START + dt.timedelta(days=n)) for n in range(2)]
        assert got == expected, code
