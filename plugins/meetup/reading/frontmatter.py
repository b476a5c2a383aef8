"""Front matter, file-name dates and heading titles: how other generators' archives say
what Pelican headers say.  Pure: standard library and python-frontmatter (PyYAML) only.

- ``read_front_matter``: YAML (``---`` … ``---``, Jekyll, Middleman, Hugo), JSON (a
  ``{ … }`` object at the very top, Hugo) and TOML (``+++`` … ``+++``, Hugo).  YAML is
  read with the safe loader: a tag such as ``!!python/object`` is a problem, never
  code.  A ``---`` block written like Pelican headers (``Title: …`` with capitalised
  keys, nothing nested) is left to Pelican, which reads it as it always did.
- ``date_from_path``: ``2019-03-13.md``, ``protokoll-gruppe-20160309.md``,
  ``2024-10-24_Proxmox.md``, year and month folders (``2019/may/…``, ``2019/03/…``).
- ``title_from_body``: the first level-1 heading (``# …`` or ``===`` underlined).
- ``pick_date``: the meeting date wins over a publication date.

Nothing here raises on any text; what cannot be read is a ``(line, Text)`` problem.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass, field

from .markdown_text import plain_text
from .model import N_, Text

Format = str  # "yaml" | "json" | "toml"


@dataclass(frozen=True)
class FrontMatter:
    fields: dict[str, object]  # keys lower-cased, values as the format gives them
    body_line: int  # 1-based line where the body starts (1 without front matter)
    format: Format | None  # "yaml", "json", "toml" or None (no front matter)
    problems: tuple[tuple[int, Text], ...] = ()
    lines: dict[str, int] = field(default_factory=dict)  # key -> line it stands on


NONE = FrontMatter({}, 1, None)

# python-frontmatter's YAML boundary; "..." ends a YAML document too.
_YAML_OPEN = re.compile(r"-{3,}[ \t]*")
_YAML_CLOSE = re.compile(r"(?:-{3,}|\.{3})[ \t]*")
_TOML_FENCE = re.compile(r"\+{3,}[ \t]*")
# Pelican's header syntax (Python-Markdown's meta extension).
_PELICAN_LINE = re.compile(r"(?P<key>[A-Za-z0-9_-]+):(?:\s.*)?")
_PELICAN_MORE = re.compile(r"[ ]{4,}\S.*")
_YAML_KEY = re.compile(r"""(?P<q>["']?)(?P<key>[^\s#:"'][^:"']*?)(?P=q)\s*:(?:\s|$)""")
_JSON_KEY = re.compile(r'\s*"(?P<key>(?:[^"\\]|\\.)*)"\s*:')
_TOML_KEY = re.compile(r"""(?P<q>["']?)(?P<key>[A-Za-z0-9_-]+)(?P=q)\s*=""")
_TOML_LINE = re.compile(r"at line (\d+)")


@functools.lru_cache(maxsize=1)
def _yaml_reader():
    """python-frontmatter's YAML handler and yaml's safe loader, imported on first use:
    many archives have no YAML front matter, and the import costs ~25 ms of each start."""
    import yaml
    from frontmatter.default_handlers import YAMLHandler

    return yaml, YAMLHandler(), getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_lines(source: str) -> list[str]:
    """Lines as an editor numbers them: BOM dropped, CRLF and CR accepted."""
    source = source.removeprefix("\ufeff")
    return source.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_front_matter(source: str) -> FrontMatter:
    """The front matter at the top of ``source``; ``format`` None when there is none."""
    try:
        if not source.lstrip("\ufeff").startswith(("---", "+++", "{")):
            return NONE  # most files: no need to split them
        return _read(split_lines(source))
    except Exception as error:  # a parser bug must not stop a build
        return FrontMatter({}, 1, None, ((1, Text(N_("front matter not readable ({error})"),
                                                  error=type(error).__name__)),))


def _read(lines: list[str]) -> FrontMatter:
    first = lines[0] if lines else ""
    if _YAML_OPEN.fullmatch(first):
        return _yaml(lines)
    if _TOML_FENCE.fullmatch(first):
        return _toml(lines)
    stripped = first.strip()
    if first.startswith("{") and (stripped == "{" or stripped.startswith('{"')):
        return _json(lines)
    return NONE


def _closing(lines: list[str], pattern: re.Pattern) -> int | None:
    for index in range(1, len(lines)):
        if pattern.fullmatch(lines[index]):
            return index
    return None


def _pelican_shaped(block: list[str]) -> bool:
    """A header Pelican reads itself: ``Key: value`` lines, the first key capitalised."""
    keys = []
    for line in block:
        if not line.strip():
            return False  # Pelican's header ends at a blank line
        if match := _PELICAN_LINE.fullmatch(line):
            keys.append(match["key"])
        elif not (keys and _PELICAN_MORE.fullmatch(line)):
            return False
    return bool(keys) and keys[0][0].isupper()


def _keyed(data: object, block: list[str], first_line: int, key_pattern: re.Pattern,
           fmt: Format, body_line: int, problems: list[tuple[int, Text]]) -> FrontMatter:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.append((first_line, Text(N_("the front matter is no list of “key: value” lines"))))
        data = {}
    lines: dict[str, int] = {}
    for offset, text in enumerate(block):
        if match := key_pattern.match(text):
            lines.setdefault(match["key"].strip().lower(), first_line + 1 + offset)
    fields: dict[str, object] = {}
    for key, value in data.items():
        name = str(key).strip().lower()
        if name in fields:
            problems.append((lines.get(name, first_line), Text(
                N_("“{key}” is twice in the front matter; the first value counts"), key=str(key))))
            continue
        fields[name] = value
    lines = {key: line for key, line in lines.items() if key in fields}  # top level only
    return FrontMatter(fields, body_line, fmt, tuple(problems), lines)


def _yaml(lines: list[str]) -> FrontMatter:
    end = _closing(lines, _YAML_CLOSE)
    if end is None:
        return NONE  # a rule or Pelican's own "---" header: Markdown decides
    block = lines[1:end]
    if _pelican_shaped(block):
        return NONE
    yaml, handler, safe_loader = _yaml_reader()
    try:
        # python-frontmatter's loader: yaml's (C)SafeLoader, never the full one.
        data = handler.load("\n".join(block), Loader=safe_loader)
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark or error.context_mark
        line = 2 + (mark.line if mark else 0)
        tag = re.search(r"tag '([^']*)'", str(error.problem or ""))
        shown = tag.group(1).replace("tag:yaml.org,2002:", "!!") if tag else "?"
        return FrontMatter({}, end + 2, "yaml", ((line, Text(
            N_("YAML tag “{tag}” is not allowed in front matter; only texts, numbers, dates and "
               "lists (the front matter is read safely, never run)"), tag=shown)),))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = 2 + (mark.line if mark else 0)
        reason = getattr(error, "problem", None) or str(error).splitlines()[0]
        return FrontMatter({}, end + 2, "yaml", ((line, Text(
            N_("YAML front matter not readable: {reason}"), reason=reason)),))
    return _keyed(data, block, 1, _YAML_KEY, "yaml", end + 2, [])


def _toml(lines: list[str]) -> FrontMatter:
    end = _closing(lines, _TOML_FENCE)
    if end is None:
        return FrontMatter({}, 1, "toml", ((1, Text(N_("TOML front matter without a closing "
                                                       "“+++”"))),))
    block = lines[1:end]
    import tomllib  # on first use, as YAML: few archives have TOML front matter (~5 ms)

    try:
        data = tomllib.loads("\n".join(block))
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = 1 + (int(found.group(1)) if found else 1)
        return FrontMatter({}, end + 2, "toml", ((line, Text(
            N_("TOML front matter not readable: {reason}"),
            reason=str(error).split(" (at ")[0])),))
    return _keyed(data, block, 1, _TOML_KEY, "toml", end + 2, [])


def _json(lines: list[str]) -> FrontMatter:
    text = "\n".join(lines)
    try:
        data, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as error:
        return FrontMatter({}, 1, "json", ((error.lineno, Text(
            N_("JSON front matter not readable: {reason} (column {column})"),
            reason=error.msg, column=error.colno)),))
    closing_line = text.count("\n", 0, end)  # 0-based line of the closing brace
    # Hugo's body starts after the object; the rest of the brace's line is dropped.
    block = lines[1:closing_line + 1]
    return _keyed(data, block, 1, _JSON_KEY, "json", closing_line + 2, [])


def blank_front_matter(source: str) -> str:
    """``source`` with the front matter lines made empty: the rest keeps its line numbers,
    and Markdown sees no header (the first line is blank)."""
    matter = read_front_matter(source)
    if matter.format is None:
        return source
    lines = split_lines(source)
    cut = min(matter.body_line - 1, len(lines))
    return "\n" * cut + "\n".join(lines[cut:])


# --- Dates -----------------------------------------------------------------------

# The meeting date wins over a publication date (announcements are published before).
DATE_KEYS = ("meeting_date", "meetingdate", "meeting-date", "date", "published_at",
             "publishdate", "pubdate")

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?)?"
    r"\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?"
)


def parse_date(value: object) -> dt.date | dt.datetime | None:
    """A front matter date as wall-clock time: ``2025-01-16T19:00+01:00`` is 19:00
    (the site's TIMEZONE applies, as for Pelican headers); None when it is no date."""
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO.fullmatch(value.strip())
    if not match:
        return None
    try:
        day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        if match["H"] is None:
            return day
        return dt.datetime.combine(day, dt.time(int(match["H"]), int(match["M"]),
                                                int(match["S"] or 0)))
    except ValueError:
        return None


def pick_date(fields: dict[str, object]) -> tuple[str, object] | None:
    """(key, raw value) of the date that counts: the first present of ``DATE_KEYS``."""
    for key in DATE_KEYS:
        value = fields.get(key)
        if value is not None and value != "":
            return key, value
    return None


def iso(value: dt.date | dt.datetime) -> str:
    """The form of a Pelican ``Date:`` header: ``2025-01-16`` or ``2025-01-16 19:00``."""
    if isinstance(value, dt.datetime):
        fmt = "%Y-%m-%d %H:%M:%S" if value.second else "%Y-%m-%d %H:%M"
        return value.strftime(fmt)
    return value.isoformat()


_MONTHS = {
    name: number
    for number, names in enumerate((
        ("january", "jan", "januar", "jaenner", "janner"),
        ("february", "feb", "februar"),
        ("march", "mar", "maerz", "marz", "märz", "mär", "mrz"),
        ("april", "apr"),
        ("may", "mai"),
        ("june", "jun", "juni"),
        ("july", "jul", "juli"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct", "oktober", "okt"),
        ("november", "nov"),
        ("december", "dec", "dezember", "dez"),
    ), start=1)
    for name in names
}
_DASHED = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?!\d)")
_YEAR = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class PathDate:
    date: dt.date
    precision: str  # "day" (from a name) or "month" (year and month folders: day 1)
    source: str  # the part of the path it comes from


def _day_in(name: str) -> dt.date | None:
    for pattern in (_DASHED, _COMPACT):
        for match in pattern.finditer(name):
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                continue
    return None


def read_path_date(relative_path: str) -> PathDate | None:
    """The date a path gives: a date in the file name (or its folder's name), else a
    year folder with a month folder inside (the 1st of that month)."""
    parts = [part for part in relative_path.replace("\\", "/").split("/") if part]
    if not parts:
        return None
    name = parts[-1]
    if (day := _day_in(name)) is not None:
        return PathDate(day, "day", name)
    folders = parts[:-1]
    if folders and (day := _day_in(folders[-1])) is not None:
        return PathDate(day, "day", folders[-1])
    for index in range(len(folders) - 1, 0, -1):
        month = _month(folders[index])
        if month is not None and _YEAR.fullmatch(folders[index - 1]):
            return PathDate(dt.date(int(folders[index - 1]), month, 1), "month",
                            f"{folders[index - 1]}/{folders[index]}")
    return None


def _month(name: str) -> int | None:
    lowered = name.casefold()
    if lowered.isdigit() and len(lowered) <= 2:
        number = int(lowered)
        return number if 1 <= number <= 12 else None
    return _MONTHS.get(lowered)


def date_from_path(relative_path: str) -> dt.date | None:
    """The date of ``read_path_date`` (a month folder gives the 1st of the month)."""
    found = read_path_date(relative_path)
    return found.date if found else None


# --- Title from the first heading --------------------------------------------------


@dataclass(frozen=True)
class BodyTitle:
    text: str  # heading text, Markdown markers removed
    line: int  # 1-based file line of the heading
    end_line: int  # last line of the heading (the underline of a setext heading)
    first_block: bool  # nothing but blank lines before it


_FENCE = re.compile(r"[ ]{0,3}(?P<fence>`{3,}|~{3,})")
_ATX_H1 = re.compile(r"#(?!#)(?P<text>.*)")
_SETEXT_H1 = re.compile(r"[ ]{0,3}=+[ \t]*")


def _clean_title(text: str) -> str:
    """What a reader sees of a heading: no closing #'s, links reduced to their text."""
    return plain_text(text.strip().rstrip("#"))


def _setext_text(line: str) -> bool:
    return bool(line.strip()) and not line.startswith(("    ", "\t", "#", ">")) \
        and not re.match(r"[ ]{0,3}(?:[-*+]|\d{1,9}[.)])(?:\s|$)", line)


def title_from_body(body: str | list[str], first_line: int = 1) -> BodyTitle | None:
    """The first level-1 heading of ``body`` (text or lines; ``first_line`` is the file
    line of its first line), outside code blocks and HTML comments; None if there is none."""
    lines = split_lines(body) if isinstance(body, str) else body
    fence = None
    in_comment = False
    before = 0  # non-blank lines seen so far
    previous = ""
    for index, text in enumerate(lines):
        if fence:
            if text.strip().startswith(fence) and set(text.strip()) == {fence[0]}:
                fence = None
            before += 1
            continue
        if in_comment:
            in_comment = "-->" not in text
            continue
        if match := _FENCE.match(text):
            fence = match["fence"]
            before += 1
            previous = ""
            continue
        if text.lstrip().startswith("<!--") and "-->" not in text:
            in_comment = True
            previous = ""
            continue
        if match := _ATX_H1.match(text):
            if title := _clean_title(match["text"]):
                line = first_line + index
                return BodyTitle(title, line, line, before == 0)
        elif _SETEXT_H1.fullmatch(text) and _setext_text(previous):
            if title := _clean_title(previous):
                line = first_line + index - 1
                return BodyTitle(title, line, line + 1, before == 1)
        if text.strip():
            before += 1
        previous = text
    return None
