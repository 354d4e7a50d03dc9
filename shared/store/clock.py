"""Where services take the time from: the wall clock live, the event's own time in a replay,
and the database server's clock when a hall's PCs share a PostgreSQL store.

A hall on several PCs must not trust each PC's own clock: a counter whose clock runs two
minutes behind the kiosk's would record a call before the ticket's issue. On PostgreSQL
every program therefore reads the server's time (`ServerClock`): it asks the server once,
then counts forward on the PC's monotonic clock, and asks again every few minutes.

The hall's time zone is the PC's own (/etc/localtime), never a program's TZ variable: a
program started with TZ=Etc/GMT-14 reads the same hall time as the others, so it cannot move
the business day forward. A store's live clock is checked against its actions' times
(`check_time`): an action dated past the real now plus `SKEW` is refused.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
import zoneinfo
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Engine, text

if TYPE_CHECKING:
    from shared.store.database import Store

# How often a ServerClock asks the server again: often enough to follow the server's own
# corrections, rarely enough that no action waits on it.
SERVER_CLOCK_REFRESH_S = 300.0
# How far ahead of the real now an action may be dated: the drift between a hall's PCs that
# NTP keeps them within, with room to spare (and never into the next day).
SKEW = dt.timedelta(minutes=5)
_SYSTEM_ZONE_FILE = "/etc/localtime"


class Clock(Protocol):
    def now(self) -> dt.datetime: ...


@functools.cache
def hall_zone() -> dt.tzinfo:
    """The PC's own time zone, read from the system, not from the program's TZ variable."""
    try:
        with open(_SYSTEM_ZONE_FILE, "rb") as zone_file:
            return zoneinfo.ZoneInfo.from_file(zone_file, key="localtime")
    except (OSError, ValueError):  # no zone file (Windows, a bare container): the OS's local
        return dt.datetime.now().astimezone().tzinfo or dt.UTC


def hall_time(instant: dt.datetime) -> dt.datetime:
    """An instant as the hall's local time, to the second (the store keeps local times)."""
    return instant.astimezone(hall_zone()).replace(tzinfo=None, microsecond=0)


class SystemClock:
    """The hall's local wall-clock time, to the second: the PC's clock in its own zone."""

    live = True  # the real time: actions it times are checked against it

    def now(self) -> dt.datetime:
        return hall_time(dt.datetime.now(dt.UTC))


class FixedClock:
    """A clock that reads what it was last set to: replays and tests move it by hand."""

    live = False

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

    live = True

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
        local = hall_time(instant)
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


def is_live(clock: Clock) -> bool:
    """Whether `clock` reads the real time (the windows, hallq acting now), not a replayed or
    simulated one."""
    return bool(getattr(clock, "live", False))


def check_time(at: dt.datetime, real_now: dt.datetime) -> str | None:
    """Why an action dated `at` cannot be taken when the real time is `real_now`, or None."""
    if at.date() > real_now.date():  # the business day changes only with the real date
        return (
            f"{at.isoformat()} is on a day yet to come (the hall's clock reads {real_now:%Y-%m-%d})"
        )
    if at > real_now + SKEW:
        return (
            f"{at.isoformat()} is after the hall's clock ({real_now.isoformat()}) "
            f"by more than {SKEW.seconds // 60} minutes"
        )
    return None
