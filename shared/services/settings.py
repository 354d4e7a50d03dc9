"""A hall's settings: typed, with defaults, and checked as a whole before anything is saved."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Collection
from dataclasses import dataclass, fields

from sqlalchemy import Integer, bindparam, select
from sqlalchemy.orm import Session

from shared.documents.printer_place import file_printer_problem, print_folder_problem
from shared.errors import Rejected
from shared.rules.hall_settings import (
    MAX_POINTS,
    MAX_THRESHOLD,
    SETTING_NAMES,
    WHOLE_RANGES,
    HallSettings,
)
from shared.store import direct
from shared.store.models import Queue, Setting

WHOLE_TEXT = re.compile(r"[+-]?[0-9]+")  # ASCII digits: int() would also read ١٢٣ or 1_000
QUEUE_SETTINGS = ("vip_queue", "group_queue")  # settings that name one of the hall's queues
PRINTER_PLACE_SETTINGS = ("printer", "print_folder")
# Decimal places a number setting keeps: none means anything finer, and a value such as
# 9.4e-299 did not read back from the store as the number written.
NUMBER_PLACES = 6

_KIND_WORDS = {"float": "a number", "int": "a whole number", "bool": "true or false", "str": "text"}


def _coerce(name: str, value: object) -> object:
    """Turn a JSON or command-line value into the setting's type, or refuse it."""
    kind = str({field.name: field.type for field in fields(HallSettings)}[name])
    if isinstance(value, str) and kind != "str":
        text = value.strip().lower()
        if kind == "bool" and text in ("true", "yes", "on", "1", "false", "no", "off", "0"):
            return text in ("true", "yes", "on", "1")
        readable = text.isascii() and "_" not in text
        if (kind == "int" and not WHOLE_TEXT.fullmatch(text)) or not readable:
            raise _wrong_kind(name, kind, value, " in ASCII digits")
        try:
            value = float(text) if kind == "float" else int(text)
        except ValueError as error:
            raise _wrong_kind(name, kind, value) from error
    if kind == "bool" and isinstance(value, bool):
        return value
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "float" and isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return round(float(value), NUMBER_PLACES)
        except OverflowError as error:  # an integer beyond any float
            raise Rejected(f"{name} must be a number of sane size") from error
    if kind == "str" and isinstance(value, str):
        return value
    raise _wrong_kind(name, kind, value)


def _wrong_kind(name: str, kind: str, value: object, how: str = "") -> Rejected:
    return Rejected(
        f"{name} must be {_KIND_WORDS[kind]}{how}, not {value!r}",
        "setting_kind",
        setting=name,
        kind=kind,
        value=repr(value),
    )


def _known_and_coerced(values: dict[str, object]) -> dict[str, object]:
    unknown = sorted(set(values) - set(SETTING_NAMES))
    if unknown:
        raise Rejected(f"unknown setting {unknown[0]!r}; known: {', '.join(SETTING_NAMES)}")
    return {name: _coerce(name, value) for name, value in values.items()}


def check_settings(values: dict[str, object], queues: Collection[str] = ()) -> HallSettings:
    """The settings these values make over the defaults, or Rejected naming the first problem
    (a hall definition's settings are checked this way, against its `queues`' letters,
    before anything is stored)."""
    coerced = _known_and_coerced(values)
    settings = HallSettings(**coerced)  # type: ignore[arg-type]
    settings.validate()
    _check_named_queues(settings, coerced, queues)
    _check_printer_place(settings, coerced)
    return settings


def _check_named_queues(
    settings: HallSettings, changed: Collection[str], queues: Collection[str]
) -> None:
    """A queue a setting names must be one of the hall's, or its customers would join none."""
    for name in QUEUE_SETTINGS:
        if name in changed and getattr(settings, name) not in queues:
            raise Rejected(f"{name} {getattr(settings, name)} is not one of the hall's queues")


def _check_printer_place(settings: HallSettings, changed: Collection[str]) -> None:
    """Where a file: printer would write, checked when the printer or its folder changes (a
    printer unplugged since does not stop other settings changing; the kiosk checks again)."""
    if not any(name in changed for name in PRINTER_PLACE_SETTINGS):
        return
    if problem := print_folder_problem(settings.print_folder):
        raise Rejected(problem)
    kind, _, path = settings.printer.partition(":")
    if kind == "file" and (problem := file_printer_problem(path, settings.print_folder)):
        raise Rejected(problem)


# Built once: every action reads the settings, and building costs more than running.
_STORED = select(Setting.key, Setting.value).where(
    Setting.hall_id == bindparam("hall", type_=Integer())
)


def load_settings(session: Session, hall_id: int) -> HallSettings:
    stored = direct.run(session, _STORED, {"hall": hall_id})
    values = {key: value for key, value in stored if key in SETTING_NAMES}
    return HallSettings(**values)


def change_settings(session: Session, hall_id: int, changes: dict[str, object]) -> HallSettings:
    """Validate the settings as they would be after the change, then store the changed keys."""
    coerced = _known_and_coerced(changes)
    updated = dataclasses.replace(load_settings(session, hall_id), **coerced)  # type: ignore[arg-type]
    updated.validate()
    letters = session.scalars(select(Queue.letter).where(Queue.hall_id == hall_id)).all()
    _check_named_queues(updated, coerced, letters)
    _check_printer_place(updated, coerced)
    for name, value in coerced.items():
        session.merge(Setting(hall_id=hall_id, key=name, value=value))
    return updated


# ----- what each setting means and which values it takes, as a window lists them -----

# The bounds `HallSettings.validate` and the checks above enforce, in words; whole numbers
# take theirs from WHOLE_RANGES, true/false settings have none to say.
_BOUNDS_IN_WORDS = {
    "alert_level1": f"above 0, at most {MAX_THRESHOLD:g}",
    "alert_level2": f"above alert_level1, at most {MAX_THRESHOLD:g}",
    "alert_margin": "at least 0, below alert_level1",
    "vip_queue": "one capital letter: one of the hall's queues",
    "group_queue": "one capital letter: one of the hall's queues",
    "printer": "pdf, none, file:PATH, usb:VENDOR:PRODUCT (hex) or network:HOST[:PORT]",
    "print_folder": "an existing folder, or empty",
    "score_sales": f"0 to {MAX_POINTS:g} points",
    "score_volume": f"0 to {MAX_POINTS:g} points",
    "score_satisfaction": f"0 to {MAX_POINTS:g} points",
    "score_quality": f"0 to {MAX_POINTS:g} points",
    "score_teamwork": f"0 to {MAX_POINTS:g} points",
    "score_learning": f"0 to {MAX_POINTS:g} points",
    "score_sales_target": "above 0, at most 1",
    "score_complaint_ceiling": "above 0, at most 1",
    **{name: f"{least} to {most}" for name, least, most in WHOLE_RANGES},
}
# The form of a bare range above, which a window says in its own words.
BARE_RANGE = re.compile(r"(-?[0-9.]+) to (-?[0-9.]+)")


@dataclass(frozen=True)
class SettingRule:
    """One setting as `hallq settings` and the administrator's window describe it."""

    name: str
    kind: str  # float, int, bool or str
    default: object
    meaning: str  # the field's documentation in HallSettings
    bounds: str  # "" for true/false


def _meanings() -> dict[str, str]:
    """Each field's documentation, read from HallSettings' source: the one place it is written."""
    import ast
    import inspect
    import textwrap

    tree = ast.parse(textwrap.dedent(inspect.getsource(HallSettings)))
    body = tree.body[0].body if isinstance(tree.body[0], ast.ClassDef) else []
    meanings: dict[str, str] = {}
    for field_node, doc in itertools.pairwise(body):
        if (
            isinstance(field_node, ast.AnnAssign)
            and isinstance(field_node.target, ast.Name)
            and isinstance(doc, ast.Expr)
            and isinstance(doc.value, ast.Constant)
            and isinstance(doc.value.value, str)
        ):
            meanings[field_node.target.id] = " ".join(doc.value.value.split())
    return meanings


def setting_rules() -> list[SettingRule]:
    """Every setting, in the order HallSettings lists them, with its meaning and bounds."""
    meanings = _meanings()
    defaults = HallSettings()
    return [
        SettingRule(
            field.name,
            str(field.type),
            getattr(defaults, field.name),
            meanings.get(field.name, ""),
            _BOUNDS_IN_WORDS.get(field.name, ""),
        )
        for field in fields(HallSettings)
    ]
