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

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .markdown_text import fold, indent_of, list_item, plain_text
from .frontmatter import read_front_matter


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line in the file
    text: str


@dataclass(frozen=True, slots=True)
class Section:
    title: str  # heading text without the #'s; "" for the text before the first heading
    level: int  # 1-6; 0 for the text before the first heading
    line: int  # line of the heading (first body line for the leading text)
    body: tuple[Line, ...]  # lines up to the next heading, code left out, blanks kept


@dataclass(frozen=True, slots=True)
class Block:
    """One line as a reader sees it: a heading, a list item, a table row or text.

    Made once per file; every extractor reads these instead of re-deriving
    plain text from raw lines.  A field line (``**Anwesend:** 17``,
    ``Ort: Online``, ``Attendees : 11``) has its label and value split off.
    """

    number: int  # 1-based file line
    kind: str  # "heading", "item" (a list item's first line), "row" (table) or "text"
    markdown: str  # the line's Markdown: a heading's title, an item's content
    plain: str  # what a reader sees of it: no markup, links reduced to their text
    section: int  # index of the enclosing section in Document.sections
    depth: int = 0  # heading level; list item indent in columns
    label: str = ""  # a field line's label, folded ("anwesend"); "" for other lines
    value: str = ""  # a field line's value as plain text
    struck: bool = False  # the whole line is struck through (~~…~~)


@dataclass(frozen=True, slots=True)
class Document:
    metadata: dict[str, Line]  # header keys lower-cased, as Pelican reads them
    sections: tuple[Section, ...]
    blocks: tuple[Block, ...] = ()  # every heading and text line in file order, code left out

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

    def first_text_block(self) -> Block | None:
        """The first line a reader sees as text (a meeting called off says so there)."""
        return next((block for block in self.blocks
                     if block.kind in ("text", "item") and block.plain.strip()), None)

    def outline(self, lines: Iterable[int] = ()) -> Document:
        """What is needed after the facts are read, kept for every file of a build (and
        in its cache, and sent from a worker process): the headings and header fields
        without the sections' body lines, and of the blocks only the first text block
        and those of ``lines`` (file lines a page's rewrite replaces).  Pickled, 1.2 KB
        a file of the benchmark's archive, 3.2 KB with every block."""
        wanted = set(lines)
        first = self.first_text_block()
        return replace(self,
                       sections=tuple(replace(section, body=()) for section in self.sections),
                       blocks=tuple(block for block in self.blocks
                                    if block is first or block.number in wanted))


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


@dataclass(frozen=True, slots=True)
class HeaderField:
    number: int  # file line of "Key:"
    key: str  # as written
    value: str  # continuation lines joined with a space


@dataclass(frozen=True, slots=True)
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
_HTML_HEADING = re.compile(r"<h(?P<level>[1-6])(?:\s[^<>]*)?>(?P<title>[^<>]*(?:<(?!/?h[1-6])[^<>]*>[^<>]*)*)"
                           r"</h(?P=level)>", re.IGNORECASE)


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


def _scan_html(lines: list[str], start: int) -> list[_Scanned]:
    """An HTML body (a page in ``.html``): no Markdown code blocks; a line that is one
    ``<h4>…</h4>`` element is a heading, every other line text."""
    scanned: list[_Scanned] = []
    in_comment = False
    for index in range(start, len(lines)):
        text = lines[index]
        line = _Scanned(index + 1, text, "skip")
        scanned.append(line)
        if in_comment:
            in_comment = "-->" not in text
            continue
        if not text.strip():
            line.role = "blank"
        elif text.strip().startswith("<!--") and "-->" not in text:
            in_comment = True
        elif match := _HTML_HEADING.fullmatch(text.strip()):
            line.role, line.level, line.title = "heading", int(match["level"]), match["title"].strip()
        else:
            line.role = "text"
    return scanned


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
    if not indented and (match := _HTML_HEADING.fullmatch(line.text.strip())):
        # Raw HTML passes through Markdown: "<h4>Talk title</h4>" is a heading on the page.
        line.role, line.level, line.title = "heading", int(match["level"]), match["title"].strip()
        return
    underline = _SETEXT_UNDERLINE.fullmatch(line.text)
    previous = scanned[-2] if len(scanned) >= 2 else None
    if (underline and not after_break and previous and previous.role == "text"
            and not list_item(previous.text) and indent_of(previous.text) < 4):
        previous.role, previous.title = "heading", previous.text.strip()
        previous.level = 1 if underline["chars"][0] == "=" else 2
        line.role = "skip"


# "**Anwesend:** 17", "__Ort__: Online", "Attendees : 11", "Gäste: Katja, Jochen".
# A label is a few words that start with a letter; "https://…" is no field.
_FIELD = re.compile(
    r"(?P<open>\*\*|__)?(?P<label>[^\W\d_][\w.'’/&()+-]*(?:[ ][\w.'’/&()+-]+){0,4}?)[ ]?"
    r"(?:(?P=open):|:(?P=open)|:)(?!//)[ ]*(?P<value>.*)"
)
_STRUCK = re.compile(r"(?:~~.*~~|<(?:strike|s|del)>.*</(?:strike|s|del)>)[.!]?", re.IGNORECASE)


def field_of(markdown: str) -> tuple[str, str] | None:
    """The (folded label, plain value) of a field line, else None."""
    text = " ".join(markdown.split())
    match = _FIELD.fullmatch(text)
    if match is None or (match["open"] is None and ("*" in match["label"] or "_" in match["label"])):
        return None
    return fold(plain_text(match["label"])), plain_text(match["value"])


def _block(number: int, kind: str, markdown: str, section: int, depth: int) -> Block:
    found = field_of(markdown) if kind != "heading" else None
    label, value = found if found else ("", "")
    struck = _STRUCK.fullmatch(markdown.strip()) is not None
    return Block(number, kind, markdown, plain_text(markdown), section, depth, label, value, struck)


def _body_block(line: _Scanned, section: int) -> Block:
    item = list_item(line.text)
    if item is not None:
        return _block(line.number, "item", item.content, section, item.indent)
    stripped = line.text.strip()
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        cells = [cell.strip() for cell in stripped.strip("|").split("|")]
        return _block(line.number, "row", " | ".join(cells), section, 0)
    return _block(line.number, "text", stripped, section, indent_of(line.text))


def _front_matter_metadata(source: str) -> tuple[dict[str, Line], int] | None:
    """YAML/JSON/TOML front matter as header fields (plain values only), and the
    index of the first body line; None for a file without front matter."""
    matter = read_front_matter(source)
    if matter.format is None:
        return None
    metadata = {key: Line(matter.lines.get(key, 1), text) for key, value in matter.fields.items()
                if (text := _field_text(value)) is not None}
    return metadata, matter.body_line - 1


def _field_text(value: object) -> str | None:
    """A plain value as text; a list of plain values or of named entries (Middleman's
    ``hosted_by: [{":name": "Venue Co"}]``) as their names joined by ", "."""
    if isinstance(value, (str, int, float, dt.date)):
        return str(value)
    if isinstance(value, list) and value:
        names = []
        for item in value:
            if isinstance(item, dict):
                item = item.get(":name", item.get("name"))
            if not isinstance(item, (str, int, float)) or isinstance(item, bool):
                return None
            names.append(str(item).strip())
        return ", ".join(name for name in names if name) or None
    return None


def split_document(source: str, *, html: bool = False) -> Document:
    """``html``: the body is HTML (an ``.html`` page), not Markdown."""
    lines = split_lines(source)
    front = _front_matter_metadata(source) if source.lstrip("\ufeff")[:1] in ("-", "{", "+") else None
    metadata, body_start = front if front is not None else read_metadata(lines)
    sections: list[Section] = []
    blocks: list[Block] = []
    # The leading text starts after the header; a file that is all header
    # still needs a real line for problems about the whole file.
    title, level, heading_line, body = "", 0, min(body_start + 1, len(lines)), []
    for line in (_scan_html if html else _scan)(lines, body_start):
        if line.role == "heading":
            sections.append(Section(title, level, heading_line, tuple(body)))
            title, level, heading_line, body = line.title, line.level, line.number, []
            blocks.append(_block(line.number, "heading", line.title, len(sections), line.level))
        elif line.role == "text":
            body.append(Line(line.number, line.text))
            blocks.append(_body_block(line, len(sections)))
        elif line.role == "blank":
            body.append(Line(line.number, line.text))
    sections.append(Section(title, level, heading_line, tuple(body)))
    return Document(metadata, tuple(sections), tuple(blocks))
