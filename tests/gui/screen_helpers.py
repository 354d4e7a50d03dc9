"""Shared set-up of the hall screen's GUI tests: windows on the test store, following the
real change feed, and `hallq` run as a separate process."""

from __future__ import annotations

import subprocess
import sys

from counter.app import make_application
from counter.screen.announcer import Announcer
from counter.screen.board import CallingBoard
from counter.screen.monitor import LeadMonitor
from counter.screen.sources import StoreSource
from shared.qt.live import LiveStore
from shared.store.clock import Clock
from shared.store.database import Store


def hallq(target: str, *args: str, events: str | None = None, check: bool = True) -> str:
    """Run the `hallq` command line in a process of its own; its standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "shared.cli", "--db", target, *args],
        input=events,
        capture_output=True,
        text=True,
        check=check,
        timeout=120,
    )
    return done.stdout


LANGUAGE = "zh"  # the default: the application (shared by all GUI tests) keeps its translator


def live_board(
    qtbot, store: Store, clock: Clock, language: str = LANGUAGE
) -> tuple[CallingBoard, LiveStore]:
    make_application([], language)
    live = LiveStore(store)
    board = CallingBoard(StoreSource(store, "demo", clock), Announcer(), language)
    qtbot.addWidget(board)
    live.changed.connect(board.refresh)
    board.refresh()
    return board, live


def live_monitor(
    qtbot, store: Store, clock: Clock, language: str = LANGUAGE
) -> tuple[LeadMonitor, LiveStore]:
    make_application([], language)
    live = LiveStore(store)
    monitor = LeadMonitor(StoreSource(store, "demo", clock), language)
    qtbot.addWidget(monitor)
    live.changed.connect(monitor.refresh)
    monitor.sign_in("M001", "2468")
    return monitor, live
