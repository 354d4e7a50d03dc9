"""Masked personal data keeps what a person needs to recognise it and nothing more."""

import pytest

from shared.rules.masking import mask_field, mask_name, mask_phone, mask_resident_id


def test_a_mobile_number_keeps_its_first_three_and_last_four_digits():
    assert mask_phone("13812341234") == "138****1234"


def test_a_resident_id_loses_its_birth_date():
    assert mask_resident_id("52010119900101123X") == "5201**********123X"


@pytest.mark.parametrize(
    ("name", "masked"), [("张三", "张*"), ("王小明", "王**"), ("欧阳娜娜", "欧阳**")]
)
def test_a_name_keeps_the_family_name(name, masked):
    assert mask_name(name) == masked


def test_empty_values_mask_to_nothing_and_short_ones_to_stars():
    assert (mask_phone(None), mask_phone("1234"), mask_resident_id("")) == ("", "****", "")


def test_a_field_is_masked_by_its_kind():
    assert mask_field("mobile", "13900001111") == "139****1111"
    assert mask_field("choice", "丢失") == "丢失"
