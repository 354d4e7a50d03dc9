"""Personal data is masked the way the hall prints it, whatever its length."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.masking import mask_field, mask_name, mask_phone, mask_resident_id, mask_slip


def test_a_mobile_number_shows_its_first_three_and_last_four_digits():
    assert mask_phone("13812341234") == "138****1234"


def test_a_resident_id_shows_its_first_four_and_last_four_characters():
    assert mask_resident_id("52010219900101123X") == "5201**********123X"
    assert mask_resident_id("520102199001011234") == "5201**********1234"


@pytest.mark.parametrize(
    ("name", "masked"),
    [("张三", "张*"), ("欧阳修", "欧**"), ("Li Wei", "L* W**"), ("王", "*"), ("", "")],
)
def test_a_name_shows_only_the_first_character_of_each_word(name, masked):
    assert mask_name(name) == masked


@pytest.mark.parametrize("value", ["", "1", "1234567", "12"])
def test_a_value_too_short_to_keep_both_ends_is_masked_whole(value):
    assert mask_phone(value) == "*" * len(value)


def test_a_missing_value_masks_to_nothing():
    assert (mask_phone(None), mask_resident_id(None), mask_name(None)) == ("", "", "")


@given(st.text(alphabet="0123456789X", min_size=0, max_size=30))
def test_masking_keeps_the_length_and_never_shows_more_than_seven_characters(value):
    for mask, shown in ((mask_phone, 7), (mask_resident_id, 8)):
        masked = mask(value)
        assert len(masked) == len(value)
        assert sum(char != "*" for char in masked) <= min(shown, len(value))


def test_a_slip_is_masked_by_its_field_definitions():
    fields = [
        {"key": "name", "kind": "text"},
        {"key": "id_number", "kind": "resident_id"},
        {"key": "contact", "kind": "mobile"},
        {"key": "plan", "kind": "choice", "choices": ["58", "88"]},
    ]
    slip = {
        "name": "张三丰",
        "id_number": "520102199001011234",
        "contact": "13912345678",
        "plan": "88",
    }
    assert mask_slip(fields, slip) == {
        "name": "张**",
        "id_number": "5201**********1234",
        "contact": "139****5678",
        "plan": "88",
    }


def test_a_contact_person_name_field_is_masked_as_a_name():
    assert mask_field({"key": "contact_name", "kind": "text"}, "李四") == "李*"
