"""Pelican plugin: reads meetup facts from reports and announcements.

``register()`` only connects signals; the work is in ``glue`` (Pelican side)
and the pure modules it calls.
"""

from pelican import signals

from . import frontmatter_reader, glue, memo, recurring_titles, shared_markdown


def register():
    signals.initialized.connect(glue.check_settings)
    signals.initialized.connect(glue.pin_sitemap_clock)
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
    # Memory only: a page's rendered content is not needed once it is written
    # (-27 MiB peak at 4,800 files), and a long livereload session would keep
    # every build's pages.
    signals.content_written.connect(memo.forget_rendered_content)
    signals.finalized.connect(memo.forget_rendered_content)
    signals.article_generator_finalized.connect(glue.attach_facts)
    signals.get_generators.connect(glue.get_generators)
