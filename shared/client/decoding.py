"""The views' dataclasses rebuilt from the server's JSON, field by field, from their own type
hints: the windows take the same `Board` and `Floor` whether read from the store or from
the server. Anything that does not fit the type is ServerError with the field's path, never
a half-built value on screen."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import types
import typing
from typing import Any, TypeVar

from shared.client.http import ServerError
from shared.figures.score_sheet import SheetRow
from shared.services.changes import Changes
from shared.views.floor import Board, Floor
from shared.views.lead_warnings import LeadWarnings

_Value = TypeVar("_Value")


class Undecodable(ServerError):
    """The server's answer is not what this program knows how to show."""


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(kind: type[_Value], value: Any) -> _Value:
    """`value` (parsed JSON) as a `kind`; Undecodable naming where it did not fit."""
    result: _Value = _decode(kind, value, kind.__name__)
    return result


def _decode(kind: Any, value: Any, where: str) -> Any:
    origin = typing.get_origin(kind)
    arguments = typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in arguments:
            return None
        for option in (a for a in arguments if a is not type(None)):
            try:
                return _decode(option, value, where)
            except Undecodable:
                continue
        raise Undecodable(f"{where}: {value!r} is none of {kind}")
    if kind is Any:
        return value
    if kind is Changes:
        return Changes()  # what an act changed: the server's own business, not a screen's
    if origin is list:
        return [
            _decode(arguments[0], item, f"{where}[{i}]")
            for i, item in enumerate(_list(value, where))
        ]
    if origin is tuple:
        items = _list(value, where)
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return tuple(_decode(arguments[0], item, where) for item in items)
        if len(items) != len(arguments):
            raise Undecodable(f"{where}: {len(items)} items, not {len(arguments)}")
        return tuple(
            _decode(a, item, f"{where}[{i}]")
            for i, (a, item) in enumerate(zip(arguments, items, strict=True))
        )
    if origin is dict:
        if not isinstance(value, dict):
            raise Undecodable(f"{where}: not an object")
        key_kind, item_kind = arguments
        return {
            _key(key_kind, key, where): _decode(item_kind, item, f"{where}.{key}")
            for key, item in value.items()
        }
    if isinstance(kind, type):
        return _plain(kind, value, where)
    raise Undecodable(f"{where}: cannot read a {kind}")


def _list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise Undecodable(f"{where}: not a list")
    return value


def _key(kind: Any, key: str, where: str) -> Any:
    if kind is int:
        try:
            return int(key)
        except ValueError as error:
            raise Undecodable(f"{where}: key {key!r} is not a number") from error
    return _decode(kind, key, where)


def _plain(kind: type, value: Any, where: str) -> Any:
    if dataclasses.is_dataclass(kind):
        if not isinstance(value, dict):
            raise Undecodable(f"{where}: not an object")
        hints = _hints(kind)
        fields = {}
        for field in dataclasses.fields(kind):
            if field.name in value:
                fields[field.name] = _decode(
                    hints[field.name], value[field.name], f"{where}.{field.name}"
                )
            elif (
                field.default is dataclasses.MISSING
                and field.default_factory is dataclasses.MISSING
            ):
                raise Undecodable(f"{where}: no {field.name}")
        return kind(**fields)
    if issubclass(kind, enum.Enum):
        try:
            return kind(value)
        except ValueError as error:
            raise Undecodable(f"{where}: {value!r} is no {kind.__name__}") from error
    if kind in (dt.datetime, dt.date, dt.time):
        if not isinstance(value, str):
            raise Undecodable(f"{where}: not a time")
        try:
            return kind.fromisoformat(value)
        except ValueError as error:
            raise Undecodable(f"{where}: {value!r} is not a {kind.__name__}") from error
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind is bool and isinstance(value, bool):
        return value
    if kind is int and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind is str and isinstance(value, str):
        return value
    if kind is type(None) and value is None:
        return None
    raise Undecodable(f"{where}: {value!r} is not a {kind.__name__}")


def board_of(value: Any) -> Board:
    return decode(Board, value)


def floor_of(value: Any) -> Floor:
    return decode(Floor, value)


def lead_warnings_of(value: Any) -> LeadWarnings:
    return decode(LeadWarnings, value)


def sheet_of(value: Any) -> tuple[str, list[SheetRow]]:
    """The month and its ranked sheet from GET /api/performance."""
    if not isinstance(value, dict) or not isinstance(value.get("month"), str):
        raise Undecodable("performance: not a month's sheet")
    return value["month"], decode(list[SheetRow], value.get("clerks"))
