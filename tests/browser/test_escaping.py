"""What a visitor sees of markup in a participant list: text, never a script."""

from __future__ import annotations

import pytest

from browser_tools import WIDTHS, SiteServer
from theme_sites import HOSTILE_NAME, build_tiny_site


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    server = SiteServer(build_tiny_site(tmp_path_factory.mktemp("theme-hostile")))
    yield server
    server.stop()


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_script_in_a_participant_name_shows_as_text(hostile_server, open_page, width):
    dialogs: list[str] = []
    page = open_page(hostile_server.url, "bericht-vom-treffen-im-oktober-2025/", width=width)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.reload(wait_until="load")  # dialogs during load are recorded now
    widget = page.locator("article .participants")
    first = widget.locator("li").first
    assert first.locator(".name").inner_text() == HOSTILE_NAME
    assert first.is_visible()
    assert widget.locator("script, img, b").count() == 0
    assert dialogs == []
    assert not page.js_errors
