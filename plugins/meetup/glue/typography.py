"""Speed only: typogrify's ``amp`` filter skipped where it has nothing to change.

With ``TYPOGRIFY`` Pelican runs typogrify over every page's HTML, title and Summary.
Its ``amp`` filter wraps an ampersand between spaces (``Tom & Jerry``) in
``<span class="amp">``; to find one it splits the whole text at every tag and calls
a Python function for each piece (0.33 ms a page, 0.4 s at 1,200 files), also where
the text holds no such ampersand at all, the common case.  The text holds none
exactly when typogrify's own pattern finds none in it: the filter looks for that
pattern in pieces of the text only.  Then the text is returned as it is, otherwise
typogrify's filter runs as before.
"""

from __future__ import annotations

import re

# typogrify.filters.amp's amp_finder: an ampersand (or its entity) between spaces.
_SPACED_AMPERSAND = re.compile(r"(\s|&nbsp;)(&|&amp;|&\#38;)(\s|&nbsp;)")


def skip_idle_amp(*_args) -> None:
    """initialized handler: typogrify's ``amp`` checks for an ampersand first (once)."""
    try:
        from typogrify import filters
    except ImportError:  # no typogrify: Pelican does not typogrify either
        return
    if getattr(filters.amp, "meetup_original", None) is not None:
        return
    original = filters.amp

    def amp(text):
        if _SPACED_AMPERSAND.search(text) is None:
            return text
        return original(text)

    amp.meetup_original = original
    amp.__doc__ = original.__doc__
    filters.amp = amp
