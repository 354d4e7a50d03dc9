"""The retention purge erases personal fields of old tickets, appointments, forms and
transactions in one audited transaction, and every figure reads the same afterwards."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from shared.cli import main as cli
from shared.errors import Rejected
from shared.services import audit
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition
from shared.services.purge import purge_personal_data
from shared.services.replay import replay
from shared.store.clock import FixedClock
from shared.store.lookup import find_hall
from shared.store.models import Appointment, ServiceForm, Ticket, Transaction
from tests.core.test_hall_actions import snapshot

DAYS = Path(__file__).parent / "days"
RESIDENT_ID = "11010519491231002X"
PHONE = "13812345678"


def run_hallq(store_target: str, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stderr(io.StringIO()):
        status = cli.main(["--db", store_target, *argv], out)
    return status, out.getvalue()


def figures(store_target: str) -> dict[str, str]:
    """Everything `hallq` reports about both days, as printed."""
    printed = {}
    for day in ("2026-11-23", "2026-11-24"):
        for command in ("metrics", "queues", "alerts"):
            status, out = run_hallq(store_target, command, "--date", day, "--json")
            assert status == 0
            printed[f"{command} {day}"] = out
    return printed


@pytest.fixture
def two_days_with_personal_data(store):
    """Both replayed days, plus a slip, a phone, transaction details, an appointment and a
    signed form carrying personal data on day two."""
    for name in ("day_one.jsonl", "day_two.jsonl"):
        with open(DAYS / name, encoding="utf-8") as lines:
            list(replay(store, "demo", lines))
    clock = FixedClock(dt.datetime(2026, 11, 24, 17, 30))
    hall = HallService(store, "demo", clock)
    slip = {"name": "张三", "id_number": RESIDENT_ID, "reason": "丢失"}
    hall.issue("sim_replace", phone=PHONE, slip=slip)
    with store.write() as session:
        hall_row = find_hall(session, "demo")
        ticket = session.scalars(select(Ticket).where(Ticket.phone == PHONE)).one()
        for done in session.scalars(select(Transaction)):
            done.fields = {"id_number": RESIDENT_ID}
        session.add(
            Appointment(
                hall_id=hall_row.id,
                code="P0001",
                phone=PHONE,
                business_id=ticket.business_id,
                business_day=dt.date(2026, 11, 24),
                slot_start=dt.datetime(2026, 11, 24, 10),
                slot_end=dt.datetime(2026, 11, 24, 10, 30),
            )
        )
        pdf = b"%PDF-1.4 form"
        replayed_forms = session.scalar(select(func.count()).select_from(ServiceForm))
        session.add(
            ServiceForm(
                hall_id=hall_row.id,
                sequence=replayed_forms + 1,  # after the replayed days' signed forms
                ticket_id=ticket.id,
                ticket_code=ticket.code,
                clerk_id=1,
                counter_id=1,
                phone=PHONE,
                created_at=clock.now(),
                business_day=dt.date(2026, 11, 24),
                signed=True,
                strokes=[[[1.0, 2.0, 0.0, 0.5]]],
                pdf=pdf,
                pdf_sha256=hashlib.sha256(pdf).hexdigest(),
                chain_hash="0" * 64,
            )
        )
    return store


def test_a_purge_erases_personal_fields_and_every_figure_stays(
    two_days_with_personal_data, store_target
):
    store = two_days_with_personal_data
    before = figures(store_target)
    purged = purge_personal_data(
        store, "demo", before=dt.date(2026, 11, 25), clock=FixedClock(dt.datetime(2026, 12, 1))
    )
    # Every archived form of the purged days is redacted: the hand-made one and the replayed
    # days' thirteen (each PDF may carry what was keyed in, notes or a reason).
    assert (purged.appointments, purged.forms) == (1, 14)
    assert figures(store_target) == before
    with store.read() as session:
        tickets = session.scalars(select(Ticket)).all()
        assert purged.tickets == len(tickets) > 20
        assert all(t.phone is None and t.slip is None and t.purged_at for t in tickets)
        assert all(t.fields is None for t in session.scalars(select(Transaction)))
        assert session.scalars(select(Appointment.phone)).all() == [""]
        forms = session.execute(select(ServiceForm.phone, ServiceForm.strokes, ServiceForm.signed))
        assert set(forms) == {(None, None, True)}
        # A redacted form still carries its place in the chain, as the paper one did.
        second = session.scalars(select(ServiceForm).where(ServiceForm.sequence == 2)).one()
        first = session.scalars(select(ServiceForm).where(ServiceForm.sequence == 1)).one()
        printed = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(second.pdf)).pages)
        assert f"Form No. 2 前链 Previous link: {first.chain_hash[:16]}" in " ".join(
            printed.split()
        )


def test_a_purge_keeps_the_days_from_its_date_on(two_days_with_personal_data):
    store = two_days_with_personal_data
    purged = purge_personal_data(
        store, "demo", before=dt.date(2026, 11, 24), clock=FixedClock(dt.datetime(2026, 12, 1))
    )
    assert (purged.appointments, purged.forms) == (0, 6)  # day one's forms only
    with store.read() as session:
        kept = session.scalars(select(Ticket).where(Ticket.phone == PHONE)).one()
        assert kept.slip["id_number"] == RESIDENT_ID and kept.purged_at is None
        day_one = session.scalars(
            select(Ticket).where(Ticket.business_day == dt.date(2026, 11, 23))
        ).all()
        assert purged.tickets == len(day_one) and all(t.purged_at for t in day_one)


def test_a_purge_is_recorded_in_the_audit_log_and_a_second_one_erases_nothing(
    two_days_with_personal_data,
):
    store = two_days_with_personal_data
    clock = FixedClock(dt.datetime(2026, 12, 1, 9))
    first = purge_personal_data(store, "demo", before=dt.date(2026, 11, 25), clock=clock)
    again = purge_personal_data(store, "demo", before=dt.date(2026, 11, 25), clock=clock)
    assert (again.tickets, again.appointments, again.forms) == (0, 0, 0)
    with store.read() as session:
        entries = [
            entry
            for entry in audit.entries(session, find_hall(session, "demo").id)
            if entry.action == "purge"  # not the replayed days' archived forms
        ]
    assert [(e.action, e.detail["tickets"]) for e in entries] == [
        ("purge", first.tickets),
        ("purge", 0),
    ]
    assert entries[0].detail["before"] == "2026-11-25" and entries[0].at == clock.now()


def test_the_default_purge_keeps_retention_days(store):
    hall = HallService(store, "demo", clock := FixedClock(dt.datetime(2026, 1, 5, 9)))
    hall.issue("topup", phone=PHONE)
    clock.set(dt.datetime(2026, 3, 1, 9))
    hall.issue("topup", phone=PHONE)
    purged = purge_personal_data(store, "demo", clock=FixedClock(dt.datetime(2026, 7, 10)))
    assert purged.before == dt.date(2026, 1, 11)  # 180 days before 10 July
    assert purged.tickets == 1


def test_a_purge_of_days_after_today_is_refused_and_changes_nothing(two_days_with_personal_data):
    store = two_days_with_personal_data
    before = snapshot(store)
    with pytest.raises(Rejected, match="today is 2026-11-24"):
        purge_personal_data(
            store,
            "demo",
            before=dt.date(2026, 11, 25),
            clock=FixedClock(dt.datetime(2026, 11, 24, 18)),
        )
    assert snapshot(store) == before


def test_hallq_purge_erases_old_days_and_records_the_user(store, store_target):
    hall = HallService(store, "demo", FixedClock(dt.datetime(2025, 1, 6, 9)))
    hall.issue("topup", phone=PHONE)
    status, out = run_hallq(store_target, "purge", "--json")
    assert status == 0
    assert json.loads(out)["tickets"] == 1
    with store.read() as session:
        (entry,) = audit.entries(session, find_hall(session, "demo").id)
    assert (entry.action, entry.source) == ("purge", "cli")
    assert entry.detail["user"] == audit.command_line_user()


def test_hallq_settings_records_each_change_and_a_refused_one_records_nothing(store, store_target):
    assert run_hallq(store_target, "settings", "retention_days=90", "alert_margin=0.4")[0] == 0
    before = snapshot(store)
    assert run_hallq(store_target, "settings", "retention_days=0")[0] == 1
    assert snapshot(store) == before
    with store.read() as session:
        (entry,) = audit.entries(session, find_hall(session, "demo").id)
    assert (entry.action, entry.source) == ("settings_changed", "cli")
    assert entry.detail == {
        "user": audit.command_line_user(),
        "changes": {"retention_days": 90, "alert_margin": 0.4},
    }


def test_hallq_hall_load_is_recorded_with_the_file(store, store_target, tmp_path):
    definition = tmp_path / "hall.json"
    definition.write_text(json.dumps(demo_definition(), ensure_ascii=False), encoding="utf-8")
    assert run_hallq(store_target, "hall", "load", str(definition))[0] == 0
    with store.read() as session:
        (entry,) = audit.entries(session, find_hall(session, "demo").id)
    assert (entry.action, entry.source, entry.detail["file"]) == (
        "hall_loaded",
        "cli",
        str(definition.resolve()),
    )
