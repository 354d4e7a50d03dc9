"""A counter's routes: what its clerk does there, and the customer's rating. Each acts only
at the counter the actor is signed in at (or, for a customer screen, faces)."""

from __future__ import annotations

import base64
from typing import Annotated, Any

from fastapi import APIRouter, Path

from shared.rules.permissions import Permission, require
from shared.server.auth import Acting, DoorOf
from shared.server.encoding import to_json
from shared.server.requests import (
    CallTicket,
    Finish,
    OpenCounter,
    PauseCounter,
    Rate,
    Transfer,
)
from shared.services.photos import counter_photo
from shared.views.counter import counter_view

router = APIRouter(prefix="/counters/{counter}", tags=["counter"])
Number = Annotated[int, Path(ge=1, le=999)]


def _done(value: object) -> dict[str, Any]:
    result: dict[str, Any] = to_json(value)
    return result


@router.get("")
def view(counter: Number, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """What the counter's screens show: its state, its ticket, the forms of its businesses."""
    require(actor, Permission.READ_COUNTER, counter)
    return _done(counter_view(door.store, door.hall_code, counter, actor.name, door.acts.now()))


@router.get("/clerk-photo")
def clerk_photo(counter: Number, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """The photo of the clerk at the counter, for its customer screen: base64 of the PNG or
    JPEG, "" when the clerk has none (or no one is there)."""
    require(actor, Permission.READ_COUNTER, counter)
    found = counter_photo(door.store, door.hall_code, counter, door.acts.now())
    photo = base64.b64encode(found.photo).decode("ascii") if found.photo else ""
    return {"staff_id": found.staff_id, "photo": photo}


@router.post("/open")
def open_counter(counter: Number, body: OpenCounter, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.open_counter(actor, counter, body.queues))


@router.post("/pause")
def pause(counter: Number, body: PauseCounter, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.pause_counter(actor, counter, body.reason))


@router.post("/resume")
def resume(counter: Number, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.resume_counter(actor, counter))


@router.post("/close")
def close(counter: Number, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.close_counter(actor, counter))


@router.post("/call")
def call(counter: Number, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.call(actor, counter))


@router.post("/call-ticket")
def call_ticket(counter: Number, body: CallTicket, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """Call a waiting ticket the clerk chose, with her reason (audited)."""
    return _done(door.acts.call_ticket(actor, counter, body.ticket, body.reason))


@router.post("/recall")
def recall(counter: Number, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.recall(actor, counter))


@router.post("/no-show")
def no_show(counter: Number, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.no_show(actor, counter))


@router.post("/transfer")
def transfer(counter: Number, body: Transfer, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(door.acts.transfer(actor, counter, body.queue, body.to_counter))


@router.post("/finish")
def finish(counter: Number, body: Finish, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(
        door.acts.finish(
            actor,
            counter,
            businesses=body.businesses,
            recommended=body.recommended,
            accepted=body.accepted,
            signed=body.signed,
            notes=body.notes,
            fields=body.fields,
            outcomes=body.outcomes,
        )
    )


@router.post("/rate")
def rate(counter: Number, body: Rate, actor: Acting, door: DoorOf) -> dict[str, Any]:
    return _done(
        door.acts.rate(actor, counter, body.rating, ticket=body.ticket, reason=body.reason)
    )
