"""Markdown extension: ``:::bash`` as the first line of a fenced code block.

Python-Markdown's codehilite reads ``:::lang`` only in indented code blocks;
in a fenced block without a language it stays as a literal first line and the
block is not highlighted.  The archive has both forms (the seed report uses
the fenced one), so before the fences are read, a fence without a language
whose first line is ``:::lang`` becomes a fence with that language.
"""

from __future__ import annotations

import re

from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_FENCE = re.compile(r"^(?P<indent>[ ]{0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<rest>.*)$")
_LANGUAGE_LINE = re.compile(r"^[ \t]*:::(?P<language>[\w+#.-]+)[ \t]*$")
# Above fenced_code_block (25), so the fence already carries its language.
PRIORITY = 30


class CodeLanguagePreprocessor(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        result: list[str] = []
        open_fence = None  # the fence string of the block we are inside
        index = 0
        while index < len(lines):
            line = lines[index]
            match = _FENCE.match(line)
            if open_fence is None and match:
                open_fence = match["fence"]
                following = lines[index + 1] if index + 1 < len(lines) else ""
                language = _LANGUAGE_LINE.match(following)
                if not match["rest"] and language:
                    result.append(f'{match["indent"]}{match["fence"]}{language["language"]}')
                    index += 2
                    continue
            elif open_fence is not None and match and not match["rest"] \
                    and match["fence"][0] == open_fence[0] and len(match["fence"]) >= len(open_fence):
                open_fence = None
            result.append(line)
            index += 1
        return result


class CodeLanguageExtension(Extension):
    def extendMarkdown(self, md) -> None:
        md.preprocessors.register(CodeLanguagePreprocessor(md), "meetup_code_language", PRIORITY)


def makeExtension(**kwargs) -> CodeLanguageExtension:  # noqa: N802 (Markdown's name)
    return CodeLanguageExtension(**kwargs)
