"""Where the administrator's window reads and acts: the store of this PC (a one-PC hall,
the demo, the tests) or the hall server. Both hand the window the same plain values (the
server's JSON) and take the same acts by name, through callbacks: the store answers at once,
the server later, on the GUI thread. The role is checked where the data is: on the server
under the administrator's session, on the store by the services."""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from shared.client.decoding import Undecodable
from shared.client.http import Refused, ServerError
from shared.qt.errors import FailureNotices
from shared.qt.remote import HallLink, LinkWords
from shared.rules.permissions import Actor, Permission, require
from shared.services import campaigns, staff_admin
from shared.services.devices import enrol_device, list_devices, revoke_device
from shared.services.roles import change_settings_as
from shared.services.settings import load_settings, setting_rules
from shared.services.staff import sign_in
from shared.store.clock import Clock
from shared.store.database import Store
from shared.store.lookup import find_clerk, find_hall

Complain = Callable[[str], None]
Done = Callable[[Any], None]
SOURCE = "admin window"
READS = ("staff", "counters", "devices", "settings", "lists", "businesses")
ACTS = (
    "add-staff",
    "disable",
    "pin",
    "role",
    "add-counter",
    "queues",
    "enrol",
    "revoke",
    "settings",
    "import",
    "remove",
)


@dataclass(frozen=True)
class Admin:
    """Who signed in: `token` on the server, `clerk_id` and `hall_id` on the store."""

    staff_id: str
    name: str
    token: str | None = None
    clerk_id: int | None = None
    hall_id: int | None = None


class AdminSource(Protocol):
    on_server: bool

    def sign_in(
        self, staff_id: str, pin: str, done: Callable[[Admin], None], complain: Complain
    ) -> None: ...

    def sign_out(self, admin: Admin) -> None: ...

    def read(self, admin: Admin, what: str, done: Done, complain: Complain) -> None:
        """One of READS, or "list:KIND" for a special list's numbers."""

    def act(
        self, admin: Admin, act: str, body: Mapping[str, Any], done: Done, complain: Complain
    ) -> None: ...


def _device_json(rows: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "name": row.name,
            "kind": str(row.kind),
            "counter": row.counter,
            "enrolled_at": row.enrolled_at.isoformat(),
            "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
        }
        for row in rows
    ]


class StoreAdmin:
    """The store on this PC, read and written on the GUI thread."""

    on_server = False

    def __init__(
        self, store: Store, hall_code: str | None, clock: Clock, failures: FailureNotices
    ) -> None:
        self.store, self.hall_code, self.clock, self.failures = store, hall_code, clock, failures

    def _actor(self, admin: Admin) -> Actor:
        """The signed-in member of staff as the services that take an actor see them, with
        the role the store holds now."""
        with self.store.read() as session:
            clerk = find_clerk(session, find_hall(session, self.hall_code), admin.staff_id)
            return Actor(
                hall_id=clerk.hall_id, name=clerk.staff_id, role=clerk.role, clerk_id=clerk.id
            )

    def sign_in(
        self, staff_id: str, pin: str, done: Callable[[Admin], None], complain: Complain
    ) -> None:
        def signed() -> Admin:
            who = sign_in(
                self.store, self.hall_code, staff_id, pin, source=SOURCE, clock=self.clock
            )
            staff_admin.list_staff(self.store, self.hall_code, who.staff_id)  # admins only
            return Admin(who.staff_id, who.name, clerk_id=who.clerk_id)

        who = self.failures.attempt("sign in to the administration", signed, complain)
        if who is not None:
            done(who)

    def sign_out(self, admin: Admin) -> None:
        """Nothing to end: the store keeps no session for this window."""

    def _read(self, admin: Admin, what: str) -> Any:
        store, hall, me = self.store, self.hall_code, admin.staff_id
        if what == "staff":
            return [row.as_json() for row in staff_admin.list_staff(store, hall, me)]
        if what == "counters":
            return [row.as_json() for row in staff_admin.list_counters(store, hall, me)]
        if what == "businesses":
            return [row.as_json() for row in staff_admin.list_businesses(store, hall, me)]
        actor = self._actor(admin)
        if what == "devices":
            require(actor, Permission.MANAGE_DEVICES)
            return _device_json(list_devices(store, hall))
        if what == "settings":
            require(actor, Permission.CHANGE_SETTINGS)
            with store.read() as session:
                now = load_settings(session, find_hall(session, hall).id)
            return [
                {
                    "name": rule.name,
                    "kind": rule.kind,
                    "default": rule.default,
                    "meaning": rule.meaning,
                    "bounds": rule.bounds,
                    "value": getattr(now, rule.name),
                }
                for rule in setting_rules()
            ]
        if what == "lists":
            return {"sizes": campaigns.special_list_sizes(store, hall, actor)}
        kind = what.removeprefix("list:")
        return [row.as_json() for row in campaigns.special_list_entries(store, hall, actor, kind)]

    def read(self, admin: Admin, what: str, done: Done, complain: Complain) -> None:
        found = self.failures.attempt(f"read {what}", lambda: self._read(admin, what), complain)
        if found is not None:
            done(found)

    def _act(self, admin: Admin, act: str, body: Mapping[str, Any]) -> Any:
        store, hall, me, clock = self.store, self.hall_code, admin.staff_id, self.clock
        if act == "add-staff":
            staff_admin.add_clerk(
                store,
                hall,
                me,
                body["staff_id"],
                body["name"],
                body["role"],
                source=SOURCE,
                clock=clock,
            )
        elif act == "disable":
            staff_admin.disable_clerk(store, hall, me, body["staff_id"], source=SOURCE, clock=clock)
        elif act == "pin":
            staff_admin.reset_pin(
                store, hall, me, body["staff_id"], body["pin"], source=SOURCE, clock=clock
            )
        elif act == "role":
            staff_admin.change_role(
                store, hall, me, body["staff_id"], body["role"], source=SOURCE, clock=clock
            )
        elif act == "add-counter":
            staff_admin.add_counter(
                store,
                hall,
                me,
                body["number"],
                body["queues"],
                body.get("name", ""),
                source=SOURCE,
                clock=clock,
            )
        elif act == "queues":
            staff_admin.change_counter_queues(
                store, hall, me, body["number"], body["queues"], source=SOURCE, clock=clock
            )
        elif act == "enrol":
            key = enrol_device(
                store,
                hall,
                self._actor(admin),
                body["name"],
                body["kind"],
                counter=body.get("counter"),
                clock=clock,
            )
            return {"name": body["name"], "key": key}
        elif act == "revoke":
            revoke_device(store, hall, self._actor(admin), body["name"], clock=clock)
        elif act == "settings":
            change_settings_as(store, hall, me, dict(body["changes"]), source=SOURCE, clock=clock)
        elif act == "import":
            imported = campaigns.import_special_list(
                store,
                hall,
                self._actor(admin),
                body["kind"],
                body["content"],
                file_name=body["file"],
                clock=clock,
            )
            return imported.as_json()
        elif act == "remove":
            campaigns.remove_from_special_list(
                store, hall, self._actor(admin), body["kind"], body["phone"], clock=clock
            )
        else:
            raise ValueError(f"no administration act {act!r}")
        return None

    def act(
        self, admin: Admin, act: str, body: Mapping[str, Any], done: Done, complain: Complain
    ) -> None:
        finished = self.failures.attempt(
            f"administration: {act}", lambda: (self._act(admin, act, body),), complain
        )
        if finished is not None:
            done(finished[0])


def _part(text: object) -> str:
    return urllib.parse.quote(str(text), safe="")


class ServerAdmin:
    """The hall server, through the program's link, under the administrator's session."""

    on_server = True

    def __init__(
        self, link: HallLink, words: LinkWords | None = None, ended: Complain | None = None
    ) -> None:
        self.link, self.words = link, words or LinkWords()
        self.clock: Clock = link.clock
        self.ended = ended  # told when the server no longer knows the session (401)

    def _send(
        self,
        method: str,
        path: str,
        body: object,
        key: str | None,
        done: Done,
        complain: Complain,
    ) -> None:
        reply = self.link.request(method, path, body, key=key)
        reply.answered.connect(done)
        reply.failed.connect(lambda error: self._failed(error, key, complain))

    def _failed(self, error: ServerError, key: str | None, complain: Complain) -> None:
        signed_in = key is not None and key != self.link.key
        if isinstance(error, Refused) and error.status == 401 and signed_in and self.ended:
            self.ended(error.reason)  # the session expired or was revoked
        else:
            complain(self.words.of(error))

    def sign_in(
        self, staff_id: str, pin: str, done: Callable[[Admin], None], complain: Complain
    ) -> None:
        def opened(answer: Any) -> None:
            try:
                who = Admin(answer["staff_id"], answer["name"], token=answer["token"])
            except (KeyError, TypeError) as error:
                complain(Undecodable(f"the sign-in answer lacks {error}").reason)
                return

            def refused(reason: str) -> None:  # not an administrator: the session ends
                self.sign_out(who)
                complain(reason)

            self._send("GET", "/api/staff", None, who.token, lambda _: done(who), refused)

        self._send(
            "POST", "/api/sessions", {"staff_id": staff_id, "pin": pin}, None, opened, complain
        )

    def sign_out(self, admin: Admin) -> None:
        if admin.token is not None:
            self.link.request("DELETE", "/api/sessions/current", key=admin.token)

    def read(self, admin: Admin, what: str, done: Done, complain: Complain) -> None:
        paths = {
            "staff": "/api/staff",
            "counters": "/api/setup/counters",
            "devices": "/api/devices",
            "settings": "/api/setup/settings",
            "lists": "/api/lists",
            "businesses": "/api/setup/businesses",
        }
        path = paths.get(what) or f"/api/lists/{_part(what.removeprefix('list:'))}"
        self._send("GET", path, None, admin.token, done, complain)

    def act(
        self, admin: Admin, act: str, body: Mapping[str, Any], done: Done, complain: Complain
    ) -> None:
        staff = f"/api/staff/{_part(body.get('staff_id', ''))}"
        routes: dict[str, tuple[str, str, object]] = {
            "add-staff": ("POST", "/api/staff", dict(body)),
            "disable": ("POST", f"{staff}/disable", None),
            "pin": ("POST", f"{staff}/pin", {"pin": body.get("pin")}),
            "role": ("POST", f"{staff}/role", {"role": body.get("role")}),
            "add-counter": ("POST", "/api/setup/counters", dict(body)),
            "queues": (
                "POST",
                f"/api/setup/counters/{_part(body.get('number'))}/queues",
                {"queues": body.get("queues")},
            ),
            "enrol": ("POST", "/api/devices", dict(body)),
            "revoke": ("DELETE", f"/api/devices/{_part(body.get('name'))}", None),
            "settings": ("PATCH", "/api/settings", {"changes": body.get("changes")}),
            "import": (
                "POST",
                f"/api/lists/{_part(body.get('kind'))}?"
                + urllib.parse.urlencode({"file": body.get("file", "")}),
                body.get("content"),
            ),
            "remove": (
                "DELETE",
                f"/api/lists/{_part(body.get('kind'))}/{_part(body.get('phone'))}",
                None,
            ),
        }
        if act not in routes:
            raise ValueError(f"no administration act {act!r}")
        method, path, sent = routes[act]
        self._send(method, path, sent, admin.token, done, complain)
