"""Archives as other generators keep them build unchanged (real builds, invoke build).

One tiny archive holds every shape at once (written for these tests): Middleman YAML
front matter with nested keys in ``YYYY/<month>/index.html.md.erb``, a Middleman HTML
page with front matter, Hugo JSON and TOML front matter, board minutes without any
header (title in the first heading, date in the file name), year/month folders, and a
recurring title ("Stammtisch").  The page addresses and what each page shows are
asserted; ``invoke check`` is asserted for files it cannot date or title.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from helpers import run_invoke
from hostile_helpers import Site, assert_built, settings_file, write

pytestmark = pytest.mark.slow

FILES = {
    # Middleman (LRUG-like): nested YAML, meeting_date after published_at, ERB and kramdown.
    "2021/april/index.html.md.erb": """\
---
created_by:
  email: orga@example.org
  name: Erika Muster
category: meeting
title: April 2021 Meeting
published_at: 2021-03-30 21:15:00 +0100
status: Published
hosted_by:
  - :name: Example Venue
meeting_date: 2021-04-12
---

The April meeting is on *Monday the 12th of April*, from 6:30pm.

## Agenda

<%= render_talks %>

### Property based testing

{::coverage year="2021" month="april" talk="property-based-testing" /}

A talk about generated test cases.
""",
    # Middleman page kept as HTML, a draft without any date but its folders.
    "2007/june/index.html": """\
---
title: June 2007
status: Draft
hosted_by:
  - :name: Example Venue
---

<h4>Ruby and the shell</h4>
<p>Notes of the evening.</p>
""",
    # Hugo (TroLUG-like): JSON front matter, meetingdate with an offset, a chosen slug.
    "2024-09-05_dns.md": """\
{
   "date": "2024-07-10",
   "meetingdate": "2024-09-05T19:00+02:00",
   "presenter": "Jana Beispiel",
   "title": "Namen, Zonen und Resolver",
   "slug": "2024-09-05_dns",
   "location": "Online",
   "taxonomies": {
        "category": "Workshop",
        "tag": "Gruppe"
    }
}

## Worum es geht

Wie ein Name zur Adresse wird.
""",
    # Hugo TOML front matter.
    "sommerfest.md": """\
+++
title = "Sommerfest im Hof"
date = 2024-07-04T18:00:00+02:00
tags = ["fest"]
+++

Grillen und Gespräche.
""",
    # Board minutes without any header: title from the heading, date from the name.
    "2025-01-13-protokoll-vorstandssitzung.md": """\
# Protokoll der Vorstandssitzung vom 13.01.2025

Anwesende: Jana, Piotr, Lea

## Tagesordnung

- Kasse
""",
    "protokoll-gruppe-20160309.md": """\
Protokoll der Gruppe
====================

Wir sprachen über Karten.
""",
    # Year and month folders, numeric month; a Pelican header without Date.
    "2019/03/treffen.md": "Title: Treffen im März 2019\n\nText zum März.\n",
    # A recurring title: two Pelican-header files and one YAML one.
    "2024-03-12-stammtisch.md": "Title: Stammtisch\nDate: 2024-03-12 19:00\n\nErster Abend.\n",
    "2024-04-09-stammtisch.md": "Title: Stammtisch\nDate: 2024-04-09 19:00\n\nZweiter Abend.\n",
    "mai-stammtisch.md": "---\ntitle: Stammtisch\ndate: 2024-05-14\n---\n\nDritter Abend.\n",
    # Hugo's section page and a Middleman template: not built, named by invoke check.
    "_index.md": "+++\nsectionPagesMenu = 'main'\n+++\n",
    "_meeting.erb": "<article><%= meeting.title %></article>\n",
    "pages/about.md": "Title: Über uns\n\nWir treffen uns monatlich.\n",
}

MARKDOWN = ["md", "markdown", "mkd", "mdown", "md.erb"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("shapes")
    site = Site(root, settings_file(root / "conf", MEETUP_MARKDOWN_EXTENSIONS=MARKDOWN))
    for name, text in FILES.items():
        site.add(name, text)
    result = site.build()
    assert_built(result, site)
    return site, result


def page(site: Site, url: str) -> BeautifulSoup:
    return BeautifulSoup(site.read(url + "index.html"), "html.parser")


def visible(element) -> str:
    return " ".join(element.get_text(" ", strip=True).replace("\xa0", " ").split())


@pytest.mark.parametrize("url, title, when", [
    ("april-2021-meeting/", "April 2021 Meeting", "2021-04-12"),
    ("2024-09-05_dns/", "Namen, Zonen und Resolver", "2024-09-05T19:00:00"),
    ("sommerfest-im-hof/", "Sommerfest im Hof", "2024-07-04T18:00:00"),
    ("protokoll-der-vorstandssitzung-vom-13012025/",
     "Protokoll der Vorstandssitzung vom 13.01.2025", "2025-01-13"),
    ("protokoll-der-gruppe/", "Protokoll der Gruppe", "2016-03-09"),
    ("treffen-im-maerz-2019/", "Treffen im März 2019", "2019-03-01"),
])
def test_each_shape_builds_with_its_title_and_date(archive, url, title, when):
    site, _ = archive
    shown = page(site, url)
    assert visible(shown.find("h1")) == title
    assert [visible(h) for h in shown.select("main h1")] == [title]  # the heading is not repeated
    times = [t["datetime"] for t in shown.select("main time[datetime]")]
    assert any(t.startswith(when) for t in times), times


def test_front_matter_and_template_tags_do_not_show(archive):
    site, _ = archive
    for url in ("april-2021-meeting/", "2024-09-05_dns/", "sommerfest-im-hof/"):
        body = visible(page(site, url).find("main"))
        for junk in ("meeting_date", "created_by", "meetingdate", "taxonomies", "+++", "---",
                     "render_talks", "{::", "<%"):
            assert junk not in body, (url, junk)
    april = visible(page(site, "april-2021-meeting/").find("main"))
    assert "Property based testing" in april and "generated test cases" in april


def test_recurring_titles_get_their_dates(archive):
    site, result = archive
    assert not (site.output / "stammtisch").exists()
    for day, words in (("2024-03-12", "Erster Abend."), ("2024-04-09", "Zweiter Abend."),
                       ("2024-05-14", "Dritter Abend.")):
        shown = page(site, f"stammtisch-{day}/")
        assert visible(shown.find("h1")) == "Stammtisch"
        assert words in visible(shown.find("main"))
    assert "Hinweis: den Titel haben mehrere Treffen" in result.stdout
    # Titles used once keep the address they always had.
    assert (site.output / "ueber-uns" / "index.html").is_file()


def test_html_page_with_front_matter_is_a_draft(archive):
    site, _ = archive
    draft = BeautifulSoup(site.read("drafts/june-2007.html"), "html.parser")
    assert visible(draft.find("h1")) == "June 2007"
    assert "Ruby and the shell" in visible(draft.find("main"))
    assert "hosted_by" not in visible(draft.find("main"))


def test_skipped_files_are_named(archive):
    site, result = archive
    assert f"{site.content}/_index.md:1: Hinweis: wird nicht gebaut" in result.stdout
    assert f"{site.content}/_meeting.erb:0: Hinweis: Pelican liest diese Datei nicht" in result.stdout


def test_without_md_erb_the_erb_files_are_named_not_built(tmp_path):
    """A site that lists only Pelican's endings: the .md.erb pages are named, not built."""
    site = Site(tmp_path, settings_file(tmp_path / "conf",
                                        MEETUP_MARKDOWN_EXTENSIONS=["md", "markdown", "mkd", "mdown"]))
    site.add("2021/april/index.html.md.erb", FILES["2021/april/index.html.md.erb"])
    site.add("2024-03-12-stammtisch.md", FILES["2024-03-12-stammtisch.md"])
    result = site.build()
    assert_built(result, site)
    assert not (site.output / "april-2021-meeting").exists()
    assert "index.html.md.erb:0: Hinweis: Pelican liest diese Datei nicht (Endung „.erb“)" \
        in result.stdout


# --- invoke check ------------------------------------------------------------------------


def test_invoke_check_names_files_it_cannot_date_or_title(tmp_path):
    content = tmp_path / "content"
    write(content, "notizen.md", "Wir trafen uns und redeten.\n")
    write(content, "treffen.md", "---\ntitle: Treffen\nlocation: Stuttgart\n---\n\nText\n")
    write(content, "2025-02-18-x.json.md", '{\n  "location": "Online"\n}\n\nNur Text.\n')
    write(content, "2019/mai/bericht.md", "# Bericht vom Mai\n\nText\n")
    write(content, "2025-03-01-boese.md", "---\ntitle: Böse\ndate: 2025-03-01\n"
                                          "x: !!python/object/apply:os.system ['true']\n---\nText\n")
    result = run_invoke("check", "--content", str(content))
    shown = f"{content}/"
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.splitlines() == [
        f"{shown}2019/mai/bericht.md:1: Hinweis: Datum nur aus den Ordnern 2019/mai: 2019-05-01 "
        "angenommen (der Tag fehlt); ein „date“ im Vorspann nennt ihn",
        f"{shown}2025-02-18-x.json.md:1: kein Titel: „title“ fehlt im JSON-Vorspann, und der "
        "Text hat keine Überschrift „# …“",
        f"{shown}2025-03-01-boese.md:4: YAML-Tag „!!python/object/apply:os.system“ ist im "
        "Vorspann nicht erlaubt; nur Texte, Zahlen, Daten und Listen (der Vorspann wird sicher "
        "gelesen, nie ausgeführt)",
        f"{shown}notizen.md:1: „Title:“ und „Date:“ fehlt: die Datei beginnt nicht mit "
        "Kopfzeilen wie „Title: …“ (ohne Kopf: Titel aus der ersten Überschrift „# …“, Datum "
        "aus dem Dateinamen wie 2025-01-21-bericht.md)",
        f"{shown}treffen.md:1: kein Datum: weder „date“ noch „meeting_date“ im YAML-Vorspann "
        "noch ein Datum im Dateinamen (2025-01-21-…) oder in Jahres- und Monatsordnern "
        "(2025/januar/…)",
    ]
    assert "4 Fehler, 1 Hinweis" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
