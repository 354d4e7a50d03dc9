"""A counter's paper: the slip its clerk scans, and the service form its customer reads and
signs or declines. Each only at the counter the actor is signed in at (or faces)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, status
from pydantic import Field

from shared.server.auth import Acting, DoorOf
from shared.server.encoding import to_json
from shared.server.requests import Strict
from shared.services.counter_forms import archive_form_as, preview_form_as, take_slip_as

router = APIRouter(prefix="/counters/{counter}", tags=["counter"])
Number = Annotated[int, Path(ge=1, le=999)]
TicketCode = Annotated[str, Path(pattern=r"^[A-Z][0-9]{1,5}$")]
Point = Annotated[list[float], Field(min_length=4, max_length=4)]


class TakeSlip(Strict):
    code: Annotated[str, Field(min_length=1, max_length=400)]


class SignForm(Strict):
    """A signature's pen strokes, or (without them) the reason the customer declined."""

    strokes: (
        Annotated[list[Annotated[list[Point], Field(max_length=20_000)]], Field(max_length=200)]
        | None
    ) = None
    decline_reason: Annotated[str, Field(max_length=200)] = ""


def _done(value: object) -> dict[str, Any]:
    result: dict[str, Any] = to_json(value)
    return result


@router.post("/slip")
def take_slip(counter: Number, body: TakeSlip, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """The scanned slip of the ticket called here: its business and the customer's fields."""
    return _done(take_slip_as(door.acts, actor, counter, body.code))


@router.get("/forms/{ticket}")
def preview(counter: Number, ticket: TicketCode, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """Today's service form of a ticket finished here, for the customer to read."""
    return _done(preview_form_as(door.acts, actor, counter, ticket))


@router.post("/forms/{ticket}", status_code=status.HTTP_201_CREATED)
def archive(
    counter: Number, ticket: TicketCode, body: SignForm, actor: Acting, door: DoorOf
) -> dict[str, Any]:
    """The form signed (or declined), archived as the next link of the hall's chain."""
    return _done(
        archive_form_as(
            door.acts,
            actor,
            counter,
            ticket,
            strokes=body.strokes,
            decline_reason=body.decline_reason,
        )
    )
