"""Where Pelican's generators keep their texts: every list, not only the published one.

A treatment every text must get (photos, the address kept, an edited article found
again) goes over all of them: drafts, hidden texts and translations are pages too.
"""

from __future__ import annotations

ARTICLE_LISTS = ("articles", "translations", "drafts", "drafts_translations",
                 "hidden_articles", "hidden_translations")
PAGE_LISTS = ("pages", "translations", "hidden_pages", "hidden_translations", "draft_pages",
              "draft_translations")


def every(generator, names=ARTICLE_LISTS + PAGE_LISTS) -> list:
    """The texts in those of ``generator``'s lists ``names`` it has (each list once)."""
    return [item for name in dict.fromkeys(names) for item in getattr(generator, name, None) or ()]
