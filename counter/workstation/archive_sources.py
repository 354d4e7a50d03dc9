"""Where the form archive dialog searches and opens forms: the store of this PC or the hall
server (under the clerk's session at this counter). Callbacks as the workstation's other
sources; opening a form is audited either way, in the name of the clerk and the counter."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol

from shared.archive.forms import FormHit, open_form, search_forms
from shared.client.decoding import decode
from shared.client.http import ServerError
from shared.qt.errors import FailureNotices
from shared.qt.remote import HallLink, LinkWords
from shared.store.clock import Clock
from shared.store.database import Store
from shared.store.lookup import find_hall

Complain = Callable[[str], None]


class FormArchive(Protocol):
    def search(
        self, filters: dict[str, Any], show: Callable[[list[FormHit]], None], complain: Complain
    ) -> None: ...

    def open(self, sequence: int, done: Callable[[bytes], None], complain: Complain) -> None: ...


class StoreArchive:
    """The archive in the store of this PC."""

    def __init__(
        self,
        store: Store,
        hall_code: str | None,
        *,
        clerk_id: int | None,
        counter: int,
        clock: Clock,
        failures: FailureNotices,
    ) -> None:
        self.store, self.hall_code, self.clerk_id, self.counter = (
            store,
            hall_code,
            clerk_id,
            counter,
        )
        self.clock, self.failures = clock, failures

    def search(
        self, filters: dict[str, Any], show: Callable[[list[FormHit]], None], complain: Complain
    ) -> None:
        def found() -> list[FormHit]:
            with self.store.read() as session:
                return search_forms(session, find_hall(session, self.hall_code), **filters)

        hits = self.failures.attempt("search the form archive", found, complain)
        if hits is not None:
            show(hits)

    def open(self, sequence: int, done: Callable[[bytes], None], complain: Complain) -> None:
        pdf = self.failures.attempt(
            f"open form #{sequence}",
            lambda: open_form(
                self.store,
                self.hall_code,
                sequence,
                clerk_id=self.clerk_id,
                source=f"counter {self.counter}",
                clock=self.clock,
            ),
            complain,
        )
        if pdf is not None:
            done(pdf)


class ServerArchive:
    """The archive on the hall server, under the session the clerk opened at this counter."""

    def __init__(
        self, link: HallLink, counter: int, token: str | None, words: LinkWords | None = None
    ) -> None:
        self.link, self.counter, self.token = link, counter, token
        self.words = words or LinkWords()

    def _failed(self, complain: Complain) -> Callable[[ServerError], None]:
        return lambda error: complain(self.words.of(error))

    def search(
        self, filters: dict[str, Any], show: Callable[[list[FormHit]], None], complain: Complain
    ) -> None:
        query = "&".join(
            f"{name}={value.isoformat() if isinstance(value, dt.date) else value}"
            for name, value in filters.items()
            if value
        )
        reply = self.link.request(
            "GET", f"/api/counters/{self.counter}/archive?{query}", key=self.token
        )

        def answered(answer: Any) -> None:
            try:
                show(decode(list[FormHit], answer))
            except ServerError as error:
                complain(error.reason)

        reply.answered.connect(answered)
        reply.failed.connect(self._failed(complain))

    def open(self, sequence: int, done: Callable[[bytes], None], complain: Complain) -> None:
        reply = self.link.request(
            "GET", f"/api/counters/{self.counter}/archive/{sequence}", key=self.token
        )

        def answered(answer: Any) -> None:
            try:
                done(base64.b64decode(answer["pdf"], validate=True))
            except (KeyError, TypeError, binascii.Error):
                complain(f"the hall server's answer holds no PDF of form #{sequence}")

        reply.answered.connect(answered)
        reply.failed.connect(self._failed(complain))
