"""`hallq` as scripts use it: real processes, exit statuses, JSON, and nothing stored on refusal."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from sqlalchemy import select

from shared.store.database import open_store
from shared.store.models import ServiceForm
from tests.core.test_hall_actions import snapshot


def hallq(
    *args: str,
    db: str | None = None,
    stdin: str | None = None,
    env: dict | None = None,
    prefix: list[str] | None = None,
):
    command = [
        *(prefix or []),
        sys.executable,
        "-m",
        "shared.cli",
        *(["--db", db] if db else []),
        *args,
    ]
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


DAY = "\n".join(
    json.dumps(event)
    for event in [
        {"op": "open", "counter": 2, "clerk": "E002", "at": "2026-11-23T09:00:00"},
        {"op": "issue", "business": "topup", "at": "2026-11-23T09:01:00"},
        {"op": "call", "counter": 2, "at": "2026-11-23T09:02:00"},
        {"op": "finish", "counter": 2, "signed": True, "at": "2026-11-23T09:04:00"},
        {"op": "rate", "counter": 2, "rating": "satisfied", "at": "2026-11-23T09:04:10"},
    ]
)


@pytest.mark.slow
def test_init_demo_is_idempotent(empty_store_target):
    first = hallq("init", "--demo", db=empty_store_target)
    assert first.returncode == 0, first.stderr
    from shared.store.database import open_store

    store = open_store(empty_store_target)
    before = snapshot(store)
    assert hallq("init", "--demo", db=empty_store_target).returncode == 0
    assert snapshot(store) == before
    store.close()


def test_replay_reads_standard_input_and_exits_0_when_all_applied(store_target):
    done = hallq("replay", "-", db=store_target, stdin=DAY)
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["line"] for r in results] == [1, 2, 3, 4, 5] and all(r["ok"] for r in results)


def test_replay_exits_1_and_reports_each_rejected_line(store_target, tmp_path):
    events = tmp_path / "day.jsonl"
    events.write_text(
        DAY + '\n{"op": "call", "counter": 9, "at": "2026-11-23T09:05:00"}\nnonsense\n'
    )
    done = hallq("replay", str(events), db=store_target)
    assert done.returncode == 1
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["line"], r["ok"]) for r in results[-2:]] == [(6, False), (7, False)]
    assert "no counter 9" in results[-2]["error"]


def test_replay_of_a_missing_file_is_a_clear_error(store_target):
    done = hallq("replay", "/nonexistent/day.jsonl", db=store_target)
    assert done.returncode == 1 and "cannot read /nonexistent/day.jsonl" in done.stderr


@pytest.mark.slow
def test_status_metrics_and_alerts_as_json(store_target):
    hallq("replay", "-", db=store_target, stdin=DAY)
    status = json.loads(hallq("status", "--json", db=store_target).stdout)
    assert status["waiting"] == {"V": 0, "A": 0, "B": 0, "C": 0, "D": 0}
    assert status["level"] == 0 and status["open_counters"] == 1
    assert {k: status["counters"][1][k] for k in ("counter", "state", "clerk", "ticket")} == {
        "counter": 2,
        "state": "open",
        "clerk": "E002",
        "ticket": None,
    }
    metrics = json.loads(hallq("metrics", "--date", "2026-11-23", "--json", db=store_target).stdout)
    assert [(m["clerk"], m["handled"], m["avg_wait_s"], m["avg_handle_s"]) for m in metrics] == [
        ("E002", 1, 60.0, 120.0)
    ]
    assert (
        json.loads(hallq("alerts", "--date", "2026-11-23", "--json", db=store_target).stdout) == []
    )


@pytest.mark.slow
def test_metrics_for_one_clerk_and_an_unknown_clerk(store_target):
    hallq("replay", "-", db=store_target, stdin=DAY)
    one = hallq("metrics", "--date", "2026-11-23", "--clerk", "E002", "--json", db=store_target)
    assert [m["clerk"] for m in json.loads(one.stdout)] == ["E002"]
    unknown = hallq("metrics", "--date", "2026-11-23", "--clerk", "Z9", db=store_target)
    assert unknown.returncode == 1 and "no clerk 'Z9'" in unknown.stderr


@pytest.mark.parametrize(
    "args",
    [("metrics", "--date", "23/11/2026"), ("metrics",), ("frobnicate",), ("status", "--colour")],
)
def test_usage_errors_exit_2(store_target, args):
    assert hallq(*args, db=store_target).returncode == 2


@pytest.mark.slow
def test_human_output_speaks_chinese_and_english(store_target):
    hallq("replay", "-", db=store_target, stdin=DAY)
    status = hallq("status", db=store_target).stdout
    assert "应急级别 Alert level" in status and "绿色通道 Green channel" in status
    metrics = hallq("metrics", "--date", "2026-11-23", db=store_target).stdout
    assert "E002 李娜" in metrics and "满意度 Satisfaction" in metrics


def test_the_store_comes_from_hallq_db_when_no_db_is_given(store_target):
    done = hallq("status", "--json", env={"HALLQ_DB": store_target})
    assert done.returncode == 0 and json.loads(done.stdout)["hall"] == "demo"


@pytest.mark.slow
def test_settings_change_is_checked_and_a_refusal_stores_nothing(store_target):
    assert (
        hallq("settings", "alert_level1=2.0", "alert_margin=0.25", db=store_target).returncode == 0
    )
    shown = json.loads(hallq("settings", "--json", db=store_target).stdout)
    assert (shown["alert_level1"], shown["alert_margin"]) == (2.0, 0.25)
    refused = hallq("settings", "alert_level2=1.5", db=store_target)
    assert refused.returncode == 1 and "alert_level2 must be above alert_level1" in refused.stderr
    for bad in ("alert_level1=abc", "nonsense=1", "green_ratio"):
        assert hallq("settings", bad, db=store_target).returncode == 1
    assert json.loads(hallq("settings", "--json", db=store_target).stdout) == shown


RISE = '{"op":"issue","business":"topup","at":"2026-11-23T09:00:00"}'  # nobody open: level 2


def on_the_wall_clock_at(at: str) -> list[str]:
    """The command prefix that runs a process with its wall clock set to `at` (the hall's
    local time, the PC's own zone) and running on from there: libfaketime, the PC's clock
    as a SQLite store's programs read it. Nothing in hallq itself can set the hall's time.
    faketime reads `at` in the zone TZ names, so TZ is dropped: the PC's zone, as hallq's."""
    faketime = shutil.which("faketime")
    if faketime is None:
        pytest.skip("needs faketime (Debian package faketime) to set a process's clock")
    return ["env", "-u", "TZ", faketime, "-f", f"@{at}"]


def test_acknowledging_needs_a_shift_lead_and_leaves_a_past_day_as_it_was(store_target):
    """On the wall clock (any day but the replayed one, long past) that day is not today:
    nothing waits, and the attempt neither closes that day nor acknowledges its rise."""
    hallq("replay", "-", db=store_target, stdin=RISE)
    clerk = hallq("ack", "--clerk", "E001", db=store_target)
    assert clerk.returncode == 1 and "only a shift lead" in clerk.stderr
    lead = hallq("ack", "--clerk", "M001", db=store_target)
    assert lead.returncode == 1 and lead.stderr.startswith("hallq: error: ")
    assert len(lead.stderr.splitlines()) == 1
    (change,) = json.loads(
        hallq("alerts", "--date", "2026-11-23", "--json", db=store_target).stdout
    )
    assert (change["level"], change["acknowledged_by"]) == (2, None)
    status = json.loads(hallq("status", "--json", db=store_target).stdout)
    assert (status["business_day"], status["waiting"]["A"]) == ("2026-11-23", 1)


@pytest.mark.usefixtures("sqlite_only")  # on PostgreSQL the time is the server's, not the PC's
def test_a_lead_acknowledges_the_day_s_rise_once_from_the_command_line(store_target):
    hallq("replay", "-", db=store_target, stdin=RISE)
    at_0905 = on_the_wall_clock_at("2026-11-23 09:05:00")
    done = hallq("ack", "--clerk", "M001", db=store_target, prefix=at_0905)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "acknowledged the rise to level 2 at 09:00:00 by M001\n"
    (change,) = json.loads(
        hallq("alerts", "--date", "2026-11-23", "--json", db=store_target).stdout
    )
    assert change["acknowledged_by"] == "M001"
    assert change["acknowledged_at"].startswith("2026-11-23T09:05:")
    again = hallq("ack", "--clerk", "M001", db=store_target, prefix=at_0905)
    assert again.returncode == 1
    assert again.stderr.splitlines()[-1] == (  # faketime itself may warn on the line before
        "hallq: error: no rise of the alert level on 2026-11-23 waits to be acknowledged"
    )


def test_an_unreadable_store_is_a_clear_error(tmp_path):
    bad = tmp_path / "not-a-store.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    done = hallq("status", db=str(bad))
    assert done.returncode == 1
    assert done.stderr == f"hallq: error: {bad} is not a hallq store (not a database)\n"


@pytest.mark.usefixtures("sqlite_only")
@pytest.mark.slow
def test_backup_then_restore_brings_the_store_back_and_keeps_the_replaced_one(tmp_path):
    target = str(tmp_path / "hall.sqlite3")
    hallq("init", "--demo", db=target)
    hallq("replay", "-", db=target, stdin=DAY)
    backup = tmp_path / "monday.sqlite3"
    assert hallq("backup", str(backup), db=target).returncode == 0
    assert hallq("backup", str(backup), db=target).returncode == 1  # never overwritten
    later = '{"op": "issue", "business": "topup", "at": "2026-11-23T10:00:00"}'
    hallq("replay", "-", db=target, stdin=later)
    restored = hallq("restore", str(backup), db=target)
    assert restored.returncode == 0, restored.stderr
    assert "the replaced store is kept" in restored.stdout
    assert json.loads(hallq("status", "--json", db=target).stdout)["waiting"]["A"] == 0
    (kept,) = tmp_path.glob("hall.sqlite3.before-restore-*")
    assert json.loads(hallq("status", "--json", db=str(kept)).stdout)["waiting"]["A"] == 1


def test_restoring_a_file_that_is_no_backup_is_refused(store_target, tmp_path):
    if "://" in store_target:
        pytest.skip("backups of a PostgreSQL store are the server's (pg_dump)")
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 100)
    done = hallq("restore", str(junk), db=store_target)
    assert done.returncode == 1 and "hallq: error:" in done.stderr
    assert json.loads(hallq("status", "--json", db=store_target).stdout)["hall"] == "demo"


@pytest.mark.slow
def test_a_simulated_day_is_repeatable_and_replays_without_a_rejection(store_target, tmp_path):
    day = (
        "simulate",
        "--date",
        "2026-11-23",
        "--profile",
        "busy",
        "--seed",
        "7",
        "--volume",
        "0.1",
    )
    first, second = hallq(*day), hallq(*day)
    assert first.returncode == 0 and first.stdout == second.stdout
    replayed = hallq("replay", "-", db=store_target, stdin=first.stdout)
    assert replayed.returncode == 0, replayed.stdout[-500:]
    events = tmp_path / "day.jsonl"
    assert hallq(*day, "--out", str(events)).returncode == 0
    assert events.read_text(encoding="utf-8") == first.stdout
    assert hallq(*day, "--out", str(events)).returncode == 1  # never overwritten
    assert hallq("simulate", "--date", "2026-11-23", "--profile", "holiday").returncode == 2


# ----- a store that is not there, or is no store -----


@pytest.mark.parametrize(
    "command",
    [
        ("status",),
        ("settings", "call_policy=fifo"),
        ("replay", "-"),
        ("hall", "load", "hall.json"),
        ("forms", "verify"),
    ],
)
def test_a_command_on_a_missing_store_refuses_and_creates_nothing(command, tmp_path):
    (tmp_path / "hall.json").write_text("{}", encoding="utf-8")
    before = sorted(tmp_path.rglob("*"))
    mistyped = tmp_path / "no" / "such" / "hall.sqlite3"
    reasons = {
        tmp_path / "hal.sqlite3": "`hallq init` creates one",
        mistyped: f"the folder {mistyped.parent} does not exist",
    }
    for target, reason in reasons.items():
        done = subprocess.run(
            [sys.executable, "-m", "shared.cli", "--db", str(target), *command],
            input=DAY,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
        assert done.returncode == 1
        assert done.stderr.strip().splitlines() == [f"hallq: error: no store at {target}: {reason}"]
    assert sorted(tmp_path.rglob("*")) == before


def test_without_db_the_default_store_must_exist_too(tmp_path):
    data = tmp_path / "data"
    done = hallq("status", env={"HALLQ_DB": "", "XDG_DATA_HOME": str(data)})
    assert done.returncode == 1
    assert f"no store at {data / 'hallq' / 'hallq.sqlite3'}" in done.stderr
    assert not data.exists()
    assert hallq("init", env={"HALLQ_DB": "", "XDG_DATA_HOME": str(data)}).returncode == 0
    assert (data / "hallq" / "hallq.sqlite3").is_file()


def test_a_folder_or_a_file_that_is_no_store_is_named_as_such(tmp_path):
    (tmp_path / "notes.txt").write_text("not a database\n", encoding="utf-8")
    (tmp_path / "empty.sqlite3").touch()
    expected = {
        tmp_path: f"hallq: error: {tmp_path} is a folder, not a store file",
        tmp_path / "notes.txt": f"hallq: error: {tmp_path / 'notes.txt'} is not a hallq store "
        "(not a database)",
        tmp_path / "empty.sqlite3": f"hallq: error: {tmp_path / 'empty.sqlite3'} is not a hallq "
        "store: `hallq init` creates one",
    }
    for target, message in expected.items():
        done = hallq("status", db=str(target))
        assert (done.returncode, done.stderr.strip().splitlines()) == (1, [message])
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "not a database\n"


@pytest.mark.slow
def test_a_replayed_day_archives_a_form_for_each_signed_finish(store_target, tmp_path):
    day = tmp_path / "day.jsonl"
    simulated = hallq(
        "simulate", "--date", "2026-11-23", "--seed", "4", "--volume", "0.3", "--out", str(day)
    )
    assert simulated.returncode == 0, simulated.stderr
    events = [json.loads(line) for line in day.read_text(encoding="utf-8").splitlines()]
    done = hallq("replay", str(day), db=store_target)
    assert done.returncode == 0, done.stderr
    results = [json.loads(line) for line in done.stdout.splitlines()]
    signed = {
        result["ticket"]
        for event, result in zip(events, results, strict=True)
        if event["op"] == "finish" and event.get("signed")
    }
    store = open_store(store_target)
    with store.read() as session:
        forms = session.execute(
            select(ServiceForm.ticket_code, ServiceForm.signed, ServiceForm.strokes)
        ).all()
    store.close()
    assert len(signed) > 20
    assert sorted(code for code, _, _ in forms) == sorted(signed)
    assert all(is_signed and strokes is None for _, is_signed, strokes in forms)
    verified = hallq("forms", "verify", db=store_target)
    assert verified.returncode == 0, verified.stdout
    assert f"chain intact: {len(signed)} service forms" in verified.stdout


@pytest.mark.parametrize(
    ("program", "name"),
    [
        ("kiosk", "hallq-kiosk: error"),
        ("counter", "hallq-counter"),
        ("counter.screen", "hallq-screen"),
    ],
)
def test_a_program_on_a_missing_store_refuses_and_creates_nothing(program, name, tmp_path):
    store_folder = tmp_path / "store"
    store_folder.mkdir()
    target = store_folder / "hall.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", program, "--db", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path)},
    )
    assert done.returncode == 1
    assert f"{name}: no store at {target}: `hallq init` creates one" in done.stderr.splitlines()
    assert list(store_folder.iterdir()) == []
