"""The performance sheet: the shift lead's hand-scored parts (mystery-shopper checks,
teamwork, learning) and the month's whole sheet. The server's clock decides which months
may be scored; the session decides who enters."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, status

from shared.errors import Rejected
from shared.server.auth import Acting, DoorOf
from shared.server.encoding import to_json
from shared.server.requests import EnterScore
from shared.services import scores

router = APIRouter(tags=["performance sheet"])
MonthQuery = Annotated[str | None, Query(pattern=r"^[0-9]{4}-[0-9]{2}$")]
EntryNumber = Annotated[int, Path(ge=1, le=2**31 - 1)]


def _month(month: str | None, now: dt.datetime) -> str:
    return month or f"{now:%Y-%m}"


def _day(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise Rejected(f"{text!r} is not a date (YYYY-MM-DD)") from error


@router.get("/scores")
def list_entries(
    actor: Acting,
    door: DoorOf,
    month: MonthQuery = None,
    clerk: Annotated[str | None, Query(min_length=1, max_length=20)] = None,
) -> list[Any]:
    """A month's entries (this month by the server's clock by default)."""
    found = scores.list_entries(
        door.store,
        door.hall_code,
        actor,
        _month(month, door.acts.now()),
        clerk=clerk,
        clock=door.acts.clock,
    )
    return [entry.as_json() for entry in found]


@router.post("/scores", status_code=status.HTTP_201_CREATED)
def enter_score(body: EnterScore, actor: Acting, door: DoorOf) -> dict[str, Any]:
    entered = scores.enter_score(
        door.store,
        door.hall_code,
        actor,
        body.kind,
        body.clerk,
        body.month,
        note=body.note,
        clock=door.acts.clock,
        day=_day(body.day),
        items=body.items,
        points=body.points,
        trainings=body.trainings,
        meetings_attended=body.meetings_attended,
        meetings_held=body.meetings_held,
    )
    return entered.as_json()


@router.delete("/scores/{number}")
def remove_entry(number: EntryNumber, actor: Acting, door: DoorOf) -> dict[str, Any]:
    removed = scores.remove_entry(door.store, door.hall_code, actor, number, clock=door.acts.clock)
    return removed.as_json()


@router.get("/performance")
def performance(actor: Acting, door: DoorOf, month: MonthQuery = None) -> dict[str, Any]:
    """The month's whole sheet, ranked (this month by the server's clock by default), as
    the monitor reads it."""
    chosen = _month(month, door.acts.now())
    sheet = scores.score_sheet(door.store, door.hall_code, actor, chosen, clock=door.acts.clock)
    return {"month": chosen, "clerks": to_json(sheet)}
