"""What Pelican should know of one source file that its header does not say.  Pure.

Pelican headers (``Title:``, ``Date:``) stay the first choice and are read by Pelican
itself.  Where a file has none, its title and date come from, in this order:

- front matter (``reading.frontmatter``): ``title``; the meeting date
  (``meeting_date``/``meetingdate``) before ``date`` and a publication date
  (``published_at``); ``slug``, ``status`` (``draft: true`` is a draft), ``summary``,
  ``tags``, ``category``, ``author(s)``, ``lang``, ``modified``/``lastmod``; every other
  key with a plain value is kept as a text field (``location``, ``presenter`` …).
  ``url``, ``save_as`` and ``template`` mean other things in other generators and are
  not taken;
- the file name or its folders (``reading.frontmatter.read_path_date``), unless the
  site's own ``FILENAME_METADATA`` already gives Pelican a date;
- the first level-1 heading for the title; when it is the first thing in the body it is
  taken out of the page (the theme shows the title as the page's heading).

``read_source`` also says what Markdown should convert (front matter blanked; template
tags of ``*.md.erb`` files dropped) and which files are not built at all.  The Pelican
reader (``frontmatter_reader``) and the content check both use it.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import posixpath
import re
from dataclasses import dataclass

from .frontmatter import (BodyTitle, parse_date, pick_date, read_front_matter,
                                  read_path_date, split_lines, title_from_body, iso)
from .model import N_, Text
from .sections import read_header
from ..settings import DEFAULTS

# Pelican's Markdown extensions; a site may add e.g. "md.erb".
MARKDOWN_EXTENSIONS = tuple(DEFAULTS["MEETUP_MARKDOWN_EXTENSIONS"])
# Hugo's section pages: not meetings, and the site builds its own overviews.
SKIP_FILES = tuple(DEFAULTS["MEETUP_SKIP_FILES"])

# Front matter keys with the same meaning as Pelican's, under Pelican's name.
_RENAMED = {"lastmod": "modified", "categories": "category", "keywords": "tags"}
_LISTS = {"tags": ", ", "authors": ", ", "category": None}
# Keys whose front matter meaning differs from Pelican's (Hugo's url is the page's
# address, Jekyll's template is the layout); the date keys are handled apart.
_NOT_TAKEN = frozenset({"url", "save_as", "template", "translation", "reader", "path",
                        "draft", "published", "layout", "permalink", "aliases"})
_KEY = re.compile(r"[a-z][a-z0-9_]*")
_ERB = re.compile(r"<%.*?%>", re.DOTALL)
_KRAMDOWN = re.compile(r"\{::[A-Za-z]\w*[^{}\n]*?/?\}|\{:/[A-Za-z]*\}")


@dataclass(frozen=True)
class Field:
    value: str  # as a Pelican header would say it
    line: int  # file line to blame
    key: str  # what the file calls it: "Title", "meeting_date", "2019/may", "# heading"
    origin: str  # "header", "yaml", "json", "toml", "path", "heading"


@dataclass(frozen=True)
class SourceFields:
    fields: dict[str, Field]  # Pelican metadata names -> value; header fields included
    header_keys: frozenset[str]  # lower-cased keys of the Pelican header (Pelican reads them)
    front_matter: str | None  # "yaml", "json", "toml" or None
    body_line: int  # first body line (after the header or front matter)
    markdown: str  # what Markdown converts
    problems: tuple[tuple[int, Text], ...] = ()
    skip: Text | None = None  # why the file is not built, or None
    date_precision: str = "day"  # "month": only year and month folders date it
    heading: BodyTitle | None = None  # the heading the title comes from
    unreadable: frozenset[str] = frozenset()  # fields given but not readable ("date")

    def added(self) -> dict[str, Field]:
        """The fields Pelican does not find in the header itself."""
        return {k: f for k, f in self.fields.items() if k not in self.header_keys}


def markdown_extension(name: str, extensions=MARKDOWN_EXTENSIONS) -> str | None:
    """The extension of ``name`` among ``extensions`` (the longest that fits)."""
    fitting = [ext for ext in extensions if name.endswith("." + ext) and len(name) > len(ext) + 1]
    return max(fitting, key=len) if fitting else None


def skipped(relative: str, patterns=SKIP_FILES) -> Text | None:
    name = posixpath.basename(relative)
    for pattern in patterns:
        if fnmatch.fnmatchcase(name, pattern):
            return Text(N_("matches MEETUP_SKIP_FILES “{pattern}”"), pattern=pattern)
    return None


def strip_template_tags(text: str) -> str:
    """ERB tags (``<%= render_talks %>``) and kramdown extensions (``{::coverage … /}``)
    removed; lines keep their numbers and a line left empty becomes blank."""
    def blank(match: re.Match) -> str:
        return "\n" * match.group(0).count("\n")
    text = _KRAMDOWN.sub(blank, _ERB.sub(blank, text))
    return "\n".join(line if line.strip() else "" for line in text.split("\n"))


def _text(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None if value is None else str(value).lower()
    if isinstance(value, (dt.date, dt.datetime)):
        return iso(parse_date(value))
    if isinstance(value, (str, int, float)):
        return " ".join(str(value).split())
    return None


def _front_matter_fields(matter, problems: list) -> dict[str, Field]:
    fields: dict[str, Field] = {}
    fmt = matter.format

    def put(name: str, value: str, key: str) -> None:
        fields.setdefault(name, Field(value, matter.lines.get(key, 1), key, fmt))

    picked = pick_date(matter.fields)
    if picked is not None:
        key, raw = picked
        value = parse_date(raw)
        if value is None:
            problems.append((matter.lines.get(key, 1), Text(
                N_("“{key}: {value}” is no date; write YYYY-MM-DD, with a time HH:MM if you like"),
                key=key, value=str(raw))))
        else:
            put("date", iso(value), key)
    status = matter.fields.get("status")
    if matter.fields.get("draft") is True or matter.fields.get("published") is False:
        put("status", "draft", "draft" if "draft" in matter.fields else "published")
    elif isinstance(status, str) and status.strip():
        put("status", status.strip().lower(), "status")
    for key, raw in matter.fields.items():
        name = _RENAMED.get(key, key)
        if name in fields or key in _NOT_TAKEN or key == "status" or not _KEY.fullmatch(name):
            continue
        if name in ("modified",):
            value = parse_date(raw)
            if value is not None:
                put(name, iso(value), key)
            continue
        if isinstance(raw, list) and name in ("tags", "authors", "category", "author"):
            items = [t for t in (_text(item) for item in raw) if t]
            if not items:
                continue
            if name == "author" and len(items) > 1:
                name = "authors"
            text = items[0] if name in ("category", "author") else ", ".join(items)
        else:
            text = _text(raw)
        if text is None or (name == "title" and not text):
            continue
        put(name, text, key)
    return fields


def read_source(text: str, relative: str, *, extensions=MARKDOWN_EXTENSIONS,
                skip_files=SKIP_FILES, filename_metadata: str | None = None,
                html: bool = False) -> SourceFields:
    """The fields of one file (``relative`` to the content folder, "/"-separated)."""
    reason = skipped(relative, skip_files)
    name = posixpath.basename(relative)
    if reason is None and not html and markdown_extension(name, extensions) is None:
        reason = Text(N_("no Markdown file (its ending is not in MEETUP_MARKDOWN_EXTENSIONS)"))
    if reason is not None:
        return SourceFields({}, frozenset(), None, 1, "", skip=reason)

    problems: list[tuple[int, Text]] = []
    unreadable: frozenset[str] = frozenset()
    matter = read_front_matter(text)
    if matter.format is None and not html:
        lines, complete = _head_lines(text)
    else:
        lines, complete = split_lines(text), True
    fields: dict[str, Field] = {}
    header_keys: frozenset[str] = frozenset()
    if matter.format is not None:
        problems.extend(matter.problems)
        fields.update(_front_matter_fields(matter, problems))
        if pick_date(matter.fields) is not None and "date" not in fields:
            unreadable = frozenset({"date"})
        body_line = matter.body_line
    elif html:
        return SourceFields({}, frozenset(), None, 1, text)
    else:
        header = read_header(lines)
        for item in header.fields:
            fields.setdefault(item.key.lower(), Field(item.value, item.number, item.key, "header"))
        header_keys = frozenset(fields)
        body_line = header.body_start + 1
    heading = None
    if "title" not in fields and not html:
        if not complete:
            lines, complete = split_lines(text), True  # only the header was split so far
        body = lines[body_line - 1:]
        heading = title_from_body(body, body_line)
        if heading is not None:
            fields["title"] = Field(heading.text, heading.line, "# " + heading.text, "heading")
    precision = "day"
    if "date" not in fields and "date" not in unreadable:
        own = _filename_date(name, filename_metadata)
        found = read_path_date(relative)
        if own is not None:
            if parse_date(own) is None and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", own):
                problems.append((1, Text(N_("the date “{date}” in the file name does not exist"),
                                         date=own)))
            else:
                fields["date"] = Field(own, 1, name, "path")
        elif found is not None:
            fields["date"] = Field(found.date.isoformat(), 1, found.source, "path")
            precision = found.precision

    extension = markdown_extension(name, extensions)
    template = bool(extension and "." in extension)
    if matter.format is None and (heading is None or not heading.first_block) and not template:
        markdown = text  # what Pelican's own reader would convert
        return SourceFields(fields, header_keys, None, body_line, markdown, tuple(problems),
                            None, precision, heading, unreadable)
    out = list(lines) if complete else split_lines(text)
    if matter.format is not None:
        out[:body_line - 1] = [""] * (body_line - 1)
    if heading is not None and heading.first_block:
        out[heading.line - 1:heading.end_line] = [""] * (heading.end_line - heading.line + 1)
    markdown = "\n".join(out)
    if template:
        markdown = strip_template_tags(markdown)
    return SourceFields(fields, header_keys, matter.format, body_line, markdown,
                        tuple(problems), None, precision, heading, unreadable)


def _head_lines(text: str, size: int = 8192) -> tuple[list[str], bool]:
    """(lines, whether they are all of them): only a prefix of a large file when its
    header ends inside it (a file is not split only to read its first lines)."""
    if len(text) <= size:
        return split_lines(text), True
    lines = split_lines(text[:size])
    if read_header(lines).body_start < len(lines) - 1:
        return lines[:-1], False  # the last line may be cut
    return split_lines(text), True


def _filename_date(name: str, pattern: str | None) -> str | None:
    """The date Pelican's own FILENAME_METADATA takes from ``name``, if any."""
    if not pattern:
        return None
    base = posixpath.splitext(name)[0]  # as Pelican: "index.html.md" of "index.html.md.erb"
    try:
        match = re.match(pattern, base)
    except re.error:
        return None
    if not match:
        return None
    value = match.groupdict().get("date")
    return value or None
