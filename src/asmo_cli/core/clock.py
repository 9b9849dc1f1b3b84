"""The local time on every system: the time zone named by ``TZ`` (through zoneinfo, so also
on Windows, where the C library ignores most ``TZ`` values), else the system's own."""

from __future__ import annotations

import os
from datetime import datetime, tzinfo
from functools import cache


@cache
def _zone(name: str) -> tzinfo | None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None  # a POSIX rule such as "CET-1CEST" or a path: the system reads it


def local_zone() -> tzinfo | None:
    """The zone named by ``TZ`` (an IANA name such as Europe/Amsterdam), None for the
    system's local time."""
    name = os.environ.get("TZ", "").removeprefix(":")
    return _zone(name) if name else None


def now() -> datetime:
    """The local time, to the second, with its UTC offset."""
    zone = local_zone()
    moment = datetime.now(zone) if zone is not None else datetime.now().astimezone()
    return moment.replace(microsecond=0)


def as_local(moment: datetime) -> datetime:
    """A time without an offset (an older record's) read as local time."""
    if moment.tzinfo is not None:
        return moment
    zone = local_zone()
    return moment.replace(tzinfo=zone) if zone is not None else moment.astimezone()
