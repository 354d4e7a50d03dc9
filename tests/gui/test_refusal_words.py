"""A refusal with a code is said in the window's language: every code the services give
has words in the shared catalog, each parameter in its place, and a refusal without a known
code keeps the service's English."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from counter.app import make_application
from shared.qt.refusals import codes, refusal_text

SERVICES = Path(__file__).resolve().parents[2] / "shared"
PARAMS = {
    "staff": "E002",
    "minutes": "5",
    "until": "08:35:00",
    "counter": "3",
    "state": "paused",
    "ticket": "A012",
    "queue": "B",
    "numbers": "999",
    "least": "4",
    "most": "8",
    "field": "staff id",
    "actor": "E002",
    "needs": "admin",
    "at": "3",
    "device": "kiosk-1",
    "phone": "138****5678",
    "setting": "kiosk_idle_s",
    "kind": "int",
    "value": "'soon'",
    "list": "vip.csv",
    "count": "2",
    "rows": '[[2, "not_mobile", "12", "\'12\' is not a mobile number"], [3, "", "the row is odd"]]',
    "more": "1",
}


def _refusing(called: ast.expr) -> bool:
    """Rejected(…), Forbidden(…), or a refusal's own super().__init__(message, code, …)."""
    if isinstance(called, ast.Name):
        return called.id in ("Rejected", "Forbidden")
    return isinstance(called, ast.Attribute) and called.attr == "__init__"


def _codes_raised() -> set[str]:
    """Every literal code passed to Rejected(message, code, …) under shared/."""
    found = set()
    for path in SERVICES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and len(node.args) >= 2 and _refusing(node.func):
                code = node.args[1]
                if isinstance(code, ast.Constant) and isinstance(code.value, str):
                    found.add(code.value)
                elif isinstance(code, ast.JoinedStr):  # counter_cannot_{kind}
                    found |= {f"counter_cannot_{kind}" for kind in ("pause", "resume", "close")}
    return found


def test_every_code_the_services_give_has_words():
    assert _codes_raised() - codes() == set()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_code_is_said_with_its_parameters_in_the_language(qtbot, language):
    make_application([], language)
    for code in sorted(codes()):
        said = refusal_text(code, PARAMS, "the English message")
        assert said != "the English message" and not re.search(r"%\d", said), code
        has_chinese = bool(re.search(r"[\u4e00-\u9fff]", said))
        assert has_chinese == (language == "zh"), said
    assert "已锁定 5 分钟" in refusal_text("pin_locked_now", PARAMS, "") or language == "en"
    rows = refusal_text("list_refused", PARAMS, "")
    assert (
        rows
        == {
            "zh": "vip.csv：2 行被拒，未导入任何号码：第 2 行：“12”不是手机号码；"
            "第 3 行：the row is odd（另有 1 处）",
            "en": "vip.csv: 2 lines refused, nothing imported: line 2: '12' is not a mobile number;"
            " line 3: the row is odd (and 1 more)",
        }[language]
    )
    make_application([], "zh")  # the GUI tests' default language


def test_a_refusal_without_a_known_code_keeps_the_services_words(qtbot):
    make_application([], "zh")
    assert refusal_text(None, {}, "notes are at most 500 characters") == (
        "notes are at most 500 characters"
    )
    assert refusal_text("pin_locked_now", {}, "wrong PIN") == "wrong PIN"  # a parameter lacks
