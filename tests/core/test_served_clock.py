"""A screen on the hall server reads the server's time: pinned to the middle of the
request's round trip and counted forward on the monotonic clock, whatever the PC's own
clock says; the PC's clock only until the server first answered."""

from __future__ import annotations

import datetime as dt

from shared.client.clock import ServedClock
from shared.store.clock import FixedClock

PC = dt.datetime(2026, 11, 23, 9, 0, 0)
SERVER = dt.datetime(2026, 11, 23, 10, 30, 0)


def test_the_pc_clock_until_the_server_answered_then_the_server_time_counted_forward():
    monotonic = [100.0]
    clock = ServedClock(FixedClock(PC), monotonic=lambda: monotonic[0])
    assert clock.now() == PC and not clock.told
    clock.pin(SERVER, asked_at=100.0, answered_at=101.0)  # said halfway, at 100.5
    monotonic[0] = 103.5
    assert clock.told
    assert clock.now() == SERVER + dt.timedelta(seconds=3)
    monotonic[0] = 163.9
    assert clock.now() == SERVER + dt.timedelta(seconds=63)  # to the second, as the acts
