"""A build leaves nothing of its pages in Pelican's class-wide memo caches.

Otherwise a long ``invoke livereload`` session keeps every earlier build's
articles alive and grows by the whole site on every preview.
"""

from __future__ import annotations

import gc
import os
import platform

from helpers import CONTENT, ROOT, build_env


def test_builds_in_one_process_do_not_pile_up_rendered_pages(tmp_path, monkeypatch):
    from pelican.contents import Article, Content

    from pelican.plugins.meetup.organizer.sitebuild import build

    for name, value in build_env().items():
        monkeypatch.setenv(name, value)
    live = []
    for round_number in range(2):
        build(ROOT / "pelicanconf.py", tmp_path / "site" / "output", content=CONTENT,
              overrides={"CACHE_PATH": str(tmp_path / "cache")}, search_index=False,
              log=lambda message: None)
        assert len(Content.get_content.cache) == 0
        assert len(Content.get_summary.cache) == 0
        gc.collect()
        live.append(sum(isinstance(o, Article) for o in gc.get_objects()))
    assert live[1] <= live[0], live  # the first build's articles are gone


def test_a_build_saves_its_caches_whole_and_leaves_the_collector_as_it_found_it(
        tmp_path, monkeypatch):
    """The build empties Pelican's content caches once they are saved and collects
    cycles less often while it runs: the saved cache still holds every article, and
    the process that called the build (a preview) has Python's collector back."""
    import gzip
    import pickle

    from pelican.plugins.meetup.organizer.sitebuild import build

    for name, value in build_env().items():
        monkeypatch.setenv(name, value)
    threshold, frozen = gc.get_threshold(), gc.get_freeze_count()
    cache = tmp_path / "cache"
    build(ROOT / "pelicanconf.py", tmp_path / "output", content=CONTENT,
          overrides={"CACHE_PATH": str(cache), "CACHE_CONTENT": True,
                     "LOAD_CONTENT_CACHE": False},
          search_index=False, log=lambda message: None)
    assert gc.get_threshold() == threshold
    assert gc.get_freeze_count() == frozen
    with gzip.open(cache / "ArticlesGenerator-Readers", "rb") as saved:
        cached = pickle.load(saved)
    articles = {str(path) for path in CONTENT.glob("*.md")}
    assert articles and set(cached) == articles


def _resident_kib() -> int:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * (os.sysconf("SC_PAGE_SIZE") // 1024)


def test_freed_memory_goes_back_to_the_system_before_the_fork():
    # What the readers free, texts of a few KiB, stays resident in the C heap while
    # anything above it lives; return_freed_memory gives those pages back (glibc's
    # malloc_trim; with another C library it does nothing).
    from pelican.plugins.meetup.glue import memo

    if platform.libc_ver()[0] != "glibc":
        assert memo._malloc_trim() is None
        memo.return_freed_memory()
        return

    texts = [bytes(3000) + str(number).encode() for number in range(20_000)]  # ~60 MiB
    kept = texts[-1]
    del texts
    before = _resident_kib()
    memo.return_freed_memory()
    after = _resident_kib()
    assert kept.endswith(b"19999")
    assert before - after > 30 * 1024, (before, after)  # most of the 60 MiB
