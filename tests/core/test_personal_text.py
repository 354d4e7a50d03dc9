"""Notes that look like they hold a mobile number or a resident ID are found; ordinary
notes, amounts, dates and codes are not."""

from __future__ import annotations

import pytest

from shared.rules.personal_text import MOBILE, RESIDENT_ID, personal_data_in


@pytest.mark.parametrize(
    ("notes", "found"),
    [
        ("客户手机13812345678请回电", (MOBILE,)),
        ("call back on 138 1234 5678", (MOBILE,)),
        ("call back on 138-1234-5678.", (MOBILE,)),
        ("13812345678", (MOBILE,)),
        ("身份证11010519491231002X", (RESIDENT_ID,)),
        ("id 110105194912310021 ok", (RESIDENT_ID,)),
        ("11010519491231002x", (RESIDENT_ID,)),
        ("13812345678 / 11010519491231002X", (MOBILE, RESIDENT_ID)),
        ("已告知补卡费用", ()),
        ("", ()),
        ("套餐 168元，次月生效 2026-12-01", ()),
        ("ICCID 89860012345678901234", ()),  # 20 digits: a SIM card, not a person
        ("1381234567", ()),  # ten digits
        ("138123456789", ()),  # twelve
        ("23812345678", ()),  # does not start with 1
        ("１３８１２３４５６７８", (MOBILE,)),  # full-width, as a Chinese input method types
        ("١٣٨١٢٣٤٥٦٧٨", ()),  # other scripts' digits: no mainland number
        ("order A13812345678", ()),  # inside a code
        ("1101051949123100", ()),  # sixteen
    ],
)
def test_notes_holding_a_mobile_number_or_a_resident_id_are_found(notes, found):
    assert personal_data_in(notes) == found
