"""A hall's past tickets from a CSV export, turned into replay events: every bad row named
by its line and nothing written; good files give events the services accept, with the
counters' openings, pauses and closings inferred from their calls."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from shared.cli.main import main
from shared.errors import Rejected
from shared.forecast.history_import import HallShape, history_events, read_history
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition
from shared.services.replay import apply_event, parse_event
from shared.store.clock import FixedClock

HALL = HallShape.of(demo_definition())
HEADER = "issued_at,called_at,finished_at,queue,counter,business\n"
GOOD = HEADER + (
    "2026-11-23T09:00:00,2026-11-23T09:02:00,2026-11-23T09:05:00,A,2,topup\n"
    "2026-11-23T09:01:00,2026-11-23T09:05:30,2026-11-23T09:12:00,A,2,bill_query\n"
    "2026-11-23T09:03:00,2026-11-23T09:40:00,2026-11-23T09:50:00,B,2,sim_replace\n"
    "2026-11-23T09:04:00,2026-11-23T09:04:10,2026-11-23T09:09:00,V,1,plan_change\n"
    "2026-11-23T09:20:00,,,A,,topup\n"
)


def ops(events):
    return [(e["at"][11:], e["op"], e.get("counter")) for e in events]


def test_a_good_file_gives_each_counter_a_stint_around_its_calls():
    events = history_events(read_history(io.StringIO(GOOD), HALL), HALL)
    counter_2 = [(at, op) for at, op, counter in ops(events) if counter == 2]
    assert counter_2 == [
        ("09:01:59", "open"),
        ("09:02:00", "call"),
        ("09:05:00", "finish"),
        ("09:05:30", "call"),
        ("09:12:00", "finish"),
        ("09:12:01", "pause"),  # idle for 28 minutes: a break, not an open counter
        ("09:39:59", "resume"),
        ("09:40:00", "call"),
        ("09:50:00", "finish"),
        ("09:50:01", "close"),
    ]
    issues = [e for e in events if e["op"] == "issue"]
    assert [e["business"] for e in issues] == [
        "topup", "bill_query", "sim_replace", "plan_change", "topup"
    ]  # fmt: skip
    assert issues[3]["tier"] == "vip" and "tier" not in issues[0]
    assert [e["at"] for e in events] == sorted(e["at"] for e in events)


def test_imported_events_replay_through_the_services_with_the_history_s_waits(store):
    events = history_events(read_history(io.StringIO(GOOD), HALL), HALL)
    clock = FixedClock(dt.datetime(2026, 11, 23, 8, 0))
    service = HallService(store, "demo", clock)
    waits = []
    for event in events:
        op, at, fields = parse_event(json.dumps(event))
        clock.set(at)
        if op == "issue":
            service.issue(fields["business"], tier=fields.get("tier"))
            continue
        result = apply_event(service, op, fields)
        if op == "call":
            waits.append(result["waited_s"])
    assert waits == [120, 10, 270, 2220]


@pytest.mark.parametrize(
    ("row", "says"),
    [
        ("nine,,,A,,topup", "line 2: issued_at 'nine' is not a time"),
        ("2026-11-23T09:00:00,,,A,,coffee", "line 2: business 'coffee'"),
        ("2026-11-23T09:00:00,,,B,,topup", "line 2: queue 'B' does not take business 'topup'"),
        ("2026-11-23T09:00:00,2026-11-23T08:59:00,2026-11-23T09:05:00,A,2,topup", "before"),
        ("2026-11-23T09:00:00,2026-11-23T09:01:00,,A,2,topup", "called_at without finished_at"),
        ("2026-11-23T09:00:00,2026-11-23T09:01:00,2026-11-23T09:02:00,A,9,topup", "counter '9'"),
        ("2026-11-23T09:00:00+08:00,,,A,,topup", "without an offset"),
        ("2026-11-23T09:00:00,,,A,,topup,extra", "more fields"),
    ],
)
def test_a_bad_row_is_refused_by_its_line(row, says):
    with pytest.raises(Rejected) as refused:
        read_history(io.StringIO(HEADER + row + "\n"), HALL)
    assert says in refused.value.message


def test_every_bad_row_is_named_and_a_counter_serves_one_customer_at_a_time():
    text = GOOD + (
        "2026-11-23T09:10:00,2026-11-23T09:11:00,2026-11-23T09:13:00,A,2,topup\n"
        "2026-11-23T09:10:00,,,A,,nothing\n"
    )
    with pytest.raises(Rejected) as refused:
        read_history(io.StringIO(text), HALL)
    assert "line 8: business 'nothing'" in refused.value.message
    overlap = "line 7: counter 2 calls before it finished the ticket of line 3"
    assert overlap in refused.value.message


def test_a_header_without_the_columns_is_refused():
    with pytest.raises(Rejected, match="lacks called_at, finished_at"):
        read_history(io.StringIO("issued_at,queue,counter,business\n"), HALL)


def test_hallq_import_history_writes_the_events_or_nothing(tmp_path, capsys):
    good, bad, out = tmp_path / "good.csv", tmp_path / "bad.csv", tmp_path / "day.jsonl"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(GOOD + "2026-11-23T09:30:00,,,A,,coffee\n", encoding="utf-8")
    assert main(["import-history", str(bad), "--out", str(out)], io.StringIO()) == 1
    assert "line 7: business 'coffee'" in capsys.readouterr().err
    assert sorted(tmp_path.iterdir()) == sorted([good, bad])
    said = io.StringIO()
    assert main(["import-history", str(good), "--out", str(out)], said) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    # 5 issues; counter 2: 10 events; counter 1: open, call, finish, close
    assert "5 tickets" in said.getvalue() and len(lines) == 19
    assert json.loads(lines[0]) == {"at": "2026-11-23T09:00:00", "op": "issue", "business": "topup"}


def test_hallq_evaluate_measures_imported_days_after_their_history(tmp_path, capsys):
    path = tmp_path / "tickets.csv"
    path.write_text(GOOD, encoding="utf-8")
    out = io.StringIO()
    assert main(["evaluate", "--imported", str(path), "--history", "0", "--json"], out) == 0
    (row,) = json.loads(out.getvalue())
    assert row["family"] == "imported" and row["days"] == 1 and row["refused_events"] == 0
    # Only 09:03's ticket had an open counter for its queue (counter 2); the others came
    # before their counter opened, or (09:20) while counter 2 paused and counter 1 had closed.
    assert row["estimate"]["tickets"] == 1 and row["estimate"]["no_counter_open"] == 4
    assert main(["evaluate", "--imported", str(path), "--history", "1"], io.StringIO()) == 1
    assert "has 1 days" in capsys.readouterr().err
