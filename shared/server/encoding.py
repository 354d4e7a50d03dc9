"""What the server answers, as JSON: the services' and views' dataclasses, field by field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import math
from collections.abc import Mapping
from typing import Any

from shared.services.changes import Changes


def to_json(value: Any) -> Any:
    """A plain JSON value for a result: dates in ISO form, words as text, sets sorted."""
    if isinstance(value, Changes):
        return sorted(value.kinds)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted(to_json(item) for item in value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
