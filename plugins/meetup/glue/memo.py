"""Forget Pelican's memoized page content once it is written, and its content caches
once they are saved; keep the addresses; give freed memory back before a fork.

Pelican memoizes ``get_content`` and ``get_summary`` in one cache per class,
keyed by the article object, and never empties it: in a long-running
``invoke livereload`` every earlier build's articles stay alive (measured:
+25 MiB per rebuild of 1,200 files, bench/README.md).  Emptied after every
written file, a page's content lives only while its page is rendered (what a
later page needs again is simply computed again): 27 MiB less peak memory at
4,800 files, the same output.
"""

from __future__ import annotations

import functools

from pelican.contents import Article, Content, Page

from ..reading import names
from . import contents


def forget_rendered_content(*_sender, **_details) -> None:
    """Empty the class-wide memo caches of Content (a signal handler)."""
    for method in (Content.get_content, Content.get_summary):
        cache = getattr(method, "cache", None)
        if cache is not None:
            cache.clear()


def forget_saved_caches(generator) -> None:
    """article_generator_finalized / page_generator_finalized: Pelican has saved the
    generator's content caches (it does so just before), and nothing reads them again
    in this build.  The reader-level one keeps every file's content as read, before
    typogrify: a second copy of the site's text.  Emptied, that memory serves the
    writing: 8 MiB less at the fork of the second writing process at 1,200 files.
    A preview that reads an edited file again still caches it (in the emptied dict)."""
    for cacher in (generator, getattr(generator, "readers", None)):
        if cacher is not None and isinstance(getattr(cacher, "_cache", None), dict):
            cacher._cache = {}


def forget_names(_generators) -> None:
    """all_generators_finalized: every file is read; the given-names dictionary the
    readers use is freed for the writing (a preview that reads an edited file loads
    it again).  With forget_saved_caches, the rebuild of 1,200 files peaked at
    148-149 MiB instead of 157 where no file was edited, 155 with one edited file
    (all processes, PSS)."""
    names.release()


def fix_addresses(generators) -> None:
    """all_generators_finalized: each article's and page's address computed once.

    Pelican formats ``url`` anew on every access (a copy of the metadata, the
    slug, the date), and the theme asks for it ~20 times per article (lists,
    neighbours, the feeds, the sitemap): 23,000 formats at 1,200 files.  Once
    every generator has its context nothing changes a slug any more, so the
    value is kept as Pelican's own ``override_url`` (not ``override_save_as``,
    which would let the page overwrite another's file)."""
    for generator in generators:
        for content in contents.every(generator):
            if isinstance(content, (Article, Page)) and not hasattr(content, "override_url"):
                content.override_url = content.url


def return_freed_memory() -> None:
    """Give the memory pages the C allocator holds free back to the system (glibc's
    malloc_trim; elsewhere nothing happens), ~2 ms.

    Called before the second writing process is forked.  The build process's heap
    then holds what the readers and caches freed (texts of 2-3 KiB, below what
    Python's own allocator serves): resident, and shared after the fork until either
    process writes into it, when that page is copied.  Given back, a later allocation
    gets a fresh page in the one process.  The rebuild of 1,200 files peaked at
    153-155 MiB (all processes, PSS) without it, 147 with it; the cold build 135-138,
    then 133."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.lru_cache(maxsize=1)
def _malloc_trim():
    try:
        import ctypes

        return ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):  # not glibc (musl, macOS): no such call
        return None
