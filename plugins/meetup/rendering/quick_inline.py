"""Markdown extension, speed only: inline patterns skipped where their regex finds nothing.

Python-Markdown's inline processor tries each of its ~20 patterns on every piece of
text, and each try costs a registry lookup (which checks the sort order), the pattern's
ancestor exclusions and a ``finditer`` set up in Python: two thirds of converting the
benchmark's files, almost all on patterns that do not match.  A pattern of the new
kind (``InlineProcessor``) can match only where ``finditer`` yields a match, that is
where its regex's ``search`` from the same index finds one; so here that search comes
first, and only a hit goes through Markdown's own code.  Legacy patterns always do.
The same HTML (tests/unit/test_quick_inline.py); about a third less time converting.

The loop replaced is Markdown's private ``__handleInline``, as written in the
versions of ``QUICK_FOR``; with any other version the processors stay as they are.
"""

from __future__ import annotations

import markdown
from markdown import inlinepatterns, treeprocessors, util
from markdown.extensions import Extension

# Markdown versions whose InlineProcessor.__handleInline the loop below repeats.
QUICK_FOR = {(3, 11)}


class QuickInlineProcessor(treeprocessors.InlineProcessor):
    """Markdown's InlineProcessor with the no-match case short-cut."""

    def run(self, tree, ancestors=None):
        patterns = list(self.inlinePatterns)  # sorted once per text, not per lookup
        self._quick_patterns = patterns
        self._quick_searches = [
            pattern.getCompiledRegExp().search
            if isinstance(pattern, inlinepatterns.InlineProcessor) else None
            for pattern in patterns]
        return super().run(tree, ancestors)

    def _InlineProcessor__handleInline(self, data, patternIndex=0):  # noqa: N802, N803
        # Markdown's loop, with one step before each try: a new-style pattern whose
        # regex finds nothing from startIndex cannot match there (Markdown would return
        # "not matched" and start the next pattern at 0, as here).
        if isinstance(data, util.AtomicString):
            return data
        patterns, searches = self._quick_patterns, self._quick_searches
        apply_pattern = self._InlineProcessor__applyPattern
        start_index = 0
        count = len(patterns)
        while patternIndex < count:
            search = searches[patternIndex]
            if search is not None and search(data, start_index) is None:
                patternIndex += 1
                start_index = 0
                continue
            data, matched, start_index = apply_pattern(patterns[patternIndex], data,
                                                       patternIndex, start_index)
            if not matched:
                patternIndex += 1
        return data


class _Quicken(treeprocessors.Treeprocessor):
    """First of the tree processors: makes every plain InlineProcessor of this converter
    (Markdown's own, smarty's) a quick one.  Here, not at loading, because extensions
    listed after this one register theirs later."""

    def run(self, root):
        for processor in self.md.treeprocessors:
            if type(processor) is treeprocessors.InlineProcessor:
                processor.__class__ = QuickInlineProcessor
        return None


class QuickInlineExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802 (Markdown's name)
        if tuple(markdown.__version_info__[:2]) in QUICK_FOR:
            md.treeprocessors.register(_Quicken(md), "meetup_quick_inline", 1000)


def makeExtension(**kwargs) -> QuickInlineExtension:  # noqa: N802 (Markdown's name)
    return QuickInlineExtension(**kwargs)
