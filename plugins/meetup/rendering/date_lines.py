"""Markdown extension: a line that starts with a date reads as written.

Python-Markdown takes every line that starts with a number and a dot for an
ordered-list item and renumbers it from 1: the announcement's

    ### Wann:

    20. Januar 2026 um 18:30

becomes ``<ol><li>Januar 2026 um 18:30</li></ol>`` and the page shows
"1. Januar 2026 um 18:30", a wrong date.  Organizers write dates at the start
of a line all the time (paragraphs, list items, after headings), so here such
a line stays text wherever a list item could start:

- a block that starts with a date line is a paragraph (each date line on a
  line of its own; from the first real list item on, the rest of the block is
  read as before);
- inside a list, a date line continues the item above on a new line instead
  of starting an item of its own;
- in a list item, a nested list item, a blockquote: the same, because their
  text is read by the same processors.

A date line is what an ordered-list item would be (up to three spaces, a
number, a dot, a space) whose number has one or two digits and whose first
word is a month name: German or English, capitalized (``20. Januar 2026``,
``3. März``, ``1. Mai 2024, 19 Uhr``, ``5. March``), or an abbreviation
followed by a dot, a year or the end of the line (``5. Mar.``,
``17. Nov 2020``).  The month word must end there: ``1. Mai-Treffen``,
``1. Maifeier`` and ``1. Januarloch`` stay list items, and so do a bare
``1. Jan: …`` or ``1. Jan Müller`` (a name, no date).  A list item that is
really a date with a remark (``2. Mai: Maifeier``) reads as that date.

Code (fenced or indented) is untouched: those lines never reach list
processing.  Real numbered lists (``1. Begrüßung`` / ``2. Vorträge``) stay lists.
"""

from __future__ import annotations

import re

from markdown.blockprocessors import BlockProcessor, OListProcessor, UListProcessor
from markdown.extensions import Extension

# Month names and abbreviations, compared case-folded (the word itself must be
# capitalized).  The same vocabulary the date parser (german_dates) reads.
MONTH_NAMES = frozenset({
    "januar", "jänner", "jaenner", "februar", "feber", "märz", "maerz", "april", "mai",
    "juni", "juli", "august", "september", "oktober", "november", "dezember",
    "january", "february", "march", "may", "june", "july", "october", "december",
})
MONTH_ABBREVIATIONS = frozenset({
    "jan", "feb", "febr", "mär", "mrz", "apr", "jun", "jul", "aug", "sep", "sept",
    "okt", "oct", "nov", "dez", "dec", "mar",
})

# What Python-Markdown reads as an ordered-list item, with a short number and a
# word after it: the candidates.
_CANDIDATE = re.compile(r"^[ ]{0,3}[0-9]{1,2}\.[ ]+(?P<word>[^\W\d_]+)(?P<after>.*)$")
# After an abbreviation: a dot, a year, or nothing.
_AFTER_ABBREVIATION = re.compile(r"^(?:\.|,?[ ]+[0-9]{4}(?![0-9])|[ ]*$)")
# Any list item start (ordered or not), as OListProcessor.CHILD_RE.
_LIST_ITEM = re.compile(r"^[ ]{0,3}(?:[0-9]+\.|[*+-])[ ]+")
# Python-Markdown's hard line break: two spaces before the newline.
_HARD_BREAK = "  \n"
# Above the ordered list (40) and below the horizontal rule (50).
PRIORITY = 45


def is_date_line(line: str) -> bool:
    """``line`` starts like an ordered-list item but with a day and a month."""
    match = _CANDIDATE.match(line)
    if match is None:
        return False
    word, after = match["word"], match["after"]
    if not word[0].isupper() or after[:1] in ("-", "_") or after[:1].isalnum():
        return False
    folded = word.casefold()
    if folded in MONTH_NAMES:
        return True
    return folded in MONTH_ABBREVIATIONS and _AFTER_ABBREVIATION.match(after) is not None


def _join(previous: str, line: str) -> str:
    """``line`` continues ``previous``; a date line on a line of its own."""
    return previous + (_HARD_BREAK if is_date_line(line) else "\n") + line


class DateParagraphProcessor(BlockProcessor):
    """A block that starts with a date line is text, not an ordered list."""

    def test(self, parent, block: str) -> bool:
        return is_date_line(block.split("\n", 1)[0])

    def run(self, parent, blocks: list[str]) -> None:
        lines = blocks.pop(0).split("\n")
        paragraph = lines[0]
        for index, line in enumerate(lines[1:], start=1):
            if _LIST_ITEM.match(line) and not is_date_line(line):
                # Markdown would have read this block as a list: from here on it still is.
                blocks.insert(0, "\n".join(lines[index:]))
                break
            paragraph = _join(paragraph, line)
        # The paragraph processor knows how a paragraph sits in a list item.
        self.parser.blockprocessors["paragraph"].run(parent, [paragraph])


class _DateAwareItems:
    """get_items of Python-Markdown's list processors (3.x), with date lines as text."""

    CHILD_RE: re.Pattern
    INDENT_RE: re.Pattern
    TAG: str
    STARTSWITH: str

    def get_items(self, block: str) -> list[str]:
        items: list[str] = []
        for line in block.split("\n"):
            match = self.CHILD_RE.match(line)
            if match and not (items and is_date_line(line)):
                if not items and self.TAG == "ol":
                    self.STARTSWITH = re.match(r"[0-9]+", match.group(1)).group()
                items.append(match.group(3))
            elif self.INDENT_RE.match(line) and items:
                # An indented (possibly nested) item.
                if items[-1].startswith(" " * self.tab_length):
                    items[-1] = f"{items[-1]}\n{line}"
                else:
                    items.append(line)
            elif items:
                # Another line of the item above; a date line on a line of its own.
                items[-1] = _join(items[-1], line)
            else:
                items.append(line)
        return items


class DateAwareOListProcessor(_DateAwareItems, OListProcessor):
    pass


class DateAwareUListProcessor(_DateAwareItems, UListProcessor):
    pass


class DateLinesExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's name)
        processors = md.parser.blockprocessors
        # Same names and priorities as Python-Markdown's own (build_block_parser).
        processors.register(DateAwareOListProcessor(md.parser), "olist", 40)
        processors.register(DateAwareUListProcessor(md.parser), "ulist", 30)
        processors.register(DateParagraphProcessor(md.parser), "meetup_date_lines", PRIORITY)


def makeExtension(**kwargs) -> DateLinesExtension:  # noqa: N802 (Markdown's name)
    return DateLinesExtension(**kwargs)
