"""Who may do what in the hall: the one table the server and the services check an actor
against. Pure: an actor is who the server proved is asking (a signed-in member of staff or
an enrolled device), never what a client claims.

- a kiosk issues tickets, checks appointments in, reads its menu and calls the floor staff;
- a board shows the calls; a customer screen reads and rates its own counter;
- a clerk serves at the counter she signed in at (calling the next ticket, or one she
  chose, with a reason; offers included), logs a customer's complaint, and sees her
  own figures;
- a shift lead also acknowledges alerts, sees everyone's figures, the floor and the
  early warnings with how they did, opens, pauses and closes any counter, changes its
  queues, posts the board's notice, changes operational settings, exports reports, runs
  campaigns and the special lists, handles complaint cases and their call-backs, and
  enters the performance sheet's mystery-shopper checks, teamwork and learning;
- an administrator also manages staff, devices, counters, the hall definition and purges.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from shared.errors import Forbidden
from shared.vocabulary import DeviceKind, Role


class Permission(StrEnum):
    READ_STATUS = "read the hall's status"
    READ_KIOSK = "read the kiosk's menu"
    ISSUE = "issue tickets"
    CHECK_IN = "check appointments in"
    CALL_STAFF = "call the floor staff"
    READ_BOARD = "read the calling board"
    READ_COUNTER = "read a counter"
    SERVE = "serve at a counter"
    CALL_CHOSEN = "call a chosen waiting ticket"
    RATE = "rate a visit"
    SEE_OWN_FIGURES = "see one's own figures"
    SEE_ALL_FIGURES = "see every clerk's figures"
    READ_FLOOR = "read the shift lead's floor"
    READ_WARNINGS = "read the early warnings and their record"
    ACKNOWLEDGE = "acknowledge alerts"
    RUN_FLOOR = "open, pause and close counters and post notices"
    CHANGE_SETTINGS = "change settings"
    EXPORT = "export reports"
    MANAGE_DEVICES = "manage devices"
    MANAGE_STAFF = "manage staff and counters"
    PURGE = "purge personal data"
    LOG_COMPLAINT = "log a customer's complaint"
    RUN_CAMPAIGNS = "run campaigns and keep the special lists"
    HANDLE_CASES = "handle complaint cases and call-backs"
    ENTER_SCORES = "enter the performance sheet's hand-scored parts"


P = Permission
_CLERK = frozenset(
    {
        P.READ_STATUS,
        P.READ_BOARD,
        P.READ_COUNTER,
        P.SERVE,
        P.CALL_CHOSEN,
        P.RATE,
        P.SEE_OWN_FIGURES,
        P.LOG_COMPLAINT,
    }
)
_LEAD = _CLERK | {
    P.SEE_ALL_FIGURES,
    P.READ_FLOOR,
    P.READ_WARNINGS,
    P.ACKNOWLEDGE,
    P.RUN_FLOOR,
    P.CHANGE_SETTINGS,
    P.EXPORT,
    P.RUN_CAMPAIGNS,
    P.HANDLE_CASES,
    P.ENTER_SCORES,
}
_ADMIN = _LEAD | {P.MANAGE_DEVICES, P.MANAGE_STAFF, P.PURGE}
STAFF_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: _CLERK,
    Role.LEAD: frozenset(_LEAD),
    Role.ADMIN: frozenset(_ADMIN),
}
DEVICE_GRANTS: dict[DeviceKind, frozenset[Permission]] = {
    DeviceKind.KIOSK: frozenset({P.READ_STATUS, P.READ_KIOSK, P.ISSUE, P.CHECK_IN, P.CALL_STAFF}),
    DeviceKind.BOARD: frozenset({P.READ_STATUS, P.READ_BOARD}),
    DeviceKind.CUSTOMER_SCREEN: frozenset({P.READ_COUNTER, P.RATE}),
}
# Acts tied to one counter: only at the counter the actor is bound to.
AT_A_COUNTER = frozenset({P.READ_COUNTER, P.SERVE, P.CALL_CHOSEN, P.RATE})


@dataclass(frozen=True)
class Actor:
    """Who the server proved is asking: a member of staff (with the counter she signed in
    at, if any) or an enrolled device (with the counter it faces, if any)."""

    hall_id: int
    name: str  # "S001" for staff, the device's name for a device: what the audit shows
    role: Role | None = None
    device_kind: DeviceKind | None = None
    clerk_id: int | None = None
    device_id: int | None = None
    counter: int | None = None
    session_id: int | None = None

    @property
    def grants(self) -> frozenset[Permission]:
        if self.role is not None:
            return STAFF_GRANTS[self.role]
        assert self.device_kind is not None
        return DEVICE_GRANTS[self.device_kind]

    @property
    def source(self) -> str:
        """How the audit log names where the act came from."""
        where = f"counter {self.counter}" if self.counter is not None else "server"
        return f"{self.device_kind} {self.name}" if self.device_kind else where


def allowed(actor: Actor, permission: Permission, counter: int | None = None) -> bool:
    """May `actor` do `permission` (at `counter`, for acts tied to one counter)?"""
    if permission not in actor.grants:
        return False
    if permission in AT_A_COUNTER and counter is not None:
        return actor.counter == counter
    return True


def require(actor: Actor, permission: Permission, counter: int | None = None) -> None:
    """Refuse, with a reason, an act the actor may not do."""
    if allowed(actor, permission, counter):
        return
    who = actor.role or actor.device_kind
    if permission in actor.grants:
        bound = f"counter {actor.counter}" if actor.counter is not None else "no counter"
        raise Forbidden(
            f"{actor.name} is signed in at {bound}, not counter {counter}",
            "wrong_counter",
            actor=actor.name,
            at="" if actor.counter is None else actor.counter,
            counter=counter,
        )
    raise Forbidden(
        f"{actor.name} ({who}) may not {permission.value}",
        "not_permitted",
        actor=actor.name,
        needs=least_role(permission) or "device",
    )


def least_role(permission: Permission) -> Role | None:
    """The first role, clerk to administrator, granted `permission` (None: devices only)."""
    return next((role for role, grants in STAFF_GRANTS.items() if permission in grants), None)
