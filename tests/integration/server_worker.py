"""One client of the hall server for the kill test: a kiosk issuing or a counter calling and
finishing, as fast as the server answers, until its time is up. Each act is journalled
before it is asked (`asked`) and when the server answered it (`done`); an act whose answer
never came (the server was killed) is in doubt and counts as done or not, never half.

    python -m tests.integration.server_worker kiosk|counter PORT KEY COUNTER JOURNAL SECONDS
"""

from __future__ import annotations

import http.client
import json
import sys
import time
from pathlib import Path
from typing import Any, TextIO


class Down(Exception):
    """No answer: the server is not there (killed, or starting again)."""


def ask(port: int, key: str, method: str, path: str, body: object = None) -> tuple[int, Any]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    try:
        connection.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = connection.getresponse()
        return response.status, json.loads(response.read() or b"null")
    except (OSError, http.client.HTTPException, ValueError) as error:
        raise Down(str(error)) from error
    finally:
        connection.close()


def journal(out: TextIO, **line: object) -> None:
    out.write(json.dumps(line) + "\n")
    out.flush()


def act(out: TextIO, seq: int, op: str, port: int, key: str, path: str, body: object) -> None:
    journal(out, seq=seq, op=op, state="asked")
    status, answer = ask(port, key, "POST", path, body)
    if status >= 500:
        raise RuntimeError(f"{path}: {status} {answer}")
    journal(out, seq=seq, op=op, state="done", status=status, answer=answer)


def run(role: str, port: int, key: str, counter: int, out: TextIO, seconds: float) -> None:
    deadline, seq, opened = time.monotonic() + seconds, 0, False
    while time.monotonic() < deadline:
        seq += 1
        try:
            if role == "kiosk":
                act(out, seq, "issue", port, key, "/api/kiosk/tickets", {"business": "topup"})
            elif not opened:
                act(out, seq, "open", port, key, f"/api/counters/{counter}/open", {})
                opened = True
            else:
                status, view = ask(port, key, "GET", f"/api/counters/{counter}")
                serving = status == 200 and view.get("serving") is not None
                step = "finish" if serving else "call"
                act(out, seq, step, port, key, f"/api/counters/{counter}/{step}", {})
        except Down:
            time.sleep(0.1)  # the server is coming back


def main() -> int:
    role, port, key, counter, path, seconds = sys.argv[1:7]
    with Path(path).open("a", encoding="utf-8") as out:
        run(role, int(port), key, int(counter), out, float(seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
