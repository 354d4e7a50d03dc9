"""Each role restriction, and the audit entry each sensitive act leaves. A refused act
changes nothing, not even the audit log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.services import audit
from shared.services.roles import change_settings_as, figures_seen_by, record_export
from shared.services.staff_admin import add_clerk, add_counter, change_role, disable_clerk
from shared.store.lookup import find_hall
from shared.store.models import Clerk, Counter
from tests.core.test_hall_actions import snapshot

DAY = dt.date(2026, 11, 23)
LEAD, ADMIN = "M001", "S001"


def audit_log(store) -> list[tuple]:
    with store.read() as session:
        entries = audit.entries(session, find_hall(session, "demo").id)
        staff = {c.id: c.staff_id for c in session.scalars(select(Clerk))}
    return [(e.action, staff.get(e.clerk_id), e.source, e.detail) for e in entries]


@pytest.fixture
def served_day(hall, clock):
    """E001 and E002 each serve one ticket."""
    for counter, clerk in ((1, "E001"), (2, "E002")):
        hall.open_counter(counter, clerk)
        hall.issue("topup")
        clock.advance(30)
        hall.call(counter)
        clock.advance(60)
        hall.finish(counter)
    return hall


# ----- refused acts -----

REFUSED = {
    "a clerk changes settings": (
        lambda store, clock: change_settings_as(
            store, "demo", "E001", {"alert_level1": 3.0}, source="counter 1", clock=clock
        ),
        "only a shift lead or an administrator may change settings",
    ),
    "a clerk exports a report": (
        lambda store, clock: record_export(
            store, "demo", "E001", "day figures", source="counter 1", clock=clock
        ),
        "only a shift lead or an administrator may export reports",
    ),
    "a lead adds a clerk": (
        lambda store, clock: add_clerk(
            store, "demo", LEAD, "E009", "新员工", source="hall screen", clock=clock
        ),
        "only an administrator may manage staff",
    ),
    "a lead disables a clerk": (
        lambda store, clock: disable_clerk(
            store, "demo", LEAD, "E002", source="hall screen", clock=clock
        ),
        "only an administrator may manage staff",
    ),
    "a clerk makes themselves a lead": (
        lambda store, clock: change_role(
            store, "demo", "E001", "E001", "lead", source="counter 1", clock=clock
        ),
        "only an administrator may manage staff",
    ),
    "a lead adds a counter": (
        lambda store, clock: add_counter(
            store, "demo", LEAD, 7, "AB", source="hall screen", clock=clock
        ),
        "only an administrator may manage counters",
    ),
    "an administrator disables themselves": (
        lambda store, clock: disable_clerk(
            store, "demo", ADMIN, ADMIN, source="hall screen", clock=clock
        ),
        "cannot disable themselves",
    ),
    "an administrator adds a counter of an unknown queue": (
        lambda store, clock: add_counter(
            store, "demo", ADMIN, 7, "AQ", source="hall screen", clock=clock
        ),
        "no queue 'Q'",
    ),
    "an administrator adds a counter number twice": (
        lambda store, clock: add_counter(
            store, "demo", ADMIN, 3, "AB", source="hall screen", clock=clock
        ),
        "counter 3 already exists",
    ),
    "an administrator adds a taken staff id": (
        lambda store, clock: add_clerk(
            store, "demo", ADMIN, "E001", "重名", source="hall screen", clock=clock
        ),
        "staff id E001 is already taken",
    ),
    "an administrator gives an unknown role": (
        lambda store, clock: change_role(
            store, "demo", ADMIN, "E001", "boss", source="hall screen", clock=clock
        ),
        "role must be one of",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_an_act_beyond_the_role_is_refused_and_changes_nothing(store, clock, case):
    act, reason = REFUSED[case]
    before = snapshot(store)
    with pytest.raises(Rejected, match=reason):
        act(store, clock)
    assert snapshot(store) == before


def test_a_clerk_still_at_a_counter_cannot_be_disabled(store, hall, clock):
    hall.open_counter(2, "E002")
    before = snapshot(store)
    with pytest.raises(Rejected, match="E002 is at counter 2; close it first"):
        disable_clerk(store, "demo", ADMIN, "E002", source="hall screen", clock=clock)
    assert snapshot(store) == before


# ----- figures -----


def test_a_clerk_sees_only_their_own_figures(store, served_day):
    assert [f.clerk for f in figures_seen_by(store, "demo", "E001", DAY)] == ["E001"]
    assert [f.clerk for f in figures_seen_by(store, "demo", "E001", DAY, clerk="E001")] == ["E001"]
    with pytest.raises(Rejected, match="see another clerk's figures"):
        figures_seen_by(store, "demo", "E001", DAY, clerk="E002")


@pytest.mark.parametrize("viewer", [LEAD, ADMIN])
def test_a_lead_or_an_administrator_sees_every_clerks_figures(store, served_day, viewer):
    assert [f.clerk for f in figures_seen_by(store, "demo", viewer, DAY)] == ["E001", "E002"]
    assert [f.clerk for f in figures_seen_by(store, "demo", viewer, DAY, clerk="E002")] == ["E002"]


def test_only_a_lead_or_an_administrator_acknowledges_an_alert(store, hall, clock):
    hall.issue("topup")  # waiting with no counter open: level 2
    with pytest.raises(Rejected, match="only a shift lead"):
        hall.acknowledge_alert("E001")
    assert hall.acknowledge_alert(LEAD).acknowledged_by == LEAD


# ----- audited acts -----


def test_a_lead_changes_settings_and_the_audit_log_records_the_values(store, clock):
    settings = change_settings_as(
        store, "demo", LEAD, {"alert_level1": "3"}, source="hall screen", clock=clock
    )
    assert settings.alert_level1 == 3.0
    assert audit_log(store) == [
        ("settings_changed", LEAD, "hall screen", {"changes": {"alert_level1": 3.0}})
    ]


def test_an_export_is_recorded_with_what_was_exported(store, clock):
    record_export(
        store, "demo", ADMIN, "day figures", source="hall screen", clock=clock, day="2026-11-23"
    )
    assert audit_log(store) == [
        ("export", ADMIN, "hall screen", {"report": "day figures", "day": "2026-11-23"})
    ]


def test_staff_and_counter_changes_are_made_and_recorded(store, clock):
    add_clerk(store, "demo", ADMIN, "E009", "孙悦", source="hall screen", clock=clock)
    change_role(store, "demo", ADMIN, "E009", "lead", source="hall screen", clock=clock)
    disable_clerk(store, "demo", ADMIN, "E001", source="hall screen", clock=clock)
    add_counter(store, "demo", ADMIN, 7, "BA", "7号窗口", source="hall screen", clock=clock)
    with store.read() as session:
        new = session.scalars(select(Clerk).where(Clerk.staff_id == "E009")).one()
        counter = session.scalars(select(Counter).where(Counter.number == 7)).one()
    assert (new.name, new.role, new.pin_hash) == ("孙悦", "lead", None)
    assert (counter.queues, counter.state, counter.name) == ("BA", "closed", "7号窗口")
    assert [(action, who, detail) for action, who, _, detail in audit_log(store)] == [
        ("staff_added", ADMIN, {"staff_id": "E009", "role": "clerk"}),
        ("role_changed", ADMIN, {"staff_id": "E009", "role": "lead", "previous": "clerk"}),
        ("staff_disabled", ADMIN, {"staff_id": "E001", "sessions": 0}),
        ("counter_added", ADMIN, {"number": 7, "queues": "BA"}),
    ]
