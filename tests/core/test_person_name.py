"""A name on a slip is the name on the resident ID card: Chinese characters."""

from __future__ import annotations

import pytest

from shared.rules.person_name import name_problem


@pytest.mark.parametrize("name", ["张三", "欧阳娜娜", "亓龘", "阿依古丽·买买提", "𠇔明"])
def test_a_name_in_chinese_characters_is_a_name(name):
    assert name_problem(name) is None


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("ZHANGSANFENG", "not Latin letters"),
        ("张San", "not Latin letters"),
        ("张", "at least 2"),
        ("·张三", "middle dot"),
        ("阿依古丽·", "middle dot"),
        ("张 三", "middle dot"),
        ("张三1", "middle dot"),
    ],
)
def test_anything_else_is_not_with_a_reason(name, problem):
    assert problem in (name_problem(name) or "")
