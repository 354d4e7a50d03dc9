"""Where the hall screen reads the floor and acts: the store itself (one PC, the tests, the
demo) or the hall server (every other hall). Both hand the windows the same `Board`,
`Floor` and `Lead`, through callbacks: the store answers at once, the server later, on the
GUI thread. A complaint is one line the window shows; nothing is shown as done unless the
store committed it or the server answered 2xx."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from shared.client.decoding import Undecodable, board_of, floor_of, lead_warnings_of
from shared.client.http import Refused, ServerError, download
from shared.documents.report import check_folder, write_reports
from shared.qt.errors import FailureNotices
from shared.qt.remote import HallLink, LinkWords, OneRead
from shared.services.hall import HallService, Order
from shared.services.notices import post_notice
from shared.services.roles import LEADS, record_export
from shared.services.staff import sign_in
from shared.store.clock import Clock
from shared.store.database import Store
from shared.views.floor import Board, Floor, read_board, read_floor
from shared.views.lead_warnings import LeadWarnings, read_lead_warnings

log = logging.getLogger(__name__)

Complain = Callable[[str], None]


@dataclass(frozen=True)
class Lead:
    """Who signed in on the monitor; `token` is the server's session, None on the store."""

    staff_id: str
    name: str
    role: str
    token: str | None = None

    @property
    def leads(self) -> bool:
        return self.role in LEADS


@dataclass(frozen=True)
class CounterOrder:
    """The shift lead's order for one counter: open (for `clerk`, on `queues` or its own),
    pause (with `reason`), resume, close, or move to `queues`."""

    kind: str  # "open", "pause", "resume", "close", "queues"
    counter: int
    clerk: str = ""
    queues: tuple[str, ...] = ()
    reason: str = ""

    def route(self) -> tuple[str, str, dict[str, object] | None]:
        """The hall server's method, path and body for the order."""
        path = f"/api/floor/counters/{self.counter}/{self.kind}"
        if self.kind == "open":
            return "POST", path, {"clerk": self.clerk, "queues": list(self.queues) or None}
        if self.kind == "pause":
            return "POST", path, {"reason": self.reason}
        if self.kind == "queues":
            return "PUT", path, {"queues": list(self.queues)}
        return "POST", path, None


class ScreenSource(Protocol):
    clock: Clock
    writes_reports: bool

    def read_board(self, show: Callable[[Board], None]) -> None: ...

    def sign_in(
        self, staff_id: str, pin: str, done: Callable[[Lead], None], complain: Complain
    ) -> None: ...

    def sign_out(self, lead: Lead) -> None: ...

    def read_floor(
        self,
        lead: Lead,
        show: Callable[[Floor], None],
        complain: Complain,
        ended: Complain,
    ) -> None: ...

    def read_warnings(
        self, lead: Lead, show: Callable[[LeadWarnings], None], complain: Complain
    ) -> None: ...

    def acknowledge(self, lead: Lead, done: Callable[[], None], complain: Complain) -> None: ...

    def write_report(self, lead: Lead, day: dt.date, folder: Path) -> Path: ...

    def order(
        self, lead: Lead, order: CounterOrder, done: Callable[[], None], complain: Complain
    ) -> None: ...

    def post_notice(
        self, lead: Lead, text: str, done: Callable[[], None], complain: Complain
    ) -> None: ...


class StoreSource:
    """The store on this PC, read and written on the GUI thread (each a few queries)."""

    writes_reports = True

    def __init__(
        self,
        store: Store,
        hall_code: str | None,
        clock: Clock,
        failures: FailureNotices | None = None,
    ) -> None:
        self.store, self.hall_code, self.clock = store, hall_code, clock
        self.failures = failures or FailureNotices(store)

    def read_board(self, show: Callable[[Board], None]) -> None:
        """While the store fails the board keeps what it showed (the reason is logged: the
        hall's customers are no audience for it)."""
        self.failures.attempt(
            "read the calling board",
            lambda: show(read_board(self.store, self.hall_code, self.clock.now())),
        )

    def sign_in(
        self, staff_id: str, pin: str, done: Callable[[Lead], None], complain: Complain
    ) -> None:
        person = self.failures.attempt(
            "sign in to the monitor",
            lambda: sign_in(
                self.store, self.hall_code, staff_id, pin, source="monitor", clock=self.clock
            ),
            complain,
        )
        if person is not None:
            done(Lead(person.staff_id, person.name, str(person.role)))

    def sign_out(self, lead: Lead) -> None:
        """Nothing to end: the store keeps no session for the monitor."""

    def read_floor(
        self,
        lead: Lead,
        show: Callable[[Floor], None],
        complain: Complain,
        ended: Complain,
    ) -> None:
        self.failures.attempt(
            "read the floor",
            lambda: show(read_floor(self.store, self.hall_code, self.clock.now().date())),
            complain,
        )

    def read_warnings(
        self, lead: Lead, show: Callable[[LeadWarnings], None], complain: Complain
    ) -> None:
        self.failures.attempt(
            "read the early warnings",
            lambda: show(read_lead_warnings(self.store, self.hall_code, self.clock.now())),
            complain,
        )

    def acknowledge(self, lead: Lead, done: Callable[[], None], complain: Complain) -> None:
        hall = HallService(self.store, self.hall_code, self.clock)
        if self.failures.attempt(
            "acknowledge the alert", lambda: hall.acknowledge_alert(lead.staff_id), complain
        ):
            done()

    def order(
        self, lead: Lead, order: CounterOrder, done: Callable[[], None], complain: Complain
    ) -> None:
        hall = HallService(self.store, self.hall_code, self.clock)
        given = Order(lead.staff_id, "monitor")
        acts: dict[str, Callable[[], object]] = {
            "open": lambda: hall.open_counter(
                order.counter, order.clerk, order.queues or None, order=given
            ),
            "pause": lambda: hall.pause_counter(order.counter, order.reason, order=given),
            "resume": lambda: hall.resume_counter(order.counter, order=given),
            "close": lambda: hall.close_counter(order.counter, order=given),
            "queues": lambda: hall.change_queues(order.counter, order.queues, order=given),
        }
        if self.failures.attempt(f"{order.kind} counter", acts[order.kind], complain) is not None:
            done()

    def post_notice(
        self, lead: Lead, text: str, done: Callable[[], None], complain: Complain
    ) -> None:
        posted = self.failures.attempt(
            "post the notice",
            lambda: post_notice(
                self.store, self.hall_code, lead.staff_id, text, source="monitor", clock=self.clock
            ),
            complain,
        )
        if posted is not None:  # "" when the lead took the notice down
            done()

    def write_report(self, lead: Lead, day: dt.date, folder: Path) -> Path:
        """Off the GUI thread: a PDF with charts takes a moment."""
        record_export(
            self.store,
            self.hall_code,
            lead.staff_id,
            "day report",
            source="monitor",
            clock=self.clock,
            day=day.isoformat(),
            folder=str(folder),
        )
        return write_reports(self.store, self.hall_code, folder, day=day)[0].pdf


class ServerSource:
    """The hall server, through the program's link: the board under the device's key, the
    floor and the acknowledgement under the signed-in lead's session."""

    writes_reports = True

    def __init__(self, link: HallLink, words: LinkWords | None = None) -> None:
        self.link, self.words = link, words or LinkWords()
        self.clock: Clock = link.clock
        self._board: OneRead | None = None
        self._floor: OneRead | None = None
        self._warnings: OneRead | None = None

    def read_board(self, show: Callable[[Board], None]) -> None:
        if self._board is None:
            self._board = OneRead(
                self.link,
                "/api/board",
                lambda answer: show(board_of(answer)),
                lambda error: log.error("read the calling board failed: %s", error.reason),
            )
        self._board.read()

    def sign_in(
        self, staff_id: str, pin: str, done: Callable[[Lead], None], complain: Complain
    ) -> None:
        """POST /api/sessions under the device's key: the audit names the PC it happened at."""
        reply = self.link.request("POST", "/api/sessions", {"staff_id": staff_id, "pin": pin})

        def opened(answer: Any) -> None:
            try:
                done(Lead(answer["staff_id"], answer["name"], answer["role"], answer["token"]))
            except (KeyError, TypeError) as error:
                complain(Undecodable(f"the sign-in answer lacks {error}").reason)

        reply.answered.connect(opened)
        reply.failed.connect(lambda error: complain(self.words.of(error)))

    def sign_out(self, lead: Lead) -> None:
        """End the session at once: no token left alive for someone the monitor refused."""
        if lead.token is not None:
            reply = self.link.request("DELETE", "/api/sessions/current", key=lead.token)
            reply.failed.connect(lambda error: log.warning("sign-out failed: %s", error.reason))

    def read_floor(
        self,
        lead: Lead,
        show: Callable[[Floor], None],
        complain: Complain,
        ended: Complain,
    ) -> None:
        def failed(error: ServerError) -> None:
            if isinstance(error, Refused) and error.status == 401:
                ended(error.reason)  # expired at the shift's end, or revoked
            else:
                complain(self.words.of(error))

        if self._floor is None:
            self._floor = OneRead(
                self.link, "/api/floor", lambda answer: show(floor_of(answer)), failed
            )
        self._floor.key = lead.token
        self._floor.read()

    def read_warnings(
        self, lead: Lead, show: Callable[[LeadWarnings], None], complain: Complain
    ) -> None:
        """Under the lead's session; a session that ended is the floor's to report."""
        if self._warnings is None:
            self._warnings = OneRead(
                self.link,
                "/api/warnings",
                lambda answer: show(lead_warnings_of(answer)),
                lambda error: complain(self.words.of(error)),
            )
        self._warnings.key = lead.token
        self._warnings.read()

    def acknowledge(self, lead: Lead, done: Callable[[], None], complain: Complain) -> None:
        reply = self.link.request("POST", "/api/alerts/acknowledge", key=lead.token)
        reply.answered.connect(lambda _answer: done())
        reply.failed.connect(lambda error: complain(self.words.of(error)))

    def order(
        self, lead: Lead, order: CounterOrder, done: Callable[[], None], complain: Complain
    ) -> None:
        method, path, body = order.route()
        self._send(lead, method, path, body, done, complain)

    def post_notice(
        self, lead: Lead, text: str, done: Callable[[], None], complain: Complain
    ) -> None:
        self._send(lead, "PUT", "/api/floor/notice", {"text": text}, done, complain)

    def _send(
        self,
        lead: Lead,
        method: str,
        path: str,
        body: dict[str, object] | None,
        done: Callable[[], None],
        complain: Complain,
    ) -> None:
        """One of the lead's acts under her session; `done` once the server took it."""
        reply = self.link.request(method, path, body, key=lead.token)
        reply.answered.connect(lambda _answer: done())
        reply.failed.connect(lambda error: complain(self.words.of(error)))

    def write_report(self, lead: Lead, day: dt.date, folder: Path) -> Path:
        """Off the GUI thread: the server writes the PDF under the lead's session and the
        monitor saves it into the folder she chose."""
        if lead.token is None:
            raise ServerError("not signed in on the hall server")
        check_folder(folder)
        pdf = download(self.link.address, f"/api/reports/day?day={day.isoformat()}", lead.token)
        folder.mkdir(parents=True, exist_ok=True)
        written = folder / f"hallq-day-{day.isoformat()}.pdf"  # as the store's report is named
        written.write_bytes(pdf)
        return written
