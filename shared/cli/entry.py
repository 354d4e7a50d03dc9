"""The `hallq` command's first step: with `--server` (or HALLQ_SERVER, for the commands a
server answers) it is a light client of the hall server; otherwise it works on the store
file (`shared.cli.main`). Decided before anything heavy is imported, so a client starts fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def _server_named(argv: Sequence[str]) -> bool:
    return any(arg == "--server" or arg.startswith("--server=") for arg in argv)


def _first_command(argv: Sequence[str]) -> str | None:
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("--server", "--staff", "--db", "--hall"):
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from_env = os.environ.get("HALLQ_SERVER")
    on_a_file = any(arg == "--db" or arg.startswith("--db=") for arg in argv)
    if not _server_named(argv) and from_env and not on_a_file:
        from shared.cli.remote import REMOTE_COMMANDS

        if _first_command(argv) in REMOTE_COMMANDS:
            argv = ["--server", from_env, *argv]
    if _server_named(argv):
        from shared.cli import remote

        return remote.main(argv)
    from shared.cli.main import main as on_the_store

    return on_the_store(argv)
