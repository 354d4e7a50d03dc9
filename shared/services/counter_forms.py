"""A counter's paper on behalf of an actor the server proved: the slip its clerk scans, the
service form its customer reads, then signs or declines, and the archive its clerk
searches. Each checks the actor's grant
at that counter before it touches the store, and a form only of a ticket finished at that
counter, so a screen never shows or signs another counter's customer. A refused act writes
nothing."""

from __future__ import annotations

import datetime as dt

from shared.archive.forms import (
    ArchivedForm,
    FormHit,
    archive_form,
    open_form,
    preview_form,
    search_forms,
)
from shared.documents.service_form import FormContent
from shared.errors import Forbidden
from shared.rules.permissions import Actor, Permission, require
from shared.services.acts import HallActs
from shared.services.slip_use import SlipTaken, take_slip
from shared.store.lookup import find_hall


def take_slip_as(acts: HallActs, actor: Actor, counter: int, scanned: str) -> SlipTaken:
    """The clerk at `counter` scans the slip of the ticket she called."""
    require(actor, Permission.SERVE, counter)
    return take_slip(acts.store, acts.hall_code, counter, scanned, acts.clock)


def preview_form_as(acts: HallActs, actor: Actor, counter: int, ticket: str) -> FormContent:
    """Today's form of `ticket`, finished at `counter`, for its screens to show."""
    require(actor, Permission.READ_COUNTER, counter)
    content = preview_form(acts.store, acts.hall_code, ticket, acts.now().date())
    if content.counter != counter:
        raise Forbidden(f"ticket {ticket} was served at counter {content.counter}, not {counter}")
    return content


def archive_form_as(
    acts: HallActs,
    actor: Actor,
    counter: int,
    ticket: str,
    *,
    strokes: object,
    decline_reason: str,
) -> ArchivedForm:
    """The customer at `counter` signs (or declines) the form of the ticket just finished."""
    require(actor, Permission.RATE, counter)
    preview_form_as(acts, actor, counter, ticket)  # of this counter's customer, or refused
    return archive_form(
        acts.store,
        acts.hall_code,
        ticket,
        strokes=strokes,
        decline_reason=decline_reason,
        clock=acts.clock,
    )


def search_forms_as(
    acts: HallActs,
    actor: Actor,
    counter: int,
    *,
    phone: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    clerk: str | None = None,
    ticket: str | None = None,
) -> list[FormHit]:
    """The hall's archived forms, found by the clerk serving at `counter`."""
    require(actor, Permission.SERVE, counter)
    with acts.store.read() as session:
        return search_forms(
            session,
            find_hall(session, acts.hall_code),
            phone=phone,
            since=since,
            until=until,
            clerk=clerk,
            ticket=ticket,
        )


def open_form_as(acts: HallActs, actor: Actor, counter: int, sequence: int) -> bytes:
    """An archived form's PDF for the clerk at `counter`; the audit names her and the counter."""
    require(actor, Permission.SERVE, counter)
    return open_form(
        acts.store,
        acts.hall_code,
        sequence,
        clerk_id=actor.clerk_id,
        source=actor.source,
        clock=acts.clock,
    )
