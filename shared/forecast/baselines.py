"""Two stronger yardsticks for the wait printed on a ticket, beside the naive one: the mean
of the queue's recent waits, and the queueing textbook's M/M/c (Erlang C) mean wait at the
queue's live arrival and service rates. The estimate is only worth its cost if it beats
them too (docs/forecasting.md)."""

from __future__ import annotations

from collections.abc import Sequence


def pooled_mean_wait_s(recent_waits: Sequence[float]) -> float | None:
    """The mean of the queue's latest waits (issue to call); None before any."""
    return sum(recent_waits) / len(recent_waits) if recent_waits else None


def erlang_c_chance(servers: int, offered: float) -> float:
    """The chance an arriving customer has to wait in an M/M/c queue with `servers` and
    `offered` load (arrival rate × mean handling time), for offered < servers."""
    term, total = 1.0, 1.0  # offered^k / k!, summed for k < servers
    for k in range(1, servers):
        term *= offered / k
        total += term
    last = term * offered / servers  # offered^c / c!
    tail = last * servers / (servers - offered)
    return tail / (total + tail)


def erlang_c_wait_s(
    arrivals_per_s: float, handling_s: float, servers: int, ahead: int
) -> float | None:
    """The M/M/c mean wait at these live rates. A queue that arrives faster than its
    counters serve has no steady state: then the people ahead, served `servers` at a time."""
    if servers <= 0 or handling_s <= 0:
        return None
    offered = arrivals_per_s * handling_s
    if offered >= servers:
        return (ahead + 1) * handling_s / servers
    return erlang_c_chance(servers, offered) * handling_s / (servers - offered)
