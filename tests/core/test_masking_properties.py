"""Whatever its length, a masked value never shows more of itself than the hall's rule."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.rules.masking import mask_phone, mask_resident_id


@pytest.mark.parametrize(("mask", "start", "end"), [(mask_phone, 3, 4), (mask_resident_id, 4, 4)])
@given(value=st.text(alphabet="0123456789X", max_size=30))
def test_a_masked_value_shows_at_most_its_start_and_its_end(mask, start, end, value):
    masked = mask(value)
    if len(value) > start + end:
        assert masked == value[:start] + "*" * (len(value) - start - end) + value[-end:]
    else:
        assert set(masked) <= {"*"}
