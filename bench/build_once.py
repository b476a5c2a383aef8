"""One production build without the search index, as a child of bench/run.py.

The same call ``invoke build --production`` makes (pelican.plugins.meetup.organizer.sitebuild.build with
publishconf.py), with Pagefind left out so that bench/run.py can time it on
its own.  ``--cache DIR`` keeps Pelican's content cache out of the project
folder; ``--load-cache`` turns on reading it (the edit-and-rebuild case).

    python bench/build_once.py CONTENT_DIR OUTPUT_DIR --cache DIR [--load-cache]
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from pelican.plugins.meetup.organizer.sitebuild import BuildFailed, build  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("content", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--load-cache", action="store_true")
    parser.add_argument("--settings", type=Path, default=ROOT / "publishconf.py")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a setting for an experiment (VALUE: a Python literal)")
    args = parser.parse_args(argv)
    overrides = {"CACHE_PATH": str(args.cache.resolve()), "LOAD_CONTENT_CACHE": args.load_cache}
    for assignment in args.set:
        name, _, value = assignment.partition("=")
        overrides[name] = ast.literal_eval(value)
    try:
        build(args.settings, args.output, content=args.content, overrides=overrides,
              search_index=False, log=lambda message: None)
    except BuildFailed as failure:
        for message in failure.messages:
            print(f"ERROR: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
