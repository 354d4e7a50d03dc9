"""The administrator's window in its language: roles, counter states, each setting's meaning
and bounds (refusals are said by their codes, in shared/qt/refusals.py).

The meanings and bounds are written once, in shared/services/settings.py; the catalog tool
(shared/qt/catalogs.py) reads them from there."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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
