"""Property-based requests from the server's own OpenAPI schema (schemathesis), as each kind
of caller: nobody, a kiosk, a clerk at her counter, an administrator. No answer is a 500,
none takes longer than a few seconds, and a refused request stores nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shared.services.devices import enrol_device
from shared.store.database import open_store
from tests.integration.hall_server import REPO, running_server

pytestmark = [pytest.mark.integration]
EXAMPLES = 5  # per operation and phase: a bounded run in CI


def _fuzz(url: str, target: str, key: str | None, folder: Path) -> subprocess.CompletedProcess[str]:
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "run",
        f"{url}/api/openapi.json",
        "--max-examples",
        str(EXAMPLES),
        "--checks",
        "not_a_server_error,refused_requests_store_nothing",
        "--max-response-time",
        "5",
        "--workers",
        "1",
        "--generation-deterministic",
        "--phases",
        "coverage,fuzzing",
        "--exclude-path-regex",
        "sessions/current",  # signing the caller itself out ends the run's credentials
        "--report-dir",
        str(folder),
    ]
    if key:
        command += ["--header", f"Authorization: Bearer {key}"]
    environment = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "tests.integration.schemathesis_hooks",
        "HALLQ_SNAPSHOT_TARGET": target,
        "PYTHONPATH": str(REPO),
    }
    return subprocess.run(
        command, cwd=REPO, env=environment, capture_output=True, text=True, timeout=600
    )


def test_generated_requests_get_no_500_and_refusals_store_nothing(
    store_target: str, tmp_path: Path
) -> None:
    store = open_store(store_target)
    kiosk = enrol_device(store, None, None, "kiosk-1", "kiosk")
    store.close()
    with running_server(store_target, tmp_path) as server:
        url = f"http://127.0.0.1:{server.port}"
        callers = {
            "nobody": None,
            "kiosk": kiosk,
            "clerk": server.sign_in("E003", "1234", 3),
            "admin": server.sign_in("S001", "1357"),
        }
        for caller, key in callers.items():
            run = _fuzz(url, store_target, key, tmp_path / caller)
            assert run.returncode == 0, f"{caller}:\n{run.stdout[-6000:]}\n{run.stderr[-2000:]}"
        assert server.tracebacks() == 0, server.log.read_text()[-4000:]
