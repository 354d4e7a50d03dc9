"""The bundled assets resolve to real files wherever the program is started from, and a
translation catalog that is not shipped is an error, not English in disguise."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from shared.documents.fonts import pdf_font
from shared.resources import MissingAsset, catalog, cjk_font, icon_file, style_sheet
from shared.vocabulary import BusinessClass

CATALOGS = ("kiosk", "workstation", "screen", "words", "admin")
STYLES = ("kiosk", "workstation", "screen")
# The kiosk's start screen and diversion, then one per business class (the business screen).
ICONS = ("ticket", "phone", "calendar", "self_service", *(str(each) for each in BusinessClass))

# Run in a fresh interpreter whose working directory is not the checkout.
RESOLVE_ALL = f"""
import json
from shared.documents.fonts import pdf_font
from shared.resources import catalog, cjk_font, icon_file, style_sheet
pdf_font()
print(json.dumps({{
    "font": str(cjk_font()),
    "catalogs": [str(catalog(name, "zh")) for name in {CATALOGS!r}],
    "icons": [str(icon_file(name)) for name in {ICONS!r}],
    "styles": [len(style_sheet(name)) for name in {STYLES!r}],
}}))
"""


def test_every_asset_the_programs_and_documents_use_is_a_real_file():
    assert cjk_font().stat().st_size > 1_000_000
    for name in CATALOGS:
        path = catalog(name, "zh")
        assert path is not None and path.suffix == ".qm" and path.stat().st_size > 0
    for name in ICONS:
        assert icon_file(name).read_text(encoding="utf-8").lstrip().startswith("<svg")
    for name in STYLES:
        assert "QWidget" in style_sheet(name)
    assert pdf_font() == "HallqCJK"


def test_the_assets_resolve_from_another_working_directory(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", RESOLVE_ALL],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    files = [found["font"], *found["catalogs"], *found["icons"]]
    assert all(Path(file).is_absolute() and Path(file).is_file() for file in files), files
    assert all(size > 0 for size in found["styles"])


def test_english_is_the_source_language_and_needs_no_catalog():
    assert all(catalog(name, "en") is None for name in CATALOGS)


def test_a_catalog_not_shipped_is_an_error_that_names_it():
    with pytest.raises(MissingAsset, match=r"assets/i18n/cashier_zh_CN\.qm"):
        catalog("cashier", "zh")


def test_a_missing_icon_or_style_sheet_is_an_error_too():
    with pytest.raises(MissingAsset, match=r"icons/vip\.svg"):
        icon_file("vip")
    with pytest.raises(MissingAsset, match=r"style/cashier\.qss"):
        style_sheet("cashier")
