"""Where the kiosk reads its menu, the level and the waits, issues tickets, checks bookings
in, finds a ticket again and calls the staff: the store of this PC (one PC, the tests) or
the hall server, as the hall's enrolled kiosk. Both answer through callbacks on the GUI
thread; a ticket is shown only once the store committed it or the server answered 2xx.
Printing stays on the kiosk PC either way."""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlencode

from PySide6.QtCore import QObject

from shared.client.decoding import Undecodable, decode
from shared.client.http import Refused, ServerError, Unreachable, request
from shared.documents.ticket_text import TicketPrint
from shared.qt.errors import FailureNotices
from shared.qt.remote import HallLink
from shared.services.appointments import CheckedIn, CheckInRefused, check_in
from shared.services.hall import HallService, Issued
from shared.services.incidents import record_incident
from shared.store.clock import Clock
from shared.store.database import Store
from shared.views.kiosk_menu import (
    KioskState,
    Menu,
    QueueWait,
    customer_tier,
    kiosk_menu,
    kiosk_state,
    queue_waits,
    todays_ticket,
)
from shared.vocabulary import IncidentKind, Tier

log = logging.getLogger(__name__)

Complain = Callable[[str], None]
Waits = dict[str, QueueWait]


@dataclass(frozen=True)
class TicketAsked:
    """A customer's confirming tap: the business, their number and slip, and the tap's key
    (the same tap sent again gets the ticket it already got)."""

    business: str
    phone: str | None
    slip: Mapping[str, object]
    tap: str


@dataclass(frozen=True)
class StaffCalled:
    """A call for the floor staff, or the printer's fault with the ticket it lost."""

    kind: IncidentKind
    message: str
    ticket: str | None = None


class KioskSource(Protocol):
    clock: Clock
    menu: Menu
    state: KioskState

    def follow(self, changed: Callable[[frozenset[str]], None]) -> None:
        """Call `changed` with what other programs changed, from now on."""

    def reread(self, then: Callable[[KioskState], None]) -> None: ...

    def waits(self, tier: Tier, show: Callable[[Waits], None]) -> None:
        """Per business; an empty answer when they cannot be read (the names alone)."""

    def tier(self, phone: str, show: Callable[[Tier], None], complain: Complain) -> None: ...

    def reprint(
        self,
        phone: str | None,
        code: str | None,
        show: Callable[[TicketPrint | None], None],
        complain: Complain,
    ) -> None: ...

    def issue(
        self, asked: TicketAsked, show: Callable[[Issued], None], complain: Complain
    ) -> None: ...

    def check_in(
        self,
        code: str,
        tap: str,
        show: Callable[[CheckedIn], None],
        refused: Callable[[str], None],
        complain: Complain,
    ) -> None:
        """`refused` gets the booking's refusal (unknown, used, other_day) to say in the
        customer's language."""

    def call_staff(
        self, called: StaffCalled, done: Callable[[], None], complain: Complain
    ) -> None: ...

    def close(self) -> None: ...


class StoreKiosk:
    """The store of this PC, read and written on the GUI thread, timed by `clock`."""

    def __init__(
        self,
        store: Store,
        hall_code: str | None,
        clock: Clock,
        notices: FailureNotices,
        name: str = "kiosk",
    ) -> None:
        self.store, self.hall_code, self.clock, self.notices = store, hall_code, clock, notices
        self.name = name  # where the shift lead's monitor says a call for help came from
        self.service = HallService(store, hall_code, clock)
        self.menu = kiosk_menu(store, hall_code)
        self.state = kiosk_state(store, hall_code)
        self._changes: Any = None

    def follow(self, changed: Callable[[frozenset[str]], None]) -> None:
        from shared.qt import live  # its database driver takes a fifth of a second to load

        self._changes = live.LiveStore(self.store, self.notices.parent(), poll_ms=POLL_MS)
        self._changes.changed.connect(changed)

    def reread(self, then: Callable[[KioskState], None]) -> None:
        state = self.notices.attempt(
            "re-read the hall's level and settings", lambda: kiosk_state(self.store, self.hall_code)
        )
        if state is not None:
            self.state = state
            then(state)

    def waits(self, tier: Tier, show: Callable[[Waits], None]) -> None:
        waits = self.notices.attempt(
            "read the queues' waits",
            lambda: queue_waits(self.store, self.hall_code, tier, self.clock.now()),
        )
        show(waits or {})

    def tier(self, phone: str, show: Callable[[Tier], None], complain: Complain) -> None:
        tier = self.notices.attempt(
            "look up the customer",
            lambda: customer_tier(self.store, self.hall_code, phone),
            complain,
        )
        if tier is not None:
            show(tier)

    def reprint(
        self,
        phone: str | None,
        code: str | None,
        show: Callable[[TicketPrint | None], None],
        complain: Complain,
    ) -> None:
        looked = self.notices.attempt(  # a 1-tuple: None alone means the store failed
            "find today's ticket",
            lambda: (
                todays_ticket(
                    self.store, self.hall_code, self.clock.now(), phone=phone, appointment_code=code
                ),
            ),
            complain,
        )
        if looked is None:
            return
        [found] = looked
        if found is None:
            show(None)
        else:
            show(self.menu.ticket_print(found.issued, found.phone, found.slip))

    def issue(self, asked: TicketAsked, show: Callable[[Issued], None], complain: Complain) -> None:
        issued = self.notices.attempt(
            "issue a ticket",
            lambda: self.service.issue(
                asked.business, phone=asked.phone, slip=asked.slip or None, tap=asked.tap
            ),
            complain,
        )
        if issued is not None:
            show(issued)

    def check_in(
        self,
        code: str,
        tap: str,
        show: Callable[[CheckedIn], None],
        refused: Callable[[str], None],
        complain: Complain,
    ) -> None:
        def attempt() -> CheckedIn | None:
            try:
                return check_in(self.service, code, tap)
            except CheckInRefused as refusal:
                refused(refusal.reason)
                return None

        checked_in = self.notices.attempt("check in an appointment", attempt, complain)
        if checked_in is not None:
            show(checked_in)

    def call_staff(self, called: StaffCalled, done: Callable[[], None], complain: Complain) -> None:
        def record() -> bool:
            record_incident(
                self.store,
                self.hall_code,
                source=self.name,
                kind=called.kind,
                message=called.message,
                ticket=called.ticket,
                clock=self.clock,
            )
            return True

        action = (
            f"record that ticket {called.ticket} was not printed"
            if called.kind == IncidentKind.PRINTER
            else "call the floor staff"
        )
        if self.notices.attempt(action, record, complain):
            done()

    def close(self) -> None:
        if self._changes is not None:
            self._changes.close()


POLL_MS = 250  # the level changes at most every few seconds; a quarter second is live enough


class ServerKiosk(QObject):
    """The hall server, under this kiosk's enrolled key: every request off the GUI thread.
    What the server refused or could not be asked is said in the window's language."""

    def __init__(self, link: HallLink, menu: Menu, state: KioskState) -> None:
        super().__init__(link)
        self.link, self.menu, self.state = link, menu, state
        self.clock: Clock = link.clock

    @classmethod
    def first_read(cls, link: HallLink) -> tuple[Menu, KioskState]:
        """The menu and the level, before the window is built from them (no window yet to
        hang: the program waits here for the server, as a kiosk booting before it must)."""
        menu = decode(Menu, request(link.address, "GET", "/api/kiosk/menu", link.key))
        state = decode(KioskState, request(link.address, "GET", "/api/kiosk/state", link.key))
        asked = time.monotonic()  # the hall's time on the first screen, not this PC's
        told = request(link.address, "GET", "/api/clock", link.key)
        link.clock.pin(decode(dt.datetime, _field(told, "now")), asked, time.monotonic())
        return menu, state

    def follow(self, changed: Callable[[frozenset[str]], None]) -> None:
        self.link.changed.connect(changed)

    def _ask(
        self,
        method: str,
        path: str,
        body: object,
        answered: Callable[[Any], None],
        failed: Callable[[ServerError], None],
    ) -> None:
        def decoded(answer: Any) -> None:
            try:
                answered(answer)
            except ServerError as error:  # an answer this kiosk cannot read
                failed(error)

        reply = self.link.request(method, path, body)
        reply.answered.connect(decoded)
        reply.failed.connect(failed)

    def words(self, error: ServerError) -> str:
        """One line for the customer, in the window's language; the server's own words go
        to the log, never onto a customer's screen."""
        log.warning("the hall server did not do it: %s", error.reason)
        if isinstance(error, Unreachable):
            return self.tr("The hall server cannot be reached; nothing was done. Please try again.")
        if isinstance(error, Refused) and error.status == 503:
            return self.tr("The system is busy and nothing was saved. Please try again.")
        return self.tr("This cannot be done here. Please ask a member of staff.")

    def _complaining(self, complain: Complain) -> Callable[[ServerError], None]:
        return lambda error: complain(self.words(error))

    def reread(self, then: Callable[[KioskState], None]) -> None:
        def answered(answer: Any) -> None:
            self.state = decode(KioskState, answer)
            then(self.state)

        self._ask("GET", "/api/kiosk/state", None, answered, self._logged)

    def _logged(self, error: ServerError) -> None:
        log.warning("the kiosk's level and settings were not re-read: %s", error.reason)

    def waits(self, tier: Tier, show: Callable[[Waits], None]) -> None:
        self._ask(
            "GET",
            f"/api/kiosk/waits?tier={tier}",
            None,
            lambda answer: show(decode(Waits, answer)),
            lambda _error: show({}),
        )

    def tier(self, phone: str, show: Callable[[Tier], None], complain: Complain) -> None:
        self._ask(
            "GET",
            f"/api/kiosk/customers/{phone}",
            None,
            lambda answer: show(decode(Tier, _field(answer, "tier"))),
            self._complaining(complain),
        )

    def reprint(
        self,
        phone: str | None,
        code: str | None,
        show: Callable[[TicketPrint | None], None],
        complain: Complain,
    ) -> None:
        asked = {"phone": phone} if phone is not None else {"code": code}
        self._ask(
            "GET",
            f"/api/kiosk/reprint?{urlencode(asked)}",
            None,
            lambda answer: show(_ticket_of(answer)),
            self._complaining(complain),
        )

    def issue(self, asked: TicketAsked, show: Callable[[Issued], None], complain: Complain) -> None:
        body = {
            "business": asked.business,
            "phone": asked.phone,
            "slip": dict(asked.slip) or None,
            "tap": asked.tap,
        }
        self._ask(
            "POST",
            "/api/kiosk/tickets",
            body,
            lambda answer: show(decode(Issued, answer)),
            self._complaining(complain),
        )

    def check_in(
        self,
        code: str,
        tap: str,
        show: Callable[[CheckedIn], None],
        refused: Callable[[str], None],
        complain: Complain,
    ) -> None:
        def failed(error: ServerError) -> None:
            if isinstance(error, Refused) and error.code in CHECK_IN_REFUSALS:
                refused(error.code)
            else:
                complain(self.words(error))

        self._ask(
            "POST",
            "/api/kiosk/check-in",
            {"code": code, "tap": tap},
            lambda answer: show(decode(CheckedIn, answer)),
            failed,
        )

    def call_staff(self, called: StaffCalled, done: Callable[[], None], complain: Complain) -> None:
        line = " ".join(called.message.split())[:200]  # a printer's reason may run on
        body = {"kind": str(called.kind), "message": line, "ticket": called.ticket}
        complaining = self._complaining(complain)
        self._ask("POST", "/api/kiosk/incidents", body, lambda _answer: done(), complaining)

    def close(self) -> None:
        """The link is the program's: it closes it."""


CHECK_IN_REFUSALS = frozenset({"unknown", "used", "other_day"})


def _field(answer: Any, name: str) -> Any:
    if not isinstance(answer, dict) or name not in answer:
        raise Undecodable(f"the server's answer has no {name}")
    return answer[name]


def _ticket_of(answer: Any) -> TicketPrint | None:
    """A reprint's answer: the ticket as printed, or none of today."""
    found = _field(answer, "ticket")
    return None if found is None else decode(TicketPrint, found)
