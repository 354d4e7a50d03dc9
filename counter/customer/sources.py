"""Where the customer-facing window reads the service form, archives it signed or declined
and rates the visit: the store itself (one PC, the tests, the demo) or the hall server,
as the counter's enrolled customer screen. Callbacks as the workstation's sources: nothing
is shown as done unless the store committed it or the server answered 2xx."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any, Protocol

from counter.on_the_store import OnTheStore
from shared.archive.forms import archive_form, preview_form
from shared.client.decoding import decode
from shared.client.http import ServerError
from shared.documents.service_form import FormContent
from shared.qt.remote import HallLink, LinkWords
from shared.services.photos import photo_of
from shared.store.clock import Clock

Complain = Callable[[str], None]
Done = Callable[[], None]
ShowPhoto = Callable[[str, bytes | None], None]  # the staff id, the photo (None: none)


class CustomerSource(Protocol):
    clock: Clock

    def preview(
        self, ticket: str, show: Callable[[FormContent], None], complain: Complain
    ) -> None: ...

    def archive(
        self, ticket: str, strokes: object, decline_reason: str, done: Done, complain: Complain
    ) -> None: ...

    def rate(
        self, ticket: str, rating: str, reason: str | None, done: Done, complain: Complain
    ) -> None: ...

    def photo(self, staff_id: str, show: ShowPhoto) -> None: ...


class StoreCustomer(OnTheStore):
    """The store on this PC, on the GUI thread."""

    def preview(self, ticket: str, show: Callable[[FormContent], None], complain: Complain) -> None:
        content = self.failures.attempt(
            f"show the form of {ticket}",
            lambda: preview_form(self.store, self.hall_code, ticket, self.clock.now().date()),
            complain,
        )
        if content is not None:
            show(content)

    def archive(
        self, ticket: str, strokes: object, decline_reason: str, done: Done, complain: Complain
    ) -> None:
        archived = self.failures.attempt(
            f"archive the form of {ticket}",
            lambda: archive_form(
                self.store,
                self.hall_code,
                ticket,
                strokes=strokes,
                decline_reason=decline_reason,
                clock=self.clock,
            ),
            complain,
        )
        if archived is not None:
            done()

    def rate(
        self, ticket: str, rating: str, reason: str | None, done: Done, complain: Complain
    ) -> None:
        if self.failures.attempt(
            f"rate {ticket} at counter {self.counter}",
            lambda: self.hall.rate(self.counter, rating, ticket=ticket, reason=reason),
            complain,
        ):
            done()

    def photo(self, staff_id: str, show: ShowPhoto) -> None:
        """The clerk's photo; a store failure leaves the silhouette (only logged)."""
        show(
            staff_id,
            self.failures.attempt(
                f"read the photo of {staff_id}",
                lambda: photo_of(self.store, self.hall_code, staff_id),
            ),
        )


class ServerCustomer:
    """The hall server, under the key of the customer screen enrolled for this counter."""

    def __init__(self, link: HallLink, counter: int, words: LinkWords | None = None) -> None:
        self.link, self.counter, self.words = link, counter, words or LinkWords()
        self.clock: Clock = link.clock

    def _failed(self, complain: Complain) -> Callable[[ServerError], None]:
        return lambda error: complain(self.words.of(error))

    def preview(self, ticket: str, show: Callable[[FormContent], None], complain: Complain) -> None:
        reply = self.link.request("GET", f"/api/counters/{self.counter}/forms/{ticket}")

        def answered(answer: Any) -> None:
            try:
                show(decode(FormContent, answer))
            except ServerError as error:
                complain(error.reason)

        reply.answered.connect(answered)
        reply.failed.connect(self._failed(complain))

    def archive(
        self, ticket: str, strokes: object, decline_reason: str, done: Done, complain: Complain
    ) -> None:
        body = {"strokes": strokes, "decline_reason": decline_reason}
        reply = self.link.request("POST", f"/api/counters/{self.counter}/forms/{ticket}", body)
        reply.answered.connect(lambda _answer: done())
        reply.failed.connect(self._failed(complain))

    def rate(
        self, ticket: str, rating: str, reason: str | None, done: Done, complain: Complain
    ) -> None:
        body: dict[str, str] = {"rating": rating, "ticket": ticket}
        if reason is not None:
            body["reason"] = reason
        reply = self.link.request("POST", f"/api/counters/{self.counter}/rate", body)
        reply.answered.connect(lambda _answer: done())
        reply.failed.connect(self._failed(complain))

    def photo(self, staff_id: str, show: ShowPhoto) -> None:
        """The photo of the clerk at this counter, as the server knows who is there; a
        failure leaves the silhouette."""
        reply = self.link.request("GET", f"/api/counters/{self.counter}/clerk-photo")

        def answered(answer: Any) -> None:
            if not isinstance(answer, dict) or answer.get("staff_id") != staff_id:
                return  # someone else is at the counter by now
            encoded = answer.get("photo")
            try:
                data = base64.b64decode(encoded, validate=True) if encoded else None
            except (binascii.Error, TypeError, ValueError):
                data = None
            show(staff_id, data)

        reply.answered.connect(answered)
