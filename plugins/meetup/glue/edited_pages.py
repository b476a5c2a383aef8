"""Pelican glue for the preview's fast path: one edited article's page, without a build.

``invoke livereload`` keeps the article generator of its last build
(``organizer.preview``).  When only existing article files were edited, each is
read again through the generator's own readers (as Pelican's ``generate_context``
reads it), given what the plugin's ``article_generator_finalized`` handlers give
an article (facts and relations, body rewrite, redaction: ``articles.attach_edited``;
responsive photos), put in the place of the old object in the generator's lists
and context, and its page rendered with the generator's template and context.

Re-running the handlers over every article would take seconds at 1,200 files
(the site index alone); the edited article takes its relations (counterpart,
neighbours, meeting) from the last build instead, which is only right while
the edit leaves alone what the site index took from the file.  ``Unsure`` says
when it does not: the caller then makes a whole build.
"""

from __future__ import annotations

import os
from pathlib import Path

from pelican import signals
from pelican.contents import Article
from pelican.writers import Writer

from . import articles, contents, memo, photos

# What must stay as it was for the other pages and the addresses to stay right.
SAME = ("date", "slug", "save_as", "url", "title", "status", "lang", "template")


class Unsure(Exception):
    """Only a whole build gives the right pages (the reason as text)."""


def find(generator, relative: str):
    """The article the generator made of ``relative`` (content-relative, "/"), or None."""
    for article in contents.every(generator, contents.ARTICLE_LISTS):
        if article.relative_source_path.replace(os.sep, "/") == relative:
            return article
    return None


def read_again(generator, old):
    """``old``'s file read again as Pelican's generate_context reads it (Unsure: its
    addresses, status, title or translations changed, or it is no article now)."""
    new = generator.readers.read_file(
        base_path=generator.path, path=old.relative_source_path, content_class=Article,
        context=generator.context, preread_signal=signals.article_generator_preread,
        preread_sender=generator, context_signal=signals.article_generator_context,
        context_sender=generator)
    if not isinstance(new, Article) or not new.is_valid():
        raise Unsure(f"{old.relative_source_path}: not an article any more")
    for name in SAME:
        if getattr(new, name, None) != getattr(old, name, None):
            raise Unsure(f"{old.relative_source_path}: {name} changed")
    if getattr(old, "translations", None) or getattr(new, "translations", None) \
            or old in generator.translations or old in generator.drafts_translations:
        raise Unsure(f"{old.relative_source_path}: has translations")
    return new


def treat(generator, old, new) -> None:
    """What article_generator_finalized gives an article, for ``new`` (Unsure: the edit
    changes what the site index took from the file)."""
    if not articles.attach_edited(generator, old, new):
        raise Unsure(f"{old.relative_source_path}: the meeting's facts changed")
    photos.library(generator.context, generator.settings).rewrite(new, generator.settings)
    new.refresh_metadata_intersite_links()


def swap(generator, old, new) -> None:
    """``new`` where the generator and the shared context held ``old``."""
    def replace_in(items) -> None:
        for index, item in enumerate(items):
            if item is old:
                items[index] = new

    for name in (*contents.ARTICLE_LISTS, "dates"):
        replace_in(getattr(generator, name))
    for groups in (generator.categories, generator.tags, generator.authors):
        for _key, members in (groups.items() if hasattr(groups, "items") else groups):
            replace_in(members)
    for periods in generator.period_archives.values():
        for period in periods:
            replace_in(period["articles"])
            replace_in(period["dates"])
    # The context's lists are the generator's, unless a plugin copied them.
    for name in contents.ARTICLE_LISTS:
        if generator.context.get(name) is not getattr(generator, name, None):
            replace_in(generator.context.get(name) or [])
    if hasattr(old, "override_url"):  # memo.fix_addresses: the address computed once
        new.override_url = new.url
    # Other articles' links to it ({filename}) and their relations.
    generator.context["generated_content"][new.get_relative_source_path()] = new
    for article in contents.every(generator, contents.ARTICLE_LISTS):
        for attribute in ("meetup_counterpart", "meetup_previous", "meetup_following"):
            if getattr(article, attribute, None) is old:
                setattr(article, attribute, new)


def render(generator, article, folder: Path) -> Path:
    """``article``'s page as generate_articles (or generate_drafts) writes it, into
    ``folder``; the file written."""
    writer = Writer(str(folder), settings=generator.settings)
    extra = {"all_articles": generator.articles} if article.status == "draft" else {}
    if article.status != "draft":
        signals.article_generator_write_article.send(generator, content=article)
    # content_written is about a build: pelican-sitemap would list this page twice in
    # the next one.
    with signals.content_written.muted():
        writer.write_file(
            article.save_as, generator.get_template(article.template), generator.context,
            relative_urls=generator.settings["RELATIVE_URLS"], article=article,
            category=getattr(article, "category", None),
            override_output=hasattr(article, "override_save_as"), url=article.url, blog=True,
            **extra)
    memo.forget_rendered_content()
    return folder / article.save_as
