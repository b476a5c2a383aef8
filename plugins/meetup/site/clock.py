""""Now" for everything time-dependent: SOURCE_DATE_EPOCH when set.

Builds with the same inputs and the same SOURCE_DATE_EPOCH are byte-identical
because nothing else in the project asks the system clock.
"""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo


class ClockError(ValueError):
    pass


def now(timezone: str = "UTC", environ: dict | None = None) -> dt.datetime:
    """The current moment in ``timezone``, pinned by SOURCE_DATE_EPOCH."""
    environ = os.environ if environ is None else environ
    raw = environ.get("SOURCE_DATE_EPOCH", "").strip()
    zone = ZoneInfo(timezone)
    if not raw:
        return dt.datetime.now(zone)
    try:
        seconds = int(raw)
    except ValueError:
        raise ClockError(
            f"SOURCE_DATE_EPOCH must be whole seconds since 1970, got {raw!r}"
        ) from None
    return dt.datetime.fromtimestamp(seconds, zone)
