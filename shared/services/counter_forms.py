"""A counter's paper on behalf of an actor the server proved: the slip its clerk scans, and
the service form its customer reads, then signs or declines. Each checks the actor's grant
at that counter before it touches the store, and a form only of a ticket finished at that
counter, so a screen never shows or signs another counter's customer. A refused act writes
nothing."""

from __future__ import annotations

from shared.archive.forms import ArchivedForm, archive_form, preview_form
from shared.documents.service_form import FormContent
from shared.errors import Forbidden
from shared.rules.permissions import Actor, Permission, require
from shared.services.acts import HallActs
from shared.services.slip_use import SlipTaken, take_slip


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
