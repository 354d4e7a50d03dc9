"""A hall's settings as values: each one's type, default and meaning, and the bounds that
make a set of them possible. Pure, so that whatever reads the settings (a window, a quick
read of the status) needs no store to know them."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields

from shared.errors import Rejected
from shared.rules.input_text import check_text

PRINTER = re.compile(
    r"pdf|none|file:.+|usb:[0-9a-fA-F]{4}:[0-9a-fA-F]{4}"
    r"|network:[A-Za-z0-9.\-]+(:(?P<port>[0-9]{1,5}))?"
)

MAX_THRESHOLD = 1000.0
MAX_POINTS = 1000.0  # a performance sheet's part: far beyond the published 100
# Whole-number settings: name, least, most (most: beyond any real hall, and inside what
# dates and database integers can hold).
WHOLE_RANGES = (
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
        for name, least, most in WHOLE_RANGES:
            if not least <= getattr(self, name) <= most:
                raise Rejected(
                    f"{name} must be from {least} to {most}",
                    "setting_range",
                    setting=name,
                    least=least,
                    most=most,
                )
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
