"""Sign-in guessing from one place: besides the lock-out of a staff id after five wrong
PINs (kept in the store, on the server's clock), a client address that fails to sign in
too often is refused for a while, so trying every id in turn does not multiply the
guesses. Kept per server process, in memory: a second line of defence, not the rule."""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable

FAILURES = 20  # wrong sign-ins from one address within WINDOW_S before it must wait
WINDOW_S = 300.0


class SignInThrottle:
    def __init__(
        self,
        failures: int = FAILURES,
        window_s: float = WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failures, self.window_s, self.clock = failures, window_s, clock
        self._seen: defaultdict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, address: str) -> deque[float]:
        times, since = self._seen[address], self.clock() - self.window_s
        while times and times[0] < since:
            times.popleft()
        return times

    def wait_s(self, address: str) -> float:
        """How long `address` must wait before trying again (0: it may try now)."""
        with self._lock:
            times = self._recent(address)
            if len(times) < self.failures:
                return 0.0
            return max(1.0, times[0] + self.window_s - self.clock())

    def failed(self, address: str) -> None:
        with self._lock:
            self._recent(address).append(self.clock())
