"""The clerk's transaction form for a business: its fields are defined in the store
(Business.form_definition, the same shape as slip fields), and what the clerk enters is
checked against them before the transaction is recorded."""

from __future__ import annotations

from collections.abc import Mapping

from shared.errors import Rejected
from shared.services.slips import field_problem, missing
from shared.store.models import Business


def check_form(business: Business, values: Mapping[str, object]) -> dict[str, object] | None:
    """The values as stored (None when the business has no form), or Rejected naming the
    first problem: an unknown field, a value that does not fit, a required field left empty."""
    fields = business.form_definition
    form = {field.key: field for field in fields}
    for key, value in values.items():
        if key not in form:
            raise Rejected(f"{business.key} has no form field {key!r}")
        if (problem := field_problem(form[key], value)) is not None:
            raise Rejected(f"{business.name_en or business.key}: {problem}")
    if label := missing(fields, values):
        raise Rejected(f"{business.name_en or business.key}: {label} is required")
    return {key: values[key] for key in form if key in values} or None
