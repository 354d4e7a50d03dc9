"""Clerk and hall figures, on small days driven through the real services, every figure
computed by hand in a table next to the day that produces it.

The read-only tests share one store per module (`calendar`), holding one hand-computed day
per scenario on consecutive dates: building a store per test would make this file several
times slower, and many days in one store also shows that each day's figures stay its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from shared.errors import Rejected
from shared.figures.clerks import (
    ClerkFigures,
    QueueHour,
    clerk_figures,
    hall_day_summary,
    nearest_rank,
    queue_hour_figures,
)
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import FixedClock
from shared.store.database import Store, open_store
from shared.store.lookup import find_hall

SMALL_DAY = dt.date(2026, 11, 23)
GREEN_DAY = dt.date(2026, 11, 24)
TEN_DAY = dt.date(2026, 11, 25)
DONE_AS_DAY = dt.date(2026, 11, 26)
PAUSE_DAY = dt.date(2026, 11, 27)
LEFT_OPEN_DAY = dt.date(2026, 11, 28)  # the last: its counter stays open
MORNING_AFTER = dt.date(2026, 11, 29)
QUIET_DAY = dt.date(2026, 11, 1)
VIP_PHONE = "13800000001"


def at(clock: FixedClock, day: dt.date, hour: int, minute: int, second: int = 0) -> None:
    clock.set(dt.datetime.combine(day, dt.time(hour, minute, second)))


# ----- the days -----


def serve_a_small_day(hall: HallService, clock: FixedClock, day: dt.date) -> None:
    """E001 at counter 2 (AB), E002 at counter 4 (BA), E003 at counter 3 serving no one.

    08:30 E001 opens 2, E002 opens 4
    09:00 A001 topup issued
    09:00 E003 opens 3
    09:02 E001 calls A001                          wait 120
    09:05 E001 finishes A001 as topup+service_change (2 transactions, both recommended,
          accepted, signed)                        handle 180 (routine, exactly the norm: within)
    09:05:30 A001 rated satisfied                  → E001
    09:06 B001 sim_replace issued
    09:10 A002 bill_query issued
    09:10 E002 calls B001 (oldest for BA)          wait 240
    09:11 E001 calls A002                          wait  60
    09:14:01 E001 finishes A002, recommended only  handle 181 (routine, one over: not within)
    09:15 A002 rated dissatisfied                  → E001
    09:20 E002 transfers B001 to A                 transfer (600 s after the call)
    09:21 E001 calls B001                          wait  60 (from the transfer, not 900 from issue)
    09:25 A003 topup issued
    09:30 E003 closes 3                            E003 open 1800 s, served no one
    09:31 E001 finishes B001, signed               handle 600 (sim_replace: long, not routine)
    09:32 B001 rated neutral                       → E001, who finished it
    09:33 E002 calls A003                          wait 480
    09:34 E002 recalls A003                        (a recall is not a call)
    09:35 E002: A003 no-show
    09:40 E001 closes 2, E002 closes 4             both open 4200 s

    E001: called 3, handled 3, waits 120 60 60 → mean 80; handles 180 181 600 → mean 961/3,
          p90 (rank ceil(2.7) = 3) 600; routine within norm 1 of 2; rated 3 (1 satisfied,
          1 dissatisfied) → rate 1/3, points 0; recommended 2 tickets (A001, A002), accepted 1
          (A001); signed A001, B001 → 2/3; utilisation 961/4200.
    E002: called 2 (B001, A003), handled 0, no-shows 1, transfers 1, waits 240 480 → mean 360;
          no finishes → null handle means, routine share and signed rate; utilisation 0/4200.
    E003: zeros, null means, utilisation 0/1800.
    Hall: issued 4, calls 5 (waits 120 240 60 60 480: mean 192, max 480, all within their
          queue's target), finished 3, 1 no-show, 1 transfer, no alert change.
    """
    at(clock, day, 8, 30)
    hall.open_counter(2, "E001")
    hall.open_counter(4, "E002")
    at(clock, day, 9, 0)
    assert hall.issue("topup").ticket == "A001"
    hall.open_counter(3, "E003")
    at(clock, day, 9, 2)
    assert hall.call(2).waited_s == 120
    at(clock, day, 9, 5)
    hall.finish(
        2, businesses=("topup", "service_change"), recommended=True, accepted=True, signed=True
    )
    at(clock, day, 9, 5, 30)
    hall.rate(2, "satisfied")
    at(clock, day, 9, 6)
    assert hall.issue("sim_replace").ticket == "B001"
    at(clock, day, 9, 10)
    assert hall.issue("bill_query").ticket == "A002"
    assert hall.call(4).ticket == "B001"
    at(clock, day, 9, 11)
    assert hall.call(2).ticket == "A002"
    at(clock, day, 9, 14, 1)
    hall.finish(2, recommended=True)
    at(clock, day, 9, 15)
    hall.rate(2, "dissatisfied")
    at(clock, day, 9, 20)
    hall.transfer(4, "A")
    at(clock, day, 9, 21)
    called = hall.call(2)
    assert (called.ticket, called.waited_s) == ("B001", 60)
    at(clock, day, 9, 25)
    assert hall.issue("topup").ticket == "A003"
    at(clock, day, 9, 30)
    hall.close_counter(3)
    at(clock, day, 9, 31)
    hall.finish(2, signed=True)
    at(clock, day, 9, 32)
    hall.rate(2, "neutral")
    at(clock, day, 9, 33)
    assert hall.call(4).ticket == "A003"
    at(clock, day, 9, 34)
    hall.recall(4)
    at(clock, day, 9, 35)
    hall.no_show(4)
    at(clock, day, 9, 40)
    hall.close_counter(2)
    hall.close_counter(4)


def serve_two_hours_at_the_green_counter(
    hall: HallService, clock: FixedClock, day: dt.date
) -> None:
    """Counter 1 (VAB), E001. Targets: V 300 s, A 900 s, B 1200 s.

    08:50 V001 issued (VIP topup), no counter open   → alert level 2
    08:52 E001 opens 1                               → alert level 0
    08:55 A001 issued
    09:00 V001 called   wait 600 (V: over 300)
    09:03 V001 finished
    09:04 A001 called   wait 540 (A: within 900, though it would miss V's 300)
    09:06 A001 no-show
    09:58 V002 issued
    10:01 V002 called   wait 180 (within)
    10:05 V002 finished
    10:10 B001 issued, called at once (wait 0, within)
    10:30 B001 finished
    10:31 V003 issued
    10:36 V003 called   wait 300 (exactly the target: within)
    10:40 V003 finished
    10:45 E001 closes 1

    queue hour arrivals served no-shows called mean  max  service level
    A      8   1        0      0        0      -     -    -
    A      9   0        0      1        1      540   540  1
    B      10  1        1      0        1      0     0    1
    V      8   1        0      0        0      -     -    -
    V      9   1        1      0        1      600   600  0
    V      10  1        2      0        2      240   300  1

    Hall: issued 5, called 5 (waits 600 540 180 0 300: mean 324, max 600, within 4 of 5),
          finished 4, 1 no-show, 2 alert changes.
    """
    at(clock, day, 8, 50)
    assert hall.issue("topup", phone=VIP_PHONE).ticket == "V001"
    at(clock, day, 8, 52)
    hall.open_counter(1, "E001")
    at(clock, day, 8, 55)
    hall.issue("topup")
    at(clock, day, 9, 0)
    assert hall.call(1).ticket == "V001"
    at(clock, day, 9, 3)
    hall.finish(1)
    at(clock, day, 9, 4)
    assert hall.call(1).ticket == "A001"
    at(clock, day, 9, 6)
    hall.no_show(1)
    at(clock, day, 9, 58)
    hall.issue("topup", phone=VIP_PHONE)
    at(clock, day, 10, 1)
    assert hall.call(1).ticket == "V002"
    at(clock, day, 10, 5)
    hall.finish(1)
    at(clock, day, 10, 10)
    hall.issue("sim_replace")
    assert hall.call(1).ticket == "B001"
    at(clock, day, 10, 30)
    hall.finish(1)
    at(clock, day, 10, 31)
    hall.issue("topup", phone=VIP_PHONE)
    at(clock, day, 10, 36)
    assert hall.call(1).ticket == "V003"
    at(clock, day, 10, 40)
    hall.finish(1)
    at(clock, day, 10, 45)
    hall.close_counter(1)


TEN_HANDLES = (50, 100, 30, 80, 10, 90, 20, 70, 40, 60)


def serve_ten_topups(hall: HallService, clock: FixedClock, day: dt.date) -> None:
    """09:00 E001 opens 2 and serves ten topups, each called as issued (wait 0), handled
    50, 100, 30, 80, 10, 90, 20, 70, 40, 60 s: sorted 10…100, nearest rank ceil(0.9 * 10) = 9
    → 90 (linear interpolation would say 91); mean 55. Then closes."""
    at(clock, day, 9, 0)
    hall.open_counter(2, "E001")
    for handle in TEN_HANDLES:
        hall.issue("topup")
        hall.call(2)
        clock.advance(handle)
        hall.finish(2)
    hall.close_counter(2)


def serve_tickets_done_as_other_business(
    hall: HallService, clock: FixedClock, day: dt.date
) -> None:
    """09:00 E001 opens 2.
    B001 sim_replace issued, called, finished as topup after 120 s: routine, within.
    A001 topup issued, called, finished as sim_replace after 500 s: long, not judged.
    → routine within norm 1 of 1."""
    at(clock, day, 9, 0)
    hall.open_counter(2, "E001")
    hall.issue("sim_replace")
    hall.call(2)
    clock.advance(120)
    hall.finish(2, businesses=("topup",))
    hall.issue("topup")
    hall.call(2)
    clock.advance(500)
    hall.finish(2, businesses=("sim_replace",))
    hall.close_counter(2)


def serve_with_a_pause(hall: HallService, clock: FixedClock, day: dt.date) -> None:
    """09:00 E001 opens 2; A001 issued 09:00, called 09:01, finished 09:06 (handle 300)
    09:10 pause, 09:30 resume, 09:40 close: open 600 + 600 (the 1200 s paused not counted)
    09:50 E001 opens 3, 10:00 closes: open 600 more → utilisation 300 / 1800."""
    at(clock, day, 9, 0)
    hall.open_counter(2, "E001")
    hall.issue("topup")
    at(clock, day, 9, 1)
    hall.call(2)
    at(clock, day, 9, 6)
    hall.finish(2)
    at(clock, day, 9, 10)
    hall.pause_counter(2, "break")
    at(clock, day, 9, 30)
    hall.resume_counter(2)
    at(clock, day, 9, 40)
    hall.close_counter(2)
    at(clock, day, 9, 50)
    hall.open_counter(3, "E001")
    at(clock, day, 10, 0)
    hall.close_counter(3)


def leave_a_counter_open(hall: HallService, clock: FixedClock, day: dt.date) -> None:
    """09:00 E001 opens 2; A001 issued 09:00, called 09:01, finished 09:06 (handle 300)
    09:20 A002 issued and never called: the hall's latest event; counter 2 left open.
    → open until 09:20: 1200 s, utilisation 0.25.
    Next morning 08:00 a new ticket: its action closes this day first, as of its last event
    (09:20): A002 expires and counter 2 closes then, so the day's open time stays 1200 s."""
    at(clock, day, 9, 0)
    hall.open_counter(2, "E001")
    hall.issue("topup")
    at(clock, day, 9, 1)
    hall.call(2)
    at(clock, day, 9, 6)
    hall.finish(2)
    at(clock, day, 9, 20)
    hall.issue("topup")
    at(clock, day + dt.timedelta(days=1), 8, 0)
    hall.issue("topup")


def north_definition() -> dict[str, Any]:
    """A second hall like the demo one, whose routine norm is 181 s."""
    return {**demo_definition(), "code": "north", "settings": {"routine_norm_s": 181}}


@pytest.fixture(scope="module")
def calendar(module_store_target: str) -> Iterator[Store]:
    """The demo hall with every day above served in date order, for tests that only read;
    and hall "north", which served the small day too, under its own routine norm."""
    store = open_store(module_store_target)
    try:
        with store.write() as session:
            load_hall(session, demo_definition())
            load_hall(session, north_definition())
        clock = FixedClock(dt.datetime.combine(SMALL_DAY, dt.time(8, 0)))
        serve_a_small_day(HallService(store, "north", clock), clock, SMALL_DAY)
        hall = HallService(store, "demo", clock)
        serve_a_small_day(hall, clock, SMALL_DAY)
        serve_two_hours_at_the_green_counter(hall, clock, GREEN_DAY)
        serve_ten_topups(hall, clock, TEN_DAY)
        serve_tickets_done_as_other_business(hall, clock, DONE_AS_DAY)
        serve_with_a_pause(hall, clock, PAUSE_DAY)
        leave_a_counter_open(hall, clock, LEFT_OPEN_DAY)
        yield store
    finally:
        store.close()


# ----- reading the figures -----


def figures(
    store: Store,
    day: dt.date,
    *,
    hall: str = "demo",
    clerk: str | None = None,
    until: dt.datetime | None = None,
) -> list[ClerkFigures]:
    with store.read() as session:
        return clerk_figures(session, find_hall(session, hall), day, clerk=clerk, until=until)


def by_clerk(
    store: Store, day: dt.date, *, hall: str = "demo", until: dt.datetime | None = None
) -> dict[str, ClerkFigures]:
    return {row.clerk: row for row in figures(store, day, hall=hall, until=until)}


def hours(store: Store, day: dt.date, *, hall: str = "demo") -> list[QueueHour]:
    with store.read() as session:
        return queue_hour_figures(session, find_hall(session, hall), day)


def summary(store: Store, day: dt.date, *, hall: str = "demo") -> dict[str, object]:
    with store.read() as session:
        return hall_day_summary(session, find_hall(session, hall), day)


def no_reasons(row: ClerkFigures) -> dict[str, object]:
    """The figures of a day on which no dissatisfied customer gave a reason, but those."""
    document = row.as_json()
    assert document.pop("dissatisfied_reasons") == {}
    return document


E001_SMALL_DAY = {
    "clerk": "E001",
    "name": "王芳",
    "called": 3,
    "handled": 3,
    "no_shows": 0,
    "transfers": 0,
    "avg_wait_s": 80.0,
    "avg_handle_s": 961 / 3,
    "p90_handle_s": 600.0,
    "routine_within_norm": 0.5,
    "rated": 3,
    "satisfied": 1,
    "dissatisfied": 1,
    "satisfaction_rate": 1 / 3,
    "satisfaction_points": 0,
    "recommended": 2,
    "accepted": 1,
    "signed_rate": 2 / 3,
    "utilisation": 961 / 4200,
}
E002_SMALL_DAY = {
    "clerk": "E002",
    "name": "李娜",
    "called": 2,
    "handled": 0,
    "no_shows": 1,
    "transfers": 1,
    "avg_wait_s": 360.0,
    "avg_handle_s": None,
    "p90_handle_s": None,
    "routine_within_norm": None,
    "rated": 0,
    "satisfied": 0,
    "dissatisfied": 0,
    "satisfaction_rate": None,
    "satisfaction_points": 0,
    "recommended": 0,
    "accepted": 0,
    "signed_rate": None,
    "utilisation": 0.0,
}
E003_SMALL_DAY = {
    **E002_SMALL_DAY,
    "clerk": "E003",
    "name": "张伟",
    "called": 0,
    "no_shows": 0,
    "transfers": 0,
    "avg_wait_s": None,
}


# ----- per-clerk figures -----


def test_every_clerk_field_of_a_small_day(calendar: Store) -> None:
    rows = by_clerk(calendar, SMALL_DAY)
    for clerk, expected in (
        ("E001", E001_SMALL_DAY),
        ("E002", E002_SMALL_DAY),
        ("E003", E003_SMALL_DAY),
    ):
        assert no_reasons(rows[clerk]) == pytest.approx(expected)


def test_as_json_has_the_contract_fields_the_name_and_the_reasons_counted(calendar: Store) -> None:
    document = figures(calendar, SMALL_DAY)[0].as_json()
    keys = list(E001_SMALL_DAY)
    keys.insert(keys.index("satisfaction_points") + 1, "dissatisfied_reasons")
    assert list(document) == keys
    reasons = document.pop("dissatisfied_reasons")
    assert isinstance(reasons, dict) and all(isinstance(n, int) for n in reasons.values())
    assert all(value is None or isinstance(value, (int, float, str)) for value in document.values())


def test_clerks_who_served_are_listed_by_staff_id(calendar: Store) -> None:
    assert [row.clerk for row in figures(calendar, SMALL_DAY)] == ["E001", "E002", "E003"]


def test_a_clerk_who_opened_but_served_no_one_has_zeros_and_null_means(calendar: Store) -> None:
    idle = by_clerk(calendar, SMALL_DAY)["E003"]
    assert (idle.called, idle.handled, idle.no_shows, idle.transfers, idle.rated) == (0,) * 5
    assert (idle.recommended, idle.accepted, idle.satisfaction_points) == (0, 0, 0)
    assert idle.avg_wait_s is None and idle.avg_handle_s is None and idle.p90_handle_s is None
    assert idle.routine_within_norm is None
    assert idle.satisfaction_rate is None and idle.signed_rate is None
    assert idle.utilisation == 0.0  # open 1800 s, busy 0 s


def test_transfer_counts_for_the_first_clerk_and_call_and_finish_for_the_second(
    calendar: Store,
) -> None:
    rows = by_clerk(calendar, SMALL_DAY)
    assert (rows["E002"].transfers, rows["E002"].handled) == (1, 0)
    assert (rows["E001"].transfers, rows["E001"].called, rows["E001"].handled) == (0, 3, 3)
    # B001's second wait runs from the transfer (09:20 → 09:21, 60 s); from its issue it would
    # be 900 s and E001's mean (120 + 60 + 900) / 3 = 360.
    assert rows["E001"].avg_wait_s == pytest.approx(80.0)


def test_a_no_show_counts_and_a_recall_is_not_a_call(calendar: Store) -> None:
    e002 = by_clerk(calendar, SMALL_DAY)["E002"]
    assert e002.no_shows == 1
    assert e002.called == 2  # B001 and A003; A003's recall is not a third call


def test_ratings_are_credited_to_the_finishing_clerk(calendar: Store) -> None:
    rows = by_clerk(calendar, SMALL_DAY)
    # B001 was called first by E002 but finished (and rated neutral) at E001's counter.
    assert (rows["E001"].rated, rows["E001"].satisfied, rows["E001"].dissatisfied) == (3, 1, 1)
    assert rows["E001"].satisfaction_rate == pytest.approx(1 / 3)
    assert rows["E001"].satisfaction_points == 0
    assert rows["E002"].rated == 0


def test_recommended_accepted_and_signed_count_tickets_not_transactions(calendar: Store) -> None:
    e001 = by_clerk(calendar, SMALL_DAY)["E001"]
    # A001 has two transactions, both flagged: it counts once.
    assert (e001.recommended, e001.accepted) == (2, 1)
    assert e001.signed_rate == pytest.approx(2 / 3)


def test_p90_is_nearest_rank_on_three_values(calendar: Store) -> None:
    # handles 180, 181, 600: rank ceil(0.9 * 3) = 3 → 600 (interpolation would say 516.2)
    assert by_clerk(calendar, SMALL_DAY)["E001"].p90_handle_s == 600.0


def test_p90_is_nearest_rank_on_ten_values(calendar: Store) -> None:
    e001 = by_clerk(calendar, TEN_DAY)["E001"]
    assert e001.p90_handle_s == 90.0
    assert e001.avg_handle_s == pytest.approx(55.0)
    assert (e001.called, e001.handled, e001.avg_wait_s) == (10, 10, 0.0)


def test_nearest_rank_uses_an_exact_integer_rank() -> None:
    # In binary floating point 0.55 * 100 is 55.00000000000001, whose ceiling is 56.
    assert nearest_rank([float(value) for value in range(1, 101)], 55) == 55.0
    assert nearest_rank([float(value) for value in range(1, 11)], 90) == 9.0
    assert nearest_rank([7.0], 90) == 7.0
    assert nearest_rank([], 90) is None


def test_routine_norm_counts_exactly_the_norm_and_not_one_second_more(calendar: Store) -> None:
    # A001 handled 180 s (within), A002 181 s (not); B001 is long and not counted.
    assert by_clerk(calendar, SMALL_DAY)["E001"].routine_within_norm == 0.5


def test_routine_norm_judges_what_was_actually_done(calendar: Store) -> None:
    assert by_clerk(calendar, DONE_AS_DAY)["E001"].routine_within_norm == 1.0


def test_routine_norm_follows_the_hall_setting(calendar: Store) -> None:
    # Hall "north" served the same small day with routine_norm_s 181: A002's 181 s is within.
    north = no_reasons(by_clerk(calendar, SMALL_DAY, hall="north")["E001"])
    assert north == pytest.approx({**E001_SMALL_DAY, "routine_within_norm": 1.0})


def test_another_halls_events_are_not_counted(calendar: Store) -> None:
    # "north" served an identical day on the same date, with its own clerks E001…E003.
    assert no_reasons(by_clerk(calendar, SMALL_DAY)["E001"]) == pytest.approx(E001_SMALL_DAY)
    assert summary(calendar, SMALL_DAY)["issued"] == 4
    assert [row.called for row in hours(calendar, SMALL_DAY)] == [
        row.called for row in hours(calendar, SMALL_DAY, hall="north")
    ]


def test_utilisation_excludes_paused_time_and_sums_sessions(calendar: Store) -> None:
    assert by_clerk(calendar, PAUSE_DAY)["E001"].utilisation == pytest.approx(300 / 1800)


def test_a_counter_still_open_ends_at_the_latest_event(calendar: Store) -> None:
    assert by_clerk(calendar, LEFT_OPEN_DAY)["E001"].utilisation == pytest.approx(0.25)


def test_a_counter_closed_at_day_end_is_not_stretched_by_until(calendar: Store) -> None:
    until = dt.datetime.combine(LEFT_OPEN_DAY, dt.time(9, 50))
    rows = by_clerk(calendar, LEFT_OPEN_DAY, until=until)
    assert rows["E001"].utilisation == pytest.approx(0.25)


def test_a_counter_open_now_ends_at_until_when_given(
    store: Store, hall: HallService, clock: FixedClock
) -> None:
    # 09:00 open, A001 handled 09:01-09:06 (300 s), A002 issued 09:20; the day goes on.
    # → without until: open 1200 s, 0.25; until 09:50: open 3000 s, 0.1.
    day = clock.now().date()
    at(clock, day, 9, 0)
    hall.open_counter(2, "E001")
    hall.issue("topup")
    at(clock, day, 9, 1)
    hall.call(2)
    at(clock, day, 9, 6)
    hall.finish(2)
    at(clock, day, 9, 20)
    hall.issue("topup")
    assert by_clerk(store, day)["E001"].utilisation == pytest.approx(0.25)
    until = dt.datetime.combine(day, dt.time(9, 50))
    assert by_clerk(store, day, until=until)["E001"].utilisation == pytest.approx(0.1)


def test_next_mornings_expiries_belong_to_their_day(calendar: Store) -> None:
    # Written by the morning after's first action, A002's expiry is counted on its own day,
    # (test above) does not stretch that day's open time to the next morning.
    assert summary(calendar, LEFT_OPEN_DAY)["expired"] == 1
    assert summary(calendar, MORNING_AFTER)["expired"] == 0


def test_another_days_events_are_not_counted(calendar: Store) -> None:
    # E001 served on every day of the calendar; each day's figures are that day's alone:
    # 3 finishes on the small day, 4 on the green day, 10 on the day of ten topups.
    handled = [by_clerk(calendar, day)["E001"].handled for day in (SMALL_DAY, GREEN_DAY, TEN_DAY)]
    assert handled == [3, 4, 10]
    assert list(by_clerk(calendar, TEN_DAY)) == ["E001"]
    assert summary(calendar, SMALL_DAY)["issued"] == 4
    assert {row.queue for row in hours(calendar, SMALL_DAY)} == {"A", "B"}  # V was the green day


def test_an_unknown_clerk_is_rejected(calendar: Store) -> None:
    with pytest.raises(Rejected) as refused:
        figures(calendar, SMALL_DAY, clerk="E999")
    assert refused.value.message == "no clerk 'E999' in hall demo"


def test_the_clerk_filter_gives_that_clerk_alone(calendar: Store) -> None:
    assert [no_reasons(row) for row in figures(calendar, SMALL_DAY, clerk="E002")] == [
        pytest.approx(E002_SMALL_DAY)
    ]
    only_e001 = figures(calendar, SMALL_DAY, clerk="E001")
    assert [no_reasons(row) for row in only_e001] == [pytest.approx(E001_SMALL_DAY)]
    assert figures(calendar, SMALL_DAY, clerk="E004") == []  # a known clerk who did not serve


# ----- the hall's own figures -----


def test_queue_hours_with_service_level_against_each_queues_target(calendar: Store) -> None:
    expected = [
        ("A", 8, 1, 0, 0, 0, None, None, None),
        ("A", 9, 0, 0, 1, 1, 540.0, 540.0, 1.0),
        ("B", 10, 1, 1, 0, 1, 0.0, 0.0, 1.0),
        ("V", 8, 1, 0, 0, 0, None, None, None),
        ("V", 9, 1, 1, 0, 1, 600.0, 600.0, 0.0),
        ("V", 10, 1, 2, 0, 2, 240.0, 300.0, 1.0),
    ]
    names = list(QueueHour.__dataclass_fields__)
    assert [row.as_json() for row in hours(calendar, GREEN_DAY)] == [
        pytest.approx(dict(zip(names, row, strict=True))) for row in expected
    ]


def test_hall_day_summary_totals(calendar: Store) -> None:
    assert summary(calendar, GREEN_DAY) == pytest.approx(
        {
            "issued": 5,
            "called": 5,
            "finished": 4,
            "no_shows": 1,
            "transfers": 0,
            "expired": 0,
            "mean_wait_s": 324.0,
            "max_wait_s": 600.0,
            "service_level": 0.8,
            "alert_changes": 2,
        }
    )


def test_hall_day_summary_counts_transfers_and_each_calls_own_queue(calendar: Store) -> None:
    assert summary(calendar, SMALL_DAY) == pytest.approx(
        {
            "issued": 4,
            "called": 5,
            "finished": 3,
            "no_shows": 1,
            "transfers": 1,
            "expired": 0,
            "mean_wait_s": 192.0,
            "max_wait_s": 480.0,
            "service_level": 1.0,
            "alert_changes": 0,
        }
    )


def test_a_day_without_events_has_no_figures(calendar: Store) -> None:
    assert figures(calendar, QUIET_DAY) == []
    assert hours(calendar, QUIET_DAY) == []
    totals = summary(calendar, QUIET_DAY)
    assert (totals["issued"], totals["called"], totals["alert_changes"]) == (0, 0, 0)
    assert totals["mean_wait_s"] is None and totals["service_level"] is None
