"""Plain SQL reads on a session's transaction, for a view that a fresh process also reads
from a bare driver connection (shared/views/status.py): one text, two ways to run it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import TextClause, text
from sqlalchemy.orm import Session

_TEXTS: dict[str, TextClause] = {}  # one per statement the views hold: a handful


def plain_reads(session: Session) -> Callable[[str, Mapping[str, object]], Sequence[Any]]:
    """Run a view's statement (named parameters, `:name`) in the session's snapshot."""

    def read(statement: str, parameters: Mapping[str, object]) -> Sequence[Any]:
        clause = _TEXTS.get(statement)
        if clause is None:
            clause = _TEXTS[statement] = text(statement)
        return session.execute(clause, dict(parameters)).all()

    return read
