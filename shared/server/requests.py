"""What a client may send, each field bounded, so the server refuses malformed input with a
reason before any service runs. No request carries a time: the server's clock is the only
one."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

CounterNumber = Annotated[int, Field(ge=1, le=999)]
Word = Annotated[str, Field(min_length=1, max_length=40)]
SlipValue = Annotated[str, Field(max_length=200)] | bool | Annotated[int, Field(ge=0, le=10**9)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class SignIn(Strict):
    staff_id: Annotated[str, Field(min_length=1, max_length=20)]
    pin: Annotated[str, Field(pattern=r"^[0-9]{4,8}$")]
    counter: CounterNumber | None = None


# One customer's tap at a kiosk: sent again with the same value when no answer came back.
Tap = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]
Mobile = Annotated[str, Field(pattern=r"^1[0-9]{10}$")]
AppointmentCode = Annotated[str, Field(min_length=1, max_length=12)]


class IssueTicket(Strict):
    business: Word
    phone: Mobile | None = None
    slip: Annotated[dict[Word, SlipValue], Field(max_length=30)] | None = None
    tap: Tap | None = None


class CheckIn(Strict):
    code: AppointmentCode
    tap: Tap | None = None


class CallStaff(Strict):
    """A kiosk's call for the floor staff, or its printer's fault with the ticket it lost."""

    kind: Literal["help_requested", "printer"]
    message: Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]+$")]
    ticket: Annotated[str, Field(pattern=r"^[A-Z][0-9]{3,4}$")] | None = None


class OpenCounter(Strict):
    queues: (
        Annotated[list[Annotated[str, Field(pattern=r"^[A-Z]$")]], Field(max_length=26)] | None
    ) = None


class OrderOpen(OpenCounter):
    clerk: Annotated[str, Field(min_length=1, max_length=20)]


class OrderQueues(Strict):
    queues: Annotated[list[Annotated[str, Field(pattern=r"^[A-Z]$")]], Field(max_length=26)]


class PostNotice(Strict):
    text: Annotated[str, Field(max_length=200)]


class PauseCounter(Strict):
    reason: Annotated[str, Field(max_length=40)] = ""


class Transfer(Strict):
    queue: Annotated[str, Field(pattern=r"^[A-Z]$")] | None = None
    to_counter: CounterNumber | None = None


class Finish(Strict):
    businesses: Annotated[list[Word], Field(max_length=20)] = []
    recommended: bool = False
    accepted: bool = False
    signed: bool = False
    notes: Annotated[str, Field(max_length=500)] = ""
    fields: Annotated[dict[Word, dict[Word, SlipValue]], Field(max_length=20)] | None = None
    outcomes: Annotated[dict[Word, Word], Field(max_length=20)] | None = None


TicketCode = Annotated[str, Field(pattern=r"^[A-Z][0-9]{3}$")]


class Rate(Strict):
    rating: Word
    ticket: TicketCode | None = None  # the visit rated; else the counter's last finished
    reason: Word | None = None  # why not satisfied, a shared.vocabulary.DissatisfiedReason


class CallTicket(Strict):
    ticket: TicketCode
    reason: Word  # a shared.vocabulary.CallReason


class ChangeSettings(Strict):
    changes: Annotated[dict[Word, str | bool | int | float], Field(min_length=1, max_length=40)]


class EnrolDevice(Strict):
    name: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]{0,39}$")]
    kind: Word
    counter: CounterNumber | None = None


class Purge(Strict):
    before: Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")] | None = None


Day = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]


class AddCampaign(Strict):
    name: Annotated[str, Field(min_length=1, max_length=60)]
    business: Word
    starts_on: Day
    ends_on: Day
    value: Annotated[int, Field(ge=0, le=100_000)] = 0


class RecordOffer(Strict):
    campaign: Annotated[str, Field(min_length=1, max_length=60)]
    outcome: Word
    reason: Word | None = None


class GiveNumber(Strict):
    number: Annotated[str, Field(min_length=1, max_length=20)]


class LogComplaint(Strict):
    ticket: Annotated[str, Field(pattern=r"^[A-Z][0-9]{3}$")]
    note: Annotated[str, Field(min_length=1, max_length=200)]
    day: Day | None = None


class AssignCallback(Strict):
    staff_id: Annotated[str, Field(min_length=1, max_length=20)]


class RecordCallback(Strict):
    outcome: Word


class AddStaff(Strict):
    staff_id: Annotated[str, Field(min_length=1, max_length=20)]
    name: Annotated[str, Field(min_length=1, max_length=50)]
    role: Word = "clerk"


class NewPin(Strict):
    pin: Annotated[str, Field(pattern=r"^[0-9]{4,8}$")]


class ChangeRole(Strict):
    role: Word


Queues = Annotated[str, Field(pattern=r"^[A-Z]{1,26}$")]


class AddCounter(Strict):
    number: Annotated[int, Field(ge=1, le=9999)]
    queues: Queues
    name: Annotated[str, Field(max_length=50)] = ""


class CounterQueues(Strict):
    queues: Queues


Month = Annotated[str, Field(pattern=r"^[0-9]{4}-[0-9]{2}$")]
Mark = Annotated[float, Field(allow_inf_nan=False)] | int


class EnterScore(Strict):
    """One hand-scored part of a clerk's month: a mystery-shopper check (day, items,
    points), the teamwork mark (points) or learning (trainings, meetings attended of held).
    The service checks the bounds and which values the kind takes."""

    kind: Literal["mystery", "teamwork", "learning"]
    clerk: Annotated[str, Field(min_length=1, max_length=20)]
    month: Month
    day: Day | None = None
    items: Annotated[int, Field(ge=-(10**6), le=10**6)] | None = None
    points: Mark | None = None
    trainings: Annotated[int, Field(ge=-(10**6), le=10**6)] | None = None
    meetings_attended: Annotated[int, Field(ge=-(10**6), le=10**6)] | None = None
    meetings_held: Annotated[int, Field(ge=-(10**6), le=10**6)] | None = None
    note: Annotated[str, Field(max_length=200)] = ""
