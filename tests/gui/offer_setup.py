"""A campaign running in the demo hall and the hall's special lists, as the shift lead
would have imported them before the day (set up through the services: the windows under
test only serve and handle what comes of it)."""

from __future__ import annotations

import datetime as dt

from shared.services.campaigns import add_campaign, import_special_list, import_targets
from shared.store.clock import Clock
from shared.store.database import Store

CAMPAIGN = "5G升级季"
SCRIPT = "您的套餐可免费升级5G，月费不变"
TARGET = "15012340001"
LISTED = {
    "blacklist": "15012340002",
    "greylist": "15012340003",
    "do_not_disturb": "15012340004",
    "sensitive_complaint": "15012340005",
}
UNKNOWN_TARGET = "15012340009"  # a target whose ticket carries no number: the clerk types it


def run_campaign(store: Store, clock: Clock) -> None:
    """The campaign offers plan_change (30 yuan per acceptance) to every number above; the
    lists come after the targets, so they keep their customers out at the counter."""
    today = clock.now().date()
    add_campaign(
        store,
        "demo",
        None,
        name=CAMPAIGN,
        business="plan_change",
        starts_on=today,
        ends_on=today + dt.timedelta(days=7),
        value=30,
        clock=clock,
    )
    numbers = [TARGET, *LISTED.values(), UNKNOWN_TARGET]
    rows = "手机号码,分群,话术\n" + "".join(f"{number},存量高价值,{SCRIPT}\n" for number in numbers)
    import_targets(store, "demo", None, CAMPAIGN, rows.encode(), file_name="5g.csv", clock=clock)
    for kind, number in LISTED.items():
        import_special_list(
            store, "demo", None, kind, f"{number}\n".encode(), file_name=f"{kind}.csv", clock=clock
        )
