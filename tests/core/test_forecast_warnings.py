"""Early warning (预警): the chance the line reaches a level within the horizon, looked at
with the hall's usual day (its arrivals and its staff timetable, learned from past days);
raised before the level rises, with the time it is expected and the counters that would
prevent it; withdrawn when it became unlikely; left standing when it comes true."""

from __future__ import annotations

import datetime as dt
import io
import json
import math

import pytest

from shared.cli.main import main
from shared.forecast.early_warning import (
    Observed,
    Outlook,
    crossing_chance,
    level_chances,
    more_counters_needed,
    outlook,
    predict,
    warnings_of_day,
)
from shared.forecast.simulate import Lunch, Shift, preset, simulate_day
from shared.forecast.usual_day import UsualDay, learn_usual_day
from shared.rules.hall_settings import HallSettings
from shared.services.alerts import Crowding, alert_changes
from shared.services.hall import HallService
from shared.services.replay import apply_event, parse_event
from shared.store.lookup import find_hall

DAY = dt.date(2026, 11, 23)
NINE = dt.datetime.combine(DAY, dt.time(9, 0))
MINUTES = 24 * 60


def at(minutes: float) -> dt.datetime:
    return NINE + dt.timedelta(minutes=minutes)


def day_warnings(store, day: dt.date = DAY):
    with store.read() as session:
        return warnings_of_day(session, find_hall(session, "demo"), day)


def day_changes(store):
    with store.read() as session:
        return alert_changes(session, find_hall(session, "demo"), DAY)


# ----- the chance of reaching a level -----


def test_crossing_chance_is_certain_at_the_barrier_and_falls_with_the_gap():
    assert crossing_chance(0, 0.0, 2.0, 10) == 1.0
    near, far = crossing_chance(2, 0.0, 2.0, 10), crossing_chance(8, 0.0, 2.0, 10)
    assert 0 < far < near < 1
    # Without drift, the reflection principle: twice the chance of ending past the barrier.
    ends_past = 1 - 0.5 * (1 + math.erf(2 / math.sqrt(2.0 * 10) / math.sqrt(2)))
    assert near == pytest.approx(2 * ends_past)
    assert crossing_chance(8, 2.0, 2.0, 10) > 0.99
    assert crossing_chance(8, -1.0, 2.0, 10) < 0.01
    assert crossing_chance(10_000, 1.0, 1.0, 15) == 0.0, "a barrier out of reach, no overflow"


def steady(minutes: int, arrivals: float, counters: list[float], served: float) -> Outlook:
    return Outlook((arrivals,) * minutes, tuple(counters), served)


def test_a_line_growing_a_customer_a_minute_is_expected_at_the_threshold_when_it_gets_there():
    # 2 counters serving 0.25 a minute each, 1.5 arriving: the line grows by 1 a minute.
    ahead = steady(15, 1.5, [2.0] * 16, 0.25)
    chances = level_chances(3, ahead, 2.5)
    assert chances.expected_minute == 2  # 3 → 5 waiting = 2.5 × 2
    assert chances.within > 0.99
    assert list(chances.by_minute) == sorted(chances.by_minute), "a chance by then never falls"


def test_a_line_served_as_fast_as_it_comes_is_never_expected_at_the_threshold():
    chances = level_chances(3, steady(15, 0.5, [2.0] * 16, 0.25), 2.5)
    assert chances.expected_minute is None
    assert chances.within < 0.83, "too unlikely to raise a warning"


def test_a_counter_leaving_on_the_timetable_brings_the_level_without_the_line_growing():
    # The same steady line; from minute 5 one of the 2 counters is gone (a lunch pause).
    ahead = steady(15, 0.5, [2.0] * 5 + [1.0] * 11, 0.25)
    chances = level_chances(3, ahead, 2.5)
    assert chances.expected_minute == 5 and chances.within > 0.99


def test_more_counters_are_the_fewest_that_keep_the_expected_line_below_level_one():
    ahead = steady(15, 1.5, [2.0] * 16, 0.25)  # 18 waiting after 15 minutes
    # +2: 4 counters serve 1 a minute, 3 + 7.5 = 10.5 ≥ 10 after 15 minutes;
    # +3: 5 counters serve 1.25 a minute, 3 + 3.75 = 6.75 < 12.5.
    assert more_counters_needed(3, ahead, 2.5) == 3
    assert more_counters_needed(0, steady(15, 0.1, [2.0] * 16, 0.25), 2.5) == 0


def usual_day(arrivals: float, counters: list[tuple[int, float]], served: float) -> UsualDay:
    """A usual day with `arrivals` a minute all day and counters changing at given minutes."""
    timetable = [0.0] * MINUTES
    for minute, count in counters:
        timetable[minute:] = [count] * (MINUTES - minute)
    return UsualDay(5, (arrivals,) * MINUTES, tuple(timetable), served)


def test_the_outlook_scales_the_usual_arrivals_by_today_and_follows_the_usual_timetable():
    usual = usual_day(0.5, [(540, 3.0), (720, 2.0)], 0.2)  # 3 counters from 9:00, 2 from 12:00
    now = dt.datetime.combine(DAY, dt.time(11, 50))
    # 90 customers in the last hour against 30 usually: (90 + 60) / (30 + 60) as busy.
    today = Observed(arrived=90, arrival_minutes=60, called=24, counter_minutes=60)
    ahead = outlook(usual, today, now, 4, 15, norm_minutes=3.0)
    assert ahead.arrivals[0] == pytest.approx(0.5 * 150 / 90)
    # 4 open now, one more than usual; from 12:00 one fewer, as usual.
    assert ahead.counters[:10] == (4.0,) * 10 and ahead.counters[10:] == (3.0,) * 6
    assert ahead.served_per_counter_minute == pytest.approx((24 + 60 * 0.2) / (60 + 60))


def test_a_usual_pause_taken_early_today_is_not_counted_twice():
    usual = usual_day(0.5, [(540, 4.0), (720, 3.0)], 0.2)  # one counter pauses at 12:00
    now = dt.datetime.combine(DAY, dt.time(11, 55))
    today = Observed(arrived=30, arrival_minutes=60, called=24, counter_minutes=120)
    early = outlook(usual, today, now, 3, 15, norm_minutes=3.0)  # it paused at 11:50
    assert set(early.counters) == {3.0}
    extra = outlook(usual, today, now, 5, 15, norm_minutes=3.0)  # one more than usual
    assert extra.counters[:5] == (5.0,) * 5 and extra.counters[5:] == (4.0,) * 11


def test_without_a_usual_day_the_outlook_is_today_s_last_hour_held_steady():
    today = Observed(12, 10, called=4, counter_minutes=20, handled=3, handling_minutes=6.0)
    ahead = outlook(None, today, NINE, 2, 15, norm_minutes=3.0)
    assert ahead.arrivals == (1.2,) * 15 and ahead.counters == (2.0,) * 16
    # 3 services of 2 minutes, and the 3-minute norm counting as 2 more.
    assert ahead.served_per_counter_minute == pytest.approx(5 / (6.0 + 6.0))


def test_a_prediction_names_its_expected_time_and_the_counters_that_would_prevent_it():
    settings = HallSettings()
    ahead = steady(25, 1.5, [2.0] * 26, 0.25)
    prediction = predict(Crowding(3, 2, 0), ahead, settings, 1, NINE)
    assert prediction is not None
    assert prediction.expected_at == at(2) and prediction.more_counters == 3
    assert predict(Crowding(3, 2, 0), steady(25, 0.5, [2.0] * 26, 0.25), settings, 1, NINE) is None


# ----- in the hall -----


def busy_morning(hall, clock, minutes: range) -> None:
    """Counters 1–4 each serve a routine customer every 3 minutes; two customers arrive a
    minute, four at opening. The line grows by 2/3 of a customer a minute, and reaches
    level 1 (10 waiting) at 9:09, just before the counters call again."""
    for minute in minutes:
        clock.set(at(minute))
        if minute == 0:
            for counter in range(1, 5):
                hall.open_counter(counter, f"E00{counter}")
            hall.issue("topup", tier="normal")
            hall.issue("topup", tier="normal")
        hall.issue("topup", tier="normal")
        hall.issue("topup", tier="normal")
        if minute % 3 == 0:
            for counter in range(1, 5):
                if minute:
                    hall.finish(counter)
                hall.call(counter)


def level_one_warnings(store):
    return [w for w in day_warnings(store) if w.level == 1]


def test_a_growing_line_raises_a_warning_before_level_one(hall, clock, store):
    busy_morning(hall, clock, range(7))
    assert day_changes(store) == []
    (warning,) = level_one_warnings(store)
    assert warning.at <= at(6) < warning.expected_at <= at(6) + dt.timedelta(minutes=15)
    assert warning.more_counters >= 1 and warning.withdrawn_at is None
    busy_morning(hall, clock, range(7, 10))
    assert (day_changes(store)[0].level, day_changes(store)[0].at) == (1, at(9))
    assert level_one_warnings(store)[0].withdrawn_at is None, "a warning that came true stands"


def test_a_warning_is_withdrawn_after_its_time_once_the_line_has_gone(hall, clock, store):
    busy_morning(hall, clock, range(7))
    assert level_one_warnings(store), "raised"
    later = at(60)  # nobody came after 9:06, and the counters served the line
    clock.set(later)
    for counter in range(1, 5):
        hall.finish(counter)
        hall.call(counter)  # the last four waiting
    for counter in range(1, 5):
        hall.finish(counter)
    (withdrawn,) = level_one_warnings(store)
    assert withdrawn.withdrawn_at == later
    assert day_changes(store) == []


def test_a_line_served_as_fast_as_it_comes_raises_no_warning(hall, clock, store):
    clock.set(NINE)
    hall.open_counter(2, "E002")
    for minute in range(30):
        clock.set(at(minute))
        hall.issue("topup", tier="normal")
        hall.call(2)
        clock.set(at(minute + 0.5))
        hall.finish(2)
    assert day_warnings(store) == []


# ----- the usual day, learned from past days -----

# Two counters from 11:00; the clerk of counter 2 pauses for lunch at 12:00 for 30 minutes.
LUNCH_HOUR = preset(
    "normal",
    opens=dt.time(11),
    closes=dt.time(13),
    last_call=dt.time(13, 30),
    hourly_arrivals=((11, 24.0), (12, 24.0)),
    shifts=(Shift(1, "E001", dt.time(11), dt.time(13)), Shift(2, "E002", dt.time(11), dt.time(13))),
    lunches=(Lunch("E002", dt.time(12), 30),),
    speed=(),
)


def replay_day(store, day: dt.date, seed: int, until: dt.time | None = None) -> HallService:
    """Replay a simulated lunch hour through the services (up to `until`)."""
    from shared.store.clock import FixedClock

    clock = FixedClock(dt.datetime.combine(day, dt.time(10)))
    hall = HallService(store, "demo", clock)
    for event in simulate_day(LUNCH_HOUR, day, seed):
        op, moment, fields = parse_event(json.dumps(event))
        if until is not None and moment.time() >= until:
            break
        clock.set(moment)
        apply_event(hall, op, fields)
    return hall


def learned(store, day: dt.date) -> UsualDay | None:
    with store.read() as session:
        return learn_usual_day(session, find_hall(session, "demo"), day)


@pytest.mark.slow
def test_the_usual_day_is_learned_from_three_past_days_and_not_fewer(store):
    for back in (3, 2):
        replay_day(store, DAY - dt.timedelta(days=back), seed=back)
    assert learned(store, DAY) is None, "two days say too little of a usual day"
    replay_day(store, DAY - dt.timedelta(days=1), seed=1)
    usual = learned(store, DAY)
    assert usual is not None and usual.days == 3
    minute = 60 * 11
    assert usual.open_counters[minute + 30] == 2.0  # 11:30: both counters
    assert usual.open_counters[minute + 75] == 1.0  # 12:15: counter 2 at lunch
    assert usual.open_counters[minute + 105] == 2.0  # 12:45: back
    assert usual.open_counters[60 * 9] == 0.0  # before opening
    # About 24 customers an hour: 0.4 a minute, from three days of chance.
    assert 0.2 < sum(usual.arrivals[minute : minute + 120]) / 120 < 0.6
    assert usual.served_per_counter_minute > 0


def crowd_before_noon(store) -> list:
    """Replay the morning to 11:45, then four customers come in the minutes before noon;
    the warnings raised from then until noon."""
    hall = replay_day(store, DAY, seed=7, until=dt.time(11, 45))
    noon = dt.datetime.combine(DAY, dt.time(12))
    for minute in range(4):
        hall.clock.set(noon - dt.timedelta(minutes=10 - minute))
        hall.issue("topup", tier="normal")
    return [w for w in day_warnings(store) if noon - dt.timedelta(minutes=15) <= w.at < noon]


@pytest.mark.slow
def test_a_usual_lunch_pause_is_warned_of_before_it_happens(store):
    """With three past days of the usual lunch pause, the line before noon raises a
    warning naming about the time the pause leaves one counter for it."""
    for back in (3, 2, 1):
        replay_day(store, DAY - dt.timedelta(days=back), seed=back)
    warned = crowd_before_noon(store)
    assert warned, "the usual lunch pause leaves one counter for the line"
    noon = dt.datetime.combine(DAY, dt.time(12))
    for warning in warned:
        assert (
            noon - dt.timedelta(minutes=5) <= warning.expected_at <= noon + dt.timedelta(minutes=8)
        )


def test_on_a_hall_s_first_day_the_same_line_before_noon_raises_no_warning(store):
    assert crowd_before_noon(store) == []


def test_hallq_warnings_lists_the_day_s_warnings(hall, clock, store_target):
    busy_morning(hall, clock, range(7))
    out = io.StringIO()
    assert main(["--db", store_target, "warnings", "--date", DAY.isoformat(), "--json"], out) == 0
    (first, *_) = json.loads(out.getvalue())
    assert first["level"] == 1 and first["withdrawn_at"] is None
    assert first["at"].startswith("2026-11-23T09:0") and first["more_counters"] >= 1
    assert 0.8 <= first["chance"] <= 1, "raised at the new hall's threshold or above"
    text = io.StringIO()
    assert main(["--db", store_target, "warnings", "--date", DAY.isoformat()], text) == 0
    assert "一级应急 level 1 expected 09:1" in text.getvalue()
    assert f"(chance {first['chance']:.0%})" in text.getvalue()


def rota_day(hall, clock, day: dt.date, counters: int) -> None:
    """A day of `counters` open from 9:00 to 12:00, a customer issued at 9:30."""
    clock.set(dt.datetime.combine(day, dt.time(9)))
    for counter in range(1, counters + 1):
        hall.open_counter(counter, f"E00{counter}")
    clock.set(dt.datetime.combine(day, dt.time(9, 30)))
    hall.issue("topup", tier="normal")
    clock.set(dt.datetime.combine(day, dt.time(12)))
    for counter in range(1, counters + 1):
        hall.close_counter(counter)


def test_a_weekend_day_is_learned_from_weekend_days_once_there_are_three(hall, clock, store):
    """Weekdays four counters, weekends one. With one weekend past (two days) a Saturday's
    usual day still follows the weekdays; once that Saturday is past too, the Sunday learns
    from the three weekend days alone, and the Monday from weekdays alone."""
    monday = dt.date(2026, 11, 2)
    for offset in range(12):  # Monday 2 to Friday 13: the weekend of 7 and 8 among them
        day = monday + dt.timedelta(days=offset)
        rota_day(hall, clock, day, 1 if day.weekday() >= 5 else 4)
    ten = 10 * 60
    saturday_before = learned(store, dt.date(2026, 11, 14))  # past weekend days: 7, 8
    # 10 latest days: 3-13, of which 7 and 8 with one counter; the median is 4.
    assert saturday_before is not None and saturday_before.open_counters[ten] == 4.0
    rota_day(hall, clock, dt.date(2026, 11, 14), 1)
    sunday = learned(store, dt.date(2026, 11, 15))  # past weekend days: 7, 8, 14
    assert sunday is not None and (sunday.days, sunday.open_counters[ten]) == (3, 1.0)
    weekday = learned(store, dt.date(2026, 11, 16))
    assert weekday is not None and (weekday.days, weekday.open_counters[ten]) == (10, 4.0)
