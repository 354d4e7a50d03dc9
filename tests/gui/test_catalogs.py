"""Each program's catalog against its sources and its compiled .qm: every string the
sources pass to Qt's translate has a finished Chinese translation, the .ts holds no string
no source says any more, and the .qm answers each message with the .ts's translation (a .ts
edited without running pyside6-lrelease is caught here). `python -m shared.qt.catalogs`
brings a .ts in line with its sources."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator

from shared.qt.catalogs import CATALOGS, SOURCES, read_ts, texts
from shared.resources import catalog


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_string_the_sources_translate_has_a_chinese_translation(name):
    held = read_ts(name)
    unheld = sorted(text for text in texts(name) if text not in held)
    unfinished = sorted(text for text, said in held.items() if said is None)
    assert unheld == [], f"{name}: not in the catalog (python -m shared.qt.catalogs)"
    assert unfinished == [], f"{name}: no translation yet"


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_the_catalog_holds_no_string_its_sources_no_longer_say(name):
    obsolete = sorted(set(read_ts(name)) - texts(name))
    assert obsolete == [], f"{name}: obsolete (python -m shared.qt.catalogs)"


@pytest.mark.parametrize("name", CATALOGS)
def test_the_compiled_catalog_says_what_the_ts_says(name):
    path = catalog(name, "zh")
    assert path is not None
    translator = QTranslator()
    assert translator.load(str(path))
    differ = []
    for text, said in read_ts(name).items():
        found = translator.translate(
            text.context, text.source, text.comment or None, 1 if text.plural else -1
        )
        if found != said:
            differ.append(f"{text.context}: {text.source!r} → .ts {said!r}, .qm {found!r}")
    assert differ == [], f"{name}_zh_CN.qm is older than its .ts (pyside6-lrelease)"
