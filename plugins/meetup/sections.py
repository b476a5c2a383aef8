"""Split a Markdown file into its header block and its heading sections.

Line numbers are real file lines (1-based, header included) so that every
problem can name the line to fix.  Code blocks (fenced, indented) and
multi-line HTML comments are left out of section bodies: a ``# comment`` in a
bash block is not a heading, and a date in a code sample is not a meeting.
Headings follow Python-Markdown, which renders the site: ATX headings start in
column 0 (``#Title`` counts), setext headings are a text line underlined with
``===`` or ``---``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_text import indent_of, list_item


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line in the file
    text: str


@dataclass(frozen=True)
class Section:
    title: str  # heading text without the #'s; "" for the text before the first heading
    level: int  # 1-6; 0 for the text before the first heading
    line: int  # line of the heading (first body line for the leading text)
    body: tuple[Line, ...]  # lines up to the next heading, code left out, blanks kept


@dataclass(frozen=True)
class Document:
    metadata: dict[str, Line]  # header keys lower-cased, as Pelican reads them
    sections: tuple[Section, ...]

    def subtree(self, index: int) -> list[Section]:
        """The section at ``index`` and the deeper sections that follow it."""
        parent = self.sections[index]
        end = index + 1
        while end < len(self.sections) and self.sections[end].level > parent.level:
            end += 1
        return list(self.sections[index:end])

    def text_lines(self) -> list[Line]:
        """Every body line outside code, in file order (headings left out)."""
        return [line for section in self.sections for line in section.body]


def split_lines(source: str) -> list[str]:
    """Lines as an editor numbers them: BOM dropped, CRLF and CR accepted."""
    source = source.removeprefix("\ufeff")
    return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


# The header rules of Python-Markdown's meta extension, which Pelican uses
# (it matches at the start of a line, so "---abc" opens a header too).
_META_BEGIN = re.compile(r"-{3}(\s.*)?")
_META_END = re.compile(r"(-{3}|\.{3})(\s.*)?")
_META_LINE = re.compile(r"[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
_META_MORE = re.compile(r"[ ]{4,}(?P<value>.*)")


@dataclass(frozen=True)
class HeaderField:
    number: int  # file line of "Key:"
    key: str  # as written
    value: str  # continuation lines joined with a space


@dataclass(frozen=True)
class Header:
    fields: tuple[HeaderField, ...]  # in file order, repeated keys included
    body_start: int  # index of the first body line
    # Index of the line that ended the header although it was neither blank
    # nor an end marker ("Straße: …"): Markdown takes it and the rest as body.
    stopped_at: int | None


def read_header(lines: list[str]) -> Header:
    """The header block exactly as Python-Markdown's meta extension reads it."""
    fields: list[HeaderField] = []
    index = 1 if lines and _META_BEGIN.match(lines[0]) else 0
    while index < len(lines):
        text = lines[index]
        if not text.strip() or _META_END.match(text):
            return Header(tuple(fields), index + 1, None)
        if match := _META_LINE.match(text):
            fields.append(HeaderField(index + 1, match["key"], match["value"].strip()))
        elif fields and (match := _META_MORE.match(text)):
            last = fields[-1]
            fields[-1] = HeaderField(last.number, last.key, f"{last.value} {match['value'].strip()}")
        else:
            return Header(tuple(fields), index, index)
        index += 1
    return Header(tuple(fields), index, None)


def read_metadata(lines: list[str]) -> tuple[dict[str, Line], int]:
    """Header fields (keys lower-cased, the first of a repeated key) and the
    index of the first body line."""
    header = read_header(lines)
    metadata: dict[str, Line] = {}
    for field in header.fields:
        metadata.setdefault(field.key.lower(), Line(field.number, field.value))
    return metadata, header.body_start


_FENCE_OPEN = re.compile(r"[ \t]*(?P<fence>`{3,}|~{3,})(?P<info>.*)")
_ATX_HEADING = re.compile(r"(?P<hashes>#{1,6})(?P<text>.*)")
_SETEXT_UNDERLINE = re.compile(r"(?P<chars>=+|-+)[ \t]*")


def _closes_fence(text: str, fence: str) -> bool:
    stripped = text.strip()
    return stripped.startswith(fence) and set(stripped) == {fence[0]}


def _atx_title(text: str) -> str:
    return text.strip().rstrip("#").strip()


@dataclass
class _Scanned:
    number: int
    text: str
    role: str  # "text", "blank", "heading", "skip" (code, comment, underline)
    level: int = 0
    title: str = ""


def _scan(lines: list[str], start: int) -> list[_Scanned]:
    """Classify every body line; code and comments become "skip"."""
    scanned: list[_Scanned] = []
    fence = None  # the opening fence while inside a fenced block
    in_comment = in_indented_code = in_list = False
    after_break = True  # start of body, after a blank line or a heading
    for index in range(start, len(lines)):
        text = lines[index]
        line = _Scanned(index + 1, text, "skip")
        scanned.append(line)
        if fence:
            fence = None if _closes_fence(text, fence) else fence
            continue
        if in_comment:
            in_comment = "-->" not in text
            continue
        if not text.strip():
            line.role = "blank"
            after_break = True
            continue
        indented = indent_of(text) >= 4
        if indented and (in_indented_code or (after_break and not in_list)):
            in_indented_code = True
            continue
        in_indented_code = False
        if match := _FENCE_OPEN.fullmatch(text):
            if not (match["fence"][0] == "`" and "`" in match["info"]):
                fence = match["fence"]
                continue
        comment_start = text.find("<!--")
        if comment_start != -1 and not text[:comment_start].strip() \
                and "-->" not in text[comment_start + 4:]:
            in_comment = True
            continue
        _classify_text_line(line, scanned, indented, after_break)
        if line.role == "heading":
            in_list, after_break = False, True
            continue
        if list_item(text):
            in_list = True
        elif not indented and after_break:
            in_list = False
        after_break = False
    return scanned


def _classify_text_line(line: _Scanned, scanned: list[_Scanned], indented: bool,
                        after_break: bool) -> None:
    line.role = "text"
    if match := _ATX_HEADING.match(line.text):
        line.role, line.level, line.title = "heading", len(match["hashes"]), _atx_title(match["text"])
        return
    underline = _SETEXT_UNDERLINE.fullmatch(line.text)
    previous = scanned[-2] if len(scanned) >= 2 else None
    if (underline and not after_break and previous and previous.role == "text"
            and not list_item(previous.text) and indent_of(previous.text) < 4):
        previous.role, previous.title = "heading", previous.text.strip()
        previous.level = 1 if underline["chars"][0] == "=" else 2
        line.role = "skip"


def split_document(source: str) -> Document:
    lines = split_lines(source)
    metadata, body_start = read_metadata(lines)
    sections: list[Section] = []
    # The leading text starts after the header; a file that is all header
    # still needs a real line for problems about the whole file.
    title, level, heading_line, body = "", 0, min(body_start + 1, len(lines)), []
    for line in _scan(lines, body_start):
        if line.role == "heading":
            sections.append(Section(title, level, heading_line, tuple(body)))
            title, level, heading_line, body = line.title, line.level, line.number, []
        elif line.role in ("text", "blank"):
            body.append(Line(line.number, line.text))
    sections.append(Section(title, level, heading_line, tuple(body)))
    return Document(metadata, tuple(sections))
