"""The hall server's time on a screen: the board's clock and the monitor's "for how long"
must agree with the times the server stamped on every act, whatever this PC's clock says."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

from shared.store.clock import Clock, SystemClock


class ServedClock:
    """The time the server last told, counted forward on this PC's monotonic clock; the PC's
    own clock only until the server first answered."""

    def __init__(
        self,
        fallback: Clock | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._fallback = fallback or SystemClock()
        self._monotonic = monotonic
        self._pinned: tuple[dt.datetime, float] | None = None  # swapped whole: read anywhere

    def pin(self, server_now: dt.datetime, asked_at: float, answered_at: float) -> None:
        """The server said `server_now` between `asked_at` and `answered_at` (monotonic)."""
        self._pinned = (server_now, (asked_at + answered_at) / 2)

    @property
    def told(self) -> bool:
        return self._pinned is not None

    def now(self) -> dt.datetime:
        pinned = self._pinned
        if pinned is None:
            return self._fallback.now()
        at, since = pinned
        return (at + dt.timedelta(seconds=self._monotonic() - since)).replace(microsecond=0)
