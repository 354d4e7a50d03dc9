"""What a shift lead acknowledges: today's latest rise of the level, while nobody has.
A drop, a day's close and a past day's rise are never acknowledged, and acknowledging
changes nothing else in the hall: it does not start a business day."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.services.alerts import AlertRecord, alert_changes, awaiting_acknowledgement
from shared.store.lookup import find_hall
from shared.store.models import Hall
from tests.conftest import DAY
from tests.core.test_hall_actions import snapshot

LEAD = "M001"
NEXT_DAY = DAY + dt.timedelta(days=1)


def _changes(store, day: dt.date = DAY) -> list[tuple[int, int, str | None]]:
    """(previous level, level, acknowledged by) of the day's changes, in order."""
    with store.read() as session:
        return [
            (c.previous_level, c.level, c.acknowledged_by)
            for c in alert_changes(session, find_hall(session, "demo"), day)
        ]


def _business_day(store) -> dt.date | None:
    with store.read() as session:
        return session.scalar(select(Hall.business_day).where(Hall.code == "demo"))


def _refused(hall, store, reason: str) -> None:
    """Acknowledging is refused for `reason` and stores nothing."""
    before = snapshot(store)
    with pytest.raises(Rejected, match=reason):
        hall.acknowledge_alert(LEAD)
    assert snapshot(store) == before


def _record(previous: int, level: int, acknowledged_by: str | None = None) -> AlertRecord:
    at = dt.datetime.combine(DAY, dt.time(9))
    return AlertRecord(at, level, previous, 0, 0, acknowledged_by, None)


@pytest.mark.parametrize(
    ("changes", "target"),
    [
        ([], None),
        ([(0, 1)], 0),
        ([(0, 1), (1, 2)], 1),  # the later rise, the one the hall stands on
        ([(0, 2), (2, 1)], 0),  # a drop is passed over: the rise before it waits
        ([(0, 1), (1, 0)], 0),
        ([(0, 1, LEAD)], None),
        ([(0, 1), (1, 2, LEAD)], None),  # overtaken before anyone saw it: not asked again
        ([(0, 1, LEAD), (1, 0), (0, 2)], 2),
        ([(2, 0)], None),  # a day's close alone: nothing to see
    ],
)
def test_the_target_is_the_days_latest_rise_while_unacknowledged(changes, target):
    records = [_record(*change) for change in changes]
    expected = None if target is None else records[target]
    assert awaiting_acknowledgement(records) is expected


def test_a_rise_is_acknowledged_once_by_the_lead_at_the_lead_s_time(hall, clock, store):
    hall.issue("topup")  # waiting with no counter open: level 2
    clock.advance(90)
    acknowledged = hall.acknowledge_alert(LEAD)
    assert (acknowledged.level, acknowledged.acknowledged_by, acknowledged.acknowledged_at) == (
        2,
        LEAD,
        clock.now(),
    )
    _refused(hall, store, "no rise of the alert level on 2026-11-23")


def test_after_a_drop_the_rise_before_it_is_acknowledged_and_the_drop_stays_as_it_was(
    hall, clock, store
):
    hall.issue("topup")  # level 2
    clock.advance(60)
    hall.open_counter(1, "E001")  # 1 waiting on 1 counter: back to 0
    assert _changes(store) == [(0, 2, None), (2, 0, None)]
    clock.advance(60)
    assert hall.acknowledge_alert(LEAD).level == 2
    assert _changes(store) == [(0, 2, LEAD), (2, 0, None)]


def test_a_day_s_close_is_not_acknowledged_nor_is_the_closed_day_s_rise(hall, clock, store):
    hall.issue("topup")  # level 2 on DAY, never acknowledged
    clock.set(dt.datetime.combine(NEXT_DAY, dt.time(8, 0)))
    hall.open_counter(1, "E001")  # the next day's first action closes DAY: back to 0
    assert _changes(store) == [(0, 2, None), (2, 0, None)]
    _refused(hall, store, "no rise of the alert level on 2026-11-24")


def test_acknowledging_on_a_later_day_neither_closes_the_hall_s_day_nor_acknowledges_it(
    hall, clock, store
):
    hall.issue("topup")  # level 2, the customer still waiting
    clock.set(dt.datetime.combine(NEXT_DAY, dt.time(8, 0)))
    _refused(hall, store, "no rise of the alert level on 2026-11-24")
    assert _business_day(store) == DAY and _changes(store) == [(0, 2, None)]


def test_a_clock_behind_the_hall_s_business_day_acknowledges_nothing(hall, clock, store):
    hall.issue("topup")  # level 2 on DAY
    clock.set(dt.datetime.combine(NEXT_DAY, dt.time(8, 0)))
    hall.issue("topup")  # closes DAY; with no counter open the new day rises to 2 as well
    clock.set(dt.datetime.combine(DAY, dt.time(17, 0)))
    _refused(hall, store, "before the hall's business day 2026-11-24")


def test_a_clock_behind_the_rise_cannot_acknowledge_it(hall, clock, store):
    hall.issue("topup")
    clock.advance(-60)
    _refused(hall, store, "before the time the level rose")
