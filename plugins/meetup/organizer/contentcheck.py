"""Content check: a content folder in, every problem an organizer must fix out.

What ``invoke check`` prints and what ``invoke build`` runs before Pelican.
Pelican skips a file it cannot read with a log line and still exits 0, reads
``Date: 12.08.2025`` as 8 December, and ends the header silently at a key with
an umlaut; this module finds all of that up front, with file and line.

The Pelican settings come in as a plain mapping, so the rules are tested on
files in a temp folder; only slugs come from Pelican itself, so that a
duplicate slug is found exactly where Pelican would make one.  The decisions
behind the rules are written down in docs/content-rules.md.
"""

from __future__ import annotations

import calendar
import datetime as dt
import fnmatch
import logging
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlparse

from ..reading.facts import looks_like_meeting
from ..reading.facts import read_facts as read_article_facts
from ..reading.dates import DATE_LABELS
from ..reading.markdown_text import fold, indent_of, list_item
from ..reading.next_meeting import next_section_indices
from ..reading.frontmatter import blank_front_matter
from ..reading.sections import read_header, split_document
from ..reading.source_fields import SKIP_FILES, SourceFields, markdown_extension, read_source, skipped
from ..site.unique_slugs import Claim, reserved_outputs, suffixes


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
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")
PATH_KEYS = ("save_as", "url")
STATUSES = ("published", "draft", "hidden")

# {filename}x.md, |static|images/a.png, {attach}…; Pelican rewrites them in
# quoted href/src attributes, which is what Markdown links and images become.
INTRASITE_LINK = re.compile(
    r"""[{|](?P<what>filename|static|attach)[}|](?P<target>[^\s"'<>()\]]*)"""
)
FENCE = re.compile(r"^[ ]{0,3}(```|~~~)")
INLINE_CODE = re.compile(r"`+[^`]*`+")

# The placeholders `invoke new` writes (meetup.organizer.newfile); left in a file they fail
# the check and so the build: a placeholder is never published as data.
SKELETON_PARTICIPANT = "Name, Rolle, Firma"
SKELETON_LOCATION = "(Ort)"
SKELETON_SIGNUP = "(Link zur Anmeldung)"
TODO = re.compile(r"(?<![\w-])TODO(?![\w-])")
# A TODO with more than this many words after it is a task in the minutes, not a gap.
TODO_GAP_WORDS = 2
TODO_NOTE = re.compile(r"^[\s>*+-]*(?:\*\*|__)?TODO(?:\*\*|__)?\s*:?(?:\*\*|__)?")
# "Datum:", "- Termin:", "**next:**" with nothing after the colon.
EMPTY_LABEL = re.compile(r"(?:\*\*|__)?(?P<label>[^\W\d_][\w .-]{0,30}?)\s*:(?:\*\*|__)?")
FILE_NAME_DATE = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")

# Messages of the placeholder and file-name rules.
MESSAGES = {
    "placeholder participant": f"Platzhalter „{SKELETON_PARTICIPANT}“ aus `invoke new`: durch die "
                               "echten Teilnehmer ersetzen (eine Zeile je Person)",
    "placeholder location": f"Platzhalter „{SKELETON_LOCATION}“ aus `invoke new`: den Ort eintragen",
    "placeholder signup": f"Platzhalter „{SKELETON_SIGNUP}“ aus `invoke new`: den Link zur "
                          "Anmeldung eintragen oder die Zeile löschen",
    "empty date label": "„{label}:“ ohne Datum: den nächsten Termin eintragen "
                        "(z. B. „{label}: 20.01.2026“) oder die Zeile löschen",
    "todo": "„TODO“ steht noch im Text: erst ausfüllen, dann veröffentlichen",
    "todo item": "„TODO“ im Text: eine Aufgabe des Protokolls oder noch auszufüllen?",
    "name and date": "Dateiname nennt {named}, „Date:“ aber {date}: eins von beiden anpassen",
    # Archives as other generators keep them (front matter, dates in file names).
    "no title in front matter": "kein Titel: „title“ fehlt im {format}-Vorspann, und der Text hat "
                                "keine Überschrift „# …“",
    "no date": "kein Datum: weder „Date:“ noch ein Datum im Dateinamen oder in Jahres- und "
               "Monatsordnern",
    "undated other": "; kein Bericht und keine Einladung erkennbar: die Datei wird nicht gebaut "
                     "(als Seite: nach pages/ verschieben; als Treffen: Datum ergänzen)",
    "no date in front matter": "kein Datum: weder „date“ noch „meeting_date“ im {format}-Vorspann "
                               "noch ein Datum im Dateinamen (2025-01-21-…) oder in Jahres- und "
                               "Monatsordnern (2025/januar/…)",
    "instead": "ohne Kopf: Titel aus der ersten Überschrift „# …“, Datum aus dem Dateinamen "
               "wie 2025-01-21-bericht.md",
    "month only": "Datum nur aus den Ordnern {where}: {date} angenommen (der Tag fehlt); "
                  "ein „date“ im Vorspann nennt ihn",
    "recurring title": "den Titel haben mehrere Treffen: diese Seite bekommt das Datum in die "
                       "Adresse ({new}); ein eigener „Slug:“ legt sie fest",
    "site page": "der Titel ergibt {target}, dort schreibt die Site schon {setting}: diese Seite "
                 "bekommt das Datum in die Adresse ({new}); ein eigener „Slug:“ legt sie fest",
    "name and meeting": "Dateiname nennt {named}, die Einladung aber den Termin {meeting}: "
                        "eins von beiden anpassen",
}


@dataclass(frozen=True, order=True)
class ContentProblem:
    """One problem, shown as ``file:line: message``."""

    path: str  # as shown to the organizer
    line: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        label = "" if self.severity == "error" else "Hinweis: "
        return f"{self.path}:{self.line}: {label}{self.message}"


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

    def header(self, key: str) -> tuple[int, str, str] | None:
        return self.headers.get(key)

    def derived(self, key: str):
        """``key`` (title, date) from the front matter, the first heading or the path."""
        return self.found.fields.get(key) if self.found is not None else None


# Reads the plugin's facts of one article: (text, its Date, {header: value})
# -> [(line, message)].
FactsReader = Callable[[str, dt.datetime, Mapping[str, str]], Iterable[tuple[int, str]]]


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
    problems as warnings.
    """
    content = Path(content).resolve()
    shown_root = Path(display_root or Path.cwd()).resolve()
    problems: list[ContentProblem] = []
    if not content.is_dir():
        return [ContentProblem(_shown(content, shown_root), 0, "Content-Ordner gibt es nicht")]

    sources: list[_Source] = []
    for relative in _content_files(content, settings):
        path = content / relative
        shown = _shown(path, shown_root)
        extension = relative.rsplit(".", 1)[-1] if "." in Path(relative).name else ""
        markdown = markdown_extension(Path(relative).name, _markdown_extensions(settings))
        skip = skipped(relative, settings.get("MEETUP_SKIP_FILES", SKIP_FILES)) \
            if markdown or extension in ("html", "htm") else None
        if skip is not None:
            problems.append(ContentProblem(shown, 1, f"wird nicht gebaut: {skip}", "warning"))
        elif markdown or (extension in ("html", "htm") and _has_front_matter(path)):
            source = _read_source(path, relative, shown, settings, problems)
            if source is not None:
                sources.append(source)
        elif not _is_static(relative, settings) and extension not in OTHER_SOURCE_EXTENSIONS:
            problems.append(ContentProblem(
                shown, 0,
                f"Pelican liest diese Datei nicht (Endung „.{extension}“) und kopiert sie nicht; "
                "Berichte enden auf .md, Bilder gehören in "
                f"{_or_list(settings.get('STATIC_PATHS', ['images']))}",
                "warning",
            ))

    for source in sources:
        problems.extend(_check_headers(source, settings))
        problems.extend(_check_links(source, content, shown_root, settings))
        problems.extend(_check_placeholders(source))
        if read_facts is not None and source.kind == "article":
            problems.extend(_facts_problems(source, read_facts))
            problems.extend(_check_name_date(source))
    problems.extend(_check_duplicate_targets(sources, settings))
    return sorted(set(problems))


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
    return MESSAGES["undated other"] if severity == "warning" else ""


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _or_list(items: Iterable[str]) -> str:
    names = [f"{item.strip('/')}/" for item in items] or ["images/"]
    return " oder ".join(names)


# --- Reading -------------------------------------------------------------------


def _read_source(path: Path, relative: str, shown: str, settings: Mapping,
                 problems: list[ContentProblem]) -> _Source | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(ContentProblem(shown, 0, f"nicht lesbar: {error.strerror or error}"))
        return None
    text = _decode(data, shown, problems)
    if text is None:
        return None
    if not text.strip():
        problems.append(ContentProblem(
            shown, 1, "Datei ist leer; ein Bericht beginnt mit „Title: …“ und „Date: JJJJ-MM-TT“"
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
        problems.extend(ContentProblem(shown, line, message) for line, message in found.problems)
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
        problems.append(ContentProblem(shown, 1, "Datei ist als UTF-16 gespeichert; als UTF-8 speichern"))
        return None
    if b"\x00" in data[:8192] or _looks_binary(data[:8192]):
        problems.append(ContentProblem(
            shown, 1,
            "Binärdatei mit Endung .md, keine Textdatei; Bilder gehören nach images/ "
            "und werden mit {static} verlinkt",
        ))
        return None
    try:
        # utf-8-sig: a byte order mark is accepted, as Pelican does.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        message = f"nicht als UTF-8 lesbar (Byte 0x{byte:02X})"
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            message += "; als UTF-8 speichern"
        else:
            message += "; sieht nach Windows-1252 aus; als UTF-8 speichern"
        problems.append(ContentProblem(shown, line, message))
        return None


def _looks_binary(sample: bytes) -> bool:
    """Control characters other than tab/newline/CR/form feed in the first block."""
    if not sample:
        return False
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > max(2, len(sample) // 100)


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
                f"„{field.key}:“ steht doppelt im Kopf (zuerst in Zeile {headers[key][0]}); "
                "Pelican nähme beide Werte als Liste",
            ))
        else:
            headers[key] = (field.number, field.key, field.value)
    if header.stopped_at is not None:
        # Markdown ends the header here; this line and the rest are body.
        index = header.stopped_at
        bad = HEADER_LIKE.match(lines[index])
        if bad and _header_key_lost(bad.group("key"), lines[index + 1:]):
            lost = _headers_after(lines[index + 1:])
            problems.append(ContentProblem(
                shown, index + 1,
                f"Kopfzeile „{bad.group('key')}:“: Namen dürfen nur A–Z, a–z, 0–9, _ und - "
                "enthalten (keine Umlaute, keine Leerzeichen); Pelican beendet den Kopf hier, "
                "diese und alle folgenden Kopfzeilen landen im Text"
                + (f" (verloren: {', '.join(raw for _, raw in lost)})" if lost else ""),
            ))
            return headers, index, frozenset(key.lower() for key, _ in lost)
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
        problem(1, "liegt außerhalb von ARTICLE_PATHS und PAGE_PATHS; Pelican liest die Datei nicht",
                "warning")
        return found

    needs_date = source.kind == "article"
    # A file in the archive without any date: a meeting file whose date is missing
    # is an error; other text (a rules page, a README) is not built, with a hint.
    undated = "error" if needs_date and _reads_as_meeting(source) else "warning"
    # Headers lost behind a bad key are named in that key's message.
    has_title = source.header("title") is not None or "title" in source.lost \
        or source.derived("title") is not None
    has_date = source.header("date") is not None or "date" in source.lost \
        or source.derived("date") is not None \
        or (source.found is not None and "date" in source.found.unreadable)
    matter = source.found.front_matter if source.found is not None else None
    if matter is not None and not source.headers and source.found.problems:
        pass  # the front matter is unreadable: its problems say so
    elif matter is not None:
        if not has_title:
            problem(1, MESSAGES["no title in front matter"].format(format=matter.upper()))
        if needs_date and not has_date:
            problem(1, MESSAGES["no date in front matter"].format(format=matter.upper())
                    + _not_built(undated), undated)
    elif not source.headers and not source.lost:
        missing = [name for name, needed in (("„Title:“", not has_title),
                                             ("„Date:“", needs_date and not has_date)) if needed]
        if missing == ["„Date:“"] and undated == "warning":
            problem(1, MESSAGES["no date"] + _not_built(undated), undated)
            return found
        if missing:
            first = source.lines[0]
            hint = ("die erste Zeile ist leer; der Kopf muss in Zeile 1 beginnen"
                    if not first.strip()
                    else "die Datei beginnt nicht mit Kopfzeilen wie „Title: …“")
            problem(1, f"{' und '.join(missing)} fehlt: {hint} ({MESSAGES['instead']})")
            return found
    elif not has_title:
        problem(1, "„Title:“ fehlt; jede Seite braucht eine Kopfzeile „Title: …“ "
                   "oder eine Überschrift „# …“ als Titel")
    elif source.header("title") is not None and not source.header("title")[2]:
        problem(source.header("title")[0], "„Title:“ ist leer")

    if matter is None and (source.headers or source.lost) and needs_date and not has_date:
        problem(1, "„Date:“ fehlt; Berichte und Einladungen brauchen „Date: JJJJ-MM-TT“ "
                   "(optional mit Uhrzeit HH:MM) oder ein Datum im Dateinamen "
                   "(2025-01-21-bericht.md)" + _not_built(undated), undated)
    if needs_date and source.found is not None and source.found.date_precision == "month" \
            and source.header("date") is None:
        date = source.derived("date")
        problem(1, MESSAGES["month only"].format(where=date.key, date=date.value), "warning")
    for key in DATE_KEYS:
        entry = source.header(key)
        if entry is not None:
            message = _date_problem(entry[1], entry[2])
            if message:
                problem(entry[0], message)

    slug = source.header("slug")
    if slug is not None:
        value = slug[2]
        if "/" in value or "\\" in value or ".." in value:
            problem(slug[0], f"„{slug[1]}: {value}“ darf weder / noch .. enthalten; "
                             "ein Slug ist ein einzelner Name wie bericht-2025-01")
        elif not value:
            problem(slug[0], f"„{slug[1]}:“ ist leer")
    for key in PATH_KEYS:
        entry = source.header(key)
        if entry is not None and _leaves_output(entry[2]):
            problem(entry[0], f"„{entry[1]}: {entry[2]}“ zeigt aus dem Ausgabeordner heraus "
                              "(absolut, mit .. oder mit Schema); erlaubt sind Pfade "
                              "innerhalb wie bericht/index.html")
    template = source.header("template")
    if template is not None and not _template_exists(template[2], settings):
        problem(template[0], f"„{template[1]}: {template[2]}“: die Vorlage {template[2]}.html "
                             "gibt es im Theme nicht")
    status = source.header("status")
    if status is not None and status[2].lower() not in STATUSES:
        problem(status[0], f"„{status[1]}: {status[2]}“: erlaubt sind "
                           f"{', '.join(STATUSES)}")

    body = source.lines[source.body_start:]
    if source.headers and not any(line.strip() for line in body):
        problem(max(line for line, _, _ in source.headers.values()),
                "nur Kopfzeilen, kein Text", "warning")
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
        return (f"„{key}: {value}“ ist kein ISO-Datum (Pelican läse es womöglich als anderen Tag); "
                f"schreibe {iso}")
    if not value:
        return f"„{key}:“ ist leer; schreibe JJJJ-MM-TT, z. B. 2025-01-21"
    return (f"„{key}: {value}“ ist kein ISO-Datum; schreibe JJJJ-MM-TT mit optionaler "
            "Uhrzeit HH:MM, z. B. 2025-01-21 18:30")


def _impossible(match: re.Match, value: str) -> str | None:
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    if not 1 <= month <= 12:
        return f"Datum „{value}“ gibt es nicht: Monat {month}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"Datum „{value}“ gibt es nicht: {MONTHS[month - 1]} {year} hat {days} Tage"
    if match["H"] is not None:
        hour, minute = int(match["H"]), int(match["M"])
        second = int(match["S"]) if match.groupdict().get("S") else 0
        try:
            dt.time(hour, minute, second)
        except ValueError:
            return f"Uhrzeit in „{value}“ gibt es nicht"
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
    in_fence = False
    base = Path(source.relative).parent
    for index, line in enumerate(source.lines):
        if index < source.body_start:
            continue
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or line.startswith(("    ", "\t")):
            continue
        for match in INTRASITE_LINK.finditer(INLINE_CODE.sub("", line)):
            message = _link_problem(match["what"], match["target"], base, content, settings)
            if message:
                found.append(ContentProblem(source.shown, index + 1, message))
    return found


def _link_problem(what: str, target: str, base: Path, content: Path,
                  settings: Mapping) -> str | None:
    link = f"{{{what}}}{target}"
    path = unquote(urlparse(target).path)
    if not path:
        return None  # {filename}#anchor: a link into the page itself
    relative = path[1:] if path.startswith("/") else os.path.normpath(base / path)
    relative = Path(relative).as_posix()
    if relative == ".." or relative.startswith("../"):
        return f"Link {link} zeigt aus dem Content-Ordner heraus"
    target_file = content / relative
    if not target_file.is_file():
        return f"Link {link}: Datei {relative} gibt es im Content-Ordner nicht"
    extension = target_file.suffix[1:]
    is_source = extension in OTHER_SOURCE_EXTENSIONS \
        or markdown_extension(target_file.name, _markdown_extensions(settings)) is not None
    if what == "filename" and not is_source:
        return f"Link {link} zeigt auf eine Datei, keine Seite; Bilder und Dateien mit {{static}} verlinken"
    if what != "filename" and not _is_static(relative, settings):
        if is_source:
            return f"Link {link} zeigt auf eine Seite; Seiten mit {{filename}} verlinken"
        return (f"Link {link}: {relative} liegt nicht in "
                f"{_or_list(settings.get('STATIC_PATHS', ['images']))} und wird nicht kopiert")
    return None


# --- Slugs and output paths ----------------------------------------------------


def slugify(value: str, settings: Mapping) -> str:
    """A slug exactly as Pelican computes it from these settings."""
    from pelican.utils import slugify as pelican_slugify

    return pelican_slugify(
        value,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


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
    for source, _, target, _ in written.values():
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
            message = (MESSAGES["site page"].format(target=target, setting=reserved[target], new=new)
                       if target in reserved else MESSAGES["recurring title"].format(new=new))
            found.append(ContentProblem(source.shown, line, message, "warning"))
            continue
        by_target.setdefault(target, []).append((source, slug, line))
    for target, owners in by_target.items():
        if target in reserved:
            for source, slug, line in owners:
                found.append(ContentProblem(
                    source.shown, line,
                    f"Slug „{slug}“ ergibt {target}, dort schreibt die Site schon "
                    f"{reserved[target]}; Title ändern oder „Slug: …“ setzen",
                ))
            continue
        if len(owners) < 2:
            continue
        for source, slug, line in owners:
            others = ", ".join(f"{other.shown}:{other_line}" for other, _, other_line in owners
                               if other is not source)
            found.append(ContentProblem(
                source.shown, line,
                f"Slug „{slug}“ gibt es mehrfach (auch {others}); beide würden nach {target} "
                "geschrieben, eine Seite ginge verloren; Title ändern oder „Slug: …“ setzen",
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
                               f"Fakten nicht lesbar ({type(error).__name__}: {error})", "warning")]
    return [ContentProblem(source.shown, int(line), str(message), "warning")
            for line, message in reported]


# --- Placeholders and the date in the file name ------------------------------------


def _check_placeholders(source: _Source) -> list[ContentProblem]:
    """What `invoke new` left to fill in: placeholders, empty date labels, TODO."""
    if source.kind == "unread":
        return []
    found = []

    def problem(index: int, key: str, **values) -> None:
        found.append(ContentProblem(source.shown, index + 1, MESSAGES[key].format(**values)))

    for key, (line, _, value) in source.headers.items():
        if TODO.search(value):
            problem(line - 1, "todo")
    todos, labels = [], []
    in_fence = False
    for index in range(source.body_start, len(source.lines)):
        text = source.lines[index]
        if FENCE.match(text):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        item = list_item(text)
        content = item.content if item else text.strip()
        if item and content == SKELETON_PARTICIPANT:
            problem(index, "placeholder participant")
        elif content == SKELETON_LOCATION:
            problem(index, "placeholder location")
        elif content == SKELETON_SIGNUP:
            problem(index, "placeholder signup")
        if TODO.search(INLINE_CODE.sub("", text)):
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
                                        MESSAGES["todo item" if action_item else "todo"],
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
        message = MESSAGES["name and meeting"].format(named=named.isoformat(),
                                                      meeting=facts.meeting.date.isoformat())
    else:
        message = MESSAGES["name and date"].format(named=named.isoformat(),
                                                   date=date.date().isoformat())
    return [ContentProblem(source.shown, line, message, "warning")]
