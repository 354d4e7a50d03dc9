"""The workstation's sign-in page: the staff programs' form (counter/sign_in.py) for a
clerk at this counter. A refusal (wrong PIN, locked id) is shown in the window's language
from its code (shared/qt/refusals.py), with how long a lock lasts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal

from counter.sign_in import SignInForm
from counter.workstation.sources import Clerk, Complain

# staff id, PIN, then what to do with the clerk signed in, or with a refusal's one line
SignIn = Callable[[str, str, Callable[[Clerk], None], Complain], None]


class SignInPage(SignInForm):
    signed_in = Signal(object)  # Clerk

    def __init__(self, sign_in: SignIn, title: str) -> None:
        super().__init__(title, lambda staff, pin: sign_in(staff, pin, self._opened, self.refused))

    def _opened(self, who: Clerk) -> None:
        self.opened()
        self.signed_in.emit(who)

    def ended(self, message: str) -> None:
        """Back here because the server no longer knows the clerk's session."""
        self.refused(message)
