"""Whether words name a person: evidence, not position.

A talk heading ``Logstash: JRuby at work`` or ``Julia - fast and dynamic`` has a
capitalised word before its separator, but neither names a speaker.  The evidence
used here:

- ``is_given_name``: the word is a first name in gender-guesser's dictionary of
  about 60,000 given names from many countries (accents folded, so "Zoltan" finds
  "Zoltán").  Articles, prepositions, months and weekdays that happen to be names
  somewhere ("An", "May", "August") do not count;
- ``talks.person`` adds the shape: one to three capitalised words whose first word is
  a given name, or, for a link's text (``[Ann Example](…)``), two or more such words,
  as organizers link people to their pages.

The dictionary is loaded once, on first use (about 0.08 s to parse its data file,
about 0.015 s from the copy ``kept`` keeps between processes); without the package
(a broken install) no word is a given name and only linked names count.
"""

from __future__ import annotations

import functools
import os
import unicodedata

from .. import kept
from .markdown_text import fold

# Words that are given names somewhere but in a meeting text are something else.
_NOT_NAMES = frozenset("""
    the an a am im in an bei von vom zu zum zur der die das den dem des und and or of on at to by
    for mit per ende start beginn may june july august april march january february september
    october november december mai juni juli maerz januar februar oktober dezember monday tuesday
    wednesday thursday friday saturday sunday montag dienstag mittwoch donnerstag freitag samstag
    sonntag summer autumn spring winter sommer herbst winter fruehling go ruby crystal hack king
    major will hope grace art bill chase page storm sky river
""".split())


def _plain_letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The names of gender-guesser's dictionary, as its ``Detector(case_sensitive=False)``
    has them (``+`` joins spelled together, apart and with a hyphen), read straight from
    its data file: a fifth of the time the Detector takes to build its tables.

    Parsed once per data file and kept between processes (``kept``): loading the kept
    names takes ~15 ms, parsing the file ~85 ms.  The key is the data file's bytes, this
    module's own code (which does the parsing) and the Unicode version (the folding)."""
    try:
        import gender_guesser.detector as detector
    except ImportError:  # pragma: no cover - the package is a dependency
        return frozenset()
    path = os.path.join(os.path.dirname(detector.__file__), "data", "nam_dict.txt")
    with open(path, "rb") as stream:
        data = stream.read()
    return kept.derived("given-names", data, lambda: _parse_names(data), dump=_dump_names,
                        load=_load_names, versions=[unicodedata.unidata_version],
                        code=[__file__])


def release() -> None:
    """Free the dictionary (~5 MiB at hand); the next lookup loads it again (~20 ms)."""
    _given_names.cache_clear()


def _parse_names(data: bytes) -> frozenset[str]:
    lines = data.split(b"\n")
    # The name is the second column ("M  Aad   4 …"); comments start with # or =.
    # Bytes first, one decode: half the time of decoding and splitting each line.
    column = [fields[0] for line in lines
              if line[:1] not in (b"#", b"=") and (fields := line[3:].split(None, 1))]
    found = set(b"\n".join(column).decode("utf-8").lower().split("\n"))
    odd = [name for name in found if "+" in name or not name.isascii()]
    found.difference_update(odd)
    for name in odd:
        spellings = [name.replace("+", joint) for joint in ("", " ", "-")] if "+" in name \
            else [name]
        found.update(spelling if spelling.isascii() else _plain_letters(spelling)
                     for spelling in spellings)
    return frozenset(found)


def _dump_names(names: frozenset[str]) -> bytes:
    """One name a line (no name holds a line break: the file's lines were split)."""
    return "\n".join(sorted(names)).encode("utf-8")


def _load_names(data: bytes) -> frozenset[str]:
    names = frozenset(data.decode("utf-8").split("\n"))
    if len(names) < 1000:  # the dictionary has ~60,000: this is no list of its names
        raise ValueError(f"{len(names)} names only")
    return names


def is_given_name(word: str) -> bool:
    """"Taryn", "Makoto", "Zoltan", "Jan-Erik"; not "Logstash", "The", "May"."""
    word = word.strip(".,:;!?()[]\"'’")
    if len(word) < 2 or not word[0].isupper():
        return False
    if fold(word) in _NOT_NAMES:
        return False
    names = _given_names()
    letters = _plain_letters(word)
    return letters in names or ("-" in letters and letters.split("-")[0] in names)

