"""The parts of the performance sheet the shift lead enters by hand, per clerk and month:
mystery-shopper checks (神秘顾客), the teamwork mark (团队协作) and the learning record
(学习成长: trainings attended, morning meetings attended of held); and the whole sheet.

Each act is one transaction, checked against the actor's grant and audited with what was
entered; `actor` None is the store's owner at the command line on the store file. Bad
input is refused with a one-line reason before anything is stored.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from sqlalchemy import select

from shared.errors import Rejected
from shared.figures.score_sheet import SheetRow, full_month_sheet
from shared.rules.input_text import check_text
from shared.rules.permissions import Actor, Permission, require
from shared.services.audit import command_line_user, record_act
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_clerk, find_hall
from shared.store.models import Clerk, ScoreEntry
from shared.vocabulary import ScoreEntryKind

MONTH = re.compile(r"[0-9]{4}-[0-9]{2}")
FIRST_YEAR = 2000
MAX_MARK = 100.0  # a mystery-shopper check's points and the teamwork mark are out of 100
MAX_ITEMS = 100  # items one mystery-shopper check looks at
MAX_SESSIONS = 31  # trainings or morning meetings in one month
MAX_NOTE = 200


@dataclass(frozen=True)
class EntryNow:
    """An entry as the lead's list shows it."""

    number: int
    clerk: str
    month: str
    kind: str
    day: dt.date | None
    items: int | None
    points: float | None
    trainings: int | None
    meetings_attended: int | None
    meetings_held: int | None
    note: str
    entered_by: str
    entered_at: dt.datetime

    def as_json(self) -> dict[str, object]:
        return {
            "entry": self.number,
            "clerk": self.clerk,
            "month": self.month,
            "kind": self.kind,
            "day": self.day.isoformat() if self.day else None,
            "items": self.items,
            "points": self.points,
            "trainings": self.trainings,
            "meetings_attended": self.meetings_attended,
            "meetings_held": self.meetings_held,
            "note": self.note,
            "entered_by": self.entered_by,
            "entered_at": self.entered_at.isoformat(),
        }

    @property
    def what(self) -> str:
        """The entry in one line's words: "check 2026-11-12: 9 items, 85 points"."""
        if self.kind == ScoreEntryKind.MYSTERY:
            return f"check {self.day}: {self.items} items, {self.points:g} points"
        if self.kind == ScoreEntryKind.TEAMWORK:
            return f"mark {self.points:g} of 100"
        return (
            f"{self.trainings} trainings, morning meetings "
            f"{self.meetings_attended} of {self.meetings_held}"
        )


def check_month(month: object, today: dt.date) -> str:
    """A month as YYYY-MM from the year 2000 to the current month, or Rejected."""
    if not isinstance(month, str) or not MONTH.fullmatch(month):
        raise Rejected(f"month {month!r} is not a month (YYYY-MM)")
    year, number = int(month[:4]), int(month[5:])
    if not 1 <= number <= 12:
        raise Rejected(f"month {month} is out of range: its number is 01 to 12")
    if year < FIRST_YEAR or (year, number) > (today.year, today.month):
        raise Rejected(
            f"month {month} is out of range: from {FIRST_YEAR}-01 to this month ({today:%Y-%m})"
        )
    return month


def _whole(name: str, value: object, least: int, most: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Rejected(f"{name} must be a whole number, not {value!r}")
    if not least <= value <= most:
        raise Rejected(f"{name} {value} is out of bounds: from {least} to {most}")
    return value


def _mark(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Rejected(f"{name} must be a number, not {value!r}")
    if not math.isfinite(value) or not 0 <= value <= MAX_MARK:
        raise Rejected(f"{name} {value!r} is out of bounds: from 0 to {MAX_MARK:g}")
    return round(float(value), 2)


def _checked_values(
    kind: ScoreEntryKind, month: str, today: dt.date, values: dict[str, object]
) -> dict[str, object]:
    """The columns an entry of `kind` stores, each checked; anything else is refused."""
    wanted = {
        ScoreEntryKind.MYSTERY: {"day", "items", "points"},
        ScoreEntryKind.TEAMWORK: {"points"},
        ScoreEntryKind.LEARNING: {"trainings", "meetings_attended", "meetings_held"},
    }[kind]
    given = {name for name, value in values.items() if value is not None}
    if extra := sorted(given - wanted):
        raise Rejected(f"a {kind} entry has no {extra[0]}; it takes {', '.join(sorted(wanted))}")
    if missing := sorted(wanted - given):
        raise Rejected(f"a {kind} entry needs {missing[0]}")
    if kind == ScoreEntryKind.MYSTERY:
        day = values["day"]
        if not isinstance(day, dt.date):
            raise Rejected(f"a check's day must be a date, not {day!r}")
        if f"{day:%Y-%m}" != month:
            raise Rejected(f"the check's day {day} is not in month {month}")
        if day > today:
            raise Rejected(f"the check's day {day} is after today ({today})")
        return {
            "day": day,
            "items": _whole("items checked", values["items"], 1, MAX_ITEMS),
            "points": _mark("a check's points", values["points"]),
        }
    if kind == ScoreEntryKind.TEAMWORK:
        return {"points": _mark("the teamwork mark", values["points"])}
    held = _whole("morning meetings held", values["meetings_held"], 0, MAX_SESSIONS)
    return {
        "trainings": _whole("trainings attended", values["trainings"], 0, MAX_SESSIONS),
        "meetings_attended": _whole(
            "morning meetings attended", values["meetings_attended"], 0, held
        ),
        "meetings_held": held,
    }


def enter_score(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    kind: str,
    staff_id: str,
    month: str,
    *,
    note: str = "",
    clock: Clock | None = None,
    **values: object,
) -> EntryNow:
    """The shift lead enters one part for a clerk's month: a mystery-shopper check (`day`,
    `items`, `points`), the teamwork mark (`points`) or learning (`trainings`,
    `meetings_attended`, `meetings_held`). A clerk has at most one teamwork and one learning
    entry a month: to change one, remove it and enter it again."""
    if actor is not None:
        require(actor, Permission.ENTER_SCORES)
    part = ScoreEntryKind.parse(kind, "score entry kind")
    now = (clock or clock_for(store)).now()
    month = check_month(month, now.date())
    checked = _checked_values(part, month, now.date(), values)
    note = check_text("an entry's note", note.strip())
    if len(note) > MAX_NOTE:
        raise Rejected(f"an entry's note is at most {MAX_NOTE} characters")
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        clerk = find_clerk(session, hall, staff_id)
        if part != ScoreEntryKind.MYSTERY:
            taken = session.scalar(
                select(ScoreEntry.id).where(
                    ScoreEntry.clerk_id == clerk.id,
                    ScoreEntry.month == month,
                    ScoreEntry.kind == part,
                )
            )
            if taken is not None:
                raise Rejected(
                    f"{staff_id} already has a {part} entry for {month} (entry {taken}); "
                    "remove it first"
                )
        entry = ScoreEntry(
            hall_id=hall.id,
            clerk_id=clerk.id,
            month=month,
            kind=part,
            note=note,
            entered_by=actor.name if actor else f"cli:{command_line_user()}",
            entered_at=now,
            **checked,
        )
        session.add(entry)
        session.flush()
        shown = _entry_now(entry, staff_id)
        record_act(
            session,
            hall.id,
            "score_entered",
            at=now,
            actor=actor,
            entry=entry.id,
            clerk=staff_id,
            month=month,
            kind=str(part),
            what=shown.what,
        )
        return shown


def remove_entry(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    number: int,
    *,
    clock: Clock | None = None,
) -> EntryNow:
    """The shift lead removes an entry (entered wrongly); the audit keeps what it said."""
    if actor is not None:
        require(actor, Permission.ENTER_SCORES)
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        entry = session.get(ScoreEntry, number)
        if entry is None or entry.hall_id != hall.id:
            raise Rejected(f"no score entry {number} in hall {hall.code}")
        clerk = session.get(Clerk, entry.clerk_id)
        assert clerk is not None
        shown = _entry_now(entry, clerk.staff_id)
        session.delete(entry)
        record_act(
            session,
            hall.id,
            "score_removed",
            at=now,
            actor=actor,
            entry=number,
            clerk=clerk.staff_id,
            month=shown.month,
            kind=shown.kind,
            what=shown.what,
        )
        return shown


def lead_on_store(store: Store, hall_code: str | None, staff_id: str) -> Actor:
    """The signed-in member of staff as an actor, for a window working on the store file of
    its own PC (one PC: it proved her PIN at sign-in)."""
    with store.read() as session:
        hall = find_hall(session, hall_code)
        clerk = find_clerk(session, hall, staff_id)
        return Actor(hall_id=hall.id, name=clerk.staff_id, role=clerk.role, clerk_id=clerk.id)


def list_entries(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    month: str,
    *,
    clerk: str | None = None,
    clock: Clock | None = None,
) -> list[EntryNow]:
    """A month's entries (one clerk's, if named), in the order they were entered."""
    if actor is not None:
        require(actor, Permission.SEE_ALL_FIGURES)
    month = check_month(month, (clock or clock_for(store)).now().date())
    with store.read() as session:
        hall = find_hall(session, hall_code)
        query = (
            select(ScoreEntry, Clerk.staff_id)
            .join(Clerk, Clerk.id == ScoreEntry.clerk_id)
            .where(ScoreEntry.hall_id == hall.id, ScoreEntry.month == month)
            .order_by(ScoreEntry.id)
        )
        if clerk is not None:
            query = query.where(Clerk.id == find_clerk(session, hall, clerk).id)
        return [_entry_now(entry, staff_id) for entry, staff_id in session.execute(query)]


def score_sheet(
    store: Store,
    hall_code: str | None,
    actor: Actor | None,
    month: str,
    *,
    clock: Clock | None = None,
) -> list[SheetRow]:
    """The month's whole sheet, ranked, for whoever sees every clerk's figures."""
    if actor is not None:
        require(actor, Permission.SEE_ALL_FIGURES)
    month = check_month(month, (clock or clock_for(store)).now().date())
    with store.read() as session:
        return full_month_sheet(session, find_hall(session, hall_code), month)


def _entry_now(entry: ScoreEntry, staff_id: str) -> EntryNow:
    return EntryNow(
        number=entry.id,
        clerk=staff_id,
        month=entry.month,
        kind=str(entry.kind),
        day=entry.day,
        items=entry.items,
        points=entry.points,
        trainings=entry.trainings,
        meetings_attended=entry.meetings_attended,
        meetings_held=entry.meetings_held,
        note=entry.note,
        entered_by=entry.entered_by,
        entered_at=entry.entered_at,
    )
