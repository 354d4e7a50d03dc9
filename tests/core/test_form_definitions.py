"""Each business's transaction form and terms come from the hall definition and are
checked like slip fields before anything is stored."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.services.hall_config import check_definition, demo_definition, load_hall
from shared.store.models import Business
from tests.core.test_hall_actions import snapshot


def test_every_demo_business_has_a_form_and_terms_in_both_languages(store):
    with store.read() as session:
        businesses = session.scalars(select(Business)).all()
    assert businesses and all(b.form_definition and b.terms and b.terms_en for b in businesses)
    sim = next(business for business in businesses if business.key == "sim_replace")
    assert [field.key for field in sim.form_definition] == ["name", "id_number", "reason", "iccid"]


def _with(change):
    definition = copy.deepcopy(demo_definition())
    change(definition["businesses"][5])  # loss_report
    return definition


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda b: b.update(form_fields="name"), "form fields must be a list"),
        (
            lambda b: b["form_fields"].append({"key": "x", "label": "X", "kind": "photo"}),
            "kind must be one of",
        ),
        (
            lambda b: b["form_fields"].append({"key": "a", "label": "A", "kind": "choice"}),
            "a choice needs choices",
        ),
        (
            lambda b: b["form_fields"].append(dict(b["form_fields"][0])),
            "is defined twice",
        ),
        (lambda b: b.update(terms=42), "terms must be text"),
        (lambda b: b.update(terms_en="x" * 2001), "terms_en must be text of at most 2000"),
    ],
    ids=["not a list", "kind", "choices", "twice", "terms", "terms too long"],
)
def test_a_bad_form_definition_is_refused_and_stores_nothing(store, change, message):
    definition = _with(change)
    with pytest.raises(Rejected, match=message):
        check_definition(definition)
    before = snapshot(store)
    with pytest.raises(Rejected, match=message), store.write() as session:
        load_hall(session, definition)
    assert snapshot(store) == before
