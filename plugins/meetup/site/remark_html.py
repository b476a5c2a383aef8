"""Remarks of a "next" section as HTML for the card, rendered like the body.

Remarks are organizer content and trusted like the rest of the body: Markdown
with the site's own MARKDOWN settings, raw HTML kept.  But a remark must not
break the card around it, so each one is converted on its own and its tags
are balanced: end tags that close nothing of the remark are dropped, tags it
leaves open are closed, and a broken "<" is shown as text.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Iterable

from markdown import Markdown
from markupsafe import Markup

_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Nothing can close these: everything after them would become their text.
_UNCLOSABLE = frozenset({"plaintext"})


class _Balancer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _UNCLOSABLE:
            return
        self.parts.append(self.get_starttag_text())
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in _UNCLOSABLE:
            self.parts.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag not in self.open:
            return  # "</div>" written in a remark would close the card
        while self.open:
            name = self.open.pop()
            self.parts.append(f"</{name}>")
            if name == tag:
                break

    def handle_data(self, data):
        # Script and style content is raw text; elsewhere a "<" that starts no
        # complete tag (an unclosed "<!--", '<a href="x') must stay text.
        self.parts.append(data if self.cdata_elem else data.replace("<", "&lt;"))

    def handle_entityref(self, name):
        self.parts.append(f"&{name};")

    def handle_charref(self, name):
        self.parts.append(f"&#{name};")

    def handle_comment(self, data):
        self.parts.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.parts.append(html.escape(f"<!{decl}>", quote=False))

    def handle_pi(self, data):
        self.parts.append(html.escape(f"<?{data}>", quote=False))

    def unknown_decl(self, data):
        self.parts.append(html.escape(f"<![{data}]>", quote=False))


def balanced(markup: str) -> str:
    """``markup`` with every element it opens closed, and no end tag of an
    element it did not open."""
    balancer = _Balancer()
    balancer.feed(markup)
    balancer.close()
    if balancer.rawdata:  # an unclosed <script> keeps its text here (Python < 3.13)
        balancer.handle_data(balancer.rawdata)
    for name in reversed(balancer.open):
        balancer.parts.append(f"</{name}>")
    return "".join(balancer.parts)


class RemarkRenderer:
    """One Markdown converter per build, reset between remarks.

    ``markdown_settings`` is the site's MARKDOWN setting (extension_configs,
    output_format), so remarks get the body's typography (German quotes, …).
    """

    def __init__(self, markdown_settings: dict):
        self._settings = markdown_settings
        self._converter: Markdown | None = None

    def _markdown(self) -> Markdown:
        if self._converter is None:
            configs = self._settings.get("extension_configs", {})
            extensions = list(dict.fromkeys([*self._settings.get("extensions", []), *configs]))
            self._converter = Markdown(extensions=extensions, extension_configs=configs,
                                       output_format=self._settings.get("output_format", "html5"))
            # A remark such as "Ort: Coworking Space" is text, not a metadata header.
            if "meta" in self._converter.preprocessors:
                self._converter.preprocessors.deregister("meta")
        return self._converter

    def render(self, remarks: Iterable[str]) -> list[Markup]:
        """Each remark's HTML, converted on its own so none can run into the next."""
        rendered = []
        for remark in remarks:
            converter = self._markdown()
            converter.reset()
            rendered.append(Markup(balanced(converter.convert(remark)).strip()))
        return rendered
