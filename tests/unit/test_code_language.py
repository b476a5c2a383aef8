"""Code blocks render highlighted in every form the archive uses."""

from __future__ import annotations

import markdown
import pytest

from pelican.plugins.meetup.rendering.markdown_config import markdown_settings

COMMANDS = "gcloud run deploy app --memory=1G\nexport NAME=\"wert\"\n"


def render(text: str) -> str:
    settings = markdown_settings()
    # As Pelican's reader does: every configured extension is loaded.
    extensions = list(settings["extension_configs"])
    return markdown.Markdown(extensions=extensions, **settings).convert(text)


@pytest.fixture(scope="module")
def labelled_fence() -> str:
    return render(f"```bash\n{COMMANDS}```\n")


def test_labelled_fence_is_highlighted_as_bash(labelled_fence):
    assert '<div class="highlight">' in labelled_fence
    assert '<span class="nb">export</span>' in labelled_fence


def test_fence_with_language_line_renders_like_a_labelled_fence(labelled_fence):
    assert render(f"```\n:::bash\n{COMMANDS}```\n") == labelled_fence


def test_tilde_fence_with_language_line(labelled_fence):
    assert render(f"~~~\n:::bash\n{COMMANDS}~~~\n") == labelled_fence


def test_indented_block_with_language_line_is_highlighted_as_bash():
    html = render("Text davor.\n\n    :::bash\n" + "".join(f"    {line}\n" for line in COMMANDS.splitlines()))
    assert ":::bash" not in html
    assert '<span class="nb">export</span>' in html


def test_language_line_inside_a_block_is_code():
    html = render("```\nerste Zeile\n:::bash\n```\n")
    assert ":::bash" in html


def test_fence_with_its_own_language_keeps_the_line():
    html = render("```python\n:::bash\nx = 1\n```\n")
    assert '<span class="p">:::</span><span class="n">bash</span>' in html


def test_unlabelled_fence_stays_plain():
    html = render(f"```\n{COMMANDS}```\n")
    assert '<span class="nb">' not in html


def test_second_block_after_a_closed_one_is_read_too(labelled_fence):
    html = render(f"```\nplain\n```\n\n```\n:::bash\n{COMMANDS}```\n")
    assert labelled_fence in html
