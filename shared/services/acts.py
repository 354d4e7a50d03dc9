"""The hall's acts on behalf of an actor the server proved: each checks the actor's grant
(`shared.rules.permissions`) before it touches the store, so a program, a PC or a shell
never acts beyond its role, whatever it claims. A refused act writes nothing.

The time of every act is this process's clock (the server's), never a client's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from shared.errors import Forbidden
from shared.figures.clerks import ClerkFigures
from shared.rules.hall_settings import HallSettings
from shared.rules.permissions import Actor, Permission, require
from shared.services.alerts import AlertRecord
from shared.services.appointments import CheckedIn, check_in
from shared.services.hall import Done, HallService, Issued, Order
from shared.services.incidents import record_incident
from shared.services.notices import post_notice
from shared.services.purge import Purged, purge_personal_data
from shared.services.roles import change_settings_as, figures_seen_by
from shared.store.clock import Clock
from shared.store.database import Store
from shared.vocabulary import IncidentKind

P = Permission


class HallActs:
    """One hall's acts, each for a proved actor."""

    def __init__(self, store: Store, hall_code: str | None, clock: Clock | None = None) -> None:
        self.service = HallService(store, hall_code, clock)
        self.store, self.hall_code, self.clock = store, hall_code, self.service.clock

    def now(self) -> dt.datetime:
        return self.clock.now()

    # ----- the kiosk -----

    def issue(
        self,
        actor: Actor,
        business: str,
        *,
        phone: str | None = None,
        slip: Mapping[str, object] | None = None,
        tap: str | None = None,
    ) -> Issued:
        require(actor, P.ISSUE)
        return self.service.issue(business, phone=phone, slip=slip, tap=tap)

    def check_in(self, actor: Actor, code: str, tap: str | None = None) -> CheckedIn:
        require(actor, P.CHECK_IN)
        return check_in(self.service, code, tap)

    def call_staff(
        self, actor: Actor, kind: IncidentKind, message: str, ticket: str | None
    ) -> None:
        """A kiosk's call for the floor staff or its printer's fault, under the kiosk's
        proved name: the shift lead sees where it came from."""
        require(actor, P.CALL_STAFF)
        record_incident(
            self.store,
            self.hall_code,
            source=actor.name,
            kind=kind,
            message=message,
            ticket=ticket,
            clock=self.clock,
        )

    # ----- the counter -----

    def _staff_at(self, actor: Actor, counter: int) -> str:
        require(actor, P.SERVE, counter)
        return actor.name

    def open_counter(self, actor: Actor, counter: int, queues: Sequence[str] | None) -> Done:
        return self.service.open_counter(counter, self._staff_at(actor, counter), queues)

    def pause_counter(self, actor: Actor, counter: int, reason: str) -> Done:
        self._staff_at(actor, counter)
        return self.service.pause_counter(counter, reason)

    def resume_counter(self, actor: Actor, counter: int) -> Done:
        self._staff_at(actor, counter)
        return self.service.resume_counter(counter)

    def close_counter(self, actor: Actor, counter: int) -> Done:
        self._staff_at(actor, counter)
        return self.service.close_counter(counter)

    def call(self, actor: Actor, counter: int) -> Done:
        self._staff_at(actor, counter)
        return self.service.call(counter)

    def call_ticket(self, actor: Actor, counter: int, ticket: str, reason: str) -> Done:
        require(actor, P.CALL_CHOSEN, counter)
        return self.service.call_ticket(counter, ticket, reason, source=actor.source)

    def recall(self, actor: Actor, counter: int) -> Done:
        self._staff_at(actor, counter)
        return self.service.recall(counter)

    def no_show(self, actor: Actor, counter: int) -> Done:
        self._staff_at(actor, counter)
        return self.service.no_show(counter)

    def transfer(
        self, actor: Actor, counter: int, queue: str | None, to_counter: int | None
    ) -> Done:
        self._staff_at(actor, counter)
        return self.service.transfer(counter, queue, to_counter=to_counter)

    def finish(
        self,
        actor: Actor,
        counter: int,
        *,
        businesses: Sequence[str],
        recommended: bool,
        accepted: bool,
        signed: bool,
        notes: str,
        fields: Mapping[str, Mapping[str, object]] | None,
        outcomes: Mapping[str, str] | None,
    ) -> Done:
        self._staff_at(actor, counter)
        return self.service.finish(
            counter,
            businesses=businesses,
            recommended=recommended,
            accepted=accepted,
            signed=signed,
            notes=notes,
            fields=fields,
            outcomes=outcomes,
        )

    def rate(
        self,
        actor: Actor,
        counter: int,
        rating: str,
        *,
        ticket: str | None = None,
        reason: str | None = None,
    ) -> Done:
        require(actor, P.RATE, counter)
        return self.service.rate(counter, rating, ticket=ticket, reason=reason)

    # ----- the shift lead and the administrator -----

    def acknowledge(self, actor: Actor) -> AlertRecord:
        require(actor, P.ACKNOWLEDGE)
        return self.service.acknowledge_alert(actor.name)

    def _order(self, actor: Actor) -> Order:
        require(actor, P.RUN_FLOOR)
        return Order(actor.name, actor.source)

    def order_open(
        self, actor: Actor, counter: int, clerk: str, queues: Sequence[str] | None
    ) -> Done:
        """The lead opens a counter for a clerk (standby counters at a level-1 alert)."""
        return self.service.open_counter(counter, clerk, queues, order=self._order(actor))

    def order_pause(self, actor: Actor, counter: int, reason: str) -> Done:
        return self.service.pause_counter(counter, reason, order=self._order(actor))

    def order_resume(self, actor: Actor, counter: int) -> Done:
        return self.service.resume_counter(counter, order=self._order(actor))

    def order_close(self, actor: Actor, counter: int) -> Done:
        return self.service.close_counter(counter, order=self._order(actor))

    def order_queues(self, actor: Actor, counter: int, queues: Sequence[str]) -> Done:
        return self.service.change_queues(counter, queues, order=self._order(actor))

    def post_notice(self, actor: Actor, text: str) -> str:
        require(actor, P.RUN_FLOOR)
        return post_notice(
            self.store, self.hall_code, actor.name, text, source=actor.source, clock=self.clock
        )

    def change_settings(self, actor: Actor, changes: dict[str, object]) -> HallSettings:
        require(actor, P.CHANGE_SETTINGS)
        return change_settings_as(
            self.store, self.hall_code, actor.name, changes, source=actor.source, clock=self.clock
        )

    def figures(self, actor: Actor, day: dt.date, clerk: str | None) -> list[ClerkFigures]:
        """A clerk sees her own day (`figures_seen_by` keeps her to it); a lead or an
        administrator anyone's."""
        require(actor, P.SEE_OWN_FIGURES)
        if clerk not in (None, actor.name):
            require(actor, P.SEE_ALL_FIGURES)
        return figures_seen_by(self.store, self.hall_code, actor.name, day, clerk=clerk)

    def purge(self, actor: Actor, before: dt.date | None) -> Purged:
        require(actor, P.PURGE)
        return purge_personal_data(
            self.store,
            self.hall_code,
            before=before,
            clock=self.clock,
            clerk_id=actor.clerk_id,
            source=actor.source,
        )


def staff_only(actor: Actor) -> None:
    """Acts of a person, never of a device (signing out, reading one's own record)."""
    if actor.role is None:
        raise Forbidden(f"{actor.name} is a device; only staff may do this")
