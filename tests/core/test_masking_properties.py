"""Whatever its length, a masked value never shows more of itself than the hall's rule."""

from hypothesis import given
from hypothesis import strategies as st

from shared.masking import mask_phone, mask_resident_id

digits = st.text(alphabet="0123456789X", max_size=30)


@given(digits)
def test_a_masked_phone_shows_at_most_its_first_three_and_last_four_characters(value):
    masked = mask_phone(value)
    if len(value) > 7:
        assert masked == value[:3] + "*" * (len(value) - 7) + value[-4:]
    else:
        assert set(masked) <= {"*"}


@given(digits)
def test_a_masked_resident_id_shows_at_most_its_first_four_and_last_four_characters(value):
    masked = mask_resident_id(value)
    if len(value) > 8:
        assert masked == value[:4] + "*" * (len(value) - 8) + value[-4:]
    else:
        assert set(masked) <= {"*"}
