"""The store a command works on (--db, else the default), opened when the command runs: a
command module imports no database layer until then, so a quick command starts quickly."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from shared.store.place import default_target

if TYPE_CHECKING:
    from shared.store.database import Store


@contextmanager
def opened_store(args: argparse.Namespace, *, create: bool = False) -> Iterator[Store]:
    """The store named by --db; only `init` may create it (a mistyped path must not)."""
    from shared.store.database import open_store

    store = open_store(args.db or default_target(), create=create)
    try:
        yield store
    finally:
        store.close()
