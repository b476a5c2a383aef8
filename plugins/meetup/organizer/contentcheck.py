"""Content check: a content folder in, every problem an organizer must fix out.

What ``invoke check`` prints and what ``invoke build`` runs before Pelican.
Pelican skips a file it cannot read with a log line and still exits 0, reads
``Date: 12.08.2025`` as 8 December, and ends the header silently at a key with
an umlaut; this module finds all of that up front, with file and line.

The Pelican settings come in as a plain mapping, so the rules are tested on
files in a temp folder; only slugs come from Pelican itself, so that a
duplicate slug is found exactly where Pelican would make one.  Messages are in
the site's language (``DEFAULT_LANG``; English message ids, translated by the
catalogs), the reader's problems too (``pelican.plugins.meetup.reading`` gives them as English ids with
their values, ``i18n.language.translate`` shows them).  The decisions behind the rules are
written down in docs/content-rules.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import fnmatch
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlparse

from ..glue.slugs import site_slugify
from ..reading.facts import looks_like_meeting
from ..reading.facts import read_facts as read_article_facts
from ..reading.dates import DATE_LABELS
from ..reading.markdown_text import fold, indent_of, list_item
from ..reading.next_meeting import next_section_indices
from ..reading.participants import is_participants_heading
from ..reading.frontmatter import blank_front_matter
from ..reading.sections import read_header, split_document
from ..reading.source_fields import SKIP_FILES, SourceFields, markdown_extension, read_source, skipped
from ..site import changes
from .slides import missing_slides
from ..site.unique_slugs import Claim, reserved_outputs, suffixes
from ..i18n import language as languages
from ..i18n.language import N_, gettext as _, pgettext, translate
from babel.dates import format_date


logger = logging.getLogger(__name__)

Severity = Literal["error", "warning"]

# Read as Markdown unless MEETUP_MARKDOWN_EXTENSIONS says otherwise ("md.erb" …).
MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
# Other files Pelican reads as pages: valid targets of {filename} links.
OTHER_SOURCE_EXTENSIONS = ("html", "htm", "rst")

# A header line of Python-Markdown's meta extension (sections.read_header
# reads the block; this finds header lines after a bad key).
HEADER_LINE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
# "Straße: …", "Nächstes-Treffen: …": looks like a header but Markdown ends
# the header block there.
HEADER_LIKE = re.compile(r"^[ ]{0,3}(?P<key>[^\s:][^:]{0,39}?):(\s|$)")

ISO_DATE = re.compile(
    r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[ T](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?$"
)
GERMAN_DATE = re.compile(
    r"^(?P<d>\d{1,2})\.\s*(?P<m>\d{1,2})\.\s*(?P<y>\d{4})"
    r"(?:,?\s+(?:um\s+)?(?P<H>\d{1,2})[:.](?P<M>\d{2})(?:\s*Uhr)?)?$"
)
DATE_KEYS = ("date", "modified")
PATH_KEYS = ("save_as", "url")
STATUSES = ("published", "draft", "hidden")

# {filename}x.md, |static|images/a.png, {attach}…; Pelican rewrites them in
# quoted href/src attributes, which is what Markdown links and images become.
INTRASITE_LINK = re.compile(
    r"""[{|](?P<what>filename|static|attach)[}|](?P<target>[^\s"'<>()\]]*)"""
)
FENCE = re.compile(r"^[ ]{0,3}(```|~~~)")
INLINE_CODE = re.compile(r"`+[^`]*`+")

# The placeholders `invoke new` writes (pelican.plugins.meetup.organizer.newfile), in the site's
# language; left in a file they fail the check and so the build: a placeholder is
# never published as data.
_SKELETONS: list = [None, None]  # the catalogs they were translated with, the texts


def skeletons() -> dict[str, str]:
    """The placeholders ``invoke new`` writes, in the site's language (asked for every
    line of every file: translated once per language and catalog state)."""
    translations = languages.active().translations
    if _SKELETONS[0] is not translations:
        _SKELETONS[:] = [translations, _translated_skeletons()]
    return _SKELETONS[1]


def _translated_skeletons() -> dict[str, str]:
    return {
        # TRANSLATORS: placeholders `invoke new` writes into a new file (German:
        # "Name, Rolle, Firma", "(Ort)", "(Link zur Anmeldung)").
        "participant": pgettext("placeholder", "Name, role, company"),
        "location": pgettext("placeholder", "(place)"),
        "signup": pgettext("placeholder", "(link to the sign-up)"),
    }


# The English ones, recognized on any site.
ENGLISH_SKELETONS = {"participant": "Name, role, company", "location": "(place)",
                     "signup": "(link to the sign-up)"}


def skeleton(kind: str) -> str:
    return skeletons()[kind]


TODO = re.compile(r"(?<![\w-])TODO(?![\w-])")
# A TODO with more than this many words after it is a task in the minutes, not a gap.
TODO_GAP_WORDS = 2
TODO_NOTE = re.compile(r"^[\s>*+-]*(?:\*\*|__)?TODO(?:\*\*|__)?\s*:?(?:\*\*|__)?")
# "Datum:", "- Termin:", "**next:**" with nothing after the colon.
EMPTY_LABEL = re.compile(r"(?:\*\*|__)?(?P<label>[^\W\d_][\w .-]{0,30}?)\s*:(?:\*\*|__)?")
FILE_NAME_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")

# Messages of the placeholder and file-name rules (English ids: message() shows
# them in the site's language).
MESSAGES = {
    "placeholder participant": N_("Placeholder “{placeholder}” from `invoke new`: replace it by "
                                  "the real participants (one line per person)"),
    "placeholder location": N_("Placeholder “{placeholder}” from `invoke new`: enter the place"),
    "placeholder signup": N_("Placeholder “{placeholder}” from `invoke new`: enter the sign-up "
                             "link or delete the line"),
    "empty date label": N_("“{label}:” without a date: enter the next date "
                           "(e.g. “{label}: 20.01.2026”) or delete the line"),
    "todo": N_("“TODO” is still in the text: fill it in first, then publish"),
    "todo item": N_("“TODO” in the text: a task of the minutes, or still to be filled in?"),
    "name and date": N_("The file name says {named}, but “Date:” {date}: change one of them"),
    # Archives as other generators keep them (front matter, dates in file names).
    "no title in front matter": N_("no title: “title” is missing in the {format} front matter, "
                                   "and the text has no heading “# …”"),
    "no date": N_("no date: neither “Date:” nor a date in the file name or in year and month "
                  "folders"),
    "undated other": N_("; recognizable as neither report nor invitation: the file is not built "
                        "(as a page: move it to pages/; as a meeting: add the date)"),
    "no date in front matter": N_("no date: neither “date” nor “meeting_date” in the {format} "
                                  "front matter, nor a date in the file name (2025-01-21-…) or "
                                  "in year and month folders (2025/january/…)"),
    "instead": N_("without a header: the title from the first heading “# …”, the date from the "
                  "file name as in 2025-01-21-report.md"),
    "month only": N_("Date only from the folders {where}: {date} assumed (the day is missing); "
                     "a “date” in the front matter gives it"),
    "recurring title": N_("several meetings have this title: this page gets the date in its "
                          "address ({new}); a “Slug:” of its own sets it"),
    "site page": N_("the title gives {target}, where the site writes {setting} already: this page "
                    "gets the date in its address ({new}); a “Slug:” of its own sets it"),
    "image without alt": N_("image {target} without alt text: describe in ![…] what it shows "
                            "(for everyone who cannot see it)"),
    "name and meeting": N_("The file name says {named}, but the invitation the date {meeting}: "
                           "change one of them"),
}


def message(key: str, **values) -> str:
    """MESSAGES[key] in the site's language, filled in."""
    return _(MESSAGES[key]).format(**values)


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One problem, shown as ``file:line: message``."""

    path: str  # as shown to the organizer
    line: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        text = self.message if self.severity == "error" else _("Hint: {hint}").format(
            hint=self.message)
        return f"{self.path}:{self.line}: {text}"


@dataclass
class _Source:
    """A Markdown file as far as the check needs it."""

    relative: str  # posix path relative to the content folder
    shown: str
    kind: Literal["article", "page", "unread"]
    lines: list[str]
    headers: dict  # lower-case key -> (line, raw key, value)
    body_start: int  # 0-based index of the first body line
    lost: frozenset[str]  # header keys Markdown does not see (behind a bad key)
    # Front matter, the title from the first heading, the date from the path
    # (source_fields); headers then hold the front matter's fields.
    found: SourceFields | None = None
    # _body_text's lines, made once: the link and the image check both read them.
    body_text: list[tuple[int, str]] | None = None

    def header(self, key: str) -> tuple[int, str, str] | None:
        return self.headers.get(key)

    def derived(self, key: str):
        """``key`` (title, date) from the front matter, the first heading or the path."""
        return self.found.fields.get(key) if self.found is not None else None


# Reads the plugin's facts of one article: (text, its Date, {header: value})
# -> [(line, message)], a message a reader's Text (shown in the site's language) or a string.
FactsReader = Callable[[str, dt.datetime, Mapping[str, str]], Iterable[tuple[int, object]]]


def check_content(
    content: Path,
    settings: Mapping,
    display_root: Path | None = None,
    read_facts: FactsReader | None = None,
) -> list[ContentProblem]:
    """Every problem in the content folder, sorted by file and line.

    ``settings`` are Pelican's (PAGE_PATHS, STATIC_PATHS, SLUG_REGEX_SUBSTITUTIONS,
    *_SAVE_AS …); ``display_root`` is what paths are shown relative to (the
    current folder by default); ``read_facts`` adds the plugin's reading
    problems as warnings.  The site's language becomes the messages' language.
    """
    languages.activate(settings)
    settings = languages.with_page_settings(settings)
    content = Path(content).resolve()
    shown_root = Path(display_root or Path.cwd()).resolve()
    problems: list[ContentProblem] = []
    if not content.is_dir():
        return [ContentProblem(_shown(content, shown_root), 0,
                               _("the content folder does not exist"))]

    sources = [source for relative in _content_files(content, settings)
               if (source := _source(content, relative, shown_root, settings, problems))
               is not None]
    for source in sources:
        problems.extend(_check_source(source, content, shown_root, settings, read_facts))
    problems.extend(_check_duplicate_targets(sources, settings))
    return sorted(set(problems))


def check_files(content: Path, settings: Mapping, relatives: Iterable[str],
                display_root: Path | None = None) -> list[ContentProblem]:
    """What ``check_content`` finds in each of ``relatives`` (content-relative files)
    alone: the preview's check of edited files.  What takes every file (two files
    with one address) is left to the whole build."""
    languages.activate(settings)
    settings = languages.with_page_settings(settings)
    content = Path(content).resolve()
    shown_root = Path(display_root or Path.cwd()).resolve()
    problems: list[ContentProblem] = []
    for relative in relatives:
        source = _source(content, relative, shown_root, settings, problems)
        if source is not None:
            problems.extend(_check_source(source, content, shown_root, settings, None))
    return sorted(set(problems))


def _source(content: Path, relative: str, shown_root: Path, settings: Mapping,
            problems: list[ContentProblem]) -> _Source | None:
    """``relative`` as the check reads it (None: not read; what is wrong with that
    goes to ``problems``)."""
    path = content / relative
    shown = _shown(path, shown_root)
    extension = relative.rsplit(".", 1)[-1] if "." in Path(relative).name else ""
    markdown = markdown_extension(Path(relative).name, _markdown_extensions(settings))
    skip = skipped(relative, settings.get("MEETUP_SKIP_FILES", SKIP_FILES)) \
        if markdown or extension in ("html", "htm") else None
    if skip is not None:
        problems.append(ContentProblem(
            shown, 1, _("is not built: {reason}").format(reason=translate(skip)), "warning"))
    elif markdown or (extension in ("html", "htm") and _has_front_matter(path)):
        return _read_source(path, relative, shown, settings, problems)
    elif not _is_static(relative, settings) and extension not in OTHER_SOURCE_EXTENSIONS:
        problems.append(ContentProblem(
            shown, 0,
            _("Pelican neither reads this file (ending “.{extension}”) nor copies it; reports "
              "end in .md, images belong in {folders}").format(
                  extension=extension,
                  folders=_or_list(settings.get("STATIC_PATHS", ["images"]))),
            "warning",
        ))
    return None


def _check_source(source: _Source, content: Path, shown_root: Path, settings: Mapping,
                  read_facts: FactsReader | None) -> list[ContentProblem]:
    problems: list[ContentProblem] = []
    problems.extend(_check_headers(source, settings))
    problems.extend(_check_links(source, content, shown_root, settings))
    problems.extend(_check_images(source))
    problems.extend(_check_placeholders(source))
    if read_facts is not None and source.kind == "article":
        problems.extend(_facts_problems(source, read_facts))
        problems.extend(_check_name_date(source))
        problems.extend(_check_slides(source, settings))
    return problems


def count_sources(content: Path, settings: Mapping) -> int:
    """How many Markdown files the check reads (for its summary line)."""
    extensions = _markdown_extensions(settings)
    return sum(1 for relative in _content_files(Path(content), settings)
               if markdown_extension(Path(relative).name, extensions))


def _markdown_extensions(settings: Mapping) -> tuple[str, ...]:
    return tuple(settings.get("MEETUP_MARKDOWN_EXTENSIONS", MARKDOWN_EXTENSIONS))


def _has_front_matter(path: Path) -> bool:
    """An HTML file read as a page with front matter (Middleman's index.html)."""
    try:
        with path.open("rb") as handle:
            start = handle.read(8).removeprefix(b"\xef\xbb\xbf")
    except OSError:
        return False
    return start.startswith((b"---", b"+++", b"{"))


def errors(problems: Iterable[ContentProblem]) -> list[ContentProblem]:
    return [problem for problem in problems if problem.severity == "error"]


# --- Files ---------------------------------------------------------------------


def _content_files(content: Path, settings: Mapping) -> list[str]:
    """Relative posix paths of every file Pelican would look at, sorted."""
    ignores = list(settings.get("IGNORE_FILES", ["**/.*"]))
    found = []
    for dirpath, dirs, files in os.walk(content, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not any(fnmatch.fnmatch(d, i) for i in ignores))
        for name in files:
            if any(fnmatch.fnmatch(name, ignore) for ignore in ignores):
                continue
            found.append((Path(dirpath) / name).relative_to(content).as_posix())
    return sorted(found)


def _under(relative: str, folders: Iterable[str]) -> bool:
    for folder in folders:
        folder = folder.strip("/")
        if folder in ("", ".") or relative == folder or relative.startswith(folder + "/"):
            return True
    return False


def _is_static(relative: str, settings: Mapping) -> bool:
    return _under(relative, settings.get("STATIC_PATHS", ["images"]))


def _kind(relative: str, settings: Mapping) -> Literal["article", "page", "unread"]:
    if _under(relative, settings.get("PAGE_PATHS", ["pages"])) and not _under(
        relative, [p for p in settings.get("PAGE_EXCLUDES", []) if p]
    ):
        return "page"
    if _under(relative, settings.get("ARTICLE_PATHS", [""])) and not _under(
        relative, [p for p in settings.get("ARTICLE_EXCLUDES", []) if p]
    ):
        return "article"
    return "unread"


def _reads_as_meeting(source: _Source) -> bool:
    title = source.derived("title")
    return looks_like_meeting("\n".join(source.lines), title=title.value if title else "",
                              path=source.shown)


def _not_built(severity: str) -> str:
    return message("undated other") if severity == "warning" else ""


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _or_list(items: Iterable[str]) -> str:
    names = [f"{item.strip('/')}/" for item in items] or ["images/"]
    return _(" or ").join(names)


# --- Reading -------------------------------------------------------------------


def _read_source(path: Path, relative: str, shown: str, settings: Mapping,
                 problems: list[ContentProblem]) -> _Source | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(ContentProblem(shown, 0, _("not readable: {error}").format(
            error=error.strerror or error)))
        return None
    text = _decode(data, shown, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(ContentProblem(
            shown, 1, _("The file is empty; a report starts with “Title: …” and “Date: YYYY-MM-DD”")
        ))
        return None
    lines = _lines(text)
    html = not markdown_extension(Path(relative).name, _markdown_extensions(settings))
    found = read_source(text, relative, extensions=_markdown_extensions(settings), skip_files=(),
                        filename_metadata=settings.get("FILENAME_METADATA"), html=html)
    if found.front_matter is None:
        if html:
            return None  # Pelican's HTML reader reads it as it always did
        headers, body_start, lost = _parse_header(lines, shown, problems)
    else:
        problems.extend(ContentProblem(shown, line, translate(message))
                        for line, message in found.problems)
        headers = {name: (item.line, item.key, item.value) for name, item in found.fields.items()
                   if item.origin == found.front_matter}
        body_start, lost = found.body_line - 1, frozenset()
    return _Source(relative, shown, _kind(relative, settings), lines, headers, body_start, lost,
                   found)


def _lines(text: str) -> list[str]:
    """Lines as Pelican sees them: it reads with universal newlines (CRLF, CR -> LF)."""
    return re.split(r"\r\n|\r|\n", text)


def _decode(data: bytes, shown: str, problems: list[ContentProblem]) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.append(ContentProblem(shown, 1, _("The file is saved as UTF-16; save it as UTF-8")))
        return None
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        problems.append(ContentProblem(
            shown, 1,
            _("A binary file ending in .md, no text file; images belong in images/ "
              "and are linked with {static}"),
        ))
        return None
    try:
        # utf-8-sig: a byte order mark is accepted, as Pelican does.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            text = _("not readable as UTF-8 (byte 0x{byte:02X}); save it as UTF-8")
        else:
            text = _("not readable as UTF-8 (byte 0x{byte:02X}); looks like Windows-1252; "
                     "save it as UTF-8")
        problems.append(ContentProblem(shown, line, text.format(byte=byte)))
        return None


def _looks_binary(sample: bytes) -> bool:
    """Control characters other than tab/newline/CR/form feed in the first block."""
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > max(2, len(sample) // 100)


_CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in (9, 10, 12, 13))


def _parse_header(lines: list[str], shown: str, problems: list[ContentProblem]):
    """The header block as Python-Markdown's meta extension reads it.

    Returns ``({key: (line, raw_key, value)}, first_body_index, lost_keys)``;
    reports keys Markdown would not take and keys given twice.
    """
    header = read_header(lines)
    headers: dict[str, tuple[int, str, str]] = {}
    for field in header.fields:
        key = field.key.lower()
        if key in headers:
            problems.append(ContentProblem(
                shown, field.number,
                _("“{key}:” is twice in the header (first in line {line}); Pelican would take "
                  "both values as a list").format(key=field.key, line=headers[key][0]),
            ))
        else:
            headers[key] = (field.number, field.key, field.value)
    if header.stopped_at is not None:
        # Markdown ends the header here; this line and the rest are body.
        index = header.stopped_at
        bad = HEADER_LIKE.match(lines[index])
        if bad and _header_key_lost(bad.group("key"), lines[index + 1:]):
            lost = _headers_after(lines[index + 1:])
            text = _("Header line “{key}:”: names may hold only A–Z, a–z, 0–9, _ and - (no "
                     "umlauts, no spaces); Pelican ends the header here, this and every header "
                     "line after it end up in the text").format(key=bad.group("key"))
            if lost:
                text += _(" (lost: {keys})").format(keys=", ".join(raw for _key, raw in lost))
            problems.append(ContentProblem(shown, index + 1, text))
            return headers, index, frozenset(key.lower() for key, _raw in lost)
    return headers, header.body_start, frozenset()


def _headers_after(lines: list[str]) -> list[tuple[str, str]]:
    """Header lines that follow a bad key up to the first blank line: (key, "Key:")."""
    found = []
    for line in lines:
        if not line.strip():
            break
        match = HEADER_LINE.match(line)
        if match:
            found.append((match.group("key"), f"{match.group('key')}:"))
    return found


def _header_key_lost(key: str, following: list[str]) -> bool:
    """Whether a header-like line is meant as a header key.

    A key without spaces ("Straße") is; one with spaces only when real
    header lines follow it before the first blank line (prose such as
    "Heute ging es um: …" is not).
    """
    if not re.search(r"\s", key):
        return True
    for line in following:
        if not line.strip():
            return False
        if HEADER_LINE.match(line):
            return True
    return False


# --- Header rules --------------------------------------------------------------


def _check_headers(source: _Source, settings: Mapping) -> list[ContentProblem]:
    found: list[ContentProblem] = []
    shown = source.shown

    def problem(line: int, message: str, severity: Severity = "error") -> None:
        found.append(ContentProblem(shown, line, message, severity))

    if source.kind == "unread":
        problem(1, _("lies outside ARTICLE_PATHS and PAGE_PATHS; Pelican does not read the file"),
                "warning")
        return found

    needs_date = source.kind == "article"
    # Headers lost behind a bad key are named in that key's message.
    has_title = source.header("title") is not None or "title" in source.lost \
        or source.derived("title") is not None
    has_date = source.header("date") is not None or "date" in source.lost \
        or source.derived("date") is not None \
        or (source.found is not None and "date" in source.found.unreadable)
    # A file in the archive without any date: a meeting file whose date is missing
    # is an error; other text (a rules page, a README) is not built, with a hint.
    # (Only read for that when the date is missing: it parses the whole file.)
    undated = ("error" if needs_date and not has_date and _reads_as_meeting(source)
               else "warning")
    matter = source.found.front_matter if source.found is not None else None
    if matter is not None and not source.headers and source.found.problems:
        pass  # the front matter is unreadable: its problems say so
    elif matter is not None:
        if not has_title:
            problem(1, message("no title in front matter", format=matter.upper()))
        if needs_date and not has_date:
            problem(1, message("no date in front matter", format=matter.upper())
                    + _not_built(undated), undated)
    elif not source.headers and not source.lost:
        no_title, no_date = not has_title, needs_date and not has_date
        if no_date and not no_title and undated == "warning":
            problem(1, message("no date") + _not_built(undated), undated)
            return found
        if no_title or no_date:
            first = source.lines[0]
            hint = (_("the first line is empty; the header must start in line 1")
                    if not first.strip()
                    else _("the file does not start with header lines like “Title: …”"))
            missing = (_("“Title:” and “Date:” are missing: {hint} ({instead})") if no_title and no_date
                       else _("“Title:” is missing: {hint} ({instead})") if no_title
                       else _("“Date:” is missing: {hint} ({instead})"))
            problem(1, missing.format(hint=hint, instead=message("instead")))
            return found
    elif not has_title:
        problem(1, _("“Title:” is missing; every page needs a header line “Title: …” "
                     "or a heading “# …” as its title"))
    elif source.header("title") is not None and not source.header("title")[2]:
        problem(source.header("title")[0], _("“Title:” is empty"))

    if matter is None and (source.headers or source.lost) and needs_date and not has_date:
        problem(1, _("“Date:” is missing; reports and invitations need “Date: YYYY-MM-DD” "
                     "(with a time HH:MM if you like) or a date in the file name "
                     "(2025-01-21-report.md)") + _not_built(undated), undated)
    if needs_date and source.found is not None and source.found.date_precision == "month" \
            and source.header("date") is None:
        date = source.derived("date")
        problem(1, message("month only", where=date.key, date=date.value), "warning")
    for key in DATE_KEYS:
        entry = source.header(key)
        if entry is not None:
            wrong = _date_problem(entry[1], entry[2])
            if wrong:
                problem(entry[0], wrong)

    slug = source.header("slug")
    if slug is not None:
        value = slug[2]
        if "/" in value or "\\" in value or ".." in value:
            problem(slug[0], _("“{key}: {value}” may contain neither / nor ..; a slug is a single "
                               "name like report-2025-01").format(key=slug[1], value=value))
        elif not value:
            problem(slug[0], _("“{key}:” is empty").format(key=slug[1]))
    for key in PATH_KEYS:
        entry = source.header(key)
        if entry is not None and _leaves_output(entry[2]):
            problem(entry[0], _("“{key}: {value}” points out of the output folder (absolute, "
                                "with .. or with a scheme); paths inside it like "
                                "report/index.html are allowed").format(key=entry[1],
                                                                          value=entry[2]))
    template = source.header("template")
    if template is not None and not _template_exists(template[2], settings):
        problem(template[0], _("“{key}: {value}”: the theme has no template {value}.html")
                .format(key=template[1], value=template[2]))
    status = source.header("status")
    # A meeting's status (abgesagt, verschoben, cancelled …: site.changes) is not Pelican's.
    if status is not None and status[2].lower() not in STATUSES \
            and changes.from_header(status[2]) is None:
        problem(status[0], _("“{key}: {value}”: allowed are {allowed}").format(
            key=status[1], value=status[2],
            allowed=", ".join((*STATUSES, *sorted(changes.HEADER_WORDS)))))
    for key in changes.MOVED_FROM_KEYS:
        moved = source.header(key)
        if moved is not None:
            try:
                changes.parse_date(moved[2])
            except ValueError:
                problem(moved[0], _("“{key}: {value}” is no date: write it as 2026-01-20")
                        .format(key=moved[1], value=moved[2]))

    body = source.lines[source.body_start:]
    if source.headers and not any(line.strip() for line in body):
        problem(max(line for line, _key, _value in source.headers.values()),
                _("header lines only, no text"), "warning")
    return found


def _template_exists(name: str, settings: Mapping) -> bool:
    """Whether Pelican finds ``name``.html in the theme (or its overrides)."""
    if not name or name.startswith("!") or not settings.get("THEME"):
        return True  # "!simple/…" and friends: Pelican's own themes
    folders = [Path(settings["THEME"]) / "templates",
               *map(Path, settings.get("THEME_TEMPLATES_OVERRIDES", []))]
    if not any(folder.is_dir() for folder in folders):
        return True  # a theme we cannot see from here; Pelican will tell
    return any((folder / f"{name}.html").is_file() for folder in folders)


def _date_problem(key: str, value: str) -> str | None:
    """Why ``value`` is not a date Pelican reads the way the organizer meant."""
    match = ISO_DATE.match(value)
    if match:
        return _impossible(match, value)
    german = GERMAN_DATE.match(value)
    if german:
        impossible = _impossible(german, value)
        if impossible:
            return impossible
        iso = f"{int(german['y']):04d}-{int(german['m']):02d}-{int(german['d']):02d}"
        if german["H"]:
            iso += f" {int(german['H']):02d}:{german['M']}"
        return _("“{key}: {value}” is no ISO date (Pelican might read it as another day); "
                 "write {iso}").format(key=key, value=value, iso=iso)
    if not value:
        return _("“{key}:” is empty; write YYYY-MM-DD, e.g. 2025-01-21").format(key=key)
    return _("“{key}: {value}” is no ISO date; write YYYY-MM-DD with a time HH:MM if you like, "
             "e.g. 2025-01-21 18:30").format(key=key, value=value)


def _impossible(match: re.Match, value: str) -> str | None:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not 1 <= month <= 12:
        return _("The date “{value}” does not exist: month {month}").format(value=value,
                                                                            month=month)
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_name = format_date(dt.date(year, month, 1), "MMMM y",
                                 locale=languages.active().locale)
        return _("The date “{value}” does not exist: {month} has {days} days").format(
            value=value, month=month_name, days=days)
    if match["H"] is not None:
        hour, minute = int(match["H"]), int(match["M"])
        second = int(match["S"]) if match.groupdict().get("S") else 0
        try:
            dt.time(hour, minute, second)
        except ValueError:
            return _("The time in “{value}” does not exist").format(value=value)
    return None


def _leaves_output(value: str) -> bool:
    value = value.strip()
    if not value:
        return False
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
        return True
    return ".." in re.split(r"[/\\]", value)


# --- Links ---------------------------------------------------------------------


def _check_links(source: _Source, content: Path, shown_root: Path,
                 settings: Mapping) -> list[ContentProblem]:
    found = []
    base = Path(source.relative).parent
    for index, text in _body_text(source):
        for match in INTRASITE_LINK.finditer(text):
            wrong = _link_problem(match["what"], match["target"], base, content, settings)
            if wrong:
                found.append(ContentProblem(source.shown, index + 1, wrong))
    return found


def _body_text(source: _Source) -> list[tuple[int, str]]:
    """(line index, text) of every body line a reader sees as text: code blocks
    (fenced or indented) left out, inline code blanked."""
    if source.body_text is None:
        source.body_text = [(index, _without_code(line)) for index, line in _outside_fences(source)
                            if not line.startswith(("    ", "\t"))]
    return source.body_text


def _outside_fences(source: _Source) -> Iterator[tuple[int, str]]:
    """(line index, line) of every body line outside fenced code blocks."""
    in_fence = False
    for index in range(source.body_start, len(source.lines)):
        line = source.lines[index]
        if FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            yield index, line


def _without_code(line: str) -> str:
    return INLINE_CODE.sub("", line) if "`" in line else line


def _link_problem(what: str, target: str, base: Path, content: Path,
                  settings: Mapping) -> str | None:
    link = f"{{{what}}}{target}"
    path = unquote(urlparse(target).path)
    if not path:
        return None  # {filename}#anchor: a link into the page itself
    relative = path[1:] if path.startswith("/") else os.path.normpath(base / path)
    relative = Path(relative).as_posix()
    if relative == ".." or relative.startswith("../"):
        return _("Link {link} points out of the content folder").format(link=link)
    target_file = content / relative
    if not target_file.is_file():
        return _("Link {link}: the content folder has no file {file}").format(link=link,
                                                                              file=relative)
    extension = target_file.suffix[1:]
    is_source = extension in OTHER_SOURCE_EXTENSIONS \
        or markdown_extension(target_file.name, _markdown_extensions(settings)) is not None
    if what == "filename" and not is_source:
        return _("Link {link} points to a file, not a page; link images and files with "
                 "{{static}}").format(link=link)
    if what != "filename" and not _is_static(relative, settings):
        if is_source:
            return _("Link {link} points to a page; link pages with {{filename}}").format(
                link=link)
        return _("Link {link}: {file} is not in {folders} and is not copied").format(
            link=link, file=relative, folders=_or_list(settings.get("STATIC_PATHS", ["images"])))
    return None


# --- Images --------------------------------------------------------------------

# ![alt](target) and ![alt][reference]; <img …> written as HTML.
MARKDOWN_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\s*(?:\((?P<target>[^)\s]*)|\[(?P<ref>[^\]]*)\])")
HTML_IMAGE = re.compile(r"<img\b[^>]*>", re.I)
HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"(?P<q>[^"]*)"|'(?P<s>[^']*)'|(?P<u>[^\s>]+))""", re.I)
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|webp|gif|avif|svg)(?:[?#].*)?$", re.I)
HTML_SRC = re.compile(r"""\bsrc\s*=\s*["']?(?P<src>[^"'\s>]*)""", re.I)


def _participant_lines(source: _Source) -> set[int]:
    """File lines of participants sections: the plugin shows what stands there as
    text in its widget (an ``<img …>`` written into a name is never an image)."""
    if not any("<img" in line or "![" in line for line in source.lines):
        return set()
    document = split_document("\n".join(source.lines))
    return {line.number for section in document.sections
            if section.level and is_participants_heading(section.title) for line in section.body}


def _check_images(source: _Source) -> list[ContentProblem]:
    """Every image needs a text alternative: a missing or empty alt is an error."""
    found = []
    as_text = _participant_lines(source)
    for index, text in _body_text(source):
        if index + 1 in as_text:
            continue
        for match in MARKDOWN_IMAGE.finditer(text):
            if not match["alt"].strip():
                target = match["target"] or f"[{match['ref']}]"
                found.append(ContentProblem(source.shown, index + 1,
                                            message("image without alt", target=target)))
        for tag in HTML_IMAGE.findall(text):
            alt = HTML_ALT.search(tag)
            src = HTML_SRC.search(tag)
            # An <img> of a file (a photo, a chart); not markup quoted as text, such as
            # "<img src=x onerror=…>" in a participant line, which the page shows as text.
            if src is None or not IMAGE_FILE.search(src["src"]):
                continue
            if alt is None or not (alt["q"] or alt["s"] or alt["u"] or "").strip():
                found.append(ContentProblem(source.shown, index + 1, message(
                    "image without alt", target=src["src"] if src else "<img>")))
    return found


# --- Slugs and output paths ----------------------------------------------------


def slugify(value: str, settings: Mapping) -> str:
    """A slug exactly as Pelican computes it from these settings."""
    return site_slugify(settings)(value)


def _output_path(source: _Source, settings: Mapping,
                 suffix: str = "") -> tuple[str, str, int] | None:
    """(slug, file the source is written to, line to blame), or None when not written;
    ``suffix`` is appended to a slug made from the title (``unique_slugs``)."""
    slug_header = source.header("slug")
    title = source.header("title")
    if title is None and source.derived("title") is not None:
        derived = source.derived("title")
        title = (derived.line, derived.key, derived.value)
    if slug_header is not None:
        slug, line = slug_header[2], slug_header[0]
    elif settings.get("SLUGIFY_SOURCE", "title") == "basename":
        slug, line = slugify(Path(source.relative).stem, settings), 1
    elif title is not None and title[2]:
        slug, line = slugify(title[2], settings) + suffix, title[0]
    else:
        return None
    save_as = source.header("save_as")
    if save_as is not None:
        return slug, os.path.normpath(save_as[2].strip()), save_as[0]

    status = (source.header("status") or (0, "", "published"))[2].lower()
    default_lang = str(settings.get("DEFAULT_LANG", "en")).lower()
    lang = (source.header("lang") or (0, "", default_lang))[2].lower()
    prefix = {"article": "ARTICLE", "page": "PAGE"}[source.kind]
    if status == "draft":
        prefix = "DRAFT" if source.kind == "article" else "DRAFT_PAGE"
    key = f"{prefix}_SAVE_AS" if lang == default_lang else f"{prefix}_LANG_SAVE_AS"
    pattern = settings.get(key, "{slug}.html")
    if not pattern:
        return None
    values = {k: v for k, (_, _, v) in source.headers.items()}
    values.update(slug=slug, lang=lang, date=_date(source) or dt.datetime(1970, 1, 1),
                  category=slugify(values.get("category") or settings.get("DEFAULT_CATEGORY", "misc"),
                                   settings),
                  author=slugify(values.get("author") or settings.get("AUTHOR", ""), settings))
    try:
        return slug, os.path.normpath(pattern.format(**values)), line
    except (KeyError, IndexError, ValueError, AttributeError):
        return slug, f"{key}:{slug}", line


def _header_date(source: _Source) -> dt.datetime | None:
    """The Date header as Pelican reads it, or None when it is missing or not ISO."""
    entry = source.header("date")
    match = ISO_DATE.match(entry[2]) if entry else None
    if not match:
        return None
    try:
        return dt.datetime(*(int(match[k] or 0) for k in ("y", "m", "d", "H", "M", "S")))
    except ValueError:
        return None


def _date(source: _Source) -> dt.datetime | None:
    """The date Pelican gives the file: its Date header, else front matter or path."""
    date = _header_date(source)
    derived = source.derived("date")
    if date is None and derived is not None:
        match = ISO_DATE.match(derived.value)
        try:
            date = dt.datetime(*(int(match[k] or 0) for k in ("y", "m", "d", "H", "M", "S"))) \
                if match else None
        except ValueError:
            date = None
    return date


def _movable(source: _Source, settings: Mapping) -> bool:
    """Whether the slug comes from the title, so a recurring title gets the date added."""
    return (source.kind == "article" and source.header("slug") is None
            and source.header("save_as") is None
            and settings.get("SLUGIFY_SOURCE", "title") == "title")


def _check_duplicate_targets(sources: list[_Source], settings: Mapping) -> list[ContentProblem]:
    written: dict[str, tuple[_Source, str, str, int]] = {}
    for source in sources:
        if source.kind == "unread" or (source.header("title") is None
                                       and source.derived("title") is None):
            continue
        computed = _output_path(source, settings)
        if computed is None:
            continue
        slug, target, line = computed
        written[source.relative] = (source, slug, target, line)
    reserved = _reserved_outputs(settings)
    # Recurring titles: the build appends the date (unique_slugs); only the rest collide.
    claims = []
    for source, _slug, target, _line in written.values():
        date = _date(source)
        claims.append(Claim(source.relative, target, _movable(source, settings),
                            date.date() if date else None))

    def retarget(claim: Claim, suffix: str) -> str | None:
        computed = _output_path(written[claim.key][0], settings, suffix)
        return computed[1] if computed else None

    moved = suffixes(claims, retarget, reserved)
    found = []
    by_target: dict[str, list[tuple[_Source, str, int]]] = {}
    for key, (source, slug, target, line) in written.items():
        if key in moved:
            new = retarget(Claim(key, target, True), moved[key])
            text = (message("site page", target=target, setting=reserved[target], new=new)
                    if target in reserved else message("recurring title", new=new))
            found.append(ContentProblem(source.shown, line, text, "warning"))
            continue
        by_target.setdefault(target, []).append((source, slug, line))
    for target, owners in by_target.items():
        if target in reserved:
            for source, slug, line in owners:
                found.append(ContentProblem(
                    source.shown, line,
                    _("Slug “{slug}” gives {target}, where the site writes {setting} already; "
                      "change the Title or set “Slug: …”").format(slug=slug, target=target,
                                                                 setting=reserved[target]),
                ))
            continue
        if len(owners) < 2:
            continue
        for source, slug, line in owners:
            others = ", ".join(f"{other.shown}:{other_line}" for other, _, other_line in owners
                               if other is not source)
            found.append(ContentProblem(
                source.shown, line,
                _("Slug “{slug}” is there more than once (also {others}); both would be written "
                  "to {target}, one page would be lost; change the Title or set “Slug: …”")
                .format(slug=slug, others=others, target=target),
            ))
    return found


_reserved_outputs = reserved_outputs  # files the site writes whatever the content


# --- The plugin's reading problems ----------------------------------------------


def _facts_problems(source: _Source, read_facts: FactsReader) -> list[ContentProblem]:
    date = _date(source)
    if date is None:
        return []  # no usable Date: reported above, the facts depend on it
    headers = {key: value for key, (_, _, value) in source.headers.items()}
    try:
        # Front matter blanked, as the build does: the facts see the body only.
        reported = list(read_facts(blank_front_matter("\n".join(source.lines)), date, headers))
    except Exception as error:  # a bug in the reader must not hide the other problems
        return [ContentProblem(source.shown, 0,
                               _("facts not readable ({kind}: {error})").format(
                                   kind=type(error).__name__, error=error), "warning")]
    return [ContentProblem(source.shown, int(line), translate(message), "warning")
            for line, message in reported]


def _check_slides(source: _Source, settings: Mapping) -> list[ContentProblem]:
    """A hint for each held talk without slides after the grace days (organizer.slides)."""
    date = _date(source)
    if date is None:
        return []
    title = source.header("title")
    return [ContentProblem(source.shown, line, text, "warning")
            for line, text in missing_slides("\n".join(source.lines), date, settings,
                                             title=title[2] if title else "", path=source.relative)]


# --- Placeholders and the date in the file name ------------------------------------


def _check_placeholders(source: _Source) -> list[ContentProblem]:
    """What `invoke new` left to fill in: placeholders, empty date labels, TODO."""
    if source.kind == "unread":
        return []
    found = []

    def problem(index: int, key: str, **values) -> None:
        found.append(ContentProblem(source.shown, index + 1, message(key, **values)))

    for key, (line, _raw, value) in source.headers.items():
        if TODO.search(value):
            problem(line - 1, "todo")
    # The placeholders looked up once per file, not once per line.
    participant, location, signup = (
        {skeleton(kind), ENGLISH_SKELETONS[kind]} for kind in ("participant", "location", "signup"))
    todos, labels = [], []
    for index, text in _outside_fences(source):
        item = list_item(text)
        content = item.content if item else text.strip()
        if item and content in participant:
            problem(index, "placeholder participant", placeholder=content)
        elif content in location:
            problem(index, "placeholder location", placeholder=content)
        elif content in signup:
            problem(index, "placeholder signup", placeholder=content)
        if "TODO" in text and TODO.search(_without_code(text)):
            todos.append(index)
        if content.endswith((":", ":**", ":__")):
            match = EMPTY_LABEL.fullmatch(content)
            if match and fold(match["label"].strip()) in DATE_LABELS:
                labels.append((index, match["label"].strip()))
    if not todos and not labels:
        return found
    # Only now split the file: code blocks and "next" sections as the parser sees them.
    document = split_document("\n".join(source.lines))
    text_lines = {line.number for line in document.text_lines()}
    for index in todos:
        if index + 1 in text_lines:
            # "TODO: Fotos einfügen" is a gap in the page; "TODO: Anna fragt beim
            # Vermieter nach, ob …" is an action item of the minutes, kept as written.
            action_item = len(TODO_NOTE.sub("", source.lines[index]).split()) > TODO_GAP_WORDS
            found.append(ContentProblem(source.shown, index + 1,
                                        message("todo item" if action_item else "todo"),
                                        "hint" if action_item else "error"))
    in_next = {line.number for index in next_section_indices(document)
               for section in document.subtree(index) for line in section.body}
    for index, label in labels:
        if index + 1 in in_next and not _continues(source.lines, index):
            problem(index, "empty date label", label=label)
    return found


def _continues(lines: list[str], index: int) -> bool:
    """Whether the line after a label carries its value ("Termin:" / "20. Januar")."""
    if index + 1 >= len(lines) or not lines[index + 1].strip():
        return False
    following = lines[index + 1]
    if following.lstrip().startswith("#"):
        return False
    item, next_item = list_item(lines[index]), list_item(following)
    if item is None:
        return True
    return next_item is None or indent_of(following) > item.indent


def _check_name_date(source: _Source) -> list[ContentProblem]:
    """A hint when the date in the file name is neither the Date header's nor,
    for an announcement, the announced meeting's."""
    match = FILE_NAME_DATE.match(Path(source.relative).name)
    date = _header_date(source)
    if match is None or date is None:
        return []
    try:
        named = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return []
    if named == date.date():
        return []
    category = source.header("category")
    facts = read_article_facts("\n".join(source.lines), date=date,
                               category=category[2] if category else None)
    line = source.header("date")[0]
    if facts.kind == "announcement" and facts.meeting is not None:
        if facts.meeting.date == named:
            return []
        text = message("name and meeting", named=named.isoformat(),
                       meeting=facts.meeting.date.isoformat())
    else:
        text = message("name and date", named=named.isoformat(), date=date.date().isoformat())
    return [ContentProblem(source.shown, line, text, "warning")]
