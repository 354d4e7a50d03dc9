"""The staff programs' application: the shared Qt set-up at desk type size, translated by
the staff catalogs, one per window family (assets/i18n/<name>_*.ts)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from shared.qt import application
from shared.qt.application import Translation

CATALOGS = ("workstation", "screen")
POINT_SIZE = 11


def make_application(argv: Sequence[str], language: str = "zh") -> QApplication:
    """Build (or reuse, under tests) the application in the staff's language."""
    app = application.make_application(argv, POINT_SIZE)
    Translation(CATALOGS, app).switch(language)
    return app
