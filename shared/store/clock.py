"""Where services take the time from: the wall clock live, the event's own time in a replay,
and the database server's clock when a hall's PCs share a PostgreSQL store.

A hall on several PCs must not trust each PC's own clock: a counter whose clock runs two
minutes behind the kiosk's would record a call before the ticket's issue. On PostgreSQL
every program therefore reads the server's time (`ServerClock`): it asks the server once,
then counts forward on the PC's monotonic clock, and asks again every few minutes.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Engine, text

if TYPE_CHECKING:
    from shared.store.database import Store

# How often a ServerClock asks the server again: often enough to follow the server's own
# corrections, rarely enough that no action waits on it.
SERVER_CLOCK_REFRESH_S = 300.0


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


class SystemClock:
    """The hall's local wall-clock time, to the second."""

    def now(self) -> dt.datetime:
        return dt.datetime.now().replace(microsecond=0)


class FixedClock:
    """A clock that reads what it was last set to: replays and tests move it by hand."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def now(self) -> dt.datetime:
        return self.at

    def set(self, at: dt.datetime) -> None:
        self.at = at

    def advance(self, seconds: float) -> dt.datetime:
        self.at += dt.timedelta(seconds=seconds)
        return self.at


def server_instant(engine: Engine) -> Callable[[], dt.datetime]:
    """Reads the PostgreSQL server's current instant (time zone aware, UTC)."""

    def read() -> dt.datetime:
        with engine.connect() as connection:
            instant = connection.execute(text("SELECT clock_timestamp()")).scalar_one()
        return instant.astimezone(dt.UTC)

    return read


class ServerClock:
    """The server's time in this PC's time zone, to the second, never going back.

    The instant the server reported is pinned to the middle of the query's round trip on
    the monotonic clock, so a PC whose wall clock is wrong (or is stepped by NTP) still
    reads the server's time; it is asked again after `refresh_s`.
    """

    def __init__(
        self,
        read_server: Callable[[], dt.datetime],
        *,
        refresh_s: float = SERVER_CLOCK_REFRESH_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.read_server = read_server
        self.refresh_s = refresh_s
        self.monotonic = monotonic
        self.readings = 0
        self._server_at: dt.datetime | None = None
        self._pinned_at = 0.0
        self._last: dt.datetime | None = None

    def _measure(self) -> None:
        before = self.monotonic()
        instant = self.read_server()
        after = self.monotonic()
        self._server_at, self._pinned_at = instant, (before + after) / 2
        self.readings += 1

    def now(self) -> dt.datetime:
        if self._server_at is None or self.monotonic() - self._pinned_at >= self.refresh_s:
            self._measure()
        assert self._server_at is not None
        instant = self._server_at + dt.timedelta(seconds=self.monotonic() - self._pinned_at)
        local = instant.astimezone().replace(tzinfo=None, microsecond=0)
        if self._last is not None and local < self._last:
            return self._last  # a new reading a little behind the old count: hold, never go back
        self._last = local
        return local


def clock_for(store: Store) -> Clock:
    """The clock live actions on `store` take their time from: the PC's own clock for a SQLite
    file (one PC), the server's for PostgreSQL (a hall's PCs share it)."""
    if store.is_sqlite:
        return SystemClock()
    return ServerClock(server_instant(store.engine))
