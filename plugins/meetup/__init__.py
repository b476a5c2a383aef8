"""Pelican plugin: reads meetup facts from reports and announcements.

``register()`` only connects signals.  The packages, each of which says in
its ``__init__`` what it may import:

- ``reading``: pure, one file's text in, its facts out;
- ``site``: pure, all facts + "now" + settings in, the site-wide views out;
- ``rendering``: the Markdown setup and Jinja filters that pelicanconf.py names;
- ``i18n``: the site's language: message catalogs, Babel locale, fixed pages' addresses;
- ``images``: photos: resized variants without metadata, responsive markup;
- ``glue``: the only code that imports Pelican (readers, signals, writing);
- ``organizer``: what tasks.py calls (check, new, build, publish).
"""

from pelican import signals

from .glue import (articles, frontmatter_reader, language, meeting_status, memo,
                   parallel_output, photos, recurring_titles, shared_markdown, site_settings,
                   speakers, stylesheets, topics, typography)


def register():
    # What the plugin and its theme need, where a site left Pelican's defaults.
    signals.initialized.connect(site_settings.complete)
    signals.generator_init.connect(site_settings.add_widgets)
    signals.initialized.connect(articles.check_settings)
    # The site's language (DEFAULT_LANG): fixed pages' addresses, catalogs in templates.
    signals.initialized.connect(language.set_addresses)
    signals.generator_init.connect(language.install)
    signals.initialized.connect(articles.pin_sitemap_clock)
    # Speed only: typogrify's ampersand filter skipped where there is no ampersand.
    signals.initialized.connect(typography.skip_idle_amp)
    # Speed only: one Markdown converter per build, uncached files converted
    # ahead by worker processes (see bench/README.md).
    signals.readers_init.connect(shared_markdown.use_shared_markdown)
    # Front matter, *.md.erb and front-matter HTML (MEETUP_MARKDOWN_EXTENSIONS).
    signals.readers_init.connect(frontmatter_reader.register_readers)
    signals.content_object_init.connect(frontmatter_reader.give_drafts_a_category)
    # Recurring titles ("Stammtisch"): the date joins the slug of each such meeting.
    signals.article_generator_init.connect(recurring_titles.plan)
    signals.content_object_init.connect(recurring_titles.apply)
    signals.article_generator_init.connect(shared_markdown.convert_articles_ahead)
    signals.page_generator_init.connect(shared_markdown.convert_pages_ahead)
    signals.all_generators_finalized.connect(shared_markdown.stop_workers)
    signals.finalized.connect(shared_markdown.stop_workers)
    # Speed only: the plugin's calendars, JSON, speaker and topic pages written by a
    # second process while Pelican writes its pages (glue/parallel_output.py).
    signals.all_generators_finalized.connect(parallel_output.remember_generators)
    signals.get_writer.connect(parallel_output.start)
    signals.finalized.connect(parallel_output.finish)
    # Memory only: a page's rendered content is not needed once it is written
    # (-27 MiB peak at 4,800 files), and a long livereload session would keep
    # every build's pages; Pelican's content caches not once they are saved.
    signals.content_written.connect(memo.forget_rendered_content)
    signals.article_generator_finalized.connect(memo.forget_saved_caches)
    signals.page_generator_finalized.connect(memo.forget_saved_caches)
    signals.all_generators_finalized.connect(memo.forget_names)
    # Speed only: each page's address formatted once, not on every use in a template.
    signals.all_generators_finalized.connect(memo.fix_addresses)
    signals.finalized.connect(memo.forget_rendered_content)
    # Weight only: the stylesheet's comments are for engineers, not visitors.
    signals.finalized.connect(stylesheets.strip_comments)
    # "Status: abgesagt" is a meeting's, not Pelican's (which would skip the article).
    signals.article_generator_context.connect(meeting_status.take_status)
    signals.article_generator_init.connect(articles.forget_parsed_ahead)
    signals.content_object_init.connect(articles.parse_ahead)
    signals.article_generator_finalized.connect(articles.attach_facts)
    # MEETUP_HIDDEN_SPEAKERS: the names out of the pages (Über uns …) as out of the reports.
    signals.page_generator_finalized.connect(articles.redact_pages)
    signals.get_generators.connect(articles.get_generators)
    signals.get_generators.connect(speakers.get_generators)
    # Topic pages after the speaker pages: the talks with their speakers as shown.
    signals.get_generators.connect(topics.get_generators)
    # Photos: responsive markup in every page, raster images published only without
    # metadata (glue/photos.py).
    signals.article_generator_finalized.connect(photos.rewrite_articles)
    signals.page_generator_finalized.connect(photos.rewrite_pages)
    signals.static_generator_finalized.connect(photos.take_over_static)
    signals.get_generators.connect(photos.get_generators)
