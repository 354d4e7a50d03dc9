"""Where the workstation reads its counter and acts: the store itself (one PC, the tests, the
demo) or the hall server (every other hall). Both hand the window the same `CounterView`
and a clerk's acts by the server's names (open, pause, resume, close, call, call-ticket,
recall, no-show, transfer, finish), through callbacks: the store answers at once, the
server later, on the GUI thread. Nothing is shown as done unless the store committed it or the
server answered 2xx; a refusal is one line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from counter.on_the_store import OnTheStore
from shared.client.counter_decoding import counter_view_of
from shared.client.decoding import Undecodable
from shared.client.http import Refused, ServerError, Unreachable
from shared.qt.remote import HallLink, LinkWords, OneRead
from shared.services.hall import Done
from shared.services.slip_use import SlipTaken, take_slip
from shared.services.staff import sign_in
from shared.store.clock import Clock
from shared.views.counter import CounterView, counter_view

log = logging.getLogger(__name__)

Complain = Callable[[str], None]
Acted = Callable[[str | None], None]  # the ticket the act was on, None when no one waited
ACTS = (
    "open",
    "pause",
    "resume",
    "close",
    "call",
    "call-ticket",
    "recall",
    "no-show",
    "transfer",
    "finish",
)
# how the log names an act, where its route's name is too short to say
LOGGED = {
    "call": "call the next",
    "call-ticket": "call a chosen ticket",
    "recall": "call again",
    "no-show": "mark not come",
}


@dataclass(frozen=True)
class Clerk:
    """Who signed in at the counter; `clerk_id` on the store, `token` on the server."""

    staff_id: str
    name: str
    clerk_id: int | None = None
    token: str | None = None


class CounterSource(Protocol):
    clock: Clock
    on_server: bool

    def sign_in(
        self, staff_id: str, pin: str, done: Callable[[Clerk], None], complain: Complain
    ) -> None: ...

    def sign_out(self, clerk: Clerk) -> None: ...

    def read(
        self, clerk: Clerk, show: Callable[[CounterView], None], complain: Complain
    ) -> None: ...

    def act(
        self, clerk: Clerk, act: str, body: Mapping[str, Any], done: Acted, complain: Complain
    ) -> None: ...

    def take_slip(
        self, clerk: Clerk, scanned: str, done: Callable[[SlipTaken], None], complain: Complain
    ) -> None: ...


class StoreCounter(OnTheStore):
    """The store on this PC, read and written on the GUI thread (each a few queries)."""

    on_server = False

    def sign_in(
        self, staff_id: str, pin: str, done: Callable[[Clerk], None], complain: Complain
    ) -> None:
        who = self.failures.attempt(
            f"sign in at counter {self.counter}",
            lambda: sign_in(
                self.store,
                self.hall_code,
                staff_id,
                pin,
                source=f"counter {self.counter}",
                clock=self.clock,
            ),
            complain,
        )
        if who is not None:
            done(Clerk(who.staff_id, who.name, who.clerk_id))

    def sign_out(self, clerk: Clerk) -> None:
        """Nothing to end: the store keeps no session for the workstation."""

    def read(self, clerk: Clerk, show: Callable[[CounterView], None], complain: Complain) -> None:
        self.failures.attempt(
            f"read counter {self.counter}",
            lambda: show(
                counter_view(
                    self.store, self.hall_code, self.counter, clerk.staff_id, self.clock.now()
                )
            ),
            complain,
        )

    def _run(self, clerk: Clerk, act: str, body: Mapping[str, Any]) -> Done:
        hall, number = self.hall, self.counter
        if act == "open":
            return hall.open_counter(number, clerk.staff_id, body.get("queues"))
        if act == "pause":
            return hall.pause_counter(number, str(body.get("reason", "")))
        if act == "transfer":
            return hall.transfer(number, body.get("queue"), to_counter=body.get("to_counter"))
        if act == "finish":
            return hall.finish(number, **body)
        if act == "call-ticket":
            return hall.call_ticket(
                number, str(body["ticket"]), str(body["reason"]), source=f"counter {number}"
            )
        simple: dict[str, Callable[[int], Done]] = {
            "resume": hall.resume_counter,
            "close": hall.close_counter,
            "call": hall.call,
            "recall": hall.recall,
            "no-show": hall.no_show,
        }
        return simple[act](number)

    def act(
        self, clerk: Clerk, act: str, body: Mapping[str, Any], done: Acted, complain: Complain
    ) -> None:
        result = self.failures.attempt(
            f"counter {self.counter}: {LOGGED.get(act, act)}",
            lambda: self._run(clerk, act, body),
            complain,
        )
        if result is not None:
            done(result.ticket)

    def take_slip(
        self, clerk: Clerk, scanned: str, done: Callable[[SlipTaken], None], complain: Complain
    ) -> None:
        taken = self.failures.attempt(
            "take the slip",
            lambda: take_slip(self.store, self.hall_code, self.counter, scanned, self.clock),
            complain,
        )
        if taken is not None:
            done(taken)


class ServerCounter:
    """The hall server, through the program's link: every read and act under the session
    the clerk opened at this counter (POST /api/sessions with the counter)."""

    on_server = True

    def __init__(
        self,
        link: HallLink,
        counter: int,
        words: LinkWords | None = None,
        ended: Complain | None = None,
    ) -> None:
        self.link, self.counter, self.words = link, counter, words or LinkWords()
        self.clock: Clock = link.clock
        self.ended = ended  # told when the server no longer knows the clerk's session
        self._view: OneRead | None = None

    def _failed(self, complain: Complain) -> Callable[[ServerError], None]:
        def failed(error: ServerError) -> None:
            if isinstance(error, Refused) and error.status == 401 and self.ended is not None:
                self.ended(error.reason)  # the shift ended, or the session was revoked
            else:
                complain(self.words.of(error))

        return failed

    def sign_in(
        self, staff_id: str, pin: str, done: Callable[[Clerk], None], complain: Complain
    ) -> None:
        reply = self.link.request(
            "POST",
            "/api/sessions",
            {"staff_id": staff_id, "pin": pin, "counter": self.counter},
        )

        def opened(answer: Any) -> None:
            try:
                done(Clerk(answer["staff_id"], answer["name"], token=answer["token"]))
            except (KeyError, TypeError) as error:
                complain(Undecodable(f"the sign-in answer lacks {error}").reason)

        reply.answered.connect(opened)
        reply.failed.connect(lambda error: complain(self.words.of(error)))

    def sign_out(self, clerk: Clerk) -> None:
        """End the session at once: no token left alive once the clerk has left."""
        if clerk.token is not None:
            self.link.request("DELETE", "/api/sessions/current", key=clerk.token)

    def read(self, clerk: Clerk, show: Callable[[CounterView], None], complain: Complain) -> None:
        if self._view is None:
            self._view = OneRead(
                self.link,
                f"/api/counters/{self.counter}",
                lambda answer: show(counter_view_of(answer)),
                lambda error: self._unread(error, complain),
            )
        self._view.key = clerk.token
        self._view.read()

    def _unread(self, error: ServerError, complain: Complain) -> None:
        """A read that got no answer is the banner's to tell (the screen keeps what it last
        read); the line under the ticket is left to what the clerk did."""
        if isinstance(error, Unreachable):
            log.warning("read counter %s: %s", self.counter, error.reason)
        else:
            self._failed(complain)(error)

    def act(
        self, clerk: Clerk, act: str, body: Mapping[str, Any], done: Acted, complain: Complain
    ) -> None:
        if act not in ACTS:
            raise ValueError(f"no counter act {act!r}")
        reply = self.link.request(
            "POST", f"/api/counters/{self.counter}/{act}", dict(body), key=clerk.token
        )

        def answered(answer: Any) -> None:
            ticket = answer.get("ticket") if isinstance(answer, dict) else None
            done(ticket if isinstance(ticket, str) else None)

        reply.answered.connect(answered)
        reply.failed.connect(self._failed(complain))

    def take_slip(
        self, clerk: Clerk, scanned: str, done: Callable[[SlipTaken], None], complain: Complain
    ) -> None:
        reply = self.link.request(
            "POST", f"/api/counters/{self.counter}/slip", {"code": scanned}, key=clerk.token
        )

        def answered(answer: Any) -> None:
            try:
                fields = answer["fields"]
                if not isinstance(fields, dict):
                    raise TypeError("fields")
                done(SlipTaken(str(answer["ticket"]), str(answer["business"]), dict(fields)))
            except (KeyError, TypeError) as error:
                complain(Undecodable(f"the slip's answer lacks {error}").reason)

        reply.answered.connect(answered)
        reply.failed.connect(self._failed(complain))
