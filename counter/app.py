"""The staff programs' application: the shared Qt set-up at desk type size, translated by
the staff catalogs, one per window family (assets/i18n/<name>_*.ts)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from shared.qt import application
from shared.qt.application import Translation

CATALOGS = ("workstation", "screen", "words", "admin")
POINT_SIZE = 11


_translations: dict[int, Translation] = {}  # per application: reused, it switches language


def make_application(argv: Sequence[str], language: str = "zh") -> QApplication:
    """Build (or reuse, under tests) the application in the staff's language; reused, its
    one set of translators switches, so an English window follows a Chinese one."""
    app = application.make_application(argv, POINT_SIZE)
    translation = _translations.setdefault(id(app), Translation(CATALOGS, app))
    translation.switch(language)
    return app
