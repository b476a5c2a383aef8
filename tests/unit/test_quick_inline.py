"""Inline Markdown reads the same with the quick inline processor."""

import markdown
from markdown import treeprocessors

from pelican.plugins.meetup.rendering import quick_inline
from pelican.plugins.meetup.rendering.markdown_config import markdown_settings

QUICK = "pelican.plugins.meetup.rendering.quick_inline"

# Every kind of inline Markdown the site's extensions know, nested where they nest,
# and text in which a pattern's first match is rejected and a later one taken.
TEXT = """\
Titel: Treffen im Mai

Ein *Vortrag* über **Transformer** und ***beides***, _unterstrichen_ und
__fett__, mit `inline code` und ``doppelten `Backticks` ``, dazu \\*kein Stern\\*.

Ein [Link](https://example.org "Titel"), ein [Verweis][ref], ein ![Bild](foto.jpg),
<https://example.org/auto> und <mail@example.org>, ein <span>Stück HTML</span>,
&amp; &copy; und ein einzelnes & im Satz.
Zeile mit zwei Leerzeichen am Ende  
und die nächste.

"Anführungszeichen" und 'einfache', Gedankenstriche -- und --- sowie Auslassung...
Ein *Stern im **fetten *und* kursiven** Text* und 2 * 3 * 4 als Rechnung.
Fußnote im Text[^1] und eine Abkürzung: ML.

* Punkt mit **fett** und [Link *kursiv*](https://example.org/x)
* Punkt mit `code *kein kursiv*`

| Kopf | *Spalte* |
|------|----------|
| `a`  | [b](c)   |

[ref]: https://example.org/ref
[^1]: Die Fußnote mit *Betonung*.
*[ML]: Machine Learning
"""


def convert(configs: dict) -> tuple[str, markdown.Markdown]:
    converter = markdown.Markdown(extensions=list(configs), extension_configs=configs,
                                  output_format="html5")
    return converter.convert(TEXT), converter


def test_the_same_html_with_and_without_the_quick_processor():
    configs = markdown_settings()["extension_configs"]
    assert QUICK in configs
    quick, converter = convert(configs)
    # Markdown's processor and smarty's both became quick ones.
    assert type(converter.treeprocessors["inline"]) is quick_inline.QuickInlineProcessor
    assert type(converter.treeprocessors["smarty"]) is quick_inline.QuickInlineProcessor
    without = {key: value for key, value in configs.items() if key != QUICK}
    plain, plain_converter = convert(without)
    assert type(plain_converter.treeprocessors["inline"]) is treeprocessors.InlineProcessor
    assert quick == plain
    # What a reader sees: emphasis, links, code, German quotes, the footnote, the table.
    assert "<em>Vortrag</em>" in quick and "<strong>Transformer</strong>" in quick
    assert '<a href="https://example.org" title="Titel">Link</a>' in quick
    assert "<code>code *kein kursiv*</code>" in quick
    assert "&bdquo;Anführungszeichen&ldquo;" in quick and "&hellip;" in quick
    assert '<abbr title="Machine Learning">ML</abbr>' in quick
    assert 'class="footnote-ref"' in quick and "<td><code>a</code></td>" in quick
    assert "*kein Stern*" in quick and "2 * 3 * 4" in quick


def test_another_markdown_version_keeps_markdown_own_processor(monkeypatch):
    monkeypatch.setattr(quick_inline, "QUICK_FOR", set())
    html, converter = convert(markdown_settings()["extension_configs"])
    assert type(converter.treeprocessors["inline"]) is treeprocessors.InlineProcessor
    assert "<em>Vortrag</em>" in html


def test_a_site_with_markdown_settings_of_its_own_gets_the_quick_processor_too():
    from pelican.plugins.meetup.glue.site_settings import complete_markdown

    own = {"extension_configs": {"markdown.extensions.extra": {},
                                 "markdown.extensions.smarty": {}}}
    settings = {"MARKDOWN": {"extension_configs": dict(own["extension_configs"])}}
    complete_markdown(settings)
    complete_markdown(settings)  # once is enough
    configs = settings["MARKDOWN"]["extension_configs"]
    assert list(configs).count(QUICK) == 1
    quick, converter = convert(configs)
    assert type(converter.treeprocessors["inline"]) is quick_inline.QuickInlineProcessor
    without = {key: value for key, value in configs.items() if key != QUICK}
    assert quick == convert(without)[0]
    assert "<strong>Transformer</strong>" in quick and "&ldquo;Anführungszeichen&rdquo;" in quick
