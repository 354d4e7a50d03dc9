"""The hall's fixed words: what the store may hold in its status, state, kind, role, tier,
rating, outcome and class columns. Each set is a StrEnum, so a member is its own stored
text; the store's CHECK constraints refuse anything else (migration 0004).

No store and no Qt here: the pure rules, the store and the programs all share these.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from shared.errors import Rejected


class Vocabulary(StrEnum):
    """A fixed set of words; `parse` turns outside input into a member or a one-line refusal."""

    @classmethod
    def words(cls) -> str:
        """The set as a person reads it: "vip, group, normal"."""
        return ", ".join(cls)

    @classmethod
    def parse(cls, value: object, what: str) -> Self:
        for member in cls:
            if member == value:
                return member
        raise Rejected(f"unknown {what} {value!r}; use one of {cls.words()}")


class TicketStatus(Vocabulary):
    """Where a ticket stands now."""

    WAITING = "waiting"
    CALLED = "called"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    EXPIRED = "expired"


class TicketEventKind(Vocabulary):
    """What happened to a ticket, in the append-only ticket log."""

    ISSUED = "issued"
    CALLED = "called"
    RECALLED = "recalled"
    NO_SHOW = "no_show"
    TRANSFERRED = "transferred"
    FINISHED = "finished"
    RATED = "rated"
    EXPIRED = "expired"


class CounterState(Vocabulary):
    OPEN = "open"
    PAUSED = "paused"
    CLOSED = "closed"


class CounterEventKind(Vocabulary):
    """What a clerk did with a counter, in the append-only counter log."""

    OPEN = "open"
    PAUSE = "pause"
    RESUME = "resume"
    CLOSE = "close"


class PauseReason(Vocabulary):
    """Why a counter paused; a pause may also give none ("")."""

    BREAK = "break"
    LUNCH = "lunch"
    MEETING = "meeting"
    TRAINING = "training"
    OTHER = "other"


class Role(Vocabulary):
    """What a member of staff may do: leads and admins see everyone's figures."""

    CLERK = "clerk"
    LEAD = "lead"
    ADMIN = "admin"


class DeviceKind(Vocabulary):
    """An enrolled device of the hall, which acts only as its kind allows."""

    KIOSK = "kiosk"
    BOARD = "board"
    CUSTOMER_SCREEN = "customer_screen"


class Tier(Vocabulary):
    """The customer directory's tiers: VIPs go to the green channel, groups to the group desk."""

    VIP = "vip"
    GROUP = "group"
    NORMAL = "normal"


class BusinessClass(Vocabulary):
    """The class of a business, which sets the queue it waits in and its usual length."""

    ROUTINE = "routine"
    LONG = "long"
    HANDSET = "handset"
    GROUP = "group"


class Outcome(Vocabulary):
    """How one business of a visit ended."""

    COMPLETED = "completed"
    FOLLOW_UP = "follow_up"  # more is needed: documents, a second visit
    CANCELLED = "cancelled"


class Satisfaction(Vocabulary):
    """The customer's rating of a finished ticket."""

    SATISFIED = "satisfied"
    NEUTRAL = "neutral"
    DISSATISFIED = "dissatisfied"


class DissatisfiedReason(Vocabulary):
    """Why a customer was not satisfied, chosen on the customer screen after 不满意."""

    LONG_WAIT = "long_wait"  # waited too long for the call
    SLOW_SERVICE = "slow_service"  # the service itself took too long
    ATTITUDE = "attitude"  # the clerk's manner
    NOT_SOLVED = "not_solved"  # the problem is not solved
    UNCLEAR = "unclear"  # fees, terms or the outcome not explained clearly
    OTHER = "other"


class CallReason(Vocabulary):
    """Why a clerk called a chosen waiting ticket out of the calling order."""

    PRIORITY_CARE = "priority_care"  # elderly, disabled, pregnant or with a small child
    APPOINTMENT = "appointment"  # a booked customer at the booked time
    RETURNED = "returned"  # back with the documents a first visit lacked
    LEAD_ASKED = "lead_asked"  # the shift lead or floor guide asked for it
    OTHER = "other"


class IncidentKind(Vocabulary):
    """Faults the shift lead is shown."""

    PRINTER = "printer"
    HELP_REQUESTED = "help_requested"  # a customer at a kiosk asked for the floor staff


class FieldKind(Vocabulary):
    """The kind of a slip or form field: sets the kiosk's keypad, the check and the masking."""

    TEXT = "text"
    NAME = "name"
    MOBILE = "mobile"
    RESIDENT_ID = "resident_id"
    CHOICE = "choice"


class SpecialList(Vocabulary):
    """The hall's special lists (特殊名单): customers no campaign is offered to."""

    BLACKLIST = "blacklist"  # 黑名单
    GREYLIST = "greylist"  # 灰名单
    DO_NOT_DISTURB = "do_not_disturb"  # 免打扰: asked not to be marketed to
    SENSITIVE_COMPLAINT = "sensitive_complaint"  # 敏感投诉名单


class OfferOutcome(Vocabulary):
    """What the clerk recorded of a campaign's offer to the customer in front of her."""

    OFFERED = "offered"  # made; the customer will think about it
    ACCEPTED = "accepted"  # taken: a transaction of the offer's business on the ticket
    DECLINED = "declined"
    NOT_OFFERED = "not_offered"  # the clerk did not make it, for a reason below


# The outcomes of an offer the clerk made (not_offered aside).
OFFERS_MADE = (OfferOutcome.OFFERED, OfferOutcome.ACCEPTED, OfferOutcome.DECLINED)


class NoOfferReason(Vocabulary):
    """Why a clerk did not make the offer shown to her."""

    IN_A_HURRY = "in_a_hurry"  # the customer had no time
    UNSUITABLE = "unsuitable"  # the offer does not fit this customer
    ALREADY_HAS = "already_has"  # the customer already has it
    UPSET = "upset"  # the customer came upset or to complain


class CaseReason(Vocabulary):
    """What opened a complaint case (投诉)."""

    DISSATISFIED = "dissatisfied"  # a 不满意 rating
    DECLINED_SIGNATURE = "declined_signature"  # the customer refused to sign the form
    COMPLAINT = "complaint"  # logged by the clerk or the shift lead


class ScoreEntryKind(Vocabulary):
    """A part of the performance sheet the shift lead enters by hand (docs/rules.md)."""

    MYSTERY = "mystery"  # a mystery-shopper check (神秘顾客) of service quality
    TEAMWORK = "teamwork"  # the month's teamwork mark (团队协作)
    LEARNING = "learning"  # the month's training and morning meetings (学习成长)


class CallbackOutcome(Vocabulary):
    """How a call-back (回访) to the customer of a case went."""

    RESOLVED = "resolved"
    NOT_REACHED = "not_reached"
    ESCALATED = "escalated"
