"""What one server process holds: the store, the hall it serves, and its acts."""

from __future__ import annotations

from dataclasses import dataclass, field

from shared.server.throttle import SignInThrottle
from shared.services.acts import HallActs
from shared.store.clock import Clock
from shared.store.database import Store
from shared.store.failures import store_name
from shared.store.lookup import find_hall


@dataclass
class Door:
    store: Store
    hall_code: str | None
    hall_id: int
    acts: HallActs
    throttle: SignInThrottle = field(default_factory=SignInThrottle)

    @classmethod
    def open(cls, store: Store, hall_code: str | None, clock: Clock | None = None) -> Door:
        with store.read() as session:
            hall = find_hall(session, hall_code)
        return cls(store, hall.code, hall.id, HallActs(store, hall.code, clock))

    @property
    def name(self) -> str:
        return store_name(self.store.engine.url)
