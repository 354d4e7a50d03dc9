"""What each crowding level means, said once for customers (the board) and once for the
shift lead (the monitor, with docs/rules.md's actions), and the announcement of a call."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from counter.screen.speech import spoken_ticket
from shared.vocabulary import CounterState

translate = QCoreApplication.translate

# Banner backgrounds under white text, each at least 4.5:1 (WCAG AA).
LEVEL_COLOURS = {0: "#2e7d4f", 1: "#9a5200", 2: "#b3261e"}


def customer_words(level: int) -> str:
    """Plain words for the public board: what is happening and what a customer can do."""
    if level == 2:
        return translate(
            "Levels",
            "Very busy. Top-up, bills and bill queries: please use the self-service kiosk or "
            "the app. Non-urgent business may have to wait.",
        )
    if level == 1:
        return translate(
            "Levels",
            "Busy. Top-up, bills and bill queries are quicker at the self-service kiosk or "
            "in the app.",
        )
    return translate("Levels", "Welcome. Please wait for your number to be called.")


def level_title(level: int) -> str:
    if level == 2:
        return translate("Levels", "Level 2 alert")
    if level == 1:
        return translate("Levels", "Level 1 alert")
    return translate("Levels", "Normal")


def level_text(level: object) -> str:
    """A table cell's level (the column holds the number, for sorting)."""
    return level_title(level if isinstance(level, int) else 0)


def lead_actions(level: int) -> str:
    """What the hall does at the level (docs/rules.md, two-level crowding alert)."""
    if level == 2:
        return translate(
            "Levels",
            "All of level 1, and: open every counter, call in back-up staff, restrict "
            "non-urgent business.",
        )
    if level == 1:
        return translate(
            "Levels",
            "Forced diversion: guides steer simple business to self-service and e-channels; "
            "open standby counters.",
        )
    return translate("Levels", "Routine diversion; no action needed.")


def counter_state(state: str) -> str:
    if state == CounterState.OPEN:
        return translate("Levels", "open")
    if state == CounterState.PAUSED:
        return translate("Levels", "paused")
    return translate("Levels", "closed")


def announcement(ticket: str, counter: int) -> str:
    """Spoken in Mandarin whatever the screen's language: the hall's customers hear Chinese,
    the ticket digit by digit as halls call it."""
    return f"请 {spoken_ticket(ticket)} 号到 {counter} 号窗口"


def expected_wait(seconds: float | None) -> str:
    """The board's wait for a queue, in whole minutes rounded up; a dash when no open
    counter serves it (no honest figure then)."""
    if seconds is None:
        return "—"
    minutes = max(1, math.ceil(seconds / 60))
    return translate("Levels", "~%1 min").replace("%1", str(minutes))
