"""The administrator's window in its language: roles, counter states, each setting's meaning
and bounds, and the refusals the core gives in English, where the window knows their form.

The meanings and bounds are written once, in shared/services/settings.py; the catalog tool
(shared/qt/catalogs.py) reads them from there."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from shared.services.settings import BARE_RANGE

CONTEXT = "AdminWords"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def role_words(role: str) -> str:
    return {
        "clerk": QCoreApplication.translate("AdminWords", "Clerk"),
        "lead": QCoreApplication.translate("AdminWords", "Shift lead"),
        "admin": QCoreApplication.translate("AdminWords", "Administrator"),
    }.get(role, role)


def state_words(state: str) -> str:
    return {
        "open": QCoreApplication.translate("AdminWords", "Open"),
        "paused": QCoreApplication.translate("AdminWords", "Paused"),
        "closed": QCoreApplication.translate("AdminWords", "Closed"),
    }.get(state, state)


def meaning_words(meaning: str) -> str:
    return _tr(meaning)


def bounds_words(bounds: str) -> str:
    """A setting's bounds; a bare range of whole numbers in the window's words."""
    if match := BARE_RANGE.fullmatch(bounds):
        return (
            QCoreApplication.translate("AdminWords", "%1 to %2")
            .replace("%1", match[1])
            .replace("%2", match[2])
        )
    if not bounds:
        return QCoreApplication.translate("AdminWords", "1 (yes) or 0 (no)")
    return _tr(bounds)


# Refusals whose form the window knows: pattern, words with %1.. for the groups.
_REASONS = (
    (re.compile(r"(\w+) must be from (-?[0-9]+) to (-?[0-9]+)"), "%1 must be from %2 to %3"),
    (
        re.compile(r"(\w+) must be (?:a|an) ([a-z ]+?)(?: in ASCII digits)?, not (.+)"),
        "%1 must be %2, not %3",
    ),
    (re.compile(r"unknown staff id or wrong PIN"), "Unknown staff ID or wrong PIN"),
    (
        re.compile(r"wrong PIN; (\S+) is locked for (\d+) minutes"),
        "Wrong PIN: %1 is now locked for %2 minutes",
    ),
    (re.compile(r"(\S+) is locked until (\S+) after wrong PINs"), "%1 is locked until %2"),
    (re.compile(r"only an administrator may [^;]+; (\S+) is a \w+"), "%1 is not an administrator"),
    (re.compile(r"(\S+) \((?:clerk|lead)\) may not .+"), "%1 is not an administrator"),
    (re.compile(r"a PIN is (\d+) to (\d+) digits"), "A PIN is %1 to %2 digits"),
    (
        re.compile(r"(\S+) is at counter (\d+); close it first"),
        "%1 is at counter %2; close it first",
    ),
    (re.compile(r"an administrator cannot disable themselves"), "You cannot disable yourself"),
    (
        re.compile(r"an administrator cannot change their own role"),
        "You cannot change your own role",
    ),
    (re.compile(r"staff id (\S+) is already taken"), "Staff ID %1 is already taken"),
    (re.compile(r"counter (\d+) already exists"), "Counter %1 already exists"),
    (re.compile(r"no queue '(\S+)' in hall .+"), "There is no queue %1"),
    (
        re.compile(r"a counter serves at least one queue, each listed once"),
        "A counter serves at least one queue, each listed once",
    ),
    (re.compile(r"(.+) is not on the \w+ list"), "%1 is not on this list"),
    (
        re.compile(r"a clerk's (staff id|name) is text of 1 to (\d+) characters"),
        "The staff ID and name are 1 to %2 characters",
    ),
    (
        re.compile(r"a device named (\S+) is already enrolled; revoke it first"),
        "A device named %1 is already enrolled; revoke it first",
    ),
    (
        re.compile(r"a device name is 1 to 40 lowercase letters, .+"),
        "A device name is 1 to 40 lowercase letters, digits and '-' (kiosk-1)",
    ),
)
_LIST_REFUSED = re.compile(r"(.+): (\d+) rows refused, nothing imported: (.+)")
_WORDS = (
    QT_TRANSLATE_NOOP("AdminWords", "%1 must be from %2 to %3"),
    QT_TRANSLATE_NOOP("AdminWords", "%1 must be %2, not %3"),
    QT_TRANSLATE_NOOP("AdminWords", "Unknown staff ID or wrong PIN"),
    QT_TRANSLATE_NOOP("AdminWords", "Wrong PIN: %1 is now locked for %2 minutes"),
    QT_TRANSLATE_NOOP("AdminWords", "%1 is locked until %2"),
    QT_TRANSLATE_NOOP("AdminWords", "%1 is not an administrator"),
    QT_TRANSLATE_NOOP("AdminWords", "A PIN is %1 to %2 digits"),
    QT_TRANSLATE_NOOP("AdminWords", "%1 is at counter %2; close it first"),
    QT_TRANSLATE_NOOP("AdminWords", "You cannot disable yourself"),
    QT_TRANSLATE_NOOP("AdminWords", "You cannot change your own role"),
    QT_TRANSLATE_NOOP("AdminWords", "Staff ID %1 is already taken"),
    QT_TRANSLATE_NOOP("AdminWords", "Counter %1 already exists"),
    QT_TRANSLATE_NOOP("AdminWords", "There is no queue %1"),
    QT_TRANSLATE_NOOP("AdminWords", "A counter serves at least one queue, each listed once"),
    QT_TRANSLATE_NOOP("AdminWords", "%1 is not on this list"),
    QT_TRANSLATE_NOOP("AdminWords", "%1: %2 lines refused, nothing imported: %3"),
    QT_TRANSLATE_NOOP("AdminWords", "The staff ID and name are 1 to %2 characters"),
    QT_TRANSLATE_NOOP("AdminWords", "A device named %1 is already enrolled; revoke it first"),
    QT_TRANSLATE_NOOP(
        "AdminWords", "A device name is 1 to 40 lowercase letters, digits and '-' (kiosk-1)"
    ),
    QT_TRANSLATE_NOOP("AdminWords", "whole number"),
    QT_TRANSLATE_NOOP("AdminWords", "number"),
)


# A refused list's rows (shared/rules/number_lists.py), each "line N: what".
_ROWS = (
    (
        re.compile(r"line (\d+): '(.*)' is not a mobile number"),
        "line %1: '%2' is not a mobile number",
    ),
    (re.compile(r"line (\d+): (\d+) repeats line (\d+)"), "line %1: %2 repeats line %3"),
    (
        re.compile(r"line (\d+): (\d+) columns; this list has at most (\d+)"),
        "line %1: %2 columns; this list has at most %3",
    ),
    (re.compile(r"line (\d+): (.+)"), "line %1: %2"),
)
_ROW_WORDS = (
    QT_TRANSLATE_NOOP("AdminWords", "line %1: '%2' is not a mobile number"),
    QT_TRANSLATE_NOOP("AdminWords", "line %1: %2 repeats line %3"),
    QT_TRANSLATE_NOOP("AdminWords", "line %1: %2 columns; this list has at most %3"),
    QT_TRANSLATE_NOOP("AdminWords", "line %1: %2"),
    QT_TRANSLATE_NOOP("AdminWords", " (and %1 more)"),
)
_MORE = re.compile(r"(.*) \(and (\d+) more\)")


def _said(words: str, groups: tuple[str, ...]) -> str:
    said = QCoreApplication.translate("AdminWords", words)
    for number, group in enumerate(groups, start=1):
        if group in ("whole number", "number"):
            group = QCoreApplication.translate("AdminWords", group)
        said = said.replace(f"%{number}", group)
    return said


def _rows_words(rows: str) -> str:
    """The refused rows of a list, each in the window's language where its form is known."""
    more = ""
    if match := _MORE.fullmatch(rows):
        rows, more = match[1], _said(" (and %1 more)", (match[2],))
    said = []
    for row in rows.split("; line "):
        row = row if row.startswith("line ") else f"line {row}"
        for pattern, words in _ROWS:
            if found := pattern.fullmatch(row):
                said.append(_said(words, found.groups()))
                break
    return "; ".join(said) + more


def reason_words(reason: str) -> str:
    """A refusal in the window's language where its form is known, else as the core said."""
    line = " ".join(reason.split())
    if match := _LIST_REFUSED.fullmatch(line):
        return _said(
            "%1: %2 lines refused, nothing imported: %3",
            (match[1], match[2], _rows_words(match[3])),
        )
    for pattern, words in _REASONS:
        if match := pattern.fullmatch(line):
            return _said(words, match.groups())
    return reason
