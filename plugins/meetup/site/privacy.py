"""How much of a participant list the site shows (MEETUP_PARTICIPANT_NAMES).

- "full":  names as written in the report,
- "first": first names only (titles such as "Dr." dropped),
- "count": no names at all, only the totals.

Only participant lists are affected: speakers of talks present in public and
stay named everywhere.  Roles and organisations are kept in "first" mode and
dropped with the names in "count" mode.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..reading.model import Participant, Participants

MODES = ("full", "first", "count")

# Words that precede a name without being one; compared lower-cased.
_TITLES = frozenset(
    {
        "dr", "dr.", "prof", "prof.", "dipl.", "dipl.-ing.", "dipl.-inf.", "dr.-ing.",
        "ing.", "mag.", "med.", "rer.", "nat.", "phil.", "habil.", "m.sc.", "b.sc.",
        "herr", "frau", "hr.", "fr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    }
)


def _is_title(word: str) -> bool:
    lowered = word.lower().strip(",")
    return lowered in _TITLES or bool(re.fullmatch(r"(dr|prof)\.?(-\w+\.?)?", lowered))


def first_name(name: str) -> str:
    """The first name of ``name``: its first word once titles are dropped.

    "Dr. Maier" or "Frau Maier" give only a family name after the title; that
    one is shortened to its initial ("M.") so it does not show.
    """
    words = name.split()
    rest = list(words)
    dropped_title = False
    while rest and _is_title(rest[0]):
        dropped_title = True
        rest.pop(0)
    if not rest:
        return ""
    first = rest[0].strip(",;")
    if dropped_title and len(rest) == 1 and not first.endswith("."):
        return first[0] + "."
    return first


def apply(participants: Participants | None, mode: str) -> Participants | None:
    """``participants`` as the site may show them in ``mode``."""
    if mode not in MODES:
        raise ValueError(f"participant name mode must be one of {', '.join(MODES)}, got {mode!r}")
    if participants is None or mode == "full":
        return participants
    if mode == "count":
        return Participants(named=(), extra=participants.total, total=participants.total,
                            exact=participants.exact, lines=participants.lines)
    named = tuple(
        Participant(name=short, role=person.role, org=person.org)
        for person in participants.named
        if (short := first_name(person.name))
    )
    return replace(participants, named=named)

