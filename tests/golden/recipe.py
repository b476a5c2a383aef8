"""How the golden output is made: used by tests/test_golden.py and ``invoke golden``.

The fixture archive in ``content/`` is built with ``goldenconf.py`` (production
settings, SITEURL https://example.org/meetup) at the tests' pinned time, the
same way an organizer builds (``invoke build`` in a subprocess).  The files
Pagefind copies unchanged from its release (its JavaScript, CSS and WebAssembly,
about 650 KB) are left out; the search index it builds from our pages is kept.
"""

from __future__ import annotations

import fnmatch
import shutil
import tempfile
from pathlib import Path

from helpers import PINNED_EPOCH, ROOT, build_env, run_invoke

HERE = Path(__file__).resolve().parent
CONTENT = HERE / "content"
EXPECTED = HERE / "expected"
SETTINGS = HERE / "goldenconf.py"
SITEURL = "https://example.org/meetup"
# Pagefind's own bundle, byte-for-byte the pinned release: not our output.
LEFT_OUT = ("pagefind/pagefind*.js", "pagefind/pagefind*.css", "pagefind/wasm.*.pagefind")


class GoldenBuildFailed(Exception):
    pass


def build(output: Path) -> None:
    """Build the golden site into ``output`` (which must not exist yet)."""
    result = run_invoke(
        "build", "--settings", str(SETTINGS), "--content", str(CONTENT), "--output", str(output),
        env=build_env(PINNED_EPOCH, MEETUP_SITEURL=SITEURL),
    )
    if result.returncode != 0:
        raise GoldenBuildFailed(f"golden build failed:\n{result.stdout}\n{result.stderr}")
    for path in sorted(output.rglob("*")):
        if path.is_file() and is_left_out(path.relative_to(output).as_posix()):
            path.unlink()


def is_left_out(relative: str) -> bool:
    return any(fnmatch.fnmatch(relative, pattern) for pattern in LEFT_OUT)


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes()
            for path in sorted(site.rglob("*")) if path.is_file()}


def regenerate() -> int:
    """Rebuild EXPECTED; return how many files were added, changed or removed."""
    before = files(EXPECTED) if EXPECTED.is_dir() else {}
    with tempfile.TemporaryDirectory(dir=HERE) as scratch:
        fresh = Path(scratch) / "site"
        build(fresh)
        after = files(fresh)
        if EXPECTED.exists():
            shutil.rmtree(EXPECTED)
        shutil.move(fresh, EXPECTED)
    return sum(1 for name in set(before) | set(after) if before.get(name) != after.get(name))


__all__ = ["ROOT", "build", "files", "regenerate", "EXPECTED", "CONTENT"]
