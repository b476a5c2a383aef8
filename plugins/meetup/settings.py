"""Every setting of the plugin, with its default.  All are prefixed MEETUP_.

``pelicanconf.py`` overrides what differs for a group; ``merged()`` is the one
place that reads them, so templates and writers never look up raw settings.
"""

from __future__ import annotations

DEFAULTS: dict = {
    # Shown in the header, feeds and the calendar.
    "MEETUP_GROUP_NAME": "",
    # Where meetings usually take place; announcements' "Wo:" wins.
    "MEETUP_LOCATION": "",
    # Sign-up link shown in the next-meetup box; announcements' link wins.
    "MEETUP_SIGNUP_URL": "",
    # A tentative next date when no meeting is known, or None for none:
    # {"weekday": "tuesday", "week": 3, "time": "18:30", "skip_months": [7, 8, 12]}
    # ("week": -1 is the last such weekday of the month).
    "MEETUP_RECURRENCE": None,
    # Time of a meeting whose text gives a date only.
    "MEETUP_DEFAULT_TIME": "18:30",
    # Length of a meeting in calendar entries.
    "MEETUP_DURATION_MINUTES": 150,
    # "full" (as written), "first" (first names only) or "count" (no names).
    "MEETUP_PARTICIPANT_NAMES": "full",
    # Machine-readable outputs, relative to the output folder.
    "MEETUP_JSON_SAVE_AS": "meetups.json",
    "MEETUP_ICS_SAVE_AS": "meetups.ics",
}


class SettingsError(ValueError):
    pass


def merged(settings: dict) -> dict:
    """Defaults overridden by the site's MEETUP_* settings, validated."""
    result = dict(DEFAULTS)
    result.update({k: v for k, v in settings.items() if k.startswith("MEETUP_")})
    unknown = sorted(set(result) - set(DEFAULTS))
    if unknown:
        raise SettingsError(
            f"unknown setting(s) {', '.join(unknown)}; known: {', '.join(sorted(DEFAULTS))}"
        )
    names = result["MEETUP_PARTICIPANT_NAMES"]
    if names not in ("full", "first", "count"):
        raise SettingsError(
            f'MEETUP_PARTICIPANT_NAMES must be "full", "first" or "count", got {names!r}'
        )
    return result
