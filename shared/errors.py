"""The one error a rejected action raises; its message is fit to show the person who asked."""


class Rejected(Exception):
    """An action or input was refused. Nothing was written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotSignedIn(Rejected):
    """No credentials, or credentials the server does not know, has revoked or let expire."""


class Forbidden(Rejected):
    """A known person or device asked for an act its role or kind does not allow."""
