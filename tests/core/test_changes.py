"""What an action says it changed is what it changed; the change feed names those kinds to
the windows on SQLite and PostgreSQL; the early warning's review after the commit leaves
no duplicate warning when two programs act at once."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time

import pytest
from sqlalchemy import select, text

from shared.services.changes import Changes
from shared.services.hall import HallService
from shared.services.incidents import record_incident
from shared.services.roles import change_settings_as
from shared.services.staff_admin import add_counter
from shared.store.clock import FixedClock
from shared.store.database import EVERYTHING, Store, open_store
from shared.store.feed import open_feed
from shared.store.models import AlertChange, Counter
from tests.core.test_feed import next_kinds
from tests.core.test_forecast_warnings import at, busy_morning, level_one_warnings

LEAD, ADMIN = "M001", "S001"


def tickets_of(store: Store) -> dict[tuple[str, str], tuple]:
    """Each ticket's row, its events and its rating."""
    with store.read() as session:
        rows = session.execute(
            text(
                "SELECT t.business_day, t.code, t.status, t.queue_id, t.counter_id,"
                " t.for_counter_id, t.finished_at,"
                " (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = t.id),"
                " (SELECT count(*) FROM ratings r WHERE r.ticket_id = t.id)"
                " FROM tickets t"
            )
        ).all()
        return {(str(day), code): tuple(rest) for day, code, *rest in rows}


def counters_of(store: Store) -> dict[int, tuple]:
    """Each counter's state, its ticket, its session and the tickets sent to it."""
    with store.read() as session:
        rows = session.execute(
            text(
                "SELECT c.number, c.state,"
                " (SELECT t.code FROM tickets t WHERE t.counter_id = c.id AND t.status = 'called'),"
                " (SELECT s.id FROM counter_sessions s"
                "  WHERE s.counter_id = c.id AND s.closed_at IS NULL),"
                " (SELECT count(*) FROM counter_events e WHERE e.counter_id = c.id),"
                " (SELECT count(*) FROM tickets t WHERE t.for_counter_id = c.id)"
                " FROM counters c"
            )
        ).all()
        return {number: tuple(rest) for number, *rest in rows}


def alerts_of(store: Store) -> list[tuple]:
    with store.read() as session:
        return [
            (change.level, change.acknowledged_by)
            for change in session.scalars(select(AlertChange).order_by(AlertChange.id))
        ]


def changed(before: dict, after: dict) -> frozenset:
    return frozenset(
        key for key in before.keys() | after.keys() if before.get(key) != after.get(key)
    )


def observed(store: Store, act) -> tuple[Changes, Changes]:
    """What the action said it changed, and what changed in the store."""
    tickets, counters, alerts = tickets_of(store), counters_of(store), alerts_of(store)
    said = act().changes
    seen = Changes(
        frozenset(code for _, code in changed(tickets, tickets_of(store))),
        changed(counters, counters_of(store)),
        level=alerts != alerts_of(store),
    )
    return said, seen


@pytest.fixture
def serving(hall, clock):
    """Counters 1 and 2 open, A001 called to counter 1, A002 waiting."""
    hall.open_counter(1, "E001", ["A"])
    hall.open_counter(2, "E002", ["A"])
    hall.issue("topup")
    hall.issue("topup")
    clock.advance(60)
    hall.call(1)
    clock.advance(60)
    return hall


def nothing(hall: HallService) -> None:
    """No set-up beyond the fixture's."""


def finished(hall: HallService) -> None:
    hall.finish(1)


def emptied(hall: HallService) -> None:
    hall.call(2)
    hall.finish(1)


def paused(hall: HallService) -> None:
    hall.finish(1)
    hall.pause_counter(1)


ACTIONS = {  # set-up, then the action observed
    "issue": (nothing, lambda h: h.issue("topup")),
    "call": (nothing, lambda h: h.call(2)),
    "call with nothing waiting": (emptied, lambda h: h.call(1)),
    "recall": (nothing, lambda h: h.recall(1)),
    "no show": (nothing, lambda h: h.no_show(1)),
    "transfer to a queue": (nothing, lambda h: h.transfer(1, "B")),
    "transfer to a counter": (nothing, lambda h: h.transfer(1, to_counter=2)),
    "finish": (nothing, lambda h: h.finish(1)),
    "rate": (finished, lambda h: h.rate(1, "satisfied")),
    "open": (nothing, lambda h: h.open_counter(3, "E003", ["B"])),
    "pause": (finished, lambda h: h.pause_counter(1, "break")),
    "resume": (paused, lambda h: h.resume_counter(1)),
    "close": (finished, lambda h: h.close_counter(1)),
}


@pytest.mark.parametrize("action", ACTIONS, ids=list(ACTIONS))
def test_an_action_says_which_tickets_and_counters_it_changed(store, serving, action):
    set_up, act = ACTIONS[action]
    set_up(serving)
    said, seen = observed(store, lambda: act(serving))
    assert (said.tickets, said.counters, said.level) == (seen.tickets, seen.counters, seen.level)
    assert said.tickets or said.counters or action == "call with nothing waiting"


def test_closing_a_counter_names_the_tickets_sent_to_it(store, serving):
    serving.transfer(1, to_counter=2)
    said, seen = observed(store, lambda: serving.close_counter(2))
    assert said.tickets == seen.tickets == {"A001"}
    assert said.counters == seen.counters == {2}


def test_the_level_is_said_to_change_when_it_moves_and_when_it_is_acknowledged(store, hall):
    said, seen = observed(store, lambda: hall.issue("topup"))  # nobody serves: level 2
    assert said.level and seen.level
    said, seen = observed(store, lambda: hall.acknowledge_alert(LEAD))
    assert said.level and seen.level
    assert (said.tickets, said.counters) == (frozenset(), frozenset())
    said, seen = observed(store, lambda: hall.issue("topup"))
    assert not said.level and not seen.level
    assert said.kinds == {"tickets"}


def test_the_first_action_of_a_new_day_names_what_the_day_end_closed(store, serving, clock):
    clock.set(dt.datetime.combine(clock.now().date() + dt.timedelta(days=1), dt.time(9)))
    said, seen = observed(store, lambda: serving.issue("topup"))
    assert said.tickets == seen.tickets == {"A001", "A002"}  # both expired, A001 issued anew
    assert said.counters == seen.counters == {1, 2}


# ----- the change feed -----


def quiet(feed) -> bool:
    time.sleep(0.2)
    return feed.changed() == frozenset()


def test_the_feed_names_the_kinds_each_write_changed(store_target, store, hall, clock):
    feed = open_feed(store)
    try:
        assert quiet(feed)
        hall.issue("topup")
        assert next_kinds(feed) == {"tickets", "level"}  # nobody serves: level 2
        hall.open_counter(1, "E001")
        assert next_kinds(feed) == {"counters", "level"}
        hall.issue("topup")
        assert next_kinds(feed) == {"tickets"}
        change_settings_as(store, "demo", LEAD, {"alert_level1": "3"}, source="test", clock=clock)
        assert next_kinds(feed) == {"settings"}
        record_incident(store, "demo", source="kiosk 1", kind="printer", message="out of paper")
        assert next_kinds(feed) == {"incidents"}
        add_counter(store, "demo", ADMIN, 30, "A", source="test", clock=clock)
        assert next_kinds(feed) == {"counters"}
        assert quiet(feed)
    finally:
        feed.close()


def test_a_write_that_names_nothing_is_reported_as_everything(store, hall):
    hall.issue("topup")
    feed = open_feed(store)
    try:
        with store.write() as session:
            session.execute(
                Counter.__table__.update().where(Counter.number == 1).values(name="一号")
            )
        assert next_kinds(feed) == EVERYTHING
    finally:
        feed.close()


def test_a_rejected_action_reports_nothing(store, hall):
    feed = open_feed(store)
    try:
        with pytest.raises(Exception, match="no called ticket"):
            hall.finish(1)
        assert quiet(feed)
    finally:
        feed.close()


# ----- the early warning after the commit -----


def _issue_at_once(target: str, when: dt.datetime, start, done) -> None:
    store = open_store(target)
    try:
        hall = HallService(store, "demo", FixedClock(when))
        start.wait()
        hall.issue("topup", tier="normal")
        done.put("issued")
    finally:
        store.close()


def test_two_programs_acting_at_once_raise_one_warning(store_target, store, hall, clock):
    busy_morning(hall, clock, range(6))
    assert level_one_warnings(store) == []
    spawn = multiprocessing.get_context("spawn")
    start, done = spawn.Barrier(2), spawn.Queue()
    programs = [
        spawn.Process(target=_issue_at_once, args=(store_target, at(6), start, done))
        for _ in range(2)
    ]
    for program in programs:
        program.start()
    results = [done.get(timeout=60) for _ in programs]
    for program in programs:
        program.join(timeout=60)
    assert results == ["issued", "issued"]
    (warning,) = level_one_warnings(store)
    assert warning.at == at(6)
