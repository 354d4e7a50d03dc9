"""Where the monitor's service panel reads the shift lead's cases, flagged customers and
campaign feedback, and acts on them: the store of this PC (in the lead's name) or the hall
server (under her session). Callbacks as the screen's other sources: `done` only once the
store committed or the server answered 2xx; a refusal is one line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from counter.screen.sources import Lead, ScreenSource, ServerSource, StoreSource
from shared.client.http import ServerError
from shared.client.offers import lead_service_of
from shared.qt.errors import FailureNotices
from shared.qt.remote import HallLink, LinkWords
from shared.rules.permissions import Actor
from shared.services import cases, customer_flags
from shared.services.lead_service import LeadService, read_lead_service
from shared.services.staff import staff_actor
from shared.store.clock import Clock
from shared.store.database import Store

Complain = Callable[[str], None]
Done = Callable[[], None]


class ServiceSource(Protocol):
    def read(self, lead: Lead, show: Callable[[LeadService], None], complain: Complain) -> None: ...

    def acknowledge_flag(self, lead: Lead, ticket: str, done: Done, complain: Complain) -> None: ...

    def assign(
        self, lead: Lead, case: int, staff_id: str, done: Done, complain: Complain
    ) -> None: ...

    def called_back(
        self, lead: Lead, case: int, outcome: str, done: Done, complain: Complain
    ) -> None: ...

    def close(self, lead: Lead, case: int, done: Done, complain: Complain) -> None: ...

    def log_complaint(
        self, lead: Lead, ticket: str, note: str, done: Done, complain: Complain
    ) -> None: ...


class StoreService:
    """The store on this PC, on the GUI thread, in the signed-in lead's name."""

    def __init__(
        self, store: Store, hall_code: str | None, clock: Clock, failures: FailureNotices
    ) -> None:
        self.store, self.hall_code, self.clock, self.failures = store, hall_code, clock, failures

    def _actor(self, lead: Lead) -> Actor:
        return staff_actor(self.store, self.hall_code, lead.staff_id)

    def _do(self, what: str, act: Callable[[], object], done: Done, complain: Complain) -> None:
        if self.failures.attempt(what, act, complain) is not None:
            done()

    def read(self, lead: Lead, show: Callable[[LeadService], None], complain: Complain) -> None:
        read = self.failures.attempt(
            "read the cases",
            lambda: read_lead_service(
                self.store, self.hall_code, self._actor(lead), self.clock.now()
            ),
            complain,
        )
        if read is not None:
            show(read)

    def acknowledge_flag(self, lead: Lead, ticket: str, done: Done, complain: Complain) -> None:
        self._do(
            "acknowledge the flag",
            lambda: customer_flags.acknowledge_flag(
                self.store, self.hall_code, self._actor(lead), ticket, clock=self.clock
            ),
            done,
            complain,
        )

    def assign(self, lead: Lead, case: int, staff_id: str, done: Done, complain: Complain) -> None:
        self._do(
            "assign the call-back",
            lambda: cases.assign_callback(
                self.store, self.hall_code, self._actor(lead), case, staff_id, clock=self.clock
            ),
            done,
            complain,
        )

    def called_back(
        self, lead: Lead, case: int, outcome: str, done: Done, complain: Complain
    ) -> None:
        self._do(
            "record the call-back",
            lambda: cases.record_callback(
                self.store, self.hall_code, self._actor(lead), case, outcome, clock=self.clock
            ),
            done,
            complain,
        )

    def close(self, lead: Lead, case: int, done: Done, complain: Complain) -> None:
        self._do(
            "close the case",
            lambda: cases.close_case(
                self.store, self.hall_code, self._actor(lead), case, clock=self.clock
            ),
            done,
            complain,
        )

    def log_complaint(
        self, lead: Lead, ticket: str, note: str, done: Done, complain: Complain
    ) -> None:
        self._do(
            "log a complaint",
            lambda: cases.log_complaint(
                self.store, self.hall_code, self._actor(lead), ticket, note=note, clock=self.clock
            ),
            done,
            complain,
        )


class ServerService:
    """The hall server, under the lead's session."""

    def __init__(self, link: HallLink, words: LinkWords | None = None) -> None:
        self.link, self.words = link, words or LinkWords()

    def _send(
        self,
        lead: Lead,
        method: str,
        path: str,
        body: dict[str, object] | None,
        answered: Callable[[Any], None],
        complain: Complain,
    ) -> None:
        reply = self.link.request(method, path, body, key=lead.token)
        reply.answered.connect(answered)
        reply.failed.connect(lambda error: complain(self.words.of(error)))

    def read(self, lead: Lead, show: Callable[[LeadService], None], complain: Complain) -> None:
        def answered(answer: Any) -> None:
            try:
                read = lead_service_of(answer)
            except ServerError as error:
                complain(error.reason)
                return
            show(read)

        self._send(lead, "GET", "/api/service", None, answered, complain)

    def acknowledge_flag(self, lead: Lead, ticket: str, done: Done, complain: Complain) -> None:
        path = f"/api/flags/{ticket}/acknowledge"
        self._send(lead, "POST", path, None, lambda _answer: done(), complain)

    def assign(self, lead: Lead, case: int, staff_id: str, done: Done, complain: Complain) -> None:
        body: dict[str, object] = {"staff_id": staff_id}
        path = f"/api/cases/{case}/assign"
        self._send(lead, "POST", path, body, lambda _answer: done(), complain)

    def called_back(
        self, lead: Lead, case: int, outcome: str, done: Done, complain: Complain
    ) -> None:
        body: dict[str, object] = {"outcome": outcome}
        path = f"/api/cases/{case}/callback"
        self._send(lead, "POST", path, body, lambda _answer: done(), complain)

    def close(self, lead: Lead, case: int, done: Done, complain: Complain) -> None:
        self._send(lead, "POST", f"/api/cases/{case}/close", None, lambda _answer: done(), complain)

    def log_complaint(
        self, lead: Lead, ticket: str, note: str, done: Done, complain: Complain
    ) -> None:
        body: dict[str, object] = {"ticket": ticket, "note": note}
        self._send(lead, "POST", "/api/cases", body, lambda _answer: done(), complain)


def service_source_for(source: ScreenSource) -> ServiceSource:
    """The service source beside the monitor's own: on the same store, or the same link."""
    if isinstance(source, ServerSource):
        return ServerService(source.link, source.words)
    assert isinstance(source, StoreSource), "the monitor reads a store or the hall server"
    return StoreService(source.store, source.hall_code, source.clock, source.failures)
