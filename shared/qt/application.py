"""What every hallq program does with Qt at start: one QApplication with the bundled CJK
font, the program's translation catalogs, one log line format and a rotating log file per
program, and Qt's own messages routed into that log."""

from __future__ import annotations

import logging
import logging.handlers
import os
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from shared.resources import CJK_FONT_FAMILY, MissingAsset, catalog, cjk_font

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# The offscreen platform prints this whenever a shown window's size limits change (over a
# hundred times in a demo); it says nothing about the hall.
QT_NOISE = ("This plugin does not support propagateSizeHints()",)
QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def make_application(argv: Sequence[str], point_size: int) -> QApplication:
    """Build (or reuse, under tests) the application with the bundled font loaded."""
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    font = cjk_font()
    if QFontDatabase.addApplicationFont(str(font)) < 0:
        raise MissingAsset(f"Qt cannot load the bundled font {font}; reinstall hallq")
    app.setFont(QFont(CJK_FONT_FAMILY, point_size))
    return app


class Translation:
    """A program's translators, one per catalog: installed for Chinese, removed for English
    (the source language). The kiosk switches at every tap; the staff programs once."""

    def __init__(self, catalogs: Sequence[str], parent: QObject) -> None:
        self.catalogs = tuple(catalogs)
        self.language = "en"
        self._translators = [QTranslator(parent) for _ in self.catalogs]

    def switch(self, language: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        paths = [catalog(name, language) for name in self.catalogs]  # all found, or no change
        self.remove()
        for path, translator in zip(paths, self._translators, strict=True):
            if path is None:
                continue
            if not translator.load(str(path)):
                raise MissingAsset(f"Qt cannot read the translation catalog {path}")
            app.installTranslator(translator)
        self.language = language

    def remove(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            for translator in self._translators:
                app.removeTranslator(translator)


def log_folder() -> Path:
    """The programs' logs: $XDG_STATE_HOME/hallq, else ~/.local/state/hallq."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "hallq"


def start_logging(program: str) -> None:
    """One line format on stderr and in `<program>.log` (rotating, so a shift lead can send it
    when something went wrong), with Qt's messages in the same log."""
    folder = log_folder()
    folder.mkdir(parents=True, exist_ok=True)
    to_file = logging.handlers.RotatingFileHandler(
        folder / f"{program}.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    root = logging.getLogger()
    for handler in (logging.StreamHandler(), to_file):
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    # The store's schema check runs at every start; it speaks only when something is wrong.
    logging.getLogger("alembic").setLevel(logging.WARNING)
    qInstallMessageHandler(route_qt_message)


def route_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own messages, minus the offscreen platform's noise, into the program's log."""
    if not any(noise in message for noise in QT_NOISE):
        logging.getLogger("qt").log(QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def announce_shown(program: str, started: float) -> None:
    """Log when the event loop first runs, windows shown: cold start is timed by this line.
    `started` is the program's `time.perf_counter()` at its first import."""
    QTimer.singleShot(
        0,
        lambda: logging.getLogger(program).info(
            "%s shown after %.0f ms (%.0f ms of CPU since the process began)",
            program,
            (time.perf_counter() - started) * 1000,
            time.process_time() * 1000,
        ),
    )
