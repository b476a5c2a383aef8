"""typogrify's ampersand filter, skipped where it has nothing to change (glue.typography)."""

from typogrify import filters

from pelican.plugins.meetup.glue import typography

TEXTS = [
    "<h2>Tom & Jerry</h2>",
    "<p>R&amp;D &amp; Betrieb</p>",
    '<p><a title="a & b" href="x">Slides & Code</a></p>',
    "<p>Q&A mit Anna, AT&amp;T, &#38;c.</p>",
    "<p>Fahrpläne&nbsp;&amp;&nbsp;Verspätungen</p>",
    "<pre>a & b</pre><p>ohne Zeichen</p>",
    "",
]


def typogrify(text: str) -> str:
    # As the site's settings run it (TYPOGRIFY_OMIT_FILTERS).
    return filters.typogrify(text, [], smartypants=False, caps=False, initial_quotes=False)


def test_the_same_text_with_and_without_the_shortcut():
    typography.skip_idle_amp()
    original = filters.amp.meetup_original
    try:
        shortcut = [typogrify(text) for text in TEXTS]
        filters.amp = original
        assert shortcut == [typogrify(text) for text in TEXTS]
    finally:
        typography.skip_idle_amp()
    # What a reader sees: a spaced ampersand styled, one inside a word or a tag's
    # attribute left alone.
    assert shortcut[0] == '<h2>Tom <span class="amp">&amp;</span>&nbsp;Jerry</h2>'
    assert 'class="amp"' not in shortcut[3] and "Q&A mit Anna, AT&amp;T," in shortcut[3]
    assert 'title="a & b"' in shortcut[2] and 'Slides <span class="amp">' in shortcut[2]


def test_installed_once():
    typography.skip_idle_amp()
    first = filters.amp
    typography.skip_idle_amp()
    assert filters.amp is first and first.meetup_original.__module__ == "typogrify.filters"
