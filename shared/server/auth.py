"""Who is asking: every request but sign-in carries `Authorization: Bearer KEY`, where KEY
is a staff session's token or an enrolled device's key. Anything else is 401."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from shared.errors import NotSignedIn
from shared.rules.permissions import Actor
from shared.server.door import Door
from shared.services.devices import KEY_PREFIX, device_actor
from shared.services.sessions import TOKEN_PREFIX, staff_actor

_bearer = HTTPBearer(auto_error=False, description="a staff session token or a device key")


def door_of(request: Request) -> Door:
    door: Door = request.app.state.door
    return door


def actor_of(door: Door, credentials: HTTPAuthorizationCredentials | None) -> Actor:
    """The proved actor behind `credentials`, of this server's hall, or NotSignedIn."""
    if credentials is None:
        raise NotSignedIn("not signed in: send Authorization: Bearer with a token or device key")
    key = credentials.credentials
    if key.startswith(TOKEN_PREFIX):
        actor = staff_actor(door.store, key, door.acts.now())
    elif key.startswith(KEY_PREFIX):
        actor = device_actor(door.store, key)
    else:
        raise NotSignedIn("not signed in: unknown token")
    if actor.hall_id != door.hall_id:
        raise NotSignedIn("not signed in: the credentials are of another hall")
    return actor


def _actor(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Actor:
    return actor_of(door_of(request), credentials)


def _optional_device(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Actor | None:
    """A device signing a member of staff in on itself (a monitor on a board PC), if any."""
    if credentials is None:
        return None
    return actor_of(door_of(request), credentials)


Acting = Annotated[Actor, Depends(_actor)]
MaybeDevice = Annotated[Actor | None, Depends(_optional_device)]
DoorOf = Annotated[Door, Depends(door_of)]
