"""The hall's actions: issue, call, recall, no-show, transfer, finish, rate, and counter
open/pause/resume/close. One transaction each.

Every action locks the hall first (BEGIN IMMEDIATE on SQLite, the hall's row on
PostgreSQL), so two kiosks never get one number and two counters never get one ticket.
It validates all input before writing, raises `Rejected` with a message fit for a person,
and leaves nothing written when it does. Each change of a ticket or counter appends an
event; the ticket's and counter's current state are caches updated alongside. Each result
carries what the action changed (`Changes`), as the change feed tells the windows.

The crowding level is recomputed and recorded in the action's transaction. The early
warning is reviewed after the commit, in a short transaction of its own under the same
lock, so the forecast does not lengthen every action's hold on the store; two programs
reviewing at once are serialised by that lock and the second sees the first's warning.
A program that stops between the two leaves the action done and its review undone: the
next action's review, which looks at the hall as it then is, raises what is due.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol, TypeVar

from sqlalchemy import (
    Date,
    DateTime,
    Executable,
    Integer,
    Row,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, aliased, make_transient_to_detached
from sqlalchemy.sql.dml import ReturningInsert

from shared.errors import Rejected
from shared.figures.clerks import latest_event
from shared.forecast.early_warning import review_due, review_warnings
from shared.forecast.usual_day import UsualDays
from shared.forecast.wait_estimate import estimate_wait_s
from shared.rules.calling import Policy, Waiting, choose_next, route
from shared.rules.hall_settings import HallSettings
from shared.rules.slip_codes import slip_code
from shared.services import audit
from shared.services.alerts import (
    AlertRecord,
    Crowding,
    alert_record,
    awaiting_acknowledgement,
    update_level,
)
from shared.services.audit import record
from shared.services.cases import open_case_on
from shared.services.changes import NO_CHANGES, Changes
from shared.services.form_fields import check_form
from shared.services.offers import offer_made_on
from shared.services.roles import LEADS, require_role
from shared.services.settings import load_settings
from shared.services.slips import MOBILE, check_slip
from shared.store import direct
from shared.store.clock import Clock, check_time, clock_for, is_live
from shared.store.database import Store
from shared.store.lookup import (
    find_business,
    find_clerk,
    find_counter,
    find_hall,
    find_queue,
    table_of,
)
from shared.store.models import (
    AlertChange,
    Business,
    Counter,
    CounterEvent,
    CounterSession,
    Customer,
    Hall,
    Queue,
    QueueSequence,
    Rating,
    Slip,
    Ticket,
    TicketEvent,
    Transaction,
)
from shared.vocabulary import (
    CallReason,
    CaseReason,
    CounterState,
    DissatisfiedReason,
    PauseReason,
    Satisfaction,
    TicketEventKind,
    TicketStatus,
    Tier,
)

RATINGS = ("satisfied", "neutral", "dissatisfied")
OUTCOMES = ("completed", "follow_up", "cancelled")  # how each business of a visit ended
MAX_NUMBER = 999
MAX_NOTES = 500
# How far apart two live programs' clocks may read one instant (each to the second).
CLOCKS_AGREE = dt.timedelta(seconds=2)
# A rating named for its ticket is taken while the customer can still be at the counter.
RATING_WINDOW_MIN = 15
RATING_WINDOW = dt.timedelta(minutes=RATING_WINDOW_MIN)


# The statements every action runs, built once with bound parameters: building one costs
# more than running it. The event log's inserts go to the tables as they are (no ORM).
_TICKET_EVENT = insert(table_of(TicketEvent))
_COUNTER_EVENT = insert(table_of(CounterEvent))
_NEW_TICKET = insert(table_of(Ticket)).returning(table_of(Ticket).c.id)
_WAITING_IN_QUEUE = select(func.count()).where(
    Ticket.hall_id == bindparam("hall", type_=Integer()),  # the queue's hall: the index's first
    Ticket.queue_id == bindparam("queue", type_=Integer()),
    Ticket.status == TicketStatus.WAITING,
)
_TICKETS = table_of(Ticket).c
_STINTS = table_of(CounterSession).c
_CALLED_TO = select(Ticket).where(
    Ticket.counter_id == bindparam("counter", type_=Integer()),
    Ticket.status == TicketStatus.CALLED,
)
_OPEN_STINT = select(CounterSession).where(
    CounterSession.counter_id == bindparam("counter", type_=Integer()),
    CounterSession.closed_at.is_(None),
)
_OPEN_STINT_ROW = select(_STINTS.queues, _STINTS.clerk_id).where(
    _STINTS.counter_id == bindparam("counter", type_=Integer()), _STINTS.closed_at.is_(None)
)
_FINISH = (
    update(table_of(Ticket))
    .where(_TICKETS.id == bindparam("ticket", type_=Integer()))
    .values(status=TicketStatus.FINISHED, finished_at=bindparam("now", type_=DateTime()))
)
_RECORD_TRANSACTION = insert(table_of(Transaction))
# A call claims its ticket in one statement, which hands back what the call logs.
_CALLED_CODE = select(_TICKETS.code).where(
    _TICKETS.counter_id == bindparam("counter", type_=Integer()),
    _TICKETS.status == TicketStatus.CALLED,
)
_CLAIM = (
    update(table_of(Ticket))
    .where(
        _TICKETS.id == bindparam("ticket", type_=Integer()), _TICKETS.status == TicketStatus.WAITING
    )
    .values(
        status=TicketStatus.CALLED,
        called_at=bindparam("now", type_=DateTime()),
        counter_id=bindparam("counter", type_=Integer()),
        clerk_id=bindparam("clerk", type_=Integer()),
        for_counter_id=None,
    )
    .returning(
        _TICKETS.id,
        _TICKETS.hall_id,
        _TICKETS.business_day,
        _TICKETS.code,
        _TICKETS.queue_id,
        _TICKETS.business_id,
        _TICKETS.waiting_since,
    )
)
# Tickets waiting at `now`, as the calling rule sees them (shared.rules.calling.Waiting).
_WAITING_AS_OF = (
    select(Ticket.id, Queue.letter, Ticket.waiting_since, Ticket.issued_at, Queue.target_wait_s)
    .join(Queue, Queue.id == Ticket.queue_id)
    .where(
        Ticket.status == TicketStatus.WAITING,
        Ticket.waiting_since <= bindparam("now", type_=DateTime()),
    )
)
# The first ticket (by waiting since, issued at, id) of each queue the counter serves: all
# the calling rule looks at, since it only ever calls the oldest ticket of a queue
# (choose_next compares the queues' oldest tickets, and a queue's oldest is overdue
# whenever one of its tickets is). The waiting tickets' index holds each queue in that
# order, so one index step finds it.
_QUEUE_HEAD_TICKET = aliased(Ticket)
_QUEUE_HEAD = (
    select(_QUEUE_HEAD_TICKET.id)
    .where(
        _QUEUE_HEAD_TICKET.hall_id == bindparam("hall", type_=Integer()),
        _QUEUE_HEAD_TICKET.status == TicketStatus.WAITING,
        _QUEUE_HEAD_TICKET.queue_id == Queue.id,
        _QUEUE_HEAD_TICKET.for_counter_id.is_(None),  # it waits for one counter alone
        _QUEUE_HEAD_TICKET.waiting_since <= bindparam("now", type_=DateTime()),
    )
    .order_by(_QUEUE_HEAD_TICKET.waiting_since, _QUEUE_HEAD_TICKET.issued_at, _QUEUE_HEAD_TICKET.id)
    .limit(1)
    .correlate(Queue)
    .scalar_subquery()
)
_HEADS_FOR: dict[int, Executable] = {}  # by how many queues the counter serves


def _heads_for(serving: int) -> Executable:
    """The first ticket of each of `serving` queues named q0, q1…; built once per count."""
    statement: Executable | None = _HEADS_FOR.get(serving)
    if statement is None:
        statement = (
            select(
                Ticket.id, Queue.letter, Ticket.waiting_since, Ticket.issued_at, Queue.target_wait_s
            )
            .select_from(Queue)
            .join(Ticket, Ticket.id == _QUEUE_HEAD)
            .where(
                Queue.hall_id == bindparam("hall", type_=Integer()),
                Queue.letter.in_([bindparam(f"q{place}") for place in range(serving)]),
            )
        )
        _HEADS_FOR[serving] = statement
    return statement


_TRANSFERRED_TO = (
    _WAITING_AS_OF.where(Ticket.for_counter_id == bindparam("counter", type_=Integer()))
    .order_by(Ticket.waiting_since, Ticket.id)
    .limit(1)
)
_RECENT_CALLS = (
    select(Queue.letter)
    .join(TicketEvent, TicketEvent.queue_id == Queue.id)
    .where(
        TicketEvent.counter_id == bindparam("counter", type_=Integer()),
        TicketEvent.kind == TicketEventKind.CALLED,
    )
    .order_by(TicketEvent.id.desc())
    .limit(bindparam("how_many", type_=Integer()))
)


def ticket_code(letter: str, number: int) -> str:
    return f"{letter}{number:03d}"


@dataclass(frozen=True)
class Issued:
    ticket: str
    queue: str
    ahead: int
    tier: str
    business: str
    issued_at: dt.datetime
    # The wait the ticket can expect (None when no open counter serves its queue).
    estimated_wait_s: float | None = None
    # The QR payload of its pre-processing slip, when it has one.
    slip_code: str | None = None
    changes: Changes = NO_CHANGES


@dataclass(frozen=True)
class Done:
    """The outcome of a counter's action on a ticket; `ticket` is None when nothing waited."""

    ticket: str | None
    counter: int
    queue: str | None = None
    waited_s: float | None = None
    changes: Changes = NO_CHANGES


logger = logging.getLogger(__name__)

_Result = TypeVar("_Result", Issued, Done, AlertRecord)


@dataclass(frozen=True)
class Order:
    """A shift lead's order on the floor (open, pause, close a counter, change its
    queues): who gave it and from where, as the audit log names them."""

    staff_id: str
    source: str


@dataclass
class _Action:
    """One action's transaction, and what it touched so far."""

    session: Session
    hall: Hall
    settings: HallSettings
    now: dt.datetime
    tickets: set[str] = field(default_factory=set)
    counters: set[int] = field(default_factory=set)
    level: bool = False
    appointments: bool = False
    crowding: Crowding | None = None
    closed_day: bool = False  # this action closed the hall's previous business day

    def obey(self, order: Order | None, what: str, entry: str, **detail: object) -> None:
        """Check that a shift lead or an administrator gave `order` and audit it in this
        transaction; a clerk's own act at her counter (no order) passes unrecorded."""
        if order is None:
            return
        lead = find_clerk(self.session, self.hall, order.staff_id)
        require_role(lead, LEADS, what)
        audit.record(
            self.session,
            self.hall.id,
            entry,
            at=self.now,
            clerk_id=lead.id,
            source=order.source,
            **detail,
        )

    def done(self, result: _Result) -> _Result:
        """End the action: recompute and record the level, note what changed for the
        feed, and hand back `result` carrying it."""
        self.session.flush()
        before = self.hall.alert_level
        self.crowding = update_level(self.session, self.hall, self.settings, self.now)
        changes = Changes(
            frozenset(self.tickets),
            frozenset(self.counters),
            level=self.level or self.hall.alert_level != before,
            appointments=self.appointments,
        ).note(self.session, self.hall.id)
        return replace(result, changes=changes)


class HallService:
    """The actions of one hall on one store, timed by an injectable clock.

    A live hall is guarded by the real clock: an action dated past the real now (plus a
    small skew) or before the hall's latest recorded event is refused, so no program with
    a wrong clock moves the business day forward or writes history backwards. The real
    clock is the service's own when it is live (the windows, hallq acting now); a replay
    into a live store passes it as `real_clock`. A service timed by a clock of its own and
    no real clock (simulations and tests on scratch stores) is not guarded.
    """

    def __init__(
        self,
        store: Store,
        hall_code: str | None = None,
        clock: Clock | None = None,
        *,
        real_clock: Clock | None = None,
    ):
        self.store = store
        self.hall_code = hall_code
        self.clock = clock or clock_for(store)
        self.real_clock = real_clock or (self.clock if is_live(self.clock) else None)
        self.usual_days = UsualDays()

    def _checked_now(self) -> dt.datetime:
        """The action's time, refused when the real clock says it is yet to come."""
        now = self.clock.now()
        if self.real_clock is not None and (problem := check_time(now, self.real_clock.now())):
            raise Rejected(problem)
        return now

    def _not_before_latest_event(self, session: Session, hall: Hall, now: dt.datetime) -> None:
        """A guarded action never goes before what the hall has already recorded. Live
        clocks are read to the second on each PC, so they may differ by `CLOCKS_AGREE`."""
        if self.real_clock is None or hall.business_day is None:
            return
        latest = latest_event(session, hall, hall.business_day)
        leeway = CLOCKS_AGREE if is_live(self.clock) else dt.timedelta(0)
        if latest is not None and now + leeway < latest:
            raise Rejected(
                f"{now.isoformat()} is before the hall's latest event ({latest.isoformat()})"
            )

    @contextlib.contextmanager
    def _action(self) -> Iterator[_Action]:
        now = self._checked_now()
        with self.store.write() as session:
            hall = find_hall(session, self.hall_code, lock=True)
            action = _Action(session, hall, load_settings(session, hall.id), now)
            self._not_before_latest_event(session, hall, now)
            _roll_over_day(action)
            yield action
            assert action.crowding is not None, "an action ends with action.done(result)"
            session.flush()
            review = review_due(session, hall, now, action.crowding)
        if review:
            self._review_warnings(action, action.crowding)
        if action.closed_day:
            self._sign_day_close(action.now)

    def _sign_day_close(self, now: dt.datetime) -> None:
        """Once a day's close is committed, sign the hall's chain heads outside the store
        when a checkpoint folder and key are configured. The action is done whatever
        happens here: a checkpoint that cannot be written is logged, never raised."""
        from shared.archive.checkpoints import day_close_checkpoint

        try:
            with self.store.read() as session:
                day_close_checkpoint(session, find_hall(session, self.hall_code), now)
        except Rejected as reason:
            logger.warning("the day close's checkpoint was not signed: %s", reason)

    def _review_warnings(self, action: _Action, crowding: Crowding) -> None:
        """The early warning's review of the action just committed, in its own transaction
        (skipped, with no transaction, when the action's own transaction saw that the hall
        it left has no warning to raise or withdraw: `review_due`)."""
        with self.store.write() as session:
            hall = find_hall(session, self.hall_code, lock=True)
            wrote = review_warnings(
                session, hall, action.settings, action.now, crowding, self.usual_days
            )
            Changes(warnings=wrote).note(session, hall.id)

    # ----- the kiosk -----

    def issue(
        self,
        business: str,
        *,
        phone: str | None = None,
        tier: str | None = None,
        slip: Mapping[str, object] | None = None,
        green_channel: bool = False,
        on_issued: Callable[[Session, Ticket, dt.datetime], None] | None = None,
        tap: str | None = None,
    ) -> Issued:
        """A new ticket in the queue its tier and business lead to (the green channel when
        asked, as for a checked-in appointment). `on_issued` writes what belongs with the
        ticket in the same transaction; when it raises, nothing is issued. A `tap` already
        answered (a kiosk sending again what it never heard back) gets its ticket again."""
        with self._action() as action:
            session, hall = action.session, action.hall
            if tap is not None:
                earlier = session.scalar(
                    select(Ticket).where(Ticket.hall_id == hall.id, Ticket.tap == tap)
                )
                if earlier is not None:
                    return action.done(_issued_again(action, earlier))
            kind = find_business(session, hall, business)
            if phone is not None and not MOBILE.fullmatch(phone):
                raise Rejected(f"{phone!r} is not a mobile number (11 digits starting with 1)")
            if tier is not None:
                Tier.parse(tier, "tier")
            checked_slip = check_slip(kind, slip) if slip is not None else None
            tier = tier or _directory_tier(session, hall, phone)
            home = direct.get(session, Queue, kind.queue_id)
            assert home is not None
            letter = route(
                "vip" if green_channel else tier,
                home.letter,
                vip_queue=action.settings.vip_queue,
                group_queue=action.settings.group_queue,
            )
            queue = home if letter == home.letter else find_queue(session, hall, letter)
            ahead = direct.scalar(session, _WAITING_IN_QUEUE, {"hall": hall.id, "queue": queue.id})
            estimate = estimate_wait_s(session, hall, queue, action.settings, action.now)
            number = _next_number(session, queue, action.now.date())
            ticket = _insert_ticket(
                session,
                hall_id=hall.id,
                business_day=action.now.date(),
                code=ticket_code(letter, number),
                number=number,
                queue_id=queue.id,
                business_id=kind.id,
                tier=tier,
                phone=phone,
                slip=checked_slip,
                status=TicketStatus.WAITING,
                issued_at=action.now,
                waiting_since=action.now,
                tap=tap,
            )
            _log(session, ticket, "issued", action.now)
            action.tickets.add(ticket.code)
            if on_issued is not None:
                on_issued(session, ticket, action.now)
                action.appointments = True
            return action.done(
                Issued(
                    ticket.code,
                    letter,
                    int(ahead or 0),
                    tier,
                    kind.key,
                    action.now,
                    estimate,
                    _print_slip(session, hall, ticket) if checked_slip is not None else None,
                )
            )

    # ----- the counter: tickets -----

    def call(self, counter: int) -> Done:
        """Call the next ticket to an open counter with no ticket; None when none waits."""
        with self._action() as action:
            session, now = action.session, action.now
            desk = find_counter(session, action.hall, counter)
            if desk.state != "open":
                raise Rejected(
                    f"counter {counter} is {desk.state}; open or resume it to call",
                    "counter_not_calling",
                    counter=counter,
                )
            if (current := _called_code(session, desk)) is not None:
                raise Rejected(
                    f"counter {counter} is still serving {current}",
                    "counter_still_serving",
                    counter=counter,
                    ticket=current,
                )
            stint = _open_stint(session, desk)
            serves = tuple(stint.queues)
            policy = Policy(
                vip_queue=action.settings.vip_queue,
                ageing_cap=action.settings.ageing_cap,
                green_ratio=action.settings.green_ratio,
            )
            chosen = _transferred_to(session, desk, now) or choose_next(
                serves,
                _queue_heads(session, action.hall, serves, now),
                policy=policy,
                now=now,
                recent_calls=_recent_call_queues(session, desk, policy.green_ratio),
            )
            if chosen is None:
                return action.done(Done(None, counter))
            return action.done(_claim(action, desk, stint.clerk_id, chosen.ticket_id, chosen.queue))

    def call_ticket(self, counter: int, code: str, reason: str, *, source: str = "") -> Done:
        """Call one waiting ticket the clerk chose out of the calling order (a customer in
        need of priority care, a booked customer on time…), with the reason she gave. It
        must wait in a queue the counter serves now, or have been sent to this counter;
        the call is logged with its reason and audited."""
        why = CallReason.parse(reason, "reason for calling a chosen ticket")
        with self._action() as action:
            session, hall = action.session, action.hall
            desk = find_counter(session, hall, counter)
            if desk.state != "open":
                raise Rejected(
                    f"counter {counter} is {desk.state}; open or resume it to call",
                    "counter_not_calling",
                    counter=counter,
                )
            if (current := _current_ticket(session, desk)) is not None:
                raise Rejected(
                    f"counter {counter} is still serving {current.code}",
                    "counter_still_serving",
                    counter=counter,
                    ticket=current.code,
                )
            stint = _open_session(session, desk)
            ticket = session.scalars(
                select(Ticket).where(
                    Ticket.hall_id == hall.id,
                    Ticket.business_day == action.now.date(),
                    Ticket.code == code.strip().upper(),
                )
            ).first()
            if ticket is None or ticket.status != TicketStatus.WAITING:
                raise Rejected(f"{code} is not waiting today", "ticket_not_waiting", ticket=code)
            letter = session.scalar(select(Queue.letter).where(Queue.id == ticket.queue_id))
            assert letter is not None
            if ticket.for_counter_id is not None and ticket.for_counter_id != desk.id:
                raise Rejected(
                    f"{ticket.code} was sent to wait for another counter",
                    "ticket_for_another_counter",
                    ticket=ticket.code,
                )
            if ticket.for_counter_id is None and letter not in stint.queues:
                raise Rejected(
                    f"counter {counter} does not serve queue {letter} ({ticket.code})",
                    "counter_not_serving_queue",
                    counter=counter,
                    queue=letter,
                    ticket=ticket.code,
                )
            done = _claim(action, desk, stint.clerk_id, ticket.id, letter, why)
            record(
                session,
                hall.id,
                "ticket_chosen",
                at=action.now,
                clerk_id=stint.clerk_id,
                source=source or f"counter {counter}",
                ticket=ticket.code,
                counter=counter,
                reason=why.value,
            )
            return action.done(done)

    def recall(self, counter: int) -> Done:
        """Announce the counter's ticket again."""
        with self._action() as action:
            desk, ticket = self._serving(action, counter)
            _log(action.session, ticket, "recalled", action.now, desk, ticket.clerk_id)
            action.tickets.add(ticket.code)
            return action.done(Done(ticket.code, counter))

    def no_show(self, counter: int) -> Done:
        """The called customer did not come (过号)."""
        with self._action() as action:
            desk, ticket = self._serving(action, counter)
            ticket.status = TicketStatus.NO_SHOW
            _log(
                action.session,
                ticket,
                "no_show",
                action.now,
                desk,
                ticket.clerk_id,
                _since_call(ticket, action.now),
            )
            action.tickets.add(ticket.code)
            action.counters.add(counter)
            return action.done(Done(ticket.code, counter))

    def transfer(
        self, counter: int, queue: str | None = None, *, to_counter: int | None = None
    ) -> Done:
        """Send the called ticket to wait again, keeping its number: in another queue, or for
        one counter, which calls it before anything else (a colleague's specialist desk)."""
        with self._action() as action:
            session = action.session
            desk, ticket = self._serving(action, counter)
            if (queue is None) == (to_counter is None):
                raise Rejected("transfer to a queue or to a counter, one of the two")
            chosen_desk = None
            if to_counter is not None:
                chosen_desk = find_counter(session, action.hall, to_counter)
                if chosen_desk.id == desk.id:
                    raise Rejected(
                        f"{ticket.code} is already at counter {to_counter}",
                        "ticket_already_there",
                        ticket=ticket.code,
                        counter=to_counter,
                    )
                if chosen_desk.state == "closed":
                    raise Rejected(
                        f"counter {to_counter} is closed; choose an open counter",
                        "transfer_to_closed",
                        counter=to_counter,
                    )
                target = session.get(Queue, ticket.queue_id)
                assert target is not None
            else:
                assert queue is not None
                target = find_queue(session, action.hall, queue)
            handled = _since_call(ticket, action.now)
            ticket.status = TicketStatus.WAITING
            ticket.queue_id = target.id
            ticket.waiting_since = action.now
            ticket.for_counter_id = chosen_desk.id if chosen_desk is not None else None
            _log(session, ticket, "transferred", action.now, desk, ticket.clerk_id, handled)
            action.tickets.add(ticket.code)
            action.counters.add(counter)
            if to_counter is not None:
                action.counters.add(to_counter)
            return action.done(Done(ticket.code, counter, target.letter))

    def finish(
        self,
        counter: int,
        *,
        businesses: Sequence[str] = (),
        recommended: bool = False,
        accepted: bool = False,
        signed: bool = False,
        notes: str = "",
        fields: Mapping[str, Mapping[str, object]] | None = None,
        outcomes: Mapping[str, str] | None = None,
    ) -> Done:
        """Finish the called ticket, recording what was done (by default, the ticket's business)
        and, per business key in `fields`, the values of its transaction form, and in
        `outcomes` how each ended (completed unless said otherwise)."""
        with self._action() as action:
            session = action.session
            desk, ticket = self._serving(action, counter)
            if accepted and not recommended:
                raise Rejected("a service can only be accepted when it was recommended")
            if len(set(businesses)) != len(businesses):
                raise Rejected("each business done is recorded once")
            done = [find_business(session, action.hall, key) for key in businesses]
            if not done:
                asked = direct.get(session, Business, ticket.business_id)
                assert asked is not None
                done = [asked]
            values = fields or {}
            if unknown := set(values) - {kind.key for kind in done}:
                raise Rejected(f"form values for a business not done: {', '.join(sorted(unknown))}")
            ended = dict(outcomes or {})
            if unknown := set(ended) - {kind.key for kind in done}:
                raise Rejected(f"an outcome for a business not done: {', '.join(sorted(unknown))}")
            if wrong := sorted(set(ended.values()) - set(OUTCOMES)):
                raise Rejected(f"unknown outcome {wrong[0]!r}; use one of {', '.join(OUTCOMES)}")
            if len(notes) > MAX_NOTES:
                raise Rejected(f"notes are at most {MAX_NOTES} characters")
            # A campaign's offer on this ticket is a recommendation, and taken if accepted.
            made, taken = offer_made_on(session, ticket.id)
            recommended, accepted = recommended or made, accepted or taken
            handled = _since_call(ticket, action.now)
            assert ticket.clerk_id is not None
            records = [
                {
                    "hall_id": action.hall.id,
                    "ticket_id": ticket.id,
                    "business_id": kind.id,
                    "clerk_id": ticket.clerk_id,
                    "counter_id": desk.id,
                    "at": action.now,
                    "recommended": recommended,
                    "accepted": accepted,
                    "signed": signed,
                    "fields": check_form(kind, values[kind.key]) if kind.key in values else None,
                    "notes": notes,
                    "outcome": ended.get(kind.key, "completed"),
                }
                for kind in done
            ]
            direct.run(session, _FINISH, {"ticket": ticket.id, "now": action.now})
            if len(records) == 1:
                direct.run(session, _RECORD_TRANSACTION, records[0])
            else:
                session.connection().execute(_RECORD_TRANSACTION, records)
            _log(
                session,
                ticket,
                "finished",
                action.now,
                desk,
                ticket.clerk_id,
                handled,
                business=done[0],
            )
            action.tickets.add(ticket.code)
            action.counters.add(counter)
            return action.done(Done(ticket.code, counter))

    def rate(
        self,
        counter: int,
        rating: str,
        *,
        ticket: str | None = None,
        reason: str | None = None,
    ) -> Done:
        """The customer's rating of `ticket`, finished at this counter within the rating
        window, or (no ticket named: a replayed day) of the ticket last finished there. The
        clerk may meanwhile have called and served the next customer: the rating still goes
        to the visit it was asked for. A dissatisfied customer may say why (`reason`)."""
        if rating not in RATINGS:
            raise Rejected(f"unknown rating {rating!r}; use one of {', '.join(RATINGS)}")
        why = None
        if reason is not None:
            if rating != Satisfaction.DISSATISFIED:
                raise Rejected("a reason is given only with a dissatisfied rating")
            why = DissatisfiedReason.parse(reason, "reason for dissatisfaction")
        with self._action() as action:
            session = action.session
            desk = find_counter(session, action.hall, counter)
            # The latest finish event, not the latest finished_at: two finishes within one
            # second of the clock must still rate the one finished last.
            finishes = (
                select(Ticket)
                .join(TicketEvent, TicketEvent.ticket_id == Ticket.id)
                .where(TicketEvent.counter_id == desk.id, TicketEvent.kind == "finished")
            )
            if ticket is not None:
                finishes = finishes.where(
                    Ticket.hall_id == action.hall.id,
                    Ticket.business_day == action.now.date(),
                    Ticket.code == ticket,
                )
            rated = session.scalars(finishes.order_by(TicketEvent.id.desc()).limit(1)).first()
            if rated is None or rated.finished_at is None or rated.clerk_id is None:
                raise Rejected(
                    f"counter {counter} has no finished ticket to rate"
                    if ticket is None
                    else f"{ticket} was not finished at counter {counter} today"
                )
            if session.scalar(select(Rating.id).where(Rating.ticket_id == rated.id)) is not None:
                raise Rejected(f"{rated.code} is already rated", "already_rated", ticket=rated.code)
            _not_before(action.now, rated.finished_at, f"{rated.code} was finished")
            if ticket is not None and action.now - rated.finished_at > RATING_WINDOW:
                raise Rejected(
                    f"{rated.code} was finished more than {RATING_WINDOW_MIN} minutes ago;"
                    " its rating is closed"
                )
            session.add(
                Rating(
                    hall_id=action.hall.id,
                    ticket_id=rated.id,
                    clerk_id=rated.clerk_id,
                    at=action.now,
                    business_day=rated.business_day,
                    rating=rating,
                    reason=why,
                )
            )
            _log(session, rated, "rated", action.now, desk, rated.clerk_id)
            if rating == Satisfaction.DISSATISFIED:
                open_case_on(session, rated, CaseReason.DISSATISFIED, action.now)
            action.tickets.add(rated.code)
            return action.done(Done(rated.code, counter))

    # ----- the shift lead -----

    def acknowledge_alert(self, staff_id: str) -> AlertRecord:
        """A shift lead or administrator confirms they have seen the level rise: the rise
        `awaiting_acknowledgement` names among the changes of the clock's business day.

        Seeing changes nothing in the hall, so unlike the hall's actions this neither
        starts a new business day nor recomputes the level: before the day's first action
        the day has no change yet, and the last day's rise is over, not acknowledged late.
        """
        now = self._checked_now()
        with self.store.write() as session:
            hall = find_hall(session, self.hall_code, lock=True)
            lead = find_clerk(session, hall, staff_id)
            if lead.role not in ("lead", "admin"):
                raise Rejected(
                    "only a shift lead or an administrator acknowledges alerts", "lead_acknowledges"
                )
            _not_before_business_day(hall, now)
            rise = awaiting_acknowledgement(
                session.scalars(
                    select(AlertChange)
                    .where(AlertChange.hall_id == hall.id, AlertChange.business_day == now.date())
                    .order_by(AlertChange.id)
                ).all()
            )
            if rise is None:
                raise Rejected(
                    f"no rise of the alert level on {now.date()} waits to be acknowledged"
                )
            _not_before(now, rise.at, "the level rose")
            rise.acknowledged_by = lead.id
            rise.acknowledged_at = now
            changes = Changes(level=True).note(session, hall.id)
            return replace(alert_record(rise, lead.staff_id), changes=changes)

    def _serving(self, action: _Action, counter: int) -> tuple[Counter, Ticket]:
        desk = find_counter(action.session, action.hall, counter)
        ticket = _current_ticket(action.session, desk)
        if ticket is None:
            raise Rejected(
                f"counter {counter} has no called ticket", "counter_no_ticket", counter=counter
            )
        assert ticket.called_at is not None
        _not_before(action.now, ticket.called_at, f"{ticket.code} was called")
        return desk, ticket

    # ----- the counter: its sessions -----

    def open_counter(
        self,
        counter: int,
        clerk: str,
        queues: Sequence[str] | None = None,
        *,
        order: Order | None = None,
    ) -> Done:
        """A clerk opens a counter for service, on its configured queues unless told others
        (or a shift lead opens it for her, by `order`).

        The clerk whose session is still open there (their workstation died or restarted)
        signs back in to it as it stands: the result names the ticket still called to it,
        so no customer loses their place to a crash.
        """
        with self._action() as action:
            session = action.session
            action.obey(
                order,
                "open a counter for a clerk",
                "counter_opened",
                counter=counter,
                clerk=clerk,
                queues="".join(queues or ()),
            )
            desk = find_counter(session, action.hall, counter)
            staff = find_clerk(session, action.hall, clerk)
            if desk.state != "closed":
                # only the clerk herself signs back in to her open session; a lead's order
                # to open finds it already open
                if order is not None or _open_session(session, desk).clerk_id != staff.id:
                    raise Rejected(
                        f"counter {counter} is already {desk.state}",
                        "counter_already",
                        counter=counter,
                        state=desk.state,
                    )
                return action.done(Done(_called_code(session, desk), counter))
            elsewhere = session.scalars(
                select(Counter.number)
                .join(CounterSession, CounterSession.counter_id == Counter.id)
                .where(CounterSession.clerk_id == staff.id, CounterSession.closed_at.is_(None))
            ).first()
            if elsewhere is not None:
                raise Rejected(
                    f"clerk {clerk} is already at counter {elsewhere}",
                    "clerk_elsewhere",
                    staff=clerk,
                    counter=elsewhere,
                )
            letters = (
                list(desk.queues)
                if queues is None
                else _check_queue_list(session, action.hall, queues)
            )
            stint = CounterSession(
                hall_id=action.hall.id,
                counter_id=desk.id,
                clerk_id=staff.id,
                queues="".join(letters),
                opened_at=action.now,
            )
            session.add(stint)
            session.flush()
            desk.state = CounterState.OPEN
            _log_counter(session, desk, stint, "open", action.now)
            action.counters.add(counter)
            return action.done(Done(None, counter))

    def pause_counter(self, counter: int, reason: str = "", *, order: Order | None = None) -> Done:
        """Stop calling for a while (break, meeting…); paused time does not count as open."""
        return self._change_counter(
            counter, "pause", allowed=("open",), becomes="paused", reason=reason, order=order
        )

    def resume_counter(self, counter: int, *, order: Order | None = None) -> Done:
        return self._change_counter(
            counter, "resume", allowed=("paused",), becomes="open", order=order
        )

    def close_counter(self, counter: int, *, order: Order | None = None) -> Done:
        return self._change_counter(
            counter, "close", allowed=("open", "paused"), becomes="closed", order=order
        )

    def change_queues(self, counter: int, queues: Sequence[str], *, order: Order) -> Done:
        """A shift lead moves an open or paused counter onto other queues (the crowd is
        in another queue now); its next call follows the new list."""
        with self._action() as action:
            session = action.session
            action.obey(
                order,
                "change a counter's queues",
                "counter_queues_changed",
                counter=counter,
                queues="".join(queues),
            )
            desk = find_counter(session, action.hall, counter)
            if desk.state == CounterState.CLOSED:
                raise Rejected(f"counter {counter} is closed; open it on the queues it needs")
            letters = _check_queue_list(session, action.hall, queues)
            _open_session(session, desk).queues = "".join(letters)
            action.counters.add(counter)
            return action.done(Done(None, counter))

    def _change_counter(
        self,
        counter: int,
        kind: str,
        *,
        allowed: tuple[str, ...],
        becomes: str,
        reason: str = "",
        order: Order | None = None,
    ) -> Done:
        if reason:
            reason = PauseReason.parse(reason, "pause reason")
        with self._action() as action:
            session = action.session
            action.obey(
                order, f"{kind} a counter", f"counter_{kind}d", counter=counter, reason=reason
            )
            desk = find_counter(session, action.hall, counter)
            if desk.state not in allowed:
                raise Rejected(
                    f"counter {counter} is {desk.state}; cannot {kind}",
                    f"counter_cannot_{kind}",
                    counter=counter,
                    state=desk.state,
                )
            if (current := _called_code(session, desk)) is not None:
                raise Rejected(
                    f"counter {counter} is serving {current}; finish it first",
                    "counter_still_serving",
                    counter=counter,
                    ticket=current,
                )
            stint = _open_session(session, desk)
            last = session.scalar(
                select(func.max(CounterEvent.at)).where(CounterEvent.session_id == stint.id)
            )
            if last is not None:
                _not_before(action.now, last, f"counter {counter}'s last change was")
            desk.state = CounterState(becomes)
            if kind == "close":
                stint.closed_at = action.now
                # Tickets sent to this counter go back to their queue rather than wait forever.
                released = session.scalars(
                    update(Ticket)
                    .where(Ticket.for_counter_id == desk.id, Ticket.status == "waiting")
                    .values(for_counter_id=None)
                    .returning(Ticket.code)
                ).all()
                action.tickets.update(released)
            _log_counter(session, desk, stint, kind, action.now, reason)
            action.counters.add(counter)
            return action.done(Done(None, counter))


def _roll_over_day(action: _Action) -> None:
    """The first action of a new business day closes the hall's previous day first."""
    hall, now = action.hall, action.now
    today = now.date()
    _not_before_business_day(hall, now)
    if hall.business_day == today:
        return
    if hall.business_day is not None:
        _close_day(action, hall.business_day)
        action.closed_day = True
    hall.business_day = today


def _not_before_business_day(hall: Hall, now: dt.datetime) -> None:
    """A clock behind the hall's business day cannot act in it, nor in a day already closed."""
    if hall.business_day is not None and now.date() < hall.business_day:
        raise Rejected(f"{now.isoformat()} is before the hall's business day {hall.business_day}")


def _close_day(action: _Action, day: dt.date) -> None:
    """Tickets left waiting or called expire and counters left open close, as of the day's
    last recorded event: the day's figures stay as they were, the level falls back to 0 on
    that day's record, and the next day starts clean."""
    session, hall = action.session, action.hall
    end = latest_event(session, hall, day)
    if end is None:
        return
    leftovers = session.scalars(
        select(Ticket).where(
            Ticket.hall_id == hall.id,
            Ticket.status.in_(("waiting", "called")),
            Ticket.business_day <= day,
        )
    ).all()
    for ticket in leftovers:
        ticket.status = TicketStatus.EXPIRED
        _log(session, ticket, "expired", end)
        action.tickets.add(ticket.code)
    still_open = session.scalars(
        select(Counter).where(Counter.hall_id == hall.id, Counter.state != "closed")
    ).all()
    for desk in still_open:
        stint = _open_session(session, desk)
        stint.closed_at = end
        desk.state = CounterState.CLOSED
        _log_counter(session, desk, stint, "close", end, "day end")
        action.counters.add(desk.number)
    session.flush()
    before = hall.alert_level
    update_level(session, hall, action.settings, end)
    action.level = action.level or hall.alert_level != before


def _directory_tier(session: Session, hall: Hall, phone: str | None) -> str:
    if phone is None:
        return "normal"
    tier = session.scalar(
        select(Customer.tier).where(Customer.hall_id == hall.id, Customer.phone == phone)
    )
    return tier or "normal"


def _bump_statement(dialect: str) -> ReturningInsert[int]:
    """The upsert that takes a queue's next number of the day, in the dialect's own words."""
    insert = sqlite_insert if dialect == "sqlite" else postgresql_insert
    sequences = table_of(QueueSequence).c
    start = insert(table_of(QueueSequence)).values(
        queue_id=bindparam("queue", type_=Integer()),
        business_day=bindparam("day", type_=Date()),
        last_number=1,
    )
    return start.on_conflict_do_update(
        index_elements=[sequences.queue_id, sequences.business_day],
        set_={"last_number": sequences.last_number + 1},
    ).returning(sequences.last_number)


_BUMPS = {dialect: _bump_statement(dialect) for dialect in ("sqlite", "postgresql")}


def _insert_ticket(session: Session, **values: Any) -> Ticket:
    """Insert a new ticket as a plain row, without the ORM's flush, and hand it back as the
    session's own persistent object, so what is written with it (`on_issued`) sees it."""
    values["id"] = direct.scalar(session, _NEW_TICKET, values)
    ticket = Ticket(**values)
    make_transient_to_detached(ticket)
    session.add(ticket)
    return ticket


def _next_number(session: Session, queue: Queue, day: dt.date) -> int:
    """Bump the queue's sequence for the day: numbers never come from max+1 or a count."""
    bump = _BUMPS[session.get_bind().dialect.name]
    number = int(direct.scalar(session, bump, {"queue": queue.id, "day": day}))
    if number > MAX_NUMBER:
        raise Rejected(
            f"queue {queue.letter} has issued all {MAX_NUMBER} numbers for today",
            "queue_full",
            queue=queue.letter,
            numbers=MAX_NUMBER,
        )
    return number


def _check_queue_list(session: Session, hall: Hall, queues: Sequence[str]) -> list[str]:
    if not queues:
        raise Rejected("a counter must serve at least one queue")
    if len(set(queues)) != len(queues):
        raise Rejected("a queue is listed twice")
    return [find_queue(session, hall, letter).letter for letter in queues]


def _called_code(session: Session, desk: Counter) -> str | None:
    """The code of the ticket called to the counter, read as a plain value."""
    return direct.scalar(session, _CALLED_CODE, {"counter": desk.id})


def _current_ticket(session: Session, desk: Counter) -> Ticket | None:
    found = direct.instances(session, Ticket, _CALLED_TO, {"counter": desk.id})
    return found[0] if found else None


def _open_stint(session: Session, desk: Counter) -> Row[str, int]:
    """The counter's open session as a plain row, for a call, which only reads it."""
    row = direct.first(session, _OPEN_STINT_ROW, {"counter": desk.id})
    return _is_open(desk, row)


def _open_session(session: Session, desk: Counter) -> CounterSession:
    return _is_open(desk, session.scalars(_OPEN_STINT, {"counter": desk.id}).first())


_Stint = TypeVar("_Stint", CounterSession, Row[str, int])


def _is_open(desk: Counter, stint: _Stint | None) -> _Stint:
    if stint is None:
        raise Rejected(
            f"counter {desk.number} is not open", "counter_not_open", counter=desk.number
        )
    return stint


def _queue_heads(
    session: Session, hall: Hall, serves: Sequence[str], now: dt.datetime
) -> list[Waiting]:
    """The oldest waiting ticket (by waiting since, issued at, id) of each queue in
    `serves`: the calling rule chooses among these alone."""
    letters = sorted(set(serves))
    named = {f"q{place}": letter for place, letter in enumerate(letters)}
    rows = direct.run(session, _heads_for(len(letters)), {"hall": hall.id, "now": now, **named})
    return [Waiting(*row) for row in rows]


def _transferred_to(session: Session, desk: Counter, now: dt.datetime) -> Waiting | None:
    """The oldest ticket another counter sent to this one: it is called before the queues."""
    row = direct.first(session, _TRANSFERRED_TO, {"counter": desk.id, "now": now})
    return Waiting(*row) if row is not None else None


def _recent_call_queues(session: Session, desk: Counter, how_many: int) -> list[str]:
    if how_many <= 0:
        return []
    rows = direct.run(session, _RECENT_CALLS, {"counter": desk.id, "how_many": how_many})
    return [row[0] for row in rows]


def _claim(
    action: _Action,
    desk: Counter,
    clerk_id: int,
    ticket_id: int,
    queue: str,
    reason: CallReason | None = None,
) -> Done:
    """Call a ticket to the counter in one statement, which claims it only while it still
    waits and hands back what the call logs."""
    now = action.now
    ticket = direct.first(
        action.session,
        _CLAIM,
        {"ticket": ticket_id, "now": now, "counter": desk.id, "clerk": clerk_id},
    )
    if ticket is None:  # the hall lock makes this unreachable; never share a ticket
        raise Rejected("the ticket was called by another counter; call again", "called_elsewhere")
    waited = (now - ticket.waiting_since).total_seconds()
    _log(action.session, ticket, "called", now, desk, clerk_id, waited, reason=reason)
    action.tickets.add(ticket.code)
    action.counters.add(desk.number)
    return Done(ticket.code, desk.number, queue, waited)


def _since_call(ticket: Ticket, now: dt.datetime) -> float:
    assert ticket.called_at is not None
    return (now - ticket.called_at).total_seconds()


def _not_before(now: dt.datetime, earlier: dt.datetime, what: str) -> None:
    if now < earlier:
        raise Rejected(f"{now.isoformat()} is before the time {what} ({earlier.isoformat()})")


class _LoggedTicket(Protocol):
    """What an event of the ticket log records of its ticket (an ORM ticket or a plain row)."""

    @property
    def id(self) -> int: ...
    @property
    def hall_id(self) -> int: ...
    @property
    def business_day(self) -> dt.date: ...
    @property
    def queue_id(self) -> int: ...
    @property
    def business_id(self) -> int: ...


def _log(
    session: Session,
    ticket: _LoggedTicket,
    kind: str,
    at: dt.datetime,
    desk: Counter | None = None,
    clerk_id: int | None = None,
    seconds: float | None = None,
    *,
    business: Business | None = None,
    reason: CallReason | None = None,
) -> None:
    """Append to the ticket event log (a plain insert: the log is never read back here)."""
    direct.run(
        session,
        _TICKET_EVENT,
        {
            "hall_id": ticket.hall_id,
            "ticket_id": ticket.id,
            "at": at,
            "business_day": ticket.business_day,
            "kind": kind,
            "queue_id": ticket.queue_id,
            "business_id": business.id if business else ticket.business_id,
            "counter_id": desk.id if desk else None,
            "clerk_id": clerk_id,
            "seconds": seconds,
            "reason": reason,
        },
    )


def _log_counter(
    session: Session,
    desk: Counter,
    stint: CounterSession,
    kind: str,
    at: dt.datetime,
    reason: str = "",
) -> None:
    direct.run(
        session,
        _COUNTER_EVENT,
        {
            "hall_id": desk.hall_id,
            "session_id": stint.id,
            "counter_id": desk.id,
            "clerk_id": stint.clerk_id,
            "at": at,
            "business_day": at.date(),
            "kind": kind,
            "reason": reason,
        },
    )


def _issued_again(action: _Action, ticket: Ticket) -> Issued:
    """A ticket issued before, as its first answer said it: the people who were ahead of it
    then and the wait its queue had then are not kept, so both are as they stand now."""
    session, hall = action.session, action.hall
    queue = session.get(Queue, ticket.queue_id)
    business = session.get(Business, ticket.business_id)
    assert queue is not None and business is not None
    ahead = session.scalar(
        select(func.count()).where(
            Ticket.queue_id == queue.id, Ticket.status == "waiting", Ticket.id < ticket.id
        )
    )
    slip_id = session.scalar(select(Slip.id).where(Slip.ticket_id == ticket.id))
    code = (
        None if slip_id is None else slip_code(hall.secret, hall.code, slip_id, ticket.business_day)
    )
    return Issued(
        ticket.code,
        queue.letter,
        int(ahead or 0),
        ticket.tier,
        business.key,
        ticket.issued_at,
        estimate_wait_s(session, hall, queue, action.settings, action.now),
        code,
    )


def _print_slip(session: Session, hall: Hall, ticket: Ticket) -> str:
    """Record the ticket's slip and return the code its QR carries."""
    slip = Slip(
        hall_id=hall.id,
        ticket_id=ticket.id,
        business_day=ticket.business_day,
        created_at=ticket.issued_at,
    )
    session.add(slip)
    session.flush()
    return slip_code(hall.secret, hall.code, slip.id, ticket.business_day)
