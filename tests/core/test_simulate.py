"""The simulated day: reproducible from its seed, shaped like its profile, and made only of
events the real hall accepts (replayed through `shared.services.replay` on a fresh demo store).

Replaying costs a few milliseconds per event, so the replays use each preset at a fraction
of its volume (every opening, lunch, shift change and closing still happens); whole days
at full volume are checked against the replay rules by a quick in-test checker instead.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from dataclasses import replace
from typing import Any

import pytest

from shared.cli.demo import day_second
from shared.figures.clerks import clerk_figures
from shared.forecast.simulate import (
    PROFILES,
    DayProfile,
    Shift,
    expected_arrivals,
    preset,
    simulate_day,
    write_day,
)
from shared.services.replay import replay
from shared.store.database import Store
from shared.store.lookup import find_hall

DAY = dt.date(2026, 11, 23)
REPLAY_VOLUME = 0.1  # share of a preset's customers in the replayed days


def replayed(store: Store, events: list[dict[str, Any]]) -> list[dict[str, object]]:
    stream = io.StringIO()
    write_day(events, stream)
    return list(replay(store, "demo", stream.getvalue().splitlines()))


def arrivals_by_hour(events: list[dict[str, Any]]) -> Counter[int]:
    return Counter(int(e["at"][11:13]) for e in events if e["op"] == "issue")


def check_replay_rules(events: list[dict[str, Any]]) -> None:
    """docs/rules.md's counter rules, checked on the events alone (no store)."""
    state: dict[int, str] = {}
    serving: dict[int, bool] = {}
    clerk_at: dict[str, int] = {}
    times = [e["at"] for e in events]
    assert times == sorted(times)
    assert all(at.startswith(DAY.isoformat()) for at in times)
    for event in events:
        op, counter = event["op"], int(event.get("counter", 0))
        if op == "open":
            assert state.get(counter, "closed") == "closed"
            assert event["clerk"] not in clerk_at
            state[counter], clerk_at[event["clerk"]] = "open", counter
        elif op in ("pause", "close"):
            allowed = ("open",) if op == "pause" else ("open", "paused")
            assert state.get(counter, "closed") in allowed
            assert not serving.get(counter)
            state[counter] = "paused" if op == "pause" else "closed"
            if op == "close":
                clerk_at = {c: n for c, n in clerk_at.items() if n != counter}
        elif op == "resume":
            assert state.get(counter) == "paused"
            state[counter] = "open"
        elif op == "call":
            assert state.get(counter) == "open" and not serving.get(counter)
            serving[counter] = True
        elif op in ("recall", "no_show", "transfer", "finish"):
            assert serving.get(counter)
            serving[counter] = op == "recall"
    assert set(state.values()) <= {"closed"}


def test_same_seed_gives_the_same_day_and_another_seed_another():
    profile = PROFILES["normal"]
    first = simulate_day(profile, DAY, 7)
    assert simulate_day(profile, DAY, 7) == first
    assert simulate_day(profile, DAY, 8) != first


def test_written_day_is_one_json_object_per_line_in_file_order():
    events = simulate_day(PROFILES["normal"], DAY, 1)[:50]
    stream = io.StringIO()
    write_day(events, stream)
    assert [json.loads(line) for line in stream.getvalue().splitlines()] == events


def test_arrivals_per_busy_hour_match_the_profile():
    profile = PROFILES["normal"]
    days = [simulate_day(profile, DAY, seed) for seed in range(20)]
    totals = sum((arrivals_by_hour(day) for day in days), Counter())
    for hour, _ in profile.hourly_arrivals:
        expected = expected_arrivals(profile, hour)
        if expected >= 40:
            assert totals[hour] / len(days) == pytest.approx(expected, rel=0.15), hour


def test_surge_preset_shows_the_surge():
    surge, normal = PROFILES["surge"], PROFILES["normal"]
    assert surge.surge_start is not None
    hour = surge.surge_start.hour
    seeds = range(5)
    in_surge = sum(arrivals_by_hour(simulate_day(surge, DAY, s))[hour] for s in seeds)
    usual = sum(arrivals_by_hour(simulate_day(normal, DAY, s))[hour] for s in seeds)
    assert expected_arrivals(surge, hour) > 2 * expected_arrivals(normal, hour)
    assert in_surge > 1.8 * usual


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_every_preset_keeps_the_counter_rules_all_day(name):
    for seed in range(5):
        check_replay_rules(simulate_day(PROFILES[name], DAY, seed))


@pytest.mark.parametrize("name", sorted(PROFILES))
@pytest.mark.slow
def test_replayed_preset_day_is_accepted_line_by_line_with_plausible_figures(store, name):
    profile = PROFILES[name]
    events = simulate_day(replace(profile, volume=profile.volume * REPLAY_VOLUME), DAY, 3)
    results = replayed(store, events)
    assert [r for r in results if not r["ok"]] == []
    assert len(results) == len(events)
    calls = [r for e, r in zip(events, results, strict=True) if e["op"] == "call"]
    assert calls and all(r["ticket"] is not None for r in calls)
    with store.read() as session:
        figures = clerk_figures(session, find_hall(session, "demo"), DAY)
    served = [f for f in figures if f.called > 0]
    assert {f.clerk for f in figures} == {shift.clerk for shift in profile.shifts}
    for figure in served:
        assert figure.handled > 0, figure.clerk
        assert figure.utilisation is not None and 0 < figure.utilisation <= 1, figure


def test_a_queue_left_at_last_call_still_replays_clean(store):
    """One counter facing a rush: it serves out its queue, then closes at the last call."""
    rush = DayProfile(
        name="rush",
        opens=dt.time(17, 0),
        closes=dt.time(18, 0),
        last_call=dt.time(18, 30),
        hourly_arrivals=((17, 60.0),),
        shifts=(Shift(2, "E002", dt.time(17, 0), dt.time(18, 0)),),
        lunches=(),
        vip_share=0,
        group_share=0,
        business_mix=(("topup", 3.0), ("sim_replace", 1.0)),
    )
    events = simulate_day(rush, DAY, 5)
    check_replay_rules(events)
    assert events[-1]["op"] == "close" and events[-1]["at"] >= f"{DAY}T18:30:00"
    assert [r for r in replayed(store, events) if not r["ok"]] == []


def test_preset_with_changes_keeps_the_rest_of_the_preset():
    changed = preset("busy", surge_multiplier=2.0)
    assert changed.volume == PROFILES["busy"].volume and changed.surge_multiplier == 2.0
    with pytest.raises(ValueError):
        preset("normal", closes=dt.time(8, 0))


def handling_by_clerk(events: list[dict[str, Any]]) -> dict[str, list[int]]:
    """Seconds from each call to its finish, by the clerk at the counter."""
    clerk_at: dict[int, str] = {}
    called: dict[int, int] = {}
    times: dict[str, list[int]] = {}
    for event in events:
        second = day_second(event)
        counter = event.get("counter")
        if event["op"] == "open":
            clerk_at[counter] = event["clerk"]
        elif event["op"] == "call":
            called[counter] = second
        elif event["op"] == "finish":
            times.setdefault(clerk_at[counter], []).append(second - called[counter])
    return times


def test_a_slow_clerk_takes_longer_than_a_quick_one_on_the_same_queues():
    """E002 works at 0.85 of the usual time and E007 at 1.2, both on routine and long."""
    times: dict[str, list[int]] = {}
    for seed in range(6):
        for clerk, seconds in handling_by_clerk(
            simulate_day(PROFILES["normal"], DAY, seed)
        ).items():
            times.setdefault(clerk, []).extend(seconds)
    quick = sum(times["E002"]) / len(times["E002"])
    slow = sum(times["E007"]) / len(times["E007"])
    assert slow > 1.25 * quick


def test_lunch_pauses_and_shift_changes_open_and_pause_counters_during_the_day():
    events = simulate_day(PROFILES["normal"], DAY, 4)
    pauses = [e for e in events if e["op"] == "pause"]
    assert {e["at"][11:13] for e in pauses} >= {"11", "12", "13", "14"}
    opens_at_three = [e["clerk"] for e in events if e["op"] == "open" and e["counter"] == 3]
    assert opens_at_three == ["E003", "E007"]
    ratings = Counter(e["rating"] for e in events if e["op"] == "rate")
    assert ratings["satisfied"] > ratings["neutral"] > ratings["dissatisfied"] > 0
