"""Who may do what: a clerk serves; a shift lead (lead) or an administrator (admin) also
sees every clerk's figures, changes settings and exports reports; only an administrator
manages staff and counters. Each sensitive act is recorded in the audit log with the act.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from shared.errors import Rejected
from shared.figures.clerks import ClerkFigures, clerk_figures
from shared.rules.hall_settings import HallSettings
from shared.services import audit
from shared.services.changes import NO_CHANGES, Changes
from shared.services.settings import change_settings
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_clerk, find_hall
from shared.store.models import Clerk, Hall
from shared.vocabulary import Role

LEADS = (Role.LEAD, Role.ADMIN)  # see every clerk's figures, change settings, export reports
ADMINS = (Role.ADMIN,)  # also manage staff and counters


def require_role(clerk: Clerk, roles: tuple[Role, ...], what: str) -> None:
    """Refuse `what` ("change settings", ...) to a clerk whose role is not among `roles`."""
    if clerk.role not in roles:
        needs = Role.ADMIN if roles == ADMINS else Role.LEAD
        who = "an administrator" if needs == Role.ADMIN else "a shift lead or an administrator"
        raise Rejected(
            f"only {who} may {what}; {clerk.staff_id} is a {clerk.role}",
            "not_permitted",
            actor=clerk.staff_id,
            needs=needs,
        )


@dataclass
class Act:
    """One sensitive act in progress: its transaction, hall, acting staff member and time."""

    session: Session
    hall: Hall
    clerk: Clerk
    now: dt.datetime
    source: str

    def record(self, action: str, **detail: object) -> None:
        audit.record(
            self.session,
            self.hall.id,
            action,
            at=self.now,
            clerk_id=self.clerk.id,
            source=self.source,
            **detail,
        )


@contextmanager
def sensitive_act(
    store: Store,
    hall_code: str | None,
    staff_id: str,
    roles: tuple[Role, ...],
    what: str,
    *,
    changes: Changes,
    source: str,
    clock: Clock | None = None,
) -> Iterator[Act]:
    """One transaction in which `staff_id`, checked to hold one of `roles`, does `what`,
    changing `changes` (the audit log aside, which no window follows)."""
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        clerk = find_clerk(session, hall, staff_id)
        require_role(clerk, roles, what)
        changes.note(session, hall.id)
        yield Act(session, hall, clerk, now, source)


def figures_seen_by(
    store: Store, hall_code: str | None, viewer: str, day: dt.date, *, clerk: str | None = None
) -> list[ClerkFigures]:
    """The day's figures a staff member may see: a clerk only their own, a lead everyone's."""
    with store.read() as session:
        hall = find_hall(session, hall_code)
        seen_by = find_clerk(session, hall, viewer)
        if seen_by.role not in LEADS:
            if clerk not in (None, viewer):
                require_role(seen_by, LEADS, "see another clerk's figures")
            clerk = viewer
        return clerk_figures(session, hall, day, clerk=clerk)


def change_settings_as(
    store: Store,
    hall_code: str | None,
    staff_id: str,
    changes: dict[str, object],
    *,
    source: str,
    clock: Clock | None = None,
) -> HallSettings:
    """A lead or an administrator changes settings; the change is audited with its values."""
    with sensitive_act(
        store,
        hall_code,
        staff_id,
        LEADS,
        "change settings",
        changes=Changes(settings=True),
        source=source,
        clock=clock,
    ) as act:
        settings = change_settings(act.session, act.hall.id, changes)
        act.record("settings_changed", changes={name: getattr(settings, name) for name in changes})
    return settings


def record_export(
    store: Store,
    hall_code: str | None,
    staff_id: str,
    report: str,
    *,
    source: str,
    clock: Clock | None = None,
    **detail: object,
) -> None:
    """Allow and record a report export (figures, forms) before the report is written."""
    with sensitive_act(
        store,
        hall_code,
        staff_id,
        LEADS,
        "export reports",
        changes=NO_CHANGES,
        source=source,
        clock=clock,
    ) as act:
        act.record("export", report=report, **detail)
