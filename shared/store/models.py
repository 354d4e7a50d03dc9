"""The store's tables. Rows only, no behaviour: the rules live in the service modules.

Every row belongs to one hall, so one database can hold a whole city's halls. Times are
naive local datetimes: the hall's wall clock, or the replayed event's time.
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from shared.field_definitions import FieldDefinition, parse_fields
from shared.vocabulary import (
    BusinessClass,
    CallbackOutcome,
    CallReason,
    CaseReason,
    CounterEventKind,
    CounterState,
    DeviceKind,
    DissatisfiedReason,
    IncidentKind,
    NoOfferReason,
    OfferOutcome,
    Outcome,
    Role,
    Satisfaction,
    ScoreEntryKind,
    SpecialList,
    TicketEventKind,
    TicketStatus,
    Tier,
    Vocabulary,
)


class Base(DeclarativeBase):
    pass


def one_of(vocabulary: type[Vocabulary], length: int, check: str) -> Enum:
    """A column holding one of the hall's fixed words: loaded as the StrEnum member, and
    refused by the store (the CHECK constraint `check`) when outside the set."""
    return Enum(
        vocabulary,
        length=length,
        native_enum=False,
        create_constraint=True,
        name=check,
        values_callable=lambda members: [member.value for member in members],
    )


class Hall(Base):
    __tablename__ = "halls"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    name_en: Mapped[str] = mapped_column(String(100), default="")
    # The business day of the hall's latest action; when an action falls on a later day,
    # the tickets still waiting from before are expired (see hall.py).
    business_day: Mapped[dt.date | None] = mapped_column(Date)
    alert_level: Mapped[int] = mapped_column(Integer, default=0)
    # The key of the HMAC on slip QR codes: the counter trusts a slip only if it carries it.
    secret: Mapped[str] = mapped_column(String(64), default=lambda: secrets.token_hex(32))


class Setting(Base):
    """One hall setting (thresholds, margin, norms, calling policy) as a JSON value."""

    __tablename__ = "settings"

    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[object] = mapped_column(JSON)


class Queue(Base):
    __tablename__ = "queues"
    __table_args__ = (UniqueConstraint("hall_id", "letter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    letter: Mapped[str] = mapped_column(String(1))
    name: Mapped[str] = mapped_column(String(50))
    name_en: Mapped[str] = mapped_column(String(50), default="")
    # The wait the hall promises in this queue; calls within it count toward the service level.
    target_wait_s: Mapped[int] = mapped_column(Integer, default=900)


class Business(Base):
    """A kind of business a customer comes for, with the queue its class goes to."""

    __tablename__ = "businesses"
    __table_args__ = (UniqueConstraint("hall_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    key: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(50))
    name_en: Mapped[str] = mapped_column(String(50), default="")
    business_class: Mapped[BusinessClass] = mapped_column(
        one_of(BusinessClass, 16, "ck_businesses_business_class")
    )
    queue_id: Mapped[int] = mapped_column(ForeignKey("queues.id"))
    self_service: Mapped[bool] = mapped_column(Boolean, default=False)
    # The slip's fields for this business: a list of {"key", "label", "label_en", "kind", ...}
    # as the hall definition gives them; read them as `slip_definition`.
    slip_fields: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    # The clerk's transaction form for this business, in the same shape as slip_fields.
    form_fields: Mapped[list[dict[str, object]]] = mapped_column(JSON, default=list)
    # The terms printed on the service form for this business (Chinese, English).
    terms: Mapped[str] = mapped_column(Text, default="")
    terms_en: Mapped[str] = mapped_column(Text, default="")

    @property
    def slip_definition(self) -> tuple[FieldDefinition, ...]:
        """The fields a customer fills in on this business's slip, in order."""
        return parse_fields(self.slip_fields or [], f"business {self.key} slip field")

    @property
    def form_definition(self) -> tuple[FieldDefinition, ...]:
        """The fields of the clerk's transaction form for this business, in order."""
        return parse_fields(self.form_fields or [], f"business {self.key} form field")


class Customer(Base):
    """The customer directory: who gets the green channel or the group desk."""

    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("hall_id", "phone"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    phone: Mapped[str] = mapped_column(String(20))
    tier: Mapped[Tier] = mapped_column(one_of(Tier, 10, "ck_customers_tier"))
    name: Mapped[str] = mapped_column(String(50), default="")


class Clerk(Base):
    __tablename__ = "clerks"
    __table_args__ = (UniqueConstraint("hall_id", "staff_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    staff_id: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[Role] = mapped_column(one_of(Role, 10, "ck_clerks_role"), default=Role.CLERK)
    pin_hash: Mapped[str | None] = mapped_column(String(200))
    # Wrong PINs in a row, and until when the staff id is locked after too many.
    failed_pins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The clerk's portrait for the customer screen (PNG or JPEG, from the hall definition).
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)


class Counter(Base):
    """A counter (台席) and, as a cache of its session events, its state right now.

    Its clerk is the open session's; its ticket is the one called to it (status `called`).
    """

    __tablename__ = "counters"
    __table_args__ = (UniqueConstraint("hall_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(50), default="")
    # Configured queue letters in calling order, e.g. "VAB".
    queues: Mapped[str] = mapped_column(String(26))
    state: Mapped[CounterState] = mapped_column(
        one_of(CounterState, 10, "ck_counters_state"), default=CounterState.CLOSED
    )


class CounterSession(Base):
    """A clerk's stint at a counter, from open to close, with the queues it served."""

    __tablename__ = "counter_sessions"
    __table_args__ = (Index("ix_counter_sessions_open", "counter_id", "closed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    queues: Mapped[str] = mapped_column(String(26))
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class CounterEvent(Base):
    """Append-only: open, pause (with reason), resume, close. Utilisation is rebuilt from these."""

    __tablename__ = "counter_events"
    # Ends with the time: the day's latest counter event is the last entry of its range.
    __table_args__ = (Index("ix_counter_events_hall_day", "hall_id", "business_day", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    session_id: Mapped[int] = mapped_column(ForeignKey("counter_sessions.id"))
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    business_day: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[CounterEventKind] = mapped_column(
        one_of(CounterEventKind, 10, "ck_counter_events_kind")
    )
    reason: Mapped[str] = mapped_column(String(100), default="")


class QueueSequence(Base):
    """The last number issued in a queue on a day; bumped in the issuing transaction."""

    __tablename__ = "queue_sequences"

    queue_id: Mapped[int] = mapped_column(ForeignKey("queues.id"), primary_key=True)
    business_day: Mapped[dt.date] = mapped_column(Date, primary_key=True)
    last_number: Mapped[int] = mapped_column(Integer)


class Ticket(Base):
    """A queue ticket and, as a cache of its events, where it stands now."""

    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("hall_id", "business_day", "code"),
        UniqueConstraint("hall_id", "tap", name="uq_tickets_hall_id_tap"),
        # A queue's waiting tickets in the order they are called: a counter finds each
        # queue's first ticket without reading the rest.
        Index("ix_tickets_waiting", "hall_id", "status", "queue_id", "waiting_since", "issued_at"),
        Index("ix_tickets_phone", "hall_id", "phone"),
        Index("ix_tickets_counter", "counter_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    business_day: Mapped[dt.date] = mapped_column(Date)
    code: Mapped[str] = mapped_column(String(8))  # "A001": issue queue letter + number
    number: Mapped[int] = mapped_column(Integer)
    queue_id: Mapped[int] = mapped_column(ForeignKey("queues.id"))  # where it waits now
    business_id: Mapped[int] = mapped_column(ForeignKey("businesses.id"))
    tier: Mapped[Tier] = mapped_column(one_of(Tier, 10, "ck_tickets_tier"))
    phone: Mapped[str | None] = mapped_column(String(20))
    slip: Mapped[dict[str, object] | None] = mapped_column(JSON)
    status: Mapped[TicketStatus] = mapped_column(one_of(TicketStatus, 10, "ck_tickets_status"))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    waiting_since: Mapped[dt.datetime] = mapped_column(DateTime)
    called_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # Set while a ticket transferred to one counter waits for that counter alone.
    for_counter_id: Mapped[int | None] = mapped_column(
        ForeignKey("counters.id", name="fk_tickets_for_counter_id_counters")
    )
    # Set when the retention purge has erased the ticket's personal fields.
    purged_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The kiosk tap that asked for the ticket: the same tap sent again gets this ticket.
    tap: Mapped[str | None] = mapped_column(String(40))


class TicketEvent(Base):
    """Append-only log of every change of a ticket's state: the truth figures come from.

    `seconds` is the interval the event closes, fixed when it is written: for a call, the
    wait since the ticket started waiting; for a finish, no-show or transfer, the time
    since the call.
    """

    __tablename__ = "ticket_events"
    __table_args__ = (
        # Ends with the time: the day's latest event of a kind is the last of its range.
        Index("ix_ticket_events_hall_day_kind", "hall_id", "business_day", "kind", "at"),
        Index("ix_ticket_events_ticket", "ticket_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    business_day: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[TicketEventKind] = mapped_column(
        one_of(TicketEventKind, 12, "ck_ticket_events_kind")
    )
    queue_id: Mapped[int] = mapped_column(ForeignKey("queues.id"))
    business_id: Mapped[int] = mapped_column(ForeignKey("businesses.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    seconds: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[CallReason | None] = mapped_column(
        one_of(CallReason, 20, "ck_ticket_events_reason")
    )


class Transaction(Base):
    """What the clerk recorded as done for a ticket; a ticket may have several."""

    __tablename__ = "transactions"
    __table_args__ = (Index("ix_transactions_ticket", "ticket_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    business_id: Mapped[int] = mapped_column(ForeignKey("businesses.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    recommended: Mapped[bool] = mapped_column(Boolean, default=False)
    accepted: Mapped[bool] = mapped_column(Boolean, default=False)
    signed: Mapped[bool] = mapped_column(Boolean, default=False)
    fields: Mapped[dict[str, object] | None] = mapped_column(JSON)
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[Outcome] = mapped_column(
        one_of(Outcome, 12, "ck_transactions_outcome"),
        default=Outcome.COMPLETED,
        server_default=Outcome.COMPLETED.value,
    )


class Rating(Base):
    """The customer's rating of one finished ticket, credited to the clerk who finished it."""

    __tablename__ = "ratings"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    business_day: Mapped[dt.date] = mapped_column(Date)
    rating: Mapped[Satisfaction] = mapped_column(one_of(Satisfaction, 12, "ck_ratings_rating"))
    # Why, when the customer was not satisfied and chose a reason.
    reason: Mapped[DissatisfiedReason | None] = mapped_column(
        one_of(DissatisfiedReason, 20, "ck_ratings_reason")
    )


class AlertChange(Base):
    """One change of the crowding level, with the counts behind it and who acknowledged it."""

    __tablename__ = "alert_changes"
    __table_args__ = (Index("ix_alert_changes_hall_day", "hall_id", "business_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    business_day: Mapped[dt.date] = mapped_column(Date)
    level: Mapped[int] = mapped_column(Integer)
    previous_level: Mapped[int] = mapped_column(Integer)
    waiting: Mapped[int] = mapped_column(Integer)
    open_counters: Mapped[int] = mapped_column(Integer)
    acknowledged_by: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Appointment(Base):
    """A booking made by phone (电话预约), checked in at the kiosk with its code."""

    __tablename__ = "appointments"
    __table_args__ = (UniqueConstraint("hall_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    code: Mapped[str] = mapped_column(String(12))
    phone: Mapped[str] = mapped_column(String(20))
    business_id: Mapped[int] = mapped_column(ForeignKey("businesses.id"))
    business_day: Mapped[dt.date] = mapped_column(Date)
    slot_start: Mapped[dt.datetime] = mapped_column(DateTime)
    slot_end: Mapped[dt.datetime] = mapped_column(DateTime)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    checked_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Slip(Base):
    """A printed pre-processing slip: its QR names this row, and a counter may use it once."""

    __tablename__ = "slips"

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), unique=True)
    business_day: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    used_by: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))


class ServiceForm(Base):
    """An archived electronic service form (电子签单) and its link in the hall's hash chain.

    `chain_hash` is SHA-256 over the previous form's chain hash, this form's sequence number
    and its record (shared/rules/form_record.py), so a changed, removed or reordered form
    breaks every later link.
    """

    __tablename__ = "service_forms"
    __table_args__ = (
        UniqueConstraint("hall_id", "sequence"),
        Index("ix_service_forms_phone", "hall_id", "phone", "created_at"),
        Index("ix_service_forms_day", "hall_id", "business_day"),
        Index("ix_service_forms_clerk", "hall_id", "clerk_id", "created_at"),
        Index("ix_service_forms_ticket", "hall_id", "ticket_code", "business_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    sequence: Mapped[int] = mapped_column(Integer)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    ticket_code: Mapped[str] = mapped_column(String(8))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    phone: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    business_day: Mapped[dt.date] = mapped_column(Date)
    signed: Mapped[bool] = mapped_column(Boolean, default=False)
    decline_reason: Mapped[str] = mapped_column(String(200), default="")
    # Pen strokes: a list of strokes, each a list of [x, y, milliseconds, pressure].
    strokes: Mapped[list[list[list[float]]] | None] = mapped_column(JSON(none_as_null=True))
    pdf: Mapped[bytes] = mapped_column(LargeBinary)
    pdf_sha256: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64))
    # Set by the retention purge, which replaces the PDF by one without personal details:
    # the chain keeps the original's hash, the redacted PDF is checked against this one.
    redacted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    redacted_pdf_sha256: Mapped[str | None] = mapped_column(String(64))
    # The digest of the personal fields the chained record covers, and its random salt
    # (erased by the purge with the fields: see shared/rules/form_record.py).
    record_salt: Mapped[str | None] = mapped_column(String(64))
    personal_sha256: Mapped[str | None] = mapped_column(String(64))


class AuditEntry(Base):
    """Append-only record of a sensitive act; triggers in the store refuse edits and deletes."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_hall_at", "hall_id", "at"),
        Index("ux_audit_log_hall_sequence", "hall_id", "sequence", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    # sign_in, sign_in_failed, locked_out, settings_changed, export, form_viewed, purge, ...
    action: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(40), default="")  # "counter 3", "cli", "kiosk"
    detail: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    # The entry's place in the hall's chain and its link (shared/rules/audit_record.py);
    # NULL only on an entry written past hallq, which the chain's check names.
    sequence: Mapped[int | None] = mapped_column(Integer)
    chain_hash: Mapped[str | None] = mapped_column(String(64))


class Incident(Base):
    """A fault the shift lead should see, such as a kiosk printer out of paper."""

    __tablename__ = "incidents"
    __table_args__ = (Index("ix_incidents_hall_day", "hall_id", "business_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    business_day: Mapped[dt.date] = mapped_column(Date)
    source: Mapped[str] = mapped_column(String(40))
    kind: Mapped[IncidentKind] = mapped_column(one_of(IncidentKind, 20, "ck_incidents_kind"))
    message: Mapped[str] = mapped_column(Text)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class BoardNotice(Base):
    """A line the shift lead writes for the calling board; the newest one shows (an empty
    text takes the notice down). Kept, not overwritten: who said what and when stays known."""

    __tablename__ = "board_notices"
    __table_args__ = (Index("ix_board_notices_hall", "hall_id", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    text: Mapped[str] = mapped_column(String(120))
    posted_at: Mapped[dt.datetime] = mapped_column(DateTime)
    posted_by: Mapped[int] = mapped_column(ForeignKey("clerks.id"))


class EarlyWarning(Base):
    """A prediction that the crowding level will reach `level` at `expected_at` (预警)."""

    __tablename__ = "early_warnings"
    __table_args__ = (Index("ix_early_warnings_hall_day", "hall_id", "business_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    business_day: Mapped[dt.date] = mapped_column(Date)
    level: Mapped[int] = mapped_column(Integer)
    expected_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Counters that would need to open now to keep the level at 0.
    more_counters: Mapped[int] = mapped_column(Integer)
    arrivals_per_hour: Mapped[float] = mapped_column(Float)
    services_per_hour: Mapped[float] = mapped_column(Float)
    withdrawn_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The chance of the level within the horizon when it was raised (None before 0014).
    chance: Mapped[float | None] = mapped_column(Float)


class ChangeCounter(Base):
    """How many writes changed a kind of thing in a hall (tickets, counters, level…; see
    CHANGE_KINDS): bumped in the writing transaction, so a window's change feed on SQLite
    tells which kinds moved since it last looked."""

    __tablename__ = "change_counters"

    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)


class Device(Base):
    """An enrolled kiosk, board or customer screen. Its key is shown once at enrolment;
    only the key's SHA-256 is kept (a 256-bit random key needs no slow hash)."""

    __tablename__ = "devices"
    __table_args__ = (UniqueConstraint("hall_id", "name"), UniqueConstraint("key_hash"))

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    name: Mapped[str] = mapped_column(String(40))
    kind: Mapped[DeviceKind] = mapped_column(one_of(DeviceKind, 16, "ck_devices_kind"))
    # The counter a customer screen faces; None for kiosks and boards.
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    key_hash: Mapped[str] = mapped_column(String(64))
    enrolled_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class StaffSession(Base):
    """A member of staff signed in through the server: a bearer token (kept as its SHA-256)
    that expires, can be revoked, and is bound to the counter she signed in at."""

    __tablename__ = "staff_sessions"
    __table_args__ = (UniqueConstraint("token_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    counter_id: Mapped[int | None] = mapped_column(ForeignKey("counters.id"))
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"))
    token_hash: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class Campaign(Base):
    """A marketing campaign run through the hall (营销活动): its offer is one of the hall's
    businesses, offered to its target customers from `starts_on` to `ends_on`."""

    __tablename__ = "campaigns"
    __table_args__ = (UniqueConstraint("hall_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    name: Mapped[str] = mapped_column(String(60))
    business_id: Mapped[int] = mapped_column(ForeignKey("businesses.id"))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # What one accepted offer brings in, in whole yuan (its feedback's revenue); 0 unknown.
    value: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class CampaignTarget(Base):
    """One target customer of a campaign (客户群), with the segment and the clerk's script
    line (话术) the target list gave."""

    __tablename__ = "campaign_targets"
    __table_args__ = (
        UniqueConstraint("campaign_id", "phone"),
        Index("ix_campaign_targets_phone", "hall_id", "phone"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"))
    phone: Mapped[str] = mapped_column(String(20))
    segment: Mapped[str] = mapped_column(String(40), default="")
    script: Mapped[str] = mapped_column(String(200), default="")


class SpecialListEntry(Base):
    """A number on one of the hall's special lists; who imported it is in the audit log."""

    __tablename__ = "special_list_entries"
    __table_args__ = (
        UniqueConstraint("hall_id", "kind", "phone"),
        Index("ix_special_list_entries_phone", "hall_id", "phone"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    kind: Mapped[SpecialList] = mapped_column(
        one_of(SpecialList, 20, "ck_special_list_entries_kind")
    )
    phone: Mapped[str] = mapped_column(String(20))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)


class Offer(Base):
    """What the clerk recorded of one campaign's offer on one ticket; an accepted offer
    points at the transaction it became."""

    __tablename__ = "offers"
    __table_args__ = (
        UniqueConstraint("ticket_id", "campaign_id"),
        Index("ix_offers_phone", "hall_id", "phone", "at"),
        Index("ix_offers_campaign", "campaign_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    counter_id: Mapped[int] = mapped_column(ForeignKey("counters.id"))
    phone: Mapped[str] = mapped_column(String(20))
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    business_day: Mapped[dt.date] = mapped_column(Date)
    outcome: Mapped[OfferOutcome] = mapped_column(one_of(OfferOutcome, 12, "ck_offers_outcome"))
    reason: Mapped[NoOfferReason | None] = mapped_column(
        one_of(NoOfferReason, 12, "ck_offers_reason")
    )
    transaction_id: Mapped[int | None] = mapped_column(ForeignKey("transactions.id"))


class Case(Base):
    """A complaint case (投诉) on a ticket, credited to the clerk who served it, and its
    call-back (回访): assigned by the shift lead, its outcome recorded, then closed."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("ticket_id", "reason"),
        Index("ix_cases_hall_opened", "hall_id", "opened_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    reason: Mapped[CaseReason] = mapped_column(one_of(CaseReason, 20, "ck_cases_reason"))
    note: Mapped[str] = mapped_column(String(200), default="")
    opened_at: Mapped[dt.datetime] = mapped_column(DateTime)
    opened_by: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    callback_by: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))
    assigned_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    called_back_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    callback_outcome: Mapped[CallbackOutcome | None] = mapped_column(
        one_of(CallbackOutcome, 12, "ck_cases_callback_outcome")
    )
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))


class FlagAcknowledgement(Base):
    """The shift lead has seen that the customer of a ticket is on a flagged special list
    (敏感投诉): who and when. The flag itself is read from the ticket and the list."""

    __tablename__ = "flag_acknowledgements"
    __table_args__ = (UniqueConstraint("ticket_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"))
    kind: Mapped[SpecialList] = mapped_column(
        one_of(SpecialList, 20, "ck_flag_acknowledgements_kind")
    )
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    clerk_id: Mapped[int | None] = mapped_column(ForeignKey("clerks.id"))


class ScoreEntry(Base):
    """What the shift lead entered by hand for a clerk's month of the performance sheet: a
    mystery-shopper check (its day, items checked and points of 100), the teamwork mark (of
    100), or the learning record (trainings attended, morning meetings attended of held),
    and who entered it when."""

    __tablename__ = "score_entries"
    __table_args__ = (Index("ix_score_entries_month", "hall_id", "month", "clerk_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hall_id: Mapped[int] = mapped_column(ForeignKey("halls.id"))
    clerk_id: Mapped[int] = mapped_column(ForeignKey("clerks.id"))
    month: Mapped[str] = mapped_column(String(7))
    kind: Mapped[ScoreEntryKind] = mapped_column(
        one_of(ScoreEntryKind, 10, "ck_score_entries_kind")
    )
    day: Mapped[dt.date | None] = mapped_column(Date)
    items: Mapped[int | None] = mapped_column(Integer)
    points: Mapped[float | None] = mapped_column(Float)
    trainings: Mapped[int | None] = mapped_column(Integer)
    meetings_attended: Mapped[int | None] = mapped_column(Integer)
    meetings_held: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(200), default="")
    entered_by: Mapped[str] = mapped_column(String(60))
    entered_at: Mapped[dt.datetime] = mapped_column(DateTime)
