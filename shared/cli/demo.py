"""`hallq demo`: the demo hall on an embedded store, its three programs open on it, and a
simulated business day played into it.

The day comes from the simulator (`shared.forecast.simulate`): customers take tickets, clerks open,
call, serve, pause for lunch and close, each event played at its time of day compressed
`speed` times, through the real services on the system clock, so the windows see a live
hall. Counter 3 is left to the person trying the demo: the simulated clerks work the
others. The kiosk, counter 3 and the hall screen are started as separate programs (each
only when it is installed), and stopped with the demo; `--no-windows` plays the day in the
terminal alone. The terminal shows the hall's simulated time of day, and the demo ends with
a summary of the day played; a program that fails ends it with an error. Its temporary
store is removed at the end unless kept.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from shared.client.http import ServerAddress, ServerError, request
from shared.errors import Rejected
from shared.figures.clerks import hall_day_summary
from shared.figures.shown import minutes_seconds
from shared.forecast.simulate import PROFILES, preset, simulate_day
from shared.services.alerts import alert_changes
from shared.services.devices import enrol_device
from shared.services.hall import HallService
from shared.services.hall_config import demo_definition, load_hall
from shared.services.replay import apply_event, parse_event
from shared.store.clock import SystemClock
from shared.store.database import Store, open_store
from shared.store.lookup import find_hall
from shared.store.plain import plain_reads
from shared.views.status import LEVEL_NAMES, hall_now

HALL = "demo"
HUMAN_COUNTER, HUMAN_CLERK, CLERK_PIN = 3, "E003", "1234"
LEAD, LEAD_PIN = "M001", "2468"
TICK_S = 0.25
SUMMARY_EVERY_S = 10.0
STOP_GRACE_S = 5.0


# ----- the windows -----


@dataclass(frozen=True)
class Window:
    """One of the hall's programs, run as `python -m module arguments...`."""

    title: str
    module: str
    arguments: tuple[str, ...]
    # The enrolled device key it acts under on the hall server: given in its environment,
    # never on a command line another account can read.
    device_key: str | None = None

    def command(self, python: str = sys.executable) -> list[str]:
        return [python, "-m", self.module, *self.arguments]


@dataclass(frozen=True)
class Served:
    """The demo's hall server, and the keys of the devices its programs act as."""

    url: str
    board_key: str
    screen_key: str  # the customer screen of the person's counter
    kiosk_key: str


def demo_windows(target: str, served: Served | None = None) -> list[Window]:
    """The kiosk, the human's counter, and the calling board with the shift lead's monitor
    (each a client of the demo's hall server, when one runs)."""
    source = ("--server", served.url) if served else ("--db", target)
    return [
        Window(
            "kiosk",
            "kiosk",
            (*source, "--windowed", "--id-reader", "sim"),
            served.kiosk_key if served else None,
        ),
        Window(
            f"counter {HUMAN_COUNTER}",
            "counter",
            (
                *(*source, "--counter", str(HUMAN_COUNTER)),
                *("--clerk", HUMAN_CLERK, "--pin", CLERK_PIN),
            ),
            served.screen_key if served else None,
        ),
        Window(
            "hall screen",
            "counter.screen",
            (*source, "--board", "--monitor", "--lead", LEAD, "--pin", LEAD_PIN),
            served.board_key if served else None,
        ),
    ]


SERVER_START_S = 30.0


def start_server(store: Store, target: str) -> tuple[subprocess.Popen[bytes], Served]:
    """`hallq serve` on the demo's store, on a free loopback port, once it answers; and a
    board, a customer screen and a kiosk enrolled for the programs."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "shared.cli", "--db", target, "serve", "--port", str(port)]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + SERVER_START_S
    while True:
        try:
            request(ServerAddress.parse(url), "GET", "/api/openapi.json")
            break
        except ServerError as error:
            if process.poll() is not None or time.monotonic() > deadline:
                stop_windows([process])
                raise Rejected(f"the demo's hall server did not start: {error.reason}") from error
            time.sleep(0.2)
    board = enrol_device(store, HALL, None, f"demo-board-{port}", "board")
    screen = enrol_device(
        store, HALL, None, f"demo-screen-{port}", "customer_screen", counter=HUMAN_COUNTER
    )
    kiosk = enrol_device(store, HALL, None, f"demo-kiosk-{port}", "kiosk")
    return process, Served(url, board, screen, kiosk)


def is_installed(module: str) -> bool:
    """Whether `python -m module` would run: the module exists (a package needs __main__)."""
    try:
        spec = importlib.util.find_spec(module)
        if spec is not None and spec.submodule_search_locations is not None:
            spec = importlib.util.find_spec(f"{module}.__main__")
    except ModuleNotFoundError:  # its parent package is missing
        return False
    return spec is not None


def has_screen(environment: Mapping[str, str] = os.environ) -> bool:
    """A window can show: a display server is named, or Qt is told where to draw."""
    if sys.platform in ("win32", "darwin"):
        return True
    return any(environment.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def start_windows(
    commands: Sequence[Sequence[str]], keys: Sequence[str | None] = (), scratch: Path | None = None
) -> list[subprocess.Popen[bytes]]:
    """Each in a session of its own, so Ctrl-C reaches the demo, which then closes them;
    each with its device key, if it has one, in its environment, and its temporary files
    (spoken words, a form to view) in `scratch`, which the demo removes even after a window
    was killed."""
    keyed = [*keys, *[None] * (len(commands) - len(keys))]
    place = {"TMPDIR": str(scratch)} if scratch else {}
    return [
        subprocess.Popen(
            list(command),
            start_new_session=True,
            env={**os.environ, **place, **({"HALLQ_DEVICE_KEY": key} if key else {})},
        )
        for command, key in zip(commands, keyed, strict=True)
    ]


def stop_windows(children: Sequence[subprocess.Popen[bytes]]) -> None:
    """Ask each program to quit, and end those that do not within STOP_GRACE_S."""
    for child in children:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + STOP_GRACE_S
    for child in children:
        try:
            child.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


# ----- the simulated day -----


def demo_day(profile: str, seed: int | None) -> list[dict[str, Any]]:
    """Today's simulated events, without the counter left to the person at the demo."""
    base = PROFILES[profile]
    shifts = tuple(shift for shift in base.shifts if shift.counter != HUMAN_COUNTER)
    today = SystemClock().now().date()
    return simulate_day(preset(profile, shifts=shifts), today, seed if seed is not None else 1)


def clock_text(second: float) -> str:
    """A second of the day as HH:MM:SS."""
    whole = int(second)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}"


def day_second(event: Mapping[str, Any]) -> int:
    """The event's second of the day, from its `at` (YYYY-MM-DDTHH:MM:SS)."""
    hours, minutes, seconds = (int(part) for part in str(event["at"])[11:19].split(":"))
    return hours * 3600 + minutes * 60 + seconds


def describe(op: str, event: Mapping[str, Any], result: Mapping[str, object]) -> str | None:
    """One line for the terminal, in Chinese and English; None for the quiet steps."""
    counter, ticket, ahead = event.get("counter"), result.get("ticket"), result.get("ahead")
    lines = {
        "issue": f"取号 ticket {ticket} ({event.get('business')}, {ahead} 人在前 ahead)",
        "call": f"叫号 请 {ticket} 号到 {counter} 号窗口  Ticket {ticket} to counter {counter}",
        "no_show": f"过号 no-show {ticket} at counter {counter}",
        "transfer": f"转移 {ticket} → {result.get('queue')}  transferred",
        "open": f"{counter} 号窗口开放 counter {counter} opens ({event.get('clerk')})",
        "pause": f"{counter} 号窗口暂停 counter {counter} pauses",
        "resume": f"{counter} 号窗口恢复 counter {counter} resumes",
        "close": f"{counter} 号窗口关闭 counter {counter} closes",
    }
    if op == "call" and ticket is None:
        return None
    return lines.get(op)


class DayPlayer:
    """Plays a simulated day into the hall: each event once its time, compressed `speed`
    times from the day's first event, has come. A simulated clerk's step that the hall
    refuses (the person at counter 3 took that customer) is skipped."""

    def __init__(
        self,
        service: HallService,
        events: Sequence[dict[str, Any]],
        speed: float,
        say: Callable[[str], None],
    ):
        self.service = service
        self.events = list(events)
        self.speed = speed
        self.say = say
        self.played = 0
        self.skipped = 0
        self.first_second = day_second(self.events[0]) if self.events else 0
        self.reached: float = self.first_second

    @property
    def hall_time(self) -> str:
        """The simulated time of day the hall has reached, HH:MM:SS."""
        return clock_text(self.reached)

    @property
    def done(self) -> bool:
        return self.played >= len(self.events)

    def play_until(self, elapsed_s: float) -> None:
        """Play every event due `elapsed_s` real seconds after the start."""
        self.reached = self.first_second + elapsed_s * self.speed
        while not self.done and day_second(self.events[self.played]) <= self.reached:
            self.play(self.events[self.played])
            self.played += 1

    def play(self, event: Mapping[str, Any]) -> None:
        op, _, fields = parse_event(json.dumps(event))
        try:
            result = apply_event(self.service, op, fields)
        except Rejected:
            self.skipped += 1
            return
        if (line := describe(op, event, result)) is not None:
            self.say(f"{clock_text(day_second(event))}  {line}")


def summary(store: Store) -> str:
    with store.read() as session:
        now = hall_now(plain_reads(session), find_hall(session, HALL).id)
    waiting = " ".join(f"{q.queue}{q.waiting}" for q in now.queues)
    chinese, english = LEVEL_NAMES[now.level]
    return (
        f"—— 等候 waiting {waiting} | 开放 open {now.open_counters} | "
        f"应急 alert {chinese} {english} ——"
    )


def day_summary(store: Store, player: DayPlayer) -> str:
    """The closing words: what the simulated day played so far came to. The hall runs on
    the real clock, so its waits are real seconds, each `speed` seconds of the day."""
    fast = player.speed
    with store.read() as session:
        hall = find_hall(session, HALL)
        day = SystemClock().now().date()
        totals = hall_day_summary(session, hall, day)
        changes = alert_changes(session, hall, day)
    levels = sorted({0, *(change.level for change in changes)})
    reached = ", ".join(" ".join(LEVEL_NAMES[level]) for level in levels)
    return "\n".join(
        [
            f"—— 模拟营业日小结 the simulated day, {clock_text(player.first_second)}–"
            f"{player.hall_time}: {player.played} of {len(player.events)} events played ——",
            f"  取号 tickets issued {totals['issued']}, called {totals['called']}, "
            f"finished {totals['finished']}, no-shows {totals['no_shows']}",
            f"  等候 waits in the simulated day: mean {minutes_text(totals['mean_wait_s'], fast)}, "
            f"longest {minutes_text(totals['max_wait_s'], fast)}",
            f"  应急 levels reached: {reached} ({len(changes)} changes of level)",
        ]
    )


def minutes_text(seconds: float | None, speed: float = 1.0) -> str:
    """Real seconds of the hall as m:ss of the day played `speed` times faster."""
    return minutes_seconds(None if seconds is None else seconds * speed)


def pins_text(definition: Mapping[str, Any]) -> str:
    """Every PIN of the demo hall, from its definition: staff ids grouped by role and PIN."""
    groups: dict[tuple[str, str], list[str]] = {}
    for clerk in definition["clerks"]:
        groups.setdefault((clerk["role"], clerk["pin"]), []).append(clerk["staff_id"])
    return "; ".join(f"{role} {' '.join(ids)} PIN {pin}" for (role, pin), ids in groups.items())


def _welcome(target: str, windows: Sequence[Window], left_out: Sequence[Window]) -> str:
    lines = [
        f"hallq demo: store {target}",
        f"  counter {HUMAN_COUNTER} is yours: clerk {HUMAN_CLERK}, PIN {CLERK_PIN}; "
        f"shift lead {LEAD}, PIN {LEAD_PIN}",
        f"  demo PINs: {pins_text(demo_definition())}",
        "  at the kiosk, F8 lays the specimen ID card on its simulated reader (F8 again lifts it)",
    ]
    lines += [f"  opening the {w.title}: {' '.join(w.command())}" for w in windows]
    lines += [f"  the {w.title} ({w.module}) is not installed; skipped" for w in left_out]
    lines.append("  Ctrl-C stops the demo" + (" and closes its windows" if windows else ""))
    return "\n".join(lines) + "\n"


def run_demo(
    target: str | None,
    *,
    speed: float,
    minutes: float | None,
    seed: int | None,
    out: TextIO,
    profile: str = "normal",
    windows: bool = True,
    commands: Sequence[Sequence[str]] | None = None,
    keep: bool = False,
) -> None:
    """Play the day until `minutes` of real time have passed, the day is over (terminal
    only), every window has been closed, a window fails, or Ctrl-C. `commands` replaces the
    windows'. Without `target`, the day plays into a temporary store, removed at the end
    unless `keep`; a given store must exist already (`hallq init` makes one)."""
    if speed <= 0:
        raise Rejected("--speed must be above 0")
    if target is not None:
        _run(
            open_store(target, create=False),
            target,
            speed,
            minutes,
            seed,
            out,
            profile,
            windows,
            commands,
        )
        return
    folder = Path(tempfile.mkdtemp(prefix="hallq-demo-"))
    target = str(folder / "demo.sqlite3")
    try:
        _run(open_store(target), target, speed, minutes, seed, out, profile, windows, commands)
    finally:
        if keep:
            out.write(f"hallq demo: the store is kept at {target}\n")
        else:
            shutil.rmtree(folder, ignore_errors=True)
            out.write(f"hallq demo: the temporary store {target} is removed\n")
        out.flush()


def _run(
    store: Store,
    target: str,
    speed: float,
    minutes: float | None,
    seed: int | None,
    out: TextIO,
    profile: str,
    windows: bool,
    commands: Sequence[Sequence[str]] | None,
) -> None:
    children: list[subprocess.Popen[bytes]] = []
    servers: list[subprocess.Popen[bytes]] = []
    restore_sigterm = _end_on_sigterm()
    failed: str | None = None
    scratch = Path(tempfile.mkdtemp(prefix="hallq-demo-windows-"))
    try:
        with store.write() as session:
            load_hall(session, demo_definition())
        wanted = demo_windows(target) if windows else []
        if wanted and commands is None and not has_screen():
            out.write("hallq demo: no screen found; playing the day in the terminal only\n")
            wanted = []
        shown = [w for w in wanted if commands is not None or is_installed(w.module)]
        left_out = [w for w in wanted if w not in shown]
        if commands is None and shown:
            server, served = start_server(store, target)
            servers.append(server)
            out.write(f"hallq demo: the hall server at {served.url}/api\n")
            clients = {w.title: w for w in demo_windows(target, served)}
            shown = [clients[w.title] for w in shown]
        out.write(_welcome(target, shown, left_out))
        out.flush()
        keys: list[str | None] = []
        if commands is None:
            commands = [w.command() for w in shown]
            titles = [w.title for w in shown]
            keys = [w.device_key for w in shown]
        else:
            titles = [" ".join(command) for command in commands]
        children = start_windows(commands, keys, scratch)
        clock = SystemClock()
        player = DayPlayer(
            HallService(store, HALL, clock), demo_day(profile, seed), speed, _say(out)
        )
        watched = dict(zip(children, titles, strict=True))
        try:
            failed = _play(store, player, minutes, watched, out, servers)
        finally:
            out.write(day_summary(store, player) + "\n")
            out.flush()
    finally:
        stop_windows(children)
        stop_windows(servers)
        shutil.rmtree(scratch, ignore_errors=True)
        store.close()
        restore_sigterm()
    if failed is not None:
        raise Rejected(failed)


def _say(out: TextIO) -> Callable[[str], None]:
    def say(text: str) -> None:
        out.write(text + "\n")
        out.flush()

    return say


def _end_on_sigterm() -> Callable[[], object]:
    """A demo told to terminate closes its windows too, as after Ctrl-C."""

    def interrupt(_signal: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    return lambda: signal.signal(signal.SIGTERM, previous)


def how_it_ended(child: subprocess.Popen[bytes]) -> str | None:
    """Why a program that stopped failed (an error exit, or killed); None if it is running
    or was closed normally."""
    code = child.poll()
    if code is None or code == 0:
        return None
    if code < 0:
        return f"was killed ({signal.Signals(-code).name})"
    return f"stopped with exit code {code}"


def _play(
    store: Store,
    player: DayPlayer,
    minutes: float | None,
    children: Mapping[subprocess.Popen[bytes], str],
    out: TextIO,
    servers: Sequence[subprocess.Popen[bytes]] = (),
) -> str | None:
    """Play until the end; the reason the demo fails when one of its windows, or its hall
    server, died."""
    say = player.say
    started = last_summary = time.monotonic()
    while minutes is None or time.monotonic() - started < minutes * 60:
        for child, title in [*children.items(), *((s, "hall server") for s in servers)]:
            if (ended := how_it_ended(child)) is not None:
                return f"the {title} {ended}; the demo stops"
        if children and all(child.poll() is not None for child in children):
            say(f"{player.hall_time}  所有窗口已关闭 every window is closed; the demo ends")
            return None
        if player.done and not children:
            say(f"{player.hall_time}  营业结束 the simulated day is over")
            return None
        player.play_until(time.monotonic() - started)
        if time.monotonic() - last_summary >= SUMMARY_EVERY_S:
            say(f"{player.hall_time}  {summary(store)}")
            last_summary = time.monotonic()
        time.sleep(TICK_S)
    return None
