"""Screenshots of the calling board and the shift lead's monitor at levels 0, 1 and 2.

Run once per language: `python -m tests.gui.screen_shots --language zh` (and `en`).
A simulated busy day is replayed event by event; the first moment after 10:00 at each
level is photographed, with a printer incident and an early warning on the floor so the
monitor shows every panel. Writes docs/screenshots/{board,monitor}-L<level>-<language>.png.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from counter.app import make_application
from counter.screen.announcer import Announcer
from counter.screen.board import CallingBoard
from counter.screen.monitor import LeadMonitor
from counter.screen.sources import StoreSource
from shared.forecast.simulate import preset, simulate_day
from shared.resources import style_sheet
from shared.services.hall_config import demo_definition, load_hall
from shared.services.replay import replay
from shared.store.clock import FixedClock
from shared.store.database import Store, open_store
from shared.store.lookup import find_hall
from shared.store.models import EarlyWarning, Incident
from shared.views.status import hall_now

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DAY = dt.date(2026, 11, 23)
FROM = dt.datetime.combine(DAY, dt.time(10, 0))


def _floor_extras(store: Store, at: dt.datetime) -> None:
    """A kiosk printer fault and an early warning, as the kiosk and the forecast write them."""
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
    board.resize(1280, 720)
    board.refresh()
    board.grab().save(str(SHOTS / f"board-L{level}-{language}.png"))
    monitor = LeadMonitor(StoreSource(store, "demo", clock), language)
    monitor.setStyleSheet(style_sheet("screen"))
    monitor.resize(1366, 820)
    monitor.sign_in("M001", "2468")
    monitor.grab().save(str(SHOTS / f"monitor-L{level}-{language}.png"))
    if level == 2:
        for tab, name in ((1, "clerks"), (2, "charts")):
            monitor.tabs.setCurrentIndex(tab)
            monitor.grab().save(str(SHOTS / f"monitor-{name}-{language}.png"))
    board.deleteLater()
    monitor.deleteLater()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    language = parser.parse_args().language
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    make_application([], language)
    SHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "hall.sqlite3"))
        with store.write() as session:
            load_hall(session, demo_definition())
        events = simulate_day(preset("busy"), DAY, seed=3)
        wanted = {0, 1, 2}
        extras_added = False
        for event in events:
            list(replay(store, "demo", [json.dumps(event)]))
            at = dt.datetime.fromisoformat(event["at"])
            if at < FROM:
                continue
            with store.read() as session:
                now = hall_now(session, find_hall(session, "demo"))
            level = now.level
            if level == 0 and now.waiting_total < 3:
                continue  # a level-0 picture should still show people waiting
            if level in wanted and any(c.ticket for c in now.counters):
                if not extras_added:
                    _floor_extras(store, at)
                    extras_added = True
                _photograph(store, at + dt.timedelta(seconds=40), level, language)
                wanted.discard(level)
            if not wanted:
                break
        store.close()


if __name__ == "__main__":
    main()
