"""What ``invoke livereload`` makes an organizer wait for, as a child of bench/run.py.

One long-running process, as livereload is: the preview build
(``pelican.plugins.meetup.organizer.preview.Preview``, pelicanconf.py with its caches) once,
then for each round one report edited (a sentence added) and rebuilt.  Per
edit: the seconds until the edited page is in the output folder (livereload
reloads the browser then), and until the whole site is built again in the
background and the search index is made (``Preview.wait_for_index``).  The
edit is undone at the end.  Prints one JSON object.

    python bench/livereload_probe.py CONTENT_DIR OUTPUT_DIR --cache DIR [--edits N]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from pelican.plugins.meetup.organizer import sitebuild  # noqa: E402
from pelican.plugins.meetup.organizer.preview import Preview  # noqa: E402


class Blocking:
    """The rebuild livereload made before: sitebuild.build with the search index."""

    def __init__(self, settings_file, content, output, log, overrides):
        self.args = (settings_file, output)
        self.kwargs = {"content": content, "overrides": overrides, "log": log}

    def rebuild(self):
        sitebuild.build(*self.args, **self.kwargs)

    def wait_for_index(self):
        return 0


def edit(target: Path, original: str, number: int) -> str:
    marker = f"Nachtrag {number}:"  # typogrify binds the sentence's last two words
    target.write_text(original.replace(
        "### Teilnehmer", f"{marker} die Folien sind jetzt online.\n\n### Teilnehmer", 1),
                      encoding="utf-8")
    stamp = time.time() + number  # a later mtime, even on coarse file systems
    os.utime(target, (stamp, stamp))
    return marker


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--blocking", action="store_true",
                        help="as livereload rebuilt before the preview build: whole build, "
                             "search index before the swap (for comparison)")
    args = parser.parse_args(argv)
    overrides = {"CACHE_PATH": str(args.cache.resolve())}
    preview = (Blocking if args.blocking else Preview)(
        ROOT / "pelicanconf.py", args.content, args.output, log=lambda m: None,
        overrides=overrides)
    start = time.perf_counter()
    preview.rebuild()
    first = time.perf_counter() - start
    preview.wait_for_index()
    reports = sorted(args.content.glob("*-bericht.md"))
    target = reports[len(reports) // 2]
    original = target.read_text(encoding="utf-8")
    visible, indexed, rewritten = [], [], []
    try:
        for number in range(1, args.edits + 1):
            marker = edit(target, original, number)
            before = {path: path.stat().st_mtime_ns for path in args.output.rglob("*.html")}
            start = time.perf_counter()
            preview.rebuild()
            visible.append(time.perf_counter() - start)
            if preview.wait_for_index() != 0:
                print("search index failed", file=sys.stderr)
                return 1
            indexed.append(time.perf_counter() - start)
            pages = [path for path in args.output.rglob("*.html")
                     if marker in path.read_text(encoding="utf-8")]
            if not pages:
                print(f"edit {number} not in the output", file=sys.stderr)
                return 1
            rewritten.append(sum(1 for path, stamp in before.items()
                                 if path.exists() and path.stat().st_mtime_ns != stamp))
    finally:
        target.write_text(original, encoding="utf-8")
    print(json.dumps({"first_build_s": first, "visible_s": visible, "indexed_s": indexed,
                      "pages_rewritten": rewritten, "pages": len(before)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
