"""Compiled templates kept: each theme template is compiled once, not once per
generator and build.

Pelican gives every generator an environment of its own, and each would compile
``base.html`` and the partials again; compiling the theme was a third of a
one-file build.  Jinja checks every kept template against a checksum of its
source, so an edited template is compiled anew.  What else decides the compiled
code (the environment's options, its extensions, filters and tests, Jinja's
version) picks the store: another setup never gets this one's code.

Kept in memory for the process (every generator of a build, every build of a
preview) and for the next build in Jinja's own cache folder (``_jinja2-cache-<user>``
in the system's temporary folder, private to the user): not in the site's folder,
whose ``git status`` stays clean, and not lost with a production build's settings
(no content cache).  No output changes.
"""

from __future__ import annotations

import hashlib
import logging

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

logger = logging.getLogger(__name__)


class KeptTemplates(jinja2.BytecodeCache):
    """This process's compiled templates of one setup, with a folder behind them."""

    def __init__(self, setup: str):
        self._code: dict[str, bytes] = {}
        try:
            self._folder: FileSystemBytecodeCache | None = FileSystemBytecodeCache(
                pattern=f"__meetup_{setup}_%s.cache")
        except (OSError, RuntimeError) as error:  # no private folder: memory only
            logger.debug("compiled templates kept in memory only: %s", error)
            self._folder = None

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # no code if the source changed since
        if bucket.code is None and self._folder is not None:
            self._folder.load_bytecode(bucket)
            if bucket.code is not None:
                self._code[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
        if self._folder is not None:
            try:
                self._folder.dump_bytecode(bucket)  # a temporary file, then a rename
            except OSError as error:  # a full or read-only disk: memory is enough
                logger.debug("compiled template not kept on disk: %s", error)


# One store per setup in this process.
_KEPT: dict[str, KeptTemplates] = {}


def setup_of(env: jinja2.Environment) -> str:
    """What besides a template's source decides its compiled code."""
    setup = (jinja2.__version__, env.block_start_string, env.block_end_string,
             env.variable_start_string, env.variable_end_string, env.comment_start_string,
             env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
             env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
             env.keep_trailing_newline, repr(env.autoescape), env.optimized, repr(env.finalize),
             tuple(sorted(env.extensions)), tuple(sorted(env.filters)),
             tuple(sorted(env.tests)), type(env.loader).__name__,
             repr(getattr(env.loader, "searchpath", None)))
    return hashlib.sha256(repr(setup).encode()).hexdigest()[:16]


def attach(env: jinja2.Environment) -> None:
    """Give ``env`` the kept templates of its setup (after filters and extensions are in)."""
    setup = setup_of(env)
    kept = _KEPT.get(setup)
    if kept is None:
        kept = _KEPT[setup] = KeptTemplates(setup)
    env.bytecode_cache = kept
