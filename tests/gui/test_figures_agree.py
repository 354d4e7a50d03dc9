"""Every clerk figure reads the same wherever it is shown, on a replayed day (day one): the
monitor's clerk table and performance sheet, the clerk's own workstation, the day report
PDF (read back with pypdf) and its CSV. The expected texts are written out here from
docs/rules.md "How figures read", not taken from the code that shows them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from pathlib import Path

import pytest
from pypdf import PdfReader

from shared.documents.report import write_reports
from shared.figures.clerks import ClerkFigures
from shared.services.replay import replay
from tests.gui import workstation_fixtures
from tests.gui.screen_helpers import live_monitor
from tests.gui.workstation_fixtures import signed_in

pytestmark = [workstation_fixtures.OFFSCREEN_SIZE_HINTS, pytest.mark.slow]
counter_windows = workstation_fixtures.counter_windows

DAY_ONE = Path(__file__).parent.parent / "core" / "days" / "day_one.jsonl"
DAY = dt.date(2026, 11, 23)
FIELDS = list(ClerkFigures.__dataclass_fields__)
CLERKS = ("E001", "E002", "E003", "E004")


def m_ss(seconds: str) -> str:
    """A CSV time (seconds) as the rules say every screen reads it: m:ss, nearest second."""
    if seconds == "":
        return "—"
    whole = math.floor(float(seconds) + 0.5)
    return f"{whole // 60}:{whole % 60:02d}"


def whole_percent(share: str) -> str:
    if share == "":
        return "—"
    return f"{math.floor(round(float(share) * 100, 6) + 0.5)}%"


def _monitor_rows(monitor) -> dict[str, dict[str, str]]:
    model = monitor.figures_model
    rows = {}
    for row in range(model.rowCount()):
        shown = {name: model.index(row, column).data() for column, name in enumerate(FIELDS)}
        rows[shown["clerk"]] = shown
    return rows


def _sheet_rows(monitor) -> dict[str, list[str]]:
    """The month's performance sheet on the monitor: rank, clerk, then each part's points."""
    model = monitor.score_sheet.model
    rows = {}
    for row in range(model.rowCount()):
        cells = [model.index(row, column).data() for column in range(model.columnCount())]
        rows[cells[1].split()[0]] = cells
    return rows


def _csv_texts(row: dict[str, str]) -> dict[str, str]:
    """The CSV's raw numbers read as the rules say a screen shows them."""
    return {
        "called": row["called"],
        "handled": row["handled"],
        "no_shows": row["no_shows"],
        "transfers": row["transfers"],
        "avg_wait_s": m_ss(row["avg_wait_s"]),
        "avg_handle_s": m_ss(row["avg_handle_s"]),
        "p90_handle_s": m_ss(row["p90_handle_s"]),
        "routine_within_norm": whole_percent(row["routine_within_norm"]),
        "rated": row["rated"],
        "satisfaction_rate": whole_percent(row["satisfaction_rate"]),
        "satisfaction_points": row["satisfaction_points"],
        "offers": f"{row['recommended']} / {row['accepted']}",
        "signed_rate": whole_percent(row["signed_rate"]),
        "utilisation": whole_percent(row["utilisation"]),
    }


def _table_texts(shown: dict[str, str]) -> dict[str, str]:
    """The monitor's clerk table in the same figures."""
    texts = {name: shown[name] for name in FIELDS if name in _REPORTED}
    texts["offers"] = f"{shown['recommended']} / {shown['accepted']}"
    return texts


_REPORTED = (
    "called", "handled", "no_shows", "transfers", "avg_wait_s", "avg_handle_s",
    "p90_handle_s", "routine_within_norm", "rated", "satisfaction_rate",
    "satisfaction_points", "signed_rate", "utilisation",
)  # fmt: skip
# The day report's clerk table, after the clerk: these figures in this order.
REPORT_ORDER = (
    "called", "handled", "no_shows", "transfers", "avg_wait_s", "avg_handle_s",
    "p90_handle_s", "routine_within_norm", "rated", "satisfaction_rate",
    "satisfaction_points", "offers", "signed_rate", "utilisation",
)  # fmt: skip


def test_each_figure_reads_the_same_on_every_screen_the_report_and_the_csv(
    qtbot, counter_windows, store, clock, tmp_path
):
    list(replay(store, "demo", DAY_ONE.read_text(encoding="utf-8").splitlines()))
    clock.set(dt.datetime.combine(DAY, dt.time(17, 30)))
    counter = signed_in(counter_windows)  # E002 at counter 2, their own figures beside them
    panel = {key: label.text() for key, label in counter.window.figures.values.items()}
    monitor, live = live_monitor(qtbot, store, clock, language="en")
    live.close()
    table = _monitor_rows(monitor)
    sheet = _sheet_rows(monitor)
    (files,) = write_reports(store, "demo", tmp_path, day=DAY)
    pdf = " ".join(" ".join(page.extract_text() for page in PdfReader(files.pdf).pages).split())
    exported = {
        row["clerk"]: row
        for row in csv.DictReader(io.StringIO(files.csv.read_text(encoding="utf-8-sig")))
    }

    assert sorted(table) == sorted(exported) and set(CLERKS) <= set(table)
    for clerk, shown in table.items():
        texts = _table_texts(shown)
        # the CSV's numbers are the same figures
        assert _csv_texts(exported[clerk]) == texts, clerk
        # the report's clerk table: every figure in the rules' order, as the table reads it
        row = " ".join([f"{clerk} {shown['name']}", *(texts[name] for name in REPORT_ORDER)])
        assert row in pdf, (clerk, row)
        # the month sheet's satisfaction part (one day served: weight 5 × that day's share)
        # is the clerk table's satisfaction
        if exported[clerk]["satisfaction_rate"]:
            rate = float(exported[clerk]["satisfaction_rate"])
            assert float(sheet[clerk][4]) == pytest.approx(5 * rate, abs=0.005), clerk
        else:
            assert sheet[clerk][4] == "-", clerk

    mine = _table_texts(table["E002"])
    assert panel == {
        "called": mine["called"],
        "handled": mine["handled"],
        "no_shows": mine["no_shows"],
        "transfers": mine["transfers"],
        "avg_wait": mine["avg_wait_s"],
        "avg_handle": mine["avg_handle_s"],
        "satisfaction": f"{mine['satisfaction_rate']} ({mine['rated']})",
        "reasons": table["E002"]["dissatisfied_reasons"],
        "sales": mine["offers"],
        "signed": mine["signed_rate"],
        "utilisation": mine["utilisation"],
    }
    # times read m:ss everywhere: no "201s" left in the report
    assert not any(word.endswith("s") and word[:-1].isdigit() for word in pdf.split())
    assert "Service level: the share of calls within the queue's target wait" in pdf
