"""After a purge no personal value of the purged days is left anywhere a person with the
files could read it: not in the store's rows, not in its free pages or write-ahead log (with
another program holding the store open), not in the archived forms' PDFs, not in a backup
made afterwards; the form chain still verifies and says which forms were redacted."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from shared.archive.forms import archive_form
from shared.services.hall import HallService
from shared.store.clock import FixedClock
from shared.store.models import ServiceForm
from tests.core.test_purge import figures
from tests.core.test_refused_ways_in import hallq

DAY = dt.date(2026, 11, 23)
PHONE, OTHER_PHONE = "13912345678", "13787654321"
NAME = "欧阳锋锐"
RESIDENT_ID = "11010519491231002X"
ICCID = "89860012345678901234"
NOTES = "备注秘密内容 NOTE-7Q3Z"
DECLINE = "拒签理由 DECLINE-9K2W"
STROKE_X = 123.4567
PERSONAL = [PHONE, OTHER_PHONE, NAME, RESIDENT_ID, ICCID, NOTES, DECLINE, "NOTE-7Q3Z",
            "DECLINE-9K2W", "123.4567", PHONE[-4:] + '"', "****5678", "****4321"]  # fmt: skip
# What each value looks like in the bytes of a file: UTF-8 and as SQLite/JSON keep it.
PATTERNS = {value: {value.encode(), json.dumps(value).encode()} for value in PERSONAL}

HOLDER = """
import sys, time
from shared.store.database import open_store
from sqlalchemy import text
store = open_store(sys.argv[1], create=False)
connection = store.engine.connect()
connection.execute(text("SELECT count(*) FROM tickets")).all()
connection.commit()
print("holding", flush=True)
time.sleep(120)
"""


@pytest.fixture
def a_day_with_personal_data(store):
    """A signed form with a slip, notes, an ICCID and a drawn signature; a declined form
    with its reason; an appointment; all on DAY."""
    clock = FixedClock(dt.datetime.combine(DAY, dt.time(9)))
    hall = HallService(store, "demo", clock)
    hall.open_counter(4, "E004")
    slip = {"name": NAME, "id_number": RESIDENT_ID, "reason": "丢失"}
    signed = hall.issue("sim_replace", phone=PHONE, slip=slip).ticket
    declined = hall.issue("sim_replace", phone=OTHER_PHONE).ticket
    clock.advance(60)
    hall.call(4)
    clock.advance(300)
    fields = {"name": NAME, "id_number": RESIDENT_ID, "reason": "丢失", "iccid": ICCID}
    hall.finish(4, notes=NOTES, fields={"sim_replace": fields})
    strokes = [[[10.0, 10.0, 0.0, 0.5], [STROKE_X, 40.0, 90.0, 0.7], [200.0, 30.0, 180, 0.6]]]
    archive_form(store, "demo", signed, strokes=strokes, clock=clock)
    clock.advance(60)
    hall.call(4)
    clock.advance(120)
    hall.finish(4)
    archive_form(store, "demo", declined, decline_reason=DECLINE, clock=clock)
    from shared.services.appointments import book

    book(
        store, "demo", phone=OTHER_PHONE, business="topup", at=dt.datetime(2026, 11, 23, 15),
        clock=clock,
    )  # fmt: skip
    return store


def _found(data: bytes) -> list[str]:
    return [value for value, forms in PATTERNS.items() if any(form in data for form in forms)]


def _pdf_text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_before_the_purge_the_personal_values_are_there_to_find(a_day_with_personal_data):
    """The scan can fail: before a purge it finds the values in the store and the forms."""
    with a_day_with_personal_data.read() as session:
        pdfs = [bytes(pdf) for pdf in session.scalars(select(ServiceForm.pdf))]
    text = "".join(map(_pdf_text, pdfs))
    assert NOTES in text and DECLINE in text and ICCID in text and "****5678" in text


@pytest.mark.usefixtures("sqlite_only")
def test_a_purge_leaves_no_personal_value_in_the_store_its_log_the_forms_or_a_backup(
    a_day_with_personal_data, store_target, tmp_path
):
    store = a_day_with_personal_data
    before_figures = figures(store_target)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, store_target], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        status, out, err = hallq(store_target, "purge", "--before", "2026-11-24")
        assert status == 0, err
        files = [Path(store_target), Path(store_target + "-wal")]
        leftovers = {str(f): _found(f.read_bytes()) for f in files if f.exists()}
        assert leftovers == {str(f): [] for f in files if f.exists()}
        status, out, err = hallq(store_target, "backup", str(tmp_path / "after.sqlite3"))
        assert status == 0, err
        assert _found((tmp_path / "after.sqlite3").read_bytes()) == []
    finally:
        holder.kill()
        holder.wait()
    with store.read() as session:
        forms = session.scalars(select(ServiceForm).order_by(ServiceForm.sequence)).all()
    assert len(forms) == 2
    for form in forms:
        assert _found(bytes(form.pdf)) == []
        text = _pdf_text(bytes(form.pdf))
        assert [value for value in PERSONAL if value in text] == []
        assert form.ticket_code in text and "2026-11-23" in text and "刘洋" in text
    status, out, err = hallq(store_target, "forms", "verify")
    assert status == 0, err
    assert "chain intact: 2 service forms" in out and "2 redacted" in out
    assert figures(store_target) == before_figures


def _relation_files(store_target: str) -> list[Path]:
    """The files of every table, index and TOAST table of the store's database, after a
    checkpoint has written them; skips where the server's data folder cannot be read."""
    engine = create_engine(store_target, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("CHECKPOINT"))
            folder = Path(connection.execute(text("SHOW data_directory")).scalar_one())
            relations = connection.execute(
                text(
                    "SELECT pg_relation_filepath(c.oid) FROM pg_class c"
                    " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    " WHERE n.nspname IN ('public', 'pg_toast') AND c.relkind IN ('r', 'i', 't')"
                )
            ).scalars()
            paths = [folder / relative for relative in relations if relative]
    except DBAPIError as error:  # not a superuser: the data folder is not ours to name
        pytest.skip(f"the PostgreSQL data folder cannot be named here ({error.orig})")
    finally:
        engine.dispose()
    if not os.access(folder, os.R_OK):
        pytest.skip(f"the PostgreSQL data folder {folder} is not readable by this account")
    # A relation past 1 GB continues in PATH.1, PATH.2...
    return [segment for path in paths for segment in [path, *path.parent.glob(path.name + ".*")]]


@pytest.mark.usefixtures("postgres_only")
def test_a_purge_leaves_no_personal_value_in_the_postgresql_table_files(
    a_day_with_personal_data, store_target
):
    files = _relation_files(store_target)
    assert any(_found(f.read_bytes()) for f in files if f.exists())  # the scan can find them
    status, _, err = hallq(store_target, "purge", "--before", "2026-11-24")
    assert status == 0, err
    leftovers = {
        str(f): found
        for f in _relation_files(store_target)
        if f.exists() and (found := _found(f.read_bytes()))
    }
    assert leftovers == {}


@pytest.mark.usefixtures("postgres_only")
def test_a_purge_waits_for_a_reader_that_began_before_it(a_day_with_personal_data, store_target):
    """A transaction still reading from before the purge would keep the old row versions in
    the rewritten tables; the purge waits for it to end, then leaves nothing."""
    reader = create_engine(store_target)
    try:
        with reader.connect() as connection:
            connection.execute(text("BEGIN ISOLATION LEVEL REPEATABLE READ"))
            # a table the purge leaves alone: no lock stands in the rewrite's way, only the
            # snapshot that still sees the rows as they were
            connection.execute(text("SELECT count(*) FROM clerks")).scalar_one()
            purge = subprocess.Popen(
                [sys.executable, "-m", "shared.cli.main", "--db", store_target, "purge",
                 "--before", "2026-11-24"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )  # fmt: skip
            try:
                purge.wait(timeout=3)
                finished_while_read = True
            except subprocess.TimeoutExpired:
                finished_while_read = False
            connection.execute(text("COMMIT"))
        _, err = purge.communicate(timeout=60)
    finally:
        reader.dispose()
    assert not finished_while_read, "the purge rewrote the tables under an older reader"
    assert purge.returncode == 0, err
    leftovers = {
        str(f): found
        for f in _relation_files(store_target)
        if f.exists() and (found := _found(f.read_bytes()))
    }
    assert leftovers == {}
