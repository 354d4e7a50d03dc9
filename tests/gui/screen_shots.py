"""Screenshots of the calling board and the shift lead's monitor at levels 0, 1 and 2.

Run once per language: `python -m tests.gui.screen_shots --language zh` (and `en`).
A simulated busy day is replayed event by event; the first moment after 10:00 at each
level is photographed, with a printer incident and an early warning on the floor so the
monitor shows every panel. Writes docs/screenshots/{board,monitor}-L<level>-<language>.png,
and monitor-sign-in-<language>.png with a clerk refused on the monitor's sign-in page.

With `--server` the windows are clients of a hall server (in this process, on the replayed
store, its clock stopped at each moment), started as `hallq-screen --server` starts them,
the lead signed in on the monitor's page; it writes server-{board,monitor}-L<level>-... and,
once the server is stopped, server-board-lost-<language>.png with the banner a lead sees.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import socket
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from counter.app import make_application
from counter.screen.__main__ import open_windows, parse
from counter.screen.announcer import Announcer
from counter.screen.board import CallingBoard
from counter.screen.monitor import LeadMonitor
from counter.screen.sources import ServerSource, StoreSource
from shared.client.http import ServerAddress
from shared.forecast.simulate import preset, simulate_day
from shared.qt.remote import HallLink
from shared.resources import style_sheet
from shared.server.app import create_app
from shared.server.door import Door
from shared.services.devices import enrol_device
from shared.services.hall_config import demo_definition, load_hall
from shared.services.notices import post_notice
from shared.services.replay import replay
from shared.store.clock import FixedClock
from shared.store.database import Store, open_store
from shared.store.lookup import find_hall
from shared.store.models import EarlyWarning, Incident
from shared.store.plain import plain_reads
from shared.views.status import hall_now

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DAY = dt.date(2026, 11, 23)
FROM = dt.datetime.combine(DAY, dt.time(10, 0))


NOTICES = {
    "zh": "今天 17:00 起系统维护，请尽早办理",
    "en": "System maintenance from 17:00 today",
}


def _floor_extras(store: Store, at: dt.datetime, language: str) -> None:
    """A kiosk printer fault and an early warning, as the kiosk and the forecast write them,
    and the shift lead's notice on the board."""
    post_notice(store, "demo", "M001", NOTICES[language], source="monitor", clock=FixedClock(at))
    with store.write() as session:
        hall = find_hall(session, "demo")
        session.add(
            Incident(
                hall_id=hall.id,
                at=at - dt.timedelta(minutes=12),
                business_day=DAY,
                source="kiosk-1",
                kind="printer",
                message="打印机缺纸 printer out of paper",
            )
        )
        session.add(
            EarlyWarning(
                hall_id=hall.id, at=at - dt.timedelta(minutes=20), business_day=DAY, level=1,
                expected_at=at - dt.timedelta(minutes=5), more_counters=1,
                arrivals_per_hour=58.0, services_per_hour=44.0,
            )
        )  # fmt: skip


def _photograph(store: Store, at: dt.datetime, level: int, language: str) -> None:
    clock = FixedClock(at)
    board = CallingBoard(StoreSource(store, "demo", clock), Announcer(), language)
    board.setStyleSheet(style_sheet("screen"))
    board.resize(1920, 1080)
    board.refresh()
    board.grab().save(str(SHOTS / f"board-L{level}-{language}.png"))
    monitor = LeadMonitor(StoreSource(store, "demo", clock), language)
    monitor.setStyleSheet(style_sheet("screen"))
    monitor.resize(1920, 1080)
    if level == 0:  # a clerk tries the monitor first, typing as at the keyboard
        page = monitor.sign_in_page
        for field, typed in ((page.staff, "E002"), (page.pin, "1234")):
            QTest.keyClicks(field, typed)
            QTest.keyClick(field, Qt.Key.Key_Return)
        QApplication.processEvents()
        monitor.grab().save(str(SHOTS / f"monitor-sign-in-{language}.png"))
    monitor.sign_in("M001", "2468")
    monitor.grab().save(str(SHOTS / f"monitor-L{level}-{language}.png"))
    if level == 2:
        for tab, name in ((1, "clerks"), (2, "charts")):
            monitor.tabs.setCurrentIndex(tab)
            monitor.grab().save(str(SHOTS / f"monitor-{name}-{language}.png"))
    board.deleteLater()
    monitor.deleteLater()


def _until(done: Callable[[], bool], timeout_s: float = 20.0) -> None:
    """Let the event loop run (answers arrive on it) until `done`."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("the windows did not show the server's answers in time")
        app.processEvents()
        time.sleep(0.02)


@contextmanager
def _server(store: Store, at: dt.datetime) -> Iterator[int]:
    """A hall server on `store` whose clock reads `at`, on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    app = create_app(Door.open(store, "demo", FixedClock(at)))
    config = uvicorn.Config(
        app, host="127.0.0.1", port=port, log_level="error", timeout_graceful_shutdown=1
    )  # a change feed's socket ends only at the next change: cut it at once
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    _until(lambda: server.started)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join()


def _photograph_served(
    store: Store, key: str, at: dt.datetime, level: int, language: str, last: bool
) -> None:
    with _server(store, at) as port:
        args = parse(
            [
                *("--server", f"http://127.0.0.1:{port}", "--device-key", key),
                *("--windowed", "--language", language),
            ]
        )
        link = HallLink(ServerAddress.parse(args.server), key)
        board, monitor = open_windows(ServerSource(link), link, args, link)
        assert isinstance(board, CallingBoard) and isinstance(monitor, LeadMonitor)
        link.listen()
        board.resize(1920, 1080)
        monitor.resize(1440, 900)
        _until(lambda: link.connected.connected and board.board is not None)
        monitor.sign_in_page.staff.setText("M001")
        monitor.sign_in_page.pin.setText("2468")
        monitor.sign_in_page.button.click()
        _until(lambda: monitor.floor is not None)
        _until(lambda: link.clock.told)
        board.grab().save(str(SHOTS / f"server-board-L{level}-{language}.png"))
        monitor.grab().save(str(SHOTS / f"server-monitor-L{level}-{language}.png"))
    if last:  # the server just stopped: what the hall sees until it is back
        _until(lambda: not link.connected.connected)
        board.grab().save(str(SHOTS / f"server-board-lost-{language}.png"))
        monitor.grab().save(str(SHOTS / f"server-monitor-lost-{language}.png"))
    link.close()
    board.close()
    monitor.close()
    board.deleteLater()
    monitor.deleteLater()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    parser.add_argument("--server", action="store_true", help="the windows as server clients")
    options = parser.parse_args()
    language = options.language
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    make_application([], language)
    SHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "hall.sqlite3"))
        with store.write() as session:
            load_hall(session, demo_definition())
        key = enrol_device(store, None, None, "board-1", "board")
        events = simulate_day(preset("busy"), DAY, seed=3)
        wanted = {0, 1, 2}
        extras_added = False
        for event in events:
            list(replay(store, "demo", [json.dumps(event)]))
            at = dt.datetime.fromisoformat(event["at"])
            if at < FROM:
                continue
            with store.read() as session:
                now = hall_now(plain_reads(session), find_hall(session, "demo").id)
            level = now.level
            if level == 0 and now.waiting_total < 3:
                continue  # a level-0 picture should still show people waiting
            if level in wanted and any(c.ticket for c in now.counters):
                if not extras_added:
                    _floor_extras(store, at, language)
                    extras_added = True
                wanted.discard(level)
                if options.server:
                    moment = at + dt.timedelta(seconds=40)
                    _photograph_served(store, key, moment, level, language, not wanted)
                else:
                    _photograph(store, at + dt.timedelta(seconds=40), level, language)
            if not wanted:
                break
        store.close()


if __name__ == "__main__":
    main()
