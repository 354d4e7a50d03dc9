"""The hall screen: the public calling board and the shift lead's monitor."""

from typing import TypeVar

from PySide6.QtCore import QObject

_Named = TypeVar("_Named", bound=QObject)


def named(widget: _Named, name: str) -> _Named:
    """The widget with its object name set: the style sheet and the tests find it by name."""
    widget.setObjectName(name)
    return widget
