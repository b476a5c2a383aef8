"""Materials of a talk: slides, a video, code, a notebook, read from the links written
near it (its heading, its speaker line, the list items right under them).

A link counts when its text (for a plain address: the words before it, as in
"Slides: https://…") names what it is ("Folien", "Slides", "Präsentation",
"Video", "Aufzeichnung", "Recording", "Code", "Notebook") or when its address is a
video or slide host (YouTube, Vimeo, Speaker Deck, SlideShare, slides.com, Google
Slides).  Any other link (the speaker's homepage, a project, a paper) is no material.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from .markdown_text import fold
from .model import Material

# Labels: "slides", "video", "code", "notebook" (shown translated by the theme).
_LABEL_WORDS = {
    "folien": "slides", "slides": "slides", "slide": "slides", "praesentation": "slides",
    "presentation": "slides", "vortragsfolien": "slides", "slidedeck": "slides",
    "video": "video", "aufzeichnung": "video", "recording": "video", "mitschnitt": "video",
    "code": "code", "quellcode": "code", "sourcecode": "code", "repository": "code", "repo": "code",
    "notebook": "notebook", "jupyter": "notebook",
}
_HOSTS = {
    "youtube.com": "video", "youtu.be": "video", "vimeo.com": "video", "media.ccc.de": "video",
    "speakerdeck.com": "slides", "slideshare.net": "slides", "slides.com": "slides",
    "nbviewer.org": "notebook", "colab.research.google.com": "notebook",
}
_LINK = re.compile(r"\[(?P<text>[^\[\]]*)\]\(\s*<?(?P<url>https?://[^()\s<>]+(?:\([^()\s]*\)[^()\s<>]*)*)>?"
                   r"(?:\s+\"[^\"]*\")?\s*\)"
                   r"|<(?P<auto>https?://[^<>\s]+)>"
                   r"|(?<![(\[<\"'=])(?P<bare>https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"])")
_WORD = re.compile(r"[a-z]+")


def _host_label(url: str) -> str | None:
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    if host == "docs.google.com" and parts.path.startswith("/presentation"):
        return "slides"
    for known, label in _HOSTS.items():
        if host == known or host.endswith("." + known):
            return label
    return None


def _text_label(text: str) -> str | None:
    for word in _WORD.findall(fold(text)):
        if word in _LABEL_WORDS:
            return _LABEL_WORDS[word]
    return None


def materials_in(markdown: str) -> list[Material]:
    """The materials linked in one line of Markdown, in the order written."""
    found, before = [], 0
    for match in _LINK.finditer(markdown):
        if match["url"]:
            url, label = match["url"], _text_label(match["text"]) or _host_label(match["url"])
        else:
            # A plain address takes its label from its host, or from the words
            # written before it: "Slides: https://…", "Video unter <https://…>".
            url = match["auto"] or match["bare"]
            label = _host_label(url) or _text_label(markdown[before:match.start()])
        before = match.end()
        if label:
            found.append(Material(label, url))
    return found


_MATERIAL_LINK = re.compile(r"\s*(?:[-–—|,;]\s*)?\[(?P<text>[^\[\]]*)\]\([^()]*\)")


_EMPTY_BRACKETS = re.compile(r"\s*(?:\(\s*\)|\[\s*\])")


def without_materials(markdown: str) -> str:
    """The line without its material links: "by Ann - [slides](…)" → "by Ann"."""
    def drop(match: re.Match) -> str:
        return "" if _text_label(match["text"]) else match[0]
    text = _MATERIAL_LINK.sub(drop, markdown)
    if text != markdown:  # "Thema ([Folien](…))": no empty brackets left behind
        text = _EMPTY_BRACKETS.sub("", text)
    return text.strip()


def unique(materials) -> tuple[Material, ...]:
    seen, result = set(), []
    for material in materials:
        if material.url not in seen:
            seen.add(material.url)
            result.append(material)
    return tuple(result)
