"""A counter's paper: the slip its clerk scans, the service form its customer reads and
signs or declines, and the archive of forms its clerk searches and opens. Each only at the
counter the actor is signed in at (or faces)."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status
from pydantic import Field

from shared.server.auth import Acting, DoorOf
from shared.server.encoding import to_json
from shared.server.requests import Strict
from shared.services.counter_forms import (
    archive_form_as,
    open_form_as,
    preview_form_as,
    search_forms_as,
    take_slip_as,
)

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


@router.get("/archive")
def search(
    counter: Number,
    actor: Acting,
    door: DoorOf,
    phone: Annotated[str | None, Query(pattern=r"^1[0-9]{10}$")] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    clerk: Annotated[str | None, Query(min_length=1, max_length=20)] = None,
    ticket: Annotated[str | None, Query(pattern=r"^[A-Za-z][0-9]{1,5}$")] = None,
) -> list[dict[str, Any]]:
    """The newest archived forms matching every criterion given (dates inclusive)."""
    hits = search_forms_as(
        door.acts,
        actor,
        counter,
        phone=phone,
        since=since,
        until=until,
        clerk=clerk,
        ticket=ticket,
    )
    return [_done(hit) for hit in hits]


@router.get("/archive/{sequence}")
def open_archived(
    counter: Number, sequence: Annotated[int, Path(ge=1)], actor: Acting, door: DoorOf
) -> dict[str, Any]:
    """An archived form's PDF (base64); the viewing is recorded in the audit log."""
    pdf = open_form_as(door.acts, actor, counter, sequence)
    return {"sequence": sequence, "pdf": base64.b64encode(pdf).decode("ascii")}
