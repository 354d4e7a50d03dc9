"""Screenshots of the monitor's month performance sheet and the lead's entry dialog.

Run once per language: `python -m tests.gui.score_sheet_screenshots --language zh` (and
`en`). The scripted November of tests/core/test_score_sheet.py is played on a temporary
store; the monitor opens on its last evening. Writes docs/screenshots/
monitor-score-sheet-<language>.png and score-entry-<language>.png (1920x1080).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication

from counter.app import make_application
from counter.screen.monitor import LeadMonitor
from counter.screen.sources import StoreSource
from shared.resources import style_sheet
from shared.services.hall_config import demo_definition, load_hall
from shared.store.clock import FixedClock
from shared.store.database import open_store
from tests.core.test_score_sheet import script_november

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    language = parser.parse_args().language
    make_application([], language)
    with tempfile.TemporaryDirectory() as folder:
        target = str(Path(folder) / "hall.sqlite3")
        store = open_store(target)
        with store.write() as session:
            load_hall(session, demo_definition())
        script_november(store, target)
        clock = FixedClock(dt.datetime(2026, 11, 30, 18, 0))
        monitor = LeadMonitor(StoreSource(store, "demo", clock), language)
        monitor.setStyleSheet(style_sheet("screen"))
        monitor.resize(1920, 1080)
        monitor.sign_in("M001", "2468")
        monitor.tabs.setCurrentIndex(1)
        monitor.show()
        QApplication.processEvents()
        SHOTS.mkdir(parents=True, exist_ok=True)
        monitor.grab().save(str(SHOTS / f"monitor-score-sheet-{language}.png"))
        dialog = monitor.score_sheet.open_entry()
        dialog.clerk.setText("E005")
        QApplication.processEvents()
        dialog.adjustSize()
        QApplication.processEvents()
        dialog.grab().save(str(SHOTS / f"score-entry-{language}.png"))
        dialog.close()
        monitor.close()
        store.close()


if __name__ == "__main__":
    main()
