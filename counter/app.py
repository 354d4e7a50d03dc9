"""The staff programs' QApplication: the bundled CJK font, the chosen language, logging."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from shared.resources import CJK_FONT, CJK_FONT_FAMILY, catalog

# The translation catalogs of the staff side, one per window family (assets/i18n/<name>_*.ts).
CATALOGS = ("workstation", "screen")


def make_application(argv: Sequence[str], language: str = "zh") -> QApplication:
    """Build (or reuse, under tests) the application with the font and translations loaded."""
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    if QFontDatabase.addApplicationFont(str(CJK_FONT)) < 0:
        logging.getLogger(__name__).warning("cannot load the bundled font %s", CJK_FONT)
    app.setFont(QFont(CJK_FONT_FAMILY, 11))
    for name in CATALOGS:
        path = catalog(name, language)
        translator = QTranslator(app)  # parented: it lives as long as the application
        if path is not None and translator.load(str(path)):
            app.installTranslator(translator)
    return app


def log_to_file(program: str, folder: Path) -> None:
    """A rotating log per program, so a shift lead can send it when something went wrong."""
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / f"{program}.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(logging.INFO)


def log_folder() -> Path:
    """The staff programs' logs: $XDG_STATE_HOME/hallq, else ~/.local/state/hallq."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "hallq"


def announce_shown(program: str) -> None:
    """Say on stderr when the event loop first runs, windows shown: cold start is timed by it."""
    QTimer.singleShot(
        0,
        lambda: print(
            f"{program} shown ({time.process_time() * 1000:.0f} ms of CPU since the process began)",
            file=sys.stderr,
            flush=True,
        ),
    )
