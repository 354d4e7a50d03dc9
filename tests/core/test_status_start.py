"""`hallq status` starts quickly: it loads only what it needs, and a store whose schema is
current opens without the migration machinery."""

from __future__ import annotations

import json
import subprocess
import sys

from shared.store.database import SCHEMA_HEAD
from shared.store.migrate import head_revision

HEAVY = ("alembic", "reportlab", "PySide6", "numpy", "psycopg")

LOADED_BY_STATUS = """
import io, json, sys
from shared.cli.main import main
out = io.StringIO()
code = main(["--db", sys.argv[1], "status", "--json"], out)
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[2:]))
print(json.dumps({"code": code, "status": json.loads(out.getvalue()), "heavy": heavy}))
"""


def test_the_schema_head_is_the_newest_migration():
    assert head_revision() == SCHEMA_HEAD


def test_status_on_a_current_store_loads_no_documents_migrations_qt_or_server_driver(
    store_target, sqlite_only
):
    ran = subprocess.run(
        [sys.executable, "-c", LOADED_BY_STATUS, store_target, *HEAVY],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result = json.loads(ran.stdout)
    assert result["code"] == 0 and result["status"]["hall"] == "demo"
    assert result["heavy"] == []
