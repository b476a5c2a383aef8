"""Topic pages: a generator that writes the topics index (``themen/`` in German,
``topics/`` in English) and one page per topic (``themen/<slug>/``) listing its
talks (``site.topics``), and gives the talks page each topic's address.

Pelican's own tag pages stay off (``TAG_SAVE_AS``/``TAGS_SAVE_AS`` empty, as in
pelicanconf.py): the tags of the meeting files are topics here, one page each.  A
site that turns Pelican's tag pages on gets a warning, as each tag would have two.  A
theme without ``topic.html`` and ``topics.html`` (Pelican's simple theme) gets none.
"""

from __future__ import annotations

import logging

from pelican.generators import Generator

from ..i18n import language as languages
from ..site import topics as topic_views
from . import parallel_output
from .site_settings import theme_has
from .slugs import ascii_slugify

logger = logging.getLogger(__name__)


def folder(settings) -> str:
    return languages.of(settings).pgettext("address", "topics")


@parallel_output.writes_in_child
class TopicPages(Generator):
    def generate_context(self) -> None:
        talks = self.context.get("meetup_talks")
        if talks is None:  # no article generator ran
            return
        found = topic_views.topics(talks, ascii_slugify(self.settings))
        if found and not theme_has(self, "topic", "topics"):
            # A theme without topic pages (Pelican's simple theme): nothing to link.
            logger.debug("theme without topic.html/topics.html: no topic pages")
            found = []
        base = folder(self.settings)
        self.index_url = f"{base}/" if found else None
        self.pages = [(topic, f"{base}/{topic.slug}/") for topic in found]
        self.context["meetup_topics"] = [(topic, url) for topic, url in self.pages]
        self.context["meetup_topics_url"] = self.index_url
        self.context["meetup_topic_urls"] = {topic.name: url for topic, url in self.pages}
        tags_page = "tags" in self.settings.get("DIRECT_TEMPLATES", ()) \
            and self.settings.get("TAGS_SAVE_AS")
        if found and (self.settings.get("TAG_SAVE_AS") or tags_page):
            logger.warning(languages.of(self.settings).gettext(
                "TAG_SAVE_AS/TAGS_SAVE_AS are set: Pelican writes tag pages besides the topic "
                "pages (%(folder)s/); set both to \"\" for one page per topic") % {"folder": base})

    def generate_output(self, writer) -> None:
        if not getattr(self, "index_url", None):
            return
        url = self.index_url
        writer = parallel_output.take_in(self, writer) or writer
        writer.write_file(url + "index.html", self.get_template("topics"), self.context,
                          self.settings["RELATIVE_URLS"], url=url, page_name=url.rstrip("/"),
                          template_name="topics")
        template = self.get_template("topic")
        for topic, url in self.pages:
            writer.write_file(url + "index.html", template, self.context, self.settings["RELATIVE_URLS"],
                              url=url, topic=topic, topic_url=url, page_name=url.rstrip("/"),
                              template_name="topic")


def get_generators(pelican):
    return TopicPages
