"""Campaigns, the special lists and the offer at the counter; complaint cases and their
call-backs. A list arrives as the CSV file itself (text/csv), read whole or refused whole."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query, status

from shared.errors import Rejected
from shared.server.auth import Acting, DoorOf
from shared.server.encoding import to_json
from shared.server.requests import (
    AddCampaign,
    AssignCallback,
    GiveNumber,
    LogComplaint,
    RecordCallback,
    RecordOffer,
)
from shared.services import campaigns, cases, customer_flags, lead_service, offers

router = APIRouter(tags=["campaigns and complaints"])
Counter = Annotated[int, Path(ge=1, le=999)]
CaseNumber = Annotated[int, Path(ge=1, le=2**31 - 1)]
TicketCode = Annotated[str, Path(pattern=r"^[A-Z][0-9]{3}$")]
CampaignName = Annotated[str, Path(min_length=1, max_length=60)]
FileName = Annotated[str, Query(min_length=1, max_length=100)]
Csv = Annotated[bytes, Body(media_type="text/csv")]
DayQuery = Annotated[str | None, Query(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise Rejected(f"{text!r} is not a date (YYYY-MM-DD)") from error


def _json(value: object) -> Any:
    return to_json(value)


@router.get("/campaigns")
def list_campaigns(actor: Acting, door: DoorOf) -> list[Any]:
    return [run.as_json() for run in campaigns.list_campaigns(door.store, door.hall_code, actor)]


@router.post("/campaigns", status_code=status.HTTP_201_CREATED)
def add_campaign(body: AddCampaign, actor: Acting, door: DoorOf) -> dict[str, Any]:
    added = campaigns.add_campaign(
        door.store,
        door.hall_code,
        actor,
        name=body.name,
        business=body.business,
        starts_on=_day(body.starts_on),
        ends_on=_day(body.ends_on),
        value=body.value,
        clock=door.acts.clock,
    )
    return added.as_json()


@router.post("/campaigns/{name}/targets")
def import_targets(
    name: CampaignName, file: FileName, content: Csv, actor: Acting, door: DoorOf
) -> dict[str, Any]:
    """Add a CSV list of targets (number, segment, script line) to a campaign."""
    imported = campaigns.import_targets(
        door.store, door.hall_code, actor, name, content, file_name=file, clock=door.acts.clock
    )
    return imported.as_json()


@router.get("/campaigns/report")
def campaign_report(
    actor: Acting,
    door: DoorOf,
    campaign: Annotated[str | None, Query(min_length=1, max_length=60)] = None,
) -> list[Any]:
    rows = campaigns.campaign_report(door.store, door.hall_code, actor, campaign)
    return [row.as_json() for row in rows]


@router.get("/lists")
def special_lists(actor: Acting, door: DoorOf) -> dict[str, Any]:
    """Each special list's size and who imported what into them."""
    return {
        "sizes": campaigns.special_list_sizes(door.store, door.hall_code, actor),
        "imports": campaigns.list_imports(door.store, door.hall_code, actor),
    }


@router.post("/lists/{kind}")
def import_list(
    kind: Annotated[str, Path(min_length=1, max_length=40)],
    file: FileName,
    content: Csv,
    actor: Acting,
    door: DoorOf,
) -> dict[str, Any]:
    imported = campaigns.import_special_list(
        door.store, door.hall_code, actor, kind, content, file_name=file, clock=door.acts.clock
    )
    return imported.as_json()


@router.get("/counters/{counter}/offer")
def offer(counter: Counter, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """The one campaign to offer the customer called to the counter (`offer` null: none),
    whether the customer's number is known and whether to take special care."""
    told = offers.customer_at_counter(
        door.store, door.hall_code, actor, counter, clock=door.acts.clock
    )
    return {
        "offer": _json(told.offer),
        "ticket": told.ticket,
        "known": told.known,
        "care": told.care,
    }


@router.post("/counters/{counter}/customer")
def give_number(counter: Counter, body: GiveNumber, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """The customer's mobile number as the clerk typed it, when the hall did not know it."""
    ticket = offers.give_number(
        door.store, door.hall_code, actor, counter, body.number, clock=door.acts.clock
    )
    return {"ticket": ticket}


@router.post("/counters/{counter}/offer")
def record_offer(counter: Counter, body: RecordOffer, actor: Acting, door: DoorOf) -> Any:
    recorded = offers.record_offer(
        door.store,
        door.hall_code,
        actor,
        counter,
        campaign=body.campaign,
        outcome=body.outcome,
        reason=body.reason,
        clock=door.acts.clock,
    )
    return _json(recorded)


@router.get("/service")
def service(actor: Acting, door: DoorOf) -> Any:
    """The shift lead's cases, flagged customers, campaign feedback and staff."""
    return _json(lead_service.read_lead_service(door.store, door.hall_code, actor, door.acts.now()))


@router.post("/flags/{ticket}/acknowledge")
def acknowledge_flag(ticket: TicketCode, actor: Acting, door: DoorOf) -> Any:
    return _json(
        customer_flags.acknowledge_flag(
            door.store, door.hall_code, actor, ticket, clock=door.acts.clock
        )
    )


@router.get("/cases")
def list_cases(
    actor: Acting, door: DoorOf, open_only: Annotated[bool, Query(alias="open")] = False
) -> list[Any]:
    found = cases.list_cases(door.store, door.hall_code, actor, open_only=open_only)
    return [case.as_json() for case in found]


@router.post("/cases", status_code=status.HTTP_201_CREATED)
def log_complaint(body: LogComplaint, actor: Acting, door: DoorOf) -> dict[str, Any]:
    logged = cases.log_complaint(
        door.store,
        door.hall_code,
        actor,
        body.ticket,
        note=body.note,
        day=_day(body.day) if body.day else None,
        clock=door.acts.clock,
    )
    return logged.as_json()


@router.post("/cases/{number}/assign")
def assign(number: CaseNumber, body: AssignCallback, actor: Acting, door: DoorOf) -> Any:
    return cases.assign_callback(
        door.store, door.hall_code, actor, number, body.staff_id, clock=door.acts.clock
    ).as_json()


@router.post("/cases/{number}/callback")
def callback(number: CaseNumber, body: RecordCallback, actor: Acting, door: DoorOf) -> Any:
    return cases.record_callback(
        door.store, door.hall_code, actor, number, body.outcome, clock=door.acts.clock
    ).as_json()


@router.post("/cases/{number}/close")
def close(number: CaseNumber, actor: Acting, door: DoorOf) -> Any:
    return cases.close_case(
        door.store, door.hall_code, actor, number, clock=door.acts.clock
    ).as_json()


@router.get("/cases/figures")
def case_figures(
    actor: Acting, door: DoorOf, since: DayQuery = None, until: DayQuery = None
) -> Any:
    """Complaint and call-back figures over business days `since` to `until` (today)."""
    today = door.acts.now().date()
    rows = cases.case_report(
        door.store,
        door.hall_code,
        actor,
        _day(since) if since else today,
        _day(until) if until else today,
    )
    return [row.as_json() for row in rows]
