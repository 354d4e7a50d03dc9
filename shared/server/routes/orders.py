"""The shift lead's orders on the floor: open, pause, resume or close any counter, move it
to other queues, and the notice line of the calling board. Each is checked against the
lead's grant and audited by the core."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from shared.server.auth import Acting, DoorOf
from shared.server.encoding import to_json
from shared.server.requests import OrderOpen, OrderQueues, PauseCounter, PostNotice

router = APIRouter(prefix="/floor", tags=["shift lead's orders"])
Number = Annotated[int, Path(ge=1, le=999)]


def _done(value: object) -> dict[str, Any]:
    result: dict[str, Any] = to_json(value)
    return result


@router.post("/counters/{counter}/open")
def open_counter(counter: Number, body: OrderOpen, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """Open a counter for the clerk named (on its own queues unless others are given)."""
    return _done(door.acts.order_open(actor, counter, body.clerk, body.queues))


@router.post("/counters/{counter}/pause")
def pause(counter: Number, body: PauseCounter, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.order_pause(actor, counter, body.reason))


@router.post("/counters/{counter}/resume")
def resume(counter: Number, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.order_resume(actor, counter))


@router.post("/counters/{counter}/close")
def close(counter: Number, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.order_close(actor, counter))


@router.put("/counters/{counter}/queues")
def queues(counter: Number, body: OrderQueues, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.order_queues(actor, counter, body.queues))


@router.put("/notice")
def notice(body: PostNotice, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """The board's notice line; an empty text takes it down."""
    return {"text": door.acts.post_notice(actor, body.text)}
