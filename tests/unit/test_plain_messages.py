"""Template texts read the same with the plain messages kept between pages."""

from types import SimpleNamespace

import pytest
from jinja2 import Environment

from pelican.plugins.meetup.glue import language as glue_language
from pelican.plugins.meetup.i18n import language as languages

PAGE = (
    '{{ _("Add to calendar (.ics)") }} | {{ _("Next meeting") }} | '
    '{{ ngettext("%(num)d participant", "%(num)d participants", 3) }} | '
    '{{ _("Add to calendar (.ics)") }} | {{ _("%(name)s & Co.", name="<Anna>") }} | '
    '{{ _("Fish & Chips") }} | '
    '{% autoescape false %}{{ _("Add to calendar (.ics)") }} | '
    '{{ _("Fish & Chips")|e }}{% endautoescape %} | {{ _("Fish & Chips") }} | '
    '{{ gettext("Next meeting") }}'
)


def environments(code: str):
    """One environment as the plugin sets it up, one with Jinja's own gettext only."""
    generator = SimpleNamespace(env=Environment(autoescape=True), settings={"DEFAULT_LANG": code})
    glue_language.install(generator)
    plain = Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    plain.install_gettext_translations(languages.of(code).translations, newstyle=True)
    return generator.env, plain


@pytest.mark.parametrize("code", ["de", "en"])
def test_the_same_page_text_as_jinja_own_gettext(code):
    ours, jinja = environments(code)
    page = ours.from_string(PAGE)
    first, again = page.render(), page.render()
    assert first == again == jinja.from_string(PAGE).render()
    if code == "de":
        assert first.startswith("Termin in den Kalender (.ics) | Nächstes Treffen | ")
    # Outside autoescape a message is plain text, escaped where a template says so.
    assert "| Fish &amp; Chips | Fish & Chips |" in first
    # A variable is escaped, the message itself is markup (Jinja's rules), per call.
    assert "| &lt;Anna&gt; & Co. |" in first
