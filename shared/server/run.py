"""Starting the hall server: TLS when given a certificate and key, plain HTTP only on the
loopback (a hall's single PC, the demo), so no PIN or token crosses a network in clear."""

from __future__ import annotations

import ipaddress
import logging
import socket
from pathlib import Path

import uvicorn

from shared.archive.integrity import store_integrity_problems
from shared.errors import Rejected
from shared.server import DEFAULT_PORT
from shared.server.app import create_app
from shared.server.door import Door
from shared.store.database import Store


def is_loopback(host: str) -> bool:
    """True when every address `host` names is on this machine only."""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError):
        return False
    return bool(addresses) and all(ipaddress.ip_address(a).is_loopback for a in addresses)


def check_listening(host: str, cert: str | None, key: str | None) -> None:
    if (cert is None) != (key is None):
        raise Rejected("give both --cert and --key, or neither")
    if cert is None and not is_loopback(host):
        raise Rejected(
            f"plain HTTP only on the loopback; to listen on {host}, give --cert and --key (TLS)"
        )
    for path in (cert, key):
        if path is not None and not Path(path).is_file():
            raise Rejected(f"no such file: {path}")


def serve(
    store: Store,
    hall_code: str | None,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    cert: str | None = None,
    key: str | None = None,
) -> None:
    """Serve until stopped (Ctrl-C or SIGTERM); never a store whose evidence was tampered
    with (its audit triggers changed, a chain broken): the hall must not go on writing
    into a history nobody can trust."""
    check_listening(host, cert, key)
    if problems := store_integrity_problems(store):
        raise Rejected("the store does not hold its evidence: " + "; ".join(problems))
    app = create_app(Door.open(store, hall_code))
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    uvicorn.run(
        app,
        host=host,
        port=port,
        ssl_certfile=cert,
        ssl_keyfile=key,
        log_level="warning",
        timeout_graceful_shutdown=5,
    )
