"""A hall's settings: typed, with defaults, and checked as a whole before anything is saved."""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections.abc import Collection
from dataclasses import dataclass, fields

from sqlalchemy import Integer, bindparam, select
from sqlalchemy.orm import Session

from shared.documents.printer_place import file_printer_problem, print_folder_problem
from shared.errors import Rejected
from shared.rules.input_text import check_text
from shared.store import direct
from shared.store.models import Queue, Setting

PRINTER = re.compile(
    r"pdf|none|file:.+|usb:[0-9a-fA-F]{4}:[0-9a-fA-F]{4}"
    r"|network:[A-Za-z0-9.\-]+(:(?P<port>[0-9]{1,5}))?"
)
WHOLE_TEXT = re.compile(r"[+-]?[0-9]+")  # ASCII digits: int() would also read ١٢٣ or 1_000
QUEUE_SETTINGS = ("vip_queue", "group_queue")  # settings that name one of the hall's queues
PRINTER_PLACE_SETTINGS = ("printer", "print_folder")

MAX_THRESHOLD = 1000.0
MAX_POINTS = 1000.0  # a performance sheet's part: far beyond the published 100
# Decimal places a number setting keeps: none means anything finer, and a value such as
# 9.4e-299 did not read back from the store as the number written.
NUMBER_PLACES = 6
# Whole-number settings: name, least, most (most: beyond any real hall, and inside what
# dates and database integers can hold).
_WHOLE_RANGES = (
    ("routine_norm_s", 1, 86_400),
    ("green_ratio", 0, 1000),
    ("kiosk_idle_s", 10, 3600),
    ("rating_timeout_s", 5, 3600),
    ("retention_days", 1, 36_500),
    ("pin_min_length", 4, 8),
    ("score_volume_target", 1, 100_000),
    ("score_training_target", 1, 31),
    ("idle_counter_alert_s", 10, 86_400),
    ("long_service_alert_s", 60, 86_400),
    ("offer_rest_days", 0, 3650),
    ("case_deadline_hours", 1, 8760),
)

# The performance sheet's weights, in the sheet's order (docs/rules.md).
SCORE_WEIGHTS = (
    "score_sales",
    "score_volume",
    "score_satisfaction",
    "score_quality",
    "score_teamwork",
    "score_learning",
)


@dataclass(frozen=True)
class HallSettings:
    """Per-hall settings. Field docs are what `hallq settings` shows."""

    alert_level1: float = 2.5
    """Waiting customers per open counter at which level 1 starts."""
    alert_level2: float = 3.5
    """Waiting customers per open counter at which level 2 starts."""
    alert_margin: float = 0.5
    """How far below its threshold a level reached holds, so one call does not make it flap."""
    routine_norm_s: int = 180
    """The three-minute norm for routine business, in seconds."""
    ageing_cap: bool = False
    """Call a ticket waiting longer than its queue's target before new green-channel tickets."""
    green_ratio: int = 0
    """At most this many green-channel calls in a row at a counter while others wait (0: off)."""
    vip_queue: str = "V"
    """The queue VIP customers join (green channel)."""
    group_queue: str = "C"
    """The queue group customers join."""
    appointment_priority: bool = True
    """A checked-in appointment joins the green channel (else its business's own queue)."""
    kiosk_idle_s: int = 45
    """Seconds without a touch before the kiosk returns to its start screen."""
    level2_diversion: bool = True
    """At level 2 the kiosk issues no ticket for business self-service can do."""
    printer: str = "pdf"
    """Kiosk printer: pdf (files only), none, file:PATH, usb:VENDOR:PRODUCT, network:HOST[:PORT]."""
    print_folder: str = ""
    """The folder a file: printer may write in, besides printer devices ("": none)."""
    rating_timeout_s: int = 20
    """Seconds the customer-facing screen waits for a rating before it closes."""
    retention_days: int = 180
    """Days after which personal fields of old tickets, slips and forms are erased."""
    score_sales: float = 20.0
    """Performance sheet: points for sales in service, of the published 100."""
    score_volume: float = 15.0
    """Performance sheet: points for business volume."""
    score_satisfaction: float = 5.0
    """Performance sheet: points for customer satisfaction."""
    score_quality: float = 30.0
    """Performance sheet: points for service quality (three-minute norm and paperless forms)."""
    score_sales_target: float = 0.2
    """Offers accepted per customer handled that earn the full sales points."""
    score_volume_target: int = 40
    """Customers handled in a day that earn the full volume points."""
    score_teamwork: float = 20.0
    """Performance sheet: points for teamwork, the shift lead's mark of 100."""
    score_learning: float = 10.0
    """Performance sheet: points for learning: trainings and morning meetings."""
    score_training_target: int = 2
    """Trainings attended in a month that earn the full training half of learning."""
    score_complaint_ceiling: float = 0.05
    """Complaint rate (cases per customer handled) at which the complaints share is 0."""
    pin_min_length: int = 4
    """The fewest digits a staff PIN may have (4 to 8); a PIN set later must have them."""
    idle_counter_alert_s: int = 120
    """Monitor: an open counter calling no one this long while its queues have customers."""
    long_service_alert_s: int = 900
    """Monitor: a customer at a counter this long (a transaction that may need help)."""
    offer_rest_days: int = 30
    """No campaign is offered to a customer offered any campaign within this many days (0: off)."""
    case_deadline_hours: int = 48
    """Hours from a complaint case's opening within which the hall means to close it."""

    def validate(self) -> None:
        """Raise Rejected naming the first impossible value."""
        for name in ("alert_level1", "alert_level2", "alert_margin"):
            value = getattr(self, name)
            if not math.isfinite(value):
                raise Rejected(f"{name} must be a finite number")
        if self.alert_level1 <= 0:
            raise Rejected("alert_level1 must be above 0")
        if self.alert_level2 <= self.alert_level1:
            raise Rejected("alert_level2 must be above alert_level1")
        if not 0 <= self.alert_margin < self.alert_level1:
            raise Rejected("alert_margin must be at least 0 and below alert_level1")
        if self.routine_norm_s <= 0:
            raise Rejected("routine_norm_s must be a positive number of seconds")
        if self.green_ratio < 0:
            raise Rejected("green_ratio must be 0 (no limit) or a positive whole number")
        for name, least, most in _WHOLE_RANGES:
            if not least <= getattr(self, name) <= most:
                raise Rejected(f"{name} must be from {least} to {most}")
        for name in ("alert_level1", "alert_level2"):
            if getattr(self, name) > MAX_THRESHOLD:
                raise Rejected(f"{name} must be at most {MAX_THRESHOLD}")
        check_text("printer", self.printer)
        check_text("print_folder", self.print_folder)
        printer = PRINTER.fullmatch(self.printer)
        if not printer:
            raise Rejected(
                "printer must be pdf, none, file:PATH, usb:VENDOR:PRODUCT (hex) "
                "or network:HOST[:PORT]"
            )
        if printer["port"] is not None and not 1 <= int(printer["port"]) <= 65535:
            raise Rejected("printer network port must be from 1 to 65535")
        for name in SCORE_WEIGHTS:
            value = getattr(self, name)
            if not math.isfinite(value) or not 0 <= value <= MAX_POINTS:
                raise Rejected(f"{name} must be a number of points from 0 to {MAX_POINTS:g}")
        if not 0 < self.score_sales_target <= 1:
            raise Rejected("score_sales_target must be a share above 0 and at most 1")
        if not 0 < self.score_complaint_ceiling <= 1:
            raise Rejected("score_complaint_ceiling must be a share above 0 and at most 1")
        for name in ("vip_queue", "group_queue"):
            letter = getattr(self, name)
            if len(letter) != 1 or not letter.isascii() or not letter.isupper():
                raise Rejected(f"{name} must be one capital letter")


SETTING_NAMES = tuple(field.name for field in fields(HallSettings))
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
            raise Rejected(f"{name} must be {_KIND_WORDS[kind]} in ASCII digits, not {value!r}")
        try:
            value = float(text) if kind == "float" else int(text)
        except ValueError as error:
            raise Rejected(f"{name} must be {_KIND_WORDS[kind]}, not {value!r}") from error
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
    raise Rejected(f"{name} must be {_KIND_WORDS[kind]}, not {value!r}")


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
# take theirs from _WHOLE_RANGES, true/false settings have none to say.
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
    **{name: f"{least} to {most}" for name, least, most in _WHOLE_RANGES},
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
