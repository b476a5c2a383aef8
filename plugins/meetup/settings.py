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
    # File endings read as Markdown; "md.erb" adds Middleman's index.html.md.erb
    # (ERB tags and kramdown extensions such as {::coverage … /} are dropped).
    "MEETUP_MARKDOWN_EXTENSIONS": ["md", "markdown", "mkd", "mdown"],
    # File names (patterns) that are not built, each named by `invoke check`:
    # Hugo's section pages by default.
    "MEETUP_SKIP_FILES": ["_index.*"],
    # Folders with message catalogs (<folder>/<lang>/LC_MESSAGES/meetup.po) read
    # before the plugin's own: a new language, or a site's own wording of some texts.
    # The language itself is Pelican's DEFAULT_LANG.
    "MEETUP_TRANSLATION_PATHS": [],
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
    for key in ("MEETUP_MARKDOWN_EXTENSIONS", "MEETUP_SKIP_FILES", "MEETUP_TRANSLATION_PATHS"):
        value = result[key]
        if isinstance(value, str) or not all(isinstance(item, str) and item for item in value):
            raise SettingsError(f"{key} must be a list of non-empty strings, got {value!r}")
    if not all(item.strip(".") == item and "/" not in item
               for item in result["MEETUP_MARKDOWN_EXTENSIONS"]):
        raise SettingsError("MEETUP_MARKDOWN_EXTENSIONS: endings without a leading dot, "
                            f"e.g. \"md.erb\", got {result['MEETUP_MARKDOWN_EXTENSIONS']!r}")
    return result
