"""The demo: a simulated day played into the hall (counter 3 left to a person), the three
programs opened on the demo store and closed with it, and a terminal-only mode."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from shared.cli.demo import (
    HUMAN_COUNTER,
    DayPlayer,
    demo_day,
    demo_windows,
    has_screen,
    is_installed,
    run_demo,
    stop_windows,
)
from shared.errors import Rejected
from shared.services.hall import HallService
from shared.store.clock import SystemClock
from shared.store.models import Counter, CounterEvent, Ticket


def test_the_windows_are_the_kiosk_the_human_counter_and_the_hall_screen_on_the_store():
    store = "/tmp/demo.sqlite3"
    commands = [w.command("python3") for w in demo_windows(store)]
    assert commands == [
        f"python3 -m kiosk --db {store} --windowed --id-reader sim".split(),
        f"python3 -m counter --db {store} --counter 3 --clerk E003 --pin 1234".split(),
        f"python3 -m counter.screen --db {store} --board --monitor --lead M001 --pin 2468".split(),
    ]


def test_a_program_runs_only_when_its_module_is_installed():
    assert is_installed("shared.cli.main")
    assert is_installed("json.tool")
    assert not is_installed("shared")  # a package without __main__
    assert not is_installed("no_such_program.screen")


def test_a_screen_is_found_from_the_display_or_qt_platform():
    if sys.platform.startswith("linux"):
        assert not has_screen({})
        assert has_screen({"DISPLAY": ":0"}) and has_screen({"QT_QPA_PLATFORM": "offscreen"})


def test_the_simulated_day_leaves_the_human_counter_alone():
    events = demo_day("normal", 1)
    assert events and all(e.get("counter") != HUMAN_COUNTER for e in events)
    assert demo_day("normal", 1) == events


@pytest.mark.slow
def test_played_morning_issues_calls_and_serves_through_the_services(store):
    out: list[str] = []
    player = DayPlayer(
        HallService(store, "demo", SystemClock()), demo_day("busy", 2), 60, out.append
    )
    player.play_until(2 * 3600 / 60)  # two simulated hours at 60×
    assert 0 < player.played < len(player.events) and not player.done
    with store.read() as session:
        statuses = dict(
            session.execute(select(Ticket.status, func.count()).group_by(Ticket.status)).all()
        )
        human = session.scalar(
            select(func.count())
            .select_from(CounterEvent)
            .join(Counter, Counter.id == CounterEvent.counter_id)
            .where(Counter.number == HUMAN_COUNTER)
        )
    assert statuses["finished"] > 20 and human == 0
    assert any(line.startswith("09:") and "  取号 ticket" in line for line in out)
    assert any("counter 1 opens" in line for line in out)


def test_the_demo_ends_when_every_window_is_closed_and_stops_those_still_open(tmp_path):
    out = io.StringIO()
    began = time.monotonic()
    quick = [sys.executable, "-c", "pass"]
    run_demo(None, speed=60, minutes=1, seed=1, out=out, commands=[quick])
    assert time.monotonic() - began < 30
    assert "every window is closed" in out.getvalue()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    stop_windows([sleeper])
    assert sleeper.returncode is not None


@pytest.mark.slow
def test_hallq_demo_runs_in_the_terminal_and_stops_when_told(empty_store_target):
    target = empty_store_target
    init = [sys.executable, "-m", "shared.cli", "--db", target, "init"]
    assert subprocess.run(init, capture_output=True, timeout=120).returncode == 0
    command = [sys.executable, "-m", "shared.cli", "--db", target, "demo", "--no-windows"]
    done = subprocess.run(
        [*command, "--minutes", "0.05", "--speed", "600"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"store {target}" in done.stdout
    assert "PIN 1234" in done.stdout and "M001, PIN 2468" in done.stdout
    assert "取号 ticket" in done.stdout and "counter 1 opens" in done.stdout
    assert "opening the" not in done.stdout


@pytest.mark.slow
def test_a_terminated_demo_closes_the_windows_it_opened(tmp_path):
    marker = tmp_path / "window.pid"
    (tmp_path / "demo").mkdir()
    window = f"import os, time; open({str(marker)!r}, 'w').write(str(os.getpid())); time.sleep(120)"
    demo = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from shared.cli.demo import run_demo; "
            "run_demo(None, speed=1, minutes=5, seed=1, "
            f"out=sys.stdout, commands=[[sys.executable, '-c', {window!r}]])",
        ],
        stdout=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(tmp_path / "demo")},
    )
    began = time.monotonic()
    while not (marker.exists() and marker.read_text()):
        assert time.monotonic() - began < 60 and demo.poll() is None
        time.sleep(0.1)
    window_pid = int(marker.read_text())
    demo.terminate()
    demo.wait(timeout=30)
    with pytest.raises(ProcessLookupError):
        os.kill(window_pid, 0)
    assert list((tmp_path / "demo").iterdir()) == []


def demo_process(tmp_path, *arguments: str, **options) -> subprocess.Popen[str]:
    """`hallq demo` as a newcomer runs it, its temporary store under tmp_path (TMPDIR)."""
    return subprocess.Popen(
        [sys.executable, "-m", "shared.cli", "demo", *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
        **options,
    )


@pytest.mark.slow
def test_the_demo_shows_hall_time_every_pin_and_the_day_and_removes_its_store(tmp_path):
    demo = demo_process(tmp_path, "--no-windows", "--minutes", "1", "--speed", "120")
    out, err = demo.communicate(timeout=240)
    assert demo.returncode == 0, err
    lines = out.splitlines()
    clerks = " ".join(f"E00{n}" for n in range(1, 9))
    assert f"demo PINs: clerk {clerks} PIN 1234; lead M001 PIN 2468; admin S001 PIN 1357" in out
    # At 120× one real minute is two hours of the day, which starts at 09:00 in the hall.
    times = [line[:8] for line in lines if re.match(r"\d\d:\d\d:\d\d  ", line)]
    assert times[0] == "09:00:00" and "10:30:00" < times[-1] < "11:01:00"
    assert times == sorted(times)
    (closing,) = [n for n, line in enumerate(lines) if "模拟营业日小结" in line]
    assert lines[closing + 1].startswith("  取号 tickets issued ")
    assert lines[closing + 2].startswith("  等候 waits in the simulated day: mean ")
    assert lines[closing + 3].startswith("  应急 levels reached: 正常 normal")
    assert "is removed" in lines[-1]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_keep_leaves_the_demo_store_to_look_at(tmp_path):
    demo = demo_process(tmp_path, "--no-windows", "--minutes", "0.05", "--keep")
    out, err = demo.communicate(timeout=120)
    assert demo.returncode == 0, err
    (folder,) = tmp_path.iterdir()
    assert f"the store is kept at {folder / 'demo.sqlite3'}" in out
    assert (folder / "demo.sqlite3").is_file()


def children_of(pid: int) -> list[int]:
    return [int(n) for n in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def command_line(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/cmdline").read_text().rstrip("\0").split("\0")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="finds the windows in /proc")
@pytest.mark.slow
def test_a_window_that_dies_ends_the_demo_with_an_error_naming_it(tmp_path):
    demo = demo_process(tmp_path, "--minutes", "3")
    began = time.monotonic()
    screens: list[int] = []
    while not screens:
        assert time.monotonic() - began < 120 and demo.poll() is None
        time.sleep(0.5)
        screens = [pid for pid in children_of(demo.pid) if "counter.screen" in command_line(pid)]
    time.sleep(3)  # the hall screen is up and running
    windows = children_of(demo.pid)
    os.kill(screens[0], signal.SIGKILL)
    out, err = demo.communicate(timeout=120)
    assert demo.returncode == 1
    # Besides the programs' own INFO log lines ("… shown after …"), the one error line.
    said = [line for line in err.strip().splitlines() if " INFO " not in line]
    assert said == ["hallq: error: the hall screen was killed (SIGKILL); the demo stops"]
    assert "模拟营业日小结" in out and "is removed" in out
    assert list(tmp_path.iterdir()) == []
    for window in windows:  # the kiosk and counter 3 were closed with it
        with pytest.raises(ProcessLookupError):
            os.kill(window, 0)


def test_a_window_that_exits_with_an_error_ends_the_demo(tmp_path):
    failing = [sys.executable, "-c", "import sys, time; time.sleep(1); sys.exit(3)"]
    out = io.StringIO()
    with pytest.raises(Rejected, match=r"^the .* stopped with exit code 3; the demo stops$"):
        run_demo(None, speed=60, minutes=1, seed=1, out=out, commands=[failing])
    assert "模拟营业日小结" in out.getvalue()
