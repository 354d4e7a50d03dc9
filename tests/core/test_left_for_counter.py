"""A slip field the customer left for the clerk (到柜台填写): taken on text fields only,
and shown as words wherever a slip is printed or shown."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from shared.errors import Rejected
from shared.field_definitions import AT_COUNTER
from shared.rules.masking import mask_field
from shared.store.models import Ticket

GOOD_ID = "11010519491231002X"


def test_a_name_left_for_the_counter_is_taken(hall, store):
    hall.issue("sim_replace", slip={"name": AT_COUNTER, "id_number": GOOD_ID, "reason": "丢失"})
    with store.read() as session:
        [ticket] = session.scalars(select(Ticket))
        assert ticket.slip["name"] == AT_COUNTER


def test_a_resident_id_cannot_be_left_for_the_counter(hall, store):
    with pytest.raises(Rejected, match="Resident ID cannot be left for the counter"):
        hall.issue("sim_replace", slip={"name": "张三", "id_number": AT_COUNTER, "reason": "丢失"})
    with store.read() as session:
        assert session.scalars(select(Ticket)).all() == []


@pytest.mark.parametrize("kind", ["name", "text", None])
def test_a_field_left_for_the_counter_is_printed_and_shown_as_words(kind):
    assert mask_field(kind, AT_COUNTER) == "到柜台填写 / fill in at the counter"
