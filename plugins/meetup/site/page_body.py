"""Swap sections of a rendered page body for new markup.  Pure, no Pelican.

The plugin finds a section (participants, "next") in the Markdown source;
this module finds the same heading in the HTML that Python-Markdown made
and replaces the heading with everything up to the next heading of the same
or a higher level (or, for a section read without its subsections, up to
the next heading).  Headings are matched in order by level and text, so raw
HTML headings or a heading inside a code block cannot shift the match.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Mapping, Sequence

# Python-Markdown writes headings on their own, never nested in each other.
_HEADING = re.compile(r"<h(?P<level>[1-6])(?P<attrs>\s[^>]*)?>(?P<inner>.*?)</h(?P=level)\s*>",
                      re.IGNORECASE | re.DOTALL)
_ID = re.compile(r"""\bid\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)')""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
# Footnotes follow the last section; they are not part of it.
_FOOTNOTES = re.compile(r"<div\s+class=\"footnote\"", re.IGNORECASE)


@dataclass(frozen=True)
class HtmlHeading:
    start: int  # offset of "<hN"
    end: int  # offset after "</hN>"
    level: int
    id: str | None
    text: str  # plain text, entities resolved


def plain(markup: str) -> str:
    text = html.unescape(_TAG.sub("", markup)).replace("\xa0", " ")
    return " ".join(text.split())


def comparable(text: str) -> str:
    """Heading text reduced to letters and digits: quotes, dashes, &nbsp; and
    markup that smarty/typogrify change do not matter."""
    return re.sub(r"[\W_]+", "", text.casefold())


def html_headings(body: str) -> list[HtmlHeading]:
    headings = []
    for match in _HEADING.finditer(body):
        found = _ID.search(match["attrs"] or "")
        heading_id = (found["dq"] if found["dq"] is not None else found["sq"]) if found else None
        headings.append(HtmlHeading(match.start(), match.end(), int(match["level"]),
                                    heading_id, plain(match["inner"])))
    return headings


def match_headings(source: Sequence[tuple[int, str]], rendered: Sequence[HtmlHeading]
                   ) -> list[int | None]:
    """For each source heading (level, plain text), the index of its rendered
    heading, or None.  Matching goes forward only: the n-th "Teilnehmer" in
    the source is the n-th one in the page."""
    result: list[int | None] = []
    position = 0
    for level, text in source:
        wanted = comparable(text)
        found = None
        for index in range(position, len(rendered)):
            heading = rendered[index]
            if heading.level == level and comparable(heading.text) == wanted:
                found = index
                break
        result.append(found)
        if found is not None:
            position = found + 1
    return result


def section_end(body: str, rendered: Sequence[HtmlHeading], index: int,
                subsections: bool = True) -> int:
    """Where the section of ``rendered[index]`` ends: at the next heading of
    the same or a higher level (any level with ``subsections=False``), at the
    footnotes, or at the end."""
    heading = rendered[index]
    end = len(body)
    for later in rendered[index + 1:]:
        if later.level <= heading.level or not subsections:
            end = later.start
            break
    footnotes = _FOOTNOTES.search(body, heading.end, end)
    return footnotes.start() if footnotes else end


@dataclass(frozen=True)
class Swap:
    markup: str  # what replaces the section
    subsections: bool = True  # False: deeper headings after it stay


def replace_sections(body: str, swaps: dict[int, Swap]) -> str:
    """``body`` with the section of each rendered heading index replaced.

    Sections are cut from the end backwards so earlier offsets stay valid;
    a section that encloses one replaced already is left as it is.
    """
    rendered = html_headings(body)
    spans = sorted(
        ((rendered[index].start, section_end(body, rendered, index, swap.subsections),
          swap.markup)
         for index, swap in swaps.items()),
        reverse=True,
    )
    result = body
    taken_from = len(body) + 1
    for start, end, markup in spans:
        if end > taken_from:  # encloses a section replaced already
            continue
        result = result[:start] + markup.strip() + "\n" + result[end:]
        taken_from = start
    return result


# --- lines outside a section: "Anwesende: Anna, Bernd" -------------------------------

# A paragraph or list item without another one inside it.
_TEXT_BLOCK = re.compile(r"<(?P<tag>p|li)(?:\s[^>]*)?>(?P<inner>(?:(?!<(?:p|li|ul|ol)[\s>]).)*?)</(?P=tag)>",
                         re.IGNORECASE | re.DOTALL)


def swap_lines(body: str, lines: Mapping[str, str], markup: str) -> str | None:
    """``body`` with each rendered line whose text is a key of ``lines`` replaced
    by its value ("" drops it) and ``markup`` put where the first of them stood;
    None when a line is not found (the caller must not publish the names then).

    A paragraph keeps its other lines ("Ort: Online" beside "Gäste: …"):
    Python-Markdown keeps a paragraph's source lines as lines of its HTML.
    """
    wanted = {comparable(line): html.escape(new) for line, new in lines.items()}
    found: set[str] = set()
    pieces: list[str] = []
    position = 0
    inserted = False
    for match in _TEXT_BLOCK.finditer(body):
        written = match["inner"].split("\n")
        kept = []
        for line in written:
            key = comparable(plain(line))
            if key in wanted:
                found.add(key)
                if wanted[key]:
                    kept.append(wanted[key])
            else:
                kept.append(line)
        if not any(comparable(plain(line)) in wanted for line in written):
            continue
        pieces.append(body[position:match.start()])
        if not inserted:
            pieces.append(markup.strip() + "\n")
            inserted = True
        if any(plain(line) for line in kept):
            pieces.append(f"<{match['tag']}>" + "\n".join(kept).strip() + f"</{match['tag']}>")
        position = match.end()
    if found != set(wanted):
        return None
    pieces.append(body[position:])
    return "".join(pieces)
