"""Where a production build spends its time, phase by phase, without a profiler.

A profiler slows small Python calls far more than I/O and C code, so its
shares are skewed; here the build runs at full speed and only timestamps are
taken: at Pelican's signals and around the plugin's big steps (wrapped
before Pelican loads the plugin).

    python bench/phases.py CONTENT_DIR [--load-cache]
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from pelican import signals  # noqa: E402

from pelican.plugins.meetup.glue import articles as glue
from pelican.plugins.meetup import glue, sitebuild  # noqa: E402

STAMPS: list[tuple[str, float]] = []


def stamp(name: str) -> None:
    STAMPS.append((name, time.perf_counter()))


def timed(owner, attribute: str, label: str) -> None:
    """Replace ``owner.attribute`` by a wrapper that adds its own time to TOTALS."""
    original = getattr(owner, attribute)

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            TOTALS[label] = TOTALS.get(label, 0.0) + time.perf_counter() - start

    setattr(owner, attribute, wrapper)


TOTALS: dict[str, float] = {}

SIGNALS = ["initialized", "article_generator_init", "article_generator_finalized",
           "page_generator_finalized", "all_generators_finalized",
           "article_writer_finalized", "page_writer_finalized", "finalized"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument("--load-cache", action="store_true",
                        help="build once to fill the cache, edit nothing, time the second build")
    args = parser.parse_args(argv)

    for name in SIGNALS:
        handler = functools.partial(lambda label, *a, **k: stamp(label), name)
        getattr(signals, name).connect(handler, weak=False)
    timed(glue, "attach_facts", "plugin: attach_facts")
    timed(glue, "write_files", "plugin: write_files (ICS, JSON)")
    timed(sitebuild, "check", "sitebuild: content check")
    timed(sitebuild, "_swap_in", "sitebuild: swap in (old output removed)")
    from pelican.readers import Readers

    from pelican.plugins.meetup.glue.shared_markdown import SharedMarkdownReader
    timed(SharedMarkdownReader, "read", "Markdown reader (convert, summary)")
    timed(Readers, "read_file", "Readers.read_file (reader + typogrify + cache)")
    from pelican.writers import Writer
    timed(Writer, "write_file", "Writer.write_file (render + write)")

    with tempfile.TemporaryDirectory(prefix="phases-") as work:
        output, cache = Path(work) / "out", Path(work) / "cache"
        overrides = {"CACHE_PATH": str(cache), "LOAD_CONTENT_CACHE": args.load_cache}
        if args.load_cache:
            sitebuild.build(ROOT / "publishconf.py", output, content=args.content,
                            overrides=overrides, search_index=False, log=lambda m: None)
            STAMPS.clear()
            TOTALS.clear()
        start = time.perf_counter()
        sitebuild.build(ROOT / "publishconf.py", output, content=args.content,
                        overrides=overrides, search_index=False, log=lambda m: None)
        total = time.perf_counter() - start

    print(f"{'total (sitebuild.build)':48s} {total:7.2f} s")
    previous = ("sitebuild.build start", start)
    for name, moment in STAMPS:
        print(f"  {previous[0]:>28s} -> {name:28s} {moment - previous[1]:7.2f} s")
        previous = (name, moment)
    print(f"  {previous[0]:>28s} -> {'end':28s} {start + total - previous[1]:7.2f} s")
    for label, seconds in sorted(TOTALS.items(), key=lambda item: -item[1]):
        print(f"{label:48s} {seconds:7.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
