"""The administrator's window's screenshots, in one language, one per tab:

    QT_QPA_PLATFORM=offscreen python -m tests.gui.admin_screenshots zh
    QT_QPA_PLATFORM=offscreen python -m tests.gui.admin_screenshots en

A demo store in a temporary folder, a few numbers on the blacklist and an enrolled kiosk,
then docs/screenshots/admin-<tab>-<lang>.png at 1920x1080.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from counter.admin.sources import StoreAdmin
from counter.admin.window import AdminWindow
from counter.app import make_application
from shared.qt.errors import FailureNotices
from shared.resources import style_sheet
from shared.services.campaigns import import_special_list
from shared.services.devices import enrol_device
from shared.services.hall_config import demo_definition, load_hall
from shared.services.staff_admin import disable_clerk
from shared.store.clock import FixedClock
from shared.store.database import open_store

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
TABS = ("staff", "counters", "devices", "settings", "lists", "businesses")


def shoot(widget: QWidget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))
    print(SHOTS / name)


def main(language: str) -> None:
    app = make_application([], language)
    app.setStyleSheet(style_sheet("workstation"))
    clock = FixedClock(dt.datetime(2026, 3, 2, 8, 30))
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "hall.db"))
        with store.write() as session:
            load_hall(session, demo_definition())
        enrol_device(store, None, None, "kiosk-1", "kiosk", clock=clock)
        enrol_device(store, None, None, "screen-3", "customer_screen", counter=3, clock=clock)
        numbers = b"13800000001\n13900000002\n13700000003\n"
        import_special_list(
            store, None, None, "blacklist", numbers, file_name="black.csv", clock=clock
        )
        disable_clerk(store, None, "S001", "E008", source="demo", clock=clock)
        window = AdminWindow(
            StoreAdmin(store, None, clock, FailureNotices(store, app)), language=language
        )
        window.resize(1920, 1080)
        window.show()
        shoot(window, f"admin-sign-in-{language}.png")
        window.sign_in("S001", "1357")
        for index, tab in enumerate(TABS):
            window.tabs.setCurrentIndex(index)
            if tab == "staff":
                window.staff_table.selectRow(7)
            if tab == "settings":
                window.settings_table.selectRow(13)
            shoot(window, f"admin-{tab}-{language}.png")
        window.close()
        store.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "zh")
