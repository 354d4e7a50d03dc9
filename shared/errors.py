"""The one error a rejected action raises; its message is fit to show the person who asked."""


class Rejected(Exception):
    """An action or input was refused. Nothing was written."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
