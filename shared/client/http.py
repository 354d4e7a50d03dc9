"""One request to the hall server, blocking, with the standard library: the caller runs it
off the GUI thread. A server that cannot be reached and a server that refused are told
apart, each with one line to show."""

from __future__ import annotations

import http.client
import json
import os
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from shared.errors import Rejected

TIMEOUT_S = 5.0  # an answer slower than this is a server the hall cannot work with
REPORT_TIMEOUT_S = 60.0  # a report's charts take the server a while


class ServerError(Exception):
    """The request did not get a 2xx answer; `reason` is one line for the screen."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Unreachable(ServerError):
    """No answer: the server is down, restarting or the network is cut."""


class Refused(ServerError):
    """An answer other than 2xx: not signed in, not allowed, refused input, store failed.
    `code` is the refusal's word, when the server gives one for the program to say."""

    def __init__(
        self,
        status: int,
        reason: str,
        code: str | None = None,
        params: dict[str, str] | None = None,
    ) -> None:
        super().__init__(reason)
        self.status, self.code, self.params = status, code, dict(params or {})


@dataclass(frozen=True)
class ServerAddress:
    """Where the hall server listens, from a URL such as http://127.0.0.1:8470."""

    secure: bool
    host: str
    port: int

    @classmethod
    def parse(cls, url: str) -> ServerAddress:
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise Rejected(f"a server is http://HOST:PORT or https://HOST:PORT, not {url!r}")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as error:
            raise Rejected(f"{url!r} has no valid port") from error
        return cls(parts.scheme == "https", parts.hostname, port)

    @property
    def url(self) -> str:
        return f"{'https' if self.secure else 'http'}://{self.host}:{self.port}"

    @property
    def changes_url(self) -> str:
        return f"{'wss' if self.secure else 'ws'}://{self.host}:{self.port}/api/changes"

    def connection(self, timeout: float = TIMEOUT_S) -> http.client.HTTPConnection:
        if self.secure:  # the hall's own CA, where its certificate is not a public one
            trusted = ssl.create_default_context(cafile=os.environ.get("HALLQ_CA_FILE") or None)
            return http.client.HTTPSConnection(
                self.host, self.port, timeout=timeout, context=trusted
            )
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)


def _exchange(
    address: ServerAddress,
    method: str,
    path: str,
    key: str | None,
    body: object,
    accept: str,
    timeout: float,
) -> tuple[int, bytes]:
    """The answer's status and bytes; Unreachable when there is none."""
    headers = {"Accept": accept}
    if key:
        headers["Authorization"] = f"Bearer {key}"
    payload = None
    if isinstance(body, bytes):  # a file, as a list's CSV is sent
        payload = body
        headers["Content-Type"] = "text/csv"
    elif body is not None:
        payload = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    connection = address.connection(timeout)
    try:
        connection.request(method, path, payload, headers)
        response = connection.getresponse()
        return response.status, response.read()
    except (OSError, http.client.HTTPException) as error:
        raise Unreachable(f"the hall server at {address.url} does not answer ({error})") from error
    finally:
        connection.close()


def _refusal(status: int, raw: bytes) -> Refused:
    """A non-2xx answer's one line (and its word, when the server gives one)."""
    try:
        answer = json.loads(raw) if raw else None
    except ValueError:
        answer = None
    said = answer if isinstance(answer, dict) else {}
    detail = said.get("detail") or f"the hall server answered {status}"
    code = said.get("code", said.get("reason"))  # a check-in's refusal says `reason`
    given = said.get("params")
    params = (
        {str(name): str(value) for name, value in given.items()} if isinstance(given, dict) else {}
    )
    return Refused(status, str(detail), code if isinstance(code, str) else None, params)


def request(
    address: ServerAddress,
    method: str,
    path: str,
    key: str | None = None,
    body: object = None,
    *,
    timeout: float = TIMEOUT_S,
) -> Any:
    """The JSON of a 2xx answer (None for an empty one); Unreachable or Refused otherwise."""
    status, raw = _exchange(address, method, path, key, body, "application/json", timeout)
    if not 200 <= status < 300:
        raise _refusal(status, raw)
    try:
        return json.loads(raw) if raw else None
    except ValueError as error:
        raise Refused(status, f"the hall server answered {status}") from error


def download(
    address: ServerAddress, path: str, key: str, *, timeout: float = REPORT_TIMEOUT_S
) -> bytes:
    """A document the server writes (a report's PDF); Unreachable or Refused otherwise."""
    status, raw = _exchange(address, "GET", path, key, None, "application/pdf", timeout)
    if not 200 <= status < 300:
        raise _refusal(status, raw)
    return raw
