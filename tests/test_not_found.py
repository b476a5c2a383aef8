"""404.html: what GitHub Pages shows for an unknown address."""

from __future__ import annotations

from bs4 import BeautifulSoup

from helpers import PRODUCTION_SITEURL


def test_not_found_page_links_home_archive_and_search_absolutely(demo_site_production):
    soup = BeautifulSoup((demo_site_production / "404.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert soup.find("h1").get_text() == "Seite nicht gefunden"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    links = {a.get_text(): a["href"] for a in soup.select("main a")}
    # Absolute links work wherever the server shows this page (/a/b/c too).
    assert links == {
        "Startseite": f"{PRODUCTION_SITEURL}/",
        "Archiv": f"{PRODUCTION_SITEURL}/archiv/",
        "Suche": f"{PRODUCTION_SITEURL}/suche/",
    }


def test_not_found_page_is_not_in_the_sitemap_or_the_search_index(demo_site_production):
    assert "404.html" not in (demo_site_production / "sitemap.xml").read_text(encoding="utf-8")
    html = (demo_site_production / "404.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in html
