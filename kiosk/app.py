"""The kiosk's QApplication: the bundled CJK font, its style sheet, and the customer's
language, switchable at any moment with one tap."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from shared.resources import CJK_FONT, CJK_FONT_FAMILY, catalog

CATALOG = "kiosk"


def make_application(argv: Sequence[str]) -> QApplication:
    """Build (or reuse, under tests) the application with the bundled font loaded."""
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    if QFontDatabase.addApplicationFont(str(CJK_FONT)) < 0:
        logging.getLogger(__name__).warning("cannot load the bundled font %s", CJK_FONT)
    app.setFont(QFont(CJK_FONT_FAMILY, 16))
    return app


class Translation:
    """The one kiosk translator: installed for Chinese, removed for English (the source)."""

    def __init__(self) -> None:
        self.language = "en"
        self._translator = QTranslator()

    def switch(self, language: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        app.removeTranslator(self._translator)
        path = catalog(CATALOG, language)
        if path is not None and self._translator.load(str(path)):
            app.installTranslator(self._translator)
        self.language = language

    def remove(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeTranslator(self._translator)
