"""Speakers: one page per speaker with all their talks, held and planned.

Names are matched as written (the same spelling is the same person);
``MEETUP_SPEAKER_ALIASES`` maps other spellings to one name, and a speaker named
in ``MEETUP_HIDDEN_SPEAKERS`` gets no page and is shown without a name.  Speakers
present in public: they stay named under every ``MEETUP_PARTICIPANT_NAMES``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from .site_index import TalkEntry


@dataclass(frozen=True)
class Speaker:
    name: str
    slug: str
    talks: tuple[TalkEntry, ...]  # descending by date, as the talks page

    @property
    def held(self) -> int:
        return sum(1 for talk in self.talks if not talk.planned)


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def shown_talks(talks: Iterable[TalkEntry], aliases: Mapping[str, str],
                hidden: Iterable[str]) -> list[TalkEntry]:
    """The talks with each speaker's name as shown: an alias's name, "" when hidden."""
    canonical = {_key(spelling): name for spelling, name in aliases.items()}
    hide = {_key(name) for name in hidden} | {_key(canonical.get(_key(n), n)) for n in hidden}
    result = []
    for talk in talks:
        name = canonical.get(_key(talk.speaker), talk.speaker) if talk.speaker else ""
        result.append(talk._replace(speaker="" if _key(name) in hide else name))
    return result


def speakers(talks: Iterable[TalkEntry], slugify: Callable[[str], str]) -> list[Speaker]:
    """Every named speaker of ``talks`` (names as shown), by name; each slug unique."""
    by_name: dict[str, list[TalkEntry]] = {}
    names: dict[str, str] = {}
    for talk in talks:
        if talk.speaker:
            by_name.setdefault(_key(talk.speaker), []).append(talk)
            names.setdefault(_key(talk.speaker), talk.speaker)
    used: set[str] = set()
    result = []
    for key in sorted(by_name, key=lambda k: (names[k].casefold(), names[k])):
        base = slugify(names[key]) or "speaker"
        slug, number = base, 2
        while slug in used:
            slug, number = f"{base}-{number}", number + 1
        used.add(slug)
        result.append(Speaker(names[key], slug, tuple(by_name[key])))
    return result
