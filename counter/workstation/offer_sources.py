"""Where the offer panel reads what the clerk is told of the customer she called and
records what came of the offer (and a complaint she logs): the store of this PC, or the
hall server under the session the clerk opened at this counter. Callbacks as the
workstation's other sources: `done` only once the store committed or the server answered
2xx; a refusal is one line."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from counter.workstation.sources import Clerk
from shared.client.http import ServerError
from shared.client.offers import customer_at_counter_of
from shared.qt.errors import FailureNotices
from shared.qt.remote import HallLink, LinkWords
from shared.rules.permissions import Actor
from shared.services.cases import log_complaint
from shared.services.offers import CustomerAtCounter, give_number, record_offer
from shared.services.offers import customer_at_counter as read_customer
from shared.services.staff import staff_actor
from shared.store.clock import Clock
from shared.store.database import Store

Complain = Callable[[str], None]
Done = Callable[[], None]


class OfferSource(Protocol):
    def read(
        self, clerk: Clerk, show: Callable[[CustomerAtCounter], None], complain: Complain
    ) -> None: ...

    def give_number(self, clerk: Clerk, number: str, done: Done, complain: Complain) -> None: ...

    def record(
        self,
        clerk: Clerk,
        campaign: str,
        outcome: str,
        reason: str | None,
        done: Done,
        complain: Complain,
    ) -> None: ...

    def log_complaint(
        self, clerk: Clerk, ticket: str, note: str, done: Done, complain: Complain
    ) -> None: ...


class StoreOffers:
    """The store on this PC, on the GUI thread, in the name of the clerk signed in here."""

    def __init__(
        self,
        store: Store,
        hall_code: str | None,
        counter: int,
        clock: Clock,
        failures: FailureNotices,
    ) -> None:
        self.store, self.hall_code, self.counter = store, hall_code, counter
        self.clock, self.failures = clock, failures

    def _attempt(self, what: str, act: Callable[[], object], complain: Complain) -> object:
        return self.failures.attempt(f"counter {self.counter}: {what}", act, complain)

    def _actor(self, clerk: Clerk) -> Actor:
        return staff_actor(self.store, self.hall_code, clerk.staff_id, self.counter)

    def read(
        self, clerk: Clerk, show: Callable[[CustomerAtCounter], None], complain: Complain
    ) -> None:
        told = self._attempt(
            "read the offer",
            lambda: read_customer(
                self.store, self.hall_code, self._actor(clerk), self.counter, clock=self.clock
            ),
            complain,
        )
        if isinstance(told, CustomerAtCounter):
            show(told)

    def give_number(self, clerk: Clerk, number: str, done: Done, complain: Complain) -> None:
        if self._attempt(
            "give the customer's number",
            lambda: give_number(
                self.store,
                self.hall_code,
                self._actor(clerk),
                self.counter,
                number,
                clock=self.clock,
            ),
            complain,
        ):
            done()

    def record(
        self,
        clerk: Clerk,
        campaign: str,
        outcome: str,
        reason: str | None,
        done: Done,
        complain: Complain,
    ) -> None:
        if self._attempt(
            "record the offer",
            lambda: record_offer(
                self.store,
                self.hall_code,
                self._actor(clerk),
                self.counter,
                campaign=campaign,
                outcome=outcome,
                reason=reason,
                clock=self.clock,
            ),
            complain,
        ):
            done()

    def log_complaint(
        self, clerk: Clerk, ticket: str, note: str, done: Done, complain: Complain
    ) -> None:
        if self._attempt(
            "log a complaint",
            lambda: log_complaint(
                self.store, self.hall_code, self._actor(clerk), ticket, note=note, clock=self.clock
            ),
            complain,
        ):
            done()


class ServerOffers:
    """The hall server, under the clerk's session at this counter."""

    def __init__(self, link: HallLink, counter: int, words: LinkWords | None = None) -> None:
        self.link, self.counter, self.words = link, counter, words or LinkWords()

    def _send(
        self,
        clerk: Clerk,
        method: str,
        path: str,
        body: dict[str, object] | None,
        answered: Callable[[Any], None],
        complain: Complain,
    ) -> None:
        reply = self.link.request(method, path, body, key=clerk.token)
        reply.answered.connect(answered)
        reply.failed.connect(lambda error: complain(self.words.of(error)))

    def read(
        self, clerk: Clerk, show: Callable[[CustomerAtCounter], None], complain: Complain
    ) -> None:
        def answered(answer: Any) -> None:
            try:
                told = customer_at_counter_of(answer)
            except ServerError as error:
                complain(error.reason)
                return
            show(told)

        self._send(clerk, "GET", f"/api/counters/{self.counter}/offer", None, answered, complain)

    def give_number(self, clerk: Clerk, number: str, done: Done, complain: Complain) -> None:
        self._send(
            clerk,
            "POST",
            f"/api/counters/{self.counter}/customer",
            {"number": number},
            lambda _answer: done(),
            complain,
        )

    def record(
        self,
        clerk: Clerk,
        campaign: str,
        outcome: str,
        reason: str | None,
        done: Done,
        complain: Complain,
    ) -> None:
        body: dict[str, object] = {"campaign": campaign, "outcome": outcome}
        if reason is not None:
            body["reason"] = reason
        self._send(
            clerk,
            "POST",
            f"/api/counters/{self.counter}/offer",
            body,
            lambda _answer: done(),
            complain,
        )

    def log_complaint(
        self, clerk: Clerk, ticket: str, note: str, done: Done, complain: Complain
    ) -> None:
        self._send(
            clerk,
            "POST",
            "/api/cases",
            {"ticket": ticket, "note": note},
            lambda _answer: done(),
            complain,
        )
