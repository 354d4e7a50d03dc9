"""Every way into the store refuses bad input with one line of reason and exit status 1,
leaving every table as it was: numbers too long to read, digits that are not ASCII, broken
UTF-8 in a replay file, times at the ends of the calendar, deep JSON, paths that are not
files, days with nothing in them."""

from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shared.cli import main as cli
from shared.services.hall_config import demo_definition
from shared.services.replay import replay
from tests.core.test_hall_actions import snapshot

AT = "2026-11-23T09:00:00"


def hallq(store_target: str, *argv: str) -> tuple[int, str, str]:
    """`hallq` in this process: exit status, standard output and error; a fault of hallq
    (a traceback) raises here and fails the test."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        try:
            status = cli.main(["--db", store_target, *argv], out)
        except SystemExit as usage:
            status = int(usage.code or 0)
    return status, out.getvalue(), err.getvalue()


def refused(store, store_target: str, *argv: str) -> str:
    """Run hallq, expect a one-line refusal (exit 1) and an untouched store; the reason."""
    before = snapshot(store)
    status, _out, err = hallq(store_target, *argv)
    assert status == 1, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert snapshot(store) == before
    return lines[0]


def _line(**event: object) -> str:
    return json.dumps({"at": AT, **event})


# ----- replay lines -----


@pytest.mark.parametrize(
    "line",
    [
        '{"op":"open","at":"2026-11-23T09:00:00","counter":' + "9" * 5000 + ',"clerk":"E001"}',
        '{"op":"open","at":"2026-11-23T09:00:00","counter":"' + "9" * 5000 + '","clerk":"E001"}',
        _line(op="open", counter="²", clerk="E001"),
        _line(op="open", counter="١", clerk="E001"),
        _line(op="issue", business="topup", at="0001-01-01T09:00:00"),
        _line(op="issue", business="topup", at="0001-01-10T23:59:59"),
        _line(op="issue", business="topup", at="9999-12-31T23:59:00"),
        "[" * 100_000,
    ],
    ids=["huge-int", "huge-digit-text", "superscript", "arabic-digit", "year-1", "year-1-day-10",
         "year-9999", "deep"],
)  # fmt: skip
def test_a_hostile_replay_line_is_refused_with_a_reason_and_stores_nothing(store, line):
    before = snapshot(store)
    (result,) = list(replay(store, "demo", [line]))
    assert result["ok"] is False and result["line"] == 1
    assert isinstance(result["error"], str) and 0 < len(result["error"]) < 300
    assert snapshot(store) == before


def test_a_finish_naming_one_business_ten_thousand_times_is_refused(store):
    for line in [
        _line(op="open", counter=4, clerk="E004"),
        _line(op="issue", business="sim_replace"),
        _line(op="call", counter=4),
    ]:
        (result,) = list(replay(store, "demo", [line]))
        assert result["ok"], result
    before = snapshot(store)
    (result,) = list(
        replay(store, "demo", [_line(op="finish", counter=4, business=["sim_replace"] * 10_000)])
    )
    assert result["ok"] is False and "at most 20 businesses" in str(result["error"])
    (result,) = list(
        replay(store, "demo", [_line(op="finish", counter=4, business=["sim_replace"] * 2)])
    )
    assert result["ok"] is False and "'sim_replace' more than once" in str(result["error"])
    assert snapshot(store) == before


def test_a_replay_file_with_broken_utf8_refuses_that_line_and_goes_on(
    store, store_target, tmp_path
):
    day = tmp_path / "day.jsonl"
    day.write_bytes(
        (_line(op="open", counter=4, clerk="E004") + "\n").encode()
        + b'{"op":"issue","at":"2026-11-23T09:00:00","business":"\xff\xfe"}\n'
        + (_line(op="issue", business="sim_replace") + "\n").encode()
    )
    status, out, err = hallq(store_target, "replay", str(day))
    results = [json.loads(text) for text in out.splitlines()]
    assert [(r["line"], r["ok"]) for r in results] == [(1, True), (2, False), (3, True)]
    assert "UTF-8" in results[1]["error"]
    assert status == 1 and "3 events, 2 applied, 1 rejected" in err


RAW = "@raw-number@"  # stands for a number written out too long for json.dumps to write


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    field=st.sampled_from(["counter", "to_counter", "clerk", "business", "rating", "at", "reason"]),
    value=st.one_of(
        st.integers(min_value=-(10**40), max_value=10**40),
        st.just(RAW),
        st.integers(min_value=1, max_value=200).map(lambda n: "9" * n),
        st.text(alphabet=st.characters(categories=["Nd", "No", "Nl"]), min_size=1, max_size=6),
        st.dates().map(lambda day: f"{day.isoformat()}T00:00:00"),
        st.lists(st.sampled_from(["sim_replace", "topup", "x"]), max_size=300),
        st.floats(),
        st.text(max_size=300),
    ),
    op=st.sampled_from(["open", "transfer", "finish", "rate", "pause", "issue"]),
    digits=st.integers(min_value=4000, max_value=6000),
)
def test_any_value_in_a_replay_field_is_applied_or_refused_with_a_short_reason(
    store, field, value, op, digits
):
    """A hostile value in any field of any op: the line is applied, or refused with one
    short line while every table stays as it was."""
    event = {"op": op, "at": AT, "counter": 4, "clerk": "E004", "business": "topup"}
    event[field] = value
    line = json.dumps(event, allow_nan=True).replace(f'"{RAW}"', "7" * digits)
    before = snapshot(store)
    (result,) = list(replay(store, "demo", [line]))
    if not result["ok"]:
        assert isinstance(result["error"], str)
        assert "\n" not in result["error"] and 0 < len(result["error"]) < 300
        assert snapshot(store) == before


# ----- hall definitions -----


def test_hall_load_refuses_a_huge_integer_deep_nesting_and_a_code_with_a_space(
    store, store_target, tmp_path
):
    huge = tmp_path / "huge.json"
    huge.write_text('{"code": ' + "9" * 5000 + "}")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    spaced = tmp_path / "spaced.json"
    spaced.write_text(json.dumps({**demo_definition(), "code": "north hall"}))
    assert "hall definition" in refused(store, store_target, "hall", "load", str(huge))
    assert "nested" in refused(store, store_target, "hall", "load", str(deep))
    assert "code" in refused(store, store_target, "hall", "load", str(spaced))


# ----- dates and times at the ends of the calendar -----


def test_days_past_the_calendar_are_refused(store, store_target, tmp_path):
    refused(store, store_target, "forms", "search", "--from", "9999-12-31")
    refused(store, store_target, "forms", "search", "--to", "0001-01-01")
    refused(
        store, store_target,
        "appointment", "book", "--phone", "13800138000", "--business", "topup",
        "--at", "9999-12-31T23:59",
    )  # fmt: skip
    refused(store, store_target, "report", "--month", "0000-01", "--out", str(tmp_path))
    refused(store, store_target, "report", "--month", "9999-12", "--out", str(tmp_path))
    refused(store, store_target, "report", "--date", "0001-01-01", "--out", str(tmp_path))
    refused(store, store_target, "metrics", "--date", "9999-12-31")
    refused(store, store_target, "purge", "--before", "0001-01-01")


def test_a_report_of_a_day_and_a_month_without_events_is_written_empty(store_target, tmp_path):
    status, _out, err = hallq(
        store_target, "report", "--date", "2026-01-05", "--month", "2026-01", "--out",
        str(tmp_path / "reports"),
    )  # fmt: skip
    assert status == 0, err
    assert sorted(path.name for path in (tmp_path / "reports").iterdir()) == [
        "hallq-day-2026-01-05.csv",
        "hallq-day-2026-01-05.pdf",
        "hallq-month-2026-01.csv",
        "hallq-month-2026-01.pdf",
    ]


# ----- where the report goes -----


def test_a_report_is_not_written_into_a_file_a_device_or_proc(store, store_target, tmp_path):
    day = ("report", "--date", "2026-11-23")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("keep me")
    for out in (str(a_file), "/dev/null", "/proc/self", "/proc/self/fd"):
        refused(store, store_target, *day, "--out", out)
    assert a_file.read_text() == "keep me"


def test_a_report_never_follows_a_symlink_over_another_file(store, store_target, tmp_path):
    target = tmp_path / "precious.pdf"
    target.write_bytes(b"precious")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "hallq-day-2026-11-23.pdf").symlink_to(target)
    reason = refused(store, store_target, "report", "--date", "2026-11-23", "--out", str(folder))
    assert "hallq-day-2026-11-23.pdf" in reason
    assert target.read_bytes() == b"precious"


def test_a_report_into_an_existing_folder_writes_its_files_there(store_target, tmp_path):
    status, _out, _ = hallq(store_target, "report", "--date", "2026-11-23", "--out", str(tmp_path))
    assert status == 0
    assert (tmp_path / "hallq-day-2026-11-23.pdf").stat().st_size > 0


# ----- the store's own path -----


def test_a_store_path_that_cannot_be_a_store_is_refused_and_nothing_is_made(store, tmp_path):
    before = set(os.listdir("/dev"))
    for target in ("~nosuchuser/x", "/dev/null", "/proc/self/status"):
        for argv in (["status"], ["init"], ["purge"]):
            status, _, err = hallq(target, *argv)
            assert status == 1 and len(err.strip().splitlines()) == 1, err
    assert set(os.listdir("/dev")) == before
    assert not Path("~nosuchuser").exists()


def test_a_default_store_that_cannot_be_a_store_is_refused(store, monkeypatch):
    monkeypatch.setenv("HALLQ_DB", "/dev/null")
    before = set(os.listdir("/dev"))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()) as out:
        status = cli.main(["init"], out)
    assert status == 1 and "/dev/null is not a store file" in err.getvalue()
    assert set(os.listdir("/dev")) == before


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="no /dev/shm on this system")
def test_a_store_and_reports_in_dev_shm_are_allowed(tmp_path):
    import tempfile

    with tempfile.TemporaryDirectory(dir="/dev/shm") as folder:
        target = str(Path(folder) / "hall.sqlite3")
        status, _, err = hallq(target, "init", "--demo")
        assert status == 0, err
        status, _, err = hallq(target, "report", "--date", "2026-11-23", "--out", folder)
        assert status == 0, err
