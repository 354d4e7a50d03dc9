"""The archive of electronic service forms: each form's PDF is stored with its SHA-256,
and its record chained to the previous form's chain hash in the hall's own sequence.

chain_hash(n) = SHA-256(chain_hash(n-1) | n | record_sha256(n)), starting from 64 zeros;
the record covers the ticket, hall, counter, clerk, customer, businesses and outcomes,
signed or declined and why, the times and the PDF's hash (shared/rules/form_record.py). A
changed byte breaks form n's PDF hash; a removed form leaves a gap in the sequence; a
changed field, a swapped or reordered row breaks the chain from there on; each archiving
writes the chain's end to the audit log (which the store refuses to edit), so a chain
rewritten whole still differs from the ends it had. `verify_chain` names the first broken
form. Opening an archived PDF is recorded in the audit log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import secrets
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session, aliased

from shared.archive.heads import form_head
from shared.documents.service_form import (
    PRINTED_LINK,
    FormBusiness,
    FormContent,
    FormLine,
    FormPlace,
    render_form,
)
from shared.errors import Rejected
from shared.rules.form_record import CHAINED, GENESIS, chain_link, personal_digest, record_digest
from shared.rules.masking import mask_field, mask_phone
from shared.services import audit
from shared.services.cases import open_case_on
from shared.services.changes import NO_CHANGES, Changes
from shared.store.clock import Clock, clock_for
from shared.store.database import Store
from shared.store.lookup import find_clerk, find_hall
from shared.store.models import (
    AuditEntry,
    Business,
    Clerk,
    Counter,
    Hall,
    ServiceForm,
    Ticket,
    Transaction,
)
from shared.vocabulary import CaseReason, Outcome, TicketStatus

MAX_STROKES, MAX_POINTS = 200, 20_000
MAX_DECLINE = 200
SEARCH_LIMIT = 100
OUTCOME_NAMES = {
    Outcome.COMPLETED: ("已办结", "Completed"),
    Outcome.FOLLOW_UP: ("待跟进", "Needs follow-up"),
    Outcome.CANCELLED: ("客户取消", "Cancelled by the customer"),
}
OUTCOME_WORDS = {outcome: f"{zh} {en}" for outcome, (zh, en) in OUTCOME_NAMES.items()}


def outcome_line(outcome: Outcome) -> FormLine:
    """How a business ended: both languages on paper, one on each screen."""
    zh, en = OUTCOME_NAMES[outcome]
    return FormLine("办理结果", "Outcome", OUTCOME_WORDS[outcome], zh, en)


FORM_ARCHIVED = "form_archived"  # the audit action that records each chain end


def _done_per_ticket(
    session: Session, hall: Hall, ticket_id: int | None = None
) -> dict[int, list[tuple[str, str]]]:
    """(business key, outcome) of each archived form's ticket (or of the one ticket), in the
    order recorded."""
    done: dict[int, list[tuple[str, str]]] = defaultdict(list)
    tickets = (
        select(ServiceForm.ticket_id).where(ServiceForm.hall_id == hall.id)
        if ticket_id is None
        else select(Ticket.id).where(Ticket.id == ticket_id)
    )
    rows = session.execute(
        select(Transaction.ticket_id, Business.key, Transaction.outcome)
        .join(Business, Business.id == Transaction.business_id)
        .where(Transaction.ticket_id.in_(tickets))
        .order_by(Transaction.id)
    )
    for ticket_id, key, outcome in rows:
        done[ticket_id].append((key, outcome))
    return done


def _record_sha256(
    session: Session, hall: Hall, form: ServiceForm, done: list[tuple[str, str]]
) -> str:
    """The digest the form's chain link covers, from its row and what it refers to."""
    counter = session.get(Counter, form.counter_id)
    clerk = session.get(Clerk, form.clerk_id)
    return record_digest(
        hall=hall.code,
        sequence=form.sequence,
        ticket=form.ticket_code,
        business_day=form.business_day,
        counter=counter.number if counter else -1,
        clerk=clerk.staff_id if clerk else "",
        created_at=form.created_at,
        signed=form.signed,
        businesses=done,
        pdf_sha256=form.pdf_sha256,
        personal_sha256=form.personal_sha256 or "",
    )


def rechain(session: Session, hall: Hall) -> tuple[int, str]:
    """Chain every form of the hall again from its rows as they are; the last (sequence,
    chain hash). What an upgrade of the chain's format does, and what anyone who can write
    the store could do: the audit log's chain ends are what such a rewrite cannot match."""
    done = _done_per_ticket(session, hall)
    previous, sequence = GENESIS, 0
    for form in session.scalars(
        select(ServiceForm).where(ServiceForm.hall_id == hall.id).order_by(ServiceForm.sequence)
    ):
        form.chain_hash = chain_link(
            previous, form.sequence, _record_sha256(session, hall, form, done[form.ticket_id])
        )
        previous, sequence = form.chain_hash, form.sequence
    return sequence, previous


def form_content(session: Session, hall: Hall, ticket: Ticket) -> FormContent:
    """What the ticket's form says, from its recorded transactions; Rejected when none."""
    done = session.execute(
        select(Transaction, Business)
        .join(Business, Business.id == Transaction.business_id)
        .where(Transaction.ticket_id == ticket.id)
        .order_by(Transaction.id)
    ).all()
    if not done:
        raise Rejected(f"{ticket.code} has no recorded transaction; finish it first")
    first = done[0][0]
    clerk = session.get(Clerk, first.clerk_id)
    counter = session.get(Counter, first.counter_id)
    assert clerk is not None and counter is not None
    return FormContent(
        hall=hall.name,
        hall_en=hall.name_en,
        counter=counter.number,
        clerk=clerk.name,
        staff_id=clerk.staff_id,
        ticket=ticket.code,
        customer=mask_phone(ticket.phone),
        at=first.at,
        businesses=tuple(
            _business_part(business, row.fields or {}, row.outcome) for row, business in done
        ),
        recommended=first.recommended,
        accepted=first.accepted,
        notes=first.notes,
    )


def _business_part(business: Business, values: dict[str, object], outcome: Outcome) -> FormBusiness:
    entered = tuple(
        FormLine(
            field.label,
            field.label_en,
            mask_field(field.kind, values[field.key]),
            value_en=field.choice_en(str(values[field.key])) if field.choices else "",
        )
        for field in business.form_definition
        if str(values.get(field.key, "")).strip()
    )
    ended = outcome_line(outcome)
    return FormBusiness(
        business.name, business.name_en, (*entered, ended), business.terms, business.terms_en
    )


def finished_ticket(session: Session, hall: Hall, code: str, day: dt.date) -> Ticket:
    ticket = session.scalars(
        select(Ticket).where(
            Ticket.hall_id == hall.id, Ticket.business_day == day, Ticket.code == code
        )
    ).first()
    if ticket is None:
        raise Rejected(f"no ticket {code} on {day:%Y-%m-%d}")
    if ticket.status != TicketStatus.FINISHED:
        raise Rejected(f"{code} is {ticket.status}; a form is made once the ticket is finished")
    return ticket


def next_place(session: Session, hall: Hall) -> FormPlace:
    """Where the hall's next form goes in its chain: after its last form, or first."""
    sequence, previous = form_head(session, hall)
    return FormPlace(sequence + 1, previous)


def preview_form(store: Store, hall_code: str | None, code: str, day: dt.date) -> FormContent:
    """The form a finished ticket would get, for the customer to read before signing."""
    with store.read() as session:
        hall = find_hall(session, hall_code)
        return form_content(session, hall, finished_ticket(session, hall, code, day))


def check_strokes(strokes: object) -> list[list[list[float]]]:
    """The strokes as stored, or Rejected: each point is [x, y, ms, pressure 0..1]."""
    if not isinstance(strokes, list) or not strokes or len(strokes) > MAX_STROKES:
        raise Rejected(f"a signature is 1 to {MAX_STROKES} pen strokes")
    kept: list[list[list[float]]] = []
    for stroke in strokes:
        if not isinstance(stroke, list) or not stroke:
            raise Rejected("each pen stroke has at least one point")
        points = []
        for point in stroke:
            if (
                not isinstance(point, (list, tuple))
                or len(point) != 4
                or not all(isinstance(v, (int, float)) and math.isfinite(v) for v in point)
            ):
                raise Rejected("each signature point is [x, y, milliseconds, pressure]")
            if not 0 <= point[3] <= 1:
                raise Rejected("a pen pressure is between 0 and 1")
            points.append([float(v) for v in point])
        kept.append(points)
    if sum(map(len, kept)) > MAX_POINTS:
        raise Rejected(f"a signature has at most {MAX_POINTS} points")
    return kept


@dataclass(frozen=True)
class ArchivedForm:
    sequence: int
    ticket: str
    signed: bool
    pdf_sha256: str
    chain_hash: str


def archive_form(
    store: Store,
    hall_code: str | None,
    code: str,
    *,
    strokes: object = None,
    decline_reason: str = "",
    clock: Clock | None = None,
) -> ArchivedForm:
    """Render and archive today's finished ticket's form, signed or declined, as the next
    link of the hall's chain; a signed form marks the ticket's transactions signed."""
    now = (clock or clock_for(store)).now()
    reason = decline_reason.strip()
    if strokes is None:
        if not reason or len(reason) > MAX_DECLINE:
            raise Rejected(f"a declined form needs a reason of 1 to {MAX_DECLINE} characters")
        kept = None
    elif reason:
        raise Rejected("a form is either signed or declined, not both")
    else:
        kept = check_strokes(strokes)
    return _archive(store, hall_code, code, now, kept, reason)


def archive_replayed_form(
    store: Store, hall_code: str | None, code: str, clock: Clock
) -> ArchivedForm:
    """Archive the form of a finish replayed as signed: signed, with no pen strokes (none
    were drawn), so the archive holds a form for every signed finish the figures count."""
    return _archive(store, hall_code, code, clock.now(), None, "", replayed=True)


def _archive(
    store: Store,
    hall_code: str | None,
    code: str,
    now: dt.datetime,
    kept: list[list[list[float]]] | None,
    reason: str,
    *,
    replayed: bool = False,
) -> ArchivedForm:
    """Render the form and chain it after the hall's last one, in one write."""
    signed = kept is not None or replayed
    with store.read() as session:
        hall = find_hall(session, hall_code)
        content = form_content(session, hall, finished_ticket(session, hall, code, now.date()))
        expected = next_place(session, hall)
    # Rendered before the write, so the hall waits for no drawing; again inside it only when
    # another form took the place meanwhile.
    pdf = render_form(content, kept, reason, replayed=replayed, place=expected)
    with store.write() as session:
        hall = find_hall(session, hall_code, lock=True)
        Changes(forms=True).note(session, hall.id)
        ticket = finished_ticket(session, hall, code, now.date())
        if session.scalar(select(ServiceForm.id).where(ServiceForm.ticket_id == ticket.id)):
            raise Rejected(f"{code} already has an archived service form")
        place = next_place(session, hall)
        if place != expected:
            pdf = render_form(content, kept, reason, replayed=replayed, place=place)
        digest = hashlib.sha256(pdf).hexdigest()
        sequence = place.sequence
        assert ticket.clerk_id is not None and ticket.counter_id is not None
        salt = secrets.token_hex(16)
        form = ServiceForm(
            hall_id=hall.id,
            sequence=sequence,
            ticket_id=ticket.id,
            ticket_code=ticket.code,
            clerk_id=ticket.clerk_id,
            counter_id=ticket.counter_id,
            phone=ticket.phone,
            created_at=now,
            business_day=ticket.business_day,
            signed=signed,
            decline_reason=reason,
            strokes=kept,
            pdf=pdf,
            pdf_sha256=digest,
            chain_hash="",
            record_salt=salt,
            personal_sha256=personal_digest(salt, ticket.phone, reason, kept),
        )
        session.add(form)
        session.flush()
        done = _done_per_ticket(session, hall, ticket.id)[ticket.id]
        chain = chain_link(
            place.previous_link,
            sequence,
            _record_sha256(session, hall, form, done),
        )
        form.chain_hash = chain
        if signed:
            session.execute(
                update(Transaction).where(Transaction.ticket_id == ticket.id).values(signed=True)
            )
        else:
            open_case_on(session, ticket, CaseReason.DECLINED_SIGNATURE, now)
        # The chain's end, kept where nothing can be edited: without it, removing the newest
        # forms would leave a shorter chain that still verifies.
        audit.record(
            session,
            hall.id,
            FORM_ARCHIVED,
            at=now,
            clerk_id=ticket.clerk_id,
            source="replay" if replayed else "counter",
            sequence=sequence,
            chain_hash=chain,
            chained=CHAINED,
        )
        return ArchivedForm(sequence, ticket.code, signed, digest, chain)


def redact_form(session: Session, hall: Hall, form: ServiceForm, now: dt.datetime) -> None:
    """Replace an archived form's PDF by one without personal details (no customer, no
    entered fields, notes, signature or reason: what was done, by whom, when and how it
    ended stays), and erase the row's personal fields. The chain keeps the original PDF's
    hash; the redacted PDF's own hash and the time are recorded beside it."""
    done = session.execute(
        select(Transaction, Business)
        .join(Business, Business.id == Transaction.business_id)
        .where(Transaction.ticket_id == form.ticket_id)
        .order_by(Transaction.id)
    ).all()
    clerk = session.get(Clerk, form.clerk_id)
    counter = session.get(Counter, form.counter_id)
    assert clerk is not None and counter is not None
    first = done[0][0] if done else None
    content = FormContent(
        hall=hall.name,
        hall_en=hall.name_en,
        counter=counter.number,
        clerk=clerk.name,
        staff_id=clerk.staff_id,
        ticket=form.ticket_code,
        customer="",
        at=first.at if first else form.created_at,
        businesses=tuple(
            FormBusiness(
                business.name,
                business.name_en,
                (outcome_line(row.outcome),),
                business.terms,
                business.terms_en,
            )
            for row, business in done
        ),
        recommended=first.recommended if first else False,
        accepted=first.accepted if first else False,
        notes="",
    )
    previous = session.scalar(
        select(ServiceForm.chain_hash).where(
            ServiceForm.hall_id == hall.id, ServiceForm.sequence == form.sequence - 1
        )
    )
    place = FormPlace(form.sequence, previous or GENESIS)
    pdf = render_form(content, None, redacted=(form.signed, now), place=place)
    form.pdf = pdf
    form.redacted_pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    form.redacted_at = now
    form.phone = None
    form.strokes = None
    form.decline_reason = ""
    form.record_salt = None  # the personal digest stays in the chain, past anyone's reading


@dataclass(frozen=True)
class ChainCheck:
    forms: int
    broken_at: int | None = None
    problem: str = ""
    # (sequence, when) of each form the retention purge redacted
    redacted: tuple[tuple[int, dt.datetime], ...] = ()

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify_chain(
    session: Session, hall: Hall, signed_ends: Sequence[tuple[int, str, str]] = ()
) -> ChainCheck:
    """Walk the hall's forms in sequence; the first one whose link does not hold, and why.
    `signed_ends` are chain ends kept outside the store (sequence, chain hash, what signed
    it): the chain must still hold each."""
    done = _done_per_ticket(session, hall)
    forms = session.scalars(
        select(ServiceForm)
        .where(ServiceForm.hall_id == hall.id)
        .order_by(ServiceForm.sequence)
        .execution_options(yield_per=500)
    )
    previous, expected, count = GENESIS, 1, 0
    chains: dict[int, str] = {}
    redacted: list[tuple[int, dt.datetime]] = []
    for form in forms:
        sequence = form.sequence
        if sequence != expected:
            return ChainCheck(count, expected, f"form #{expected} is missing (next is #{sequence})")
        if form.redacted_at is not None:
            redacted.append((sequence, form.redacted_at))
        held = form.pdf_sha256 if form.redacted_at is None else form.redacted_pdf_sha256
        if hashlib.sha256(form.pdf).hexdigest() != held:
            return ChainCheck(count, sequence, f"form #{sequence}: its PDF was changed")
        if form.record_salt is not None:
            personal = personal_digest(
                form.record_salt, form.phone, form.decline_reason, form.strokes
            )
            if personal != form.personal_sha256:
                return ChainCheck(
                    count, sequence, f"form #{sequence}: its customer, signature or reason changed"
                )
        elif form.redacted_at is None:
            return ChainCheck(
                count, sequence, f"form #{sequence}: its personal fields were erased unredacted"
            )
        record = _record_sha256(session, hall, form, done[form.ticket_id])
        if chain_link(previous, sequence, record) != form.chain_hash:
            return ChainCheck(
                count,
                sequence,
                f"form #{sequence}: its chain hash does not follow form #{sequence - 1} "
                "(changed, removed or reordered)",
            )
        chains[sequence] = form.chain_hash
        previous, expected, count = form.chain_hash, expected + 1, count + 1
        session.expunge(form)  # a long archive is walked, not kept
    end = _check_chain_ends(session, hall, count, chains)
    for sequence, chain_hash, signer in sorted(signed_ends):
        if not end.intact:
            break
        if sequence > count:
            end = ChainCheck(
                count, count + 1, f"form #{count + 1} is missing ({signer} signed #{sequence})"
            )
        elif chains.get(sequence) != chain_hash:
            end = ChainCheck(
                count, sequence, f"form #{sequence}: it is not the form {signer} signed"
            )
    return replace(end, redacted=tuple(redacted))


def _check_chain_ends(
    session: Session, hall: Hall, count: int, chains: dict[int, str]
) -> ChainCheck:
    """Every chain end the audit log saw archived must be there, each with the hash it had
    (ends written before records were chained name only their form), and no form may come
    after the newest end."""
    anchors = session.scalars(
        select(AuditEntry.detail).where(
            AuditEntry.hall_id == hall.id, AuditEntry.action == FORM_ARCHIVED
        )
    ).all()
    ends = sorted(
        (int(anchor["sequence"]), anchor.get("chained") == CHAINED, str(anchor["chain_hash"]))  # type: ignore[call-overload]
        for anchor in anchors
    )
    for sequence, checked, chain_hash in ends:
        if sequence > count:
            return ChainCheck(
                count, count + 1, f"form #{count + 1} is missing (#{sequence} was archived)"
            )
        if checked and chains.get(sequence) != chain_hash:
            return ChainCheck(
                count, sequence, f"form #{sequence}: it is not the form that was archived"
            )
    if ends and ends[-1][0] < count:
        newest = ends[-1][0]
        return ChainCheck(count, newest + 1, f"form #{newest + 1} was never recorded as archived")
    return ChainCheck(count)


@dataclass(frozen=True)
class FormHit:
    sequence: int
    created_at: dt.datetime
    ticket: str
    staff_id: str
    clerk: str
    counter: int
    customer: str  # masked
    signed: bool
    decline_reason: str
    # The first hex digits of the chain hash before this form's, as printed on its paper.
    previous_link: str = ""

    def as_json(self) -> dict[str, object]:
        return {**self.__dict__, "created_at": self.created_at.isoformat(timespec="seconds")}


def search_forms(
    session: Session,
    hall: Hall,
    *,
    phone: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    clerk: str | None = None,
    ticket: str | None = None,
    limit: int = SEARCH_LIMIT,
) -> list[FormHit]:
    """The newest forms matching every criterion given (dates inclusive), at most `limit`."""
    before = aliased(ServiceForm)
    query = (
        select(
            ServiceForm.sequence,
            ServiceForm.created_at,
            ServiceForm.ticket_code,
            Clerk.staff_id,
            Clerk.name,
            Counter.number,
            ServiceForm.phone,
            ServiceForm.signed,
            ServiceForm.decline_reason,
            before.chain_hash.label("previous_link"),
        )
        .join(Clerk, Clerk.id == ServiceForm.clerk_id)
        .join(Counter, Counter.id == ServiceForm.counter_id)
        .outerjoin(
            before,
            and_(
                before.hall_id == ServiceForm.hall_id,
                before.sequence == ServiceForm.sequence - 1,
            ),
        )
        .where(ServiceForm.hall_id == hall.id)
    )
    if phone:
        query = query.where(ServiceForm.phone == phone.strip())
    # A form is made on its ticket's day: the range on created_at lets the mobile and clerk
    # indexes answer alone; on its own, the range is the business-day index's to answer.
    narrowed = bool(phone or clerk or ticket)
    if since is not None:
        query = query.where(ServiceForm.created_at >= dt.datetime.combine(since, dt.time()))
        if not narrowed:
            query = query.where(ServiceForm.business_day >= since)
    if until is not None:
        after = dt.datetime.combine(until + dt.timedelta(days=1), dt.time())
        query = query.where(ServiceForm.created_at < after)
        if not narrowed:
            query = query.where(ServiceForm.business_day <= until)
    if clerk:
        query = query.where(ServiceForm.clerk_id == find_clerk(session, hall, clerk.strip()).id)
    if ticket:
        query = query.where(ServiceForm.ticket_code == ticket.strip().upper())
    rows = session.execute(
        query.order_by(ServiceForm.created_at.desc(), ServiceForm.id.desc()).limit(limit)
    ).all()
    return [
        FormHit(
            *row[:6],
            mask_phone(row.phone),
            row.signed,
            row.decline_reason,
            (row.previous_link or GENESIS)[:PRINTED_LINK],
        )
        for row in rows
    ]


def open_form(
    store: Store,
    hall_code: str | None,
    sequence: int,
    *,
    clerk_id: int | None,
    source: str,
    clock: Clock | None = None,
) -> bytes:
    """An archived form's PDF; the viewing is recorded in the audit log with it."""
    now = (clock or clock_for(store)).now()
    with store.write() as session:
        hall = find_hall(session, hall_code)
        NO_CHANGES.note(session, hall.id)  # only the audit log, which no window follows
        pdf = session.scalar(
            select(ServiceForm.pdf).where(
                ServiceForm.hall_id == hall.id, ServiceForm.sequence == sequence
            )
        )
        if pdf is None:
            raise Rejected(f"no service form #{sequence} in hall {hall.code}")
        audit.record(
            session, hall.id, "form_viewed", at=now, clerk_id=clerk_id, source=source, form=sequence
        )
        return bytes(pdf)
