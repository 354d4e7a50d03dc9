"""The server's clock: asked once, counted forward on the PC's monotonic clock, asked again
now and then, never going back; live actions on PostgreSQL take their time from it."""

from __future__ import annotations

import datetime as dt

from shared.services.hall import HallService
from shared.store.clock import ServerClock, SystemClock, hall_zone, server_instant

NOON_UTC = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


class Ticking:
    """A monotonic clock the test moves by hand; every reading can also move it on."""

    def __init__(self, step_per_read: float = 0.0) -> None:
        self.seconds = 1000.0
        self.step_per_read = step_per_read

    def __call__(self) -> float:
        self.seconds += self.step_per_read
        return self.seconds


class Server:
    """What the server answers, in order; counts how often it was asked."""

    def __init__(self, *answers: dt.datetime) -> None:
        self.answers = list(answers)
        self.asked = 0

    def __call__(self) -> dt.datetime:
        self.asked += 1
        return self.answers.pop(0)


def local(instant: dt.datetime) -> dt.datetime:
    """The instant in the PC's own zone, as every hallq program reads it (not the TZ's)."""
    return instant.astimezone(hall_zone()).replace(tzinfo=None, microsecond=0)


def test_the_server_is_asked_once_and_the_time_then_counts_on_from_its_answer():
    monotonic, server = Ticking(), Server(NOON_UTC)
    clock = ServerClock(server, monotonic=monotonic)
    assert clock.now() == local(NOON_UTC)
    monotonic.seconds += 75.4
    assert clock.now() == local(NOON_UTC + dt.timedelta(seconds=75))
    assert server.asked == 1


def test_the_answer_is_pinned_to_the_middle_of_the_round_trip():
    monotonic = Ticking(step_per_read=1.0)  # the query takes 1 s there and 1 s back
    clock = ServerClock(Server(NOON_UTC), monotonic=monotonic)
    # measured between 1001 and 1002 (pinned at 1001.5); read at 1003: 1.5 s later
    assert clock.now() == local(NOON_UTC + dt.timedelta(seconds=1))


def test_the_server_is_asked_again_once_the_refresh_interval_has_passed():
    later = NOON_UTC + dt.timedelta(minutes=5, seconds=30)
    monotonic, server = Ticking(), Server(NOON_UTC, later)
    clock = ServerClock(server, refresh_s=300, monotonic=monotonic)
    clock.now()
    monotonic.seconds += 299
    clock.now()
    assert server.asked == 1
    monotonic.seconds += 1
    assert clock.now() == local(later)
    assert server.asked == 2


def test_a_new_answer_behind_the_count_holds_the_time_rather_than_going_back():
    behind = NOON_UTC + dt.timedelta(seconds=290)  # the server stepped its clock back 10 s
    monotonic, server = Ticking(), Server(NOON_UTC, behind)
    clock = ServerClock(server, refresh_s=300, monotonic=monotonic)
    clock.now()
    monotonic.seconds += 299
    held = clock.now()
    assert held == local(NOON_UTC + dt.timedelta(seconds=299))
    monotonic.seconds += 1
    assert clock.now() == held  # the new answer says 290 s
    monotonic.seconds += 5
    assert clock.now() == held  # 295 s: still behind what was already told
    monotonic.seconds += 10
    assert clock.now() == local(behind + dt.timedelta(seconds=15))


def test_live_actions_take_the_servers_time_on_postgresql_and_the_pcs_on_sqlite(store):
    clock = HallService(store, "demo").clock
    if store.is_sqlite:
        assert isinstance(clock, SystemClock)
        return
    assert isinstance(clock, ServerClock)
    first = clock.now()
    assert abs(first - dt.datetime.now()) <= dt.timedelta(seconds=2)  # server on this machine
    assert [clock.now() >= first for _ in range(50)] == [True] * 50
    assert clock.readings == 1


def test_the_servers_instant_is_read_from_the_store(store):
    if store.is_sqlite:
        return
    instant = server_instant(store.engine)()
    assert instant.tzinfo is not None
    assert abs(instant - dt.datetime.now(dt.UTC)) <= dt.timedelta(seconds=2)
