"""`hallq`: the command line of docs/rules.md for the people who run a hall.

Exit status: 0 all done, 1 some input rejected or the store failed (each reason printed,
on one line), 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from shared.cli import (
    appointment,
    campaigns,
    evaluate,
    forms,
    history,
    purge,
    report,
    scores,
    serve,
    staff,
    warnings,
)

# Each command imports what it needs when it runs, so a quick one (`status`) starts quickly.
from shared.cli.opened import opened_store
from shared.errors import Rejected
from shared.forecast.simulate import PROFILES
from shared.rules.input_text import check_day, check_input, read_json
from shared.store.place import default_target

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from shared.store.backup import BackupReport

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


Handler = Callable[[argparse.Namespace, TextIO], None]
AddCommand = Callable[[str, Handler, str], argparse.ArgumentParser]

# Command groups kept in modules of their own: each is `register(command: AddCommand)`.
COMMAND_GROUPS: tuple[Callable[[AddCommand], None], ...] = (
    appointment.register,
    campaigns.register,
    evaluate.register,
    forms.register,
    history.register,
    purge.register,
    report.register,
    scores.register,
    serve.register,
    staff.register,
    warnings.register,
)


class Failed(Exception):
    """A command rejected its input after printing why."""


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from error


def _print_json(data: object, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")


def _record(session: Session, hall_id: int, action: str, **detail: object) -> None:
    """Audit a command's act, in its transaction, as the operating-system user's."""
    from shared.services import audit
    from shared.services.audit import command_line_user
    from shared.store.clock import SystemClock

    audit.record(
        session,
        hall_id,
        action,
        at=SystemClock().now(),
        clerk_id=None,
        source="cli",
        user=command_line_user(),
        **detail,
    )


# ----- the commands -----


def cmd_init(args: argparse.Namespace, out: TextIO) -> None:
    from shared.services.hall_config import demo_definition, load_hall

    with opened_store(args, create=True) as store:
        if args.demo:
            with store.write() as session:
                hall = load_hall(session, demo_definition())
                out.write(f"demo hall {hall.code!r} ready: {hall.name}\n")
        out.write(f"store ready at {store.engine.url.render_as_string()}\n")


def cmd_hall_load(args: argparse.Namespace, out: TextIO) -> None:
    from shared.services.hall_config import load_hall

    try:
        content = Path(args.file).read_bytes()
    except OSError as error:
        raise Rejected(f"cannot read the hall definition {args.file}: {error.strerror}") from error
    definition = read_json(content, f"the hall definition {args.file}")
    if not isinstance(definition, dict):
        raise Rejected(f"the hall definition {args.file} is not a JSON object")
    with opened_store(args) as store, store.write() as session:
        hall = load_hall(session, definition, Path(args.file).resolve().parent)
        _record(session, hall.id, "hall_loaded", file=str(Path(args.file).resolve()))
        out.write(f"hall {hall.code!r} loaded: {hall.name}\n")


def cmd_replay(args: argparse.Namespace, out: TextIO) -> None:
    from shared.services.replay import replay
    from shared.store.clock import clock_for

    # Bytes, decoded line by line by the replay: a line that is not UTF-8 is refused alone.
    source = sys.stdin.buffer if args.file == "-" else None
    try:
        handle = source or open(args.file, "rb")  # noqa: SIM115 (closed below)
    except OSError as error:
        raise Rejected(f"cannot read {args.file}: {error.strerror}") from error
    rejected = total = 0
    try:
        with opened_store(args) as store:
            # Every store the command line reaches is live: the real clock guards the lines.
            for result in replay(store, args.hall, handle, real_clock=clock_for(store)):
                total += 1
                rejected += not result["ok"]
                out.write(json.dumps(result, ensure_ascii=False) + "\n")
                out.flush()
    finally:
        if source is None:
            handle.close()
    print(
        f"hallq replay: {total} events, {total - rejected} applied, {rejected} rejected",
        file=sys.stderr,
    )
    if rejected:
        raise Failed


def cmd_status(args: argparse.Namespace, out: TextIO) -> None:
    from shared.cli.quick_status import quick_status

    now = quick_status(args.db or default_target(), args.hall)
    if now is None:
        from shared.store.lookup import find_hall
        from shared.store.plain import plain_reads
        from shared.views.status import hall_now

        with opened_store(args) as store, store.read() as session:
            now = hall_now(plain_reads(session), find_hall(session, args.hall).id)
    if args.json:
        _print_json(now.as_json(), out)
    else:
        from shared.documents import report_text

        out.write(report_text.status_text(now) + "\n")


def cmd_metrics(args: argparse.Namespace, out: TextIO) -> None:
    from shared.documents import report_text
    from shared.figures.clerks import clerk_figures
    from shared.store.lookup import find_hall

    with opened_store(args) as store, store.read() as session:
        hall = find_hall(session, args.hall)
        figures = clerk_figures(session, hall, args.date, clerk=args.clerk)
    if args.json:
        _print_json([clerk.as_json() for clerk in figures], out)
    else:
        out.write(report_text.metrics_text(args.date, figures) + "\n")


def cmd_queues(args: argparse.Namespace, out: TextIO) -> None:
    from shared.documents import report_text
    from shared.figures.clerks import hall_day_summary, queue_hour_figures
    from shared.store.lookup import find_hall

    with opened_store(args) as store, store.read() as session:
        hall = find_hall(session, args.hall)
        rows = queue_hour_figures(session, hall, args.date)
        summary = hall_day_summary(session, hall, args.date)
    if args.json:
        _print_json({"summary": summary, "queues": [row.as_json() for row in rows]}, out)
    else:
        out.write(report_text.queues_text(args.date, summary, rows) + "\n")


def cmd_alerts(args: argparse.Namespace, out: TextIO) -> None:
    from shared.documents import report_text
    from shared.services.alerts import alert_changes
    from shared.store.lookup import find_hall

    with opened_store(args) as store, store.read() as session:
        changes = alert_changes(session, find_hall(session, args.hall), args.date)
    if args.json:
        _print_json([change.as_json() for change in changes], out)
    else:
        out.write(report_text.alerts_text(args.date, changes) + "\n")


def cmd_ack(args: argparse.Namespace, out: TextIO) -> None:
    from shared.services.hall import HallService

    with opened_store(args) as store:
        change = HallService(store, args.hall).acknowledge_alert(args.clerk)
    out.write(
        f"acknowledged the rise to level {change.level} at {change.at:%H:%M:%S} by {args.clerk}\n"
    )


def cmd_settings(args: argparse.Namespace, out: TextIO) -> None:
    from shared.documents import report_text
    from shared.rules.hall_settings import SETTING_NAMES
    from shared.services.settings import change_settings, load_settings
    from shared.store.lookup import find_hall

    changes: dict[str, object] = {}
    for assignment in args.set or []:
        name, equals, value = assignment.partition("=")
        if not equals:
            raise Rejected(f"write a change as NAME=VALUE, not {assignment!r}")
        changes[name.strip()] = value
    with opened_store(args) as store:
        if changes:
            with store.write() as session:
                hall = find_hall(session, args.hall, lock=True)
                settings = change_settings(session, hall.id, changes)
                _record(
                    session,
                    hall.id,
                    "settings_changed",
                    changes={name: getattr(settings, name) for name in changes},
                )
        else:
            with store.read() as session:
                settings = load_settings(session, find_hall(session, args.hall).id)
    if args.json:
        _print_json({name: getattr(settings, name) for name in SETTING_NAMES}, out)
    else:
        out.write(report_text.settings_text(settings) + "\n")


def cmd_backup(args: argparse.Namespace, out: TextIO) -> None:
    """The backup is recorded in the audit log of the store it copies, once it is whole."""
    from shared.documents import report_text
    from shared.store.backup import backup_store

    report = backup_store(args.db or default_target(), Path(args.destination))
    _record_in_each_hall(args.db or default_target(), "backup", report, file=str(report.path))
    out.write(report_text.backup_text("备份完成 backup written", report) + "\n")


def _record_in_each_hall(target: str, action: str, report: BackupReport, **detail: object) -> None:
    """Audit a backup or a restore in each hall of the store (it copies them all)."""
    from sqlalchemy import select

    from shared.store.database import open_store
    from shared.store.models import Hall

    store = open_store(target, create=False)
    try:
        with store.write() as session:
            for hall_id in session.scalars(select(Hall.id).order_by(Hall.id)).all():
                _record(
                    session, hall_id, action, sha256=report.sha256, size=report.size_bytes, **detail
                )
    finally:
        store.close()


def cmd_restore(args: argparse.Namespace, out: TextIO) -> None:
    """Keep a copy of the store being replaced first: a restore must lose nothing either.
    A store too damaged to copy is set aside whole, unread; the restored store records the
    restore in its audit log."""
    from shared.archive.integrity import file_integrity_problems
    from shared.documents import report_text
    from shared.store.backup import backup_store, check_backup, restore_store, sqlite_store_path
    from shared.store.database import StoreError

    target = sqlite_store_path(args.db or default_target(), "restore")
    # a backup that cannot be restored leaves no copy behind
    check_backup(Path(args.backup), file_integrity_problems)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    safety = target.with_name(f"{target.name}.before-restore-{stamp}")
    set_aside = None
    try:
        if target.exists():
            kept = backup_store(target, safety)
            out.write(report_text.backup_text("原库已另存 the replaced store is kept", kept) + "\n")
    except (Rejected, StoreError) as reason:
        set_aside = target.with_name(f"{target.name}.damaged-{stamp}")
        out.write(
            f"the replaced store could not be copied ({reason}); it is set aside as "
            f"{set_aside.name}\n"
        )
    report = restore_store(
        Path(args.backup), target, check=file_integrity_problems, set_aside=set_aside
    )
    _record_in_each_hall(
        str(target),
        "restore",
        report,
        backup=str(Path(args.backup).expanduser().resolve()),
        replaced=str(set_aside or (safety if safety.exists() else "")),
    )
    out.write(report_text.backup_text("恢复完成 store restored", report) + "\n")


def cmd_simulate(args: argparse.Namespace, out: TextIO) -> None:
    from shared.forecast.simulate import preset, simulate_day, write_day

    if not 0 < args.volume <= 10:
        raise Rejected("--volume must be above 0 and at most 10")
    events = simulate_day(preset(args.profile, volume=args.volume), args.date, args.seed)
    if args.out is None:
        write_day(events, out)
        return
    try:
        with open(args.out, "x", encoding="utf-8") as file:
            write_day(events, file)
    except FileExistsError as error:
        raise Rejected(f"{args.out} already exists; choose a new file name") from error
    except OSError as error:
        raise Rejected(f"cannot write {args.out}: {error.strerror}") from error
    out.write(f"{len(events)} events of {args.date} ({args.profile}) written to {args.out}\n")


def cmd_demo(args: argparse.Namespace, out: TextIO) -> None:
    from shared.cli.demo import run_demo

    run_demo(
        args.db,
        speed=args.speed,
        minutes=args.minutes,
        seed=args.seed,
        out=out,
        profile=args.profile,
        windows=not args.no_windows,
        keep=args.keep,
    )


# ----- the parser -----


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="TARGET",
        default=argparse.SUPPRESS,
        help="store: a SQLite file path or an SQLAlchemy URL (default: $HALLQ_DB, else a file "
        "in your data folder)",
    )
    common.add_argument(
        "--hall",
        metavar="CODE",
        default=argparse.SUPPRESS,
        help="hall code, when the store holds several",
    )
    parser = argparse.ArgumentParser(
        prog="hallq",
        parents=[common],
        description="hallq: tickets, counters, crowding alerts and clerk figures of a hall.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Handler, text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[common], help=text, description=text)
        sub.set_defaults(handler=handler)
        return sub

    init = command("init", cmd_init, "create or upgrade the store; --demo also loads the demo hall")
    init.add_argument("--demo", action="store_true", help="load the demo hall (safe to repeat)")

    hall = command("hall", cmd_hall_load, "load or update a hall from a JSON definition")
    hall.add_argument("action", choices=["load"])
    hall.add_argument("file", metavar="FILE")

    play = command("replay", cmd_replay, "apply a day of events, one JSON object per line")
    play.add_argument("file", metavar="FILE", help="the events file; - reads standard input")

    status = command(
        "status", cmd_status, "now: waiting per queue, counters and their state, alert level"
    )
    status.add_argument("--json", action="store_true", help="print JSON")

    metrics = command("metrics", cmd_metrics, "per-clerk figures for a business day")
    metrics.add_argument(
        "--date", type=_day, required=True, metavar="D", help="business day, YYYY-MM-DD"
    )
    metrics.add_argument("--clerk", metavar="ID", help="one clerk's staff id")
    metrics.add_argument("--json", action="store_true", help="print JSON")

    queues = command(
        "queues", cmd_queues, "the hall's figures per queue and hour for a business day"
    )
    queues.add_argument(
        "--date", type=_day, required=True, metavar="D", help="business day, YYYY-MM-DD"
    )
    queues.add_argument("--json", action="store_true", help="print JSON")

    alerts = command("alerts", cmd_alerts, "the crowding level changes of a business day")
    alerts.add_argument(
        "--date", type=_day, required=True, metavar="D", help="business day, YYYY-MM-DD"
    )
    alerts.add_argument("--json", action="store_true", help="print JSON")

    ack = command("ack", cmd_ack, "acknowledge today's latest rise of the alert level (shift lead)")
    ack.add_argument("--clerk", required=True, metavar="ID", help="the shift lead's staff id")

    settings = command("settings", cmd_settings, "show the hall's settings, or change them")
    settings.add_argument("set", nargs="*", metavar="NAME=VALUE", help="settings to change")
    settings.add_argument("--json", action="store_true", help="print JSON")

    backup = command("backup", cmd_backup, "copy a live SQLite store to a new file, checked")
    backup.add_argument(
        "destination", metavar="FILE", help="the new backup file (never overwritten)"
    )

    restore = command(
        "restore", cmd_restore, "replace the store with a checked backup (close the programs first)"
    )
    restore.add_argument("backup", metavar="FILE", help="a backup made by `hallq backup`")

    simulate = command(
        "simulate", cmd_simulate, "write a simulated business day as replay events (seeded)"
    )
    simulate.add_argument(
        "--date", type=_day, required=True, metavar="D", help="the day, YYYY-MM-DD"
    )
    simulate.add_argument(
        "--profile", choices=sorted(PROFILES), default="normal", help="kind of day"
    )
    simulate.add_argument("--seed", type=int, default=1, help="the same seed gives the same day")
    simulate.add_argument(
        "--volume", type=float, default=1.0, help="scale the day's arrivals (default 1.0)"
    )
    simulate.add_argument("--out", metavar="FILE", help="a new file (default: standard output)")

    demo = command(
        "demo",
        cmd_demo,
        "open the kiosk, counter 3 and the hall screen on a demo hall with a "
        "simulated day of customers and clerks",
    )
    demo.add_argument(
        "--speed", type=float, default=30.0, help="simulated seconds per real second (default 30)"
    )
    demo.add_argument(
        "--minutes", type=float, default=None, help="stop after this many real minutes"
    )
    demo.add_argument("--seed", type=int, default=None, help="seed for a repeatable stream")
    demo.add_argument(
        "--profile", choices=sorted(PROFILES), default="normal", help="kind of day to play"
    )
    demo.add_argument(
        "--no-windows", action="store_true", help="play the day in the terminal only (no screen)"
    )
    demo.add_argument(
        "--keep", action="store_true", help="keep the temporary store (without --db) afterwards"
    )
    for register in COMMAND_GROUPS:
        register(command)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    args.db = getattr(args, "db", None)
    args.hall = getattr(args, "hall", None)
    handler: Callable[[argparse.Namespace, TextIO], Any] = args.handler
    try:
        check_input("an argument", [value for value in vars(args).values() if value != handler])
        args.db = _store_target(args.db)
        _store_target(os.environ.get("HALLQ_DB") or None)  # the default, checked the same way
        for name, value in vars(args).items():
            if isinstance(value, dt.date):  # a datetime too: its day is checked
                check_day(f"--{name}", value.date() if isinstance(value, dt.datetime) else value)
        handler(args, out)
    except Failed:
        return EXIT_REJECTED
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (say, `head`) stopped reading: not our failure
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except Exception as error:
        print(f"hallq: error: {_reason(error, args.db)}", file=sys.stderr)
        return EXIT_REJECTED
    return EXIT_OK


def _store_target(target: str | None) -> str | None:
    """--db as given, once it can name a store: a SQLite path is a regular file or does not
    exist yet, outside /proc, /sys and /dev (but /dev/shm, memory the user may keep a
    scratch store in): a device would be opened and get journal files beside it. Its ~user
    folder must exist."""
    if target is None or "://" in target:
        return target
    try:
        path = Path(target).expanduser()
    except RuntimeError:
        raise Rejected(f"--db {target}: no such user's home folder") from None
    if path.exists() and not path.is_file() and not path.is_dir():  # a folder: open_store says
        raise Rejected(f"--db {target} is not a store file")
    place = str(path.resolve())
    if place.startswith(("/proc/", "/sys/", "/dev/")) and not place.startswith("/dev/shm/"):
        raise Rejected(f"--db {target} is not a store file")
    return str(path)


def _reason(error: Exception, target: str | None) -> str:
    """One line for a refusal or a failure of the store; anything else is a fault of hallq
    and keeps its traceback."""
    from shared.store.database import StoreError, to_url
    from shared.store.failures import store_failure, store_name

    target = target or default_target()
    try:
        name = store_name(to_url(target))
    except (StoreError, RuntimeError):  # RuntimeError: a ~user path with no such user
        name = target
    failure = store_failure(error, name)
    if failure is not None:
        opening = "cannot open the " if isinstance(error, StoreError) else ""
        return opening + failure.reason
    if isinstance(error, Rejected | StoreError):
        return " ".join(str(error).split())
    raise error


if __name__ == "__main__":
    sys.exit(main())
