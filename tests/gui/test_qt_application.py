"""The Qt set-up both programs share: catalogs switched on and off, a missing catalog
refused, and Qt's messages in the program's log in the one line format, minus the
offscreen platform's noise."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication, QObject

from kiosk.window import POINT_SIZE
from shared.qt.application import Translation, make_application
from shared.resources import MissingAsset

LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (INFO|WARNING) [\w.]+: ")

# A program's first steps, then what Qt says while it runs: the offscreen noise three
# times (a demo hall prints it over a hundred times) and one real warning.
PROGRAM = """
from PySide6.QtCore import qWarning
from shared.qt.application import make_application, start_logging
start_logging("kiosk")
make_application([], 16)
for _ in range(3):
    qWarning("This plugin does not support propagateSizeHints()")
qWarning("QPainter::begin: Paint device returned engine == 0, type: 2")
"""


@pytest.fixture
def owner(qtbot):
    """The translators' parent, gone after the test so no catalog stays installed."""
    make_application([], POINT_SIZE)
    parent = QObject()
    yield parent
    parent.deleteLater()


def test_the_kiosk_catalog_is_switched_on_for_chinese_and_off_for_english(owner):
    translation = Translation(("kiosk",), owner)
    translation.switch("zh")
    assert QCoreApplication.translate("KioskWindow", "‹ Back") == "‹ 上一步"
    translation.switch("en")
    assert QCoreApplication.translate("KioskWindow", "‹ Back") == "‹ Back"
    assert translation.language == "en"


def test_a_catalog_not_shipped_stops_the_switch(owner):
    translation = Translation(("kiosk", "cashier"), owner)
    with pytest.raises(MissingAsset, match=r"cashier_zh_CN\.qm"):
        translation.switch("zh")
    assert translation.language == "en"
    assert QCoreApplication.translate("KioskWindow", "‹ Back") == "‹ Back"


def test_qt_messages_reach_the_log_in_one_format_without_the_offscreen_noise(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    logged = (tmp_path / "hallq" / "kiosk.log").read_text(encoding="utf-8").splitlines()
    assert logged == done.stderr.splitlines()
    assert [line for line in logged if not LINE.match(line)] == []
    assert [line.split(" ", 2)[2] for line in logged] == [
        "WARNING qt: QPainter::begin: Paint device returned engine == 0, type: 2"
    ]
