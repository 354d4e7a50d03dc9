"""What a command knows of its store before opening it: where the store is when none is
named, and the schema revision this hallq reads. Light on purpose: a quick read of a
store (`hallq status`) starts from here without loading the database layer."""

from __future__ import annotations

import os
from pathlib import Path

# The newest schema revision (migrations/versions; a test keeps it equal to alembic's head):
# a store already there opens without loading alembic.
SCHEMA_HEAD = "0018"


def default_target() -> str:
    """The store when no --db is given: $HALLQ_DB, else a file in the user's data folder."""
    if target := os.environ.get("HALLQ_DB"):
        return target
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "hallq" / "hallq.sqlite3")
