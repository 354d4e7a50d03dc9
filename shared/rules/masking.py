"""Personal data as screens and prints show it: enough to recognise, not enough to misuse."""

from __future__ import annotations

from shared.field_definitions import AT_COUNTER, AT_COUNTER_WORDS
from shared.vocabulary import FieldKind


def mask_phone(phone: str | None) -> str:
    """138****1234, the operator's usual form."""
    if not phone:
        return ""
    return phone[:3] + "*" * max(len(phone) - 7, 0) + phone[-4:] if len(phone) > 7 else "****"


def mask_resident_id(number: str | None) -> str:
    """5201**********1234: the region and the last four stay, the birth date goes."""
    if not number:
        return ""
    return number[:4] + "*" * (len(number) - 8) + number[-4:] if len(number) > 8 else "****"


def mask_name(name: str | None) -> str:
    """张* for 张三, 欧阳** for a longer name: the family name stays."""
    if not name:
        return ""
    keep = 2 if len(name) >= 4 else 1
    return name[:keep] + "*" * (len(name) - keep)


def mask_field(kind: FieldKind | None, value: object) -> str:
    """A slip or form field as printed, by its kind in the form definition (None: a field
    the business does not define). A field left for the counter says so in both languages."""
    text = "" if value is None else str(value)
    if text == AT_COUNTER:
        return " / ".join(AT_COUNTER_WORDS)
    if kind == FieldKind.MOBILE:
        return mask_phone(text)
    if kind == FieldKind.RESIDENT_ID:
        return mask_resident_id(text)
    if kind == FieldKind.NAME:
        return mask_name(text)
    return text
