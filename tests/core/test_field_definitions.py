"""A slip's or a form's field definitions are parsed once into typed fields; a bad
definition is refused with one line naming the business, the field and what is wrong."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.field_definitions import FieldDefinition, parse_fields
from shared.services.hall_config import demo_definition
from shared.store.models import Business
from shared.vocabulary import FieldKind

WHERE = "business sim_replace slip field"
REASON = {"key": "reason", "label": "补卡原因", "kind": "choice", "choices": ["丢失", "损坏"]}


def test_a_definition_becomes_a_typed_field_with_its_defaults():
    parsed = parse_fields([{"key": "iccid", "label": "新卡ICCID"}, REASON], WHERE)
    assert parsed == (
        FieldDefinition("iccid", "新卡ICCID"),
        FieldDefinition("reason", "补卡原因", "", FieldKind.CHOICE, False, ("丢失", "损坏")),
    )
    assert parsed[0].kind is FieldKind.TEXT
    assert parsed[0].english == "iccid"


BAD = {
    "not a list": ({"key": "name"}, f"{WHERE}s must be a list"),
    "not an object": (["name"], f"{WHERE}: each field is an object"),
    "no key": ([{"label": "姓名"}], f"{WHERE}: key must be text of 1 to 40 characters"),
    "key too long": (
        [{"key": "k" * 41, "label": "姓名"}],
        f"{WHERE}: key must be text of 1 to 40 characters",
    ),
    "no label": ([{"key": "name"}], f"{WHERE} name: label must be text of 1 to 100 characters"),
    "label not text": (
        [{"key": "name", "label": 5}],
        f"{WHERE} name: label must be text of 1 to 100 characters",
    ),
    "English label not text": (
        [{"key": "name", "label": "姓名", "label_en": ["Name"]}],
        f"{WHERE} name: label_en must be text of 0 to 100 characters",
    ),
    "unknown kind": (
        [{"key": "photo", "label": "照片", "kind": "photo"}],
        f"{WHERE} photo: kind must be one of text, name, mobile, resident_id, choice",
    ),
    "misspelt attribute": (
        [{"key": "name", "label": "姓名", "requried": True}],
        f"{WHERE} name: unknown attribute 'requried'",
    ),
    "required not true or false": (
        [{"key": "name", "label": "姓名", "required": "yes"}],
        f"{WHERE} name: required must be true or false",
    ),
    "English choices not one per choice": (
        [
            {
                "key": "reason",
                "label": "原因",
                "kind": "choice",
                "choices": ["丢失", "损坏"],
                "choices_en": ["Lost"],
            }
        ],
        f"{WHERE} reason: choices_en gives each choice in English, one non-empty text per choice",
    ),
    "choices on a text field": (
        [{"key": "name", "label": "姓名", "choices": ["a"]}],
        f"{WHERE} name: only a choice field has choices",
    ),
    "a choice without choices": (
        [dict(REASON, choices=[])],
        f"{WHERE} reason: a choice needs choices",
    ),
    "an empty choice": (
        [dict(REASON, choices=["丢失", ""])],
        f"{WHERE} reason: each choice is non-empty text",
    ),
    "a choice twice": (
        [dict(REASON, choices=["丢失", "丢失"])],
        f"{WHERE} reason: a choice is listed twice",
    ),
    "a key twice": ([REASON, dict(REASON)], f"{WHERE} reason is defined twice"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_each_bad_definition_is_refused_with_one_line_naming_it(case):
    definition, reason = BAD[case]
    with pytest.raises(Rejected) as refused:
        parse_fields(definition, WHERE)
    assert refused.value.message == reason
    assert "\n" not in refused.value.message


def test_the_store_hands_every_business_its_fields_typed_from_the_stored_json(store):
    given = {business["key"]: business for business in demo_definition()["businesses"]}
    with store.read() as session:
        businesses = session.scalars(select(Business)).all()
        for business in businesses:
            assert business.slip_fields == given[business.key].get("slip_fields", [])
            assert [field.key for field in business.form_definition] == [
                field["key"] for field in given[business.key]["form_fields"]
            ]
        sim = next(business for business in businesses if business.key == "sim_replace")
        reason = sim.slip_definition[2]
    assert (reason.kind, reason.required, reason.choices) == (
        FieldKind.CHOICE,
        True,
        ("丢失", "损坏", "换大卡/换eSIM"),
    )
