"""`python -m kiosk` as the hall starts it: a real process that shows its window, or says
plainly why it cannot."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shared.services.devices import enrol_device
from shared.store.database import open_store
from tests.integration.hall_server import running_server

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def shows_its_window(arguments: list[str], environment: dict[str, str]) -> None:
    """`python -m kiosk ARGUMENTS` says it showed its window, then is stopped."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", *arguments],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    try:
        assert process.stderr is not None
        shown = next((line for line in process.stderr if "kiosk shown" in line), None)
        assert shown is not None, f"the kiosk ended without showing (exit {process.wait()})"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_kiosk_process_shows_its_window_on_a_demo_store(store_target, store):
    shows_its_window(
        ["--db", store_target, "--windowed", "--language", "en", "--id-reader", "sim"], ENV
    )


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


def test_the_kiosk_process_shows_its_window_on_the_hall_server(store_target, store, tmp_path):
    """`hallq-kiosk` with HALLQ_SERVER and HALLQ_DEVICE_KEY, as a kiosk PC's session starts it."""
    key = enrol_device(store, None, None, "kiosk-1", "kiosk")
    with running_server(store_target, tmp_path) as server:
        environment = {
            **ENV,
            "HALLQ_SERVER": f"http://127.0.0.1:{server.port}",
            "HALLQ_DEVICE_KEY": key,
        }
        environment.pop("HALLQ_DB", None)
        shows_its_window(
            ["--windowed", "--print-dir", str(tmp_path / "t"), "--id-reader", "sim"], environment
        )
        assert server.tracebacks() == 0


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--server", "http://127.0.0.1:9"], "--server needs --device-key"),
        (["--server", "http://127.0.0.1:9", "--db", "x.sqlite3", "--device-key", "k"], "not both"),
        (["--device-key", "hd_x"], "--device-key needs --server"),
        (["--server", "ftp://hall", "--device-key", "hd_x"], "http://HOST:PORT"),
    ],
)
def test_a_half_given_or_mixed_way_to_run_is_refused_in_one_line(arguments, said):
    environment = {k: v for k, v in ENV.items() if not k.startswith("HALLQ_")}
    done = subprocess.run(
        [sys.executable, "-m", "kiosk", *arguments, "--windowed"],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
    )
    assert done.returncode == 1
    assert said in done.stderr and done.stderr.count("\n") == 1, done.stderr
