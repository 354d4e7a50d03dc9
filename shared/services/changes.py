"""What an action changed, so a window re-reads only that (as the change feed names it).

Every write of the services says, besides its result, which tickets and counters it
touched and which other kinds of things it changed; `note` hands the kinds to the store,
which tells the change feed in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy.orm import Session

from shared.store.database import note_changes


@dataclass(frozen=True)
class Changes:
    """Tickets by code and counters by number; the other kinds as yes or no (`level`
    covers the crowding level and its records, their acknowledgement included)."""

    tickets: frozenset[str] = frozenset()
    counters: frozenset[int] = frozenset()
    level: bool = False
    warnings: bool = False
    settings: bool = False
    staff: bool = False
    forms: bool = False
    incidents: bool = False
    appointments: bool = False
    notices: bool = False

    @property
    def kinds(self) -> frozenset[str]:
        """The change feed's names of what changed (shared.store.database.CHANGE_KINDS)."""
        return frozenset(field.name for field in fields(self) if getattr(self, field.name))

    def note(self, session: Session, hall_id: int) -> Changes:
        """Hand the kinds to the store for the feed of the write `session` belongs to."""
        note_changes(session, hall_id, self.kinds)
        return self


NO_CHANGES = Changes()
