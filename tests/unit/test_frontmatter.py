"""Front matter, dates from paths and titles from headings (pelican.plugins.meetup.reading.frontmatter),
and what a file gives Pelican besides its header (pelican.plugins.meetup.reading.source_fields)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

from pelican.plugins.meetup.reading.frontmatter import (blank_front_matter, date_from_path, parse_date, pick_date,
                                        read_front_matter, read_path_date, title_from_body)
from pelican.plugins.meetup.reading.source_fields import read_source, strip_template_tags
from pelican.plugins.meetup.site.unique_slugs import Claim, suffixes
from textbuilders import german

MIDDLEMAN = """\
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

The April meeting is on *Monday the 12th of April*.
"""

HUGO_JSON = """\
{
   "date": "2024-07-10",
   "meetingdate": "2024-09-05T19:00+01:00",
   "presenter": "Alle",
   "title": "Namen, Zonen und Resolver",
   "slug": "2024-09-05_dns",
   "taxonomies": {
        "category": "Workshop",
        "tag": "Gruppe"
    }
}

## Worum es geht
"""

HUGO_TOML = """\
+++
title = "Sommerfest"
date = 2024-07-04T18:00:00+02:00
draft = true
tags = ["fest", "sommer"]
+++

Grillen im Hof.
"""


def test_yaml_front_matter_with_nested_keys():
    matter = read_front_matter(MIDDLEMAN)
    assert matter.format == "yaml" and matter.problems == ()
    assert matter.body_line == 13
    assert matter.fields["title"] == "April 2021 Meeting"
    assert matter.fields["created_by"] == {"email": "orga@example.org", "name": "Erika Muster"}
    assert matter.lines["meeting_date"] == 11 and matter.lines["title"] == 6
    assert pick_date(matter.fields) == ("meeting_date", dt.date(2021, 4, 12))


def test_json_front_matter_meeting_date_wins():
    matter = read_front_matter(HUGO_JSON)
    assert matter.format == "json" and matter.body_line == 12
    assert set(matter.lines) == set(matter.fields)  # nested keys are not top-level keys
    key, value = pick_date(matter.fields)
    assert key == "meetingdate"
    assert parse_date(value) == dt.datetime(2024, 9, 5, 19, 0)  # wall clock, offset dropped


def test_toml_front_matter():
    matter = read_front_matter(HUGO_TOML)
    assert matter.format == "toml" and matter.body_line == 7
    assert matter.fields["draft"] is True
    assert parse_date(matter.fields["date"]) == dt.datetime(2024, 7, 4, 18, 0)


def test_unsafe_yaml_tag_is_a_problem_and_never_runs(tmp_path):
    marker = tmp_path / "ran"
    source = (f"---\ntitle: x\nrun: !!python/object/apply:os.system ['touch {marker}']\n"
              "---\nText\n")
    matter = read_front_matter(source)
    assert matter.fields == {}
    [(line, message)] = matter.problems
    assert (line, german(message)) == (3, "YAML-Tag „!!python/object/apply:os.system“ ist im Vorspann "
                                          "nicht erlaubt; nur Texte, Zahlen, Daten und Listen (der "
                                          "Vorspann wird sicher gelesen, nie ausgeführt)")
    assert not marker.exists()


@pytest.mark.parametrize("source, line, words", [
    ("---\ntitle: Bericht: Teil 2\n---\n", 2, "YAML-Vorspann nicht lesbar"),
    ('{\n  "title": "x",\n}\n', 3, "JSON-Vorspann nicht lesbar"),
    ("+++\ntitle = Sommerfest\n+++\n", 2, "TOML-Vorspann nicht lesbar"),
    ("+++\ntitle = 'x'\n", 1, "ohne schließendes"),
    ("---\n- a\n- b\n---\n", 1, "keine Liste von „Schlüssel: Wert“"),
])
def test_unreadable_front_matter_names_its_line(source, line, words):
    [(found_line, message)] = read_front_matter(source).problems
    assert found_line == line and words in german(message)


@pytest.mark.parametrize("source", [
    "Title: Bericht\nDate: 2025-01-21\n\nText\n",
    "---\nTitle: Bericht\nDate: 2025-01-21\n---\n\nText\n",  # Pelican's own "---" header
    "---\n\nA rule, then text\n",
    "{::options parse_block_html=\"true\" /}\n",
    "",
])
def test_no_front_matter(source):
    matter = read_front_matter(source)
    assert (matter.format, matter.body_line, matter.problems) == (None, 1, ())


def test_bom_and_crlf():
    matter = read_front_matter("\ufeff---\r\ntitle: Mit BOM\r\n---\r\nText\r\n")
    assert (matter.fields, matter.body_line) == ({"title": "Mit BOM"}, 4)


def test_blank_front_matter_keeps_line_numbers():
    blanked = blank_front_matter(MIDDLEMAN)
    assert blanked.split("\n")[:12] == [""] * 12
    assert blanked.split("\n")[13] == MIDDLEMAN.split("\n")[13]
    assert blank_front_matter("Title: x\n\nText\n") == "Title: x\n\nText\n"


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.sampled_from(["---\n", "+++\n", "{\n", '{"', ""]), st.text())
def test_read_front_matter_never_raises(start, rest):
    matter = read_front_matter(start + rest)
    assert matter.body_line >= 1
    assert all(isinstance(line, int) and line >= 1 for line, _ in matter.problems)
    assert all(german(message) and str(message) for _, message in matter.problems)


# --- Dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("value, expected", [
    ("2025-01-16T19:00+01:00", dt.datetime(2025, 1, 16, 19, 0)),
    ("2019-05-02 22:40:11 +0100", dt.datetime(2019, 5, 2, 22, 40, 11)),
    ("2013-02-12 23:09:12 Z", dt.datetime(2013, 2, 12, 23, 9, 12)),
    ("2024-09-05", dt.date(2024, 9, 5)),
    (dt.date(2024, 9, 5), dt.date(2024, 9, 5)),
    ("2025-02-30", None),
    ("12.08.2025", None),
    (20250812, None),
])
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_publication_date_only_when_no_meeting_date():
    assert pick_date({"published_at": "2021-03-30", "date": "2021-03-31"}) == ("date", "2021-03-31")
    assert pick_date({"published_at": "2021-03-30", "meeting_date": None}) == \
        ("published_at", "2021-03-30")
    assert pick_date({"title": "x"}) is None


@pytest.mark.parametrize("path, expected, precision", [
    ("2019-03-13.md", dt.date(2019, 3, 13), "day"),
    ("protokoll-gruppe-20160309.md", dt.date(2016, 3, 9), "day"),
    ("2024-10-24_Proxmox.md", dt.date(2024, 10, 24), "day"),
    ("archiv/2021/2025-01-13-protokoll-vorstandssitzung.md", dt.date(2025, 1, 13), "day"),
    ("2020-08-29_30-klausur.md", dt.date(2020, 8, 29), "day"),
    ("2019/may/index.html.md.erb", dt.date(2019, 5, 1), "month"),
    ("treffen/2022/maerz/bericht.md", dt.date(2022, 3, 1), "month"),
    ("2019/03/treffen.md", dt.date(2019, 3, 1), "month"),
    ("2023-11-07-stammtisch/index.md", dt.date(2023, 11, 7), "day"),
])
def test_date_from_path(path, expected, precision):
    assert date_from_path(path) == expected
    assert read_path_date(path).precision == precision


@pytest.mark.parametrize("path", ["bericht.md", "archiv/2020/_index.md", "2019-02-30.md",
                                  "2019/lrug-party/index.md", "raum-1234567.md"])
def test_no_date_in_path(path):
    assert date_from_path(path) is None


# --- Titles -------------------------------------------------------------------------------


def test_title_from_the_first_heading():
    found = title_from_body("# Protokoll der *Sitzung* vom [13.01.](x)\n\nText\n# Zweite\n")
    assert (found.text, found.line, found.first_block) == ("Protokoll der Sitzung vom 13.01.", 1, True)
    later = title_from_body("Vorwort\n\n# Titel\n", first_line=5)
    assert (later.text, later.line, later.first_block) == ("Titel", 7, False)
    setext = title_from_body("\nTreffen im Mai\n==============\n\nText\n")
    assert (setext.text, setext.line, setext.end_line, setext.first_block) == \
        ("Treffen im Mai", 2, 3, True)


@pytest.mark.parametrize("body", ["## Nur Ebene zwei\n", "```\n# Kommentar in Bash\n```\n",
                                  "    # eingerückter Code\n", "<!--\n# auskommentiert\n-->\n", ""])
def test_no_title_in_body(body):
    assert title_from_body(body) is None


# --- What Pelican gets (source_fields) ------------------------------------------------------


def test_headerless_file_title_and_date():
    found = read_source("# Protokoll vom Juni\n\nAnwesend: Anna\n", "2025-06-17-protokoll.md")
    assert found.fields["title"].value == "Protokoll vom Juni"
    assert found.fields["date"].value == "2025-06-17"
    assert found.added().keys() == {"title", "date"}
    # The heading is the page's title, not a second one in the text.
    assert found.markdown.split("\n")[0] == "" and "Anwesend: Anna" in found.markdown


def test_pelican_header_wins_and_is_left_to_pelican():
    text = "Title: Bericht\nDate: 2025-06-17 18:30\n\n# Eine Überschrift\n"
    found = read_source(text, "2024-01-01-x.md")
    assert found.added() == {} and found.markdown == text


def test_front_matter_fields_for_pelican():
    found = read_source(MIDDLEMAN, "2021/april/index.html.md.erb",
                        extensions=("md", "md.erb"))
    values = {name: item.value for name, item in found.added().items()}
    assert values["title"] == "April 2021 Meeting"
    assert values["date"] == "2021-04-12"  # the meeting date, not published_at
    assert values["status"] == "published"
    assert "created_by" not in values  # nested values are not Pelican fields
    toml = read_source(HUGO_TOML, "sommerfest.md")
    assert {k: v.value for k, v in toml.added().items()} == {
        "title": "Sommerfest", "date": "2024-07-04 18:00", "status": "draft", "tags": "fest, sommer"}


def test_file_types_and_skips():
    assert german(read_source("x", "_index.md").skip) == "passt zu MEETUP_SKIP_FILES „_index.*“"
    assert german(read_source("x", "2019/may/index.html.md.erb", extensions=("md",)).skip) == \
        "keine Markdown-Datei (Endung nicht in MEETUP_MARKDOWN_EXTENSIONS)"  # not configured
    assert read_source("x", "2019/may/index.html.md.erb", extensions=("md", "md.erb")).skip is None
    assert read_source("x", "_meeting.erb", extensions=("md", "md.erb")).skip is not None


def test_template_tags_dropped_lines_kept():
    text = ('Agenda\n\n<%= render_talks %>\n\n{::coverage year="2019" talk="x" /}\n'
            "Text <% if x %>bleibt<% end %>.\n")
    assert strip_template_tags(text).split("\n") == ["Agenda", "", "", "", "", "Text bleibt.", ""]


# --- Recurring titles (unique_slugs) ---------------------------------------------------------


def _retarget(claim: Claim, suffix: str) -> str:
    return claim.target.replace("/index.html", f"{suffix}/index.html")


def test_recurring_titles_get_their_dates_unique_ones_keep_theirs():
    claims = [Claim("a.md", "stammtisch/index.html", True, dt.date(2024, 3, 12)),
              Claim("b.md", "stammtisch/index.html", True, dt.date(2024, 4, 9)),
              Claim("c.md", "einmalig/index.html", True, dt.date(2024, 5, 1)),
              Claim("p.md", "ueber-uns/index.html", False),
              Claim("d.md", "ueber-uns/index.html", True, dt.date(2024, 6, 1)),
              Claim("e.md", "archiv/index.html", True, dt.date(2024, 7, 2))]
    assert suffixes(claims, _retarget, reserved={"archiv/index.html"}) == {
        "a.md": "-2024-03-12", "b.md": "-2024-04-09", "d.md": "-2024-06-01",
        "e.md": "-2024-07-02"}


def test_same_title_same_day_is_numbered_and_chosen_slugs_stay():
    claims = [Claim("b.md", "dojo/index.html", True, dt.date(2024, 3, 12)),
              Claim("a.md", "dojo/index.html", True, dt.date(2024, 3, 12)),
              Claim("x.md", "fix/index.html", False), Claim("y.md", "fix/index.html", False)]
    assert suffixes(claims, _retarget) == {"a.md": "-2024-03-12", "b.md": "-2024-03-12-2"}
