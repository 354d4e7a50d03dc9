"""Masking of personal data on every screen and print (138****1234, 5201**********1234).

Only the clerk who needs a full value sees it; everything else shows what these functions
return. Values too short to keep a start and an end are masked whole, so no short input
ever shows more than a long one would.
"""

from __future__ import annotations

from collections.abc import Mapping

MASK = "*"


def _mask_middle(value: str, keep_start: int, keep_end: int) -> str:
    """Keep `keep_start` characters and `keep_end` characters, mask the rest."""
    if len(value) <= keep_start + keep_end:
        return MASK * len(value)
    middle = len(value) - keep_start - keep_end
    return value[:keep_start] + MASK * middle + value[len(value) - keep_end :]


def mask_phone(phone: str | None) -> str:
    """A mobile number as printed: the first 3 and last 4 digits ("138****1234")."""
    return _mask_middle((phone or "").strip(), 3, 4)


def mask_resident_id(resident_id: str | None) -> str:
    """A resident ID as printed: the first 4 and last 4 characters ("5201**********1234")."""
    return _mask_middle((resident_id or "").strip(), 4, 4)


def mask_name(name: str | None) -> str:
    """A person's name with only the first character of each word shown ("张**", "L** W**").

    A one-character word is masked whole: a single character would be the whole name.
    """
    words = (name or "").split()
    return " ".join(word[0] + MASK * (len(word) - 1) if len(word) > 1 else MASK for word in words)


def is_name_field(field: Mapping[str, object]) -> bool:
    """A text field that holds a person's name: keyed "name" or "..._name" in the definition."""
    key = str(field.get("key", ""))
    return field.get("kind", "text") == "text" and (key == "name" or key.endswith("_name"))


def mask_field(field: Mapping[str, object], value: object) -> str:
    """A slip or form field's value as shown to anyone but the serving clerk."""
    text = "" if value is None else str(value)
    kind = field.get("kind")
    if kind == "mobile":
        return mask_phone(text)
    if kind == "resident_id":
        return mask_resident_id(text)
    if is_name_field(field):
        return mask_name(text)
    return text


def mask_slip(fields: list[dict[str, object]], slip: Mapping[str, object]) -> dict[str, str]:
    """Every field of a slip masked by its definition; fields without one are shown as text."""
    definitions = {str(field.get("key")): field for field in fields}
    return {
        key: mask_field(definitions.get(key, {"key": key}), value) for key, value in slip.items()
    }
