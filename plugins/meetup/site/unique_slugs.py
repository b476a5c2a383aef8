"""One address per meeting when titles recur ("Stammtisch", "Coding Dojo").  Pure.

Pelican takes an article's slug from its title, so two meetings called "Stammtisch"
would be written to the same ``stammtisch/index.html`` (and the strict build fails on
Pelican's warning).  Here every article whose title slug collides, with another
article, a page or a file the site writes itself (``archiv/index.html`` …), gets its
date appended: ``stammtisch-2024-03-12``; should two still collide (same title, same
day), ``-2``, ``-3`` … follow in path order.  An article whose slug is unique keeps it,
so an archive without recurring titles keeps every address it has.  A slug the
organizer chose (``Slug:``, ``Save_as:``, a front matter ``slug``) is never changed;
two of those on one file remain an error of the content check.

Used by the Pelican glue (``recurring_titles``) and by ``invoke check``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Claim:
    key: str  # the source file
    target: str  # the file it is written to with its own slug
    movable: bool  # slug from the title (none chosen by hand) and a date known
    day: dt.date | None = None


def suffixes(claims: Iterable[Claim], retarget: Callable[[Claim, str], str | None],
             reserved: Iterable[str] = ()) -> dict[str, str]:
    """``{key: suffix}`` for the claims whose slug gets a suffix (``-2024-03-12``).

    ``retarget(claim, suffix)`` is the file the claim is written to with the suffix.
    """
    claims = sorted(claims, key=lambda claim: claim.key)
    reserved = set(reserved)
    by_target: dict[str, list[Claim]] = {}
    for claim in claims:
        by_target.setdefault(claim.target, []).append(claim)
    moving = [claim for target, owners in by_target.items()
              if len(owners) > 1 or target in reserved
              for claim in owners if claim.movable and claim.day is not None]
    if not moving:
        return {}
    moved = {claim.key for claim in moving}
    taken = reserved | {claim.target for claim in claims if claim.key not in moved}
    result: dict[str, str] = {}
    for claim in sorted(moving, key=lambda c: (c.day, c.key)):
        base = "-" + claim.day.isoformat()
        suffix, number = base, 1
        target = retarget(claim, suffix)
        while target is None or target in taken:
            number += 1
            if number > 1000:  # cannot happen with sane patterns; keep the file as it is
                suffix = ""
                break
            suffix = f"{base}-{number}"
            target = retarget(claim, suffix)
        if suffix:
            result[claim.key] = suffix
            taken.add(target)
    return result


# --- Where Pelican writes a file -----------------------------------------------------


def save_as_setting(kind: str, status: str, lang: str, default_lang: str) -> str:
    """The ``*_SAVE_AS`` setting Pelican uses for a file of this kind, status and language."""
    prefix = {"article": "ARTICLE", "page": "PAGE"}[kind]
    if status == "draft":
        prefix = "DRAFT" if kind == "article" else "DRAFT_PAGE"
    return f"{prefix}_SAVE_AS" if lang == default_lang else f"{prefix}_LANG_SAVE_AS"


def output_target(kind: str, values: Mapping[str, str], slug: str, settings: Mapping,
                  slugify: Callable[[str], str], date: dt.datetime | None = None) -> str | None:
    """The file Pelican writes a source with these header ``values`` and ``slug`` to
    (None when it is not written); a pattern it cannot fill gives a unique marker."""
    save_as = values.get("save_as")
    if save_as is not None:
        return os.path.normpath(save_as.strip())
    status = (values.get("status") or "published").lower()
    default_lang = str(settings.get("DEFAULT_LANG", "en")).lower()
    lang = (values.get("lang") or default_lang).lower()
    key = save_as_setting(kind, status, lang, default_lang)
    pattern = settings.get(key, "{slug}.html")
    if not pattern:
        return None
    filled = dict(values)
    filled.update(slug=slug, lang=lang, date=date or dt.datetime(1970, 1, 1),
                  category=slugify(values.get("category") or settings.get("DEFAULT_CATEGORY", "misc")),
                  author=slugify(values.get("author") or settings.get("AUTHOR", "")))
    try:
        return os.path.normpath(pattern.format(**filled))
    except (KeyError, IndexError, ValueError, AttributeError):
        return f"{key}:{slug}"


def reserved_outputs(settings: Mapping) -> dict[str, str]:
    """Files the site writes whatever the content: output path -> setting."""
    reserved = {}
    for name in settings.get("DIRECT_TEMPLATES", []):
        key = f"{name.upper()}_SAVE_AS"
        reserved.setdefault(os.path.normpath(settings.get(key, f"{name}.html") or "."), key)
    for key, value in sorted(settings.items()):
        fixed = isinstance(value, str) and value and "{" not in value
        if fixed and (key.startswith(("FEED_", "MEETUP_")) and key.endswith(("_ATOM", "_RSS", "_SAVE_AS"))):
            reserved.setdefault(os.path.normpath(value), key)
    reserved.pop(".", None)
    return reserved
