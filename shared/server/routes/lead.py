"""The hall screen's and the shift lead's routes: the board, the floor, the early warnings,
acknowledging a rise, the figures, the day report, the settings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from shared.documents.report import write_reports
from shared.errors import Rejected
from shared.rules.permissions import Permission, require
from shared.server.auth import Acting, DoorOf
from shared.server.door import Door
from shared.server.encoding import to_json
from shared.server.requests import ChangeSettings
from shared.services.roles import record_export
from shared.services.settings import load_settings
from shared.views.floor import read_board, read_floor
from shared.views.lead_warnings import read_lead_warnings

router = APIRouter(tags=["hall screen and shift lead"])
Day = Annotated[str | None, Query(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]


def _json(value: object) -> dict[str, Any]:
    result: dict[str, Any] = to_json(value)
    return result


@router.get("/board")
def board(actor: Acting, door: DoorOf) -> dict[str, Any]:
    require(actor, Permission.READ_BOARD)
    return _json(read_board(door.store, door.hall_code, door.acts.now()))


@router.get("/floor")
def floor(actor: Acting, door: DoorOf) -> dict[str, Any]:
    require(actor, Permission.READ_FLOOR)
    return _json(read_floor(door.store, door.hall_code, door.acts.now().date()))


@router.get("/warnings")
def warnings(actor: Acting, door: DoorOf) -> dict[str, Any]:
    """The early warnings standing now, and how the warning did over the last week."""
    require(actor, Permission.READ_WARNINGS)
    return _json(read_lead_warnings(door.store, door.hall_code, door.acts.now()))


@router.post("/alerts/acknowledge")
def acknowledge(actor: Acting, door: DoorOf) -> dict[str, Any]:
    """The shift lead has seen today's latest rise of the level."""
    return _json(door.acts.acknowledge(actor))


def _day(day: str | None, door: Door) -> dt.date:
    """The day asked for, or today by the server's clock."""
    try:
        return dt.date.fromisoformat(day) if day else door.acts.now().date()
    except ValueError as error:
        raise Rejected(f"{day!r} is not a date (YYYY-MM-DD)") from error


@router.get("/figures")
def figures(
    actor: Acting,
    door: DoorOf,
    day: Day = None,
    clerk: Annotated[str | None, Query(min_length=1, max_length=20)] = None,
) -> list[Any]:
    """A business day's figures per clerk (today by the server's clock by default)."""
    chosen = _day(day, door)
    result: list[Any] = to_json(door.acts.figures(actor, chosen, clerk))
    return result


@router.get(
    "/reports/day",
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}, "description": "the day report"}},
)
def day_report(actor: Acting, door: DoorOf, day: Day = None) -> Response:
    """A business day's report as a PDF (today by the server's clock by default); the
    export is recorded under the lead who asked."""
    require(actor, Permission.EXPORT)
    chosen = _day(day, door)
    record_export(  # refused, nothing is written
        door.store,
        door.hall_code,
        actor.name,
        "day report",
        source=actor.source,
        clock=door.acts.clock,
        day=chosen.isoformat(),
    )
    with tempfile.TemporaryDirectory(prefix="hallq-report-") as folder:
        pdf = write_reports(door.store, door.hall_code, Path(folder), day=chosen)[0].pdf
        content = pdf.read_bytes()
        name = pdf.name
    return Response(
        content,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/settings")
def settings(actor: Acting, door: DoorOf) -> dict[str, Any]:
    require(actor, Permission.CHANGE_SETTINGS)
    with door.store.read() as session:
        return dataclasses.asdict(load_settings(session, door.hall_id))


@router.patch("/settings")
def change_settings(body: ChangeSettings, actor: Acting, door: DoorOf) -> dict[str, Any]:
    """Change operational settings; checked as a whole, audited with the new values."""
    return dataclasses.asdict(door.acts.change_settings(actor, dict(body.changes)))
