"""What a window does when the store fails an action: say so in Chinese and English, leave
the person free to ask again, and log the reason for whoever mends the store.

One `FailureNotices` per program. A store failure cannot be recorded as an incident in the
store that failed, so it goes to the program's log as an error; a refusal of the person's
input is shown the same way and logged as a warning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTranslator

from shared.errors import Rejected
from shared.qt.refusals import refusal_text
from shared.resources import catalog
from shared.store.database import Store
from shared.store.failures import (
    BROKEN,
    FULL,
    LOCKED,
    MISSING,
    READ_ONLY,
    UNREACHABLE,
    StoreFailure,
    store_failure,
    store_name,
)

log = logging.getLogger(__name__)

CATALOG, CONTEXT = "failures", "StoreFailure"  # assets/i18n/failures_zh_CN.ts, every program's
AGAIN = "Please ask a member of staff, then try again."
SAID = {
    LOCKED: "The system is busy and nothing was saved. Please try again.",
    MISSING: f"The system cannot find its data and nothing was saved. {AGAIN}",
    READ_ONLY: f"The system cannot save just now. {AGAIN}",
    FULL: f"The system's disk is full and nothing was saved. {AGAIN}",
    UNREACHABLE: f"The system cannot reach its database and nothing was saved. {AGAIN}",
    BROKEN: f"The system failed and nothing was saved. {AGAIN}",
}

_Result = TypeVar("_Result")


class FailureNotices(QObject):
    """The program's one way of turning a store failure into words on screen and a log line."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.store_name = store_name(store.engine.url)
        # Chinese comes first whatever language the screen shows, so the catalog is read
        # here rather than through the application's installed translator.
        self._chinese = QTranslator(self)
        path = catalog(CATALOG, "zh")
        if path is not None:
            self._chinese.load(str(path))

    def words(self, failure: StoreFailure) -> str:
        """Chinese, then English."""
        english = SAID[failure.kind]
        chinese = self._chinese.translate(CONTEXT, english)
        return f"{chinese}\n{english}" if chinese and chinese != english else english

    def explain(self, error: BaseException, action: str) -> str | None:
        """The words for a store failure (logged with the action it stopped), or None when
        `error` is something else."""
        failure = store_failure(error, self.store_name)
        if failure is None:
            return None
        log.error("%s failed: %s", action, failure.reason)
        return self.words(failure)

    def attempt(
        self,
        action: str,
        run: Callable[[], _Result],
        show: Callable[[str], None] | None = None,
    ) -> _Result | None:
        """Run what the person asked for. A refusal or a store failure is shown with `show`
        (without it, for work no one waits on, only logged) and gives None, the screen as it
        was, so the same tap tries again; anything else is a fault of the program and is
        raised."""
        try:
            return run()
        except Rejected as refusal:
            log.warning("%s refused: %s", action, refusal.message)
            words = refusal_text(refusal.code, refusal.params, refusal.message)
        except Exception as error:
            explained = self.explain(error, action)
            if explained is None:
                raise
            words = explained
        if show is not None:
            show(words)
        return None
