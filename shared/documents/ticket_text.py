"""What a ticket and its pre-processing slip say, in both languages, whatever prints them
(the PDF layout, an ESC/POS printer) or shows them (the kiosk's ticket screen)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

INSTRUCTION = ("请留意叫号屏幕和语音广播，过号请重新取号。", "Watch the screen for your number.")
SLIP_INSTRUCTION = ("请在窗口出示此码，业务员扫码即可办理。", "Show this code at the counter.")


@dataclass(frozen=True)
class SlipLine:
    label: str
    label_en: str
    value: str  # already masked


@dataclass(frozen=True)
class TicketPrint:
    """What a ticket (and its slip, when it has one) shows, in both languages."""

    hall_name: str
    hall_name_en: str
    ticket: str
    queue_name: str
    queue_name_en: str
    ahead: int
    estimated_wait_s: float | None
    issued_at: dt.datetime
    phone_masked: str
    business_name: str
    business_name_en: str
    slip_lines: list[SlipLine] = field(default_factory=list)
    slip_code: str | None = None


SOON_S = 30  # an estimate under half a minute is said as "very soon", never "about 1 min"


def wait_words(seconds: float | None) -> tuple[str, str]:
    """The estimated wait as a person says it, in Chinese and English. No one ahead at an
    open counter is "very soon": "about 1 min" would promise a wait that is not there."""
    if seconds is None:
        return "暂无窗口开放", "no counter open yet"
    if seconds < SOON_S:
        return "马上就到您", "very soon"
    minutes = max(1, round(seconds / 60))
    return f"约 {minutes} 分钟", f"about {minutes} min"
