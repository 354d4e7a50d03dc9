"""What a counter window on the store of this PC works with (the one-PC hall, the demo):
the hall's services on the store, timed by the PC's clock, and the program's one notice
of refusals and store failures. The workstation's and the customer window's sources share
it."""

from __future__ import annotations

from shared.qt.errors import FailureNotices
from shared.services.hall import HallService
from shared.store.clock import Clock
from shared.store.database import Store


class OnTheStore:
    def __init__(
        self,
        store: Store,
        hall_code: str | None,
        counter: int,
        clock: Clock,
        failures: FailureNotices,
    ) -> None:
        self.store, self.hall_code, self.counter, self.clock = store, hall_code, counter, clock
        self.failures = failures
        self.hall = HallService(store, hall_code, clock)
