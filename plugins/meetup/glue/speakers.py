"""Speaker pages: a generator that writes one page per speaker (``site.speakers``)
under the translated folder (``sprecher/<slug>/`` in German, ``speakers/<slug>/``
in English), and gives the talks page each speaker's address.  A theme without
``speaker.html`` (Pelican's simple theme) gets none."""

from __future__ import annotations

import logging

from pelican.generators import Generator

from ..i18n import language as languages
from ..settings import merged
from ..site import speakers as speaker_views
from . import parallel_output
from .site_settings import theme_has
from .slugs import ascii_slugify

logger = logging.getLogger(__name__)


def folder(settings) -> str:
    return languages.of(settings).pgettext("address", "speakers")


@parallel_output.writes_in_child
class SpeakerPages(Generator):
    def generate_context(self) -> None:
        talks = self.context.get("meetup_talks")
        if talks is None:  # no article generator ran
            return
        if not theme_has(self, "speaker"):
            logger.debug("theme without speaker.html: no speaker pages")
            return
        settings = merged(self.settings)
        shown = speaker_views.shown_talks(talks, settings["MEETUP_SPEAKER_ALIASES"],
                                          settings["MEETUP_HIDDEN_SPEAKERS"])
        # As Pelican makes an article's slug from its title, in ASCII ("Ayşe": ayse).
        found = speaker_views.speakers(shown, ascii_slugify(self.settings))
        base = folder(self.settings)
        self.pages = [(speaker, f"{base}/{speaker.slug}/") for speaker in found]
        self.context["meetup_talks"] = shown
        self.context["meetup_speaker_urls"] = {speaker.name: url for speaker, url in self.pages}

    def generate_output(self, writer) -> None:
        pages = getattr(self, "pages", [])
        writer = parallel_output.take_in(self, writer) or writer
        template = self.get_template("speaker") if pages else None
        for speaker, url in pages:
            writer.write_file(url + "index.html", template, self.context, self.settings["RELATIVE_URLS"],
                              url=url, speaker=speaker, speaker_url=url, page_name=url.rstrip("/"),
                              template_name="speaker")


def get_generators(pelican):
    return SpeakerPages
