"""The one error a rejected action raises; its message is fit to show the person who asked.

A refusal a window shows may also carry a `code` (a word such as "pin_locked") and its
`params` (the staff id, the minutes…): the window says it in its own language from these
(shared/qt/refusals.py) and falls back to the English message for a refusal without one."""

from __future__ import annotations


class Rejected(Exception):
    """An action or input was refused. Nothing was written."""

    def __init__(self, message: str, code: str | None = None, **params: object) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.params = {name: str(value) for name, value in params.items()}


class NotSignedIn(Rejected):
    """No credentials, or credentials the server does not know, has revoked or let expire."""


class Forbidden(Rejected):
    """A known person or device asked for an act its role or kind does not allow."""
