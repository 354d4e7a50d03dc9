"""The pre-processing slip (业务预处理单): the fields a customer fills in while waiting,
checked against the business's form definition before a ticket carries them."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from shared.errors import Rejected
from shared.field_definitions import AT_COUNTER, FieldDefinition
from shared.rules.input_text import check_input
from shared.store.models import Business
from shared.vocabulary import FieldKind

MAX_FIELDS = 30
MAX_TEXT = 200
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
MOBILE = re.compile(r"1[3-9]\d{9}")  # a mainland China mobile number


def resident_id_problem(value: str) -> str | None:
    """Why an 18-digit resident ID (居民身份证号) is not valid, or None when it is."""
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return "a resident ID is 17 digits and a final digit or X"
    try:
        dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "the resident ID's date of birth is not a real date"
    total = sum(int(digit) * weight for digit, weight in zip(value[:17], _ID_WEIGHTS, strict=True))
    if _ID_CHECK[total % 11] != value[17]:
        return "the resident ID's check digit does not match"
    return None


def field_problem(field: FieldDefinition | str, value: object) -> str | None:
    """Why `value` does not fit the field, or None when it does; a bare key is a field of a
    business with no definition, which takes any short text or a number."""
    if isinstance(field, str):
        if isinstance(value, (int, float, bool)):
            return None
        field = FieldDefinition(field, field)
    label = field.english
    if not isinstance(value, str):
        return f"{label} must be text"
    if len(value) > MAX_TEXT:
        return f"{label} is longer than {MAX_TEXT} characters"
    if value == AT_COUNTER:
        if field.kind in (FieldKind.TEXT, FieldKind.NAME):
            return None
        return f"{label} cannot be left for the counter"
    if field.kind == FieldKind.MOBILE and not MOBILE.fullmatch(value):
        return f"{label} must be an 11-digit mobile number"
    if field.kind == FieldKind.RESIDENT_ID and (problem := resident_id_problem(value)):
        return f"{label}: {problem}"
    if field.kind == FieldKind.CHOICE and value not in field.choices:
        return f"{label} must be one of {', '.join(field.choices)}"
    return None


def missing(fields: tuple[FieldDefinition, ...], values: Mapping[str, object]) -> str | None:
    """The English name of the first required field left empty, or None."""
    for field in fields:
        if field.required and not str(values.get(field.key, "")).strip():
            return field.english
    return None


def check_slip(business: Business, slip: object) -> dict[str, object]:
    """The slip as stored, or Rejected naming the first problem. A business with a form
    definition takes exactly its fields; one without takes any short flat set of fields."""
    if not isinstance(slip, Mapping):
        raise Rejected("a slip must be an object of field names and values")
    check_input("the slip", slip)
    if len(slip) > MAX_FIELDS:
        raise Rejected(f"a slip has at most {MAX_FIELDS} fields")
    fields = business.slip_definition
    form = {field.key: field for field in fields}
    for key, value in slip.items():
        if not isinstance(key, str) or not key or len(key) > 40:
            raise Rejected("slip field names are text of 1 to 40 characters")
        if form and key not in form:
            raise Rejected(f"{business.key} has no slip field {key!r}; fields: {', '.join(form)}")
        if problem := field_problem(form.get(key, key), value):
            raise Rejected(problem)
    if label := missing(fields, slip):
        raise Rejected(f"{label} is required")
    return dict(slip)
