"""The call for talks: "Vortrag vorschlagen" on the next-meetup box and the talks page,
leading to the repository's issue form (.github/ISSUE_TEMPLATE/vortrag.yml)."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from pelican.plugins.meetup.settings import merged

FORM = "https://github.com/example/meetup-site/issues/new?template=vortrag.yml"


def test_the_link_defaults_to_the_repositorys_issue_form():
    assert merged({"MEETUP_REPOSITORY_URL": "https://github.com/example/meetup-site/"}
                  )["MEETUP_TALK_PROPOSAL_URL"] == FORM
    assert merged({"MEETUP_REPOSITORY_URL": "https://github.com/example/meetup-site",
                   "MEETUP_TALK_PROPOSAL_URL": "https://example.org/cfp"}
                  )["MEETUP_TALK_PROPOSAL_URL"] == "https://example.org/cfp"
    assert merged({})["MEETUP_TALK_PROPOSAL_URL"] == ""
    assert (Path(__file__).parents[1] / ".github" / "ISSUE_TEMPLATE" / "vortrag.yml").is_file()


def test_next_box_and_talks_page_link_the_form(demo_site):
    for page in ("index.html", "vortraege/index.html"):
        soup = BeautifulSoup((demo_site / page).read_text(encoding="utf-8"), "html.parser")
        links = [a for a in soup.select(".propose a") if a.get_text() == "Vortrag vorschlagen"]
        assert links and all(a["href"] == FORM for a in links), page
    box = BeautifulSoup((demo_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert box.select_one("#next-meetup .propose a")["href"] == FORM
