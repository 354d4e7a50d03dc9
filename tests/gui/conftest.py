"""GUI tests run offscreen, with the staff programs' application (bundled font, language)."""

import os

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def _windows_gone_after_the_test(qapp):
    """Every window a test opened is closed and deleted when it ends: a hidden window left
    alive is re-polished by every later application style sheet, which makes each test
    slower than the one before it."""
    yield
    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
