"""Inline Markdown helpers for the parsing core: list items, plain text, links.

Only what reading meetup facts needs; the page itself is rendered by
Python-Markdown.  No character class below contains the character that opens
its own pattern, so every regex runs in linear time even on hostile input.
"""

from __future__ import annotations

import functools
import html
import re
from dataclasses import dataclass

# Pure functions of one line, asked for the same line by several extractors (a
# file's lines are read by the talk, date, place and sign-up readers alike): kept.
SAME_LINE = functools.lru_cache(maxsize=1024)


@SAME_LINE
def fold(text: str) -> str:
    """Lower case with umlauts spelled out, so "Nächster" matches "naechster"."""
    text = text.casefold()
    if text.isascii():
        return text
    # str.replace is several times faster than translate() with a table that
    # maps one character to two, and fold runs on every word the readers weigh.
    return text.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")


@dataclass(frozen=True)
class ListItem:
    indent: int  # columns before the marker, tabs counted as 4
    marker: str  # "-", "*", "+" or "1." / "1)"
    content: str


_LIST_ITEM = re.compile(r"(?P<indent>[ ]*)(?P<marker>[-*+]|[0-9]{1,9}[.)])(?:[ ]+(?P<content>.*))?")


@SAME_LINE
def list_item(text: str) -> ListItem | None:
    """The list item on this line, or None: "+ 6 Nachzügler" is one, "+6" is not."""
    expanded = text.expandtabs(4).rstrip()
    match = _LIST_ITEM.fullmatch(expanded)
    if not match:
        return None
    return ListItem(len(match["indent"]), match["marker"], (match["content"] or "").strip())


def indent_of(text: str) -> int:
    expanded = text.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


_IMAGE = re.compile(r"!\[([^\[\]\n]*)\]\([^()\n]*\)")
_LINK = re.compile(r"\[(?P<text>[^\[\]\n]*)\]\((?P<target>[^()\n]*)\)")
_REF_LINK = re.compile(r"\[(?P<text>[^\[\]\n]*)\]\[[^\[\]\n]*\]")
_AUTOLINK = re.compile(r"<(?P<url>(?:https?|ftp|mailto):[^<>\s]*)>", re.IGNORECASE)
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]\"']+", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_CODE_SPAN = re.compile(r"`(?P<code>[^`]*)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|])")
_EMPHASIS = re.compile(r"(?<!\\)(?:\*+|__+|(?<!\w)_|_(?!\w))")
_SPACES = re.compile(r"\s+")


def _without_html_comments(text: str) -> str:
    # str.find keeps this linear where a lazy regex would rescan unclosed comments.
    parts, position = [], 0
    while (start := text.find("<!--", position)) != -1:
        parts.append(text[position:start])
        end = text.find("-->", start + 4)
        if end == -1:  # unclosed: Markdown hides the rest of the line too
            parts.append(" " * (len(text) - start))
            return "".join(parts)
        parts.append(" " * (end + 3 - start))
        position = end + 3
    parts.append(text[position:])
    return "".join(parts)


def _link_target_url(target: str) -> str:
    """The URL of a link target, without an optional "title"."""
    return target.strip().split(" ", 1)[0].strip("<>") if target.strip() else ""


@functools.lru_cache(maxsize=65536)
def plain_text(markdown: str, keep_html: bool = False) -> str:
    """What a reader sees of one line: links reduced to their text, no markup.

    ``keep_html`` keeps HTML tags as literal text: what stands in a name is
    shown as written (escaped), never dropped or run.
    """
    text = _without_html_comments(markdown)
    text = _IMAGE.sub(lambda m: m[1], text)
    text = _LINK.sub(lambda m: m["text"], text)
    text = _REF_LINK.sub(lambda m: m["text"], text)
    text = _AUTOLINK.sub(lambda m: m["url"], text)
    if not keep_html:
        text = _HTML_TAG.sub(" ", text)
    text = _CODE_SPAN.sub(lambda m: m["code"], text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPE.sub(lambda m: m[1], text)
    text = html.unescape(text)
    return _SPACES.sub(" ", text).strip()


def _blank(text: str, spans) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


_NO_BREAK_SPACES = ("\u00a0", "\u202f", "\u2007")
# Struck-through text is withdrawn: "<del>10.10.</del> 6.11." means the 6th.
_STRUCK = re.compile(r"~~[^~\n]*~~|<(?P<tag>del|s|strike)>[^<\n]*</(?P=tag)>", re.IGNORECASE)


@SAME_LINE
def mask_non_text(text: str) -> str:
    """Same length, but URLs, link targets, code spans, HTML tags and struck
    text blanked.

    Dates inside a link (".../2019-06-18/...") are not meeting dates; keeping
    positions lets callers map matches back to the original line.
    """
    # No-break spaces ("30.\u00a0November") are spaces to a reader; same length.
    text = _without_html_comments(text)
    if not text.isascii():
        for space in _NO_BREAK_SPACES:
            text = text.replace(space, " ")
    spans = [m.span("target") for m in _LINK.finditer(text)]
    spans += [m.span() for m in _STRUCK.finditer(text)]
    spans += [m.span() for m in _AUTOLINK.finditer(text)]
    spans += [m.span() for m in _CODE_SPAN.finditer(text)]
    spans += [m.span() for m in _HTML_TAG.finditer(text)]
    text = _blank(text, spans)
    return _blank(text, [m.span() for m in _BARE_URL.finditer(text)])


@dataclass(frozen=True)
class Link:
    text: str
    url: str
    start: int


def links(text: str) -> list[Link]:
    """Markdown links, autolinks and bare URLs of one line, in reading order."""
    return list(_links(text))


@SAME_LINE
def _links(text: str) -> tuple[Link, ...]:
    if "[" not in text and "<" not in text and "://" not in text and "www." not in text.lower():
        return ()  # no pattern below can match: most lines have no link
    found = [Link(plain_text(m["text"]), _link_target_url(m["target"]), m.start())
             for m in _LINK.finditer(text)]
    found += [Link(m["url"], m["url"], m.start()) for m in _AUTOLINK.finditer(text)]
    rest = _blank(text, [m.span() for m in _LINK.finditer(text)]
                  + [m.span() for m in _AUTOLINK.finditer(text)])
    found += [Link(m[0], m[0], m.start()) for m in _BARE_URL.finditer(rest)]
    return tuple(sorted(found, key=lambda link: link.start))
