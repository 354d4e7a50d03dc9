"""The change feed over a WebSocket, as Home Assistant's API does it: a program connects to
/api/changes, authenticates with its first message, then receives one message per commit
that changed something it may show, each with an increasing id. A program reconnecting
sends the last id it saw; if anything changed since (or the server restarted), it is told
to re-read everything, so no screen silently misses a change. A socket whose key or
session is revoked (or has expired) is told so and closed within moments: the credentials
are checked again at every change to staff or devices, and every half minute.

One store feed per server process (SQLite's data version, or PostgreSQL's LISTEN, which
carries the commits of every server process behind one database) fans out to every socket.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from fastapi.security import HTTPAuthorizationCredentials

from shared.errors import Rejected
from shared.server.auth import actor_of
from shared.server.door import Door
from shared.server.encoding import to_json
from shared.store.database import EVERYTHING
from shared.store.failures import store_failure
from shared.store.feed import ChangeFeed, open_feed

POLL_S = 0.2
AUTH_TIMEOUT_S = 10.0
RECHECK_S = 30.0  # a session's expiry is noticed this late at most
REFUSED = 4401  # the socket's close code when its credentials are refused
router = APIRouter()


class Broadcast:
    """This process's change ids, and the queues of the sockets listening."""

    def __init__(self) -> None:
        self.epoch = secrets.token_hex(4)  # a restarted server's ids start again
        self.last = 0
        self.listeners: set[asyncio.Queue[dict[str, Any] | None]] = set()

    @property
    def last_id(self) -> str:
        return f"{self.epoch}-{self.last}"

    def publish(self, kinds: frozenset[str]) -> None:
        self.last += 1
        message = {"type": "changed", "id": self.last_id, "kinds": sorted(kinds)}
        for queue in self.listeners:
            queue.put_nowait(message)

    def close(self) -> None:
        """The server is stopping: every socket is told so and closed (None ends each)."""
        for queue in self.listeners:
            queue.put_nowait(None)

    async def follow(self, door: Door) -> None:
        """Read the store's feed for as long as the server runs (a background task)."""
        feed: ChangeFeed = await asyncio.to_thread(open_feed, door.store)
        try:
            while True:
                kinds = await asyncio.to_thread(feed.changed)
                if kinds:
                    self.publish(kinds)
                await asyncio.sleep(POLL_S)
        finally:
            feed.close()


@router.websocket("/api/changes")
async def changes(socket: WebSocket) -> None:
    door: Door = socket.app.state.door
    broadcast: Broadcast = socket.app.state.broadcast
    await socket.accept()
    try:
        hello = await asyncio.wait_for(socket.receive_json(), AUTH_TIMEOUT_S)
        key = hello.get("token") if isinstance(hello, dict) else None
        if not isinstance(key, str):
            raise Rejected('the first message must be {"token": "..."}')
        credentials = HTTPAuthorizationCredentials(scheme="Bearer", credentials=key)
        actor = await asyncio.to_thread(actor_of, door, credentials)
    except (Rejected, TimeoutError, ValueError, WebSocketDisconnect) as error:
        reason = error.message if isinstance(error, Rejected) else "no authentication message"
        with contextlib.suppress(Exception):
            await socket.send_json({"type": "auth_invalid", "reason": reason})
            await socket.close(code=REFUSED)
        return
    queue: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue()
    broadcast.listeners.add(queue)
    try:
        await socket.send_json(
            {"type": "auth_ok", "actor": to_json(actor), "id": broadcast.last_id}
        )
        if hello.get("after") not in (None, broadcast.last_id):
            await socket.send_json(
                {"type": "changed", "id": broadcast.last_id, "kinds": sorted(EVERYTHING)}
            )
        await _push(socket, queue, lambda: asyncio.to_thread(actor_of, door, credentials))
    except (WebSocketDisconnect, RuntimeError):
        pass
    finally:
        broadcast.listeners.discard(queue)


async def _push(
    socket: WebSocket,
    queue: asyncio.Queue[dict[str, Any] | None],
    recheck: Callable[[], Awaitable[Any]],
) -> None:
    """Send each change until the program goes away, its credentials are refused or the
    server stops. The socket is read meanwhile, so a program that left is noticed at once,
    not at the next change."""
    gone = asyncio.ensure_future(socket.receive())
    try:
        while True:
            change = asyncio.ensure_future(queue.get())
            await asyncio.wait(
                {change, gone}, timeout=RECHECK_S, return_when=asyncio.FIRST_COMPLETED
            )
            quiet = not (change.done() or gone.done())  # half a minute without a word
            if (quiet or _touches_credentials(change)) and not await _still_allowed(
                socket, recheck
            ):
                change.cancel()
                return
            if quiet:
                change.cancel()
                continue
            if gone.done():
                change.cancel()
                if gone.result().get("type") == "websocket.disconnect":
                    return
                gone = asyncio.ensure_future(socket.receive())  # a program's message: ignored
                if not change.cancelled() and change.done():
                    await socket.send_json(change.result())
                continue
            message = change.result()
            if message is None:  # the server is stopping: "going away"
                await socket.close(code=1001)
                return
            await socket.send_json(message)
    finally:
        gone.cancel()


def _touches_credentials(change: asyncio.Future[dict[str, Any] | None]) -> bool:
    """A change to staff or devices: a session or a key may have been revoked."""
    if not change.done() or change.cancelled():
        return False
    message = change.result()
    return message is not None and "staff" in message.get("kinds", ())


async def _still_allowed(socket: WebSocket, recheck: Callable[[], Awaitable[Any]]) -> bool:
    """The socket's credentials checked again; refused, the program is told why and the
    socket closed."""
    try:
        await recheck()
    except Rejected as refused:
        with contextlib.suppress(Exception):
            await socket.send_json({"type": "auth_invalid", "reason": refused.message})
            await socket.close(code=REFUSED)
        return False
    except Exception as error:  # a store failing meanwhile is no refusal: checked again later
        if store_failure(error, "the store") is None:
            raise
    return True
