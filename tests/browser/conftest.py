"""The built demo site served on 127.0.0.1 and Debian's Chromium via Playwright.

Chromium cannot resolve any host but 127.0.0.1/localhost, and every request a
page makes is recorded: a test that lets a request leave the machine fails.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from helpers import PINNED_EPOCH, require_tool

from browser_tools import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, WIDTHS, SiteServer

PINNED_NOW = dt.datetime.fromtimestamp(PINNED_EPOCH, dt.timezone.utc)


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def served_site(demo_site):
    server = SiteServer(demo_site)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def served_english_site(english_site):
    """The English fixture archive (DEFAULT_LANG = "en"), served like the demo."""
    server = SiteServer(english_site)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def browser():
    require_tool(CHROMIUM, "Debian chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


class RequestLog:
    """Every request of a browser context, to prove none leaves the machine."""

    def __init__(self):
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def outside(self) -> list[str]:
        return [
            url for url in self.urls
            if urlsplit(url).scheme not in ("data", "blob", "about")
            and urlsplit(url).hostname not in LOCAL_HOSTS
        ]


@pytest.fixture
def open_context(browser):
    """Factory: a fresh browser context at a width; checks its requests at teardown."""
    contexts = []

    def make(width: int = WIDTHS["desktop"], *, color_scheme: str = "light",
             javascript: bool = True, height: int = 900, now: dt.datetime | None = PINNED_NOW):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            color_scheme=color_scheme,
            java_script_enabled=javascript,
            locale="de-DE",
            timezone_id="Europe/Berlin",
        )
        if now is not None:
            # The page's clock starts where the build's did (SOURCE_DATE_EPOCH)
            # and then runs on: the "past meeting" script sees the same "now".
            context.clock.install(time=now)
        log = RequestLog()
        context.on("request", log.record)
        context.request_log = log
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        outside = context.request_log.outside()
        context.close()  # closing twice is harmless
        assert not outside, f"requests left 127.0.0.1: {outside}"


@pytest.fixture
def open_page(open_context):
    """Factory: a page at ``path`` of the served site in a fresh context."""

    def make(base_url: str, path: str = "", **context_options):
        context = open_context(**context_options)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.js_errors = errors
        response = page.goto(base_url + path, wait_until="load")
        assert response is not None and response.status == 200, f"{path}: {response and response.status}"
        return page

    return make


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    """Where screenshots go: $MEETUP_SCREENSHOTS if set (kept), else a temp folder."""
    chosen = os.environ.get("MEETUP_SCREENSHOTS")
    folder = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
