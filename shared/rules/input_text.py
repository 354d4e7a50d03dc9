"""What any text or number from outside (a replay line, a kiosk field, a command argument, a
hall definition) must be before it reaches the store: printable Unicode, whole numbers
that fit a database integer, finite decimals. Either store would otherwise fail with a
traceback (PostgreSQL refuses NUL characters and lone surrogates; both refuse huge ints)."""

from __future__ import annotations

import datetime as dt
import json
import math
import unicodedata
from collections.abc import Mapping

from shared.errors import Rejected

LARGEST_WHOLE = 2**31 - 1  # a 32-bit INTEGER column, the narrowest the store has
MAX_DEPTH = 20


def text_problem(value: str) -> str | None:
    """Why the text cannot be stored, or None: control characters and broken Unicode."""
    for char in value:
        category = unicodedata.category(char)
        if category == "Cs":
            return "is not valid Unicode text"
        if category == "Cc" and char not in "\t":
            return "contains a control character"
    return None


def check_text(name: str, value: str) -> str:
    if problem := text_problem(value):
        raise Rejected(f"{name} {problem}")
    return value


def check_input(name: str, value: object, depth: int = 0) -> None:
    """Raise Rejected when any text, number or key inside a JSON-like value cannot be stored."""
    if depth > MAX_DEPTH:
        raise Rejected(f"{name} is nested too deeply")
    if isinstance(value, str):
        check_text(name, value)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int):
        if abs(value) > LARGEST_WHOLE:
            raise Rejected(f"{name} is too large a number")
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise Rejected(f"{name} must be a finite number")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            check_input(f"{name} field name", key, depth + 1)
            check_input(f"{name}.{key}" if isinstance(key, str) else name, item, depth + 1)
    elif isinstance(value, (list, tuple)):
        for item in value:
            check_input(name, item, depth + 1)


# The days the hall's records may name: far enough inside the calendar that a day's week,
# month and next day exist (the calendar's own ends make date arithmetic fail).
FIRST_DAY = dt.date(1970, 1, 1)
LAST_DAY = dt.date(9998, 12, 31)


def check_day(name: str, day: dt.date) -> dt.date:
    """The day itself, or Rejected when it lies outside the days the hall keeps."""
    if not FIRST_DAY <= day <= LAST_DAY:
        raise Rejected(f"{name} {day.isoformat()} is outside {FIRST_DAY} to {LAST_DAY}")
    return day


def read_json(text: str | bytes, name: str) -> object:
    """Parse JSON from outside, refusing what the parser cannot take (numbers of thousands of
    digits, nesting thousands deep) with a reason instead of a traceback."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise Rejected(f"{name} is not valid JSON: {error.msg} at column {error.colno}") from None
    except RecursionError:
        raise Rejected(f"{name} is nested too deeply") from None
    except UnicodeDecodeError:
        raise Rejected(f"{name} is not UTF-8 text") from None
    except ValueError:  # an integer past the interpreter's digit limit
        raise Rejected(f"{name} holds a number too long to read") from None
