"""`hallq appointment book`: how a call centre books a customer's slot at the hall."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, TextIO

from shared.cli.opened import opened_store

if TYPE_CHECKING:  # the command line imports this module to register it
    from shared.cli.main import AddCommand


def _slot(text: str) -> dt.datetime:
    try:
        return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M")
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time (YYYY-MM-DDTHH:MM)") from error


def cmd_appointment_book(args: argparse.Namespace, out: TextIO) -> None:
    from shared.services.appointments import book

    with opened_store(args) as store:
        booked = book(store, args.hall, phone=args.phone, business=args.business, at=args.at)
    out.write(
        f"预约码 appointment code {booked.code}: {booked.business} for {booked.phone}, "
        f"{booked.slot_start:%Y-%m-%d %H:%M}-{booked.slot_end:%H:%M}\n"
    )


def register(command: AddCommand) -> None:
    booking = command(
        "appointment",
        cmd_appointment_book,
        "book a customer's slot (电话预约); the kiosk checks it in with the printed code",
    )
    booking.add_argument("action", choices=["book"], help="book a half-hour slot, print its code")
    booking.add_argument("--phone", required=True, help="the customer's mobile number")
    booking.add_argument("--business", required=True, metavar="KEY", help="business key")
    booking.add_argument(
        "--at", required=True, type=_slot, metavar="YYYY-MM-DDTHH:MM", help="slot start"
    )
