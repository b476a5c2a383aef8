"""A build leaves nothing of its pages in Pelican's class-wide memo caches.

Otherwise a long ``invoke livereload`` session keeps every earlier build's
articles alive and grows by the whole site on every preview.
"""

from __future__ import annotations

import gc

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
