"""The day and month reports: real PDFs read back with pypdf, holding every clerk's figures
and the performance sheet, with the CJK font embedded; the CSV equals the figures."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from shared.cli.main import main
from shared.documents.report import csv_cell, write_reports
from shared.documents.report_text import clerk_row
from shared.errors import Rejected
from shared.figures.clerks import clerk_figures
from shared.figures.performance import day_sheet
from shared.services import audit
from shared.services.replay import replay
from shared.store.lookup import find_hall
from shared.store.models import AuditEntry, ServiceForm

DAY_ONE = Path(__file__).parent / "days" / "day_one.jsonl"
DAY = dt.date(2026, 11, 23)


@pytest.fixture
def day_one(store):
    list(replay(store, "demo", DAY_ONE.read_text(encoding="utf-8").splitlines()))
    with store.read() as session:
        hall = find_hall(session, "demo")
        return clerk_figures(session, hall, DAY), day_sheet(session, hall, DAY)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def _embedded_fonts(path: Path) -> set[str]:
    """The names of the fonts whose file is inside the PDF."""
    names = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/FontFile2" in font.get("/FontDescriptor", {}):
                names.add(str(font["/BaseFont"]))
    return names


def test_the_day_report_holds_every_clerks_figures_and_score(store, day_one, tmp_path):
    figures, sheet = day_one
    (files,) = write_reports(store, "demo", tmp_path, day=DAY)
    text = " ".join(_text(files.pdf).split())
    assert len(figures) >= 4
    for clerk in figures:
        row = " ".join("-" if cell is None else str(cell) for cell in clerk_row(clerk))
        assert row in text, clerk.clerk
    for score in sheet:
        assert f"{score.points:.1f} / {score.out_of:.0f}" in text
    assert "营业日报 Day report 2026-11-23" in text
    assert any("WenQuanYi" in name for name in _embedded_fonts(files.pdf))


def test_the_day_csv_equals_the_clerk_figures(store, day_one, tmp_path):
    figures, sheet = day_one
    (files,) = write_reports(store, "demo", tmp_path, day=DAY)
    rows = list(csv.DictReader(io.StringIO(files.csv.read_text(encoding="utf-8-sig"))))
    assert [row["clerk"] for row in rows] == [clerk.clerk for clerk in figures]
    for row, clerk, score in zip(rows, figures, sheet, strict=True):
        for name, value in clerk.as_json().items():
            assert row[name] == ("" if value is None else str(csv_cell(value))), name
        assert float(row["score_points"]) == round(score.points, 2)


def test_the_month_report_holds_each_clerks_month(store, day_one, tmp_path):
    (files,) = write_reports(store, "demo", tmp_path, month="2026-11")
    text = _text(files.pdf)
    assert "营业月报 Month report 2026-11" in text
    assert "2026-11-23" in text
    for clerk in day_one[0]:
        assert clerk.clerk in text
    assert files.csv.name == "hallq-month-2026-11.csv"


@pytest.mark.parametrize(
    ("day", "month", "reason"),
    [(None, None, "name a day"), (None, "2026-13", "YYYY-MM"), (DAY, "Nov", "YYYY-MM")],
)
def test_a_report_without_a_sound_day_or_month_is_refused_and_writes_nothing(
    store, tmp_path, day, month, reason
):
    with pytest.raises(Rejected, match=reason):
        write_reports(store, "demo", tmp_path / "out", day=day, month=month)
    assert not (tmp_path / "out").exists()


def test_hallq_report_writes_the_files_it_names(store, store_target, day_one, tmp_path):
    out = io.StringIO()
    code = main(
        ["--db", store_target, "report", "--date", "2026-11-23", "--month", "2026-11",
         "--out", str(tmp_path)],
        out,
    )  # fmt: skip
    assert code == 0
    written = [Path(line) for line in out.getvalue().splitlines()]
    assert [path.name for path in written] == [
        "hallq-day-2026-11-23.pdf",
        "hallq-day-2026-11-23.csv",
        "hallq-month-2026-11.pdf",
        "hallq-month-2026-11.csv",
    ]
    assert all(path.stat().st_size > 0 for path in written)
    with store.read() as session:
        (export,) = audit.entries(session, find_hall(session, "demo").id, action="export")
    assert (export.source, export.detail["files"]) == ("cli", [str(path) for path in written])
    assert main(["--db", store_target, "report", "--out", str(tmp_path)], io.StringIO()) == 1


def test_the_day_report_prints_both_chains_heads_as_of_its_making(store, day_one, tmp_path):
    with store.read() as session:
        hall = find_hall(session, "demo")
        form = session.execute(
            select(ServiceForm.sequence, ServiceForm.chain_hash)
            .where(ServiceForm.hall_id == hall.id)
            .order_by(ServiceForm.sequence.desc())
        ).first()
        entry = session.execute(
            select(AuditEntry.sequence, AuditEntry.chain_hash)
            .where(AuditEntry.hall_id == hall.id)
            .order_by(AuditEntry.sequence.desc())
        ).first()
    assert form.sequence >= 1 and entry.sequence >= 1
    (files,) = write_reports(store, "demo", tmp_path, day=DAY)
    text = "".join(_text(files.pdf).split())
    assert f"serviceforms#{form.sequence}{form.chain_hash[:16]}," in text
    assert f"auditlog#{entry.sequence}{entry.chain_hash[:16]}" in text
