"""A window's link to the hall server: requests on worker threads whose answers come back
on the GUI thread, and the server's change feed as the same `changed` signal a `LiveStore`
emits, so a window follows either alike.

The feed listens on a thread of its own. A lost server is announced (`state`), tried again
after a growing pause, and on its return told the last change seen: if anything changed
meanwhile, or the server restarted, the windows are told to re-read everything.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTranslator, Signal, Slot
from PySide6.QtWidgets import QLabel, QWidget
from websockets.exceptions import WebSocketException
from websockets.sync.client import ClientConnection, connect

from shared.client.clock import ServedClock
from shared.client.http import Refused, ServerAddress, ServerError, Unreachable, request
from shared.qt.refusals import refusal_text
from shared.resources import catalog
from shared.store.database import EVERYTHING

log = logging.getLogger(__name__)

FIRST_RETRY_S = 0.5  # a server restarting is back within a second or two
LAST_RETRY_S = 8.0  # a server down for long is asked at most this often
OPEN_TIMEOUT_S = 5.0
CATALOG, CONTEXT = "failures", "ServerLink"  # assets/i18n/failures_zh_CN.ts, every program's
UNREACHABLE = (
    "The hall server cannot be reached since %1. The screen shows what it last read and"
    " keeps trying."
)
NOT_DONE = "The hall server cannot be reached; nothing was done. Please try again shortly."
REFUSED = "The hall server refused this screen: %1"


@dataclass(frozen=True)
class LinkState:
    """Whether the change feed is connected; `refused` when the server turned the key down."""

    connected: bool
    refused: str | None = None


class Reply(QObject):
    """One request's outcome, on the GUI thread: `answered` with the JSON of a 2xx answer,
    or `failed` with a ServerError."""

    answered = Signal(object)
    failed = Signal(object)


class _Request(QRunnable):
    def __init__(
        self, link: HallLink, reply: Reply, method: str, path: str, key: str, body: object
    ) -> None:
        super().__init__()
        self._link, self._reply = link, reply
        self._method, self._path, self._key, self._body = method, path, key, body

    def run(self) -> None:
        try:
            outcome: object = request(
                self._link.address, self._method, self._path, self._key, self._body
            )
            self._link._delivered.emit(self._reply, True, outcome)
        except ServerError as error:
            self._link._delivered.emit(self._reply, False, error)


class HallLink(QObject):
    """The program's one link to the server, under this device's key."""

    changed = Signal(object)  # frozenset[str], as LiveStore's
    state = Signal(object)  # LinkState, each time it changes
    _delivered = Signal(object, bool, object)  # from worker threads: reply, ok, outcome
    _pushed = Signal(object)  # from the listener: kinds
    _moved = Signal(object)  # from the listener: LinkState

    def __init__(self, address: ServerAddress, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.address, self.key = address, key
        self.clock = ServedClock()
        self.last_id: str | None = None
        self.connected = LinkState(False)
        self._told = False  # no state said yet
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)
        self._waiting: set[Reply] = set()
        self._delivered.connect(self._deliver)
        self._pushed.connect(self._on_pushed)
        self._moved.connect(self._on_moved)
        self._stopping = threading.Event()
        self._socket: ClientConnection | None = None
        self._up = True  # the listener's own view: True at first, so a server never met is said
        self._ever_up = False
        self._listener = threading.Thread(target=self._listen, name="hall-feed", daemon=True)

    # ----- requests -----

    def request(
        self, method: str, path: str, body: object = None, *, key: str | None = None
    ) -> Reply:
        """Send off the GUI thread; connect to the reply's signals to hear the outcome."""
        reply = Reply(self)
        self._waiting.add(reply)
        self._pool.start(_Request(self, reply, method, path, key or self.key, body))
        return reply

    @Slot(object, bool, object)
    def _deliver(self, reply: Reply, ok: bool, outcome: object) -> None:
        self._waiting.discard(reply)
        if ok:
            reply.answered.emit(outcome)
        else:
            reply.failed.emit(outcome)
        reply.deleteLater()

    # ----- the change feed -----

    def listen(self) -> None:
        self._listener.start()

    def close(self) -> None:
        """Stop listening and wait for the requests under way (each ends in seconds)."""
        self._stopping.set()
        socket = self._socket
        if socket is not None:
            socket.close()
        if self._listener.is_alive():
            self._listener.join(OPEN_TIMEOUT_S + 1)
        self._pool.waitForDone()

    @Slot(object)
    def _on_pushed(self, kinds: frozenset[str]) -> None:
        self.changed.emit(kinds)

    @Slot(object)
    def _on_moved(self, state: LinkState) -> None:
        if state != self.connected or not self._told:  # a server down from the start too
            self.connected, self._told = state, True
            self.state.emit(state)

    def _listen(self) -> None:
        pause = FIRST_RETRY_S
        while not self._stopping.is_set():
            try:
                refused = self._follow()
                pause = FIRST_RETRY_S if refused is None else LAST_RETRY_S
                self._moved.emit(LinkState(False, refused))
            except (OSError, WebSocketException, TimeoutError, ValueError) as error:
                if self._up:  # said once per loss, not at every try
                    log.warning("the hall server's change feed was lost: %s", error)
                self._moved.emit(LinkState(False))
            self._up = False
            if self._stopping.wait(pause):
                return
            pause = min(pause * 2, LAST_RETRY_S)

    def _follow(self) -> str | None:
        """Connect, authenticate and pass on every change until the socket ends; the reason
        when the server refused the key."""
        context = ssl.create_default_context() if self.address.secure else None
        with connect(
            self.address.changes_url, open_timeout=OPEN_TIMEOUT_S, close_timeout=1, ssl=context
        ) as socket:
            self._socket = socket
            if self._stopping.is_set():
                return None
            hello: dict[str, Any] = {"token": self.key}
            if self.last_id is not None:
                hello["after"] = self.last_id
            socket.send(json.dumps(hello))
            answer = json.loads(socket.recv(timeout=OPEN_TIMEOUT_S))
            if answer.get("type") != "auth_ok":
                reason = str(answer.get("reason", "the key was refused"))
                log.error("the hall server refused this device's key: %s", reason)
                return reason
            if self.last_id is None:  # later, the id comes with the change it names: a
                self.last_id = str(answer["id"])  # socket lost before the catch-up asks again
            self._ask_the_time()
            self._moved.emit(LinkState(True))
            if not self._ever_up:  # whatever was committed between the first read and now
                self._pushed.emit(EVERYTHING)
            self._up = self._ever_up = True
            for raw in socket:
                message = json.loads(raw)
                if message.get("type") == "auth_invalid":  # revoked or expired meanwhile
                    reason = str(message.get("reason", "the key was refused"))
                    log.error("the hall server no longer accepts this device's key: %s", reason)
                    return reason
                if message.get("type") == "changed":
                    self.last_id = str(message["id"])
                    self._pushed.emit(frozenset(message.get("kinds", ())))
        return None

    def _ask_the_time(self) -> None:
        """The server's clock, on this thread (never the GUI's), at every connection."""
        try:
            asked = time.monotonic()
            answer = request(self.address, "GET", "/api/clock", self.key)
            self.clock.pin(dt.datetime.fromisoformat(answer["now"]), asked, time.monotonic())
        except (ServerError, KeyError, TypeError, ValueError) as error:
            log.warning("the hall server's clock was not read: %s", error)


class LinkWords:
    """What a window says of the server, in Chinese then English whatever its language:
    staff and customers both read it (the failures catalog, every program's)."""

    def __init__(self) -> None:
        self._chinese = QTranslator()
        path = catalog(CATALOG, "zh")
        if path is not None:
            self._chinese.load(str(path))

    def say(self, english: str, detail: str = "") -> str:
        chinese = self._chinese.translate(CONTEXT, english) or english
        return f"{chinese.replace('%1', detail)}\n{english.replace('%1', detail)}"

    def of(self, error: ServerError) -> str:
        """What a window says when an action did not get a 2xx answer."""
        if isinstance(error, Unreachable):
            return self.say(NOT_DONE)
        if isinstance(error, Refused):  # in the window's language, where it has a code
            return refusal_text(error.code, error.params, error.reason)
        return error.reason


class ServerBanner(QLabel):
    """A strip across the top of a window while the server is lost or refuses the key."""

    def __init__(
        self, link: HallLink, words: LinkWords | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("serverBanner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "QLabel#serverBanner { background: #b71c1c; color: white; padding: 8px;"
            " font-weight: bold; }"
        )
        self.words = words or LinkWords()
        self._clock = link.clock
        self._lost_since: str | None = None  # the server's time when it was lost
        link.state.connect(self.follow)
        self.hide()

    @Slot(object)
    def follow(self, state: LinkState) -> None:
        if state.connected:
            self._lost_since = None
            self.hide()
            return
        if state.refused:
            self.setText(self.words.say(REFUSED, state.refused))
        else:
            self._lost_since = self._lost_since or self._clock.now().strftime("%H:%M:%S")
            self.setText(self.words.say(UNREACHABLE, self._lost_since))
        self.show()


class OneRead(QObject):
    """A view the window re-reads after each change: one request at a time, and one more
    after it when changes came while it was under way, so answers never arrive out of order
    and a burst of changes costs two reads, not one per change."""

    def __init__(
        self,
        link: HallLink,
        path: str,
        show: Callable[[Any], None],
        complain: Callable[[ServerError], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or link)
        self._link, self._path, self._show, self._complain = link, path, show, complain
        self.key: str | None = None  # a signed-in person's token, else the device's key
        self._busy = False
        self._again = False

    def read(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy, self._again = True, False
        reply = self._link.request("GET", self._path, key=self.key)
        reply.answered.connect(self._answered)
        reply.failed.connect(self._failed)

    @Slot(object)
    def _answered(self, answer: object) -> None:
        self._busy = False
        try:
            self._show(answer)
        except ServerError as error:
            self._complain(error)
        if self._again:
            self.read()

    @Slot(object)
    def _failed(self, error: ServerError) -> None:
        self._busy = False
        self._complain(error)
        if self._again:
            self.read()
