"""`python -m kiosk` as the hall starts it: a real process that shows its window, or says
plainly why it cannot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shared.store.database import open_store

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_the_kiosk_process_shows_its_window_on_a_demo_store(store_target, store):
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "kiosk", "--db", store_target, "--windowed"),
            *("--language", "en", "--id-reader", "sim"),
        ],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    try:
        assert process.stderr is not None
        shown = next((line for line in process.stderr if "kiosk shown" in line), None)
        assert shown is not None, f"the kiosk ended without showing (exit {process.wait()})"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_store_without_a_hall_is_refused_with_the_way_out(empty_store_target):
    open_store(empty_store_target).close()  # a store, as `hallq init` makes it: no hall yet
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", "--db", empty_store_target, "--windowed"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )
    assert done.returncode == 1
    assert "hallq init --demo" in done.stderr
