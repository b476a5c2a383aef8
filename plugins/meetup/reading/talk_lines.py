"""Talks written as a title heading with the speaker on the line below it.

    ### Getting started with property tests
    [Ann Example](https://…) says:            (or "Ann Example:", "by Ann Example",
                                               "Ann Example will talk about …")

Also ``Titel (Sprecher)`` headings.  A struck heading (``~~…~~``,
``<strike>…</strike>``) or one marked "verschoben"/"abgesagt"/"cancelled" is
no talk.  A person is told by ``looks_like_name`` (capitalised words, no
section words, no acronyms), never by position alone.
"""

from __future__ import annotations

import re

from .markdown_text import fold
from .model import Talk
from .sections import Block
from .talks import looks_like_name

_BY = re.compile(r"(?:by|von|mit|with|speaker|sprecher(?:in)?|referent(?:in)?)\s*:?\s+(?P<speaker>.+?)\.?")
_SPEAKER_SAYS = re.compile(
    r"(?P<speaker>[^:]+?)\s*(?::|\s(?:says|writes|explains|tells us)\s*:?"
    r"|\s(?:is going to|will|wird|erzählt|zeigt|stellt)\b.*)"
)
_TWO = re.compile(r"\s+(?:and|und|&)\s+")
_TITLE_WITH_SPEAKER = re.compile(r"(?P<title>.+?)\s*\((?P<speaker>[^()]+)\)")
_NOT_HELD = re.compile(r"\b(?:verschoben|abgesagt|faellt aus|entfaellt|cancelled|canceled|postponed)\b")


def _speakers(text: str) -> str | None:
    """"Ann Example" or "Ann Example and Bo Sample" when every part is a name."""
    parts = _TWO.split(text.strip())
    if parts and all(looks_like_name(part) for part in parts):
        return " und ".join(part.strip() for part in parts) if len(parts) > 1 else parts[0].strip()
    return None


def _speaker_line(block: Block) -> str | None:
    text = block.plain.strip()
    if match := _BY.fullmatch(text):
        return _speakers(match["speaker"])
    if match := _SPEAKER_SAYS.fullmatch(text):
        return _speakers(match["speaker"])
    return None


def talks_under_headings(blocks: tuple[Block, ...], ignored_sections: frozenset[int] = frozenset(),
                         ) -> list[tuple[int, Talk]]:
    """(heading line, talk) for every heading whose next line names its speaker."""
    talks = []
    for index, block in enumerate(blocks):
        if block.kind != "heading" or block.depth < 2 or block.section in ignored_sections:
            continue
        if block.struck or _NOT_HELD.search(fold(block.plain)):
            continue
        title = block.plain.strip()
        # "Titel (Anna Beispiel)"; one word in brackets is too often "(Online)".
        if (match := _TITLE_WITH_SPEAKER.fullmatch(title)) and len(match["speaker"].split()) > 1:
            if speaker := _speakers(match["speaker"]):
                talks.append((block.number, Talk(speaker, match["title"].strip())))
                continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or following.kind == "heading" or following.struck:
            continue
        if speaker := _speaker_line(following):
            talks.append((block.number, Talk(speaker, title)))
    return talks
