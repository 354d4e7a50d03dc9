"""Signing in and out, and what any proved actor may read: who they are, the server's
clock, the hall's status."""

from __future__ import annotations

import math
from typing import Any

from fastapi import APIRouter, Request, status
from fastapi.responses import JSONResponse

from shared.errors import NotSignedIn
from shared.rules.permissions import Permission, require
from shared.server.auth import Acting, DoorOf, MaybeDevice
from shared.server.encoding import to_json
from shared.server.requests import SignIn
from shared.services.acts import staff_only
from shared.services.sessions import close_session, open_session
from shared.store.lookup import find_hall
from shared.store.plain import plain_reads
from shared.views.status import hall_now

router = APIRouter(tags=["people"])


@router.post("/sessions", status_code=status.HTTP_201_CREATED, response_model=None)
def sign_in(
    body: SignIn, request: Request, door: DoorOf, device: MaybeDevice
) -> dict[str, Any] | JSONResponse:
    """Sign in with staff id and PIN (at a counter, for a clerk); returns a bearer token.
    Wrong PINs lock the staff id by the server's clock; too many wrong sign-ins from one
    address make it wait (429)."""
    address = request.client.host if request.client else "unknown"
    if (wait_s := door.throttle.wait_s(address)) > 0:
        seconds = math.ceil(wait_s)
        return JSONResponse(
            {"detail": f"too many wrong sign-ins from here; try again in {seconds} s"},
            status_code=status.HTTP_429_TOO_MANY_REQUESTS,
            headers={"Retry-After": str(seconds)},
        )
    try:
        opened = open_session(
            door.store,
            door.hall_code,
            body.staff_id,
            body.pin,
            counter=body.counter,
            device=device,
            clock=door.acts.clock,
        )
    except NotSignedIn:
        door.throttle.failed(address)
        raise
    result: dict[str, Any] = to_json(opened)
    return result


@router.delete("/sessions/current", status_code=status.HTTP_204_NO_CONTENT)
def sign_out(actor: Acting, door: DoorOf) -> None:
    staff_only(actor)
    close_session(door.store, actor, clock=door.acts.clock)


@router.get("/me")
def me(actor: Acting) -> dict[str, Any]:
    result: dict[str, Any] = to_json(actor)
    return result


@router.get("/clock")
def clock(actor: Acting, door: DoorOf) -> dict[str, str]:
    """The server's time: the time of every act, whatever a client's clock says."""
    return {"now": door.acts.now().isoformat()}


@router.get("/status")
def hall_status(actor: Acting, door: DoorOf) -> dict[str, Any]:
    require(actor, Permission.READ_STATUS)
    with door.store.read() as session:
        return hall_now(plain_reads(session), find_hall(session, door.hall_code).id).as_json()
