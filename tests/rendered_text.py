"""HTML as a reader sees it: text by lines, list numbers included.

A browser draws "1." before the first item of every ``<ol>`` although the
markup holds no such text; a check that reads only the markup's text would
miss a day number that a list swallowed.  ``visible_text`` writes the markers
in (the ordinal of each ``<ol>`` item, honouring ``start``, ``value`` and
``reversed``; with ``bullets=True`` also "•" before ``<ul>`` items, which the
stylesheet may hide), puts block elements on lines of their
own, keeps ``<br>`` as a line break and collapses other white space, as
``innerText`` does.  Hidden elements (``hidden``, ``<script>``, ``<style>``,
``<template>``) are left out.  For static checks without a browser; the
browser tests read the real rendering.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

_BLOCKS = frozenset("""address article aside blockquote details dd div dl dt fieldset figcaption
figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table
tbody thead tfoot tr ul caption""".split())
_CELLS = frozenset({"td", "th"})
# Written before each list marker, removed at the end: a line holding only a
# marker belongs to the text after it (an item that starts with a paragraph).
_MARK = "\x01"
_SKIPPED = frozenset({"script", "style", "template", "head", "title", "noscript"})


def _markers(ol: Tag) -> dict[int, str]:
    items = [child for child in ol.children if isinstance(child, Tag) and child.name == "li"]
    reversed_ = ol.has_attr("reversed")
    try:
        number = int(ol.get("start")) if ol.has_attr("start") else (len(items) if reversed_ else 1)
    except ValueError:
        number = 1
    markers = {}
    for item in items:
        if item.has_attr("value"):
            try:
                number = int(item["value"])
            except ValueError:
                pass
        markers[id(item)] = f"{number}. "
        number += -1 if reversed_ else 1
    return markers


def _walk(node, out: list[str], markers: dict[int, str], bullets: bool) -> None:
    for child in node.children:
        _node(child, out, markers, bullets)


def _node(child, out: list[str], markers: dict[int, str], bullets: bool) -> None:
    if isinstance(child, NavigableString):
        if type(child) is NavigableString:  # not a comment, doctype, CDATA
            out.append(re.sub(r"\s+", " ", str(child)))
        return
    if not isinstance(child, Tag) or child.name in _SKIPPED or child.has_attr("hidden"):
        return
    if child.name == "br":
        out.append("\n")
        return
    if child.name == "ol":
        markers.update(_markers(child))
    block = child.name in _BLOCKS
    if block:
        out.append("\n")
    if child.name == "li":
        parent = child.parent
        if parent is not None and parent.name == "ol":
            if id(child) not in markers:
                markers.update(_markers(parent))
            out.append(_MARK + markers[id(child)])
        elif bullets and parent is not None and parent.name == "ul":
            out.append(_MARK + "• ")
    if child.name == "pre":
        out.append(child.get_text())
    else:
        _walk(child, out, markers, bullets)
    if child.name in _CELLS:
        out.append("\t")
    if block:
        out.append("\n")


def visible_text(html_or_tag, *, bullets: bool = False) -> str:
    """The text of ``html_or_tag`` line by line, as a browser shows it."""
    out: list[str] = []
    if isinstance(html_or_tag, Tag) and html_or_tag.name != "[document]":
        _node(html_or_tag, out, {}, bullets)
    else:
        root = html_or_tag if isinstance(html_or_tag, Tag) else BeautifulSoup(str(html_or_tag),
                                                                                "html.parser")
        _walk(root, out, {}, bullets)
    text = "".join(out).replace("\xa0", " ")
    lines = [" ".join(line.split()) for line in text.split("\n")]
    joined: list[str] = []
    marker = ""
    for line in lines:
        if not line:
            continue
        if line.startswith(_MARK) and _MARK not in line[1:] and len(line.split()) == 1:
            marker += line[1:] + " "  # an item whose text starts with a block
            continue
        joined.append(marker + line.replace(_MARK, ""))
        marker = ""
    if marker:
        joined.append(marker.rstrip())
    joined = [line.replace(_MARK, "") for line in joined]
    return "\n".join(joined)
