"""Every setting of the plugin, with its default.  All are prefixed MEETUP_.

``pelicanconf.py`` overrides what differs for a group; ``merged()`` is the one
place that reads them, so templates and writers never look up raw settings.
"""

from __future__ import annotations

from importlib import metadata

# The distribution this plugin ships in; its version is pyproject.toml's.
DISTRIBUTION = "pelican-meetup"

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
    # File endings read as Markdown: Pelican's, and Middleman's index.html.md.erb
    # (ERB tags and kramdown extensions such as {::coverage … /} are dropped), so
    # such an archive builds as it is.
    "MEETUP_MARKDOWN_EXTENSIONS": ["md", "markdown", "mkd", "mdown", "md.erb"],
    # File names (patterns) that are not built, each named by `invoke check`:
    # Hugo's section pages by default.
    "MEETUP_SKIP_FILES": ["_index.*"],
    # Folders with message catalogs (<folder>/<lang>/LC_MESSAGES/meetup.po) read
    # before the plugin's own: a new language, or a site's own wording of some texts.
    # The language itself is Pelican's DEFAULT_LANG.
    "MEETUP_TRANSLATION_PATHS": [],
    # Photos (JPEG, PNG, WebP, GIF in STATIC_PATHS): the widths made of each (none wider
    # than the photo), the modern formats written besides JPEG/PNG where Pillow can,
    # the encoders' quality (1-95) and the output folder of the variants.
    "MEETUP_PHOTO_WIDTHS": [320, 640, 960, 1440],
    "MEETUP_PHOTO_FORMATS": ["avif", "webp"],
    "MEETUP_PHOTO_QUALITY": 70,
    "MEETUP_PHOTOS_SAVE_AS": "photos",
    # Where the group meets: name -> {"address": …, "lat": …, "lon": …, "directions": …,
    # "accessibility": …, "aliases": [...]} (site/venues.py); a meeting's place names one.
    "MEETUP_VENUES": {},
    # How often calendar apps subscribed to meetups.ics should fetch it again (hours).
    "MEETUP_ICS_REFRESH_HOURS": 12,
    # invoke check: a held talk without slides this many days after its meeting is a
    # hint ("Folien fehlen"); None: no such hint.
    "MEETUP_SLIDES_GRACE_DAYS": 14,
    # Speaker pages: other spellings of a speaker's name -> the name shown
    # ({"Dr. K. Maier": "Karin Maier"}); speakers who asked not to be named.
    "MEETUP_SPEAKER_ALIASES": {},
    # The group's repository ("https://github.com/owner/site"): the call for talks
    # opens its issue form; MEETUP_TALK_PROPOSAL_URL, when set, is the link instead.
    "MEETUP_REPOSITORY_URL": "",
    "MEETUP_TALK_PROPOSAL_URL": "",
    "MEETUP_HIDDEN_SPEAKERS": [],
    # Topic pages: a topic's name -> words or phrases of talk titles that make a talk
    # one of its talks ({"LLM": ["LLM", "GPT", "Sprachmodell"]}: whole words, any case);
    # the tags of a meeting's files (Tags: header, front matter tags) are topics too.
    "MEETUP_TOPICS": {},
}


class SettingsError(ValueError):
    pass


def version() -> str:
    """The installed version of the package (pyproject.toml's ``version``)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        raise SettingsError(f"the package {DISTRIBUTION} is not installed "
                            f"(pip install {DISTRIBUTION})") from None


# Settings a release renamed or removed: old name -> (version, new name or None,
# what to do).  A settings file that still uses one fails at the plugin's start with
# both names, never as an "unknown setting" or a traceback; docs/upgrading.md
# explains each.  No setting has been renamed or removed up to this version.
RENAMED: dict[str, tuple[str, str | None, str]] = {}


def renamed_problems(settings: dict, table: dict | None = None) -> list[str]:
    """One message for every renamed or removed setting ``settings`` still uses."""
    table = RENAMED if table is None else table
    problems = []
    for old in sorted(key for key in settings if key in table):
        since, new, advice = table[old]
        if new:
            text = f"{old} was renamed to {new} in version {since}: rename it in the settings file"
        else:
            text = f"{old} was removed in version {since}: delete it from the settings file"
        problems.append(text + (f" ({advice})" if advice else ""))
    return problems


TALK_PROPOSAL_TEMPLATE = "vortrag.yml"


def merged(settings: dict) -> dict:
    """Defaults overridden by the site's MEETUP_* settings, validated."""
    renamed = renamed_problems(settings)
    if renamed:
        raise SettingsError("; ".join(renamed))
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
    _check_photos(result)
    hours = result["MEETUP_ICS_REFRESH_HOURS"]
    if not isinstance(hours, int) or isinstance(hours, bool) or not 1 <= hours <= 24 * 7:
        raise SettingsError(f"MEETUP_ICS_REFRESH_HOURS must be whole hours 1-168, got {hours!r}")
    return result


def _check_photos(result: dict) -> None:
    widths = result["MEETUP_PHOTO_WIDTHS"]
    if isinstance(widths, (str, bytes)) or not widths or not all(
            isinstance(w, int) and not isinstance(w, bool) and 16 <= w <= 8192 for w in widths):
        raise SettingsError(f"MEETUP_PHOTO_WIDTHS must be a list of widths in pixels (16-8192), "
                            f"e.g. [320, 640, 960, 1440], got {widths!r}")
    formats = result["MEETUP_PHOTO_FORMATS"]
    if isinstance(formats, str) or not all(f in ("avif", "webp") for f in formats):
        raise SettingsError(f'MEETUP_PHOTO_FORMATS may list "avif" and "webp", got {formats!r}')
    quality = result["MEETUP_PHOTO_QUALITY"]
    if not isinstance(quality, int) or isinstance(quality, bool) or not 1 <= quality <= 95:
        raise SettingsError(f"MEETUP_PHOTO_QUALITY must be a whole number 1-95, got {quality!r}")
    grace = result["MEETUP_SLIDES_GRACE_DAYS"]
    if grace is not None and (isinstance(grace, bool) or not isinstance(grace, int) or grace < 0):
        raise SettingsError(f"MEETUP_SLIDES_GRACE_DAYS must be whole days (0 or more) or None, got {grace!r}")
    if not result["MEETUP_TALK_PROPOSAL_URL"] and result["MEETUP_REPOSITORY_URL"]:
        # GitHub's new-issue address with the call-for-talks form (.github/ISSUE_TEMPLATE/).
        result["MEETUP_TALK_PROPOSAL_URL"] = (result["MEETUP_REPOSITORY_URL"].rstrip("/")
                                              + "/issues/new?template=" + TALK_PROPOSAL_TEMPLATE)
    aliases = result["MEETUP_SPEAKER_ALIASES"]
    if not isinstance(aliases, dict) or not all(isinstance(k, str) and isinstance(v, str)
                                                for k, v in aliases.items()):
        raise SettingsError(f'MEETUP_SPEAKER_ALIASES must map spellings to names, e.g. '
                            f'{{"Dr. K. Maier": "Karin Maier"}}, got {aliases!r}')
    hidden = result["MEETUP_HIDDEN_SPEAKERS"]
    if not isinstance(hidden, (list, tuple)) or not all(isinstance(name, str) for name in hidden):
        raise SettingsError(f"MEETUP_HIDDEN_SPEAKERS must be a list of names, got {hidden!r}")
    folder = result["MEETUP_PHOTOS_SAVE_AS"]
    if not isinstance(folder, str) or not folder.strip("/") or ".." in folder.split("/"):
        raise SettingsError(f'MEETUP_PHOTOS_SAVE_AS must be a folder like "photos", got {folder!r}')
