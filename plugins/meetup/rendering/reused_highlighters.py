"""Markdown extension, speed only: one Pygments lexer and formatter per set of options.

codehilite (which also colours fenced blocks) makes a new Pygments lexer and HTML
formatter for every code block, and the formatter builds its style sheet each time:
about 1.5 ms a block, 12 % of converting the benchmark's 1,200 files.  Between blocks
both hold nothing but their options, and Pygments lets an instance serve any number
of texts, so here one of each per name and options serves every block with them: the
same HTML.  Loading the extension installs the reuse in codehilite's module (once).
"""

from __future__ import annotations

from markdown.extensions import Extension, codehilite


def _frozen(value):
    if isinstance(value, (list, tuple)):
        return tuple(_frozen(item) for item in value)
    if isinstance(value, dict):
        return tuple(sorted((key, _frozen(item)) for key, item in value.items()))
    return value


def _reusing(make):
    """``make(name, **options)`` (a Pygments getter), one instance per name and options;
    an error (an unknown language) is raised every time, as before."""
    made: dict = {}

    def get(name, **options):
        key = (name, _frozen(options))
        try:
            return made[key]
        except KeyError:
            instance = made[key] = make(name, **options)
            return instance
        except TypeError:  # an unhashable option value: a new instance, as before
            return make(name, **options)

    get.meetup_original = make
    return get


def install() -> None:
    for name in ("get_lexer_by_name", "get_formatter_by_name"):
        getter = getattr(codehilite, name, None)
        if getter is not None and not hasattr(getter, "meetup_original"):
            setattr(codehilite, name, _reusing(getter))


class ReusedHighlightersExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's name)
        install()


def makeExtension(**kwargs) -> ReusedHighlightersExtension:  # noqa: N802 (Markdown's name)
    return ReusedHighlightersExtension(**kwargs)
