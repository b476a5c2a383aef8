"""An existing Pelican site adopts the released package: the wheel, installed into a
fresh virtualenv outside the repository, and a site folder of its own.

With the meetup theme the site needs three lines (the theme's path, the plugin's
short name) and its MEETUP_* settings; a site that keeps Pelican's ``simple`` theme
includes the next-meetup widget in its own template.  Both build with Pelican's own
command, with every warning fatal, in a folder that has nothing of this repository.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import icalendar
import pytest
from bs4 import BeautifulSoup

from helpers import PINNED_EPOCH, build_env
from package_helpers import run, wheel_files
from rendered_text import visible_text

pytestmark = pytest.mark.slow

SETTINGS = '''\
from pelican.themes import meetup
THEME = meetup.path()
PLUGINS = ["meetup"]

SITENAME = "Rust Meetup Leeds"
SITEURL = "https://rust-leeds.example.org"
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
PATH = "content"
MEETUP_GROUP_NAME = "Rust Meetup Leeds"
MEETUP_LOCATION = "Leeds"
MEETUP_SIGNUP_URL = "https://rust-leeds.example.org/join"
MEETUP_RECURRENCE = {"weekday": "thursday", "week": 1, "time": "19:00"}
'''

SIMPLE_SETTINGS = '''\
THEME = "simple"
THEME_TEMPLATES_OVERRIDES = ["templates"]
PLUGINS = ["meetup"]

SITENAME = "Rust Meetup Leeds"
SITEURL = "https://rust-leeds.example.org"
TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
PATH = "content"
MEETUP_GROUP_NAME = "Rust Meetup Leeds"
MEETUP_LOCATION = "Leeds"
'''

# The site's own index: Pelican's simple one, with the widget in its content block.
SIMPLE_INDEX = '''\
{% extends "!simple/index.html" %}
{% block content %}
{% include "meetup/next_meetup.html" %}
{{ super() }}
{% endblock %}
'''

REPORT = '''\
Title: November meetup: ownership in practice
Date: 2025-11-06 19:00
Tags: Ownership

Thanks to everyone who came to the November meetup.

## Participants

- Priya Natarajan
- Oliver Grant
- Hannah Cole
- Marek Nowak

## Talks

### Oliver Grant: Lifetimes without tears

Slides: https://slides.example.org/lifetimes
'''

INVITATION = '''\
Title: December meetup: async Rust
Date: 2025-11-20 09:00

When: December 4, 2025, 7:00 pm

Where: Leeds Central Library, Calverley Street

## Talks

- Hannah Cole: Async Rust for the impatient
'''


def write_site(folder: Path, settings: str) -> Path:
    (folder / "content").mkdir(parents=True)
    (folder / "pelicanconf.py").write_text(settings, encoding="utf-8")
    (folder / "content" / "2025-11-06-november.md").write_text(REPORT, encoding="utf-8")
    (folder / "content" / "2025-11-20-december.md").write_text(INVITATION, encoding="utf-8")
    return folder


def pelican_build(bin_folder: Path, site: Path) -> Path:
    env = build_env(PINNED_EPOCH)
    env.pop("PYTHONPATH", None)
    env["PATH"] = f"{bin_folder}:{env['PATH']}"
    run(str(bin_folder / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output",
        "--fatal", "warnings", cwd=site, env=env)
    return site / "output"


def page_text(path: Path) -> str:
    return visible_text(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))


@pytest.fixture(scope="module")
def adopted_site(installed_package, tmp_path_factory) -> Path:
    site = write_site(tmp_path_factory.mktemp("adopted") / "site", SETTINGS)
    return pelican_build(installed_package, site)


@pytest.fixture(scope="module")
def simple_theme_site(installed_package, tmp_path_factory) -> Path:
    site = write_site(tmp_path_factory.mktemp("simple") / "site", SIMPLE_SETTINGS)
    (site / "templates").mkdir()
    (site / "templates" / "index.html").write_text(SIMPLE_INDEX, encoding="utf-8")
    return pelican_build(installed_package, site)


def test_the_wheel_holds_the_plugin_the_theme_and_their_data_and_nothing_of_the_site(
        pelican_meetup_wheel):
    files = wheel_files(pelican_meetup_wheel)
    for expected in ("pelican/plugins/meetup/__init__.py",
                     "pelican/plugins/meetup/reading/facts.py",
                     "pelican/plugins/meetup/templates/meetup/next_meetup.html",
                     "pelican/plugins/meetup/translations/de/LC_MESSAGES/meetup.po",
                     "pelican/plugins/meetup/translations/en/LC_MESSAGES/meetup.po",
                     "pelican/plugins/meetup/organizer/site_template/pelicanconf.py.in",
                     "pelican/plugins/meetup/organizer/site_template/github/workflows/site.yml",
                     "pelican/themes/meetup/__init__.py",
                     "pelican/themes/meetup/templates/base.html",
                     "pelican/themes/meetup/static/css/style.css"):
        assert expected in files
    # Pelican's own packages stay Pelican's: the namespaces get no __init__.py.
    assert "pelican/__init__.py" not in files
    assert "pelican/plugins/__init__.py" not in files
    assert "pelican/themes/__init__.py" not in files
    assert not [name for name in files if name.startswith(("tests/", "content/", "bench/"))]


def test_an_existing_site_with_the_theme_shows_the_next_meeting_and_who_came(adopted_site):
    home = page_text(adopted_site / "index.html")
    assert "Next meeting" in home
    assert "Thursday, December 4, 2025 at 7:00 PM" in home or "December 4, 2025" in home
    assert "Leeds Central Library" in home
    report = page_text(adopted_site / "november-meetup-ownership-in-practice.html")
    assert "4 participants" in report
    assert "Priya Natarajan" in report
    # The theme's speaker and topic pages (the Tags: header), and no tag page of Pelican's.
    topic = page_text(adopted_site / "topics" / "ownership" / "index.html")
    assert "Topic: Ownership" in topic and "Lifetimes without tears" in topic
    assert (adopted_site / "speakers" / "oliver-grant" / "index.html").is_file()
    assert not (adopted_site / "tag").exists()


def test_an_existing_site_gets_the_calendars_and_the_json(adopted_site):
    calendar = icalendar.Calendar.from_ical((adopted_site / "meetups.ics").read_bytes())
    starts = sorted(event.decoded("DTSTART").isoformat() for event in calendar.walk("VEVENT"))
    assert starts == ["2025-11-06T19:00:00+00:00", "2025-12-04T19:00:00+00:00"]
    meetups = json.loads((adopted_site / "meetups.json").read_text(encoding="utf-8"))
    text = json.dumps(meetups)
    assert "Lifetimes without tears" in text and "https://slides.example.org/lifetimes" in text


def test_a_site_with_pelicans_simple_theme_includes_the_next_meetup_widget(simple_theme_site):
    home = page_text(simple_theme_site / "index.html")
    assert "Next meeting" in home
    assert "December 4, 2025" in home
    assert "Async Rust for the impatient" in home
    # Still Pelican's simple theme around it: its article list on the same page.
    assert "November meetup: ownership in practice" in home
    # The simple theme has no speaker or topic pages: none are written (and the build,
    # warnings fatal, does not stop over a missing template).
    assert not (simple_theme_site / "speakers").exists()
    assert not (simple_theme_site / "topics").exists()


def test_the_settings_an_adopting_site_writes_are_these_lines():
    """The README shows the same three lines the test site uses."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert textwrap.dedent(SETTINGS.split("\n\n")[0]) in readme


def test_a_new_group_site_made_with_the_released_package_builds_and_checks(installed_package,
                                                                           tmp_path):
    """What a new group types, with nothing but the installed wheel: init, build, check."""
    env = build_env(PINNED_EPOCH)
    env.pop("PYTHONPATH", None)
    env["PATH"] = f"{installed_package}:{env['PATH']}"
    python = str(installed_package / "python")
    site = tmp_path / "rust-porto"
    run(python, "-m", "pelican.plugins.meetup.organizer.site_init", "--target", str(site),
        "--name", "Rust Meetup Porto", "--language", "en", "--timezone", "Europe/Lisbon",
        "--place", "Porto", "--recurrence", "last tuesday 18:30",
        "--signup-url", "https://example.org/join",
        "--repository-url", "https://github.com/rust-porto/site", cwd=tmp_path, env=env)
    run(python, "-m", "invoke", "build", cwd=site, env=env)
    home = page_text(site / "output" / "index.html")
    assert "Rust Meetup Porto" in home
    assert "Next meeting" in home and "Tuesday, December 30, 2025, 6:30 PM" in home
    checked = run(python, "-m", "invoke", "check", cwd=site, env=env)
    assert "no errors" in checked.stdout
