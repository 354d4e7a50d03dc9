"""The hall's stored codes (a pause's reason, a business's outcome, an incident's kind, a
case's reason, a dissatisfied customer's reason, an offer's outcome…) as a window shows
them: in its language, never the raw code. One name per code, the same in every window
(docs/rules.md, glossary). The words are in the shared catalog (assets/i18n/words_*.ts)
every program installs."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication

from shared.vocabulary import (
    CallbackOutcome,
    CallReason,
    CaseReason,
    CounterState,
    DissatisfiedReason,
    IncidentKind,
    NoOfferReason,
    OfferOutcome,
    Outcome,
    PauseReason,
    Satisfaction,
    Tier,
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Codes", text)


def _pause_reasons() -> dict[str, str]:
    return {
        PauseReason.BREAK: _tr("Break"),
        PauseReason.LUNCH: _tr("Lunch"),
        PauseReason.MEETING: _tr("Meeting"),
        PauseReason.TRAINING: _tr("Training"),
        PauseReason.OTHER: _tr("Other"),
    }


def _outcomes() -> dict[str, str]:
    return {
        Outcome.COMPLETED: _tr("Completed"),
        Outcome.FOLLOW_UP: _tr("Needs follow-up"),
        Outcome.CANCELLED: _tr("Cancelled by the customer"),
    }


def _incident_kinds() -> dict[str, str]:
    return {
        IncidentKind.PRINTER: _tr("Ticket printer fault"),
        IncidentKind.HELP_REQUESTED: _tr("Customer asked for help"),
    }


def _case_reasons() -> dict[str, str]:
    return {
        CaseReason.DISSATISFIED: _tr("Dissatisfied rating"),
        CaseReason.DECLINED_SIGNATURE: _tr("Declined to sign"),
        CaseReason.COMPLAINT: _tr("Complaint"),
    }


def _dissatisfied_reasons() -> dict[str, str]:
    return {
        DissatisfiedReason.LONG_WAIT: _tr("long wait"),
        DissatisfiedReason.SLOW_SERVICE: _tr("slow service"),
        DissatisfiedReason.ATTITUDE: _tr("manner"),
        DissatisfiedReason.NOT_SOLVED: _tr("not solved"),
        DissatisfiedReason.UNCLEAR: _tr("not explained"),
        DissatisfiedReason.OTHER: _tr("other"),
    }


def _offer_outcomes() -> dict[str, str]:
    return {
        OfferOutcome.OFFERED: _tr("Offered"),
        OfferOutcome.ACCEPTED: _tr("Accepted"),
        OfferOutcome.DECLINED: _tr("Declined"),
        OfferOutcome.NOT_OFFERED: _tr("Not offered"),
    }


def _no_offer_reasons() -> dict[str, str]:
    return {
        NoOfferReason.IN_A_HURRY: _tr("In a hurry"),
        NoOfferReason.UNSUITABLE: _tr("Not suitable"),
        NoOfferReason.ALREADY_HAS: _tr("Already has it"),
        NoOfferReason.UPSET: _tr("Upset or complaining"),
    }


def _callback_outcomes() -> dict[str, str]:
    return {
        CallbackOutcome.RESOLVED: _tr("Resolved"),
        CallbackOutcome.NOT_REACHED: _tr("Not reached"),
        CallbackOutcome.ESCALATED: _tr("Escalated"),
    }


def _call_reasons() -> dict[str, str]:
    return {
        CallReason.PRIORITY_CARE: _tr("Priority care (elderly, disabled, pregnant)"),
        CallReason.APPOINTMENT: _tr("Booked customer on time"),
        CallReason.RETURNED: _tr("Back with missing documents"),
        CallReason.LEAD_ASKED: _tr("Asked by the shift lead or floor guide"),
        CallReason.OTHER: _tr("Other reason"),
    }


def _satisfactions() -> dict[str, str]:
    return {
        Satisfaction.SATISFIED: _tr("Satisfied"),
        Satisfaction.NEUTRAL: _tr("Neutral"),
        Satisfaction.DISSATISFIED: _tr("Dissatisfied"),
    }


def _tiers() -> dict[str, str]:
    return {Tier.VIP: _tr("VIP"), Tier.GROUP: _tr("Group"), Tier.NORMAL: _tr("Normal")}


def _counter_states() -> dict[str, str]:
    return {
        CounterState.OPEN: _tr("open"),
        CounterState.PAUSED: _tr("paused"),
        CounterState.CLOSED: _tr("closed"),
    }


# Each set of codes by what it names: read anew at each call, so a language switch shows.
SETS: Mapping[str, Callable[[], dict[str, str]]] = {
    "pause_reason": _pause_reasons,
    "outcome": _outcomes,
    "incident_kind": _incident_kinds,
    "case_reason": _case_reasons,
    "dissatisfied_reason": _dissatisfied_reasons,
    "offer_outcome": _offer_outcomes,
    "no_offer_reason": _no_offer_reasons,
    "callback_outcome": _callback_outcomes,
    "call_reason": _call_reasons,
    "satisfaction": _satisfactions,
    "tier": _tiers,
    "counter_state": _counter_states,
}


def names(what: str) -> dict[str, str]:
    """Every code of the set `what` with its name in the window's language."""
    return SETS[what]()


def name(what: str, code: str | None) -> str:
    """The code's name in the window's language; an empty code is a dash. A code the set
    does not know (a stored word from before the set) is shown as stored."""
    if not code:
        return "—"
    return SETS[what]().get(code, code)
