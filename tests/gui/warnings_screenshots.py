"""Screenshots of the shift lead's monitor with an early warning standing and the warning's
record, after two mornings replayed through `hallq replay` and the lead signed in.

Run once per language: `python -m tests.gui.warnings_screenshots --language zh` (and `en`).
Writes docs/screenshots/monitor-warnings-<language>.png.
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
from pathlib import Path

from counter.app import make_application
from counter.screen.monitor import LeadMonitor
from counter.screen.sources import StoreSource
from shared.resources import style_sheet
from shared.store.clock import FixedClock
from shared.store.database import open_store
from tests.gui.screen_helpers import hallq
from tests.gui.warned_days import SECOND_DAY, two_mornings

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def photograph(language: str) -> Path:
    app = make_application([], language)
    with tempfile.TemporaryDirectory() as folder:
        target = str(Path(folder) / "hall.db")
        hallq(target, "init", "--demo")
        hallq(target, "replay", "-", events=two_mornings())
        store = open_store(target)
        clock = FixedClock(dt.datetime.combine(SECOND_DAY, dt.time(9, 6, 30)))
        monitor = LeadMonitor(StoreSource(store, "demo", clock), language)
        monitor.setStyleSheet(style_sheet("screen"))
        monitor.resize(1366, 820)
        monitor.show()
        monitor.sign_in("M001", "2468")
        app.processEvents()
        shot = SHOTS / f"monitor-warnings-{language}.png"
        monitor.grab().save(str(shot))
        monitor.close()
        store.close()
    return shot


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("zh", "en"), default="zh")
    print(photograph(parser.parse_args().language))


if __name__ == "__main__":
    main()
